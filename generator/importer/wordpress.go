package importer

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"bulletin/generator/content"
)

// wxr is what the importer reads of a WordPress export (WXR).
type wxr struct {
	// utf8 is the character set the export declares but is not in: it is
	// in UTF-8, as many exports are whatever they declare.
	utf8    string
	blog    string            // the blog's address: wp:base_blog_url, else the channel's link
	authors map[string]string // display names by login
	items   []*wxrItem
	version string // wp:wxr_version; empty in a file that is no export
	// made is when the export was made, in UTC, as the comment WordPress
	// writes at its top gives it (created="2011-05-23 09:08"), else the
	// channel's pubDate, which WordPress.com once gave the newest post's
	// time.
	made    time.Time
	created bool // made is from the comment
	// offsets are the blog's offsets from UTC, as its items show them
	// (see zoneNear), worked out once asked for; sameZone says whether
	// the site's time zone gives each of them.
	offsets     []shownOffset
	sameZone    bool
	offsetsOnce sync.Once
}

// createdAt finds when an export was made in the comment WordPress
// writes at its top.
var createdAt = regexp.MustCompile(`\bcreated="(\d{4}-\d\d-\d\d \d\d:\d\d)"`)

// wxrItem is one item of an export: a post, a page, an attachment, a
// menu item and so on.
type wxrItem struct {
	line                                         int
	title, link, guid, creator, content, excerpt string
	id, name, status, typ, date, dateGMT         string
	modified, modifiedGMT                        string // its last change
	attachment                                   string // wp:attachment_url, of an attachment
	password                                     string
	cats                                         []wxrCategory
	oldSlugs                                     []string // _wp_old_slug: slugs the post had before
	thumbnail                                    string   // _thumbnail_id: the attachment that is its featured image
	footnotes                                    string   // its footnotes, in JSON, as WordPress 6.3 and later keep them
	embeds                                       []string // the HTML WordPress kept of what its embeds showed (_oembed_…)
	sticky                                       bool     // wp:is_sticky: kept at the top of the blog's home page
	comments                                     int      // comments approved, which readers saw, not pingbacks
	pings                                        int      // pingbacks and trackbacks approved, which readers saw too
	approved, ping                               bool     // of the comment being read: approved, a pingback or trackback
}

// wxrCategory is a category or tag of an item.
type wxrCategory struct {
	domain, nicename, name string
}

// maxWXRDepth is how deep the elements of an export may nest: far deeper
// than WordPress nests them, and shallow enough that the path of each is
// cheap to make.
const maxWXRDepth = 64

