package importer

import (
	"bulletin/generator/content"
	"bulletin/generator/lint"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A Jekyll or Hugo post shows images and links to documents that its
// site keeps beside the posts: Jekyll at their path from the site's
// folder, Hugo in its static folder or in the post's page bundle. The
// import copies each file a post links to into the content folder, at
// the path bulletin publishes it from, so that the link finds it: the
// same site path for a path from the top, and the article's own folder
// for a path from a page bundle. It never replaces a file there.

// linkedFile says where the file a post links to lies in the source,
// and where it goes in the content folder, both slash paths; ok is false
// for a link to no file of the source.
type linkedFile func(p *post, link string) (from, to string, ok bool)

// jekyllFile finds a file linked from the top of the site in Jekyll's
// source folder (dir, a slash path in the site's folder), which it
// publishes as it is, leaving out its own folders (_posts, _site,
// _config.yml); or a file beside the post's own file, which it shows by
// a path from it (./banner.jpeg, img/q.png, as Docusaurus finds it),
// copied to the article's folder, where the path finds it.
func jekyllFile(dir string) linkedFile {
	return func(post *post, link string) (string, string, bool) {
		if !strings.HasPrefix(link, "/") {
			s, ok := fileLink("/" + link)
			if !ok || strings.Contains(link, ":") || !below(link) || post.source == "" {
				return "", "", false
			}
			return path.Join(dir, path.Dir(post.source), s), strings.TrimPrefix(post.url, "/") + s, true
		}
		p, ok := fileLink(link)
		if !ok || strings.HasPrefix(p, "_") || strings.Contains(p, "/_") {
			return "", "", false
		}
		return path.Join(dir, p), p, true
	}
}

// hugoFile finds a file in Hugo's static folders, the site's first and
// then its themes' (slash paths in site, the site's folder), or, for a
// link relative to a page bundle's page, in its bundle.
func hugoFile(site string, static []string) linkedFile {
	return func(p *post, link string) (string, string, bool) {
		if strings.HasPrefix(link, "/") {
			s, ok := fileLink(link)
			for _, dir := range static {
				if _, err := os.Lstat(filepath.Join(site, filepath.FromSlash(path.Join(dir, s)))); ok && err == nil {
					return path.Join(dir, s), s, true
				}
			}
			return path.Join(static[0], s), s, ok
		}
		if p.bundle == "" && p.folder != "" {
			// A file beside a page's own file, which the page shows by a
			// relative path (img/chart.png): copied to the article's
			// folder, where the path finds it.
			s, ok := fileLink("/" + link)
			if !ok || !below(link) {
				return "", "", false
			}
			from := path.Join(p.folder, s)
			if _, err := os.Lstat(filepath.Join(site, filepath.FromSlash(from))); err != nil {
				return "", "", false
			}
			return from, strings.TrimPrefix(p.url, "/") + s, true
		}
		return bundleFile(p, link)
	}
}

// bundleFile finds a file linked relative to a page bundle's page in its
// bundle.
func bundleFile(p *post, link string) (string, string, bool) {
	if p.bundle == "" || strings.Contains(link, ":") {
		return "", "", false
	}
	s, ok := fileLink("/" + link)
	if !ok || !below(link) {
		return "", "", false
	}
	return path.Join(p.bundle, s), strings.TrimPrefix(p.url, "/") + s, true
}

// leadsOut reports whether a link names an image or a document by a
// path from the page that leads out of its folder (../x.png).
func leadsOut(link string) bool {
	if strings.HasPrefix(link, "/") || strings.Contains(link, ":") || below(link) {
		return false
	}
	u, err := url.Parse(link)
	return err == nil && document(u.Path)
}

// below reports whether a relative link leads to the folder it is made
// from or below it, as a file of a page bundle, a subfolder's too
// (images/1.png), does; not ../other/1.png.
func below(link string) bool {
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	c := path.Clean(u.Path)
	return c != ".." && !strings.HasPrefix(c, "../")
}

// fileLink is a link's path from the top of the site, without its query
// and fragment, unescaped and clean; ok is false for a link elsewhere,
// to a page rather than a file (one ending in a slash too, whose last
// part may hold a dot, /news/0.62.0-relnotes/), or leading out of the
// site.
func fileLink(link string) (string, bool) {
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasSuffix(u.Path, "/") {
		return "", false
	}
	p := strings.TrimPrefix(path.Clean(u.Path), "/")
	switch ext := strings.ToLower(path.Ext(p)); {
	case !fs.ValidPath(p) || p == "." || ext == "" || ext == ".html" || ext == ".htm" || ext == ".md":
		return "", false
	}
	return p, true
}

// links lists the link and image addresses of Markdown.
func links(md string) []string {
	return destinations(md, true)
}

// destinations lists the image addresses of Markdown, and its links' too
// where withLinks is set.
func destinations(md string, withLinks bool) []string {
	src := []byte(md)
	var out []string
	ast.Walk(markdown.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				if withLinks {
					out = append(out, string(n.Destination))
				}
			case *ast.Image:
				out = append(out, string(n.Destination))
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// subpathImages gives body, Markdown, with each image it shows by a relative
// path shown by that path from subpath, Chirpy's media_subpath, as Chirpy
// showed it (see underMedia); links, images by another path, and a body
// with no subpath are left as written.
func subpathImages(body, subpath string) string {
	if subpath == "" {
		return body
	}
	shown := map[string]bool{}
	for _, dest := range destinations(body, false) {
		shown[dest] = true
	}
	return rewriteLinks(body, func(dest string) (string, bool) {
		if !shown[dest] {
			return "", false
		}
		return underMedia(dest, subpath)
	})
}

// underMedia gives the address of an image that a Chirpy post shows by
// a relative path, dest (room.png), under subpath, its media_subpath: the
// path from subpath's folder, from the top of the site where subpath is
// a path (/assets/img/room.png), as Chirpy put subpath before it; ok is
// false for an address elsewhere, and for a path from the top, which is
// kept as written.
func underMedia(dest, subpath string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return "", false
	}
	base, err := url.Parse(strings.TrimSuffix(subpath, "/") + "/")
	if err != nil {
		return "", false
	}
	if base.Scheme == "" && base.Host == "" {
		base.Path = "/" + strings.TrimPrefix(base.Path, "/")
	}
	return base.ResolveReference(u).String(), true
}

// copyLinked copies into the content folder the files of the source
// folder root that the body of p links to, as file finds them, marks
// them in linked, and counts those it copied. A draft's are not copied
// but named: they would be published before it. A file too large is noted; one already there
// is left as it is.
func copyLinked(root *os.Root, w *writer, file linkedFile, p *post, body string, max int64, linked map[string]bool, r *Report) {
	var held []string    // a draft's files, not copied
	var missing []string // images and documents the source lacks
	var out []string     // images and documents by a path leading out of the post's folder
	for _, link := range links(body) {
		from, to, got := copyOne(root, w, file, p, link, "links to", max, linked, r)
		switch {
		case got == fileNone && from == "" && leadsOut(link) && !slices.Contains(out, link):
			out = append(out, link)
		case got == fileMissing && document(to) && siteOwn("/"+to, nil) == "" && !slices.Contains(missing, to):
			missing = append(missing, to)
		case got == fileHeld:
			held = append(held, from)
		}
	}
	if len(missing) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("links to %s the site's folder does not hold (%s), which the build will report as missing: copy %s into the content folder at %s, or mend the %s",
			plural(len(missing), "a file", "files"), strings.Join(missing, ", "), plural(len(missing), "it", "them"), plural(len(missing), "that path", "those paths"), plural(len(missing), "link", "links"))))
	}
	if len(out) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("links to %s by a path leading out of its own folder (%s), which %s not copied, as the article's folder is another: copy %s into the content folder and link %s from the top of the site",
			plural(len(out), "a file", "files"), strings.Join(out, ", "), plural(len(out), "is", "are"), plural(len(out), "it", "them"), plural(len(out), "it", "them"))))
	}
	tellHeld(p, held, "the "+plural(len(held), "file", "files")+" it links to", r)
}

