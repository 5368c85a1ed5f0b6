// Package render turns the site model into files: HTML pages from the
// theme's html/template files (among them a page for each version of an
// article, showing what it changed), RSS, Atom and JSON feeds, the sitemap,
// robots.txt, alias redirects, and the theme's static files.
//
// It takes the theme as an fs.FS and a *site.Site, and lists the site's
// files (Plan), each with a key that hashes everything it is made from
// (see key.go). Files.Write hands each file, as bytes, to a Sink as soon
// as it is made, from several goroutines at once, and never holds the
// whole site in memory; a Sink that kept the file of an earlier build
// with the same key is not handed it again. serve asks for one file at a
// time (Files.Make). It reads no articles, converts no Markdown and
// writes nothing to disk itself.
package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"iter"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/cores"
	"bulletin/generator/output"
	"bulletin/generator/site"
)

// Sink receives finished files; Write is called from several goroutines.
// data is the sink's only until Write returns: the buffer it is in makes
// the next file.
type Sink interface {
	Write(name string, data []byte) error
}

// A Reuser is a Sink that can keep a file of the previous build made
// from the same inputs, named by a key, instead of having it made again.
type Reuser interface {
	Reuse(name, key string) bool
	WriteKeyed(name, key string, data []byte) error
}

// StaticDir is the folder of the theme whose files are published as they are.
const StaticDir = "static"

type renderer struct {
	site      *site.Site
	info      *SiteInfo
	themeKey  string  // see key.go
	hash      *hasher // keys files, see key.go
	theme     *theme
	base      *url.URL
	baseURL   string                          // base as text
	plainBase bool                            // abs may append a plain path to baseURL (see plainPath)
	entries   sync.Map                        // *site.Article → func() (string, error), see entryHTML
	entryUses map[*site.Article]*atomic.Int32 // the feed files yet to carry each article

	siteFeeds []FeedLink                // the whole site's feeds, shared by every page
	feedLinks sync.Map                  // *site.Group → []FeedLink, see groupFeeds
	topics    map[*site.Ref]*site.Group // each topic by its Ref, see topic
}

// job makes one file.
type job struct {
	name string // path inside the output folder
	url  string // the page's site path, for messages
	from source // what asks for the file, for a clash with another
	kind kind
	// template is the theme's file a page is made with; "" for files
	// made without the theme.
	template string
	// page gives the data of a page made with template, made afresh
	// each time it is asked for: its key and its file come from it
	// (see keyOf and makeInto), and key and make are nil.
	page func() *Page
	r    *renderer // what makes a page's key and file
	// key names everything the file is made from, so that the file of an
	// earlier build with the same key can stand in for it; nil for files
	// made fresh every time.
	key func() string
	// make writes the file into w.
	make func(w *bytes.Buffer) error
}

// keyed reports whether the job's file has a key (see keyOf).
func (j *job) keyed() bool { return j.page != nil || j.key != nil }

// keyOf gives the key of the job's file.
func (j *job) keyOf() string {
	if j.page != nil {
		return j.r.pageKey(j.template, j.page())
	}
	return j.key()
}

// makeInto makes the job's file in w.
func (j *job) makeInto(w *bytes.Buffer) error {
	if j.page != nil {
		c := &capped{w: w}
		err := j.r.theme.execute(c, j.template, j.page())
		if c.over {
			return &tooBig{template: j.template}
		}
		return err
	}
	return j.make(w)
}

// maxPage is the most a template may write for one page: a template
// that calls itself can write more than the system's memory holds
// within the time a file may take.
const maxPage = 128 << 20

// capped writes to w until maxPage bytes have come, and then fails.
type capped struct {
	w    io.Writer
	n    int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.n += len(p); c.n > maxPage {
		c.over = true
		return 0, errors.New("page too large")
	}
	return c.w.Write(p)
}

// tooBig is a page whose template wrote more than maxPage.
type tooBig struct{ template string }

