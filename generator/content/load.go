// Package content reads the content folder: site.yaml, Markdown articles
// with YAML or TOML front matter, intro pages for topics and regulators,
// and any other files (images, documents) to be published as they are.
//
// It gives back a Set: the settings with defaults filled in and every
// article checked field by field and converted to HTML. Given a Store of
// articles read before and the hashes of files known, LoadCached reads
// only the files that changed, and the store keeps the articles' bodies
// on disk until a page needs them (Article.Body).
// Parse reads one article from bytes kept elsewhere, such as an earlier
// version from git.
// Every problem in every file is returned at once, each with its file
// and line. It knows
// nothing of URLs beyond slugs, of the site's pages or of the disk
// beyond the fs.FS it is given; joining articles into a site is left to
// package site.
package content

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"

	"bulletin/generator/inputs"
)

// Set is everything read from the content folder.
type Set struct {
	Settings   Settings
	Articles   []*Article // in path order
	Topics     []*Page    // intro pages from topics/
	Regulators []*Page    // intro pages from regulators/
	Assets     []string   // other files to publish as they are, in path order
	Dir        string     // the folder as editors name it, as in Article.File
	// Refused are the articles read with problems, in path order: they
	// are not published, but what they hold as far as it was read (the
	// body's links, the sources) can still be checked in the same run.
	Refused []*Article
	// Unhashed is set when the loader was given the sums of the folder's
	// files and read a file they do not name: one added since they were
	// taken, which a record of those sums would leave out.
	Unhashed bool
}

// Page is an intro page for a topic or a regulator.
type Page struct {
	File       string
	Path       string // inside the folder, slash-separated
	Line       int
	Slug       string
	Title      string
	Summary    string
	Status     string
	StatusLine int // the line status is set on
	// Aliases are the old site paths of the topic's or regulator's
	// page (/topics/old-name/), as an article's are; AliasesLine is
	// the line they are set on.
	Aliases     []string
	AliasesLine int
	Lang        string // the language its words are written in, where it is not the site's (see Meta.Lang)
	HTML        string
	Anchors     []Anchor // the body's headings, by id
	BodyLine    int
	Source      string // a hash of the file and the settings it was read with
}

// MaxFileSize bounds one Markdown file, keeping memory and time bounded
// whatever lands in the content folder.
const MaxFileSize = 8 << 20

// MaxLines bounds the lines of one Markdown file as MaxFileSize bounds
// its bytes: a line may start a block of the page (a list item, a table
// row), each a few hundred bytes of memory while the page is made, so
// that 7 MB of one-line list items took 1.7 GB; 200,000 take 200 MB. No
// article of prose comes near: a longer listing is a file to link to.
const MaxLines = 200_000

