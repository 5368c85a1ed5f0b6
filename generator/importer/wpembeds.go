package importer

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// WordPress embeds an address written on a line of its own, or alone in
// a paragraph, as an embed block and the [embed] shortcode write it: it
// asks the address's site for HTML to show (a tweet, a video's player),
// and keeps that HTML in a field of the post, _oembed_ and a hash, which
// the export holds. The hash is of the address and of the width the
// theme gave embeds, which the export does not hold, so each HTML is
// matched to its address by the link to it that the HTML holds instead.

var (
	// embedLine matches an address on a line of its own.
	embedLine = regexp.MustCompile(`(?im)^([ \t]*)(https?://[^\s<>"]+)([ \t]*)$`)
	// embedParagraph matches an address alone in a paragraph.
	embedParagraph = regexp.MustCompile(`(?i)(<p(?: [^>]*)?>\s*)(https?://[^\s<>"]+)(\s*</p>)`)
)

// embeds puts in raw, a post's HTML, a quote of what each embed showed
// where one of cached, the HTML the export keeps of the post's embeds,
// links to its address (see embedQuote); code is left as it is. An embed
// none links to is left as its address, which becomes a link, and told
// of, as what it showed is lost.
func embeds(raw string, cached []string, p *post, r *Report) string {
	var linked []string
	quote := func(match string, groups []string) string {
		address := strings.ReplaceAll(groups[2], "&amp;", "&") // as WordPress reads it
		if q := embedQuote(address, cached); q != "" {
			return q
		}
		if !slices.Contains(linked, address) {
			linked = append(linked, address)
		}
		return match
	}
	raw, _ = replaceOutside(raw, htmlCode(raw), embedLine, quote)
	raw, _ = replaceOutside(raw, htmlCode(raw), embedParagraph, quote)
	switch n := len(linked); {
	case n == 1:
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("an address on a line of its own, %s, which WordPress embeds (a tweet, a video) where its site allows, became a link, as the export holds no text of the embed: check the old page", linked[0])))
	case n > 1:
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%d addresses on lines of their own (%s), which WordPress embeds (a tweet, a video) where their sites allow, became links, as the export holds no text of the embeds: check the old page", n, strings.Join(firstOf(linked, 3), ", "))))
	}
	return raw
}

// embedQuote gives the first embed of cached, the HTML of embeds, that
// ends in a link to address (see endsInLink), as a quote: its text and links, without the script, style and
// players that drew the embed, which the quote stands for; in a quote of
// its own unless it holds one, as a tweet's does. "" when none ends so.
func embedQuote(address string, cached []string) string {
	var found []*html.Node
	for _, c := range cached {
		nodes, err := html.ParseFragment(strings.NewReader(c), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err == nil && endsInLink(nodes, address) {
			found = nodes
			break
		}
	}
	if found == nil {
		return ""
	}
	quote := &html.Node{Type: html.ElementNode, Data: "blockquote", DataAtom: atom.Blockquote}
	for _, n := range found {
		quote.AppendChild(n)
	}
	drawn(quote)
	var b strings.Builder
	if !holdsQuote(quote) {
		html.Render(&b, quote)
		return b.String()
	}
	for n := quote.FirstChild; n != nil; n = n.NextSibling {
		html.Render(&b, n)
	}
	return b.String()
}

// endsInLink says whether the last link of nodes, an embed's HTML, is to
// address: an embed ends in a link to what it shows (a tweet in its
// date), where a link before it may be to another (a tweet names an
// account it mentions).
func endsInLink(nodes []*html.Node, address string) bool {
	var last *html.Node
	for _, n := range nodes {
		if n.Type == html.ElementNode && n.Data == "a" {
			last = n
		}
		for d := range n.Descendants() {
			if d.Type == html.ElementNode && d.Data == "a" {
				last = d
			}
		}
	}
	return last != nil && sameEmbed(attr(last, "href"), address)
}

// sameEmbed says whether href is a link to address: one on its host,
// with www. or without, at its path, with a slash at the end or
// without, and with its query, which the link may add to (Twitter's
// ?ref_src=).
func sameEmbed(href, address string) bool {
	h, err1 := url.Parse(strings.TrimSpace(href))
	a, err2 := url.Parse(address)
	if err1 != nil || err2 != nil || h.Host == "" {
		return false
	}
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Host), "www.") }
	if host(h) != host(a) || strings.TrimSuffix(h.Path, "/") != strings.TrimSuffix(a.Path, "/") {
		return false
	}
	q := h.Query()
	for name, values := range a.Query() {
		for _, v := range values {
			if !slices.Contains(q[name], v) {
				return false
			}
		}
	}
	return true
}

// drawn leaves out of n what drew an embed: scripts, styles, and the
// frames and players that showed it.
func drawn(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.DataAtom {
		case atom.Script, atom.Style, atom.Iframe, atom.Video, atom.Audio, atom.Embed, atom.Object:
			n.RemoveChild(c)
		default:
			drawn(c)
		}
		c = next
	}
}

// holdsQuote says whether an element in n is a quote.
func holdsQuote(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Blockquote || holdsQuote(c) {
			return true
		}
	}
	return false
}
