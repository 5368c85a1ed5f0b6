package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// files is an output to build or a folder to set up: path → content.
type files map[string]string

// past is the modification time given to a previous build's files, so a
// file written again can't keep it by chance.
var past = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

// writeAll opens dir, writes fs in path order and commits.
func writeAll(dir string, force bool, fs files) (Stats, error) {
	d, err := Open(dir, force)
	if err != nil {
		return Stats{}, err
	}
	for _, name := range slices.Sorted(maps.Keys(fs)) {
		if err := d.Write(name, []byte(fs[name])); err != nil {
			d.Abort()
			return Stats{}, err
		}
	}
	return d.Commit()
}

// writeKeyed is writeAll as a build writes, each file keyed by its
// bytes, so that the index beside the folder is written too.
func writeKeyed(dir string, force bool, fs files) (Stats, error) {
	d, err := Open(dir, force)
	if err != nil {
		return Stats{}, err
	}
	d.Keyed("v1")
	for _, name := range slices.Sorted(maps.Keys(fs)) {
		if err := d.WriteKeyed(name, string(hashOf([]byte(fs[name])).appendHex(nil)), []byte(fs[name])); err != nil {
			d.Abort()
			return Stats{}, err
		}
	}
	return d.Commit()
}

// mustBuild builds fs into dir and dates its files in the past.
func mustBuild(t *testing.T, dir string, fs files) {
	t.Helper()
	if _, err := writeAll(dir, false, fs); err != nil {
		t.Fatalf("building %v: %v", slices.Sorted(maps.Keys(fs)), err)
	}
	for name := range fs {
		if err := os.Chtimes(filepath.Join(dir, name), past, past); err != nil {
			t.Fatal(err)
		}
	}
}

// putFiles writes fs into dir directly, as someone else would.
func putFiles(t *testing.T, dir string, fs files) {
	t.Helper()
	for name, data := range fs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree reads every file under dir, the manifest included; a missing
// dir reads as empty.
func readTree(t *testing.T, dir string) files {
	t.Helper()
	got := files{}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return got
	}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// statTree records each file's identity and times.
func statTree(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	infos := map[string]os.FileInfo{}
	for name := range readTree(t, dir) {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		infos[name] = fi
	}
	return infos
}

func manifestOf(fs files) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(fs)) {
		sum := sha256.Sum256([]byte(fs[name]))
		b.WriteString(hex.EncodeToString(sum[:]) + " " + name + "\n")
	}
	return b.String()
}

// checkOutput wants dir to hold exactly fs and its manifest, plus kept.
func checkOutput(t *testing.T, dir string, fs, kept files) {
	t.Helper()
	got := readTree(t, dir)
	if m := got[ManifestFile]; m != manifestOf(fs) {
		t.Errorf("manifest:\n%s\nwant:\n%s", m, manifestOf(fs))
	}
	delete(got, ManifestFile)
	want := maps.Clone(fs)
	maps.Copy(want, kept)
	if !maps.Equal(got, want) {
		t.Errorf("output holds %v, want %v", got, want)
	}
}

// checkSiblings wants the folder around the output to hold only want.
func checkSiblings(t *testing.T, parent string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("beside the output: got %q, want %q (staging folders left behind?)", got, want)
	}
}

func TestRebuild(t *testing.T) {
	tests := []struct {
		name          string
		before, after files // before nil: no previous output
		wantUnchanged int
	}{
		{
			name:  "first build into a missing folder",
			after: files{"index.html": "home", "2024/05/first/index.html": "first", "feed.xml": "<feed/>"},
		},
		{
			name:          "same files again",
			before:        files{"index.html": "home", "2024/05/first/index.html": "first"},
			after:         files{"index.html": "home", "2024/05/first/index.html": "first"},
			wantUnchanged: 2,
		},
		{
			name:          "one page changed",
			before:        files{"index.html": "home", "2024/05/first/index.html": "first"},
			after:         files{"index.html": "home, updated", "2024/05/first/index.html": "first"},
			wantUnchanged: 1,
		},
		{
			name:          "article deleted",
			before:        files{"index.html": "home", "2024/05/first/index.html": "first", "2024/06/second/index.html": "second"},
			after:         files{"index.html": "home", "2024/05/first/index.html": "first"},
			wantUnchanged: 2,
		},
		{
			name:          "article renamed",
			before:        files{"index.html": "home", "2024/05/old-slug/index.html": "article"},
			after:         files{"index.html": "home", "2024/05/new-slug/index.html": "article"},
			wantUnchanged: 1,
		},
		{
			name:   "everything removed",
			before: files{"index.html": "home", "a/b/c.txt": "deep"},
			after:  files{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			if tt.before != nil {
				mustBuild(t, dir, tt.before)
			}
			old := statTree(t, dir)

			stats, err := writeAll(dir, false, tt.after)
			if err != nil {
				t.Fatalf("rebuild: %v", err)
			}
			checkOutput(t, dir, tt.after, nil)
			checkSiblings(t, parent, "public")
			if stats.Files != len(tt.after) || stats.Unchanged != tt.wantUnchanged {
				t.Errorf("stats: got %d files, %d unchanged; want %d, %d", stats.Files, stats.Unchanged, len(tt.after), tt.wantUnchanged)
			}
			for name, fi := range statTree(t, dir) {
				was, ok := old[name]
				switch {
				case name == ManifestFile || !ok:
				case tt.before[name] == tt.after[name]:
					if !os.SameFile(fi, was) || !fi.ModTime().Equal(was.ModTime()) {
						t.Errorf("unchanged %s was rewritten: got mtime %v, want the same file with mtime %v", name, fi.ModTime(), was.ModTime())
					}
				case os.SameFile(fi, was):
					t.Errorf("changed %s shares its inode with the previous output", name)
				}
			}
		})
	}
}