// Lines counts the lines of data as an editor does, each ended by a
// line feed, a carriage return, or both, as Markdown reads them, or by
// the end of the file.
func Lines(data []byte) int {
	n := max(bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r")))
	if len(data) > 0 && data[len(data)-1] != '\n' && data[len(data)-1] != '\r' {
		n++
	}
	return n
}

// oversized says what makes a Markdown file more than a build reads, as
// a problem at its top, or "" when nothing does.
func oversized(data []byte) string {
	const advice = "split it, or publish large material as a separate file and link to it"
	if len(data) > MaxFileSize {
		return fmt.Sprintf("file is larger than %d MB: %s", MaxFileSize>>20, advice)
	}
	if n := Lines(data); n > MaxLines {
		return fmt.Sprintf("file has %d lines, more than the %d a build reads: %s", n, MaxLines, advice)
	}
	return ""
}

// Load reads every file of fsys. dir is the folder's name as editors
// know it (for example "content"), used in messages.
func Load(fsys fs.FS, dir string) (*Set, error) {
	return LoadCached(context.Background(), fsys, dir, nil, nil)
}

// LoadFrontMatter is Load without the bodies: articles and intro pages
// have their front matter, but no HTML, links or word counts, and the
// problems only their bodies have are not found. It is for a caller that
// needs the articles' addresses alone, at a tenth of the time.
func LoadFrontMatter(fsys fs.FS, dir string) (*Set, error) {
	return load(context.Background(), fsys, dir, nil, nil, false, nil)
}

// Load and LoadCached give the set of every file read without problems
// along with the problems of the others, so that later stages can find
// theirs in the same run; the set is nil only when the folder cannot be
// read at all.
//
// LoadCached is Load with a store of articles read before, keyed by each
// file's bytes and the settings: an unchanged file is not parsed again.
// sums may give the hex SHA-256 of files' bytes by path, as the caller
// found them: a file whose article the store has under that sum is not
// even read. store and sums may be nil.
// Once ctx is done it stops reading, and gives ctx's error alone.
func LoadCached(ctx context.Context, fsys fs.FS, dir string, store Store, sums map[string]string) (*Set, error) {
	var m *Memo
	return m.Load(ctx, fsys, dir, store, sums)
}

// load is LoadCached, with the bodies read or not, taking articles again
// from m (see Memo).
func load(ctx context.Context, fsys fs.FS, dir string, store Store, sums map[string]string, bodies bool, m *Memo) (*Set, error) {
	// site.yaml is read once: the settings and the key of every article
	// kept are made of the same bytes, even when it is saved meanwhile.
	data, readErr := readSettingsFile(fsys)
	settings, errs := settingsOf(data, readErr, dir)
	c := newCacher(store, data, settings.Location, dir, sums)
	set := &Set{Settings: settings, Dir: dir}
	if _, ok := sums[SettingsFile]; sums != nil && !ok && readErr == nil {
		set.Unhashed = true
	}
	var md goldmark.Markdown // nil: bodies are not read
	if bodies {
		md = newMarkdown(set.Settings.RawHTML)
	}
	// Articles are read on every core while the walk goes on finding them.
	w := &walker{ctx: ctx, fsys: fsys, dir: dir, set: set, sums: sums, named: map[string]bool{}, memo: m != nil, last: m.last(c.salt), errs: errs}
	w.read = readArticles(func(p string) (*Article, Errors) {
		if ctx.Err() != nil {
			return nil, nil // not read: the set is dropped
		}
		return loadArticle(fsys, dir, p, &set.Settings, md, c)
	})
	err := w.walk()
	read := w.read.wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	errs = w.errs
	for _, b := range read {
		for i, a := range b.read {
			errs = append(errs, b.errs[i]...)
			if len(b.errs[i]) == 0 {
				set.Articles = append(set.Articles, a)
			} else {
				set.Refused = append(set.Refused, a)
			}
		}
	}
	w.settle(c)
	m.keep(c.salt, w.walked)
	errs = append(errs, set.readIntros(fsys, dir, md, c, w.intros)...)
	return set, errs.Err()
}

// readIntros reads the intro pages at the paths given, and adds those
// without problems to the set in that order; it gives the problems of
// the others.
func (set *Set) readIntros(fsys fs.FS, dir string, md goldmark.Markdown, c *cacher, intros []string) Errors {
	var errs Errors
	first := map[string]*Page{} // by folder and slug, folded: a topic's or regulator's page
	for _, p := range intros {
		page, pageErrs := loadPage(fsys, dir, p, &set.Settings, md, c)
		errs = append(errs, pageErrs...)
		if len(pageErrs) > 0 {
			continue
		}
		folder, _, _ := strings.Cut(p, "/")
		key := folder + "/" + Fold(page.Slug)
		if other, ok := first[key]; ok {
			// One would be shown and the other never, without a word.
			errs = append(errs, &Error{File: page.File, Line: page.Line, Msg: fmt.Sprintf("also the intro page of /%s/%s/, as %s is: keep one, and delete the other", folder, page.Slug, other.File)})
			continue
		}
		first[key] = page
		if strings.HasPrefix(p, "topics/") {
			set.Topics = append(set.Topics, page)
		} else {
			set.Regulators = append(set.Regulators, page)
		}
	}
	return errs
}

// assetName says whether the file at slash path p of the content folder
// dir can be published at the same path, and when not, why: it or a
// folder of its path has a name that is not safe in an address or on
// every system. A folder is named once: named holds those named already,
// and problem is nil for their files.
func assetName(dir, p string, named map[string]bool) (problem *Error, ok bool) {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		why := CheckAliasSegment(part)
		if why == "" && !utf8.ValidString(part) {
			why = "it is not valid UTF-8"
		}
		if why == "" {
			continue
		}
		what, at := "file", p
		if i < len(parts)-1 {
			what, at = "folder", strings.Join(parts[:i+1], "/")
			if named[at] {
				return nil, false
			}
			named[at] = true
		}
		return &Error{File: JoinPath(dir, escapedName(at)), Msg: fmt.Sprintf("the %s name %q cannot be published as part of an address: %s: rename the %s", what, part, why, what)}, false
	}
	return nil, true
}

