package lint

import (
	"os"
	"testing"
	"time"

	"bulletin/generator/bench/benchtest"
	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// benchArticles is the size of the corpus BenchmarkSite checks, unless
// BULLETIN_BENCH_CONTENT names a content folder to read instead.
const benchArticles = 2000

// BenchmarkSite checks a site read once: what every build does while its
// files are made.
func BenchmarkSite(b *testing.B) {
	dir, remove, err := benchtest.Content(benchArticles)
	if err != nil {
		b.Fatal(err)
	}
	defer remove()
	set, err := content.Load(os.DirFS(dir), "content")
	if err != nil {
		b.Fatal(err)
	}
	// The corpus's articles are dated before its "today".
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	s, err := site.New(set, nil, now)
	if err != nil {
		b.Fatal(err)
	}
	files, err := render.Plan(os.DirFS("../../templates"), "templates", s)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Site(s, files, nil, now)
	}
	b.ReportMetric(float64(len(s.Articles)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
