package content

import (
	"bufio"
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Link is a link or image in an article body, with the line it is on.
type Link struct {
	URL     string
	Written string // the address as the body writes it, for messages
	Line    int
	Image   bool
	NoAlt   bool // an image with no text to stand for it, as `![](chart.png)`
}

func newMarkdown(rawHTML bool) goldmark.Markdown {
	opts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(newAccessible(), 100))}
	if rawHTML {
		opts = append(opts, html.WithUnsafe())
	} else {
		opts = append(opts, renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)))
	}
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithHeadingAttribute(),
			// After the footnotes' own, at 999, which moves footnotes to
			// the end and drops those never cited.
			parser.WithASTTransformers(util.Prioritized(headingAttributes{}, 1000), util.Prioritized(numberTables{}, 1000), util.Prioritized(decimalReferences{}, 1000)),
			// Before the table's own, at 200.
			parser.WithParagraphTransformers(util.Prioritized(tableCells{}, 150))),
		goldmark.WithRendererOptions(opts...),
	)
}

// bodyLimits find what a body holds too much of to be made into a page
// in bounded time and memory: each gives the 0-based line where the body
// goes over, with what to tell the editor, or -1.
var bodyLimits = []func(body []byte) (int, string){
	func(body []byte) (int, string) {
		line, depth := tooDeep(body)
		return over(line, "block quotes and lists nest %d levels deep here, more than the %d allowed (deeper nesting is slow to read and no browser shows it): flatten them", depth, maxNesting)
	},
	func(body []byte) (int, string) {
		return over(tooDeepInAll(body), "block quotes and lists, each line's depth counted, add up to more than %d levels by here, which take long to make into a page and make it too large: flatten them, or split the article", maxNestingTotal)
	},
	func(body []byte) (int, string) {
		return over(tooManyLinks(body), "the paragraph here leaves more than %d links open (\"](\" with no \")\" after it), which take long to make into a page: close each link's address with \")\", or split the paragraph", maxLinkOpenings)
	},
	func(body []byte) (int, string) {
		return over(tooManyBrackets(body), "the paragraph here holds more than %d [ open at once, which take long to make into a page: close them with ], escape those that are text (\\[), or split the paragraph", maxOpenBrackets)
	},
	func(body []byte) (int, string) {
		line, n := -1, addresses(body)
		if n > maxAddresses {
			line = 0
		}
		return over(line, "holds %d addresses (e-mail, http:// or www.), each of which becomes a link, more than the %d a page may hold: publish a list that long as a file (CSV, say) and link to it", n, maxAddresses)
	},
	func(body []byte) (int, string) {
		return over(tooManyDefinitions(body), "more than %d link reference definitions ([1]: /x) follow one another here, which take long to make into a page: put a blank line between every few hundred", maxDefinitions)
	},
	func(body []byte) (int, string) {
		return over(tooManyFootnoteRefs(body), "more than %d footnote references ([^1]) by here, each of which adds a link back to it in its footnote, more than a page may hold: cite the sources once each, or publish such a list as a file", maxFootnoteRefs)
	},
	func(body []byte) (int, string) {
		return over(tooLongCodeSearch(body), "the paragraph here holds runs of backticks (`) that open code with no run as long to close it, so many and so far from the paragraph's end that they take long to make into a page: close each code span with as many backticks as open it, escape those that are text (\\`), or split the paragraph")
	},
	func(body []byte) (int, string) {
		return over(tooLongQuoteRun(body), "a run of more than %d quotation marks (' or \") here, which takes long to make into a page: escape them (\\'), or put them in code (between backticks, or in a fenced block)", maxQuoteRun)
	},
	func(body []byte) (int, string) {
		return over(tooManyClasses(body), "the attribute block ({#id .class}) here gives more than %d classes, which take long to make into a page: a heading needs a few", maxClasses)
	},
	func(body []byte) (int, string) {
		return over(tooManyMarks(body), "the paragraph here holds more runs of * and _ than a paragraph may (%d that may be emphasis, or %d that may not, such as 2 * 3 or snake_case), which take long to make into a page: escape those that are not emphasis (\\*), put code between backticks, or split the paragraph", maxEmphasisMarks, maxInertMarks)
	},
}

