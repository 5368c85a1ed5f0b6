package site

import (
	"slices"
	"sync"

	"bulletin/generator/content"
)

// Memo keeps what New worked out that a later New can take again: each
// article's URL and feed id, the clashes found in the URLs and ids
// claimed, and the steps of each topic's and regulator's story,
// gathered, merged and in date order. The clashes are taken again where
// the very URLs and ids are claimed at the very places. A URL and an
// id are taken again for the very article they were worked out for,
// with the same id authority; a story only where its group's articles
// are the very ones it was gathered from, and the settings define the
// same statuses. An article is never changed once read, and is read
// anew from changed bytes (see content.Article.Source), so the same
// articles give the same steps: a save works out again only the stories
// of the groups of the article it changed. serve keeps one between
// saves; a nil Memo keeps nothing. Its zero value is ready.
type Memo struct {
	run     sync.Mutex // one New at a time
	mu      sync.Mutex // guards stories and made while New runs
	stories map[string]*kept
	made    map[string]*kept // this New's, which replace stories once it ends
	// names are each article's URL and id, which depend only on the
	// article and the id authority.
	names     map[*content.Article]names
	authority string
	urls      *checked // what the last New's URLs and ids were checked for
}

// names are an article's URL and feed id, and its place in the date
// order of the site they were kept from.
type names struct {
	url, id string
	rank    int32
}

// knownNames gives the URLs, ids and places of the articles of the last
// New, if it had the id authority given.
func (m *Memo) knownNames(authority string) map[*content.Article]names {
	if m == nil || m.authority != authority {
		return nil
	}
	return m.names
}

// keepNames keeps the URLs and ids of the site's articles, and their
// places in its date order.
func (m *Memo) keepNames(s *Site) {
	if m == nil {
		return
	}
	m.names, m.authority = make(map[*content.Article]names, len(s.Articles)), s.Settings.IDAuthority
	for i, a := range s.Articles {
		m.names[a.Content] = names{a.URL, a.ID, int32(i)}
	}
}

// kept is one group's steps as gather gave them, the articles they were
// gathered from, and the statuses they could take. Each step's article
// is given by its place in from, and its status by its place in
// statuses, since both are made anew by each New.
type kept struct {
	from     []*content.Article
	statuses []content.Status
	steps    []Step
	article  []int32
	status   []int // -1 for none
}

// begin starts a New, and gives what ends it.
func (m *Memo) begin() func() {
	if m == nil {
		return func() {}
	}
	m.run.Lock()
	m.made = map[string]*kept{}
	return func() {
		m.stories, m.made = m.made, nil
		m.run.Unlock()
	}
}

// story gives the group's story steps, in date order, as gather does,
// and g's own to change: taken again from m where it can, and kept in m.
func (m *Memo) story(g *Group, s *content.Settings) []*Step {
	if m == nil {
		return g.gather(s)
	}
	m.mu.Lock()
	k := m.stories[g.URL]
	m.mu.Unlock()
	if k == nil || !k.madeFrom(g, s) {
		k = keep(g, s)
	}
	m.mu.Lock()
	m.made[g.URL] = k
	m.mu.Unlock()
	steps := slices.Clone(k.steps)
	story := make([]*Step, len(steps))
	for i := range steps {
		steps[i].Article = &g.articles[k.article[i]].Teaser
		if n := k.status[i]; n >= 0 {
			steps[i].Status = &s.Statuses[n]
		}
		story[i] = &steps[i]
	}
	return story
}

// keep gathers the group's steps for m. The steps kept point at no
// article or status of this New's, which would keep its whole site in
// memory.
func keep(g *Group, s *content.Settings) *kept {
	k := &kept{from: make([]*content.Article, len(g.articles)), statuses: slices.Clone(s.Statuses)}
	place := make(map[*Teaser]int32, len(g.articles))
	for i, a := range g.articles {
		k.from[i] = a.Content
		place[&a.Teaser] = int32(i)
	}
	story := g.gather(s)
	k.steps, k.article, k.status = make([]Step, len(story)), make([]int32, len(story)), make([]int, len(story))
	for i, st := range story {
		k.steps[i], k.article[i], k.status[i] = *st, place[st.Article], -1
		for n := range s.Statuses {
			if st.Status == &s.Statuses[n] {
				k.status[i] = n
			}
		}
		k.steps[i].Article, k.steps[i].Status = nil, nil
	}
	return k
}

// madeFrom reports whether k was gathered from the group's articles,
// with the statuses s defines.
func (k *kept) madeFrom(g *Group, s *content.Settings) bool {
	if len(k.from) != len(g.articles) || !slices.Equal(k.statuses, s.Statuses) {
		return false
	}
	for i, a := range g.articles {
		if k.from[i] != a.Content {
			return false
		}
	}
	return true
}
