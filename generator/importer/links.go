package importer

import (
	"cmp"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"bulletin/generator/content"
)

// oldKeys are the names of a post's old addresses in the index, by
// which a link written as a plain address finds it.
func oldKeys(old []string) []string {
	keys := make([]string, 0, len(old))
	for _, o := range old {
		if !strings.Contains(o, "?") {
			keys = append(keys, oldKey(o))
		}
	}
	return keys
}

func oldKey(p string) string { return "old:" + content.Fold(strings.TrimSuffix(decoded(p), "/")) }

// linkDestination finds the destination of a link or image: inline,
// what follows "](" up to a space or the ")"; or in a reference
// definition, a line's "[label]:" and what follows it up to a space
// ("[x]: /2020/02/03/old.html").
var linkDestination = regexp.MustCompile(`\]\(\s*(<[^>\n]*>|[^\s()<>]+)|(?m:^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|[^\s<>]+))`)

// followMoves rewrites the links of a Markdown body that name a post of
// the import by an old address, as a plain path (/2020/02/03/x.html) or
// under the old site's address (site, with its path), to the post's
// new URL, inline or in a reference definition; links in code are left
// as written. A link by a plain path to another page of the old site,
// which no post imported has (/supporters), would lead nowhere on this
// one: it is made a link to the old site, where site is its address
// (its host as published: "" when it is not known), and told in away,
// by its path, either way. So is a link by a plain path to a file the
// old site's build made, as made says (/api/data/team.json), which the
// import cannot copy, told in files as written. A link to a page or
// file the site has of its own (/feed.xml, /robots.txt, /topics/), or
// that the content folder holds, is left as written.
func followMoves(body string, ix *index, site string, made func(dest string) bool) (md string, away, files []string) {
	siteURL, err := url.Parse(site)
	if err != nil {
		siteURL = &url.URL{}
	}
	md = rewriteLinks(body, func(dest string) (string, bool) {
		if to := movedTo(dest, ix, siteURL); to != "" {
			return to, true
		}
		page, at := oldPage(dest, siteURL)
		if page == "" {
			file, ok := fileLink(dest)
			if !ok || made == nil || !made(dest) || ix.ours(file) {
				return "", false
			}
			if base := strings.Trim(siteURL.Path, "/"); base != "" && strings.HasPrefix(file, base+"/") && ix.ours(strings.TrimPrefix(file, base)) {
				// The site's own, as the old site under a path linked
				// it (/blog/sitemap.xml): at its path from there.
				u, _ := url.Parse(dest) // fileLink read it
				u.Path = strings.TrimPrefix(path.Clean(u.Path), "/"+base)
				u.RawPath = ""
				return u.String(), true
			}
			if !slices.Contains(files, dest) {
				files = append(files, dest)
			}
			if siteURL.Host == "" {
				return "", false
			}
			u, _ := url.Parse(dest) // fileLink read it
			return siteURL.ResolveReference(u).String(), true
		}
		plain := strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//")
		if ix.here[content.Fold(strings.TrimSuffix(page, "/")+"/")] || ix.here[content.Fold(page)] || plain && ix.ours(page) {
			return "", false
		}
		if !slices.Contains(away, page) {
			away = append(away, page)
		}
		return at, at != ""
	})
	return md, away, files
}

// ours reports whether the site has a page or file of its own at the
// site path p (feed.xml, /topics/), as siteOwn finds it, or the content
// folder holds a file there, which the site publishes.
func (ix *index) ours(p string) bool {
	p = "/" + strings.TrimPrefix(p, "/")
	if m := dateList.FindStringSubmatch(content.Fold(outputFile(p))); m != nil {
		// The list of a year's or a month's articles, which the site
		// has where it has an article of that year or month.
		list := "/" + m[1] + "/"
		if m[2] != "" {
			list += m[2] + "/"
		}
		for here, published := range ix.here {
			if published && strings.HasPrefix(here, list) && here != list {
				return true
			}
		}
		return false
	}
	if siteOwn(p, ix.feeds) != "" {
		return true
	}
	file := strings.TrimPrefix(path.Clean(p), "/")
	if ix.dest == "" || !fs.ValidPath(file) || file == "." {
		return false
	}
	root, err := os.OpenRoot(ix.dest)
	if err != nil {
		return false
	}
	defer root.Close()
	info, err := root.Lstat(file)
	return err == nil && info.Mode().IsRegular()
}

