package importer

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refArg is the page a ref or relref shortcode names: its first argument,
// quoted or not, or its path argument.
var refArg = regexp.MustCompile("^(?:path\\s*=\\s*)?(?:\"([^\"]+)\"|`([^`]+)`|([^\"`\\s]+))")

// refTarget gives the page a ref or relref shortcode's arguments name,
// quoted (spaces and all) or not; "" for none.
func refTarget(args string) string {
	m := refArg.FindStringSubmatch(strings.TrimSpace(args))
	if m == nil {
		return ""
	}
	return m[1] + m[2] + m[3]
}

// shortcodes turns the Hugo shortcodes of a page's body into what they
// showed: {{< ref "x" >}} and {{< relref "x" >}} become the new URL of
// the post they name, Hugo's own figure an image, its embeds of videos,
// gists and posts a link (see embed), a theme's note, tip or warning
// around some text a quote of it under its label (see admonitions), an
// inline shortcode the text it shows, if any (see inlineShortcode), and
// {{</* x */>}}, Hugo's way of writing a shortcode as text, becomes
// {{< x >}}. Every other shortcode is kept as it is written, with a
// warning.
func shortcodes(p *post, ix *index, r *Report) string {
	s := p.raw
	var b strings.Builder
	pos := 0
	inNote := false // a note is open, its closing tag still to come
	var kept repeated
	defined := map[string]inlineShown{} // what the inline shortcodes defined so far showed
	for {
		i := strings.Index(s[pos:], "{{")
		if i < 0 || pos+i+2 >= len(s) {
			break
		}
		i += pos
		delim := s[i+2]
		if delim != '<' && delim != '%' {
			b.WriteString(s[pos : i+2])
			pos = i + 2
			continue
		}
		b.WriteString(s[pos:i])
		closer := ">}}"
		if delim == '%' {
			closer = "%}}"
		}
		j := strings.Index(s[i+3:], closer)
		line := p.bodyLine + strings.Count(s[:i], "\n")
		if j < 0 {
			r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("{{%c is never closed with %s: kept as text", delim, closer)))
			pos = i
			break
		}
		end := i + 3 + j + 3
		tag, inner := s[i:end], strings.TrimSpace(s[i+3:end-3])
		pos = end
		if strings.HasPrefix(inner, "/*") && strings.HasSuffix(inner, "*/") {
			fmt.Fprintf(&b, "{{%c %s %s", delim, strings.TrimSpace(inner[2:len(inner)-2]), closer)
			continue
		}
		name, args := shortcodeName(inner)
		if strings.HasSuffix(name, ".inline") {
			if shown, used, ok := inlineShortcode(s[pos:], name, args, p.inline, defined); ok {
				b.WriteString(shown.text)
				pos += used
				r.Warnings = append(r.Warnings, routine(p.note(line, fmt.Sprintf("Hugo inline shortcode %s %s", tag, shown.msg)), shown.kind))
				continue
			}
		}
		switch {
		case admonitions[name] && !inNote && closes(s[pos:], name):
			inNote = true
			// Its title, else its kind ({{% callout note %}}: Note), else
			// its name, where that says what kind of note it is: a
			// callout or an alert that gives none has no label.
			named, pos := shortcodeArgs(args)
			label := named["title"]
			kind := cmp.Or(named["type"], strings.Join(pos[:min(1, len(pos))], ""))
			if kind == "" && !unnamed[name] {
				kind = name
			}
			if label == "" && kind != "" {
				label = capitalized(kind)
			}
			b.WriteString(quoteStart + label + "\x00")
			r.Warnings = append(r.Warnings, routine(p.note(line, fmt.Sprintf("Hugo shortcode %s became a quote of the text it holds", tag)), "Hugo shortcodes became quotes"))
			continue
		case strings.HasPrefix(name, "/") && admonitions[name[1:]] && inNote:
			inNote = false
			b.WriteString(quoteEnd)
			continue
		}
		if name == "highlight" {
			if md, end, ok := highlight(s, i, pos, args); ok {
				b.WriteString(md)
				pos = end
				r.Warnings = append(r.Warnings, routine(p.note(line, fmt.Sprintf("Hugo shortcode %s became a code block", tag)), "Hugo shortcodes became code blocks"))
				continue
			}
		}
		if md, what := embed(name, args); md != "" {
			b.WriteString(md)
			kind := "Hugo shortcodes became links to what they embedded"
			if what == "an image" {
				kind = "Hugo shortcodes became images"
			}
			r.Warnings = append(r.Warnings, routine(p.note(line, fmt.Sprintf("Hugo shortcode %s became %s", tag, what)), kind))
			continue
		}
		switch name {
		case "param":
			// The page's field of that name, else the site's param, as
			// Hugo showed it; a name that is neither stays as written.
			key := strings.ToLower(strings.Trim(strings.TrimSpace(args), `"'`))
			if v := cmp.Or(p.front.text(key), p.params.text(key)); v != "" {
				b.WriteString(v)
				r.Warnings = append(r.Warnings, routine(p.note(line, fmt.Sprintf("Hugo shortcode %s became the text it showed, %s", tag, v)), "Hugo param shortcodes became the text they showed"))
				continue
			}
			kept.warn(r, name, p.note(line, fmt.Sprintf("Hugo shortcode %s names no field of the post and no param of the site: kept as text", tag)))
		case "ref", "relref":
			u, ok, shared := resolveRef(p, ix, strings.TrimSpace(args))
			if ok {
				b.WriteString(u)
				continue
			}
			what, which := "names no post of this import", "the page's"
			if shared != nil {
				what, which = fmt.Sprintf("could name any of %s, whose files share its name", postNames(shared)), "the one meant's"
			}
			if named := refTarget(args); named != "" && inAddress(s[:i]) {
				// Written as text inside a link's address or an
				// attribute, the tag's quotes and brackets would break
				// the link: it leads to the page as the ref names it,
				// which check tells as missing until it is mended.
				target, frag, found := strings.Cut(named, "#")
				b.WriteString(escapePath(target))
				if found {
					b.WriteString("#" + (&url.URL{Fragment: frag}).EscapedFragment())
				}
				r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("%s %s: the link leads to %s as written; point it at %s address", tag, what, named, which)))
				continue
			}
			if shared != nil {
				r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("%s %s: kept as text; name the one meant by its path in the content folder", tag, what)))
				continue
			}
			r.Warnings = append(r.Warnings, p.note(line, fmt.Sprintf("%s %s: kept as text", tag, what)))
		default:
			if strings.HasPrefix(name, "/") {
				break
			}
			if block, end, ok := keptBlock(s, i, pos, delim, name, args); ok {
				// What it holds is a theme's to show, as Hugo gives it
				// unread: with HTML or a template in it, that is most
				// often code to show (Hugo's docs' code and output), and
				// as a block of text none of it is read as Markdown or
				// HTML.
				b.WriteString(block)
				pos = end
				kept.warn(r, name, p.note(line, fmt.Sprintf("Hugo shortcode %s, with what it holds, kept as text in a code block", tag)))
				continue
			}
			kept.warn(r, name, p.note(line, fmt.Sprintf("Hugo shortcode %s kept as text", tag)))
		}
		b.WriteString(tag)
	}
	b.WriteString(s[pos:])
	return quotes(b.String())
}

