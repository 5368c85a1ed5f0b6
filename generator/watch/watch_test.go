package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestLinkMadeInsideIsNotFollowed makes a symbolic link to a folder
// outside the root while the root is watched: its making is a change,
// but what happens in the folder it names is not, during the link's life
// or after it.
func TestLinkMadeInsideIsNotFollowed(t *testing.T) {
	dir := t.TempDir()
	root, outside := filepath.Join(dir, "content"), filepath.Join(dir, "outside")
	for _, d := range []string{root, filepath.Join(outside, "deeper")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	link := filepath.Join(root, "linked")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, link)
	writeFile(t, filepath.Join(outside, "serve.log"), "log line\n")
	writeFile(t, filepath.Join(outside, "deeper", "serve.log"), "log line\n")
	noChange(t, w, "a write in the folder the link names")

	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	waitChange(t, w)
	w.Take()
	writeFile(t, filepath.Join(outside, "serve.log"), "log line\n")
	noChange(t, w, "a write in the folder the link named, once it is gone")
}

// TestFolderMadeInsideIsWatched makes a folder, with a file already in
// it, below the root: later changes in it are seen.
func TestFolderMadeInsideIsWatched(t *testing.T) {
	root := t.TempDir()
	w, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	made := filepath.Join(root, "2026", "articles")
	if err := os.MkdirAll(made, 0o755); err != nil {
		t.Fatal(err)
	}
	waitChange(t, w)
	w.Take()
	file := filepath.Join(made, "a.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, file)
}

// waitFor takes the changes w reports until path is among them. A change
// made before may be reported first, apart, on a busy machine.
func waitFor(t *testing.T, w *Watcher, path string) {
	t.Helper()
	var got []string
	deadline := time.After(5 * time.Second)
	for !slices.Contains(got, path) {
		select {
		case <-w.Changes:
			w.Settled(w.Seen())
			paths, _ := w.Take()
			got = append(got, paths...)
		case <-deadline:
			t.Fatalf("got changes %q in 5s, want %s among them", got, path)
		}
	}
}

func waitChange(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case <-w.Changes:
		w.Settled(w.Seen())
	case <-time.After(5 * time.Second):
		t.Fatal("no change seen in 5s")
	}
}

func noChange(t *testing.T, w *Watcher, after string) {
	t.Helper()
	// A signal whose paths an earlier Take had already taken is no
	// change.
	deadline := time.After(300 * time.Millisecond)
	for {
		select {
		case <-w.Changes:
			if paths, all := w.Take(); len(paths) > 0 || all {
				t.Errorf("after %s: got changes %q (all: %v), want none", after, paths, all)
				return
			}
		case <-deadline:
			return
		}
	}
}

// drain takes the changes the watcher reports until it has been quiet
// for a while: a save can give more than one event, the last after the
// first was taken.
func drain(w *Watcher) {
	for {
		select {
		case <-w.Changes:
			w.Take()
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}

// TestRootMadeAgainIsWatched deletes a root and makes it again: each is
// a change to any of its paths, and a file saved in the new folder is
// seen; a folder made beside the root, as an output folder is, is not a
// change. A root may be hidden (-templates .theme), as no folder below
// it is watched.
func TestRootMadeAgainIsWatched(t *testing.T) {
	for _, name := range []string{"content", ".theme"} {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), name)
			if err := os.Mkdir(root, 0o755); err != nil {
				t.Fatal(err)
			}
			w, err := New(root)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if err := os.Mkdir(filepath.Join(filepath.Dir(root), "public"), 0o755); err != nil {
				t.Fatal(err)
			}
			noChange(t, w, "a folder made beside the root")
			for _, step := range []struct {
				what string
				do   func() error
			}{
				{"the root deleted", func() error { return os.RemoveAll(root) }},
				{"the root made again", func() error { return os.Mkdir(root, 0o755) }},
			} {
				if err := step.do(); err != nil {
					t.Fatal(err)
				}
				waitChange(t, w)
				if _, all := w.Take(); !all {
					t.Errorf("%s: want any path changed", step.what)
				}
			}
			file := filepath.Join(root, "a.md")
			if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			waitFor(t, w, file)
		})
	}
}

