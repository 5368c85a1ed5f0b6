package site

import (
	"os"
	"sync"
	"testing"
	"time"

	"bulletin/generator/bench/benchtest"
	"bulletin/generator/content"
)

// benchArticles is the size of the corpus BenchmarkNew joins, unless
// BULLETIN_BENCH_CONTENT names a content folder to read instead.
const benchArticles = 2000

// benchSet reads the benchmark's content once per test binary (see
// benchtest.Content).
var benchSet = sync.OnceValues(func() (*content.Set, error) {
	dir, remove, err := benchtest.Content(benchArticles)
	if err != nil {
		return nil, err
	}
	defer remove()
	return content.Load(os.DirFS(dir), "content")
})

// BenchmarkNew makes the site model of a corpus read once: what serve
// does after every save.
func BenchmarkNew(b *testing.B) {
	set, err := benchSet()
	if err != nil {
		b.Fatal(err)
	}
	// The corpus's articles are dated before its "today".
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := New(set, nil, now); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(set.Articles)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
