package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flankEmphasis moves the punctuation that starts or ends the text of a
// <b>, <strong>, <i> or <em> out of it, where a letter is on its other
// side: CommonMark does not close **…！** before a letter, nor open
// **「…** after one, and shows the asterisks instead, as Chinese and
// Japanese text, which puts no space between words, meets often
// ("<b>因为这群人是Geek呀！</b>这群" reads "**因为这群人是Geek呀**！这群").
func flankEmphasis(doc *html.Node) {
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || !emphasis[n.Data] || n.Parent == nil {
			continue
		}
		if last := edgeText(n, false); last != nil && wordStarts(n.NextSibling, true) {
			trimmed := strings.TrimRightFunc(last.Data, isPunct)
			if moved := last.Data[len(trimmed):]; moved != "" && trimmed != "" {
				last.Data = trimmed
				n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: moved}, n.NextSibling)
			}
		}
		if first := edgeText(n, true); first != nil && wordStarts(n.PrevSibling, false) {
			trimmed := strings.TrimLeftFunc(first.Data, isPunct)
			if moved := first.Data[:len(first.Data)-len(trimmed)]; moved != "" && trimmed != "" {
				first.Data = trimmed
				n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: moved}, n)
			}
		}
	}
}

// styledEmphasis makes a <span> (or <font>) that a style makes italic
// or bold, as older editors wrote emphasis (WordPress's wrote
// <span style="font-style:italic;">), the element it stands for: <em>,
// <strong>, or both.
func styledEmphasis(n *html.Node) {
	var italic, bold bool
	for decl := range strings.SplitSeq(attr(n, "style"), ";") {
		prop, value, _ := strings.Cut(decl, ":")
		prop, value = strings.ToLower(strings.TrimSpace(prop)), strings.ToLower(strings.TrimSpace(value))
		value = strings.TrimSpace(strings.TrimSuffix(value, "!important"))
		switch prop {
		case "font-style":
			italic = value == "italic" || value == "oblique"
		case "font-weight":
			bold = value == "bold" || value == "bolder" || len(value) == 3 && value >= "600" && value <= "900"
		}
	}
	switch {
	case italic && bold:
		em := &html.Node{Type: html.ElementNode, Data: "em", DataAtom: atom.Em}
		for c := n.FirstChild; c != nil; c = n.FirstChild {
			n.RemoveChild(c)
			em.AppendChild(c)
		}
		n.AppendChild(em)
		n.Data, n.DataAtom = "strong", atom.Strong
	case italic:
		n.Data, n.DataAtom = "em", atom.Em
	case bold:
		n.Data, n.DataAtom = "strong", atom.Strong
	}
}

var emphasis = map[string]bool{"b": true, "strong": true, "i": true, "em": true}

// edgeText is the first (or last) text node of n, if n's content starts
// (or ends) with text.
func edgeText(n *html.Node, first bool) *html.Node {
	for c := n; c != nil; {
		if c.Type == html.TextNode {
			return c
		}
		if first {
			c = c.FirstChild
		} else {
			c = c.LastChild
		}
	}
	return nil
}

// wordStarts reports whether the node n, beside an emphasis, shows a
// letter or digit next to it: at its start when it follows (after), at
// its end when it comes before.
func wordStarts(n *html.Node, after bool) bool {
	t := edgeText(n, after)
	if t == nil || t.Data == "" {
		return false
	}
	var r rune
	if after {
		r, _ = utf8.DecodeRuneInString(t.Data)
	} else {
		r, _ = utf8.DecodeLastRuneInString(t.Data)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isPunct reports whether CommonMark takes r for punctuation.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
