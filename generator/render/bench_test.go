package render

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// benchArticles is the size of the corpus the benchmarks render, unless
// BULLETIN_BENCH_CONTENT names a content folder to read instead.
const benchArticles = 500

// benchTemplates is the theme, from the package's folder.
var benchTemplates = os.DirFS("../../templates")

// benchDir holds the benchmarks' corpus once written; TestMain removes it.
var benchDir string

// benchSite reads the folder BULLETIN_BENCH_CONTENT names, or writes the
// corpus once per test binary with the corpus generator, a command, and
// makes the site model of it.
var benchSite = sync.OnceValues(func() (*site.Site, error) {
	dir := os.Getenv("BULLETIN_BENCH_CONTENT")
	if dir == "" {
		tmp, err := os.MkdirTemp("", "bulletin-bench-")
		if err != nil {
			return nil, err
		}
		benchDir = tmp
		cmd := exec.Command("go", "run", "bulletin/generator/bench/corpus", "-n", fmt.Sprint(benchArticles), "-seed", "1", "-out", tmp)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("writing the corpus: %v\n%s", err, out)
		}
		dir = tmp + "/content"
	}
	set, err := content.Load(os.DirFS(dir), "content")
	if err != nil {
		return nil, err
	}
	// The corpus's articles are dated before its "today".
	return site.New(set, nil, time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC))
})

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

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
		r := newRenderer(s, th, base, "")
		jobs, err := r.jobs(benchTemplates, "templates")
		if err != nil {
			b.Fatal(err)
		}
		var feeds []job
		for _, j := range jobs {
			switch path.Base(j.name) {
			case rssFile, atomFile, jsonFile:
				feeds = append(feeds, j)
			}
		}
		if err := (&Files{jobs: feeds}).Write(context.Background(), &sink); err != nil {
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
