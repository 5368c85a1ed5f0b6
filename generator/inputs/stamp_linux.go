//go:build linux

package inputs

import (
	"io/fs"
	"syscall"
)

// stampOf gives a file's stamp, without its hash; ok is false where the
// file system does not say enough.
func stampOf(info fs.FileInfo) (st Stamp, ok bool) {
	sys, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return Stamp{Size: info.Size(), Mtime: info.ModTime().UnixNano()}, false
	}
	return Stamp{Size: info.Size(), Mtime: info.ModTime().UnixNano(), Ctime: sys.Ctim.Nano(), Ino: uint64(sys.Ino)}, true
}
