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

// ownerIDs gives no owner where the system keeps none.
func ownerIDs(fs.FileInfo) (uid, gid int) { return -1, -1 }
