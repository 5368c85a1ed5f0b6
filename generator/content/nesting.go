package content

import "bytes"

// maxNesting bounds how deep an article's block quotes and lists nest.
// Reading Markdown costs more than the square of the depth (400,000
// quotes on one line took a minute), and browsers flatten elements
// nested deeper than a few hundred anyway, so no reader loses a level.
const maxNesting = 100

// tooDeep finds the first line of body whose block quotes and list
// items nest deeper than maxNesting: its index from 0 and its depth,
// or -1 when there is none. A line's depth is counted from its start:
// each ">" and list marker, and every two columns of the indentation
// before the first of them, where lists nest by indenting. That can
// count a level too many, never one too few; a line that opens no
// quote or list item, however indented, counts none.
func tooDeep(body []byte) (line, depth int) {
	for i := 0; len(body) > 0; i++ {
		l := body
		if end := bytes.IndexByte(body, '\n'); end >= 0 {
			l, body = body[:end], body[end+1:]
		} else {
			body = nil
		}
		if d := nesting(l); d > maxNesting {
			return i, d
		}
	}
	return -1, 0
}

// nesting is the depth of the containers one line opens or continues.
func nesting(l []byte) int {
	depth, indent, marked := 0, 0, false
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == ' ' && !marked:
			indent++
		case c == '\t' && !marked:
			indent += 4
		case c == ' ' || c == '\t':
		case c == '>' || (c == '-' || c == '*' || c == '+') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			if !marked {
				depth, marked = indent/2, true
			}
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j == len(l) || (l[j] != '.' && l[j] != ')') || (j+1 < len(l) && l[j+1] != ' ' && l[j+1] != '\t') {
				return depth
			}
			if !marked {
				depth, marked = indent/2, true
			}
			depth, i = depth+1, j
		default:
			return depth
		}
	}
	return depth
}