// AssetProblem says why a regular file at slash path p of the content
// folder would not be published as it is, at that path, by a build: it
// is the settings file, Markdown (read as an article or an intro page),
// hidden or in a hidden folder, a leftover (see Leftover), or a name on
// its path is not safe in an address; "" when it would be. What copies
// files into the content folder asks it first.
func AssetProblem(p string) string {
	misnamed := cmp.Or(misnamedSettings(p), unreadMarkdown(p))
	switch {
	case p == SettingsFile:
		return "it would be the site's settings file"
	case misnamed != "":
		return misnamed
	case hiddenPath(p):
		return "a build leaves out a hidden file, or one in a hidden folder"
	case Leftover(path.Base(p)):
		return "a build leaves it out as a leftover: a backup, a swap file or a copy"
	case IsMarkdown(p):
		return "a build reads a Markdown file as an article or an intro page, not as a file to publish"
	}
	if problem, _ := assetName("", p, map[string]bool{}); problem != nil {
		return problem.Msg
	}
	return ""
}

// unnamable says why the path p cannot name an article: it is not valid
// UTF-8, or holds a control character, such as a line break; "" if it
// can.
func unnamable(p string) string {
	if printableASCII(p) {
		return "" // most paths, told at a glance
	}
	if !utf8.ValidString(p) {
		return "is not valid UTF-8"
	}
	if i := strings.IndexFunc(p, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(p[i:])
		return fmt.Sprintf("holds a control character (%U)", r)
	}
	return ""
}

// printableASCII reports whether s is all printable ASCII: no control
// character, nothing beyond ASCII.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// printedName gives the name s as it can be printed on a line of its own
// (see quoteIf): escaped where it holds a control character.
func printedName(s string) string { return quoteIf(s, unicode.IsControl) }

// escapedName gives the name s as an editor can read it (see quoteIf):
// escaped where it holds a control character or an invisible one that
// formats text.
func escapedName(s string) string {
	return quoteIf(s, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) })
}

// Quoted gives s in double quotes as an editor wrote it, escaped only
// where it holds a character a message cannot show (see escapedName).
func Quoted(s string) string { return `"` + escapedName(s) + `"` }

// quoteIf gives s as it is, or, where it holds a rune bad says so of or
// is not valid UTF-8, as Go would quote it, without the quotes.
func quoteIf(s string, bad func(rune) bool) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, bad) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// kind is what a file or folder of the content folder is to a build.
type kind int

const (
	ignored    kind = iota // a folder to look in, or a file to leave out
	skipFolder             // a hidden folder, left out with all it holds
	article
	intro
	asset
	special // a link or another file that is not regular: refused
)

// why says why a special file of folder is refused, and what to do
// instead.
func (special kind) why(e fs.DirEntry, folder string) string {
	if e.Type()&fs.ModeSymlink != 0 {
		return "a symbolic link: links are not followed, so that nothing outside " + folder + " is published; move or copy the file or folder here instead"
	}
	return "not a regular file or folder: delete it or move it out of " + folder
}

// StaticFile says what becomes of the entry e at slash path p of a
// folder published as it is, a theme's static folder, which editors name
// dir. Hidden files and folders and leftovers (see Leftover) are left out
// (skip), as they are from the content folder; a link, a file that is not
// regular, or a name that is not safe in an address is refused (problem,
// and skip). A folder with an unsafe name is named once: named holds those
// named already.
func StaticFile(dir, p string, e fs.DirEntry, named map[string]bool) (skip bool, problem *Error) {
	name := e.Name()
	switch {
	case inputs.Hidden(name):
		return true, nil
	case e.IsDir():
		return false, nil
	case Leftover(name):
		return true, nil
	case !e.Type().IsRegular():
		return true, &Error{File: JoinPath(dir, escapedName(p)), Msg: special.why(e, "the theme")}
	}
	problem, ok := assetName(dir, p, named)
	return !ok, problem
}

