// Package cores runs a piece of work on every core: it takes a list, or a
// count, and a function, and returns once the function has run for every
// item.
package cores

import (
	"cmp"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each runs fn for every item and its index, on every core, taking the
// next item as a core comes free, since items may differ in size: fn may
// write to its item and read any other.
func Each[T any](items []T, fn func(int, T)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(items)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(items)); i = next.Add(1) - 1 {
				fn(int(i), items[i])
			}
		})
	}
	wg.Wait()
}

// Parts splits the indexes up to n into one run per core and calls fn
// with each run's bounds, on every core, giving the first error: fewer
// hand-overs than Each, for items that cost about the same.
func Parts(n int, fn func(lo, hi int) error) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	size := max(1, (n+runtime.GOMAXPROCS(0)-1)/runtime.GOMAXPROCS(0))
	for lo := 0; lo < n; lo += size {
		wg.Go(func() {
			if err := fn(lo, min(lo+size, n)); err != nil {
				mu.Lock()
				first = cmp.Or(first, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return first
}
