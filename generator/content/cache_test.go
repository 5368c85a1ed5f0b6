package content

import (
	"bulletin/generator/cache"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// unreadable refuses to open the files it names, as if they were gone.
type unreadable struct {
	fs.FS
	names map[string]bool
}

func (u unreadable) Open(name string) (fs.File, error) {
	if u.names[name] {
		return nil, errors.New("read though its article was in the store")
	}
	return u.FS.Open(name)
}

func sumOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestLoadCachedWithSums(t *testing.T) {
	const name = "articles/2025-03-27-ics.md"
	text := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2025-03-27\nsummary: A summary.\n---\nBody.\n"
	}
	store := cache.NewMemory[Entry](nil)
	first := fstest.MapFS{name: {Data: []byte(text("First"))}}
	if _, err := LoadCached(first, "content", store, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		fsys      fs.FS
		sums      map[string]string
		wantTitle string
	}{
		{"known and stored: not read", unreadable{first, map[string]bool{name: true}}, map[string]string{name: sumOf(text("First"))}, "First"},
		{"changed since: read again", fstest.MapFS{name: {Data: []byte(text("Second"))}}, map[string]string{name: sumOf(text("Second"))}, "Second"},
		{"no sums: read", fstest.MapFS{name: {Data: []byte(text("Third"))}}, nil, "Third"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := LoadCached(tt.fsys, "content", store, tt.sums)
			if err != nil {
				t.Fatal(err)
			}
			if got := set.Articles[0].Title; got != tt.wantTitle {
				t.Errorf("title %q, want %q", got, tt.wantTitle)
			}
		})
	}
}

// TestStoreKeepsBodies loads articles through a store on disk twice, as
// two builds do, and wants each body out of memory yet as converted.
func TestStoreKeepsBodies(t *testing.T) {
	fsys := fstest.MapFS{
		"articles/2025-03-27-ics.md":   {Data: []byte("---\ntitle: ICS\ndate: 2025-03-27\nsummary: A summary.\n---\nICS assessments are *paused*.\n")},
		"articles/2025-04-01-empty.md": {Data: []byte("---\ntitle: Empty\ndate: 2025-04-01\nsummary: A summary.\n---\n")},
	}
	want := map[string]string{
		"articles/2025-03-27-ics.md":   "<p>ICS assessments are <em>paused</em>.</p>\n",
		"articles/2025-04-01-empty.md": "",
	}
	path := filepath.Join(t.TempDir(), ".public.cache")
	for _, build := range []string{"first build", "second build"} {
		store := cache.Open[Entry](path, "test")
		set, err := LoadCached(fsys, "content", store, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Save(); err != nil {
			t.Fatal(err)
		}
		for _, a := range set.Articles {
			if a.HTML != "" {
				t.Errorf("%s: %s holds its body in memory", build, a.Path)
			}
			if got, err := a.Body(); err != nil || got != want[a.Path] {
				t.Errorf("%s: %s: Body() = %q, %v; want %q", build, a.Path, got, err, want[a.Path])
			}
		}
	}
}