// classify says what the entry at p is. Hidden files and folders
// (see inputs.Hidden) and leftovers are left out. Links and other files
// that are not regular are special: a build that skipped a linked
// folder of articles would publish a site without them.
func classify(p string, e fs.DirEntry) kind {
	name := e.Name()
	switch {
	case p != "." && inputs.Hidden(name):
		if e.IsDir() {
			return skipFolder
		}
		return ignored
	case !e.IsDir() && Leftover(name) || p == SettingsFile:
		return ignored
	case !e.IsDir() && !e.Type().IsRegular():
		return special
	case e.IsDir():
		return ignored
	case !IsMarkdown(p):
		return asset
	case isIntro(p):
		return intro
	}
	return article
}

// IsArticle says whether the file at slash path p of the content folder
// is an article, by its path alone, as a build finds it: a Markdown file
// outside topics/ and regulators/, neither hidden nor in a hidden
// folder, and not a leftover.
func IsArticle(p string) bool {
	return !hiddenPath(p) && !Leftover(path.Base(p)) && IsMarkdown(p) && !isIntro(p)
}

// hiddenPath says whether the file or folder at slash path p is hidden
// or in a hidden folder: a name on its path is hidden (see inputs.Hidden), so
// that a build, which looks in no hidden folder, never finds it.
func hiddenPath(p string) bool {
	for name := range strings.SplitSeq(p, "/") {
		if inputs.Hidden(name) {
			return true
		}
	}
	return false
}

// Leftover says whether a file named name is what editors, merges and
// copies leave beside the files they change, never to be published: a
// backup (name~, .bak, .orig, .rej), a swap or temporary file (.swp,
// .swo, .tmp), Emacs's #name#, or a copy of a Markdown file under
// another extension (a.md.old, a.markdown.2024), which would publish an
// article's source, a draft's or an embargoed one's too.
func Leftover(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(name, "~") || len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") {
		return true
	}
	switch path.Ext(lower) {
	case ".bak", ".orig", ".rej", ".swp", ".swo", ".tmp":
		return true
	}
	// A copy mark is a dot after a dot: most names have one at most, and
	// serve asks of every name after every save.
	if strings.Count(lower, ".") < 2 {
		return false
	}
	for _, mark := range copyMarks {
		if strings.Index(lower, mark) > 0 {
			return true
		}
	}
	return false
}

// copyMarks are what the name of a copy of a Markdown file under another
// extension holds: a Markdown extension with a dot after it.
var copyMarks = func() []string {
	marks := make([]string, len(markdownExts))
	for i, ext := range markdownExts {
		marks[i] = ext + "."
	}
	return marks
}()

// IsMarkdown says whether the file at p is Markdown, by its extension:
// .md, or one of the others that Jekyll and Hugo read (.markdown,
// .mdown, .mkdown, .mkdn, .mkd), in any case. An archive brought from
// them keeps its files' names; a file read as a mere asset would
// publish its front matter, drafts too.
func IsMarkdown(p string) bool {
	return slices.Contains(markdownExts, strings.ToLower(path.Ext(p)))
}

var markdownExts = []string{".md", ".markdown", ".mdown", ".mkdown", ".mkdn", ".mkd"}