// followRelative rewrites the links of a Markdown body by a path from
// the post's old address at (../q-two/), which the old site's readers
// followed from there, and which lead elsewhere, or nowhere, from its new
// one: to the new URL of the post the link names, as followMoves
// rewrites a link by a plain path, or else to the page's address on the
// old site, where site, its address with its path, is known, and to its
// path from the top of the old site where it is not; those are told in
// away, by their paths. Links to files (chart.png, which the import
// copies), to Markdown files (see relativeLinks), and in code are left
// as written.
func followRelative(body, at string, ix *index, site string) (md string, away []string) {
	base, err := url.Parse(at)
	if err != nil || !strings.HasPrefix(at, "/") {
		return body, nil
	}
	md = rewriteLinks(body, func(dest string) (string, bool) {
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
			return "", false
		}
		if ext := strings.ToLower(path.Ext(u.Path)); ext != "" && ext != ".html" && ext != ".htm" {
			return "", false
		}
		abs := base.ResolveReference(u)
		if to := movedTo(abs.String(), ix, &url.URL{}); to != "" {
			return to, true
		}
		page := abs.Path
		if page == "/" || ix.here[content.Fold(strings.TrimSuffix(page, "/")+"/")] || ix.here[content.Fold(page)] {
			return abs.String(), true
		}
		if !slices.Contains(away, page) {
			away = append(away, page)
		}
		if site == "" {
			return abs.String(), true
		}
		return strings.TrimSuffix(site, "/") + abs.String(), true
	})
	return md, away
}

// rewriteLinks gives body, Markdown, with the destination of each link
// and image, inline or in a reference definition, replaced by what to
// gives for it, where it gives one; links in code are left as written.
func rewriteLinks(body string, to func(dest string) (string, bool)) string {
	code := codeRanges(body)
	var b strings.Builder
	last := 0
	for _, m := range linkDestination.FindAllStringSubmatchIndex(body, -1) {
		start, end := m[2], m[3]
		if start < 0 {
			start, end = m[4], m[5] // a reference definition
		}
		if inRanges(code, start) {
			continue
		}
		if dest, ok := to(strings.Trim(body[start:end], "<>")); ok {
			b.WriteString(body[last:start])
			b.WriteString(dest)
			last = end
		}
	}
	b.WriteString(body[last:])
	return b.String()
}

// relativeLinks rewrites the links of a Markdown body that name another
// post's file by a path from the post's own file (2021-06-28-ready.md,
// ../_posts/x.md#part), as GitHub Pages' relative-links plugin made
// them, or by the name it had before it was dated (ready.md), to that
// post's new URL; links in code are left as written. from is the post's
// file's path in the site. unknown gives the paths of the other links
// to Markdown files, as written, which lead nowhere on this site; shared,
// those by a name two or more posts had before they were dated, each
// with the posts', which are kept as written too, as either may be meant.
func relativeLinks(body, from string, ix *index) (_ string, unknown, shared []string) {
	told := map[string]bool{}
	body = rewriteLinks(body, func(dest string) (string, bool) {
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.RawQuery != "" || strings.HasPrefix(u.Path, "/") || !content.IsMarkdown(u.Path) {
			return "", false
		}
		at := path.Join(path.Dir(from), u.Path)
		q := ix.find("link:" + at)
		undated := "undated:" + strings.TrimSuffix(at, path.Ext(at))
		if q == nil {
			q = ix.find(undated)
		}
		if posts := ix.sharing(undated); q == nil && len(posts) > 0 {
			if !told[u.Path] {
				told[u.Path] = true
				shared = append(shared, u.Path+", the name of "+postNames(posts))
			}
			return "", false
		}
		if q == nil || q.skip || q.unlisted != "" {
			if !told[u.Path] {
				told[u.Path] = true
				unknown = append(unknown, u.Path)
			}
			return "", false
		}
		if u.Fragment != "" {
			return q.url + "#" + u.EscapedFragment(), true
		}
		return q.url, true
	})
	return body, unknown, shared
}

