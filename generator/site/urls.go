package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"bulletin/generator/content"
)

// urlClaim is a page address an article claims, with all a clash with
// it tells: the field that sets it, how (the field, or the file's name
// for an article with no slug), and where.
type urlClaim struct {
	url, what, how, file string
	line                 int
}

// idClaim is an article's feed id, whether its front matter sets it,
// and where.
type idClaim struct {
	id, file string
	set      bool
	line     int
}

// claims gives the URLs and ids the site's articles claim, held-back
// articles' and those of articles refused for another problem included,
// in the order checkClaims tells them, and notes the refused articles'
// in s.Refused.
func (s *Site) claims(set *content.Set) ([]urlClaim, []idClaim) {
	n := len(s.Articles) + len(s.Held) + len(set.Refused)
	for _, a := range s.Articles {
		n += len(a.Aliases)
	}
	urls := make([]urlClaim, 0, n)
	slug := func(a *content.Article, url string) urlClaim {
		line := a.Lines.Line("slug")
		c := urlClaim{url: url, what: "slug", how: "slug", file: a.File, line: cmp.Or(line, a.Line)}
		if line == 0 {
			c.how = "made from its file name"
		}
		return c
	}
	aliases := func(a *content.Article) {
		for i, al := range a.Aliases {
			urls = append(urls, urlClaim{url: sitePath(al), what: "aliases", how: "aliases", file: a.File, line: cmp.Or(a.AliasLine(i), a.Line)})
		}
	}
	// Held-back articles claim their URLs now, so a clash fails today's
	// build rather than the one on the day they go live.
	all := slices.Clone(s.Articles)
	for _, h := range s.Held {
		a := new(Article)
		s.newArticle(a, h, names{})
		all = append(all, a)
	}
	for _, a := range all {
		urls = append(urls, slug(a.Content, a.URL))
	}
	// An article refused for another problem still claims the URL it
	// would have, and its aliases that are paths of the site, so that a
	// clash with them is told in the same run, not once the other
	// problem is mended.
	var refused []*content.Article
	for _, r := range set.Refused {
		if r.Draft {
			continue
		}
		refused = append(refused, r)
		if u := RefusedURL(r); u != "" {
			urls = append(urls, slug(r, u))
			s.Refused = append(s.Refused, RefusedPath{Path: u, File: r.File, Field: "slug", Line: cmp.Or(r.Lines.Line("slug"), r.Line)})
		}
	}
	for _, a := range all {
		aliases(a.Content)
	}
	for _, r := range refused {
		aliases(r)
		for i, al := range r.Aliases {
			s.Refused = append(s.Refused, RefusedPath{Path: al, File: r.File, Field: "aliases", Line: r.AliasLine(i)})
		}
	}
	ids := make([]idClaim, len(all))
	for i, a := range all {
		ids[i] = idClaim{id: a.ID, file: a.Content.File, set: a.Content.ID != "", line: cmp.Or(a.Content.Lines.Line("id"), a.Content.Line)}
	}
	return urls, ids
}

// checkClaims makes sure no two pages claim one URL, and no two articles
// one feed id.
func checkClaims(urls []urlClaim, ids []idClaim) content.Errors {
	// URLs that differ only in case or Unicode form clash too: hosts and
	// file systems that ignore case, or compare the forms, serve them
	// as one.
	claims := make(map[string]urlClaim, len(urls))
	// others are, for a folded URL claimed in more than one form, the
	// first claim of each form but the first's: a later claim of such a
	// form is told as that one's URL, so that every claim but the first
	// is told, and no clash is found only once another is mended.
	others := map[string]urlClaim{}
	var errs content.Errors
	for _, c := range urls {
		u := c.url
		folded := content.Fold(u)
		prev, ok := claims[folded]
		if other, seen := others[u]; ok && prev.url != u && seen {
			prev = other
		} else if ok && prev.url != u {
			others[u] = c
		}
		own := ok && c.what == "aliases" && prev.what == "slug" && c.file == prev.file
		switch {
		case !ok:
			claims[folded] = c
		case own && prev.url == u:
			errs = append(errs, &content.Error{File: c.file, Line: c.line, Claimed: u, Rival: fmt.Sprintf("%s:%d", prev.file, prev.line),
				Msg: fmt.Sprintf("aliases: %s is the article's own URL, which needs no alias: delete it", u)})
		case own:
			errs = append(errs, &content.Error{File: c.file, Line: c.line, Claimed: u, Rival: fmt.Sprintf("%s:%d", prev.file, prev.line),
				Msg: fmt.Sprintf("aliases: %s differs only in case or Unicode form from the article's own URL, %s, and many hosts serve the two as one, so the two cannot both be kept: to keep the old address, give the article slug: %s; to keep its URL, which readers may have seen too, delete the alias", u, prev.url, lastSegment(u))})
		case prev.url == u:
			errs = append(errs, &content.Error{File: c.file, Line: c.line, Claimed: u, Rival: fmt.Sprintf("%s:%d", prev.file, prev.line),
				Msg: fmt.Sprintf("%s: %s is also the URL of %s:%d (%s): choose another%s", c.what, u, prev.file, prev.line, prev.how, content.FormNote(c.file, prev.file))})
		default:
			errs = append(errs, &content.Error{File: c.file, Line: c.line, Claimed: u, Rival: fmt.Sprintf("%s:%d", prev.file, prev.line),
				Msg: fmt.Sprintf("%s: %s differs only in case or Unicode form from %s, the URL of %s:%d (%s), and many hosts serve the two as one: choose another", c.what, u, prev.url, prev.file, prev.line, prev.how)})
		}
	}
	// A feed reader shows one entry of two that share an id, and counts
	// the other seen. An id made from a date and an address is as unique
	// as the address; one set in front matter need not be.
	seen := make(map[string]idClaim, len(ids))
	for _, this := range ids {
		prev, ok := seen[this.id]
		if !ok {
			seen[this.id] = this
			continue
		}
		// The article whose front matter sets the id is told; both made
		// would mean both addresses clash, which is told above.
		if !this.set {
			this, prev = prev, this
		}
		if !this.set {
			continue
		}
		other := "is the id " + prev.file + ":" + strconv.Itoa(prev.line) + " sets too"
		if !prev.set {
			other = "is the id made for " + prev.file + " from its date and first address"
		}
		errs = append(errs, &content.Error{File: this.file, Line: this.line,
			Msg: fmt.Sprintf("id: %s %s, and feed readers would show only one of the two: give this article an id of its own", this.id, other)})
	}
	return errs
}

// checkURLs checks the URLs and ids of the site's articles for clashes
// (see claims and checkClaims), taking what it found again from m when
// the claims are the very ones it last checked, and keeping it in m.
func (m *Memo) checkURLs(s *Site, set *content.Set) error {
	urls, ids := s.claims(set)
	if m == nil {
		return checkClaims(urls, ids).Err()
	}
	m.mu.Lock()
	c := m.urls
	m.mu.Unlock()
	if c == nil || !slices.Equal(c.urls, urls) || !slices.Equal(c.ids, ids) {
		c = &checked{urls: urls, ids: ids, errs: checkClaims(urls, ids)}
		m.mu.Lock()
		m.urls = c
		m.mu.Unlock()
	}
	return slices.Clone(c.errs).Err()
}

// checked is what checkClaims found in the claims it was given.
type checked struct {
	urls []urlClaim
	ids  []idClaim
	errs content.Errors
}

// lastSegment gives the last segment of a site path: x of /2025/05/x/.
func lastSegment(p string) string {
	p = strings.TrimSuffix(p, "/")
	return p[strings.LastIndex(p, "/")+1:]
}
