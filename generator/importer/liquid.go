package importer

import (
	"fmt"
	"html"
	"path"
	"regexp"
	"strings"
)

// liquid turns the Liquid tags of a Jekyll post into what they showed:
// {% raw %} keeps its text as written, {% highlight %} becomes a fenced
// code block, {% link %} and {% post_url %} become the new URL of the
// post they name, {% link %} of a page the address Jekyll gave it,
// {% comment %} an HTML comment, {{ site.url }} goes, as bulletin's
// links are site paths, {{ site.baseurl }} stays the path the old site
// was published under, /blog, and {{ "/x/" | relative_url }} (or
// absolute_url) becomes /x/ under it, /blog/x/, which leads to the page
// of the old site, or is followed to the new URL of a post, but for a
// file the import copies, whose link is its site path alone, and the
// new URL of a post after {{ site.baseurl }}; another {{ site.name }}
// becomes the text _config.yml gives it, and {{ page.image }} the text
// the post's front matter does. Every other tag is kept as it is
// written, with a warning, since only its author knows what it stood
// for.
type liquid struct {
	p    *post
	ix   *index
	r    *Report
	html bool              // the body is HTML, so code goes in <pre>
	site map[string]string // the settings, by name: see jekyllConfig.texts
	// page gives the address the old site gave the page at a path in
	// its source folder, as {% link %} names it; false where it is not
	// known. nil for none.
	page func(path string) (string, bool)
	kept repeated // the tags kept as text, told once each
	// made says whether a link by a path names a file the old site's
	// build made, which the import does not copy (see madeBy); nil for
	// none.
	made func(dest string) bool
}

// baseurl gives the path the old site was published under, as its
// settings give it: /blog, "" at the top of its host.
func (l *liquid) baseurl() string {
	if b := strings.Trim(l.site["baseurl"], "/"); b != "" {
		return "/" + b
	}
	return ""
}

// underBase gives the site path p below the old site's baseurl, as
// relative_url gives it, unless p is a file the import copies, whose
// link is its path in the content folder, or one the site has of its
// own (/feed.xml), or the home page, which stays this site's. A file
// the old site's build made stays below baseurl, where the old site
// has it.
func (l *liquid) underBase(p string) string {
	if _, file := fileLink(p); file && (l.made == nil || !l.made(p) || l.ix.ours(p)) || p == "/" {
		return p
	}
	return l.baseurl() + p
}

// urlAfter matches what follows {{ site.baseurl }} that gives a path of
// its own: a tag giving a post's new URL or a page's address, or a
// path, up to the end of the link.
var urlAfter = regexp.MustCompile(`^(?:\{%-?\s*(post_url|link)\s|[^\s"'()<>]*)`)

var (
	// settingName is the name of a setting alone, with no filter, index
	// or field after it.
	settingName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
	// siteVariables are the site's variables Jekyll and its plugins
	// give, whatever _config.yml sets.
	siteVariables = map[string]bool{"time": true, "pages": true, "posts": true, "related_posts": true, "static_files": true,
		"html_pages": true, "html_files": true, "collections": true, "data": true, "documents": true, "categories": true,
		"tags": true, "github": true}
	// blockEnds find the end tags of the block tags converted.
	blockEnds = map[string]*regexp.Regexp{
		"raw":       regexp.MustCompile(`\{%-?\s*endraw\s*-?%\}`),
		"comment":   regexp.MustCompile(`\{%-?\s*endcomment\s*-?%\}`),
		"highlight": regexp.MustCompile(`\{%-?\s*endhighlight\s*-?%\}`),
	}
	// urlFilter is a quoted path through relative_url or absolute_url,
	// which gave it below the site's baseurl: a site path to bulletin.
	urlFilter = regexp.MustCompile(`^["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)$`)
)

