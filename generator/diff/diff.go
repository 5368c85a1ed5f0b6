// Package diff compares two versions of a text word by word, for readers
// who want to know what exactly changed.
//
// It takes two plain texts: paragraphs separated by blank lines, their
// lines kept apart by single line breaks. The caller turns Markdown into
// such text first, and passes single fields (a title, a summary, a status
// label) as they are, and lists (sources, events) one item a line, or one
// a paragraph to have a reordered item show as moved; CompareBlocks takes
// a text as blocks, each with its shape (a heading, a list item), which
// the comparison's paragraphs keep. Compare gives the paragraphs of the
// comparison, each a sequence of operations: runs of words kept, inserted
// or deleted, with the spaces and punctuation between them. HTML renders
// them for a page. Nothing here knows about articles or versions.
//
// Texts are compared as cleaned: invalid UTF-8 and NUL read as U+FFFD,
// spaces at the ends of lines, runs of spaces and extra blank lines do not
// count as changes. Paragraphs are matched first, so that one moved
// elsewhere, unchanged or nearly (four words in five the same), shows as
// moved instead of as deleted in one place and inserted in another; then
// paragraphs edited in place are compared word by word. The output
// depends only on the two texts.
package diff

import "strings"

// Kind says what an operation does.
type Kind uint8

const (
	Equal  Kind = iota // text in both versions
	Insert             // text only in the new version
	Delete             // text only in the old version
)

// Op is a run of text, words with the spaces and punctuation between
// them, with what happened to it.
type Op struct {
	Kind Kind
	Text string
}

// Move says whether a paragraph moved.
type Move uint8

const (
	// Stayed is a paragraph in its place, or only in one version.
	Stayed Move = iota
	// MovedHere is a paragraph that stood elsewhere in the old version,
	// where its MovedAway partner now stands; its Ops compare it as it
	// was with as it is.
	MovedHere
	// MovedAway marks where a moved paragraph stood in the old version.
	// It has no Ops: its partner has them.
	MovedAway
)

// Para is one paragraph of a comparison.
type Para struct {
	Ops  []Op
	Move Move
	// Pair is, for a moved paragraph, the index in the comparison of its
	// partner.
	Pair int
	// Shape is what the paragraph is in its text (see Block): in the new
	// version, or in the old for one only there.
	Shape Shape
}

// Shape is what a block of text is: a heading of a Level from 1 to 6, a
// list item, or, with neither, a paragraph.
type Shape struct {
	Level int
	Item  bool
}

// Block is a block of a text, with its shape: the text of a heading, a
// list item or a paragraph, which may hold blank lines, and then counts
// as as many paragraphs of that shape.
type Block struct {
	Text  string
	Shape Shape
}

// Compare compares the old text before with the new text after, and gives
// the paragraphs of both in reading order: those of the new text, with
// those deleted and the places moved paragraphs left where they stood in
// the old one.
func Compare(before, after string) []Para {
	paras, _ := compare(paragraphs(before), paragraphs(after))
	return paras
}

// CompareBlocks compares texts given as blocks, as Compare does: the
// shapes do not count as changes, and each paragraph of the comparison
// has the shape of its block.
func CompareBlocks(before, after []Block) []Para {
	olds, oldShapes := blockParagraphs(before)
	news, newShapes := blockParagraphs(after)
	paras, from := compare(olds, news)
	for i, f := range from {
		switch {
		case f.new >= 0:
			paras[i].Shape = newShapes[f.new]
		case f.old >= 0:
			paras[i].Shape = oldShapes[f.old]
		}
	}
	return paras
}

// blockParagraphs splits blocks into paragraphs, with the shape of each.
func blockParagraphs(blocks []Block) ([]string, []Shape) {
	var paras []string
	var shapes []Shape
	for _, b := range blocks {
		for _, p := range paragraphs(b.Text) {
			paras, shapes = append(paras, p), append(shapes, b.Shape)
		}
	}
	return paras, shapes
}

// Changed says whether a comparison found any change.
func Changed(paras []Para) bool {
	for _, p := range paras {
		if p.Move != Stayed {
			return true
		}
		for _, op := range p.Ops {
			if op.Kind != Equal {
				return true
			}
		}
	}
	return false
}

// Before gives the old text of a comparison, cleaned, its paragraphs
// separated by blank lines.
func Before(paras []Para) string {
	var out []string
	for _, p := range paras {
		switch p.Move {
		case MovedHere:
			continue
		case MovedAway:
			p = paras[p.Pair]
		}
		if s := side(p.Ops, Delete); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

// After gives the new text of a comparison, cleaned, its paragraphs
// separated by blank lines.
func After(paras []Para) string {
	var out []string
	for _, p := range paras {
		if s := side(p.Ops, Insert); p.Move != MovedAway && s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

// side gives the text of the operations that are equal or of kind k.
func side(ops []Op, k Kind) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Kind == Equal || op.Kind == k {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}
