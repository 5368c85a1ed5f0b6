package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"bulletin/generator/cache"
	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// live is serve's site in memory: the content as last read, the site
// model made from it and its files, each made when a browser asks for
// it. After a change it reads only the files that changed and makes the
// site model again, which is all a page needs before it reloads; the
// output folder is written from the same files afterwards.
type live struct {
	o     options
	store *cache.Store[content.Entry] // what was read, kept in memory between updates
	set   *content.Set                // the content as last read whole; nil before
	dirty []string                    // content paths changed since set was read
	whole bool                        // the next update reads the whole folder
	now   atomic.Pointer[liveSite]    // the last good update; nil before one
}

// liveSite is one good update: its site model and files.
type liveSite struct {
	site  *site.Site
	files *render.Files
	made  time.Time
}

func newLive(o options) *live {
	return &live{o: o, store: cache.Open[content.Entry](cachePath(o.out), programVersion())}
}

// current is the site of the last good update, or nil.
func (l *live) current() *liveSite { return l.now.Load() }

// update reads what changed (paths as the watcher names them, in the
// content and theme folders; all for anything) and makes the site and
// its list of files again. On failure the last good site stays current;
// changed files that could not be read are read again next time.
func (l *live) update(paths []string, all bool) (*liveSite, error) {
	fsys, dir := os.DirFS(l.o.content), filepath.ToSlash(l.o.content)
	changed, whole := contentPaths(l.o.content, paths)
	l.dirty = append(l.dirty, changed...)
	l.whole = l.whole || all || whole || l.set == nil
	var set *content.Set
	var err error
	if l.whole {
		set, err = content.LoadCached(fsys, dir, l.store, nil)
	} else {
		set, err = l.set.Update(fsys, dir, l.store, l.dirty)
	}
	if err != nil {
		return nil, err
	}
	l.set, l.dirty, l.whole = set, nil, false
	made := time.Now()
	s, files, err := plan(l.o, set, made)
	if err != nil {
		return nil, err
	}
	ls := &liveSite{site: s, files: files, made: made}
	l.now.Store(ls)
	return ls, nil
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

// isAsset reports whether name is one of the content folder's files that
// the site publishes as they are.
func (ls *liveSite) isAsset(name string) bool {
	return slices.Contains(ls.site.Assets, name)
}

// inSearch reports whether name is a file of the search index, which
// only the output folder holds.
func inSearch(name string) bool {
	return strings.HasPrefix(name, searchDir+"/")
}
