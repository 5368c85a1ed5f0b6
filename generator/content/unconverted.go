package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Unconverted is markup of another system in an article's body that
// readers see as the text it is: the first of its kind in the body, and
// how many of that kind the body holds.
type Unconverted struct {
	Kind  string // "a Hugo shortcode", "a Liquid tag", "a kramdown attribute list", "a WordPress shortcode", "raw HTML", "a reference link with no definition", "a note of another system" or "a control character"
	Text  string // the first, as written
	Line  int
	Count int
	Field string // the field of the front matter it is in, for a control character written there as an escape; "" for the body
}

// templateTags find the tags of other systems' templates in text: Hugo's
// shortcodes, Liquid's tags and output, and WordPress's own shortcodes.
// A tag may run over several lines of a paragraph. A bracketed one that
// a ( or a [ follows is the text of a Markdown link, not a shortcode
// ([gallery pagination](https://…)).
var templateTags = []struct {
	kind     string
	re       *regexp.Regexp
	brackets bool
}{
	{"a Hugo shortcode", regexp.MustCompile(`(?s)\{\{[<%].*?[>%]\}\}`), false},
	{"a Liquid tag", regexp.MustCompile(`(?s)\{%.*?%\}|\{\{-?\s*(?:[\w.]+|"[^"]*"|'[^']*')\s*(?:\|[^}]*)?-?\}\}`), false},
	// Jekyll's kramdown: {: .notice} after a paragraph, {:rel="nofollow"}
	// after a link, {:toc}.
	{"a kramdown attribute list", regexp.MustCompile(`\{:[^{}\n]*\}`), false},
	// WordPress's own, and any other with an attribute, as a plugin's
	// ([contact-form-7 id="12"]): [sic] and [1] in a sentence are text.
	{"a WordPress shortcode", regexp.MustCompile(`\[/?(?:gallery|embed|caption|audio|video|playlist)\b[^\]]*\]|\[[A-Za-z][\w-]*(?:\s+[\w-]+=(?:"[^"\]]*"|'[^'\]]*'|[^\s"'\]]+))+\s*/?\]`), true},
}

// HoldsTemplateTag reports whether text holds a tag of another system's
// templates (see templateTags), which stood for words a reader of the
// text as written would lack.
func HoldsTemplateTag(text string) bool {
	for _, t := range templateTags {
		if t.re.MatchString(text) {
			return true
		}
	}
	return false
}

