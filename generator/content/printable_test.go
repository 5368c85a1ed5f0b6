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

// TestOnlyInvisible finds text made only of characters nobody sees, and
// takes text that holds any other, a combining mark or a right-to-left
// letter between direction marks too.
func TestOnlyInvisible(t *testing.T) {
	for in, want := range map[string]rune{
		"":                   0,
		"plain":              0,
		"\u200b":             '\u200b',
		" \u00ad\u2060 ":     ' ',
		"\ufeff\u200d\u200c": '\ufeff',
		"\u202a\u202c":       '\u202a',
		"\u3164\ufe0f":       '\u3164',
		"\u200fא\u200e":      0,
		"\u0301":             0,
		"a\u200b":            0,
		"\u200b\u2003\u00a0": '\u200b',
	} {
		r, ok := onlyInvisible(in)
		if ok != (want != 0) || r != want {
			t.Errorf("onlyInvisible(%q) = %U, %v; want %U", in, r, ok, want)
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
