package content

import (
	"time"
)

// Parse reads one article from its bytes, as Load reads the file at the
// slash path p of the content folder dir, with the settings s: for an
// earlier version of an article, kept elsewhere than in the folder (in
// git, say). It gives the article with every problem found in it, so
// that a caller can show a version that today's settings would refuse
// (a status since renamed); the article is nil only when its front
// matter cannot be read at all.
func Parse(dir, p string, data []byte, s *Settings) (*Article, error) {
	a := &Article{File: JoinPath(dir, p), Path: p}
	d := &decoder{file: a.File}
	if why := oversized(data); why != "" {
		d.fail(0, "%s", why)
		return nil, d.errs.Err()
	}
	doc, ok := parseDoc(data, d)
	if !ok {
		return nil, d.errs.Err()
	}
	a.Line, a.BodyLine = doc.line, doc.bodyLine
	decodeArticle(d, doc.root, s, a)
	a.convertBody(newMarkdown(s.RawHTML), s.RawHTML, doc, d)
	return a, d.errs.Err()
}

// ParseDate reads a date as front matter writes it (YYYY-MM-DD, a local
// date-time or RFC 3339), in the site's time zone loc when it gives no
// offset.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	d, err := parseDate(s, loc, false)
	return d.Time, err
}
