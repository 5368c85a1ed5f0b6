package content

import (
	"bytes"
	"iter"
	"regexp"
	"unicode"
	"unicode/utf8"
)

// maxNesting bounds how deep an article's block quotes and lists nest.
// Reading Markdown costs more than the square of the depth (400,000
// quotes on one line took a minute), and browsers flatten elements
// nested deeper than a few hundred anyway, so no reader loses a level.
const maxNesting = 100

// tooDeep finds the first line of body whose block quotes and list
// items nest deeper than maxNesting: its index from 0 and its depth,
// or -1 when there is none. A line's depth is counted from its start:
// each ">" and list marker, and each level its indentation can open
// before a marker (two columns a level, a tab one) wherever it stands:
// lists nest by indenting, inside quotes too. That can count a level
// too many, never one too few; a line that opens no quote or list item,
// however indented, and a thematic break (- - -) count none.
func tooDeep(body []byte) (line, depth int) {
	for i, l := range numberedLines(body) {
		if d := nesting(l); d > maxNesting {
			return i, d
		}
	}
	return -1, 0
}

// maxNestingTotal bounds the depths of a body's lines added up (see
// nesting): each level a line opens or goes on in is read again on that
// line, and each it opens is an element of the page. 40,000 paragraphs
// each in quotes nested 99 deep (4 MB, a depth allowed) made a page of
// 100 MB, and took ten seconds and two gigabytes; a million levels make
// at most 27 MB, in two seconds, and leave room for 200,000 lines (all a
// body may hold) each five levels deep.
const maxNestingTotal = 1_000_000

// tooDeepInAll gives the 0-based line of body by which the depths of its
// lines add up to more than maxNestingTotal, or -1.
func tooDeepInAll(body []byte) int {
	if len(body) <= maxNestingTotal {
		return -1 // each level takes a byte at least: no body this short holds that many
	}
	total := 0
	for i, l := range numberedLines(body) {
		if total += nesting(l); total > maxNestingTotal {
			return i
		}
	}
	return -1
}

// nesting is the depth of the containers one line opens or continues.
func nesting(l []byte) int {
	if thematicBreak(l) {
		return 0
	}
	depth, run := 0, 0 // run: the indentation since the line's start or the last marker, in levels
	marked := false    // a marker was seen: the one space after it belongs to it
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == ' ':
			run++
		case c == '\t':
			run += 2
		case c == '>' || (c == '-' || c == '*' || c == '+') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			depth, run, marked = depth+levels(run, marked)+1, 0, true
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j == len(l) || (l[j] != '.' && l[j] != ')') || (j+1 < len(l) && l[j+1] != ' ' && l[j+1] != '\t') {
				return depth
			}
			depth, run, marked, i = depth+levels(run, marked)+1, 0, true, j
		default:
			return depth
		}
	}
	return depth
}

// levels is how many lists an indentation of run columns (a tab two)
// can open: one for every two columns, less the space after a marker.
func levels(run int, afterMarker bool) int {
	if afterMarker && run > 0 {
		run--
	}
	return run / 2
}

// thematicBreak says whether l is a line of three or more of one of
// - * _, with spaces between, which is a break, not nested list items.
func thematicBreak(l []byte) bool {
	marks, mark := 0, byte(0)
	for _, c := range l {
		switch {
		case c == ' ' || c == '\t':
		case (c == '-' || c == '*' || c == '_') && (mark == 0 || c == mark):
			marks, mark = marks+1, c
		default:
			return false
		}
	}
	return marks >= 3
}

// maxOpenBrackets bounds the [ one paragraph holds open at once:
// goldmark looks back over those open at each ], which takes time that
// grows with the square of their number (200,000 took 4.5 s, and an
// article may be 8 MB); citations such as [1] [2] close at once and cost
// time in step with their number.
const maxOpenBrackets = 1000

// tooManyBrackets gives the 0-based line of the first paragraph of body
// that holds more than maxOpenBrackets [ open at once, or -1. A blank
// line, a list item, a quote or a heading starts another paragraph.
func tooManyBrackets(body []byte) int {
	open := 0
	return firstParagraph(body, func(l []byte, fresh bool) bool {
		if fresh {
			open = 0
		}
		for _, c := range l {
			switch {
			case c == '[':
				if open++; open > maxOpenBrackets {
					return true
				}
			case c == ']' && open > 0:
				open--
			}
		}
		return false
	})
}