// TestRootLinkPointedElsewhere watches a root that is a symbolic link,
// or a link to a link kept in a folder of its own, then points the link
// at another folder as ln -sfn does (a link made beside it, renamed over
// it): any path may have changed, and a file saved in a folder of the
// new one is seen; a file beside the link on the way is not the sources.
func TestRootLinkPointedElsewhere(t *testing.T) {
	for _, c := range []struct {
		name   string
		links  [][2]string // each link's path, in dir, and what it leads to
		moved  string      // the link pointed elsewhere
		target string      // where it is pointed
	}{
		{"the root", [][2]string{{"content", "c1"}}, "content", "c2"},
		{"a link on the way to the root", [][2]string{{"hops/content", "../c1"}, {"content", "hops/content"}}, "hops/content", "../c2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, d := range []string{"c1/articles", "c2/articles", "hops"} {
				if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for _, l := range c.links {
				if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
					t.Fatal(err)
				}
			}
			root := filepath.Join(dir, "content")
			w, err := New(root)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			moved := filepath.Join(dir, c.moved)
			if err := os.Symlink(c.target, moved+".new"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(moved+".new", moved); err != nil {
				t.Fatal(err)
			}
			waitChange(t, w)
			if _, all := w.Take(); !all {
				t.Errorf("%s pointed elsewhere: want any path changed", c.name)
			}
			file := filepath.Join(root, "articles", "a.md")
			if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			waitFor(t, w, file)
			drain(w)
			if err := os.WriteFile(filepath.Join(dir, "hops", "notes.txt"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			noChange(t, w, "a write beside the link on the way to the root")
		})
	}
}

// TestFolderNamedAsBackupIsWatched makes a folder whose name ends in ~,
// which a build reads as it reads any folder: a file saved in it is a
// change, and so is its removal, while an editor's backup file (a.md~)
// is not.
func TestFolderNamedAsBackupIsWatched(t *testing.T) {
	root := t.TempDir()
	w, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := os.WriteFile(filepath.Join(root, "a.md~"), []byte("backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	noChange(t, w, "an editor's backup file")
	folder := filepath.Join(root, "extra~")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, folder)
	file := filepath.Join(folder, "a.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, file)
	if err := os.RemoveAll(folder); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, folder)
}

// TestFolderRenamedWithFoldersInside renames a folder that holds another
// while it is watched: a file written in the inner folder afterwards is
// named by the new path, and so is one made there. inotify keeps a
// folder's watch across a rename, and fsnotify named its events by the
// old path.
func TestFolderRenamedWithFoldersInside(t *testing.T) {
	root := t.TempDir()
	inner := filepath.Join(root, "articles", "2025")
	if err := os.MkdirAll(inner, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inner, "a.md"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// Once the watcher has seen the folder reach its new name, and so
	// watches it: what is written there before that is told as a change
	// of the folder, whose files serve then reads again.
	if err := os.Rename(filepath.Join(root, "articles"), filepath.Join(root, "news")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, filepath.Join(root, "news"))
	moved := filepath.Join(root, "news", "2025")
	for _, name := range []string{"a.md", "b.md"} {
		file := filepath.Join(moved, name)
		if err := os.WriteFile(file, []byte("edited"), 0o644); err != nil {
			t.Fatal(err)
		}
		waitFor(t, w, file)
	}
	// And back again.
	if err := os.Rename(filepath.Join(root, "news"), filepath.Join(root, "articles")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, filepath.Join(root, "articles"))
	file := filepath.Join(inner, "c.md")
	if err := os.WriteFile(file, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, file)
}

// following watches root, following the link, and stops at the end
// of the test.
func following(t *testing.T, root, link string) *Watcher {
	t.Helper()
	w, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	w.Follow(link)
	return w
}

// makeDirs makes each folder, with those it is in.
func makeDirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// writeFile writes data into the file name.
func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFollowedLinkSeesItsFile links a file of the root to one kept
// outside, as site.yaml may be to settings several content folders
// share: a save of that file, in place or as a new file renamed over
// it, is a change to the link, and a write beside it is none; the link
// pointed at another file follows that one.
func TestFollowedLinkSeesItsFile(t *testing.T) {
	dir := t.TempDir()
	root, outside := filepath.Join(dir, "content"), filepath.Join(dir, "shared")
	makeDirs(t, root, outside)
	shared, other := filepath.Join(outside, "site.yaml"), filepath.Join(outside, "other.yaml")
	writeFile(t, shared, "title: A\n")
	writeFile(t, other, "title: B\n")
	link := filepath.Join(root, "site.yaml")
	if err := os.Symlink(shared, link); err != nil {
		t.Fatal(err)
	}
	w := following(t, root, link)

	writeFile(t, shared, "title: A, saved\n")
	waitFor(t, w, link)
	writeFile(t, filepath.Join(outside, "notes.txt"), "not read by a build\n")
	noChange(t, w, "a write beside the file the link leads to")
	writeFile(t, shared+".new", "title: A, saved again\n")
	if err := os.Rename(shared+".new", shared); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, link)

	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, link); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, link)
	writeFile(t, other, "title: B, saved\n")
	waitFor(t, w, link)
}

// TestFollowedLinkThroughLinks links site.yaml to a link kept in a
// folder of its own, which links to the settings kept in another: the
// link on the way pointed at other settings is a change to site.yaml,
// and a save of those settings then is one too.
func TestFollowedLinkThroughLinks(t *testing.T) {
	dir := t.TempDir()
	root, hops, shared, other := filepath.Join(dir, "content"), filepath.Join(dir, "hops"), filepath.Join(dir, "shared"), filepath.Join(dir, "other")
	makeDirs(t, root, hops, shared, other)
	first, second := filepath.Join(shared, "site.yaml"), filepath.Join(other, "site.yaml")
	writeFile(t, first, "title: A\n")
	writeFile(t, second, "title: B\n")
	hop, link := filepath.Join(hops, "site.yaml"), filepath.Join(root, "site.yaml")
	if err := os.Symlink(first, hop); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../hops/site.yaml", link); err != nil {
		t.Fatal(err)
	}
	w := following(t, root, link)

	writeFile(t, first, "title: A, saved\n")
	waitFor(t, w, link)
	if err := os.Remove(hop); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(second, hop); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, link)
	writeFile(t, second, "title: B, saved\n")
	waitFor(t, w, link)
}

// TestFollowedLinkBesideTheRoot links site.yaml to settings kept beside
// the content folder, given by a relative path, in the folder watched
// already as the root's parent, whose events are named by that path.
func TestFollowedLinkBesideTheRoot(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("content", 0o755); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(dir, "shared.yaml")
	if err := os.WriteFile(shared, []byte("title: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join("content", "site.yaml")
	if err := os.Symlink(shared, link); err != nil {
		t.Fatal(err)
	}
	w, err := New("content")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Follow(link)
	if err := os.WriteFile(shared, []byte("title: A, saved\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, link)
	drain(w)
	if err := os.WriteFile("serve.log", []byte("beside the root\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noChange(t, w, "a write beside the root")
}
