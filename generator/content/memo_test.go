package content

import (
	"context"
	"testing"
	"testing/fstest"
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
