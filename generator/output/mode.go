package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Files and folders of the output are readable by all, whatever the
// umask of the build that wrote them, as a web server or a sync running
// as another user must read them: a build under umask 077 after one
// under 022 would otherwise leave some files readable and others not,
// where a clean build makes them all alike. A new file or folder gets
// these permissions; one found lacking any of them gets them added, and
// keeps any other its owner gave it (a group's write, say).
const (
	filePerm   fs.FileMode = 0o644
	folderPerm fs.FileMode = 0o755
)

// readable reports whether a file or folder found with perm has all the
// permissions of want: on Windows, which keeps none, any has. So does
// one on a file system that keeps none (FAT, a share), where a chmod
// cannot add them either.
func readable(perm, want fs.FileMode) bool {
	return runtime.GOOS == "windows" || perm&want == want
}

// mkdirAll makes the folder dir and those it is in, as os.MkdirAll does,
// each one it makes with folderPerm.
func mkdirAll(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return &fs.PathError{Op: "mkdir", Path: dir, Err: fs.ErrExist}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := mkdirAll(parent); err != nil {
			return err
		}
	}
	return mkdir(dir)
}

// mkdir makes the folder dir with folderPerm; one that exists is left
// as it is. A file system that keeps no permissions refuses the chmod,
// which the folder does not need there.
func mkdir(dir string) error {
	err := os.Mkdir(dir, folderPerm)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err == nil {
		os.Chmod(dir, folderPerm)
	}
	return err
}

// unreadable is a folder of the previous build found lacking some of
// folderPerm, with the permissions it has.
type unreadable struct {
	rel  string
	perm fs.FileMode
}

// makeReadable adds to the folders of the previous build that lack some
// of folderPerm what they lack, those the new output still has; one a
// chmod fails on is left as it is, as on a file system that keeps no
// permissions.
func (d *Dir) makeReadable() {
	for _, f := range d.unreadable {
		os.Chmod(filepath.Join(d.path, filepath.FromSlash(f.rel)), f.perm|folderPerm)
	}
}

// openForeignFolders adds folderPerm to each folder bulletin did not
// make that the new output puts its files in, where it lacks some.
func (d *Dir) openForeignFolders() {
	for dir, k := range d.keptFolders {
		if k.foreign && d.parents[dir] && !readable(k.info.Mode().Perm(), folderPerm) {
			os.Chmod(filepath.Join(d.path, filepath.FromSlash(dir)), keptMode(k.info)|folderPerm)
		}
	}
}

// removeAll deletes p and everything in it, as os.RemoveAll does, first
// giving its owner's rights back to each folder in it that lacks them (a
// folder kept with -force as 0500, say), without which it cannot be
// emptied.
func removeAll(p string) error {
	if err := os.RemoveAll(p); err == nil {
		return nil
	}
	filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			os.Chmod(q, 0o700)
		}
		return nil
	})
	return os.RemoveAll(p)
}

// removeIfThere deletes the file at p, if there is one.
func removeIfThere(p string) error {
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