func (e *tooBig) Error() string {
	return fmt.Sprintf("making a page with %s wrote over %d MB, so it stopped: a template may call itself without end, or show every article many times over", e.template, maxPage>>20)
}

// whole makes a job's make of a function that gives the file's bytes.
func whole(f func() ([]byte, error)) func(*bytes.Buffer) error {
	return func(w *bytes.Buffer) error {
		data, err := f()
		w.Write(data)
		return err
	}
}

// Site renders every file of s with the templates in templates, dir being
// the theme folder's name as editors know it, for messages.
func Site(templates fs.FS, dir string, s *site.Site, out Sink) error {
	files, err := Plan(templates, dir, s)
	if err != nil {
		return err
	}
	return files.Write(context.Background(), out)
}

// kind tells what a file is, for Count.
type kind int

const (
	otherFile kind = iota
	pageFile       // an HTML page of the site's own
	feedFile       // an RSS, Atom or JSON feed
)

// Files are the files of one site, each made when it is asked for: Site
// makes them all, and serve makes the pages a browser asks for.
type Files struct {
	jobs   []job
	byName map[string]int // index in jobs
	theme  *theme         // nil when it could not be read: the files are named, and none made
	hash   *hasher        // what keys the files
}

// errNoTheme is what making a file gives when the theme could not be read.
var errNoTheme = errors.New("the theme could not be read")

// Plan loads the theme and lists every file of s, making none yet. When
// two ask for one name (see checkClaims), a static file is refused, or a
// page file of the theme cannot be read (see loadTheme), it gives the
// files with the error; the files are not to be written then. When the
// theme cannot be read at all, the files it gives with the error are
// named, for lint to check links against, but cannot be made.
func Plan(templates fs.FS, dir string, s *site.Site) (*Files, error) {
	var m *Memo
	return m.Plan(templates, dir, s)
}

// Plan is the package's Plan, taking the theme again from m where it can
// (see Memo).
func (m *Memo) Plan(templates fs.FS, dir string, s *site.Site) (*Files, error) {
	base, err := url.Parse(s.Settings.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", s.Settings.BaseURL, err)
	}
	// Each of the theme's files is read once, for the templates, the key
	// and the static files alike (see onceFS).
	templates = once(templates)
	// The theme is read while the files are listed, which needs none of
	// it: a file's key and its bytes are made later.
	var (
		th       *theme
		key      string
		themeErr error
		reading  sync.WaitGroup
	)
	reading.Go(func() { th, key, themeErr = m.theme(templates, dir, base.EscapedPath()) })
	r := newRenderer(s, base)
	jobs := r.jobs()
	reading.Wait()
	static, refused, err := staticJobs(templates, dir)
	if err != nil {
		return nil, err
	}
	r.theme, r.themeKey = th, key
	jobs = append(jobs, static...)
	f := &Files{jobs: jobs, byName: make(map[string]int, len(jobs)), theme: th, hash: r.hash}
	for i, j := range jobs {
		f.byName[j.name] = i
	}
	if th == nil {
		// The static files' problems are told with the theme's, and so
		// are the files' clashes, which need none of it.
		return f, slices.Concat(content.AsErrors(themeErr), refused, content.AsErrors(m.checkClaims(jobs, r.published()))).Err()
	}
	// A page file of the theme that cannot be read, a clash or a static
	// file refused stops the build, but the files are given with it, so
	// that lint still checks the links, and the pages the rest of the
	// theme makes are made, in the same run.
	return f, slices.Concat(content.AsErrors(themeErr), refused, content.AsErrors(m.checkClaims(jobs, r.published()))).Err()
}

// Theme gives the site paths the theme's files link to as written, for
// lint to check, and what they would publish without a word: templates
// no template calls (warnings), and fields their values lack, in
// branches the pages may not take yet.
func (f *Files) Theme() ([]ThemeLink, content.Errors) {
	if f.theme == nil {
		return nil, nil
	}
	return f.theme.links, f.theme.problems
}

