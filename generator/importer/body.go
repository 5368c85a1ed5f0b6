package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/width"

	"bulletin/generator/content"
)

// truncateMark matches Docusaurus's excerpt marker on a line of its
// own, as MDX writes it ({/* truncate */}) and as Markdown does
// (<!--truncate-->).
var truncateMark = regexp.MustCompile(`(?m)^[ \t]*(?:\{/\*\s*truncate\s*\*/\}|<!--\s*truncate\s*-->)[ \t]*$`)

// truncated gives body with each truncate marker outside code made
// <!--more-->. Markdown reads one written as an HTML comment as an HTML
// block, which is taken for code only where it holds more than the
// marker, as a fenced example's lines do.
func truncated(body string) string {
	code := codeRanges(body)
	var b strings.Builder
	last := 0
	for _, m := range truncateMark.FindAllStringIndex(body, -1) {
		mark := strings.TrimSpace(body[m[0]:m[1]])
		// The first range from the marker on: a block of HTML holding
		// it alone, where it is one.
		k, _ := slices.BinarySearchFunc(code, m[0], func(r [2]int, at int) int { return cmp.Compare(r[0], at) })
		alone := k < len(code) && strings.TrimSpace(body[code[k][0]:code[k][1]]) == mark
		if inRanges(code, m[0]) && !(strings.HasPrefix(mark, "<!--") && alone) {
			continue
		}
		b.WriteString(body[last:m[0]])
		b.WriteString("<!--more-->")
		last = m[1]
	}
	b.WriteString(body[last:])
	return b.String()
}

// more takes the first of seps found in body out of it, and gives the
// text before it as the excerpt the source marked. Only separators
// written as HTML comments are taken out: bulletin would show them.
// Docusaurus's truncate marker, outside code, is taken for <!--more-->,
// which every caller gives.
func more(body string, seps ...string) (rest, excerpt string) {
	body = truncated(body)
	for _, sep := range seps {
		if !strings.HasPrefix(sep, "<!--") {
			continue
		}
		if i := strings.Index(body, sep); i >= 0 {
			before := strings.TrimRight(body[:i], " \t\n")
			after := strings.TrimLeft(body[i+len(sep):], " \t\n")
			return before + "\n\n" + after, before
		}
	}
	return body, ""
}

// finishBody turns an HTML body, or the HTML in a Markdown one, into
// Markdown, and makes the summary from the excerpt the source marked
// when the post has none. What the HTML loses is told at its line.
func finishBody(p *post, body, excerpt string, r *Report) string {
	given := body
	line := func(at int) int { return sourceLine(p, given, at) }
	if !p.html {
		var parts []loss
		body, parts = components(body)
		p.lost(parts, line, r)
		var turned, grouped int
		var open []loss
		inNotes := body
		body, turned, grouped, open = notes(body)
		if turned > 0 {
			r.Warnings = append(r.Warnings, routine(p.note(0, fmt.Sprintf("%d %s (:::tip, !!! note) became %s", turned, plural(turned, "note", "notes"), plural(turned, "a quote", "quotes"))), "notes became quotes"))
		}
		if grouped > 0 {
			r.Warnings = append(r.Warnings, routine(p.note(0, fmt.Sprintf("%d VitePress %s (::: code-group) lost %s marks, %s code blocks kept", grouped, plural(grouped, "code group", "code groups"), plural(grouped, "its", "their"), plural(grouped, "its", "their"))), "VitePress code groups became their code blocks"))
		}
		p.lost(open, func(at int) int { return sourceLine(p, inNotes, at) }, r)
		body, _ = replaceOutsideCode(body, markdownComment, func(_ string, g []string) string { return htmlComment(unwrapped(g[1])) })
		var lost []loss
		body, lost = htmlInMarkdown(body)
		p.lost(lost, line, r)
	}
	if p.html {
		var lost []loss
		body, lost = toMarkdown(body, nil)
		p.lost(lost, line, r)
		if excerpt != "" {
			excerpt, _ = toMarkdown(excerpt, nil)
		}
	}
	if p.summary == "" && strings.TrimSpace(excerpt) != "" {
		p.summary, p.excerpted = excerpt, true
	}
	return body
}

// markdownComment matches a line Markdown writers use as a comment, a
// link definition no text uses ([//]: # (a note)), which the old site
// did not show, but whose text CommonMark shows where it is no valid
// definition, as one holding parentheses is.
var markdownComment = regexp.MustCompile(`(?m)^ {0,3}\[(?://|#|comment|_comment)\]:[ \t]*(?:#|<>|//)[ \t]*(.*?)[ \t]*$`)

// htmlComment gives text as an HTML comment, which keeps it for editors
// and shows readers nothing.
func htmlComment(text string) string {
	return "<!-- " + strings.ReplaceAll(strings.TrimSpace(text), "--", "- -") + " -->"
}

// unwrapped gives text without the parentheses or quotes around it.
func unwrapped(text string) string {
	if len(text) >= 2 && (text[0] == '(' && text[len(text)-1] == ')' || text[0] == '"' && text[len(text)-1] == '"' || text[0] == '\'' && text[len(text)-1] == '\'') {
		return text[1 : len(text)-1]
	}
	return text
}

// containers are the elements whose parts a blank line may part into
// blocks of HTML in Markdown, which a browser reads as one.
var containers = map[atom.Atom]bool{atom.Ol: true, atom.Ul: true, atom.Dl: true, atom.Table: true, atom.Details: true, atom.Div: true, atom.Blockquote: true, atom.Figure: true, atom.Section: true}

// leftOpen counts the containers the HTML text opens, less those it
// closes.
func leftOpen(text string) int {
	z := html.NewTokenizer(strings.NewReader(text))
	open := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return open
		case html.StartTagToken:
			if name, _ := z.TagName(); containers[atom.Lookup(name)] {
				open++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); containers[atom.Lookup(name)] {
				open--
			}
		}
	}
}

