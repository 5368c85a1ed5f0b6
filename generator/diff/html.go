package diff

import (
	"html/template"
	"strings"
)

// HTML renders a comparison as paragraphs for a page, its text escaped.
// An insertion is <ins>, a deletion <del>, each starting with a visually
// hidden "added: " or "removed: " (a span of class visually-hidden, which
// the theme must hide), so that neither depends on colour or sight. A line
// break is <br>. A moved paragraph is a <p class="moved"> in its new place,
// starting with a note (a span of class note) that says where it came
// from, and its old place is a <p class="moved-away"> holding a note
// alone.
func HTML(paras []Para) template.HTML {
	var b strings.Builder
	for i, p := range paras {
		switch p.Move {
		case MovedAway:
			b.WriteString(`<p class="moved-away"><span class="note">A paragraph moved from here ` + direction(p.Pair > i) + ".</span></p>\n")
			continue
		case MovedHere:
			b.WriteString(`<p class="moved"><span class="note">Moved here from ` + direction(p.Pair > i) + `: </span>`)
		default:
			b.WriteString("<p>")
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
		b.WriteString("</p>\n")
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