// ThemeParams gives the theme's own settings its templates ask for by
// name, each where it asks, by file and line, and whether a template
// reads every one of them (ranges over them, or names one by a
// variable), so that any may be asked for.
func (f *Files) ThemeParams() (asked []ThemeParam, whole bool) {
	if f.theme == nil {
		return nil, false
	}
	return f.theme.params, f.theme.paramsWhole
}

// ThemeIDs gives the ids the theme's files give parts of pages as
// written, each where it is written.
func (f *Files) ThemeIDs() []ThemeID {
	if f.theme == nil {
		return nil
	}
	return f.theme.ids
}

// Themed reports whether the files can be made: whether the theme could
// be read.
func (f *Files) Themed() bool { return f.theme != nil }

// Count counts the site's HTML pages (not the alias redirects) and feeds.
func (f *Files) Count() (pages, feeds int) {
	for _, j := range f.jobs {
		switch j.kind {
		case pageFile:
			pages++
		case feedFile:
			feeds++
		}
	}
	return pages, feeds
}

// Has reports whether the site has a file of that name, a slash-separated
// path inside the output folder such as "topics/index.html".
func (f *Files) Has(name string) bool {
	_, ok := f.byName[name]
	return ok
}

// Names gives the name of every file of the site, in no set order.
func (f *Files) Names() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, j := range f.jobs {
			if !yield(j.name) {
				return
			}
		}
	}
}

// Make makes the named file; it is fs.ErrNotExist if the site has none.
func (f *Files) Make(name string) ([]byte, error) {
	i, ok := f.byName[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	if f.theme == nil {
		return nil, errNoTheme
	}
	j := f.jobs[i]
	var buf bytes.Buffer
	if err := makeWithin(j, &buf); err != nil {
		return nil, describe(err, j.url)
	}
	return buf.Bytes(), nil
}

// Sample makes the first page of each of the theme's templates, and
// gives the errors of those that fail: a quick look at a theme changed
// while serve runs, before its pages are shown. A mistake on a path of a
// template that those pages do not take shows only on the pages that do.
func (f *Files) Sample() error {
	if f.theme == nil {
		return errNoTheme
	}
	var failed pageErrors
	seen := map[string]bool{}
	buf := new(bytes.Buffer)
	for _, j := range f.jobs {
		if j.template == "" || seen[j.template] {
			continue
		}
		seen[j.template] = true
		buf.Reset()
		if err := makeWithin(j, buf); err != nil {
			failed.add(err, j.url)
			if late(err) {
				// The making given up on still writes to the buffer.
				break
			}
		}
	}
	return failed.Err()
}

// Write makes every file and hands it to out, on every core, and returns
// the errors of all that failed, sorted, each mistake once with the
// pages it stopped. Once ctx is done it makes no more files and returns
// ctx's error; once a file takes too long (see makeWithin), it makes no
// more either.
func (f *Files) Write(ctx context.Context, out Sink) error {
	if f.theme == nil {
		return errNoTheme
	}
	var (
		mu      sync.Mutex
		failed  pageErrors
		diskErr error // the first file the disk would not take
		wg      sync.WaitGroup
	)
	stopping, stop := context.WithCancel(ctx)
	defer stop()
	keys, reused := f.keys(stopping, out)
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			// Each worker makes its files in one buffer, which grows to
			// the largest of them, rather than allocating for each.
			buf := new(bytes.Buffer)
			for i := range next {
				j := f.jobs[i]
				if stopping.Err() != nil {
					continue
				}
				err := write(j, keys[i], out, buf)
				if err == nil {
					continue
				}
				if _, ok := errors.AsType[*output.WriteError](err); ok {
					// The disk would not take it: the next file would
					// meet the same.
					mu.Lock()
					diskErr = cmp.Or(diskErr, err)
					mu.Unlock()
					stop()
					continue
				}
				mu.Lock()
				failed.add(err, j.url)
				mu.Unlock()
				if late(err) {
					// The making given up on still writes to the buffer,
					// and still takes a core: nothing more is made.
					buf = new(bytes.Buffer)
					stop()
				}
			}
		})
	}
