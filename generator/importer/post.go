package importer

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"bulletin/generator/content"
)

// source is what a reader found: the posts in source order and the notes
// it made, and how to turn a post's body into Markdown once every post's
// new URL is known, so that links between posts can follow them.
type source struct {
	posts    []*post
	read     int
	skipped  []Note
	warnings []Note
	body     func(p *post, ix *index, r *Report) string
	file     linkedFile // where the files posts link to are; nil for none
	bundled  []string   // the files of page bundles besides their pages, in path order
	site     string     // the address the old site was published at, as its settings give it; "" when they do not
	feeds    []string   // the site paths of the old site's feeds, which are not bulletin's own
	// oneLanguage are the old site's feeds of one language's posts,
	// other than its default language's: bulletin's holds every
	// language's, so they are told of, not named for feed_aliases.
	oneLanguage []string
	// pages are the old addresses of the pages read that are no posts
	// (a Hugo site's about page), by the keys a ref names them by.
	pages map[string]string
	// lang is the language the old site's settings give its posts, and
	// langSetting the setting that gives it, in the file langFile; ""
	// when they give none.
	lang, langSetting, langFile string
	// tallies tell of many posts in one note each, of the posts imported
	// in this run: those imported before were told of then.
	tallies []func(posts []*post) []Note
}

func (s *source) skip(file string, line int, format string, args ...any) {
	s.skipped = append(s.skipped, Note{Source: file, Line: line, Msg: oneLine(fmt.Sprintf(format, args...))})
}

// fail is skip for a post whose source is broken.
func (s *source) fail(file string, line int, format string, args ...any) {
	s.skipped = append(s.skipped, Note{Source: file, Line: line, Msg: oneLine(fmt.Sprintf(format, args...)), Problem: true})
}

func (s *source) warn(file string, line int, format string, args ...any) {
	s.warnings = append(s.warnings, Note{Source: file, Line: line, Msg: oneLine(fmt.Sprintf(format, args...))})
}

// post is one post as read, in bulletin's terms.
type post struct {
	file     string // the source file, for notes
	line     int    // the line of its front matter, or of its export item
	label    string // how notes name an export item: post 12 "Hello"
	comments int    // the readers' comments it had, which are not imported
	pings    int    // the pingbacks and trackbacks it showed, which are not imported
	title    string
	summary  string // as the source gives it; made from the body if empty
	// literal says the body's Liquid is its text, as a Jekyll post's
	// render_with_liquid: false has Jekyll 4 publish it.
	literal bool
	// excerpted says the summary is the text before the body's <!--more-->
	// or excerpt separator, not one written as a summary.
	excerpted bool
	featured  string // the address of a WordPress post's featured image, which is not carried over
	sticky    bool   // a WordPress post kept at the top of the blog's home page, which is not carried over
	// terms are a WordPress post's terms of taxonomies other than
	// categories and tags, by taxonomy, which are not carried over.
	terms   map[string][]string
	date    time.Time
	day     bool // the source gave a day without a time
	updated time.Time
	upDay   bool     // updated is a day without a time
	slug    string   // the old slug, as the source has it
	names   []string // tags, categories and other taxonomies, in source order
	regs    []string // what the source names as regulators: a regulators field or taxonomy
	lang    string   // the language it is written in, as the source's lang field gives it
	authors []string
	sources []link // what the post reports on, as a link post names it
	draft   bool
	// unlisted says why the old site kept it off its lists (see
	// unlisted): published, it keeps its addresses and feed id, and is
	// written as a draft, since bulletin lists every article it
	// publishes.
	unlisted string
	id       string
	old      []string // old addresses as site paths, oldest first
	keys     []string // the names other posts link to it by
	source   string   // the path of its file in the site, where links between files find it
	raw      string   // the body as the source has it
	bodyLine int      // the line raw starts on
	html     bool     // raw is HTML, not Markdown
	bundle   string   // for a Hugo page bundle's page, its folder in the source
	folder   string   // for another Hugo page, the folder of its file in the source, where a file it links to by a relative path may be
	media    string   // for a Jekyll post, Chirpy's media_subpath (img_path before Chirpy 7), the folder its images' relative paths start from
	home     string   // for a Hugo page, the address its site or language was published at, when known
	undated  bool     // a draft dated by its file's last change, which a checkout changes
	item     string   // a WordPress post's id in its export
	front    fields   // its front matter, which its Liquid may show ({{ page.image }}), and Hugo's param shortcode
	params   fields   // a Hugo site's params, which its param shortcode shows where the post has no such field
	inline   bool     // the Hugo site enables the inline shortcodes its pages define
	// images are a Hugo page's featured images, which its theme showed
	// beside it, and bulletin's does not: copied, and told of.
	images []featuredImage

	// Set by plan.
	skip               bool
	before             string // the file of the article an earlier import wrote of it, if its id is there
	url                string // the new URL
	out                string // the file to write, slash-separated, inside Dest
	aliases            []string
	topics, regulators []string
	unused             []string // front matter fields not carried over
}

