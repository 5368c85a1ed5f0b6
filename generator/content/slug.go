package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds a slug's length so paths stay well within file system limits.
const maxSlug = 80

// Slug turns a name into a URL path segment: lower case letters and digits
// joined by single hyphens, accents dropped ("Café" → "cafe"), at most
// maxSlug bytes long.
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r >= unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			hyphen = true
			continue
		}
		sep := 0
		if hyphen && b.Len() > 0 {
			sep = 1
		}
		if b.Len()+sep+1 > maxSlug {
			break
		}
		if sep == 1 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
