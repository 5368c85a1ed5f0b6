package main

import (
	"context"
	"sync/atomic"
	"time"

	"bulletin/generator/cache"
	"bulletin/generator/content"
	"bulletin/generator/history"
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
	o       options
	store   *cache.Memory[content.Entry] // what was read, kept in memory between updates
	content *inputs.Kept                 // the content folder's hashes and lists
	memo    memo                         // what the site model and its files can take again
	now     atomic.Pointer[liveSite]     // the last good update; nil before one
}

// liveSite is one good update: its site model and files.
type liveSite struct {
	site  *site.Site
	files *render.Files
	made  time.Time
}

func newLive(o options) *live {
	return &live{
		o:       o,
		store:   cache.NewMemory(cache.Open[content.Entry](cachePath(o.out), inputs.Program())),
		content: inputs.Keep(o.content),
	}
}

// current is the site of the last good update, or nil.
func (l *live) current() *liveSite { return l.now.Load() }

// update loads and plans the site again after changes to paths, as the
// watcher names them in the content and theme folders (all: to
// anything). On failure the last good site stays current, and the error
// holds every problem that stops a build.
func (l *live) update(paths []string, all bool) (*liveSite, error) {
	themed := l.content.Changed(paths, all)
	made := time.Now()
	set, hist, err := load(context.Background(), l.o, l.content.FS(), l.store, l.content.Sums(), history.Find(l.o.content), historyPath(l.o.out))
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
	if all || themed {
		if err := files.Sample(); err != nil {
			return nil, err
		}
	}
	ls := &liveSite{site: s, files: files, made: made}
	l.now.Store(ls)
	return ls, nil
}