// lastChange gives p the last change that value, its field key on line,
// gives, read in zone, a day without a time falling in site's zone. A value
// that is no date, or is before p's date, is left out with a warning:
// bulletin's updated is a date on or after the publication date.
func (s *source) lastChange(p *post, key, value string, line int, zone, site *time.Location) {
	t, day, err := parseDate(value, zone)
	if err != nil {
		s.warn(p.file, line, "%s: %v: left out, so the article has no updated date", key, err)
		return
	}
	switch t = onDay(t, day, site); {
	case t.After(p.date):
		p.updated, p.upDay = t, day
	case t.Before(p.date):
		s.warn(p.file, line, "%s %s is before the post's date, %s: left out, as bulletin's updated must be on or after the publication date", key, value, date(p.date, p.day, site).Value)
	}
}

// note makes a note about the post, at line or else at the post's own
// line, on one line of the report: a tag it quotes that is written over
// two lines ({{< gh\n"@name" >}}) is shown on one, its line breaks as
// spaces.
func (p *post) note(line int, msg string) Note {
	if line == 0 {
		line = p.line
	}
	if p.label != "" {
		msg = p.label + ": " + msg
	}
	return Note{Source: p.file, Line: line, Msg: oneLine(msg), Item: p.item}
}

// lineBreaks matches a line break with the spaces around it.
var lineBreaks = regexp.MustCompile(`[ \t]*\r?\n\s*`)

// oneLine gives msg with each line break, and the spaces around it, as
// one space.
func oneLine(msg string) string {
	return lineBreaks.ReplaceAllString(msg, " ")
}

// repeated tells each kind of warning once a post: the first of a kind
// keeps its line and says how many more of it follow, as "Hugo
// shortcode {{< katex >}} kept as text (and 9 more below)".
type repeated struct {
	seen map[string]*folded
}

// folded is a warning told once for its kind.
type folded struct {
	at   int    // its index in r.Warnings
	msg  string // as first told
	more int
}

// warn adds n to r's warnings, unless a warning of its kind was added
// before, which then counts it.
func (f *repeated) warn(r *Report, kind string, n Note) {
	if k := f.seen[kind]; k != nil {
		k.more++
		r.Warnings[k.at].Msg = fmt.Sprintf("%s (and %d more below)", k.msg, k.more)
		return
	}
	if f.seen == nil {
		f.seen = map[string]*folded{}
	}
	f.seen[kind] = &folded{at: len(r.Warnings), msg: n.Msg}
	r.Warnings = append(r.Warnings, n)
}

// importedBefore marks n as the note of a post imported before.
func importedBefore(n Note) Note {
	n.Before = true
	return n
}

// index finds posts by the names other posts link to them by.
type index struct {
	keys map[string]*post // nil for a name two posts answer to
	// shared holds the posts that answer to each name two or more
	// answer to, in the order they were indexed.
	shared map[string][]*post
	// here holds the site paths of this site's pages, folded (see
	// content.Fold): the URLs and aliases of the posts imported, and of
	// the articles the content folder has.
	here map[string]bool
	// pages are the source's (see source.pages).
	pages map[string]string
	// dest is the content folder, whose files the site publishes.
	dest string
	// feeds are the old addresses of the site's feed, which feed_aliases
	// in site.yaml keeps, or will once the report is followed.
	feeds []string
}

func (ix *index) find(key string) *post {
	return ix.keys[key]
}

// sharing gives the posts that answer to key where two or more do, as
// find finds none of them; nil where one or none does.
func (ix *index) sharing(key string) []*post {
	return ix.shared[key]
}