// readWordPress reads the posts of the WordPress export o.Source. It
// reads the file token by token with encoding/xml, which expands no
// entity a file declares, and refuses a file that declares any, or that
// is larger than o.MaxSize.
func readWordPress(o *Options) (*source, error) {
	if err := settleZone(o, "", "", ""); err != nil {
		return nil, err
	}
	f, err := os.Open(o.Source)
	if err != nil {
		return nil, fmt.Errorf("importer: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > o.MaxSize {
		return nil, fmt.Errorf("importer: %s: the export is %s, over the %s this importer reads", o.Source, size(info.Size()), size(o.MaxSize))
	}
	w, err := parseWXR(&capped{r: f, max: o.MaxSize}, o.Source)
	if errors.Is(err, errTooLarge) {
		return nil, fmt.Errorf("importer: %s: the export is over the %s this importer reads", o.Source, size(o.MaxSize))
	}
	if err != nil {
		return nil, err
	}
	blog, _ := url.Parse(w.blog)
	if blog == nil {
		blog = &url.URL{}
	}
	src := &source{site: w.blog, feeds: []string{"/feed/"}}
	if w.utf8 != "" {
		src.warn(o.Source, 1, "the export declares the character set %s, but its text is in UTF-8, as WordPress writes it: read as UTF-8 (café, not cafÃ©)", w.utf8)
	}
	others := map[string]int{}
	attachments := map[string]string{} // the address of each attachment, by its id
	blocks := map[string]string{}      // the content of each reusable block, by its id
	footnotes := map[string]string{}   // the footnotes of each post that has any, by its id
	embeds := map[string][]string{}    // the HTML kept of the embeds of each post that has any, by its id
	for _, it := range w.items {
		if it.typ == "post" && it.footnotes != "" {
			footnotes[it.id] = it.footnotes
		}
		if it.typ == "post" && len(it.embeds) > 0 {
			embeds[it.id] = it.embeds
		}
		if it.typ == "attachment" && it.attachment != "" {
			attachments[it.id] = it.attachment
		}
		if it.typ == "wp_block" {
			blocks[it.id] = it.content
		}
	}
	for _, it := range w.items {
		src.read++
		if it.typ != "post" {
			if it.typ == "page" {
				src.skip(o.Source, it.line, "page %s %q: a page, not a post: not imported", it.id, html.UnescapeString(it.title))
			} else {
				others[it.typ]++
			}
			continue
		}
		p := wxrPost(it, w, blocks, blog, o, src)
		if p == nil {
			continue
		}
		p.comments, p.pings, p.sticky = it.comments, it.pings, it.sticky
		if it.thumbnail != "" {
			p.featured = cmp.Or(attachments[it.thumbnail], "attachment "+it.thumbnail)
		}
		src.posts = append(src.posts, p)
	}
	if len(others) > 0 {
		var kinds []string
		n := 0
		for _, k := range slices.Sorted(maps.Keys(others)) {
			kind := fmt.Sprintf("%d %s", others[k], k)
			if k == "wp_block" {
				kind += " (reusable blocks, whose text goes where posts use them)"
			}
			kinds = append(kinds, kind)
			n += others[k]
		}
		src.skip(o.Source, 0, "items that are not posts, not imported: %s", strings.Join(kinds, ", "))
		src.skipped[len(src.skipped)-1].Items = n
	}
	src.tallies = append(src.tallies, otherTaxonomies(o.Source), queryAddresses(o.Source), uploads(o.Source, w, blog), featuredImages(o.Source), stickyPosts(o.Source), otherDays(o.Zone, "WordPress"))
	src.body = (&wpBody{blog: blog, footnotes: footnotes, embeds: embeds}).convert
	return src, nil
}

// otherTaxonomies tells, one note for each, the taxonomies other than
// categories and tags whose terms the posts imported have (a theme's or
// plugin's, such as a product's type), which are not carried over: the
// site shows only topics and regulators.
func otherTaxonomies(export string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		type taxonomy struct {
			posts int
			terms []string
		}
		found := map[string]*taxonomy{}
		for _, p := range posts {
			for domain, terms := range p.terms {
				tx := found[domain]
				if tx == nil {
					tx = &taxonomy{}
					found[domain] = tx
				}
				tx.posts++
				for _, t := range terms {
					if !slices.Contains(tx.terms, t) {
						tx.terms = append(tx.terms, t)
					}
				}
			}
		}
		var notes []Note
		for _, domain := range slices.Sorted(maps.Keys(found)) {
			tx := found[domain]
			terms := strings.Join(tx.terms[:min(len(tx.terms), 5)], ", ")
			if len(tx.terms) > 5 {
				terms += fmt.Sprintf(" and %d more", len(tx.terms)-5)
			}
			notes = append(notes, Note{Source: export, Msg: fmt.Sprintf("the taxonomy %s, whose terms %d %s, is not carried over (%s): articles have topics, made of categories and tags, and regulators; to keep its terms, add them to the articles' topics", domain, tx.posts, plural(tx.posts, "post imported has", "posts imported have"), terms)})
		}
		return notes
	}
}

// stickyPosts tells of the WordPress posts that were sticky, which the
// blog kept at the top of its home page above newer ones, where
// bulletin lists articles by date alone: the first few by name.
func stickyPosts(export string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		var sticky []string
		for _, p := range posts {
			if p.sticky {
				sticky = append(sticky, p.label)
			}
		}
		n := len(sticky)
		if n == 0 {
			return nil
		}
		return []Note{{Source: export, Msg: fmt.Sprintf("%d %s sticky, kept at the top of the blog's home page, where bulletin lists articles by date alone: not carried over (%s); link to %s where readers should see %s first", n, plural(n, "post was", "posts were"), strings.Join(firstOf(sticky, 3), "; "), plural(n, "it", "them"), plural(n, "it", "them"))}}
	}
}

// maxPostHTML bounds a post's HTML: twice what a build reads, as its
// tags and attributes go in the conversion.
const maxPostHTML = 2 * content.MaxFileSize

