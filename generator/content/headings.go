package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Anchor is a heading of a body, by the id its page gives it, which a
// link names after its # (#what-next), and the line it is on.
type Anchor struct {
	ID   string
	Line int
}

// headingProblems is where the parser context keeps what headingAttributes
// found wrong, as []headingProblem.
var headingProblems = parser.NewContextKey()

// headingProblem is a heading's attribute that cannot be published, at
// the offset in the body of the heading's text.
type headingProblem struct {
	offset  int
	message string
}

// headingAttributes gives each heading its id, after the body is read:
// the one its editor wrote, as {#id} after its text (as Hugo and kramdown
// read it), or else one made from its text (see headingIDs), in the order
// the headings come, as goldmark's own would. A heading keeps the id and
// the classes ({.note}) it was given; any other attribute (style, or an
// event's script) is a problem, as is an id given twice, which a link
// could not tell apart, or one that is not a word. goldmark makes
// heading ids itself only without attributes: with them, it fails on an
// id written as a number ({id=5}).
type headingAttributes struct{}

func (headingAttributes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var problems []headingProblem
	given := map[string]bool{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		offset := 0
		if h.Lines().Len() > 0 {
			offset = h.Lines().At(0).Start
		}
		fail := func(format string, args ...any) {
			problems = append(problems, headingProblem{offset, fmt.Sprintf(format, args...)})
		}
		attrs := h.Attributes()
		if len(attrs) == 0 {
			if list := unreadAttributes(h, reader.Source()); list != "" {
				fail("heading ends in %s, which reads as an attribute list that cannot be read, so it would show as text: write {#id} with an id of one word without quotes, or \\{ to show the brace", Truncate(list, 40))
			}
		}
		h.RemoveAttributes()
		for _, a := range attrs {
			text, isText := a.Value.([]byte)
			switch name := string(a.Name); {
			case name == "id" && !isText:
				fail("heading id %s is not text: write {#id}", shown(a.Value))
			case name == "id" && !isWord(text):
				fail("heading id %q is empty or holds a space: write {#id}, one word", text)
			case name == "id" && footnoteID.Match(text):
				fail("heading id %q has the form of a footnote's (fn:1, fnref:1), which a link to the footnote would find instead: give the heading another", text)
			case name == "class" && isText && len(text) == 0:
			case name == "id" || name == "class":
				h.SetAttribute(a.Name, a.Value)
			default:
				fail("heading attribute %q is not published: a heading may be given an id ({#id}) and classes ({.name})", Truncate(name, 40))
			}
		}
		switch id, ok := h.AttributeString("id"); {
		case !ok:
		case given[string(id.([]byte))]:
			fail("heading id %s is given to another heading before this one: give each its own", shown(id))
		default:
			given[string(id.([]byte))] = true
			pc.IDs().Put(id.([]byte))
		}
		return ast.WalkSkipChildren, nil
	})
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if _, ok := h.AttributeString("id"); !ok {
			var line []byte
			if last := h.Lines().Len() - 1; last >= 0 {
				seg := h.Lines().At(last)
				line = seg.Value(reader.Source())
			}
			h.SetAttribute([]byte("id"), pc.IDs().Generate(line, ast.KindHeading))
		}
		return ast.WalkSkipChildren, nil
	})
	if problems != nil {
		pc.Set(headingProblems, problems)
	}
}

// unreadAttributes gives the end of a heading's last line that starts as
// an attribute list ({#… or {.…) and ends as one, one word with a quote
// in it, when goldmark could not read it as one ({#a"b}); "" for any
// other heading, such as one that ends in a template's {#each items}.
func unreadAttributes(h *ast.Heading, source []byte) string {
	if h.Lines().Len() == 0 {
		return ""
	}
	last := h.Lines().At(h.Lines().Len() - 1)
	line := bytes.TrimRight(last.Value(source), " \t#")
	open := bytes.LastIndexByte(line, '{')
	if !bytes.HasSuffix(line, []byte("}")) || open < 0 || open+1 >= len(line) || line[open+1] != '#' && line[open+1] != '.' || open > 0 && line[open-1] == '\\' {
		return ""
	}
	list := line[open:]
	if bytes.ContainsAny(list, " \t") || !bytes.ContainsAny(list, `"'`) {
		return ""
	}
	return string(list)
}

// footnoteID matches the ids goldmark gives footnotes and the links to
// them.
var footnoteID = regexp.MustCompile(`^fn(ref\d*)?:`)

// shown gives an attribute's value as a message quotes it.
func shown(v any) string {
	if b, ok := v.([]byte); ok {
		return strconv.Quote(string(b))
	}
	return fmt.Sprint(v)
}

// isWord reports whether b is text with no space in it, as an id must be.
func isWord(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			return false
		}
	}
	return true
}