// tellHeld tells that the files held, which p, a draft, shows as what,
// were not copied.
func tellHeld(p *post, held []string, what string, r *Report) {
	if len(held) == 0 {
		return
	}
	r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("a draft: %s (%s) %s not copied, since a file in the content folder is published at once: copy %s when you publish the draft",
		what, strings.Join(held, ", "), plural(len(held), "was", "were"), plural(len(held), "it", "them"))))
}

// copied is what copyOne did with a file.
type copied int

const (
	fileNone    copied = iota // no file of the source: a page, or another site's
	fileMissing               // the source lacks it
	fileHeld                  // a draft's, not copied
	fileSkipped               // not copied, and told why
	fileThere                 // in the content folder already, as it is in the source
	fileCopied                // copied
)

// copyOne copies into the content folder the file of the source folder
// root that the link of p names, as file finds it, marks it in linked,
// and counts it if copied; what it cannot copy, it tells, as what p does
// with it (links to).
func copyOne(root *os.Root, w *writer, file linkedFile, p *post, link, does string, max int64, linked map[string]bool, r *Report) (from, to string, got copied) {
	from, to, ok := file(p, link)
	if !ok {
		return "", "", fileNone
	}
	linked[from] = true
	info, err := root.Lstat(from)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		r.Warnings = append(r.Warnings, p.note(0, does+" "+from+", a symbolic link, which is not copied, since it may lead out of the site: copy the file it names into the content folder"))
		return from, to, fileSkipped
	case errors.Is(err, fs.ErrNotExist):
		return from, to, fileMissing
	case err != nil:
		// A folder on its way that is a symbolic link out of the site
		// (a theme kept elsewhere), say.
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%s %s, which cannot be read within the site's folder (%v), so it is not copied: copy the file it names into the content folder", does, from, withoutPath(err))))
		return from, to, fileSkipped
	case !info.Mode().IsRegular():
		return from, to, fileNone // a page's folder
	case p.draft:
		return from, to, fileHeld
	case w.copies[to] == from:
		// Copied for another post, or found there as it is: a large
		// image many posts show is read once.
		return from, to, fileThere
	}
	data, err := readFile(root.FS(), from, max)
	switch {
	case errors.Is(err, errTooLarge):
		r.Warnings = append(r.Warnings, p.note(0, does+" "+from+", which is larger than an import reads: copy it into the content folder yourself"))
		return from, to, fileSkipped
	case err != nil:
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%s %s, which cannot be read: %v", does, from, withoutPath(err))))
		return from, to, fileSkipped
	}
	if bytes.HasPrefix(data, []byte("---\n")) || bytes.HasPrefix(data, []byte("---\r\n")) {
		return from, to, fileNone // a page Jekyll makes from its front matter, not a file it copies
	}
	// A file the build would read as something else, or refuse, is not
	// copied: the old site's own site.yaml would become the settings.
	why := content.AssetProblem(to)
	if why == "" {
		why = lint.Script(to, data)
	}
	if why != "" {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("%s %s, which is not copied to %s: %s", does, from, to, why)))
		return from, to, fileSkipped
	}
	if old, err := w.root.ReadFile(to); err == nil {
		if !bytes.Equal(old, data) {
			r.Warnings = append(r.Warnings, p.note(0, does+" "+from+", but another file is at "+to+" in the content folder: left as it is"))
			return from, to, fileSkipped
		}
		w.copies[to] = from
		return from, to, fileThere
	}
	if note, _ := w.write(to, data); note != "" {
		r.Warnings = append(r.Warnings, p.note(0, note))
		return from, to, fileSkipped
	}
	w.copies[to] = from
	r.Copied++
	return from, to, fileCopied
}