// plan gives each post its slug, URL, file, aliases, topics and
// regulators, making sure no two posts of the import claim one address,
// and indexes them for links between posts.
func plan(src *source, o *Options, r *Report, held holdings) *index {
	claimed := map[string]*post{} // by content.Fold of the URL or alias
	files := map[string]bool{}
	ids := map[string]*post{} // by the feed id kept
	// taken says whether an article already in the content folder holds
	// a URL: one that is not the file this post would be written as, by
	// an earlier import of it. A post with a feed id that no article
	// there has (see keepID) was not imported before: the file at its
	// name is an editor's own article, which holds the URL.
	taken := func(url, slug string, local time.Time, id string) string {
		if f, ok := held.urls[content.Fold(url)]; ok && (f != content.JoinPath(o.Dest, articleFile(local, baseName(local, slug))) || id != "") {
			return f
		}
		return ""
	}
	// Posts in the site's own language claim their addresses first; a
	// translation that shares one takes its language after its slug.
	order := slices.Clone(src.posts)
	translation := func(p *post) int {
		if p.lang == "" {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(order, func(a, b *post) int { return translation(a) - translation(b) })
	for _, p := range order {
		if p.draft {
			// Never published, so it had no address to keep, and no
			// feed entry whose id to keep.
			p.old, p.id = nil, ""
		}
		if y := p.date.In(o.Zone).Year(); y < 1000 || y > 9999 {
			// A build refuses a year before 1000 as a typing mistake,
			// and an address cannot hold one after 9999.
			p.skip = true
			n := p.note(0, fmt.Sprintf("dated %s, outside the years 1000 to 9999 a build reads: not imported; correct its date", p.date.In(o.Zone).Format(time.DateOnly)))
			n.Problem = true
			r.Skipped = append(r.Skipped, n)
			continue
		}
		if !keepID(p, ids, held, r) {
			p.skip = true
			continue
		}
		slug, msg := newSlug(p.slug, p.title, p.date)
		if f := held.drafts[draftKey(p.title, slug)]; p.draft && f != "" {
			// A draft keeps no id: the same title and slug is the same
			// draft, imported before, its file renamed or its date from
			// its file's time, which a new checkout changes.
			r.Skipped = append(r.Skipped, importedBefore(p.note(0, fmt.Sprintf("imported before: %s is this draft, with its title and slug; not imported again", f))))
			p.skip, p.before = true, f
			continue
		}
		if slug == "" {
			p.skip = true
			n := p.note(0, msg)
			n.Problem = true
			r.Skipped = append(r.Skipped, n)
			continue
		}
		if msg != "" {
			r.Warnings = append(r.Warnings, p.note(0, msg))
		}
		if p.unlisted != "" && !p.draft {
			r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%s: the old site kept it off its lists, its page at its address; bulletin lists every article it publishes, so it is imported as a draft, keeping its addresses and feed id: delete draft: true to publish it, listed", p.unlisted)))
		}
		local := p.date.In(o.Zone)
		at := func(slug string) string { return "/" + local.Format("2006/01") + "/" + slug + "/" }
		base, translated := slug, ""
		if p.lang != "" {
			translated = cutBytes(base, content.MaxSegment-len(p.lang)-1) + "-" + strings.ToLower(p.lang)
		}
		free := func(slug string) bool {
			return claimed[content.Fold(at(slug))] == nil && taken(at(slug), slug, local, p.id) == ""
		}
		if !free(slug) && translated != "" && free(translated) {
			slug = translated
		}
		for i := 2; !free(slug); i++ {
			slug = numbered(base, i)
		}
		p.url = at(slug)
		if slug != base && slug != translated {
			holder := taken(at(base), base, local, p.id)
			if other := claimed[content.Fold(at(base))]; other != nil {
				holder = other.name()
			}
			r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%s is the address of %s too: this one is at %s", at(base), holder, p.url)))
		}
		claimed[content.Fold(p.url)] = p
		p.out = fileName(local, slug, files)
	}
	// Every new URL is claimed before any alias, so an old address never
	// takes a new one, as bulletin checks it.
	feeds := slices.Concat(src.feeds, held.feeds)
	ix := &index{keys: map[string]*post{}, shared: map[string][]*post{}, here: map[string]bool{}, pages: src.pages, dest: o.Dest, feeds: feeds}
	for _, p := range src.posts {
		if p.skip {
			continue
		}
		for _, old := range p.old {
			al, why := aliasFor(old)
			own := ""
			if why == "" {
				own = siteOwn(al, feeds)
			}
			switch {
			case strings.Contains(old, "?"):
				continue // the reader says so, once for all
			case why != "":
				r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("old address %s cannot be an alias: %s; redirect it on the server if it matters", old, why)))
				continue
			case own != "":
				r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("old address %s is %s: not kept as an alias, which a build would refuse, so it no longer leads to this post; point the links to it that matter at %s", old, own, p.url)))
				continue
			}
			key := content.Fold(strings.TrimSuffix(al, "/") + "/")
			switch other := claimed[key]; {
			case other == p:
				continue // its new URL, or an alias already
			case other != nil:
				r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("old address %s is also an address of %s: kept there only", old, other.name())))
				continue
			case held.urls[key] != "" && held.urls[key] != content.JoinPath(o.Dest, p.out):
				r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("old address %s is also an address of %s: kept there only", old, held.urls[key])))
				continue
			}
			claimed[key] = p
			p.aliases = append(p.aliases, al)
		}
		for _, k := range slices.Concat(p.keys, oldKeys(p.old)) {
			if other, ok := ix.keys[k]; ok && other != p {
				if other != nil {
					ix.shared[k] = []*post{other}
				}
				if !slices.Contains(ix.shared[k], p) {
					ix.shared[k] = append(ix.shared[k], p)
				}
				ix.keys[k] = nil
				continue
			}
			ix.keys[k] = p
		}
		p.topics, p.regulators = groups(p, o, r)
	}
	if tally := dropEverywhere(src.posts, o); tally != nil {
		src.tallies = append(src.tallies, tally)
	}
	for k, p := range claimed {
		// A draft's page, an unlisted post's too, is not published.
		ix.here[k] = !p.draft && p.unlisted == ""
	}
	for k := range held.urls {
		ix.here[k] = true
	}
	return ix
}