// TestRebuildMakesAReadableFolder protects publishing: the output folder
// gets the usual permissions, not the private ones of a temporary folder.
func TestRebuildMakesAReadableFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	mustBuild(t, dir, files{"index.html": "home"})
	mustBuild(t, dir, files{"index.html": "home, again"})
	usual := filepath.Join(parent, "usual")
	if err := os.Mkdir(usual, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.Stat(usual)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode() != want.Mode() {
		t.Errorf("output folder mode: got %v, want %v", got.Mode(), want.Mode())
	}
}

// TestRebuildReplacesEditedFile protects the manifest's hashes: a file
// changed by hand after a build is written again, not linked as it is.
func TestRebuildReplacesEditedFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	site := files{"index.html": "home", "about/index.html": "about"}
	mustBuild(t, dir, site)
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("hand edit"), 0o644); err != nil {
		t.Fatal(err)
	}
	stats, err := writeAll(dir, false, site)
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dir, site, nil)
	if stats.Unchanged != 1 {
		t.Errorf("got %d unchanged files, want 1 (about/index.html)", stats.Unchanged)
	}
}

// TestRebuildReplacesLinkToSameBytes puts a link in place of a file the
// last build wrote, leading to a copy of its bytes elsewhere: the build
// writes the file again, as a clean build would, rather than keep the
// link because what it leads to reads the same.
func TestRebuildReplacesLinkToSameBytes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	site := files{"index.html": "home", "about/index.html": "about"}
	mustBuild(t, dir, site)
	copied := filepath.Join(t.TempDir(), "home.html")
	putFiles(t, filepath.Dir(copied), files{"home.html": "home"})
	index := filepath.Join(dir, "index.html")
	if err := os.Remove(index); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(copied, index); err != nil {
		t.Fatal(err)
	}
	stats, err := writeAll(dir, false, site)
	if err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dir, site, nil)
	info, err := os.Lstat(index)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Mode().IsRegular() {
		t.Errorf("index.html after the build is a %v, want a file", info.Mode().Type())
	}
	if stats.Unchanged != 1 {
		t.Errorf("got %d unchanged files, want 1 (about/index.html)", stats.Unchanged)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	site := files{"index.html": "home", "a/index.html": "a"}
	sum := sha256.Sum256([]byte("a"))
	hashA := hex.EncodeToString(sum[:])
	tests := []struct {
		name     string
		built    files  // built by the generator first, unless nil
		extra    files  // then put there by someone else
		manifest string // then replaces the manifest, unless empty
		want     string // a foreign file the error must name; "" to accept
	}{
		{name: "empty folder", extra: files{}},
		{name: "folder never built into", extra: files{"notes.txt": "mine"}, want: "notes.txt"},
		{name: "file added after a build", built: site, extra: files{"docs/letter.pdf": "pdf"}, want: "docs/letter.pdf"},
		{name: "file the manifest lists", built: site},
		{name: "manifest only, no files", extra: files{ManifestFile: ""}},
		{
			name:     "hash not hexadecimal",
			built:    site,
			manifest: manifestOf(files{"index.html": "home"}) + strings.Repeat("z", 64) + " a/index.html\n",
			want:     "a/index.html",
		},
		{
			name:     "hash too short",
			built:    site,
			manifest: manifestOf(files{"index.html": "home"}) + hashA[:10] + " a/index.html\n",
			want:     "a/index.html",
		},
		{
			name:     "line without a hash",
			built:    site,
			manifest: manifestOf(files{"index.html": "home"}) + "a/index.html\n",
			want:     "a/index.html",
		},
		{
			name:     "path not clean",
			built:    site,
			manifest: manifestOf(files{"index.html": "home"}) + hashA + " a//index.html\n",
			want:     "a/index.html",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			if tt.built != nil {
				mustBuild(t, dir, tt.built)
			}
			if tt.extra != nil {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				putFiles(t, dir, tt.extra)
			}
			if tt.manifest != "" {
				putFiles(t, dir, files{ManifestFile: tt.manifest})
			}
			before := readTree(t, dir)

			d, err := Open(dir, false)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Open: %v, want it accepted", err)
				}
				d.Abort()
			} else {
				if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Open: got error %v, want one wrapping ErrForeign that names %s", err, tt.want)
				}
				if !strings.Contains(err.Error(), "-force") {
					t.Errorf("error %q does not mention -force", err)
				}
			}
			if got := readTree(t, dir); !maps.Equal(got, before) {
				t.Errorf("Open changed the folder: got %v, want %v", got, before)
			}
			checkSiblings(t, parent, "public")
		})
	}
}

