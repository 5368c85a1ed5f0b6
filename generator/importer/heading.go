package importer

import (
	"regexp"
	"strings"
)

// Many systems title a page by the heading its body starts with, as
// MkDocs, Docusaurus and VitePress do, and Jekyll with the
// titles-from-headings plugin GitHub Pages runs: a post with no title
// takes it from that heading. A heading the same as a title the front
// matter gives would stand under it on the page. Either way the heading
// leaves the body, whose page shows the title as its own heading.

// titleHeading takes the heading of the first level that p's Markdown
// body starts with as p's title where p has none, and leaves it out of
// the body where it is p's title, or becomes it. It reports whether p
// was titled by it.
func titleHeading(p *post) bool {
	if p.html {
		return false
	}
	heading, rest, lines := leadingHeading(p.raw)
	if heading == "" {
		return false
	}
	titled := false
	switch {
	case p.title == "":
		p.title, titled = heading, true
	case !sameTitle(heading, p.title):
		return false
	}
	p.raw, p.bodyLine = rest, p.bodyLine+lines
	return titled
}

// leadingHeading gives the text of the heading of the first level (# A,
// or A over a line of =) that body starts with, after blank lines; the
// body after it; and how many lines those took. The heading is "" when
// the body starts otherwise.
func leadingHeading(body string) (heading, rest string, lines int) {
	rest = body
	for {
		line, after, ok := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) != "" {
			break
		}
		if !ok {
			return "", body, 0
		}
		rest, lines = after, lines+1
	}
	first, after, _ := strings.Cut(rest, "\n")
	if m := atxHeading.FindStringSubmatch(strings.TrimRight(first, " \t\r")); m != nil {
		heading = m[1]
		rest, lines = after, lines+1
	} else if under, next, _ := strings.Cut(after, "\n"); setextRule.MatchString(strings.TrimRight(under, " \t\r")) && strings.TrimLeft(first, " ") == first {
		heading = first
		rest, lines = next, lines+2
	} else {
		return "", body, 0
	}
	heading = textOf(strings.TrimSpace(heading), false)
	if heading == "" {
		return "", body, 0
	}
	return heading, rest, lines
}

var (
	// atxHeading matches a heading of the first level: # and its text,
	// with any closing #s left out.
	atxHeading = regexp.MustCompile(`^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?$`)
	// setextRule matches the line of = under a heading of the first level.
	setextRule = regexp.MustCompile(`^ {0,3}=+$`)
)

// sameTitle says whether two titles read the same, whatever their case
// and spacing.
func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