// everywhereFrom is the number of posts from which a topic that every
// post has is taken for a sorting of the old site's, not a subject.
const everywhereFrom = 5

// dropEverywhere leaves out of the posts' topics a name that every post
// of the source has (a category "post", "blog" or "news" that shaped the
// old addresses): its page and feeds would list the whole site. The
// posts imported before count, so that another import decides alike;
// the tally it gives warns of it when a post of this run had it.
func dropEverywhere(posts []*post, o *Options) func(now []*post) []Note {
	if len(posts) < everywhereFrom {
		return nil
	}
	count, name := map[string]int{}, map[string]string{}
	for _, p := range posts {
		topics := p.topics
		if p.skip {
			topics, _ = groups(p, o, &Report{})
		}
		for _, t := range topics {
			count[content.Slug(t)]++
			name[content.Slug(t)] = cmp.Or(name[content.Slug(t)], t)
		}
	}
	had := map[*post][]string{} // the names left out of each post's topics
	var names []string
	for _, key := range slices.Sorted(maps.Keys(count)) {
		if count[key] < len(posts) {
			continue
		}
		names = append(names, name[key])
		for _, p := range posts {
			if !p.skip {
				p.topics = slices.DeleteFunc(p.topics, func(t string) bool { return content.Slug(t) == key })
				had[p] = append(had[p], name[key])
			}
		}
	}
	return func(now []*post) []Note {
		var out []Note
		for _, n := range names {
			if slices.ContainsFunc(now, func(p *post) bool { return slices.Contains(had[p], n) }) {
				out = append(out, Note{Source: o.Source, Msg: fmt.Sprintf("every post (%d) has the tag or category %q, which as a topic would list the whole site on its page and in its feeds: left out of their topics, the old addresses it was part of kept; add it to their topics if it is a subject of its own", len(posts), n)})
			}
		}
		return out
	}
}

// keepID makes sure that no two articles share the feed id a post keeps,
// as feed readers would show one of them only. It reports false for a
// post to leave out: one imported before, whose id an article in the
// content folder has (an editor may have renamed or moved its file since),
// or one the source holds twice, with the same id and date, or as the
// same post of an export (an export merged from two). Another post whose id an earlier one kept, as two
// posts that shared one address on the old site do, is given a new id.
func keepID(p *post, ids map[string]*post, held holdings, r *Report) bool {
	if p.id == "" {
		return true
	}
	if h, ok := held.ids[p.id]; ok {
		r.Skipped = append(r.Skipped, importedBefore(p.note(0, fmt.Sprintf("imported before: %s has its feed id %s; not imported again", h.file, p.id))))
		p.before, p.url = h.file, h.url
		return false
	}
	first := ids[p.id]
	switch {
	case first == nil:
		ids[p.id] = p
	case first.date.Equal(p.date):
		r.Skipped = append(r.Skipped, p.note(0, fmt.Sprintf("repeats %s, with its feed id %s and date: left out", first.name(), p.id)))
		return false
	case p.item != "" && p.item == first.item:
		r.Skipped = append(r.Skipped, p.note(0, fmt.Sprintf("repeats %s, the same post of the export with another date: left out, the first kept", first.name())))
		return false
	default:
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("its feed id %s is %s's too: it gets an id of its own, and feed readers may show it as new", p.id, first.name())))
		p.id = ""
	}
	// An id a build refuses still tells a post imported before, or
	// given twice; it is not kept.
	if why := content.IDProblem(p.id); p.id != "" && why != "" {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("its feed id %q %s, which a build refuses: it gets an id of its own, and feed readers may show it as new", p.id, why)))
		p.id = ""
	}
	return true
}