// over gives line, and the message format makes of args, where a body
// goes over a limit at line; -1 and no message where it does not (-1),
// so that the message is made only for a body that needs it.
func over(line int, format string, args ...any) (int, string) {
	if line < 0 {
		return -1, ""
	}
	return line, fmt.Sprintf(format, args...)
}

// converted is a body made into HTML, with what convert noted of it.
type converted struct {
	HTML        string
	Links       []Link
	Unconverted []Unconverted
	Anchors     []Anchor
	Blocks      []BlockLine
}

// BlockLine is where a block of a body's HTML comes from: the line of
// the HTML it starts on, and the line of the file it is written on.
// Nested marks a block that holds others (a list, a table, a quote),
// whose HTML has lines of its own between theirs.
type BlockLine struct {
	HTML, File int32
	Nested     bool
}

// convert renders a body to HTML and lists its links, its headings' ids
// and the markup of other systems readers would see as text (raw HTML
// too, unless rawHTML lets it through), and, where rawHTML lets it
// through, where each block of the HTML is written. firstLine is the
// file line the body starts on.
func convert(md goldmark.Markdown, rawHTML bool, body []byte, firstLine int, d *decoder) converted {
	for _, limit := range bodyLimits {
		if line, msg := limit(body); line >= 0 {
			d.fail(firstLine+line, "body: %s", msg)
			return converted{}
		}
	}
	pc := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))
	doc := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	ends := lineEnds(body)
	if problems, ok := pc.Get(headingProblems).([]headingProblem); ok {
		for _, p := range problems {
			d.fail(firstLine+lineAtOffset(ends, p.offset), "body: %s", p.message)
		}
	}
	if t, ok := pc.Get(bigTable).(*tableSize); ok {
		d.fail(firstLine+lineAtOffset(ends, t.offset), "body: the table here has %d columns and %d rows, more than the %d cells a page may hold: split it, or publish it as a file (CSV, say) and link to it", t.columns, t.rows, maxTableCells)
		return converted{}
	}
	var links []Link
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest, written string // as the page links it, and as written
		image, noAlt := false, false
		switch n := n.(type) {
		case *ast.Link:
			dest, written = asLinked(n.Destination), string(n.Destination)
		case *ast.Image:
			dest, written, image = asLinked(n.Destination), string(n.Destination), true
			noAlt = !hasText(n, body)
		case *ast.AutoLink:
			dest = string(n.URL(body))
			written = dest
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest // as the page links it, not a path of the site
			}
		default:
			return ast.WalkContinue, nil
		}
		line := firstLine + lineOf(n, ends)
		if scheme := UnsafeScheme(dest); scheme != "" {
			// Not listed, so that no later check reports it again.
			d.fail(line, "body: link %q uses %s: which is not allowed: link to an http(s) address or a page of the site", Truncate(written, 60), scheme)
			return ast.WalkContinue, nil
		}
		links = append(links, Link{URL: dest, Written: written, Line: line, Image: image, NoAlt: noAlt})
		return ast.WalkContinue, nil
	})
	left := append(unconverted(doc, body, rawHTML, func(n ast.Node) int { return firstLine + lineOf(n, ends) }), controlCharacters(body, firstLine)...)
	var anchors []Anchor
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				anchors = append(anchors, Anchor{ID: string(id.([]byte)), Line: firstLine + lineOf(h, ends)})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	var blocks []BlockLine
	// Block by block, so that each block's first line of HTML is known.
	w, line, counted := bufio.NewWriter(&buf), 1, 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		line += bytes.Count(buf.Bytes()[counted:], []byte("\n"))
		counted = buf.Len()
		if at := firstLines(n); rawHTML && at >= 0 {
			nested := n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock
			blocks = append(blocks, BlockLine{HTML: int32(line), File: int32(firstLine + lineAtOffset(ends, at)), Nested: nested})
		}
		if err := md.Renderer().Render(w, body, n); err != nil {
			d.fail(firstLine, "body: %v", err)
		}
	}
	return converted{HTML: printable(buf.String()), Links: links, Unconverted: left, Anchors: anchors, Blocks: blocks}
}