func TestForceKeepsForeignFiles(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	mine := files{"CNAME": "bulletin.example", "docs/letter.pdf": "pdf"}
	putFiles(t, dir, mine)
	kept := statTree(t, dir)

	for i, site := range []files{
		{"index.html": "home", "docs/index.html": "docs"},
		{"index.html": "home, updated"},
	} {
		if _, err := writeAll(dir, false, site); !errors.Is(err, ErrForeign) {
			t.Fatalf("build %d without -force: got %v, want ErrForeign", i+1, err)
		}
		if _, err := writeAll(dir, true, site); err != nil {
			t.Fatalf("build %d with -force: %v", i+1, err)
		}
		checkOutput(t, dir, site, mine)
		checkSiblings(t, parent, "public")
		for name, was := range kept {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil || !os.SameFile(fi, was) || !fi.ModTime().Equal(was.ModTime()) {
				t.Errorf("build %d: foreign %s was not kept untouched (%v)", i+1, name, err)
			}
		}
	}
}

// TestForceKeepsForeignFolders keeps the folders bulletin did not make,
// empty ones too, with their permissions, setgid and sticky bits, and
// owners, and the output folder's own beyond those every reader needs,
// through builds that swap the output in whole and builds that update
// it in place. A foreign folder bulletin's files go into gets what
// readers need of it. A build without -force still refuses the folder
// after one with it, though the folders' times are old enough for the
// index to keep.
func TestForceKeepsForeignFolders(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	putFiles(t, dir, files{".ssh/id": "secret", "2027/notes.txt": "mine"})
	found := map[string]fs.FileMode{"empty": 0o755, "nested/empty": 0o750, ".ssh": 0o700, "uploads": 0o777 | fs.ModeSticky,
		"shared": 0o770 | fs.ModeSetgid, "2027": 0o500, ".": 0o775 | fs.ModeSetgid}
	for _, name := range slices.Sorted(maps.Keys(found)) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, found[name]); err != nil {
			t.Fatal(err)
		}
	}
	nobody := os.Geteuid() == 0 // only root can give a folder away, and check it is kept
	if nobody {
		for _, name := range []string{".ssh", "2027"} {
			if err := os.Lchown(filepath.Join(dir, name), 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := writeKeyed(dir, false, files{"index.html": "home"}); !errors.Is(err, ErrForeign) {
		t.Fatalf("build without -force over folders not its own: got %v, want ErrForeign", err)
	}
	want := maps.Clone(found)
	// nested was made in the output folder, and took its setgid bit.
	want["nested"], want["2027"] = 0o755|fs.ModeSetgid, 0o755
	for i, site := range []files{
		{"index.html": "home", "2025/index.html": "year", "2027/index.html": "a year to come"},
		{"index.html": "home, updated", "2025/index.html": "year", "2027/index.html": "a year to come"},
		{"index.html": "home, updated", "2026/index.html": "another year", "2026/01/index.html": "a month", "2027/index.html": "a year to come"},
		// Every file changed: the output is swapped in whole again, 2027
		// now a folder of bulletin's pages, its owner kept all the same.
		{"index.html": "home, again", "2026/index.html": "another year, again", "2026/01/index.html": "a month, again", "2027/index.html": "a year to come, again"},
	} {
		if _, err := writeKeyed(dir, true, site); err != nil {
			t.Fatalf("build %d with -force: %v", i+1, err)
		}
		checkOutput(t, dir, site, files{".ssh/id": "secret", "2027/notes.txt": "mine"})
		for name, mode := range want {
			info, err := os.Lstat(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("build %d: folder %s: %v", i+1, name, err)
				continue
			}
			if got := info.Mode() & (fs.ModeDir | fs.ModePerm | fs.ModeSetgid | fs.ModeSticky); got != fs.ModeDir|mode {
				t.Errorf("build %d: folder %s: got %v, want %v", i+1, name, got, fs.ModeDir|mode)
			}
			if uid, ok := ownerOf(info); ok && nobody && (name == ".ssh" || name == "2027") && uid != 65534 {
				t.Errorf("build %d: folder %s belongs to %d, want 65534, its owner", i+1, name, uid)
			}
		}
		// Old enough for the index to record the folders' times.
		old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
		for name := range found {
			if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	// With the foreign files gone, empty folders alone are foreign.
	if err := os.RemoveAll(filepath.Join(dir, ".ssh")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "2027", "notes.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := writeKeyed(dir, false, files{"index.html": "home"}); !errors.Is(err, ErrForeign) {
		t.Errorf("build without -force, after some with it, over folders not its own: got %v, want ErrForeign", err)
	}
}

// TestForeignFolderGainingPagesInPlace writes bulletin's pages into a
// private folder it did not make, in a build that updates the output in
// place: the folder gets what readers of the pages need.
func TestForeignFolderGainingPagesInPlace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	site := files{"index.html": "home", "a/index.html": "a", "b/index.html": "b", "c/index.html": "c"}
	if _, err := writeKeyed(dir, false, site); err != nil {
		t.Fatal(err)
	}
	putFiles(t, dir, files{"2028/notes.txt": "mine"})
	if err := os.Chmod(filepath.Join(dir, "2028"), 0o500); err != nil {
		t.Fatal(err)
	}
	site["2028/index.html"] = "a year to come"
	if _, err := writeKeyed(dir, true, site); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dir, site, files{"2028/notes.txt": "mine"})
	if info, err := os.Stat(filepath.Join(dir, "2028")); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("2028, a private folder bulletin's pages went into: got %v (%v), want it readable by all, 0755", info.Mode(), err)
	}
}

// TestOwnFolderKeepsAddedRights gives a folder of bulletin's a group's
// write, as an owner may: a build that swaps the output in whole keeps
// it, as one that updates it in place does.
func TestOwnFolderKeepsAddedRights(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := writeKeyed(dir, false, files{"index.html": "home", "a/index.html": "a"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "a"), 0o775); err != nil {
		t.Fatal(err)
	}
	if _, err := writeKeyed(dir, false, files{"index.html": "home, again", "a/index.html": "a, again"}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(filepath.Join(dir, "a")); err != nil || info.Mode().Perm() != 0o775 {
		t.Errorf("a, given a group's write: got %v (%v), want 0775 kept", info.Mode(), err)
	}
}

// TestFileWhereOwnFolderWas makes a file of the name of a folder of
// bulletin's that was given another mode: the file has a file's mode,
// not the folder's.
func TestFileWhereOwnFolderWas(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := writeKeyed(dir, false, files{"index.html": "home", "report.pdf/a.pdf": "a"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "report.pdf"), 0o775|fs.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if _, err := writeKeyed(dir, false, files{"index.html": "home", "report.pdf": "the report"}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(filepath.Join(dir, "report.pdf")); err != nil || info.Mode() != 0o644 {
		t.Errorf("report.pdf, a file where a folder was: got %v (%v), want -rw-r--r--", info.Mode(), err)
	}
}

// TestSwapDropsJournal swaps in a whole output over one whose update in
// place failed, leaving its journal: the journal goes, so that a file
// it names put there later is not taken for bulletin's.
func TestSwapDropsJournal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := writeKeyed(dir, false, files{"index.html": "home"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(journalPath(dir), []byte("notes.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writeKeyed(dir, false, files{"index.html": "home, again"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(journalPath(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the journal is still there after a whole swap: %v", err)
	}
	putFiles(t, dir, files{"notes.txt": "mine"})
	if _, err := writeKeyed(dir, false, files{"index.html": "home, again"}); !errors.Is(err, ErrForeign) {
		t.Errorf("a build over a file of the editor's named in an old journal: got %v, want ErrForeign", err)
	}
}

// TestSetgidRootFoldersAsMade builds into an output folder whose group
// is not the build's, with the setgid bit, so that the folders made in
// it take its group: they are as a build makes them, and a build keeps
// no note of each.
func TestSetgidRootFoldersAsMade(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give the output folder a group not its own")
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Lchown(dir, -1, 65534); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755|fs.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if _, err := writeKeyed(dir, false, files{"index.html": "home", "a/index.html": "a", "a/b/index.html": "b"}); err != nil {
		t.Fatal(err)
	}
	d, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if len(d.keptFolders) > 0 {
		t.Errorf("folders noted as given another mode or owner: %v, want none", slices.Sorted(maps.Keys(d.keptFolders)))
	}
}

// TestRemoveAllEmptiesFoldersLackingRights deletes a tree holding a
// folder its owner may not write, as a folder kept with -force can be,
// which os.RemoveAll alone cannot empty.
func TestRemoveAllEmptiesFoldersLackingRights(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root deletes whatever the rights: there is nothing to check")
	}
	dir := filepath.Join(t.TempDir(), "stage")
	putFiles(t, dir, files{"a/b/c.txt": "x"})
	for _, p := range []string{"a/b", "a"} {
		if err := os.Chmod(filepath.Join(dir, p), 0o500); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s is still there: %v", dir, err)
	}
}

// TestForceNeverOverwritesForeignFile protects a file bulletin did not
// write from a page that would land on the same path: the build fails and
// the file stays as it was.
func TestForceNeverOverwritesForeignFile(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	putFiles(t, dir, files{"index.html": "hand-made home"})

	_, err := writeAll(dir, true, files{"index.html": "generated home"})
	if err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Errorf("build over a foreign index.html: got error %v, want one naming index.html", err)
	}
	if got := readTree(t, dir); !maps.Equal(got, files{"index.html": "hand-made home"}) {
		t.Errorf("output after the failed build: got %v, want the hand-made home alone", got)
	}
	checkSiblings(t, parent, "public")
}

// TestForceNeverReplacesForeignFolder keeps a folder of foreign files
// at the name of a file the build writes: the build fails, naming the
// file and the folder, rather than with an error of the system naming
// its staging folder, and leaves the output as it was.
func TestForceNeverReplacesForeignFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	putFiles(t, dir, files{"feed.xml/data.txt": "mine"})

	_, err := writeAll(dir, true, files{"feed.xml": "<rss/>"})
	if want := "feed.xml would replace a folder of files bulletin did not write, such as feed.xml/data.txt"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("build over a foreign folder feed.xml/: got error %v, want one saying %s", err, want)
	}
	if got := readTree(t, dir); !maps.Equal(got, files{"feed.xml/data.txt": "mine"}) {
		t.Errorf("output after the failed build: got %v, want the foreign folder alone", got)
	}
	checkSiblings(t, parent, "public")
}

// TestForceNeverGoesThroughALinkedFolder replaces a folder of the output
// with a symbolic link to a folder elsewhere, holding files of the same
// names: a build that drops them deletes nothing there, and one that
// writes into the folder fails, naming it, and writes nothing there.
func TestForceNeverGoesThroughALinkedFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	elsewhere := t.TempDir()
	mustBuild(t, dir, files{"index.html": "home", "2022/index.html": "year", "2022/05/a/index.html": "article"})
	putFiles(t, elsewhere, files{"index.html": "mine", "05/a/index.html": "mine too"})
	if err := os.RemoveAll(filepath.Join(dir, "2022")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, "2022")); err != nil {
		t.Fatal(err)
	}
	if _, err := writeAll(dir, true, files{"index.html": "home, updated"}); err != nil {
		t.Fatalf("a build that drops the linked folder's files: %v", err)
	}
	_, err := writeAll(dir, true, files{"index.html": "home", "2022/index.html": "year, again"})
	if err == nil || !strings.Contains(err.Error(), "2022/index.html would be inside 2022, which bulletin did not write (a symbolic link or a file)") {
		t.Errorf("a build that writes into the linked folder: got %v, want an error naming it", err)
	}
	if got := readTree(t, elsewhere); !maps.Equal(got, files{"index.html": "mine", "05/a/index.html": "mine too"}) {
		t.Errorf("the folder the link leads to holds %v, want its files untouched", got)
	}
}

