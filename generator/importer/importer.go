// Package importer converts the posts of an existing site into
// bulletin's content folder: a Jekyll site (its _posts folders), a Hugo
// site (its content folder) or a WordPress export file (WXR, as Tools →
// Export writes it).
//
// It takes Options naming the source and the content folder, and gives
// back a Report: how many posts it read and wrote, and every post it
// skipped and everything it could not carry over exactly, each with the
// file and line (or export item) it came from. Each post becomes one
// Markdown file, articles/YYYY/YYYY-MM-DD-slug.md, whose front matter
// follows bulletin's schema: tags and categories become topics, or
// regulators when Options names them; the old slug is kept where bulletin
// takes it; each old address becomes an alias, so old links still
// answer; a WordPress guid or a Hugo permalink is kept as the feed id, so
// feed readers see no post twice. Drafts stay drafts; private and
// password-protected posts are left out. Topics need no page of their
// own, so none is written. The importer writes nothing outside the
// content folder, never replaces a file, and gives the same bytes for the
// same source every time.
//
// Checking the imported articles against the rest of the site (links to
// pages the site lacks, addresses that clash with articles already
// there) is left to bulletin's check.
package importer

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// DefaultMaxSize is the largest source file read when Options.MaxSize is
// zero: far more than a real export, and little enough to read in memory.
const DefaultMaxSize = 512 << 20

// The formats Run reads.
const (
	Jekyll    = "jekyll"
	Hugo      = "hugo"
	WordPress = "wordpress"
)

// Options says what to import and where.
type Options struct {
	Source string // a Jekyll or Hugo site folder, or a WordPress export (.xml)
	Format string // Jekyll, Hugo, WordPress, or "" to tell from the source
	Dest   string // the content folder to write into, e.g. "content"
	// Regulators names the tags and categories to make regulators rather
	// than topics, compared without regard to case and written as given here.
	Regulators []string
	// Zone is the time zone of dates written without an offset. Nil means
	// the source's own setting (Jekyll's timezone, Hugo's timeZone), else
	// the time_zone of Dest's site.yaml, else bulletin's default,
	// Europe/London.
	Zone *time.Location
	// MaxSize bounds each source file in bytes; zero means DefaultMaxSize.
	MaxSize int64

	siteRegulators map[string]string // see regulatorsOf
}

// Report says what an import did.
type Report struct {
	Format   string
	Read     int    // posts (and other export items) looked at
	Written  int    // articles written
	Drafts   int    // of those written, how many are drafts
	Skipped  []Note // each post not written, and why
	Warnings []Note // what was carried over, but not exactly
	Moved    []Move // each old address of each article written, in source order
	Copied   int    // files the articles link to, copied from the source
	Aliases  int    // old addresses the articles written keep as aliases
	// Feeds are the site paths of the old site's feeds (the whole
	// site's, each language's, each section's) that site.yaml's
	// feed_aliases do not keep yet.
	Feeds []string
}

// Note is one remark about one source file, or one item of an export.
type Note struct {
	Source string // the file, as named by Options.Source and the path inside
	Line   int    // 0 when the note is about the whole file
	Msg    string
	// Item is the id of the export's item the note is about, for an
	// export of many posts; "" otherwise.
	Item string
	// Problem marks a post left out because its source is broken (no
	// title or date, front matter that cannot be read) or its article
	// cannot be written, rather than by choice (a draft page, a private
	// post).
	Problem bool
	// Before marks a post left out as imported before.
	Before bool
	// Routine names, for a note of what became its like as the old site
	// showed it (a figure an image), the notes of its kind, which the
	// printed report counts in one line: "Hugo shortcodes became images".
	Routine string
	// Items is how many items of the source a skip stands for, when it
	// tells of more than one in one note ("5 attachments"); 0 for one.
	Items int
	// minor marks a skip of what no site keeps its posts as, a
	// section's list page, say, which Nothing does not name as why
	// nothing was written.
	minor bool
}

