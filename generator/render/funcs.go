package render

import (
	"fmt"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/language"

	"bulletin/generator/content"
	"bulletin/generator/diff"
	"bulletin/generator/site"
)

// funcs are the helpers templates may call. rel turns a site path into a
// link that works when the site is served below a path (base URL
// https://example.org/bulletin/ gives /bulletin/topics/); basePath is
// that path as a link writes it, escaped (/a%22b/, never /a"b/).
func funcs(basePath string) template.FuncMap {
	return template.FuncMap{
		"rel":      func(p string) string { return relPath(basePath, p) },
		"date":     func(t time.Time) string { return t.Format("2 January 2006") },
		"datetime": func(t time.Time) string { return t.Format(time.RFC3339) },
		"when":     when,
		// sortable is a moment as text that sorts in time order, for
		// Pagefind's data-pagefind-sort.
		"sortable": func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") },
		"whenISO":  whenISO,
		"dir":      direction,
		// body marks an article's HTML, converted by package content from
		// Markdown, as safe, rooting its site links below the base path.
		"body": func(s string) template.HTML {
			if basePath != "/" && basePath != "" {
				// The path is written as it is: a $ in it names no group.
				s = rootedURL.ReplaceAllString(s, `$1="`+strings.ReplaceAll(strings.TrimSuffix(basePath, "/"), "$", "$$")+`/`)
			}
			return template.HTML(s)
		},
		// cached is set for each page file by loadTheme (see fragments).
		"cached": func(string, any, ...any) (template.HTML, error) { return "", nil },
		// diff writes a comparison of package diff as HTML: <ins> and
		// <del>, each with a visually hidden "added: " or "removed: ".
		"diff":  diff.HTML,
		"join":  strings.Join,
		"feeds": func(g *site.Ref) []FeedLink { return feedLinks(g.Name, g.URL) },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
	}
}

var rootedURL = regexp.MustCompile(`(href|src)="/`)

// direction is "rtl" for a language written right to left (ar, he, fa,
// ur, as the script its tag gives or implies), "ltr" for one written
// left to right, and "" where the tag says nothing of its script. Both
// are said, so that an article's words go their way on a page that goes
// the other.
func direction(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	script, confidence := tag.Script()
	if confidence == language.No || script.String() == "Zzzz" {
		return ""
	}
	switch script.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi":
		return "rtl"
	}
	return "ltr"
}

// relPath gives a site path p under the base URL's path. A path of
// other scripts is written percent-encoded as canonical links, feeds and
// the sitemap write it (%CE%BD), since html/template would write those
// escapes in lower case, and tools that compare addresses as text would
// take the two for different pages.
func relPath(basePath, p string) string {
	if !strings.HasPrefix(p, "/") {
		return p
	}
	if !strings.ContainsAny(p, "?#%") { // else a query, a fragment or escapes of its own: left as written
		p = (&url.URL{Path: p}).EscapedPath()
	}
	return strings.TrimSuffix(basePath, "/") + p
}

// when shows a date as readers write it: "May 2024" for a month, else
// "27 March 2025".
func when(d content.Date) string {
	if d.MonthOnly {
		return d.Time.Format("January 2006")
	}
	return d.Time.Format("2 January 2006")
}

// whenISO is a date for a <time datetime> attribute.
func whenISO(d content.Date) string {
	if d.MonthOnly {
		return d.Time.Format("2006-01")
	}
	return d.Time.Format("2006-01-02")
}

// Abs makes a site path absolute under the site's base URL.
func (p *Page) Abs(path string) string { return p.r.abs(path) }