// unconverted finds in the body doc, read from source, what other systems'
// templates would have turned into something else, and, unless raw HTML
// goes through (rawHTML), the HTML that is shown as text; an HTML comment
// is shown as nothing, so it is not among them. Code is left alone: it shows
// markup on purpose. line gives a node's line in the file.
func unconverted(doc ast.Node, source []byte, rawHTML bool, line func(ast.Node) int) []Unconverted {
	var found []Unconverted
	add := func(kind, text string, at int) {
		for i := range found {
			if found[i].Kind == kind {
				found[i].Count++
				return
			}
		}
		found = append(found, Unconverted{Kind: kind, Text: Truncate(strings.TrimSpace(text), 60), Line: at, Count: 1})
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if !rawHTML && n.HTMLBlockType != ast.HTMLBlockType2 && n.Lines().Len() > 0 {
				first := n.Lines().At(0)
				add("raw HTML", string(first.Value(source)), line(n))
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if raw := n.Segments.Value(source); !rawHTML && !isComment(raw) {
				add("raw HTML", string(raw), line(n))
			}
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			if _, ok := n.(*ast.Paragraph); ok && n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				if first := seg.Value(source); noteOpening.Match(first) {
					add(ForeignNote, string(first), line(n))
				}
			}
			// Only a block with "][" in it can hold one: most has none,
			// and is not looked at further.
			if bytes.Contains(blockBytes(n, source), []byte("][")) {
				for _, m := range undefinedReference.FindAllString(textOutsideLinks(n, source), -1) {
					add(UndefinedReference, m, line(n))
				}
			}
			if !mayHoldTags(n, source) {
				return ast.WalkContinue, nil
			}
			// Each kind is taken out once found, so that a Hugo
			// shortcode {{% x %}} is not taken for a Liquid tag too.
			text := blockText(n, source)
			for _, t := range templateTags {
				for _, m := range t.re.FindAllStringIndex(text, -1) {
					if t.brackets && m[1] < len(text) && (text[m[1]] == '(' || text[m[1]] == '[') {
						continue
					}
					add(t.kind, text[m[0]:m[1]], line(n))
				}
				text = t.re.ReplaceAllString(text, " ")
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}

// ForeignNote is the kind of a note written as Docusaurus, VitePress
// (:::tip … :::) or MkDocs (!!! tip) write one, which Markdown shows as
// written.
const ForeignNote = "a note of another system"

// noteOpening matches the line that opens such a note.
var noteOpening = regexp.MustCompile(`^(?::{3,}[ \t]*[A-Za-z]|(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z])`)

// ForeignTag is the kind of a YAML tag on a field's value that no field
// reads (!!binary), the value read as written.
const ForeignTag = "a YAML tag no field reads"

// ControlCharacter is the kind of a character no page may hold (see
// printable), which the body's HTML leaves out, or, for a NUL, shows as
// U+FFFD, as Markdown reads one: an editor cannot see either.
const ControlCharacter = "a control character"

// controlCharacters notes the first character of body that no page may
// hold, and how many there are, at its line, from firstLine.
func controlCharacters(body []byte, firstLine int) []Unconverted {
	i := bytes.IndexFunc(body, unprintable)
	if i < 0 {
		return nil
	}
	_, r, n := unprintables(string(body[i:]))
	return []Unconverted{{Kind: ControlCharacter, Text: fmt.Sprintf("%U", r), Line: firstLine + bytes.Count(body[:i], []byte("\n")), Count: n}}
}

// UndefinedReference is the kind of a reference link whose reference the body
// does not define, [the guide][2], which Markdown shows as written.
const UndefinedReference = "a reference link with no definition"

// undefinedReference matches a reference link or image as text: one
// whose reference is defined is a link, not text.
var undefinedReference = regexp.MustCompile(`!?\[[^\[\]\n]+\]\[[^\[\]\n]*\]`)

// textOutsideLinks gives the text of a block that no link, image or code
// holds, as readers see it, joined; a line break or raw HTML between
// two pieces of it is a line break, which no reference link spans.
func textOutsideLinks(block ast.Node, source []byte) string {
	var b []byte
	ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan:
			b = append(b, ' ')
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			b = append(b, '\n')
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				b = append(b, n.Segment.Value(source)...)
				if n.SoftLineBreak() || n.HardLineBreak() {
					// Not one reference: [a] and [b] on two lines.
					b = append(b, '\n')
				}
			}
		case *ast.String:
			if entering {
				b = append(b, n.Value...)
			}
		}
		return ast.WalkContinue, nil
	})
	return string(b)
}

// mayHoldTags says whether a block's lines hold a { or a [ before one of
// WordPress's shortcode names, without which no template tag can be in
// it: most blocks have neither, and are not looked at further.
func mayHoldTags(block ast.Node, source []byte) bool {
	lines := block.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		line := seg.Value(source)
		if bytes.IndexByte(line, '{') >= 0 {
			return true
		}
		for j := bytes.IndexByte(line, '['); j >= 0; j = bytes.IndexByte(line, '[') {
			line = line[j+1:]
			// A name and its first attribute are short: looking no
			// further keeps a line of many brackets linear.
			if wpCodeName.Match(line[:min(len(line), maxCodeName)]) {
				return true
			}
		}
	}
	return false
}

// wpCodeName matches the start of a WordPress shortcode after its [:
// one of WordPress's own, or a name and an attribute.
var wpCodeName = regexp.MustCompile(`^(?:/?(?:gallery|embed|caption|audio|video|playlist)\b|[A-Za-z][\w-]*\s+[\w-]+=)`)

// maxCodeName is as far after a [ as wpCodeName looks.
const maxCodeName = 128

// codeSpan finds a code span on a line as written: markup in it is shown
// on purpose.
var codeSpan = regexp.MustCompile("(`+)[^`]*?`+")

// blockText is a block's lines as written, less their code spans.
func blockText(block ast.Node, source []byte) string {
	return codeSpan.ReplaceAllString(string(blockBytes(block, source)), " ")
}

// blockBytes gives a block's lines as written, joined; the source itself
// where the block has one line.
func blockBytes(block ast.Node, source []byte) []byte {
	lines := block.Lines()
	if lines.Len() == 1 {
		seg := lines.At(0)
		return seg.Value(source)
	}
	var b []byte
	for i := range lines.Len() {
		seg := lines.At(i)
		b = append(b, seg.Value(source)...)
	}
	return b
}
