package importer

import (
	"regexp"
	"strings"
)

// blockTags are the HTML elements kramdown reads as a block when one
// starts a line.
var blockTags = []string{"p", "div", "table", "ul", "ol", "dl", "blockquote", "section", "article", "aside", "header", "footer", "nav", "figure", "center", "details"}

// htmlBlockStart matches a line that starts with the start tag of one
// of blockTags; tagEnds, for each, its start and end tags;
// markdownInside, the attribute that has kramdown read an element's
// content as Markdown, blank lines and all, as CommonMark does.
var (
	htmlBlockStart = regexp.MustCompile(`(?i)^<(` + strings.Join(blockTags, "|") + `)[\s>/]`)
	tagEnds        = map[string][2]*regexp.Regexp{}
	markdownInside = regexp.MustCompile(`(?i)\smarkdown\s*=\s*["']?(1|block|span)`)
)

func init() {
	for _, t := range blockTags {
		tagEnds[t] = [2]*regexp.Regexp{regexp.MustCompile(`(?i)<` + t + `[\s>/]`), regexp.MustCompile(`(?i)</` + t + `\s*>`)}
	}
}

// blockLines is the most lines an HTML block is followed over.
const blockLines = 2000

// kramdownBlocks keeps each HTML element that starts a line, and closes
// on a later one with blank lines between, one block, as kramdown, which
// Jekyll uses, reads it: CommonMark ends an HTML block at a blank line
// and reads what follows as Markdown, so that an indented line of the
// element's would become code. Each blank line inside the element
// becomes an empty comment, which keeps the block whole and every line
// where it was. An element that holds a <pre>, whose blank lines are
// its text, one whose content kramdown read as Markdown (markdown="1"),
// or one that does not close, is left as it is, and so is anything in
// fenced code.
func kramdownBlocks(body string) string {
	lines := strings.SplitAfter(body, "\n")
	depths := map[string][]int{} // by tag, what each line opens less what it closes
	fence := ""
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		if f := fenceOf(trimmed); f != "" && (fence == "" || strings.HasPrefix(trimmed, fence)) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		m := htmlBlockStart.FindStringSubmatch(lines[i])
		if fence != "" || m == nil || markdownInside.MatchString(lines[i]) {
			continue
		}
		tag := strings.ToLower(m[1])
		if depths[tag] == nil {
			depths[tag] = tagDepths(lines, tag)
		}
		end := closing(depths[tag][i:min(len(lines), i+blockLines)])
		if end <= 0 {
			continue
		}
		span := lines[i : i+end+1]
		if strings.Contains(strings.ToLower(strings.Join(span, "")), "<pre") {
			i += end
			continue
		}
		for j, l := range span {
			if strings.TrimSpace(l) == "" {
				span[j] = "<!---->" + strings.TrimLeft(l, " \t")
			}
		}
		i += end
	}
	return strings.Join(lines, "")
}

// fenceOf gives the fence a line of code opens or closes with, or "".
func fenceOf(line string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return f
		}
	}
	return ""
}

// tagDepths gives, for each line, how many elements tag it opens less
// how many it closes.
func tagDepths(lines []string, tag string) []int {
	open, shut := tagEnds[tag][0], tagEnds[tag][1]
	d := make([]int, len(lines))
	for i, l := range lines {
		if strings.Contains(l, "<") {
			d[i] = len(open.FindAllStringIndex(l, -1)) - len(shut.FindAllStringIndex(l, -1))
		}
	}
	return d
}

// closing gives the index of the line on which an element opened on the
// first closes, from each line's depths, or -1 if it does not.
func closing(depths []int) int {
	depth := 0
	for i, d := range depths {
		if depth += d; depth <= 0 {
			return i
		}
	}
	return -1
}
