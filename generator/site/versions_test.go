package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"bulletin/generator/content"
	"bulletin/generator/diff"
	"bulletin/generator/history"
)

// file is an article file as a version of it stood.
func file(front, body string) []byte {
	return []byte("---\ntitle: Paused\ndate: 2025-03-27\nsummary: CQC has paused.\n" + front + "---\n\n" + body)
}

func TestVersions(t *testing.T) {
	v1 := file("", "One.\n")
	v2 := file("updated: 2025-03-28\nchanges:\n  - {date: 2025-03-28, note: First.}\n", "Two.\n")
	v3 := file("updated: 2025-03-28\nchanges:\n  - {date: 2025-03-28, note: First.}\n  - {date: 2025-03-28, note: Second.}\n", "Three.\n")
	first := history.Version{Date: "2025-03-27", Note: history.FirstPublished, Data: v1}
	tests := []struct {
		name     string
		versions []history.Version
		changes  []content.Change
		wantURLs []string
		wantLink []string // the URL of each change, in order
	}{
		{"no history", nil, []content.Change{{Date: day(2025, 3, 28), Note: "First."}}, nil, []string{""}},
		{"first version only", []history.Version{first}, nil, nil, []string{}},
		{"one update", []history.Version{first, {Date: "2025-03-28", Note: "First.", Data: v2}},
			[]content.Change{{Date: day(2025, 3, 28), Note: "First."}},
			[]string{"/2025/03/paused/changes/2025-03-28/"}, []string{"/2025/03/paused/changes/2025-03-28/"}},
		{"two updates on one day", []history.Version{first, {Date: "2025-03-28", Note: "First.", Data: v2}, {Date: "2025-03-28", Note: "Second.", Data: v3}},
			[]content.Change{{Date: day(2025, 3, 28), Note: "Second."}, {Date: day(2025, 3, 28), Note: "First."}},
			[]string{"/2025/03/paused/changes/2025-03-28/", "/2025/03/paused/changes/2025-03-28-2/"},
			[]string{"/2025/03/paused/changes/2025-03-28-2/", "/2025/03/paused/changes/2025-03-28/"}},
		{"a note reworded since", []history.Version{first, {Date: "2025-03-28", Note: "Frist.", Data: v2}},
			[]content.Change{{Date: day(2025, 3, 28), Note: "First."}},
			[]string{"/2025/03/paused/changes/2025-03-28/"}, []string{"/2025/03/paused/changes/2025-03-28/"}},
		{"a date that does not read", []history.Version{first, {Date: "28/03/2025", Note: "First.", Data: v2}},
			[]content.Change{{Date: day(2025, 3, 28), Note: "First."}},
			[]string{"/2025/03/paused/changes/version-2/"}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Site{Settings: testSettings()}
			c := &content.Article{Path: "a.md", Meta: content.Meta{Title: "Paused", Changes: tt.changes}}
			a := &Article{Content: c, Teaser: Teaser{Meta: &c.Meta, URL: "/2025/03/paused/"}}
			vs := s.versions(a, tt.versions)
			var urls []string
			for _, v := range vs {
				urls = append(urls, v.URL)
				if v.Article != &a.Teaser || v.Path != "a.md" {
					t.Errorf("%s: got article %p and path %q, want %p and a.md", v.URL, v.Article, v.Path, &a.Teaser)
				}
			}
			if !slices.Equal(urls, tt.wantURLs) {
				t.Errorf("URLs: got %q, want %q", urls, tt.wantURLs)
			}
			links := []string{}
			for _, h := range a.History {
				links = append(links, h.URL)
			}
			if len(tt.changes) > 0 && !slices.Equal(links, tt.wantLink) {
				t.Errorf("page history links: got %q, want %q", links, tt.wantLink)
			}
			for i, v := range vs {
				if i > 0 && (v.Previous.URL != vs[i-1].URL || vs[i-1].Next.URL != v.URL) {
					t.Errorf("%s: previous %q, and the one before's next %q: want each other", v.URL, v.Previous.URL, vs[i-1].Next.URL)
				}
			}
		})
	}
}

