package cores

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		items := make([]int, n)
		for i := range items {
			items[i] = i * 3
		}
		got := make([]int, n)
		Each(items, func(i, v int) { got[i] = v + 1 })
		for i, v := range got {
			if v != items[i]+1 {
				t.Fatalf("n=%d: item %d ran to %d, want %d", n, i, v, items[i]+1)
			}
		}
	}
}

func TestParts(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]atomic.Int32, n)
		if err := Parts(n, func(lo, hi int) error {
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d ran %d times, want once", n, i, c)
			}
		}
	}
}

func TestPartsGivesAnError(t *testing.T) {
	bad := errors.New("bad")
	err := Parts(100, func(lo, hi int) error {
		if lo <= 50 && 50 < hi {
			return bad
		}
		return nil
	})
	if !errors.Is(err, bad) {
		t.Fatalf("got %v, want %v", err, bad)
	}
}