feeding:
	for i := range f.jobs {
		if reused[i] {
			continue
		}
		select {
		case next <- i:
		case <-stopping.Done():
			break feeding
		}
	}
	close(next)
	wg.Wait()
	if err := cmp.Or(ctx.Err(), diskErr); err != nil {
		return err
	}
	return failed.Err()
}

// makeTimeout is how long making one file may take.
var makeTimeout = time.Minute

// tooLong is a file that took longer than makeTimeout to make.
type tooLong struct{ template string }

func (e *tooLong) Error() string {
	with := ""
	if e.template != "" {
		with = " with " + e.template
	}
	return fmt.Sprintf("making a file%s took over %s, so the build stopped: a template may loop for ever, or loop over every article inside a loop over every article", with, makeTimeout)
}

// late reports whether err is a file that took too long to make.
func late(err error) bool {
	_, ok := errors.AsType[*tooLong](err)
	return ok
}

// makeWithin makes j's file in buf, giving up once it takes longer than
// makeTimeout: a template can loop for as good as ever, and a build or a
// page of serve that never ends says nothing of why. A making given up on
// goes on, writing to buf, which the caller must then leave to it.
func makeWithin(j job, buf *bytes.Buffer) error {
	done := make(chan error, 1)
	go func() { done <- j.makeInto(buf) }()
	timer := time.NewTimer(makeTimeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return &tooLong{template: j.template}
	}
}

func newRenderer(s *site.Site, base *url.URL) *renderer {
	return &renderer{site: s, info: &SiteInfo{Settings: s.Settings, Search: s.Search}, base: base, hash: newHasher(s), siteFeeds: feedLinks(s.Settings.Title, "/"), entryUses: map[*site.Article]*atomic.Int32{},
		baseURL: base.String(), plainBase: base.RawQuery == "" && base.Fragment == "" && !base.ForceQuery && strings.HasSuffix(base.Path, "/")}
}

// keys gives, where out keeps files by their keys (a Reuser), the key
// of each job's file ("" for a file made fresh every time), and which
// files out keeps from the previous build, made from the same key, on
// every core, until ctx is done. Every key is made before any file, so
// that the hashes they share (see memo) go back to the system before
// the files are made: at 100,000 articles about 40 MB.
func (f *Files) keys(ctx context.Context, out Sink) ([]string, []bool) {
	keys, reused := make([]string, len(f.jobs)), make([]bool, len(f.jobs))
	reuser, keyed := out.(Reuser)
	if !keyed {
		return keys, reused
	}
	cores.Parts(len(f.jobs), func(lo, hi int) error {
		for i := lo; i < hi && ctx.Err() == nil; i++ {
			if j := &f.jobs[i]; j.keyed() {
				keys[i] = j.keyOf()
				reused[i] = reuser.Reuse(j.name, keys[i])
			}
		}
		return nil
	})
	f.hash.forget()
	return keys, reused
}

// write makes one job's file in buf and hands it to out, under key
// where it has one.
func write(j job, key string, out Sink, buf *bytes.Buffer) error {
	buf.Reset()
	if err := makeWithin(j, buf); err != nil {
		return err
	}
	if reuser, keyed := out.(Reuser); keyed && key != "" {
		return reuser.WriteKeyed(j.name, key, buf.Bytes())
	}
	return out.Write(j.name, buf.Bytes())
}

// abs makes a site path absolute under the base URL.
func (r *renderer) abs(p string) string {
	if rel := strings.TrimPrefix(p, "/"); r.plainBase && plainPath(rel) {
		// Nothing to escape, clean or resolve: the common case, made
		// without parsing.
		return r.baseURL + rel
	}
	u, err := url.Parse(p)
	if err != nil {
		return p
	}
	return r.base.ResolveReference(&url.URL{Path: strings.TrimPrefix(u.Path, "/"), RawQuery: u.RawQuery, Fragment: u.Fragment}).String()
}

