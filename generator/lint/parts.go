package lint

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// parts finds the ids of the pages of a site, for links to a part of a
// page (#what-next): from the article's body where it gives the id, as
// most such links' do, else from the page as made, with the theme's own
// ids, each page made once however many links name it. A link to an old
// address (an alias) is to the page it redirects to.
type parts struct {
	articles  []*site.Article
	redirects []site.Redirect
	once      sync.Once
	byURL     map[string]*content.Article
	moved     map[string]string // where each alias redirects
	mu        sync.Mutex
	made      map[string]*madeIDs // by site path
}

// madeIDs are the ids of a page, made once, and those its article's
// body gives, gathered once.
type madeIDs struct {
	once    sync.Once
	ids     []string
	set     map[string]bool // ids, to look in
	page    bool            // false for a file that is not a page, or could not be made
	gather  sync.Once
	anchors map[string]bool
}

// suggestionsAPage is how many links of one article to parts a page
// lacks are given the id likely meant: each suggestion looks through
// all the page's ids, so an article linking to a page many times by ids
// it lacks gets only the first, in the order it has them.
const suggestionsAPage = 100

// lacks reports whether the page at the site path target, which the site
// has, lacks a part with the given id, and the ids it has and its site
// path, where an alias redirects; a file that is not a page (a PDF's
// #page=2) or that cannot be made lacks nothing.
func (c *checker) lacks(target, id string) (bool, *madeIDs, string) {
	p := &c.parts
	p.once.Do(func() {
		p.byURL, p.moved, p.made = make(map[string]*content.Article, len(p.articles)), map[string]string{}, map[string]*madeIDs{}
		for _, a := range p.articles {
			p.byURL[a.URL] = a.Content
		}
		for _, r := range p.redirects {
			p.moved[r.From] = r.To
		}
	})
	if to, ok := p.moved[target]; ok {
		target = to
	}
	name := strings.TrimPrefix(target, "/")
	switch {
	case name == "" || strings.HasSuffix(name, "/"):
		name += "index.html"
	case c.files.Has(name + "/index.html"):
		// A page's address without its last slash, which a host serves.
		target, name = target+"/", name+"/index.html"
	case !strings.HasSuffix(name, ".html"):
		return false, nil, target
	}
	p.mu.Lock()
	m := p.made[target]
	if m == nil {
		m = &madeIDs{}
		p.made[target] = m
	}
	p.mu.Unlock()
	if a := p.byURL[target]; a != nil {
		m.gather.Do(func() {
			m.anchors = make(map[string]bool, len(a.Anchors))
			for _, h := range a.Anchors {
				m.anchors[h.ID] = true
			}
		})
		if m.anchors[id] {
			return false, nil, target
		}
	}
	m.once.Do(func() {
		if page, err := c.files.Make(name); err == nil {
			m.ids, m.page = content.IDs(string(page)), true
			m.set = make(map[string]bool, len(m.ids))
			for _, id := range m.ids {
				m.set[id] = true
			}
		}
	})
	return m.page && !m.set[id], m, target
}

// part warns of a link to a part of the page at target that the page
// lacks: the reader lands at the top of the page. suggested counts, by
// page, the article's links given the id likely meant so far.
func (c *checker) part(a *content.Article, l content.Link, target, id string, suggested map[string]int) *content.Error {
	if strings.EqualFold(id, "top") {
		return nil // the top of the page, to a browser, when nothing has that id
	}
	lacks, m, page := c.lacks(target, id)
	if !lacks {
		return nil
	}
	suggest := suggested[page] < suggestionsAPage
	if suggest {
		suggested[page]++
	}
	return noPart(a, l, page, id, m.ids, suggest)
}

// noPart warns of the link l of a to the part id of the page at page,
// which has only the ids given, with the one likely meant where suggest.
func noPart(a *content.Article, l content.Link, page, id string, ids []string, suggest bool) *content.Error {
	msg := fmt.Sprintf("link %s: %s has no heading or part with the id %q, so the link leads to the top of the page", content.Quoted(l.Written), page, id)
	if suggest {
		if near := nearestID(id, ids); near != "" {
			msg += ": did you mean #" + near + "?"
		}
	}
	return &content.Error{File: a.File, Line: l.Line, Warning: true, Msg: msg}
}

// ownPart warns of a link to a part of the page at target of the
// article a, refused and so not made, that neither its headings nor the
// theme's article pages give.
func (c *checker) ownPart(a *content.Article, l content.Link, target, id string) *content.Error {
	if strings.EqualFold(id, "top") {
		return nil
	}
	var ids []string
	for _, h := range a.Anchors {
		ids = append(ids, h.ID)
	}
	for _, t := range c.files.ThemeIDs() {
		if t.On("article.html") {
			ids = append(ids, t.ID)
		}
	}
	if slices.Contains(ids, id) {
		return nil
	}
	return noPart(a, l, target, id, ids, true)
}

// nearestID gives the id of ids a typing slip away from id, or "".
func nearestID(id string, ids []string) string {
	most := max(content.TypoLimit(id), 1)
	best, bestDistance := "", most+1
	for _, other := range ids {
		if d := content.DistanceAtMost(strings.ToLower(id), strings.ToLower(other), most); d < bestDistance {
			best, bestDistance = other, d
		}
	}
	return best
}
