package lint

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// TestDeviceSlug wants a warning for an article whose file name, giving
// its slug, is a device's name, so that "-1" was added, and none when
// the front matter sets the slug or the name is another.
func TestDeviceSlug(t *testing.T) {
	tests := []struct {
		file    string
		setSlug bool
		warn    bool
	}{
		{"2025-05-03-nul.md", false, true},
		{"2025-05-03-COM1.md", false, true},
		{"2025-05-03-nul.md", true, false},
		{"2025-05-03-nul-1.md", false, false},
		{"2025-05-03-null.md", false, false},
	}
	for _, tt := range tests {
		a := &content.Article{File: "content/articles/2025/" + tt.file, Path: "articles/2025/" + tt.file, Line: 1}
		if tt.setSlug {
			a.Lines.Set("slug", 5)
		}
		got := deviceSlug(a, "/2025/05/x/")
		if (got != nil) != tt.warn {
			t.Errorf("%s (slug set: %v): got %v, want a warning: %v", tt.file, tt.setSlug, got, tt.warn)
		}
		if got != nil && (!got.Warning || !strings.Contains(got.Msg, "/2025/05/x/")) {
			t.Errorf("%s: %v is not a warning naming the address", tt.file, got)
		}
	}
}

// TestFileDate wants a warning for a file name that starts with another
// date than the article's, whether the date is written in the site's
// time zone or in another, and none for a file name without a date.
func TestFileDate(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	newYork := time.FixedZone("EST", -5*3600)
	tests := []struct {
		file string
		date time.Time
		warn bool
	}{
		{"2025-03-27-paused.md", time.Date(2025, 3, 27, 9, 30, 0, 0, london), false},
		{"2025-03-28-paused.md", time.Date(2025, 3, 27, 9, 30, 0, 0, london), true},
		{"paused.md", time.Date(2025, 3, 27, 9, 30, 0, 0, london), false},
		// Late on the 27th in New York is the 28th in London, as an
		// import names its files: either date is the article's.
		{"2025-03-28-late.md", time.Date(2025, 3, 27, 23, 0, 0, 0, newYork), false},
		{"2025-03-27-late.md", time.Date(2025, 3, 27, 23, 0, 0, 0, newYork), false},
		{"2025-03-26-late.md", time.Date(2025, 3, 27, 23, 0, 0, 0, newYork), true},
	}
	for _, tt := range tests {
		a := &content.Article{File: "content/articles/2025/" + tt.file, Path: "articles/2025/" + tt.file, Line: 1, Meta: content.Meta{Date: tt.date}}
		got := fileDate(a, london)
		if (got != nil) != tt.warn {
			t.Errorf("%s dated %s: got %v, want a warning: %v", tt.file, tt.date, got, tt.warn)
		}
		if got != nil && !got.Warning {
			t.Errorf("%s: %v is not a warning", tt.file, got)
		}
	}
}

// TestUnseenUpdate warns of an update given as the day the article was
// published, which feeds show as no change, and of nothing else.
func TestUnseenUpdate(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 4, 8, 0, 0, 0, 0, london)
	at := day.Add(9 * time.Hour)
	tests := []struct {
		date, updated time.Time
		want          string
	}{
		{day, day, "updated: 2025-04-08 is when the article was published, so feeds show no change and feed readers do not show the update: give its time too, as 2025-04-08T15:00:00+01:00"},
		{day, day.Add(15 * time.Hour), ""},
		{day, day.AddDate(0, 0, 1), ""},
		{day, time.Time{}, ""},
		{at, at, ""}, // published and updated at one time, given: feeds show it
	}
	for _, tt := range tests {
		a := &content.Article{File: "content/articles/2025/a.md", Line: 1, Meta: content.Meta{Date: tt.date, Updated: tt.updated}}
		if !tt.updated.IsZero() {
			a.Lines.Set("updated", 5)
		}
		got := unseenUpdate(a, london)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("date %s, updated %s: got %v, want none", tt.date, tt.updated, got)
		case tt.want != "" && (got == nil || got.Msg != tt.want || got.Line != 5 || !got.Warning):
			t.Errorf("date %s, updated %s: got %v, want a warning at line 5: %s", tt.date, tt.updated, got, tt.want)
		}
	}
}

// TestUnlikelyDate warns of an article dated before 1900 or more than
// 20 years ahead, as a date of another calendar read as the Gregorian's
// is, at its date line, and of none between.
func TestUnlikelyDate(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		date time.Time
		want string // how the warning starts; "" for none
	}{
		{time.Date(1393, 4, 4, 0, 0, 0, 0, time.UTC), "date: 1393-04-04 is before 1900, older than any bulletin: if it is a date of another calendar"},
		{time.Date(2567, 1, 15, 0, 0, 0, 0, time.UTC), "date: 2567-01-15 is more than 20 years from now, and is held back until then:"},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(2014, 6, 25, 0, 0, 0, 0, time.UTC), ""},
		{now.AddDate(1, 0, 0), ""}, // scheduled for next year
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		a := &content.Article{File: "content/articles/a.md", Line: 1, Meta: content.Meta{Date: tt.date}}
		a.Lines.Set("date", 3)
		got := unlikelyDate(a, now)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("date %s: got %v, want none", tt.date, got)
		case tt.want != "" && (got == nil || !strings.HasPrefix(got.Msg, tt.want) || got.Line != 3 || !got.Warning):
			t.Errorf("date %s: got %v, want a warning at line 3 starting %q", tt.date, got, tt.want)
		}
	}
}

