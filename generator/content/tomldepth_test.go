package content

import (
	"strings"
	"testing"
)

// TestTOMLTooDeep counts how deep TOML nests outside its strings and
// comments, giving the line that goes too deep.
func TestTOMLTooDeep(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"flat", "title = \"T\"\ntopics = [\"a\", \"b\"]\n", -1},
		{"tables", "[withdrawn]\ndate = 2025-01-02\n[[sources]]\nurl = \"x\"\n", -1},
		{"at the limit", "x = [[[{a = 1}]]]\n", -1},
		{"too deep", "a = 1\nx = [[[[{a = 1}]]]]\n", 1},
		{"in a string", "x = \"[[[[[[\"\ny = '{{{{{{'\n", -1},
		{"in a multi-line string", "x = \"\"\"\n[[[[[[\n\"\"\"\ny = '''\n{{{{{{\n'''\n", -1},
		{"in a comment", "# [[[[[[\nx = 1\n", -1},
		{"an escaped quote", "x = \"a\\\"[[[[[\"\n", -1},
		{"after a multi-line string", "x = \"\"\"\nline\n\"\"\"\ny = [[[[[1]]]]]\n", 3},
		{"a dotted key", "title = \"T\"\nwithdrawn.date = 2025-01-02\nx.a.a.a.a.a = 1\n", 2},
		{"a dotted table header", "[a.b.c.d.e]\nx = 1\n", 0},
		{"floats in an array at the limit", "x = [[[[1, 2.5, 3.25]]]]\n", -1},
		{"floats in an array over lines", "x = [[[[\n  1.5,\n  2.5,\n]]]]\n", -1},
		{"dots in values", "x = 1.5\ny = [1.5, 2.5, \"a.b.c.d.e\"]\nz = {a = 1.5, b.c = 2}\n", -1},
		{"a dotted key in an inline table", "x = {a.b.c.d.e = 1}\n", 0},
		{"a dotted key on a line of an inline table", "x = {\n  a.b.c.d.e = 1\n}\n", 1},
		{"a dotted key after a comma and a line break", "x = {a = 1,\n  b.c.d.e.f = 1}\n", 1},
		{"a dotted key after a comment in an inline table", "x = { # note\n  a.b.c.d.e = 1 }\n", 1},
		{"an inline table over lines at the limit", "x = {\n  a.b.c = 1.5,\n  d = [1.5, 2.5],\n}\n", -1},
		{"inline tables", "x = " + strings.Repeat("{a=", 5000) + "1" + strings.Repeat("}", 5000) + "\n", 0},
	}
	for _, tt := range tests {
		if got := TOMLTooDeep([]byte(tt.in), 4); got != tt.want {
			t.Errorf("%s: TOMLTooDeep(%.40q) = %d, want %d", tt.name, tt.in, got, tt.want)
		}
	}
}
