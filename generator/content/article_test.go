package content

import (
	"cmp"
	"fmt"
	"strings"
	"testing"
	"time"
)

// describe writes out every field of an article except its positions, with
// times in RFC 3339 so that their offsets are compared too.
func describe(a *Article) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	when := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format(time.RFC3339)
	}
	date := func(d Date) string {
		if d.MonthOnly {
			return when(d.Time) + " (month)"
		}
		return when(d.Time)
	}
	p("title: %q", a.Title)
	p("summary: %q", a.Summary)
	p("date: %s", when(a.Date))
	p("updated: %s", when(a.Updated))
	p("regulators: %q", a.Regulators)
	p("topics: %q", a.Topics)
	p("authors: %q", a.Authors)
	p("status: %q", a.Status)
	p("applies_to: %q", a.AppliesTo)
	for _, c := range a.Changes {
		p("change: %s %q", when(c.Date), c.Note)
	}
	for _, s := range a.Sources {
		p("source: %q %q %q %s", s.Title, s.URL, s.Publisher, date(s.Date))
	}
	for _, e := range a.Events {
		p("event: %s %q %q", date(e.Date), e.Label, e.Status)
	}
	if w := a.Withdrawn; w != nil {
		p("withdrawn: %s %q", when(w.Date), w.Explanation)
	}
	p("draft: %v", a.Draft)
	p("slug: %q", a.Slug)
	p("aliases: %q", a.Aliases)
	p("id: %q", a.ID)
	p("html: %q", a.HTML)
	for _, l := range a.Links {
		p("link: %q image=%v", l.URL, l.Image)
	}
	return b.String()
}

const yamlArticle = `---
title: "Explainer: CQC's assessment of integrated care systems"
date: 2023-06-14
summary: What CQC's duty to assess Integrated Care Systems is.
regulators: [CQC, DHSC]
topics: [ICS assessments, Health and Care Act 2022]
authors: [Bulletin editorial team]
status: paused
applies_to: [England]
updated: 2025-03-28
changes:
  - date: 2024-04-02
    note: Added the pause.
  - date: 2025-03-28
    note: Updated for DHSC's withdrawal.
sources:
  - title: Health and Care Act 2022
    url: https://www.legislation.gov.uk/ukpga/2022/31/contents
    publisher: UK Parliament
    date: 2022-04-28
  - title: Care Quality Commission website
events:
  - date: 2022-04-28
    label: Royal Assent
    status: in-force
  - date: 2024-05
    label: Rollout paused for the general election
    status: paused
withdrawn:
  date: 2025-06-01T09:30:00Z
  explanation: Superseded by the June article.
draft: true
slug: ics-explainer
aliases: [/2023/06/ics/]
id: tag:bulletin.example.org,2023:ics
---

The Act gave [CQC](https://www.cqc.org.uk/) a duty.

![Timeline](/img/timeline.png)
`

const tomlArticle = `+++
title = "Explainer: CQC's assessment of integrated care systems"
date = 2023-06-14
summary = "What CQC's duty to assess Integrated Care Systems is."
regulators = ["CQC", "DHSC"]
topics = ["ICS assessments", "Health and Care Act 2022"]
authors = ["Bulletin editorial team"]
status = "paused"
applies_to = ["England"]
updated = 2025-03-28
draft = true
slug = "ics-explainer"
aliases = ["/2023/06/ics/"]
id = "tag:bulletin.example.org,2023:ics"

[[changes]]
date = 2024-04-02
note = "Added the pause."

[[changes]]
date = 2025-03-28
note = "Updated for DHSC's withdrawal."

[[sources]]
title = "Health and Care Act 2022"
url = "https://www.legislation.gov.uk/ukpga/2022/31/contents"
publisher = "UK Parliament"
date = 2022-04-28

[[sources]]
title = "Care Quality Commission website"

[[events]]
date = 2022-04-28
label = "Royal Assent"
status = "in-force"

[[events]]
date = "2024-05"
label = "Rollout paused for the general election"
status = "paused"

[withdrawn]
date = 2025-06-01T09:30:00Z
explanation = "Superseded by the June article."
+++

The Act gave [CQC](https://www.cqc.org.uk/) a duty.

![Timeline](/img/timeline.png)
`

