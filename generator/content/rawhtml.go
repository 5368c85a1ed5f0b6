package content

import (
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// escapedHTML shows raw HTML in Markdown as the text it is, so readers
// see what the editor wrote and nothing in it runs. It replaces
// goldmark's default of leaving it out silently; the raw_html setting
// lets it through instead.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
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
	if entering {
		w.WriteString("<pre class=\"raw-html\"><code>")
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.WriteString(html.EscapeString(string(seg.Value(source))))
		}
		if n.HasClosure() {
			w.WriteString(html.EscapeString(string(n.ClosureLine.Value(source))))
		}
		w.WriteString("</code></pre>\n")
	}
	return ast.WalkSkipChildren, nil
}
