package content

import (
	"strings"
	"testing"
)

// TestTooDeep wants the first line nested deeper than maxNesting found,
// however the nesting is written, and no line that opens no quote or
// list item counted, however indented.
func TestTooDeep(t *testing.T) {
	deepList := func(levels int, indent string) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat(indent, i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		body  string
		line  int
		depth int
	}{
		{"plain text", "One.\n\nTwo.\n", -1, 0},
		{"quotes at the limit", strings.Repeat(">", 100) + " deep\n", -1, 0},
		{"quotes past it", "Intro.\n\n" + strings.Repeat("> ", 101) + "deep\n", 2, 101},
		{"list markers on one line", strings.Repeat("- ", 150) + "x\n", 0, 150},
		{"ordered markers", strings.Repeat("1. ", 120) + "x\n", 0, 120},
		{"lists nested by two spaces, at the limit", deepList(100, "  "), -1, 0},
		{"lists nested by two spaces, past it", deepList(102, "  "), 100, 101},
		{"lists nested by tabs, at the limit", deepList(100, "\t"), -1, 0},
		{"lists nested by tabs, past it", deepList(102, "\t"), 100, 101},
		{"lists nested by indenting inside a quote", ">" + strings.Repeat(" ", 400) + "- deep\n", 0, 201},
		{"quotes with spaces", strings.Repeat("> ", 100) + "text\n", -1, 0},
		{"a thematic break of many marks", strings.Repeat("- ", 150) + "\n", -1, 0},
		{"indented code", strings.Repeat(" ", 1000) + "code\n", -1, 0},
		{"a thematic break", strings.Repeat("-", 1000) + "\n", -1, 0},
		{"numbers that are not markers", strings.Repeat("1.5 ", 200) + "\n", -1, 0},
	}
	for _, tt := range tests {
		line, depth := tooDeep([]byte(tt.body))
		if line != tt.line || depth != tt.depth {
			t.Errorf("%s: got line %d, depth %d; want line %d, depth %d", tt.name, line, depth, tt.line, tt.depth)
		}
	}
}