// plainPath reports whether p is a relative path of letters, digits and
// "-._~" between single slashes, with no "." or ".." segment: one that
// resolving against a base URL only appends.
func plainPath(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
		for _, c := range []byte(seg) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
				return false
			}
		}
	}
	return !strings.Contains(p, "//")
}

// absBody makes every link and image URL in an article's HTML absolute,
// since readers show feed entries away from the site: relative URLs and
// #fragments resolve against the article's page, and site paths such as
// /topics/x/ below the base URL, as the pages root them. It rewrites
// every URL attribute that raw HTML may bring, in the form attr="…".
func (r *renderer) absBody(page, body string) string {
	pageURL := r.base.ResolveReference(&url.URL{Path: strings.TrimPrefix(page, "/")})
	var b strings.Builder
	b.Grow(len(body) + len(body)/8)
	done := 0 // body[:done] is written, or stands as it is
	// The next place of each attribute in urlAttrs, at or after done.
	next := make([]int, len(urlAttrs))
	for i, name := range urlAttrs {
		next[i] = indexFrom(body, name+`="`, 0)
	}
	for {
		at, name := -1, ""
		for i, n := range urlAttrs {
			if next[i] >= 0 && next[i] < done {
				next[i] = indexFrom(body, n+`="`, done)
			}
			if next[i] >= 0 && (at < 0 || next[i] < at) {
				at, name = next[i], n
			}
		}
		if at < 0 {
			break
		}
		start := at + len(name) + 2
		end := strings.IndexByte(body[start:], '"')
		if end < 0 {
			break
		}
		b.WriteString(body[done:at])
		value := body[start : start+end]
		if name == "srcset" {
			b.WriteString(name + `="` + r.absSrcset(value, pageURL) + `"`)
		} else {
			b.WriteString(name + `="` + r.absURL(value, pageURL) + `"`)
		}
		done = start + end + 1
	}
	if done == 0 {
		return body
	}
	b.WriteString(body[done:])
	return b.String()
}

// urlAttrs are the attributes of HTML that hold a URL a reader's
// browser fetches or follows: links, images and media, their poster
// frames, and the candidates of a srcset.
var urlAttrs = []string{"href", "src", "poster", "srcset"}

// absURL is the HTML-escaped URL value of an attribute of an article's
// HTML made absolute.
func (r *renderer) absURL(value string, pageURL *url.URL) string {
	u, err := url.Parse(html.UnescapeString(value))
	if err != nil || u.IsAbs() {
		return value
	}
	from := pageURL
	if u.Host == "" && strings.HasPrefix(u.Path, "/") {
		from = r.base
		u.Path, u.RawPath = strings.TrimPrefix(u.Path, "/"), strings.TrimPrefix(u.RawPath, "/")
	}
	return template.HTMLEscapeString(from.ResolveReference(u).String())
}

// absSrcset is a srcset's value with the URL of each candidate ("a.png
// 2x, b.png 640w") made absolute.
func (r *renderer) absSrcset(value string, pageURL *url.URL) string {
	candidates := strings.Split(value, ",")
	for i, c := range candidates {
		fields := strings.Fields(c)
		if len(fields) == 0 {
			continue
		}
		fields[0] = r.absURL(fields[0], pageURL)
		candidates[i] = strings.Join(fields, " ")
	}
	return strings.Join(candidates, ", ")
}

// indexFrom is the index of sub in s at or after from, or -1.
func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// FileFor is the output file of a site path: /a/b/ is a/b/index.html.
func FileFor(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	if path.Ext(p) == "" {
		return p + "/index.html"
	}
	return p
}

// page is the job that makes a page with the template file name.
func (r *renderer) page(name string, p *Page) job {
	return job{name: FileFor(p.URL), url: p.URL, kind: pageFile, template: name, r: r, page: func() *Page { return p }}
}

// pageKey is the key of a page made with the template file name: the
// theme and all the page's data.
func (r *renderer) pageKey(name string, p *Page) string {
	return r.hash.key(r.themeKey, name, p)
}