// wantArticle is describe's output for yamlArticle and tomlArticle: dates
// without an offset are midnight in London (GMT in winter, BST in summer);
// the RFC 3339 withdrawal keeps its Z.
const wantArticle = `title: "Explainer: CQC's assessment of integrated care systems"
summary: "What CQC's duty to assess Integrated Care Systems is."
date: 2023-06-14T00:00:00+01:00
updated: 2025-03-28T00:00:00Z
regulators: ["CQC" "DHSC"]
topics: ["ICS assessments" "Health and Care Act 2022"]
authors: ["Bulletin editorial team"]
status: "paused"
applies_to: ["England"]
change: 2024-04-02T00:00:00+01:00 "Added the pause."
change: 2025-03-28T00:00:00Z "Updated for DHSC's withdrawal."
source: "Health and Care Act 2022" "https://www.legislation.gov.uk/ukpga/2022/31/contents" "UK Parliament" 2022-04-28T00:00:00+01:00
source: "Care Quality Commission website" "" "" -
event: 2022-04-28T00:00:00+01:00 "Royal Assent" "in-force"
event: 2024-05-01T00:00:00+01:00 (month) "Rollout paused for the general election" "paused"
withdrawn: 2025-06-01T09:30:00Z "Superseded by the June article."
draft: true
slug: "ics-explainer"
aliases: ["/2023/06/ics/"]
id: "tag:bulletin.example.org,2023:ics"
html: "<p>The Act gave <a href=\"https://www.cqc.org.uk/\">CQC</a> a duty.</p>\n<p><img src=\"/img/timeline.png\" alt=\"Timeline\"></p>\n"
link: "https://www.cqc.org.uk/" image=false
link: "/img/timeline.png" image=true
`

func TestLoadArticleFields(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{name: "YAML", text: yamlArticle},
		{name: "TOML", text: tomlArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := mustLoad(t, files(map[string]string{"2023-06-14-explainer.md": tt.text}))
			if got := describe(set.Articles[0]); got != wantArticle {
				t.Errorf("%s front matter:\ngot\n%s\nwant\n%s", tt.name, got, wantArticle)
			}
		})
	}
}

func TestLoadArticleDefaults(t *testing.T) {
	a := mustLoad(t, files(map[string]string{"2025-03-27-paused.md": fm()})).Articles[0]
	want := `title: "ICS assessments paused"
summary: "DHSC withdrew its request."
date: 2025-03-27T00:00:00Z
updated: -
regulators: []
topics: []
authors: []
status: ""
applies_to: []
draft: false
slug: "paused"
aliases: []
id: ""
html: "<p>The body.</p>\n"
`
	if got := describe(a); got != want {
		t.Errorf("article with title, date and summary only:\ngot\n%s\nwant\n%s", got, want)
	}
}