func (n Note) String() string {
	if n.Line == 0 {
		return n.Source + ": " + n.Msg
	}
	return fmt.Sprintf("%s:%d: %s", n.Source, n.Line, n.Msg)
}

// Move is an old address of a post and its new URL. From is a site path,
// and may carry a query (WordPress's /?p=12), which a static site cannot
// answer: a server rewrite can use these.
type Move struct {
	From, To string
}

// skippedItems counts the items of the source left out: read less
// written.
func (r Report) skippedItems() int {
	n := 0
	for _, s := range r.Skipped {
		n += max(1, s.Items)
	}
	return n
}

// Problems counts the posts left out because their source is broken or
// their article cannot be written.
func (r Report) Problems() int {
	n := 0
	for _, s := range r.Skipped {
		if s.Problem {
			n++
		}
	}
	return n
}

// Nothing says why an import wrote no article, where it read posts or
// pages, none of them was imported before, and none was left out for a
// problem (which fails an import already): each was left out by the
// rule its skip names, and the rule that left out the most is named.
// An import that keeps none of a site must not pass for one that kept
// it all: a site of documentation alone, or of another generator read
// as Hugo's, gives no post. It gives "" for any other import.
// skipLabel matches the post a skip's message starts by naming, as a
// WordPress export's skips do (page 2 "About us": ).
var skipLabel = regexp.MustCompile(`^(?:page|post|item) \S+ "(?:[^"\\]|\\.)*": `)

func (r Report) Nothing() string {
	if r.Read == 0 || r.Written > 0 || r.Problems() > 0 || slices.ContainsFunc(r.Skipped, func(n Note) bool { return n.Before }) {
		return ""
	}
	// Skips are grouped by their reason, the message without the post
	// it names, each counting the pages it stands for.
	type reason struct {
		first       Note
		pages, told int
	}
	reasons := map[string]*reason{}
	var most *reason
	for _, n := range r.Skipped {
		key := skipLabel.ReplaceAllString(n.Msg, "")
		g := reasons[key]
		if g == nil {
			g = &reason{first: n}
			reasons[key] = g
		}
		g.pages += max(1, n.Items)
		g.told++
		if most == nil || most.first.minor && !g.first.minor || most.first.minor == g.first.minor && g.pages > most.pages {
			most = g
		}
	}
	why := ""
	if most != nil {
		why = ", chiefly this one: " + most.first.String()
		if most.told > 1 {
			why += fmt.Sprintf(" (and %d more like it)", most.told-1)
		}
	}
	read := fmt.Sprintf("none of the %d pages read is", r.Read)
	switch {
	case r.Format == WordPress && r.Read == 1:
		read = "the one item of the export is not"
	case r.Format == WordPress:
		read = fmt.Sprintf("none of the %d items of the export is", r.Read)
	case r.Read == 1:
		read = "the one page read is not"
	}
	return fmt.Sprintf("wrote no article: %s a post it takes, for the reasons given above%s; nothing was imported: a site of documentation alone has no posts for a bulletin, and if this one's posts are among them, give them what the notes say they lack (a date, say) and import again", read, why)
}

