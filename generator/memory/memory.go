// Package memory keeps the program's memory within a budget where it
// can: it takes a number of bytes and asks Go's collector to keep the
// heap under it, and gives way when the data the program holds needs
// more, so that a large site is built a little slower rather than
// stalled by a collector running without end.
package memory

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// headroom is how far above the data it holds the heap may grow once
// that data nears the budget: a fifth more (the limit counts the
// runtime's own memory too), so that the collector runs about five times
// as often as it would unbudgeted, rather than without end. A site of
// 100,000 articles holds about 750 MB at the end of its build, which
// this keeps within a budget of 900 MB.
const headroom = 1.2

// Budget asks the collector to keep memory under bytes, checking every
// tick how much the program holds and raising the limit to headroom
// times that when it holds more than the budget allows. It does nothing
// when GOMEMLIMIT is set, which the runtime has taken as the user's
// choice, or when bytes is not positive. stop ends the checks and gives
// the collector back the limit it had.
func Budget(bytes int64, tick time.Duration) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" || bytes <= 0 {
		return func() {}
	}
	before := debug.SetMemoryLimit(bytes)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				debug.SetMemoryLimit(limit(bytes, live()))
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		debug.SetMemoryLimit(before)
	}
}

// limit is the memory limit for a budget when the program holds live
// bytes: the budget, or headroom times what is held if that is more.
func limit(budget int64, live uint64) int64 {
	return max(budget, int64(float64(live)*headroom))
}

// live is how many bytes of the heap the last collection found in use.
func live() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
