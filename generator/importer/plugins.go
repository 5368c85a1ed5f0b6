package importer

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// What two Jekyll plugins did to a post's text as the old site showed
// it: jekyll-mentions linked each @name to its profile, which the
// import does too; jemoji showed each :name: as an emoji, which it
// cannot without GitHub's table of names, so it tells of them, as it
// does of those of any Markdown post of a Jekyll site, which may come
// from VitePress, and of a Hugo site's with enableEmoji.

// mentionsBase gives the address jekyll-mentions linked names under,
// when _config.yml turns the plugin on, or "".
func mentionsBase(f fields) string {
	if !plugin(f, "jekyll-mentions") {
		return ""
	}
	base := f.text("jekyll-mentions")
	if m, ok := f["jekyll-mentions"].(map[string]any); ok {
		base = fields(m).text("base_url")
	}
	return strings.TrimSuffix(cmp.Or(base, "https://github.com"), "/")
}

// plugin says whether _config.yml turns the plugin name on, in its
// plugins list or in gems, as Jekyll 3.4 and earlier read it.
func plugin(f fields, name string) bool {
	return slices.Contains(slices.Concat(f.list("plugins"), f.list("gems")), name)
}

var (
	// mention matches an @name as jekyll-mentions links it: after a
	// space, an opening bracket or the line's start, so that an e-mail
	// address or a link's text is left alone.
	mention = regexp.MustCompile(`(^|[\s(])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b`)
	// emojiName matches a :name: as jemoji shows it, with a letter in
	// the name, so that a time (10:30:00) is not one.
	emojiName = regexp.MustCompile(`(^|[\s(]):([a-z0-9_+-]*[a-z][a-z0-9_+-]*):`)
)

// mentions links each @name of a Markdown body under base, outside code,
// as jekyll-mentions did.
func mentions(body, base string) string {
	return inProse(body, func(s string) string {
		return mention.ReplaceAllString(s, "$1[@$2]("+base+"/$2)")
	})
}

// emojiNote tells of the :name: emoji of a Markdown body, outside code,
// at the line of the first, which jemoji, VitePress and GitHub show as
// emoji, and this site as written. shownBy names what showed them as
// emoji on the old site, "" where that is not known: a post brought
// from VitePress or Docusaurus into a Jekyll site's folder.
func emojiNote(body string, p *post, r *Report, shownBy string) {
	names, first := emojiNames(body)
	if len(names) == 0 {
		return
	}
	list := strings.Join(firstOf(names, 3), ", ")
	msg := fmt.Sprintf("%s: %s showed such names as emoji on the old site, and this one shows them as written: write each emoji itself", list, shownBy)
	if shownBy == "" {
		msg = fmt.Sprintf("%s: emoji written by name, kept as text: VitePress, GitHub and Jekyll's jemoji show such names as emoji, and this site shows them as written; where the old site showed emoji, write each emoji itself", list)
	}
	r.Warnings = append(r.Warnings, p.note(sourceLine(p, body, first), msg))
}

// emojiNames gives the :name: emoji of a Markdown body outside code,
// each once, and where in body the first is.
func emojiNames(body string) (names []string, first int) {
	first = -1
	readProseAt(body, func(s string, at int) {
		for _, m := range emojiName.FindAllStringSubmatchIndex(s, -1) {
			if first < 0 {
				first = at + m[4] - 1
			}
			if name := ":" + s[m[4]:m[5]] + ":"; !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	})
	return names, first
}