func TestCompare(t *testing.T) {
	s := testSettings()
	before := file("status: paused\nsources:\n  - {title: CQC, url: https://cqc.org.uk/}\n", "The pause lasts until June, CQC said.\n\nProviders wait.\n")
	after := file("status: in-progress\nsources:\n  - {title: CQC, url: https://cqc.org.uk/}\n  - {title: DHSC}\n", "Providers wait.\n\nThe pause lasts until *September*, CQC said.\n")
	c := (&Version{Path: "a.md", Before: before, After: after}).Compare(&s)
	var names []string
	for _, f := range c.Fields {
		names = append(names, f.Name)
	}
	if want := []string{"Status", "Sources"}; !slices.Equal(names, want) {
		t.Errorf("fields changed: got %q, want %q", names, want)
	}
	if got, want := diff.After(c.Fields[0].Paras), "In progress"; got != want {
		t.Errorf("status: got %q, want the label %q", got, want)
	}
	if got, want := diff.After(c.Body), "Providers wait.\n\nThe pause lasts until September, CQC said."; !c.BodyChanged || got != want {
		t.Errorf("body: got %q (changed %v), want %q, changed", got, c.BodyChanged, want)
	}
	if html := string(diff.HTML(c.Body)); !strings.Contains(html, `<p class="moved">`) {
		t.Errorf("body: want the moved paragraph marked, got %s", html)
	}

	// A version whose front matter does not read is compared as its text.
	c = (&Version{Path: "a.md", Before: []byte("no front matter"), After: after}).Compare(&s)
	if !c.BodyChanged || len(c.Fields) == 0 {
		t.Errorf("from a file without front matter: got %d fields changed, body changed %v; want changes", len(c.Fields), c.BodyChanged)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ name, html, want, shapes string }{
		{"paragraphs", "<p>One\ntwo.</p>\n<p>Three &amp; four.</p>\n", "One two.\n\nThree & four.", "p p"},
		{"heading and list", "<h2 id=\"x\">Head</h2>\n<ul>\n<li>A</li>\n<li>B</li>\n</ul>\n", "Head\n\nA\n\nB", "h3 li li"},
		{"paragraphs in a list item", "<ol>\n<li>\n<p>A</p>\n<p>B</p>\n</li>\n</ol>\n<p>C</p>", "A\n\nB\n\nC", "li li p"},
		{"a deep heading", "<h6>Deep</h6>", "Deep", "h7"},
		{"line break", "<p>One<br>\ntwo</p>", "One\ntwo", "p"},
		{"inline markup", "<p>A <strong>bold</strong> <a href=\"/x/\">link</a>.</p>", "A bold link.", "p"},
		{"preformatted", "<pre><code>a\nb\n</code></pre>", "a\nb", "p"},
		{"image", "<p><img src=\"c.png\" alt=\"A chart &amp; key\"></p>", "[image: A chart & key]", "p"},
		{"table", "<table><tr><th>A</th><th>B</th></tr></table>", "A B", "p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := diff.CompareBlocks(nil, plainText(tt.html))
			if got := diff.After(paras); got != tt.want {
				t.Errorf("plainText(%q), cleaned: got %q, want %q", tt.html, got, tt.want)
			}
			var shapes []string
			for _, p := range paras {
				switch {
				case p.Shape.Level > 0:
					shapes = append(shapes, fmt.Sprintf("h%d", p.Shape.Level))
				case p.Shape.Item:
					shapes = append(shapes, "li")
				default:
					shapes = append(shapes, "p")
				}
			}
			if got := strings.Join(shapes, " "); got != tt.shapes {
				t.Errorf("plainText(%q): shapes %q, want %q", tt.html, got, tt.shapes)
			}
		})
	}
}
