package main

import (
	"bulletin/generator/render"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// articleBudget is the most an article page may weigh, gzipped, with the
// style sheets and scripts it loads.
const articleBudget = 30 * 1024

var loadedAsset = regexp.MustCompile(`<(?:link rel="stylesheet"|script) (?:href|src)="/([^"]+)"`)

// TestArticleWeight keeps every article page of the sample site, with its
// CSS and JavaScript, under 30 KB gzipped.
func TestArticleWeight(t *testing.T) {
	dir, r := sampleSite(t, "")
	var heaviest int
	for _, a := range r.Site.Articles {
		page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(render.FileFor(a.URL))))
		if err != nil {
			t.Fatal(err)
		}
		total := gzipSize(t, page)
		assets := loadedAsset.FindAllSubmatch(page, -1)
		if len(assets) < 2 {
			t.Fatalf("%s: found %d style sheets and scripts, want at least style.css and print.css", a.URL, len(assets))
		}
		for _, m := range assets {
			data, err := os.ReadFile(filepath.Join(dir, string(m[1])))
			if err != nil {
				t.Fatalf("%s loads %s: %v", a.URL, m[1], err)
			}
			total += gzipSize(t, data)
		}
		if total > articleBudget {
			t.Errorf("%s weighs %d bytes gzipped with its CSS and JavaScript, over the budget of %d", a.URL, total, articleBudget)
		}
		heaviest = max(heaviest, total)
	}
	t.Logf("the heaviest article page weighs %.1f KB gzipped with its CSS and JavaScript", float64(heaviest)/1024)
}

func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}
