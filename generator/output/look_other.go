//go:build !linux

package output

import "io/fs"

// lstat looks at the entry at the slash path name.
func (l *looker) lstat(name string) (look, error) { return l.lstatPath(name) }

// stampOf is the stamp of a file as os.Stat or os.Lstat gives it, with
// no change time.
func stampOf(info fs.FileInfo) stamp {
	return stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
}

// sameOwner keeps no owner where the system gives none to keep.
func sameOwner(string, fs.FileInfo) error { return nil }

// ownedBy takes every entry to be the build's where the system keeps no
// owners.
func ownedBy(fs.FileInfo, int, int) bool { return true }
