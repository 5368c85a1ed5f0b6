package content

import "strings"

// printable drops from s the characters no page may hold: the control
// characters but tab, line feed and carriage return, and the Unicode
// noncharacters. HTML calls them parse errors, and an editor cannot see
// them; an old archive's text can hold them, as a TOML or YAML escape
// in front matter or as bytes in a body.
func printable(s string) string {
	if !strings.ContainsFunc(s, unprintable) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unprintable(r) {
			return -1
		}
		return r
	}, s)
}

func unprintable(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0xfdd0 && r <= 0xfdef:
		return true
	}
	return r&0xfffe == 0xfffe
}

// bidiNames names the characters that set the direction of the text
// after them until another closes them: an embedding or override, which
// U+202C closes, or an isolate, which U+2069 closes.
var bidiNames = map[rune]string{
	'\u202a': "a left-to-right embedding",
	'\u202b': "a right-to-left embedding",
	'\u202d': "a left-to-right override",
	'\u202e': "a right-to-left override",
	'\u2066': "a left-to-right isolate",
	'\u2067': "a right-to-left isolate",
	'\u2068': "a first strong isolate",
}

// bidiCloser is the character that closes the direction r sets.
func bidiCloser(r rune) rune {
	if r >= '\u2066' {
		return '\u2069'
	}
	return '\u202c'
}

// unclosedBidi finds in s a character that sets the direction of the
// text after it and that nothing closes in s: left in a title, it would
// turn around what a page or a feed shows after it. Text that opens and
// closes one, as right-to-left text quoted in other text may, is fine.
func unclosedBidi(s string) (rune, bool) {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := bidiNames[r]; return ok }) {
		return 0, false
	}
	var open []rune
	for _, r := range s {
		switch {
		case bidiNames[r] != "":
			open = append(open, r)
		case (r == '\u202c' || r == '\u2069') && len(open) > 0 && bidiCloser(open[len(open)-1]) == r:
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return 0, false
	}
	return open[0], true
}
