package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/inputs"
	"bulletin/generator/output"
	"bulletin/generator/search"
	"bulletin/generator/site"
)

// TestUnreadAssets names every file of the content folder that could not
// be read at its path in the folder, not as the file system's error
// gives it ("open b.png: permission denied").
func TestUnreadAssets(t *testing.T) {
	err := unreadAssets("content", errors.Join(
		&fs.PathError{Op: "open", Path: "images/b.png", Err: fs.ErrPermission},
		&fs.PathError{Op: "read", Path: "files/c.pdf", Err: fs.ErrNotExist}))
	want := "content/files/c.pdf: can't read it: file does not exist\ncontent/images/b.png: can't read it: permission denied"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want:\n%s", err, want)
	}
}

// refusing is a folder that refuses to open one of its files, as one
// its reader may not read does.
type refusing struct {
	fs.FS
	name string
}

func (r refusing) Open(name string) (fs.File, error) {
	if name == r.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return r.FS.Open(name)
}

// TestUnopened names a file of the content folder that cannot be opened,
// which check did not tell at all and a build told only once nothing
// else stopped it, when it copied the file.
func TestUnopened(t *testing.T) {
	fsys := refusing{fstest.MapFS{"a.png": {Data: []byte("a")}, "images/b.png": {Data: []byte("b")}}, "images/b.png"}
	s := &site.Site{Assets: []string{"a.png", "images/b.png"}}
	want := "content/images/b.png: can't read it: permission denied"
	if got := unopened(fsys, "content", s).Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := unopened(fsys.FS, "content", s); got != nil {
		t.Errorf("every file readable: got %v, want nothing", got)
	}
}

// TestPagefindSettingsAreAnInput changes the settings Pagefind reads in
// the folder bulletin runs in (pagefind.yml) and in the environment
// (PAGEFIND_ variables): a build with search finds its inputs changed,
// as Pagefind would index the site otherwise, and a build without
// search does not.
func TestPagefindSettingsAreAnInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{"content", "templates"} {
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		pagefind string
		changed  bool
	}{{"pagefind", true}, {"", false}} {
		os.Remove("pagefind.yml")
		os.Unsetenv("PAGEFIND_KEEP_INDEX_URL")
		o := Options{Content: "content", Templates: "templates", Out: "public", Pagefind: tt.pagefind}
		place := history.Find(o.Content)
		hash := func() string {
			in, _, _ := hashInputs(o, place, search.Config(), inputs.Record{}, nil)
			return in
		}
		before := hash()
		if err := os.WriteFile("pagefind.yml", []byte("force_language: fr\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		after := hash()
		if before == "" || (before != after) != tt.changed {
			t.Errorf("-pagefind %q: the inputs changed with pagefind.yml: %v, want %v", tt.pagefind, before != after, tt.changed)
		}
		t.Setenv("PAGEFIND_KEEP_INDEX_URL", "true")
		if withEnv := hash(); (withEnv != after) != tt.changed {
			t.Errorf("-pagefind %q: the inputs changed with PAGEFIND_KEEP_INDEX_URL: %v, want %v", tt.pagefind, withEnv != after, tt.changed)
		}
	}
}

// TestBuildPublishesNoDrafts refuses a build asked to show drafts, which
// only serve's preview shows, before it touches the output folder.
func TestBuildPublishesNoDrafts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(context.Background(), Options{Content: "../testdata/sample/content", Templates: "../../templates", Out: out, Drafts: true})
	if !errors.Is(err, errDrafts) {
		t.Errorf("a build with Drafts: got %v, want %v", err, errDrafts)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a build with Drafts made %s (%v), want nothing written", out, err)
	}
}

// TestPublishStoppedWhileLintRuns stops a write while lint reads the
// site, the last step before the output folder changes: it is left as
// it was, and the write gives why it stopped.
func TestPublishStoppedWhileLintRuns(t *testing.T) {
	o := Options{Content: "../testdata/sample/content", Templates: "../../templates", Out: filepath.Join(t.TempDir(), "public"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	set, err := content.Load(os.DirFS(o.Content), o.Content)
	if err != nil {
		t.Fatal(err)
	}
	s, files, err := plan(o, set, nil, o.Now, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := output.Open(o.Out, false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	found := func() content.Errors {
		stop()
		return nil
	}
	if _, err := publish(ctx, o, out, s, files, found, "", ""); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want %v", err, context.Canceled)
	}
	if _, err := os.Stat(o.Out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the output folder was made (%v), want nothing written", err)
	}
}
