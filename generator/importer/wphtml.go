package importer

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// wpBody turns the bodies of WordPress posts into Markdown, pointing
// links to other posts of the export at their new URLs.
type wpBody struct {
	blog      *url.URL
	footnotes map[string]string   // the footnotes field of each post that has one, by its id
	embeds    map[string][]string // the HTML kept of each post's embeds, by its id
}

var (
	moreTag    = regexp.MustCompile(`<!--more\b.*?-->`)
	caption    = regexp.MustCompile(`(?s)\[caption([^\]]*)\](.*?)\[/caption\]`)
	embedCode  = regexp.MustCompile(`\[embed[^\]]*\]\s*(https?://[^\s\[<"]+)\s*\[/embed\]`)
	wpCode     = regexp.MustCompile(`\[(/?)([A-Za-z][\w-]*)([^\]\n]*)\]`)
	coreCodes  = map[string]bool{"gallery": true, "embed": true, "audio": true, "video": true, "playlist": true}
	preBlock   = regexp.MustCompile(`(?is)<pre[\s>].*?</pre>`)
	blankLines = regexp.MustCompile(`\n[ \t]*\n`)
	blockStart = regexp.MustCompile(`(?i)^<(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|form|address|section|article|aside|header|footer|nav|details|summary|iframe|script|style|!--)[\s>/]`)

	// captionAttr is the caption of [caption caption="…"], as WordPress
	// before 3.4 wrote it, which it shows as HTML.
	captionAttr = regexp.MustCompile(`(?i)\bcaption=(?:"([^"]*)"|'([^']*)')`)
)

// textileLink matches a link written in Textile, "text":address, the
// address ending before the punctuation that ends a sentence.
var textileLink = regexp.MustCompile(`"([^"<>\n]{1,200})":((?:(?:https?|ftp)://|/)[^\s<>"]*[^\s<>".,;:!?)'])`)

// convert converts a post's HTML to Markdown, with the text before a
// <!--more--> tag as the summary when the post has no excerpt.
func (l *wpBody) convert(p *post, ix *index, r *Report) string {
	raw := caption.ReplaceAllStringFunc(p.raw, figure)
	// An [embed] shows what its address's site gives to show, as an
	// address alone in a paragraph does.
	raw = embedCode.ReplaceAllString(raw, `<p>$1</p>`)
	raw = embeds(raw, l.embeds[p.item], p, r)
	raw = mediaLinks(raw, p, r)
	l.shortcodes(p, raw, r)
	if n := len(textileLink.FindAllStringIndex(raw, -1)); n > 0 {
		// A post written in Textile, which a plugin made HTML of as
		// WordPress showed it: its links are made links again.
		raw = textileLink.ReplaceAllString(raw, `<a href="$2">$1</a>`)
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("written in Textile, which a plugin made HTML of: its %d %s (\"text\":address) became %s; check its lists (* ), emphasis (*word*) and notes (fn1.), which are shown as written", n, plural(n, "link", "links"), plural(n, "a link", "links"))))
	}
	if !strings.Contains(raw, "<!-- wp:") {
		raw = autop(raw) // the classic editor keeps paragraphs as blank lines
	}
	raw, notes := footnoteMarks(raw, l.footnotes[p.item], p, r)
	raw = moreTag.ReplaceAllString(raw, "<!--more-->")
	raw, excerpt := more(raw, "<!--more-->")
	var away []string // addresses of the old site no post imported has
	link := func(href string) string {
		to, page := l.link(href, ix)
		if page != "" && !slices.Contains(away, page) {
			away = append(away, page)
		}
		return to
	}
	md, lost := toMarkdown(raw, link)
	md = notes.write(md, link)
	awayNote(p, away, l.blog.Host != "", r)
	p.lost(lost, nil, r) // the export tells no line within an item
	if p.summary != "" {
		excerpt = p.summary
		p.summary = ""
	}
	if strings.TrimSpace(excerpt) != "" {
		p.summary, _ = toMarkdown(autop(footnoteStandIn.ReplaceAllString(excerpt, "")), nil)
	}
	return md
}

