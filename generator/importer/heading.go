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
	// A heading with an id of its own ({#start}) stays, as links may
	// lead to it.
	text, id := headingID(heading)
	text = textOf(text, false)
	titled := false
	switch {
	case text == "":
		return false
	case p.title == "":
		p.title, titled = text, true
	case !sameTitle(text, p.title):
		return false
	}
	if id == "" {
		p.raw, p.bodyLine = rest, p.bodyLine+lines
	}
	return titled
}

// headingID parts a heading's text from the attribute list after it
// ({#start .wide}, kramdown's {: #start}), and gives the id that list
// sets, if any; text in braces that is no such list ({a, b}) is the
// heading's own.
func headingID(heading string) (text, id string) {
	open := strings.LastIndex(heading, "{")
	if open < 0 || !strings.HasSuffix(heading, "}") {
		return heading, ""
	}
	id, ok := headingAttributes(strings.TrimPrefix(heading[open+1:len(heading)-1], ":"))
	if !ok {
		return heading, ""
	}
	return strings.TrimSpace(heading[:open]), id
}

// leadingHeading gives the heading of the first level (# A, or A over a
// line of =) that body starts with, after blank lines, as written; the
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
	return strings.TrimSpace(heading), rest, lines
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