// shortcodeName parts what a shortcode's tag holds into its name and its
// arguments as Hugo reads them: the name ends at any space, a line
// break or a tab too, and a closing tag's name may stand apart from its
// slash ({{%/ note %}} closes note, as {{% /note %}} does), which the
// name gets back.
func shortcodeName(inner string) (name, args string) {
	closing := strings.HasPrefix(inner, "/")
	if closing {
		inner = strings.TrimLeftFunc(inner[1:], unicode.IsSpace)
	}
	name, args = firstWord(inner)
	if closing {
		name = "/" + name
	}
	return name, args
}

// firstWord parts s at its first space, line break or tab, as Hugo and
// Liquid part a tag's words (its name from its arguments, a highlight's
// language from its options): the word before it, and what follows the
// spaces after it.
func firstWord(s string) (word, rest string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// codeShortcodes are the names themes give the shortcodes that show
// what they hold as code or a program's output, as Hugo's docs' code
// and output do: what they hold is no Markdown, and read as Markdown a
// shell's # comment became a heading, and the --- of front matter shown
// made one of the line above it. A name that starts with code is one
// too (code-toggle, codeblock).
var codeShortcodes = []string{"output", "terminal", "console", "shell", "cmd", "command", "snippet", "prism", "pre", "nohighlight"}

// codeLike says whether the shortcode name is one that shows what it
// holds as code (see codeShortcodes), or its arguments, args, name the
// language of the code it shows, as Hugo's highlight takes it first
// ({{< text bash >}}, as Istio's site writes each command and its
// output) or as lang or language ({{< tab header="Go" lang="go" >}}).
func codeLike(name, args string) bool {
	n := strings.ToLower(name)
	if strings.HasPrefix(n, "code") || slices.Contains(codeShortcodes, n) {
		return true
	}
	named, pos := shortcodeArgs(args)
	for _, lang := range []string{named["lang"], named["language"]} {
		if codeLanguages[lang] {
			return true
		}
	}
	return len(pos) > 0 && codeLanguages[pos[0]]
}

// codeLanguages are the names highlighters (Chroma, Prism, highlight.js)
// give the languages posts most often show code in, as written in a
// shortcode's arguments: in lower case, as a label for readers ("Go")
// is not one.
var codeLanguages = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Fields(`bash sh shell zsh fish console shell-session powershell ps1 bat batch cmd
		plain plaintext text txt none
		yaml yml json json5 jsonc toml ini xml html css scss sass less
		js javascript jsx ts typescript tsx go golang python py python3 ruby rb java kotlin kt scala swift
		c cpp c++ csharp cs fsharp rust rs php perl pl lua r haskell hs elixir ex erlang clojure dart
		sql diff patch docker dockerfile makefile make nginx apache proto protobuf hcl terraform tf
		graphql gql markdown md http log env properties groovy gradle vim`) {
		m[l] = true
	}
	return m
}()

