package importer

import (
	"strings"
	"testing"
)

// TestKramdownBlocks keeps an HTML element with blank lines in it one
// block, as kramdown reads it, so that its indented lines are not taken
// for code, and leaves alone what kramdown would not join.
func TestKramdownBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the Markdown htmlInMarkdown makes of it; "" for in left as it is
	}{
		{
			name: "an element with blank and indented lines",
			in:   "Intro.\n\n<p>Not a side to take\n    <br>\n    \n    <p>From below:</p>\n    \n    <ul>\n        <li>one</li>\n    </ul>\n</p>\n\nAfter.\n",
			want: "Intro.\n\nNot a side to take\n\nFrom below:\n\n- one\n\nAfter.\n",
		},
		{
			name: "one that does not close stays as CommonMark reads it",
			in:   "<div>\nOpen\n\n    code\n",
		},
		{
			name: "a <pre> keeps its blank lines",
			in:   "<div><pre>a\n\nb</pre>\n\n</div>\n",
		},
		{
			name: "Markdown inside, as markdown=\"1\" asks, is left to CommonMark",
			in:   "<div markdown=\"1\">\n\n## Heading\n\n    code\n\n</div>\n",
		},
		{
			name: "fenced code is left alone",
			in:   "```html\n<div>\n\n    x\n</div>\n```\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			joined := kramdownBlocks(tt.in)
			if n, m := strings.Count(joined, "\n"), strings.Count(tt.in, "\n"); n != m {
				t.Errorf("%d lines, want %d as given", n, m)
			}
			if tt.want == "" {
				if joined != tt.in {
					t.Errorf("got %q, want it left as it is", joined)
				}
				return
			}
			if got, _ := htmlInMarkdown(joined); got != tt.want {
				t.Errorf("got %q (joined %q), want %q", got, joined, tt.want)
			}
		})
	}
}

// TestKramdownEmphasis moves punctuation out of a **bold** run that
// kramdown showed bold and CommonMark would not, and wants the Markdown
// to show it bold; what CommonMark reads as kramdown did is left alone.
func TestKramdownEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**因为这群人是Geek呀！**这群人\n", "<p><strong>因为这群人是Geek呀</strong>！这群人</p>"},
		{"前**「重点」**后，**好**。\n", "<p>前「<strong>重点</strong>」后，<strong>好</strong>。</p>"},
		{"Plain **bold.** And `**code！**这` too.\n", "<p>Plain <strong>bold.</strong> And <code>**code！**这</code> too.</p>"},
		{"Bold **here**, fine.\n", "<p>Bold <strong>here</strong>, fine.</p>"},
		{"__注意！__这里，__init__ 不变。\n", "<p><strong>注意</strong>！这里，<strong>init</strong> 不变。</p>"},
	}
	for _, tt := range tests {
		md := kramdownEmphasis(tt.in)
		if strings.Count(md, "\n") != strings.Count(tt.in, "\n") {
			t.Errorf("%q: lines changed: %q", tt.in, md)
		}
		if got := shown(t, md); got != tt.want {
			t.Errorf("%q became %q, shown as %s; want %s", tt.in, md, got, tt.want)
		}
	}
}

// TestAnchors drops the ids written after headings, making the post's
// links to them links to the ids bulletin gives the headings, and a
// kramdown site's attribute lists, leaving code alone.
func TestAnchors(t *testing.T) {
	tests := []struct {
		name, in string
		kramdown bool
		want     string
		warnings int
	}{
		{
			name: "a heading's id kept, without its classes",
			in:   "See [the part](#departing) and [other](#other).\n\n### To someone departing {#departing}\n\n## Twice {#a .note}\n\n## Twice {#b}\n\n[b](#b)\n",
			want: "See [the part](#departing) and [other](#other).\n\n### To someone departing {#departing}\n\n## Twice {#a}\n\n## Twice {#b}\n\n[b](#b)\n",
		},
		{
			name: "attributes bulletin refuses left out, in any order, in a quote too",
			in:   "## B {.x #b onmouseover=\"x\"}\n\n> ## Q {#q onclick=\"a()\"}\n\n## C {id=\"c\" class=\"wide\"}\n\n## D {.wide}\n\n## Sets {a, b}\n\n## Release {#v1.2}\n",
			want: "## B {#b}\n\n> ## Q {#q}\n\n## C {#c}\n\n## D\n\n## Sets {a, b}\n\n## Release {#v1.2}\n",
		},
		{
			name: "a heading in another script",
			in:   "[Intro](#intro)\n\n## はじめに {#intro}\n",
			want: "[Intro](#intro)\n\n## はじめに {#intro}\n",
		},
		{
			name:     "an id given twice, and one bulletin refuses, left out and links to them followed",
			in:       "[a](#same) [b](#x:y)\n\n## One {#same}\n\n## Two {#same}\n\n## Three {#x:y}\n",
			want:     "[a](#same) [b](#three)\n\n## One {#same}\n\n## Two\n\n## Three\n",
			warnings: 1,
		},
		{
			name:     "attribute lists and a table of contents in kramdown",
			in:       "- TOC\n{:toc}\n\n{:.box}\n*Tip.*\n\nA [link](x){:target=\"_blank\"}.\n\n```\n{:.kept}\n## Code {#kept}\n```\n",
			kramdown: true,
			want:     "\n\n\n*Tip.*\n\nA [link](x).\n\n```\n{:.kept}\n## Code {#kept}\n```\n",
			warnings: 1,
		},
		{
			name:     "an attribute list between two paragraphs, which it ends",
			in:       "Para A\n{: .note}\nPara B\n\n{:.lead} Lead text\n",
			kramdown: true,
			want:     "Para A\n\nPara B\n\n{:.lead} Lead text\n",
			warnings: 1,
		},
		{
			name:     "a kramdown comment, whose text kramdown never showed",
			in:       "Before.\n\n{::comment}\nEditor's note: embargoed.\n{:/comment}\n\nAfter {::nomarkdown}<b>x</b>{:/}.\n",
			kramdown: true,
			want:     "Before.\n\n\n\nAfter {::nomarkdown}<b>x</b>{:/}.\n",
			warnings: 1,
		},
		{
			name:     "lists the old site showed as text kept so: goldmark read the last alone",
			in:       "## Cols {class=2col}\n\n## Q {class='x'}\n\n## Set {x=1}\n",
			want:     "## Cols \\{class=2col}\n\n## Q \\{class='x'}\n\n## Set\n",
			warnings: 1,
		},
		{
			name:     "lists the old site showed as text kept so: kramdown reads an id alone",
			in:       "## Set {x=1}\n\n## Note {.note}\n\n## Id {#id}\n\n## Dotted {#v1.2}\n",
			kramdown: true,
			want:     "## Set \\{x=1}\n\n## Note \\{.note}\n\n## Id {#id}\n\n## Dotted \\{#v1.2}\n",
			warnings: 1,
		},
		{
			name: "attribute lists outside kramdown",
			in:   "{:.box}\nText.\n",
			want: "{:.box}\nText.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{}
			if got := anchors(tt.in, tt.kramdown, &post{file: "f.md"}, r); got != tt.want {
				t.Errorf("anchors(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
			if len(r.Warnings) != tt.warnings {
				t.Errorf("warnings %v, want %d", r.Warnings, tt.warnings)
			}
		})
	}
}