// wxrPost makes a post of an export item of type post, or notes why not;
// blocks are the export's reusable blocks, by id.
func wxrPost(it *wxrItem, w *wxr, blocks map[string]string, blog *url.URL, o *Options, src *source) *post {
	// WordPress exports titles, and stores term names, with HTML's
	// escapes (&amp;).
	title := strings.TrimSpace(html.UnescapeString(it.title))
	label := fmt.Sprintf("post %s %q", it.id, title)
	skip := func(format string, args ...any) *post {
		src.skip(o.Source, it.line, label+": "+format, args...)
		return nil
	}
	fail := func(format string, args ...any) *post {
		src.fail(o.Source, it.line, label+": "+format, args...)
		return nil
	}
	p := &post{file: o.Source, line: it.line, label: label, title: title, raw: it.content, html: true, id: strings.TrimSpace(it.guid), item: it.id}
	switch it.status {
	case "publish", "future":
	case "draft", "pending":
		p.draft = true
	case "private":
		return skip("private: not imported, as everything bulletin publishes is public")
	default:
		return skip("status %q: not imported", it.status)
	}
	if it.password != "" {
		return skip("protected by a password: not imported, as bulletin has no passwords")
	}
	if len(it.content) > maxPostHTML {
		// Its article would be larger than a build reads, and converting
		// it first would take minutes and gigabytes.
		return fail("its content is %s of HTML, over the %s its article could come to: not imported; split the post, or publish its long material as a file and link to it", size(int64(len(it.content))), size(maxPostHTML))
	}
	raw, blockNotes, ok := withBlocks(it.content, blocks, maxPostHTML)
	if !ok {
		return fail("with the reusable blocks it uses, its content is over the %s of HTML its article could come to: not imported; split the post, or publish its long material as a file and link to it", size(maxPostHTML))
	}
	p.raw = raw
	if p.title == "" {
		// An aside or a status has none: WordPress shows its words.
		label = fmt.Sprintf("post %s", it.id)
		md, _ := toMarkdown(autop(p.raw), nil)
		if p.title = cut(plainText(md, true), titleRunes); p.title == "" {
			return fail("no title and no text: not imported; give it a title")
		}
		p.label = label
		src.warnings = append(src.warnings, p.note(0, fmt.Sprintf("no title, so its first words are: %q; give it a better one", p.title)))
	}
	for _, msg := range blockNotes {
		src.warnings = append(src.warnings, p.note(0, msg))
	}
	date, ok, err := wxrDate(it.date, it.dateGMT, w.zoneNear(it.date, o.Zone))
	switch {
	case err != nil:
		return fail("%v: not imported", err)
	case !ok && p.draft:
		// A draft never scheduled has no date: it is dated by its last
		// change, as WordPress shows it, or where the export gives none,
		// by the day the export was made.
		by := "its last change"
		date, ok, err = wxrDate(it.modified, it.modifiedGMT, w.zoneNear(it.modified, o.Zone))
		if err != nil || !ok {
			by = "the day the export was made"
			date, err = w.made, nil
		}
		if date.IsZero() {
			return fail("a draft with no date, no wp:post_modified and an export without a pubDate: not imported; give it a date")
		}
		src.warnings = append(src.warnings, p.note(0, fmt.Sprintf("a draft with no date, dated by %s, %s: set its date before you publish it", by, date.Format(time.DateOnly))))
	case !ok:
		return fail("no date: not imported")
	}
	p.date = date
	if s, err := url.PathUnescape(it.name); err == nil {
		p.slug = s
	} else {
		p.slug = it.name
	}
	for _, domain := range []string{"category", "post_tag"} {
		for _, c := range it.cats {
			if c.domain == domain && !(domain == "category" && c.nicename == "uncategorized") {
				p.names = append(p.names, strings.TrimSpace(html.UnescapeString(c.name)))
			}
		}
	}
	for _, c := range it.cats {
		if c.domain != "" && c.domain != "category" && c.domain != "post_tag" && c.domain != "post_format" {
			if p.terms == nil {
				p.terms = map[string][]string{}
			}
			p.terms[c.domain] = append(p.terms[c.domain], strings.TrimSpace(html.UnescapeString(c.name)))
		}
	}
	if name := strings.TrimSpace(it.creator); name != "" {
		p.authors = []string{html.UnescapeString(cmp.Or(w.authors[name], name))}
	}
	p.summary = strings.TrimSpace(it.excerpt)
	link := sitePath(it.link, blog)
	var olds []string
	if link != "" && !strings.Contains(link, "?") {
		// WordPress sends a post's earlier slugs on to it.
		dir, last := splitLast(link)
		if last == it.name {
			for _, s := range it.oldSlugs {
				olds = append(olds, dir+s+"/")
			}
		}
	}
	pages, why := pageAliases(link, it.content)
	if why != "" {
		src.warnings = append(src.warnings, p.note(0, why))
	}
	olds = append(append(olds, link), pages...)
	olds = append(olds, "/?p="+strings.TrimSpace(it.id))
	seen := make(map[string]bool, len(olds)+len(p.old))
	for _, old := range p.old {
		seen[old] = true
	}
	for _, old := range olds {
		if old != "" && !seen[old] {
			seen[old] = true
			p.old = append(p.old, old)
			p.keys = append(p.keys, "wp:"+content.Fold(strings.TrimSuffix(old, "/")))
		}
	}
	// The guid is the post's address when first published, on the host
	// the blog had then, which links written then name.
	if key := guidKey(it.guid); key != "" {
		p.keys = append(p.keys, key)
	}
	return p
}

