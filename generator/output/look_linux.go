//go:build linux

package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

// lstat looks at the entry at the slash path name.
func (l *looker) lstat(name string) (look, error) {
	if l.f == nil {
		return l.lstatPath(name)
	}
	var st unix.Stat_t
	if err := unix.Fstatat(l.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return look{}, &fs.PathError{Op: "lstat", Path: filepath.Join(l.path, name), Err: err}
	}
	return look{
		stamp:   stamp{size: st.Size, mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano()},
		dir:     st.Mode&unix.S_IFMT == unix.S_IFDIR,
		regular: st.Mode&unix.S_IFMT == unix.S_IFREG,
		perm:    fs.FileMode(st.Mode & 0o777),
		special: st.Mode&(unix.S_ISUID|unix.S_ISGID|unix.S_ISVTX) != 0,
		uid:     int(st.Uid),
		gid:     int(st.Gid),
	}, nil
}

// stampOf is the stamp of a file as os.Stat or os.Lstat gives it.
func stampOf(info fs.FileInfo) stamp {
	s := stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		s.ctime = st.Ctim.Nano()
	}
	return s
}

// ownerIDs gives the owner and group of the entry info describes.
func ownerIDs(info fs.FileInfo) (uid, gid int) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return -1, -1
	}
	return int(st.Uid), int(st.Gid)
}

// sameOwner gives the entry at p the owner and group was has, where
// they differ. The system lets only root give a file away, and others
// give it only to a group of their own: where the owner cannot be
// kept, the group still is where it can be, and the error is given.
func sameOwner(p string, was fs.FileInfo) error {
	want, ok := was.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	var now syscall.Stat_t
	if err := syscall.Lstat(p, &now); err != nil {
		return err
	}
	if now.Uid == want.Uid && now.Gid == want.Gid {
		return nil
	}
	err := os.Lchown(p, int(want.Uid), int(want.Gid))
	if err != nil && now.Gid != want.Gid {
		os.Lchown(p, -1, int(want.Gid))
	}
	if now.Uid == want.Uid && err == nil {
		return nil
	}
	return err
}