// lost warns of what its body's HTML had that Markdown has not, each
// kind once, at the line that line gives for where it is (nil, or where
// not known: the post's own line).
func (p *post) lost(what []loss, line func(at int) int, r *Report) {
	seen := map[string]bool{}
	for _, w := range what {
		if seen[w.msg] {
			continue
		}
		seen[w.msg] = true
		n := 0
		if line != nil && w.at >= 0 {
			n = line(w.at)
		}
		r.Warnings = append(r.Warnings, p.note(n, w.msg))
	}
}

// postNames gives how a note names posts, in order: "a and b", "a, b and c".
func postNames(posts []*post) string {
	all := make([]string, len(posts))
	for i, p := range posts {
		all[i] = p.name()
	}
	slices.Sort(all)
	if len(all) < 2 {
		return strings.Join(all, "")
	}
	return strings.Join(all[:len(all)-1], ", ") + " and " + all[len(all)-1]
}

// name is how one post names another in a note.
func (p *post) name() string {
	if p.label != "" {
		return p.label
	}
	return p.file
}

// newSlug gives the slug of a post dated date's new URL: its old one
// where bulletin takes it as it is, else one made from it or from the
// title, less the date it starts with (see undated). It gives "" and why
// when it refuses the post: a slug that climbs out of its folder is an
// attack, not a mistake.
func newSlug(old, title string, date time.Time) (slug, msg string) {
	s := norm.NFC.String(strings.TrimSpace(old))
	if escapes(s) {
		return "", fmt.Sprintf("slug %q would lead out of its folder: not imported; give it a slug without / or ..", old)
	}
	if s != "" {
		why := content.CheckSegment(s)
		if why == "" && content.Fold(s) == "index.html" {
			// Its address, /2015/06/index.html/, would be inside the file
			// of the month's list, /2015/06/index.html.
			why = "it is the name of the file of the list of the month's articles"
		}
		if t := undated(s, date); why == "" && t != "" {
			return t, ""
		}
		if t := undated(content.NewSlug(s), date); why != "" && t != "" {
			return t, fmt.Sprintf("slug %q cannot be part of an address (%s): using %q", old, why, t)
		}
	}
	if t := undated(content.NewSlug(title), date); t != "" {
		return t, ""
	}
	return "", fmt.Sprintf("title %q gives no slug: give the post a slug", title)
}

// undated drops from a slug the date it starts with when that is the
// post's, a day either way for its time zone, as Hugo's file names and
// bundle folders give it (2010-06-12-bbqworld-cup, 2017-09-25_joining):
// the new address has the year and month already, and the old one is
// kept as an alias. A slug that is the date alone gives "", so that the
// title names the article.
func undated(slug string, date time.Time) string {
	const layout = "2006-01-02"
	if len(slug) < len(layout) {
		return slug
	}
	d, err := time.Parse(layout, slug[:len(layout)])
	if err != nil || d.Sub(date).Abs() > 48*time.Hour {
		return slug
	}
	switch rest := slug[len(layout):]; {
	case rest == "":
		return ""
	case rest[0] == '-' || rest[0] == '_':
		return rest[1:]
	}
	return slug
}

