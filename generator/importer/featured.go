package importer

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A Hugo theme shows a post's featured image beside it, in lists and in
// the cards other sites make of a link to it: the one its front matter
// names (images, image, featured_image, featuredImage), else an image of
// its page bundle named for the part (featured.jpg, cover.png,
// thumbnail.webp), as Hugo's own templates find it. bulletin shows no
// featured image, so none is written into the article; the file is
// copied where a link from the article finds it, so that it is not lost,
// and the report names it, with the link to put in the body.

// imageFields are the front matter fields that name a Hugo page's
// featured image, in lower case.
var imageFields = []string{"images", "image", "featured_image", "featuredimage"}

// featuredImage is a featured image of a post, as its source names it.
type featuredImage struct {
	name string // as the source names it
	by   string // what names it: a front matter field, or the bundle
	// link is how a link of the post's body would name the file (see
	// imageLink); "" for an image on another site.
	link string
}

// hugoImages gives the featured images the front matter f of the Hugo
// page p names, and warns at file of those it will not look for: on a
// computer rather than the site, or leading out of it with "..". A field
// of another form (a table) is left over, to be told of as such.
func hugoImages(f fields, p *post, pg *page, src *source) {
	for _, key := range imageFields {
		var names []string
		switch v := f[key].(type) {
		case nil:
			continue
		case string:
			names = []string{v}
		case []any:
			if len(v) == 0 {
				continue
			}
			for _, item := range v {
				s, ok := item.(string)
				if !ok {
					names = nil
					break
				}
				names = append(names, s)
			}
		}
		if names == nil {
			p.unused = append(p.unused, key)
			continue
		}
		for _, name := range names {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			if why := unsafeImage(name); why != "" {
				src.warn(p.file, pg.lineOf(key), "%s %q %s: not copied; copy the file into the content folder yourself and link to it from the body where readers need it", key, name, why)
				continue
			}
			p.images = append(p.images, featuredImage{name: name, by: key})
		}
	}
}

// jekyllImage gives the Jekyll post p the image its front matter f
// names in image, or in its path (image.path), as Chirpy and
// jekyll-seo-tag read it, which the theme showed at the top of the post
// and in the cards other sites made of a link to it: a featured image,
// as a Hugo page's is, its link the path from the top of the site, under
// p's media_subpath where it is relative (see underMedia). It warns at
// the field of one it will not look for (see unsafeImage); a field of
// another form is left over, to be told of as such.
func jekyllImage(f fields, p *post, pg *page, src *source) {
	name, by := f.text("image"), "image"
	if m, ok := f["image"].(map[string]any); ok {
		name, by = fields(m).text("path"), "image.path"
	}
	name = strings.TrimSpace(name)
	switch {
	case name == "" && !empty(f["image"]):
		p.unused = append(p.unused, "image")
		return
	case name == "":
		return
	}
	if why := unsafeImage(name); why != "" {
		src.warn(p.file, pg.lineOf("image"), "%s %q %s: not copied; copy the file into the content folder yourself and link to it from the body where readers need it", by, name, why)
		return
	}
	link, relative := underMedia(name, p.media)
	if u, err := url.Parse(name); !relative && err == nil && u.Scheme == "" && u.Host == "" {
		link = name
	}
	p.images = append(p.images, featuredImage{name: name, by: by, link: link})
}

