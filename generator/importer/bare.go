package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bareAddress matches an address written as text, as a WordPress embed
// block holds the page it shows.
var bareAddress = regexp.MustCompile(`https?://[^\s<>"'` + "`" + `]+`)

// linkBare makes each address that the text of n writes, outside links
// and code, a link to it: Markdown would escape its underscores as text
// (\_), and an address so escaped links only as far as the first.
func linkBare(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && (c.Data == "a" || c.Data == "code" || c.Data == "pre" || c.Data == "script" || c.Data == "style" || c.Data == "textarea"):
		case c.Type == html.TextNode:
			c = linkText(n, c)
		default:
			linkBare(c)
		}
	}
}

// linkText makes each address in the text node c, a child of n, a link,
// and gives the last node it put in c's place.
func linkText(n, c *html.Node) *html.Node {
	text := c.Data
	spans := bareAddress.FindAllStringIndex(text, -1)
	if spans == nil {
		return c
	}
	last, from := c, 0
	add := func(node *html.Node) {
		n.InsertBefore(node, c)
		last = node
	}
	for _, s := range spans {
		address := trimAddress(text[s[0]:s[1]])
		end := s[0] + len(address)
		if from < s[0] {
			add(&html.Node{Type: html.TextNode, Data: text[from:s[0]]})
		}
		a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: address}}}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: address})
		add(a)
		from = end
	}
	if from < len(text) {
		add(&html.Node{Type: html.TextNode, Data: text[from:]})
	}
	n.RemoveChild(c)
	return last
}

// trimAddress drops from an address found in text the punctuation that
// ends the sentence around it, as GitHub's Markdown does: a closing
// bracket only when the address opens none.
func trimAddress(s string) string {
	for len(s) > 0 {
		switch last := s[len(s)-1]; {
		case strings.IndexByte(".,:;!?*_~'\"", last) >= 0:
			s = s[:len(s)-1]
		case last == ')' && strings.Count(s, ")") > strings.Count(s, "("):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}
