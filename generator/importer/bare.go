package importer

import (
	"cmp"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inText matches, in the text of HTML, what a reader of the old site
// followed or was meant to: a Markdown image or link, which Markdown
// shows as written inside HTML (![chart](/chart.png) between two <hr>
// tags), and an address written as text, as a WordPress embed block
// holds the page it shows.
var inText = regexp.MustCompile(`(!?)\[([^\[\]]*)\]\(([^()\s<>]+)\)|https?://[^\s<>"'` + "`" + `]+`)

// linkText makes each address and each Markdown image or link that the
// text of n writes, outside links and code, the element it stands for:
// as text, Markdown would escape an address's underscores (\_), and an
// address so escaped links only as far as the first. It gives, for the
// report, the node just before each text that held Markdown, or the
// element it is in.
func linkText(n *html.Node) (markdown []*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && (c.Data == "a" || c.Data == "code" || c.Data == "pre" || c.Data == "script" || c.Data == "style" || c.Data == "textarea"):
		case c.Type == html.TextNode:
			before := cmp.Or(c.PrevSibling, n)
			var md bool
			if c, md = replaceText(n, c); md {
				markdown = append(markdown, before)
			}
		default:
			markdown = append(markdown, linkText(c)...)
		}
	}
	return markdown
}

// replaceText puts in place of the text node c, a child of n, its text
// with each match of inText made an element. It gives the last node put
// in c's place, and whether a match was Markdown.
func replaceText(n, c *html.Node) (last *html.Node, markdown bool) {
	text := c.Data
	matches := inText.FindAllStringSubmatchIndex(text, -1)
	if matches == nil {
		return c, false
	}
	last = c
	add := func(node *html.Node) {
		n.InsertBefore(node, c)
		last = node
	}
	from := 0
	for _, m := range matches {
		var el *html.Node
		end := m[1]
		if m[6] >= 0 { // Markdown
			markdown = true
			label, dest := text[m[4]:m[5]], text[m[6]:m[7]]
			if m[3] > m[2] {
				el = &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{{Key: "src", Val: dest}, {Key: "alt", Val: label}}}
			} else {
				el = &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: dest}}}
				el.AppendChild(&html.Node{Type: html.TextNode, Data: label})
			}
		} else {
			address := trimAddress(text[m[0]:m[1]])
			end = m[0] + len(address)
			el = &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: address}}}
			el.AppendChild(&html.Node{Type: html.TextNode, Data: address})
		}
		if from < m[0] {
			add(&html.Node{Type: html.TextNode, Data: text[from:m[0]]})
		}
		add(el)
		from = end
	}
	if from < len(text) {
		add(&html.Node{Type: html.TextNode, Data: text[from:]})
	}
	n.RemoveChild(c)
	return last, markdown
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