func TestLoadListFields(t *testing.T) {
	tests := []struct {
		name  string
		field string
		want  string
	}{
		{name: "flow list", field: "topics: [ICS assessments, CQC]", want: `["ICS assessments" "CQC"]`},
		{name: "block list", field: "topics:\n  - ICS assessments\n  - CQC", want: `["ICS assessments" "CQC"]`},
		{name: "text is a list of one", field: "topics: ICS assessments", want: `["ICS assessments"]`},
		{name: "items are trimmed", field: "topics: ['  ICS assessments  ']", want: `["ICS assessments"]`},
		{name: "empty list", field: "topics: []", want: `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustLoad(t, files(map[string]string{"a.md": fm(tt.field)})).Articles[0]
			if got := fmt.Sprintf("%q", a.Topics); got != tt.want {
				t.Errorf("%s: got Topics %s, want %s", tt.field, got, tt.want)
			}
		})
	}
}

func TestLoadTOMLTables(t *testing.T) {
	head := lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "updated = 2025-04-01")
	tests := []struct {
		name string
		toml string
		want string
	}{
		{
			name: "array of tables gives each change once",
			toml: lines("[[changes]]", "date = 2025-03-28", `note = "A"`, "[[changes]]", "date = 2025-04-01", `note = "B"`),
			want: "2 changes, withdrawn: <nil>",
		},
		{
			name: "inline array of tables",
			toml: lines(`changes = [{date = 2025-03-28, note = "A"}, {date = 2025-04-01, note = "B"}]`),
			want: "2 changes, withdrawn: <nil>",
		},
		{
			name: "table",
			toml: lines("[withdrawn]", "date = 2025-04-01", `explanation = "Superseded."`),
			want: "0 changes, withdrawn: &{2025-04-01 00:00:00 +0100 BST Superseded.}",
		},
		{
			name: "inline table",
			toml: lines(`withdrawn = {date = 2025-04-01, explanation = "Superseded."}`),
			want: "0 changes, withdrawn: &{2025-04-01 00:00:00 +0100 BST Superseded.}",
		},
		{
			name: "dotted keys",
			toml: lines("withdrawn.date = 2025-04-01", `withdrawn.explanation = "Superseded."`),
			want: "0 changes, withdrawn: &{2025-04-01 00:00:00 +0100 BST Superseded.}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := head + tt.toml + "+++\n"
			a := mustLoad(t, files(map[string]string{"a.md": text})).Articles[0]
			if got := fmt.Sprintf("%d changes, withdrawn: %v", len(a.Changes), a.Withdrawn); got != tt.want {
				t.Errorf("front matter:\n%s\ngot %s, want %s", text, got, tt.want)
			}
		})
	}
}

func TestLoadPositions(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		wantLine     int
		wantBodyLine int
		wantFields   string
		wantEvents   string
		wantLinks    string
	}{
		{
			name: "YAML after blank lines",
			text: lines(
				"",                                     // 1
				"---",                                  // 2
				"title: T",                             // 3
				"date: 2025-03-27",                     // 4
				"summary: S",                           // 5
				"events:",                              // 6
				"  - date: 2024-05",                    // 7
				"    label: Paused",                    // 8
				"  - date: 2024-10",                    // 9
				"    label: Extended",                  // 10
				"---",                                  // 11
				"",                                     // 12
				"Intro [CQC](https://www.cqc.org.uk/)", // 13
				"and ![chart](/img/chart.png)",         // 14
				"",                                     // 15
				"<https://www.gov.uk/>",                // 16
				"",                                     // 17
				"- a list with [a link](/about/)",      // 18
			),
			wantLine:     2,
			wantBodyLine: 12,
			wantFields:   "date:4 events:7 summary:5 title:3",
			wantEvents:   "7 9",
			wantLinks:    "https://www.cqc.org.uk/:13 /img/chart.png:14 https://www.gov.uk/:16 /about/:18",
		},
		{
			name: "TOML places each table of an array on its header",
			text: lines(
				"+++",                // 1
				`title = "T"`,        // 2
				"date = 2025-03-27",  // 3
				`summary = "S"`,      // 4
				"",                   // 5
				"[[events]]",         // 6
				`date = "2024-05"`,   // 7
				`label = "Paused"`,   // 8
				"",                   // 9
				"[[events]]",         // 10
				`date = "2024-10"`,   // 11
				`label = "Extended"`, // 12
				"+++",                // 13
				"[x](/x/)",           // 14
			),
			wantLine:     1,
			wantBodyLine: 14,
			wantFields:   "date:3 events:6 summary:4 title:2",
			wantEvents:   "6 10",
			wantLinks:    "/x/:14",
		},
		{
			name:         "body right after the closing line",
			text:         lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "[x](/x/)"),
			wantLine:     1,
			wantBodyLine: 6,
			wantFields:   "date:3 summary:4 title:2",
			wantLinks:    "/x/:6",
		},
		{
			name: "an email address is a mailto: link, as the page has it",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---",
				"Write to someone@example.com today,", // 6
				"or to <ann@example.org>.",            // 7
			),
			wantLine:     1,
			wantBodyLine: 6,
			wantFields:   "date:3 summary:4 title:2",
			wantLinks:    "mailto:someone@example.com:6 mailto:ann@example.org:7",
		},
		{
			name:         "block list field is placed on its first item",
			text:         lines("---", "title: T", "date: 2025-03-27", "summary: S", "aliases:", "  - /old/", "---"),
			wantLine:     1,
			wantBodyLine: 8,
			wantFields:   "aliases:6 date:3 summary:4 title:2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustLoad(t, files(map[string]string{"a.md": tt.text})).Articles[0]
			if a.Line != tt.wantLine || a.BodyLine != tt.wantBodyLine {
				t.Errorf("got Line %d, BodyLine %d, want %d, %d", a.Line, a.BodyLine, tt.wantLine, tt.wantBodyLine)
			}
			if got := a.Lines.String(); got != tt.wantFields {
				t.Errorf("got Lines %s, want %s", got, tt.wantFields)
			}
			var events, links []string
			for _, e := range a.Events {
				events = append(events, fmt.Sprint(e.Line))
			}
			for _, l := range a.Links {
				links = append(links, fmt.Sprintf("%s:%d", l.URL, l.Line))
			}
			if got := strings.Join(events, " "); got != tt.wantEvents {
				t.Errorf("got event lines %q, want %q", got, tt.wantEvents)
			}
			if got := strings.Join(links, " "); got != tt.wantLinks {
				t.Errorf("got links %q, want %q", got, tt.wantLinks)
			}
		})
	}
}

// Files saved on Windows or old Macs, or with a byte-order mark, read the
// same as any other, with the same line numbers.
func TestLoadLineEndings(t *testing.T) {
	lf := lines("---", "title: T", "date: 2025-03-27", "summary: |", "  Two", "  lines.", "---", "", "Body", "[x](/x/)")
	bad := lines("---", "title: T", "date: 2025-03-27", "summary: S", "status: on hold", "---", "", "[x](javascript:x)")
	variants := []struct {
		name string
		fix  func(string) string
	}{
		{name: "LF", fix: func(s string) string { return s }},
		{name: "CRLF", fix: func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{name: "BOM", fix: func(s string) string { return "\ufeff" + s }},
		{name: "BOM and CRLF", fix: func(s string) string { return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n") }},
		{name: "CR", fix: func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }},
	}
	want := describe(mustLoad(t, files(map[string]string{"a.md": lf})).Articles[0])
	wantErrs := []string{
		`content/a.md:5: status: "on hold" is not one of: ` + allStatuses,
		`content/a.md:8: body: link "javascript:x" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			a := mustLoad(t, files(map[string]string{"a.md": v.fix(lf)})).Articles[0]
			if got := describe(a); got != want {
				t.Errorf("got\n%s\nwant the same as with LF:\n%s", got, want)
			}
			if a.Line != 1 || a.BodyLine != 8 || a.Links[0].Line != 10 {
				t.Errorf("got Line %d, BodyLine %d, link line %d, want 1, 8, 10", a.Line, a.BodyLine, a.Links[0].Line)
			}
			got := loadErrors(t, files(map[string]string{"a.md": v.fix(bad)}))
			checkErrors(t, v.fix(bad), got, wantErrs)
		})
	}
	t.Run("site.yaml with BOM and CRLF", func(t *testing.T) {
		yaml := "\ufefftitle: Bulletin\r\npage_size: 5\r\n"
		set := mustLoad(t, files(map[string]string{"site.yaml": yaml}))
		if set.Settings.Title != "Bulletin" || set.Settings.PageSize != 5 {
			t.Errorf("got title %q, page size %d, want Bulletin, 5", set.Settings.Title, set.Settings.PageSize)
		}
	})
}

