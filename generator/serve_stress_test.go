package main

import (
	"bulletin/generator/preview"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// inotifyWatches counts the folders this process watches, from the
// inotify descriptors' entries in /proc/self/fdinfo.
func inotifyWatches(t *testing.T) int {
	t.Helper()
	infos, err := filepath.Glob("/proc/self/fdinfo/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range infos {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // closed since the glob
		}
		n += strings.Count(string(data), "inotify wd:")
	}
	return n
}

// TestServeSurvivesAbuse saves one article 1,000 times in a burst,
// deletes and recreates the articles folder, and breaks a template, then
// wants the same number of watches and goroutines as before, a handful
// of builds rather than a thousand, and the site served throughout.
// Goroutines are counted before a live-reload connection is opened,
// since that one rightly keeps a few running.
func TestServeSurvivesAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: skipped with -short")
	}
	if _, err := os.Stat("/proc/self/fdinfo"); err != nil {
		t.Skip("needs /proc to count inotify watches")
	}
	ts, templates := startServeWithTheme(t)
	content, dir := ts.content, t.TempDir()
	watches, goroutines := inotifyWatches(t), runtime.NumGoroutine()
	builds := func() int {
		return strings.Count(ts.log.String(), "\nbuilt ") + strings.Count(ts.log.String(), "build failed")
	}
	before := builds()

	article := filepath.Join(content, "articles", "2024-05-10-first.md")
	original, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		edited := strings.Replace(string(original), "The plan was announced.", fmt.Sprintf("The plan was announced (save %d).", i), 1)
		if err := os.WriteFile(article, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ts.waitPage(t, "/2024/05/first/", http.StatusOK, "save 999")
	if n := builds() - before; n > 100 {
		t.Errorf("1,000 saves gave %d builds, want them settled into a few", n)
	}

	articles := filepath.Join(content, "articles")
	for range 5 {
		saved := filepath.Join(dir, "saved")
		if err := os.Rename(articles, saved); err != nil {
			t.Fatal(err)
		}
		ts.waitPage(t, "/2024/05/first/", http.StatusNotFound, "")
		if err := os.CopyFS(articles, os.DirFS(saved)); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(saved); err != nil {
			t.Fatal(err)
		}
		ts.waitPage(t, "/2024/05/first/", http.StatusOK, "save 999")
	}

	eventually(t, waitTime, func() error {
		if got := inotifyWatches(t); got != watches {
			return fmt.Errorf("watching %d folders, want the %d watched before", got, watches)
		}
		if got := runtime.NumGoroutine(); got > goroutines+3 {
			return fmt.Errorf("%d goroutines, want about the %d running before", got, goroutines)
		}
		return nil
	})

	events := ts.openEvents(t)
	layout := filepath.Join(templates, "layout.html")
	good, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, []byte(`{{define "layout.html"}}{{.Title`), 0o644); err != nil {
		t.Fatal(err)
	}
	// A reload from the last rebuild of the folder may still be on its
	// way; the problems must follow it.
	e := nextEvent(t, events)
	if e.name == "reload" {
		e = nextEvent(t, events)
	}
	if e.name != "problems" || !strings.Contains(e.data, "layout.html") {
		t.Errorf("got event %q with data %q, want problems naming layout.html", e.name, e.data)
	}
	ts.waitPage(t, "/2024/05/first/", http.StatusOK, "save 999")
	if err := os.WriteFile(layout, good, 0o644); err != nil {
		t.Fatal(err)
	}
	wantEvent(t, events, "reload")

	eventually(t, waitTime, func() error {
		if got := inotifyWatches(t); got != watches {
			return fmt.Errorf("watching %d folders, want the %d watched before", got, watches)
		}
		return nil
	})
}

// TestServeBoundsLiveReloadConnections opens as many live-reload
// connections as serve allows, and wants the next one refused.
func TestServeBoundsLiveReloadConnections(t *testing.T) {
	ts := startServe(t)
	for range preview.MaxClients {
		ts.openEvents(t)
	}
	eventually(t, waitTime, func() error {
		r, err := ts.fetch(http.MethodGet, "/_bulletin/events")
		if err != nil {
			return err
		}
		if r.status != http.StatusServiceUnavailable {
			return fmt.Errorf("connection %d: got status %d, want %d", preview.MaxClients+1, r.status, http.StatusServiceUnavailable)
		}
		return nil
	})
	ts.waitPage(t, "/", http.StatusOK, "Test Bulletin")
}
