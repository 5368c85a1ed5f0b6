package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// memStore is a Store in memory.
type memStore map[string]Entry

func (m memStore) Get(key string) (Entry, bool) { e, ok := m[key]; return e, ok }
func (m memStore) Put(key string, e Entry)      { m[key] = e }

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
	store := memStore{}
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
