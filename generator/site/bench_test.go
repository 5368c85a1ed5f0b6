package site

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"bulletin/generator/content"
)

// benchArticles is the size of the corpus BenchmarkNew joins, unless
// BULLETIN_BENCH_CONTENT names a content folder to read instead.
const benchArticles = 2000

// benchSet reads the benchmark's content once per test binary: the
// folder BULLETIN_BENCH_CONTENT names, or a corpus the corpus generator
// (a command) writes to a temporary folder.
var benchSet = sync.OnceValues(func() (*content.Set, error) {
	dir := os.Getenv("BULLETIN_BENCH_CONTENT")
	if dir == "" {
		tmp, err := os.MkdirTemp("", "bulletin-bench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		cmd := exec.Command("go", "run", "bulletin/generator/bench/corpus", "-n", fmt.Sprint(benchArticles), "-seed", "1", "-out", tmp)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("writing the corpus: %v\n%s", err, out)
		}
		dir = filepath.Join(tmp, "content")
	}
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
