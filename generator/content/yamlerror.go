package content

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// yamlParserProblems are the messages of yaml.v3's parser, as opposed to
// its scanner. The parser gives 0-based line numbers, the scanner 1-based
// ones (go-yaml/yaml#205), so the parser's need one added.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected key",
	"did not find expected node content",
	"found duplicate %",
	"found incompatible YAML document",
	"found undefined tag handle",
}

// yamlError turns the YAML parser's message into ours, with the line
// counted in the file rather than in the YAML. For the mistakes editors
// make most it says instead, in their words, what is wrong on which line
// and what to write; data is the YAML, to read that line.
func yamlError(err error, data []byte, firstLine int, what string) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line, problem := 1, msg
	var l int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &l); scanErr == nil {
		problem = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		if slices.ContainsFunc(yamlParserProblems, func(p string) bool { return strings.HasPrefix(problem, p) }) {
			l++
		}
		line = l
	}
	lines := strings.Split(string(data), "\n")
	// A problem found at the end, as an unclosed [ is, is told at the
	// last line that has anything on it.
	if last := lastText(lines); last > 0 && line > last {
		line = last
	}
	if at, hint := yamlHint(problem, lines, line); hint != "" {
		return &Error{Line: firstLine + at - 1, Msg: oneLine(hint)}
	}
	return &Error{Line: firstLine + line - 1, Msg: what + " is not valid YAML: " + oneLine(problem)}
}

// lastText is the 1-based number of the last line of lines that has
// anything on it, or 0.
func lastText(lines []string) int {
	for i := len(lines); i > 0; i-- {
		if strings.TrimSpace(lines[i-1]) != "" {
			return i
		}
	}
	return 0
}

// ExplainYAML says, for a reader of front matter other than a build's
// (an import), on which line of the file the YAML parser's err lies and
// what is wrong there, as a build would: data is the YAML, which starts
// on the file's line firstLine.
func ExplainYAML(err error, data []byte, firstLine int) (line int, msg string) {
	e := yamlError(err, data, firstLine, "front matter").(*Error)
	return e.Line, e.Msg
}

