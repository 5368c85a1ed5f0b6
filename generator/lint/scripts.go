package lint

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"

	"bulletin/generator/content"
)

// mixedScripts warns of a topic, a regulator or a slug with a word that
// mixes Latin and Cyrillic letters (pаypal, its а Cyrillic; СQС), which
// looks like a word of one script while it is not: its page, feeds and
// address stand beside the real one's, looking the same. Words of one
// script, in any, are welcome; so are Greek letters beside Latin ones,
// as science writes them (IL-1β).
func mixedScripts(a *content.Article) content.Errors {
	var out content.Errors
	check := func(field, value string) {
		if r, ok := mixedWord(value); ok {
			out = append(out, &content.Error{File: a.File, Line: cmp.Or(a.Lines.Line(field), a.Line), Warning: true,
				Msg: fmt.Sprintf("%s: %q mixes Latin and Cyrillic letters in one word (its %q is Cyrillic), and so looks like a word it is not: write the word in one script", field, value, string(r))})
		}
	}
	for _, t := range a.Topics {
		check("topics", t)
	}
	for _, r := range a.Regulators {
		check("regulators", r)
	}
	if a.Slug != "" {
		check("slug", a.Slug)
	}
	return out
}

// mixedWord gives the first Cyrillic letter of a word of s that holds a
// Latin letter too.
func mixedWord(s string) (rune, bool) {
	for word := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		latin, cyrillic := false, rune(0)
		for _, r := range word {
			switch {
			case unicode.Is(unicode.Latin, r):
				latin = true
			case unicode.Is(unicode.Cyrillic, r) && cyrillic == 0:
				cyrillic = r
			}
		}
		if latin && cyrillic != 0 {
			return cyrillic, true
		}
	}
	return 0, false
}