// sourceLine gives the line of p's file that the text at offset at of
// body comes from, body being p's once its Liquid tags or shortcodes are
// converted, which may have taken lines out or put lines in: the line
// where p.raw has the text from at to the end of its tag or line, as
// many times before it as body has; else the line of body it is on.
func sourceLine(p *post, body string, at int) int {
	text, _, _ := strings.Cut(body[at:], "\n")
	if i := strings.IndexByte(text, '>'); i >= 0 {
		text = text[:i+1]
	}
	if text != "" {
		from := 0
		for range strings.Count(body[:at], text) {
			i := strings.Index(p.raw[from:], text)
			if i < 0 {
				break
			}
			from += i + len(text)
		}
		if i := strings.Index(p.raw[from:], text); i >= 0 {
			return p.bodyLine + strings.Count(p.raw[:from+i], "\n")
		}
	}
	return p.bodyLine + strings.Count(body[:at], "\n")
}

// htmlInMarkdown turns the HTML a Markdown body holds into Markdown, as
// the old site showed it: each block of HTML that stands alone as
// toMarkdown does (an embed becomes a link, a script is left out), and
// each <img> in a paragraph an image, so that bulletin neither shows it
// as text nor misses the file it shows. A comment stays: bulletin shows
// none. lost says what could not be kept, and where in body.
func htmlInMarkdown(body string) (string, []loss) {
	src := []byte(body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	type edit struct {
		start, stop int
		with        string
	}
	var edits []edit
	var lost []loss
	// convert puts the Markdown of html in place of src[start:stop];
	// where gives the offset in src of an offset in html.
	convert := func(html string, start, stop int, block bool, where func(int) int) {
		md, l := toMarkdown(html, nil)
		if block {
			md = strings.ReplaceAll(md, "\n", "\n"+continuation(src, start)) + "\n"
		}
		for _, x := range l {
			if x.at >= 0 {
				x.at = where(x.at)
			}
			lost = append(lost, x)
		}
		edits = append(edits, edit{start, stop, md})
	}
	merged := map[ast.Node]bool{} // blocks converted with one before them
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if merged[n] {
			return ast.WalkSkipChildren, nil
		}
		if b, ok := n.(*ast.HTMLBlock); ok && entering && b.HTMLBlockType != ast.HTMLBlockType2 && b.Lines().Len() > 0 {
			// A block in a list or a quote, as a closing </div> indented
			// under a list item, is converted where it stands, from its
			// lines without the marks of the quote. A block that leaves a
			// list, a table or the like open takes the blocks of HTML
			// after it until it closes, as a browser reads them: a blank
			// line between two <li> ends a block, not the list.
			var html strings.Builder
			var lineStarts [][2]int // each line's start in html, and in src
			start, stop := b.Lines().At(0).Start, 0
			for block, open := b, 0; ; {
				if html.Len() > 0 {
					html.WriteString("\n") // the blank line between two blocks
				}
				from := html.Len()
				lines := block.Lines()
				for i := range lines.Len() {
					seg := lines.At(i)
					lineStarts = append(lineStarts, [2]int{html.Len(), seg.Start})
					html.Write(seg.Value(src))
				}
				stop = lines.At(lines.Len() - 1).Stop
				if block.HasClosure() {
					lineStarts = append(lineStarts, [2]int{html.Len(), block.ClosureLine.Start})
					html.Write(block.ClosureLine.Value(src))
					stop = block.ClosureLine.Stop
				}
				open += leftOpen(html.String()[from:])
				next, ok := block.NextSibling().(*ast.HTMLBlock)
				if open <= 0 || !ok || next.Lines().Len() == 0 || next.HTMLBlockType == ast.HTMLBlockType2 {
					break
				}
				merged[next], block = true, next
			}
			convert(html.String(), start, stop, true, func(at int) int {
				i := len(lineStarts) - 1
				for lineStarts[i][0] > at {
					i--
				}
				return lineStarts[i][1] + at - lineStarts[i][0]
			})
			return ast.WalkSkipChildren, nil
		}
		if _, note := n.(*east.Footnote); note {
			// Made into HTML, a footnote's text would bring its link
			// back to the text with it.
			return ast.WalkSkipChildren, nil
		}
		if entering && isText(n) && n.Lines().Len() > 0 && inlineHTML(n, src) {
			// The paragraph as the old site showed it, turned back into
			// Markdown: its tags of HTML go, their text stays.
			var b bytes.Buffer
			if err := withHTML.Renderer().Render(&b, src, n); err == nil {
				md, l := toMarkdown(b.String(), nil)
				lines := n.Lines()
				for _, x := range l {
					if x.at >= 0 {
						x.at = inlineStart(n, src, b.String(), x.at)
					}
					lost = append(lost, x)
				}
				edits = append(edits, edit{lines.At(0).Start, lines.At(lines.Len() - 1).Stop, md})
			}
			return ast.WalkSkipChildren, nil
		}
		if _, cell := n.(*east.TableCell); cell && entering {
			// A cell of a table is one line: the tags of HTML in it go,
			// as a paragraph's do, their text staying.
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				raw, ok := c.(*ast.RawHTML)
				if !ok || raw.Segments.Len() != 1 {
					continue
				}
				seg := raw.Segments.At(0)
				tag := seg.Value(src)
				if with, ok := cellTag(tag); ok {
					edits = append(edits, edit{seg.Start, seg.Stop, with})
					if name := cellTextTag.FindSubmatch(tag); name != nil && tag[1] != '/' {
						lost = append(lost, loss{seg.Start, fmt.Sprintf("a <%s> in a table's cell is left out, its text kept", strings.ToLower(string(name[1])))})
					} else if with == " " {
						lost = append(lost, loss{seg.Start, "a <br> in a table's cell became a space, as a Markdown table's cell is one line"})
					}
				}
			}
			return ast.WalkContinue, nil // an <img> in it is made an image below
		}
		if raw, ok := n.(*ast.RawHTML); ok && entering && raw.Segments.Len() > 0 && imgTag.Match(raw.Segments.Value(src)) {
			// An <img> whose attributes run over lines is one tag.
			first, last := raw.Segments.At(0), raw.Segments.At(raw.Segments.Len()-1)
			convert(string(src[first.Start:last.Stop]), first.Start, last.Stop, false, func(at int) int { return first.Start + at })
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	for _, e := range edits {
		src = slices.Concat(src[:e.start], []byte(e.with), src[e.stop:])
	}
	return string(src), lost
}

// inlineStart gives where in src the element starts whose start tag is
// at offset at of rendered, the HTML goldmark renders of the paragraph
// n: a tag of HTML written in the paragraph, or a link or image it
// writes in Markdown, at its text; else the paragraph's start.
func inlineStart(n ast.Node, src []byte, rendered string, at int) int {
	where := n.Lines().At(0).Start
	var name string
	var nth int
	for tag, offsets := range startTags(rendered) {
		if i := slices.Index(offsets, at); i >= 0 {
			name, nth = tag, i
		}
	}
	if name == "" {
		return where
	}
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		tag, start := "", -1
		switch c := c.(type) {
		case *ast.RawHTML:
			tag, start = tagName(c.Segments.Value(src)), c.Segments.At(0).Start
		case *ast.Link, *ast.AutoLink:
			tag = "a"
		case *ast.Image:
			tag = "img"
		}
		if tag != name {
			return ast.WalkContinue, nil
		}
		if nth--; nth >= 0 {
			return ast.WalkContinue, nil
		}
		if t, ok := c.FirstChild().(*ast.Text); ok && start < 0 {
			start = t.Segment.Start
		}
		if start >= 0 {
			where = start
		}
		return ast.WalkStop, nil
	})
	return where
}