// mediaCode matches WordPress's [audio] and [video] shortcodes, with
// the closing tag [video] may have.
var mediaCode = regexp.MustCompile(`(?s)\[(audio|video)(\s[^\]\n]*)?\](?:[^\[]{0,1000}?\[/(?:audio|video)\])?`)

// codeHTML matches HTML's code, whose text is shown as written.
var codeHTML = regexp.MustCompile(`(?is)<pre[\s>].*?</pre>|<code[\s>].*?</code>`)

// htmlCode gives where raw, HTML, has code, whose text is shown as
// written.
func htmlCode(raw string) [][2]int {
	var code [][2]int
	for _, at := range codeHTML.FindAllStringIndex(raw, -1) {
		code = append(code, [2]int{at[0], at[1]})
	}
	return code
}

// mediaAttr matches the attribute of [audio] or [video] that names the
// file it plays: src, or its kind (mp3="…").
var mediaAttr = regexp.MustCompile(`(?i)\b(?:src|mp3|m4a|ogg|oga|wav|wma|flac|mp4|m4v|webm|ogv|wmv|flv|mov)=(?:"([^"]*)"|'([^']*)'|(\S+))`)

// mediaLinks makes each [audio] or [video] shortcode of raw outside its
// code, which Markdown cannot play, a link to the file it played (see
// mediaLink), and tells of them; one that names no file is left, for
// shortcodes to tell of. What a [video] holds for browsers that cannot
// play it goes with it.
func mediaLinks(raw string, p *post, r *Report) string {
	var made []string // the shortcodes made links, [audio] or [video], once each
	raw, _ = replaceOutside(raw, htmlCode(raw), mediaCode, func(match string, _ []string) string { return mediaLink(match, &made) })
	if len(made) > 0 {
		msg := "WordPress shortcode " + made[0] + " became a link to the file it played"
		if len(made) > 1 {
			msg = "WordPress shortcodes [audio] and [video] became links to the files they played"
		}
		r.Warnings = append(r.Warnings, p.note(0, msg))
	}
	return raw
}

// mediaLink gives the link to the file an [audio] or [video] shortcode
// plays, named by its kind and the file's name, and notes the shortcode
// in made; the shortcode as it is when it names no file.
func mediaLink(code string, made *[]string) string {
	m := mediaCode.FindStringSubmatch(code)
	address := strings.TrimSpace(m[2])
	if a := mediaAttr.FindStringSubmatch(m[2]); a != nil {
		address = a[1] + a[2] + a[3]
	}
	u, err := url.Parse(address)
	if address == "" || strings.ContainsAny(address, " \"'<>") || err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return code
	}
	if c := "[" + m[1] + "]"; !slices.Contains(*made, c) {
		*made = append(*made, c)
	}
	name, _ := url.PathUnescape(path.Base(u.Path))
	kind := "Audio"
	if m[1] == "video" {
		kind = "Video"
	}
	return "<p><a href=\"" + html.EscapeString(address) + "\">" + kind + ": " + html.EscapeString(name) + "</a></p>"
}

// figure gives the HTML of a [caption] shortcode: a figure of what it
// holds, and of the caption its attribute gives, if any.
func figure(code string) string {
	m := caption.FindStringSubmatch(code)
	if a := captionAttr.FindStringSubmatch(m[1]); a != nil {
		return "<figure>" + m[2] + "<figcaption>" + a[1] + a[2] + "</figcaption></figure>"
	}
	return "<figure>" + m[2] + "</figure>"
}

// shortcodes warns of each WordPress shortcode a body keeps as text.
func (l *wpBody) shortcodes(p *post, raw string, r *Report) {
	seen := map[string]bool{}
	for _, m := range wpCode.FindAllStringSubmatch(raw, -1) {
		name := m[2]
		// [sic] or [1] in a sentence is text; a shortcode has attributes,
		// a closing tag, or is one WordPress itself has.
		if m[1] != "" || seen[name] || !(coreCodes[name] || strings.Contains(m[3], "=") || strings.Contains(raw, "[/"+name+"]")) {
			continue
		}
		seen[name] = true
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("WordPress shortcode [%s] kept as text", name)))
	}
}