// yamlHint explains a problem the parser found at line l (1-based) of
// lines, giving the line to report it on, which may be another when the
// parser points at where the trouble began rather than at the mistake.
// It returns no hint when it cannot tell what the editor meant.
func yamlHint(problem string, lines []string, l int) (int, string) {
	at := func(i int) yamlLine {
		if i < 1 || i > len(lines) {
			return yamlLine{}
		}
		return readYAMLLine(lines[i-1])
	}
	if i, y := emptiedList(lines); i > 0 {
		return i, fmt.Sprintf("%s: %s is empty, so the items below it cannot follow: delete the %s", y.key, y.value, y.value)
	}
	y := at(l)
	switch {
	case strings.HasPrefix(problem, "mapping values are not allowed"):
		switch {
		case y.key != "" && strings.Contains(y.value, ": "):
			return l, fmt.Sprintf(`%s: a value with ": " in it must be in quotes: write %s: %s`, y.key, y.key, quoted(y.value))
		case y.key != "" && strings.HasSuffix(y.value, ":"):
			return l, fmt.Sprintf(`%s: a value ending in ":" must be in quotes: write %s: %s`, y.key, y.key, quoted(y.value))
		case y.key != "" && notLinedUp(lines, l):
			return l, notLinedUpHint(y)
		case y.key == "" && strings.Contains(y.value, ": "):
			return l, `a value with ": " in it must be in quotes: put quotes around all of it, from the line where it starts`
		}

	case strings.HasPrefix(problem, "did not find expected '-' indicator"):
		// The parser points at the list; the mistake is in one of its entries.
		for i := l + 1; i <= len(lines); i++ {
			if at(i).key != "" && notLinedUp(lines, i) {
				return i, notLinedUpHint(at(i))
			}
		}

	case strings.HasPrefix(problem, "did not find expected ',' or ']'"):
		// The parser may point at a line after the one that opened the
		// list, having read on for its end.
		for i := l; i >= max(1, l-3); i-- {
			if y := at(i); y.key != "" && strings.HasPrefix(y.value, "[") && !strings.Contains(y.value, "]") {
				return i, fmt.Sprintf("%s: the [ starts a list that has no closing ]: write %s: %s], or put text that starts with [ in quotes", y.key, y.key, y.value)
			}
		}

	case strings.HasPrefix(problem, "did not find expected ',' or '}'"):
		if y.key != "" && strings.HasPrefix(y.value, "{") && !strings.Contains(y.value, "}") {
			return l, fmt.Sprintf("%s: the { starts a map that has no closing }: close it, or put text that starts with { in quotes", y.key)
		}

	case strings.HasPrefix(problem, "did not find expected key"):
		if y.key == "" && y.dash >= 0 {
			return l, "a list item where a field name is expected: indent it under the field it belongs to"
		}
		if y.key == "" || y.value == "" {
			break
		}
		end := closing(y.value)
		if end < 0 || strings.TrimSpace(y.value[end+1:]) == "" {
			break
		}
		if q := y.value[0]; q == '"' || q == '\'' {
			text := y.value
			if len(text) > 1 && text[len(text)-1] == q {
				text = text[1 : len(text)-1]
				if q == '"' {
					text = strings.ReplaceAll(text, `\"`, `"`)
				} else {
					text = strings.ReplaceAll(text, "''", "'")
				}
			}
			return l, fmt.Sprintf("%s: the quotes close before the end of the value: write %s: %s", y.key, y.key, quoted(text))
		}
		what := "list"
		if y.value[0] == '{' {
			what = "map"
		}
		return l, fmt.Sprintf("%s: %q follows the end of the %s: remove it, or, if the value is text, put it all in quotes: write %s: %s",
			y.key, strings.TrimSpace(y.value[end+1:]), what, y.key, quoted(y.value))

	case strings.Contains(problem, "tab character"):
		// The parser may point at the line before, where a value began.
		for i := l; i <= len(lines); i++ {
			if strings.Contains(at(i).indent, "\t") {
				return i, tabHint(lines, i)
			}
		}

	case strings.HasPrefix(problem, "found character that cannot start any token"),
		strings.HasPrefix(problem, "did not find expected alphabetic or numeric character"),
		strings.HasPrefix(problem, "did not find expected comment or line break"):
		switch {
		case strings.Contains(y.indent, "\t"):
			return l, tabHint(lines, l)
		case y.key != "" && y.value != "" && strings.ContainsRune(cannotStart, rune(y.value[0])):
			return l, fmt.Sprintf("%s: a value can't start with %c: put it in quotes: write %s: %s", y.key, y.value[0], y.key, quoted(y.value))
		case y.key == "" && y.dash >= 0 && y.value != "" && strings.ContainsRune(cannotStart, rune(y.value[0])):
			return l, fmt.Sprintf("a list item can't start with %c: put it in quotes: write - %s", y.value[0], quoted(y.value))
		case y.key != "" && strings.HasPrefix(y.value, "[") && strings.HasSuffix(y.value, "]"):
			items := strings.Split(y.value[1:len(y.value)-1], ",")
			first := rune(0)
			for i, item := range items {
				if v := strings.TrimSpace(item); v != "" && strings.ContainsRune(cannotStart, rune(v[0])) {
					first = cmp.Or(first, rune(v[0]))
					items[i] = " " + quoted(v)
				}
			}
			if first != 0 {
				return l, fmt.Sprintf("%s: a list item can't start with %c: put it in quotes: write %s: [%s]", y.key, first, y.key, strings.TrimSpace(strings.Join(items, ",")))
			}
		}

	case strings.HasPrefix(problem, "found unexpected end of stream"):
		// The parser reports the end of the front matter.
		if i := unclosedQuote(lines); i > 0 {
			y := at(i)
			if y.key == "" {
				return i, fmt.Sprintf("the %c at the start of the line is never closed: end the text with another %c", y.value[0], y.value[0])
			}
			return i, fmt.Sprintf("%s: the %c at the start of the value is never closed: write %s: %s%c", y.key, y.value[0], y.key, y.value, y.value[0])
		}

	case strings.HasPrefix(problem, "could not find expected ':'"):
		if y.key == "" && y.dash < 0 {
			return l, `a line without "name:" in front: if it goes on from the value above, indent it; if it is a field, write name: value`
		}

	case strings.HasPrefix(problem, "unknown anchor '"):
		// The parser tells no line: the alias is looked for.
		name, _, _ := strings.Cut(strings.TrimPrefix(problem, "unknown anchor '"), "'")
		alias := regexp.MustCompile(`(^|[\s\[,])\*` + regexp.QuoteMeta(name) + `($|[\s\],])`)
		for i := 1; i <= len(lines); i++ {
			if y := at(i); alias.MatchString(y.value) {
				write := "- " + quoted(y.value)
				if y.key != "" {
					write = y.key + ": " + quoted(y.value)
				}
				return i, fmt.Sprintf("*%s reads as a YAML alias, of a value marked &%s, and none is: if it is text, put it in quotes: write %s", name, name, write)
			}
		}

	case strings.HasPrefix(problem, "exceeded max depth"):
		return l, "lists or maps here nest thousands of levels deep, which no field takes: write each field as name: value, and a list one level deep"
	}
	return l, ""
}

// cannotStart are the characters a plain value of YAML cannot start
// with, as they mark something else (an alias, a tag, a block of text).
const cannotStart = "@`%*&|>"