// TestTooDeepInAll finds the line by which the depths of a body's lines
// add up to more than maxNestingTotal, and takes as many lines of prose,
// and a list as long as a body may be, a few levels deep.
func TestTooDeepInAll(t *testing.T) {
	quoted := strings.Repeat(">", 50) + " deep\n\n" // 50 levels on one line of two
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"quotes at the limit", strings.Repeat(quoted, maxNestingTotal/50), -1},
		{"quotes past it", "Intro.\n\n" + strings.Repeat(quoted, maxNestingTotal/50+1), 2 + 2*maxNestingTotal/50},
		{"prose", strings.Repeat("A line of prose, as long as some.\n", 200_000), -1},
		{"a long list, nested a little", strings.Repeat("- one\n  - two\n    - three\n      - four\n", 50_000), -1},
	} {
		if got := tooDeepInAll([]byte(tc.body)); got != tc.want {
			t.Errorf("%s: tooDeepInAll = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestTooManyLinks refuses a paragraph that leaves more links open than
// goldmark makes quickly, at its first line, and takes as many spread
// over a list or paragraphs, and any number of links that close.
func TestTooManyLinks(t *testing.T) {
	many := strings.Repeat("[a](", maxLinkOpenings+1)
	item := "- [a](/x/)\n"
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"a paragraph of openings", "Intro.\n\n" + many + "\n", 2},
		{"one over, across lines", "Intro.\n\n" + strings.Repeat("[a](/x and\n", maxLinkOpenings+1), 2},
		{"a paragraph of links that close", strings.Repeat("[a](/x/) and [b](/y/)\n", 10*maxLinkOpenings), -1},
		{"a list of links", strings.Repeat(item, 3*maxLinkOpenings), -1},
		{"paragraphs of links", strings.Repeat(strings.Repeat("[a](/x/) ", maxLinkOpenings/2)+"\n\n", 5), -1},
		{"a numbered list", strings.Repeat("1. [a](/x/)\n", 2*maxLinkOpenings), -1},
	} {
		if got := tooManyLinks([]byte(tc.body)); got != tc.want {
			t.Errorf("%s: tooManyLinks = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// BenchmarkConvertManyOpenings times a body at the limit: a paragraph of
// link openings goldmark parses in time that grows with their square.
func BenchmarkConvertManyOpenings(b *testing.B) {
	body := []byte(strings.Repeat("[a](", maxLinkOpenings))
	md := newMarkdown(false)
	for b.Loop() {
		convert(md, false, body, 1, &decoder{})
	}
}

// TestTooManyMarks finds the paragraph, or the row of a table, with more
// runs of * and _ than maxEmphasisMarks, counting none in code or
// escaped.
func TestTooManyMarks(t *testing.T) {
	many := strings.Repeat("*a_", 501) // 1,002 runs
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"a paragraph", "Intro.\n\n" + many + "\n", 2},
		{"over two lines of one paragraph", "Intro.\n\n" + many[:1500] + "\n" + many[1500:] + "\n", 2},
		{"runs of one mark count once", strings.Repeat("***a*** ", 400) + "\n", -1},
		{"paragraphs apart", strings.Repeat(many[:1200]+"\n\n", 10), -1},
		{"list items apart", strings.Repeat("- "+many[:1200]+"\n", 10), -1},
		{"in code", "`" + many + "`\n", -1},
		{"escaped", strings.Repeat(`\*a\_`, 600) + "\n", -1},
		{"_ inside words", strings.Repeat("snake_case_name ", 1200) + "\n", -1},
		{"runs with spaces on both sides", strings.Repeat("2 * 3 ", 1001) + "\n", -1},
		{"too many runs that cannot be emphasis", strings.Repeat("2 * 3 ", 20001) + "\n", 0},
		{"too many _ inside words", strings.Repeat("snake_case ", 20001) + "\n", 0},
		{"a numbered line after prose continues it", "Intro:\n" + strings.Repeat("2. *a_\n", 1001), 0},
		{"numbered items apart", "1. one\n" + strings.Repeat("2. "+many[:1200]+"\n", 10), -1},
		{"_ inside an address", "See http://example.org/" + strings.Repeat("_a", 1200) + ".\n", -1},
		{"_ at a word's edge", strings.Repeat("_a_ ", 501) + "\n", 0},
		{"_ after a quotation mark", strings.Repeat("“_a”_ ", 501) + "\n", 0},
		{"_ inside a word of another script", strings.Repeat("кот_пёс ", 1200) + "\n", -1},
		{"rows of a table apart", "| a | b |\n| --- | --- |\n" + strings.Repeat("| "+many[:1200]+" | x |\n", 10), -1},
		{"one row of a table", "| a | b |\n|---|---|\n| x | y |\n| " + many + " | x |\n", 3},
		{"a paragraph after a table", "| a |\n|---|\n| x |\n\n" + many + "\n", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tooManyMarks([]byte(tc.body)); got != tc.want {
				t.Errorf("tooManyMarks = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestTooLongQuoteRun finds the line with a run of ' or " longer than
// maxQuoteRun, but for one in fenced code or a code span, which is not
// made into curled quotes.
func TestTooLongQuoteRun(t *testing.T) {
	long, apos := strings.Repeat(`"`, maxQuoteRun+1), strings.Repeat("'", maxQuoteRun+1)
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"double", "Intro.\n\nSay " + long + " here.\n", 2},
		{"single", "Intro.\n" + apos + "\n", 1},
		{"as long as allowed", strings.Repeat("'", maxQuoteRun) + " and " + strings.Repeat(`"`, maxQuoteRun) + "\n", -1},
		{"many short runs", strings.Repeat(`'' "" `, 10000) + "\n", -1},
		{"in fenced code", "```\n" + long + "\n```\n\n~~~~\n" + apos + "\n~~~~\n", -1},
		{"after fenced code", "```\n" + long + "\n```\n" + apos + "\n", 3},
		{"in a list item's continuation", "- item\n      " + apos + "\n", 1},
		{"in a code span", "Say `" + apos + "` here, and ``" + long + "``.\n", -1},
		{"after a code span", "Say `x` " + apos + "\n", 0},
		{"in fenced code in a block quote", "> ```\n> " + apos + "\n> ```\n", -1},
		{"in a paragraph's line indented like a fence", "Intro.\n    ```\n" + apos + "\n    ```\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tooLongQuoteRun([]byte(tc.body)); got != tc.want {
				t.Errorf("tooLongQuoteRun = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestTooManyClasses finds the line whose attribute block gives more
// than maxClasses classes.
func TestTooManyClasses(t *testing.T) {
	classes := func(n int) string { return strings.TrimSpace(strings.Repeat(".b ", n)) }
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"a heading", "Intro.\n\n## A {" + classes(maxClasses+1) + "}\n", 2},
		{"after an id", "## A {#a " + classes(maxClasses+1) + "}\n", 0},
		{"as many as allowed", "## A {" + classes(maxClasses) + "}\n", -1},
		{"apart, in many blocks", strings.Repeat("## A {"+classes(maxClasses)+"}\n\n", 5), -1},
		{"not at the line's end", "## A {" + classes(maxClasses+1) + "} and more\n", 0},
		{"apart by commas", "## A {" + strings.Repeat(".b,", maxClasses+1) + "}\n", 0},
		{"apart by tabs", "## A {" + strings.Repeat(".b\t", maxClasses+1) + "}\n", 0},
		{"as class attributes", "## A {" + strings.Repeat(`class="b" `, maxClasses+1) + "}\n", 0},
		{"before a { in a value", "## A {" + classes(maxClasses+1) + ` x="{"}` + "\n", 0},
		{"prose with full stops", "## A {#a}\n\n" + strings.Repeat("A sentence. ", 200) + "{x}\n", -1},
		{"in a block quote", "> ## A {" + classes(maxClasses+1) + "}  \n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tooManyClasses([]byte(tc.body)); got != tc.want {
				t.Errorf("tooManyClasses = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestTooLongCodeSearch finds the paragraph in which goldmark would read
// more than maxCodeSearch bytes for the ends of code spans: many runs of
// backticks with none as long after them, far from the paragraph's end.
func TestTooLongCodeSearch(t *testing.T) {
	var open strings.Builder // runs of 1 to 1,499 backticks, none closed
	for i := 1; i < 1500; i++ {
		open.WriteString("a" + strings.Repeat("`", i))
	}
	prose := strings.Repeat(strings.Repeat("word ", 15)+"\n", 90000) // 6.8 MB of one paragraph
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"runs never closed, far from the end", "Intro.\n\n" + open.String() + "\n" + prose, 2},
		{"runs never closed, in a list item", "Intro.\n\n- x\n- " + open.String() + "\n" + prose, 3},
		{"three hundred such runs at the paragraph's end", prose + open.String()[:45000] + "\n", -1},
		{"spans closed", strings.Repeat("Use `go vet` and ``a`b`` here. ", 200000) + "\n", -1},
		{"unclosed runs in short paragraphs", strings.Repeat(open.String()[:3000]+"\n"+prose[:6000]+"\n\n", 10), -1},
		{"runs never closed in prose that numbers its lines", "Intro.\n\nIntro line" + strings.ReplaceAll(open.String(), "a", "\n2. a") + "\n2. " + strings.ReplaceAll(prose, "\n", "\n2. "), 2},
		{"the same in a numbered list", "Intro.\n\n1. one" + strings.ReplaceAll(open.String(), "a", "\n2. a") + "\n2. " + strings.ReplaceAll(prose, "\n", "\n2. "), -1},
		{"in fenced code", "```\n" + open.String() + "\n" + prose + "```\n", -1},
		{"in fenced code of tildes", "~~~ md\n" + open.String() + "\n" + prose + "~~~\n", -1},
		{"after fenced code", "````\n```\n````\n" + open.String() + "\n" + prose, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tooLongCodeSearch([]byte(tc.body)); got != tc.want {
				t.Errorf("tooLongCodeSearch = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestCodeSearch(t *testing.T) {
	for _, tc := range []struct {
		runs []codeRun
		size int
		want int
	}{
		{nil, 10, 0},
		{[]codeRun{{0, 1}, {5, 1}}, 10, 5},
		{[]codeRun{{0, 1}, {5, 2}}, 10, 10 + 5},
		{[]codeRun{{0, 2}, {3, 1}, {6, 2}, {8, 1}}, 10, 6 + 2},
		{[]codeRun{{0, 1}, {2, 1}, {4, 1}}, 10, 2 + 6},
	} {
		if got := codeSearch(tc.runs, tc.size); got != tc.want {
			t.Errorf("codeSearch(%v, %d) = %d, want %d", tc.runs, tc.size, got, tc.want)
		}
	}
}

// TestStartsBlock tells the lines that end a paragraph and start a list
// item, a quote or a heading from those that continue it, as CommonMark
// does: after prose, a list item numbered other than 1, or empty, is
// prose; after a list item, it is the next item.
func TestStartsBlock(t *testing.T) {
	for _, c := range []struct {
		line        string
		prose, list bool
	}{
		{"- item", true, true}, {"* item", true, true}, {"+ item", true, true}, {"1. one", true, true}, {"1) one", true, true},
		{"-", false, true}, {"2. two", false, true}, {"12) twelve", false, true}, {"1.", false, true},
		{"> quote", true, true}, {">quote", true, true}, {"# Heading", true, true}, {"###### Six", true, true},
		{"*a_", false, false}, {"-[a](", false, false}, {"#tag", false, false}, {"####### seven", false, false}, {"1.5 million", false, false}, {"2024", false, false},
	} {
		if got := startsBlock([]byte(c.line), false); got != c.prose {
			t.Errorf("startsBlock(%q) after prose = %v, want %v", c.line, got, c.prose)
		}
		if got := startsBlock([]byte(c.line), true); got != c.list {
			t.Errorf("startsBlock(%q) after a list item = %v, want %v", c.line, got, c.list)
		}
	}
}

// TestTooManyDefinitions wants the first run of more than maxDefinitions
// link reference definitions found, and none where blank lines part them.
func TestTooManyDefinitions(t *testing.T) {
	defs := func(n int, sep string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("[r" + strings.Repeat("x", i%7) + "]: /" + sep + "\n")
			if sep == "blank" {
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		body string
		want int
	}{
		{"a few", "Text.\n\n" + defs(10, ""), -1},
		{"at the limit", "Text.\n\n" + defs(maxDefinitions, ""), -1},
		{"past it", "Text.\n\n" + defs(maxDefinitions+1, ""), 2},
		{"parted by blank lines", defs(maxDefinitions+1, "blank"), -1},
	} {
		if got := tooManyDefinitions([]byte(tc.body)); got != tc.want {
			t.Errorf("%s: got line %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestAddresses counts what may become a link as goldmark finds it.
func TestAddresses(t *testing.T) {
	for body, want := range map[string]int{
		"No address here.": 0,
		"Write to a@b.example or see https://x.example/ and www.y.example.": 3,
		strings.Repeat("a@b.c ", 1000):                                      1000,
	} {
		if got := addresses([]byte(body)); got != want {
			t.Errorf("addresses(%.40q) = %d, want %d", body, got, want)
		}
	}
}
