package output

import (
	"io/fs"
	"syscall"
)

// ownerOf gives the user id of the owner of the entry info describes.
func ownerOf(info fs.FileInfo) (uint32, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return st.Uid, true
}
