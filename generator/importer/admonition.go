package importer

import (
	"regexp"
	"strings"
)

// Docusaurus and VitePress write a note in a container of colons
// (:::tip Title … :::), and MkDocs as an admonition (!!! tip "Title"
// over lines indented four spaces); Markdown has neither, and shows
// their marks as text. Each becomes a quote under its title, else its
// kind (Tip), as a Hugo note does. A VitePress group of code blocks
// (::: code-group) loses its marks alone.

// notes turns the notes of body, Markdown, into quotes, leaving
// code alone, and gives how many it turned.
func notes(body string) (string, int) {
	if !strings.Contains(body, ":::") && !strings.Contains(body, "!!!") && !strings.Contains(body, "???") {
		return body, 0
	}
	lines := strings.SplitAfter(body, "\n")
	var b strings.Builder
	turned := 0
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
				b.WriteString(line)
				continue
			}
			inner, nested := notes(strings.Join(lines[i+1:end], ""))
			turned += nested
			if m[2] == "code-group" {
				b.WriteString(inner)
			} else {
				b.WriteString(quote(label(m[2], strings.Trim(m[3], "[] \t")), inner))
				apart(&b, lines[end+1:])
			}
			turned++
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
			inner, nested := notes(indented.String())
			turned += nested
			b.WriteString(quote(label(m[1], strings.Trim(m[2], `"' `)), inner))
			apart(&b, lines[end:])
			turned++
			i = end - 1
			continue
		}
		b.WriteString(line)
	}
	return b.String(), turned
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
