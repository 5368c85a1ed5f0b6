package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHugoFeaturedImages copies the featured image a Hugo page names in
// its front matter (images, image, featured_image) or keeps in its page
// bundle (cover.jpg), which its theme showed beside it, into the content
// folder, and tells where each went and the link that shows it: they
// were named in the report and lost. A path leading out with "..", or
// one on a computer, is refused, a file in the content folder is never
// replaced, and what is not copied is told, each with what to do.
func TestHugoFeaturedImages(t *testing.T) {
	front := func(title, date, more string) string {
		return "---\ntitle: " + title + "\ndate: " + date + "\n" + more + "---\nText.\n"
	}
	src, dest := tree(t, map[string]string{
		"hugo.toml":                 "baseURL = 'https://example.org/'\n",
		"static/img/a.jpg":          "a",
		"static/img/z.jpg":          "z",
		"content/posts/a.md":        front("A", "2020-01-01", "images: [/img/a.jpg]\n"),
		"content/posts/b/index.md":  front("B", "2020-01-02", "featured_image: hero.png\n"),
		"content/posts/b/hero.png":  "hero",
		"content/posts/c/index.md":  front("C", "2020-01-03", ""),
		"content/posts/c/cover.jpg": "cover",
		"content/posts/c/other.jpg": "other",
		"content/posts/d.md":        front("D", "2020-01-04", "image: ../secret.jpg\nfeatured_image: 'C:\\pics\\x.jpg'\n"),
		"content/posts/e.md":        front("E", "2020-01-05", "image: https://cdn.example.org/e.jpg\n"),
		"content/posts/f.md":        front("F", "2020-01-06", "image: img/a.jpg\n"),
		"content/posts/g.md":        front("G", "2020-01-07", "draft: true\nimage: /img/a.jpg\n"),
		"content/posts/h.md":        front("H", "2020-01-08", "image: /img/z.jpg\n"),
		"content/posts/i.md":        front("I", "2020-01-09", "image: /img/none.jpg\n"),
		"content/posts/j.md":        front("J", "2020-01-10", "image: /posts/a/\nimages: [/img, /img/dir.jpg]\n"),
		"static/img/dir.jpg/x.txt":  "a folder named as an image",
		"secret.jpg":                "secret",
	}), t.TempDir()
	if err := os.MkdirAll(filepath.Join(dest, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, "img", "z.jpg"), []byte("the editor's"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, src, dest)
	written := files(t, dest)
	for _, want := range []string{"img/a.jpg", "2020/01/b/hero.png", "2020/01/c/cover.jpg"} {
		if !slices.ContainsFunc(written, func(f string) bool { return strings.HasSuffix(f, want) }) {
			t.Errorf("%s not copied; wrote %v", want, written)
		}
	}
	for _, f := range written {
		if strings.Contains(f, "secret") || strings.Contains(f, "other.jpg") || strings.Contains(f, "x.jpg") {
			t.Errorf("copied %s; want it left", f)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "img", "z.jpg")); string(data) != "the editor's" {
		t.Errorf("img/z.jpg in the content folder holds %q, want it left as it was", data)
	}
	post := func(name string) string { return filepath.Join(src, "content", "posts", filepath.FromSlash(name)) }
	for _, n := range []struct{ file, msg string }{
		{"a.md", "featured image copied, which the old theme showed beside the post and bulletin does not: images /img/a.jpg, at " + filepath.Join(dest, "img", "a.jpg") + " (![](/img/a.jpg)); put it in the body"},
		{"b/index.md", "featured_image hero.png, at "},
		{"c/index.md", "the bundle's cover.jpg, at "},
		{"d.md", `image "../secret.jpg" leads out of its folder with "..": not copied; copy the file into the content folder yourself`},
		{"d.md", `featured_image "C:\\pics\\x.jpg" is a path on a computer, not of the site: not copied`},
		{"e.md", "featured image on another site (https://cdn.example.org/e.jpg), which bulletin does not show: not copied; put it in the body"},
		{"f.md", "image img/a.jpg, at " + filepath.Join(dest, "img", "a.jpg") + " (![](/img/a.jpg))"},
		{"g.md", "a draft: its featured image (static/img/a.jpg) was not copied"},
		{"h.md", "names as its featured image static/img/z.jpg, but another file is at img/z.jpg in the content folder: left as it is"},
		{"i.md", "featured image the site's folder does not hold (image /img/none.jpg): nothing to copy"},
		{"j.md", "featured images that name no file the old site published as it is, but a page, a folder or a path it left out (images /img, images /img/dir.jpg, image /posts/a/): no image to copy; if the old theme showed one for the post, find it and put it in the body"},
	} {
		if !hasNote(r.Warnings, post(n.file), -1, n.msg) {
			t.Errorf("%s: not told %q; warnings:\n%v", n.file, n.msg, r.Warnings)
		}
	}
	if !hasNote(r.Warnings, post("c"), -1, "no page links to the bundle's other.jpg") {
		t.Errorf("the bundle's other image not told of; warnings %v", r.Warnings)
	}
	if hasNote(r.Warnings, post("j.md"), -1, "does not hold") {
		t.Errorf("a featured image naming a page or a folder told as a file missing; warnings:\n%v", r.Warnings)
	}
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, "front matter fields not carried over") && (strings.Contains(n.Msg, "image") || strings.Contains(n.Msg, "images")) {
			t.Errorf("told of as a field not carried over: %s", n)
		}
	}
}