func TestWriteRejectsBadNames(t *testing.T) {
	for _, name := range []string{"../x", "/abs", "a/../../b", `a\b`, "", ".", "a//b", "./a", ManifestFile} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			d, err := Open(dir, false)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Write(name, []byte("x")); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%q", name)) {
				t.Errorf("Write(%q): got error %v, want one quoting the name", name, err)
			}
			d.Abort()
			checkSiblings(t, parent)
		})
	}
}

func TestWriteTwice(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "public"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.Write("a/index.html", []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := d.Write("a/index.html", []byte("two")); err == nil || !strings.Contains(err.Error(), "a/index.html") {
		t.Errorf("second Write of a/index.html: got %v, want an error naming it", err)
	}
}

func TestAbortKeepsPreviousOutput(t *testing.T) {
	previous := files{"index.html": "home", "2024/05/first/index.html": "first"}
	tests := []struct {
		name   string
		before files // nil: no previous output
		writes files
	}{
		{name: "nothing written", before: previous, writes: files{}},
		{name: "unchanged, changed and new files", before: previous, writes: files{"index.html": "home", "2024/05/first/index.html": "changed", "new.html": "new"}},
		{name: "first build", writes: files{"index.html": "home"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			var want []string
			if tt.before != nil {
				mustBuild(t, dir, tt.before)
				want = append(want, "public")
			}
			tree, infos := readTree(t, dir), statTree(t, dir)

			d, err := Open(dir, false)
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range tt.writes {
				if err := d.Write(name, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			d.Abort()

			if got := readTree(t, dir); !maps.Equal(got, tree) {
				t.Errorf("after Abort: got %v, want %v", got, tree)
			}
			for name, fi := range statTree(t, dir) {
				if was := infos[name]; !os.SameFile(fi, was) || !fi.ModTime().Equal(was.ModTime()) {
					t.Errorf("after Abort, %s is not the same file with the same mtime", name)
				}
			}
			checkSiblings(t, parent, want...)
		})
	}
}

func TestOpenRemovesStaleStaging(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	mustBuild(t, dir, files{"index.html": "home"})
	putFiles(t, parent, files{
		".public.bulletin-4815/index.html":          "half a build",
		".public.bulletin-123.old/index.html":       "an older build",
		".other.bulletin-1/index.html":              "another output's staging",
		".publicity.bulletin-1/index.html":          "another output's staging",
		".public.bulletin-1.bulletin-7/index.html":  "the staging of public.bulletin-1",
		"public-notes/todo.txt":                     "not ours",
		".public.bulletin-4815/deep/down/page.html": "half a build",
		".public.bulletin-search-99/site/a.html":    "a killed build's search scratch",
		".public.bulletin-search.bulletin-3/a.html": "the staging of public.bulletin-search",
	})

	d, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if filepath.Join(parent, e.Name()) != d.stage {
			got = append(got, e.Name())
		}
	}
	want := []string{".other.bulletin-1", ".public.bulletin-1.bulletin-7", ".public.bulletin-search.bulletin-3", ".publicity.bulletin-1", "public", "public-notes"}
	if !slices.Equal(got, want) {
		t.Errorf("after Open, beside the output: got %q, want %q", got, want)
	}
}

// TestOpenStagingNamedAsIs takes the name of an output folder as it is,
// never as a pattern: pub[1]'s build leaves pub1's staging alone.
func TestOpenStagingNamedAsIs(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "pub[1]")
	mustBuild(t, dir, files{"index.html": "home"})
	putFiles(t, parent, files{".pub1.bulletin-123/index.html": "pub1's build", ".pub[1].bulletin-9/index.html": "half a build"})
	d, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := os.Stat(filepath.Join(parent, ".pub1.bulletin-123", "index.html")); err != nil {
		t.Errorf("pub1's staging: %v", err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".pub[1].bulletin-9")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("pub[1]'s stale staging is still there: %v", err)
	}
}

// TestOpenRestoresSetAside protects the previous output when a build that
// swaps by two renames is killed between them: the next build puts it back.
func TestOpenRestoresSetAside(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	site := files{"index.html": "home", "a/index.html": "a"}
	mustBuild(t, dir, site)
	stage := filepath.Join(parent, ".public.bulletin-42")
	putFiles(t, stage, files{"index.html": "new home"})
	if err := os.Rename(dir, stage+".old"); err != nil {
		t.Fatal(err)
	}

	d, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	checkOutput(t, dir, site, nil)
	checkSiblings(t, parent, "public")
}

func TestSwapByRename(t *testing.T) {
	for _, previous := range []bool{false, true} {
		parent := t.TempDir()
		out, stage := filepath.Join(parent, "public"), filepath.Join(parent, ".public.bulletin-1")
		if previous {
			putFiles(t, out, files{"old.html": "old"})
		}
		putFiles(t, stage, files{"new.html": "new"})
		if err := swapByRename(stage, out); err != nil {
			t.Fatalf("previous output %v: %v", previous, err)
		}
		if got := readTree(t, out); !maps.Equal(got, files{"new.html": "new"}) {
			t.Errorf("previous output %v: got %v in the output, want new.html", previous, got)
		}
		want := files{}
		if previous {
			want = files{"old.html": "old"}
		}
		if got := readTree(t, stage); !maps.Equal(got, want) {
			t.Errorf("previous output %v: got %v at the staging path, want %v", previous, got, want)
		}
	}
}

func TestOpenWaitsForNoOtherBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Open(out, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(out, false); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("second Open while the first build runs: got %v, want an error saying another build is writing", err)
	}
	if _, err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := Open(out, false)
	if err != nil {
		t.Fatalf("Open after the first build committed: %v", err)
	}
	second.Abort()
}