// maxLinkOpenings bounds the link destinations one paragraph may leave
// open: a "](" with no ")" after it on its line before the next. goldmark
// takes time that grows with the square of their number ([a]( again and
// again: 16,000 took 0.7 s, 100,000 half a minute); a thousand cost a
// few milliseconds, and no writer leaves a thousand links open. Links
// that close cost time in step with their number, and are not counted.
const maxLinkOpenings = 1000

// tooManyLinks gives the 0-based line of the first paragraph of body that
// leaves more than maxLinkOpenings link destinations open, or -1. A blank
// line, a list item, a quote or a heading starts another paragraph.
func tooManyLinks(body []byte) int {
	count := 0
	return firstParagraph(body, func(l []byte, fresh bool) bool {
		if fresh {
			count = 0
		}
		count += openLinks(l)
		return count > maxLinkOpenings
	})
}

// firstParagraph gives the 0-based line of the first paragraph of body
// that over, given each of its lines in turn (fresh with its first),
// finds over a limit, or -1. A blank line, a list item, a quote or a
// heading starts another paragraph.
func firstParagraph(body []byte, over func(l []byte, fresh bool) bool) int {
	start, fresh, inList := 0, true, false
	for i, l := range numberedLines(body) {
		switch t := bytes.TrimLeft(l, " \t"); {
		case len(t) == 0:
			start, fresh = i+1, true
			continue
		case fresh:
			inList, _ = listItem(t)
		case startsBlock(t, inList):
			start, fresh = i, true
			inList, _ = listItem(t)
		}
		if over(l, fresh) {
			return start
		}
		fresh = false
	}
	return -1
}

// openLinks counts the "](" of a line with no ")" after them before the
// next one or the line's end.
func openLinks(l []byte) int {
	n := 0
	for i := bytes.Index(l, []byte("](")); i >= 0; {
		rest := l[i+2:]
		next := bytes.Index(rest, []byte("]("))
		upTo := rest
		if next >= 0 {
			upTo = rest[:next]
		}
		if bytes.IndexByte(upTo, ')') < 0 {
			n++
		}
		if next < 0 {
			break
		}
		l, i = rest, next
	}
	return n
}

// maxEmphasisMarks bounds the runs of * and _ one paragraph, or one row
// of a table, may hold. goldmark pairs them in time that grows with the
// square of their number when few of them pair (*a_ again and again:
// 60,000 took three seconds, a body of 7 MB of them did not end); a
// thousand cost a few milliseconds, and no writer emphasises five
// hundred words of one paragraph. Those in code (between backticks) and
// those escaped (\*) are not counted.
const maxEmphasisMarks = 1000

// tooManyMarks gives the 0-based line of the first paragraph of body, or
// row of a table, that holds more than maxEmphasisMarks runs of * and _,
// or -1.
func tooManyMarks(body []byte) int {
	if bytes.Count(body, []byte("*"))+bytes.Count(body, []byte("_")) <= maxEmphasisMarks {
		return -1 // most bodies: no paragraph can hold too many
	}
	start, count, inert := 0, 0, 0
	table := false  // the lines since a table's delimiter row, each a row of its own
	inList := false // the paragraph is a list item's
	for i, l := range numberedLines(body) {
		switch t := bytes.TrimLeft(l, " \t"); {
		case len(t) == 0:
			start, count, inert, table = i+1, 0, 0, false
			continue
		case start == i:
			inList, _ = listItem(t)
		case table || startsBlock(t, inList):
			start, count, inert = i, 0, 0
			inList, _ = listItem(t)
		case bytes.IndexByte(t, '|') >= 0 && tableDelimiterRow.Match(t):
			start, count, inert, table = i+1, 0, 0, true
			continue
		}
		active, others := emphasisMarks(l)
		if count, inert = count+active, inert+others; count > maxEmphasisMarks || inert > maxInertMarks {
			return start
		}
	}
	return -1
}

// maxInertMarks bounds the runs of * and _ one paragraph may hold that
// can neither open nor close emphasis (2 * 3, snake_case): goldmark keeps
// them too, and each run that could close emphasis but finds nothing to
// close looks back over all of them, so that 400,000 such runs and a
// thousand of the others took 11 seconds.
const maxInertMarks = 20000

