package importer

import (
	"fmt"
	"regexp"
	"strings"
)

// Docusaurus and VitePress write a note in a container of colons
// (:::tip Title … :::), and MkDocs as an admonition (!!! tip "Title"
// over lines indented four spaces); Markdown has neither, and shows
// their marks as text. Each becomes a quote under its title, else its
// kind (Tip), as a Hugo note does. A VitePress group of code blocks
// (::: code-group) loses its marks alone. A container never closed is
// kept as text, marks and all, and told.

// notes turns the notes of body, Markdown, into quotes, leaving
// code alone, and gives how many it turned, and how many code groups
// lost their marks; open says which containers are never closed, kept
// as text, and where in body.
func notes(body string) (_ string, turned, grouped int, open []loss) {
	if !strings.Contains(body, ":::") && !strings.Contains(body, "!!!") && !strings.Contains(body, "???") {
		return body, 0, 0, nil
	}
	lines := strings.SplitAfter(body, "\n")
	// starts[i] is where lines[i] starts in body.
	starts := make([]int, len(lines)+1)
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	// within gives the losses of the text of lines from lines[from] on,
	// told at the starts of their lines in body.
	within := func(from int, text string, lost []loss) {
		for _, l := range lost {
			open = append(open, loss{starts[from+strings.Count(text[:l.at], "\n")], l.msg})
		}
	}
	var b strings.Builder
	var code fences
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if code.boundary(line) || code.open != "" {
			b.WriteString(line)
			continue
		}
		if m := colonOpen.FindStringSubmatch(strings.TrimRight(line, "\r\n")); m != nil {
			end := containerEnd(lines, i+1, m[1])
			if end < 0 {
				open = append(open, loss{starts[i], fmt.Sprintf("%s, a note of Docusaurus or VitePress, has no line of %s that closes it: kept as text, its marks and all; write %s on a line of its own where the note ends", strings.TrimSpace(line), m[1], m[1])})
				b.WriteString(line)
				continue
			}
			text := strings.Join(lines[i+1:end], "")
			inner, nested, nestedGroups, lost := notes(text)
			within(i+1, text, lost)
			turned += nested
			grouped += nestedGroups
			if m[2] == "code-group" {
				b.WriteString(inner)
				grouped++
			} else {
				b.WriteString(quote(label(m[2], strings.Trim(m[3], "[] \t")), inner))
				apart(&b, lines[end+1:])
				turned++
			}
			i = end
			continue
		}
		if m := mkdocsOpen.FindStringSubmatch(strings.TrimRight(line, "\r\n")); m != nil {
			end := i + 1
			for end < len(lines) && (strings.TrimSpace(lines[end]) == "" || strings.HasPrefix(lines[end], "    ") || strings.HasPrefix(lines[end], "\t")) {
				end++
			}
			var indented strings.Builder
			for _, l := range lines[i+1 : end] {
				l = strings.TrimPrefix(l, "\t")
				indented.WriteString(strings.TrimPrefix(l, "    "))
			}
			inner, nested, nestedGroups, lost := notes(indented.String())
			within(i+1, indented.String(), lost)
			turned += nested
			grouped += nestedGroups
			b.WriteString(quote(label(m[1], strings.Trim(m[2], `"' `)), inner))
			apart(&b, lines[end:])
			turned++
			i = end - 1
			continue
		}
		b.WriteString(line)
	}
	return b.String(), turned, grouped, open
}

var (
	// colonOpen matches the line opening a container: its colons, its
	// kind, and its title, written after it or in brackets.
	// A title may hold colons, and end in one (:::note For more
	// news:), but not in three, as a note written on one line does.
	colonOpen = regexp.MustCompile(`^ {0,3}(:{3,})[ \t]*([A-Za-z][\w-]*)[ \t]*(\[[^\]]*\]|(?:[^:\s](?:[^:]|:[^:]|::[^:])*?:{0,2})?)[ \t]*$`)
	// mkdocsOpen matches the line opening an admonition, open or
	// folded (???, ???+): its kind and its title, if quoted.
	mkdocsOpen = regexp.MustCompile(`^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+("[^"]*"|'[^']*'))?[ \t]*$`)
)

// containerEnd gives the index of the line, from lines[from] on, that closes a
// container opened with colons, past those nested in it and code; -1
// when none does.
func containerEnd(lines []string, from int, colons string) int {
	depth := 0
	var code fences
	for i := from; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		switch {
		case code.boundary(lines[i]) || code.open != "":
		case colonOpen.MatchString(strings.TrimRight(lines[i], "\r\n")):
			depth++
		case strings.Trim(trimmed, ":") == "" && len(trimmed) >= 3:
			if depth == 0 && len(trimmed) >= len(colons) {
				return i
			}
			depth = max(depth-1, 0)
		}
	}
	return -1
}

// apart writes the blank line that keeps the text after a quote, the
// lines rest, out of it, where that text does not start with one: a line
// of prose right after a quote is read as part of it.
func apart(b *strings.Builder, rest []string) {
	if len(rest) > 0 && strings.TrimSpace(rest[0]) != "" {
		b.WriteString("\n")
	}
}

// label is what a note's quote is headed by: its title, else its kind.
func label(kind, title string) string {
	if title != "" {
		return title
	}
	return capitalized(strings.ReplaceAll(kind, "-", " "))
}

// quote gives text, Markdown, as a quote under label, if any.
func quote(label, text string) string {
	var b strings.Builder
	if label != "" {
		b.WriteString("> **" + escapeText(label) + "**\n>\n")
	}
	for line := range strings.Lines(strings.TrimSpace(text)) {
		b.WriteString(strings.TrimRight("> "+strings.TrimRight(line, "\r\n"), " ") + "\n")
	}
	return b.String()
}