// keptBlock gives the shortcode name opened at s[start:end] with what it
// holds and its closing tag, as a fenced code block, and where the
// closing tag ends, when it is written {{< name >}}, whose text Hugo
// gives the theme unread, not {{% name %}}, whose text is Markdown; its
// two tags stand on lines of their own; and what it holds is not prose:
// it has HTML or a template in it, which the import would otherwise read
// as the post's own, or the shortcode is one that shows code (see
// codeLike), whose text read as Markdown would become headings. ok is
// false otherwise, as for one of that name inside it.
func keptBlock(s string, start, end int, delim byte, name, args string) (block string, stop int, ok bool) {
	if delim != '<' || start > 0 && s[start-1] != '\n' || !atLineEnd(s[end:]) {
		return "", 0, false
	}
	closing := regexp.MustCompile(`\{\{<\s*/\s*` + regexp.QuoteMeta(name) + `\s*>\}\}`)
	at := closing.FindStringIndex(s[end:])
	if at == nil || at[0] > 0 && s[end+at[0]-1] != '\n' || !atLineEnd(s[end+at[1]:]) {
		return "", 0, false
	}
	inner := s[end : end+at[0]]
	if !strings.Contains(inner, "<") && !strings.Contains(inner, "{{") && !codeLike(name, args) || regexp.MustCompile(`\{\{[<%]\s*`+regexp.QuoteMeta(name)+`[\s>%]`).MatchString(inner) {
		return "", 0, false
	}
	stop = end + at[1]
	text := s[start:stop]
	fence := fenceFor(text)
	return fence + "\n" + text + "\n" + fence, stop, true
}