// TestLongSummary warns of a summary longer than a few sentences, by
// its characters, not its bytes.
func TestLongSummary(t *testing.T) {
	for _, tt := range []struct {
		summary string
		want    string // the warning; "" for none
	}{
		{"CQC has paused ICS assessments.", ""},
		{strings.Repeat("α", 600), ""},
		{strings.Repeat("a", 601), "summary: 601 characters, where a summary is a sentence or two, shown under the title on every list and in every feed: keep it under 600, and move the rest into the body"},
	} {
		a := &content.Article{File: "content/articles/a.md", Line: 1, Meta: content.Meta{Summary: tt.summary}}
		a.Lines.Set("summary", 4)
		got := longSummary(a)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("summary of %d bytes: got %v, want none", len(tt.summary), got)
		case tt.want != "" && (got == nil || got.Msg != tt.want || got.Line != 4 || !got.Warning):
			t.Errorf("summary of %d bytes: got %v, want a warning at line 4: %s", len(tt.summary), got, tt.want)
		}
	}
}

// TestBodyScript warns, where raw_html: true lets a body's HTML through,
// of each script a body holds, and each element that sends the reader
// elsewhere, at the line of the file it is written on, and of none
// without it.
func TestBodyScript(t *testing.T) {
	article := func(name, html string) *site.Article {
		return &site.Article{Content: &content.Article{File: "content/" + name, BodyLine: 8, HTML: html}}
	}
	s := &site.Site{Settings: content.Settings{RawHTML: true}, Articles: []*site.Article{
		article("a.md", `<p>Chart:</p><script src="https://widgets.example/c.js"></script>`),
		article("b.md", `<p><img src="x" onerror="alert(1)"></p>`),
		article("c.md", `<p>Say &lt;script&gt; in text, and <a href="https://example.org/">link</a>.</p><script type="application/ld+json">{"@type": "Article"}</script>`),
		article("d.md", `<script type="text/javascript ">go()</script>`),
		article("e.md", `<p><iframe src="DATA:Text/HTML,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe><img src="data:image/svg+xml,x" alt=""></p>`),
		article("f.md", "<p>One.</p>\n<iframe src=\"https://x.example/\" onload=\"alert(1)\"></iframe>\n<p>Two.</p>\n<p><a href=\"javascript:void(0)\">x</a></p>\n"),
	}}
	s.Articles[5].Content.Blocks = []content.BlockLine{{HTML: 1, File: 8}, {HTML: 2, File: 86}, {HTML: 3, File: 88}, {HTML: 4, File: 90}}
	s.Articles = append(s.Articles, article("g.md", "<p>One.</p>\n<base href=\"https://evil.example/\">\n<p>Two.</p>\n<META HTTP-EQUIV=\"Refresh\" content=\"5;url=https://evil.example/\">\n<base target=\"_blank\"><meta name=\"refresh\" content=\"x\"><meta http-equiv=\"refresh\">\n"))
	s.Articles[6].Content.Blocks = []content.BlockLine{{HTML: 1, File: 8}, {HTML: 2, File: 10}, {HTML: 3, File: 12}, {HTML: 4, File: 14}, {HTML: 5, File: 16}}
	var got []string
	for _, e := range bodyScript(s) {
		got = append(got, e.Error())
	}
	want := []string{
		"content/a.md:8: warning: body: holds script (<script>), which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it",
		"content/b.md:8: warning: body: holds script (onerror=), which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it",
		"content/d.md:8: warning: body: holds script (<script>), which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it",
		`content/e.md:8: warning: body: holds script (src="DATA:Text/HTML,<script>alert(1)</script>"), which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it`,
		"content/f.md:86: warning: body: holds script (onload=), which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it",
		`content/f.md:90: warning: body: holds script (href="javascript:void(0)"), which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it`,
		`content/g.md:10: warning: body: <base href="https://evil.example/">, which raw_html: true publishes, makes every relative link of the page lead from that address: take it out, and write each link's whole address where it should lead elsewhere`,
		`content/g.md:14: warning: body: <meta http-equiv="Refresh" content="5;url=https://evil.example/">, which raw_html: true publishes, sends every reader on from the page, or reloads it, without a click: take it out, and link to the page readers should go to`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	s.Settings.RawHTML = false
	if got := bodyScript(s); len(got) > 0 {
		t.Errorf("without raw_html: got %v, want none", got)
	}
}

// TestSources wants each source address readers could not follow told,
// naming what is wrong with it, and none for an address that is fine,
// in any script.
func TestSources(t *testing.T) {
	for url, want := range map[string]string{
		"https://www.gov.uk/guidance":                    "",
		"https://例え.jp/ページ":                              "",
		"/2025/01/page/":                                 "",
		"www.gov.uk/ofsted":                              `"www.gov.uk/ofsted" is not an address readers can follow`,
		`https://ok.example/"><script>alert(3)</script>`: `holds '"', which an address cannot hold as it is: write it percent-encoded, as %22`,
		"https://ok.example/a page":                      `holds ' ', which an address cannot hold as it is: write it percent-encoded, as %20`,
		`C:\Users\me\report.pdf`:                         `"C:\\Users\\me\\report.pdf" is a path on the writer's own computer (drive C:)`,
		"d:/report.pdf":                                  `is a path on the writer's own computer (drive D:), which readers cannot open`,
	} {
		a := &content.Article{File: "content/a.md", Meta: content.Meta{Sources: []content.Source{{Title: "S", URL: url, Line: 9}}}}
		wantProblem(t, url, (&checker{}).sources(a), want)
	}
}

// TestLinks wants a link to a file of the site found however its path is
// written, and one to a file it lacks told with the path it resolves to.
func TestLinks(t *testing.T) {
	files := &render.Files{}
	c := &checker{files: files, assets: map[string]bool{"files/report.pdf": true},
		nearby: nearby{files: files, assets: []string{"files/report.pdf"}}}
	for link, want := range map[string]string{
		"/files/report.pdf":             "",
		"/files/./report.pdf":           "",
		"/2025/../files/report.pdf":     "",
		"../../../files/report.pdf":     "",
		"/files/%72eport.pdf":           "",
		"https://www.gov.uk/report.pdf": "",
		"mailto:someone@example.com":    "",
		"/files/missing.pdf":            "the site has no page or file at /files/missing.pdf",
		"/files/../missing.pdf":         "the site has no page or file at /missing.pdf",
		"../missing.pdf":                "the site has no page or file at /2025/01/missing.pdf",
		"C:/Users/me/report.pdf":        "is a path on the writer's own computer (drive C:)",
		`d:\charts\chart.png`:           "is a path on the writer's own computer (drive D:)",
	} {
		a := &content.Article{File: "content/a.md", Links: []content.Link{{URL: link, Line: 7}}}
		wantProblem(t, link, c.links(a, "/2025/01/a/"), want)
	}
}

// TestInvalidLink wants a link no browser can follow told at its line,
// as the body writes it, with what is wrong and what to write instead,
// and one to a page the site lacks told as the body writes it too.
func TestInvalidLink(t *testing.T) {
	for written, want := range map[string]string{
		`java\script:alert(17)`:         `body: link "java\script:alert(17)" is not an address a browser can follow: what comes before its colon is no scheme, such as https:, so it is read as a path: link to an http(s) address (https://www.example.org/page), or to a page of the site from its root (/2025/03/slug/)`,
		`&#0000106avascript:alert(1)`:   `link "&#0000106avascript:alert(1)": the site has no page or file at /2025/01/a/&`,
		`/files/100%.pdf`:               `body: link "/files/100%.pdf" is not an address a browser can follow: a % starts an escape of two hexadecimal digits: write %25 for a percent sign`,
		"https://example.org:port/\x01": `body: link "https://example.org:port/\x01" is not an address a browser can follow`,
	} {
		a := &content.Article{File: "content/a.md", Links: []content.Link{{URL: written, Written: written, Line: 7}}}
		files := &render.Files{}
		c := &checker{files: files, nearby: nearby{files: files}}
		wantProblem(t, written, c.links(a, "/2025/01/a/"), want)
	}
}

// TestPlainTargetAsResolved wants every link plainTarget takes as
// written to lead where parsing it and resolving it against a page
// leads, over links made of the pieces that change either.
func TestPlainTargetAsResolved(t *testing.T) {
	pieces := []string{"", "a", "/", "//", ".", "..", "/.", "%2F", "%41", "%", "?q", "#f", ":", "x y", "é", "\x01", "\x7f", ".e", "c.d", ";p", "+", "@h"}
	page := &url.URL{Path: "/2025/01/a/"}
	r := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range 200_000 {
		link := "/"
		for range r.IntN(6) {
			link += pieces[r.IntN(len(pieces))]
		}
		target, plain := plainTarget(link)
		if !plain {
			continue
		}
		taken++
		u, err := url.Parse(link)
		if err != nil {
			t.Fatalf("%q: taken as written, but it does not parse: %v", link, err)
		}
		if u.Scheme != "" || u.Host != "" {
			t.Fatalf("%q: taken as written, but it parses with scheme %q and host %q", link, u.Scheme, u.Host)
		}
		if want := page.ResolveReference(u).Path; target != want {
			t.Fatalf("%q: taken as %q, but resolves to %q", link, target, want)
		}
	}
	if taken < 10_000 {
		t.Errorf("only %d links taken as written: the test checks too few", taken)
	}
}

// wantProblem wants nothing found in got when want is "", and otherwise
// one problem whose message holds want.
func wantProblem(t *testing.T, what string, got content.Errors, want string) {
	t.Helper()
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("%s: got %v, want nothing", what, got)
	case want != "" && (len(got) != 1 || !strings.Contains(got[0].Msg, want)):
		t.Errorf("%s: got %v, want one problem with %q", what, got, want)
	}
}