// yamlLine is one line of YAML as an editor sees it, such as
// "  - title: Health and Care Act 2022".
type yamlLine struct {
	indent string // the spaces and tabs it starts with
	dash   int    // the column of its last "- ", or -1
	col    int    // the column where the name, or a value without one, starts
	key    string // the name before ": ", if it has one
	value  string // what follows the name, or the whole line after any "- "
}

var yamlName = regexp.MustCompile(`^[\w.-]+$`)

func readYAMLLine(s string) yamlLine {
	rest := strings.TrimLeft(s, " \t")
	y := yamlLine{indent: s[:len(s)-len(rest)], dash: -1, col: len(s) - len(rest)}
	for rest == "-" || strings.HasPrefix(rest, "- ") {
		y.dash = y.col
		after := strings.TrimLeft(rest[1:], " \t")
		y.col += len(rest) - len(after)
		rest = after
	}
	name, value, ok := strings.Cut(rest, ":")
	if ok && yamlName.MatchString(name) && (value == "" || value[0] == ' ' || value[0] == '\t') {
		y.key, y.value = name, strings.TrimSpace(value)
	} else {
		y.value = strings.TrimSpace(rest)
	}
	if strings.HasPrefix(y.value, "#") {
		y.value = "" // a comment
	}
	return y
}

// notLinedUp reports whether line l starts in another column than the
// line above it, which has a value of its own, so l cannot be nested in
// it and should be its neighbour.
func notLinedUp(lines []string, l int) bool {
	y := readYAMLLine(lines[l-1])
	for i := l - 1; i >= 1; i-- {
		above := readYAMLLine(lines[i-1])
		if above.key == "" && above.value == "" {
			continue // blank, or a comment
		}
		return above.value != "" && above.col != y.col
	}
	return false
}

func notLinedUpHint(y yamlLine) string {
	return y.key + ": not lined up with the field above it: start it in the same column"
}

// tabHint tells of line l (from 1) indented with a tab, naming its
// field: a list item's is the field above that holds the list.
func tabHint(lines []string, l int) string {
	msg := "the line is indented with a tab, which YAML does not allow: indent with spaces"
	y := readYAMLLine(lines[l-1])
	field := y.key
	if y.dash >= 0 {
		field = ""
		for i := l - 1; i >= 1; i-- {
			if above := readYAMLLine(lines[i-1]); above.key != "" && above.value == "" && above.dash < 0 {
				field = above.key
				break
			}
		}
	}
	if field != "" {
		return field + ": " + msg
	}
	return msg
}

// closing returns the index in v of the quote or bracket that closes the
// one v starts with, or -1.
func closing(v string) int {
	switch v[0] {
	case '"', '\'':
		return closingQuote(v, 1, v[0])
	case '[', '{':
		depth := 0
		for i := 0; i < len(v); i++ {
			switch v[i] {
			case '[', '{':
				depth++
			case ']', '}':
				if depth--; depth == 0 {
					return i
				}
			}
		}
	}
	return -1
}

// closingQuote returns the index of the first quote q in s from from on
// that ends a quoted value, or -1. A backslash escapes a double quote;
// a single quote is escaped by another.
func closingQuote(s string, from int, q byte) int {
	for i := from; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// unclosedQuote returns the line (1-based) whose quoted value is never
// closed, or 0. A quoted value may go on over several lines.
func unclosedQuote(lines []string) int {
	open, q := 0, byte(0)
	for i, s := range lines {
		if open > 0 {
			if closingQuote(s, 0, q) >= 0 {
				open = 0
			}
			continue
		}
		v := readYAMLLine(s).value
		if v != "" && (v[0] == '"' || v[0] == '\'') && closingQuote(v, 1, v[0]) < 0 {
			open, q = i+1, v[0]
		}
	}
	return open
}

// quoted writes v as a YAML value in double quotes, or in single quotes,
// each ' doubled, when v has a double quote or a backslash in it.
func quoted(v string) string {
	if !strings.ContainsAny(v, `"\`) {
		return `"` + v + `"`
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'"
}

// emptiedList finds a field written empty, "sources: []", with items
// indented below it, as an editor leaves the line after uncommenting
// the skeleton's example: its line (1-based) and the line read, or 0.
func emptiedList(lines []string) (int, yamlLine) {
	for i, l := range lines {
		y := readYAMLLine(l)
		if y.key == "" || y.value != "[]" && y.value != "{}" {
			continue
		}
		for _, next := range lines[i+1:] {
			if t := strings.TrimSpace(next); t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if n := readYAMLLine(next); len(n.indent) > len(y.indent) {
				return i + 1, y
			}
			break
		}
	}
	return 0, yamlLine{}
}