// madeBy gives whether a link of a post by a path from the top of the
// site names a file the old site's build made, which the import cannot
// copy, as file finds the files of the source folder root: a page
// Jekyll made of a file with front matter (api/team.json with its
// Liquid, feed.csv), or a file that is no image or document which the
// source lacks (a stylesheet Sass made, the JSON a plugin wrote). An
// image or a document the source lacks is told as missing by
// copyLinked, as it is one the site kept.
func madeBy(root string, file linkedFile) func(p *post, dest string) bool {
	return func(p *post, dest string) bool {
		if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
			return false
		}
		from, to, ok := file(p, dest)
		if !ok {
			return false
		}
		r, err := os.OpenRoot(root)
		if err != nil {
			return false
		}
		defer r.Close()
		info, err := r.Lstat(from)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return !document(to)
		case err != nil || !info.Mode().IsRegular():
			return false
		}
		f, err := r.Open(from)
		if err != nil {
			return false
		}
		defer f.Close()
		start := make([]byte, 5)
		n, _ := io.ReadFull(f, start)
		return bytes.HasPrefix(start[:n], []byte("---\n")) || bytes.HasPrefix(start[:n], []byte("---\r\n"))
	}
}

// madeNote warns of the links of p to files the old site's build made
// (files, as written in body, its Markdown before they were rewritten):
// made links to the old site, at site, where it is known, or left as
// written, which check fails on; setting says where the old site's
// address is set.
func madeNote(p *post, body string, files []string, site, setting string, r *Report) {
	if len(files) == 0 {
		return
	}
	line := 0
	if at := strings.Index(body, files[0]); at >= 0 {
		line = sourceLine(p, body, at)
	}
	u, _ := url.Parse(files[0]) // fileLink read it
	file := strings.TrimPrefix(path.Clean(u.Path), "/")
	if old, err := url.Parse(site); err == nil {
		// The site's paths start where the old site's did (/blog/).
		if base := strings.Trim(old.Path, "/"); base != "" {
			file = strings.TrimPrefix(file, base+"/")
		}
	}
	var msg string
	switch {
	case site != "" && len(files) == 1:
		old, _ := url.Parse(site)
		msg = fmt.Sprintf("links to %s, a file the old site's build made, which its folder does not hold to copy: the link now leads to the old site, %s, and nowhere once it closes; save the file from there into the content folder at %s and point the link back at /%s, or point it elsewhere", files[0], old.ResolveReference(u), file, file)
	case site != "":
		old, _ := url.Parse(site)
		msg = fmt.Sprintf("links to files the old site's build made, which its folder does not hold to copy (%s): the links now lead to the old site (%s), and nowhere once it closes; save each from there into the content folder at its path and point its links back at that path, or point them elsewhere", strings.Join(firstOf(files, 3), ", "), old.ResolveReference(u))
	case len(files) == 1:
		msg = fmt.Sprintf("links to %s, a file the old site's build made, which its folder does not hold to copy: kept as written, so check fails on it, as this site lacks it; save the file from the old site into the content folder at %s, or point the link at the old site's address (with %s set, the import would)", files[0], file, setting)
	default:
		msg = fmt.Sprintf("links to files the old site's build made, which its folder does not hold to copy (%s): kept as written, so check fails on them, as this site lacks them; save each from the old site into the content folder at its path, or point the links at the old site's address (with %s set, the import would)", strings.Join(firstOf(files, 3), ", "), setting)
	}
	r.Warnings = append(r.Warnings, p.note(line, msg))
}

