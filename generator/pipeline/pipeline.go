// Package pipeline runs content → site → render → output, one way for
// the build, check and serve commands: it takes the folders and settings
// of a build (Options) and gives the output folder written, with what
// the build did (Result), or every problem that stopped it, each at its
// file and line. It owns what a build keeps beside the output folder:
// the build cache, git's history read, and the record of the inputs
// that lets the next build find nothing changed.
//
// load reads the content, plan makes the site model and its files, and
// publish writes them. Build reads the articles of the last build from
// the cache on disk and writes the output at once; Check stops before
// writing; serve keeps a Live, which keeps what it read in memory, gives
// the files of the site it planned to be served as they are asked for,
// and publishes them once the changes pause.
package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"bulletin/generator/cache"
	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/inputs"
	"bulletin/generator/output"
	"bulletin/generator/render"
	"bulletin/generator/search"
	"bulletin/generator/site"
)

// Options are where a build reads and writes.
type Options struct {
	Content   string
	Templates string
	Out       string
	BaseURL   string
	Force     bool
	Pagefind  string // command that indexes the built site for search; empty for none
	// Strict fails the build on what check fails on: links to pages the
	// site does not have, and sources readers cannot follow.
	Strict bool
	// Drafts shows drafts as if published, each marked as a draft (see
	// content.Settings.Drafts), for serve's preview: a build with it
	// writes nothing.
	Drafts bool
	// Served marks serve's builds, previews, whose base URL is not where
	// the feeds' ids are published (see content.Settings.FlagAuthority).
	Served bool
	Now    time.Time
}

// Stopped is the error of a build that stopped: every problem it
// found, of which stopping, by count, stopped it; the others are those a
// plain build publishes with (see build -strict).
type Stopped struct {
	Found    content.Errors
	Stopping int
}

func (s *Stopped) Error() string { return s.Found.Error() }

func (s *Stopped) Unwrap() error { return s.Found }

// stoppedWith gives the error of a build that stop stopped, with the
// problems found beside them.
func stoppedWith(stop, beside content.Errors) error {
	return &Stopped{Found: slices.Concat(stop, beside).ByPlace(), Stopping: Failing(stop)}
}

// Failing counts the problems of errs that are not warnings.
func Failing(errs content.Errors) int {
	n := 0
	for _, e := range errs {
		if !e.Warning {
			n++
		}
	}
	return n
}

// StoppedLine is the line that closes the problems of a build that
// stopped with err: how many stopped it, and that the output folder out
// is as it was.
func StoppedLine(err error, out string) string {
	n := Failing(content.AsErrors(err))
	beside := 0
	if s, ok := errors.AsType[*Stopped](err); ok {
		beside = n - s.Stopping
		n = s.Stopping
	}
	what := Counted(n, "problem")
	if beside > 0 {
		// The others are told too, and a plain build publishes with them.
		what += fmt.Sprintf(" (and %d more that only build -strict and check fail on)", beside)
	}
	return fmt.Sprintf("build stopped by %s: %s", what, output.State(out))
}

// Result is what a build did, for its summary.
type Result struct {
	Site    *site.Site // nil when the output was already up to date
	Report  Report
	Stats   output.Stats
	Elapsed time.Duration
	Search  string // what this build did to the search index, if it has one
	Cache   string // what became of a damaged build cache, if it was
	Record  string // why the record of the inputs could not be written, if it could not
}

// Report is what the summary says of the site built.
type Report struct {
	Articles, Pages, Feeds int
	Notes                  []string
}

func newReport(s *site.Site, files *render.Files, found content.Errors) Report {
	r := Report{Articles: len(s.Articles)}
	r.Pages, r.Feeds = files.Count()
	if s.Settings.BaseURL == content.DefaultBaseURL {
		r.Notes = append(r.Notes, fmt.Sprintf("note: site.yaml sets no base_url, so links in feeds and the sitemap point at %s", content.DefaultBaseURL))
	}
	if s.Drafts > 0 {
		r.Notes = append(r.Notes, "left out "+Counted(s.Drafts, "draft"))
	}
	for _, f := range found {
		r.Notes = append(r.Notes, f.Error())
	}
	if n := Failing(found); n > 0 {
		r.Notes = append(r.Notes, Counted(n, "problem")+" above: build -strict and check fail on them")
	}
	if s.NoHistory != "" {
		r.Notes = append(r.Notes, s.NoHistory)
	}
	for _, a := range s.Held {
		r.Notes = append(r.Notes, fmt.Sprintf("held back %s: dated %s, in the future", a.File, a.Date.In(s.Settings.Location).Format("2006-01-02 15:04 MST")))
	}
	return r
}