// escapes reports whether a slug names a path out of its folder: an
// absolute path, or one with a "." or ".." part.
func escapes(s string) bool {
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, `\`) || filepath.VolumeName(s) != "" {
		return true
	}
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part == "." || part == ".." {
			return true
		}
	}
	return false
}

// numbered adds -n to a slug, keeping it within content.MaxSegment bytes.
func numbered(slug string, n int) string {
	suffix := fmt.Sprintf("-%d", n)
	return cutBytes(slug, content.MaxSegment-len(suffix)) + suffix
}

// cutBytes shortens s to at most n bytes at a whole character.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// fileName gives the file of an article, articles/YYYY/YYYY-MM-DD-slug.md,
// one not given to another post of the import.
func fileName(local time.Time, slug string, taken map[string]bool) string {
	base := baseName(local, slug)
	name := base
	for i := 2; taken[content.Fold(name)]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	taken[content.Fold(name)] = true
	return articleFile(local, name)
}

// baseName is the name of a post's file without its extension, before
// any number that tells it from another's.
func baseName(local time.Time, slug string) string {
	base := content.Slug(slug)
	if base == "" {
		base = "post"
	}
	return local.Format("2006-01-02") + "-" + cutBytes(base, 200)
}

// articleFile is the path of the file named name, in its year's folder.
func articleFile(local time.Time, name string) string {
	return "articles/" + local.Format("2006") + "/" + name + ".md"
}

// aliasFor gives the alias for an old address, as bulletin reads an alias
// (percent-escapes decoded, in Unicode's composed form), or why it cannot
// be one. aliasText gives it as an article writes it.
func aliasFor(old string) (alias, why string) {
	var parts []string
	for seg := range strings.SplitSeq(old, "/") {
		if seg == "" {
			continue
		}
		if u, err := url.PathUnescape(seg); err == nil {
			seg = u
		}
		seg = norm.NFC.String(seg)
		if w := content.CheckAliasPart(seg); w != "" {
			return "", fmt.Sprintf("the part %q: %s", seg, w)
		}
		parts = append(parts, seg)
	}
	if len(parts) == 0 {
		return "", "it is the home page"
	}
	alias = "/" + strings.Join(parts, "/")
	if strings.HasSuffix(old, "/") {
		alias += "/"
	}
	if len(alias) > content.MaxAliasBytes {
		return "", fmt.Sprintf("it is %d bytes long, more than the %d an alias may be", len(alias), content.MaxAliasBytes)
	}
	return alias, ""
}

// aliasText gives an alias as aliasFor makes it, as an article writes
// it: with the characters bulletin would read otherwise escaped, a % that
// would start an escape and a # or ? that would start a fragment or a
// query (an old Hugo address such as /blog/review-#1/ was a folder named
// so, asked for as /blog/review-%231/).
func aliasText(alias string) string {
	return strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F").Replace(alias)
}

// decoded is a path with its percent-escapes decoded, in Unicode's
// composed form, as bulletin reads an alias.
func decoded(p string) string {
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	return norm.NFC.String(p)
}

// maxGroups is bulletin's limit on the topics, and the regulators, of one
// article.
const maxGroups = 50

// groups sorts a post's tags and categories into topics and regulators,
// each once, in the order the source gives them.
func groups(p *post, o *Options, r *Report) (topics, regulators []string) {
	seen := map[string]bool{}
	for i, n := range slices.Concat(p.regs, p.names) {
		named := i < len(p.regs) // the source names it a regulator
		n = strings.Join(strings.Fields(n), " ")
		reg := regulator(n, o.Regulators, o.siteRegulators)
		key := content.Slug(cmp.Or(reg, n))
		switch {
		case n == "":
			continue
		case key == "":
			r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("tag %q gives no slug, so no page: left out", n)))
			continue
		case seen[key]:
			continue
		}
		seen[key] = true
		switch {
		case reg != "":
			regulators = append(regulators, reg)
		case named:
			regulators = append(regulators, n)
		default:
			topics = append(topics, n)
		}
	}
	for _, g := range []*[]string{&topics, &regulators} {
		if len(*g) > maxGroups {
			r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%d tags, more than bulletin's %d: kept the first %d", len(*g), maxGroups, maxGroups)))
			*g = (*g)[:maxGroups]
		}
	}
	return topics, regulators
}

// languageOf is the language a post's lang field gives, as a BCP 47 tag
// in its usual form; a field that is no language tag is left out, with
// a warning.
func languageOf(f fields, p *post, src *source) string {
	return languageTag(f.text("lang"), p, src)
}

// languageTag gives s as a language tag for p, or "" with a warning when
// it is none.
func languageTag(s string, p *post, src *source) string {
	if s == "" {
		return ""
	}
	tag, err := content.LanguageTag(s)
	if err != nil {
		src.warn(p.file, p.line, "lang: %q is not a language tag: left out", s)
	}
	return tag
}

// markdownLink matches a Markdown link, [text](address).
var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// nameAddress matches an address written after an author's name, in
// brackets, as npm's and many themes' author fields have it: "Jo Bloggs
// (https://github.com/jo)", "Jo Bloggs <jo@example.org>".
var nameAddress = regexp.MustCompile(`\s*[(<](?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)[^\s()<>]*[)>]|\s*[(<][^\s()<>@]+@[^\s()<>@]+\.[^\s()<>@]+[)>]`)

// authorNames gives the names of authors as readers see them: a name
// written as a Markdown link, as some sites' front matter has it
// ("[Jo Bloggs](https://…) (CQC)"), keeps its text alone, since bulletin
// shows an author's name as it is written, and one followed by its
// address in brackets, the name alone. several are the names that
// may be several people's, "Amanda French, Ginny Hendricks, Maria
// Gould", which a byline with a title cannot be told from ("Jo Bloggs,
// Chief Inspector of Hospitals, Care Quality Commission"): the editor is
// asked.
func authorNames(names []string) (out, several []string) {
	for _, n := range names {
		n = strings.Join(strings.Fields(markdownLink.ReplaceAllString(n, "$1")), " ")
		if name := strings.Join(strings.Fields(nameAddress.ReplaceAllString(n, "")), " "); name != "" {
			n = name // an address alone is kept, as the only name given
		}
		if n == "" {
			continue
		}
		if severalNames(n) {
			several = append(several, n)
		}
		out = append(out, n)
	}
	return out, several
}

// severalNames reports whether an author's name looks like a list of
// people: three parts or more between commas, or two that each look like
// a person's name ("Brendan Burns (Google), David Oppenheimer (Google)",
// "Jo Bloggs and Sam Smith"); not a name written surname first ("Smith,
// John"), nor a body's ("Department of Health and Social Care").
func severalNames(n string) bool {
	if strings.Count(n, ",") >= 2 {
		return true
	}
	for _, sep := range []string{",", " and ", " & "} {
		if a, b, ok := strings.Cut(n, sep); ok && personal(a) && personal(b) {
			return true
		}
	}
	return false
}

// personal reports whether s looks like a person's name: two words or
// more, each starting with a capital letter or a bracket (Google).
func personal(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && r != '(' {
			return false
		}
	}
	return len(words) >= 2
}

// people splits an author's name that severalNames takes for several
// people into them, for the message that asks.
func people(n string) []string {
	var out []string
	for _, part := range strings.Split(strings.NewReplacer(" and ", ",", " & ", ",").Replace(n), ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// isRegulators reports whether a taxonomy or field names regulators, as
// bulletin's own regulators field does.
func isRegulators(name string) bool {
	return strings.EqualFold(name, "regulators") || strings.EqualFold(name, "regulator")
}

// regulator gives the name in names that n stands for, else the
// abbreviation of the regulator of site.yaml whose abbreviation or name
// it is (see regulatorsOf), or "". A name site.yaml knows is written as
// its abbreviation there, however names spells it.
func regulator(n string, names []string, site map[string]string) string {
	for _, r := range names {
		if strings.EqualFold(strings.TrimSpace(r), n) || content.Slug(r) == content.Slug(n) {
			return cmp.Or(site[content.Slug(r)], strings.TrimSpace(r))
		}
	}
	return site[content.Slug(n)]
}

// destSettings reads the site.yaml of the content folder dest, once an
// import; nil when it is missing or broken, which a build reports.
func destSettings(dest string) *content.Settings {
	settings, err := content.LoadSettings(os.DirFS(dest), dest)
	if err != nil {
		return nil
	}
	return &settings
}

// siteLanguage gives each post without a language of its own the old
// site's, when that is not the bulletin's (settings nil: not known), so
// that its page is read in it, and says so once.
func siteLanguage(src *source, settings *content.Settings) {
	if src.lang == "" || settings == nil {
		return
	}
	tag, err := content.LanguageTag(src.lang)
	if err != nil || primary(tag) == primary(settings.Language) {
		return
	}
	n := 0
	for _, p := range src.posts {
		if p.lang == "" {
			p.lang = tag
			n++
		}
	}
	if n > 0 {
		src.warn(src.langFile, 0, "%s is %s, where site.yaml's language is %s: each post imported in it says lang: %s, so that its page is read in that language; if the whole bulletin is in %s, set language: %s in site.yaml before importing instead", src.langSetting, tag, settings.Language, tag, tag, tag)
	}
}

// languageNamed gives the language tag of a language as a site's
// settings may name it: by its tag (zh-CN, or zh_CN as a locale is
// written), or by its name in English or in itself (Chinese, 中文,
// Deutsch); "" for none.
func languageNamed(name string) string {
	name = strings.TrimSpace(name)
	if tag, err := content.LanguageTag(strings.ReplaceAll(name, "_", "-")); err == nil {
		return tag
	}
	for _, t := range namedLanguages {
		if strings.EqualFold(name, display.English.Tags().Name(t)) || strings.EqualFold(name, display.Self.Name(t)) {
			return t.String()
		}
	}
	return ""
}

// namedLanguages are the languages languageNamed knows by name.
var namedLanguages = []language.Tag{language.English, language.Chinese, language.Japanese, language.Korean, language.French,
	language.German, language.Spanish, language.Portuguese, language.Italian, language.Dutch, language.Russian, language.Ukrainian,
	language.Polish, language.Swedish, language.Norwegian, language.Danish, language.Finnish, language.Arabic, language.Persian,
	language.Hebrew, language.Turkish, language.Greek, language.Hindi, language.Indonesian, language.Vietnamese, language.Thai,
	language.Czech, language.Hungarian, language.Romanian}

// primary gives the primary language of a language tag: zh of zh-CN.
func primary(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}

// regulatorsOf gives the abbreviation of each regulator the content
// folder's settings (nil: none) name, by the slug of its abbreviation and
// of its name: a category "CQC" or "Care Quality Commission" is the
// regulator CQC, not a topic with a page of its own beside the
// regulator's.
func regulatorsOf(settings *content.Settings) map[string]string {
	if settings == nil {
		return nil
	}
	m := map[string]string{}
	for _, r := range settings.Regulators {
		for _, n := range []string{r.Name, r.Abbr} {
			if slug := content.Slug(n); slug != "" {
				m[slug] = r.Abbr
			}
		}
	}
	return m
}

// underPath warns, for an old site published under a path (site, as
// its settings give it), that its addresses, kept as aliases, are site
// paths below base_url: old links reach the articles only if the new
// site is published under that path too, as the content folder's
// settings (nil: none) may say.
func underPath(site string, settings *content.Settings) string {
	u, err := url.Parse(site)
	if err != nil || strings.Trim(u.Path, "/") == "" {
		return ""
	}
	dir := "/" + strings.Trim(u.Path, "/") + "/"
	if settings != nil {
		if b, err := url.Parse(settings.BaseURL); err == nil && "/"+strings.Trim(b.Path, "/")+"/" == dir {
			return ""
		}
	}
	return fmt.Sprintf("the old site was published under %s, and its addresses are kept as aliases below base_url: for old links to reach the articles, set base_url in site.yaml to an address ending in %s (as %s), or redirect %s to the new site on the server", dir, dir, strings.TrimSuffix(site, "/")+"/", dir)
}

// otherCalendar warns, once, of the posts dated before 1900 or more
// than 20 years from now, as a site that wrote its dates in another
// calendar has them: read as the Gregorian calendar's, the Solar Hijri
// 1393-04-04 puts a post of 2014 six centuries back, and the Buddhist
// 2567 holds one of 2024 back for five centuries.
func otherCalendar(posts []*post) []Note {
	later := time.Now().AddDate(20, 0, 0)
	var odd []*post
	for _, p := range posts {
		if p.date.Year() < 1900 || p.date.After(later) {
			odd = append(odd, p)
		}
	}
	if len(odd) == 0 {
		return nil
	}
	first := odd[0]
	return []Note{{Source: first.file, Line: first.line, Item: first.item, Msg: fmt.Sprintf("%d %s dated before 1900 or more than 20 years from now (this one %s), as a site that wrote its dates in another calendar has them: bulletin reads a date as the Gregorian calendar's, so if the old site's were of another (the Solar Hijri year 1393 is 2014 or 2015, the Buddhist year 2567 is 2024), write them in the Gregorian calendar before you publish; check names each",
		len(odd), plural(len(odd), "post is", "posts are"), first.date.Format(time.DateOnly))}}
}

// defaultZone is bulletin's time zone when site.yaml sets none.
const defaultZone = "Europe/London"

// settleZone fills in o.Zone when it is nil: the source's own setting,
// named by setting in file, else Dest's site.yaml, else bulletin's default.
func settleZone(o *Options, name, file, setting string) error {
	if o.Zone != nil {
		return nil
	}
	if name != "" {
		loc, err := time.LoadLocation(name)
		if err != nil || name == "Local" {
			return fmt.Errorf("importer: %s: %s %q is not a time zone: give one such as Europe/London", file, setting, name)
		}
		o.Zone = loc
		return nil
	}
	o.Zone = destZone(o.Dest)
	return nil
}

// destZone is the time zone Dest's site.yaml sets, or bulletin's default.
// A broken site.yaml is bulletin's to report.
func destZone(dest string) *time.Location {
	var s struct {
		TimeZone string `yaml:"time_zone"`
	}
	data, err := readFile(os.DirFS(dest), content.SettingsFile, content.MaxFileSize)
	if err == nil && yaml.Unmarshal(data, &s) == nil && s.TimeZone != "" && s.TimeZone != "Local" {
		if loc, err := time.LoadLocation(s.TimeZone); err == nil {
			return loc
		}
	}
	loc, err := time.LoadLocation(defaultZone)
	if err != nil {
		return time.UTC // a system without zone data, and no time/tzdata
	}
	return loc
}
