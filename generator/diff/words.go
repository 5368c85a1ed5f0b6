package diff

import "strings"

// seg is a run of tokens of a word comparison: unchanged (eq), or a
// change of del into ins.
type seg struct {
	eq       []string
	del, ins []string
}

func (s *seg) isChange() bool { return s.eq == nil }

// words compares two cleaned paragraphs word by word.
func words(before, after string) []Op {
	a, b := tokens(before), tokens(after)
	segs := align(a, b)
	segs = slide(segs)
	segs = fold(segs)
	return ops(segs)
}

// align gives the segments of a shortest comparison of a and b.
func align(a, b []string) []seg {
	ids := map[string]int{}
	intern := func(toks []string) []int {
		out := make([]int, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	var segs []seg
	i, j := 0, 0
	add := func(m match) {
		if m.A > i || m.B > j {
			segs = append(segs, seg{del: a[i:m.A], ins: b[j:m.B]})
		}
		if m.A < len(a) {
			if n := len(segs); n > 0 && !segs[n-1].isChange() && m.A == i && m.B == j {
				segs[n-1].eq = a[m.A-len(segs[n-1].eq) : m.A+1]
			} else {
				segs = append(segs, seg{eq: a[m.A : m.A+1]})
			}
		}
		i, j = m.A+1, m.B+1
	}
	for _, m := range common(intern(a), intern(b)) {
		add(m)
	}
	add(match{len(a), len(b)})
	return segs
}

// slide moves each insertion or deletion that lies between unchanged
// runs to where it reads best, when the texts allow it: to start after a
// space and end with one ("a ‹x ›b", not "a‹ x› b").
func slide(segs []seg) []seg {
	// Unchanged runs, empty for now, at the ends give every change two
	// neighbours to move into, unchanged and changed runs alternating.
	if len(segs) > 0 && segs[0].isChange() {
		segs = append([]seg{{eq: []string{}}}, segs...)
	}
	if len(segs) > 0 && segs[len(segs)-1].isChange() {
		segs = append(segs, seg{eq: []string{}})
	}
	for i := 1; i+1 < len(segs); i++ {
		c := &segs[i]
		if !c.isChange() || len(c.del) > 0 && len(c.ins) > 0 {
			continue
		}
		x := c.del
		if len(x) == 0 {
			x = c.ins
		}
		left, right := segs[i-1].eq, segs[i+1].eq
		// Unchanged runs between two changes must keep a token.
		minP, maxEnd := 0, len(left)+len(x)+len(right)
		if i > 1 {
			minP = 1
		}
		if i+2 < len(segs) {
			maxEnd--
		}
		s := make([]string, 0, maxEnd)
		s = append(append(append(s, left...), x...), right...)
		k, p := len(x), len(left)
		for p > minP && s[p-1] == s[p-1+k] {
			p--
		}
		best, bestScore := p, -1
		for ; ; p++ {
			if sc := boundary(s, p-1, p) + boundary(s, p+k-1, p+k); sc > bestScore {
				best, bestScore = p, sc
			}
			if p+k >= maxEnd || s[p] != s[p+k] {
				break
			}
		}
		moved := append([]string(nil), s[best:best+k]...)
		if len(c.del) > 0 {
			c.del = moved
		} else {
			c.ins = moved
		}
		segs[i-1].eq, segs[i+1].eq = s[:best:best], s[best+k:]
	}
	// An unchanged run at either end may now be empty.
	out := segs[:0]
	for _, s := range segs {
		if s.isChange() || len(s.eq) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// boundary scores a break between tokens s[i] and s[j]: best at either
// end of the paragraph, good after a space, fair before one.
func boundary(s []string, i, j int) int {
	switch {
	case i < 0 || j >= len(s):
		return 3
	case isSpace(s[i]):
		return 2
	case isSpace(s[j]):
		return 1
	}
	return 0
}

// fold makes one change of two that only a little stands between: an
// unchanged run with no word, or with fewer words than the changes on
// either side, reads better as part of them ("‹quick brown›‹slow red›"
// rather than "‹quick›‹slow› ‹brown›‹red›").
func fold(segs []seg) []seg {
	for {
		folded := false
		for i := 1; i+1 < len(segs); i++ {
			l, e, r := &segs[i-1], &segs[i], &segs[i+1]
			if !l.isChange() || e.isChange() || !r.isChange() {
				continue
			}
			n := countWords(e.eq)
			if n > 0 && (n >= max(countWords(l.del), countWords(l.ins)) || n >= max(countWords(r.del), countWords(r.ins))) {
				continue
			}
			merged := seg{
				del: concat(l.del, e.eq, r.del),
				ins: concat(l.ins, e.eq, r.ins),
			}
			segs = append(append(segs[:i-1:i-1], merged), segs[i+2:]...)
			folded = true
			i--
		}
		if !folded {
			return segs
		}
	}
}

func countWords(toks []string) int {
	n := 0
	for _, t := range toks {
		if isWord(t) {
			n++
		}
	}
	return n
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// ops turns segments into operations, a deletion before an insertion.
func ops(segs []seg) []Op {
	var out []Op
	for _, s := range segs {
		if !s.isChange() {
			out = append(out, Op{Equal, strings.Join(s.eq, "")})
			continue
		}
		if len(s.del) > 0 {
			out = append(out, Op{Delete, strings.Join(s.del, "")})
		}
		if len(s.ins) > 0 {
			out = append(out, Op{Insert, strings.Join(s.ins, "")})
		}
	}
	return out
}
