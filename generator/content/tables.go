package content

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxTableCells bounds the cells of one table. goldmark makes each cell
// a node of a few hundred bytes, and fills a short row out to the width
// of the header, so that a 44 KB table of a thousand columns and 20,000
// rows of one cell took 35 s and 5.4 GB. A table of 10,000 rows and 20
// columns fits; a larger one is data, better published as a file.
const maxTableCells = 200_000

// bigTable is where the parser context keeps the first table found over
// maxTableCells, as a *tableSize.
var bigTable = parser.NewContextKey()

// tableSize is the size of a table and the offset in the body of the
// paragraph it starts in.
type tableSize struct{ offset, columns, rows int }

// tableCells is a paragraph transformer, run before the table's own,
// that takes a paragraph out of the page when the table in it would
// have more than maxTableCells cells, and notes the first such table,
// so that it is never made.
type tableCells struct{}

func (tableCells) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	// As goldmark reads a table: the first line that is a row of
	// delimiters, the line before it the header, every line after it a
	// row of the header's width.
	for i := 1; i < lines.Len(); i++ {
		line := lines.At(i)
		columns := delimiterCells(line.Value(reader.Source()))
		if columns == 0 {
			continue
		}
		if rows := lines.Len() - i; columns*rows > maxTableCells {
			if pc.Get(bigTable) == nil {
				pc.Set(bigTable, &tableSize{offset: lines.At(0).Start, columns: columns, rows: rows})
			}
			node.Parent().RemoveChild(node.Parent(), node)
		}
		return
	}
}

// delimiterCells counts the cells of a table's delimiter row, such as
// "| :-- | --: |", or gives 0 when the line is not one.
func delimiterCells(line []byte) int {
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	line = bytes.TrimSuffix(line, []byte("|"))
	if len(line) == 0 {
		return 0
	}
	n := 0
	for cell := range bytes.SplitSeq(line, []byte("|")) {
		cell = bytes.Trim(bytes.TrimSpace(cell), ":")
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) != 0 {
			return 0
		}
		n++
	}
	return n
}
