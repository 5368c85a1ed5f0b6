package render

import (
	"context"
	"net/url"
	"os"
	"path"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"bulletin/generator/bench/benchtest"
	"bulletin/generator/content"
	"bulletin/generator/site"
)

// benchArticles is the size of the corpus the benchmarks render, unless
// BULLETIN_BENCH_CONTENT names a content folder to read instead.
const benchArticles = 500

// benchTemplates is the theme, from the package's folder.
var benchTemplates = os.DirFS("../../templates")

// benchSite reads the benchmarks' content once per test binary (see
// benchtest.Content) and makes the site model of it.
var benchSite = sync.OnceValues(func() (*site.Site, error) {
	dir, remove, err := benchtest.Content(benchArticles)
	if err != nil {
		return nil, err
	}
	defer remove()
	set, err := content.Load(os.DirFS(dir), "content")
	if err != nil {
		return nil, err
	}
	// The corpus's articles are dated before its "today".
	return site.New(set, nil, time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC))
})

func mustBenchSite(b *testing.B) *site.Site {
	b.Helper()
	s, err := benchSite()
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// loopSite makes the site of the corpus into sink, as many times as the
// benchmark asks.
func loopSite(b *testing.B, sink Sink) {
	b.Helper()
	s := mustBenchSite(b)
	for b.Loop() {
		if err := Site(benchTemplates, "templates", s, sink); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is a Sink that counts the files and bytes it is given. It is
// not a Reuser, so every file is made.
type discard struct{ files, bytes atomic.Int64 }

func (d *discard) Write(name string, data []byte) error {
	d.files.Add(1)
	d.bytes.Add(int64(len(data)))
	return nil
}

// BenchmarkPages renders every file of the site: pages, feeds, calendars,
// redirects, the sitemap and the static files.
func BenchmarkPages(b *testing.B) {
	var sink discard
	loopSite(b, &sink)
	b.SetBytes(sink.bytes.Load() / int64(b.N))
	b.ReportMetric(float64(sink.files.Load())/float64(b.N), "files/op")
	b.ReportMetric(float64(benchArticles*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkFeeds renders only the RSS, Atom and JSON feeds of the site
// and of every topic and regulator, as Site would.
func BenchmarkFeeds(b *testing.B) {
	s := mustBenchSite(b)
	base, err := url.Parse(s.Settings.BaseURL)
	if err != nil {
		b.Fatal(err)
	}
	th, err := loadTheme(benchTemplates, "templates", base.Path)
	if err != nil {
		b.Fatal(err)
	}
	var sink discard
	for b.Loop() {
		// A new renderer each time, so no entry is remembered from the last.
		r := newRenderer(s, base)
		r.theme = th
		var feeds []job
		for _, j := range r.jobs() {
			switch path.Base(j.name) {
			case rssFile, atomFile, jsonFile:
				feeds = append(feeds, j)
			}
		}
		if err := (&Files{jobs: feeds, theme: th, hash: r.hash}).Write(context.Background(), &sink); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(sink.bytes.Load() / int64(b.N))
	b.ReportMetric(float64(sink.files.Load())/float64(b.N), "files/op")
}

// reuseAll is a Sink that keeps every file of the last build, as an
// output in which nothing changed: Write then only makes the files' keys.
type reuseAll struct{ keys atomic.Int64 }

func (r *reuseAll) Write(string, []byte) error { return nil }

func (r *reuseAll) Reuse(string, string) bool { r.keys.Add(1); return true }

func (r *reuseAll) WriteKeyed(string, string, []byte) error { return nil }

// BenchmarkKeys makes the key of every file of the site and reuses them
// all: the part of a rebuild after one edit that grows with the site.
func BenchmarkKeys(b *testing.B) {
	var sink reuseAll
	loopSite(b, &sink)
	b.ReportMetric(float64(sink.keys.Load())/float64(b.N), "keys/op")
}