// link gives the new URL of a link to a post of the export, the old
// site's address of a file or page it links to by its path alone, which
// this site lacks, or the link as it is; and, when that link is to an
// address of the old site, other than its home page and uploads, that no
// post imported has, the path of that address there. A link by its path
// to what the site has of its own (/feed.xml, /sitemap.xml, /topics/,
// an old feed feed_aliases keeps) leads there, by its path from the top
// of the blog (/blog/sitemap.xml gives /sitemap.xml).
func (l *wpBody) link(href string, ix *index) (to, away string) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || (u.Host == "" && !strings.HasPrefix(u.Path, "/")) || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return href, ""
	}
	frag := ""
	if u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	u.Fragment = ""
	guid := guidKey(u.String())
	if u.Host != "" && l.blog.Host != "" && strings.EqualFold(strings.TrimPrefix(strings.ToLower(u.Host), "www."), strings.TrimPrefix(strings.ToLower(l.blog.Host), "www.")) {
		// The blog answered at its host with www. before it, or without,
		// as most hosts do.
		u.Host = l.blog.Host
	}
	var key string
	if id := u.Query().Get("p"); id != "" && (u.Host == "" || u.Host == l.blog.Host) {
		key = "wp:/?p=" + id // a post by its id, at any path of the blog
	} else if p := sitePath(u.String(), l.blog); p != "" {
		if page, _, _ := strings.Cut(p, "?"); wpIgnores(u.Query()) {
			p = page // ?utm_source=x: the post, as WordPress showed it
		}
		key = "wp:" + content.Fold(strings.TrimSuffix(p, "/"))
	}
	if q := ix.find(key); key != "" && q != nil && !q.skip {
		return q.url + frag, ""
	}
	// An address on a host the blog had before, as a post's guid keeps.
	if q := ix.find(guid); u.Host != "" && q != nil && !q.skip {
		return q.url + frag, ""
	}
	// An upload stays on the old site, so a link to it from the blog's
	// own pages must name the old host.
	path := sitePath(u.String(), l.blog)
	if u.Host == "" && l.blog.Host != "" && upload(path) {
		return l.blog.ResolveReference(u).String() + frag, ""
	}
	page, _, _ := strings.Cut(path, "?")
	if path == "" || page == "/" && u.Query().Get("p") == "" || upload(path) {
		return href, "" // another site's, the home page or an upload
	}
	if u.Host == "" && u.RawQuery == "" && ix.ours(page) {
		// The site's own, at its path from the top of the blog, where
		// the site's paths start.
		return page + frag, ""
	}
	if u.Host == "" && l.blog.Host != "" {
		// By its path, which leads nowhere on this site: to the old one.
		return l.blog.ResolveReference(u).String() + frag, path
	}
	return href, path
}

// wpQueryVars are the names of a query that WordPress reads to choose
// what a page shows (its public query variables): with any other, such
// as utm_source, fbclid or replytocom, the address of a post showed the
// post. lang is a translation plugin's (WPML, Polylang): it chose the
// post's translation, which may be another post.
var wpQueryVars = map[string]bool{
	"m": true, "p": true, "posts": true, "w": true, "cat": true, "withcomments": true, "withoutcomments": true,
	"s": true, "search": true, "exact": true, "sentence": true, "calendar": true, "page": true, "paged": true,
	"more": true, "tb": true, "pb": true, "author": true, "order": true, "orderby": true, "year": true,
	"monthnum": true, "day": true, "hour": true, "minute": true, "second": true, "name": true,
	"category_name": true, "tag": true, "feed": true, "author_name": true, "pagename": true, "page_id": true,
	"error": true, "attachment": true, "attachment_id": true, "subpost": true, "subpost_id": true,
	"preview": true, "robots": true, "favicon": true, "taxonomy": true, "term": true, "cpage": true,
	"post_type": true, "embed": true, "sitemap": true, "sitemap-subtype": true, "sitemap-stylesheet": true,
	"rest_route": true, "lang": true,
}