// unsafeImage says why the import does not look for a featured image by
// name: a path on a computer, or one leading out of the folder it is
// found from; "" for a path of the site, or an address elsewhere.
func unsafeImage(name string) string {
	u, err := url.Parse(name)
	switch {
	case strings.Contains(name, `\`) || err != nil || u.Scheme == "file" || len(u.Scheme) == 1:
		return "is a path on a computer, not of the site"
	case u.Scheme != "" || u.Host != "":
		return ""
	}
	p, err := url.PathUnescape(u.Path)
	if err != nil {
		return "is a path on a computer, not of the site"
	}
	if slices.Contains(strings.Split(p, "/"), "..") {
		return `leads out of its folder with ".."`
	}
	return ""
}

// findImages gives the page bundle p the images of its folder, among
// bundled, that a theme showed as its featured image where its front
// matter names none: those whose names hold feature, cover or
// thumbnail; and finds the link of each of p's featured images.
func findImages(p *post, bundled []string) {
	defer func() {
		for i := range p.images {
			p.images[i].link = imageLink(p, p.images[i].name, bundled)
		}
	}()
	if p.bundle == "" || len(p.images) > 0 {
		return
	}
	for _, f := range bundled {
		rest, ok := strings.CutPrefix(f, p.bundle+"/")
		if !ok || strings.Contains(rest, "/") || !image(rest) {
			continue
		}
		name := strings.ToLower(rest)
		if strings.Contains(name, "feature") || strings.Contains(name, "cover") || strings.Contains(name, "thumbnail") {
			p.images = append(p.images, featuredImage{name: rest, by: "the bundle's"})
		}
	}
}

// image says whether the file at slash path p is an image.
func image(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff":
		return true
	}
	return false
}

// imageLink gives the link by which the article of p finds its featured
// image, named name: a path in its bundle where the bundle, bundled
// among others, has that file, else a path from the top of the site, as
// a theme's absURL made of it; "" for an image on another site, which
// nothing copies.
func imageLink(p *post, name string, bundled []string) string {
	u, err := url.Parse(name)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	if strings.HasPrefix(name, "/") {
		return name
	}
	if p.bundle != "" && slices.Contains(bundled, path.Join(p.bundle, path.Clean(u.Path))) {
		return name
	}
	return "/" + strings.TrimPrefix(name, "./")
}

// copyFeatured copies into the content folder the featured images of p
// that the source folder root holds, as file finds them, marks them in
// linked, and tells where they went, with the link that shows each, or
// why they were not copied.
func copyFeatured(root *os.Root, w *writer, file linkedFile, p *post, dest string, max int64, linked map[string]bool, r *Report) {
	var placed, elsewhere, missing, none, held []string
	for _, img := range p.images {
		if img.link == "" {
			elsewhere = append(elsewhere, img.name)
			continue
		}
		from, to, got := copyOne(root, w, file, p, img.link, "names as its featured image", max, linked, r)
		shown := img.by + " " + img.name
		switch got {
		case fileNone:
			// A page's address, a folder, or a path the old site did not
			// publish as it is (under a folder of Jekyll's own, say).
			none = append(none, shown)
		case fileMissing:
			missing = append(missing, shown)
		case fileHeld:
			held = append(held, from)
		case fileThere, fileCopied:
			placed = append(placed, fmt.Sprintf("%s, at %s (![](%s))", shown, filepath.Join(dest, filepath.FromSlash(to)), img.link))
		}
	}
	if len(placed) > 0 {
		// Each post is told on a line of its own, the link that shows
		// its image with it.
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("featured %s copied, which the old theme showed beside the post and bulletin does not: %s; put %s in the body where readers need %s",
			plural(len(placed), "image", "images"), strings.Join(placed, "; "), plural(len(placed), "it", "them"), plural(len(placed), "it", "them"))))
	}
	if len(elsewhere) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("featured %s on another site (%s), which bulletin does not show: not copied; put %s in the body where readers need %s",
			plural(len(elsewhere), "image", "images"), strings.Join(elsewhere, ", "), plural(len(elsewhere), "it", "them"), plural(len(elsewhere), "it", "them"))))
	}
	if len(missing) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("featured %s the site's folder does not hold (%s): nothing to copy; if the old site showed %s, find %s and put %s in the body",
			plural(len(missing), "image", "images"), strings.Join(missing, ", "), plural(len(missing), "it", "them"), plural(len(missing), "it", "them"), plural(len(missing), "it", "them"))))
	}
	if len(none) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("featured %s that name%s no file the old site published as it is, but a page, a folder or a path it left out (%s): no image to copy; if the old theme showed one for the post, find it and put it in the body",
			plural(len(none), "image", "images"), plural(len(none), "s", ""), strings.Join(none, ", "))))
	}
	tellHeld(p, held, "its featured "+plural(len(held), "image", "images"), r)
}
