package content

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxDepth bounds how deeply front matter may nest; no field needs more
// than three levels, and a bound keeps hostile input cheap to reject.
const maxDepth = 8

// node is one value of front matter, in a form shared by YAML and TOML,
// remembering the line it stands on so errors can point at it.
type node struct {
	line  int
	kind  nodeKind
	text  string  // scalar: the value as written
	typ   string  // scalar: "string", "int", "float", "bool", "date", "null"
	items []*node // list items, or map values in key order
	keys  []*node // map keys, each a string scalar with its own line
	// comment is, for an empty value, the YAML comment on its key's
	// line: "title: #MeToo grows" is a title of nothing. cut is, for a
	// value written without quotes, a comment after it that starts with
	// no space: "title: Rule #4 out" is the title "Rule".
	comment, cut string
	// dup is, for a map key set a second time, the problem to tell: the
	// first is the one read.
	dup string
	// deep marks a value nested deeper than maxDepth, left unread: an
	// empty value in its place.
	deep bool
	// tag is a YAML tag written on the value that no field reads
	// (!!binary, !!python/object:…): the value is read as written.
	tag string
}

type nodeKind int

const (
	scalarNode nodeKind = iota
	listNode
	mapNode
)

func (n *node) describe() string {
	switch n.kind {
	case listNode:
		return "a list"
	case mapNode:
		return "a map"
	}
	switch n.typ {
	case "null":
		return "empty"
	case "int", "float":
		return "the number " + n.text
	case "bool":
		return n.text
	case "date":
		return "the date " + n.text
	}
	return "the text " + shownValue(n.text)
}

// yamlBreaks are the characters yaml.v3 ends a line at, as YAML 1.1 did,
// besides LF and CR. Editors show them as nothing at all, and every line
// number after one would be off.
var yamlBreaks = map[rune]string{'\u0085': "next line character", '\u2028': "line separator", '\u2029': "paragraph separator"}

