package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
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

// options are where a build reads and writes.
type options struct {
	content   string
	templates string
	out       string
	baseURL   string
	force     bool
	pagefind  string // command that indexes the built site for search; empty for none
	// strict fails the build on what check fails on: links to pages the
	// site does not have, and sources readers cannot follow.
	strict bool
	now    time.Time
}

// addFlags defines the flags every command that builds shares.
func (o *options) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.content, "content", "content", "folder of articles and site.yaml")
	fs.StringVar(&o.templates, "templates", "templates", "folder of the theme's templates")
	fs.StringVar(&o.out, "out", "public", "output folder")
	fs.StringVar(&o.baseURL, "base-url", "", "absolute URL the site is served from (overrides site.yaml)")
	fs.BoolVar(&o.force, "force", false, "build into an output folder that holds other files, keeping them")
	fs.StringVar(&o.pagefind, "pagefind", "", `command that runs Pagefind to index the site for search, e.g. "npx --yes pagefind@1" (empty: no search)`)
}

// parseFlags parses the flags of a command that takes no arguments after
// them (build, serve, check) and checks the values they set in o.
func parseFlags(flags *flag.FlagSet, args []string, stdout, stderr io.Writer, o *options) error {
	if err := parse(flags, args, stdout, stderr); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return usageError(flags, stderr, "unexpected arguments: %s", strings.Join(flags.Args(), " "))
	}
	if o.baseURL != "" {
		if why := content.CheckBaseURL(o.baseURL); why != "" {
			return usageError(flags, stderr, "-base-url %s", why)
		}
	}
	return nil
}

// sourceFolders refuses, as a mistake on the command line, a -content or
// -templates that is not a folder: most often bulletin run from another
// folder than the project's. A command that reads no templates leaves
// o.templates empty.
func sourceFolders(flags *flag.FlagSet, stderr io.Writer, o options) error {
	for _, f := range []struct{ flag, dir, what string }{{"content", o.content, "articles and site.yaml"}, {"templates", o.templates, "the theme's templates"}} {
		if f.dir == "" && f.flag == "templates" {
			continue
		}
		var problem string
		switch info, err := os.Stat(f.dir); {
		case errors.Is(err, fs.ErrNotExist):
			problem = "no such folder"
		case err == nil && !info.IsDir():
			problem = "not a folder"
		default:
			continue // a folder, or one the build will say it cannot read
		}
		return usageError(flags, stderr, "-%s %s: %s: run bulletin from the project's folder, or give -%s the folder of %s", f.flag, f.dir, problem, f.flag, f.what)
	}
	return nil
}

// usableOut refuses, as a mistake on the command line, an -out that a
// build cannot write into (see output.Usable).
func usableOut(flags *flag.FlagSet, stderr io.Writer, out string) error {
	if err := output.Usable(out); err != nil {
		return usageError(flags, stderr, "%v", err)
	}
	return nil
}

func runBuild(args []string, stdout, stderr io.Writer) error {
	o := options{now: time.Now()}
	flags := newFlags("build", "bulletin [build] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-strict]")
	o.addFlags(flags)
	flags.BoolVar(&o.strict, "strict", false, "fail on links to pages the site does not have and on sources readers cannot follow, as check does")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	if err := usableOut(flags, stderr, o.out); err != nil {
		return err
	}
	if err := sourceFolders(flags, stderr, o); err != nil {
		return err
	}
	r, err := build(o)
	if _, ok := errors.AsType[*output.PartlyUpdated](err); ok {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "build stopped while moving files into %s/: some are this build's, the others the last build's; once the problem above is fixed, build again to finish it\n", strings.TrimSuffix(o.out, "/"))
		return errSilent
	}
	if errors.Is(err, errInterrupted) {
		fmt.Fprintf(stderr, "%v: %s\n", err, outputState(o.out))
		return errSilent
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, stopped(err, o.out))
		return errSilent
	}
	fmt.Fprint(stdout, r.summary())
	return nil
}

// stopped is the line that closes the problems of a build that stopped
// with err: how many stopped it, and that the output folder is as it
// was.
func stopped(err error, out string) string {
	n := failing(content.AsErrors(err))
	beside := 0
	if s, ok := errors.AsType[*stoppedBy](err); ok {
		beside = n - s.stopping
		n = s.stopping
	}
	what := counted(n, "problem")
	if beside > 0 {
		// The others are told too, and a plain build publishes with them.
		what += fmt.Sprintf(" (and %d more that only build -strict and check fail on)", beside)
	}
	return fmt.Sprintf("build stopped by %s: %s", what, outputState(out))
}