// oldPage gives the path of a page of the old site, other than its home
// page, that a link by a plain path names (/supporters, /about/#team),
// and its address on the old site when site has a host; "" for a link
// elsewhere, or to a file, which the import copies. A link by the old
// site's address (http://old.example.org/blog/x.html, by either scheme,
// as movedTo reads it) gives its path, and no address, as it leads there
// already.
func oldPage(dest string, site *url.URL) (page, at string) {
	u, err := url.Parse(dest)
	if err != nil {
		return "", ""
	}
	if u.Scheme != "" || u.Host != "" {
		if u.Scheme != "http" && u.Scheme != "https" || site.Host == "" || !strings.EqualFold(u.Host, site.Host) {
			return "", ""
		}
		if base := strings.TrimSuffix(site.Path, "/"); base != "" && u.Path != base && !strings.HasPrefix(u.Path, base+"/") {
			return "", ""
		}
		if u.Path == "" || u.Path == "/" || u.Path == strings.TrimSuffix(site.Path, "/")+"/" || u.Path == strings.TrimSuffix(site.Path, "/") {
			return "", ""
		}
		if _, file := fileLink(u.Path); file {
			return "", ""
		}
		return u.Path, ""
	}
	if !strings.HasPrefix(u.Path, "/") || u.Path == "/" {
		return "", ""
	}
	if _, file := fileLink(dest); file {
		return "", ""
	}
	page = u.Path
	if site.Host != "" {
		at = site.ResolveReference(u).String()
	}
	return page, at
}

// awayNote warns of the links of p to pages of the old site that no
// post imported has, by their paths: made links to the old site
// (pointed), or left as written.
func awayNote(p *post, away []string, pointed bool, r *Report) {
	if len(away) == 0 {
		return
	}
	msg := fmt.Sprintf("links to addresses of the old site that no post imported has (%s) are left pointing there: they lead nowhere once it closes; point them at pages of this site, or at where those pages went", strings.Join(firstOf(away, 3), ", "))
	if !pointed {
		msg = fmt.Sprintf("links to pages of the old site that no post imported has (%s), which this site lacks, so check fails on them: point them at pages of this site, or at where those pages went (with the old site's address in its settings, the import would have them lead there)", strings.Join(firstOf(away, 3), ", "))
	}
	r.Warnings = append(r.Warnings, p.note(0, msg))
}

// movedTo gives the new URL of the post a link names by an old address,
// with the link's fragment, or "".
func movedTo(dest string, ix *index, site *url.URL) string {
	u, err := url.Parse(dest)
	if err != nil || u.RawQuery != "" {
		return ""
	}
	p := u.EscapedPath()
	switch {
	case u.Scheme != "" || u.Host != "":
		if !strings.EqualFold(u.Host, site.Host) || site.Host == "" {
			return ""
		}
	case !strings.HasPrefix(p, "/"):
		return ""
	}
	if base := strings.TrimSuffix(site.EscapedPath(), "/"); base != "" {
		rest, ok := strings.CutPrefix(p, base)
		if !ok || rest != "" && !strings.HasPrefix(rest, "/") {
			return ""
		}
		p = rest
	}
	q := ix.find(oldKey(p))
	if q == nil || q.skip || q.unlisted != "" {
		return "" // an unlisted post comes in as a draft: its old page stands
	}
	if u.Fragment != "" {
		return q.url + "#" + u.EscapedFragment()
	}
	return q.url
}

// codeRanges gives the byte ranges of a Markdown body's code: blocks and
// spans, which show addresses as written, and blocks of HTML.
func codeRanges(body string) [][2]int {
	return codeRangesOf(body, true)
}

// codeRangesOf gives the byte ranges of a Markdown body's code, and of
// its blocks of HTML where html is set.
func codeRangesOf(body string, html bool) [][2]int {
	src := []byte(body)
	var out [][2]int
	ast.Walk(markdown.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if !html {
				return ast.WalkSkipChildren, nil
			}
			if lines := n.Lines(); lines.Len() > 0 {
				out = append(out, [2]int{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				out = append(out, [2]int{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					out = append(out, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// In order, for inRanges: a walk gives them so already.
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// inRanges says whether at is in one of ranges, which are in order and
// apart, as codeRangesOf gives them.
func inRanges(ranges [][2]int, at int) bool {
	k, _ := slices.BinarySearchFunc(ranges, at, func(r [2]int, at int) int { return cmp.Compare(r[1], at+1) })
	return k < len(ranges) && ranges[k][0] <= at
}
