package content

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/generator/cache"
)

// TestMemoTakesArticlesAgain checks that a Memo gives a later load the
// very article an earlier one read, without reading its file, only
// while its bytes, by the sums given, and the settings are the same: an
// article saved, one whose sum is not known, or one read with other
// settings is read again, and one read from bytes saved after the sums
// were taken is not kept under them.
func TestMemoTakesArticlesAgain(t *testing.T) {
	const name = "articles/2025-03-27-ics.md"
	text := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2025-03-27\nsummary: A summary.\n---\nBody.\n"
	}
	folder := func(title, settings string) fstest.MapFS {
		return fstest.MapFS{name: {Data: []byte(text(title))}, SettingsFile: {Data: []byte(settings)}}
	}
	const settings, other = "title: Bulletin\n", "title: Another bulletin\n"
	var m Memo
	load := func(fsys fstest.MapFS, sums map[string]string) *Article {
		t.Helper()
		set, err := m.Load(context.Background(), fsys, "content", nil, sums)
		if err != nil || len(set.Articles) != 1 {
			t.Fatalf("got %v, %v", set, err)
		}
		return set.Articles[0]
	}
	first := load(folder("First", settings), map[string]string{name: sumOf(text("First"))})
	gone := unreadable{folder("First", settings), map[string]bool{name: true}}
	set, err := m.Load(context.Background(), gone, "content", nil, map[string]string{name: sumOf(text("First"))})
	if err != nil || len(set.Articles) != 1 || set.Articles[0] != first {
		t.Fatalf("the same bytes were read again (%v)", err)
	}
	if a := load(folder("Saved", settings), map[string]string{name: sumOf(text("Saved"))}); a == first || a.Title != "Saved" {
		t.Errorf("an article saved gave %q", a.Title)
	}
	// The sums are taken of bytes saved once more, "Other", before the
	// file is read, holding others again.
	raced := load(folder("Raced", settings), map[string]string{name: sumOf(text("Other"))})
	if raced.Title != "Raced" {
		t.Fatalf("got %q, want the bytes the file holds", raced.Title)
	}
	if a := load(folder("Other", settings), map[string]string{name: sumOf(text("Other"))}); a.Title != "Other" {
		t.Errorf("bytes read after the sums were taken were kept under them: got %q", a.Title)
	}
	if a := load(folder("Saved", settings), nil); a.Title != "Saved" {
		t.Errorf("without sums, got %q", a.Title)
	}
	kept := load(folder("Saved", settings), map[string]string{name: sumOf(text("Saved"))})
	if a := load(folder("Saved", other), map[string]string{name: sumOf(text("Saved"))}); a == kept {
		t.Error("an article read with other settings was taken again")
	}
}

// TestMemoReadsADamagedBodyAgain loads an article whose body serve's
// store keeps in a blobs file on disk, found damaged when the body is
// read, and wants the next load to read the file afresh, as the store
// does, not to take again the article whose body cannot be read.
func TestMemoReadsADamagedBodyAgain(t *testing.T) {
	const name = "articles/2025-03-27-ics.md"
	const text = "---\ntitle: ICS\ndate: 2025-03-27\nsummary: A summary.\n---\nThe body of the article.\n"
	fsys := fstest.MapFS{name: {Data: []byte(text)}, SettingsFile: {Data: []byte("title: Bulletin\n")}}
	sums := map[string]string{name: sumOf(text)}
	path := filepath.Join(t.TempDir(), "cache")
	loadThroughStore(t, fsys, path)
	blobs, err := os.ReadFile(path + ".blobs")
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(blobs, []byte("The body of the article."))
	if at < 0 {
		t.Fatal("the blobs file does not hold the body")
	}
	blobs[at] ^= 1
	if err := os.WriteFile(path+".blobs", blobs, 0o644); err != nil {
		t.Fatal(err)
	}
	store := cache.NewMemory(cache.Open[Entry](path, "test"))
	var m Memo
	load := func() *Article {
		t.Helper()
		set, err := m.Load(context.Background(), fsys, "content", store, sums)
		store.Prune()
		if err != nil || len(set.Articles) != 1 {
			t.Fatalf("got %v, %v", set, err)
		}
		return set.Articles[0]
	}
	if _, err := load().Body(); err == nil {
		t.Fatal("the damaged body was read: the test shows nothing")
	}
	if body, err := load().Body(); err != nil || !strings.Contains(body, "The body of the article.") {
		t.Errorf("after the damage was found, the body is %q, %v", body, err)
	}
}

// TestMemoLetsGoOfArticlesGone checks that a Memo keeps only the
// articles of the last load: one deleted, or saved, lets go of the
// article read before, so that serve's memory follows the folder.
func TestMemoLetsGoOfArticlesGone(t *testing.T) {
	text := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2025-03-27\nsummary: A summary.\n---\nBody.\n"
	}
	var m Memo
	load := func(titles map[string]string) {
		t.Helper()
		fsys, sums := fstest.MapFS{}, map[string]string{}
		for name, title := range titles {
			fsys[name] = &fstest.MapFile{Data: []byte(text(title))}
			sums[name] = sumOf(text(title))
		}
		if _, err := m.Load(context.Background(), fsys, "content", nil, sums); err != nil {
			t.Fatal(err)
		}
	}
	load(map[string]string{"articles/a.md": "A", "articles/b.md": "B"})
	load(map[string]string{"articles/a.md": "A"})
	if kept := keptArticles(&m); len(kept) != 1 || kept["articles/a.md"] == nil {
		t.Errorf("after b.md was deleted, the memo keeps %v", slices.Collect(maps.Keys(kept)))
	}
	load(map[string]string{"articles/a.md": "A again"})
	if kept := keptArticles(&m); len(kept) != 1 || kept["articles/a.md"] == nil || kept["articles/a.md"].Title != "A again" {
		t.Errorf("after a.md was saved, the memo keeps %v", kept)
	}
	load(map[string]string{"elsewhere/a.md": "A"})
	if _, ok := m.folders["articles"]; ok {
		t.Errorf("after articles/ was deleted, the memo keeps it")
	}
}

// keptArticles gives the articles m keeps, by path.
func keptArticles(m *Memo) map[string]*Article {
	kept := map[string]*Article{}
	for _, f := range m.folders {
		for _, it := range f.items {
			if it.article != nil {
				kept[it.path] = it.article
			}
		}
	}
	return kept
}