// stoppedBy is the error of a build that stopped: every problem it
// found, of which stopping, by count, stopped it; the others are those a
// plain build publishes with (see build -strict).
type stoppedBy struct {
	found    content.Errors
	stopping int
}

func (s *stoppedBy) Error() string { return s.found.Error() }
func (s *stoppedBy) Unwrap() error { return s.found }

// stoppedWith gives the error of a build that stop stopped, with the
// problems found beside them.
func stoppedWith(stop, beside content.Errors) error {
	return &stoppedBy{found: slices.Concat(stop, beside).ByPlace(), stopping: failing(stop)}
}

// failing counts the problems of errs that are not warnings.
func failing(errs content.Errors) int {
	n := 0
	for _, e := range errs {
		if !e.Warning {
			n++
		}
	}
	return n
}

// outputState says what a build that stopped left of the output folder
// out: nothing changed.
func outputState(out string) string {
	name := strings.TrimSuffix(out, "/")
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return fmt.Sprintf("nothing was written to %s/", name)
	}
	if _, err := os.Stat(filepath.Join(out, output.ManifestFile)); err != nil {
		// A folder no build wrote, such as one given by mistake.
		return fmt.Sprintf("%s/ is as it was", name)
	}
	return fmt.Sprintf("%s/ is as the last build left it", name)
}

// result is what a build did, for its summary.
type result struct {
	site    *site.Site // nil when the output was already up to date
	report  report
	stats   output.Stats
	elapsed time.Duration
	search  string // what this build did to the search index, if it has one
	cache   string // what became of a damaged build cache, if it was
	record  string // why the record of the inputs could not be written, if it could not
}

// report is what the summary says of the site built.
type report struct {
	Articles, Pages, Feeds int
	Notes                  []string
}

func newReport(s *site.Site, files *render.Files, found content.Errors) report {
	r := report{Articles: len(s.Articles)}
	r.Pages, r.Feeds = files.Count()
	if s.Settings.BaseURL == content.DefaultBaseURL {
		r.Notes = append(r.Notes, fmt.Sprintf("note: site.yaml sets no base_url, so links in feeds and the sitemap point at %s", content.DefaultBaseURL))
	}
	if s.Drafts > 0 {
		r.Notes = append(r.Notes, "left out "+counted(s.Drafts, "draft"))
	}
	for _, f := range found {
		r.Notes = append(r.Notes, f.Error())
	}
	if n := failing(found); n > 0 {
		r.Notes = append(r.Notes, counted(n, "problem")+" above: build -strict and check fail on them")
	}
	if s.NoHistory != "" {
		r.Notes = append(r.Notes, s.NoHistory)
	}
	for _, a := range s.Held {
		r.Notes = append(r.Notes, fmt.Sprintf("held back %s: dated %s, in the future", a.File, a.Date.In(s.Settings.Location).Format("2006-01-02 15:04 MST")))
	}
	return r
}

