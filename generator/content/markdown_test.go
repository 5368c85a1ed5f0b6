package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
)

// TestHeadingIDs wants headings' ids as goldmark gives them where a
// heading has ASCII letters or digits, so links to them stay good, and
// the slug of its words where it has none, as a heading in another
// script has; each id once in a body.
func TestHeadingIDs(t *testing.T) {
	body := "## What happens next\n\n## ماذا بعد\n\n## ماذا بعد\n\n## 日本語の見出し\n\n## Réforme 2025\n\n## What happens next\n\n## ???\n"
	html := convert(newMarkdown(false), false, []byte(body), 1, &decoder{}).HTML
	var got []string
	for _, m := range regexp.MustCompile(`<h2 id="([^"]*)">`).FindAllStringSubmatch(html, -1) {
		got = append(got, m[1])
	}
	want := []string{"what-happens-next", "ماذا-بعد", "ماذا-بعد-1", "日本語の見出し", "rforme-2025", "what-happens-next-1", "heading"}
	if !slices.Equal(got, want) {
		t.Errorf("heading ids: got %q, want %q", got, want)
	}
}

// TestHeadingIDsManyOfOneText gives 20,000 headings of one text ids in
// time in step with their number: each counted from 1 took minutes.
func TestHeadingIDsManyOfOneText(t *testing.T) {
	ids := &headingIDs{used: map[string]bool{}}
	var last []byte
	for range 20_000 {
		last = ids.Generate([]byte("Answer"), ast.KindHeading)
	}
	if string(last) != "answer-19999" {
		t.Errorf("the last id is %q, want answer-19999", last)
	}
	ids.Put([]byte("answer-20001"))
	if a, b := ids.Generate([]byte("Answer"), ast.KindHeading), ids.Generate([]byte("Answer"), ast.KindHeading); string(a) != "answer-20000" || string(b) != "answer-20002" {
		t.Errorf("after answer-20001 was given: %q and %q, want answer-20000 and answer-20002", a, b)
	}
}

// TestTablesNumberedAsThePageHasThem wants each table's region named by
// its place on the page: a cited footnote's table, which the page shows
// at its end, last, and one in a footnote never cited, which it does not
// show, not counted.
func TestTablesNumberedAsThePageHasThem(t *testing.T) {
	body := "| a |\n|---|\n| 1 |\n\nSee[^c].\n\n[^c]: | c |\n    |---|\n    | 3 |\n\n[^u]: | u |\n    |---|\n    | 9 |\n\n| b |\n|---|\n| 2 |\n"
	html := convert(newMarkdown(false), false, []byte(body), 1, &decoder{}).HTML
	var got []string
	for _, m := range regexp.MustCompile(`aria-label="(Table \d+)">\s*<table>\s*<thead>\s*<tr>\s*<th>(\w)`).FindAllStringSubmatch(html, -1) {
		got = append(got, m[1]+" "+m[2])
	}
	if want := []string{"Table 1 a", "Table 2 b", "Table 3 c"}; !slices.Equal(got, want) {
		t.Errorf("tables: got %q, want %q\n%s", got, want, html)
	}
}

