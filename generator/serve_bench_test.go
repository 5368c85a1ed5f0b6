package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkServeSaveToReload times an editor's save of one article to
// the reload event reaching an open page, on the sample site.
func BenchmarkServeSaveToReload(b *testing.B) {
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("../content")); err != nil {
		b.Fatal(err)
	}
	ts := serveInBackground(b, options{content: content, templates: "../templates", out: filepath.Join(dir, "public")})
	ts.content = content
	ts.waitPage(b, "/", http.StatusOK, "Care Regulation Bulletin")
	events := ts.openEvents(b)
	article := filepath.Join(content, "articles", "2025", "2025-03-27-ics-assessments-paused-again.md")
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
	}
}
