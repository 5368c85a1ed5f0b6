package inputs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestKeptFollowsChanges makes changes to a content folder, names them
// as the watcher would, and wants the lists Kept gives to be those of the
// folder read afresh, and its hashes every file's own: the history of
// the articles is read for the files it has a hash of, so a folder named
// alone, as a folder renamed is, has each of its files hashed. A list
// with the stamp it had before a change must hold the same names and
// hashes as before it, and a folder the change did not touch must keep
// its stamp.
func TestKeptFollowsChanges(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write := func(p, text string) {
		t.Helper()
		name := filepath.Join(content, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\n")
	write("articles/2025/a.md", "a")
	write("articles/2025/b.md", "b")
	k := Keep(content)
	tests := []struct {
		name      string
		change    func()
		named     []string // slash paths in content, or absolute ones elsewhere
		all       bool
		elsewhere bool
		same      []string // folders whose stamps the change keeps
	}{
		{name: "first, everything", all: true},
		{name: "a file edited", change: func() { write("articles/2025/a.md", "a2") }, named: []string{"articles/2025/a.md"}, same: []string{".", "articles"}},
		{name: "a file added in a new folder", change: func() { write("articles/2026/c.md", "c") }, named: []string{"articles/2026"}},
		{name: "a folder removed", change: func() {
			if err := os.RemoveAll(filepath.Join(content, "articles", "2025")); err != nil {
				t.Fatal(err)
			}
		}, named: []string{"articles/2025"}},
		{name: "a folder renamed", change: func() {
			if err := os.Rename(filepath.Join(content, "articles", "2026"), filepath.Join(content, "articles", "y2026")); err != nil {
				t.Fatal(err)
			}
		}, named: []string{"articles/2026", "articles/y2026"}},
		{name: "the theme changed", named: []string{filepath.Join(dir, "templates", "layout.html")}, elsewhere: true, same: []string{".", "articles", "articles/y2026"}},
		{name: "a file and the theme", change: func() { write("articles/y2026/c.md", "c2") }, named: []string{"articles/y2026/c.md", filepath.Join(dir, "templates", "layout.html")}, elsewhere: true},
	}
	type stampedList struct {
		stamp uint64
		held  string
	}
	stamps := map[string]stampedList{}
	for _, tt := range tests {
		if tt.change != nil {
			tt.change()
		}
		var paths []string
		for _, p := range tt.named {
			if !filepath.IsAbs(p) {
				p = filepath.Join(content, filepath.FromSlash(p))
			}
			paths = append(paths, p)
		}
		if got := k.Changed(paths, tt.all); got != tt.elsewhere {
			t.Errorf("%s: Changed reports a change elsewhere %v, want %v", tt.name, got, tt.elsewhere)
		}
		want := ContentSums(content)
		for p, sum := range k.Sums() {
			if sum != want[p] {
				t.Errorf("%s: %s has the hash %q, want %q as read afresh", tt.name, p, sum, want[p])
			}
		}
		if len(k.Sums()) != len(want) {
			t.Errorf("%s: %d files hashed, want all %d", tt.name, len(k.Sums()), len(want))
		}
		if got, want := walked(t, k.FS()), walked(t, os.DirFS(content)); !slices.Equal(got, want) {
			t.Errorf("%s: the folder walks as %q, want %q as read afresh", tt.name, got, want)
		}
		lists := k.FS().(interface {
			ReadDirStamped(string) ([]fs.DirEntry, uint64, error)
		})
		now := map[string]stampedList{}
		for _, p := range walked(t, os.DirFS(content)) {
			entries, stamp, err := lists.ReadDirStamped(p)
			if errors.Is(err, syscall.ENOTDIR) {
				continue
			}
			if err != nil || stamp == 0 {
				t.Fatalf("%s: listing %s: stamp %d, %v", tt.name, p, stamp, err)
			}
			held := ""
			for _, e := range entries {
				held += e.Name() + " " + want[path.Join(p, e.Name())] + "\n"
			}
			now[p] = stampedList{stamp, held}
			if was, ok := stamps[p]; ok && was.stamp == stamp && was.held != held {
				t.Errorf("%s: %s kept its stamp, though it held\n%s\nand now holds\n%s", tt.name, p, was.held, held)
			}
		}
		for _, p := range tt.same {
			if now[p].stamp != stamps[p].stamp {
				t.Errorf("%s: %s has another stamp, though nothing in it changed", tt.name, p)
			}
		}
		stamps = now
	}
}

// walked lists every path below the root of fsys.
func walked(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, _ fs.DirEntry, err error) error {
		paths = append(paths, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}
