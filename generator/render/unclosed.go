package render

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	tparse "text/template/parse"
)

// openBlock is a block of a theme file that no {{end}} closes: its
// action, as readers write it ({{if}}, {{define "main"}}), and its line.
type openBlock struct {
	action string
	line   int
}

// unclosedMark stands before each {{end}} that unclosed adds, so that
// the block it closes can be found in the parsed tree.
const unclosedMark = "\x00unclosed "

// unclosed gives the blocks that text, a theme file named name, leaves
// open where it ends, innermost first: the parser's own error names
// only the place where it gave up, the end of the file or a {{define}}
// further down, which may be far from the block that lacks its {{end}}.
// It adds {{end}}s until the text parses, each after a mark, and gives
// the block each one closes; nil if no number of them makes it parse.
func unclosed(name, text string) []openBlock {
	for n := 1; n <= 100; n++ {
		var b strings.Builder
		b.WriteString(text)
		for i := range n {
			fmt.Fprintf(&b, "%s%d{{end}}", unclosedMark, i)
		}
		trees := map[string]*tparse.Tree{}
		t := tparse.New(name)
		t.Mode = tparse.SkipFuncCheck
		if _, err := t.Parse(b.String(), "", "", trees); err != nil {
			if strings.Contains(err.Error(), "unexpected EOF") {
				continue
			}
			return nil
		}
		open := make([]openBlock, n)
		found := 0
		closedBy := func(l *tparse.ListNode) int {
			if l == nil || len(l.Nodes) == 0 {
				return -1
			}
			// The parser joins the mark to the text before it.
			tn, ok := l.Nodes[len(l.Nodes)-1].(*tparse.TextNode)
			if !ok {
				return -1
			}
			j := strings.LastIndex(string(tn.Text), unclosedMark)
			if j < 0 {
				return -1
			}
			i, err := strconv.Atoi(string(tn.Text[j+len(unclosedMark):]))
			if err != nil || i < 0 || i >= n {
				return -1
			}
			return i
		}
		// walk finds the blocks the marks close. An {{else if}} or
		// {{else with}} is parsed as a block inside the {{else}} of the
		// one it continues, closed by the same {{end}}: it is told as
		// that one, chain, where it began.
		var walk func(node tparse.Node, chain *openBlock)
		walk = func(node tparse.Node, chain *openBlock) {
			var branch *tparse.BranchNode
			keyword := ""
			switch x := node.(type) {
			case *tparse.ListNode:
				if x != nil {
					for _, c := range x.Nodes {
						walk(c, nil)
					}
				}
				return
			case *tparse.IfNode:
				branch, keyword = &x.BranchNode, "if"
			case *tparse.RangeNode:
				branch, keyword = &x.BranchNode, "range"
			case *tparse.WithNode:
				branch, keyword = &x.BranchNode, "with"
			default:
				return
			}
			own := openBlock{"{{" + keyword + "}}", branch.Line}
			if chain != nil && elseChained(text, int(branch.Position())) {
				own = *chain
			}
			for _, l := range []*tparse.ListNode{branch.List, branch.ElseList} {
				if i := closedBy(l); i >= 0 && open[i].action == "" {
					open[i] = own
					found++
				}
			}
			walk(branch.List, nil)
			if e := branch.ElseList; e != nil && len(e.Nodes) == 1 {
				walk(e.Nodes[0], &own)
			} else {
				walk(e, nil)
			}
		}
		actions := definedIn.FindAllStringSubmatchIndex(text, -1)
		for defined, tree := range trees {
			if tree.Root == nil {
				continue
			}
			walk(tree.Root, nil)
			i := closedBy(tree.Root)
			if i < 0 || defined == name || open[i].action != "" {
				continue
			}
			for _, m := range actions { // the last {{define}} before its text
				if m[0] < int(tree.Root.Position()) && text[m[4]:m[5]] == defined {
					open[i] = openBlock{fmt.Sprintf("{{%s %q}}", text[m[2]:m[3]], defined), strings.Count(text[:m[0]], "\n") + 1}
				}
			}
			if open[i].action != "" {
				found++
			}
		}
		if found != n {
			return nil
		}
		return open
	}
	return nil
}

// unclosedMessage tells of the blocks a theme file, name holding text,
// leaves open where the parser stopped at line: at its end (eof), or
// at a {{define}}, which may not stand inside another block. It gives
// the line of the innermost, and "" where it cannot tell which.
func unclosedMessage(name, text string, line int, eof bool) (int, string) {
	where := fmt.Sprintf("by the end of the file (line %d)", line)
	if !eof {
		// The text up to the {{define}} on that line, which the parser
		// would not take inside a block.
		cut := -1
		for _, m := range definedIn.FindAllStringSubmatchIndex(text, -1) {
			if strings.Count(text[:m[0]], "\n")+1 == line && text[m[2]:m[3]] == "define" {
				cut = m[0]
				break
			}
		}
		if cut < 0 {
			return 0, ""
		}
		text = text[:cut]
		where = fmt.Sprintf("before the {{define}} at line %d, which cannot stand inside it", line)
	}
	open := unclosed(name, text)
	if len(open) == 0 {
		return 0, ""
	}
	msg := fmt.Sprintf("%s has no {{end}} %s", open[0].action, where)
	for i, b := range open[1:] {
		sep := ", "
		if i == len(open)-2 {
			sep = " and "
		}
		if i == 0 {
			sep = "; nor has "
		}
		msg += fmt.Sprintf("%s%s at line %d", sep, b.action, b.line)
	}
	add := ": add its {{end}}, or that of a block inside it, which took its {{end}}"
	if len(open) > 1 {
		add = fmt.Sprintf(": add the %d {{end}}s they lack, or those of blocks inside them, which took theirs", len(open))
	}
	return open[0].line, msg + add
}

// elseChain matches the action of an {{else if}} or {{else with}} up to
// its pipeline.
var elseChain = regexp.MustCompile(`\{\{-?\s*else\s+(?:if|with)\s+$`)

// elseChained reports whether the pipeline at pos in text is that of an
// {{else if}} or {{else with}}.
func elseChained(text string, pos int) bool {
	if pos > len(text) {
		return false
	}
	start := strings.LastIndex(text[:pos], "{{")
	return start >= 0 && elseChain.MatchString(text[start:pos])
}
