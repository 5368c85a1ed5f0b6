package output

import (
	"io/fs"
	"os"
	"path/filepath"
)

// look is what a build needs to know of an entry of the output folder.
type look struct {
	stamp
	dir, regular bool
	perm         fs.FileMode // its permission bits
	special      bool        // it has the setuid, setgid or sticky bit
	uid, gid     int         // its owner and group, -1 where the system keeps none
}

// The build's own user and group, which own what it makes; -1 where the
// system has none.
var euid, egid = os.Geteuid(), os.Getegid()

// looker looks at the entries of the output folder by their slash paths
// inside it, not following symbolic links. Where it can, it holds the
// folder open and asks the system relative to it, which is cheaper than
// walking each path from the root and makes no garbage.
type looker struct {
	path string
	f    *os.File // nil: each path is joined to path
	fd   int      // f's
}

func newLooker(path string) *looker {
	l := &looker{path: path}
	if f, err := os.Open(path); err == nil {
		l.f, l.fd = f, int(f.Fd())
	}
	return l
}

// close lets the folder go.
func (l *looker) close() {
	if l.f != nil {
		l.f.Close()
	}
}

// lstatPath looks at the slash path name as os.Lstat does.
func (l *looker) lstatPath(name string) (look, error) {
	info, err := os.Lstat(filepath.Join(l.path, filepath.FromSlash(name)))
	if err != nil {
		return look{}, err
	}
	uid, gid := ownerIDs(info)
	return look{stamp: stampOf(info), dir: info.IsDir(), regular: info.Mode().IsRegular(), perm: info.Mode().Perm(),
		special: info.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky) != 0, uid: uid, gid: gid}, nil
}
