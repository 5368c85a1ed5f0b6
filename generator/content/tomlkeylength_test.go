package content

import (
	"strings"
	"testing"
)

// TestTOMLKeyTooLong measures each key as written, where TOML reads
// one, giving the line of the first that is too long.
func TestTOMLKeyTooLong(t *testing.T) {
	long := strings.Repeat("k", 9)
	tests := []struct {
		name, in string
		want     int
	}{
		{"short keys", "title = \"T\"\n[changes]\ndate = 2025-01-02\n", -1},
		{"at the limit", "kkkkkkkk = 1\n\"kkkkkk\" = 1\nk.k.k.kk = 1\n", -1},
		{"a bare key", "a = 1\n" + long + " = 1\n", 1},
		{"a key in quotes", "a = 1\n\"kkkkkkk\" = 1\n", 1},
		{"a key in single quotes", "'kkkkkkk' = 1\n", 0},
		{"a dotted key", "a = 1\nb = 2\nkk.kk.kkk = 1\n", 2},
		{"a dotted key with spaces", "k . kk . k = 1\n", 0},
		{"a table's header", "a = 1\n[" + long + "]\nb = 1\n", 1},
		{"an array's table's header", "[[" + long + "]]\nb = 1\n", 0},
		{"a key in an inline table", "x = {a = 1, " + long + " = 2}\n", 0},
		{"a key on a line of an inline table", "x = {\n  a = 1,\n  " + long + " = 2,\n}\n", 2},
		{"a key in a table in an array", "x = [{a = 1}, {" + long + " = 2}]\n", 0},
		{"a key in a table in an array over lines", "x = [\n  {a = 1},\n  {" + long + " = 2},\n]\n", 2},
		{"long values", "x = " + long + "\ny = \"" + long + "\"\nz = [" + long + ", '" + long + "']\n", -1},
		{"a long value in an inline table", "x = {a = \"" + long + "\", b = 1}\n", -1},
		{"words in an array over lines", "x = [\n  " + long + ",\n]\n", -1},
		{"a long comment", "# " + long + "\nx = 1 # " + long + "\n", -1},
		{"in a multi-line string", "x = \"\"\"\n" + long + " = 1\n\"\"\"\n", -1},
		{"after a multi-line string", "x = '''\na\n'''\n" + long + " = 1\n", 3},
		{"dots in a key in quotes", "\"a.b.c\" = 1\n", -1},
	}
	for _, tt := range tests {
		if got := TOMLKeyTooLong([]byte(tt.in), 8); got != tt.want {
			t.Errorf("%s: TOMLKeyTooLong(%q) = %d, want %d", tt.name, tt.in, got, tt.want)
		}
	}
}