// TestReuseKeepsOnlyWhatTheKeyAndFileVouchFor builds a keyed file, then
// asks to reuse it under the same and other keys and versions, and after
// the file was edited by hand.
func TestReuseKeepsOnlyWhatTheKeyAndFileVouchFor(t *testing.T) {
	tests := []struct {
		name    string
		version string
		key     string
		tamper  func(t *testing.T, out string)
		want    bool
	}{
		{"same key and version", "v1", "k1", nil, true},
		{"another key", "v1", "k2", nil, false},
		{"another version of the program", "v2", "k1", nil, false},
		{"no version", "", "k1", nil, false},
		{"file edited by hand", "v1", "k1", func(t *testing.T, out string) {
			if err := os.WriteFile(filepath.Join(out, "a", "index.html"), []byte("hand edit"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"file edited by hand to the same size, its time set back", "v1", "k1", func(t *testing.T, out string) {
			name := filepath.Join(out, "a", "index.html")
			info, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, []byte("hand edit!!!"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(name, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"index lost", "v1", "k1", func(t *testing.T, out string) {
			if err := os.Remove(indexPath(out)); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	key := func(s string) string { return string(hashOf([]byte(s)).appendHex(nil)) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			d, err := Open(out, false)
			if err != nil {
				t.Fatal(err)
			}
			d.Keyed("v1")
			if err := d.WriteKeyed("a/index.html", key("k1"), []byte("made from k1")); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if tt.tamper != nil {
				tt.tamper(t, out)
			}
			before, _ := os.Stat(filepath.Join(out, "a", "index.html"))

			d, err = Open(out, false)
			if err != nil {
				t.Fatal(err)
			}
			d.Keyed(tt.version)
			got := d.Reuse("a/index.html", key(tt.key))
			if got != tt.want {
				t.Fatalf("Reuse = %v, want %v", got, tt.want)
			}
			if !got {
				if err := d.WriteKeyed("a/index.html", key(tt.key), []byte("made again")); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			after, err := os.Stat(filepath.Join(out, "a", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if same := os.SameFile(before, after); same != tt.want {
				t.Errorf("same file after the build: %v, want %v", same, tt.want)
			}
			data, _ := os.ReadFile(filepath.Join(out, "a", "index.html"))
			if want := map[bool]string{true: "made from k1", false: "made again"}[tt.want]; string(data) != want {
				t.Errorf("file holds %q, want %q", data, want)
			}
		})
	}
}

// TestBuildThatChangesNothingTouchesNothing wants a build whose files are
// all the previous build's to leave the output folder itself in place,
// and a build that changes one file to replace that file alone, in place.
func TestBuildThatChangesNothingTouchesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string) {
		t.Helper()
		d, err := Open(out, false)
		if err != nil {
			t.Fatal(err)
		}
		d.Keyed("v1")
		for name, body := range files {
			if err := d.WriteKeyed(name, string(hashOf([]byte(body)).appendHex(nil)), []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"index.html": "home", "a/index.html": "a"}
	build(files)
	before, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	build(files)
	after, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("a build that changed nothing replaced the output folder")
	}
	home, err := os.Stat(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	files["a/index.html"] = "a, edited"
	build(files)
	edited, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, edited) {
		t.Error("a build that changed one file replaced the whole output folder")
	}
	if after, err := os.Stat(filepath.Join(out, "index.html")); err != nil || !os.SameFile(home, after) {
		t.Errorf("a build that changed a/index.html replaced index.html too (%v)", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "a", "index.html")); string(data) != "a, edited" {
		t.Errorf("a/index.html holds %q, want the edit", data)
	}
	delete(files, "a/index.html")
	build(files)
	if _, err := os.Stat(filepath.Join(out, "a")); err == nil {
		t.Error("a file no longer written, or its emptied folder, is still in the output")
	}
	if _, err := os.Stat(journalPath(out)); err == nil {
		t.Error("a complete build left its journal beside the output")
	}
}

// TestForeignFileInRecordedFolder wants a file someone adds to a folder
// the index records as holding only bulletin's files to be found, as the
// folder's time changes with it, and a folder changed too recently for
// its time to tell left out of the record.
func TestForeignFileInRecordedFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	site := files{"index.html": "home", "a/index.html": "a", "a/b/index.html": "b", "c/index.html": "c"}
	build := func() error {
		d, err := Open(dir, false)
		if err != nil {
			return err
		}
		d.Keyed("v1")
		for _, name := range slices.Sorted(maps.Keys(site)) {
			if err := d.WriteKeyed(name, string(hashOf([]byte(site[name])).appendHex(nil)), []byte(site[name])); err != nil {
				d.Abort()
				return err
			}
		}
		_, err = d.Commit()
		return err
	}
	age := func() {
		t.Helper()
		for _, folder := range []string{".", "a", "a/b", "c"} {
			if err := os.Chtimes(filepath.Join(dir, folder), past, past); err != nil {
				t.Fatal(err)
			}
		}
	}
	recorded := func() map[string]int64 {
		t.Helper()
		folders := map[string]int64{}
		readIndex(indexPath(dir), map[string]entry{}, folders)
		return folders
	}
	if err := build(); err != nil {
		t.Fatal(err)
	}
	// A build that finds the output as the last left it records the
	// folders that have settled since.
	age()
	d, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	d.Keyed("v1")
	if _, ok := d.Unchanged(); !ok {
		t.Fatal("the output is not found unchanged")
	}
	if got := slices.Sorted(maps.Keys(recorded())); !slices.Equal(got, []string{".", "a", "a/b", "c"}) {
		t.Errorf("after a build that changed nothing, recorded folders %q, want every folder", got)
	}
	for _, tt := range []struct{ add, remove string }{
		{"a/b/notes.txt", "a/b/notes.txt"},
		{"c/extra/letter.pdf", "c/extra"},
		{"top.txt", "top.txt"},
	} {
		age()
		if err := build(); err != nil {
			t.Fatal(err)
		}
		if got := slices.Sorted(maps.Keys(recorded())); !slices.Equal(got, []string{".", "a", "a/b", "c"}) {
			t.Fatalf("recorded folders %q, want every folder", got)
		}
		putFiles(t, dir, files{tt.add: "not bulletin's"})
		err := build()
		if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), tt.add) {
			t.Errorf("after adding %s: got %v, want an error naming it", tt.add, err)
		}
		if err := os.RemoveAll(filepath.Join(dir, tt.remove)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestManifestEditedInPlace edits the manifest by hand where it is,
// which changes neither its folder's time nor any file's: a build must
// not take the output as the last build left it, nor keep the edited
// manifest, which deploy reads; files the edit took out of it are
// someone else's now, as when the manifest is deleted.
func TestManifestEditedInPlace(t *testing.T) {
	site := files{"index.html": "home", "a/index.html": "a", "a/b/index.html": "b", "c/index.html": "c"}
	tests := []struct {
		name    string
		edit    func(manifest string) string
		foreign string // a file the build then refuses as not bulletin's; "" when it builds
	}{
		{"a hash changed", func(m string) string {
			return strings.Replace(m, manifestOf(files{"c/index.html": "c"}), manifestOf(files{"c/index.html": "x"}), 1)
		}, ""},
		{"a line added", func(m string) string { return m + "not a line the build writes\n" }, ""},
		{"cut short", func(m string) string { return strings.Replace(m, manifestOf(files{"c/index.html": "c"}), "", 1) }, "c/index.html"},
		{"emptied", func(string) string { return "" }, "a/b/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			for range 2 {
				// The second build finds every folder settled and records it.
				if _, err := writeKeyed(dir, false, site); err != nil {
					t.Fatal(err)
				}
				for _, folder := range []string{".", "a", "a/b", "c"} {
					if err := os.Chtimes(filepath.Join(dir, folder), past, past); err != nil {
						t.Fatal(err)
					}
				}
			}
			manifest := filepath.Join(dir, ManifestFile)
			data, err := os.ReadFile(manifest)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(manifest, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteString(tt.edit(string(data))); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(dir, past, past); err != nil {
				t.Fatal(err)
			}
			d, err := Open(dir, false)
			if tt.foreign != "" {
				if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), tt.foreign) || !strings.Contains(err.Error(), ManifestFile+", was changed since the last build wrote it") {
					t.Fatalf("Open: got %v, want the output refused for %s, which the manifest no longer lists, saying the manifest was changed", err, tt.foreign)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			d.Keyed("v1")
			if _, ok := d.Unchanged(); ok {
				t.Fatal("the output is found as the last build left it, its manifest edited")
			}
			d.Abort()
			if _, err := writeKeyed(dir, false, site); err != nil {
				t.Fatal(err)
			}
			checkOutput(t, dir, site, nil)
		})
	}
}

// TestSetAsideLeft fails to delete the previous output once a build
// has swapped the new one in whole: the build succeeds, its output is
// the new site, and its stats say what is left and where.
func TestSetAsideLeft(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, out, files{"index.html": "old", "a/index.html": "old"})
	removeAside = func(string) error { return errors.New("operation not permitted") }
	next := files{"index.html": "new", "b/index.html": "new"}
	stats, err := writeAll(out, false, next)
	removeAside = removeTree
	if err != nil {
		t.Fatalf("a build that could not delete the previous output: %v, want it to succeed", err)
	}
	checkOutput(t, out, next, nil)
	if !strings.Contains(stats.Left, "could not all be deleted (operation not permitted)") || !strings.Contains(stats.Left, ".public.bulletin-") {
		t.Errorf("stats.Left = %q, want it to say what is left, where and why", stats.Left)
	}
}

// TestUpdateStoppedHalfway fails a build's second move into the output
// folder: the error says the folder is partly updated, and the next
// build makes the whole of it again.
func TestUpdateStoppedHalfway(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := files{}
	for i := range 10 {
		old[fmt.Sprintf("p%d/index.html", i)] = "old"
	}
	mustBuild(t, out, old)
	next := maps.Clone(old)
	next["p1/index.html"], next["p2/index.html"] = "new", "new"
	moves := 0
	rename = func(from, to string) error {
		if moves++; moves == 2 {
			return errors.New("no space left on device")
		}
		return os.Rename(from, to)
	}
	_, err := writeAll(out, false, next)
	rename = os.Rename
	if _, ok := errors.AsType[*PartlyUpdated](err); !ok {
		t.Fatalf("a build stopped after one move: %v, want a PartlyUpdated", err)
	}
	if _, err := writeAll(out, false, next); err != nil {
		t.Fatalf("the build after: %v", err)
	}
	checkOutput(t, out, next, nil)
}
