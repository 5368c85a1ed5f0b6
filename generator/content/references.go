package content

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// decimalReferences writes each decimal character reference of a link's
// or an image's destination without its leading zeros (&#065; as &#65;),
// as the page writes its text: goldmark reads a reference with a
// leading zero in a destination as octal, so that /x&#065;y/ linked to
// /x5y/.
type decimalReferences struct{}

func (decimalReferences) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = withoutLeadingZeros(n.Destination)
		case *ast.Image:
			n.Destination = withoutLeadingZeros(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// leadingZeros matches the leading zeros of a decimal character
// reference, and the rest of it, up to its semicolon: without one, it is
// no reference but text (&#0106y).
var leadingZeros = regexp.MustCompile(`&#0+([0-9]+;)`)

// withoutLeadingZeros gives dest with each decimal character reference
// written without its leading zeros.
func withoutLeadingZeros(dest []byte) []byte {
	return leadingZeros.ReplaceAll(dest, []byte("&#$1"))
}