func TestLoadSlugFromFileName(t *testing.T) {
	tests := []struct {
		name string
		path string
		text string
		want string
	}{
		{name: "date prefix dropped", path: "articles/2025/2025-03-27-ics-assessments-paused.md", want: "ics-assessments-paused"},
		{name: "spaces, capitals and punctuation", path: "2025-03-27-ICS Assessments: Paused!.md", want: "ics-assessments-paused"},
		{name: "accents", path: "Café review.md", want: "cafe-review"},
		{name: "date not at the start is kept", path: "ics-2025-03-27-review.md", want: "ics-2025-03-27-review"},
		{name: "date alone is kept", path: "2025-03-27.md", want: "2025-03-27"},
		{name: "month prefix is kept", path: "2025-03-paused.md", want: "2025-03-paused"},
		{name: "slug field wins", path: "2025-03-27-paused.md", text: fm("slug: ics-paused"), want: "ics-paused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if text == "" {
				text = fm()
			}
			a := mustLoad(t, files(map[string]string{tt.path: text})).Articles[0]
			if a.Slug != tt.want {
				t.Errorf("file %q: got slug %q, want %q", tt.path, a.Slug, tt.want)
			}
		})
	}
}

func TestLoadRawHTML(t *testing.T) {
	body := lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", `<div class="note">Note</div>`, "", "Text <script>alert(1)</script> here.")
	page := lines("---", "title: CQC", "---", "", "<b>Bold</b>")
	// A comment is a note for editors: left out, as every Markdown
	// renderer leaves it out, but what follows it on its line shows.
	comments := lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "<!--", "English original:", "Some text", "-->", "", "Text <!-- inline note --> here.", "", "<!-- a note --> <b>after</b>")
	commentPage := lines("---", "title: CQC", "---", "", "<!-- draft intro -->", "", "Intro")
	tests := []struct {
		name       string
		yaml       string
		body, page string // the article's file and the intro page's, if not the ones above
		wantBody   string
		wantPage   string
	}{
		{
			name:     "escaped by default",
			wantBody: "<pre class=\"raw-html\"><code>&lt;div class=&#34;note&#34;&gt;Note&lt;/div&gt;\n</code></pre>\n<p>Text &lt;script&gt;alert(1)&lt;/script&gt; here.</p>\n",
			wantPage: "<p>&lt;b&gt;Bold&lt;/b&gt;</p>\n",
		},
		{
			name:     "escaped when raw_html is false",
			yaml:     "raw_html: false\n",
			wantBody: "<pre class=\"raw-html\"><code>&lt;div class=&#34;note&#34;&gt;Note&lt;/div&gt;\n</code></pre>\n<p>Text &lt;script&gt;alert(1)&lt;/script&gt; here.</p>\n",
			wantPage: "<p>&lt;b&gt;Bold&lt;/b&gt;</p>\n",
		},
		{
			name:     "passed through when raw_html is true",
			yaml:     "raw_html: true\n",
			wantBody: "<div class=\"note\">Note</div>\n<p>Text <script>alert(1)</script> here.</p>\n",
			wantPage: "<p><b>Bold</b></p>\n",
		},
		{
			name:     "comments left out",
			body:     comments,
			page:     commentPage,
			wantBody: "<p>Text  here.</p>\n<pre class=\"raw-html\"><code>&lt;b&gt;after&lt;/b&gt;\n</code></pre>\n",
			wantPage: "<p>Intro</p>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := map[string]string{"a.md": cmp.Or(tt.body, body), "regulators/cqc.md": cmp.Or(tt.page, page)}
			if tt.yaml != "" {
				fs["site.yaml"] = tt.yaml
			}
			set := mustLoad(t, files(fs))
			if got := set.Articles[0].HTML; got != tt.wantBody {
				t.Errorf("article HTML: got %q, want %q", got, tt.wantBody)
			}
			if got := set.Regulators[0].HTML; got != tt.wantPage {
				t.Errorf("intro page HTML: got %q, want %q", got, tt.wantPage)
			}
		})
	}
}

