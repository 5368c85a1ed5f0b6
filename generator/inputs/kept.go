package inputs

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Kept is the content folder as serve keeps it between builds: the
// SHA-256 of each file, and the list of each folder once read, brought up
// to date after the changes the watcher names, so that a build after a
// save hashes and lists again only what the save touched.
type Kept struct {
	dir   string
	sums  map[string]string // by slash path; nil until hashed
	lists *lists
}

// Keep gives the content folder dir, nothing of it hashed or listed yet.
func Keep(dir string) *Kept {
	return &Kept{dir: dir, lists: &lists{FS: os.DirFS(dir), byPath: map[string]list{}}}
}

// FS gives the content folder, each folder listed once until a change
// in it is named.
func (k *Kept) FS() fs.FS { return k.lists }

// Sums gives the SHA-256 of every file of the content folder by its
// slash path, or nil when the folder could not be read whole.
func (k *Kept) Sums() map[string]string { return k.sums }

// Changed brings the hashes and lists up to date after changes to paths,
// as the watcher names them, in the content folder or elsewhere (all: to
// anything), and reports whether any was elsewhere. It hashes the files
// named again, and every file below a folder named, forgetting those it
// held, so that its files are read afresh, and the lists of the folders
// named and of those holding them. A change to the content folder itself, or to anything,
// hashes and lists every file.
func (k *Kept) Changed(paths []string, all bool) (elsewhere bool) {
	changed, whole := inside(k.dir, paths)
	elsewhere = len(changed) < len(paths)
	if whole || all || k.sums == nil {
		k.sums = ContentSums(k.dir)
		k.lists.forgetAll()
		return elsewhere
	}
	for _, p := range changed {
		k.lists.forget(p)
		below := p + "/"
		for q := range k.sums {
			if q == p || strings.HasPrefix(q, below) {
				delete(k.sums, q)
			}
		}
		name := filepath.Join(k.dir, filepath.FromSlash(p))
		info, err := os.Lstat(name)
		switch {
		case err != nil:
		case info.Mode().IsRegular():
			if sum, err := FileSum(name, make([]byte, 64<<10)); err == nil {
				k.sums[p] = sum
			}
		case info.IsDir():
			// A folder made, renamed or moved in, which the watcher names
			// alone: its files are hashed, or every file where it cannot
			// be read whole.
			below := ContentSums(name)
			if below == nil {
				k.sums = ContentSums(k.dir)
				k.lists.forgetAll()
				return elsewhere
			}
			for q, sum := range below {
				k.sums[p+"/"+q] = sum
			}
		}
	}
	return elsewhere
}

// inside picks the paths inside the folder root out of paths,
// slash-separated and relative to it; whole is true when the folder
// itself is among them.
func inside(root string, paths []string) (rel []string, whole bool) {
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil || !filepath.IsLocal(r) {
			continue
		}
		if r == "." {
			whole = true
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	return rel, whole
}

// lists is a folder whose folders' lists are kept once read: the watcher
// names every file made, removed or renamed, and Changed forgets the
// lists it changed, so that a walk after a save lists again only the
// folders the save touched. Each list read gets a stamp of its own, so
// that a list with the stamp of one read before is that very list, of a
// folder none of whose files changed since (see ReadDirStamped).
type lists struct {
	fs.FS
	mu     sync.Mutex
	byPath map[string]list // by slash path, "." for the folder itself
	read   uint64          // the lists read so far, which stamps each
}

// list is a folder's list, and its stamp.
type list struct {
	entries []fs.DirEntry
	stamp   uint64
}

// ReadDir lists the folder at name as fs.ReadDir does, from what it kept.
func (l *lists) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, _, err := l.ReadDirStamped(name)
	return entries, err
}

// ReadDirStamped is ReadDir, with the list's stamp: the stamp of one
// read before, and still kept, where the watcher has named no change to
// the folder or to a file in it since; another never given before, which
// is never 0, where it has.
func (l *lists) ReadDirStamped(name string) ([]fs.DirEntry, uint64, error) {
	l.mu.Lock()
	kept, ok := l.byPath[name]
	l.mu.Unlock()
	if ok {
		return kept.entries, kept.stamp, nil
	}
	entries, err := fs.ReadDir(l.FS, name)
	if err != nil {
		return entries, 0, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.read++
	l.byPath[name] = list{entries, l.read}
	return entries, l.read, nil
}

// forget drops the lists that a change to the slash path p may have
// changed: of the folder holding it, of p and of every folder in it.
func (l *lists) forget(p string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.byPath, path.Dir(p))
	below := p + "/"
	for q := range l.byPath {
		if q == p || strings.HasPrefix(q, below) {
			delete(l.byPath, q)
		}
	}
}

// forgetAll drops every list kept.
func (l *lists) forgetAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.byPath)
}