// TestImportCopiesOnlyFilesABuildPublishes links and names as featured
// images files the build would read as something else or refuse: the
// old site's site.yaml, which would become the settings, Markdown under
// another extension, which would become an article, hidden files and
// leftovers, which a build leaves out, names unsafe in an address, and
// an SVG image with script. None is copied, and each is told.
func TestImportCopiesOnlyFilesABuildPublishes(t *testing.T) {
	src, dest := tree(t, map[string]string{
		"hugo.toml":           "baseURL = 'https://example.org/'\n",
		"static/site.yaml":    "title: Another\nraw_html: true\n",
		"static/t.mdown":      "+++\ntitle = 'T'\n+++\nText.\n",
		"static/img/.h.png":   "h",
		"static/img/x.png~":   "x",
		"static/img/c:d.png":  "c",
		"static/img/evil.svg": `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`,
		"static/img/ok.png":   "ok",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\nimages: [/site.yaml]\n---\n" +
			"[s](/t.mdown) ![h](/img/.h.png) [x](/img/x.png~) ![c](/img/c:d.png) ![e](/img/evil.svg) ![ok](/img/ok.png)\n",
	}), t.TempDir()
	r := mustImport(t, src, dest)
	written := files(t, dest)
	for _, f := range written {
		for _, left := range []string{"site.yaml", "t.mdown", ".h.png", "x.png~", "c:d.png", "evil.svg"} {
			if strings.HasSuffix(f, left) {
				t.Errorf("copied %s; want it left in the source", f)
			}
		}
	}
	if !slices.ContainsFunc(written, func(f string) bool { return strings.HasSuffix(f, "img/ok.png") }) {
		t.Errorf("img/ok.png not copied; wrote %v", written)
	}
	post := filepath.Join(src, "content", "posts", "a.md")
	for _, msg := range []string{
		"static/site.yaml, which is not copied to site.yaml: it would be the site's settings file",
		"static/t.mdown, which is not copied to t.mdown: a build reads a Markdown file as an article",
		"static/img/.h.png, which is not copied to img/.h.png: a build leaves out a hidden file",
		"static/img/x.png~, which is not copied to img/x.png~: a build leaves it out as a leftover",
		`static/img/c:d.png, which is not copied to img/c:d.png: the file name "c:d.png" cannot be published`,
		"static/img/evil.svg, which is not copied to img/evil.svg: ",
	} {
		if !hasNote(r.Warnings, post, -1, msg) {
			t.Errorf("not told %q; warnings:\n%v", msg, r.Warnings)
		}
	}
}
