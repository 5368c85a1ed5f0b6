package content

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
		// The attributes are read from the heading's last line, which
		// is not its first in a setext heading written over lines.
		offset := 0
		if last := h.Lines().Len() - 1; last >= 0 {
			offset = h.Lines().At(last).Start
		}
		fail := func(format string, args ...any) {
			problems = append(problems, headingProblem{offset, fmt.Sprintf(format, args...)})
		}
		attrs := h.Attributes()
		if len(attrs) == 0 {
			if list, advice := unreadAttributes(h, reader.Source()); list != "" {
				fail("heading ends in %s, which reads as an attribute list that cannot be read, so it would show as text: %s, or \\{ to show the brace", Truncate(list, 40), advice)
			}
		}
		h.RemoveAttributes()
		for _, a := range attrs {
			text, isText := a.Value.([]byte)
			switch name := string(a.Name); {
			case name == "id" && !isText:
				fail("heading id %s is not text: write {#id}", shown(a.Value))
			case name == "id" && !isWord(text):
				fail("heading id %q is empty or holds a space: write {#id}, one word", Truncate(string(text), 40))
			case name == "id" && footnoteID.Match(text):
				fail("heading id %q has the form of a footnote's (fn:1, fnref:1), which a link to the footnote would find instead: give the heading another", Truncate(string(text), 40))
			case name == "class" && isText && len(text) == 0:
			case name == "class" && isText && slices.Contains(strings.Fields(string(text)), "unnumbered"):
				fail("heading class \"unnumbered\" marks a heading unnumbered, and headings here are not numbered: leave it out")
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

// unreadAttributes gives the end of a heading's last line that is
// written as an attribute list ({#id}, {.name}, {name=value}, in any
// number) that goldmark could not read, with what to write instead; ""
// for any other heading, such as one that ends in a template's
// {#each items}. goldmark reads a value without quotes only as a number
// or a word of ASCII letters, digits and - _ : . that starts with a
// letter, so class=2col, id=a/b, class='wide' and class=wide cols each
// leave the whole list in the heading's text.
func unreadAttributes(h *ast.Heading, source []byte) (list, advice string) {
	if h.Lines().Len() == 0 {
		return "", ""
	}
	last := h.Lines().At(h.Lines().Len() - 1)
	line := bytes.TrimRight(last.Value(source), " \t#")
	open := bytes.LastIndexByte(line, '{')
	if !bytes.HasSuffix(line, []byte("}")) || open < 0 || escaped(line, open) {
		return "", ""
	}
	written, ok := writtenAttributes(string(line[open+1 : len(line)-1]))
	if !ok {
		return "", ""
	}
	for _, a := range written {
		if _, ok := parser.ParseAttributes(text.NewReader([]byte("{" + a.text + "}"))); !ok {
			return string(line[open:]), a.advice()
		}
	}
	return "", ""
}

// escaped reports whether the byte at i of line is escaped by a
// backslash: by an odd run of them, as \\{ is a backslash shown and a
// brace read.
func escaped(line []byte, i int) bool {
	n := 0
	for i-n > 0 && line[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// writtenAttribute is one attribute of a list as its editor wrote it:
// its text, and the name and value it was meant to have ("#" or "." for
// an id or class given as {#id} or {.name}).
type writtenAttribute struct {
	text, name, value string
	quote             byte // the quote the value was written in, if any
}

// writtenAttributes splits what is between a heading's last braces into
// the attributes it was meant to give, and reports false where it does
// not read as attributes at all, such as {a, b} or {#each items}. Words
// after a value without quotes are taken as more of it (class=wide cols).
// A word without a value is an attribute where it is Pandoc's - for
// unnumbered, or beside a value, as in {#x autofocus onfocus="…"}, or
// an attribute any element of HTML takes beside an id or a class, as in
// {#intro hidden}; elsewhere, as in {#each items}, or alone, as in
// {title}, a placeholder's word, it is text.
func writtenAttributes(s string) ([]writtenAttribute, bool) {
	var list []writtenAttribute
	valued, bare := false, true // whether a value is written; whether every bare word is an attribute
	marked := false             // whether an id, a class or Pandoc's - is written
	isSep := func(c byte) bool { return c == ' ' || c == '\t' || c == ',' }
	word := func(i int) int {
		for i < len(s) && !isSep(s[i]) {
			i++
		}
		return i
	}
	i := 0
	for {
		for i < len(s) && isSep(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		start := i
		switch c := s[i]; {
		case s[i:word(i)] == "-":
			i++
			marked = true
			list = append(list, writtenAttribute{text: "-", name: "-"})
		case c == '#' || c == '.':
			i = word(i)
			marked = true
			list = append(list, writtenAttribute{text: s[start:i], name: s[start : start+1], value: s[start+1 : i]})
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':':
			for i < len(s) && isNameByte(s[i]) {
				i++
			}
			name := s[start:i]
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			if i == len(s) || s[i] != '=' {
				bare = bare && globalAttributes[strings.ToLower(name)]
				list = append(list, writtenAttribute{text: name, name: name})
				continue
			}
			valued = true
			i++
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			a := writtenAttribute{name: name}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				// A backslash escapes the quote or backslash after it,
				// as goldmark reads a value in double quotes.
				a.quote = s[i]
				var value strings.Builder
				j := i + 1
				for ; j < len(s) && s[j] != a.quote; j++ {
					if s[j] == '\\' && j+1 < len(s) && (s[j+1] == a.quote || s[j+1] == '\\') {
						j++
					}
					value.WriteByte(s[j])
				}
				a.value = value.String()
				i = min(j+1, len(s))
			} else {
				from := i
				i = word(i)
				// Words of a name's letters that follow, up to the next
				// attribute, are more of this value.
				for {
					j := i
					for j < len(s) && isSep(s[j]) {
						j++
					}
					k := word(j)
					if j == len(s) || s[j] == '#' || s[j] == '.' || strings.IndexFunc(s[j:k], func(r rune) bool { return r > 0x7f || !isNameByte(byte(r)) }) >= 0 {
						break
					}
					i = k
				}
				a.value = s[from:i]
			}
			a.text = s[start:i]
			list = append(list, a)
		default:
			return nil, false
		}
	}
	return list, len(list) > 0 && (valued || bare && marked)
}

// globalAttributes are the attributes of HTML that any element takes, a
// heading too, as an editor may write one after a heading without a
// value.
var globalAttributes = map[string]bool{
	"accesskey": true, "autocapitalize": true, "autocorrect": true, "autofocus": true,
	"contenteditable": true, "dir": true, "draggable": true, "enterkeyhint": true,
	"hidden": true, "inert": true, "inputmode": true, "itemscope": true,
	"lang": true, "nonce": true, "popover": true, "spellcheck": true,
	"tabindex": true, "title": true, "translate": true, "writingsuggestions": true,
}

// isNameByte reports whether c may be in an attribute's name, as goldmark
// reads one.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-'
}

// advice says what to write instead of an attribute goldmark could not
// read.
func (a writtenAttribute) advice() string {
	words := strings.FieldsFunc(a.value, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' })
	switch a.name {
	case "-":
		return "- marks a heading unnumbered, and headings here are not numbered: leave it out"
	case "#":
		return "write {#id} with an id of one word of letters, digits, - and _"
	case ".":
		return "write {.name} with a class of one word of letters, digits, - and _"
	case "id", "class":
	default:
		return fmt.Sprintf("heading attribute %q is not published: a heading may be given an id ({#id}) and classes ({.name})", Truncate(a.name, 40))
	}
	short := map[string]string{"id": "#", "class": "."}[a.name]
	if len(words) == 0 {
		return fmt.Sprintf(`give %s a value in double quotes, %s="name", or write %sname`, a.name, a.name, short)
	}
	if a.name == "id" && len(words) > 1 {
		return "write {#id} with an id of one word"
	}
	value := strings.Join(words, " ")
	quoted := a.name + `="` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(Truncate(value, 40)) + `"`
	if a.quote == '\'' {
		quoted += " (double quotes)"
	}
	var each []string
	for _, w := range words {
		each = append(each, short+w)
		if attrs, ok := parser.ParseAttributes(text.NewReader([]byte("{" + short + w + "}"))); !ok || len(attrs) != 1 || string(attrs[0].Value.([]byte)) != w {
			return "write " + quoted
		}
	}
	return "write " + quoted + " or " + Truncate(strings.Join(each, " "), 40)
}

// footnoteID matches the ids goldmark gives footnotes and the links to
// them.
var footnoteID = regexp.MustCompile(`^fn(ref\d*)?:`)

// shown gives an attribute's value as a message quotes it, shortened.
func shown(v any) string {
	if b, ok := v.([]byte); ok {
		return strconv.Quote(Truncate(string(b), 40))
	}
	return Truncate(fmt.Sprint(v), 40)
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