// atLineEnd reports whether s starts with the end of a line: spaces, then
// a line break or the end.
func atLineEnd(s string) bool {
	rest := strings.TrimLeft(s, " \t")
	return rest == "" || rest[0] == '\n' || rest[0] == '\r'
}

// inAddress reports whether text ends where a link's address starts:
// after "](" or a reference definition's "]:" in Markdown, or after an
// attribute's =", =' or = in HTML.
func inAddress(text string) bool {
	t := strings.TrimRight(text, " \t")
	return strings.HasSuffix(t, "](") || strings.HasSuffix(t, "]:") || strings.HasSuffix(t, "=\"") || strings.HasSuffix(t, "='") || strings.HasSuffix(t, "=")
}

// highlightEnd matches the closing tag of Hugo's highlight.
var highlightEnd = regexp.MustCompile(`\{\{[<%]\s*/\s*highlight\s*[>%]\}\}`)

// highlight gives the fenced code block in Markdown for the highlight
// shortcode whose opening tag is at open in s and ends at body, and
// where in s its closing tag ends. It takes a block written as one: each
// tag on a line of its own, in a list item or a quote as much as alone,
// whose indent or > the fences take; ok is false for any other.
func highlight(s string, open, body int, args string) (md string, end int, ok bool) {
	loc := highlightEnd.FindStringIndex(s[body:])
	if loc == nil {
		return "", 0, false
	}
	prefix := s[strings.LastIndexByte(s[:open], '\n')+1 : open]
	first, rest, found := strings.Cut(s[body:body+loc[0]], "\n")
	if !found || strings.Trim(prefix, " \t>") != "" || strings.TrimSpace(first) != "" {
		return "", 0, false
	}
	last := strings.LastIndexByte(rest, '\n')
	if strings.Trim(rest[last+1:], " \t>") != "" {
		return "", 0, false
	}
	code := rest[:last+1] // each line with its indent or >, and its line feed
	fence := fenceFor(code)
	_, lang := shortcodeArgs(args)
	info := ""
	if len(lang) > 0 {
		info = lang[0]
	}
	return fence + info + "\n" + code + prefix + fence, body + loc[1], true
}

// admonitions are the shortcodes themes give for a note set apart from
// the text: Docsy's alert, and the note, tip and warning of many.
var admonitions = map[string]bool{
	"note": true, "tip": true, "hint": true, "info": true, "warning": true, "caution": true,
	"danger": true, "important": true, "alert": true, "callout": true, "admonition": true,
}

// unnamed are the admonitions whose name says nothing of the note, which
// themes show without a label unless given one.
var unnamed = map[string]bool{"alert": true, "callout": true}

// closes says whether s holds the closing tag of the admonition name.
func closes(s, name string) bool {
	return closers[name].MatchString(s)
}

// closers match the closing tag of each admonition, {{< /note >}} or
// {{% /note %}}, its name apart from its slash too ({{%/ note %}}).
var closers = func() map[string]*regexp.Regexp {
	m := make(map[string]*regexp.Regexp, len(admonitions))
	for name := range admonitions {
		m[name] = regexp.MustCompile(`\{\{[<%]\s*/\s*` + regexp.QuoteMeta(name) + `\s*[>%]\}\}`)
	}
	return m
}()

// quoteStart and quoteEnd mark, while shortcodes are turned, where a
// note's text starts, after its label, and ends.
const (
	quoteStart = "\x00quote:"
	quoteEnd   = "\x00/quote\x00"
)

// quotes turns each marked note into a Markdown quote under its label.
func quotes(s string) string {
	for {
		i := strings.Index(s, quoteStart)
		if i < 0 {
			return s
		}
		label, rest, _ := strings.Cut(s[i+len(quoteStart):], "\x00")
		text, after, _ := strings.Cut(rest, quoteEnd)
		var b strings.Builder
		if before := strings.TrimRight(s[:i], "\n"); before != "" {
			b.WriteString(before + "\n\n")
		}
		b.WriteString(quote(label, text))
		if after = strings.TrimLeft(after, "\n"); after != "" {
			b.WriteString("\n" + after)
		}
		s = b.String()
	}
}

