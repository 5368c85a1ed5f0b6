package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// unprintables gives where the first character of s that no page may
// hold is (-1 where there is none), the character, and how many there
// are.
func unprintables(s string) (at int, first rune, count int) {
	at = strings.IndexFunc(s, unprintable)
	if at < 0 {
		return -1, 0, 0
	}
	first, _ = utf8.DecodeRuneInString(s[at:])
	for _, c := range s[at:] {
		if unprintable(c) {
			count++
		}
	}
	return at, first, count
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

// onlyInvisible gives the first character of s when s is not empty and
// every character of it is one nobody sees: a space, or a character
// that only formats text or that Unicode says to show as nothing (a
// zero-width space, a soft hyphen, a byte order mark, a joiner, a
// direction mark, a filler, a variation selector).
func onlyInvisible(s string) (rune, bool) {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return !unseen(r) }) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r, true
}

// unseen says whether r is a space or a character nobody sees (see
// onlyInvisible).
func unseen(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
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

// setsDirection says whether r sets the direction of the text after it
// (see bidiNames).
func setsDirection(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' && r != '\u202c' || r >= '\u2066' && r <= '\u2068'
}

// bidiCloser is the character that closes the direction r sets.
func bidiCloser(r rune) rune {
	if r >= '\u2066' {
		return '\u2069'
	}
	return '\u202c'
}

// UnclosedBidi finds in s a character that sets the direction of the
// text after it and that nothing closes in s, the innermost where there
// are several: left in a title, it would turn around what a page or a
// feed shows after it. Text that opens and closes one, as right-to-left
// text quoted in other text may, is fine.
func UnclosedBidi(s string) (rune, bool) {
	open := openBidi(s)
	if len(open) == 0 {
		return 0, false
	}
	return open[len(open)-1], true
}

// openBidi gives the characters of s that set a direction and that
// nothing closes, outermost first, as Unicode's bidirectional algorithm
// closes them: U+202C the embedding or override opened last, unless an
// isolate was opened since, and U+2069 the isolate opened last, with the
// embeddings opened inside it.
func openBidi(s string) []rune {
	// Each such character starts with the byte 0xE2 in UTF-8, which most
	// text (every field of every article is looked at) does not hold.
	if strings.IndexByte(s, 0xe2) < 0 || !strings.ContainsFunc(s, setsDirection) {
		return nil
	}
	var open []rune
	for _, r := range s {
		switch {
		case setsDirection(r):
			open = append(open, r)
		case r == '\u202c' && len(open) > 0 && bidiCloser(open[len(open)-1]) == '\u202c':
			open = open[:len(open)-1]
		case r == '\u2069':
			for i := len(open) - 1; i >= 0; i-- {
				if bidiCloser(open[i]) == '\u2069' {
					open = open[:i]
					break
				}
			}
		}
	}
	return open
}

// CloseBidi closes in s, at its end, each character that sets the
// direction of the text after it and that nothing closes, innermost
// first, and says whether it closed any: text brought from another
// system, which a build would refuse as it is.
func CloseBidi(s string) (string, bool) {
	open := openBidi(s)
	if len(open) == 0 {
		return s, false
	}
	b := []rune(s)
	for i := len(open) - 1; i >= 0; i-- {
		b = append(b, bidiCloser(open[i]))
	}
	return string(b), true
}
