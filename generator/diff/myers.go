package diff

// match is a pair of equal elements, at index A of the first sequence and
// B of the second.
type match struct{ A, B int }

// budget bounds the work of one comparison, in steps of Myers' algorithm
// (about the length of the texts times the number of differences): past
// it, a part of the texts that still differs is given as replaced whole,
// so that a huge rewrite cannot hang a build.
const budget = 1 << 26

// common gives a longest common subsequence of a and b, as matches in
// increasing order, by Myers' O(ND) algorithm in linear space ("An O(ND)
// Difference Algorithm and Its Variations", 1986, section 4b). Elements
// are compared as ints, so texts are interned first.
func common(a, b []int) []match {
	m := &myers{a: a, b: b}
	n := len(a) + len(b) + 4
	m.vf, m.vb = make([]int, n), make([]int, n)
	m.compare(0, len(a), 0, len(b))
	return m.out
}

type myers struct {
	a, b   []int
	vf, vb []int // furthest reaching x by diagonal, forward and backward
	out    []match
	spent  int
}

// compare appends the matches of a[a0:a1] and b[b0:b1].
func (m *myers) compare(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && m.a[a0] == m.b[b0] {
		m.out = append(m.out, match{a0, b0})
		a0, b0 = a0+1, b0+1
	}
	suffix := 0
	for a1 > a0 && b1 > b0 && m.a[a1-1] == m.b[b1-1] {
		a1, b1, suffix = a1-1, b1-1, suffix+1
	}
	if a0 < a1 && b0 < b1 {
		if x0, y0, x1, y1, ok := m.middle(a0, a1, b0, b1); ok {
			m.compare(a0, x0, b0, y0)
			for ; x0 < x1; x0, y0 = x0+1, y0+1 {
				m.out = append(m.out, match{x0, y0})
			}
			m.compare(x1, a1, y1, b1)
		}
	}
	for i := range suffix {
		m.out = append(m.out, match{a1 + i, b1 + i})
	}
}

// middle finds the middle snake of an optimal path through a[a0:a1] and
// b[b0:b1], which share no first and no last element: the run of matches
// from (x0, y0) to (x1, y1) at which a forward and a backward search,
// each of half the differences, meet. It gives false when the budget is
// spent.
func (m *myers) middle(a0, a1, b0, b1 int) (x0, y0, x1, y1 int, ok bool) {
	n, mm := a1-a0, b1-b0
	delta := n - mm
	odd := delta%2 != 0
	most := (n + mm + 1) / 2
	off := most + 1
	vf, vb := m.vf[:2*most+3], m.vb[:2*most+3]
	vf[off+1], vb[off+1] = 0, 0
	for d := 0; d <= most; d++ {
		m.spent += n + mm
		if m.spent > budget {
			return 0, 0, 0, 0, false
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && vf[off+k-1] < vf[off+k+1] {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			sx, sy := x, y
			for x < n && y < mm && m.a[a0+x] == m.b[b0+y] {
				x, y = x+1, y+1
			}
			vf[off+k] = x
			if kr := delta - k; odd && kr >= -(d-1) && kr <= d-1 && x+vb[off+kr] >= n {
				return a0 + sx, b0 + sy, a0 + x, b0 + y, true
			}
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && vb[off+k-1] < vb[off+k+1] {
				x = vb[off+k+1]
			} else {
				x = vb[off+k-1] + 1
			}
			y := x - k
			sx, sy := x, y
			for x < n && y < mm && m.a[a1-1-x] == m.b[b1-1-y] {
				x, y = x+1, y+1
			}
			vb[off+k] = x
			if kf := delta - k; !odd && kf >= -d && kf <= d && x+vf[off+kf] >= n {
				return a0 + n - x, b0 + mm - y, a0 + n - sx, b0 + mm - sy, true
			}
		}
	}
	return 0, 0, 0, 0, false
}
