package content

import (
	"bulletin/generator/cache"
	"cmp"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Article is one Markdown file, checked and converted.
type Article struct {
	File     string // path from the repository root, for messages
	Path     string // path inside the content folder
	Line     int    // line of the opening front matter delimiter
	BodyLine int    // line the body starts on
	Source   string // a hash of the file and the settings it was read with
	// MetaSource hashes what Meta is made from: the front matter, where
	// it stands in the file, the path and the settings, but not the body.
	MetaSource string

	Meta

	HTML  string // the body, rendered; empty when a Store keeps it (see Body)
	Links []Link // links and images in the body
	// Unconverted is what readers see as text of other systems' markup,
	// and of reference links with no definition.
	Unconverted []Unconverted
	Words       int        // words in the body's text, for its reading time
	Anchors     []Anchor   // the body's headings, by id
	Lines       FieldLines // where its front matter's fields start
	AliasLines  []int32    // the line of each alias, as Aliases lists them
	// Blocks says where each block of the HTML is written, where
	// raw_html lets HTML through (see LineOf).
	Blocks []BlockLine

	body cache.Blob // the body, where a Store keeps it
}

// Body is the article's HTML, from memory or from where a Store keeps it.
func (a *Article) Body() (string, error) {
	if a.body.Len() == 0 {
		return a.HTML, nil
	}
	data, err := a.body.Bytes()
	if err != nil {
		return "", fmt.Errorf("%s: reading the body back: %w", a.File, err)
	}
	return string(data), nil
}

// LineOf gives the line of the article's file that line of its HTML
// comes from: the line its block is written on, and as many more as the
// HTML has gone down in the block, short of the next block's line, but
// in a block that holds others, whose HTML has lines of its own, the
// block's own line; the body's first line where Blocks does not tell.
func (a *Article) LineOf(line int) int {
	i, found := slices.BinarySearchFunc(a.Blocks, line, func(b BlockLine, line int) int { return cmp.Compare(int(b.HTML), line) })
	if !found {
		i--
	}
	if i < 0 {
		return a.BodyLine
	}
	if a.Blocks[i].Nested {
		return int(a.Blocks[i].File)
	}
	at := int(a.Blocks[i].File) + line - int(a.Blocks[i].HTML)
	if i+1 < len(a.Blocks) {
		at = min(at, max(int(a.Blocks[i+1].File)-1, int(a.Blocks[i].File)))
	}
	return at
}

// Meta is an article's front matter, checked: all of it but the body.
type Meta struct {
	Title      string
	Summary    string
	Date       time.Time
	Updated    time.Time // zero when never updated
	Regulators []string
	Topics     []string
	Authors    []string
	Status     string
	AppliesTo  []string
	Changes    []Change
	Sources    []Source
	Events     []Event
	Withdrawn  *Withdrawal
	// Draft keeps the article out of every page and feed; serve -drafts
	// alone shows it, as if published, where a theme can mark it.
	Draft   bool
	Slug    string
	Aliases []string
	ID      string
	// Lang is the language the article is written in, a BCP 47 tag
	// such as cy or ar; "" for the site's.
	Lang string
}

// Change is one entry of an article's page history.
type Change struct {
	Date time.Time
	Note string
}

// Source is a primary source an article rests on.
type Source struct {
	Title     string
	URL       string
	Publisher string
	Date      Date
	Line      int // the line of its url, for later checks
}

// Link is the source's address where readers can follow it from any
// page or feed: an absolute http(s) URL, or a path of this site from its
// root (/2025/02/earlier-pause/), which feeds make absolute. It is ""
// for none, and for any other address, such as www.gov.uk/page, which
// would lead nowhere from a page: pages and feeds show its title as
// text, and build and check report it. So is an address holding what
// no address may (a space, a quote, < or >): Go reads it, but a feed
// would carry it as no URL.
func (s Source) Link() string {
	u, err := url.Parse(s.URL)
	switch {
	case err != nil || NotInURL(s.URL) != 0:
		return ""
	case u.Scheme == "http" || u.Scheme == "https":
		if u.Host == "" {
			return ""
		}
	case u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/"):
		return ""
	}
	return s.URL
}

// NotInURL gives the first character of s that an address may not hold
// as it is (RFC 3986): a space or another control, or one of "<>\^`{|},
// or 0 when there is none.
func NotInURL(s string) rune {
	for _, r := range s {
		if r == ' ' || unicode.IsControl(r) || strings.ContainsRune(`"<>\^`+"`"+`{|}`, r) {
			return r
		}
	}
	return 0
}

// Event is a key date in the story an article reports.
type Event struct {
	Date   Date
	Label  string
	Status string
	Line   int
}

// Withdrawal says that and why an article no longer stands.
type Withdrawal struct {
	Date        time.Time
	Explanation string
}

var articleFields = [...]string{"title", "date", "summary", "regulators", "topics", "authors", "status", "updated", "changes", "sources", "events", "withdrawn", "applies_to", "draft", "slug", "aliases", "id", "lang"}

// IsArticleField reports whether name is a front matter field of an
// article.
func IsArticleField(name string) bool { return slices.Contains(articleFields[:], name) }

// datePrefix matches the date a file name starts with, and what parts
// it from the rest: a hyphen, as Jekyll writes, an underscore or spaces.
var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[-_ ]+`)

// DefaultSlug is the slug of the article file at p when it sets none:
// its name without the extension and a leading date.
func DefaultSlug(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	return Slug(datePrefix.ReplaceAllString(base, ""))
}

// DeviceNamed reports whether the slug the article file at p gives by
// default had "-1" added, its name being one Windows keeps for a device
// (see Slug).
func DeviceNamed(p string) bool {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	return reservedName(datePrefix.ReplaceAllString(base, ""))
}

// FileDate is the date an article's file name starts with, as in
// 2025-03-27-ics-assessments-paused.md, or "" when it starts with none.
func FileDate(p string) string {
	base := path.Base(p)
	if m := datePrefix.FindString(base); m != "" {
		return m[:len("2006-01-02")]
	}
	return ""
}

// LanguageTag gives a BCP 47 language tag in its usual form (en-gb is
// en-GB), or an error if s is not one.
func LanguageTag(s string) (string, error) {
	tag, err := language.Parse(s)
	if err != nil {
		return "", err
	}
	return tag.String(), nil
}

// languageTag reads a language tag, as the site's language is written:
// cy, en-GB, ar.
func languageTag(d *decoder, key string, v *node) string {
	s := d.text(key, v)
	if s == "" {
		return ""
	}
	tag, err := LanguageTag(s)
	if err != nil {
		d.fail(v.line, "%s: %q is not a language tag: write it like cy, en-GB or ar", key, s)
	}
	return tag
}

// decodeArticle fills an Article from its front matter.
func decodeArticle(d *decoder, root *node, s *Settings, a *Article) {
	loc := s.Location
	seen := d.each("", root, articleFields[:], func(key string, v *node) {
		a.Lines.Set(key, v.line)
		switch key {
		case "title":
			a.Title = d.text(key, v)
		case "date":
			a.Date = d.date(key, v, loc, false).Time
		case "summary":
			a.Summary = d.text(key, v)
		case "regulators":
			a.Regulators = d.list(key, v)
			checkGroups(d, key, v)
		case "topics":
			a.Topics = d.list(key, v)
			checkGroups(d, key, v)
		case "authors":
			a.Authors = d.list(key, v)
			if len(a.Authors) > maxAuthors {
				d.fail(v.line, "authors: %d listed, more than %d: name those who wrote it, and the team or body for the rest", len(a.Authors), maxAuthors)
			}
		case "status":
			a.Status = d.shared(key, v)
			checkStatus(d, s, key, v, a.Status)
		case "updated":
			a.Updated = d.date(key, v, loc, false).Time
		case "applies_to":
			a.AppliesTo = d.list(key, v)
		case "draft":
			a.Draft = d.boolean(key, v)
		case "slug":
			// Checked as written: the invisible characters other fields
			// lose would change the address without a word.
			raw := strings.TrimSpace(norm.NFC.String(v.text))
			a.Slug = norm.NFC.String(d.text(key, v))
			if why := CheckSegment(raw); a.Slug != "" && why != "" {
				fix := fmt.Sprintf("write %q", Slug(raw))
				if Slug(raw) == "" {
					fix = "write one of letters, digits and hyphens, or take the field out for one made from the file's name"
				}
				d.fail(v.line, "slug: %q cannot be part of an address: %s; %s", raw, why, fix)
			}
		case "aliases":
			a.Aliases, a.AliasLines = aliasPaths(d, key, v)
		case "id":
			a.ID = d.text(key, v)
			if scheme := UnsafeScheme(a.ID); scheme != "" {
				// A reader that shows an id as a link, as some do an RSS
				// guid, would run it or open the reader's own files.
				d.fail(v.line, "id: %q is a %s: address, which a feed reader that shows ids as links would follow: write it as https://www.example.org/2025/03/27/news/ or tag:example.org,2025:news, or delete the line for bulletin to make one", a.ID, scheme)
			} else if why := checkID(a.ID); a.ID != "" && why != "" {
				d.fail(v.line, "id: %q %s, and feed readers tell entries apart by it: write it whole, as https://www.example.org/2025/03/27/news/ or tag:example.org,2025:news, or delete the line for bulletin to make one", a.ID, why)
			}
		case "lang":
			a.Lang = languageTag(d, key, v)
		case "changes":
			maps := d.maps(key, v)
			a.Changes = room[Change](len(maps))
			for _, n := range maps {
				var c Change
				f := d.each(key, n, []string{"date", "note"}, func(k string, v *node) {
					switch k {
					case "date":
						c.Date = d.date("changes.date", v, loc, false).Time
					case "note":
						c.Note = d.text("changes.note", v)
					}
				})
				d.require(key, n.line, f, "date", "note")
				a.Changes = append(a.Changes, c)
			}
		case "sources":
			maps := d.maps(key, v)
			if len(maps) > maxSources {
				d.fail(v.line, "sources: %d listed, more than %d: cite the primary sources, and link a page or file that lists the rest", len(maps), maxSources)
			}
			a.Sources = room[Source](len(maps))
			for _, n := range maps {
				var src Source
				f := d.each(key, n, []string{"title", "url", "publisher", "date"}, func(k string, v *node) {
					switch k {
					case "title":
						src.Title = d.text("sources.title", v)
					case "url":
						src.URL, src.Line = d.text("sources.url", v), v.line
						if scheme := UnsafeScheme(src.URL); scheme != "" {
							d.fail(v.line, "sources.url: %s: URLs are not allowed: give the source's http(s) address", scheme)
							src.URL = "" // not kept, so that no later check reports it again
						} else if plain := withoutUser(src.URL); plain != "" {
							d.fail(v.line, "sources.url: %q has a user name or password, which pages and feeds would publish: write %s", src.URL, plain)
							src.URL = ""
						}
					case "publisher":
						src.Publisher = d.shared("sources.publisher", v)
					case "date":
						src.Date = d.date("sources.date", v, loc, true)
					}
				})
				d.require(key, n.line, f, "title")
				a.Sources = append(a.Sources, src)
			}
		case "events":
			maps := d.maps(key, v)
			a.Events = room[Event](len(maps))
			for _, n := range maps {
				ev := Event{Line: n.line}
				f := d.each(key, n, []string{"date", "label", "status"}, func(k string, v *node) {
					switch k {
					case "date":
						ev.Date = d.date("events.date", v, loc, true)
					case "label":
						ev.Label = d.text("events.label", v)
					case "status":
						ev.Status = d.shared("events.status", v)
						checkStatus(d, s, "events.status", v, ev.Status)
					}
				})
				d.require(key, n.line, f, "date", "label")
				a.Events = append(a.Events, ev)
			}
		case "withdrawn":
			w := &Withdrawal{}
			if v.kind != mapNode && d.toml {
				d.fail(v.line, "withdrawn: got %s, want the date and why: %s", v.describe(), tomlWithdrawn(v))
				break
			}
			if v.kind != mapNode {
				d.fail(v.line, "withdrawn: got %s, want the date and why, as withdrawn: {date: 2025-04-01, explanation: The rule was revoked.}", v.describe())
				break
			}
			f := d.each(key, v, []string{"date", "explanation"}, func(k string, v *node) {
				switch k {
				case "date":
					w.Date = d.date("withdrawn.date", v, loc, false).Time
				case "explanation":
					w.Explanation = d.text("withdrawn.explanation", v)
				}
			})
			d.require(key, v.line, f, "date", "explanation")
			a.Withdrawn = w
		}
	})
	if folder := introFolder(a.Path); folder != "" && !seen["date"] {
		// An intro page put in a folder of topics/ is read as an article.
		d.fail(a.Line, "date: missing: this field is required, as a file in a folder of %s/ is an article: an intro page sits in %s/ itself", folder, folder)
		seen["date"] = true
	}
	if named := FileDate(a.Path); named != "" && seen != nil && !seen["date"] {
		d.fail(a.Line, "date: missing: this field is required; the file name starts with %s: if that is the day it was published, write date: %s", named, named)
		seen["date"] = true
	}
	d.require("", a.Line, seen, "title", "date", "summary")
	checkUpdated(d, a, loc)
	checkWithdrawn(d, a, loc)
	if a.Slug == "" {
		a.Slug = DefaultSlug(a.Path)
		if a.Slug == "" {
			d.fail(a.Line, "file name %q gives an empty slug: rename the file or set slug", path.Base(a.Path))
		}
	}
}

// checkStatus reports a status the site does not have, suggesting the
// nearest one when it looks like a typo of it, and listing them all
// otherwise.
func checkStatus(d *decoder, s *Settings, field string, n *node, key string) {
	if key == "" || s.Status(key) != nil {
		return
	}
	keys := s.statusKeys()
	if hint := Closest(key, keys); hint != "" {
		d.fail(n.line, "%s: %q is not a status: did you mean %q?", field, key, hint)
		return
	}
	if s.ownStatuses {
		d.fail(n.line, "%s: %q is not one of the statuses site.yaml sets: %s; to use it, add it to statuses in site.yaml", field, key, strings.Join(keys, ", "))
		return
	}
	d.fail(n.line, "%s: %q is not one of: %s", field, key, strings.Join(keys, ", "))
}

// maxGroups bounds the topics, and the regulators, of one article. Each
// gets a page and feeds that list the article with all of them, so the
// site grows with the square of the count: 10,000 topics would make
// gigabytes.
const maxGroups = 50

// maxAuthors bounds the authors of one article, whose byline every list
// and feed entry of it repeats.
const maxAuthors = 50

// maxSources bounds the sources of one article, which its page and every
// feed entry of it list in full, as facts a summary keeps: 100,000 made
// a site of 113 MB, feeds of 17 MB, from 5.6 MB.
const maxSources = 1000

// checkGroups reports a topics or regulators list longer than maxGroups,
// and each name that gives no slug, since it would have no page of its
// own and would take the URL of the index of every topic or regulator.
func checkGroups(d *decoder, field string, v *node) {
	if v.kind == listNode && len(v.items) > maxGroups {
		d.fail(v.line, "%s: %d listed, more than %d: keep those the article is mainly about", field, len(v.items), maxGroups)
		return
	}
	items := v.items
	if v.kind == scalarNode {
		items = []*node{v}
	}
	for _, n := range items {
		name := strings.TrimSpace(n.text)
		if n.typ == "null" {
			continue // told as an empty item
		}
		if n.kind == scalarNode && name != "" && Slug(name) == "" {
			d.fail(n.line, "%s: %q gives an empty slug: include letters or digits", field, name)
		}
		if why := GroupNameProblem(name); why != "" {
			d.fail(n.line, "%s: %q %s", field, name, why)
		}
	}
}

// GroupNameProblem says why a topic's or a regulator's name cannot be
// published, after the name ("holds …"), or "" when it can: it holds a
// line break or a tab, or a character that only hides in it. Other
// control characters no page may hold are dropped (see printable).
func GroupNameProblem(name string) string {
	if i := strings.IndexAny(name, "\n\r\t"); i >= 0 {
		return fmt.Sprintf("holds a line break or a tab (%U), which a name shown in lists and pages cannot: write it on one line, with spaces", rune(name[i]))
	}
	if r := hiddenIn(name); r != 0 {
		return fmt.Sprintf("holds an invisible character (%U), which makes it a name of its own that looks like another: delete it", r)
	}
	return ""
}

// hiddenIn gives the first character of a name that only hides in it:
// a zero-width space, a word joiner, a zero-width no-break space or a
// soft hyphen, or a zero-width joiner or non-joiner after a Latin, Greek
// or Cyrillic letter, which spells no word (see CheckSegment); 0 for
// none. Direction marks, which right-to-left names may need, are left.
func hiddenIn(name string) rune {
	var letter rune // the last letter, which a mark after it belongs to
	for _, r := range name {
		switch {
		case r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			return r
		case joiner(r) && (letter == 0 || unjoined(letter)):
			return r
		case unicode.IsLetter(r):
			letter = r
		}
	}
	return 0
}

// aliasPaths gives the aliases of the field key, the list v, as paths
// of the site (see AliasPath) with their lines, and reports each that
// cannot be one, leaving it out: no page, not even a refused article's
// claim to one, is ever at such a path. A list longer than maxAliases is
// reported at its line.
func aliasPaths(d *decoder, key string, v *node) ([]string, []int32) {
	list, lines := d.listLines(key, v)
	if len(list) > maxAliases {
		d.fail(v.line, "%s: %d listed, more than %d: keep the old addresses readers and search engines still use, and redirect whole old folders on the server", key, len(list), maxAliases)
	}
	var paths []string
	var at []int32
	for i, al := range list {
		if why := aliasProblem(strings.TrimSpace(al)); why != "" {
			d.fail(int(lines[i]), "%s: %s", key, why)
			continue
		}
		paths, at = append(paths, AliasPath(al)), append(at, lines[i])
	}
	return paths, at
}

// aliasProblem says why the alias al, as written, is not a path a page
// of the site can be at, or "" when it is.
func aliasProblem(al string) string {
	if i := strings.IndexAny(al, "?#"); i >= 0 && strings.HasPrefix(al, "/") {
		return fmt.Sprintf("%q has a %s, and a static site answers an address by its path alone: keep the path (%s), or redirect the whole address on the server", al, map[byte]string{'?': "query (?)", '#': "fragment (#)"}[al[i]], al[:i])
	}
	if !strings.HasPrefix(al, "/") {
		return fmt.Sprintf("%q is not a site path: write it like /2024/05/old-slug/", al)
	}
	p := AliasPath(al)
	if strings.HasPrefix(p, "//") {
		return fmt.Sprintf("%q starts with //, which browsers read as the address of another site: write the path of this site with one / before it", al)
	}
	if i := strings.Index(strings.ToLower(al), "%2f"); i >= 0 {
		// Decoded, it would part one segment of the old address into
		// two folders, which answer another address.
		return fmt.Sprintf("%q holds an escaped slash (%s), which no file's name can hold: redirect that address on the server", al, al[i:i+3])
	}
	for seg := range strings.SplitSeq(strings.TrimSuffix(p[1:], "/"), "/") {
		if why := CheckAliasPart(seg); why != "" {
			return fmt.Sprintf("%q: the part %q cannot be part of an address: %s", Truncate(al, 200), Truncate(seg, 80), why)
		}
	}
	if len(p) > MaxAliasBytes {
		return fmt.Sprintf("%q is %d bytes long, and its page's file, below the output folder, would pass the longest path systems allow: keep it to %d bytes, or redirect that address on the server", Truncate(al, 200), len(p), MaxAliasBytes)
	}
	return ""
}

// maxAliases bounds the aliases of one article or intro page, and the
// feed's: each is a page and a folder of its own, and 20,000 took the
// build 18 seconds to write.
const maxAliases = 1000

// MaxAliasBytes bounds an alias's path, decoded, so that the file of its
// page, below the output folder and its staging folder, stays within the
// 4,096 bytes Linux allows a path.
const MaxAliasBytes = 1024

// AliasPath is an alias as a path of the site: percent-escapes decoded,
// in Unicode's composed form, as files are named.
func AliasPath(alias string) string {
	p := strings.TrimSpace(alias)
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	return norm.NFC.String(p)
}

// checkUpdated holds updated to be no older than the date or the newest
// change note, so readers never see an update dated before its news.
func checkUpdated(d *decoder, a *Article, loc *time.Location) {
	line := a.Lines.Line("updated")
	if line == 0 {
		if len(a.Changes) > 0 {
			d.fail(a.Lines.Line("changes"), "changes: listed, but updated is not set: add updated: with the newest change's date")
		}
		return
	}
	if a.Updated.IsZero() {
		return // not a date, and already reported
	}
	if !a.Date.IsZero() && a.Updated.Before(a.Date) {
		d.fail(line, "updated: %s is before date %s: updated must be on or after the publication date", stamp(a.Updated, loc), stamp(a.Date, loc))
	}
	var newest time.Time
	for _, c := range a.Changes {
		if c.Date.After(newest) {
			newest = c.Date
		}
	}
	if newest.After(a.Updated) {
		d.fail(line, "updated: %s is older than the newest change note (%s): set updated to %s or later", stamp(a.Updated, loc), stamp(newest, loc), stamp(newest, loc))
	}
}

// checkWithdrawn refuses a withdrawal dated before the day the article
// was published.
func checkWithdrawn(d *decoder, a *Article, loc *time.Location) {
	w := a.Withdrawn
	if w == nil || w.Date.IsZero() || a.Date.IsZero() {
		return // none, or not a date, already reported
	}
	y, m, day := a.Date.In(loc).Date()
	if published := time.Date(y, m, day, 0, 0, 0, 0, loc); w.Date.Before(published) {
		d.fail(a.Lines.Line("withdrawn"), "withdrawn.date: %s is before date %s: an article is withdrawn on or after the day it was published", stamp(w.Date, loc), stamp(a.Date, loc))
	}
}

// room gives an empty slice with room for n values, nil for none.
func room[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

// stamp writes t in the site's time zone as an editor would write it: the
// day alone at midnight, else the day and the time with its offset, so
// that two values on the same day never read as equal, and one written
// in another offset (10:00Z) reads as the moment it is.
func stamp(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if t.Equal(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)) {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// AliasLine is the line of the alias Aliases lists at i, or of the
// aliases field where it is not known.
func (a *Article) AliasLine(i int) int {
	if i < len(a.AliasLines) && a.AliasLines[i] > 0 {
		return int(a.AliasLines[i])
	}
	return a.Lines.Line("aliases")
}

// idScheme is how an absolute IRI starts: its scheme and a colon.
var idScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// IDProblem says why id cannot be an article's id, as a build finds it,
// or "" if it can be.
func IDProblem(id string) string {
	if scheme := UnsafeScheme(id); scheme != "" {
		return "is a " + scheme + ": address"
	}
	return checkID(id)
}

// checkID says why id cannot be a feed entry's id, which Atom requires
// to be an absolute IRI (RFC 4287, 4.2.6), or "" if it can.
func checkID(id string) string {
	switch {
	case strings.ContainsFunc(id, unicode.IsSpace) || strings.ContainsFunc(id, unicode.IsControl):
		return "holds a space or a control character"
	case strings.ContainsAny(id, `<>"{}|\^`+"`"):
		// Not in an IRI (RFC 3987), as an Atom id must be.
		i := strings.IndexAny(id, `<>"{}|\^`+"`")
		return fmt.Sprintf("holds %q, which no address may hold", id[i:i+1])
	case !idScheme.MatchString(id):
		return "is not an absolute address"
	}
	return ""
}
