package site

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// window is how many neighbours in date order each shared topic or
// regulator offers as candidates: related lists cost the same per article
// however large the site grows.
const window = 8

// related picks up to n articles that share the most topics with a, then
// the most regulators, nearest in date first. Topics come first because a
// shared story matters more to a reader than a shared regulator.
func related(a *Article, n int) []*Article {
	type candidate struct {
		b                  *Article
		topics, regulators int
		distance           int64
	}
	var cs []candidate
	consider := func(gs []*Group, topic bool) {
		for _, g := range gs {
			i := g.index[a]
			lo, hi := max(0, i-window), min(len(g.Articles), i+window+1)
			for _, b := range g.Articles[lo:hi] {
				if b == a {
					continue
				}
				j := slices.IndexFunc(cs, func(c candidate) bool { return c.b == b })
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
	consider(a.Topics, true)
	consider(a.Regulators, false)
	slices.SortFunc(cs, func(x, y candidate) int {
		return cmp.Or(
			cmp.Compare(y.topics, x.topics),
			cmp.Compare(y.regulators, x.regulators),
			cmp.Compare(x.distance, y.distance),
			y.b.Date.Compare(x.b.Date),
			strings.Compare(x.b.URL, y.b.URL),
		)
	})
	out := make([]*Article, 0, min(n, len(cs)))
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.b)
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
	for _, g := range a.Topics {
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

// eachArticle runs fn for every article, on every core: fn may write to
// its article and read any other.
func eachArticle(articles []*Article, fn func(*Article)) {
	n := runtime.GOMAXPROCS(0)
	chunk := (len(articles) + n - 1) / n
	var wg sync.WaitGroup
	for part := range slices.Chunk(articles, max(chunk, 1)) {
		wg.Go(func() {
			for _, a := range part {
				fn(a)
			}
		})
	}
	wg.Wait()
}
