package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"bulletin/generator/content"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Jekyll's kramdown and Hugo give a heading the id written after it,
// "## Departing {#departing}", as bulletin does, so that links to it from
// other sites keep working. The import keeps such an id, and leaves out
// the classes and attributes beside it ({.wide}, {onclick=…}), which
// bulletin's theme does not show, or refuses. An id bulletin would refuse (one given to a heading before, or
// with a character beyond letters, digits, "-", "_", ":" and ".") is
// left out instead, and each of the post's links to it made a link to
// the id bulletin gives the heading.

var (
	// headingAttrs matches the attribute list written at the end of an
	// ATX heading, in a quote too: {#departing .note}, {.wide #b},
	// {id="c" class="x"}; headingAttributes tells whether it is one.
	headingAttrs = regexp.MustCompile(`(?m)^((?:[ \t]*>)*[ \t]{0,3}#{1,6}[ \t].*?)[ \t]+\{([^{}\n]*)\}[ \t]*$`)
	// attribute matches one attribute of a list: #id, .class, or
	// name=value, the value in quotes or not.
	attribute = regexp.MustCompile(`^(?:#([^\s{}#]+)|\.[^\s{}#.]+|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+)))`)
	// blockAttributes matches a line that is a kramdown attribute list
	// alone, which sets the class or id of the block before or after it:
	// {:.box}, {: #intro}; a table of contents kramdown makes, "* TOC"
	// marked {:toc}, is matched with it.
	blockAttributes = regexp.MustCompile(`(?m)^(?:[ \t]*(?:[-*+]|1\.)[ \t]+TOC[ \t]*\n)?[ \t]*\{:(?:[^:/{}\n][^{}\n]*)?\}[ \t]*$`)
	// kramdownComment matches kramdown's comment extension, whose text
	// it never showed: {::comment}…{:/comment}, or {:/} to close it.
	kramdownComment = regexp.MustCompile(`(?s)\{::comment\}.*?\{:/(?:comment)?\}`)
	// spanAttributes matches a kramdown attribute list after a link or
	// image, by address or by reference, emphasis, code or a Liquid tag
	// in a line: [x](y){:target="_blank"}, ![Chart][c]{:class="center"},
	// {% youtube x %}{: .center-image }.
	spanAttributes = regexp.MustCompile(`(\][ \t]?\[[^\[\]\n]*\]|[)*_\x60}])\{:(?:[^:/{}\n][^{}\n]*)?\}`)
	// keptID matches a written id the import keeps: not one with a
	// colon, as footnotes' ids have (fn:1), which bulletin refuses.
	keptID = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
	// ownLink matches a link to a heading of the same page: ](#id).
	ownLink = regexp.MustCompile(`\]\(#([^\s()]+)\)`)
)

// anchors drops from the Markdown of p the ids written after its
// headings and, in a kramdown site's post, its attribute lists, outside
// code, which readers would see as text, and makes each of its links to
// a written id a link to the heading's own id, telling of each kind.
func anchors(body string, kramdown bool, p *post, r *Report) string {
	code := codeRanges(body)
	written := map[int]string{} // left out, by the heading's line, counted in the body made
	kept := map[string]bool{}
	var b strings.Builder
	last, line := 0, 0
	shown, firstShown := 0, "" // lists the old site showed as text, and the first
	for _, m := range headingAttrs.FindAllStringSubmatchIndex(body, -1) {
		id, ok := headingAttributes(body[m[4]:m[5]])
		if !ok || inRanges(code, m[0]) {
			continue
		}
		if !readAsAttributes(body[m[4]:m[5]], kramdown) {
			// Its brace escaped, it shows as it did.
			b.WriteString(body[last:m[4]-1] + `\{` + body[m[4]:m[1]])
			if shown == 0 {
				firstShown = "{" + body[m[4]:m[5]] + "}"
			}
			last, shown = m[1], shown+1
			continue
		}
		b.WriteString(body[last:m[0]])
		line += strings.Count(body[last:m[0]], "\n")
		b.WriteString(body[m[2]:m[3]])
		switch {
		case id == "":
		case keptID.MatchString(id) && !kept[id]:
			kept[id] = true
			b.WriteString(" {#" + id + "}")
		default:
			written[line] = id
		}
		last = m[1]
	}
	b.WriteString(body[last:])
	body = b.String()
	if shown > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%s, which the old site showed as text (%s), kept as text, a backslash before the brace: bulletin would read %s as attributes, or refuse %s", plural(shown, "a list in braces after a heading", "lists in braces after headings"), firstShown, plural(shown, "it", "them"), plural(shown, "it", "them"))))
	}
	if len(written) > 0 {
		body = followIDs(body, written, kept)
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("ids written after headings ({#%s}) left out, as another heading has the id or it holds a character beyond letters, digits, -, _ and .: bulletin gives each such heading an id of its text, and the post's links to them lead there", firstWritten(written))))
	}
	if !kramdown {
		return body
	}
	var n, m int
	// An attribute list's line becomes a blank line: kramdown ends a
	// paragraph at it.
	body, n = replaceOutsideCode(body, blockAttributes, func(string, []string) string { return "" })
	body, m = replaceOutsideCode(body, spanAttributes, func(_ string, g []string) string { return g[1] })
	var c int
	if body, c = replaceOutsideCode(body, kramdownComment, func(string, []string) string { return "" }); c > 0 {
		r.Warnings = append(r.Warnings, p.note(0, "kramdown comments ({::comment}…{:/comment}) left out, as kramdown showed none of their text"))
	}
	if n+m > 0 {
		r.Warnings = append(r.Warnings, p.note(0, "kramdown attribute lists ({:.box}, {:toc}) left out: they set classes, ids and a table of contents bulletin's theme does not show"))
	}
	return body
}