func (r Result) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "built %s: %d files (%d pages, %d feeds), %d unchanged, %.1f MB in %s\n",
		Counted(r.Report.Articles, "article"), r.Stats.Files, r.Report.Pages, r.Report.Feeds, r.Stats.Unchanged, float64(r.Stats.Bytes)/1e6, r.Elapsed.Round(time.Millisecond))
	for _, n := range r.Report.Notes {
		b.WriteString(n + "\n")
	}
	for _, s := range []string{r.Search, r.Cache, r.Record, r.Stats.Left} {
		if s != "" {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}

// Build runs the pipeline: content → site → render → output. A build
// that finds an article's body in the build cache damaged fails, leaving
// the output as it was, and the cache goes with the body; it then runs
// once more, reading every article afresh, so a damaged cache only makes
// a build slower. Once ctx is done it stops before it changes the output
// folder, which it leaves as it was, with nothing beside it, and gives
// ErrInterrupted.
func Build(ctx context.Context, o Options) (Result, error) {
	start := time.Now()
	if o.Drafts {
		return Result{}, errDrafts
	}
	if err := output.Usable(o.Out); err != nil {
		return Result{}, err
	}
	// public/ and public name one folder, and the files beside it.
	o.Out = filepath.Clean(o.Out)
	if err := output.Apart(o.Out, o.Content, o.Templates); err != nil {
		return Result{}, err
	}
	// The cache, the record and the bodies go beside the output folder,
	// so its parent is made first.
	if err := os.MkdirAll(filepath.Dir(CachePath(o.Out)), 0o755); err != nil {
		return Result{}, err
	}
	// The cache is read, in the background, only once the inputs are
	// found changed: an output found up to date does not need it.
	var store *cache.Store[content.Entry]
	openStore := func() *cache.Store[content.Entry] {
		store = cache.Open[content.Entry](CachePath(o.Out), inputs.Program())
		return store
	}
	r, err := buildWith(ctx, o, openStore)
	if err != nil && ctx.Err() == nil && store != nil && store.Damaged() {
		r, err = buildWith(ctx, o, openStore)
		r.Cache = "the build cache was damaged, so it was removed and every article read again"
	}
	if err != nil && ctx.Err() != nil {
		err = ErrInterrupted
	}
	r.Elapsed = time.Since(start)
	return r, err
}

// errDrafts is the error of a build or a write asked to publish drafts,
// which only serve's preview shows.
var errDrafts = errors.New("drafts are shown only by serve -drafts, which writes no output folder: a build publishes none")

// ErrInterrupted is the error of a build stopped by Ctrl-C.
var ErrInterrupted = errors.New("build interrupted")

// buildWith runs the pipeline, with the articles of the store that
// openStore opens once the inputs are found changed.
func buildWith(ctx context.Context, o Options, openStore func() *cache.Store[content.Entry]) (Result, error) {
	taken := time.Now()
	// The build takes the output folder before it reads or writes
	// anything beside it: another build of it stops here, having written
	// nothing. The folder is looked through for files bulletin did not
	// write while the inputs are hashed, and the content read and the
	// site planned; a build that stops before publishing lets it go.
	held, err := output.Lock(o.Out)
	if err != nil {
		return Result{}, err
	}
	open := opening(held, o)
	// A folder no build wrote may be refused: then nothing is written
	// beside it, neither the cache nor git's history, while the content
	// is still read for its problems, told in the same run.
	var refused error
	if !output.Ours(o.Out) {
		_, refused = open()
	}
	beside := refused == nil
	done := false
	defer func() {
		if out, err := open(); err == nil && !done {
			out.Abort()
		}
	}()
	// The cache is read in the background from the moment a changed
	// file is found.
	store := sync.OnceValue(openStore)
	prev := inputs.Read(RecordPath(o.Out))
	// Where git's history is, and Pagefind's settings, are read once: a
	// commit or a save while the build runs is then seen by the next.
	place, searchConfig := history.Find(o.Content), search.Config()
	version := pagefindVersion(ctx, o)
	in, sums, stamps := hashInputs(o, place, searchConfig, prev, func() {
		if beside {
			store()
		}
	})
	pagefind, versionErr := version()
	in = withVersion(in, pagefind)
	if versionErr != nil {
		in = ""
	}
	if r, ok := upToDate(o, in, stamps, prev, open); ok && beside {
		done = true
		return r, nil
	}
	if !beside {
		set, hist, err := load(ctx, o, os.DirFS(o.Content), nil, sums, place, "", nil)
		if set == nil {
			return Result{}, errors.Join(err, refused)
		}
		_, files, stop, lints := planProblems(o, set, hist, err, o.Now, nil)
		met, found := madePages(ctx, o, files, nil, lints())
		return Result{}, stoppedWith(slices.Concat(stop, met, content.AsErrors(refused)), found)
	}
	// A Pagefind that cannot tell its version cannot index the site
	// either: the build stops before it changes anything, the record of
	// the last build included.
	if versionErr != nil {
		return Result{}, versionErr
	}
	// The record of what the output was built from goes first, and comes
	// back once the new output is in place; a build interrupted leaves
	// the output as it was, and puts the record of it back.
	if err := inputs.Forget(RecordPath(o.Out)); err != nil {
		return Result{}, err
	}
	published := false
	defer func() {
		if ctx.Err() != nil && !published && prev.Inputs != "" {
			prev.Write(RecordPath(o.Out))
		}
	}()
	set, hist, err := load(ctx, o, os.DirFS(o.Content), store(), sums, place, historyPath(o.Out), nil)
	// What was read is worth keeping even when another file was bad:
	// the next build, after the fix, reads only the fixed file. A build
	// interrupted stops at once, keeping nothing.
	if ctx.Err() != nil {
		store().Abandon()
		return Result{}, ctx.Err()
	}
	if saveErr := store().Save(); saveErr != nil {
		return Result{}, fmt.Errorf("saving the build cache: %w", saveErr)
	}
	if set == nil {
		return Result{}, err
	}
	s, files, stop, lints := planProblems(o, set, hist, err, o.Now, nil)
	// Lint reads the site while its files are made: only a build that
	// stops, or fails on what lint finds (-strict), waits for it first.
	var found content.Errors
	var linting sync.WaitGroup
	linting.Go(func() { found = lints() })
	linted := func() content.Errors {
		linting.Wait()
		return found
	}
	if len(stop) > 0 || o.Strict && slices.ContainsFunc(linted(), func(f *content.Error) bool { return !f.Warning }) {
		// The output folder's own problem, files bulletin did not write
		// say, and a file it could not copy are told in the same run.
		out, err := open()
		var made func(name, key string) bool
		if err == nil {
			out.Keyed(inputs.Program())
			made = out.Made
		}
		met, found := madePages(ctx, o, files, made, linted())
		stop = slices.Concat(stop, met, content.AsErrors(err), unopened(os.DirFS(o.Content), o.Content, s))
		if o.Strict {
			return Result{}, stoppedWith(slices.Concat(stop, found), nil)
		}
		return Result{}, stoppedWith(stop, found)
	}
	out, err := open()
	if err != nil {
		return Result{}, stoppedWith(content.AsErrors(err), linted())
	}
	// A file added while the build ran may be in the site and not in the
	// record, which would then hold once it is deleted.
	unhashed := set.Unhashed
	done = true
	r, err := publish(ctx, o, out, s, files, linted, searchConfig, pagefind)
	published = err == nil
	if o.Pagefind != "" && search.Config() != searchConfig {
		// Pagefind's settings changed while it ran: which it read is
		// not known, so the next build indexes again.
		in, r.Record = "", "Pagefind's settings changed while the build ran, so the next build indexes the site again"
	}
	if unhashed || inputs.Gained(o.Templates, stamps) {
		in = ""
	}
	if err == nil && in != "" {
		// The site is published: a record that cannot be written only
		// costs the next build the time to find that nothing changed.
		rep, recErr := json.Marshal(r.Report)
		if recErr == nil {
			recErr = inputs.Record{Inputs: in, Since: o.Now, Until: reportUntil(s), Report: rep, Files: stamps, Taken: taken}.Write(RecordPath(o.Out))
		}
		if recErr != nil {
			r.Record = fmt.Sprintf("the record of this build's inputs could not be written, so the next build reads every file again: %v", recErr)
		}
	}
	return r, err
}

// opening opens the output folder held in the background, and gives a
// function that waits for it.
func opening(held *output.Dir, o Options) func() (*output.Dir, error) {
	var (
		out *output.Dir
		err error
		wg  sync.WaitGroup
	)
	wg.Go(func() { out, err = held.OpenLocked(o.Out, o.Force) })
	return func() (*output.Dir, error) {
		wg.Wait()
		return out, err
	}
}

// unreadAssets names each file of the content folder dir that err says
// could not be read, at its path as editors know it.
func unreadAssets(dir string, err error) error {
	var out content.Errors
	for _, e := range unjoin(err) {
		var pe *fs.PathError
		if !errors.As(e, &pe) {
			return err
		}
		out = append(out, content.Unreadable(filepath.ToSlash(dir), pe))
	}
	return out.Err()
}

// unopened names each file of the content folder fsys, named dir as
// editors know it, that the site s publishes as it is and that cannot
// be opened, as the copy a build makes of it once nothing else stops it
// would find: check, and a build that stops for another problem, tell
// it in the same run.
func unopened(fsys fs.FS, dir string, s *site.Site) content.Errors {
	if s == nil {
		return nil
	}
	var out content.Errors
	for i := range s.Assets {
		p := s.AssetFileAt(i)
		f, err := fsys.Open(p)
		if err == nil {
			f.Close()
			continue
		}
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			pe = &fs.PathError{Op: "open", Err: err}
		}
		out = append(out, content.Unreadable(filepath.ToSlash(dir), &fs.PathError{Op: pe.Op, Path: p, Err: pe.Err}))
	}
	return out
}