// maxAddresses is the most addresses a body may hold that goldmark makes
// links of as it finds them (e-mail addresses, http:// and www. ones):
// each costs about a kilobyte while the page is made, and a body of
// 1.3 million took over a gigabyte.
const maxAddresses = 50000

// addresses counts what may be such an address in body, by the marks
// each holds: an @, a :// or a www.
func addresses(body []byte) int {
	return bytes.Count(body, []byte("@")) + bytes.Count(body, []byte("://")) + bytes.Count(body, []byte("www."))
}

// maxDefinitions is the most link reference definitions ([1]: /x) a body
// may hold one after another, with no blank line between: goldmark reads
// such a run again for each of them, and 100,000 took a minute.
const maxDefinitions = 5000

// tooManyDefinitions gives the 0-based line of the first run of more than
// maxDefinitions link reference definitions in body, or -1.
func tooManyDefinitions(body []byte) int {
	if bytes.Count(body, []byte("]:")) <= maxDefinitions {
		return -1 // most bodies: too few to make such a run
	}
	start, count := 0, 0
	for i, l := range numberedLines(body) {
		if !definitionLine.Match(l) {
			start, count = i+1, 0
			continue
		}
		if count++; count > maxDefinitions {
			return start
		}
	}
	return -1
}

// maxFootnoteRefs is the most footnote references ([^1]) a body may
// hold: each adds a link back to it in the footnote, and a million made
// a page of 187 MB from a body of 4.
const maxFootnoteRefs = 10000

// tooManyFootnoteRefs gives the 0-based line on which body holds more
// than maxFootnoteRefs footnote references, or -1.
func tooManyFootnoteRefs(body []byte) int {
	if bytes.Count(body, []byte("[^")) <= maxFootnoteRefs {
		return -1
	}
	count := 0
	for i, l := range numberedLines(body) {
		if count += bytes.Count(l, []byte("[^")); count > maxFootnoteRefs {
			return i
		}
	}
	return -1
}

// definitionLine matches the start of a link reference definition.
var definitionLine = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:`)

// tableDelimiterRow matches the row under a table's header: |---|:--:|.
var tableDelimiterRow = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// emphasisMarks counts the runs of * and of _ in a line, outside code
// spans and escapes: those that may open or close emphasis, and the
// others (see maxInertMarks).
func emphasisMarks(l []byte) (n, inert int) {
	for i := 0; i < len(l); i++ {
		next := bytes.IndexAny(l[i:], "\\`*_")
		if next < 0 {
			break
		}
		i += next
		switch c := l[i]; c {
		case '\\':
			i++
		case '`':
			i = codeSpanEnd(l, i) - 1
		case '*', '_':
			start := i
			for i+1 < len(l) && l[i+1] == c {
				i++
			}
			// A _ run inside a word (snake_case, a_b in an address) can
			// neither open nor close emphasis, nor can a run with a space
			// or the line's end on both sides (2 * 3).
			if c == '_' && inWord(l[:start], l[i+1:]) || spaced(l[:start], l[i+1:]) {
				inert++
				continue
			}
			n++
		}
	}
	return n, inert
}

// spaced says whether what stands between before and after has white
// space, or a line's end, on both sides.
func spaced(before, after []byte) bool {
	prev, _ := utf8.DecodeLastRune(before)
	next, _ := utf8.DecodeRune(after)
	return (len(before) == 0 || unicode.IsSpace(prev)) && (len(after) == 0 || unicode.IsSpace(next))
}

// inWord says whether what stands between before and after is inside a
// word: a letter or a digit on both sides.
func inWord(before, after []byte) bool {
	prev, _ := utf8.DecodeLastRune(before)
	next, _ := utf8.DecodeRune(after)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return len(before) > 0 && len(after) > 0 && word(prev) && word(next)
}

// startsBlock says whether a line, its indentation taken off, ends the
// paragraph before it and starts another block, as CommonMark has it: a
// quote, a heading, or a list item where it may interrupt a paragraph
// (see listItem), or where the paragraph is itself a list item's
// (inList). A line such as "*a_", or "2. a" after a paragraph of prose,
// continues the paragraph before it, and so is counted with it.
func startsBlock(t []byte, inList bool) bool {
	spaced := func(i int) bool { return i == len(t) || t[i] == ' ' || t[i] == '\t' }
	switch t[0] {
	case '>':
		return true
	case '#':
		hashes := len(t) - len(bytes.TrimLeft(t, "#"))
		return hashes <= 6 && spaced(hashes)
	}
	item, interrupts := listItem(t)
	return item && (interrupts || inList)
}

