package lint

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"

	"bulletin/generator/content"
)

// marks are the Markdown and HTML an editor writes out of habit, which a
// title or a summary, being plain text, shows as written.
// Each is looked for only in a text that holds the character it starts
// with: most hold none, and a site has many.
var marks = []struct {
	what  string
	start string
	re    *regexp.Regexp
}{
	{"bold", "*_", regexp.MustCompile(`\*\*[^*\s][^*]*\*\*|__[^_\s][^_]*__`)},
	{"a link", "[", regexp.MustCompile(`\[[^\]]+\]\([^)\s]+\)`)},
	{"code", "`", regexp.MustCompile("`[^`]+`")},
	{"an HTML tag", "<", regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>`)},
	{"an HTML entity", "&", regexp.MustCompile(`&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);`)},
}

// marked warns of a title or summary that holds Markdown or HTML, the
// first of each field: pages, feeds and search show it as written.
func marked(a *content.Article) content.Errors {
	var out content.Errors
	for _, f := range []struct{ field, text string }{{"title", a.Title}, {"summary", a.Summary}} {
		for _, m := range marks {
			if !strings.ContainsAny(f.text, m.start) {
				continue
			}
			if found := m.re.FindString(f.text); found != "" {
				out = append(out, &content.Error{File: a.File, Line: cmp.Or(a.Lines.Line(f.field), a.Line), Warning: true,
					Msg: fmt.Sprintf("%s: %s, %s, is shown to readers as written: a %s is plain text on pages, in feeds and in search; write it without marks", f.field, m.what, found, f.field)})
				break
			}
		}
	}
	return out
}