// TestMarked warns of Markdown and HTML in a title or a summary, which
// readers see as written, and not of text that only looks a little like
// it.
func TestMarked(t *testing.T) {
	for summary, want := range map[string]string{
		"CQC says **something** new.":           "summary: bold, **something**, is shown to readers as written",
		"See [the review](https://x.example/).": "summary: a link, [the review](https://x.example/), is shown",
		"Run `make` first.":                     "summary: code, `make`, is shown",
		"A <b>bold</b> claim.":                  "summary: an HTML tag, <b>, is shown",
		"Care &amp; support.":                   "summary: an HTML entity, &amp;, is shown",
		"Fees rise 5 * 3 times for under <5s.":  "",
		"Snake_case and A & B; [sic] (sic).":    "",
	} {
		a := &content.Article{File: "content/a.md", Line: 1, Meta: content.Meta{Title: "Plain", Summary: summary}}
		wantProblem(t, summary, marked(a), want)
	}
}

// TestActive tells an image or page of the content folder that holds
// script, which a reader opening it would run on the site's address, and
// not one that holds none.
func TestActive(t *testing.T) {
	dir := filepath.ToSlash(t.TempDir())
	for name, data := range map[string]string{
		"images/onload.svg": `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`,
		"images/script.SVG": `<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>`,
		"files/old.html":    `<p><a href="javascript:go()">Go</a></p>`,
		"images/plain.svg":  `<svg xmlns="http://www.w3.org/2000/svg"><title>A chart of online use</title></svg>`,
		"files/notes.txt":   `<script>not run: a text file</script>`,
		// Script spelt otherwise, as a browser still runs it.
		"f/srcdoc.html":    `<iframe srcdoc="&lt;script&gt;alert(parent.document.domain)&lt;/script&gt;"></iframe>`,
		"f/foreign.svg":    `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe></foreignObject></svg>`,
		"f/hex.html":       `<a href="&#x6A;avascript:alert(1)">x</a>`,
		"f/colon.html":     `<a href="javascript&colon;alert(1)">x</a>`,
		"f/tab.html":       `<a href="jav&#9;ascript:alert(1)">x</a>`,
		"f/control.html":   `<a href="&#14;javascript:alert(1)">x</a><a href=" \x01vbscript:x">y</a>`,
		"f/slash.html":     `<svg/onload=alert(1)>`,
		"f/glued.html":     `<img src="x"onerror="alert(1)">`,
		"f/prefix.svg":     `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`,
		"f/entity.svg":     `<!DOCTYPE svg [<!ENTITY j "javascript:">]><svg xmlns="http://www.w3.org/2000/svg"><a href="&j;alert(1)"><text>x</text></a></svg>`,
		"f/page.shtml":     `<script>alert(1)</script>`,
		"f/feed.xsl":       `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:element name="{'script'}">alert(1)</xsl:element></xsl:template></xsl:stylesheet>`,
		"f/zipped.svgz":    gzipText(t, `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, false),
		"f/damaged.svgz":   gzipText(t, `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, true),
		"f/utf16.svg":      utf16Text(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
		"f/underscore.svg": `<svg xmlns="http://www.w3.org/2000/svg"><_:script xmlns:_="http://www.w3.org/2000/svg">alert(1)</_:script></svg>`,
		"f/intitle.svg":    `<svg xmlns="http://www.w3.org/2000/svg"><title><script>alert(1)</script></title></svg>`,
		"f/svgtitle.html":  `<p>x</p><svg><title><script>alert(1)</script></title></svg>`,
		"f/nobom.svg":      utf16Text(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`)[2:],
		"f/jis.html":       "<meta charset=\"iso-2022-jp\"><p>x<scr\x1b(Bipt>alert(1)</script>",
		// Hidden as kanji by the encoding it declares, which a browser
		// passes over for the charset=utf-8 a server sends.
		// UTF-16 with no byte order mark, which a browser reads as the
		// bytes they are.
		"f/utf16nobom.html": "<\x00<script>alert(1)</script>",
		"f/declared.html":   "<meta charset=\"iso-2022-jp\"><title>x</title>\x1b$B<script>alert(1)</script>\x1b(B<p>hi</p>",
		"f/word.svg":        `<!DOCTYPE svg [<!ENTITY j "javascript">]><svg xmlns="http://www.w3.org/2000/svg"><a href="&j;:alert(1)"><text>x</text></a></svg>`,
		"f/attlist.svg":     `<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"/>`,
		"f/page.xhtm":       `<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert(1)"/></html>`,
		"f/doe.xsl":         `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:value-of select="//description" disable-output-escaping="yes"/></xsl:template></xsl:stylesheet>`,
		"f/data.xml":        `<?xml-stylesheet type="text/xsl" href="style.txt"?><data/>`,
		// Told at the line it is on.
		"f/lines.html": "<p>One</p>\n<p>Two</p>\n<p><a href=\"javascript:go()\">Go</a></p>\n",
		"f/lines.svg":  "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<title>A chart</title>\n<rect width=\"1\"\n height=\"1\" onclick=\"alert(1)\"/>\n</svg>\n",
		// A page of its own in a data: address, shown inside the file.
		"f/dataframe.html":  `<!doctype html><title>t</title><iframe src="data:text/html,<script>alert(1)</script>"></iframe>`,
		"f/dataobject.html": `<!doctype html><title>t</title><object data="data:text/html,<script>alert(2)</script>"></object>`,
		"f/dataembed.html":  `<!doctype html><title>t</title><embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMDMpPC9zY3JpcHQ+">`,
		"f/dataframe.svg":   `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" src="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;"/></foreignObject></svg>`,
		"f/dataplain.html":  `<iframe src="data:,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe><img src="data:image/svg+xml,%3Csvg onload=alert(1)%3E" alt="">`,
		"f/schema.xsd":      `<root xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></root>`,
		"f/grammar.rng":     `<grammar xmlns:s="http://www.w3.org/2000/svg"><s:svg onload="alert(1)"/></grammar>`,
		// Safe files that name such things in their text or other fields.
		"f/drupal.xml":  `<!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent">]><rss><channel><item><description><![CDATA[<p onclick="x()">A post</p><script src="widgets.js"></script>]]></description></item></channel></rss>`,
		"f/nbsp.xsl":    `<!DOCTYPE xsl:stylesheet [<!ENTITY nbsp "&#160;">]><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:element name="description">&nbsp;</xsl:element><p class="x">Feed</p></xsl:template></xsl:stylesheet>`,
		"f/vml.html":    `<v:line o:oned="t" from="0,0" to="10,10"></v:line><meta name="description" content="JavaScript: Local Sidereal Time">`,
		"f/log4j2.xml":  `<Configuration><ThresholdFilter level="info" onMatch="ACCEPT" onMismatch="DENY"/></Configuration>`,
		"f/plain.xhtml": `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Fish &amp; chips at 5&#160;pm; see <a href="https://www.example.org/a?b=1&amp;c=2" name="online">the menu</a>.</p></body></html>`,
		"f/prose.html":  `<p>Pay once = save. Java Script: a language. A page may say &lt;script&gt; or javascript: in its text.</p><input name="one"><a name="script-notes">notes</a>`,
		"f/company.svg": `<!DOCTYPE svg [<!ENTITY co "Acme Co">]><svg xmlns="http://www.w3.org/2000/svg"><text>&co;</text></svg>`,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &site.Site{ContentDir: dir, Assets: []string{"f/attlist.svg", "f/colon.html", "f/company.svg", "f/control.html", "f/damaged.svgz", "f/data.xml", "f/dataembed.html", "f/dataframe.html", "f/dataframe.svg", "f/dataobject.html", "f/dataplain.html", "f/declared.html", "f/doe.xsl", "f/drupal.xml", "f/entity.svg", "f/feed.xsl", "f/foreign.svg", "f/glued.html", "f/grammar.rng", "f/hex.html", "f/intitle.svg", "f/jis.html", "f/lines.html", "f/lines.svg", "f/log4j2.xml", "f/nbsp.xsl", "f/nobom.svg", "f/page.shtml", "f/page.xhtm", "f/plain.xhtml", "f/prefix.svg", "f/prose.html", "f/schema.xsd", "f/slash.html", "f/srcdoc.html", "f/svgtitle.html", "f/tab.html", "f/underscore.svg", "f/utf16.svg", "f/utf16nobom.html", "f/vml.html", "f/word.svg", "f/zipped.svgz", "files/notes.txt", "files/old.html", "images/onload.svg", "images/plain.svg", "images/script.SVG"}}
	var got []string
	for _, e := range Active(s) {
		got = append(got, strings.TrimSuffix(strings.TrimPrefix(e.Error(), dir+"/"), ", which would run on the site's own address when a reader opens the file: take it out, or publish the file elsewhere"))
	}
	want := []string{
		`f/attlist.svg: holds script (<!ATTLIST svg onload CDATA "alert(1)">, a default attribute, which may be script)`,
		`f/colon.html:1: holds script (href="javascript:alert(1)")`,
		`f/control.html:1: holds script (href="\x0ejavascript:alert(1)")`,
		`f/damaged.svgz:1: holds script (onload=)`,
		`f/data.xml:1: names as its stylesheet style.txt, whose script a browser would run on the site's own address, and which is not read for script: name it .xsl or .xslt`,
		`f/dataembed.html:1: holds script (src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMDMpPC9zY3JpcHQ+")`,
		`f/dataframe.html:1: holds script (src="data:text/html,<script>alert(1)</script>")`,
		`f/dataframe.svg:1: holds script (src="data:text/html,<script>alert(4)</script>")`,
		`f/dataobject.html:1: holds script (data="data:text/html,<script>alert(2)</script>")`,
		`f/declared.html:1: holds script (<script>)`,
		`f/doe.xsl:1: holds script (disable-output-escaping="yes", which writes text as markup, such as a feed's description, and so any script it holds)`,
		`f/entity.svg:1: holds script (href="javascript:alert(1)")`,
		`f/feed.xsl:1: holds script (<element name="{'script'}">, of a name worked out, which may be script)`,
		`f/foreign.svg:1: holds script (onerror=)`,
		`f/glued.html:1: holds script (onerror=)`,
		`f/grammar.rng:1: holds script (onload=)`,
		`f/hex.html:1: holds script (href="javascript:alert(1)")`,
		`f/intitle.svg:1: holds script (<script>)`,
		`f/jis.html:1: holds script (<script>)`,
		`f/lines.html:3: holds script (href="javascript:go()")`,
		`f/lines.svg:3: holds script (onclick=)`,
		`f/nobom.svg:1: holds script (onload=)`,
		`f/page.shtml:1: holds script (<script>)`,
		`f/page.xhtm:1: holds script (onload=)`,
		`f/prefix.svg:1: holds script (<script>)`,
		`f/schema.xsd:1: holds script (<script>)`,
		`f/slash.html:1: holds script (onload=)`,
		`f/srcdoc.html:1: holds script (<script>)`,
		`f/svgtitle.html: holds script (<script>)`,
		`f/tab.html:1: holds script (href="jav\tascript:alert(1)")`,
		`f/underscore.svg:1: holds script (<script>)`,
		`f/utf16.svg:1: holds script (onload=)`,
		`f/utf16nobom.html:1: holds script (<script>)`,
		`f/word.svg:1: holds script (href="javascript:alert(1)")`,
		`f/zipped.svgz:1: holds script (onload=)`,
		`files/old.html:1: holds script (href="javascript:go()")`,
		`images/onload.svg:1: holds script (onload=)`,
		`images/script.SVG:1: holds script (<SCRIPT>)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("told:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// gzipText gives text compressed with gzip, as an .svgz holds it; with
// damaged, its checksum is wrong, which browsers pass over.
func gzipText(t *testing.T, text string, damaged bool) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if damaged {
		data[len(data)-8] ^= 0xff // the CRC-32 of the gzip trailer
	}
	return string(data)
}

// utf16Text gives text in UTF-16, little-endian, after its byte order
// mark, as some editors save a file.
func utf16Text(text string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return string(b)
}

// TestDataPage wants a data: address read for its media type as a
// browser reads it, spelt however a browser still reads it, and a page
// found where the type is one a browser shows as a page or runs: none
// where it has none, or one it cannot read, which is text/plain.
func TestDataPage(t *testing.T) {
	tests := []struct {
		address string
		page    bool
	}{
		{"data:text/html,<script>alert(1)</script>", true},
		{"data:text/html;base64,phnjcmlwdd4=", true},
		{"data: text/html ;charset=utf-8,<p>x", true},
		{"data:text/html;charset=utf-8;base64,phnjcmlwdd4=", true},
		{"data:application/xhtml+xml,<html/>", true},
		{"data:image/svg+xml,<svg onload=alert(1)>", true},
		{"data:text/xml,<x/>", true},
		{"data:application/xml,<x/>", true},
		{"data:text/xsl,<x/>", true},
		{"data:text/javascript,alert(1)", true},
		{"data:application/x-ecmascript,alert(1)", true},
		{"data:,<script>alert(1)</script>", false},
		{"data:;base64,phnjcmlwdd4=", false},
		{"data:text/plain,<script>alert(1)</script>", false},
		{"data:text /html,<script>alert(1)</script>", false},
		{"data:text%2fhtml,<script>alert(1)</script>", false},
		{"data:text/html?x,<script>alert(1)</script>", false},
		{"data:text/html#x,<script>alert(1)</script>", false},
		{"data:text/html", false},
		{"data:image/png;base64,ivborw0kggo=", false},
		{"https://example.org/data:text/html,x", false},
	}
	for _, tt := range tests {
		if got := dataPage(tt.address); got != tt.page {
			t.Errorf("%s: got a page %v, want %v", tt.address, got, tt.page)
		}
	}
}

// TestStylesheetAddresses reads XSLT stylesheets that write an address
// a browser may run as script: one worked out from what the stylesheet
// reads, through xsl:attribute or braces, is refused, as is one written
// out that runs script; one written out that does not, and attributes
// that are not addresses, are not.
func TestStylesheetAddresses(t *testing.T) {
	const open = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><html xmlns="http://www.w3.org/1999/xhtml"><body>`
	const end = `</body></html></xsl:template></xsl:stylesheet>`
	tests := []struct {
		body string
		runs bool
	}{
		{`<iframe><xsl:attribute name="src">javascript:alert(1)</xsl:attribute></iframe>`, true},
		{`<iframe><xsl:attribute name="src"><xsl:text>java</xsl:text>script:alert(1)</xsl:attribute></iframe>`, true},
		{`<a><xsl:attribute name="href"><xsl:value-of select="//link"/></xsl:attribute>x</a>`, true},
		{`<a><xsl:attribute name="xlink:href"><xsl:value-of select="$u"/></xsl:attribute>x</a>`, true},
		{`<iframe><xsl:attribute name="srcdoc">&lt;script&gt;alert(1)&lt;/script&gt;</xsl:attribute></iframe>`, true},
		{`<iframe src="{concat('java','script:alert(1)')}"/>`, true},
		{`<iframe src="java{''}script:alert(1)"/>`, true},
		{`<object data="{//d}"/>`, true},
		{`<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" to="{//t}"/></svg>`, true},
		{`<iframe><xsl:if test="1"><xsl:attribute name="src">data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</xsl:attribute></xsl:if></iframe>`, true},
		{`<a><xsl:attribute name="href">https://example.org/feed/</xsl:attribute>Feed</a>`, false},
		{`<a><xsl:attribute name="href">data:text/html,x</xsl:attribute>x</a>`, false},
		// A data: page on an element made by xsl:element, or from an
		// attribute set, whose element is not known where it is made.
		{`<xsl:element name="iframe"><xsl:attribute name="src">data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</xsl:attribute></xsl:element>`, true},
		{`<xsl:element name="{//e}"><xsl:attribute name="src">data:text/html,x</xsl:attribute></xsl:element>`, true},
		{`<iframe xsl:use-attribute-sets="s"/></body></html></xsl:template><xsl:attribute-set name="s"><xsl:attribute name="src">data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</xsl:attribute></xsl:attribute-set><xsl:template match="x"><html><body>`, true},
		{`<xsl:element name="a"><xsl:attribute name="href">data:text/html,x</xsl:attribute></xsl:element>`, false},
		{`<iframe/><a><xsl:attribute name="href">data:text/html,x</xsl:attribute>x</a>`, false},
		{`<a><xsl:attribute name="href"><xsl:text>/topics/</xsl:text></xsl:attribute>Topics</a>`, false},
		{`<a href="/topics/{{braces}}">x</a>`, false},
		{`<p><xsl:attribute name="class"><xsl:value-of select="//kind"/></xsl:attribute>x</p>`, false},
		{`<p title="{//title}" class="{//kind}">x</p>`, false},
		// A start that makes the address a path, a fragment or a web
		// address of its own, whatever follows.
		{`<a href="/topics/{slug}/">x</a>`, false},
		{`<a href="#{generate-id(.)}">x</a>`, false},
		{`<a href=" https://example.org/{id}">x</a>`, false},
		{`<a><xsl:attribute name="href"><xsl:text>/t/</xsl:text><xsl:value-of select="//slug"/></xsl:attribute>x</a>`, false},
		{`<a><xsl:attribute name="href">?page=<xsl:value-of select="//n"/></xsl:attribute>x</a>`, false},
		{`<a href="h{'ttp'}://x/">x</a>`, true},
		{`<a href="java{'script'}:alert(1)">x</a>`, true},
		{`<a href="{{/x/{//y}">x</a>`, true},
		{`<iframe srcdoc="/{//page}"/>`, true},
		{`<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" values="/a;{//t}"/></svg>`, true},
		{`<a><xsl:attribute name="href"><xsl:text>java</xsl:text><xsl:value-of select="//rest"/></xsl:attribute>x</a>`, true},
	}
	for _, tt := range tests {
		why := scriptIn(".xsl", []byte(open+tt.body+end)).why
		if (why != "") != tt.runs {
			t.Errorf("%s: told %q, want script found %v", tt.body, why, tt.runs)
		}
	}
	escaped := strings.Replace(open, "XSL/Transform", "XSL/Transfor&#109;", 1)
	for _, c := range []struct{ dtd, open string }{
		{`<!DOCTYPE xsl:stylesheet [<!ATTLIST a href CDATA "{//link}">]>`, open},
		{`<!DOCTYPE xsl:stylesheet [<!ATTLIST xsl:attribute name CDATA "href">]>`, open},
		{`<!DOCTYPE xsl:stylesheet [<!ATTLIST xsl:attribute name CDATA "href">]>`, escaped},
		{`<!DOCTYPE xsl:stylesheet [<!ENTITY % p "&#60;!ATTLIST xsl:attribute name CDATA 'href'&#62;">%p;]>`, open},
		{`<!DOCTYPE xsl:stylesheet [<!ENTITY p "javascript:alert(1)//"><!ENTITY p "/">]>`, strings.Replace(open, "<body>", `<body><a href="&p;{//x}">x</a>`, 1)},
	} {
		if why := scriptIn(".xsl", []byte(c.dtd+c.open+`<a><xsl:attribute><xsl:value-of select="//link"/></xsl:attribute>x</a>`+end)).why; why == "" {
			t.Errorf("%s: no script found, though what it declares makes an address", c.dtd)
		}
	}
	if why := scriptIn(".xsl", []byte(`<html xsl:version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="http://www.w3.org/1999/xhtml"><body><a href="{//link}">x</a></body></html>`)).why; why == "" {
		t.Error("a stylesheet written as its page: an address worked out is not found")
	}
}

// TestScriptInKeyedByKind reads the same bytes as a page and as XML, in
// turn: what it found in one is not taken for the other.
func TestScriptInKeyedByKind(t *testing.T) {
	data := []byte("<doc><script>alert(1)</script></doc>")
	for range 2 {
		if why := scriptIn(".html", data).why; why == "" {
			t.Errorf("as a page: no script found in %s", data)
		}
		if why := scriptIn(".xml", data).why; why != "" {
			t.Errorf("as XML, in no namespace a browser shows: %s", why)
		}
	}
}

// TestMixedScripts warns of a topic, regulator or slug mixing Latin and
// Cyrillic letters in a word, which looks like another word, and not of
// a word in one script, Greek beside Latin, or words of two scripts.
func TestMixedScripts(t *testing.T) {
	tests := []struct {
		topic, want string
	}{
		{"pаypal", `topics: "pаypal" mixes Latin and Cyrillic letters in one word (its "а" is Cyrillic)`},
		{"СQС", `topics: "СQС" mixes Latin and Cyrillic letters in one word (its "С" is Cyrillic)`},
		{"paypal", ""},
		{"Министерство здравоохранения", ""},
		{"IL-1β inhibitors", ""},
		{"NHS Москва", ""},
		{"Ελλάδα", ""},
	}
	for _, tt := range tests {
		a := &content.Article{File: "content/a.md", Line: 1, Meta: content.Meta{Topics: []string{tt.topic}}}
		a.Lines.Set("topics", 4)
		got := mixedScripts(a)
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q: got %v, want nothing", tt.topic, got)
		case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0].Msg, tt.want) || got[0].Line != 4 || !got[0].Warning):
			t.Errorf("%q: got %v, want a warning at line 4 starting %q", tt.topic, got, tt.want)
		}
	}
}