// maxPageAliases bounds the aliases kept for the pages of one post, well
// below the 1,000 aliases an article may have.
const maxPageAliases = 100

// pageAliases gives the aliases of the addresses WordPress gave the
// pages after the first of a post that <!--nextpage--> splits, which
// the article holds whole: link, its permalink as a site path, with the
// page's number after it (/2018/11/02/x/2/). WordPress ignored a page
// break at the start of the content, and gave the pages of a permalink
// with a query ?page=2, which no alias can be. Where its permalink ends
// in no slash (/x.html), the pages' addresses (/x.html/2) are inside
// the file its alias is, and where they are over maxPageAliases, too
// many: why then says so, and none is given.
func pageAliases(link, content string) (aliases []string, why string) {
	n := strings.Count(content, "<!--nextpage-->")
	if start := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(content), "<!-- wp:nextpage -->")); strings.HasPrefix(start, "<!--nextpage-->") {
		n--
	}
	if n <= 0 || link == "" || strings.Contains(link, "?") {
		return nil, ""
	}
	if !strings.HasSuffix(link, "/") {
		return nil, fmt.Sprintf("its %d %s after the first (<!--nextpage-->), which the article holds whole, had addresses below its own (%s/2): not kept as aliases, as its own address is a file's; redirect them on the server if they matter", n, plural(n, "page", "pages"), link)
	}
	if n > maxPageAliases {
		return nil, fmt.Sprintf("its %d pages after the first (<!--nextpage-->), which the article holds whole, had addresses of their own (%s2/ and on): too many to keep as aliases; redirect them on the server if they matter", n, link)
	}
	for i := range n {
		aliases = append(aliases, fmt.Sprintf("%s%d/", link, i+2))
	}
	return aliases, ""
}

// guidKey is how links between posts find a post by its guid, an address
// on the host it was first published on: the address less its scheme
// and fragment, the host in lower case, without a slash at the end; ""
// for a guid that is no such address.
func guidKey(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	key := "guid:" + strings.ToLower(u.Host) + content.Fold(strings.TrimSuffix(u.EscapedPath(), "/"))
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}

// splitLast splits /a/b/c/ into /a/b/ and c.
func splitLast(p string) (dir, last string) {
	t := strings.TrimSuffix(p, "/")
	i := strings.LastIndexByte(t, '/')
	return t[:i+1], t[i+1:]
}

// sitePath gives the path of an address on the blog, relative to the
// blog's own path, with its query: the address as a site path.
func sitePath(addr string, blog *url.URL) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil || (u.Host != "" && blog.Host != "" && !strings.EqualFold(u.Host, blog.Host)) {
		return ""
	}
	if u.Opaque != "" || u.Scheme != "" && !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https") {
		return "" // javascript:, mailto: and the like address no page
	}
	if u.Host == "" && u.Path == "" && u.RawQuery == "" {
		return "" // nothing, or a part of the page it is on (#top)
	}
	p := u.EscapedPath()
	if base := strings.TrimSuffix(blog.EscapedPath(), "/"); base != "" {
		if p != base && !strings.HasPrefix(p, base+"/") {
			return ""
		}
		p = strings.TrimPrefix(p, base)
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

// capped reads at most max bytes from r, and fails with errTooLarge after.
type capped struct {
	r   io.Reader
	n   int64
	max int64
}

func (c *capped) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		return n, errTooLarge
	}
	return n, err
}

