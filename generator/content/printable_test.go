package content

import "testing"

func TestUnclosedBidi(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rune // 0: none left open
	}{
		{"plain text", 0},
		{"عربي in English", 0},
		{"quoted \u202bعربي\u202c and on", 0},
		{"isolated \u2067عربي\u2069 and on", 0},
		{"nested \u2067a \u202eb\u202c c\u2069", 0},
		{"\u202eevil", '\u202e'},
		{"closed by the wrong one \u2067a\u202c", '\u2067'},
		{"a stray closer\u202c alone", 0},
	} {
		r, open := unclosedBidi(tc.in)
		if open != (tc.want != 0) || r != tc.want {
			t.Errorf("unclosedBidi(%q) = %U, %v; want %U", tc.in, r, open, tc.want)
		}
	}
}
