package content

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxSegment is the most bytes one segment of a path may have on the file
// systems a site is written to and served from.
const MaxSegment = 255

// Slug turns a name into a URL path segment: lower case letters and digits
// of any script, in Unicode's composed form (NFC), joined by single
// hyphens. Accents on Latin letters are dropped ("Café" → "cafe"), as
// readers type them so; other scripts keep their marks ("Ελληνικά" →
// "ελληνικά", "日本語" stays). A name longer than MaxSegment bytes is cut
// at a whole word where it can be. A name Windows keeps for a device
// ("PRN", "COM1") gets "-1" added, so the site can be checked out and
// built there too.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	latin := false // the last letter was Latin, so a mark after it is an accent to drop
	// Bytes that are not UTF-8 separate words, as punctuation does, and
	// cannot hide a letter from the decomposition.
	for _, r := range norm.NFKD.String(strings.ToValidUTF8(s, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			if !latin && b.Len() > 0 && !hyphen {
				b.WriteRune(r)
			}
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		latin = r < unicode.MaxASCII || unicode.Is(unicode.Latin, r)
		b.WriteRune(unicode.ToLower(r))
	}
	// Greek writes σ as ς at a word's end, and lower-casing Σ gives σ
	// alone: "ΝΌΜΟΣ" and "νόμος" are one word.
	slug := cut(finalSigma.ReplaceAllString(norm.NFC.String(b.String()), "ς$1"), MaxSegment)
	if reservedName(slug) {
		return slug + "-1"
	}
	return slug
}

// cut shortens a slug to n bytes, at the last hyphen where there is one,
// else at a whole character that a mark after it, or a virama before
// it, does not join to the next: "क्ष" is one letter to its reader, and
// cut after "क्" it ends on a sign that stands alone.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	kept := s[:n]
	for !utf8.ValidString(kept) {
		kept = kept[:len(kept)-1]
	}
	if i := strings.LastIndexByte(kept, '-'); i > 0 {
		return kept[:i]
	}
	for at := len(kept); at > 0; {
		if !joined(s, at) {
			return s[:at]
		}
		_, size := utf8.DecodeLastRuneInString(s[:at])
		at -= size
	}
	return kept // one letter with marks throughout: cut at a character
}

// joined reports whether the characters either side of s[i] belong to
// one letter as it is read: the one after is a mark, or the one before
// is a virama, which joins the consonants around it.
func joined(s string, i int) bool {
	next, _ := utf8.DecodeRuneInString(s[i:])
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.In(next, unicode.Mn, unicode.Mc, unicode.Me) || norm.NFC.PropertiesString(string(prev)).CCC() == 9
}

// CheckSegment says why s, in Unicode's composed form (NFC), cannot be
// one segment of a URL path and a file name on every system a site is
// written to, or "" if it can: letters
// of any script, digits, "-", "_", "." and "~" are kept as written;
// separators, dot segments, a leading dot (a hidden file), control and
// invisible characters, names Windows reserves for devices, and segments
// over MaxSegment bytes are not.
func CheckSegment(s string) string {
	if why := checkName(s, `/\`); why != "" {
		return why
	}
	if strings.HasSuffix(s, ".") {
		return "it ends in a dot, which Windows drops from file names"
	}
	var prev, letter rune // the character before, and the last letter, which a mark after it belongs to
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || strings.ContainsRune("-_.~", r):
		case joinsWord(s[i:], prev, letter):
		case r == ' ':
			return "it has a space"
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r):
			return fmt.Sprintf("it holds an invisible character (%U)", r)
		default:
			return fmt.Sprintf("%q is not a letter, a digit or one of - _ . ~", r)
		}
		if prev = r; unicode.IsLetter(r) {
			letter = r
		}
	}
	return ""
}

// joinsWord says whether s starts with a zero-width (non-)joiner between
// letters, the character before it being prev and the last letter
// before it letter: part of how Persian and the scripts of India spell
// a word (می‌خواهم). Between Latin, Greek or Cyrillic letters it only
// hides a second address that looks like the first.
func joinsWord(s string, prev, letter rune) bool {
	r, n := utf8.DecodeRuneInString(s)
	return joiner(r) && (unicode.IsLetter(prev) || unicode.In(prev, unicode.Mn, unicode.Mc)) && !unjoined(letter) && nextIsLetter(s[n:])
}

// unjoined says whether r is a letter of a script that spells no word
// with a zero-width joiner or non-joiner.
func unjoined(r rune) bool { return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) }

// joiner says whether r is the zero-width non-joiner or joiner.
func joiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// nextIsLetter says whether s starts with a letter.
func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// CheckAliasSegment is CheckSegment for one segment of an old address
// kept as an alias. Other systems wrote spaces and punctuation into
// their addresses ("/big news/", "/what's-new(2)/"), and an alias is a
// file that hosts find by its percent-escaped name, so only what some
// file system cannot hold is refused: besides what CheckSegment
// refuses but spaces and punctuation, the characters Windows keeps out
// of file names, and a space or dot at the end, which Windows drops.
func CheckAliasSegment(s string) string {
	if why := checkName(s, `/\:*?"<>|`); why != "" {
		return why
	}
	if strings.HasSuffix(s, " ") || strings.HasSuffix(s, ".") {
		return "it ends in a space or a dot, which Windows drops from file names"
	}
	var prev, letter rune
	for i, r := range s {
		if r != ' ' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r)) && !joinsWord(s[i:], prev, letter) {
			return fmt.Sprintf("it holds an invisible character (%U)", r)
		}
		if prev = r; unicode.IsLetter(r) {
			letter = r
		}
	}
	return ""
}

