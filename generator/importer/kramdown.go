package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// blockTags are the HTML elements kramdown reads as a block when one
// starts a line.
var blockTags = []string{"p", "div", "table", "ul", "ol", "dl", "blockquote", "section", "article", "aside", "header", "footer", "nav", "figure", "center", "details"}

// htmlBlockStart matches a line that starts with the start tag of one
// of blockTags; tagEnds, for each, its start and end tags; blockStartTags,
// its whole start tag at the start of a line, attributes and all, a
// quoted value holding > too; markdownInside, the attribute that has
// kramdown read an element's content as Markdown, blank lines and all,
// as CommonMark does, and markdownAttribute, any markdown attribute,
// with the space before it.
var (
	htmlBlockStart    = regexp.MustCompile(`(?i)^<(` + strings.Join(blockTags, "|") + `)[\s>/]`)
	tagEnds           = map[string][2]*regexp.Regexp{}
	blockStartTags    = map[string]*regexp.Regexp{}
	markdownInside    = regexp.MustCompile(`(?i)\smarkdown\s*=\s*["']?(1|block|span)`)
	markdownAttribute = regexp.MustCompile(`(?i)\s+markdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>/]+))?`)
)

func init() {
	for _, t := range blockTags {
		tagEnds[t] = [2]*regexp.Regexp{regexp.MustCompile(`(?i)<` + t + `[\s>/]`), regexp.MustCompile(`(?i)</` + t + `\s*>`)}
		blockStartTags[t] = regexp.MustCompile(`(?i)^<` + t + `(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>`)
	}
}

// blockLines is the most lines an HTML block is followed over.
const blockLines = 2000

// kramdownBlocks keeps each HTML element that starts a line, and closes
// on a later one with blank lines between, one block, as kramdown, which
// Jekyll uses, reads it: CommonMark ends an HTML block at a blank line
// and reads what follows as Markdown, so that an indented line of the
// element's would become code. Each blank line inside the element
// becomes an empty comment, which keeps the block whole and every line
// where it was. An element that holds a <pre>, whose blank lines are
// its text, or one that does not close, is left as it is, and so is
// anything in fenced code. An element whose content kramdown read as
// Markdown (markdown="1") is made Markdown as CommonMark reads it (see
// markdownElement); what became of each is told, at its start tag.
func kramdownBlocks(body string) (string, []loss) {
	lines := strings.SplitAfter(body, "\n")
	starts := make([]int, len(lines)) // where each line is in body
	for i := 1; i < len(lines); i++ {
		starts[i] = starts[i-1] + len(lines[i-1])
	}
	depths := map[string][]int{} // by tag, what each line opens less what it closes
	var code fences
	var told []loss
	var quoted [][2]int // the lines of quotes made, marked once the elements in them are read
	for i := 0; i < len(lines); i++ {
		if code.boundary(lines[i]) {
			continue
		}
		m := htmlBlockStart.FindStringSubmatch(lines[i])
		if code.open != "" || m == nil {
			continue
		}
		tag := strings.ToLower(m[1])
		if depths[tag] == nil {
			depths[tag] = tagDepths(lines, tag)
		}
		end := closing(depths[tag][i:min(len(lines), i+blockLines)])
		// A start tag over several lines is not followed: one that may
		// have kramdown read Markdown is left as it is, and told.
		start := blockStartTags[tag].FindString(lines[i])
		if start == "" {
			if asked := markdownInside.FindStringSubmatch(splitStartTag(lines[i:min(len(lines), i+blockLines)])); asked != nil {
				told = append(told, loss{starts[i], fmt.Sprintf("<%s>, whose content kramdown read as Markdown (markdown=%q), has its start tag over several lines, so it was left as it is, and its Markdown shows as written: put the start tag on one line, and take out its markdown attribute", m[1], asked[1])})
				continue
			}
		}
		if markdownInside.MatchString(cmp.Or(start, lines[i])) {
			if start != "" && end >= 0 {
				if msg, quote := markdownElement(lines[i:i+end+1], tag, start); msg != "" {
					told = append(told, loss{starts[i], msg})
					delete(depths, tag) // its tags are gone
					if quote {
						quoted = append(quoted, [2]int{i + 1, i + end})
					}
				}
			}
			// What it holds is Markdown, in which an element of HTML
			// is read as at the top.
			continue
		}
		if end <= 0 {
			continue
		}
		span := lines[i : i+end+1]
		if strings.Contains(strings.ToLower(strings.Join(span, "")), "<pre") {
			i += end
			continue
		}
		for j, l := range span {
			if strings.TrimSpace(l) == "" {
				span[j] = "<!---->" + strings.TrimLeft(l, " \t")
			}
		}
		i += end
	}
	for _, q := range quoted {
		for j := q[0]; j < q[1]; j++ {
			// A line may hold several, where an element in the quote was
			// set apart from its tags.
			parts := strings.SplitAfter(lines[j], "\n")
			for k, part := range parts {
				switch {
				case part == "":
				case strings.TrimSpace(part) == "":
					parts[k] = ">" + lineEnd(part)
				default:
					parts[k] = "> " + part
				}
			}
			lines[j] = strings.Join(parts, "")
		}
	}
	return strings.Join(lines, ""), told
}

