package content

import (
	"errors"
	"io/fs"
)

// walk calls fn for the root of fsys and every file and folder below
// it, as fs.WalkDir(fsys, ".", fn) does: in lexical order, a folder
// before what it holds, a folder again with the error if it cannot be
// listed, and not into a folder for which fn gives fs.SkipDir. It joins
// a folder's path and a name without cleaning the two, since each name
// a listing gives is one clean element: at tens of thousands of files,
// as serve walks its folder after every save, cleaning was a third of
// the walk.
func walk(fsys fs.FS, fn fs.WalkDirFunc) error {
	info, err := fs.Stat(fsys, ".")
	if err != nil {
		err = fn(".", nil, err)
	} else {
		err = walkFrom(fsys, ".", fs.FileInfoToDirEntry(info), fn)
	}
	if errors.Is(err, fs.SkipDir) || errors.Is(err, fs.SkipAll) {
		return nil
	}
	return err
}

func walkFrom(fsys fs.FS, p string, e fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(p, e, nil); err != nil || !e.IsDir() {
		if errors.Is(err, fs.SkipDir) && e.IsDir() {
			return nil
		}
		return err
	}
	entries, err := fs.ReadDir(fsys, p)
	if err != nil {
		if err := fn(p, e, err); err != nil {
			if errors.Is(err, fs.SkipDir) {
				return nil
			}
			return err
		}
	}
	for _, entry := range entries {
		name := entry.Name()
		if p != "." {
			name = p + "/" + name
		}
		if err := walkFrom(fsys, name, entry, fn); err != nil {
			if errors.Is(err, fs.SkipDir) {
				return nil
			}
			return err
		}
	}
	return nil
}