// firstLines gives the offset in the body of the first line of the
// block n, or of the first block in it that has lines of its own (a
// list's first item's); -1 where none has.
func firstLines(n ast.Node) int {
	at := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			at = c.Lines().At(0).Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return at
}

// hasText reports whether n holds text other than spaces, as an image's
// alternative text.
func hasText(n ast.Node, src []byte) bool {
	found := false
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
			found = true
			return ast.WalkStop, nil
		}
		if s, ok := c.(*ast.String); ok && entering && len(bytes.TrimSpace(s.Value)) > 0 {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// HeadingAnchors gives the id an article's page gives each heading of
// body, by the 0-based line the heading's text starts on, so that a
// link to a heading can be written to find it.
func HeadingAnchors(body []byte) map[int]string {
	pc := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))
	doc := newMarkdown(false).Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	ends := lineEnds(body)
	out := map[int]string{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		if id, ok := h.AttributeString("id"); ok {
			if id, ok := id.([]byte); ok {
				out[lineAtOffset(ends, h.Lines().At(0).Start)] = string(id)
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// headingIDs gives headings the ids goldmark's own would, its lower-case
// ASCII letters and digits with a hyphen for each space, except where
// that leaves no letter or digit: a heading in another script, which
// goldmark calls "-" or "heading", gets the slug of its words, as a file
// name would. An id used already in the body gets "-1", "-2" after it,
// counting on from the last number that id was given, so that many
// headings of one text take time in step with their number.
type headingIDs struct {
	used map[string]bool
	last map[string]int // the number last put after each id
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, c := range bytes.TrimSpace(value) {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b.WriteByte(c)
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '-' || c == '_':
			b.WriteByte('-')
		}
	}
	id := b.String()
	if strings.Trim(id, "-") == "" {
		id = Slug(string(value))
	}
	if id == "" {
		id = "heading"
		if kind != ast.KindHeading {
			id = "id"
		}
	}
	unique := id
	if h.used[unique] {
		if h.last == nil {
			h.last = map[string]int{}
		}
		n := h.last[id]
		for h.used[unique] {
			n++
			unique = id + "-" + strconv.Itoa(n)
		}
		h.last[id] = n
	}
	h.used[unique] = true
	return []byte(unique)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// lineEnds lists the offset of every newline in src, so that finding a
// node's line costs a search rather than a count from the start: counting
// made a body with many links take time quadratic in its size.
func lineEnds(src []byte) []int {
	var ends []int
	for i, c := range src {
		if c == '\n' {
			ends = append(ends, i)
		}
	}
	return ends
}

// lineOf finds the 0-based line of a node from its position in the body
// whose newlines are at ends, or from the first line of the block holding
// it when it has none.
func lineOf(n ast.Node, ends []int) int {
	if pos := n.Pos(); pos >= 0 {
		return lineAtOffset(ends, pos)
	}
	for c := n; c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return lineAtOffset(ends, c.Lines().At(0).Start)
		}
	}
	return 0
}

// lineAtOffset is the number of newlines before offset.
func lineAtOffset(ends []int, offset int) int {
	line, _ := slices.BinarySearch(ends, offset)
	return line
}

// UnsafeScheme gives the scheme of a URL that could run script, or that
// leads into the reader's own computer (file:), which the page would
// show as a link to nothing; "" for another. Character references are
// resolved first, as a browser would, so that &#106;avascript: is caught
// too.
func UnsafeScheme(dest string) string {
	dest = string(util.URLEscape([]byte(strings.TrimSpace(dest)), true))
	u, err := url.Parse(dest)
	var scheme string
	if err == nil {
		scheme = strings.ToLower(u.Scheme)
	} else if i := strings.IndexByte(dest, ':'); i > 0 {
		scheme = strings.ToLower(strings.TrimSpace(dest[:i]))
	}
	switch scheme {
	case "javascript", "vbscript", "data", "file":
		return scheme
	}
	return ""
}

// Truncate shortens s to at most n bytes, never splitting a character,
// and marks that it did with an ellipsis.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s…", s[:n])
}

// asLinked gives a link's destination as written in Markdown as the page
// links to it: its backslash escapes and character references decoded,
// as goldmark does before it writes the href (/topics/ics&#45;x/ is
// /topics/ics-x/).
func asLinked(dest []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(withoutLeadingZeros(dest)))))
}