// Print writes the report for a reader: the counts, then every skip and
// every warning with its source (the posts imported before counted in one
// line), then the old addresses with a query (WordPress's /?p=12), each
// with its new URL, for a server's redirects.
func (r Report) Print(w io.Writer) {
	aliases := r.Aliases
	drafts := ""
	if r.Drafts > 0 {
		drafts = fmt.Sprintf(" (%d %s)", r.Drafts, plural(r.Drafts, "draft", "drafts"))
	}
	copied := ""
	if r.Copied > 0 {
		copied = fmt.Sprintf("; copied %d %s they link to", r.Copied, plural(r.Copied, "file", "files"))
	}
	fmt.Fprintf(w, "%s: read %d, wrote %d%s, skipped %d; kept %d old %s as aliases%s\n",
		r.Format, r.Read, r.Written, drafts, r.skippedItems(), aliases, plural(aliases, "address", "addresses"), copied)
	for _, part := range []struct {
		title string
		notes []Note
	}{{"skipped", r.Skipped}, {"warnings", r.Warnings}} {
		if len(part.notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n", part.title)
		before := 0
		routine := map[string][]Note{}
		for _, n := range part.notes {
			switch {
			case n.Before:
				before++
			case n.Routine != "":
				if routine[n.Routine] = append(routine[n.Routine], n); len(routine[n.Routine]) == 1 {
					fmt.Fprintf(w, "  %s\n", n)
				}
			default:
				fmt.Fprintf(w, "  %s\n", n)
			}
		}
		for _, kind := range slices.Sorted(maps.Keys(routine)) {
			if more := len(routine[kind]) - 1; more > 0 {
				fmt.Fprintf(w, "  and %d more %s, as the old site showed them (the first above)\n", more, kind)
			}
		}
		if before > 0 {
			fmt.Fprintf(w, "  %d %s imported before, found in the content folder: not imported again\n", before, plural(before, "post", "posts"))
		}
	}
	var queries []Move
	for _, m := range r.Moved {
		if strings.Contains(m.From, "?") {
			queries = append(queries, m)
		}
	}
	if len(queries) > 0 {
		fmt.Fprintln(w, "old addresses for a server redirect, old and new (a static site answers them with its home page):")
		for _, m := range queries {
			fmt.Fprintf(w, "  %s %s\n", m.From, m.To)
		}
	}
	if len(r.Feeds) > 0 {
		list := strings.Join(r.Feeds, ", ")
		fmt.Fprintf(w, "the old site's %s at %s, and bulletin's is at /feed.xml: for %s subscribers to follow, list %s in feed_aliases in site.yaml (feed_aliases: [%s])\n",
			plural(len(r.Feeds), "feed was", "feeds were"), list, plural(len(r.Feeds), "its", "their"), list, list)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Run imports the posts of o.Source into o.Dest. Problems with single
// posts (a broken front matter, a missing date, a file already there) are
// notes in the report, and the rest goes on. Run returns an error only
// when the source or the destination cannot be used at all: either is
// missing or unreadable, the source is no site or export it knows, a
// site's settings file is broken (they decide the old addresses), or an
// export is too large, not well-formed XML, or declares entities.
func Run(o Options) (Report, error) {
	r := Report{}
	if o.Source == "" || o.Dest == "" {
		return r, errors.New("importer: give both a source and a destination folder")
	}
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	// The articles go into a folder: a file there stops the import
	// before it reads anything.
	switch info, err := os.Stat(o.Dest); {
	case err == nil && !info.IsDir(), errors.Is(err, syscall.ENOTDIR):
		return r, fmt.Errorf("%s is a file, or in one, not a folder: give the content folder to write the articles into", o.Dest)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return r, fmt.Errorf("can't use %s as the content folder: %w", o.Dest, err)
	}
	format, err := detect(o.Source, o.Format, o.MaxSize)
	if err != nil {
		return r, err
	}
	r.Format = format
	settings := destSettings(o.Dest)
	o.siteRegulators = regulatorsOf(settings)
	var src *source
	switch format {
	case Jekyll:
		src, err = readJekyll(&o)
	case Hugo:
		src, err = readHugo(&o)
	case WordPress:
		src, err = readWordPress(&o)
	}
	if err != nil {
		return r, err
	}
	siteLanguage(src, settings)
	r.Read = src.read
	r.Skipped, r.Warnings = src.skipped, src.warnings
	if note := underPath(src.site, settings); note != "" {
		r.Warnings = append(r.Warnings, Note{Source: o.Source, Msg: note})
	}
	for _, f := range src.feeds {
		// An old feed at /feed.xml is at bulletin's own: its subscribers
		// follow it there without a word.
		if f != "/feed.xml" && (settings == nil || !slices.Contains(settings.FeedAliases, f)) {
			r.Feeds = append(r.Feeds, f)
		}
	}
	w, err := newWriter(o.Dest)
	if err != nil {
		return r, err
	}
	defer w.close()
	ix := plan(src, &o, &r, held(o.Dest))
	linked := map[string]bool{} // the files of the source that articles link to
	var srcRoot *os.Root
	if src.file != nil {
		if srcRoot, err = os.OpenRoot(o.Source); err != nil {
			return r, fmt.Errorf("importer: %w", err)
		}
		defer srcRoot.Close()
	}
	for _, p := range src.posts {
		if p.before != "" {
			// Imported before: what its body links to was copied then, and
			// its notes were given then.
			markLinked(src.file, p, src.body(p, ix, &Report{}), linked)
		}
		if p.skip {
			continue
		}
		// What the post's conversion tells waits until it is known not
		// to have been imported before.
		told := &Report{}
		body := src.body(p, ix, told)
		data, err := article(p, body, &o, told)
		if err == nil && w.holds(p.out, data) {
			// Imported before, with no id to find it by: its article is
			// as this import would write it.
			r.Skipped = append(r.Skipped, importedBefore(p.note(0, fmt.Sprintf("imported before: %s is as this import writes it; not imported again", filepath.Join(o.Dest, filepath.FromSlash(p.out))))))
			p.before = p.out
			markLinked(src.file, p, body, linked)
			continue
		}
		r.Warnings = append(r.Warnings, told.Warnings...)
		if err == nil && settings != nil {
			r.Warnings = append(r.Warnings, refusedAs(p, data, settings, o.Dest)...)
		}
		if err != nil {
			n := p.note(0, err.Error())
			n.Problem = true
			r.Skipped = append(r.Skipped, n)
			markLinked(src.file, p, body, linked)
			continue
		}
		if note, failed := w.write(p.out, data); note != "" {
			n := p.note(0, note)
			n.Problem = failed
			r.Skipped = append(r.Skipped, n)
			markLinked(src.file, p, body, linked)
			continue
		}
		if src.file != nil {
			copyLinked(srcRoot, w, src.file, p, body, o.MaxSize, linked, &r)
			copyFeatured(srcRoot, w, src.file, p, o.Dest, o.MaxSize, linked, &r)
		}
		r.Written++
		r.Aliases += len(p.aliases)
		if p.draft || p.unlisted != "" {
			r.Drafts++
		}
		for _, old := range p.old {
			r.Moved = append(r.Moved, Move{From: old, To: p.url})
		}
	}
	unlinked(src.bundled, linked, o.Source, &r)
	var now []*post // the posts this run tells of
	for _, p := range src.posts {
		if p.before == "" && !p.skip {
			now = append(now, p)
		}
	}
	for _, tally := range append(src.tallies, otherCalendar) {
		r.Warnings = append(r.Warnings, tally(now)...)
	}
	comments, pings := 0, 0
	for _, p := range now {
		comments, pings = comments+p.comments, pings+p.pings
	}
	if comments+pings > 0 {
		var what []string
		if comments > 0 {
			what = append(what, fmt.Sprintf("%d approved %s", comments, plural(comments, "comment", "comments")))
		}
		if pings > 0 {
			what = append(what, fmt.Sprintf("%d %s", pings, plural(pings, "pingback", "pingbacks")))
		}
		r.Warnings = append(r.Warnings, Note{Source: o.Source, Msg: fmt.Sprintf("%s on the posts imported, not imported: a bulletin site shows none; keep the export if they matter", strings.Join(what, " and "))})
	}
	for _, name := range unmatched(o.Regulators, src.posts) {
		r.Warnings = append(r.Warnings, Note{Source: o.Source, Msg: fmt.Sprintf("-regulator %q matches no tag or category of any post, so no post has it as a regulator: check its spelling against the old site's tags", name)})
	}
	// What reading the posts imported before told was told then.
	r.Warnings = quietBefore(r.Warnings, src.posts)
	if n, ok := leftOverNote(src.posts, o.Source); ok {
		r.Warnings = append(r.Warnings, n)
	}
	sortNotes(r.Skipped)
	sortNotes(r.Warnings)
	return r, nil
}

// unmatched gives the names given with -regulator that no post's tag or
// category matches.
func unmatched(names []string, posts []*post) []string {
	var out []string
	for _, name := range names {
		found := false
		for _, p := range posts {
			for _, n := range slices.Concat(p.regs, p.names) {
				if regulator(strings.Join(strings.Fields(n), " "), []string{name}, nil) != "" {
					found = true
				}
			}
		}
		if !found {
			out = append(out, name)
		}
	}
	return out
}

// quietBefore leaves out the warnings about posts imported before (see
// keepID), which were given then: those at a post's own file, or, for
// an item of an export, those about the item.
func quietBefore(warnings []Note, posts []*post) []Note {
	files, items := map[string]bool{}, map[[2]string]bool{}
	for _, p := range posts {
		switch {
		case p.before == "":
		case p.item == "":
			files[p.file] = true
		default:
			items[[2]string{p.file, p.item}] = true
		}
	}
	return slices.DeleteFunc(warnings, func(n Note) bool {
		return files[n.Source] || n.Item != "" && items[[2]string{n.Source, n.Item}]
	})
}

// sortNotes orders notes by source, then line, keeping the order they
// were made in otherwise.
func sortNotes(ns []Note) {
	slices.SortStableFunc(ns, func(a, b Note) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), cmp.Compare(a.Line, b.Line))
	})
}

