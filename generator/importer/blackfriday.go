package importer

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"bulletin/generator/content"
)

// Hugo before 0.60 rendered Markdown with Blackfriday, which made a
// heading's id of its text with each run of other characters (a space,
// a dot, a backquote) one hyphen: "Configure `sitemap.xml`" had
// configure-sitemap-xml, where bulletin, as goldmark does, leaves the dot
// out: configure-sitemapxml. Links to the old id, from the site's own
// posts, from other sites and from readers' bookmarks, would find no
// heading. So a heading whose old id is not bulletin's keeps it, written
// after it ({#configure-sitemap-xml}): every such heading of a site
// whose settings say Blackfriday rendered it, and, in any other site,
// each one that a link of the import names by its old id and not by
// bulletin's.

// blackfridaySite says whether the settings f of a Hugo site, with its
// netlify.toml (nil for none), say its headings have the ids Blackfriday
// made: markup.defaultMarkdownHandler names Blackfriday, or, where it
// names goldmark or nothing, goldmark's parser was told to make them
// (markup.goldmark.parser.autoHeadingIDType = "blackfriday", as since
// Hugo 0.60 a site kept its old ids with), or, where no handler is named,
// a blackfriday table of settings, which Hugo 0.60 and later read only
// for that handler, or a Hugo version before 0.60 that Netlify built it
// with.
func blackfridaySite(f fields, netlify []byte) bool {
	markup, _ := f["markup"].(map[string]any)
	m := lowerKeys(fields(markup))
	handler := m.text("defaultmarkdownhandler")
	if handler != "" && !strings.EqualFold(handler, "goldmark") {
		return strings.EqualFold(handler, "blackfriday")
	}
	goldmark, _ := m["goldmark"].(map[string]any)
	parser, _ := lowerKeys(fields(goldmark))["parser"].(map[string]any)
	if strings.EqualFold(lowerKeys(fields(parser)).text("autoheadingidtype"), "blackfriday") {
		return true
	}
	if handler != "" {
		return false
	}
	if _, ok := f["blackfriday"].(map[string]any); ok {
		if _, goldmark := lowerKeys(fields(markup))["goldmark"]; !goldmark {
			return true
		}
	}
	if m := hugoVersion.FindSubmatch(netlify); m != nil {
		major, _ := strconv.Atoi(string(m[1]))
		minor, _ := strconv.Atoi(string(m[2]))
		return major == 0 && minor < 60
	}
	return false
}

var (
	// hugoVersion matches the Hugo version a netlify.toml builds with.
	hugoVersion = regexp.MustCompile(`(?m)^\s*HUGO_VERSION\s*=\s*["'](\d+)\.(\d+)`)
	// refShortcode matches a ref or relref shortcode, with its
	// arguments.
	refShortcode = regexp.MustCompile(`\{\{[<%]\s*(?:rel)?ref\s+(.*?)\s*[>%]\}\}`)
	// atxLine matches the line of an ATX heading, in a quote too: what
	// comes before its text, and its text, without closing #s.
	atxLine = regexp.MustCompile(`^((?:[ \t]*>)*[ \t]*#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$`)
	// setextLine matches the text line of a setext heading: what comes
	// before its text (a quote's >), and its text.
	setextLine = regexp.MustCompile(`^((?:[ \t]*>)*[ \t]*)(.*?)[ \t]*$`)
	// setextUnder matches the line under a setext heading.
	setextUnder = regexp.MustCompile(`^(?:[ \t]*>)*[ \t]{0,3}(?:=+|-+)[ \t]*$`)
)

// linkedFragments gives, for each post, the fragments the links of the
// posts name it by, unescaped: links within a page (#part), by its old
// address or its new one, and Hugo's ref and relref shortcodes.
func linkedFragments(posts []*post, ix *index) map[*post]map[string]bool {
	byURL := map[string]*post{}
	for _, p := range posts {
		if !p.skip {
			byURL[p.url] = p
		}
	}
	out := map[*post]map[string]bool{}
	for _, q := range posts {
		var dests []string
		for _, m := range linkDestination.FindAllStringSubmatch(q.raw, -1) {
			dests = append(dests, strings.Trim(m[1]+m[2], "<>"))
		}
		for _, m := range refShortcode.FindAllStringSubmatch(q.raw, -1) {
			if u, ok, _ := resolveRef(q, ix, m[1]); ok {
				dests = append(dests, u)
			}
		}
		site, err := url.Parse(q.home)
		if err != nil {
			site = &url.URL{}
		}
		for _, d := range dests {
			u, err := url.Parse(d)
			if err != nil || u.Fragment == "" {
				continue
			}
			to := q
			if u.Path != "" || u.Host != "" {
				if moved := movedTo(d, ix, site); moved != "" {
					u, _ = url.Parse(moved)
				}
				if to = byURL[u.Path]; to == nil {
					continue
				}
			}
			if out[to] == nil {
				out[to] = map[string]bool{}
			}
			out[to][u.Fragment] = true
		}
	}
	return out
}

