package content

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Docusaurus and MkDocs title a code block in its opening fence
// (```go title="schema/pet.go"), and VitePress labels it (```sh [npm]):
// the title says which file the code is, or which of two ways it shows.
// goldmark takes the first word for the language and drops the rest, so
// the title is shown here as the caption of a figure around the block.

// codeTitle gives the title the info string of a fenced code block gives
// it, or "", its references and escapes read, as CommonMark reads an
// info string's.
func codeTitle(info string) string {
	title := ""
	if m := codeTitleAttribute.FindStringSubmatch(info); m != nil {
		title = m[1] + m[2]
	} else if m := codeLabel.FindStringSubmatch(info); m != nil {
		title = m[1]
	}
	return strings.TrimSpace(asLinked([]byte(title)))
}

var (
	codeTitleAttribute = regexp.MustCompile(`(?:^|\s)title=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')`)
	codeLabel          = regexp.MustCompile(`^\S+\s+\[([^\]]+)\]`)
)

// renderCode makes a fenced code block as goldmark does, inside a figure
// captioned with its title where its fence gives one.
func (a accessible) renderCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	title := ""
	if n := node.(*ast.FencedCodeBlock); n.Info != nil {
		title = codeTitle(string(n.Info.Segment.Value(source)))
	}
	if title == "" {
		return a.code(w, source, node, entering)
	}
	if !entering {
		status, err := a.code(w, source, node, entering)
		w.WriteString("</figure>\n")
		return status, err
	}
	w.WriteString(`<figure class="code"><figcaption>`)
	w.Write(util.EscapeHTML([]byte(title)))
	w.WriteString("</figcaption>\n")
	return a.code(w, source, node, entering)
}
