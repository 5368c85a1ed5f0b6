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
	// The lists are worked out on the stack, for all but an article of
	// many topics: only the list kept is allocated.
	var seenRoom, topicRoom, regulatorRoom [32]*Article
	seen := append(seenRoom[:0], a)
	best, seen := pick(a.topics, n, seen, topicRoom[:0])
	sameTopic = len(best)
	if len(best) < n {
		rest, _ := pick(a.regulators, n, seen, regulatorRoom[:0])
		best = append(best, rest[:min(n-len(best), len(rest))]...)
	}
	list = make([]*Teaser, len(best))
	for i, b := range best {
		list[i] = &b.Teaser
	}
	return list, sameTopic
}

// pick appends to into up to n articles of each group, its newest that
// are neither in seen nor withdrawn, and gives the newest n of all it
// took, newest first, with seen grown by all it took.
func pick(gs []*Group, n int, seen, into []*Article) (picked, seenNow []*Article) {
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
			into = append(into, b)
			taken++
		}
	}
	slices.SortFunc(into, newestFirst)
	return into[:min(n, len(into))], seen
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
