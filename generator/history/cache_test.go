package history

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestReadCache(t *testing.T) {
	r, _ := fixture(t)
	dir := filepath.Join(r.dir, "content")
	cache := filepath.Join(t.TempDir(), ".public.history")
	want, err := Read(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	read := func(t *testing.T) *History {
		t.Helper()
		forget()
		h, err := Read(dir, cache)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}

	t.Run("first read writes the cache", func(t *testing.T) {
		checkHistory(t, read(t), want.Articles)
		if _, err := os.Stat(cache); err != nil {
			t.Fatalf("no cache file: %v", err)
		}
	})

	t.Run("a second read uses the cache", func(t *testing.T) {
		repo, _ := find(dir)
		files, ok := load(cache, repo.key())
		if !ok {
			t.Fatal("cache file cannot be loaded")
		}
		// Mark the cached history, to see it come back.
		files.files[newPath].Versions[0].Note = "from the cache"
		save(cache, repo.key(), files)
		if got := read(t).Versions(newPath)[0].Note; got != "from the cache" {
			t.Errorf("got note %q, want the cached one", got)
		}
	})

	t.Run("the last history read is kept in memory", func(t *testing.T) {
		read(t)
		last.files[newPath].Versions[0].Note = "from memory"
		h, err := Read(dir, cache)
		if err != nil {
			t.Fatal(err)
		}
		if got := h.Versions(newPath)[0].Note; got != "from memory" {
			t.Errorf("got note %q, want the one in memory", got)
		}
	})

	t.Run("a new commit makes the cache stale", func(t *testing.T) {
		r.write("content/articles/other.md", published)
		r.commit("another")
		h := read(t)
		checkHistory(t, h, map[string][]Version{
			newPath:             want.Articles[newPath],
			sfPath:              want.Articles[sfPath],
			"articles/other.md": {{Commit: r.git("rev-parse", "HEAD"), Time: day(r.tick), Date: "2025-03-27", Note: FirstPublished, Data: []byte(published)}},
		})
	})

	t.Run("a damaged cache is read again", func(t *testing.T) {
		want := read(t)
		for _, junk := range []string{"", "not gob", "\x0f\xff\x81\x03\x01"} {
			if err := os.WriteFile(cache, []byte(junk), 0o644); err != nil {
				t.Fatal(err)
			}
			checkHistory(t, read(t), want.Articles)
			repo, _ := find(dir)
			if _, ok := load(cache, repo.key()); !ok {
				t.Errorf("after a cache of %q: not written again", junk)
			}
		}
	})

	t.Run("a cache with a byte changed is read again", func(t *testing.T) {
		want := read(t)
		data, err := os.ReadFile(cache)
		if err != nil {
			t.Fatal(err)
		}
		// A change in a note's text, which gob still decodes.
		i := bytes.Index(data, []byte(FirstPublished))
		if i < 0 {
			t.Fatalf("the cache does not hold %q", FirstPublished)
		}
		data[i] ^= 0x20
		if err := os.WriteFile(cache, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkHistory(t, read(t), want.Articles)
	})

	t.Run("a cache that cannot be written is left out", func(t *testing.T) {
		forget()
		h, err := Read(dir, filepath.Join(t.TempDir(), "missing", "cache"))
		if err != nil {
			t.Fatalf("got error %v, want none", err)
		}
		checkHistory(t, h, read(t).Articles)
	})
}

// forget forgets the history kept in memory, for a test of the cache file.
func forget() {
	last.Lock()
	last.key, last.files = "", nil
	last.Unlock()
}