// unreadMarkdown says why the file at slash path p, which a build would
// publish as it is, is a Markdown file it should not: its extension is
// one of a kind of Markdown a build does not read (MDX, R Markdown,
// Quarto), or one a build reads with a character after it, as a slip or
// a copy leaves it (.md-, .markdown%20); "" when it is not. Published as
// it is, its front matter and body would be for anyone to read, a
// draft's too.
func unreadMarkdown(p string) string {
	ext := strings.ToLower(path.Ext(p))
	slip := slices.ContainsFunc(markdownExts, func(md string) bool {
		rest, ok := strings.CutPrefix(ext, md)
		r, _ := utf8.DecodeRuneInString(rest)
		return ok && rest != "" && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if !slip && !slices.Contains(unreadMarkdownExts, ext) {
		return ""
	}
	return fmt.Sprintf("a Markdown file of a kind a build does not read as an article (%s), which it would publish as it is, front matter and all, for anyone to read, a draft too: name it .md to publish it as an article, or move it out of the content folder", ext)
}

// unreadMarkdownExts are the extensions of kinds of Markdown a build
// does not read.
var unreadMarkdownExts = []string{".mdx", ".rmd", ".qmd", ".rmarkdown", ".mdwn", ".mdtxt", ".mdtext", ".markdn", ".livemd"}

// textExts are the extensions of plain text, which a build publishes as
// it is, and in which an article may be written by mistake.
var textExts = []string{".txt", ".text"}

// articleInText says why the text file at slash path p of fsys is not
// published as it is: it starts with front matter setting an article's
// fields, which it would publish for anyone to read, a draft's too; nil
// for any other file, such as one that starts with a line of dashes.
// folder is the content folder as editors name it.
func articleInText(fsys fs.FS, folder, p string) *Error {
	if !slices.Contains(textExts, strings.ToLower(path.Ext(p))) {
		return nil
	}
	data, err := readFile(fsys, p)
	if err != nil || openingLine(data) == 0 {
		return nil // one that cannot be read is told when it is copied
	}
	field, line := "", 0
	if doc, ok := parseDoc(data, &decoder{}); ok && doc.root.kind == mapNode {
		for _, k := range doc.root.keys {
			if IsArticleField(k.text) {
				field, line = k.text, doc.line
				break
			}
		}
	} else if !ok {
		// Front matter with a slip in it is an article's still, where a
		// line of it sets an article's field.
		field, line = fieldWritten(data)
	}
	if field == "" {
		return nil
	}
	return &Error{File: JoinPath(folder, p), Line: line, Msg: fmt.Sprintf("a text file that starts with an article's front matter (%s), which a build would publish as it is, front matter and all, for anyone to read, a draft too: name it .md to build it as an article, or take the front matter out to publish it as a file", field)}
}

// fieldLine matches a line of front matter that sets a field: its name,
// then a colon (YAML) or an equals sign (TOML).
var fieldLine = regexp.MustCompile(`^([A-Za-z_]+)[ \t]*[:=]`)

// fieldWritten gives the first of an article's fields that a line of the
// front matter data starts with sets, read line by line, as front matter
// that cannot be read as a whole is, and the line the front matter
// opens on; "" where none does.
func fieldWritten(data []byte) (string, int) {
	open := openingLine(data)
	lines := strings.Split(string(data), "\n")
	for _, l := range lines[min(open, len(lines)):] {
		l = strings.TrimRight(l, "\r")
		if l == "---" || l == "+++" {
			break
		}
		if m := fieldLine.FindStringSubmatch(l); m != nil && IsArticleField(m[1]) {
			return m[1], open
		}
	}
	return "", 0
}

func isIntro(p string) bool {
	dir := path.Dir(p)
	return dir == "topics" || dir == "regulators"
}

// introFolder gives the folder of intro pages, topics or regulators,
// that the article at slash path p lies in a folder of, or "".
func introFolder(p string) string {
	first, rest, _ := strings.Cut(p, "/")
	if (first == "topics" || first == "regulators") && strings.Contains(rest, "/") {
		return first
	}
	return ""
}

// reader reads articles on every core as paths are added, in batches,
// and gives them back in the order they were added.
type reader struct {
	batches []*batch
	last    *batch // the batch being filled, not yet handed out
	work    chan *batch
	wg      sync.WaitGroup
}

// batch is a run of paths handed to one core, and what it read of each:
// those added as read already are left as they are.
type batch struct {
	paths []string
	read  []*Article
	errs  []Errors
}

// batchSize is large enough that handing out batches costs little, and
// small enough that the cores start while the walk goes on.
const batchSize = 64

func readArticles(read func(p string) (*Article, Errors)) *reader {
	r := &reader{work: make(chan *batch, runtime.GOMAXPROCS(0))}
	for range runtime.GOMAXPROCS(0) {
		r.wg.Go(func() {
			for b := range r.work {
				for i, p := range b.paths {
					if b.read[i] == nil {
						b.read[i], b.errs[i] = read(p)
					}
				}
			}
		})
	}
	return r
}

// add reads the article at p, or, where a is not nil, takes a as read
// already. It gives the batch and the place in it where the article
// read will be.
func (r *reader) add(p string, a *Article) (*batch, int) {
	if r.last == nil {
		r.last = &batch{paths: make([]string, 0, batchSize), read: make([]*Article, 0, batchSize), errs: make([]Errors, 0, batchSize)}
		r.batches = append(r.batches, r.last)
	}
	b := r.last
	b.paths, b.read, b.errs = append(b.paths, p), append(b.read, a), append(b.errs, nil)
	if len(b.paths) == batchSize {
		r.work <- b
		r.last = nil
	}
	return b, len(b.paths) - 1
}

// wait waits for every article added, and gives the batches in order.
func (r *reader) wait() []*batch {
	if r.last != nil {
		r.work <- r.last
	}
	close(r.work)
	r.wg.Wait()
	return r.batches
}

func loadArticle(fsys fs.FS, dir, p string, s *Settings, md goldmark.Markdown, c *cacher) (*Article, Errors) {
	if key, ok := c.knownKey("article", p); ok {
		if hit, ok := c.getArticle(key); ok {
			return hit, nil
		}
	}
	a := &Article{File: JoinPath(dir, p), Path: p}
	d := &decoder{file: a.File}
	data, ok := readSource(fsys, p, d)
	if !ok {
		return a, d.errs
	}
	key := c.key("article", p, data)
	if hit, ok := c.getArticle(key); ok {
		return hit, nil
	}
	doc, ok := parseDoc(data, d)
	if !ok {
		return a, d.errs
	}
	a.Line, a.BodyLine, a.Source = doc.line, doc.bodyLine, key
	a.MetaSource = c.key("meta", p, doc.front)
	decodeArticle(d, doc.root, s, a)
	checkPlaceholders(d, a, doc.body)
	if md != nil {
		a.convertBody(md, s.RawHTML, doc, d)
	}
	if len(d.errs) == 0 && md != nil { // an article without its body is not kept
		c.putArticle(key, a)
	}
	return a, d.errs
}

func loadPage(fsys fs.FS, dir, p string, s *Settings, md goldmark.Markdown, c *cacher) (*Page, Errors) {
	name := path.Base(p)
	pg := &Page{File: JoinPath(dir, p), Path: p, Slug: strings.TrimSuffix(name, path.Ext(name))}
	d := &decoder{file: pg.File}
	switch slug := Slug(pg.Slug); {
	case slug == "":
		d.fail(0, "file name %q has no letter or digit to make the page's address from: name it after the %s it introduces", name, strings.TrimSuffix(path.Dir(p), "s"))
	case pg.Slug == "_index":
		kind := strings.TrimSuffix(path.Dir(p), "s")
		example := map[string]string{"topic": "ics-assessments", "regulator": "cqc"}[kind]
		d.fail(0, "file name %q names the page of every %s, which the site makes itself, with no intro: an intro page introduces one %s and is named after it (%s/%s.md, say); remove this file, or move its text into the theme's groups.html", name, kind, kind, path.Dir(p), example)
	case slug != pg.Slug:
		d.fail(0, "file name %q is not a slug: name it %s.md", name, slug)
	}
	if key, ok := c.knownKey("page", p); ok && len(d.errs) == 0 {
		if hit, _, ok := c.get(key); ok && hit.Page != nil {
			return hit.Page, nil
		}
	}
	data, ok := readSource(fsys, p, d)
	if !ok {
		return pg, d.errs
	}
	key := c.key("page", p, data)
	if hit, _, ok := c.get(key); ok && hit.Page != nil && len(d.errs) == 0 {
		return hit.Page, nil
	}
	doc, ok := parseDoc(data, d)
	if !ok {
		return pg, d.errs
	}
	pg.Source = key
	pg.Line, pg.BodyLine = doc.line, doc.bodyLine
	seen := d.each("", doc.root, []string{"title", "summary", "status", "lang", "aliases"}, func(key string, v *node) {
		switch key {
		case "aliases":
			pg.Aliases, _ = aliasPaths(d, key, v)
			pg.AliasesLine = v.line
		case "lang":
			pg.Lang = languageTag(d, key, v)
		case "title":
			pg.Title = d.text(key, v)
		case "summary":
			pg.Summary = d.text(key, v)
		case "status":
			pg.Status, pg.StatusLine = d.text(key, v), v.line
			checkStatus(d, s, key, v, pg.Status)
		}
	})
	d.require("", doc.line, seen, "title")
	if md != nil {
		body := convert(md, s.RawHTML, doc.body, doc.bodyLine, d)
		pg.HTML, pg.Anchors = body.HTML, body.Anchors
	}
	if len(d.errs) == 0 && md != nil {
		c.put(key, Entry{Page: pg}, nil)
	}
	return pg, d.errs
}

// doc is a Markdown file split into front matter and body.
type doc struct {
	root     *node
	front    []byte // the front matter's format, line and bytes: all root is read from
	body     []byte
	line     int // line of the opening delimiter
	bodyLine int
}

type matter struct {
	data   []byte
	format string
}

func capture(format string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		m := v.(*matter)
		m.data, m.format = data, format
		return nil
	}
}

var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", capture("yaml")),
	frontmatter.NewFormat("+++", "+++", capture("toml")),
}

