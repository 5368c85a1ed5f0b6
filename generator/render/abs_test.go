package render

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"bulletin/generator/site"
)

// TestAbsPlainPaths wants the shortcut for plain paths to give what
// resolving against the base URL gives, for every kind of path.
func TestAbsPlainPaths(t *testing.T) {
	paths := []string{
		"/", "", "/topics/", "/topics/ics-assessments/", "/2025/03/slug/", "/feed.xml", "/topics/x/atom.xml",
		"/images/chart.png", "/a//b/", "/a/./b/", "/a/../b/", "/../b", "/files/a b.pdf", "/caf\u00e9/",
		"/search/?q=pause", "/a/#top", "/100%/", "/~user/", "/a.b/c_d-e/",
	}
	for _, base := range []string{"https://bulletin.example.org/", "https://example.org/bulletin/", "http://localhost:8080/"} {
		b, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		r, slow := newRenderer(&site.Site{}, b), newRenderer(&site.Site{}, b)
		slow.plainBase = false
		for _, p := range paths {
			if got, want := r.abs(p), slow.abs(p); got != want {
				t.Errorf("base %s: abs(%q) = %q, want %q", base, p, got, want)
			}
		}
	}
}

// TestAbsBody checks absBody against the rule it follows, written as a
// regular expression, on bodies with every kind of link and attribute.
func TestAbsBody(t *testing.T) {
	base, err := url.Parse("https://example.org/bulletin/")
	if err != nil {
		t.Fatal(err)
	}
	r := newRenderer(&site.Site{}, base)
	attr := regexp.MustCompile(`(href|srcset|src|poster)="([^"]*)"`)
	want := func(page, body string) string {
		pageURL := base.ResolveReference(&url.URL{Path: strings.TrimPrefix(page, "/")})
		abs := func(v string) string {
			u, err := url.Parse(html.UnescapeString(v))
			if err != nil || u.IsAbs() {
				return v
			}
			from := pageURL
			if u.Host == "" && strings.HasPrefix(u.Path, "/") {
				from = base
				u.Path, u.RawPath = strings.TrimPrefix(u.Path, "/"), strings.TrimPrefix(u.RawPath, "/")
			}
			return template.HTMLEscapeString(from.ResolveReference(u).String())
		}
		return attr.ReplaceAllStringFunc(body, func(m string) string {
			sub := attr.FindStringSubmatch(m)
			if sub[1] != "srcset" {
				return sub[1] + `="` + abs(sub[2]) + `"`
			}
			var candidates []string
			for c := range strings.SplitSeq(sub[2], ",") {
				f := strings.Fields(c)
				f[0] = abs(f[0])
				candidates = append(candidates, strings.Join(f, " "))
			}
			return `srcset="` + strings.Join(candidates, ", ") + `"`
		})
	}
	bodies := []string{
		"",
		"<p>No links.</p>",
		`<p><a href="/topics/x/">site</a> <a href="https://other.example/a?b=1&amp;c=2">out</a> <a href="#fn:1">note</a></p>`,
		`<p><img src="chart.png" alt="x"><img src="/images/a b.png"> <a href="../older/">up</a></p>`,
		`<p><a data-href="/x/" href="mailto:a@example.org">m</a><a href="%zz">bad</a></p>`,
		`<p>src="/a/" href="/b/" text, then an unclosed href="/c/</p>`,
		`<a href=""></a><a href="?q=1"></a><a href="/caf&#233;/"></a>srchref="/d/"`,
		strings.Repeat(`<a href="/t/">t</a>`, 1000) + `<img src="/i.png">`,
		`<img src="/images/chart.png" srcset="/images/chart.png 1x,chart-2x.png 2x, https://cdn.example/c.png 640w"><video poster="/images/still.png" src="clip.mp4"></video>`,
	}
	for _, body := range bodies {
		if got, want := r.absBody("/2025/03/slug/", body), want("/2025/03/slug/", body); got != want {
			t.Errorf("absBody(%.60q):\ngot  %.300q\nwant %.300q", body, got, want)
		}
	}
}

// TestRelPath: a site path is put under the base URL's path, and a path
// of other scripts written with the escapes in capitals, as canonical
// links, feeds and the sitemap write them.
func TestRelPath(t *testing.T) {
	tests := []struct{ base, path, want string }{
		{"/", "/2025/03/ics/", "/2025/03/ics/"},
		{"/bulletin/", "/topics/", "/bulletin/topics/"},
		{"/", "/topics/新闻/", "/topics/%E6%96%B0%E9%97%BB/"},
		{"/", "/2026/12/νέο/", "/2026/12/%CE%BD%CE%AD%CE%BF/"},
		{"/", "/search/?q=cqc", "/search/?q=cqc"},
		{"/", "/already/%e6%96%b0/", "/already/%e6%96%b0/"},
		{"/bul%20letin/", "/topics/新闻/", "/bul%20letin/topics/%E6%96%B0%E9%97%BB/"},
		{"/", "https://www.cqc.org.uk/", "https://www.cqc.org.uk/"},
	}
	for _, tt := range tests {
		if got := relPath(tt.base, tt.path); got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}