// bareTags are the elements whose tags, on lines of their own around
// Markdown, say nothing a reader sees that Markdown could: they go, and
// their lines are left blank.
var bareTags = map[string]bool{"div": true, "section": true, "article": true, "aside": true, "header": true, "footer": true, "nav": true, "center": true, "p": true}

// markdownElement makes the element on lines, whose start tag, start,
// has kramdown read its content as Markdown, Markdown that CommonMark
// reads as kramdown did, and says what became of it. A <div> (or another
// of bareTags) whose tags stand on lines of their own loses them; so
// does a <blockquote>, whose lines quote says to make a quote's once the
// elements in them are read. Any other has its content set apart from
// its tags by blank lines, which the HTML converter reads as Markdown
// between HTML. A list or table, whose content is its items and cells,
// is left as it is, as is an element that holds a <pre>.
func markdownElement(lines []string, tag, start string) (msg string, quote bool) {
	switch tag {
	case "ul", "ol", "dl", "table":
		return "", false
	}
	if strings.Contains(strings.ToLower(strings.Join(lines, "")), "<pre") {
		return "", false
	}
	last := len(lines) - 1
	shut := tagEnds[tag][1]
	ends := shut.FindAllStringIndex(lines[last], -1)
	if last == 0 {
		// An end tag inside the start tag (title="</p>") is none.
		ends = slices.DeleteFunc(ends, func(e []int) bool { return e[0] < len(start) })
	}
	if len(ends) == 0 {
		return "", false
	}
	e := ends[len(ends)-1]
	plain := markdownAttribute.ReplaceAllString(start, "") // the start tag without it
	attrs := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(plain[1+len(tag):], ">"), "/"))
	head := lines[0][len(start):]
	alone := last > 0 && strings.TrimSpace(head) == "" && strings.TrimSpace(lines[last][:e[0]]) == "" && strings.TrimSpace(lines[last][e[1]:]) == ""
	switch {
	case alone && bareTags[tag]:
		lines[0], lines[last] = lineEnd(lines[0]), lineEnd(lines[last])
		msg = fmt.Sprintf("%s, whose content kramdown read as Markdown, became that Markdown, its tags left out", start)
		if attrs != "" {
			msg += fmt.Sprintf(", and with them its attributes (%s): if the look they gave it matters, start each of its lines with > to make it a quote", attrs)
		}
		return msg, false
	case alone && tag == "blockquote":
		lines[0], lines[last] = lineEnd(lines[0]), lineEnd(lines[last])
		msg = fmt.Sprintf("%s, whose content kramdown read as Markdown, became a quote of that Markdown, its tags left out", start)
		if attrs != "" {
			msg += fmt.Sprintf(", and with them its attributes (%s)", attrs)
		}
		return msg, true
	}
	if last == 0 {
		lines[0] = plain + "\n\n" + strings.TrimSpace(lines[0][len(start):e[0]]) + "\n\n" + lines[0][e[0]:]
	} else {
		lines[0] = plain + "\n\n" + strings.TrimLeft(head, " \t")
		lines[last] = lines[last][:e[0]] + "\n\n" + lines[last][e[0]:]
	}
	return fmt.Sprintf("%s, whose content kramdown read as Markdown, was set apart from its tags by blank lines, so that it is read as Markdown", start), false
}