// readSource reads a Markdown file's bytes, refusing one too large.
func readSource(fsys fs.FS, p string, d *decoder) ([]byte, bool) {
	data, err := readFile(fsys, p)
	if err != nil {
		d.fail(0, "can't read the file: %s", unread(err, "file"))
		return nil, false
	}
	if why := oversized(data); why != "" {
		d.fail(0, "%s", why)
		return nil, false
	}
	return data, true
}

// jsonObject matches the start of a file that opens with a JSON object.
var jsonObject = regexp.MustCompile(`^\s*\{\s*["}]`)

// parseDoc splits a Markdown file into front matter and body.
func parseDoc(data []byte, d *decoder) (*doc, bool) {
	if !utf8.Valid(data) {
		d.fail(lineOfInvalidUTF8(data), "file is not valid UTF-8: save it as UTF-8")
		return nil, false
	}
	data = normalize(data)
	var m matter
	rest, err := frontmatter.Parse(bytes.NewReader(shieldIndented(data)), &m, formats...)
	m.data = bytes.ReplaceAll(m.data, []byte(shield), []byte("---"))
	m.data = bytes.ReplaceAll(m.data, []byte(tomlShield), []byte("+++"))
	open := openingLine(data)
	switch {
	case err != nil:
		d.fail(open, "front matter: %v", err)
		return nil, false
	case m.format == "" && open > 0:
		delimiter := strings.TrimSpace(lineAt(data, open))
		if line, r := disguisedDelimiter(data, open, delimiter); line > 0 {
			d.fail(line, "this %s holds an invisible character (%U), so it does not close the front matter opened on line %d: delete the character", delimiter, r, open)
			return nil, false
		}
		d.fail(open, "front matter is never closed: end it with a line of %s", delimiter)
		return nil, false
	case m.format == "" && jsonObject.Match(data):
		// Hugo reads front matter written as a JSON object.
		d.fail(1, "front matter in JSON ({ … }) is not read: write it as YAML, between a line of --- and another, as title: … on lines of their own")
		return nil, false
	case m.format == "":
		if line, r := disguisedDelimiter(data, 0, ""); line > 0 {
			d.fail(line, "this %s holds an invisible character (%U), so it does not start the front matter: delete the character", strings.TrimSpace(string(invisibleLeft([]byte(lineAt(data, line))))), r)
			return nil, false
		}
		d.fail(1, "no front matter: start with a line of --- and close it with another")
		return nil, false
	}
	var root *node
	d.toml = m.format != "yaml"
	if m.format == "yaml" {
		root, err = parseYAML(m.data, open+1, "front matter")
	} else {
		root, err = parseTOML(m.data, open+1)
	}
	if err != nil {
		d.errs = append(d.errs, locate(err, d.file))
		return nil, false
	}
	bodyLine := bytes.Count(data, []byte("\n")) - bytes.Count(rest, []byte("\n")) + 1
	front := append(fmt.Appendf(nil, "%s %d\n", m.format, open), m.data...)
	return &doc{root: root, front: front, body: rest, line: open, bodyLine: bodyLine}, true
}

