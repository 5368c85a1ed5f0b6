package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TypoLimit is how many edits apart two names may be for one to be a
// likely misspelling of the other: none for names of up to three
// letters, where one letter makes another word, one for most, and two
// for long ones.
func TypoLimit(name string) int {
	switch n := utf8.RuneCountInString(name); {
	case n < 4:
		return 0
	case n < 12:
		return 1
	default:
		return 2
	}
}

// Digits are the digits of a name in order: names that differ in them,
// such as "Budget 2024" and "Budget 2025", are different names.
func Digits(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, name)
}

// WordPerCharacter reports whether name holds a character of a script
// in which each character is a word or a syllable: Han, Hiragana,
// Katakana or Hangul: one character there makes another word (感受 and
// 感叹 are two), so no such name is taken for a misspelling of another.
func WordPerCharacter(name string) bool {
	for _, r := range name {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// DistanceAtMost is the edit distance between a and b where it is at
// most most, and most+1 where it is more: the fewest letters to insert,
// delete, replace or swap with the next one to make one of the other, so
// that "DHCS" is one from "DHSC", each letter swapped at most once. It is
// worked out in time that grows with the names' length
// times most rather than with the product of their lengths: only the
// edits within most of the diagonal can stay within most, and names too
// long, or too unlike, end the work early.
func DistanceAtMost(a, b string, most int) int {
	x, y := []rune(a), []rune(b)
	over := most + 1
	if most < 0 || len(x)-len(y) > most || len(y)-len(x) > most {
		return over
	}
	var rows [3][]int
	for k := range rows {
		rows[k] = make([]int, len(y)+2)
	}
	for j := range rows[0] {
		rows[0][j] = min(j, over)
	}
	for i := 1; i <= len(x); i++ {
		cur, prev, before := rows[i%3], rows[(i-1)%3], rows[(i+1)%3]
		lo, hi := max(1, i-most), min(len(y), i+most)
		cur[lo-1] = over
		if lo == 1 {
			cur[0] = min(i, over)
		}
		least := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d = min(d, before[j-2]+1)
			}
			cur[j] = min(d, over)
			least = min(least, cur[j])
		}
		cur[hi+1] = over // outside the band, as the next row reads it
		if least > most {
			return over
		}
	}
	return min(rows[len(x)%3][len(y)], over)
}
