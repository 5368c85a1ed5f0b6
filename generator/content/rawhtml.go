package content

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// escapedHTML shows raw HTML in Markdown as the text it is, so readers
// see what the editor wrote and nothing in it runs. It replaces
// goldmark's default of leaving it out silently; the raw_html setting
// lets it through instead. An HTML comment is left out: it is a note
// for editors, which no Markdown renderer shows.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && !isComment(node.(*ast.RawHTML).Segments.Value(source)) {
		segs := node.(*ast.RawHTML).Segments
		for i := range segs.Len() {
			seg := segs.At(i)
			w.WriteString(html.EscapeString(string(seg.Value(source))))
		}
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var raw []byte
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		raw = append(raw, seg.Value(source)...)
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		raw = append(raw, closure.Value(source)...)
	}
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		// A comment block ends on the line of its -->: what follows the
		// comment on that line is shown.
		if end := bytes.Index(raw, []byte("-->")); end >= 0 {
			raw = bytes.TrimLeft(raw[end+len("-->"):], " \t\n")
		}
		if len(raw) == 0 {
			return ast.WalkSkipChildren, nil
		}
	}
	w.WriteString("<pre class=\"raw-html\"><code>")
	w.WriteString(html.EscapeString(string(raw)))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// isComment says whether inline raw HTML is a comment.
func isComment(raw []byte) bool { return bytes.HasPrefix(raw, []byte("<!--")) }
