package content

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// parseTOML reads TOML into nodes. TOML's decoder keeps no positions, so
// each key is placed on the line tomlLines finds it written on, and a
// value it cannot place, in an inline table or array, on its key's.
func parseTOML(data []byte, firstLine int) (*node, error) {
	if line := TOMLTooDeep(data, maxDepth); line >= 0 {
		return nil, &Error{Line: firstLine + line, Msg: fmt.Sprintf("front matter nests deeper than %d levels", maxDepth)}
	}
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		line := firstLine
		if pe, ok := err.(toml.ParseError); ok {
			line = firstLine + pe.Position.Line - 1
			msg := "front matter is not valid TOML: " + ourCase(pe.Message)
			if lines := strings.Split(string(data), "\n"); pe.Position.Line >= 1 && pe.Position.Line <= len(lines) {
				if hint := tomlTwice(pe.Message, lines[pe.Position.Line-1]); hint != "" {
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
		line := t.line(name, firstLine)
		val, err := t.node(m[name], name, line, 1)
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
// first time it is written. A path joins names with dots and counts the
// tables of an array from 0: sources.1.url is the url of the second
// [[sources]]. Lines inside a multi-line string are text, not keys.
func tomlLines(data string) map[string]int {
	at := map[string]int{}
	note := func(path string, line int) {
		// A dotted key also writes the tables it names.
		for i := range len(path) {
			if path[i] == '.' {
				if _, ok := at[path[:i]]; !ok {
					at[path[:i]] = line
				}
			}
		}
		if _, ok := at[path]; !ok {
			at[path] = line
		}
	}
	tables := map[string]int{} // how many of each array's tables come before
	table, open := "", ""      // the table the lines are in; the quotes of an open multi-line string
	line := -1
	for text := range strings.SplitSeq(data, "\n") {
		line++
		if open != "" {
			if strings.Count(text, open)%2 == 1 {
				open = ""
			}
			continue
		}
		l := strings.TrimSpace(text)
		switch {
		case strings.HasPrefix(l, "[["):
			name, _, _ := strings.Cut(l[2:], "]]")
			name = inLastTables(tomlPath(name), tables)
			table = name + "." + strconv.Itoa(tables[name])
			tables[name]++
			note(table, line)
		case strings.HasPrefix(l, "["):
			name, _, _ := strings.Cut(l[1:], "]")
			table = inLastTables(tomlPath(name), tables)
			note(table, line)
		case l == "" || l[0] == '#':
		default:
			key, rest, ok := strings.Cut(l, "=")
			if !ok {
				continue
			}
			path := tomlPath(key)
			if table != "" {
				path = table + "." + path
			}
			note(path, line)
			open = openString(rest)
		}
	}
	return at
}

// inLastTables gives the path of a table's header as its keys' paths
// count it: a name that is an array of tables stands for its last table,
// so that [[sources.links]] below the second [[sources]] is
// sources.1.links. tables counts each array's tables so far.
func inLastTables(path string, tables map[string]int) string {
	names := strings.Split(path, ".")
	out := names[0]
	for _, name := range names[1:] {
		if n := tables[out]; n > 0 {
			out += "." + strconv.Itoa(n-1)
		}
		out += "." + name
	}
	return out
}

// openString gives the quotes of a multi-line string that a value, as
// written on a key's line, opens and leaves open, or "": quotes in a
// one-line string or a comment open none.
func openString(s string) string {
	for i := 0; i < len(s); {
		switch {
		case s[i] == '#':
			return ""
		case strings.HasPrefix(s[i:], `"""`) || strings.HasPrefix(s[i:], `'''`):
			q := s[i : i+3]
			end := strings.Index(s[i+3:], q)
			if end < 0 {
				return q
			}
			i += 3 + end + 3
		case s[i] == '"':
			i++
			for i < len(s) && s[i] != '"' {
				if s[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case s[i] == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return ""
			}
			i += end + 2
		default:
			i++
		}
	}
	return ""
}

// tomlPath gives the path of a key as written: its names, unquoted,
// joined by dots.
func tomlPath(key string) string {
	var names []string
	for name := range strings.SplitSeq(key, ".") {
		name = strings.TrimSpace(name)
		if len(name) >= 2 && (name[0] == '"' || name[0] == '\'') && name[len(name)-1] == name[0] {
			name = name[1 : len(name)-1]
		}
		names = append(names, name)
	}
	return strings.Join(names, ".")
}

// tomlReader turns decoded TOML into nodes on the lines tomlLines found.
type tomlReader struct {
	at    map[string]int
	first int // the line the front matter starts on
}

// line is where the key at path is written, or else where its parent is.
func (t tomlReader) line(path string, parent int) int {
	if i, ok := t.at[path]; ok {
		return t.first + i
	}
	return parent
}

func (t tomlReader) node(v any, path string, line, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &Error{Line: line, Msg: fmt.Sprintf("front matter nests deeper than %d levels", maxDepth)}
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
		n.text, n.typ = fmt.Sprint(v), "float"
	case time.Time:
		n.text, n.typ = tomlTime(v), "date"
	case []map[string]any:
		n.kind = listNode
		for i, item := range v {
			p := path + "." + strconv.Itoa(i)
			c, err := t.node(item, p, t.line(p, line), depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, c)
		}
	case []any:
		n.kind = listNode
		for i, item := range v {
			c, err := t.node(item, path+"."+strconv.Itoa(i), line, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, c)
		}
	case map[string]any:
		n.kind = mapNode
		for _, k := range slices.Sorted(maps.Keys(v)) {
			p := path + "." + k
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