// splitStartTag gives the start tag that begins on the first of lines
// and ends on a later one, joined, or "" where none ends on them.
func splitStartTag(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		if i := strings.IndexByte(l, '>'); i >= 0 {
			return b.String() + l[:i+1]
		}
		b.WriteString(l)
	}
	return ""
}

// lineEnd gives the line break that ends line, if any.
func lineEnd(line string) string {
	if strings.HasSuffix(line, "\r\n") {
		return "\r\n"
	}
	if strings.HasSuffix(line, "\n") {
		return "\n"
	}
	return ""
}

// fences follows the fenced code blocks of Markdown a line at a time:
// open is the fence of the block the lines are in, "" outside one.
type fences struct{ open string }

// boundary says whether line opens or closes a fenced code block, and
// notes which.
func (f *fences) boundary(line string) bool {
	trimmed := strings.TrimSpace(line)
	fence := fenceOf(trimmed)
	if fence == "" || f.open != "" && !strings.HasPrefix(trimmed, f.open) {
		return false
	}
	if f.open == "" {
		f.open = fence
	} else {
		f.open = ""
	}
	return true
}

// fenceOf gives the fence a line of code opens or closes with, or "".
func fenceOf(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return f
		}
	}
	return ""
}

// tagDepths gives, for each line, how many elements tag it opens less
// how many it closes.
func tagDepths(lines []string, tag string) []int {
	open, shut := tagEnds[tag][0], tagEnds[tag][1]
	d := make([]int, len(lines))
	var code fences // a tag in fenced code is its text
	for i, l := range lines {
		if code.boundary(l) || code.open != "" {
			continue
		}
		if strings.Contains(l, "<") {
			d[i] = len(open.FindAllStringIndex(l, -1)) - len(shut.FindAllStringIndex(l, -1))
		}
	}
	return d
}

// closing gives the index of the line on which an element opened on the
// first closes, from each line's depths, or -1 if it does not.
func closing(depths []int) int {
	depth := 0
	for i, d := range depths {
		if depth += d; depth <= 0 {
			return i
		}
	}
	return -1
}

// strongRuns match a run of text between ** and **, and between __
// and __, on one line.
var strongRuns = map[string]*regexp.Regexp{
	"**": regexp.MustCompile(`\*\*([^*\n]+?)\*\*`),
	"__": regexp.MustCompile(`__([^_\n]+?)__`),
}

// kramdownEmphasis moves out of a **bold** (or __bold__) run the
// punctuation that ends it before a letter, or starts it after one, on
// the lines of each paragraph in which CommonMark leaves the marks as
// text: kramdown shows "**因为这群人是Geek呀！**这群" bold, and
// CommonMark does not close it there (see flankEmphasis). A line that
// holds code (a backtick) is left as it is, and so is every line of the
// body when no mark is left as text.
func kramdownEmphasis(body string) string {
	src := []byte(body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	mend := map[int]bool{} // the offsets of the lines to mend
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, code := n.(*ast.CodeSpan); code {
			return ast.WalkSkipChildren, nil
		}
		t, ok := n.(*ast.Text)
		if !entering || !ok || !bytes.Contains(t.Segment.Value(src), []byte("**")) && !bytes.Contains(t.Segment.Value(src), []byte("__")) {
			return ast.WalkContinue, nil
		}
		b := n.Parent()
		for b != nil && b.Type() != ast.TypeBlock {
			b = b.Parent()
		}
		if b != nil {
			for i := range b.Lines().Len() {
				mend[b.Lines().At(i).Start] = true
			}
		}
		return ast.WalkContinue, nil
	})
	if len(mend) == 0 {
		return body
	}
	var out strings.Builder
	at := 0
	for line := range strings.Lines(body) {
		if mend[at] && !strings.Contains(line, "`") {
			line = mendStrong(line, "**")
			line = mendStrong(line, "__")
		}
		out.WriteString(line)
		at += len(line)
	}
	return out.String()
}

