package main

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/generator/cache"
	"bulletin/generator/content"
	"bulletin/generator/inputs"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// live is serve's site in memory: the site model and its files as the
// pipeline last made them, each file made when a browser asks for it,
// and what the next run of the pipeline can reuse: the articles read and
// each content file's hash. After a change it hashes only the files the
// watcher names, so the pipeline reads only those; the output folder is
// written from the same files afterwards.
type live struct {
	o     options
	store *cache.Memory[content.Entry] // what was read, kept in memory between updates
	sums  map[string]string            // each content file's SHA-256 by slash path; nil until hashed
	dirs  *listed                      // the content folder, with its folders' lists kept
	memo  site.Memo                    // what the site model can take again
	now   atomic.Pointer[liveSite]     // the last good update; nil before one
}

// liveSite is one good update: its site model and files.
type liveSite struct {
	site  *site.Site
	files *render.Files
	made  time.Time
}

func newLive(o options) *live {
	return &live{
		o:     o,
		store: cache.NewMemory(cache.Open[content.Entry](cachePath(o.out), inputs.Program())),
		dirs:  &listed{FS: os.DirFS(o.content), lists: map[string][]fs.DirEntry{}},
	}
}

// current is the site of the last good update, or nil.
func (l *live) current() *liveSite { return l.now.Load() }

// update loads and plans the site again after changes to paths, as the
// watcher names them in the content and theme folders (all: to
// anything). On failure the last good site stays current, and the error
// holds every problem that stops a build.
func (l *live) update(paths []string, all bool) (*liveSite, error) {
	l.rehash(paths, all)
	made := time.Now()
	set, hist, err := load(l.o, l.dirs, l.store, l.sums, historyPath(l.o.out))
	l.store.Prune()
	if set == nil {
		return nil, err
	}
	s, files, stop, _ := gatherProblems(l.o, set, hist, err, made, &l.memo, false)
	if len(stop) > 0 {
		return nil, stop.Err()
	}
	// Pages are made as they are asked for: a theme changed is tried on
	// a page of each of its templates first, so that a mistake in it
	// keeps the last good site, as one in the content does.
	if changed, _ := contentPaths(l.o.content, paths); all || len(changed) < len(paths) {
		if err := files.Sample(); err != nil {
			return nil, err
		}
	}
	ls := &liveSite{site: s, files: files, made: made}
	l.now.Store(ls)
	return ls, nil
}

// rehash brings the content files' hashes up to date after changes to
// paths: it hashes the files named again, and forgets every hash below
// a folder named, so that its files are read afresh, and the lists of
// the folders named and of those holding them. A change to the content
// folder itself, or to anything (all), hashes and lists every file.
func (l *live) rehash(paths []string, all bool) {
	changed, whole := contentPaths(l.o.content, paths)
	if whole || all || l.sums == nil {
		l.sums = inputs.ContentSums(l.o.content)
		l.dirs.forgetAll()
		return
	}
	for _, p := range changed {
		l.dirs.forget(p)
		below := p + "/"
		for q := range l.sums {
			if q == p || strings.HasPrefix(q, below) {
				delete(l.sums, q)
			}
		}
		name := filepath.Join(l.o.content, filepath.FromSlash(p))
		if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() {
			if sum, err := inputs.FileSum(name, make([]byte, 64<<10)); err == nil {
				l.sums[p] = sum
			}
		}
	}
}

// contentPaths picks the paths inside the content folder out of the
// watcher's, slash-separated and relative to it; whole is true when the
// folder itself is among them.
func contentPaths(root string, paths []string) (rel []string, whole bool) {
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil || !filepath.IsLocal(r) {
			continue // in the theme folder
		}
		if r == "." {
			whole = true
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	return rel, whole
}

// listed is a folder whose folders' lists are kept once read, for serve:
// the watcher names every file made, removed or renamed, and rehash
// forgets the lists it changed, so a walk after a save lists again only
// the folders the save touched.
type listed struct {
	fs.FS
	mu    sync.Mutex
	lists map[string][]fs.DirEntry // by slash path, "." for the folder itself
}

// ReadDir lists the folder at name as fs.ReadDir does, from what it kept.
func (l *listed) ReadDir(name string) ([]fs.DirEntry, error) {
	l.mu.Lock()
	list, ok := l.lists[name]
	l.mu.Unlock()
	if ok {
		return list, nil
	}
	list, err := fs.ReadDir(l.FS, name)
	if err != nil {
		return list, err
	}
	l.mu.Lock()
	l.lists[name] = list
	l.mu.Unlock()
	return list, nil
}

// forget drops the lists that a change to the slash path p may have
// changed: of the folder holding it, of p and of every folder in it.
func (l *listed) forget(p string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.lists, path.Dir(p))
	below := p + "/"
	for q := range l.lists {
		if q == p || strings.HasPrefix(q, below) {
			delete(l.lists, q)
		}
	}
}

// forgetAll drops every list kept.
func (l *listed) forgetAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.lists)
}
