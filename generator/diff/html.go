package diff

import (
	"html/template"
	"strconv"
	"strings"
)

// HTML renders a comparison as paragraphs for a page, its text escaped.
// An insertion is <ins>, a deletion <del>, each starting with a visually
// hidden "added: " or "removed: " (a span of class visually-hidden, which
// the theme must hide), so that neither depends on colour or sight. A line
// break is <br>. A heading is an <h1> to <h6> of its level, a list item a
// <p class="item">, any other a <p>. A moved paragraph has the class
// moved in its new place, and starts with a note (a span of class note)
// that says where it came from; its old place is a <p class="moved-away">
// holding a note alone.
func HTML(paras []Para) template.HTML {
	var b strings.Builder
	for i, p := range paras {
		if p.Move == MovedAway {
			b.WriteString(`<p class="moved-away"><span class="note">A paragraph moved from here ` + direction(p.Pair > i) + ".</span></p>\n")
			continue
		}
		tag, class := "p", ""
		switch {
		case p.Shape.Level > 0:
			tag = "h" + strconv.Itoa(min(p.Shape.Level, 6))
		case p.Shape.Item:
			class = "item"
		}
		if p.Move == MovedHere {
			class = strings.TrimSpace(class + " moved")
		}
		b.WriteString("<" + tag)
		if class != "" {
			b.WriteString(` class="` + class + `"`)
		}
		b.WriteString(">")
		if p.Move == MovedHere {
			b.WriteString(`<span class="note">Moved here from ` + direction(p.Pair > i) + `: </span>`)
		}
		for _, op := range p.Ops {
			switch op.Kind {
			case Insert:
				b.WriteString(`<ins><span class="visually-hidden">added: </span>`)
				writeText(&b, op.Text)
				b.WriteString("</ins>")
			case Delete:
				b.WriteString(`<del><span class="visually-hidden">removed: </span>`)
				writeText(&b, op.Text)
				b.WriteString("</del>")
			default:
				writeText(&b, op.Text)
			}
		}
		b.WriteString("</" + tag + ">\n")
	}
	return template.HTML(b.String())
}

func direction(down bool) string {
	if down {
		return "further down"
	}
	return "further up"
}

// writeText writes text escaped, its line breaks as <br>.
func writeText(b *strings.Builder, s string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(template.HTMLEscapeString(line))
	}
}
