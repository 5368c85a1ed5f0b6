package importer

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestKramdownBlocks keeps an HTML element with blank lines in it one
// block, as kramdown reads it, so that its indented lines are not taken
// for code, and leaves alone what kramdown would not join.
func TestKramdownBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     string   // the Markdown htmlInMarkdown makes of it; "" for in left as it is
		added    int      // the lines put in
		told     []string // what the report says of it
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
			name: "Markdown inside, as markdown=\"1\" asks, loses the tags around it",
			in:   "<div markdown=\"1\">\n\n## Heading\n\n    code\n\n</div>\n",
			want: "\n\n## Heading\n\n    code\n\n\n",
			told: []string{`<div markdown="1">, whose content kramdown read as Markdown, became that Markdown, its tags left out`},
		},
		{
			name: "Markdown right inside the tags, a class left out",
			in:   "<div markdown=\"1\" class=\"callout\">\n**Important:** the *deadline* is [1 June](https://example.com/deadline).\n</div>\n\nAfter.\n",
			want: "\n**Important:** the *deadline* is [1 June](https://example.com/deadline).\n\n\nAfter.\n",
			told: []string{`<div markdown="1" class="callout">, whose content kramdown read as Markdown, became that Markdown, its tags left out, and with them its attributes (class="callout"): if the look they gave it matters, start each of its lines with > to make it a quote`},
		},
		{
			name: "Markdown in a quote stays quoted, an element in it read as at the top",
			in:   "<blockquote markdown=\"block\">\nA *quote*.\n\n<div>\n\n    <b>x</b>\n</div>\n</blockquote>\n",
			want: "\n> A *quote*.\n>\n> **x**\n\n",
			told: []string{`<blockquote markdown="block">, whose content kramdown read as Markdown, became a quote of that Markdown, its tags left out`},
		},
		{
			name:  "Markdown on the tags' own line",
			in:    "<p markdown='span'>Some *text*.</p>\n",
			want:  "\n\nSome *text*.\n\n\n",
			added: 4,
			told:  []string{`<p markdown='span'>, whose content kramdown read as Markdown, was set apart from its tags by blank lines, so that it is read as Markdown`},
		},
		{
			name: "markdown=\"0\" and one on an element inside are not the block's",
			in:   "<div markdown=\"0\">\n**a**\n</div>\n\n<div><span markdown=\"1\">b</span>\n\n</div>\n",
			want: "\\*\\*a\\**\n\nb\n",
		},
		{
			name: "a list's Markdown is left to the HTML converter",
			in:   "<ul markdown=\"1\">\n<li>*a*</li>\n</ul>\n",
		},
		{
			name: "fenced code is left alone",
			in:   "```html\n<div>\n\n    x\n</div>\n```\n",
		},
		{
			name: "a start tag over lines is left as it is, and told",
			in:   "<section id=\"s1\"\n  class=\"wide\" markdown=\"1\">\n## Heading\n</section>\n",
			told: []string{`<section>, whose content kramdown read as Markdown (markdown="1"), has its start tag over several lines, so it was left as it is, and its Markdown shows as written: put the start tag on one line, and take out its markdown attribute`},
		},
		{
			name: "an end tag in fenced code inside is the code's",
			in:   "<div markdown=\"1\">\nText.\n\n```html\n</div>\n```\n\nMore.\n</div>\n",
			want: "\nText.\n\n```html\n</div>\n```\n\nMore.\n\n",
			told: []string{`<div markdown="1">, whose content kramdown read as Markdown, became that Markdown, its tags left out`},
		},
		{
			name: "an end tag inside the start tag's attribute is not its end",
			in:   "<p title=\"</p>\" markdown=\"1\">Text *a*\nmore</p>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			joined, told := kramdownBlocks(tt.in)
			if n, m := strings.Count(joined, "\n"), strings.Count(tt.in, "\n")+tt.added; n != m {
				t.Errorf("%d lines, want %d", n, m)
			}
			var msgs []string
			for _, l := range told {
				msgs = append(msgs, l.msg)
				if l.at != 0 {
					t.Errorf("%q told at %d, want at its start tag, 0", l.msg, l.at)
				}
			}
			if !slices.Equal(msgs, tt.told) {
				t.Errorf("told %q, want %q", msgs, tt.told)
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
			name:     "attribute lists after an image and a link by reference",
			in:       "![Compiler Flowchart][flow]{:class=\"center\"}\n\nSee [the RFC][]{:target=\"_blank\"} and [MIR] [m]{: .x}.\n\n[flow]: /images/flow.svg\n[the RFC]: https://example.org/rfc\n[m]: /mir/\n",
			kramdown: true,
			want:     "![Compiler Flowchart][flow]\n\nSee [the RFC][] and [MIR] [m].\n\n[flow]: /images/flow.svg\n[the RFC]: https://example.org/rfc\n[m]: /mir/\n",
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

// TestKramdownSyntax turns kramdown's definition lists into terms in
// bold, each over its definitions, and leaves its abbreviations'
// definitions out, line for line, leaving alone what kramdown read as
// something else.
func TestKramdownSyntax(t *testing.T) {
	tests := []struct {
		name, in, want string
		lists          int
		abbreviations  []string
	}{
		{
			name:  "a term and its definition",
			in:    "Intro.\n\nTerm\n: Definition of the term.\n",
			want:  "Intro.\n\n**Term**\\\nDefinition of the term.\n",
			lists: 1,
		},
		{
			name:  "two terms, two definitions, and the next term of the list after a blank line",
			in:    "Apple\nPomme\n: A fruit,\nround.\n: A company.\n\nOrange\n:   Another fruit.\n\nAfter.\n",
			want:  "**Apple**\\\n**Pomme**\\\nA fruit,\nround.\\\nA company.\n\n**Orange**\\\nAnother fruit.\n\nAfter.\n",
			lists: 1,
		},
		{
			name:  "a definition in paragraphs, with code, as far in as its text",
			in:    "Term\n\n:   First paragraph,\ngoing on.\n\n    Second paragraph.\n\n        code\n\nAfter.\n",
			want:  "**Term**\n\nFirst paragraph,\ngoing on.\n\nSecond paragraph.\n\n    code\n\nAfter.\n",
			lists: 1,
		},
		{
			name:  "a term in bold already",
			in:    "**Bold** term\n: Its definition.\n",
			want:  "**Bold** term\\\nIts definition.\n",
			lists: 1,
		},
		{
			name: "no definitions: after a heading, a list, in code, a colon with no space",
			in:   "# Heading\n: not a definition\n\n- item\n: nor this\n\n```\nTerm\n: code\n```\n\nTime: 10:00\n:no space\n",
		},
		{
			name:  "nothing in a <pre> block, which kramdown showed as written",
			in:    "<pre class=\"x\">\n*[HTML]: HyperText\n\nTerm\n: code\n</pre>\n\n<PRE>one line *[A]: b</PRE>\n\nTerm\n: def\n",
			want:  "<pre class=\"x\">\n*[HTML]: HyperText\n\nTerm\n: code\n</pre>\n\n<PRE>one line *[A]: b</PRE>\n\n**Term**\\\ndef\n",
			lists: 1,
		},
		{
			name:          "abbreviations left out",
			in:            "The CQC inspects.\n\n*[CQC]: Care Quality Commission\n  *[DHSC]:  Department of Health \n",
			want:          "The CQC inspects.\n\n\n\n",
			abbreviations: []string{"CQC: Care Quality Commission", "DHSC: Department of Health"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, lists, abbreviations, at := kramdownSyntax(tt.in)
			want := cmp.Or(tt.want, tt.in)
			if got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if strings.Count(got, "\n") != strings.Count(tt.in, "\n") {
				t.Errorf("lines changed: %q", got)
			}
			if len(lists) != tt.lists {
				t.Errorf("%d lists, want %d", len(lists), tt.lists)
			}
			if !slices.Equal(abbreviations, tt.abbreviations) {
				t.Errorf("abbreviations %q, want %q", abbreviations, tt.abbreviations)
			}
			if len(abbreviations) > 0 && at != strings.Index(tt.in, "*[") {
				t.Errorf("the first abbreviation at %d, want %d", at, strings.Index(tt.in, "*["))
			}
		})
	}
}

// TestKramdownQuoteHoldsElements quotes the whole of a <blockquote
// markdown="1">, an element inside it set apart from its tags too, as
// kramdown showed it: no line falls out of the quote.
func TestKramdownQuoteHoldsElements(t *testing.T) {
	in := "<blockquote markdown=\"1\">\n<p markdown=\"1\">Quoted *para*</p>\nSecond line of the quote.\n\nThird para.\n</blockquote>\n"
	joined, _ := kramdownBlocks(in)
	got, _ := htmlInMarkdown(joined)
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		if !strings.HasPrefix(line, ">") {
			t.Errorf("%q is out of the quote:\n%s", line, got)
		}
	}
	for _, want := range []string{"> Quoted *para*\n", "> Second line of the quote.\n", "> Third para.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to hold %q", got, want)
		}
	}
}

// FuzzKramdownBlocks reads any body as a kramdown post's, and wants no
// panic, whatever HTML and markdown= attributes it holds.
func FuzzKramdownBlocks(f *testing.F) {
	for _, seed := range []string{
		"<div markdown=\"1\">\n**a**\n</div>\n",
		"<blockquote markdown=\"1\">\n<p markdown=\"1\">Quoted *para*</p>\nSecond.\n</blockquote>\n",
		"<p title=\"</p>\" markdown=\"1\">Text *a*\nmore</p>\n",
		"Term\n: Definition\n\n*[CQC]: Care Quality Commission\n",
		"<div markdown=\"1\">\n```\n</div>\n```\n</div>\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		done := make(chan bool)
		go func() {
			kramdownBlocks(body)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("still reading %q after 2s", body)
		}
	})
}