// detect tells the format of the source, or checks the one given.
func detect(src, format string, maxSize int64) (string, error) {
	info, err := os.Stat(src)
	if err != nil {
		return "", fmt.Errorf("importer: can't read %s: %w", src, withoutPath(err))
	}
	switch format {
	case Jekyll, Hugo:
		if !info.IsDir() {
			return "", fmt.Errorf("importer: %s: a %s site is a folder, and this is a file", src, format)
		}
		return format, nil
	case WordPress:
		if info.IsDir() {
			return "", fmt.Errorf("importer: %s: a WordPress export is a file (Tools → Export), and this is a folder", src)
		}
		return format, nil
	case "":
	default:
		return "", fmt.Errorf("importer: format %q: use %s, %s or %s", format, Jekyll, Hugo, WordPress)
	}
	if !info.IsDir() {
		if strings.EqualFold(filepath.Ext(src), ".xml") {
			return WordPress, nil
		}
		return "", notAnExport(src, maxSize)
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(src, n)); err == nil {
				return true
			}
		}
		return false
	}
	hasAll := func(names ...string) bool {
		for _, n := range names {
			if !has(n) {
				return false
			}
		}
		return true
	}
	for _, other := range otherSystems {
		if hasAll(other.all...) && has(other.any...) && !has("_posts") && !has(hugoConfigs...) {
			return "", refuse(src, other.name, other.permalink, other.advice)
		}
	}
	if has("pelicanconf.py", "publishconf.py") && !has("_posts") && !has(hugoConfigs...) {
		return "", pelican(src)
	}
	if !has("_posts") && !has(hugoConfigs...) && isHexo(src, maxSize) {
		return "", refuse(src, "a Hexo", "", "")
	}
	if !has("_posts") && isZola(src, maxSize) {
		return "", refuse(src, "a Zola", "", zolaAdvice)
	}
	switch {
	case has("_config.yml", "_config.yaml", "_config.toml", "_posts"):
		return Jekyll, nil
	case has(hugoConfigs...) || has("config/_default", "archetypes"):
		return Hugo, nil
	}
	if exports, _ := filepath.Glob(filepath.Join(src, "*.xml")); len(exports) > 0 {
		return "", fmt.Errorf("importer: %s: neither a Jekyll site (no _config.yml or _posts) nor a Hugo site (no hugo.toml or config.toml); for a WordPress export, give the file: -from %s", src, exports[0])
	}
	if hasAll("posts", "profile/profile.html") && !has("_posts") {
		return "", fmt.Errorf("importer: %s: a Medium export, which import does not read: it reads Jekyll and Hugo sites, and WordPress exports", src)
	}
	if holdsMarkdown(src) {
		return "", fmt.Errorf("importer: %s: a folder of Markdown files with no site's settings (no _config.yml, hugo.toml or config.toml), which import does not read as a site: if they are posts with front matter, %s", src, asJekyll("", ""))
	}
	return "", fmt.Errorf("importer: %s: neither a Jekyll site (no _config.yml or _posts) nor a Hugo site (no hugo.toml or config.toml): give -format", src)
}

