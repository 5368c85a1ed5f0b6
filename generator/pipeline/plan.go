package pipeline

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/lint"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// load reads the content folder, as fsys gives it, and, while it does,
// the versions of its articles from git, where place found it. store
// keeps the articles read before, by the key of the bytes they were read
// from, and sums may give the SHA-256 of content files whose article
// store may have (see content.LoadCached); git's history is kept in the
// file historyCache for the next run ("" keeps nothing), and the
// articles read in m (nil: nothing).
func load(ctx context.Context, o Options, fsys fs.FS, store content.Store, sums map[string]string, place history.Place, historyCache string, m *memo) (*content.Set, *history.History, error) {
	var hist *history.History
	var reading sync.WaitGroup
	reading.Go(func() { hist = readHistory(place, historyCache, sums) })
	read, _, _ := m.parts()
	set, err := read.Load(ctx, fsys, filepath.ToSlash(o.Content), store, sums)
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
func gatherProblems(o Options, set *content.Set, hist *history.History, loadErr error, now time.Time, m *memo, lints bool) (*site.Site, *render.Files, content.Errors, content.Errors) {
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
func planProblems(o Options, set *content.Set, hist *history.History, loadErr error, now time.Time, m *memo) (*site.Site, *render.Files, content.Errors, func() content.Errors) {
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

// memo keeps what a load and a plan can take again in the next: serve
// keeps one between saves.
type memo struct {
	content content.Memo
	site    site.Memo
	render  render.Memo
}

// parts gives the memo's parts, nil for a nil memo, which keeps nothing.
func (m *memo) parts() (*content.Memo, *site.Memo, *render.Memo) {
	if m == nil {
		return nil, nil, nil
	}
	return &m.content, &m.site, &m.render
}

// plan makes the site model of set, with its articles' versions in hist,
// as it stands at now, with the options' base URL and search, and lists
// its files; m keeps what the next plan can take again (nil: nothing).
// When the model has a problem (two articles at one URL, say) it gives
// the error with the model and its files all the same, so that the
// files' own clashes and lint's problems are found in the same run; when
// two files ask for one name, the error with both. A clash the model
// found is not told again as the files' clash it makes, though the files
// name an alias's page as a file (/old.html, where the model has
// /old.html/) or blame the other of the two; a clash of the same claim
// with something else is told too.
func plan(o Options, set *content.Set, hist *history.History, now time.Time, m *memo) (*site.Site, *render.Files, error) {
	if o.BaseURL != "" {
		set.Settings.SetBaseURL(o.BaseURL)
		set.Settings.FlagAuthority = set.Settings.FlagAuthority && !o.Served
	}
	set.Settings.Drafts = o.Drafts
	_, sites, themes := m.parts()
	s, modelErr := sites.New(set, hist, now)
	s.Search = o.Pagefind != ""
	files, err := themes.Plan(os.DirFS(o.Templates), filepath.ToSlash(o.Templates), s)
	model := content.AsErrors(modelErr)
	if files == nil {
		return s, nil, slices.Concat(model, content.AsErrors(err)).Err()
	}
	told := func(e *content.Error) bool {
		address := func(x *content.Error) string { return content.Fold(strings.TrimSuffix(x.Claimed, "/")) }
		return e.Claimed != "" && slices.ContainsFunc(model, func(m *content.Error) bool {
			switch {
			case m.File == e.File && m.Line == e.Line && m.Claimed == e.Claimed:
				// The same claim, with another article as its rival: a
				// content file, the theme's or the site's own is a rival
				// the model does not see, and a clash of its own.
				return e.Rival != ""
			case address(m) != address(e) || e.Rival == "":
				return false
			}
			return m.Place() == e.Place() && m.Rival == e.Rival || m.Place() == e.Rival && m.Rival == e.Place()
		})
	}
	return s, files, slices.Concat(model, slices.DeleteFunc(content.AsErrors(err), told)).Err()
}