func (r result) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "built %s: %d files (%d pages, %d feeds), %d unchanged, %.1f MB in %s\n",
		counted(r.report.Articles, "article"), r.stats.Files, r.report.Pages, r.report.Feeds, r.stats.Unchanged, float64(r.stats.Bytes)/1e6, r.elapsed.Round(time.Millisecond))
	for _, n := range r.report.Notes {
		b.WriteString(n + "\n")
	}
	for _, s := range []string{r.search, r.cache, r.record, r.stats.Left} {
		if s != "" {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}

// build runs the pipeline: content → site → render → output. A build
// that finds an article's body in the build cache damaged fails, leaving
// the output as it was, and the cache goes with the body; it then runs
// once more, reading every article afresh, so a damaged cache only makes
// a build slower.
func build(o options) (result, error) {
	start := time.Now()
	if err := output.Usable(o.out); err != nil {
		return result{}, err
	}
	if err := output.Apart(o.out, o.content, o.templates); err != nil {
		return result{}, err
	}
	// The cache, the record and the bodies go beside the output folder,
	// so its parent is made first.
	if err := os.MkdirAll(filepath.Dir(cachePath(o.out)), 0o755); err != nil {
		return result{}, err
	}
	// The cache is read, in the background, only once the inputs are
	// found changed: an output found up to date does not need it.
	var store *cache.Store[content.Entry]
	openStore := func() *cache.Store[content.Entry] {
		store = cache.Open[content.Entry](cachePath(o.out), inputs.Program())
		return store
	}
	// Ctrl-C stops the build before it changes the output folder, which
	// it leaves as it was, with nothing beside it; a second one ends the
	// program at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	r, err := buildWith(ctx, o, openStore)
	if err != nil && ctx.Err() == nil && store != nil && store.Damaged() {
		r, err = buildWith(ctx, o, openStore)
		r.cache = "the build cache was damaged, so it was removed and every article read again"
	}
	if err != nil && ctx.Err() != nil {
		err = errInterrupted
	}
	r.elapsed = time.Since(start)
	return r, err
}

// errInterrupted is the error of a build stopped by Ctrl-C.
var errInterrupted = errors.New("build interrupted")

// buildWith runs the pipeline, with the articles of the store that
// openStore opens once the inputs are found changed.
func buildWith(ctx context.Context, o options, openStore func() *cache.Store[content.Entry]) (result, error) {
	taken := time.Now()
	// The build takes the output folder before it reads or writes
	// anything beside it: another build of it stops here, having written
	// nothing. The folder is looked through for files bulletin did not
	// write while the inputs are hashed, and the content read and the
	// site planned; a build that stops before publishing lets it go.
	held, err := output.Lock(o.out)
	if err != nil {
		return result{}, err
	}
	open := opening(held, o)
	// A folder no build wrote may be refused: then nothing is written
	// beside it, neither the cache nor git's history, while the content
	// is still read for its problems, told in the same run.
	var refused error
	if !output.Ours(o.out) {
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
	prev := inputs.Read(recordPath(o.out))
	// Where git's history is, and Pagefind's settings, are read once: a
	// commit or a save while the build runs is then seen by the next.
	place, searchConfig := history.Find(o.content), search.Config()
	in, sums, stamps := hashInputs(o, place, searchConfig, prev, func() {
		if beside {
			store()
		}
	})
	if r, ok := upToDate(o, in, stamps, prev, open); ok && beside {
		done = true
		return r, nil
	}
	if !beside {
		set, hist, err := load(ctx, o, os.DirFS(o.content), nil, sums, place, "")
		if set == nil {
			return result{}, errors.Join(err, refused)
		}
		_, files, stop, lints := planProblems(o, set, hist, err, o.now, nil)
		met, found := madePages(ctx, o, files, nil, lints())
		return result{}, stoppedWith(slices.Concat(stop, met, content.AsErrors(refused)), found)
	}
	// The record of what the output was built from goes first, and comes
	// back once the new output is in place; a build interrupted leaves
	// the output as it was, and puts the record of it back.
	if err := inputs.Forget(recordPath(o.out)); err != nil {
		return result{}, err
	}
	published := false
	defer func() {
		if ctx.Err() != nil && !published && prev.Inputs != "" {
			prev.Write(recordPath(o.out))
		}
	}()
	set, hist, err := load(ctx, o, os.DirFS(o.content), store(), sums, place, historyPath(o.out))
	// What was read is worth keeping even when another file was bad:
	// the next build, after the fix, reads only the fixed file. A build
	// interrupted stops at once, keeping nothing.
	if ctx.Err() != nil {
		store().Abandon()
		return result{}, ctx.Err()
	}
	if saveErr := store().Save(); saveErr != nil {
		return result{}, fmt.Errorf("saving the build cache: %w", saveErr)
	}
	if set == nil {
		return result{}, err
	}
	s, files, stop, lints := planProblems(o, set, hist, err, o.now, nil)
	// Lint reads the site while its files are made: only a build that
	// stops, or fails on what lint finds (-strict), waits for it first.
	var found content.Errors
	var linting sync.WaitGroup
	linting.Go(func() { found = lints() })
	linted := func() content.Errors {
		linting.Wait()
		return found
	}
	if len(stop) > 0 || o.strict && slices.ContainsFunc(linted(), func(f *content.Error) bool { return !f.Warning }) {
		// The output folder's own problem, files bulletin did not write
		// say, is told in the same run.
		out, err := open()
		var made func(name, key string) bool
		if err == nil {
			out.Keyed(inputs.Program())
			made = out.Made
		}
		met, found := madePages(ctx, o, files, made, linted())
		stop = slices.Concat(stop, met, content.AsErrors(err))
		if o.strict {
			return result{}, stoppedWith(slices.Concat(stop, found), nil)
		}
		return result{}, stoppedWith(stop, found)
	}
	out, err := open()
	if err != nil {
		return result{}, stoppedWith(content.AsErrors(err), linted())
	}
	// A file added while the build ran may be in the site and not in the
	// record, which would then hold once it is deleted.
	unhashed := set.Unhashed
	done = true
	r, err := publish(ctx, o, out, s, files, linted, searchConfig)
	published = err == nil
	if o.pagefind != "" && search.Config() != searchConfig {
		// Pagefind's settings changed while it ran: which it read is
		// not known, so the next build indexes again.
		in, r.record = "", "Pagefind's settings changed while the build ran, so the next build indexes the site again"
	}
	if unhashed || inputs.Gained(o.templates, stamps) {
		in = ""
	}
	if err == nil && in != "" {
		// The site is published: a record that cannot be written only
		// costs the next build the time to find that nothing changed.
		rep, recErr := json.Marshal(r.report)
		if recErr == nil {
			recErr = inputs.Record{Inputs: in, Until: s.Until, Report: rep, Files: stamps, Taken: taken}.Write(recordPath(o.out))
		}
		if recErr != nil {
			r.record = fmt.Sprintf("the record of this build's inputs could not be written, so the next build reads every file again: %v", recErr)
		}
	}
	return r, err
}

// The pipeline runs content → site → render → output, the same for build
// and serve: load reads the content, plan makes the site model and its
// files, and publish writes them. build reads the articles of the last
// build from the cache on disk and writes the output at once; serve keeps
// what it read in memory, serves pages as plan made them, and publishes
// once the changes pause.

// load reads the content folder, as fsys gives it, and, while it does,
// the versions of its articles from git, where place found it. store
// keeps the articles read before, by the key of the bytes they were read
// from, and sums may give the SHA-256 of content files whose article
// store may have (see content.LoadCached); git's history is kept in the
// file historyCache for the next run ("" keeps nothing).
func load(ctx context.Context, o options, fsys fs.FS, store content.Store, sums map[string]string, place history.Place, historyCache string) (*content.Set, *history.History, error) {
	var hist *history.History
	var reading sync.WaitGroup
	reading.Go(func() { hist = readHistory(place, historyCache, sums) })
	set, err := content.LoadCached(ctx, fsys, filepath.ToSlash(o.content), store, sums)
	reading.Wait()
	return set, hist, err
}

// readHistory reads the versions of the articles of the content folder
// from its git history, where place found it, given the SHA-256 of its
// files (sums, from hashInputs; nil to read them all), keeping what it
// read from git in the file cache. Like a missing git, git failing does
// not stop the build: the site is built without versions, and the
// summary says why.
func readHistory(place history.Place, cache string, sums map[string]string) *history.History {
	h, err := place.Read(cache, sums)
	if err != nil {
		return &history.History{Reason: "no version history: " + strings.TrimPrefix(err.Error(), "history: ")}
	}
	return h
}

// gatherProblems runs a loaded set, with the problems loadErr names, and
// the versions of its articles in hist (nil for none), through plan
// and lint, so that one run finds the problems of every stage (see
// planProblems). Without lints, lint is not run.
func gatherProblems(o options, set *content.Set, hist *history.History, loadErr error, now time.Time, m *memo, lints bool) (*site.Site, *render.Files, content.Errors, content.Errors) {
	s, files, stop, linter := planProblems(o, set, hist, loadErr, now, m)
	var found content.Errors
	if lints {
		found = linter()
	}
	return s, files, stop, found
}

// planProblems runs a loaded set, with the problems loadErr names, and
// the versions of its articles in hist (nil for none), through plan: stop
// are the problems that stop a build (a file that could not be read, a
// URL two articles claim, a broken template, a content file holding
// script, see lint.Active), each stage's found on what
// the stage before could make. linter gives what lint finds in what plan
// made, less the links that may point at a page of a file that could not
// be read (see lint.Unread): nothing when plan could make no model. The
// site and files are what plan made, stopped or not, so that the pages
// of a site that stops can still be made for their own problems (see
// madePages); they are nil when plan could not make them.
func planProblems(o options, set *content.Set, hist *history.History, loadErr error, now time.Time, m *memo) (*site.Site, *render.Files, content.Errors, func() content.Errors) {
	s, files, err := plan(o, set, hist, now, m)
	stop := append(content.AsErrors(loadErr), content.AsErrors(err)...)
	if s != nil {
		stop = append(stop, lint.Active(s)...)
	}
	linter := func() content.Errors {
		if s == nil {
			return nil
		}
		return lint.Unread(lint.Site(s, files, set.Refused, now), content.AsErrors(loadErr), set.Refused)
	}
	return s, files, stop, linter
}

// memo keeps what a plan can take again in the next: serve keeps one
// between saves.
type memo struct {
	site   site.Memo
	render render.Memo
}

// parts gives the memo's parts, nil for a nil memo, which keeps nothing.
func (m *memo) parts() (*site.Memo, *render.Memo) {
	if m == nil {
		return nil, nil
	}
	return &m.site, &m.render
}

// plan makes the site model of set, with its articles' versions in hist,
// as it stands at now, with the options' base URL and search, and lists
// its files; m keeps what the next plan can take again (nil: nothing).
// When the model has a problem (two articles at one URL, say) it gives
// the error with the model and its files all the same, so that the
// files' own clashes and lint's problems are found in the same run; when
// two files ask for one name, the error with both. A clash the model
// found is not told again as the files' clash it makes.
func plan(o options, set *content.Set, hist *history.History, now time.Time, m *memo) (*site.Site, *render.Files, error) {
	if o.baseURL != "" {
		set.Settings.SetBaseURL(o.baseURL)
	}
	sites, themes := m.parts()
	s, modelErr := sites.New(set, hist, now)
	s.Search = o.pagefind != ""
	files, err := themes.Plan(os.DirFS(o.templates), filepath.ToSlash(o.templates), s)
	model := content.AsErrors(modelErr)
	if files == nil {
		return s, nil, slices.Concat(model, content.AsErrors(err)).Err()
	}
	told := func(e *content.Error) bool {
		return e.Claimed != "" && slices.ContainsFunc(model, func(m *content.Error) bool {
			return m.File == e.File && m.Line == e.Line && m.Claimed == e.Claimed
		})
	}
	return s, files, slices.Concat(model, slices.DeleteFunc(content.AsErrors(err), told)).Err()
}

// opening opens the output folder held in the background, and gives a
// function that waits for it.
func opening(held *output.Dir, o options) func() (*output.Dir, error) {
	var (
		out *output.Dir
		err error
		wg  sync.WaitGroup
	)
	wg.Go(func() { out, err = held.OpenLocked(o.out, o.force) })
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
		out = append(out, &content.Error{File: content.JoinPath(filepath.ToSlash(dir), pe.Path), Msg: "can't read it: " + pe.Err.Error()})
	}
	return out.Err()
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
func publish(ctx context.Context, o options, out *output.Dir, s *site.Site, files *render.Files, found func() content.Errors, searchConfig string) (result, error) {
	out.Keyed(inputs.Program())
	if err := files.Write(ctx, out); err != nil {
		out.Abort()
		return result{}, err
	}
	if err := out.Copy(os.DirFS(o.content), s.Assets, s.AssetFile); err != nil {
		out.Abort()
		return result{}, unreadAssets(o.content, err)
	}
	// The report is made now, so that what made the files (the theme,
	// its fragments, the keys) can go back to the system while Pagefind
	// runs.
	r := result{site: s, report: newReport(s, files, found())}
	var err error
	indexed, bundles := 0, render.IndexBundles(s)
	if o.pagefind != "" {
		// Pagefind indexes the new output before it is put in place, so
		// its files are in the manifest and a failed index leaves the
		// previous site as it was.
		if indexed, err = search.Index(ctx, o.pagefind, searchConfig, bundles, out, o.out, inputs.Program()); err != nil {
			out.Abort()
			return result{}, err
		}
	}
	// A build without search leaves out the index an earlier one made.
	_, statErr := os.Stat(filepath.Join(o.out, "pagefind"))
	hadIndex := statErr == nil
	r.stats, err = out.Commit()
	if o.pagefind == "" && hadIndex && err == nil {
		r.search = "search index: none, as -pagefind was not given (./build.sh gives it): the last build's index is removed"
	}
	if o.pagefind != "" {
		r.search = fmt.Sprintf("search index: %d of %d bundles indexed again", indexed, len(bundles))
		if indexed == 0 {
			r.search = "search index: up to date"
		}
	}
	return r, err
}

// cachePath is the build cache's file, beside the output folder so that
// every output folder has its own and nothing is written elsewhere.
func cachePath(out string) string { return output.Beside(out, "cache") }

// historyPath is where readHistory keeps what it read from git, beside
// the output folder too.
func historyPath(out string) string { return output.Beside(out, "history") }
