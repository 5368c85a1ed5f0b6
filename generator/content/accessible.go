package content

import (
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// What goldmark makes of a task list, a wide table and a footnote is
// made here so that a reader with a screen reader or a keyboard can use
// it, whatever theme shows it: a task's box is a picture with a name, not
// a form control with none; a table scrolls sideways inside a region the
// keyboard can reach, so a wide one is not cut off on a phone; and a
// footnote's link back says where it leads.

// accessible renders task boxes, tables and titled code blocks; it goes
// before goldmark's own.
type accessible struct{ table, code renderer.NodeRendererFunc }

func newAccessible() accessible {
	var c captured
	extension.NewTableHTMLRenderer().RegisterFuncs(&c)
	html.NewRenderer().RegisterFuncs(&c)
	return accessible{table: c.funcs[east.KindTable], code: c.funcs[ast.KindFencedCodeBlock]}
}

func (a accessible) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, renderTaskBox)
	reg.Register(east.KindTable, a.renderTable)
	reg.Register(east.KindFootnoteBacklink, renderBacklink)
	reg.Register(ast.KindFencedCodeBlock, a.renderCode)
}

// renderBacklink makes a footnote's link back to a reference to it, ↩ to
// the eye, and to a screen reader "Back to reference 2", or, where the
// footnote is cited more than once, "Back to reference 2 (1 of 3)", so
// that its links back can be told apart.
func renderBacklink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.FootnoteBacklink)
	ref, label := "", "Back to reference "+strconv.Itoa(n.Index)
	if n.RefIndex > 0 {
		ref = strconv.Itoa(n.RefIndex)
	}
	if n.RefCount > 1 {
		label += fmt.Sprintf(" (%d of %d)", n.RefIndex+1, n.RefCount)
	}
	fmt.Fprintf(w, `&#160;<a href="#fnref%s:%d" class="footnote-backref" role="doc-backlink"><span role="img" aria-label="%s">&#x21a9;&#xfe0e;</span></a>`, ref, n.Index, label)
	return ast.WalkContinue, nil
}

// renderTaskBox shows a task's box as ☑ or ☐, named "Done" or "To do".
func renderTaskBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		w.WriteString(`<span class="task done" role="img" aria-label="Done">☑</span> `)
	} else {
		w.WriteString(`<span class="task" role="img" aria-label="To do">☐</span> `)
	}
	return ast.WalkContinue, nil
}

// renderTable makes a table as goldmark does, inside a region named by
// its place on the page ("Table 2"), which the keyboard can reach and
// scroll.
func (a accessible) renderTable(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		status, err := a.table(w, source, node, entering)
		w.WriteString("</div>\n")
		return status, err
	}
	n, _ := node.AttributeString(tableNumber)
	w.WriteString(`<div class="table-scroll" role="region" tabindex="0" aria-label="Table `)
	w.WriteString(strconv.Itoa(n.(int)))
	w.WriteString("\">\n")
	return a.table(w, source, node, entering)
}

// tableNumber is the attribute numberTables gives each table, its place
// among the body's tables, from 1; no table attribute goldmark writes
// has that name.
const tableNumber = "bulletin-table-number"

// numberTables numbers the body's tables in the order they come.
type numberTables struct{}

func (numberTables) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	n := 0
	ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && node.Kind() == east.KindTable {
			n++
			node.SetAttributeString(tableNumber, n)
		}
		return ast.WalkContinue, nil
	})
}

// captured keeps the render functions a renderer registers.
type captured struct {
	funcs map[ast.NodeKind]renderer.NodeRendererFunc
}

func (c *captured) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) {
	if c.funcs == nil {
		c.funcs = map[ast.NodeKind]renderer.NodeRendererFunc{}
	}
	c.funcs[kind] = f
}