// shield and tomlShield stand in for a line of --- or +++ indented in
// the front matter while the frontmatter package reads it: it ends the
// front matter at any line that is its delimiter once trimmed, and YAML
// reads an indented --- as text of a block (summary: | …).
const (
	shield     = "\x00-\x00"
	tomlShield = "\x00+\x00"
)

// shieldIndented gives data with each indented delimiter line of its
// front matter, before the line that closes it, shielded.
func shieldIndented(data []byte) []byte {
	open := openingLine(data)
	if open == 0 {
		return data
	}
	out, cloned := data, false
	n, at, delim := 0, 0, ""
	for l := range bytes.Lines(data) {
		n++
		t := string(bytes.TrimSpace(l))
		switch {
		case n == open:
			delim = t
		case n > open && t == delim && l[0] != ' ' && l[0] != '\t':
			return out // the line that closes it: the rest is the body
		case n > open && t == delim:
			if !cloned {
				out, cloned = slices.Clone(data), true
			}
			copy(out[at+bytes.Index(l, []byte(delim)):], shields[delim])
		}
		at += len(l)
	}
	return out
}

var shields = map[string]string{"---": shield, "+++": tomlShield}

// readFile reads at most one byte more than MaxFileSize, so an oversized
// file is detected without holding all of it in memory.
func readFile(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read in one piece where the size is known, rather than growing a
	// buffer to it; a file that grows meanwhile is still read whole.
	buf := bytes.NewBuffer(nil)
	if info, err := f.Stat(); err == nil && info.Size() <= MaxFileSize {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	return buf.Bytes(), err
}

// unread says why err kept the file or folder, what names which, from
// being read, and what to do where an editor can do something: a path
// longer than the system reads is shortened.
func unread(err error, what string) string {
	if errors.Is(err, syscall.ENAMETOOLONG) {
		return fmt.Sprintf("its path is longer than the system reads (%v): shorten the names of the folders on it, or the %s's own", withoutPath(err), what)
	}
	return withoutPath(err).Error()
}

// withoutPath drops the path from a file system error, since the message
// it goes into already starts with the file's name.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// normalize drops a byte-order mark and turns CRLF and lone CR line ends
// into LF. CommonMark and YAML end a line at a lone CR too, but goldmark
// does not, and our line numbers count LFs.
func normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data
}