func TestLoadMarkdown(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{name: "heading gets an id", body: "## What happens next", want: "<h2 id=\"what-happens-next\">What happens next</h2>\n"},
		{name: "heading given an id and a class", body: "## What happens next {#next .note}", want: "<h2 id=\"next\" class=\"note\">What happens next</h2>\n"},
		{name: "table in a region the keyboard can scroll", body: "| a | b |\n|---|---|\n| 1 | 2 |", want: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table 1\">\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</div>\n"},
		{name: "task list, each box named", body: "- [x] Read\n- [ ] Reply", want: "<ul>\n<li><span class=\"task done\" role=\"img\" aria-label=\"Done\">☑</span> Read</li>\n<li><span class=\"task\" role=\"img\" aria-label=\"To do\">☐</span> Reply</li>\n</ul>\n"},
		{name: "footnote's link back named", body: "Said[^1].\n\n[^1]: Reported.", want: "<p>Said<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Reported.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\"><span role=\"img\" aria-label=\"Back to reference 1\">&#x21a9;&#xfe0e;</span></a></p>\n</li>\n</ol>\n</div>\n"},
		{name: "typographic quotes", body: `"Paused" -- again`, want: "<p>&ldquo;Paused&rdquo; &ndash; again</p>\n"},
		{name: "strikethrough", body: "~~April~~ May", want: "<p><del>April</del> May</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustLoad(t, files(map[string]string{"a.md": fm() + "\n" + tt.body + "\n"})).Articles[0]
			want := "<p>The body.</p>\n" + tt.want
			if a.HTML != want {
				t.Errorf("body %q: got HTML %q, want %q", tt.body, a.HTML, want)
			}
		})
	}
}

func TestSourceLink(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.gov.uk/ofsted", "https://www.gov.uk/ofsted"},
		{"http://example.org/a?b=c#d", "http://example.org/a?b=c#d"},
		{"www.gov.uk/ofsted", ""},
		{"/files/report.pdf", "/files/report.pdf"},
		{"/2025/02/earlier-pause/", "/2025/02/earlier-pause/"},
		{"//www.gov.uk/ofsted", ""},
		{"report.pdf", ""},
		{"../earlier/", ""},
		{"https:///no-host", ""},
		{"mailto:press@cqc.org.uk", ""},
		{"", ""},
		{"https://exa mple.org/%zz", ""},
	}
	for _, tt := range tests {
		if got := (Source{URL: tt.url}).Link(); got != tt.want {
			t.Errorf("Source{URL: %q}.Link() = %q, want %q", tt.url, got, tt.want)
		}
	}
}
