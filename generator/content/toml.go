package content

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// parseTOML reads TOML into nodes. TOML's decoder keeps no positions, so
// each key is placed on the line tomlLines finds it written on, and a
// value it cannot place, in an inline table or array, on its key's.
func parseTOML(data []byte, firstLine int) (*node, error) {
	if line := TOMLTooDeep(data, maxDepth); line >= 0 {
		return nil, &Error{Line: firstLine + line, Msg: nestsTooDeep("front matter")}
	}
	if line := TOMLKeyTooLong(data, MaxTOMLKeyLength); line >= 0 {
		return nil, &Error{Line: firstLine + line, Msg: fmt.Sprintf(`front matter has a key longer than %d bytes: a key names a field in a word or two, as summary does, and text goes in quotes after it: summary = "…"`, MaxTOMLKeyLength)}
	}
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		line := firstLine
		if pe, ok := err.(toml.ParseError); ok {
			line = firstLine + pe.Position.Line - 1
			if key, first, ok := tomlSetTwice(pe, data); ok {
				return nil, &Error{Line: line, Msg: fmt.Sprintf("%s: set twice (first at line %d): keep one", Truncate(key, 40), firstLine+first)}
			}
			msg := "front matter is not valid TOML: " + ourCase(tomlMessage(pe.Message))
			if lines := strings.Split(string(data), "\n"); pe.Position.Line >= 1 && pe.Position.Line <= len(lines) {
				if hint := cmp.Or(tomlTwice(pe.Message, lines[pe.Position.Line-1]), tomlQuotes(pe.Message, lines[pe.Position.Line-1])); hint != "" {
					msg += ": " + hint
				}
			}
			return nil, &Error{Line: line, Msg: msg}
		}
		return nil, &Error{Line: line, Msg: "front matter is not valid TOML: " + ourCase(err.Error())}
	}
	t := tomlReader{at: tomlLines(string(data)), first: firstLine}
	root := &node{kind: mapNode, line: firstLine}
	for _, name := range topKeys(md) {
		line := t.line(pathName(name), firstLine)
		val, err := t.node(m[name], pathName(name), line, 1)
		if err != nil {
			return nil, err
		}
		root.keys = append(root.keys, &node{line: line, text: name, typ: "string"})
		root.items = append(root.items, val)
	}
	return root, nil
}

// topKeys lists the top-level names in the order they are first written.
// md.Keys repeats a name for each [[table]] of an array and leaves it out
// for dotted keys (withdrawn.date = ...), so it cannot be used as it is.
func topKeys(md toml.MetaData) []string {
	var names []string
	seen := map[string]bool{}
	for _, key := range md.Keys() {
		if !seen[key[0]] {
			seen[key[0]] = true
			names = append(names, key[0])
		}
	}
	return names
}

// tomlLines finds where the keys of TOML front matter are written: the
// line, from 0, of each table's header and each key, by its path, the
// first time it is written. A path joins names with dots (see pathName)
// and counts the tables of an array from 0: sources.1.url is the url of
// the second [[sources]]. A value may run over lines (see tomlValue):
// those lines are the value's, not keys or headers, but for the keys of
// an inline table written there.
func tomlLines(data string) map[string]int {
	at := map[string]int{}
	mark := func(path string, line int) {
		if _, ok := at[path]; !ok {
			at[path] = line
		}
	}
	tables := map[string]int{} // how many of each array's tables come before
	table := ""                // the table the lines are in
	var value tomlValue        // the value of the last key, while it runs on
	line := -1
	for text := range strings.SplitSeq(data, "\n") {
		line++
		if value.open() {
			value.read(text, line, mark)
			continue
		}
		l := strings.TrimSpace(text)
		switch {
		case strings.HasPrefix(l, "[["):
			names, _, ok := tomlKey(l[2:])
			if !ok {
				continue
			}
			name := inLastTables(names, tables, func(p string) { mark(p, line) })
			table = joinPath(name, strconv.Itoa(tables[name]))
			tables[name]++
			mark(table, line)
		case strings.HasPrefix(l, "["):
			names, _, ok := tomlKey(l[1:])
			if !ok {
				continue
			}
			table = inLastTables(names, tables, func(p string) { mark(p, line) })
		case l == "" || l[0] == '#':
		default:
			names, rest, ok := tomlKey(l)
			if !ok || !strings.HasPrefix(rest, "=") {
				continue
			}
			// A dotted key also writes the tables it names.
			path := table
			for _, name := range names {
				path = joinPath(path, pathName(name))
				mark(path, line)
			}
			value = tomlValue{path: path, line: line}
			value.read(rest[1:], line, mark)
		}
	}
	return at
}