// tagName gives the name of the start tag that raw HTML begins with, in
// lower case, or "" when it begins with none.
func tagName(raw []byte) string {
	z := html.NewTokenizer(bytes.NewReader(raw))
	if tt := z.Next(); tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return ""
	}
	name, _ := z.TagName()
	return string(name)
}

// startTags gives where each start tag of src is, by its name.
func startTags(src string) map[string][]int {
	tags := map[string][]int{}
	z := html.NewTokenizer(strings.NewReader(src))
	for at := 0; ; at += len(z.Raw()) {
		switch z.Next() {
		case html.ErrorToken:
			return tags
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tags[string(name)] = append(tags[string(name)], at)
		}
	}
}

// elementStarts gives where in src, the HTML that html.Parse made doc of,
// each element's start tag is: the nth element of a name has the nth
// start tag of that name, and one the parser added (<html>, <body>) -1.
func elementStarts(doc *html.Node, src string) map[*html.Node]int {
	tags := startTags(src)
	out := map[*html.Node]int{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		out[n] = -1
		if list := tags[n.Data]; len(list) > 0 {
			out[n], tags[n.Data] = list[0], list[1:]
		}
	}
	return out
}

// continuation is what starts each line of a block that starts at
// offset at of src, after its first: as much space as the line holds
// before it, and the marks of the quotes it is in.
func continuation(src []byte, at int) string {
	line := src[bytes.LastIndexByte(src[:at], '\n')+1 : at]
	return string(bytes.Map(func(r rune) rune {
		if r == '>' {
			return r
		}
		return ' '
	}, line))
}

// isText says whether n is a paragraph, or the text of a list item in
// a tight list.
func isText(n ast.Node) bool {
	return n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock
}

// inlineHTML says whether a paragraph holds a tag of HTML other than an
// <img> or a comment, and no footnote.
func inlineHTML(p ast.Node, src []byte) bool {
	found, footnote := false, false
	ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if raw, ok := n.(*ast.RawHTML); ok && entering {
			tag := raw.Segments.Value(src)
			found = found || !imgTag.Match(tag) && !bytes.HasPrefix(tag, []byte("<!--"))
		}
		if _, ok := n.(*east.FootnoteLink); ok {
			// Markdown made of its HTML would lose the footnote.
			footnote = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found && !footnote
}

// withHTML renders Markdown with the HTML it holds as HTML, for
// htmlInMarkdown to turn into Markdown.
var withHTML = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
	goldmark.WithRendererOptions(ghtml.WithUnsafe()))

// imgTag matches an <img> tag.
var imgTag = regexp.MustCompile(`(?i)^<img\s`)

// cellTextTag matches the tags of HTML a cell of a table may hold whose
// text alone can stay in a Markdown table's one line: emphasis too,
// since a tag's text often ends in a space, which Markdown's emphasis
// cannot.
var cellTextTag = regexp.MustCompile(`(?i)^</?(span|font|small|big|abbr|bdi|bdo|cite|dfn|time|var|u|ins|mark|q|b|strong|i|em|s|del|strike)(?:\s[^>]*)?>$`)

// cellTag gives what a tag of HTML in a cell of a table becomes: nothing
// for a tag whose text stays (<span lang="ar">), a space for a line
// break; ok is false for any other tag, left as it is.
func cellTag(tag []byte) (with string, ok bool) {
	switch {
	case cellTextTag.Match(tag):
		return "", true
	case brTag.Match(tag):
		return " ", true
	}
	return "", false
}

// brTag matches a line break.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// converter turns HTML into Markdown of the kind bulletin reads (GitHub's,
// with tables and strikethrough).
var converter = htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
	base.NewBasePlugin(),
	commonmark.NewCommonmarkPlugin(commonmark.WithHeadingStyle(commonmark.HeadingStyleATX)),
	table.NewTablePlugin(),
	strikethrough.NewStrikethroughPlugin(),
))

// loss is what Markdown cannot hold of an element of HTML, as the report
// says it, and where the element's start tag is in the text converted
// (-1: not known).
type loss struct {
	at  int
	msg string
}

