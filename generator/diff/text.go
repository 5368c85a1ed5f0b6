package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphs splits a text into paragraphs, cleaned as Compare promises:
// invalid UTF-8 and NUL become U+FFFD; a paragraph ends at a blank line;
// each of its lines loses the spaces at its ends, and keeps each run of
// spaces inside as one space.
func paragraphs(s string) []string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	var paras []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
			lines = nil
		}
	}
	for _, line := range splitLines(s) {
		if line = strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " "); line == "" {
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return paras
}

// splitLines splits at LF, CRLF and a lone CR.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// tokens splits a cleaned paragraph into the units it is compared in: a
// word (letters, digits and marks, joined by an apostrophe, a hyphen or
// an underscore, or by a point, comma, colon or slash between digits, as
// in "don't", "co-operate", "1.5", "10,000" and "09:30"), a space or a
// line break, or any other single character: punctuation, a symbol, or a
// character of a script written without spaces (Chinese, Japanese, Thai),
// where each character counts as a word.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		n := wordLen(s)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// wordLen is the length in bytes of the word s starts with, or 0.
func wordLen(s string) int {
	i := 0
	var prev rune
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case wordRune(r):
		case i > 0 && joins(prev, r, s[i+n:]):
		default:
			return i
		}
		if unbroken(r) {
			if i == 0 {
				return n
			}
			return i
		}
		prev = r
		i += n
	}
	return i
}

// joins says whether r, between prev and the text next, is part of a word.
func joins(prev, r rune, next string) bool {
	following, _ := utf8.DecodeRuneInString(next)
	if !wordRune(prev) || !wordRune(following) || unbroken(following) {
		return false
	}
	switch r {
	case '\'', '’', '-', '‐', '_':
		return true
	case '.', ',', ':', '/':
		return unicode.IsDigit(prev) && unicode.IsDigit(following)
	}
	return false
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// unbroken says whether r is of a script written without spaces, where
// each character is a word of its own.
func unbroken(r rune) bool {
	return r >= 0x0E00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// isSpace says whether a token is a space or a line break.
func isSpace(tok string) bool {
	return tok == " " || tok == "\n"
}

// isWord says whether a token is a word.
func isWord(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return wordRune(r)
}