// otherMarkup says, for a page whose name ends in ext (lower case), in
// a markup import does not read, that it is not imported and how it may
// be; "" for any other ending.
func otherMarkup(ext string) string {
	switch ext {
	case ".mdx":
		return "a page in MDX, Markdown with JSX components, which this importer does not read: not imported; if it uses no components, rename it .md and import again, else write them in Markdown first"
	case ".org", ".adoc", ".asciidoc", ".rst", ".pdc", ".pandoc":
		return fmt.Sprintf("a page in %s, which this importer does not read (only Markdown and HTML): not imported; convert it to Markdown first (pandoc -t gfm)", ext)
	}
	return ""
}

// within says whether the folder at p is dir or inside it.
func within(p, dir string) bool {
	_, ok := inside(p, dir)
	return ok
}

// inside gives the path of p from dir, by their absolute paths, when p
// is dir or inside it.
func inside(p, dir string) (string, bool) {
	ap, err1 := filepath.Abs(p)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(ad, ap)
	return rel, err == nil && filepath.IsLocal(rel)
}

// holdings are the articles already in the content folder: an import
// moving an archive into a live bulletin must not take their URLs, and
// must not write again a post imported before.
type holdings struct {
	urls map[string]string      // each URL and alias, folded, to its file as messages name it
	ids  map[string]heldArticle // by the id set in its front matter
	// drafts are the drafts' files by title and slug, to know an undated
	// draft imported before, whose date its file's time gave.
	drafts map[string]string
	feeds  []string // the feed's old addresses, as feed_aliases keeps them
}

