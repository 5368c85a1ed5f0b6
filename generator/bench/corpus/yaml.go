package main

import (
	"bytes"
	"strconv"
	"strings"
)

// scalar writes s plain when YAML reads it back as the same text, as an
// editor would, and double-quoted otherwise. In a flow list ([a, b]) commas
// and brackets need quotes too.
func scalar(s string, flow bool) string {
	plain := s != "" && (isWordRune(rune(s[0])) || s[0] == '/') &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		!(flow && strings.ContainsAny(s, ",[]{}"))
	if plain {
		return s
	}
	return strconv.Quote(s) // the text is ASCII, where Go's escapes are YAML's
}

// field writes "key: value" at the given indent.
func field(b *bytes.Buffer, indent, key, value string) {
	b.WriteString(indent)
	b.WriteString(key)
	b.WriteString(": ")
	b.WriteString(scalar(value, false))
	b.WriteByte('\n')
}

// flowList writes "key: [a, b]".
func flowList(b *bytes.Buffer, key string, items []string) {
	b.WriteString(key)
	b.WriteString(": [")
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(scalar(s, true))
	}
	b.WriteString("]\n")
}
