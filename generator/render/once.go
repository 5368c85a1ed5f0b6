package render

import (
	"io/fs"
	"slices"
	"strings"
	"sync"
)

// onceFS reads each file, folder listing, link and file's information of
// the theme folder once, however often a build asks: the templates and
// the theme's key are then made of the same bytes, so that a file saved
// while a build runs can never leave pages made from one version under
// the key of another. The static folder's files are read through, not
// kept: no page is made from them, each is copied as it is when it is
// written, and serve, which keeps a plan, would keep them all in memory.
type onceFS struct {
	fsys fs.FS
	mu   sync.Mutex
	seen map[string]read // by what was asked: "f" file, "d" folder, "l" link, "i" information, then the name
}

// read is what reading one name gave.
type read struct {
	data    []byte
	entries []fs.DirEntry
	info    fs.FileInfo
	target  string
	err     error
}

func once(fsys fs.FS) *onceFS { return &onceFS{fsys: fsys, seen: map[string]read{}} }

// get gives what reading name as kind gave, reading it the first time.
func (o *onceFS) get(kind, name string, readIt func() read) read {
	o.mu.Lock()
	defer o.mu.Unlock()
	r, ok := o.seen[kind+name]
	if !ok {
		r = readIt()
		o.seen[kind+name] = r
	}
	return r
}

func (o *onceFS) Open(name string) (fs.File, error) { return o.fsys.Open(name) }

func (o *onceFS) ReadFile(name string) ([]byte, error) {
	if strings.HasPrefix(name, StaticDir+"/") {
		return fs.ReadFile(o.fsys, name)
	}
	r := o.get("f", name, func() read {
		data, err := fs.ReadFile(o.fsys, name)
		return read{data: data, err: err}
	})
	return slices.Clone(r.data), r.err
}

func (o *onceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	r := o.get("d", name, func() read {
		entries, err := fs.ReadDir(o.fsys, name)
		return read{entries: entries, err: err}
	})
	return slices.Clone(r.entries), r.err
}

func (o *onceFS) ReadLink(name string) (string, error) {
	r := o.get("l", name, func() read {
		target, err := fs.ReadLink(o.fsys, name)
		return read{target: target, err: err}
	})
	return r.target, r.err
}

func (o *onceFS) Lstat(name string) (fs.FileInfo, error) {
	r := o.get("i", name, func() read {
		info, err := fs.Lstat(o.fsys, name)
		return read{info: info, err: err}
	})
	return r.info, r.err
}