// name gives an element's name with the prefix WordPress writes for its
// namespace, so that a file declaring other prefixes reads the same. A
// namespace is known by http or https: WordPress.com writes the second.
func name(n xml.Name) string {
	space := strings.TrimPrefix(strings.TrimPrefix(n.Space, "http://"), "https://")
	switch {
	case strings.HasSuffix(space, "/excerpt/") || space == "excerpt":
		return "excerpt:" + n.Local
	case strings.HasPrefix(space, "wordpress.org/export/") || space == "wp":
		return "wp:" + n.Local
	case space == "purl.org/rss/1.0/modules/content/" || space == "content":
		return "content:" + n.Local
	case space == "purl.org/dc/elements/1.1/" || space == "dc":
		return "dc:" + n.Local
	case space == "":
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// singleByte reports whether the character set label names one of a byte
// a letter, as Latin-1 and Windows-1252 are.
func singleByte(label string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "iso-8859-1", "iso8859-1", "latin1", "l1", "windows-1252", "cp1252", "iso-8859-15", "latin9":
		return true
	}
	return false
}

// holdsUTF8 reports whether head, the start of a file, is UTF-8 holding a
// letter of two bytes or more: text of one byte a letter almost never
// is, as its letters past ASCII stand alone.
func holdsUTF8(head []byte) bool {
	// The last letter may be cut where the start ends.
	for i := 0; i < utf8.UTFMax && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	return utf8.Valid(head) && slices.ContainsFunc(head, func(c byte) bool { return c >= 0x80 })
}

// parseWXR reads an export token by token, keeping only what posts need.
func parseWXR(r io.Reader, file string) (*wxr, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = xml.HTMLEntity // &nbsp; and the like, which old exports have outside CDATA
	// An old blog exports in its own character set, as its declaration
	// says (ISO-8859-1, windows-1252), read by the names browsers know.
	w := &wxr{authors: map[string]string{}}
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		// An export that declares a character set of one byte a letter
		// but holds UTF-8's letters of two or more (café as cafÃ©
		// otherwise) is read as UTF-8, as WordPress wrote it.
		b := bufio.NewReaderSize(input, 1<<20)
		if head, _ := b.Peek(1 << 20); singleByte(label) && holdsUTF8(head) {
			w.utf8 = label
			return b, nil
		}
		r, err := charset.NewReaderLabel(label, b)
		if err != nil {
			return nil, fmt.Errorf("it declares the character set %q, which this importer does not know: convert it to UTF-8 (iconv -f %s -t UTF-8)", label, label)
		}
		return r, nil
	}
	var (
		stack              []string
		text               strings.Builder
		item               *wxrItem
		login, displayName string
		metaKey, metaValue string
		channelLink        string
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(file, err)
		}
		switch t := tok.(type) {
		case xml.Comment:
			if m := createdAt.FindSubmatch(t); m != nil && !w.created {
				if at, err := time.Parse("2006-01-02 15:04", string(m[1])); err == nil {
					w.made, w.created = at, true
				}
			}
		case xml.Directive:
			if strings.Contains(string(t), "ENTITY") {
				line, _ := d.InputPos()
				return nil, fmt.Errorf("importer: %s:%d: the file declares entities (<!ENTITY>), which WordPress exports never do: refused, as they can make a small file expand without end", file, line)
			}
		case xml.StartElement:
			stack = append(stack, name(t.Name))
			if len(stack) > maxWXRDepth {
				line, _ := d.InputPos()
				return nil, fmt.Errorf("importer: %s:%d: elements nest over %d deep, where a WordPress export nests them 6 deep at most (a post's HTML is text in it): refused, as no export WordPress writes", file, line, maxWXRDepth)
			}
			text.Reset()
			switch path := strings.Join(stack, "/"); {
			case len(stack) == 1 && t.Name.Local == "feed":
				return nil, fmt.Errorf("importer: %s: an Atom feed, as a Blogger export is, not a WordPress export: import reads WordPress exports (Tools → Export), and Jekyll and Hugo sites", file)
			case len(stack) == 1 && path != "rss":
				return nil, fmt.Errorf("importer: %s: not a WordPress export: it holds <%s>, not <rss>", file, t.Name.Local)
			case path == "rss/channel/item":
				line, _ := d.InputPos()
				item = &wxrItem{line: line}
			case path == "rss/channel/item/category" && item != nil:
				c := wxrCategory{}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "domain":
						c.domain = a.Value
					case "nicename":
						c.nicename = a.Value
					}
				}
				item.cats = append(item.cats, c)
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			v := text.String()
			text.Reset()
			path := strings.Join(stack, "/")
			stack = stack[:len(stack)-1]
			if item != nil && strings.HasPrefix(path, "rss/channel/item/") {
				readItemField(item, strings.TrimPrefix(path, "rss/channel/item/"), v, &metaKey, &metaValue)
				continue
			}
			switch path {
			case "rss/channel/item":
				w.items = append(w.items, item)
				item = nil
			case "rss/channel/link":
				channelLink = strings.TrimSpace(v)
			case "rss/channel/pubDate":
				if at, err := time.Parse(time.RFC1123Z, strings.TrimSpace(v)); err == nil && !w.created {
					w.made = at
				}
			case "rss/channel/wp:base_blog_url":
				w.blog = strings.TrimSpace(v)
			case "rss/channel/wp:wxr_version":
				w.version = strings.TrimSpace(v)
			case "rss/channel/wp:author/wp:author_login":
				login = strings.TrimSpace(v)
			case "rss/channel/wp:author/wp:author_display_name":
				displayName = strings.TrimSpace(v)
			case "rss/channel/wp:author":
				if login != "" && displayName != "" {
					w.authors[login] = displayName
				}
				login, displayName = "", ""
			}
		}
	}
	if w.version == "" {
		return nil, fmt.Errorf("importer: %s: an RSS feed, but not a WordPress export (no wp:wxr_version): export the site with Tools → Export", file)
	}
	if w.blog == "" {
		w.blog = channelLink
	}
	return w, nil
}

