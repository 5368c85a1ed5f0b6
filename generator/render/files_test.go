package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/output"
	"bulletin/generator/site"
)

// TestFilesMakeWhatSiteWrites checks that a file made on request is the
// file a build writes, byte for byte, and that no other name is made.
func TestFilesMakeWhatSiteWrites(t *testing.T) {
	set := fixture()
	written := build(t, set, buildDay)
	s, err := site.New(set, nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Plan(os.DirFS(filepath.Join(moduleRoot(t), "templates")), "templates", s)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range written {
		if !files.Has(name) {
			t.Errorf("Has(%q) = false for a file the build writes", name)
			continue
		}
		got, err := files.Make(name)
		if err != nil {
			t.Errorf("Make(%q): %v", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("Make(%q) differs from the file the build writes", name)
		}
	}
	for _, name := range []string{"nothing.html", "topics", "topics/", "/index.html"} {
		if files.Has(name) {
			t.Errorf("Has(%q) = true; the build writes no such file", name)
		}
		if _, err := files.Make(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Make(%q): got error %v, want fs.ErrNotExist", name, err)
		}
	}
}

// fixtureFiles plans the fixture's files with the shipped theme.
func fixtureFiles(t *testing.T) *Files {
	t.Helper()
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Plan(os.DirFS(filepath.Join(moduleRoot(t), "templates")), "templates", s)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFilesWriteStops checks that a write whose context is done hands
// out no more files and says why it stopped.
func TestFilesWriteStops(t *testing.T) {
	files := fixtureFiles(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sink := &memSink{files: map[string][]byte{}}
	if err := files.Write(ctx, sink); !errors.Is(err, context.Canceled) {
		t.Errorf("Write after cancel: got error %v, want context.Canceled", err)
	}
	if len(sink.files) != 0 {
		t.Errorf("Write after cancel made %d files, want none", len(sink.files))
	}
}

// fullDisk is a sink whose disk takes no file.
type fullDisk struct{ tried atomic.Int32 }

func (f *fullDisk) Write(name string, data []byte) error {
	f.tried.Add(1)
	return &output.WriteError{Name: name, Dir: "public", Err: &fs.PathError{Op: "write", Path: "/tmp/.public.bulletin-1/" + name, Err: syscall.ENOSPC}}
}

// TestFilesWriteStopsOnAFullDisk wants a write that the disk refuses to
// stop the build at once, told once, with the file's name in the output
// folder and what to do, not once for every file.
func TestFilesWriteStopsOnAFullDisk(t *testing.T) {
	files := fixtureFiles(t)
	sink := &fullDisk{}
	err := files.Write(context.Background(), sink)
	if _, ok := errors.AsType[*output.WriteError](err); !ok || !strings.HasSuffix(err.Error(), ": write no space left on device: free space on its disk, then build again") || !strings.Contains(err.Error(), " into public: ") {
		t.Errorf("Write to a full disk: got %v, want one error of the disk, with what to do", err)
	}
	if n := int(sink.tried.Load()); n > 2*runtime.GOMAXPROCS(0) {
		t.Errorf("Write to a full disk tried %d files, want it stopped at the first", n)
	}
}

// TestFilesWriteGivesUpOnALoopingTemplate makes a site whose article
// template loops for far longer than a file may take, and wants the
// build stopped with the template named, not hung.
func TestFilesWriteGivesUpOnALoopingTemplate(t *testing.T) {
	defer func(d time.Duration) { makeTimeout = d }(makeTimeout)
	makeTimeout = 100 * time.Millisecond
	article, err := os.ReadFile(filepath.Join(moduleRoot(t), "templates", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	// About a second of work, so that the making given up on ends with
	// the test.
	looping := strings.Replace(string(article), `{{define "main" -}}`, `{{define "main" -}}{{range 30000000}}{{end}}`, 1)
	if looping == string(article) {
		t.Fatal("article.html no longer starts its main template as this test expects")
	}
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Plan(themeWith(t, map[string]string{"article.html": looping}), "templates", s)
	if err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func() error{
		"Write":  func() error { return files.Write(context.Background(), &memSink{files: map[string][]byte{}}) },
		"Make":   func() error { _, err := files.Make(FileFor(s.Articles[0].URL)); return err },
		"Sample": files.Sample,
	} {
		start := time.Now()
		err := write()
		if err == nil || !strings.Contains(err.Error(), "making a file with article.html took over 100ms") || !strings.Contains(err.Error(), "loop") {
			t.Errorf("%s: got %v, want the article template named as taking too long", name, err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s took %s to give up", name, took)
		}
		// One file given up on stops the rest: only those already being
		// made wait their time out too.
		_, pages, _ := strings.Cut(fmt.Sprint(err), "(rendering ")
		if n := len(strings.Split(pages, ", ")); n > runtime.GOMAXPROCS(0) {
			t.Errorf("%s gave up on %d pages, one after another: %s", name, n, pages)
		}
	}
}

// TestFilesMakeStopsAHugePage makes a page whose template writes more
// than a page may hold, and wants it stopped, the template named, before
// it takes the system's memory.
func TestFilesMakeStopsAHugePage(t *testing.T) {
	article, err := os.ReadFile(filepath.Join(moduleRoot(t), "templates", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.Replace(string(article), `{{define "main" -}}`, `{{define "main" -}}{{range 200000}}`+strings.Repeat("x", 1024)+`{{end}}`, 1)
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Plan(themeWith(t, map[string]string{"article.html": huge}), "templates", s)
	if err != nil {
		t.Fatal(err)
	}
	_, err = files.Make(FileFor(s.Articles[0].URL))
	if err == nil || !strings.Contains(err.Error(), "making a page with article.html wrote over 128 MB") {
		t.Errorf("got %v, want the article template named as writing too much", err)
	}
}

// TestPlanTellsEveryThemeProblem plans with a theme whose shared file is
// a link and one of whose static files is a pipe: both are told in one
// run, not the static file's only once the link is mended.
func TestPlanTellsEveryThemeProblem(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(moduleRoot(t), "templates"))); err != nil {
		t.Fatal(err)
	}
	partials := filepath.Join(dir, "partials.html")
	if err := os.Remove(partials); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/null", partials); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, StaticDir, "x.css"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Plan(os.DirFS(dir), "templates", s)
	got := content.AsErrors(err).Error()
	for _, want := range []string{"templates/partials.html: a symbolic link", "templates/static/x.css: not a regular file"} {
		if !strings.Contains(got, want) {
			t.Errorf("Plan gave:\n%s\nwant it to tell %q", got, want)
		}
	}
}
