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
