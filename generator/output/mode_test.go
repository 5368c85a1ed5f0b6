//go:build unix

package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestModesWhateverTheUmask builds under umask 077 and wants every file
// and folder of the output readable by all, as a build under another
// umask makes them; a file and a folder whose permissions were taken
// away since given them again by the next build, as a clean build would
// make them; and a folder its owner let a group write to left so.
func TestModesWhateverTheUmask(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	site := files{"index.html": "home", "2025/03/a/index.html": "a", "2025/index.html": "year"}
	umask := syscall.Umask(0o077)
	defer syscall.Umask(umask)
	mustBuild(t, dir, site)
	wantModes(t, dir)

	syscall.Umask(0o022)
	for _, p := range []string{"2025/03/a/index.html", "2025/03"} {
		if err := os.Chmod(filepath.Join(dir, filepath.FromSlash(p)), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := writeAll(dir, false, site); err != nil {
		t.Fatal(err)
	}
	checkOutput(t, dir, site, nil)
	wantModes(t, dir)

	shared := filepath.Join(dir, "2025")
	if err := os.Chmod(shared, 0o775); err != nil {
		t.Fatal(err)
	}
	if _, err := writeAll(dir, false, site); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(shared); err != nil || info.Mode().Perm() != 0o775 {
		t.Errorf("a folder a group may write to: %v, %v; want it kept 0775", info.Mode().Perm(), err)
	}
}

// wantModes wants each file under dir to have filePerm, and each folder
// folderPerm.
func wantModes(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		want := filePerm
		if e.IsDir() {
			want = folderPerm
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v", p, info.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
