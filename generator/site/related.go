package site

import (
	"slices"
	"strings"
)

// window is how many neighbours in date order each shared topic or
// regulator offers as candidates: related lists cost the same per article
// however large the site grows.
const window = 8

// related picks up to n articles that share the most topics (counted
// double) and regulators with a, nearest in date first.
func related(a *Article, n int) []*Article {
	score := map[*Article]int{}
	consider := func(gs []*Group, weight int) {
		for _, g := range gs {
			i := g.index[a]
			lo, hi := max(0, i-window), min(len(g.Articles), i+window+1)
			for _, b := range g.Articles[lo:hi] {
				if b != a {
					score[b] += weight
				}
			}
		}
	}
	consider(a.Topics, 2)
	consider(a.Regulators, 1)
	out := make([]*Article, 0, len(score))
	for b := range score {
		out = append(out, b)
	}
	slices.SortFunc(out, func(x, y *Article) int {
		if score[x] != score[y] {
			return score[y] - score[x]
		}
		if dx, dy := distance(a, x), distance(a, y); dx != dy {
			if dx < dy {
				return -1
			}
			return 1
		}
		if c := y.Date.Compare(x.Date); c != 0 {
			return c
		}
		return strings.Compare(x.URL, y.URL)
	})
	return out[:min(n, len(out))]
}

func distance(a, b *Article) int64 {
	d := a.Date.Sub(b.Date)
	if d < 0 {
		d = -d
	}
	return int64(d)
}

// newer finds the newest article of a's topics, when it is newer than a.
func newer(a *Article) (*Article, *Group) {
	for _, g := range a.Topics {
		if top := g.Articles[0]; top != a && top.Date.After(a.Date) {
			return top, g
		}
	}
	return nil, nil
}