// convert converts s, which starts on the file's line line.
func (l *liquid) convert(s string, line int) string {
	var b strings.Builder
	pos := 0
	lineAt := func(i int) int { return line + strings.Count(s[:i], "\n") }
	for pos < len(s) {
		i := strings.Index(s[pos:], "{")
		if i < 0 {
			break
		}
		i += pos
		if i+1 >= len(s) || (s[i+1] != '%' && s[i+1] != '{') {
			b.WriteString(s[pos : i+1])
			pos = i + 1
			continue
		}
		b.WriteString(s[pos:i])
		closer := "%}"
		if s[i+1] == '{' {
			closer = "}}"
		}
		j := strings.Index(s[i+2:], closer)
		if j < 0 {
			l.warn(lineAt(i), fmt.Sprintf("%s is never closed with %s: kept as text", s[i:i+2], closer))
			b.WriteString(s[i:])
			pos = len(s)
			break
		}
		end := i + 2 + j + 2
		tag := s[i:end]
		inner := strings.TrimSpace(strings.Trim(s[i+2:end-2], "-"))
		pos = end
		if closer == "}}" && jsxAttribute(s[:i]) {
			// style={{textAlign: 'center'}}: a JSX expression, not
			// Liquid, which goes with the element's attributes.
			b.WriteString(tag)
			continue
		}
		if closer == "}}" {
			out := strings.Join(strings.Fields(inner), " ")
			if m := urlFilter.FindStringSubmatch(out); m != nil {
				if strings.Contains(m[1], "://") {
					b.WriteString(m[1]) // a URL, which the filters leave as it is
				} else {
					b.WriteString(l.underBase("/" + strings.TrimPrefix(m[1], "/")))
				}
				continue
			}
			name, setting := strings.CutPrefix(out, "site.")
			field, ok := strings.CutPrefix(out, "page.")
			value, set := l.site[name]
			switch {
			case out == "site.baseurl":
				// Before a tag that gives a post's new URL, or a path
				// of its own, a file's path or the home page's, it goes.
				if next := urlAfter.FindStringSubmatch(s[pos:]); next[1] == "" && (next[0] == "" || l.underBase(next[0]) != next[0]) {
					b.WriteString(l.baseurl())
				}
			case out == "site.url":
			case setting && value != "":
				b.WriteString(value)
			case setting && !set && l.site != nil && settingName.MatchString(name) && !siteVariables[name]:
				// Jekyll shows a setting _config.yml does not set as
				// nothing.
				l.kept.warn(l.r, "unset "+out, l.p.note(lineAt(i), fmt.Sprintf("Liquid output %s names a setting _config.yml does not set, so Jekyll showed nothing: left out", tag)))
			case ok && l.p.front.text(field) != "":
				b.WriteString(l.p.front.text(field))
			default:
				l.kept.warn(l.r, "output "+out, l.p.note(lineAt(i), fmt.Sprintf("Liquid output %s kept as text", tag)))
				b.WriteString(tag)
			}
			continue
		}
		name, args := firstWord(inner)
		args = strings.TrimSpace(args)
		// A block tag's text runs to its end tag; one never closed is
		// kept as text, with a warning.
		var enclosed string
		start := pos
		if end, ok := blockEnds[name]; ok {
			loc := end.FindStringIndex(s[pos:])
			if loc == nil {
				l.warn(lineAt(i), fmt.Sprintf("{%% %s %%} is never closed with {%% end%s %%}: kept as text", name, name))
				b.WriteString(tag)
				continue
			}
			enclosed, pos = s[pos:pos+loc[0]], pos+loc[1]
		}
		switch name {
		case "raw":
			b.WriteString(enclosed)
		case "comment":
			// Jekyll showed nothing of it: it stays, for editors, as an
			// HTML comment, which bulletin does not show either.
			b.WriteString(htmlComment(enclosed))
		case "highlight":
			code := l.convert(enclosed, lineAt(start))
			if !l.html && midLine(s, i, pos) && !strings.Contains(strings.TrimSpace(code), "\n") {
				// Code in the middle of a sentence stays in it, as code;
				// none shows nothing.
				if code = strings.TrimSpace(code); code != "" {
					codeSpan(&b, code)
				}
				continue
			}
			lang, _ := firstWord(args)
			l.code(&b, lang, code)
			if pos < len(s) && s[pos] != '\n' {
				b.WriteByte('\n')
			}
		case "post_url", "link":
			target := strings.Trim(args, `"'`)
			key := "link:" + strings.TrimPrefix(target, "/")
			if name == "post_url" {
				key = "post:" + target[strings.LastIndex(target, "/")+1:]
			}
			if p := l.ix.find(key); p != nil && !p.skip {
				b.WriteString(p.url)
				continue
			}
			if name == "link" && target != "" && !strings.ContainsAny(target, " {}%") {
				// Jekyll's link tag gives a file's own address, /img/x.png,
				// which the import copies the file to; a page's it made
				// from the page's settings, which the import does not
				// read: its path stands instead, told, rather than the
				// tag, which in a reference definition turns the
				// definitions after it into text.
				addr := "/" + strings.TrimPrefix(target, "/")
				if u, ok := l.pageAt(target); ok {
					// The page's address, under the old site's, where a
					// link to it leads.
					b.WriteString(l.baseurl() + u)
					continue
				}
				switch {
				case strings.Contains("/"+target, "/_posts/") || strings.Contains("/"+target, "/_drafts/"):
					l.warn(lineAt(i), fmt.Sprintf("%s names a post this import did not write (a draft, or one skipped): its path, %s, is written instead, which leads nowhere: point the link at the post's address", tag, addr))
				case isContent(strings.ToLower(path.Ext(target))):
					l.warn(lineAt(i), fmt.Sprintf("%s names a page, not a post of this import: its path, %s, is written instead, which the old site may have published at another address: point the link at the page's address", tag, addr))
				}
				b.WriteString(addr)
				continue
			}
			if shared := l.ix.sharing(key); shared != nil {
				l.warn(lineAt(i), fmt.Sprintf("%s could name any of %s, whose files share its name: kept as text; write the address of the one meant in its place", tag, postNames(shared)))
			} else {
				l.warn(lineAt(i), fmt.Sprintf("%s names no post of this import: kept as text", tag))
			}
			b.WriteString(tag)
		case "youtube", "vimeo":
			// A plugin's embed, as Hugo's shortcode of that name is made:
			// a link to the video, given by its id or its address.
			arg := strings.Trim(args, `"'`)
			md := ""
			if strings.HasPrefix(arg, "https://") || strings.HasPrefix(arg, "http://") {
				md = "[Video](" + linkTarget(arg) + ")"
			} else if arg != "" && !strings.ContainsAny(arg, " {}") {
				md, _ = embed(name, arg)
			}
			if md == "" {
				l.kept.warn(l.r, "tag "+name, l.p.note(lineAt(i), fmt.Sprintf("Liquid tag %s kept as text", tag)))
				b.WriteString(tag)
				continue
			}
			b.WriteString(md)
			l.r.Warnings = append(l.r.Warnings, routine(l.p.note(lineAt(i), fmt.Sprintf("Liquid tag %s became a link to the video", tag)), "Liquid tags became links to the videos they embedded"))
		default:
			l.kept.warn(l.r, "tag "+name, l.p.note(lineAt(i), fmt.Sprintf("Liquid tag %s kept as text", tag)))
			b.WriteString(tag)
		}
	}
	if pos < len(s) {
		b.WriteString(s[pos:])
	}
	return b.String()
}