// tomlValue follows a key's value through the lines it runs over: a
// multi-line string, or an array or inline table that its line leaves
// open. The keys of an inline table are marked with their paths, but
// for a key on its table's key's line (x = {a = 1}), which tomlReader
// places there unmarked; the tables a dotted key names are marked all
// the same, as a later line may add to them (a.b = 1, then a.c = 2).
// Keys in an array are not marked, as tomlReader places all an array
// holds on its line.
type tomlValue struct {
	quotes string       // the quotes of a multi-line string left open
	nest   []tomlNested // the arrays and inline tables open, innermost last
	lists  int          // how many of nest are arrays
	key    bool         // a key comes next: after an inline table's { or a comma
	path   string       // the path of the key whose value is being read
	line   int          // and the line that key is written on
}

// tomlNested is an array ([) or an inline table ({) a value holds open,
// with the path and line of the key it is the value of.
type tomlNested struct {
	bracket byte
	path    string
	line    int
}

// open reports whether the value runs on to the next line.
func (v *tomlValue) open() bool { return v.quotes != "" || len(v.nest) > 0 }

// read reads the part s of a value written on line, marking the keys of
// its inline tables.
func (v *tomlValue) read(s string, line int, mark func(path string, line int)) {
	i := 0
	if v.quotes != "" {
		end := closeQuotes(s, v.quotes)
		if end < 0 {
			return
		}
		v.quotes, i = "", end
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			return
		case v.key && (isBareKeyByte(c) || c == '"' || c == '\''):
			v.key = false
			names, rest, ok := tomlKey(s[i:])
			if !ok || !strings.HasPrefix(rest, "=") {
				return // not TOML, which the decoder has read already
			}
			in := v.nest[len(v.nest)-1]
			path := in.path
			for j, name := range names {
				path = joinPath(path, pathName(name))
				if v.lists == 0 && (j < len(names)-1 || line != in.line) {
					mark(path, line)
				}
			}
			v.path, v.line = path, line
			i = len(s) - len(rest) + 1
		case c == '"' || c == '\'':
			q := s[i : i+1]
			if i+2 < len(s) && s[i+1] == c && s[i+2] == c {
				q = s[i : i+3]
			}
			end := closeQuotes(s[i+len(q):], q)
			if end < 0 {
				if len(q) == 3 {
					v.quotes = q
				}
				return
			}
			i += len(q) + end
		case c == '{':
			v.nest = append(v.nest, tomlNested{c, v.path, v.line})
			v.key = true
			i++
		case c == '[':
			v.nest = append(v.nest, tomlNested{bracket: c})
			v.lists++
			i++
		case c == '}' || c == ']':
			if n := len(v.nest); n > 0 {
				if v.nest[n-1].bracket == '[' {
					v.lists--
				}
				v.nest = v.nest[:n-1]
			}
			v.key = false
			i++
		case c == ',':
			v.key = len(v.nest) > 0 && v.nest[len(v.nest)-1].bracket == '{'
			i++
		default:
			i++
		}
	}
}

// closeQuotes gives the index in s just past the quotes q that close a
// string, or -1 where s does not close it. In a basic string ("…" or
// """…""") a backslash escapes the character after it; the quotes that
// close a multi-line string may follow one or two of its own.
func closeQuotes(s, q string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q[0] == '"':
			i++
		case strings.HasPrefix(s[i:], q):
			end := i + len(q)
			for n := 0; n < 2 && len(q) == 3 && end < len(s) && s[end] == q[0]; n++ {
				end++
			}
			return end
		}
	}
	return -1
}

// inLastTables gives the path of a table's header, of the names given, as
// its keys' paths count it: a name that is an array of tables stands for
// its last table, so that [[sources.links]] below the second [[sources]]
// is sources.1.links. tables counts each array's tables so far; mark is
// given the path of each table the header names, as a dotted key writes
// each of them.
func inLastTables(names []string, tables map[string]int, mark func(path string)) string {
	out := ""
	for i, name := range names {
		if n := tables[out]; i > 0 && n > 0 {
			out = joinPath(out, strconv.Itoa(n-1))
			mark(out)
		}
		out = joinPath(out, pathName(name))
		mark(out)
	}
	return out
}