// toMarkdown converts HTML to Markdown, calling link, if given, with each
// link's and image's address to give the one to write. Markdown has no
// embeds: an embedded video, audio or page becomes a link to it, and
// scripts, styles and forms are left out; lost says what of them, for
// the report, and where in src.
func toMarkdown(src string, link func(string) string) (md string, lost []loss) {
	// Read as a browser with scripts off reads it: a <noscript>'s
	// content is markup, which stands for its script.
	doc, err := html.ParseWithOptions(strings.NewReader(src), html.ParseOptionEnableScripting(false))
	if err != nil {
		// HTML the parser cannot build a document of (elements nested
		// over 512 deep): kept as it is, its script would run where raw
		// HTML goes through. Its text is kept, and nothing of its markup.
		return textOnly(src), []loss{{-1, fmt.Sprintf("HTML that cannot be read as a document (%v) became its text alone, its links, images and formatting left out", err)}}
	}
	at := elementStarts(doc, src)
	if markdown := linkText(doc); len(markdown) > 0 {
		start, ok := at[markdown[0]]
		if !ok {
			start = -1
		}
		lost = append(lost, loss{start, "an image or link written in Markdown inside HTML, which Markdown shows as written, became one"})
	}
	var kept addresses
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch c.Data {
				case "iframe", "video", "audio", "embed", "object":
					lost = append(lost, loss{at[c], embedded(n, c, link)})
					c = next
					continue
				case "noscript":
					// What readers without the script saw, and all
					// readers see now that scripts are left out.
					c = unwrap(n, c)
					continue
				case "script", "style", "form":
					lost = append(lost, loss{at[c], fmt.Sprintf("a <%s> is left out", c.Data)})
					n.RemoveChild(c)
					c = next
					continue
				case "q":
					// A browser shows an inline quotation in quotation
					// marks, which Markdown has no element for: the marks
					// go into the text.
					c.InsertBefore(&html.Node{Type: html.TextNode, Data: "“"}, c.FirstChild)
					c.AppendChild(&html.Node{Type: html.TextNode, Data: "”"})
					c = unwrap(n, c)
					continue
				case "cite":
					if n.Type == html.ElementNode && n.Data == "blockquote" && endsIn(c) {
						attribution(c)
					}
				case "sup", "sub":
					lost = append(lost, loss{at[c], fmt.Sprintf("a <%s> became plain text, as Markdown has no %sscript: check figures such as m2, H2O or a footnote's number", c.Data, map[string]string{"sup": "super", "sub": "sub"}[c.Data])})
				case "ins", "u", "mark":
					// The mark a reader saw may have said something:
					// what an edit added, say.
					lost = append(lost, loss{at[c], fmt.Sprintf("a <%s> became plain text, as Markdown has no %s: check that the text still says what the mark showed", c.Data, map[string]string{"ins": "inserted text", "u": "underline", "mark": "highlight"}[c.Data])})
				case "details":
					// Its summary becomes a paragraph and the rest is shown
					// below it, open, where readers had to open it.
					lost = append(lost, loss{at[c], "a <details> that readers opened by its summary is shown open, its summary a paragraph above it"})
				case "abbr":
					if attr(c, "title") != "" {
						lost = append(lost, loss{at[c], "an <abbr>'s expansion (its title) is left out: write it in the text where readers need it"})
					}
				}
			}
			if scheme := scriptAddress(c); scheme != "" {
				// A link or image that would run script keeps its text
				// alone: a build refuses it.
				lost = append(lost, loss{at[c], fmt.Sprintf("a %s: address is left out, its text kept", scheme)})
				c = unwrap(n, c)
				continue
			}
			if c.Type == html.ElementNode && c.Data == "a" && (attr(c, "href") == "" || attr(c, "href") == "#" && cmp.Or(attr(c, "id"), attr(c, "name")) != "") {
				// An anchor, a place to link to: Markdown has none, and
				// as a link with no address it would lead nowhere. Its
				// text stays, walked in its place.
				if id := cmp.Or(attr(c, "id"), attr(c, "name")); id != "" {
					lost = append(lost, loss{at[c], fmt.Sprintf("an anchor (<a id=%q>) is left out, its text kept: a link to #%s now goes to the top of the page", id, id)})
				}
				c = unwrap(n, c)
				continue
			}
			if name := ownName(c); c.Type == html.ElementNode && c.Data == "a" && name != "" && showsNothing(c) {
				// An icon's link that names itself for screen readers
				// (aria-label, title) keeps that name as its text.
				for c.FirstChild != nil {
					c.RemoveChild(c.FirstChild)
				}
				c.AppendChild(&html.Node{Type: html.TextNode, Data: name})
			}
			if c.Type == html.ElementNode && c.Data == "a" && showsNothing(c) {
				// A link with nothing in it, often an anchor that also
				// links to its own place in the document it was copied
				// from: readers saw nothing of it, and as Markdown, [](…),
				// it would be a link with no name for a screen reader to
				// read out.
				if id := cmp.Or(attr(c, "id"), attr(c, "name")); id != "" {
					lost = append(lost, loss{at[c], fmt.Sprintf("an anchor (<a id=%q>) is left out, with its link to %s, which showed no text: a link to #%s now goes to the top of the page", id, attr(c, "href"), id)})
				} else {
					lost = append(lost, loss{at[c], fmt.Sprintf("a link to %s that showed no text is left out", attr(c, "href"))})
				}
				n.RemoveChild(c)
				c = next
				continue
			}
			if c.Type == html.ElementNode && c.Data == "figure" {
				captionBelow(c)
			}
			if c.Type == html.ElementNode && c.Data == "div" && slices.Contains(strings.Fields(attr(c, "class")), "wp-block-file") {
				fileButton(c)
			}
			if own := floatOut(n, c); own != nil {
				walk(own)
				c = next
				continue
			}
			if c.Type == html.ElementNode && (c.Data == "span" || c.Data == "font") {
				styledEmphasis(c)
			}
			if c.Type == html.ElementNode {
				for i, a := range c.Attr {
					if (a.Key == "href" && c.Data == "a") || (a.Key == "src" && c.Data == "img") {
						c.Attr[i].Val = kept.hold(a.Val, link)
					}
				}
			}
			walk(c)
			c = next
		}
	}
	walk(doc)
	flankEmphasis(doc)
	out, err := converter.ConvertNode(doc)
	if err != nil {
		return textOnly(src), append(lost, loss{-1, fmt.Sprintf("HTML that cannot be turned into Markdown (%v) became its text alone, its links, images and formatting left out", err)})
	}
	return strings.TrimSpace(kept.restore(string(out))), lost
}

