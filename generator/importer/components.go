package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A post written in MDX or for VitePress holds components (<Tabs>,
// <AuthorCard />), which a browser reads as elements it does not know,
// showing their text and nothing of what they made of it, and elements
// given a script in JSX (<button onClick={() => …}>), which Markdown
// reads as text, braces and all. None can be carried over: each is
// told, once a post, by name. A tab keeps its label, as a bold line
// before what it holds; a button that ran a script is left out, as it
// does nothing without it.

var (
	// tabLabel matches the label of a tab, else the value that stands
	// for it: label="Debian", value={'apt'}.
	tabLabel = regexp.MustCompile(`\b(label|value)=(?:"([^"]*)"|'([^']*)'|\{\s*["'` + "`" + `]([^"'` + "`" + `]*)["'` + "`" + `]\s*\})`)
	// scriptAttr matches an attribute that JSX gives a script.
	scriptAttr = regexp.MustCompile(`\s(on[A-Z]\w*)=\{`)
)

// components tells the components and the elements given a script in
// body, Markdown, outside its code, and gives body with each tab's
// label kept and each scripted button left out.
func components(body string) (string, []loss) {
	if !strings.Contains(body, "<") {
		return body, nil
	}
	code := codeRangesOf(body, false)
	closed := closings(body)
	var b strings.Builder
	var lost []loss
	last := 0
	for i := 0; i < len(body); i++ {
		if body[i] != '<' || inRanges(code, i) {
			continue
		}
		stop, name, self, ok := scanTag(body, i)
		if !ok {
			continue
		}
		raw := body[i:stop]
		r, _ := utf8.DecodeRuneInString(name)
		switch handler := scanHandler(raw); {
		case unicode.IsUpper(r) || strings.Contains(name, "-"):
			switch {
			case !self && closed[name] < stop:
				// A placeholder in prose (var <name> <DataType>), as
				// no component is left open.
			case self:
				lost = append(lost, loss{i, fmt.Sprintf("<%s />, a component of MDX or Vue, not carried over: it is left out, with what it showed; write in Markdown what readers should still see of it", name)})
			case name == "TabItem":
				lost = append(lost, loss{i, "<TabItem>, a component of MDX or Vue, not carried over: each tab's label is kept as a bold line before what it holds, the tabs one after another; check they read as meant"})
				if m := tabLabel.FindAllStringSubmatch(raw, -1); m != nil {
					label := ""
					for _, x := range m {
						if text := x[2] + x[3] + x[4]; x[1] == "label" || label == "" {
							label = text
						}
					}
					// A paragraph of its own, apart from the HTML before it.
					before := strings.TrimRight(body[last:i], " \t")
					b.WriteString(before)
					if !strings.HasSuffix(before, "\n\n") {
						b.WriteString("\n")
					}
					b.WriteString("**" + escapeText(label) + "**")
					last, i = stop, stop-1
				}
			default:
				lost = append(lost, loss{i, fmt.Sprintf("<%s>, a component of MDX or Vue, not carried over: what it holds is kept as text, without what the component made of it; check it reads as meant", name)})
			}
		case handler != "" && name == "button":
			// Its end before a blank line, looked for no further.
			para := len(body)
			if k := strings.Index(body[stop:min(len(body), stop+tagWindow)], "\n\n"); k >= 0 {
				para = stop + k
			}
			end := strings.Index(body[stop:min(para, stop+tagWindow)], "</button>")
			if end < 0 {
				continue
			}
			end += stop + len("</button>")
			lost = append(lost, loss{i, fmt.Sprintf("<button %s={…}>, an element given a script, not carried over: left out, with its text, as it does nothing without its script; write in Markdown what it did, if readers need it", handler)})
			b.WriteString(body[last:i])
			last, i = end, end-1
		case handler != "":
			lost = append(lost, loss{i, fmt.Sprintf("<%s %s={…}>, an element given a script, not carried over: its script is left out, and its text kept; check it reads as meant", name, handler)})
			b.WriteString(body[last:i])
			b.WriteString(withoutScripts(raw))
			last, i = stop, stop-1
		}
	}
	b.WriteString(body[last:])
	return b.String(), lost
}

// scanTag reads the opening tag at body[i], a component's or an
// element's, its attributes holding JSX's {…} and quotes: it gives where
// it ends, its name and whether it closes itself (<X />). A closing tag,
// and a < that starts no tag, or one that runs over a blank line, give
// false.
func scanTag(body string, i int) (stop int, name string, self, ok bool) {
	j := nameEnd(body, i+1)
	if j == i+1 || !isLetter(body[i+1]) {
		return 0, "", false, false
	}
	name = body[i+1 : j]
	// What a tag holds is read no further than tagWindow: a < that
	// starts none is then passed over in time that does not grow with
	// the body.
	end := min(len(body), i+tagWindow)
	for j < end {
		switch c := body[j]; {
		case c == '>':
			return j + 1, name, false, true
		case c == '/' && j+1 < len(body) && body[j+1] == '>':
			return j + 2, name, true, true
		case c == '{':
			depth := 0
			for ; j < end; j++ {
				switch body[j] {
				case '{':
					depth++
				case '}':
					depth--
				case '"', '\'', '`':
					if k := strings.IndexByte(body[j+1:end], body[j]); k >= 0 {
						j += k + 1
					}
				}
				if depth == 0 {
					break
				}
			}
			j++
		case c == '"' || c == '\'':
			k := strings.IndexByte(body[j+1:end], c)
			if k < 0 {
				return 0, "", false, false
			}
			j += k + 2
		case c == '\n' && strings.HasPrefix(strings.TrimLeft(body[j+1:end], " \t"), "\n"):
			return 0, "", false, false
		case j == i+len(name)+1 && c != ' ' && c != '\t' && c != '\n':
			// <a.b> or <3: no tag.
			return 0, "", false, false
		default:
			j++
		}
	}
	return 0, "", false, false
}

// tagWindow is how far a tag, and a button's text, is read.
const tagWindow = 4000

// closings gives where the last closing tag of each name in body
// starts (</Tabs>), names read as scanTag reads them.
func closings(body string) map[string]int {
	last := map[string]int{}
	for i := 0; ; {
		k := strings.Index(body[i:], "</")
		if k < 0 {
			return last
		}
		at := i + k
		j := nameEnd(body, at+2)
		if j > at+2 && j < len(body) && body[j] == '>' {
			last[body[at+2:j]] = at
		}
		i = at + 2
	}
}

// nameEnd gives where the name of a tag that starts at body[i] ends:
// letters and digits, and dots and hyphens after the first (Tabs.Item,
// my-card).
func nameEnd(body string, i int) int {
	j := i
	for j < len(body) && (isNameByte(body[j]) || j > i && (body[j] == '.' || body[j] == '-')) {
		j++
	}
	return j
}

func isLetter(c byte) bool   { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNameByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' }

// scanHandler gives the name of the first attribute of the tag raw that
// JSX gives a script (onClick), "" when it has none.
func scanHandler(raw string) string {
	if m := scriptAttr.FindStringSubmatch(raw); m != nil {
		return m[1]
	}
	return ""
}

// withoutScripts gives the tag raw without the attributes JSX gives a
// script, braces and all.
func withoutScripts(raw string) string {
	for {
		m := scriptAttr.FindStringIndex(raw)
		if m == nil {
			return raw
		}
		end, depth := m[1]-1, 0
		for ; end < len(raw); end++ {
			if raw[end] == '{' {
				depth++
			} else if raw[end] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		raw = raw[:m[0]] + raw[min(end+1, len(raw)):]
	}
}