// parseYAML reads YAML into nodes; lines count from firstLine. what names
// the YAML in messages: "front matter", or "the file" for site.yaml.
func parseYAML(data []byte, firstLine int, what string) (*node, error) {
	if i := bytes.IndexAny(data, "\u0085\u2028\u2029"); i >= 0 {
		r, _ := utf8.DecodeRune(data[i:])
		return nil, &Error{Line: firstLine + bytes.Count(data[:i], []byte("\n")),
			Msg: fmt.Sprintf("%s has an invisible %s (%U), which YAML reads as a line break: delete it", what, yamlBreaks[r], r)}
	}
	if i := bytes.IndexFunc(data, func(r rune) bool { return r != '\u0085' && unprintable(r) && r < 0xa0 }); i >= 0 {
		r, _ := utf8.DecodeRune(data[i:])
		start := bytes.LastIndexByte(data[:i], '\n') + 1
		end := bytes.IndexByte(data[i:], '\n')
		if end < 0 {
			end = len(data) - i
		}
		field := ""
		if y := readYAMLLine(string(data[start : i+end])); y.key != "" {
			field = y.key + ": "
		}
		return nil, &Error{Line: firstLine + bytes.Count(data[:i], []byte("\n")),
			Msg: fmt.Sprintf("%sholds the control character %U, which YAML does not allow and nobody sees: delete it, or put a space in its place", field, r)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(err, data, firstLine, what)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &node{kind: mapNode, line: firstLine}, nil
	}
	root, err := fromYAML(doc.Content[0], firstLine-1, 0, what)
	if line := deepLine(root); err == nil && line > 0 {
		// Given with the rest, so that what reads it can tell its other
		// problems in the same run.
		return root, &Error{Line: line, Msg: nestsTooDeep(what)}
	}
	return root, err
}

// nestsTooDeep says that the YAML or TOML what names nests too deeply, and
// what to write instead.
func nestsTooDeep(what string) string {
	return fmt.Sprintf("%s nests deeper than %d levels, where no field takes more than three: write each value as its field takes it", what, maxDepth)
}

// deepLine gives the line of the first value of n nested deeper than
// maxDepth, or 0 where there is none.
func deepLine(n *node) int {
	switch {
	case n == nil:
		return 0
	case n.deep:
		return n.line
	}
	for _, item := range n.items {
		if line := deepLine(item); line > 0 {
			return line
		}
	}
	return 0
}

func fromYAML(y *yaml.Node, offset, depth int, what string) (*node, error) {
	line := y.Line + offset
	if depth > maxDepth {
		return &node{line: line, typ: "null", deep: true}, nil
	}
	n := &node{line: line}
	if y.Style&yaml.TaggedStyle != 0 && !slices.Contains(coreTags, y.ShortTag()) {
		n.tag = y.Tag
	}
	switch y.Kind {
	case yaml.AliasNode:
		return nil, &Error{Line: line, Msg: "YAML aliases (*name) are not supported: write the value out in full"}
	case yaml.ScalarNode:
		n.text = y.Value
		n.typ = yamlType(y)
		return n, nil
	case yaml.SequenceNode:
		n.kind = listNode
		for _, c := range y.Content {
			item, err := fromYAML(c, offset, depth+1, what)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
		}
		return n, nil
	case yaml.MappingNode:
		n.kind = mapNode
		seen := map[string]int{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				return nil, &Error{Line: k.Line + offset, Msg: "keys must be plain names (no merge keys or complex keys)"}
			}
			if first, dup := seen[k.Value]; dup {
				// Told where the map is read, so that the rest of the
				// file is checked in the same run.
				n.keys = append(n.keys, &node{line: k.Line + offset, text: k.Value, typ: "string",
					dup: fmt.Sprintf("%s: set twice (first at line %d): keep one", k.Value, first)})
				n.items = append(n.items, &node{line: k.Line + offset, typ: "null"})
				continue
			}
			seen[k.Value] = k.Line + offset
			val, err := fromYAML(v, offset, depth+1, what)
			if err != nil {
				return nil, err
			}
			if val.typ == "null" && v.Value == "" && k.LineComment != "" && v.Line == k.Line {
				val.comment = k.LineComment
			}
			if c := v.LineComment; v.Kind == yaml.ScalarNode && v.Style == 0 && v.Value != "" && len(c) > 1 && c[1] != ' ' && c[1] != '#' && c[1] != '\t' {
				val.cut = c
			}
			n.keys = append(n.keys, &node{line: k.Line + offset, text: k.Value, typ: "string"})
			n.items = append(n.items, val)
		}
		return n, nil
	}
	return nil, &Error{Line: line, Msg: "unsupported YAML construct"}
}

// coreTags are the YAML tags a field reads as they are meant: a text, a
// number, true or false, nothing, a date, a list or a map.
var coreTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!seq", "!!map"}

func yamlType(y *yaml.Node) string {
	switch y.ShortTag() {
	case "!!int":
		return "int"
	case "!!float":
		return "float"
	case "!!bool":
		return "bool"
	case "!!null":
		return "null"
	case "!!timestamp":
		return "date"
	}
	return "string"
}

// oneLine writes line breaks in a parser's message, which may quote the
// input, as \n and \r, so that each problem stays on a line of its own.
func oneLine(msg string) string {
	if !strings.ContainsAny(msg, "\n\r") {
		return msg
	}
	return breaks.Replace(msg)
}

var breaks = strings.NewReplacer("\n", `\n`, "\r", `\r`)

// ourCase writes a parser's sentence the way our messages are written:
// lower case first, no full stop ("Key 'x' has already been defined."),
// on one line.
func ourCase(msg string) string {
	msg = oneLine(strings.TrimSuffix(msg, "."))
	if msg != "" && 'A' <= msg[0] && msg[0] <= 'Z' {
		msg = string(msg[0]+'a'-'A') + msg[1:]
	}
	return msg
}