// TestSharedIDs wants a heading of an article or an intro page whose id
// the theme gives a part of that kind of page too told at its line,
// naming where the theme gives it, and no other heading: not one whose
// id only another kind of page has.
func TestSharedIDs(t *testing.T) {
	article := &content.Article{File: "content/a.md", Anchors: []content.Anchor{{ID: "page-history", Line: 9}, {ID: "what-next", Line: 12}, {ID: "search-results", Line: 14}}}
	intro := &content.Page{File: "content/topics/t.md", Anchors: []content.Anchor{{ID: "story-heading", Line: 6}}}
	s := &site.Site{Articles: []*site.Article{{Content: article}}, Topics: []*site.Group{{Intro: intro}}}
	// search-results is the search page's alone, never on an article's.
	ids := []render.ThemeID{{File: "templates/article.html", Line: 61, ID: "page-history", Page: "article.html"}, {File: "templates/group.html", Line: 20, ID: "story-heading", Page: "group.html"},
		{File: "templates/layout.html", Line: 55, ID: "main"}, {File: "templates/search.html", Line: 62, ID: "search-results", Page: "search.html"}}
	var got []string
	refused := []*content.Article{{File: "content/b.md", Anchors: []content.Anchor{{ID: "main", Line: 8}}}}
	for _, e := range sharedIDs(s, refused, ids) {
		got = append(got, fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg))
	}
	want := []string{
		`content/a.md:9: body: the heading's id "page-history" is also the id of a part of the page the theme makes (templates/article.html:61)`,
		`content/b.md:8: body: the heading's id "main" is also the id of a part of the page the theme makes (templates/layout.html:55)`,
		`content/topics/t.md:6: body: the heading's id "story-heading" is also the id of a part of the page the theme makes (templates/group.html:20)`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %d", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got %q, want it to start %q", got[i], want[i])
		}
	}
}

