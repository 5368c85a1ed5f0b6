package site

import (
	"slices"
	"sync"

	"bulletin/generator/content"
)

// Memo keeps what New worked out that a later New can take again: each
// article's URL, feed id and place in the date order, the clashes found
// in the URLs and ids claimed, and the steps of each topic's and
// regulator's story in order, before events reported again are merged.
// A URL, an id and a place are taken again for the very article they
// were worked out for, with the same id authority; the clashes where the
// very URLs and ids are claimed at the very places; an article's steps
// for the very article, in the same group, with the settings defining
// the same statuses. An article is never changed once read, and is read
// anew from changed bytes (see content.Article.Source), so the same
// article gives the same steps: a save works out again only the steps of
// the article it changed, and sorts only those. serve keeps one between
// saves; a nil Memo keeps nothing. Its zero value is ready.
type Memo struct {
	run     sync.Mutex // one New at a time
	mu      sync.Mutex // guards stories, made and urls while New runs
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

// kept is one group's steps, in order (see before), the articles they
// were gathered from, the statuses they could take, and the story they
// tell.
type kept struct {
	from     []*content.Article
	statuses []content.Status
	steps    []step
	story    []merged
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

// story gives the group's story steps, in date order, merged (see
// merge), and g's own to change: its steps taken again from m where
// it can, and kept in m.
func (m *Memo) story(g *Group, s *content.Settings) []*Step {
	if m == nil {
		steps := g.steps(s)
		return g.pointed(steps, merge(steps), s)
	}
	m.mu.Lock()
	k := m.stories[g.URL]
	m.mu.Unlock()
	if k == nil || !k.madeFrom(g, s) {
		k = k.again(g, s)
	}
	m.mu.Lock()
	m.made[g.URL] = k
	m.mu.Unlock()
	return g.pointed(k.steps, k.story, s)
}

// again gives the group's steps, kept for m. Where k was gathered with
// the same statuses, the steps of the articles the group still has are
// taken again, at their articles' new places: the articles keep their
// order, which is made of what they were read from, so their steps keep
// theirs, and only the steps of the articles new to the group are
// worked out, sorted and merged in. After a save, that is the article
// it changed.
func (k *kept) again(g *Group, s *content.Settings) *kept {
	n := &kept{from: make([]*content.Article, len(g.articles)), statuses: slices.Clone(s.Statuses)}
	place := make(map[*content.Article]int32, len(g.articles))
	for i, a := range g.articles {
		n.from[i], place[a.Content] = a.Content, int32(i)
	}
	// Each article's new place, by its old; -1 for one gone. An article
	// the group has twice, now or when k was gathered, has no one place,
	// and all its steps are worked out again.
	whole := k == nil || !slices.Equal(k.statuses, s.Statuses) || len(place) < len(g.articles)
	var moved []int32
	taken := make([]bool, len(g.articles))
	if !whole {
		moved = make([]int32, len(k.from))
		for i, c := range k.from {
			p, ok := place[c]
			switch {
			case !ok:
				p = -1
			case taken[p]:
				whole = true
			default:
				taken[p] = true
			}
			moved[i] = p
		}
	}
	if whole {
		n.steps = g.steps(s)
		n.story = merge(n.steps)
		return n
	}
	var fresh []step
	var own []Step
	for i, a := range g.articles {
		if !taken[i] {
			fresh, own = g.appendSteps(fresh, own, a, i, s)
		}
	}
	order := func(a, b step) int { return before(&a, &b) }
	slices.SortFunc(fresh, order)
	still := make([]step, 0, len(k.steps))
	for _, st := range k.steps {
		if st.article = moved[st.article]; st.article >= 0 {
			still = append(still, st)
		}
	}
	n.steps = mergeSorted(still, fresh, order)
	n.story = merge(n.steps)
	return n
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