// blackfridayIDs gives each heading of the Markdown body of p whose id
// Blackfriday made otherwise than bulletin makes it the old id, written
// after it: every one where all is set, else each that linked names by
// its old id and not by bulletin's. A heading that linked names both
// ways keeps bulletin's, with a warning. Another heading whose id would
// change as an id is written before it (the second of two of one text)
// is given the id it had.
func blackfridayIDs(body string, all bool, linked map[string]bool, p *post, r *Report) string {
	if p.html || !all && len(linked) == 0 {
		return body
	}
	ids := content.HeadingAnchors([]byte(body))
	lines := strings.Split(body, "\n")
	given := map[string]bool{} // the ids bulletin gives the headings
	for _, id := range ids {
		given[id] = true
	}
	old := map[string]int{} // Blackfriday's ids so far, see uniqueOld
	var kept, both []string
	written := map[int]bool{} // the lines given an id
	for _, line := range slices.Sorted(maps.Keys(ids)) {
		prefix, text, ok := headingText(lines, line)
		if !ok {
			continue
		}
		if _, id := headingID(text); id != "" {
			uniqueOld(old, id)
			continue
		}
		was, now := uniqueOld(old, blackfridayID(text)), ids[line]
		switch {
		case was == "" || was == now || given[was] || !all && !linked[was]:
			continue
		case !all && linked[now]:
			both = append(both, fmt.Sprintf("#%s and #%s", was, now))
			continue
		}
		lines[line] = prefix + " " + text + " {#" + was + "}"
		given[was], written[line] = true, true
		kept = append(kept, was)
	}
	if len(kept) > 0 {
		// The ids bulletin makes for the other headings stay as they
		// were: one made unique by a number after it may lose it. Each
		// pass reads the whole body, so after a few every heading left
		// is given its id.
		for pass := 1; ; pass++ {
			moved := false
			for line, id := range content.HeadingAnchors([]byte(strings.Join(lines, "\n"))) {
				if !written[line] && (id != ids[line] || pass == pinPass) {
					prefix, text, _ := headingText(lines, line)
					lines[line] = prefix + " " + text + " {#" + ids[line] + "}"
					written[line], moved = true, true
				}
			}
			if !moved || pass == pinPass {
				break
			}
		}
		msg := fmt.Sprintf("headings keep the ids Hugo made of them as Blackfriday did (%s), written after them, where bulletin would make others: links to those ids still lead there", strings.Join(firstOf(kept, 3), ", "))
		if len(kept) == 1 {
			msg = fmt.Sprintf("a heading keeps the id Hugo made of it as Blackfriday did (%s), written after it, where bulletin would make another: links to that id still lead there", kept[0])
		}
		r.Warnings = append(r.Warnings, routine(p.note(0, msg), "posts whose headings keep the ids Hugo made as Blackfriday did"))
	}
	if len(both) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("links name %s both by the id Hugo made as Blackfriday did and by the one bulletin makes (%s): it keeps bulletin's, and the links by the first find no heading: point them at the second",
			plural(len(both), "a heading", "headings"), strings.Join(firstOf(both, 3), "; "))))
	}
	return strings.Join(lines, "\n")
}

// headingText gives the text of the heading whose text is on the line
// of lines numbered line, as written, and what comes before it (#s, a
// quote's >); ok is false for a setext heading over more than one line.
func headingText(lines []string, line int) (prefix, text string, ok bool) {
	s := strings.TrimRight(lines[line], "\r")
	if m := atxLine.FindStringSubmatch(s); m != nil {
		return m[1], m[2], true
	}
	if line+1 >= len(lines) || !setextUnder.MatchString(strings.TrimRight(lines[line+1], "\r")) {
		return "", "", false
	}
	m := setextLine.FindStringSubmatch(s)
	return strings.TrimRight(m[1], " \t"), m[2], true
}

// blackfridayID gives the id Blackfriday made of a heading's text as
// written: its letters and digits in lower case, each run of other
// characters between them one hyphen.
func blackfridayID(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// pinPass is the pass over a body after which every heading left is
// given its id, and maxSteps how far uniqueOld follows ids taken.
const (
	pinPass  = 3
	maxSteps = 64
)

// uniqueOld gives id as Blackfriday made it unique in a page, given
// the ids it gave the headings before it, which seen counts: a second
// heading of one id has "-1" after it, a third "-2".
func uniqueOld(seen map[string]int, id string) string {
	if id == "" {
		return ""
	}
	for step := 0; ; step++ {
		count, found := seen[id]
		if !found {
			break
		}
		if step == maxSteps {
			// Headings made to chain (a, a 1, a 1 1 …) would take each
			// heading after them along the whole chain, and give it an id
			// as long: it keeps bulletin's.
			return ""
		}
		next := id + "-" + strconv.Itoa(count+1)
		if _, taken := seen[next]; !taken {
			seen[id] = count + 1
			id = next
		} else {
			id += "-1"
		}
	}
	seen[id] = 0
	return id
}