// wpIgnores says whether WordPress read none of the names of query q to
// choose what to show; false for no query.
func wpIgnores(q url.Values) bool {
	for name := range q {
		if wpQueryVars[name] {
			return false
		}
	}
	return len(q) > 0
}

// autop makes paragraphs of text separated by blank lines, and line
// breaks of single newlines, as WordPress does when it shows a post
// written in the classic editor. Blocks already in HTML are left alone,
// and so is everything inside <pre>.
func autop(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var pres []string
	s = preBlock.ReplaceAllStringFunc(s, func(m string) string {
		pres = append(pres, m)
		return fmt.Sprintf("<pre>\x00%d\x00</pre>", len(pres)-1)
	})
	var out []string
	for _, chunk := range blankLines.Split(s, -1) {
		chunk = strings.TrimSpace(chunk)
		switch {
		case chunk == "":
		case blockStart.MatchString(chunk):
			out = append(out, chunk)
		default:
			out = append(out, "<p>"+strings.ReplaceAll(chunk, "\n", "<br>\n")+"</p>")
		}
	}
	s = strings.Join(out, "\n\n")
	for i, pre := range pres {
		s = strings.Replace(s, fmt.Sprintf("<pre>\x00%d\x00</pre>", i), pre, 1)
	}
	return s
}

// blockUse matches where a post uses a reusable block, a synced pattern
// since WordPress 6.3, with its attributes: <!-- wp:block {"ref":77} /-->.
// WordPress shows the block's own content there, which the export holds
// as an item of type wp_block.
var blockUse = regexp.MustCompile(`<!--\s*wp:(?:core/)?block\s+(\{.*?\})\s*/-->`)

// blockAttrs are the attributes of a use of a reusable block: the id of
// the block, and the text the post puts in place of the block's own in
// the parts it names (content; overrides before WordPress 6.6).
type blockAttrs struct {
	Ref       json.Number     `json:"ref"`
	Content   json.RawMessage `json:"content"`
	Overrides json.RawMessage `json:"overrides"`
}

// withBlocks puts in raw, a post's HTML, the content of each reusable
// block it uses, from blocks, the export's by id, and of each block that
// content uses in turn, as WordPress shows them. A block that holds
// itself, by way of others or not, is put in once, not again where it
// repeats. The notes say what was left out, and why. ok is false when
// the HTML would pass max bytes, which no article can hold: blocks are
// put in no further then.
func withBlocks(raw string, blocks map[string]string, max int) (out string, notes []string, ok bool) {
	if !strings.Contains(raw, "wp:") || !blockUse.MatchString(raw) {
		return raw, nil, true
	}
	ok = true
	note := func(msg string) {
		if !slices.Contains(notes, msg) {
			notes = append(notes, msg)
		}
	}
	size := len(raw)
	var expand func(s string, within []string) string
	expand = func(s string, within []string) string {
		return blockUse.ReplaceAllStringFunc(s, func(use string) string {
			var a blockAttrs
			if err := json.Unmarshal([]byte(blockUse.FindStringSubmatch(use)[1]), &a); err != nil || a.Ref == "" {
				return use
			}
			id := a.Ref.String()
			content, found := blocks[id]
			switch {
			case !found:
				note(fmt.Sprintf("it uses reusable block %s, which the export does not hold: its text is missing from the article; export All content (Tools → Export), which holds reusable blocks, and import again, or write the text in", id))
				return ""
			case slices.Contains(within, id):
				note(fmt.Sprintf("reusable block %s holds itself (%s): put in once, not where it repeats", id, strings.Join(slices.Concat(within, []string{id}), " → ")))
				return ""
			case !ok || size+len(content) > max:
				ok = false
				return use
			}
			if given(a.Content) || given(a.Overrides) {
				note(fmt.Sprintf("it changes text of reusable block %s in its own use of it, which is not carried over: the block's own text is put in; check it against the old page", id))
			}
			size += len(content)
			return expand(content, slices.Concat(within, []string{id}))
		})
	}
	out = expand(raw, nil)
	return out, notes, ok
}

// given says whether an attribute of a block holds a value: one that is
// there, and is not null or empty.
func given(v json.RawMessage) bool {
	s := strings.TrimSpace(string(v))
	return s != "" && s != "null" && s != "{}" && s != "[]" && s != `""`
}

