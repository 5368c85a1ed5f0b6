package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// A Hugo inline shortcode ({{< name.inline >}} … {{< /name.inline >}})
// is a template written in the page, which Hugo ran where it stands
// when the site enables them (enableInlineShortcodes, or, since Hugo
// 0.91, security.enableInlineShortcodes), and showed nothing of
// otherwise; one closed on itself ({{< name.inline />}}) runs again the
// one of that name defined above it. bulletin runs no templates: one
// that only loaded scripts or styles (KaTeX's, most often) is left out,
// and one that shows text keeps it, its template's actions left out,
// with a warning.

// inlineShown is what an inline shortcode showed, as the import keeps
// it, and what the report says of it.
type inlineShown struct {
	text string // kept in its place
	msg  string // said of it, after its tag
	kind string // the kind of its routine note (see Note.Routine); "" for a warning
}

// inlineShortcode gives what the inline shortcode name, whose tag, with
// its arguments args, ends where rest starts, showed, and how much of
// rest it takes: what it holds and its closing tag, where it defines
// one. enabled says whether the site enables inline shortcodes; defined
// holds what those defined above it showed, by name, and gets this
// one's. ok is false for one never closed, which Hugo refused.
func inlineShortcode(rest, name, args string, enabled bool, defined map[string]inlineShown) (shown inlineShown, used int, ok bool) {
	again := strings.HasSuffix(strings.TrimSpace(args), "/")
	var body string
	if !again {
		at := closingTag(rest, name)
		if at == nil {
			return inlineShown{}, 0, false
		}
		body, used = rest[:at[0]], at[1]
	}
	switch {
	case !enabled:
		return inlineShown{msg: "left out, with what it holds: the site does not enable inline shortcodes (enableInlineShortcodes), so Hugo showed nothing of it", kind: "Hugo inline shortcodes of a site that did not enable them became nothing"}, used, true
	case again:
		was, found := defined[name]
		if !found {
			return inlineShown{msg: "left out: it shows again an inline shortcode of that name defined above it, and none is, so Hugo stopped with an error here"}, 0, true
		}
		was.msg = "shows the one of that name above it again, and is " + was.msg
		return was, 0, true
	}
	shown = inlineBody(body)
	defined[name] = shown
	return shown, used, true
}

// closingShortcode matches a shortcode's closing tag, naming it.
var closingShortcode = regexp.MustCompile(`\{\{[<%]\s*/\s*([^\s>%]+)\s*[>%]\}\}`)

// closingTag gives where the first closing tag of the shortcode name in
// s starts and ends, or nil where there is none.
func closingTag(s, name string) []int {
	for _, m := range closingShortcode.FindAllStringSubmatchIndex(s, -1) {
		if s[m[2]:m[3]] == name {
			return m[:2]
		}
	}
	return nil
}

// inlineBody gives what the body of an inline shortcode showed, its
// template's actions left out: the rest, where it shows readers
// anything; nothing, where it only loaded scripts or styles, or holds
// nothing but the actions, whose output bulletin cannot work out.
func inlineBody(body string) inlineShown {
	rest := strings.TrimSpace(actionLines.ReplaceAllString(body, ""))
	rest = strings.TrimSpace(templateAction.ReplaceAllString(rest, ""))
	loads, shows := inlineOutput(rest)
	switch {
	case shows:
		return inlineShown{text: rest, msg: "left out, its template with it, and the text it shows kept as written: check that it reads as meant without what the template made of it"}
	case loads:
		return inlineShown{msg: "left out: it only loaded scripts or styles (<script>, <style>, <link>), which bulletin does not load", kind: "Hugo inline shortcodes that only loaded scripts or styles became nothing"}
	}
	return inlineShown{msg: "left out: what it showed came of its template alone ({{ … }}), which bulletin does not run: write in Markdown what readers should still see of it"}
}

// action is an action of a Go template: {{ .Title }}, {{ if … }},
// {{/* a comment */}}.
const action = `\{\{(?:[^}]|\}[^}])*\}\}`

var (
	// templateAction matches an action.
	templateAction = regexp.MustCompile(action)
	// actionLines matches a line of actions alone, which leaves no line
	// in what the template shows.
	actionLines = regexp.MustCompile(`(?m)^[ \t]*(?:` + action + `[ \t]*)+\r?\n`)
)

// inlineOutput says whether HTML loads scripts or styles (<script>,
// <style>, <link>), and whether it shows readers anything else: text,
// or an element shown with none (an image, a video); an element left
// empty once the template's actions are gone shows nothing.
func inlineOutput(src string) (loads, shows bool) {
	z := html.NewTokenizer(strings.NewReader(src))
	inScript := false // in a script's or style's text
	for {
		switch z.Next() {
		case html.ErrorToken:
			return loads, shows
		case html.StartTagToken, html.SelfClosingTagToken:
			switch name, _ := z.TagName(); string(name) {
			case "script", "style":
				loads, inScript = true, true
			case "link":
				loads = true
			case "img", "svg", "video", "audio", "iframe", "object", "embed", "canvas", "hr", "input", "picture":
				shows = true // shown with no text
			}
		case html.EndTagToken:
			inScript = false
		case html.TextToken:
			shows = shows || !inScript && strings.TrimSpace(string(z.Text())) != ""
		}
	}
}