// document says whether the file at slash path p is an image or a
// document, which a site keeps as it is: not a stylesheet or a feed the
// old site made from a file of another name.
func document(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff",
		".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".csv", ".txt", ".zip",
		".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".mov":
		return true
	}
	return false
}

// markLinked marks in linked the files of the source that the body of
// p, a post not written, links to, as file finds them (nil: none), so
// that none is told of as a file no page links to.
func markLinked(file linkedFile, p *post, body string, linked map[string]bool) {
	if file == nil {
		return
	}
	for _, link := range links(body) {
		if from, _, ok := file(p, link); ok {
			linked[from] = true
		}
	}
	for _, img := range p.images {
		if from, _, ok := file(p, img.link); ok && img.link != "" {
			linked[from] = true
		}
	}
}

// unlinked warns, for each page bundle, of its files no page links to,
// which were not copied: a page may use them another way (a shortcode,
// a template).
func unlinked(bundled []string, linked map[string]bool, source string, r *Report) {
	byBundle := map[string][]string{}
	var dirs []string
	for _, f := range bundled {
		if linked[f] {
			continue
		}
		dir := path.Dir(f)
		if byBundle[dir] == nil {
			dirs = append(dirs, dir)
		}
		byBundle[dir] = append(byBundle[dir], path.Base(f))
	}
	for _, dir := range dirs {
		names := byBundle[dir]
		r.Warnings = append(r.Warnings, Note{Source: filepath.Join(source, filepath.FromSlash(dir)),
			Msg: fmt.Sprintf("no page links to the bundle's %s, so %s not copied: copy %s into the content folder if the page uses %s",
				strings.Join(names, ", "), plural(len(names), "it was", "they were"), plural(len(names), "it", "those"), plural(len(names), "it", "them"))})
	}
}