// ownName is the name the element n gives itself for readers who hear
// the page, its aria-label or else its title; "" for none.
func ownName(n *html.Node) string {
	return strings.TrimSpace(cmp.Or(strings.TrimSpace(attr(n, "aria-label")), attr(n, "title")))
}

// showsNothing reports whether the element n shows readers nothing: no
// text but spaces, and no image or other element that shows something
// of its own.
func showsNothing(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			switch c.Data {
			case "img", "svg", "picture", "video", "audio", "iframe", "object", "embed", "canvas", "input", "button", "math":
				return false
			}
			if !showsNothing(c) {
				return false
			}
		}
	}
	return true
}

// addresses keeps the addresses of links and images as written while
// the converter runs, which would write its query again ("a+b,c" as
// "a%20b%2Cc", and a signed address no longer matches its signature): it
// sees a stand-in for each.
type addresses []string

// standIn is the address the converter sees for the i-th address kept.
func standIn(i int) string { return fmt.Sprintf("https://address.invalid/%d/", i) }

// hold keeps address, as link (if given) turns it, and gives its
// stand-in.
func (k *addresses) hold(address string, link func(string) string) string {
	if link != nil {
		address = link(address)
	}
	*k = append(*k, strings.TrimSpace(address))
	return standIn(len(*k) - 1)
}

// restore puts each address back in the Markdown the converter wrote,
// with what a link's destination cannot hold as written percent-encoded.
func (k addresses) restore(md string) string {
	if len(k) == 0 {
		return md
	}
	pairs := make([]string, 0, 2*len(k))
	for i, a := range k {
		pairs = append(pairs, standIn(i), destination.Replace(a))
	}
	return strings.NewReplacer(pairs...).Replace(md)
}

// destination percent-encodes what a Markdown link's destination cannot
// hold as written: spaces, brackets, parentheses, a backslash, and
// control characters.
var destination = strings.NewReplacer(" ", "%20", "[", "%5B", "]", "%5D", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\\", "%5C",
	"\n", "%0A", "\r", "%0D", "\t", "%09")

// unwrap puts the children of c, a child of n, in its place, and gives
// the node to walk next: the first of them, or what followed c.
func unwrap(n, c *html.Node) *html.Node {
	next := c.FirstChild
	if next == nil {
		next = c.NextSibling
	}
	for g := c.FirstChild; g != nil; g = c.FirstChild {
		c.RemoveChild(g)
		n.InsertBefore(g, c)
	}
	n.RemoveChild(c)
	return next
}

// captionBelow makes a figure's caption (its <figcaption>, or the text
// after its image, as WordPress's [caption] has it) a line below the
// image, in the image's paragraph, so that Markdown keeps the two
// together and a summary made of the text leaves both out.
func captionBelow(figure *html.Node) {
	var media *html.Node
	for c := figure.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && (c.Data == "img" || c.Data == "a" && c.FirstChild != nil && c.FirstChild.Data == "img"):
			if media == nil {
				media = c
			}
		case c.Type == html.ElementNode && c.Data == "figcaption":
			for g := c.FirstChild; g != nil; g = c.FirstChild {
				c.RemoveChild(g)
				figure.InsertBefore(g, c)
			}
			figure.RemoveChild(c)
		}
	}
	if media == nil {
		return
	}
	next := media.NextSibling
	for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	if next != nil && !(next.Type == html.ElementNode && next.Data == "br") {
		figure.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br"}, media.NextSibling)
	}
}

// endsIn reports whether n ends the element it is in: nothing but
// space follows it. A <cite> that ends a quote names its source; one in
// a sentence of it (As <cite>Hamlet</cite> says) is a title.
func endsIn(n *html.Node) bool {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// attribution makes the <cite> that ends a quote, as WordPress's quote
// and pull quote blocks write the quote's source, a paragraph of its own
// after a dash, as themes set it apart below the quoted words: as more
// of them, it would read as quoted too. One that holds nothing is left,
// as it shows nothing.
func attribution(cite *html.Node) {
	first := cite.FirstChild
	if first == nil {
		return
	}
	cite.Data, cite.DataAtom = "p", atom.P
	if first.Type == html.TextNode && strings.HasPrefix(strings.TrimSpace(first.Data), "—") {
		return
	}
	cite.InsertBefore(&html.Node{Type: html.TextNode, Data: "— "}, first)
}

// fileButton keeps the download button of WordPress's File block, a
// link beside the link of the file's name, apart from it: left out where
// it leads where the name does, as it says no more; else after a space,
// where it would run into the name ("File Block PDFDownload").
func fileButton(block *html.Node) {
	for c := block.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "a" || !slices.Contains(strings.Fields(attr(c, "class")), "wp-block-file__button") {
			continue
		}
		for o := block.FirstChild; o != nil; o = o.NextSibling {
			if o != c && o.Type == html.ElementNode && o.Data == "a" && attr(o, "href") == attr(c, "href") {
				block.RemoveChild(c)
				return
			}
		}
		block.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c)
		return
	}
}

