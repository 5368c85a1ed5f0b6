package importer

import (
	"fmt"
	"regexp"
	"strings"
)

// templateTag matches a template tag that is not a shortcode, such as
// Liquid's {{ site.url }} left in a post that moved to Hugo, which
// shows it as written.
var templateTag = regexp.MustCompile(`\{\{[^<%{][^}]*\}\}`)

// templateTags tells of the template tags of a Hugo post's Markdown body
// outside code, which Hugo showed as written, and so does this site.
func templateTags(body string, p *post, r *Report) {
	var kept repeated
	readProse(body, func(s string) {
		for _, tag := range templateTag.FindAllString(s, -1) {
			kept.warn(r, tag, p.note(0, fmt.Sprintf("template tag %s kept as text, as Hugo showed it: write what it stood for", tag)))
		}
	})
}

// readProse calls fn with each piece of body's text outside fenced code
// blocks and code spans, in order.
func readProse(body string, fn func(string)) {
	readProseAt(body, func(s string, _ int) { fn(s) })
}

// readProseAt calls fn with each piece of body's text outside fenced
// code blocks and code spans, in order, and where in body it starts.
func readProseAt(body string, fn func(s string, at int)) {
	var code fences
	at := 0
	for l := range strings.Lines(body) {
		start := at
		at += len(l)
		if code.boundary(l) {
			continue
		}
		if code.open != "" || strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") {
			continue
		}
		for j, part := range strings.Split(l, "`") {
			if j%2 == 0 {
				fn(part, start)
			}
			start += len(part) + 1
		}
	}
}

// inProse gives body with fn applied to its text outside fenced code
// blocks and code spans, as readProseAt finds it.
func inProse(body string, fn func(string) string) string {
	var b strings.Builder
	last := 0
	readProseAt(body, func(s string, at int) {
		b.WriteString(body[last:at])
		b.WriteString(fn(s))
		last = at + len(s)
	})
	b.WriteString(body[last:])
	return b.String()
}