// pathName writes a key's name as a part of a path: its dots and
// backslashes escaped by a backslash, so that the name "sum.mary" is not
// the path of mary in the table sum.
func pathName(name string) string {
	if !strings.ContainsAny(name, `.\`) {
		return name
	}
	return strings.NewReplacer(`\`, `\\`, `.`, `\.`).Replace(name)
}

// joinPath adds a part, written by pathName, to the path of a table, or
// to none when path is "".
func joinPath(path, part string) string {
	if path == "" {
		return part
	}
	return path + "." + part
}

// tomlKey reads the key that s starts with, as TOML writes one: names,
// each bare (a-z, A-Z, 0-9, - and _), in double quotes with backslash
// escapes, or in single quotes, joined by dots with spaces around them
// if any. It gives the names as TOML reads them and what follows the
// key, spaces trimmed; ok is false where s starts with no key.
func tomlKey(s string) (names []string, rest string, ok bool) {
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i == len(s) {
			return nil, "", false
		}
		var name string
		switch s[i] {
		case '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] != '\\' {
					b.WriteByte(s[j])
					continue
				}
				r, size := tomlEscape(s[j+1:])
				if size == 0 {
					return nil, "", false
				}
				b.WriteRune(r)
				j += size
			}
			if j == len(s) {
				return nil, "", false
			}
			name, i = b.String(), j+1
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, "", false
			}
			name, i = s[i+1:i+1+end], i+end+2
		default:
			j := i
			for j < len(s) && isBareKeyByte(s[j]) {
				j++
			}
			if j == i {
				return nil, "", false
			}
			name, i = s[i:j], j
		}
		names = append(names, name)
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i == len(s) || s[i] != '.' {
			return names, s[i:], true
		}
		i++
	}
}

// isBareKeyByte reports whether c may be in a key written without quotes.
func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// tomlEscape reads the escape that follows a backslash in a string in
// double quotes, s starting after the backslash: the character it stands
// for and the bytes it takes, or 0 where it is no escape TOML reads.
func tomlEscape(s string) (rune, int) {
	if s == "" {
		return 0, 0
	}
	switch s[0] {
	case 'b':
		return '\b', 1
	case 't':
		return '\t', 1
	case 'n':
		return '\n', 1
	case 'f':
		return '\f', 1
	case 'r':
		return '\r', 1
	case 'e':
		return 0x1b, 1
	case '"', '\\':
		return rune(s[0]), 1
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[0]]
	if digits == 0 || len(s) < 1+digits {
		return 0, 0
	}
	n, err := strconv.ParseUint(s[1:1+digits], 16, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, 0
	}
	return rune(n), 1 + digits
}

// tomlReader turns decoded TOML into nodes on the lines tomlLines found.
type tomlReader struct {
	at     map[string]int
	first  int  // the line the front matter starts on
	inList bool // reading a value inside a list written with brackets
}

// line is where the key at path is written, or else where its parent is.
func (t tomlReader) line(path string, parent int) int {
	if t.inList {
		return parent
	}
	if i, ok := t.at[path]; ok {
		return t.first + i
	}
	return parent
}

// tomlFloat writes the number f as TOML writes it: infinity and
// not-a-number as inf, -inf and nan, which Go prints +Inf and NaN.
func tomlFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return fmt.Sprint(f)
}

func (t tomlReader) node(v any, path string, line, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &Error{Line: line, Msg: nestsTooDeep("front matter")}
	}
	n := &node{line: line}
	switch v := v.(type) {
	case string:
		n.text, n.typ = v, "string"
	case bool:
		n.text, n.typ = fmt.Sprint(v), "bool"
	case int64:
		n.text, n.typ = fmt.Sprint(v), "int"
	case float64:
		n.text, n.typ = tomlFloat(v), "float"
	case time.Time:
		n.text, n.typ = tomlTime(v), "date"
	case []map[string]any:
		// Tables of an array written [[name]] each have a header; those
		// written in brackets, [{a = 1}], are a list as any other.
		n.kind = listNode
		in := t
		if _, ok := t.at[joinPath(path, "0")]; !ok || t.inList {
			in.inList = true
		}
		for i, item := range v {
			p := ""
			if !in.inList {
				p = joinPath(path, strconv.Itoa(i))
			}
			c, err := in.node(item, p, in.line(p, line), depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, c)
		}
	case []any:
		// The values of a list in brackets, [{a = 1}, {a = 2}], are on
		// its line, as tomlLines places no key inside it: their paths,
		// each as long as the list's and so many, are not made.
		n.kind = listNode
		in := t
		in.inList = true
		for _, item := range v {
			c, err := in.node(item, "", line, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, c)
		}
	case map[string]any:
		n.kind = mapNode
		for _, k := range slices.Sorted(maps.Keys(v)) {
			p := ""
			if !t.inList {
				p = joinPath(path, pathName(k))
			}
			at := t.line(p, line)
			c, err := t.node(v[k], p, at, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, &node{line: at, text: k, typ: "string"})
			n.items = append(n.items, c)
		}
	default:
		return nil, &Error{Line: line, Msg: fmt.Sprintf("unsupported TOML value %v", v)}
	}
	return n, nil
}

// tomlTime writes a TOML date back as text, keeping whether it had an offset.
func tomlTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05")
	case "time-local":
		// A time of day alone is not a date; keep it as written so that
		// it is reported rather than read as 1 January of year 0.
		return t.Format("15:04:05")
	}
	return t.Format(time.RFC3339)
}