// unjoin gives the errors errors.Join joined into err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// publish writes the files of s into out, the output folder opened,
// with the content folder's assets and the search index, and swaps them
// into place; found gives the problems lint found, for the summary, once
// the files are made. Until then the output folder is as it was; once
// ctx is done it stops, and leaves it so.
func publish(ctx context.Context, o Options, out *output.Dir, s *site.Site, files *render.Files, found func() content.Errors, searchConfig, pagefind string) (Result, error) {
	out.Keyed(inputs.Program())
	if err := files.Write(ctx, out); err != nil {
		out.Abort()
		// A page the theme fails on stops the build: a file it could not
		// copy, and what lint found, are told in the same run.
		var met content.Errors
		if ctx.Err() != nil || !errors.As(err, &met) {
			return Result{}, err
		}
		return Result{}, stoppedWith(slices.Concat(met, unopened(os.DirFS(o.Content), o.Content, s)), untold(o, met, found()))
	}
	if err := out.Copy(os.DirFS(o.Content), s.Assets, s.AssetFile); err != nil {
		out.Abort()
		return Result{}, unreadAssets(o.Content, err)
	}
	// The report is made now, so that what made the files (the theme,
	// its fragments, the keys) can go back to the system while Pagefind
	// runs.
	r := Result{Site: s, Report: newReport(s, files, found())}
	var err error
	indexed, bundles := 0, render.IndexBundles(s)
	if o.Pagefind != "" {
		// Pagefind indexes the new output before it is put in place, so
		// its files are in the manifest and a failed index leaves the
		// previous site as it was.
		if indexed, err = search.Index(ctx, o.Pagefind, pagefind, searchConfig, bundles, out, o.Out, inputs.Program()); err != nil {
			out.Abort()
			return Result{}, err
		}
	}
	// Stopped while lint ran, or Pagefind was not asked for, it changes
	// nothing still: serve's write of a site a save has replaced would
	// put it in place only for the next write to replace it.
	if err := ctx.Err(); err != nil {
		out.Abort()
		return Result{}, err
	}
	// A build without search leaves out the index an earlier one made.
	_, statErr := os.Stat(filepath.Join(o.Out, "pagefind"))
	hadIndex := statErr == nil
	r.Stats, err = out.Commit()
	if o.Pagefind == "" && hadIndex && err == nil {
		r.Search = "search index: none, as -pagefind was not given (./build.sh gives it): the last build's index is removed"
	}
	if o.Pagefind != "" {
		r.Search = fmt.Sprintf("search index: %d of %d bundles indexed again", indexed, len(bundles))
		if indexed == 0 {
			r.Search = "search index: up to date"
		}
	}
	return r, err
}

// CachePath is the build cache's file, beside the output folder so that
// every output folder has its own and nothing is written elsewhere.
func CachePath(out string) string { return output.Beside(out, "cache") }

// historyPath is where readHistory keeps what it read from git, beside
// the output folder too.
func historyPath(out string) string { return output.Beside(out, "history") }

// reportUntil gives the first moment after the build's at which the
// same inputs make another site, or another report of it (see
// site.Site.Until and Warned): the record, and the report it keeps,
// hold until then.
func reportUntil(s *site.Site) time.Time {
	if s.Warned.IsZero() || !s.Until.IsZero() && s.Until.Before(s.Warned) {
		return s.Until
	}
	return s.Warned
}
