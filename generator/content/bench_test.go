package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"bulletin/generator/bench/benchtest"
)

// benchArticles is the size of the corpus the benchmarks load.
const benchArticles = 500

// benchCorpus writes the corpus once per test binary (see
// benchtest.Corpus) and returns it in memory, so the benchmarks measure
// parsing rather than the disk.
var benchCorpus = sync.OnceValues(func() (fstest.MapFS, error) {
	dir, err := benchtest.Corpus(benchArticles)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	root := filepath.Join(dir, "content")
	fsys := fstest.MapFS{}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	return fsys, err
})

func mustBenchCorpus(b *testing.B) fstest.MapFS {
	b.Helper()
	fsys, err := benchCorpus()
	if err != nil {
		b.Fatal(err)
	}
	return fsys
}

// BenchmarkLoad reads the whole corpus: front matter, checks and Markdown.
func BenchmarkLoad(b *testing.B) {
	fsys := mustBenchCorpus(b)
	var size int64
	for _, f := range fsys {
		size += int64(len(f.Data))
	}
	b.SetBytes(size)
	for b.Loop() {
		if _, err := Load(fsys, "content"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchArticles*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkFrontMatter splits and checks the front matter of one article
// from the middle of the corpus, already read, without converting its body.
func BenchmarkFrontMatter(b *testing.B) {
	fsys := mustBenchCorpus(b)
	var names []string
	for name := range fsys {
		if strings.HasPrefix(name, "articles/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	name := names[len(names)/2]
	settings, err := LoadSettings(fsys, "content")
	if err != nil {
		b.Fatal(err)
	}
	data := fsys[name].Data
	for b.Loop() {
		d := &decoder{file: name}
		doc, ok := parseDoc(data, d)
		if ok {
			decodeArticle(d, doc.root, &settings, &Article{File: name, Path: name})
		}
		if err := d.errs.Err(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