// pageAt gives the address the old site gave the page at target, a path
// in its source folder, where it is known.
func (l *liquid) pageAt(target string) (string, bool) {
	if l.page == nil || !isContent(strings.ToLower(path.Ext(target))) || inJekyllPosts(target) {
		return "", false
	}
	return l.page(strings.TrimPrefix(path.Clean("/"+target), "/"))
}

func (l *liquid) warn(line int, msg string) {
	l.r.Warnings = append(l.r.Warnings, l.p.note(line, msg))
}

// code writes a code block on lines of its own.
func (l *liquid) code(b *strings.Builder, lang, code string) {
	code = strings.TrimRight(strings.TrimLeft(code, "\n"), " \t\n")
	if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
		b.WriteByte('\n')
	}
	if l.html {
		class := ""
		if lang != "" {
			class = ` class="language-` + html.EscapeString(lang) + `"`
		}
		fmt.Fprintf(b, "<pre><code%s>%s</code></pre>", class, html.EscapeString(code))
		return
	}
	fence := fenceFor(code)
	fmt.Fprintf(b, "%s%s\n%s\n%s", fence, lang, code, fence)
}

// midLine says whether the text of s from i to end stands in a line of
// text, with more of it before or after on the same line.
func midLine(s string, i, end int) bool {
	before := s[strings.LastIndexByte(s[:i], '\n')+1 : i]
	after, _, _ := strings.Cut(s[end:], "\n")
	return strings.TrimSpace(before) != "" || strings.TrimSpace(after) != ""
}

// codeSpan writes code, one line, as Markdown's inline code.
func codeSpan(b *strings.Builder, code string) {
	ticks := strings.Repeat("`", longestRun(code, '`')+1)
	if strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") {
		code = " " + code + " "
	}
	b.WriteString(ticks + code + ticks)
}

// fenceFor gives a run of backticks longer than any in code, and at least
// three.
func fenceFor(code string) string {
	return strings.Repeat("`", max(3, longestRun(code, '`')+1))
}

// longestRun gives the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := range len(s) {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// jsxAttribute says whether text that before ends stands at an attribute
// of an HTML element, given by an = with no quotation mark, as JSX gives
// one ({{textAlign: 'center'}}): Liquid in an attribute is quoted.
func jsxAttribute(before string) bool {
	return strings.HasSuffix(before, "=") && strings.LastIndexByte(before, '<') > strings.LastIndexByte(before, '>')
}