// floatOut moves an image floated beside a paragraph's text (align="right",
// WordPress's alignright), a child c of the paragraph n, into a
// paragraph of its own before it, which it gives; nil when c is no such
// image. Markdown cannot float it, and left in the paragraph it would
// run into the text's first word.
func floatOut(n, c *html.Node) *html.Node {
	media := c
	if c.Type == html.ElementNode && c.Data == "a" && c.FirstChild != nil && c.FirstChild == c.LastChild {
		media = c.FirstChild
	}
	if n.Type != html.ElementNode || n.Data != "p" || n.Parent == nil || media.Type != html.ElementNode || media.Data != "img" || !floated(media) {
		return nil
	}
	alone := true
	for o := n.FirstChild; o != nil; o = o.NextSibling {
		if o != c && !(o.Type == html.TextNode && strings.TrimSpace(o.Data) == "") && !(o.Type == html.ElementNode && o.Data == "br") {
			alone = false
		}
	}
	if alone {
		return nil
	}
	own := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	n.RemoveChild(c)
	own.AppendChild(c)
	n.Parent.InsertBefore(own, n)
	return own
}

// floated says whether an image floats beside the text around it.
func floated(img *html.Node) bool {
	switch strings.ToLower(attr(img, "align")) {
	case "left", "right":
		return true
	}
	for class := range strings.FieldsSeq(attr(img, "class")) {
		if class == "alignleft" || class == "alignright" {
			return true
		}
	}
	return false
}

// scriptAddress gives the scheme of the address of a link or image that
// would run script, or "".
func scriptAddress(c *html.Node) string {
	if c.Type != html.ElementNode {
		return ""
	}
	switch c.Data {
	case "a":
		return content.UnsafeScheme(attr(c, "href"))
	case "img":
		return content.UnsafeScheme(attr(c, "src"))
	}
	return ""
}

// embedded puts a link to what the element c of n embeds in its place,
// its address given by link when there is one, and says so; an embed
// with no address is left out.
func embedded(n, c *html.Node, link func(string) string) string {
	src := attr(c, "src")
	if src == "" {
		src = attr(c, "data")
	}
	for s := c.FirstChild; src == "" && s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && s.Data == "source" {
			src = attr(s, "src")
		}
	}
	if src == "" {
		n.RemoveChild(c)
		return fmt.Sprintf("an <%s> with no address is left out", c.Data)
	}
	if scheme := content.UnsafeScheme(src); scheme != "" {
		n.RemoveChild(c)
		return fmt.Sprintf("an <%s> of a %s: address is left out", c.Data, scheme)
	}
	if link != nil {
		src = link(src)
	}
	// A video player's address becomes its page's, and the link is
	// named by the frame's title, as readers of the old page heard it.
	label := src
	if id := youTubeEmbed.FindStringSubmatch(src); id != nil {
		var start string
		if u, err := url.Parse(src); err == nil {
			start = u.Query().Get("start")
		}
		src = youTubeVideo(id[1], start)
		label = cmp.Or(attr(c, "title"), youTubeLabel)
	} else if t := attr(c, "title"); t != "" {
		label = t
	}
	a := &html.Node{Type: html.ElementNode, Data: "a", Attr: []html.Attribute{{Key: "href", Val: src}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: label})
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(a)
	n.InsertBefore(p, c)
	n.RemoveChild(c)
	return fmt.Sprintf("an embedded <%s> is kept as a link to %s", c.Data, src)
}

// youTubeEmbed matches the address of YouTube's player for a video,
// giving the video's id.
var youTubeEmbed = regexp.MustCompile(`^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{6,})`)

// textOnly gives the text of HTML that cannot be parsed into a document,
// read token by token, as Markdown paragraphs: no markup, no script or
// style, a paragraph for each block.
func textOnly(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0 // inside a script or style
	for {
		switch z.Next() {
		case html.ErrorToken:
			var paras []string
			for p := range strings.SplitSeq(b.String(), "\n\n") {
				if t := strings.Join(strings.Fields(p), " "); t != "" {
					paras = append(paras, escapeText(t))
				}
			}
			return strings.Join(paras, "\n\n")
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if z.Token().Type == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "section", "article":
				b.WriteString("\n\n")
			}
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		}
	}
}

// attr is the value of the attribute key of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// summaryRunes is the longest summary made from a body: about two
// sentences, as bulletin's summaries are; titleRunes, the longest title.
const (
	summaryRunes = 300
	titleRunes   = 70
)

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))

// plainText gives the text of Markdown without its marks (see textOf), cut
// to summaryRunes at a sentence's or a word's end.
func plainText(md string, first bool) string { return cut(textOf(md, first), summaryRunes) }

// textOf gives the text of Markdown without its marks: all of it, or
// with first its first paragraph with text, and the paragraphs after it
// too while they are shorter than a sentence or two. A list, a heading or
// anything else but a paragraph ends such a summary, since a list's
// items read as one run-on sentence ("changed things. One Two"), unless
// what came before it ends in a colon and so leads into it. A paragraph
// that holds another system's template tag is left out, and so is one
// that starts with an image after the summary has begun, or with an
// image and a line break anywhere: a figure and its caption, unless
// that leaves no text at all, as in a post that is one paragraph under
// its image.
func textOf(md string, first bool) string {
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	parts := paragraphs(doc, src, first, false)
	if first && len(parts) == 0 {
		parts = paragraphs(doc, src, first, true)
	}
	// A summary does not end on the sentence that leads into what it
	// left out ("Key features:", "It allows committing like" before a
	// block of code): it ends at the sentence before, or with the
	// paragraph before, or, where that sentence is all there is, with a
	// full stop for a colon, and as it is written for another.
	for first && len(parts) > 0 {
		last := parts[len(parts)-1]
		colon := leadsIn(last)
		if !colon && !unfinished(last) {
			break
		}
		if end := sentenceEnd(last); end > 0 {
			parts[len(parts)-1] = last[:end]
			break
		}
		if len(parts) == 1 {
			if colon {
				parts[0] = fullStop(strings.TrimSuffix(strings.TrimSuffix(last, ":"), "："))
			}
			break
		}
		parts = parts[:len(parts)-1]
	}
	// A paragraph that ends without a stop (a line such as "TL;DR -
	// monitor your requests") is ended with one, so that it does not run
	// on into the next.
	for i, part := range parts[:max(0, len(parts)-1)] {
		if !endsSentence(part) {
			parts[i] = fullStop(part)
		}
	}
	return spaceAfterWideStop.ReplaceAllString(strings.Join(parts, " "), "$1")
}

