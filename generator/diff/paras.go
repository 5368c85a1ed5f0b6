package diff

import (
	"cmp"
	"slices"
)

const (
	// editSimilar is how alike two paragraphs in the same place must be
	// to be compared word by word, rather than one deleted and the other
	// inserted.
	editSimilar = 0.5
	// moveSimilar is how alike a paragraph must be to one elsewhere in
	// the other version to count as moved there: nearly unchanged.
	moveSimilar = 0.8
	// maxCells bounds the number of pairs of paragraphs whose likeness is
	// measured in one place, so that a huge rewrite stays quick.
	maxCells = 1 << 14
)

// from is where a paragraph of a comparison comes from: its index in
// the old version and in the new, each -1 where it is not there.
type from struct{ old, new int }

// paired is the paragraph a paragraph of one version goes with in the
// other, and how.
type paired struct {
	to  int // index in the other version, or -1
	how Move
}

// comparison matches the paragraphs of two versions.
type comparison struct {
	olds, news   []string
	oldTo, newTo []paired
	bags         map[string]map[string]int
}

// compare compares two cleaned texts' paragraphs: those equal, in order;
// then in each stretch between them those alike enough, in order; then
// those moved, among the rest. It gives too where each paragraph of the
// comparison comes from.
func compare(olds, news []string) ([]Para, []from) {
	c := &comparison{olds: olds, news: news, bags: map[string]map[string]int{}}
	c.oldTo, c.newTo = unpaired(len(olds)), unpaired(len(news))
	ids := map[string]int{}
	intern := func(paras []string) []int {
		out := make([]int, len(paras))
		for i, p := range paras {
			if _, ok := ids[p]; !ok {
				ids[p] = len(ids)
			}
			out[i] = ids[p]
		}
		return out
	}
	same := common(intern(olds), intern(news))
	for _, m := range same {
		c.oldTo[m.A], c.newTo[m.B] = paired{m.B, Stayed}, paired{m.A, Stayed}
	}
	a, b := 0, 0
	for _, m := range append(same, match{len(olds), len(news)}) {
		c.pairInPlace(a, m.A, b, m.B)
		a, b = m.A+1, m.B+1
	}
	c.pairMoved()
	return c.paras()
}

func unpaired(n int) []paired {
	out := make([]paired, n)
	for i := range out {
		out[i].to = -1
	}
	return out
}

// pairInPlace pairs the paragraphs olds[a0:a1] with news[b0:b1] that are
// alike, in order, so that the sum of their likeness is greatest; a lone
// paragraph in place of another is paired with it, alike or not.
func (c *comparison) pairInPlace(a0, a1, b0, b1 int) {
	n, m := a1-a0, b1-b0
	switch {
	case n == 0 || m == 0:
		return
	case n == 1 && m == 1:
		// One paragraph put in the place of another reads best as edited.
		c.pair(a0, b0, Stayed)
		return
	}
	if n*m > maxCells {
		// Too many to weigh: pair them in order, where alike.
		for i := range min(n, m) {
			if c.similar(a0+i, b0+i) >= editSimilar {
				c.pair(a0+i, b0+i, Stayed)
			}
		}
		return
	}
	// best[i][j] is the greatest sum for olds[a0+i:a1] and news[b0+j:b1].
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	sim := func(i, j int) float64 {
		if s := c.similar(a0+i, b0+j); s >= editSimilar {
			return s
		}
		return -1
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best[i][j] = max(best[i+1][j], best[i][j+1])
			if s := sim(i, j); s > 0 {
				best[i][j] = max(best[i][j], best[i+1][j+1]+s)
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch s := sim(i, j); {
		case s > 0 && best[i][j] == best[i+1][j+1]+s:
			c.pair(a0+i, b0+j, Stayed)
			i, j = i+1, j+1
		case best[i][j] == best[i+1][j]:
			i++
		default:
			j++
		}
	}
}

// pairMoved pairs the paragraphs left over in both versions that are
// nearly the same: the most alike first.
func (c *comparison) pairMoved() {
	var olds, news []int
	for i, p := range c.oldTo {
		if p.to < 0 {
			olds = append(olds, i)
		}
	}
	for j, p := range c.newTo {
		if p.to < 0 {
			news = append(news, j)
		}
	}
	type candidate struct {
		i, j int
		sim  float64
	}
	var cands []candidate
	if len(olds)*len(news) <= maxCells {
		for _, i := range olds {
			for _, j := range news {
				if s := c.similar(i, j); s >= moveSimilar {
					cands = append(cands, candidate{i, j, s})
				}
			}
		}
	} else {
		// Too many to weigh: only paragraphs moved unchanged.
		at := map[string][]int{}
		for _, j := range news {
			at[c.news[j]] = append(at[c.news[j]], j)
		}
		for _, i := range olds {
			for _, j := range at[c.olds[i]] {
				cands = append(cands, candidate{i, j, 1})
			}
		}
	}
	slices.SortFunc(cands, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.i, y.i), cmp.Compare(x.j, y.j))
	})
	for _, cd := range cands {
		if c.oldTo[cd.i].to < 0 && c.newTo[cd.j].to < 0 {
			c.pair(cd.i, cd.j, MovedHere)
		}
	}
}