// listItem says whether a line, its indentation taken off, starts a list
// item: a marker followed by a space or the line's end; and whether it
// may interrupt a paragraph, which one that is empty, or numbered other
// than 1, may not.
func listItem(t []byte) (item, interrupts bool) {
	spaced := func(i int) bool { return i == len(t) || t[i] == ' ' || t[i] == '\t' }
	content := func(i int) bool { return len(bytes.TrimSpace(t[i:])) > 0 }
	switch t[0] {
	case '-', '*', '+':
		return spaced(1), spaced(1) && content(1)
	}
	digits := len(t) - len(bytes.TrimLeft(t, "0123456789"))
	if digits == 0 || digits > 9 || digits >= len(t) || t[digits] != '.' && t[digits] != ')' || !spaced(digits+1) {
		return false, false
	}
	return true, string(t[:digits]) == "1" && content(digits+1)
}

// maxCodeSearch bounds how far goldmark may read, in one body, for the
// ends of code spans: each run of backticks looks ahead to the end of
// its paragraph for a run as long, and one with none (runs of one
// backtick, then two, then three…) reads it all, so that 1,500 such
// runs in a paragraph of 8 MB took 45 seconds. 64 MB read takes about a
// third of a second; a page of prose with a hundred code spans reads a
// few hundred kilobytes.
const maxCodeSearch = 64 << 20

// tooLongCodeSearch gives the 0-based line of the first paragraph of
// body in which goldmark would read more than maxCodeSearch bytes in
// all for the ends of code spans, or -1. Fenced code is left out, as
// it holds no code spans.
func tooLongCodeSearch(body []byte) int {
	if bytes.Count(body, []byte("`"))*len(body) <= maxCodeSearch {
		return -1 // most bodies: no paragraph can read that much
	}
	var (
		start, offset int
		runs          []codeRun
		fence         []byte // the fence of the code block open, if any
		total         int
		inList        bool // the paragraph is a list item's
	)
	end := func() bool {
		total += codeSearch(runs, offset)
		runs, offset = runs[:0], 0
		return total > maxCodeSearch
	}
	for i, l := range numberedLines(body) {
		t := bytes.TrimLeft(l, " ")
		code := len(l)-len(t) >= 4
		switch {
		case fence != nil:
			if !code && closesFence(t, fence) {
				fence, start = nil, i+1
			}
			continue
		case !code && fenceOf(t) != nil, len(bytes.TrimSpace(t)) == 0:
			if end() {
				return start
			}
			fence, start = fenceOf(t), i+1
			continue
		case offset == 0:
			inList, _ = listItem(t)
		case startsBlock(t, inList):
			// A heading or a list item starts a paragraph of its own.
			if end() {
				return start
			}
			start = i
			inList, _ = listItem(t)
		}
		for j := 0; j < len(l); {
			k := bytes.IndexByte(l[j:], '`')
			if k < 0 {
				break
			}
			n := len(l[j+k:]) - len(bytes.TrimLeft(l[j+k:], "`"))
			runs = append(runs, codeRun{offset + j + k, n})
			j += k + n
		}
		offset += len(l) + 1
	}
	if end() {
		return start
	}
	return -1
}

// codeRun is a run of backticks in a paragraph: where it starts, in
// bytes from the paragraph's start, and how many backticks it holds.
type codeRun struct{ at, n int }

// codeSearch gives how many bytes goldmark reads for the ends of the
// code spans that runs, in a paragraph of size bytes, open: from each
// run that opens one to the run as long that closes it, after which the
// search goes on; from a run with none to the end of the paragraph.
func codeSearch(runs []codeRun, size int) int {
	next := make([]int, len(runs)) // the index of the next run as long, or -1
	last := map[int]int{}
	for i := len(runs) - 1; i >= 0; i-- {
		next[i] = -1
		if j, ok := last[runs[i].n]; ok {
			next[i] = j
		}
		last[runs[i].n] = i
	}
	read := 0
	for i := 0; i < len(runs); i++ {
		if j := next[i]; j >= 0 {
			read += runs[j].at - runs[i].at
			i = j
			continue
		}
		read += size - runs[i].at
	}
	return read
}