// endsSentence says whether text ends as a sentence or a clause does: in
// a stop, a colon or a semicolon, or one of them and a closing quotation
// mark or bracket, or emoji ("Hello, community! 👋").
func endsSentence(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\u200d' || r == '\ufe0f' || unicode.IsSpace(r)
	})
	t = strings.TrimRight(t, `"')]”’»」』）`)
	last, _ := utf8.DecodeLastRuneInString(t)
	return last != utf8.RuneError && strings.ContainsRune(".!?:;…。！？；：", last)
}

// spaceAfterWideStop is a space after full-width punctuation, which
// Chinese and Japanese write without: parts joined leave one.
var spaceAfterWideStop = regexp.MustCompile(`([。；，：！？、])\s+`)

// paragraphs gives the text of the blocks of doc that textOf takes, in
// order; with figures, the text of a paragraph that starts with an image
// and a line break too.
func paragraphs(doc ast.Node, src []byte, first, figures bool) []string {
	var parts []string
	open := 0 // template tags begun in a paragraph before and not yet ended
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		_, para := n.(*ast.Paragraph)
		_, list := n.(*ast.List)
		if first && len(parts) > 0 && !para && !(list && leadsIn(parts[len(parts)-1])) {
			break
		}
		if startsWithImage(n) && (len(parts) > 0 || captioned(n) && !figures) {
			if first && len(parts) > 0 && leadsIn(parts[len(parts)-1]) {
				break // what led into the figure says nothing without it
			}
			continue
		}
		var b strings.Builder
		collect(n, src, &b)
		t := strings.Join(strings.Fields(attributeList.ReplaceAllString(b.String(), " ")), " ")
		t = unresolvedReference.ReplaceAllString(t, "$1")
		t = spaceBeforeStop.ReplaceAllString(t, "$1$2")
		inTag := open > 0
		open = max(0, open+tagBraces(outsideCode(n, src)))
		if t != "" && !inTag && open == 0 && !content.HoldsTemplateTag(t) && !bareURL.MatchString(t) {
			parts = append(parts, t)
			if first && columns(strings.Join(parts, " ")) >= summaryRunes/3 {
				break
			}
		}
	}
	return parts
}

// outsideCode gives the text of the block n, read from src, less its
// code spans: a paragraph that shows `{{` in code begins no tag.
func outsideCode(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, code := c.(*ast.CodeSpan); code {
			return ast.WalkSkipChildren, nil
		}
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// tagBraces counts the template tags text begins, less those it ends: a
// Liquid tag that HTML inside it split over paragraphs ({{ x | remove:
// "<p>" }}) begins in one and ends in another, and no paragraph of it
// makes a summary.
func tagBraces(text string) int {
	return strings.Count(text, "{{") + strings.Count(text, "{%") - strings.Count(text, "}}") - strings.Count(text, "%}")
}

// unfinished says whether a paragraph's text stops in the middle of a
// sentence: on a letter, a digit or a comma, not on a stop, a closing
// quote or bracket.
func unfinished(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}

// sentenceStops end a sentence: a stop and a space in most scripts, a
// full-width stop alone in Chinese and Japanese.
var sentenceStops = []string{". ", "? ", "! ", "。", "！", "？"}

// sentenceEnd gives the end of the last whole sentence of s before its
// last one, or 0 if s is one sentence.
func sentenceEnd(s string) int { return max(0, lastStop(strings.TrimSpace(s))) }

// lastStop gives the end of the last sentence of s that a stop and what
// follows it end, or -1 for none. A full stop after an abbreviation ("St.
// Louis", "e.g. this", "J. Smith") ends no sentence.
func lastStop(s string) int {
	end := -1
	for _, stop := range sentenceStops {
		for i := strings.LastIndex(s, stop); i >= 0; i = strings.LastIndex(s[:i], stop) {
			if stop != ". " || !abbreviation(s[:i], s[i+2:]) {
				end = max(end, i+len(strings.TrimSpace(stop)))
				break
			}
		}
	}
	return end
}

// abbreviation says whether the word s ends with, before a full stop,
// is an abbreviation: a letter alone (an initial), a word holding a stop
// of its own (e.g, U.S), or one of abbreviations.
func abbreviation(s, after string) bool {
	word := s
	if i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(\"'‘“", r) }); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		word = s[i+size:]
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsLetter(r) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(after); unicode.IsDigit(r) && numbering[strings.ToLower(word)] {
		return true // No. 5, para. 3
	}
	return initials(word) || abbreviations[strings.ToLower(word)]
}

// initials says whether word is letters of one or two each parted by
// full stops, as e.g, i.e, U.S and U.K are before their last stop.
func initials(word string) bool {
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n < 1 || n > 2 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}

