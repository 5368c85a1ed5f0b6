package pipeline

import (
	"context"
	"sync/atomic"
	"time"

	"bulletin/generator/cache"
	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/inputs"
	"bulletin/generator/lint"
	"bulletin/generator/output"
	"bulletin/generator/render"
	"bulletin/generator/search"
	"bulletin/generator/site"
)

// Live is serve's site in memory: the site model and its files as the
// pipeline last made them, each file made when a browser asks for it,
// and what the next run of the pipeline can reuse: the articles read and
// each content file's hash. After a change it hashes only the files the
// watcher names, so the pipeline reads only those; the output folder is
// written from the same files afterwards.
type Live struct {
	o       Options
	store   *cache.Memory[content.Entry] // what was read, kept in memory between updates
	content *inputs.Kept                 // the content folder's hashes and lists
	memo    memo                         // what the site model and its files can take again
	now     atomic.Pointer[Served]       // the last good update; nil before one
}

// Served is one good update: its site model and files.
type Served struct {
	Site  *site.Site
	Files *render.Files
	Made  time.Time
}

// NewLive gives a Live that builds with o, and has made no site yet.
func NewLive(o Options) *Live {
	o.Served = true
	return &Live{
		o:       o,
		store:   cache.NewMemory(cache.Open[content.Entry](CachePath(o.Out), inputs.Program())),
		content: inputs.Keep(o.Content),
	}
}

// Current is the site of the last good update, or nil.
func (l *Live) Current() *Served { return l.now.Load() }

// Update loads and plans the site again after changes to paths, as the
// watcher names them in the content and theme folders (all: to
// anything). On failure the last good site stays current, and the error
// holds every problem that stops a build.
func (l *Live) Update(paths []string, all bool) (*Served, error) {
	themed := l.content.Changed(paths, all)
	made := time.Now()
	// What was read from git is kept beside the output folder, but for
	// a preview of drafts, which writes nothing.
	kept := historyPath(l.o.Out)
	if l.o.Drafts {
		kept = ""
	}
	set, hist, err := load(context.Background(), l.o, l.content.FS(), l.store, l.content.Sums(), history.Find(l.o.Content), kept, &l.memo)
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
	ls := &Served{Site: s, Files: files, Made: made}
	l.now.Store(ls)
	return ls, nil
}

// Publish writes the site ls into out, the output folder opened, as
// build writes it, search index included (see publish), and lets the
// folder go. The record of the last build's inputs goes first, so that
// the build after serve reads every file again.
func (l *Live) Publish(ctx context.Context, out *output.Dir, ls *Served) (Result, error) {
	if l.o.Drafts {
		out.Abort()
		return Result{}, errDrafts
	}
	pagefind, err := pagefindVersion(ctx, l.o)()
	if err == nil {
		err = inputs.Forget(RecordPath(l.o.Out))
	}
	if err != nil {
		out.Abort()
		return Result{}, err
	}
	// A site serve keeps was made with no article refused.
	return publish(ctx, l.o, out, ls.Site, ls.Files, func() content.Errors { return lint.Site(ls.Site, ls.Files, nil, ls.Made) }, search.Config(), pagefind)
}
