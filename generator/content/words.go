package content

import (
	"html"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	xhtml "golang.org/x/net/html"
)

// convertBody converts the body of doc into the article's HTML, noting
// its links and its headings' ids, and counting its words.
func (a *Article) convertBody(md goldmark.Markdown, rawHTML bool, doc *doc, d *decoder) {
	c := convert(md, rawHTML, doc.body, doc.bodyLine, d)
	a.HTML, a.Links, a.Unconverted, a.Anchors, a.Blocks = c.HTML, c.Links, slices.Concat(d.dropped, c.Unconverted), c.Anchors, c.Blocks
	a.Words = countWords(a.HTML)
}

// IDs gives the ids of the elements of a page's HTML, and the names of
// its <a name> anchors, which a link may name after its #, read as a
// browser reads the tags.
func IDs(page string) []string {
	var ids []string
	z := xhtml.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ids
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			tag, more := z.TagName()
			for more {
				var key, value []byte
				key, value, more = z.TagAttr()
				if string(key) == "id" || string(key) == "name" && string(tag) == "a" {
					ids = append(ids, string(value))
				}
			}
		}
	}
}

// countWords counts the words in HTML's text: runs between spaces, tags
// and the edges, that hold a letter or a digit, so that a dash or a
// bullet standing alone is not a word.
func countWords(body string) int {
	var text strings.Builder
	text.Grow(len(body))
	for body != "" {
		i := strings.IndexByte(body, '<')
		if i < 0 {
			text.WriteString(body)
			break
		}
		text.WriteString(body[:i])
		text.WriteByte(' ')
		end := strings.IndexByte(body[i:], '>')
		if end < 0 {
			break
		}
		body = body[i+end+1:]
	}
	n := 0
	for w := range strings.FieldsSeq(html.UnescapeString(text.String())) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