// abbreviations are words written with a full stop after them that ends
// no sentence, in English as regulators and news write it; numbering
// are those that do so only before a number, being words of their own
// too ("said no. It").
var (
	abbreviations = map[string]bool{
		"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "rev": true, "hon": true, "sr": true, "jr": true,
		"st": true, "mt": true, "ft": true, "capt": true, "lt": true, "sgt": true,
		"vs": true, "etc": true, "cf": true, "approx": true, "inc": true, "ltd": true, "corp": true, "dept": true, "govt": true,
		"jan": true, "feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	}
	numbering = map[string]bool{
		"no": true, "nos": true, "fig": true, "figs": true, "vol": true, "p": true, "pp": true, "para": true, "paras": true,
		"reg": true, "regs": true, "art": true, "sch": true, "ch": true, "cl": true, "s": true, "ss": true,
	}
)

// startsWithImage says whether a block starts with an image, or a link
// around one.
func startsWithImage(n ast.Node) bool {
	first := n.FirstChild()
	if l, ok := first.(*ast.Link); ok {
		first = l.FirstChild()
	}
	_, ok := first.(*ast.Image)
	return ok
}

// captioned says whether a block that starts with an image has a line
// break right after it: a figure, its caption below it.
func captioned(n ast.Node) bool {
	t, ok := n.FirstChild().NextSibling().(*ast.Text)
	return ok && t.HardLineBreak()
}

// columns is how wide s is as text is set: two columns for a wide
// character (Chinese, Japanese, Korean), which says about as much as
// two letters of a Latin script, and one for any other.
func columns(s string) int {
	n := 0
	for _, r := range s {
		if wide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

var (
	// attributeList matches kramdown's attribute lists ({: .note}),
	// which Jekyll showed as nothing.
	attributeList = regexp.MustCompile(`\{:[^}]*\}`)
	// spaceBeforeStop matches the space an image or a footnote left out
	// leaves before a full stop or a comma that ends a word: not one
	// that starts a word (./gradlew, .env), nor the space French writes
	// before ; : ! and ?.
	spaceBeforeStop = regexp.MustCompile(` ([.,])( |$)`)
	// unresolvedReference matches a reference link whose definition the
	// post lacks ([#1037][], [text][ref]), which Markdown leaves as
	// written: a summary keeps its text.
	unresolvedReference = regexp.MustCompile(`\[([^\[\]]+)\]\[[^\[\]]*\]`)
	// bareURL matches a paragraph that is an address alone, as an embed
	// turned into a link is: no words for a summary.
	bareURL = regexp.MustCompile(`^https?://\S+$`)
)

// collect writes the text of paragraphs, and of the lists and quotes
// that hold them, leaving out headings, code, images, raw HTML, tables,
// definition lists and footnotes, whose words do not read as a sentence.
func collect(n ast.Node, src []byte, b *strings.Builder) {
	switch n := n.(type) {
	case *ast.Heading, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.Image, *ast.ThematicBreak,
		*east.Table, *east.DefinitionList, *east.FootnoteLink, *east.FootnoteList, *east.Footnote:
		return
	case *ast.Text:
		v := n.Segment.Value(src)
		if _, code := n.Parent().(*ast.CodeSpan); !code {
			// As goldmark shows text: escapes and entities resolved,
			// so the summary reads "snake_case & co", not
			// "snake\_case &amp; co".
			v = asText(v)
		}
		b.Write(v)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(n.Value)
		return
	case *ast.AutoLink:
		b.Write(n.Label(src))
		return
	case *ast.Paragraph, *ast.TextBlock:
		defer b.WriteByte(' ')
	case *ast.List:
		// A list ends as a sentence does: "a; b; c."
		collectEnded(n, src, b, '.')
		return
	case *ast.ListItem:
		// Items read as a list in a sentence: "a; b; c".
		end := rune(0)
		if n.NextSibling() != nil {
			end = ';'
		}
		collectEnded(n, src, b, end)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		collect(c, src, b)
	}
}

// collectEnded writes the text of n's children, trimmed, then end (if
// not 0) unless the text ends in punctuation already, then a space. In
// text that ends in Chinese or Japanese, end is written full width, as
// that text writes it: "带娃；没什么内容可写。" (see sinoJapanese).
func collectEnded(n ast.Node, src []byte, b *strings.Builder, end rune) {
	var own strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		collect(c, src, &own)
	}
	t := strings.TrimSpace(own.String())
	b.WriteString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if end != 0 && t != "" && !strings.ContainsRune(".;,:!?。；，：！？", last) {
		if sinoJapanese(last) {
			end = fullWidth[end]
		}
		b.WriteRune(end)
	}
	b.WriteByte(' ')
}

// fullWidth gives the full-width form of the punctuation a summary adds.
var fullWidth = map[rune]rune{'.': '。', ';': '；'}

// wide says whether r is written full width, as Chinese and Japanese are.
func wide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// leadsIn says whether a paragraph ends in a colon, which leads into
// what follows it: "Key features:", "以下几个原因：".
func leadsIn(s string) bool { return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：") }

// sinoJapanese says whether r is written in Chinese or Japanese, or is
// a full-width form, which their text ends with full-width punctuation;
// Korean, wide as it is, takes . and ;.
func sinoJapanese(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || width.LookupRune(r).Kind() == width.EastAsianFullwidth
}

// fullStop ends s with a full stop, full width after Chinese or
// Japanese.
func fullStop(s string) string {
	// A greeting's comma ("Hi Jekyllers,") gives way to the stop.
	s = strings.TrimSuffix(s, ",")
	if last, _ := utf8.DecodeLastRuneInString(s); sinoJapanese(last) {
		return s + "。"
	}
	return s + "."
}

// cut shortens s to at most n characters: at the end of a sentence if
// that keeps a third of it, else at the end of a word, with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	head := string(runes[:n])
	if i := lastStop(head); i >= len(head)/3 {
		return head[:i]
	}
	if i := strings.LastIndexByte(head, ' '); i > 0 {
		head = head[:i]
	}
	return strings.TrimRight(head, " ,;:-–—") + "…"
}

// escapePath percent-escapes each part of a site path, as a browser asks
// for it.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if u, err := url.PathUnescape(part); err == nil {
			part = u
		}
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}

// asText reads Markdown's text as goldmark shows it, in one pass: a
// backslash escape gives its mark, and an entity its character, but
// not one whose & was escaped ("\\&amp;" reads "&amp;").
func asText(v []byte) []byte {
	var b []byte
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b = append(b, v[i+1])
			i++
		case c == '&':
			end := bytes.IndexByte(v[i:min(len(v), i+33)], ';')
			if end < 0 {
				b = append(b, c)
				continue
			}
			entity := string(v[i : i+end+1])
			if text := html.UnescapeString(entity); text != entity {
				b = append(b, text...)
				i += end
				continue
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return b
}