// mendStrong moves the punctuation at the ends of each bold run of line,
// between the marks delim, outside it, where a letter or digit is on
// the other side.
func mendStrong(line, delim string) string {
	var b strings.Builder
	last := 0
	for _, m := range strongRuns[delim].FindAllStringSubmatchIndex(line, -1) {
		inner := line[m[2]:m[3]]
		lead, trail := "", ""
		if r, _ := utf8.DecodeLastRuneInString(line[:m[0]]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			rest := strings.TrimLeftFunc(inner, isPunct)
			lead, inner = inner[:len(inner)-len(rest)], rest
		}
		if r, _ := utf8.DecodeRuneInString(line[m[1]:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			rest := strings.TrimRightFunc(inner, isPunct)
			inner, trail = rest, inner[len(rest):]
		}
		if inner == "" {
			continue // punctuation alone: nothing to keep bold
		}
		b.WriteString(line[last:m[0]])
		b.WriteString(lead + delim + inner + delim + trail)
		last = m[1]
	}
	b.WriteString(line[last:])
	return b.String()
}

var (
	// definitionLine matches the line that starts a definition of a
	// kramdown definition list: a colon, up to three spaces in, and
	// spaces before the definition's text.
	definitionLine = regexp.MustCompile(`^ {0,3}:[ \t]+\S`)
	// preStart matches the start tag of a <pre> block.
	preStart = regexp.MustCompile(`(?i)<pre[\s>]`)
	// abbreviationLine matches a kramdown abbreviation's definition,
	// *[CQC]: Care Quality Commission: the abbreviation and its words.
	abbreviationLine = regexp.MustCompile(`^ {0,3}\*\[([^\]]+)\]:[ \t]*(.*?)[ \t]*\r?\n?$`)
	// notTerm matches a line that starts another block than a paragraph,
	// so no term of a definition list.
	notTerm = regexp.MustCompile(`^(?: {4}|\t| {0,3}(?:[#>|<]|[*+-](?:[ \t]|\r?\n|$)|\d+[.)](?:[ \t]|\r?\n|$)|\[[^\]]*\]:|\{:|` + "```|~~~" + `|[=-]+[ \t]*\r?\n?$|(?:[*_-][ \t]*){3,}\r?\n?$))`)
)

// kramdownSyntax turns what kramdown reads that CommonMark shows as
// written into what CommonMark shows as kramdown did, outside fenced
// code, line for line: a definition list (a term, and on the next line
// its definition after a colon, ": ...") becomes each term in bold, its
// definitions on the lines after it, line breaks between; an
// abbreviation's definition (*[CQC]: Care Quality Commission), which
// kramdown did not show but for the words it gave the abbreviation
// where readers pointed at it, becomes a blank line. lists are where
// each definition list starts in body; abbreviations, those left out,
// and at, where the first was.
func kramdownSyntax(body string) (out string, lists []int, abbreviations []string, at int) {
	return extraSyntax(body, true)
}

// definitionLists turns each definition list of body, as goldmark's
// extension and Blackfriday, which rendered a Hugo site's Markdown, read
// one, into each term in bold, its definitions on the lines after it, as
// kramdownSyntax does, and gives where each list starts in body.
func definitionLists(body string) (string, []int) {
	out, lists, _, _ := extraSyntax(body, false)
	return out, lists
}

// extraSyntax is kramdownSyntax, which leaves abbreviations as they are
// where abbreviate is false.
func extraSyntax(body string, abbreviate bool) (out string, lists []int, abbreviations []string, at int) {
	lines := strings.SplitAfter(body, "\n")
	starts := make([]int, len(lines)) // where each line is in body
	for i := 1; i < len(lines); i++ {
		starts[i] = starts[i-1] + len(lines[i-1])
	}
	var code fences
	at = -1
	term := -1     // the first line of the terms of the list in, -1 outside one
	ended := -1    // the line after the last list, where its next term may be
	indent := 0    // how far in the text of the definition in is
	text := false  // whether the line before is a term's or a definition's text
	blank := false // whether the line before is blank
	pre := false   // in a <pre> block, which kramdown showed as written
	for i, line := range lines {
		if code.boundary(line) || code.open != "" {
			term, text, blank = -1, false, false
			continue
		}
		if o := preStart.FindStringIndex(line); pre || o != nil {
			rest := line
			if !pre {
				rest = line[o[0]:]
			}
			pre = !strings.Contains(strings.ToLower(rest), "</pre>")
			term, text, blank = -1, false, false
			continue
		}
		if m := abbreviationLine.FindStringSubmatch(line); abbreviate && m != nil {
			abbreviations = append(abbreviations, m[1]+": "+m[2])
			if at < 0 {
				at = starts[i]
			}
			lines[i] = lineEnd(line)
			term, text, blank = -1, false, true
			continue
		}
		empty := strings.TrimSpace(line) == ""
		switch {
		case definitionLine.MatchString(line):
			if term < 0 {
				first := termsOf(lines, i)
				if first < 0 {
					text, blank = false, false
					continue
				}
				if first != ended {
					// Not the next term of the list before.
					lists = append(lists, starts[first])
				}
				term = first
				for j := first; j < i; j++ {
					if t := strings.TrimSpace(lines[j]); t != "" {
						if !strings.Contains(t, "**") && !strings.Contains(t, "__") {
							t = "**" + t + "**"
						}
						lines[j] = t + lineEnd(lines[j])
						if strings.TrimSpace(lines[j+1]) != "" {
							lines[j] = hardBreak(lines[j])
						}
					}
				}
			} else if text && !blank {
				lines[i-1] = hardBreak(lines[i-1])
			}
			indent = len(definitionLine.FindString(line)) - 1
			lines[i] = line[indent:]
			text, blank = true, false
		case term < 0:
			blank = empty
		case empty:
			text, blank = false, true
		case !blank:
			// A line that goes on with the definition's text, lazy or
			// indented.
			lines[i] = strings.TrimLeft(line, " \t")
			text = true
		case strings.HasPrefix(strings.ReplaceAll(line, "\t", "    "), strings.Repeat(" ", indent)):
			// A block of the definition's own, after a blank line, as
			// far in as its text.
			lines[i] = strings.ReplaceAll(line, "\t", "    ")[indent:]
			text, blank = false, false
		default:
			// The list ends; the line may be the next one's term.
			term, ended, text, blank = -1, i, false, false
		}
	}
	return strings.Join(lines, ""), lists, abbreviations, at
}

// termsOf gives the first line of the terms of the definition on line i
// of lines: the lines of the paragraph before it, with at most one blank
// line between; -1 where there is none, or a line of it starts another
// block than a paragraph.
func termsOf(lines []string, i int) int {
	j := i - 1
	if j >= 0 && strings.TrimSpace(lines[j]) == "" {
		j--
	}
	first := -1
	for ; j >= 0 && strings.TrimSpace(lines[j]) != ""; j-- {
		if notTerm.MatchString(lines[j]) || fenceOf(strings.TrimSpace(lines[j])) != "" {
			return -1
		}
		first = j
	}
	return first
}

// hardBreak ends line with a backslash, CommonMark's line break, before
// its line break.
func hardBreak(line string) string {
	end := lineEnd(line)
	return strings.TrimRight(strings.TrimSuffix(line, end), " \t") + "\\" + end
}
