package importer

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// refArg is the page a ref or relref shortcode names: its first argument,
// quoted or not, or its path argument.
var refArg = regexp.MustCompile("^(?:path\\s*=\\s*)?[\"`]?([^\"`\\s]+)")

// shortcodes turns the Hugo shortcodes of a page's body into what they
// showed: {{< ref "x" >}} and {{< relref "x" >}} become the new URL of
// the post they name, and {{</* x */>}}, Hugo's way of writing a
// shortcode as text, becomes {{< x >}}. Every other shortcode is kept as
// it is written, with a warning.
func shortcodes(p *post, ix *index, r *Report) string {
	s := p.raw
	var b strings.Builder
	pos := 0
	for {
		i := strings.Index(s[pos:], "{{")
		if i < 0 || pos+i+2 >= len(s) {
			break
		}
		i += pos
		open := s[i+2]
		if open != '<' && open != '%' {
			b.WriteString(s[pos : i+2])
			pos = i + 2
			continue
		}
		b.WriteString(s[pos:i])
		closer := ">}}"
		if open == '%' {
			closer = "%}}"
		}
		j := strings.Index(s[i+3:], closer)
		line := p.bodyLine + strings.Count(s[:i], "\n")
		if j < 0 {
			r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("{{%c is never closed with %s: kept as text", open, closer)))
			pos = i
			break
		}
		end := i + 3 + j + 3
		tag, inner := s[i:end], strings.TrimSpace(s[i+3:end-3])
		pos = end
		if strings.HasPrefix(inner, "/*") && strings.HasSuffix(inner, "*/") {
			fmt.Fprintf(&b, "{{%c %s %s", open, strings.TrimSpace(inner[2:len(inner)-2]), closer)
			continue
		}
		name, args, _ := strings.Cut(inner, " ")
		switch name {
		case "ref", "relref":
			if u, ok := resolveRef(p, ix, strings.TrimSpace(args)); ok {
				b.WriteString(u)
				continue
			}
			r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("%s names no post of this import: kept as text", tag)))
		default:
			if !strings.HasPrefix(name, "/") {
				r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("Hugo shortcode %s kept as text", tag)))
			}
		}
		b.WriteString(tag)
	}
	b.WriteString(s[pos:])
	return b.String()
}

// resolveRef gives the new URL of the page a ref shortcode names, as Hugo
// finds it: by its path in the content folder, or relative to the page,
// or by its file name alone.
func resolveRef(p *post, ix *index, args string) (string, bool) {
	m := refArg.FindStringSubmatch(args)
	if m == nil {
		return "", false
	}
	target, frag, _ := strings.Cut(m[1], "#")
	if frag != "" {
		frag = "#" + frag
	}
	if target == "" {
		return frag, frag != ""
	}
	// A page is found among those of its own language: its keys start
	// with the language's, in a site in several.
	here, lang := "", ""
	for _, k := range p.keys {
		if before, after, ok := strings.Cut(k, "hugo:"); ok {
			here, lang = path.Dir(after), before
			break
		}
	}
	var keys []string
	if strings.HasPrefix(target, "/") {
		keys = []string{lang + "hugo:" + path.Clean(target)[1:]}
	} else {
		keys = []string{lang + "hugo:" + path.Join(here, target), lang + "hugo:" + path.Clean(target), lang + "base:" + path.Base(target)}
	}
	for _, k := range keys {
		for _, key := range []string{k, strings.TrimSuffix(k, path.Ext(k))} {
			if q := ix.find(key); q != nil && !q.skip {
				return q.url + frag, true
			}
		}
	}
	return "", false
}
