// Package serve runs the serve command: it takes the options of a
// build and a listener, and, until its context is done, serves the site
// from memory (see preview), made again by pipeline.Live as soon as the
// content or the theme changes (see watch), and writes the output folder
// from the same site once the changes pause.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/lint"
	"bulletin/generator/output"
	"bulletin/generator/pipeline"
	"bulletin/generator/preview"
	"bulletin/generator/watch"
)

// Run builds the site, serves it on ln and rebuilds it after each burst
// of changes to the content or the theme, until ctx is done. Unless -out
// was given, it builds into a temporary folder that it removes on exit.
//
// Pages are made in memory as they are asked for, from the site model of
// the last good build, so a change is shown as soon as that model is
// made again; the output folder follows once the changes pause. It
// answers to localhost, IP addresses, the base URL's host and names.
func Run(ctx context.Context, o pipeline.Options, ln net.Listener, log io.Writer, names ...string) error {
	base := "http://" + ln.Addr().String() + "/"
	if o.BaseURL == "" {
		o.BaseURL = base
	}
	if o.Out == "" {
		tmp, err := os.MkdirTemp("", "bulletin-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		o.Out = tmp + "/public"
	}
	if err := output.Apart(o.Out, o.Content, o.Templates); err != nil {
		return err
	}
	// A preview of drafts writes no output folder, so it indexes
	// nothing: its search reads the index a build left there, and where
	// there is none (the temporary folder) its pages say that search is
	// not available, rather than offer a search that cannot load.
	if o.Drafts && o.Pagefind != "" {
		if info, err := os.Stat(filepath.Join(o.Out, "pagefind")); err != nil || !info.IsDir() {
			o.Pagefind = ""
		}
	}
	// The cache and the rest go beside the output folder, whose parent
	// is made first; serve -drafts writes none of them.
	if !o.Drafts {
		if err := os.MkdirAll(filepath.Dir(pipeline.CachePath(o.Out)), 0o755); err != nil {
			return err
		}
	}
	s := &server{opts: o, log: log, live: pipeline.NewLive(o), preview: preview.New(o.Content, o.Out, basePath(o.BaseURL), append(names, baseHost(o.BaseURL)), log)}
	w, err := watch.New(o.Content, o.Templates)
	if err != nil {
		return err
	}
	defer w.Close()
	// site.yaml may be a link to settings kept elsewhere, which a build
	// reads through it.
	w.Follow(filepath.Join(o.Content, content.SettingsFile))
	var writeLater <-chan time.Time
	if s.refresh(nil, true) && s.write(ctx, false) {
		// Another build holds the folder: serve starts all the same,
		// and writes once that build is done.
		writeLater = time.After(busyWait)
	}
	due := s.due()
	srv := &http.Server{Handler: s.preview, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	drafts := ""
	if o.Drafts {
		drafts = ", drafts too, writing no output folder"
	}
	fmt.Fprintf(log, "serving %s on %s%s (Ctrl-C to stop)\n", o.Content, strings.TrimSuffix(base, "/")+(&url.URL{Path: basePath(o.BaseURL)}).EscapedPath(), drafts)
	var (
		stopWriting = func() {}
		writes      sync.WaitGroup
	)
	defer writes.Wait()
	defer func() { stopWriting() }()
	for {
		select {
		case <-ctx.Done():
			s.preview.Close()
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil {
				srv.Close()
			}
			fmt.Fprintln(log, "stopped")
			return nil
		case <-w.Changes:
			// A write in progress is of a site about to be replaced: it
			// stops, leaving the folder as it was, while the change is read;
			// and a page asked for meanwhile waits for the new site.
			s.preview.Hold()
			stopWriting()
			switch changed, err := s.refreshSettled(w); {
			case err != nil:
				// The last good site stays served, but a failed build
				// writes nothing, not even a good one made before it.
				writeLater = nil
			case changed:
				writeLater = time.After(WritePause)
			}
			due = s.due()
		case <-due:
			// Time alone makes another site: as build would, serve
			// makes it, from the same sources.
			stopWriting()
			s.came = s.live.Current().Site.Until
			fmt.Fprintf(log, "%s has come: a held-back article or a date of a story\n", s.came.Format(time.DateTime+" MST"))
			writeLater = nil
			if s.refresh(nil, false) {
				writeLater = time.After(WritePause)
			}
			due = s.due()
		case <-writeLater:
			writeLater = nil
			wctx, cancel := context.WithCancel(context.Background())
			stopWriting = cancel
			writes.Go(func() { s.write(wctx, true) })
		case err := <-w.Errors:
			fmt.Fprintf(log, "watching: %v\n", err)
		}
	}
}

// WritePause is how long the sources must be quiet before serve writes
// the output folder, so that a run of saves, each shown at once from
// memory, costs one write of the folder.
const WritePause = 300 * time.Millisecond

// due fires when the current site's Until comes: the moment its sources
// make another site (see site.Site.Until). It is nil when no such moment
// is known, and when the site made at the last one failed, so that the
// current site is still the one made before it.
func (s *server) due() <-chan time.Time {
	ls := s.live.Current()
	if ls == nil || ls.Site.Until.IsZero() || ls.Site.Until.Equal(s.came) {
		return nil
	}
	return time.After(time.Until(ls.Site.Until))
}

// server keeps serve's site in memory, shows it and writes it out.
type server struct {
	opts    pipeline.Options
	log     io.Writer
	live    *pipeline.Live
	preview *preview.Server
	writeMu sync.Mutex // held while the output folder is written
	came    time.Time  // the last moment that made another site (see due)
}

// refreshSettled makes the site again from the watcher's changes as soon
// as they come, and again with any that come meanwhile, until the
// sources have settled: only then do pages hear of it. It reports
// whether the site changed, or why it could not be made.
func (s *server) refreshSettled(w *watch.Watcher) (bool, error) {
	var (
		made  *pipeline.Served // the site made last, not yet announced
		err   error
		start time.Time
	)
	for {
		n := w.Seen()
		paths, all := w.Take()
		if len(paths) == 0 && !all {
			// Read already: by the pass before, which took the events that
			// came since, or by the refresh before this one.
			if made == nil && err == nil {
				s.preview.Release()
				return false, nil
			}
			return s.announce(start, made, err), err
		}
		start = time.Now()
		made, err = s.live.Update(paths, all)
		if w.Settled(n) {
			return s.announce(start, made, err), err
		}
	}
}

// refresh makes the site again from the changed paths (all: from every
// file) and tells the pages.
func (s *server) refresh(paths []string, all bool) bool {
	start := time.Now()
	ls, err := s.live.Update(paths, all)
	return s.announce(start, ls, err)
}

// announce tells the pages of a rebuild begun at start: they reload, or
// show what went wrong while the last good site stays served. It reports
// whether the site changed.
func (s *server) announce(start time.Time, ls *pipeline.Served, err error) bool {
	if err != nil {
		s.fail(err)
		return false
	}
	took := time.Since(start)
	fmt.Fprintf(s.log, "built %s in %s, served from memory\n", pipeline.Counted(len(ls.Site.Articles), "article"), took.Round(time.Millisecond))
	assets := make(map[string]string, len(ls.Site.Assets))
	for _, name := range ls.Site.Assets {
		assets[name] = ls.Site.AssetFile(name)
	}
	s.preview.Show(&preview.Site{Files: ls.Files, Assets: assets, Made: ls.Made, Refuse: lint.Script}, took)
	return true
}

// write brings the output folder up to date with the current site, as
// the build command writes it, search index included: pages are served
// from memory meanwhile, and search catches up when the write ends, as
// the terminal says. A write stopped by ctx leaves the folder as it was
// and says nothing. While another build holds the folder, it waits, or,
// unless wait, reports busy at once. A preview of drafts writes nothing.
func (s *server) write(ctx context.Context, wait bool) (busy bool) {
	if s.opts.Drafts {
		return false
	}
	// One write at a time: a stopped one may still be tidying up.
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	o := s.opts
	out, err := output.Open(o.Out, o.Force)
	for told := false; errors.Is(err, output.ErrBusy); out, err = output.Open(o.Out, o.Force) {
		// A build of a folder beside it: the site built is good, and is
		// written once that build is done.
		if !told {
			fmt.Fprintf(s.log, "%s: %v: writing once it is done\n", o.Out, output.ErrBusy)
			told = true
		}
		if !wait {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(busyWait):
		}
	}
	if err != nil {
		s.fail(err)
		return false
	}
	ls, start := s.live.Current(), time.Now()
	r, err := s.live.Publish(ctx, out, ls)
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		fmt.Fprintf(s.log, "writing %s failed:\n%v\n%s\n", o.Out, err, pipeline.StoppedLine(err, o.Out))
		if s.live.Current() == ls { // not a site replaced meanwhile, whose pages are not shown
			s.preview.Unwritten(err)
		}
		return false
	}
	r.Elapsed = time.Since(start)
	// The write leaves much garbage: collected now, while the editor
	// reads, it does not slow the update after the next save.
	runtime.GC()
	fmt.Fprint(s.log, "wrote "+o.Out+", "+strings.TrimPrefix(r.Summary(), "built "))
	return false
}

// busyWait is how often serve tries again to write an output folder
// another build holds.
const busyWait = 200 * time.Millisecond

// fail reports a failed build to the terminal and to every page.
func (s *server) fail(err error) {
	fmt.Fprintf(s.log, "build failed:\n%v\n", err)
	s.preview.Fail(err)
}

// baseHost is the host name of the base URL u, which serve answers to
// besides localhost and IP addresses: a site built for
// http://preview.example:8080/ is opened there.
func baseHost(u string) string {
	p, err := url.Parse(content.NormalizeBaseURL(u))
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// basePath is the path of the base URL u, where the site's pages link to
// each other and serve serves them: "/", or "/bulletin/" for
// https://example.org/bulletin/.
func basePath(u string) string {
	p, err := url.Parse(content.NormalizeBaseURL(u))
	if err != nil {
		return "/"
	}
	return strings.TrimSuffix(p.Path, "/") + "/"
}