// resolveRef gives the new URL of the page a ref shortcode names, as Hugo
// finds it: by its path in the content folder, or relative to the page,
// or by its file name alone. shared gives the posts a name it is tried
// by answers to, where two or more do and it finds none.
func resolveRef(p *post, ix *index, args string) (_ string, ok bool, shared []*post) {
	named := refTarget(args)
	if named == "" {
		return "", false, nil
	}
	target, frag, _ := strings.Cut(named, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if target == "" {
		return frag, frag != "", nil
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
	// A ref may name the language to find the page in.
	langs := []string{lang}
	if named, _ := shortcodeArgs(args); named["lang"] != "" {
		langs = []string{strings.ToLower(named["lang"]) + ":", lang}
	}
	var keys []string
	for _, lang := range langs {
		if strings.HasPrefix(target, "/") {
			keys = append(keys, lang+"hugo:"+path.Clean(target)[1:])
		} else {
			keys = append(keys, lang+"hugo:"+path.Join(here, target), lang+"hugo:"+path.Clean(target), lang+"base:"+path.Base(target))
		}
	}
	for _, k := range keys {
		for _, key := range []string{k, strings.TrimSuffix(k, path.Ext(k))} {
			if q := ix.find(key); q != nil && !q.skip {
				return q.url + frag, true, nil
			}
			if shared == nil {
				shared = ix.sharing(key)
			}
		}
	}
	// A page of the old site that is no post (its about page) is named
	// by its old address, which links to the old site lead to.
	for _, k := range keys {
		for _, key := range []string{k, strings.TrimSuffix(k, path.Ext(k))} {
			if old := ix.pages[key]; old != "" && shared == nil {
				return old + frag, true, nil
			}
		}
	}
	return "", false, shared
}

// shortcodeArg is one argument of a shortcode: name="value", or a value
// alone, quoted or not.
var shortcodeArg = regexp.MustCompile("(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|([^\\s\"`]+))")

// shortcodeArgs gives a shortcode's arguments, by name and by position.
func shortcodeArgs(args string) (named map[string]string, positional []string) {
	named = map[string]string{}
	for _, m := range shortcodeArg.FindAllStringSubmatch(args, -1) {
		v := m[2] + m[3] + m[4]
		if m[2] != "" {
			v = strings.ReplaceAll(v, `\"`, `"`)
		}
		if m[1] != "" {
			named[strings.ToLower(m[1])] = v
		} else {
			positional = append(positional, v)
		}
	}
	return named, positional
}

// embed gives the Markdown for one of Hugo's own shortcodes that shows
// an image or embeds another site's page, and what it became; "" for
// any other. Markdown has no embeds: a video, a gist or a post on
// another site becomes a link to it.
func embed(name, args string) (md, what string) {
	named, pos := shortcodeArgs(args)
	arg := func(key string, i int) string {
		if v := named[key]; v != "" {
			return v
		}
		if 0 <= i && i < len(pos) {
			return pos[i]
		}
		return ""
	}
	link := func(text, u string) (string, string) {
		return "[" + escapeText(text) + "](" + u + ")", "a link to " + u
	}
	switch name {
	case "figure":
		src := arg("src", -1)
		if src == "" {
			return "", ""
		}
		// The caption is Markdown, which the alt text shows as written.
		// Not the title, which is shown below it, so that a screen reader
		// does not read it twice, unless the image is a link, which needs
		// a name.
		alt := cmp.Or(named["alt"], plainText(named["caption"], false))
		if named["link"] != "" {
			alt = cmp.Or(alt, named["title"])
		}
		md = "![" + escapeText(alt) + "](" + linkTarget(src) + ")"
		if u := named["link"]; u != "" {
			md = "[" + md + "](" + linkTarget(u) + ")"
		}
		// Below it, in its paragraph, as Hugo shows them: the title, then
		// the caption and the attribution after it.
		if t := named["title"]; t != "" {
			md += "\\\n**" + escapeText(t) + "**"
		}
		if c := strings.TrimSpace(named["caption"] + " " + figureAttribution(named["attr"], named["attrlink"])); c != "" {
			md += "\\\n" + c
		}
		return md, "an image"
	case "youtube":
		if id := arg("id", 0); id != "" {
			return link(cmp.Or(named["title"], youTubeLabel), youTubeVideo(id, named["start"]))
		}
	case "vimeo":
		if id := arg("id", 0); id != "" {
			return link(cmp.Or(named["title"], "Video on Vimeo"), "https://vimeo.com/"+url.PathEscape(id))
		}
	case "gist":
		if user, id := arg("user", 0), arg("id", 1); user != "" && id != "" {
			label, to := "Gist "+user+"/"+id, "https://gist.github.com/"+url.PathEscape(user)+"/"+url.PathEscape(id)
			if file := arg("file", 2); file != "" {
				// One file of the gist, as Hugo showed it: the link goes
				// to it, by the anchor GitHub gives each file.
				label += ": " + file
				to += "#file-" + gistAnchor.ReplaceAllString(strings.ToLower(file), "-")
			}
			return link(label, to)
		}
	case "x", "tweet", "twitter":
		if user, id := arg("user", 0), arg("id", 1); user != "" && id != "" {
			host := map[string]string{"x": "x.com"}[name]
			return link("Post by @"+user, "https://"+cmp.Or(host, "twitter.com")+"/"+url.PathEscape(user)+"/status/"+url.PathEscape(id))
		}
		if name != "x" && len(named) == 0 && len(pos) == 1 && digits(pos[0]) {
			// The post's id alone, as tweet took it before Hugo 0.89:
			// Hugo still links it under the user x, whom Twitter sends
			// on to the post's own.
			return link("Post on Twitter", "https://twitter.com/x/status/"+url.PathEscape(pos[0]))
		}
	case "instagram":
		if id := arg("id", 0); id != "" {
			return link("Post on Instagram", "https://www.instagram.com/p/"+url.PathEscape(id)+"/")
		}
	}
	return "", ""
}

// figureAttribution gives a figure's attr, Markdown, as Hugo showed it: a
// link to attrlink, where it gives one. An attr that holds links of its
// own is kept as written: a browser ends the link around it where the
// first of them starts, and readers followed those.
func figureAttribution(attr, attrlink string) string {
	if attr == "" || attrlink == "" || len(links(attr)) > 0 {
		return attr
	}
	return "[" + attr + "](" + linkTarget(attrlink) + ")"
}

// escapeText escapes what Markdown would read as markup in a link's text.
var escapeText = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, `*`, `\*`, `_`, `\_`, "`", "\\`", `<`, `\<`).Replace

// linkTarget writes an address as a link's destination: between < and >
// where it holds a space or a parenthesis, which would end it.
func linkTarget(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

// routine marks n as a note of kind, counted with its like in the
// printed report (see Note.Routine).
func routine(n Note, kind string) Note {
	n.Routine = kind
	return n
}

// capitalized gives s with its first letter in upper case.
func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// gistAnchor matches what GitHub writes as a hyphen in the anchor of a
// gist's file: "final.rb" is #file-final-rb.
var gistAnchor = regexp.MustCompile(`[^a-z0-9_]+`)

// youTubeLabel names a link to a video of YouTube's that has no title.
const youTubeLabel = "Video on YouTube"

// youTubeVideo is the address of the page of YouTube's video id, from
// the second start gives, if any.
func youTubeVideo(id, start string) string {
	page := "https://www.youtube.com/watch?v=" + url.QueryEscape(id)
	if n, err := strconv.Atoi(start); err == nil && n > 0 {
		page += "&t=" + strconv.Itoa(n) + "s" // where the old page's player started it
	}
	return page
}

// digits says whether s is a number of digits 0 to 9 alone, as the id of
// a post on Twitter is.
func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