// maxQuoteRun is the longest run of one quotation mark, ' or ", a body
// may hold outside fenced code. The typographer that curls quotes reads
// a run again for each mark in it, so that a run of 160,000 took 23
// seconds; a run of 200 costs no more than as many marks apart.
const maxQuoteRun = 200

// tooLongQuoteRun gives the 0-based line of the first run of ' or " in
// body longer than maxQuoteRun outside fenced code and code spans, or
// -1. A fence inside a block quote counts; one indented four columns or
// more, in a list item, does not, as it may be a paragraph's line.
func tooLongQuoteRun(body []byte) int {
	if !longQuoteRun(body) {
		return -1 // most bodies: no run that long anywhere
	}
	var fence []byte // the fence of the code block open, if any
	for i, l := range numberedLines(body) {
		t := bytes.TrimLeft(l, " ")
		code := len(l)-len(t) >= 4
		t = bytes.TrimLeft(t, "> ") // a fence inside a block quote
		switch {
		case fence != nil:
			if !code && closesFence(t, fence) {
				fence = nil
			}
			continue
		case !code && fenceOf(t) != nil:
			fence = fenceOf(t)
			continue
		}
		for j := 0; j < len(l); {
			k := bytes.IndexByte(l[j:], '`')
			if k < 0 {
				if longQuoteRun(l[j:]) {
					return i
				}
				break
			}
			if longQuoteRun(l[j : j+k]) {
				return i
			}
			j = codeSpanEnd(l, j+k) // a code span's text is not made into curled quotes
		}
	}
	return -1
}

// longQuoteRun says whether b holds a run of ' or " longer than
// maxQuoteRun.
func longQuoteRun(b []byte) bool {
	return bytes.Contains(b, bytes.Repeat([]byte("'"), maxQuoteRun+1)) || bytes.Contains(b, bytes.Repeat([]byte(`"`), maxQuoteRun+1))
}

// maxClasses is the most classes (.name, or class="name") a line may
// give in attribute blocks, such as a heading's {#id .class}: goldmark
// joins each to those before it, and reads a block at every { of a
// heading, so that 80,000 in one heading took 6 seconds. A heading
// needs a few.
const maxClasses = 100

// tooManyClasses gives the 0-based line of the first line of body that
// gives more than maxClasses classes after a {, however they are
// separated (spaces, tabs, commas), or -1.
func tooManyClasses(body []byte) int {
	if bytes.Count(body, []byte("."))+bytes.Count(body, []byte("class=")) <= maxClasses {
		return -1 // most bodies: too few to give that many
	}
	for i, l := range numberedLines(body) {
		open := bytes.IndexByte(l, '{')
		if open < 0 {
			continue
		}
		after := l[open:]
		n := bytes.Count(after, []byte("class="))
		for j := 1; j < len(after); j++ {
			if after[j] == '.' && bytes.IndexByte([]byte("{ \t,"), after[j-1]) >= 0 {
				n++
			}
		}
		if n > maxClasses {
			return i
		}
	}
	return -1
}

// closesFence says whether the line t, its indentation taken off,
// closes the code block fence opened.
func closesFence(t, fence []byte) bool {
	return bytes.HasPrefix(t, fence) && len(bytes.TrimSpace(bytes.TrimLeft(t, string(fence[:1])))) == 0
}

// codeSpanEnd gives the index in l just past the code span whose run of
// backticks starts at open, or past that run where no run as long
// closes it.
func codeSpanEnd(l []byte, open int) int {
	end := open
	for end < len(l) && l[end] == '`' {
		end++
	}
	if n := bytes.Index(l[end:], l[open:end]); n >= 0 {
		return end + n + end - open
	}
	return end
}

// fenceOf gives the fence a line, its indentation taken off, opens a
// code block with (``` or ~~~, three or more), or nil.
func fenceOf(t []byte) []byte {
	for _, c := range []byte("`~") {
		n := len(t) - len(bytes.TrimLeft(t, string(c)))
		if n >= 3 && (c == '~' || bytes.IndexByte(t[n:], '`') < 0) {
			return t[:n]
		}
	}
	return nil
}

// numberedLines gives the lines of body, without their line feeds, with
// their 0-based numbers.
func numberedLines(body []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		for i := 0; len(body) > 0; i++ {
			l := body
			if end := bytes.IndexByte(body, '\n'); end >= 0 {
				l, body = body[:end], body[end+1:]
			} else {
				body = nil
			}
			if !yield(i, l) {
				return
			}
		}
	}
}
