package site

import (
	"slices"
	"strings"
)

// related picks up to n articles a reader of a may want next, in an
// order a reader can follow: those that share a topic with a first, then
// those that only share a regulator, each newest first. It gives the
// list and how many of it, from the start, share a topic. Withdrawn
// articles no longer stand, so none is offered.
//
// Only the newest n of each topic and regulator can make the list, so it
// costs the same per article however large the site grows.
func related(a *Article, n int) (list []*Teaser, sameTopic int) {
	// Each group gives at most n: the lists are made once at their size.
	seen := make([]*Article, 1, 1+n*(len(a.topics)+len(a.regulators)))
	seen[0] = a
	pick := func(gs []*Group) []*Article {
		cs := make([]*Article, 0, n*len(gs))
		for _, g := range gs {
			taken := 0
			for _, b := range g.articles {
				if taken == n {
					break
				}
				if b.Withdrawn != nil || slices.Contains(seen, b) {
					continue
				}
				seen = append(seen, b)
				cs = append(cs, b)
				taken++
			}
		}
		slices.SortFunc(cs, newestFirst)
		return cs[:min(n, len(cs))]
	}
	best := pick(a.topics)
	sameTopic = len(best)
	if len(best) < n {
		rest := pick(a.regulators)
		best = append(best, rest[:min(n-len(best), len(rest))]...)
	}
	list = make([]*Teaser, len(best))
	for i, b := range best {
		list[i] = &b.Teaser
	}
	return list, sameTopic
}

// newestFirst orders articles newest first, and by URL on the same date.
func newestFirst(a, b *Article) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return strings.Compare(a.URL, b.URL)
}

// newer finds the newest article of a's topics, when it is newer than a;
// withdrawn articles are no update to point readers to.
func newer(a *Article) (*Article, *Group) {
	for _, g := range a.topics {
		for _, top := range g.articles {
			if !top.Date.After(a.Date) {
				break
			}
			if top.Withdrawn == nil {
				return top, g
			}
		}
	}
	return nil, nil
}
