package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHTML(t *testing.T) {
	before := "Aa <one> & \"two\".\n\nBb two.\n\nCc three\nfour."
	after := "Bb two.\n\nCc three\nfive.\n\nAa <one> & \"two\"."
	want := `<p class="moved-away"><span class="note">A paragraph moved from here further down.</span></p>
<p>Bb two.</p>
<p>Cc three<br><del><span class="visually-hidden">removed: </span>four</del><ins><span class="visually-hidden">added: </span>five</ins>.</p>
<p class="moved"><span class="note">Moved here from further up: </span>Aa &lt;one&gt; &amp; &#34;two&#34;.</p>
`
	paras := Compare(before, after)
	if got := string(HTML(paras)); got != want {
		t.Errorf("HTML:\ngot\n%s\nwant\n%s", got, want)
	}
	checkHTML(t, paras)
}

func TestHTMLShapes(t *testing.T) {
	h3, item := Shape{Level: 3}, Shape{Item: true}
	before := []Block{{"Where things stand", h3}, {"First.", item}, {"Gone.", item}, {"Text.", Shape{}}}
	after := []Block{{"Where things stand now", h3}, {"First.", item}, {"Text.", Shape{}}, {"Later.", Shape{Level: 9}}}
	want := `<h3>Where things stand<ins><span class="visually-hidden">added: </span> now</ins></h3>
<p class="item">First.</p>
<p class="item"><del><span class="visually-hidden">removed: </span>Gone.</del></p>
<p>Text.</p>
<h6><ins><span class="visually-hidden">added: </span>Later.</ins></h6>
`
	paras := CompareBlocks(before, after)
	if got := string(HTML(paras)); got != want {
		t.Errorf("HTML:\ngot\n%s\nwant\n%s", got, want)
	}
	checkHTML(t, paras)
}

// checkHTML parses the HTML of a comparison and checks that it holds one
// element for each paragraph, of its shape, only the elements HTML
// writes, and that its text, read as a reader of either version would,
// is that version's.
func checkHTML(t *testing.T, paras []Para) {
	t.Helper()
	s := string(HTML(paras))
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("HTML does not parse: %v\n%s", err, s)
	}
	var ps []*html.Node
	for _, n := range nodes {
		switch {
		case n.Type == html.ElementNode && slices.Contains([]atom.Atom{atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}, n.DataAtom):
			ps = append(ps, n)
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
		default:
			t.Fatalf("HTML has %q outside a paragraph:\n%s", n.Data, s)
		}
	}
	if len(ps) != len(paras) {
		t.Fatalf("HTML has %d paragraphs, want %d:\n%s", len(ps), len(paras), s)
	}
	for i, p := range ps {
		tag, class := "p", map[Move]string{Stayed: "", MovedHere: "moved", MovedAway: "moved-away"}[paras[i].Move]
		switch shape := paras[i].Shape; {
		case paras[i].Move == MovedAway:
		case shape.Level > 0:
			tag = fmt.Sprintf("h%d", min(shape.Level, 6))
		case shape.Item:
			class = strings.TrimSpace("item " + class)
		}
		if p.Data != tag {
			t.Errorf("paragraph %d: a %s, want a %s", i, p.Data, tag)
		}
		if got := attr(p, "class"); got != class {
			t.Errorf("paragraph %d: got class %q, want %q", i, got, class)
		}
		if got, want := text(t, p, atom.Del), side(paras[i].Ops, Insert); got != want {
			t.Errorf("paragraph %d: new text %q, want %q:\n%s", i, got, want, s)
		}
		if got, want := text(t, p, atom.Ins), side(paras[i].Ops, Delete); got != want {
			t.Errorf("paragraph %d: old text %q, want %q:\n%s", i, got, want, s)
		}
	}
}

// text gives the text of a paragraph as a reader sees it, leaving out
// notes, what is visually hidden and the elements skip (del or ins).
func text(t *testing.T, n *html.Node, skip atom.Atom) string {
	t.Helper()
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := range n.ChildNodes() {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode:
				t.Errorf("unexpected node %q", c.Data)
			case c.DataAtom == atom.Br:
				b.WriteString("\n")
			case c.DataAtom == atom.Span && (attr(c, "class") == "note" || attr(c, "class") == "visually-hidden"):
			case c.DataAtom == skip:
			case (c.DataAtom == atom.Ins || c.DataAtom == atom.Del) && depth == 0:
				walk(c, depth+1)
			default:
				t.Errorf("unexpected element %q", c.Data)
			}
		}
	}
	walk(n, 0)
	return b.String()
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