func (c *comparison) pair(i, j int, how Move) {
	c.oldTo[i], c.newTo[j] = paired{j, how}, paired{i, how}
}

// similar measures how alike two paragraphs are, from 0 to 1: the share
// of their words that they have in common, counting repeats (of their
// signs, for paragraphs without words).
func (c *comparison) similar(i, j int) float64 {
	a, b := c.bag(c.olds[i]), c.bag(c.news[j])
	if len(a) > len(b) {
		a, b = b, a
	}
	shared, total := 0, 0
	for tok, n := range a {
		shared += min(n, b[tok])
		total += n
	}
	for _, n := range b {
		total += n
	}
	if total == 0 {
		return 0
	}
	return 2 * float64(shared) / float64(total)
}

// bag counts the words of a paragraph, or its signs other than spaces
// when it has no word.
func (c *comparison) bag(p string) map[string]int {
	if b, ok := c.bags[p]; ok {
		return b
	}
	b := map[string]int{}
	toks := tokens(p)
	keep := isWord
	if countWords(toks) == 0 {
		keep = func(tok string) bool { return !isSpace(tok) }
	}
	for _, tok := range toks {
		if keep(tok) {
			b[tok]++
		}
	}
	c.bags[p] = b
	return b
}

// paras lays the paragraphs out in reading order: the new version's,
// with each paragraph of the old one that is gone, or moved, where it
// stood, before the new paragraphs of the same stretch.
func (c *comparison) paras() ([]Para, []from) {
	var out []Para
	var froms []from
	add := func(p Para, old, new int) {
		out, froms = append(out, p), append(froms, from{old, new})
	}
	here := map[int]int{} // index in out of each moved paragraph, by new index
	away := map[int]int{} // index in out of each place left, by old index
	oldOnly := func(i int) {
		if c.oldTo[i].how == MovedHere {
			away[i] = len(out)
			add(Para{Move: MovedAway}, i, -1)
			return
		}
		add(Para{Ops: []Op{{Delete, c.olds[i]}}}, i, -1)
	}
	// bound[j] is the old index of the first paragraph from j on that
	// stayed in place: the old ones before it come before j.
	bound := make([]int, len(c.news)+1)
	bound[len(c.news)] = len(c.olds)
	for j := len(c.news) - 1; j >= 0; j-- {
		bound[j] = bound[j+1]
		if p := c.newTo[j]; p.to >= 0 && p.how == Stayed {
			bound[j] = p.to
		}
	}
	i := 0
	flush := func(upTo int) {
		for ; i < upTo; i++ {
			if c.oldTo[i].to < 0 || c.oldTo[i].how == MovedHere {
				oldOnly(i)
			}
		}
	}
	for j, p := range c.newTo {
		flush(bound[j])
		switch {
		case p.how == MovedHere:
			here[j] = len(out)
			add(Para{Ops: c.words(p.to, j), Move: MovedHere}, p.to, j)
		case p.to >= 0:
			add(Para{Ops: c.words(p.to, j)}, p.to, j)
			i = p.to + 1
		default:
			add(Para{Ops: []Op{{Insert, c.news[j]}}}, -1, j)
		}
	}
	flush(len(c.olds))
	for i, at := range away {
		j := c.oldTo[i].to
		out[at].Pair, out[here[j]].Pair = here[j], at
	}
	return out, froms
}

// words compares paragraph i of the old version with j of the new.
func (c *comparison) words(i, j int) []Op {
	if c.olds[i] == c.news[j] {
		return []Op{{Equal, c.news[j]}}
	}
	return words(c.olds[i], c.news[j])
}
