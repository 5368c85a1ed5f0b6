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
		{"a stray closer\u202c alone", 0},
		{"an isolate's closer closes what it holds \u2067a \u202eb c\u2069", 0},
		{"and what it holds \u2067a \u202bb\u2069 c", 0},
		{"an embedding's closer does not close an isolate \u2067a\u202c", '\u2067'},
		{"the innermost is named \u202ba \u2067b", '\u2067'},
		{"marks are no embeddings \u200fא\u200e \u061c", 0},
	} {
		r, open := UnclosedBidi(tc.in)
		if open != (tc.want != 0) || r != tc.want {
			t.Errorf("UnclosedBidi(%q) = %U, %v; want %U", tc.in, r, open, tc.want)
		}
	}
}

func TestCloseBidi(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                  "plain",
		"\u202bשלום עולם":        "\u202bשלום עולם\u202c",
		"\u2067a \u202eb":        "\u2067a \u202eb\u202c\u2069",
		"closed \u202ba\u202c b": "closed \u202ba\u202c b",
	} {
		got, closed := CloseBidi(in)
		if got != want || closed != (in != want) {
			t.Errorf("CloseBidi(%q) = %q, %v; want %q", in, got, closed, want)
		}
		if _, open := UnclosedBidi(got); open {
			t.Errorf("CloseBidi(%q) = %q leaves one open", in, got)
		}
	}
}