// readItemField keeps one field of an item; field is its path inside the
// item.
func readItemField(it *wxrItem, field, v string, metaKey, metaValue *string) {
	switch field {
	case "title":
		it.title = v
	case "link":
		it.link = v
	case "guid":
		it.guid = v
	case "dc:creator":
		it.creator = v
	case "content:encoded":
		it.content = v
	case "excerpt:encoded":
		it.excerpt = v
	case "wp:post_id":
		it.id = strings.TrimSpace(v)
	case "wp:post_name":
		it.name = strings.TrimSpace(v)
	case "wp:status":
		it.status = strings.TrimSpace(v)
	case "wp:post_type":
		it.typ = strings.TrimSpace(v)
	case "wp:post_date":
		it.date = v
	case "wp:post_date_gmt":
		it.dateGMT = v
	case "wp:post_modified":
		it.modified = v
	case "wp:post_modified_gmt":
		it.modifiedGMT = v
	case "wp:post_password":
		it.password = v
	case "wp:attachment_url":
		it.attachment = strings.TrimSpace(v)
	case "wp:is_sticky":
		it.sticky = strings.TrimSpace(v) == "1"
	case "category":
		it.cats[len(it.cats)-1].name = v
	case "wp:postmeta/wp:meta_key":
		*metaKey = strings.TrimSpace(v)
	case "wp:postmeta/wp:meta_value":
		*metaValue = strings.TrimSpace(v)
	case "wp:comment/wp:comment_approved":
		it.approved = strings.TrimSpace(v) == "1"
	case "wp:comment/wp:comment_type":
		t := strings.TrimSpace(v)
		it.ping = t == "pingback" || t == "trackback"
	case "wp:comment":
		switch {
		case it.approved && it.ping:
			it.pings++
		case it.approved:
			it.comments++
		}
		it.approved, it.ping = false, false
	case "wp:postmeta":
		if *metaKey == "_wp_old_slug" && *metaValue != "" {
			it.oldSlugs = append(it.oldSlugs, *metaValue)
		}
		if *metaKey == "_thumbnail_id" {
			it.thumbnail = *metaValue
		}
		if *metaKey == "footnotes" {
			it.footnotes = *metaValue
		}
		// A failure to embed is kept as {{unknown}}, and the time of each
		// embed's HTML beside it.
		if strings.HasPrefix(*metaKey, "_oembed_") && !strings.HasPrefix(*metaKey, "_oembed_time_") && *metaValue != "" && *metaValue != "{{unknown}}" {
			it.embeds = append(it.embeds, *metaValue)
		}
		*metaKey, *metaValue = "", ""
	}
}

