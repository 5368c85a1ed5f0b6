package site

import (
	"cmp"
	"slices"
	"strings"
)

// window is how many neighbours in date order each shared topic or
// regulator offers as candidates: related lists cost the same per article
// however large the site grows.
const window = 8

// related picks up to n articles that share the most topics with a, then
// the most regulators, nearest in date first. Topics come first because a
// shared story matters more to a reader than a shared regulator.
func related(a *Article, n int) []*Teaser {
	type candidate struct {
		b                  *Article
		topics, regulators int
		distance           int64
	}
	cs := make([]candidate, 0, 2*window*(len(a.topics)+len(a.regulators)))
	consider := func(gs []*Group, topic bool) {
		for _, g := range gs {
			i := g.index[a]
			lo, hi := max(0, i-window), min(len(g.Articles), i+window+1)
			// The first group's neighbours are all new candidates; only
			// those of later groups may be seen already.
			seen := len(cs)
			for _, b := range g.Articles[lo:hi] {
				if b == a {
					continue
				}
				j := slices.IndexFunc(cs[:seen], func(c candidate) bool { return c.b == b })
				if j < 0 {
					cs = append(cs, candidate{b: b, distance: distance(a, b)})
					j = len(cs) - 1
				}
				if topic {
					cs[j].topics++
				} else {
					cs[j].regulators++
				}
			}
		}
	}
	consider(a.topics, true)
	consider(a.regulators, false)
	// Only the best n are wanted, so each candidate is compared with
	// those kept so far, and each comparison goes only as far as it must.
	better := func(x, y candidate) int {
		if c := cmp.Compare(y.topics, x.topics); c != 0 {
			return c
		}
		if c := cmp.Compare(y.regulators, x.regulators); c != 0 {
			return c
		}
		if c := cmp.Compare(x.distance, y.distance); c != 0 {
			return c
		}
		if c := y.b.Date.Compare(x.b.Date); c != 0 {
			return c
		}
		return strings.Compare(x.b.URL, y.b.URL)
	}
	best := make([]candidate, 0, n+1)
	for _, c := range cs {
		if len(best) == n && (n == 0 || better(c, best[n-1]) >= 0) {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, c, better)
		best = slices.Insert(best, i, c)[:min(n, len(best)+1)]
	}
	out := make([]*Teaser, len(best))
	for i, c := range best {
		out[i] = &c.b.Teaser
	}
	return out
}

func distance(a, b *Article) int64 {
	d := a.Date.Sub(b.Date)
	if d < 0 {
		d = -d
	}
	return int64(d)
}

// newer finds the newest article of a's topics, when it is newer than a;
// withdrawn articles are no update to point readers to.
func newer(a *Article) (*Article, *Group) {
	for _, g := range a.topics {
		for _, top := range g.Articles {
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