// hugoHeadings reads a heading as Hugo's goldmark did, with the
// attribute list after it.
var hugoHeadings = goldmark.New(goldmark.WithParserOptions(parser.WithAttribute()))

// kramdownID matches the one list kramdown reads after a heading: an id
// alone.
var kramdownID = regexp.MustCompile(`^\s*#[A-Za-z][\w:-]*\s*$`)

// readAsAttributes says whether the old site read the list s, written
// in braces after a heading, as attributes, rather than showing it:
// kramdown reads an id alone ({#id}), Hugo what goldmark reads.
func readAsAttributes(s string, kramdown bool) bool {
	if kramdown {
		return kramdownID.MatchString(s)
	}
	src := []byte("# x {" + s + "}\n")
	h, ok := hugoHeadings.Parser().Parse(text.NewReader(src)).FirstChild().(*ast.Heading)
	return ok && h.Attributes() != nil && !bytes.Contains(h.Lines().Value(src), []byte("{"))
}

// headingAttributes reads the text between a heading's braces as Hugo and
// kramdown read an attribute list, and gives the id it sets ("" for
// none); ok is false for text that is no such list ({a, b}), which the
// heading shows.
func headingAttributes(s string) (id string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	for s != "" {
		m := attribute.FindStringSubmatch(s)
		if m == nil {
			return "", false
		}
		switch {
		case m[1] != "":
			id = m[1]
		case m[2] == "id":
			id = m[3] + m[4] + m[5]
		}
		s = strings.TrimLeft(s[len(m[0]):], " \t")
	}
	return id, true
}

// followIDs makes each link of body to a heading's written id, which
// written gives by the heading's line, a link to the id bulletin gives
// the heading; a link to an id kept by a heading before it, which a
// browser found first, is left alone.
func followIDs(body string, written map[int]string, kept map[string]bool) string {
	to := map[string]string{} // the heading's own id, by its written one
	for line, id := range content.HeadingAnchors([]byte(body)) {
		if w, ok := written[line]; ok && !kept[w] {
			to[w] = id
		}
	}
	body, _ = replaceOutsideCode(body, ownLink, func(s string, g []string) string {
		if own, ok := to[g[1]]; ok {
			return "](#" + own + ")"
		}
		return s
	})
	return body
}

// replaceOutsideCode replaces each match of re in the Markdown body outside its
// code with what with gives for the match and its groups, and counts
// them.
func replaceOutsideCode(body string, re *regexp.Regexp, with func(match string, groups []string) string) (string, int) {
	return replaceOutside(body, codeRanges(body), re, with)
}

// replaceOutside replaces each match of re in body that starts outside
// the ranges code with what with gives for the match and its groups,
// and counts them.
func replaceOutside(body string, code [][2]int, re *regexp.Regexp, with func(match string, groups []string) string) (string, int) {
	var b strings.Builder
	last, n := 0, 0
	for _, m := range re.FindAllStringSubmatchIndex(body, -1) {
		if inRanges(code, m[0]) {
			continue
		}
		groups := make([]string, len(m)/2)
		for i := range groups {
			if m[2*i] >= 0 {
				groups[i] = body[m[2*i]:m[2*i+1]]
			}
		}
		b.WriteString(body[last:m[0]])
		b.WriteString(with(groups[0], groups))
		last = m[1]
		n++
	}
	b.WriteString(body[last:])
	return b.String(), n
}

// firstWritten gives the written id of the first heading.
func firstWritten(written map[int]string) string {
	first := -1
	for line := range written {
		if first < 0 || line < first {
			first = line
		}
	}
	return written[first]
}