// wxrDate reads the date of an item, from its field in UTC (gmt) where
// it has one, else from the one in the blog's time zone (local), read in
// zone. Given both, the date keeps the blog's offset that day, so that
// the day WordPress showed is known (see otherDays). ok is false when
// neither is there; WordPress writes 0000-00-00 00:00:00 for none.
func wxrDate(local, gmt string, zone *time.Location) (t time.Time, ok bool, err error) {
	read := func(name, value string) (time.Time, bool, error) {
		v := strings.TrimSpace(value)
		if v == "" || strings.HasPrefix(v, "0000") {
			return time.Time{}, false, nil
		}
		t, err := time.Parse(time.DateTime, v)
		if err != nil {
			return t, false, fmt.Errorf("%s %q is not a date", name, value)
		}
		return t, true, nil
	}
	inUTC, hasUTC, err := read("wp:post_date_gmt", gmt)
	if err != nil {
		return inUTC, false, err
	}
	shown, hasShown, err := read("wp:post_date", local)
	switch {
	case hasUTC && err == nil && hasShown && shown.Sub(inUTC).Abs() <= 18*time.Hour:
		return inUTC.In(time.FixedZone("", int(shown.Sub(inUTC).Seconds()))), true, nil
	case hasUTC:
		return inUTC.In(zone), true, nil
	case err != nil || !hasShown:
		return time.Time{}, false, err
	}
	t, err = time.ParseInLocation(time.DateTime, strings.TrimSpace(local), zone)
	return t, err == nil, err
}

// zoneNear gives the zone to read a time the blog showed (local), with
// no time in UTC beside it, as a draft never scheduled has, and a post
// some plugins published: zone, the site's, where it gives every offset
// from UTC the blog's dated posts and changes show, which the export
// gives both ways, as it then is the blog's own, with its summer time;
// else the offset of the one nearest in time, so that the time is read
// in the blog's own zone and summer time; zone when no item gives one.
// zone is the site's time zone in every call.
func (w *wxr) zoneNear(local string, zone *time.Location) *time.Location {
	t, err := time.Parse(time.DateTime, strings.TrimSpace(local))
	if err != nil {
		return zone
	}
	w.offsetsOnce.Do(func() {
		w.offsets = offsetsOf(w.items)
		w.sameZone = !slices.ContainsFunc(w.offsets, func(o shownOffset) bool {
			_, seconds := o.shown.Add(-time.Duration(o.seconds) * time.Second).In(zone).Zone()
			return seconds != o.seconds
		})
	})
	if len(w.offsets) == 0 || w.sameZone {
		return zone
	}
	i, _ := slices.BinarySearchFunc(w.offsets, t, func(o shownOffset, t time.Time) int { return o.shown.Compare(t) })
	if i == len(w.offsets) || i > 0 && t.Sub(w.offsets[i-1].shown) < w.offsets[i].shown.Sub(t) {
		i--
	}
	return time.FixedZone("", w.offsets[i].seconds)
}

// shownOffset is a time the blog showed, and its offset from UTC.
type shownOffset struct {
	shown   time.Time
	seconds int
}

// offsetsOf gives the offsets of the times items give both as the blog
// showed them and in UTC, in time order.
func offsetsOf(items []*wxrItem) []shownOffset {
	var out []shownOffset
	for _, it := range items {
		for _, pair := range [][2]string{{it.date, it.dateGMT}, {it.modified, it.modifiedGMT}} {
			shown, err1 := time.Parse(time.DateTime, strings.TrimSpace(pair[0]))
			inUTC, err2 := time.Parse(time.DateTime, strings.TrimSpace(pair[1]))
			if offset := shown.Sub(inUTC); err1 == nil && err2 == nil && offset.Abs() <= 18*time.Hour {
				out = append(out, shownOffset{shown, int(offset.Seconds())})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b shownOffset) int { return a.shown.Compare(b.shown) })
	return out
}

// xmlError explains an error of the XML decoder with the file and line.
func xmlError(file string, err error) error {
	if errors.Is(err, errTooLarge) {
		return err
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if strings.HasPrefix(msg, "invalid character entity") {
			msg += " (this importer expands no entity a file declares)"
		}
		return fmt.Errorf("importer: %s:%d: not a well-formed export: %s", file, se.Line, msg)
	}
	return fmt.Errorf("importer: %s: %w", file, err)
}
