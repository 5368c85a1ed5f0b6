package content

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestTOMLLines finds each key on the line it is written on, and no key
// on a line of a value that runs over lines but those of an inline
// table written there.
func TestTOMLLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // path:line, by path
	}{
		{"keys and tables", "a = 1\n[t]\nb.c = 2\n[[s]]\nd = 3\n[[s]]\nd = 4\n", "a:0 s:3 s.0:3 s.0.d:4 s.1:5 s.1.d:6 t:1 t.b:2 t.b.c:2"},
		{"an inline table on one line", "x = {a = 1, b = {c = 2}}\n", "x:0"},
		{"a dotted key in an inline table on one line", "x = {a.b = 1, a.c = 2}\n", "x:0 x.a:0"},
		{"an inline table over lines", "x = {\n  a = 1,\n  b = {c = 2},\n  d = {\n    e = 3\n  }\n}\ny = 1\n", "x:0 x.a:1 x.b:2 x.d:3 x.d.e:4 y:7"},
		{"a key after a list in an inline table", "x = {a = [\n  1,\n], b = 2}\n", "x:0 x.b:2"},
		{"a dotted key in an inline table", "x = {a.b = 1,\n  a.c = 2}\n", "x:0 x.a:0 x.a.c:1"},
		{"an inline table below a header", "[t]\nx = {\n  date = 1\n}\ndate = 2\n", "t:0 t.date:4 t.x:1 t.x.date:2"},
		{"tables in brackets over lines", "x = [\n  {\n    a = 1\n  },\n]\na = 2\n", "a:5 x:0"},
		{"a list in a list over lines", "x = [\n  [1],\n]\n[t]\na = 1\n", "t:3 t.a:4 x:0"},
		{"a multi-line string in a list", "x = [\n  \"\"\"\ny = 1\n\"\"\",\n]\ny = 2\n", "x:0 y:5"},
		{"an escaped quote in a multi-line string", "x = \"\"\"\na \\\"\"\" b\nz = 1\n\"\"\"\ny = 1\n", "x:0 y:4"},
		{"a multi-line string closed after quotes of its own", "x = \"\"\"a\"\"\"\"\ny = 1\n", "x:0 y:1"},
		{"a comment in an inline table", "x = { # a = 1\n  b = 2 }\n", "x:0 x.b:1"},
	}
	for _, tt := range tests {
		at := tomlLines(tt.in)
		var got []string
		for _, p := range slices.Sorted(maps.Keys(at)) {
			got = append(got, fmt.Sprintf("%s:%d", p, at[p]))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: tomlLines(%q) = %s, want %s", tt.name, tt.in, g, tt.want)
		}
	}
}

// TestTOMLFloatsAsWritten gives the numbers TOML reads with no digits,
// infinity and not-a-number, as TOML writes them, where a field takes
// them as text (authors = [inf] is the author "inf"), not as Go prints
// them (+Inf, NaN).
func TestTOMLFloatsAsWritten(t *testing.T) {
	root, err := parseTOML([]byte("authors = [inf, +inf, -inf, nan, 1.5, 2e3]\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range root.items[0].items {
		got = append(got, n.text)
	}
	if want := []string{"inf", "inf", "-inf", "nan", "1.5", "2000"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