// heldArticle is an article already in the content folder.
type heldArticle struct {
	file string // as messages name it
	url  string
}

// draftKey is how holdings find a draft: by its title and slug.
func draftKey(title, slug string) string { return title + "\x00" + slug }

// held reads the holdings of the content folder dest. Articles with
// problems count too, where their date and slug, or their id, can be
// read.
func held(dest string) holdings {
	h := holdings{urls: map[string]string{}, ids: map[string]heldArticle{}, drafts: map[string]string{}}
	set, _ := content.LoadFrontMatter(os.DirFS(dest), dest)
	if set == nil {
		return h
	}
	h.feeds = set.Settings.FeedAliases
	for _, a := range slices.Concat(set.Articles, set.Refused) {
		if a.Draft {
			h.drafts[draftKey(a.Title, a.Slug)] = a.File
		}
		if a.Slug == "" || a.Date.IsZero() {
			if a.ID != "" {
				h.ids[a.ID] = heldArticle{file: a.File}
			}
			continue
		}
		url := site.ArticleURL(a)
		if a.ID != "" {
			h.ids[a.ID] = heldArticle{file: a.File, url: url}
		}
		h.urls[content.Fold(url)] = a.File
		for _, al := range a.Aliases {
			h.urls[content.Fold(strings.TrimSuffix(al, "/")+"/")] = a.File
		}
	}
	return h
}
