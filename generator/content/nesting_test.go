package content

import (
	"strings"
	"testing"
)

// TestTooDeep wants the first line nested deeper than maxNesting found,
// however the nesting is written, and no line that opens no quote or
// list item counted, however indented.
func TestTooDeep(t *testing.T) {
	deepList := func(levels int, indent string) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat(indent, i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		body  string
		line  int
		depth int
	}{
		{"plain text", "One.\n\nTwo.\n", -1, 0},
		{"quotes at the limit", strings.Repeat(">", 100) + " deep\n", -1, 0},
		{"quotes past it", "Intro.\n\n" + strings.Repeat("> ", 101) + "deep\n", 2, 101},
		{"list markers on one line", strings.Repeat("- ", 150) + "x\n", 0, 150},
		{"ordered markers", strings.Repeat("1. ", 120) + "x\n", 0, 120},
		{"lists nested by two spaces, at the limit", deepList(100, "  "), -1, 0},
		{"lists nested by two spaces, past it", deepList(102, "  "), 100, 101},
		{"lists nested by tabs, at the limit", deepList(100, "\t"), -1, 0},
		{"lists nested by tabs, past it", deepList(102, "\t"), 100, 101},
		{"lists nested by indenting inside a quote", ">" + strings.Repeat(" ", 400) + "- deep\n", 0, 201},
		{"quotes with spaces", strings.Repeat("> ", 100) + "text\n", -1, 0},
		{"a thematic break of many marks", strings.Repeat("- ", 150) + "\n", -1, 0},
		{"indented code", strings.Repeat(" ", 1000) + "code\n", -1, 0},
		{"a thematic break", strings.Repeat("-", 1000) + "\n", -1, 0},
		{"numbers that are not markers", strings.Repeat("1.5 ", 200) + "\n", -1, 0},
	}
	for _, tt := range tests {
		line, depth := tooDeep([]byte(tt.body))
		if line != tt.line || depth != tt.depth {
			t.Errorf("%s: got line %d, depth %d; want line %d, depth %d", tt.name, line, depth, tt.line, tt.depth)
		}
	}
}