// TestControlCharacterWarned warns of a character in a body that no
// page can hold, at its line, saying what the page does with it.
func TestControlCharacterWarned(t *testing.T) {
	a := &content.Article{File: "content/articles/a.md", Unconverted: []content.Unconverted{{Kind: content.ControlCharacter, Text: "U+001B", Line: 12, Count: 3}}}
	got := unconverted(a)
	want := "body: a control character, U+001B (and 2 more), which no page can hold: the page leaves it out (a NUL shows as \ufffd); delete it, or write the character it stood for"
	if len(got) != 1 || got[0].Msg != want || got[0].Line != 12 || !got[0].Warning {
		t.Errorf("got %v, want one warning at line 12: %s", got, want)
	}
	a.Unconverted[0].Field, a.Unconverted[0].Line = "title", 2
	got = unconverted(a)
	want = "title: a control character, U+001B (and 2 more), written as an escape, which no page can hold: it is left out; delete the escape, or write the character it stood for"
	if len(got) != 1 || got[0].Msg != want || got[0].Line != 2 || !got[0].Warning {
		t.Errorf("in the title: got %v, want one warning at line 2: %s", got, want)
	}
}

// TestForeignTagWarned warns of a YAML tag no field reads, at its line,
// from the article as read: its value is published as written, where
// nothing said so.
func TestForeignTagWarned(t *testing.T) {
	data := "---\ntitle: !!binary SGVsbG8=\ndate: 2025-01-15\nsummary: !!str Plain text.\ntopics: [!!python/object:os.system echo]\ndraft: !!binary false\n---\nBody.\n"
	a, err := content.Parse("content", "a.md", []byte(data), &content.Settings{Location: time.UTC, Statuses: content.DefaultStatuses})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range unconverted(a) {
		got = append(got, fmt.Sprintf("%d: %s", e.Line, e.Msg))
	}
	want := []string{
		"2: title: a YAML tag no field reads, !!binary: the value is read as it is written, not as the tag would make it; delete the tag, and write the value itself",
		"5: topics: a YAML tag no field reads, !!python/object:os.system: the value is read as it is written, not as the tag would make it; delete the tag, and write the value itself",
		"6: draft: a YAML tag no field reads, !!binary: the value is read as it is written, not as the tag would make it; delete the tag, and write the value itself",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
