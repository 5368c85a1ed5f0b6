package diff

import (
	"math/rand/v2"
	"testing"
)

// lcsLength is the length of a longest common subsequence, by the plain
// quadratic table, to check common against.
func lcsLength(a, b []int) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] > cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestCommon(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 3000 {
		a, b := make([]int, rng.IntN(30)), make([]int, rng.IntN(30))
		alphabet := 1 + rng.IntN(6)
		for j := range a {
			a[j] = rng.IntN(alphabet)
		}
		for j := range b {
			b[j] = rng.IntN(alphabet)
		}
		got := common(a, b)
		if want := lcsLength(a, b); len(got) != want {
			t.Fatalf("case %d: common(%v, %v) gave %d matches, want %d", i, a, b, len(got), want)
		}
		last := match{-1, -1}
		for _, m := range got {
			if m.A <= last.A || m.B <= last.B || a[m.A] != b[m.B] {
				t.Fatalf("case %d: common(%v, %v) = %v: not increasing matches", i, a, b, got)
			}
			last = m
		}
	}
}
