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
// where a clean build makes them all alike. A file or folder found with
// other permissions is given these again.
const (
	filePerm   fs.FileMode = 0o644
	folderPerm fs.FileMode = 0o755
)

// permOK reports whether a file or folder found with perm has the
// permissions given: on Windows, which keeps none, any has.
func permOK(perm, want fs.FileMode) bool {
	return runtime.GOOS == "windows" || perm == want
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
// as it is.
func mkdir(dir string) error {
	err := os.Mkdir(dir, folderPerm)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return os.Chmod(dir, folderPerm)
}

// tighten gives the folders of the previous build that lost their
// permissions folderPerm again, those the new output still has.
func (d *Dir) tighten() error {
	var errs []error
	for _, rel := range d.loose {
		err := os.Chmod(filepath.Join(d.path, filepath.FromSlash(rel)), folderPerm)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
