package main

import (
	"bulletin/generator/pipeline"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkServeSaveToReload times an editor's save of one article to
// the reload event reaching an open page, on the sample site, or on the
// content folder that BULLETIN_BENCH_CONTENT names (a corpus that
// generator/bench/corpus wrote, say), editing its first article in path
// order. The saves come one after another, each as soon as the last
// reload arrives, so serve never gets to write its output folder.
func BenchmarkServeSaveToReload(b *testing.B) { benchmarkSaveToReload(b, false) }

// BenchmarkServeSaveToReloadAfterWrite is BenchmarkServeSaveToReload
// with a pause after each reload, its clock stopped, until serve has
// written its output folder, as it does while an editor reads the page.
func BenchmarkServeSaveToReloadAfterWrite(b *testing.B) { benchmarkSaveToReload(b, true) }

func benchmarkSaveToReload(b *testing.B, pause bool) {
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	source, article := "testdata/sample/content", filepath.Join("articles", "2025", "2025-03-27-ics-assessments-paused-again.md")
	if s := os.Getenv("BULLETIN_BENCH_CONTENT"); s != "" {
		source, article = s, ""
	}
	if err := os.CopyFS(content, os.DirFS(source)); err != nil {
		b.Fatal(err)
	}
	if article == "" {
		matches, err := filepath.Glob(filepath.Join(content, "articles", "*", "*.md"))
		if err != nil || len(matches) == 0 {
			b.Fatalf("no article in %s/articles/*/: %v", source, err)
		}
		article, _ = filepath.Rel(content, matches[0])
	}
	ts := serveInBackground(b, options{Content: content, Templates: "../templates", Out: filepath.Join(dir, "public")})
	ts.content = content
	// A large corpus takes longer to build the first time than a rebuild.
	eventually(b, 10*time.Minute, func() error {
		_, err := os.Stat(filepath.Join(dir, "public", "index.html"))
		return err
	})
	ts.waitPage(b, "/", http.StatusOK, "Care Regulation Bulletin")
	events := ts.openEvents(b)
	article = filepath.Join(content, article)
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		if err := os.WriteFile(article, fmt.Appendf(original, "\nSaved %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		wantEvent(b, events, "reload")
		if pause {
			b.StopTimer()
			eventually(b, time.Minute, func() error {
				// Once at the start, then once after each save.
				if n := strings.Count(ts.log.String(), "\nwrote "); n < i+2 {
					return fmt.Errorf("serve wrote its output folder %d times, want %d", n, i+2)
				}
				return nil
			})
			b.StartTimer()
		}
	}
}

// BenchmarkServeUpdate times what serve does after an editor's save of
// one article, without the watcher and the browser around it: the site
// made again in memory from that change. Its content is the sample's, or
// the folder BULLETIN_BENCH_CONTENT names, copied.
func BenchmarkServeUpdate(b *testing.B) {
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	source := "testdata/sample/content"
	if s := os.Getenv("BULLETIN_BENCH_CONTENT"); s != "" {
		source = s
	}
	if err := os.CopyFS(content, os.DirFS(source)); err != nil {
		b.Fatal(err)
	}
	matches, err := filepath.Glob(filepath.Join(content, "articles", "*", "*.md"))
	if err != nil || len(matches) == 0 {
		b.Fatalf("no article in %s/articles/*/: %v", source, err)
	}
	article := matches[0]
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	l := pipeline.NewLive(options{Content: content, Templates: "../templates", Out: filepath.Join(dir, "public")})
	if _, err := l.Update(nil, true); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		if err := os.WriteFile(article, fmt.Appendf(original, "\nSaved %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := l.Update([]string{article}, false); err != nil {
			b.Fatal(err)
		}
	}
}