// footnoteMark matches the mark of a footnote, as WordPress 6.3 and
// later write it in a post's HTML, with the id of its note:
// <sup data-fn="8f1a…" class="fn"><a href="#8f1a…" id="8f1a…-link">1</a></sup>.
var footnoteMark = regexp.MustCompile(`(?is)<sup\b[^>]*?\sdata-fn=["']([^"']+)["'][^>]*>.*?</sup>`)

// footnoteStandIn is the text a footnote's mark stands as while the HTML
// is turned into Markdown, which would escape a Markdown footnote's
// brackets: bulletinfootnote1x for the first.
var footnoteStandIn = regexp.MustCompile(`bulletinfootnote(\d+)x`)

// anyTag matches a tag of HTML.
var anyTag = regexp.MustCompile(`<[^>]*>`)

// wpFootnote is one footnote of a post's footnotes field: its text, in
// HTML, and the id its mark names.
type wpFootnote struct {
	Content string `json:"content"`
	ID      string `json:"id"`
}

// footnotes are a post's footnotes, numbered in the order WordPress
// listed them, as its marks number them.
type footnotes []wpFootnote

// footnoteMarks gives raw, a post's HTML, with the mark of each footnote
// whose note field holds (the post's footnotes field, in JSON) standing
// as its number (see footnoteStandIn), and the notes, for write to put
// in Markdown's form. A mark whose note field lacks stands as its
// number alone, and is told of, and so is a note no mark names.
func footnoteMarks(raw, field string, p *post, r *Report) (string, footnotes) {
	var notes footnotes
	if field != "" && json.Unmarshal([]byte(field), &notes) != nil {
		r.Warnings = append(r.Warnings, p.note(0, "its footnotes field is not the list of notes WordPress writes, and is left out: its footnotes' marks are numbers in the text; write the notes in"))
		notes = nil
	}
	if len(notes) == 0 && !footnoteMark.MatchString(raw) {
		return raw, nil
	}
	marked := map[string]bool{}
	var lacking []string
	raw = footnoteMark.ReplaceAllStringFunc(raw, func(mark string) string {
		id := html.UnescapeString(footnoteMark.FindStringSubmatch(mark)[1])
		i := slices.IndexFunc(notes, func(n wpFootnote) bool { return n.ID == id })
		if i < 0 {
			// Its number, without the link to a note that is not there.
			lacking = append(lacking, id)
			return anyTag.ReplaceAllString(mark, "")
		}
		marked[id] = true
		return fmt.Sprintf("bulletinfootnote%dx", i+1)
	})
	if n := len(lacking); n > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%d footnote %s whose text the export does not hold (no note with the id %s in its footnotes field): kept as %s in the text; write the %s in", n, plural(n, "mark", "marks"), lacking[0], plural(n, "a number", "numbers"), plural(n, "note", "notes"))))
	}
	for i, n := range notes {
		if !marked[n.ID] {
			r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("footnote %d, which WordPress listed, has no mark in the text: its note is written as [^%d]: at the end, and shows once a mark [^%d] is put where it belongs", i+1, i+1, i+1)))
		}
	}
	return raw, notes
}

// write gives md, the Markdown of a post whose footnotes' marks
// footnoteMarks made stand-ins of, with each mark as Markdown writes a
// footnote's, [^1], and the notes after the text, [^1]: and the note,
// turned into Markdown with link as the post's text is.
func (notes footnotes) write(md string, link func(string) string) string {
	if len(notes) == 0 {
		return md
	}
	md = footnoteStandIn.ReplaceAllString(md, "[^$1]")
	var b strings.Builder
	b.WriteString(md)
	for i, n := range notes {
		text, _ := toMarkdown(n.Content, link)
		// The lines after the first are indented, as Markdown keeps
		// them in the note.
		text = strings.ReplaceAll(text, "\n", "\n    ")
		fmt.Fprintf(&b, "\n\n%s", strings.TrimSpace(fmt.Sprintf("[^%d]: %s", i+1, text)))
	}
	return b.String()
}