// TestHeadingAttributes wants the id an editor gives a heading ({#id},
// as Hugo reads it) and its classes published, no other attribute, and a
// clear problem, at the heading's line, for an attribute not published,
// an id that is no word and an id given twice; never a failure of the
// parser (goldmark's own ids fail on {id=5}).
func TestHeadingAttributes(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // the headings as made
		problems   []string // each problem's line and the start of its message
	}{
		{"an id given", "## What next {#next}\n", []string{`<h2 id="next">What next</h2>`}, nil},
		{"an id and a class", "## What next {#next .note}\n", []string{`<h2 id="next" class="note">What next</h2>`}, nil},
		{"a setext heading", "What next {#next}\n---\n", []string{`<h2 id="next">What next</h2>`}, nil},
		{"made ids keep clear of given ones", "## Next\n\n## Other {#next}\n", []string{`<h2 id="next-1">Next</h2>`, `<h2 id="next">Other</h2>`}, nil},
		{"an id as a number", "Intro.\n\n## Five {id=5}\n", []string{`<h2 id="five">Five</h2>`}, []string{`3: body: heading id 5 is not text`}},
		{"an empty id", "## Empty {#}\n", []string{`<h2 id="empty">Empty</h2>`}, []string{`1: body: heading id "" is empty or holds a space`}},
		{"a footnote's id", "## Note {#fn:1}\n\nSee[^1].\n\n[^1]: A note.\n", []string{`<h2 id="note">Note</h2>`}, []string{`1: body: heading id "fn:1" has the form of a footnote's`}},
		{"an empty class", "## Plain {.}\n", []string{`<h2 id="plain">Plain</h2>`}, nil},
		{"style and script", "## Red {style=\"color:red\" onclick=\"alert(1)\"}\n", []string{`<h2 id="red">Red</h2>`}, []string{`1: body: heading attribute "style" is not published`, `1: body: heading attribute "onclick" is not published`}},
		{"an id given twice", "## One {#same}\n\n## Two {#same}\n", []string{`<h2 id="same">One</h2>`, `<h2 id="same">Two</h2>`}, []string{`3: body: heading id "same" is given to another heading`}},
		{"braces that are text", "## Sets {a, b}\n", []string{`<h2 id="sets-a-b">Sets {a, b}</h2>`}, nil},
		{"a long id given twice", "## One {#" + strings.Repeat("a", 100000) + "}\n\n## Two {#" + strings.Repeat("a", 100000) + "}\n", []string{`<h2 id="` + strings.Repeat("a", 100000) + `">One</h2>`, `<h2 id="` + strings.Repeat("a", 100000) + `">Two</h2>`}, []string{`3: body: heading id "` + strings.Repeat("a", 40) + `…" is given to another heading before this one: give each its own`}},
		{"an escaped quote in a value", "## Esc2 {class=\"a\\\"b\" id=x/y}\n", []string{`<h2 id="esc2-classab-idxy">Esc2 {class=&ldquo;a&quot;b&rdquo; id=x/y}</h2>`}, []string{`1: body: heading ends in {class="a\"b" id=x/y}, which reads as an attribute list that cannot be read, so it would show as text: write id="x/y"`}},
		{"a backslash shown before the brace", "## A \\\\{class=2col}\n", []string{`<h2 id="a-class2col">A \{class=2col}</h2>`}, []string{`1: body: heading ends in {class=2col}, which reads as an attribute list that cannot be read, so it would show as text: write class="2col" or .2col`}},
		{"an escaped brace", "## A \\{class=2col}\n", []string{`<h2 id="a-class2col">A {class=2col}</h2>`}, nil},
		{"a setext heading over lines", "Intro.\n\nWide\nand tall {class=2col}\n---\n", []string{`<h2 id="and-tall-class2col">Wide` + "\n" + `and tall {class=2col}</h2>`}, []string{`4: body: heading ends in {class=2col}`}},
		{"an id with a quote", "## Quoted {#a\"b}\n", []string{`<h2 id="quoted-ab">Quoted {#a&quot;b}</h2>`}, []string{`1: body: heading ends in {#a"b}, which reads as an attribute list that cannot be read`}},
		{"a template's braces", "## Looping with {#each items as item}\n", []string{`<h2 id="looping-with-each-items-as-item">Looping with {#each items as item}</h2>`}, nil},
		{"an escaped brace", "## Kept \\{#a\"b}\n", []string{`<h2 id="kept-ab">Kept {#a&quot;b}</h2>`}, nil},
		// goldmark reads a value without quotes when it is a number or a
		// word of letters, digits and - _ : . starting with a letter; any
		// other such value leaves the whole list as the heading's text.
		{"a class as a bare word", "## Wide {#wide class=wide}\n", []string{`<h2 id="wide" class="wide">Wide</h2>`}, nil},
		{"a class starting with a digit", "## Wide {#wide class=2col}\n", []string{`<h2 id="wide-wide-class2col">Wide {#wide class=2col}</h2>`}, []string{`1: body: heading ends in {#wide class=2col}, which reads as an attribute list that cannot be read, so it would show as text: write class="2col" or .2col, or \{ to show the brace`}},
		{"a class in single quotes", "Intro.\n\n## Wide {class='wide'}\n", []string{`<h2 id="wide-classwide">Wide {class=&lsquo;wide&rsquo;}</h2>`}, []string{`3: body: heading ends in {class='wide'}, which reads as an attribute list that cannot be read, so it would show as text: write class="wide" (double quotes) or .wide`}},
		{"classes of two words", "## Wide {class=wide cols}\n", []string{`<h2 id="wide-classwide-cols">Wide {class=wide cols}</h2>`}, []string{`1: body: heading ends in {class=wide cols}, which reads as an attribute list that cannot be read, so it would show as text: write class="wide cols" or .wide .cols`}},
		{"a class as a number", "## Five {.a class=5}\n", []string{`<h2 id="five-a-class5">Five {.a class=5}</h2>`}, []string{`1: body: heading ends in {.a class=5}, which reads as an attribute list that cannot be read, so it would show as text: write class="5" or .5`}},
		{"an id with a slash", "## Path {id=a/b}\n", []string{`<h2 id="path-idab">Path {id=a/b}</h2>`}, []string{`1: body: heading ends in {id=a/b}, which reads as an attribute list that cannot be read, so it would show as text: write id="a/b"`}},
		{"an id of two words", "## Path {id=a b}\n", []string{`<h2 id="path-ida-b">Path {id=a b}</h2>`}, []string{`1: body: heading ends in {id=a b}, which reads as an attribute list that cannot be read, so it would show as text: write {#id} with an id of one word`}},
		{"another attribute unquoted", "## Data {#d data-x=a/b}\n", []string{`<h2 id="data-d-data-xab">Data {#d data-x=a/b}</h2>`}, []string{`1: body: heading ends in {#d data-x=a/b}, which reads as an attribute list that cannot be read, so it would show as text: heading attribute "data-x" is not published: a heading may be given an id ({#id}) and classes ({.name})`}},
		{"a value left empty", "## Empty {class=}\n", []string{`<h2 id="empty-class">Empty {class=}</h2>`}, []string{`1: body: heading ends in {class=}, which reads as an attribute list that cannot be read, so it would show as text: give class a value in double quotes, class="name", or write .name`}},
		{"a quote left open", "## Open {class=\"wide}\n", []string{`<h2 id="open-classwide">Open {class=&ldquo;wide}</h2>`}, []string{`1: body: heading ends in {class="wide}, which reads as an attribute list that cannot be read, so it would show as text: write class="wide" or .wide`}},
		{"a class with a quote", "## Quoted {.a\"b}\n", []string{`<h2 id="quoted-ab">Quoted {.a&quot;b}</h2>`}, []string{`1: body: heading ends in {.a"b}, which reads as an attribute list that cannot be read, so it would show as text: write {.name} with a class of one word`}},
		{"an equation in braces", "## Sets {x = y + z}\n", []string{`<h2 id="sets-x--y--z">Sets {x = y + z}</h2>`}, nil},
		{"a template's words", "## Looping with {#each items as item}\n", []string{`<h2 id="looping-with-each-items-as-item">Looping with {#each items as item}</h2>`}, nil},
		// A bare word of an attribute list (Pandoc's - for unnumbered, an
		// attribute of HTML without a value) leaves the list in the text.
		{"pandoc's unnumbered mark", "## Preface {-}\n", []string{`<h2 id="preface--">Preface {-}</h2>`}, []string{`1: body: heading ends in {-}, which reads as an attribute list that cannot be read, so it would show as text: - marks a heading unnumbered, and headings here are not numbered: leave it out, or \{ to show the brace`}},
		{"pandoc's unnumbered mark beside an id", "## Preface {- #preface}\n", []string{`<h2 id="preface---preface">Preface {- #preface}</h2>`}, []string{`1: body: heading ends in {- #preface}, which reads as an attribute list that cannot be read, so it would show as text: - marks a heading unnumbered`}},
		{"pandoc's unnumbered class", "## Preface {.unnumbered}\n", []string{`<h2 id="preface">Preface</h2>`}, []string{`1: body: heading class "unnumbered" marks a heading unnumbered, and headings here are not numbered: leave it out`}},
		{"a bare attribute of HTML", "## Intro {#intro hidden}\n", []string{`<h2 id="intro-intro-hidden">Intro {#intro hidden}</h2>`}, []string{`1: body: heading ends in {#intro hidden}, which reads as an attribute list that cannot be read, so it would show as text: heading attribute "hidden" is not published: a heading may be given an id ({#id}) and classes ({.name}), or \{ to show the brace`}},
		{"a bare word beside script", "## X {#x autofocus onfocus=\"alert(1)\"}\n", []string{`<h2 id="x-x-autofocus-onfocusalert1">X {#x autofocus onfocus=&ldquo;alert(1)&rdquo;}</h2>`}, []string{`1: body: heading ends in {#x autofocus onfocus="alert(1)"}, which reads as an attribute list that cannot be read, so it would show as text: heading attribute "autofocus" is not published`}},
		{"a bare word of no attribute beside a value", "## X {#x wide class=\"a\"}\n", []string{`<h2 id="x-x-wide-classa">X {#x wide class=&ldquo;a&rdquo;}</h2>`}, []string{`1: body: heading ends in {#x wide class="a"}, which reads as an attribute list that cannot be read, so it would show as text: heading attribute "wide" is not published`}},
		{"a template's bare words", "## Looping with {#each items}\n", []string{`<h2 id="looping-with-each-items">Looping with {#each items}</h2>`}, nil},
		{"a dash in braces", "## Range {1 - 2}\n", []string{`<h2 id="range-1---2">Range {1 - 2}</h2>`}, nil},
		// A word in braces alone is a placeholder's, though HTML has an
		// attribute of that name: text, as goldmark shows it.
		{"a placeholder's word", "## The letter's {title}\n", []string{`<h2 id="the-letters-title">The letter&rsquo;s {title}</h2>`}, nil},
		{"placeholder words", "## Language {Lang} {dir}\n", []string{`<h2 id="language-lang-dir">Language {Lang} {dir}</h2>`}, nil},
		// A footnote never cited is not published: its heading takes no id.
		{"a heading in a footnote never cited", "[^n]: ## Intro {#intro}\n\n## Intro\n", []string{`<h2 id="intro">Intro</h2>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &decoder{file: "a.md"}
			html := convert(newMarkdown(false), false, []byte(tt.body), 1, d).HTML
			got := regexp.MustCompile(`(?s)<h\d[^>]*>.*?</h\d>`).FindAllString(html, -1)
			if !slices.Equal(got, tt.want) {
				t.Errorf("headings: got %q, want %q", got, tt.want)
			}
			if len(d.errs) != len(tt.problems) {
				t.Fatalf("problems: got %v, want %d", d.errs, len(tt.problems))
			}
			for i, e := range d.errs {
				if got := fmt.Sprintf("%d: %s", e.Line, e.Msg); !strings.HasPrefix(got, tt.problems[i]) || len(got) > 500 {
					t.Errorf("problem %d: got %q, want it to start %q", i, got, tt.problems[i])
				}
			}
		})
	}
}

// TestFootnoteBacklinksNamed names each link back of a footnote cited
// twice by which reference it leads to, and leads it to that reference.
func TestFootnoteBacklinksNamed(t *testing.T) {
	html := convert(newMarkdown(false), false, []byte("One[^n] and two[^n].\n\n[^n]: The note.\n"), 1, &decoder{}).HTML
	ids := IDs(html)
	var got []string
	for _, m := range regexp.MustCompile(`<a href="#([^"]+)" class="footnote-backref" role="doc-backlink"><span role="img" aria-label="([^"]+)">`).FindAllStringSubmatch(html, -1) {
		got = append(got, m[1]+" "+m[2])
		if !slices.Contains(ids, m[1]) {
			t.Errorf("a link back leads to #%s, which the body has not: %v", m[1], ids)
		}
	}
	if want := []string{"fnref:1 Back to reference 1 (1 of 2)", "fnref1:1 Back to reference 1 (2 of 2)"}; !slices.Equal(got, want) {
		t.Errorf("links back: got %q, want %q\n%s", got, want, html)
	}
}

// TestIDs reads the ids of a page as a browser does: in either quotes,
// after an attribute holding a >, and the names of <a name> anchors.
func TestIDs(t *testing.T) {
	got := IDs(`<section id='comments'><p title="a>b" id="y">x</p><a name="old"></a><b data-id="no">z</b></section>`)
	if want := []string{"comments", "y", "old"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestUndefinedReference finds a reference link or image whose reference
// the body does not define, which readers see as written, but not one
// defined, nor one in code.
func TestUndefinedReference(t *testing.T) {
	body := "![chart][1] and [the guide][2].\n\nSee [the docs][3] and `[code][x]`.\n\n[a]\n[b] and [c]<br>[b] are two each.\n\n[3]: https://example.com/docs\n[b]: /b/\n"
	got := convert(newMarkdown(false), false, []byte(body), 10, &decoder{}).Unconverted
	want := []Unconverted{{Kind: UndefinedReference, Text: "![chart][1]", Line: 10, Count: 2}, {Kind: "raw HTML", Text: "<br>", Line: 15, Count: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestControlCharacters notes the first character of a body that no
// page can hold, at its line, and how many there are; the page leaves
// them out, and shows a NUL as U+FFFD, as Markdown reads one.
func TestControlCharacters(t *testing.T) {
	body := "A line.\n\nAn escape \x1b here, a NUL \x00 there, and \u0085.\n"
	c := convert(newMarkdown(false), false, []byte(body), 10, &decoder{})
	want := []Unconverted{{Kind: ControlCharacter, Text: "U+001B", Line: 12, Count: 3}}
	if !slices.Equal(c.Unconverted, want) {
		t.Errorf("got %+v, want %+v", c.Unconverted, want)
	}
	if want := "<p>An escape  here, a NUL \ufffd there, and .</p>"; !strings.Contains(c.HTML, want) {
		t.Errorf("HTML %q, want it to hold %q", c.HTML, want)
	}
	if got := convert(newMarkdown(false), false, []byte("Tab\tand line\r\nbreaks.\n"), 1, &decoder{}).Unconverted; got != nil {
		t.Errorf("a body of tabs and line breaks: got %+v, want nothing noted", got)
	}
}

// TestControlCharactersInFields notes a control character written as an
// escape in a field of the front matter, YAML's or TOML's, which the
// value leaves out, at the field's line, before those of the body.
func TestControlCharactersInFields(t *testing.T) {
	for name, text := range map[string]string{
		"yaml": "---\ntitle: \"Esc \\u0000 title \\x1b\"\ndate: 2025-01-02\nsummary: A summary.\ntopics: [\"A\\x07\"]\n---\nBody \x1b.\n",
		"toml": "+++\ntitle = \"Esc \\u0000 title \\u001b\"\ndate = 2025-01-02\nsummary = \"A summary.\"\ntopics = [\"A\\u0007\"]\n+++\nBody \x1b.\n",
	} {
		a := mustLoad(t, files(map[string]string{"a.md": text})).Articles[0]
		want := []Unconverted{
			{Kind: ControlCharacter, Text: "U+0000", Line: 2, Count: 2, Field: "title"},
			{Kind: ControlCharacter, Text: "U+0007", Line: 5, Count: 1, Field: "topics"},
			{Kind: ControlCharacter, Text: "U+001B", Line: 7, Count: 1},
		}
		if a.Title != "Esc  title" || !slices.Equal(a.Unconverted, want) {
			t.Errorf("%s: title %q, noted %+v; want %+v", name, a.Title, a.Unconverted, want)
		}
	}
}

// TestUnconverted finds in a body the markup of other systems that
// readers would see as text, each kind once with its first line and how
// many, and leaves code, comments and raw HTML let through alone.
func TestUnconverted(t *testing.T) {
	body := strings.Join([]string{
		"Intro {{< figure src=\"a.png\" >}} and {{% note %}}.", // line 10
		"",
		"{% include note.html %} and {{ site.title }} and {{ \"/x/\" | relative_url }}",
		"",
		"Code: `{{< ref \"x\" >}}` and `{% raw %}`.",
		"",
		"```",
		"{{< shown on purpose >}}",
		"```",
		"",
		"[gallery ids=\"1,2\"] and [sic] and [embed]https://example.org/v[/embed] and [contact-form-7 id=\"12\" title=\"Contact\"] and [1]", // line 20
		"",
		"\\[myplugin foo=bar]",
		"",
		"<iframe src=\"https://example.org/\"></iframe>",
		"",
		"<!-- a note -->",
		"",
		"Text with <span>inline</span> HTML.",
		"",
		"{% include figure", // line 30
		"  image_path=\"/a.png\"",
		"%}",
		"",
		"{{< image classes=\"x\"",
		"    src=\"/a.png\" >}}",
		"",
		"See the [gallery pagination component](https://example.org/grid/) and [video notes][1].",
		"",
		"[1]: https://example.org/v",
		"",
		"A notice.", // line 41
		"{: .notice}",
		"",
		"[b](https://example.org/){:rel=\"nofollow\"}",
		"",
		":::tip Guest posts", // line 46
		"Write to us.",
		":::",
		"",
		"!!! note \"Heads up\"",
		"",
		"    Indented.",
		"",
		"The odds were 3:::1.",
	}, "\n")
	got := convert(newMarkdown(false), false, []byte(body), 10, &decoder{}).Unconverted
	want := []Unconverted{
		{Kind: "a Hugo shortcode", Text: `{{< figure src="a.png" >}}`, Line: 10, Count: 3},
		{Kind: "a Liquid tag", Text: "{% include note.html %}", Line: 12, Count: 4},
		{Kind: "a WordPress shortcode", Text: `[gallery ids="1,2"]`, Line: 20, Count: 5},
		{Kind: "raw HTML", Text: `<iframe src="https://example.org/"></iframe>`, Line: 24, Count: 3},
		{Kind: "a kramdown attribute list", Text: "{: .notice}", Line: 41, Count: 2},
		{Kind: ForeignNote, Text: ":::tip Guest posts", Line: 46, Count: 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := convert(newMarkdown(true), true, []byte("<div>x</div>\n\nA <b>b</b>.\n"), 1, &decoder{}).Unconverted; len(got) != 0 {
		t.Errorf("with raw_html, got %+v, want nothing", got)
	}
}

// TestLinksAsLinked lists a body's links as its page links to them: a
// backslash escape or a character reference in a link's address is
// decoded, as in the href, so that a link to a page the site has is
// found, and one to a page it lacks is named as the page links it.
func TestLinksAsLinked(t *testing.T) {
	body := "[a](/topics/ics&#45;assessments/) [b](\\/topics/x/) [c](/topics/ics\\-y/) [d](/t/\\#top) [e](/a&amp;b/)\n"
	a := mustLoad(t, files(map[string]string{"a.md": fm() + body})).Articles[0]
	var got []string
	for _, l := range a.Links {
		got = append(got, l.URL)
	}
	want := []string{"/topics/ics-assessments/", "/topics/x/", "/topics/ics-y/", "/t/#top", "/a&b/"}
	if !slices.Equal(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
}

// TestDecimalReferencesInLinks links to what a decimal character
// reference with leading zeros stands for, as the page's text shows it
// (&#065; is A), in the href and in the links listed, not to what it
// would be read as in octal; leading zeros without a reference's
// semicolon are text, kept as written.
func TestDecimalReferencesInLinks(t *testing.T) {
	body := "[a](/x&#065;y/) [b](/x&#0000106;y/) ![c](/i&#065;.png) [d][ref] &#065; [e](/x&#0106y/)\n\n[ref]: /r&#0065;/\n"
	a := mustLoad(t, files(map[string]string{"a.md": fm() + body})).Articles[0]
	var got []string
	for _, l := range a.Links {
		got = append(got, l.URL)
	}
	want := []string{"/xAy/", "/xjy/", "/iA.png", "/rA/", "/x&#0106y/"}
	if !slices.Equal(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
	html, err := a.Body()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`href="/xAy/"`, `href="/xjy/"`, `src="/iA.png"`, `href="/rA/"`, `href="/x&amp;#0106y/"`} {
		if !strings.Contains(html, w) {
			t.Errorf("page %s; want %s", html, w)
		}
	}
}

// TestImagesWithoutText marks the images of a body that have no text to
// stand for them, and only those.
func TestImagesWithoutText(t *testing.T) {
	body := "![](/a.png) ![ ](/b.png) ![Chart](/c.png) ![*Map*](/d.png) [](/page/)\n"
	a := mustLoad(t, files(map[string]string{"a.md": fm() + body})).Articles[0]
	var got []string
	for _, l := range a.Links {
		if l.NoAlt {
			got = append(got, l.URL)
		}
	}
	if want := []string{"/a.png", "/b.png"}; !slices.Equal(got, want) {
		t.Errorf("images without text %q, want %q", got, want)
	}
}

// TestCodeTitles shows a code block's title, which Docusaurus and MkDocs
// give in the fence (title="…") and VitePress as a label ([npm]), as the
// caption of a figure around it; a block with none is as goldmark makes it.
func TestCodeTitles(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"```go title=\"schema/pet.go\"\nx\n```\n", "<figure class=\"code\"><figcaption>schema/pet.go</figcaption>\n<pre><code class=\"language-go\">x\n</code></pre>\n</figure>\n"},
		{"```sh [npm]\nnpm i\n```\n", "<figure class=\"code\"><figcaption>npm</figcaption>\n<pre><code class=\"language-sh\">npm i\n</code></pre>\n</figure>\n"},
		{"```html title='<b>&'\nx\n```\n", "<figure class=\"code\"><figcaption>&lt;b&gt;&amp;</figcaption>\n<pre><code class=\"language-html\">x\n</code></pre>\n</figure>\n"},
		// An info string's references and escapes are read, as CommonMark
		// reads them.
		{"```go title=\"a \\\"b\\\" &#38; &amp;#34; c\\*\"\nx\n```\n", "<figure class=\"code\"><figcaption>a &quot;b&quot; &amp; &amp;#34; c*</figcaption>\n<pre><code class=\"language-go\">x\n</code></pre>\n</figure>\n"},
		{"```go\nx\n```\n", "<pre><code class=\"language-go\">x\n</code></pre>\n"},
	} {
		if got := convert(newMarkdown(false), false, []byte(tc.in), 1, &decoder{}).HTML; got != tc.want {
			t.Errorf("%q:\ngot  %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestLineOf wants each line of a body's HTML, where raw_html lets it
// through, traced to the line of the file it is written on: the raw HTML
// after forty paragraphs, each line of an HTML block, and a list's
// start.
func TestLineOf(t *testing.T) {
	var body []string
	for i := range 40 {
		body = append(body, fmt.Sprintf("Paragraph %d.", i+1), "") // lines 8 to 87
	}
	body = append(body,
		`<iframe src="https://x.example/" onload="alert(1)"></iframe>`, // line 88
		"",
		"<div>", // line 90
		`<p><a href="javascript:void(0)">x</a></p>`,
		"</div>",
		"",
		"- one", // line 94
		"- two <b>b</b>",
		"",
		"Last.", // line 97
	)
	data := "---\ntitle: T\ndate: 2025-03-27\nsummary: S.\nstatus: paused\n---\n\n" + strings.Join(body, "\n") + "\n"
	s := Settings{Location: time.UTC, Statuses: DefaultStatuses, RawHTML: true}
	a, err := Parse("content", "a.md", []byte(data), &s)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(a.HTML, "\n")
	for text, want := range map[string]int{
		"<p>Paragraph 1.</p>":  8,
		"<p>Paragraph 40.</p>": 86,
		`onload="alert(1)"`:    88,
		"<div>":                90,
		`javascript:void(0)`:   91,
		"<ul>":                 94,
		"<b>b</b>":             94, // in a list, whose HTML has lines of its own: the list's line
		"<p>Last.</p>":         97,
	} {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, text) })
		if i < 0 {
			t.Fatalf("%s: not in the HTML:\n%s", text, a.HTML)
		}
		if got := a.LineOf(i + 1); got != want {
			t.Errorf("%s, on line %d of the HTML: got line %d of the file, want %d", text, i+1, got, want)
		}
	}
	if got := a.LineOf(0); got != a.BodyLine {
		t.Errorf("a line the HTML does not have: got %d, want the body's first, %d", got, a.BodyLine)
	}
}