// openingLine is the line of a front matter delimiter that opens the
// file, or 0 when the file does not open with one.
func openingLine(data []byte) int {
	i := 0
	for l := range bytes.Lines(data) {
		i++
		switch string(bytes.TrimSpace(l)) {
		case "":
			continue
		case "---", "+++":
			return i
		}
		return 0
	}
	return 0
}

// disguisedDelimiter finds a line that reads as a delimiter of front
// matter but for an invisible character in it (a second byte-order mark,
// a zero-width space), which an editor shows as the delimiter itself:
// after line open, the first line that is delimiter so; with open 0, the
// first line that is not blank, if it is "---" or "+++" so. It gives
// the line and the first invisible character, or 0.
func disguisedDelimiter(data []byte, open int, delimiter string) (int, rune) {
	i := 0
	for l := range bytes.Lines(data) {
		i++
		if i <= open {
			continue
		}
		seen := string(bytes.TrimSpace(invisibleLeft(l)))
		if open == 0 && seen == "" {
			continue
		}
		if seen == delimiter || open == 0 && (seen == "---" || seen == "+++") {
			if j := bytes.IndexFunc(l, invisible); j >= 0 {
				r, _ := utf8.DecodeRune(l[j:])
				return i, r
			}
		}
		if open == 0 {
			return 0, 0
		}
	}
	return 0, 0
}

// invisible reports whether r is a character an editor shows as nothing:
// a format character (a byte-order mark, a zero-width space).
func invisible(r rune) bool { return unicode.Is(unicode.Cf, r) }

// invisibleLeft is line without its invisible characters.
func invisibleLeft(line []byte) []byte {
	return bytes.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, line)
}

func lineAt(data []byte, n int) string {
	lines := strings.SplitN(string(data), "\n", n+1)
	if n-1 < len(lines) {
		return lines[n-1]
	}
	return ""
}

func lineOfInvalidUTF8(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