// CheckAliasPart says why s, one part of an alias with its escapes
// decoded, cannot be part of a page's address, as CheckAliasSegment does,
// and why bytes that are not UTF-8 cannot: they come of an address
// escaped in Latin-1 (%E9 for é).
func CheckAliasPart(s string) string {
	if !utf8.ValidString(s) {
		return "it is not UTF-8 text (an address escaped in Latin-1, as %E9 for é, decodes so), which no file's name can hold: write it in UTF-8 (%C3%A9)"
	}
	return CheckAliasSegment(s)
}

// checkName says why s cannot be a file's name on every system, by what
// both kinds of segment refuse: the characters in forbidden, nothing,
// dot segments, a leading dot, a name too long or one Windows keeps.
func checkName(s, forbidden string) string {
	if i := strings.IndexAny(s, forbidden); i >= 0 {
		if s[i] == '/' || s[i] == '\\' {
			return fmt.Sprintf("%q separates folders", s[i])
		}
		return fmt.Sprintf("%q cannot be part of a file name on Windows", s[i])
	}
	switch {
	case s == "":
		return "it is empty"
	case s == "." || s == "..":
		return "it names a folder, not a page"
	case strings.HasPrefix(s, "."):
		return "it starts with a dot, which hides a file on most systems"
	case len(s) > MaxSegment:
		return fmt.Sprintf("it is %d bytes long, and file systems take at most %d", len(s), MaxSegment)
	case reservedName(s):
		return "Windows keeps the name for a device"
	}
	return ""
}

// reservedName reports whether Windows keeps s, with or without an
// extension, for a device.
func reservedName(s string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	// COM0 to COM9 and LPT0 to LPT9, and with a superscript ¹, ² or ³.
	digit, ok := strings.CutPrefix(base, "COM")
	if !ok {
		digit, ok = strings.CutPrefix(base, "LPT")
	}
	return ok && (len(digit) == 1 && digit[0] >= '0' && digit[0] <= '9' || digit == "¹" || digit == "²" || digit == "³")
}

// Fold is the form in which two URL paths that clash are equal: a host
// or file system that ignores case, or compares Unicode forms, serves
// them as one; it takes a letter's lower case by way of its upper case,
// so that two lower cases of one letter (σ and ς, s and ſ) are one too.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return strings.ToLower(s) // most paths: no form to compose, one lower case
	}
	// İ is i with a dot above in lower case, as file systems that fold
	// case fully (macOS's) take it: İstanbul and i̇stanbul are one.
	return strings.Map(func(r rune) rune { return unicode.ToLower(unicode.ToUpper(r)) }, strings.ReplaceAll(norm.NFC.String(s), "İ", "i\u0307"))
}

// FormNote tells two file names apart that look the same: when a and b
// differ only in Unicode form (é written as one character, or as e and
// a mark, as macOS writes names), it says so, for a message that names
// both; else it is "".
func FormNote(a, b string) string {
	if a == b || norm.NFC.String(a) != norm.NFC.String(b) {
		return ""
	}
	return " (the two file names look the same but differ in Unicode form: one is written with a letter and a separate accent mark, as macOS writes names; keep one of the two files)"
}

// finalSigma finds a σ that ends a word of a slug.
var finalSigma = regexp.MustCompile(`σ(-|$)`)
