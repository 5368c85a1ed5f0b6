package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// draftState gives whether the article at name, in dest, is a draft,
// failing the test where there is none.
func draftState(t *testing.T, dest, name string) bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
	if err != nil {
		t.Fatalf("%v; files: %v", err, files(t, dest))
	}
	return strings.Contains(string(data), "\ndraft: true\n")
}

// TestHugoCascade imports as drafts the pages that a section's cascade
// kept Hugo from publishing, as it imports a page's own draft and build
// options: its build options, under build or _build, a draft, by a
// table or by a list of them with a target, spelt _target or target. A
// deeper section's cascade adds to its parent's, the nearer one and the
// page's own front matter win, and a target that does not match the
// page, or the production environment, gives it nothing.
func TestHugoCascade(t *testing.T) {
	page := func(title string, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2023-01-02\n" + extra + "---\nText.\n"
	}
	src := tree(t, map[string]string{
		"hugo.toml":                     "baseURL = 'https://old.example.org/'\n",
		"content/snippets/_index.md":    "---\ntitle: Snippets\ncascade:\n  build:\n    render: never\n    list: never\n---\n",
		"content/snippets/a.md":         page("Snippet", ""),
		"content/snippets/deep/b.md":    page("Deep snippet", ""),
		"content/bits/_index.md":        "+++\ntitle = 'Bits'\n[cascade._build]\nrender = false\n+++\n",
		"content/bits/c.md":             page("Bit", ""),
		"content/archive/_index.md":     "---\ntitle: Archive\ncascade:\n  draft: true\n---\n",
		"content/archive/d.md":          page("Archived", ""),
		"content/archive/e.md":          page("Kept", "draft: false\n"),
		"content/archive/new/_index.md": "---\ntitle: New\ncascade:\n  draft: false\n---\n",
		"content/archive/new/f.md":      page("Newer", ""),
		"content/posts/_index.md":       "---\ntitle: Posts\ncascade: [{_target: {path: \"/posts/wip/**\"}, draft: true}, {target: {path: \"/posts/old/*\"}, expiryDate: 2020-01-01}, {target: {environment: development}, draft: true}]\n---\n",
		"content/posts/g.md":            page("Live", ""),
		"content/posts/wip/h.md":        page("Work in progress", ""),
		"content/posts/old/i.md":        page("Expired", ""),
		"content/posts/old/j/_index.md": "---\ntitle: J\ncascade:\n  build:\n    list: never\n---\n",
		"content/posts/old/j/k.md":      page("Expired and unlisted", ""),
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	for name, draft := range map[string]bool{
		"2023-01-02-a.md": true,
		"2023-01-02-b.md": true,
		"2023-01-02-c.md": true,
		"2023-01-02-d.md": true,
		"2023-01-02-e.md": false,
		"2023-01-02-f.md": false,
		"2023-01-02-g.md": false,
		"2023-01-02-h.md": true,
		"2023-01-02-i.md": true,
		"2023-01-02-k.md": true,
	} {
		if got := draftState(t, dest, "articles/2023/"+name); got != draft {
			t.Errorf("%s: draft %v, want %v", name, got, draft)
		}
	}
	for file, want := range map[string]string{
		"content/snippets/a.md":      "build.render is never, from the cascade at " + filepath.Join(src, "content", "snippets", "_index.md") + ":3, so Hugo made no page of it: imported as a draft",
		"content/snippets/deep/b.md": "build.render is never, from the cascade at " + filepath.Join(src, "content", "snippets", "_index.md") + ":3",
		"content/bits/c.md":          "_build.render is false, from the cascade at " + filepath.Join(src, "content", "bits", "_index.md") + ":3",
		"content/posts/old/i.md":     "expiryDate 2020-01-01 has passed, from the cascade at " + filepath.Join(src, "content", "posts", "_index.md") + ":3",
		"content/posts/old/j/k.md":   "build.list: never, from the cascade at " + filepath.Join(src, "content", "posts", "old", "j", "_index.md") + ":3: the old site kept it off its lists",
	} {
		if !hasNote(r.Warnings, filepath.Join(src, filepath.FromSlash(file)), -1, want) {
			t.Errorf("%s: got warnings %v, want %q", file, r.Warnings, want)
		}
	}
}

// TestGlobRegexp reads the glob patterns of Hugo's cascade targets as
// Hugo matches them.
func TestGlobRegexp(t *testing.T) {
	for _, tt := range []struct {
		pattern, s string
		want       bool
	}{
		{"/posts/wip/**", "/posts/wip/a", true},
		{"/posts/wip/**", "/posts/wip/a/b", true},
		{"/posts/wip/**", "/posts/wipe", false},
		{"/posts/*", "/posts/a", true},
		{"/posts/*", "/posts/a/b", false},
		{"{/articles,/articles/**}", "/articles", true},
		{"{/articles,/articles/**}", "/articles/x", true},
		{"{/articles,/articles/**}", "/other", false},
		{"{staging,production}", "production", true},
		{"/Posts/?", "/posts/a", true},
		{"/posts/[a-c]", "/posts/b", true},
		{"/posts/[!a-c]", "/posts/b", false},
		{"/pöst/*.md", "/pöst/x.md", true},
		{"/a.b", "/axb", false},
	} {
		re, err := globRegexp(tt.pattern)
		if err != nil {
			t.Errorf("globRegexp(%q): %v", tt.pattern, err)
			continue
		}
		if got := re.MatchString(tt.s); got != tt.want {
			t.Errorf("globRegexp(%q) matches %q: %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
	for _, bad := range []string{"/posts/[a", "{a,b", "a}"} {
		if _, err := globRegexp(bad); err == nil {
			t.Errorf("globRegexp(%q): no error", bad)
		}
	}
}

// TestHugoProductionSettings reads the settings of config/production/
// over those of config/_default/, and those over the settings file at
// the site's root, table into table, as hugo, which builds in the
// production environment, read them: the published baseURL gives the
// feed ids, with no warning of the one for building locally, and a
// production params.toml's mainSections which pages are posts.
func TestHugoProductionSettings(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":                     "baseURL = 'http://localhost:1313/'\n[permalinks]\nposts = '/:year/:slug/'\nnotes = '/n/:slug/'\n",
		"config/_default/hugo.toml":     "baseURL = 'http://localhost:1313/'\n[permalinks]\nnotes = '/note/:slug/'\n",
		"config/_default/params.toml":   "mainSections = ['posts']\n",
		"config/development/hugo.toml":  "baseURL = 'http://127.0.0.1:1313/'\n",
		"config/production/hugo.toml":   "baseURL = 'https://m.example.com/'\n",
		"config/production/params.toml": "mainSections = ['posts', 'notes']\n",
		"config/production/menus.toml":  "main = [broken\n",
		"content/posts/one.md":          "---\ntitle: One\ndate: 2023-01-02\n---\nText.\n",
		"content/notes/two.md":          "---\ntitle: Two\ndate: 2023-01-03\n---\nText.\n",
		"content/other/three.md":        "---\ntitle: Three\ndate: 2023-01-04\n---\nText.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if len(r.Warnings) > 0 {
		t.Errorf("warnings: %v", r.Warnings)
	}
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-01-02-one.md": {"id: https://m.example.com/2023/one/\n", "  - /2023/one/\n"},
		"articles/2023/2023-01-03-two.md": {"id: https://m.example.com/note/two/\n", "  - /note/two/\n"},
	})
	if !hasNote(r.Skipped, filepath.Join(src, "content", "other"), -1, "mainSections in "+filepath.Join(src, "config", "production", "params.toml")+" (posts, notes) does not name") {
		t.Errorf("got skipped %v, want other/ left out by the production mainSections", r.Skipped)
	}
}

// TestHugoSiteCascade applies the cascade of the site's settings, a
// table or a list of them, to every page it targets, after the
// sections' own, and stops the import at a target Hugo could not read.
func TestHugoSiteCascade(t *testing.T) {
	for _, config := range []string{
		"baseURL = 'https://old.example.org/'\n[cascade]\ndraft = true\n[cascade._target]\npath = '/posts/wip/**'\n",
		"baseURL = 'https://old.example.org/'\n[[cascade]]\n[cascade.build]\nlist = 'never'\n[cascade.target]\npath = '/posts/wip/**'\n[[cascade]]\nexpiryDate = 2020-01-01\n[cascade.target]\nkind = 'section'\n",
	} {
		src := tree(t, map[string]string{
			"hugo.toml":              config,
			"content/posts/live.md":  "---\ntitle: Live\ndate: 2023-01-02\n---\nText.\n",
			"content/posts/wip/a.md": "---\ntitle: A\ndate: 2023-01-02\n---\nText.\n",
			"content/posts/wip/b.md": "---\ntitle: B\ndate: 2023-01-02\n---\nText.\n",
			// A section's cascade wins over the site's.
			"content/posts/wip/c/_index.md": "---\ntitle: C\ncascade:\n  draft: false\n  build:\n    list: always\n---\n",
			"content/posts/wip/c/d.md":      "---\ntitle: D\ndate: 2023-01-02\n---\nText.\n",
		})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		for name, draft := range map[string]bool{"live": false, "a": true, "b": true, "d": false} {
			if got := draftState(t, dest, "articles/2023/2023-01-02-"+name+".md"); got != draft {
				t.Errorf("%q: %s: draft %v, want %v; warnings %v", config, name, got, draft, r.Warnings)
			}
		}
		if strings.Contains(config, "list") && !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "wip", "a.md"), -1, "build.list: never, from the cascade at "+filepath.Join(src, "hugo.toml")+":2:") {
			t.Errorf("got warnings %v, want one naming the site's cascade", r.Warnings)
		}
	}
	src := tree(t, map[string]string{
		"hugo.toml":             "[cascade]\ndraft = true\n[cascade._target]\npath = '/posts/[wip'\n",
		"content/posts/live.md": "---\ntitle: Live\ndate: 2023-01-02\n---\nText.\n",
	})
	_, err := Run(Options{Source: src, Dest: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(src, "hugo.toml")+":1: cascade _target.path \"/posts/[wip\" is not a glob pattern Hugo reads") {
		t.Errorf("got error %v, want one naming the target Hugo could not read", err)
	}
}

// TestHugoUnderAPath warns of a Hugo site published under a path, as of
// a Jekyll site with a baseurl: its old addresses, kept as aliases, are
// site paths below base_url, which old links reach only where the new
// site is published under that path too, as site.yaml may say. A link
// to another post under the old site's path still follows it.
func TestHugoUnderAPath(t *testing.T) {
	for _, settings := range []string{"", "base_url: https://new.example.org/blog/\n"} {
		src := tree(t, map[string]string{
			"hugo.toml":              "baseURL = 'https://q.example.com/blog/'\n",
			"content/posts/q-one.md": "---\ntitle: Q one\ndate: 2023-01-02\naliases: [/old-q/]\n---\nSee [two](https://q.example.com/blog/posts/q-two/) and [two again](/blog/posts/q-two/).\n",
			"content/posts/q-two.md": "---\ntitle: Q two\ndate: 2023-02-03\n---\nText.\n",
		})
		dest := t.TempDir()
		if settings != "" {
			dest = tree(t, map[string]string{"site.yaml": settings})
		}
		r := mustImport(t, src, dest)
		warned := hasNote(r.Warnings, src, -1, "the old site was published under /blog/, and its addresses are kept as aliases below base_url")
		if warned != (settings == "") {
			t.Errorf("site.yaml %q: warned %v, want %v: %v", settings, warned, settings == "", r.Warnings)
		}
		wantWritten(t, dest, map[string][]string{
			"articles/2023/2023-01-02-q-one.md": {"  - /old-q/\n  - /posts/q-one/\n", "id: https://q.example.com/blog/posts/q-one/\n", "See [two](/2023/02/q-two/) and [two again](/2023/02/q-two/)."},
		})
	}
}

// TestHugoFileNameDates dates a page by its file name as Hugo's
// :filename does, its first ten characters where they are a day, the
// rest, less the spaces, hyphens and underscores around it, its slug;
// and a page without frontmatter.date by Hugo's default fields, down to
// lastmod and modified.
func TestHugoFileNameDates(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml": "baseURL = 'https://old.example.org/'\n[frontmatter]\ndate = [':filename', ':default']\n",
		"content/posts/2023-07-14_under-score.md": "---\ntitle: Under\n---\nText.\n",
		"content/posts/2023-07-16 space name.md":  "---\ntitle: Space\n---\nText.\n",
		"content/posts/2023-07-17glued.md":        "---\ntitle: Glued\n---\nText.\n",
		"content/posts/2023-02-30-no-day.md":      "---\ntitle: No such day\ndate: 2023-03-01\n---\nText.\n",
	})
	dest := mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-07-14-under-score.md":       {"date: 2023-07-14\n", "slug: under-score\n", "  - /posts/under-score/\n"},
		"articles/2023/2023-07-16-space-name.md":        {"date: 2023-07-16\n", "  - /posts/space-name/\n"},
		"articles/2023/2023-07-17-glued.md":             {"date: 2023-07-17\n", "  - /posts/glued/\n"},
		"articles/2023/2023-03-01-2023-02-30-no-day.md": {"date: 2023-03-01\n"},
	})
	src = tree(t, map[string]string{
		"hugo.toml":                 "baseURL = 'https://old.example.org/'\n",
		"content/posts/lastmod.md":  "---\ntitle: Changed\nlastmod: 2023-08-01\n---\nText.\n",
		"content/posts/modified.md": "---\ntitle: Modified\nmodified: 2023-08-02\n---\nText.\n",
		"content/posts/both.md":     "---\ntitle: Both\ndate: 2023-08-03\nlastmod: 2023-09-01\n---\nText.\n",
	})
	dest = mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-08-01-lastmod.md":  {"date: 2023-08-01\n"},
		"articles/2023/2023-08-02-modified.md": {"date: 2023-08-02\n"},
		"articles/2023/2023-08-03-both.md":     {"date: 2023-08-03\n", "updated: 2023-09-01\n"},
	})
}

// TestHugoRefToAPage makes a ref to a page of the site that is no post
// (its about page, a page of its documentation) a link to its address
// on the old site, as a link by its path is, whether it names the
// page's file or its path, and says so.
func TestHugoRefToAPage(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":              "baseURL = 'https://r.example.com/'\nmainSections = ['posts']\n[permalinks]\ndocs = '/manual/:slug/'\n",
		"content/about.md":       "---\ntitle: About\n---\nAbout us.\n",
		"content/docs/setup.md":  "---\ntitle: Setup\nslug: set-up\n---\nSet up.\n",
		"content/posts/q-one.md": "---\ntitle: Q one\ndate: 2023-01-02\n---\nSee [a]({{< ref \"about.md\" >}}), [b]({{< relref \"/about\" >}}), [c]({{< ref \"/about.md#team\" >}}) and [d]({{< ref \"docs/setup.md\" >}}).\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-01-02-q-one.md": {"See [a](https://r.example.com/about/), [b](https://r.example.com/about/), [c](https://r.example.com/about/#team) and [d](https://r.example.com/manual/set-up/)."},
	})
	if want := "links to addresses of the old site that no post imported has (/about/, /manual/set-up/) are left pointing there"; !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "q-one.md"), -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestHugoRelativeLinks follows a link by a path from a post's old
// address (../q-two/), which leads elsewhere from its new one: to the
// new URL of the post it names, else to the page's address on the old
// site, below the path the site was published under, with a warning, or
// to its path there where the old site's address is not known; links
// to files, to a part of the page, and in code stay as written.
func TestHugoRelativeLinks(t *testing.T) {
	for _, tt := range []struct{ baseURL, gone string }{
		{"https://q.example.com/blog/", "https://q.example.com/blog/posts/q-gone/#x"},
		{"/", "/posts/q-gone/#x"},
	} {
		src := tree(t, map[string]string{
			"hugo.toml":                      "baseURL = '" + tt.baseURL + "'\n",
			"content/posts/q-one.md":         "---\ntitle: Q one\ndate: 2023-01-02\n---\nSee [two](../q-two/), [three](../q-three/#part), [gone](../q-gone/#x), [chart](chart.png), [top](#top) and `[code](../q-two/)`.\n",
			"content/posts/q-two.md":         "---\ntitle: Q two\ndate: 2023-02-03\n---\nText.\n",
			"content/posts/q-three/index.md": "---\ntitle: Q three\ndate: 2023-03-04\n---\nBack to [one](../q-one/).\n",
		})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		wantWritten(t, dest, map[string][]string{
			"articles/2023/2023-01-02-q-one.md":   {"See [two](/2023/02/q-two/), [three](/2023/03/q-three/#part), [gone](" + tt.gone + "), [chart](chart.png), [top](#top) and `[code](../q-two/)`."},
			"articles/2023/2023-03-04-q-three.md": {"Back to [one](/2023/01/q-one/)."},
		})
		if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "q-one.md"), -1, "(/posts/q-gone/)") {
			t.Errorf("baseURL %s: got warnings %v, want one naming /posts/q-gone/", tt.baseURL, r.Warnings)
		}
	}
}

// TestHugoAliasesInOneText parts aliases written as one text at its
// spaces, as Hugo did.
func TestHugoAliasesInOneText(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":            "baseURL = 'https://old.example.org/'\n",
		"content/posts/one.md": "---\ntitle: One\ndate: 2023-01-02\naliases: /a/ /b/\n---\nText.\n",
	})
	dest := mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-01-02-one.md": {"aliases:\n  - /a/\n  - /b/\n  - /posts/one/\n"},
	})
}

// TestHugoSectionsSlice fills in Hugo's :sections[…] in a permalink
// pattern with the sections it names, its bounds read as Hugo reads
// them: one past the sections is the end as the upper bound, and gives
// nothing as the lower; one below 0, or not a number, is 0.
func TestHugoSectionsSlice(t *testing.T) {
	for _, tt := range []struct{ index, want string }{
		{"1:", "q1/notes"}, {":last", "posts/q1"}, {"last", "notes"}, {"0", "posts"}, {"1:2", "q1"}, {"LAST", "notes"},
		{"1:9", "q1/notes"}, {"-1", "posts"}, {"-1:1", "posts"}, {"x", "posts"}, {"x:", "posts/q1/notes"},
		{"5", ""}, {"5:", ""}, {"2:1", ""},
	} {
		if got := sliceSections("posts/q1/notes", tt.index); got != tt.want {
			t.Errorf("sliceSections(posts/q1/notes, %q) = %q, want %q", tt.index, got, tt.want)
		}
	}
	src := tree(t, map[string]string{
		"hugo.toml":               "baseURL = 'https://old.example.org/'\n[permalinks]\nposts = '/:sections[1:]/:slug/'\n",
		"content/posts/q1/one.md": "---\ntitle: One\ndate: 2023-01-02\n---\nText.\n",
	})
	dest := mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-01-02-one.md": {"  - /q1/one/\n"},
	})
}

// TestHugoFigureAttribution keeps the attribution of Hugo's figure
// (attr, linked by attrlink) in its caption, after the caption, as Hugo
// showed it, where it was left out without a word; attr is Markdown, as
// Hugo read it, and the image's alt text is its alt, else its caption,
// as Hugo gave it.
func TestHugoFigureAttribution(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"Example\"\n",
		"content/posts/p.md": "+++\ntitle = \"Hugo 0.55\"\ndate = 2019-04-08T23:30:00\n+++\n\nHugo 0.55 is out.\n\n" +
			"{{< figure src=\"https://example.org/img/poster.png\" caption=\"The 0.55 poster\" attr=\"Photo by Jane Doe\" attrlink=\"https://unsplash.com/@jane\" >}}\n\n" +
			"{{< figure src=\"https://images.unsplash.com/photo-1\" attr=\"Photo by [Aditya Telange](https://unsplash.com/@adityatelange) on [Unsplash](https://unsplash.com/photos/Z0lL0okYjy0)\" align=center link=\"https://unsplash.com/photos/a\" target=\"_blank\" >}}\n",
	})
	dest := mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		"articles/2019/2019-04-09-p.md": {
			"![The 0.55 poster](https://example.org/img/poster.png)\\\nThe 0.55 poster [Photo by Jane Doe](https://unsplash.com/@jane)\n",
			"[![](https://images.unsplash.com/photo-1)](https://unsplash.com/photos/a)\\\nPhoto by [Aditya Telange](https://unsplash.com/@adityatelange) on [Unsplash](https://unsplash.com/photos/Z0lL0okYjy0)\n",
		},
	})
}

// TestHugoInlineShortcodes shows a Hugo inline shortcode as readers saw
// it, where its template source was kept as a code block: one that only
// loaded scripts or styles (KaTeX's) is left out, with a note; one that
// shows text keeps it, its template actions left out, with a warning;
// one closed on itself shows again the one of its name above it; and
// where the site does not enable them, Hugo showed nothing of any, and
// each is left out, with a note.
func TestHugoInlineShortcodes(t *testing.T) {
	katex := "{{< math.inline >}}\n{{ if or .Page.Params.math .Site.Params.math }}\n<!-- KaTeX -->\n<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net/npm/katex@0.10.1/dist/katex.min.css\">\n" +
		"<script defer src=\"https://cdn.jsdelivr.net/npm/katex@0.10.1/dist/katex.min.js\"></script>\n{{ end }}\n{{</ math.inline >}}"
	text := "{{< math.inline >}}\n<p>\nInline math: \\(\\varphi = 1.618…\\)\n</p>\n{{</ math.inline >}}"
	const (
		loaded   = "left out: it only loaded scripts or styles (<script>, <style>, <link>), which bulletin does not load"
		kept     = "left out, its template with it, and the text it shows kept as written"
		disabled = "left out, with what it holds: the site does not enable inline shortcodes"
	)
	for _, tc := range []struct {
		name, in string
		enabled  bool
		want     string
		notes    []string // each note's line and text
	}{
		{"scripts alone", "Intro.\n\n" + katex + "\n\nAfter.", true, "Intro.\n\n\n\nAfter.", []string{"3 " + loaded}},
		{"text", "Intro.\n\n" + text + "\n\nAfter.", true, "Intro.\n\n<p>\nInline math: \\(\\varphi = 1.618…\\)\n</p>\n\nAfter.", []string{"3 " + kept}},
		{"text in a sentence, its actions left out", "Vectors\n{{< v.inline >}}\n{{ with .Page.Title }}\n\\(v_1\\) of {{ . }}\n{{ end }}\n{{< /v.inline >}}\nare free.", true, "Vectors\n\\(v_1\\) of\nare free.", []string{"2 " + kept}},
		{"a template alone", "A {{< t.inline >}}{{ .Page.Title }}{{< /t.inline >}} b.", true, "A  b.", []string{"1 left out: what it showed came of its template alone"}},
		{"a template in an element", "A {{< t.inline >}}<span class=\"t\">{{ .Page.Title }}</span>{{< /t.inline >}} b.", true, "A  b.", []string{"1 left out: what it showed came of its template alone"}},
		{"an image", "A {{< i.inline >}}<img src=\"/a.png\" alt=\"\">{{< /i.inline >}} b.", true, "A <img src=\"/a.png\" alt=\"\"> b.", []string{"1 " + kept}},
		{"closed by another of its kind first", "{{< a.inline >}}x{{< /b.inline >}}y{{< /a.inline >}}", true, "xy", []string{"1 " + kept}},
		{"shown again", text + "\n\nAgain: {{< math.inline />}}", true, "<p>\nInline math: \\(\\varphi = 1.618…\\)\n</p>\n\nAgain: <p>\nInline math: \\(\\varphi = 1.618…\\)\n</p>", []string{"1 " + kept, "7 shows the one of that name above it again, and is " + kept}},
		{"shown again, loading scripts", katex + "\n{{< math.inline />}}", true, "\n", []string{"1 " + loaded, "8 shows the one of that name above it again, and is " + loaded}},
		{"shown again, none above", "{{< math.inline />}}", true, "", []string{"1 left out: it shows again an inline shortcode of that name defined above it, and none is"}},
		{"not enabled", "Intro.\n\n" + text + "\n\n" + katex + "\n{{< math.inline />}}", false, "Intro.\n\n\n\n\n", []string{"3 " + disabled, "9 " + disabled, "16 " + disabled}},
		{"never closed", "{{< math.inline >}}\nx", true, "{{< math.inline >}}\nx", []string{"1 Hugo shortcode {{< math.inline >}} kept as text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Report{}
			p := &post{file: "f.md", raw: tc.in, bodyLine: 1, inline: tc.enabled}
			if got := shortcodes(p, postIndex(), r); got != tc.want {
				t.Errorf("shortcodes(%q) = %q, want %q", tc.in, got, tc.want)
			}
			var notes []string
			for _, n := range r.Warnings {
				notes = append(notes, fmt.Sprintf("%d %s", n.Line, n.Msg))
			}
			if len(notes) != len(tc.notes) {
				t.Fatalf("shortcodes(%q): notes %q, want %q", tc.in, notes, tc.notes)
			}
			for i, want := range tc.notes {
				line, msg, _ := strings.Cut(want, " ")
				if !strings.HasPrefix(notes[i], line+" ") || !strings.Contains(notes[i], msg) {
					t.Errorf("shortcodes(%q): note %q, want %q", tc.in, notes[i], want)
				}
			}
		})
	}
}

// TestHugoInlineShortcodesEnabled reads whether a site enables inline
// shortcodes as Hugo does: enableInlineShortcodes, or, since Hugo 0.91,
// security.enableInlineShortcodes, in the settings file or a file of
// its own in config/_default/; a site that does not showed nothing of
// them.
func TestHugoInlineShortcodesEnabled(t *testing.T) {
	post := "---\ntitle: Math\ndate: 2019-03-08\n---\nIntro.\n\n{{< math.inline >}}\n<p>Inline math: \\(x\\)</p>\n{{< /math.inline >}}\n"
	for _, tc := range []struct {
		name     string
		settings map[string]string
		shown    bool
	}{
		{"enableInlineShortcodes", map[string]string{"config.toml": "enableInlineShortcodes = true\n"}, true},
		{"security.enableInlineShortcodes", map[string]string{"hugo.yaml": "security:\n  enableInlineShortcodes: true\n"}, true},
		{"config/_default/security.toml", map[string]string{"hugo.toml": "title = 'Math'\n", "config/_default/security.toml": "enableInlineShortcodes = true\n"}, true},
		{"not enabled", map[string]string{"config.toml": "title = 'Math'\n"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.settings["content/posts/m.md"] = post
			src := tree(t, tc.settings)
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			data, err := os.ReadFile(filepath.Join(dest, "articles", "2019", "2019-03-08-m.md"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(data), "Inline math: \\(x\\)"); got != tc.shown || strings.Contains(string(data), "math.inline") {
				t.Errorf("the inline shortcode's text shown: %t, want %t:\n%s", got, tc.shown, data)
			}
			want := "the site does not enable inline shortcodes"
			if tc.shown {
				want = "the text it shows kept as written"
			}
			if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "m.md"), 7, want) {
				t.Errorf("got warnings %v, want %q", r.Warnings, want)
			}
		})
	}
}

// TestHugoUglyURLsBySection reads uglyURLs given by section, as Let's
// Encrypt's site gives it ([uglyURLs] post = true): its posts were at
// /2015/11/09/why-90-days.html, and its feed gave each that address as
// its id, where the import kept /2015/11/09/why-90-days/, an address
// that led nowhere, and an id that showed every post again as new.
func TestHugoUglyURLsBySection(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml": "baseURL = \"https://letsencrypt.org/\"\n[uglyURLs]\n  post = true\n[permalinks]\n  post = \"/:year/:month/:day/:slug/\"\n",
		"content/post/2015-11-9-why-90-days.markdown": "---\ndate: 2015-11-09T00:00:00Z\ntitle: Why ninety-day lifetimes for certificates?\nslug: why-90-days\n---\nText.\n",
		"content/news/launch.md":                      "---\ndate: 2015-12-03T00:00:00Z\ntitle: Launch\n---\nText.\n",
	})
	dest := mustImportInto(t, src)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-11-09-why-90-days.md"), "  - /2015/11/09/why-90-days.html\n", "id: https://letsencrypt.org/2015/11/09/why-90-days.html\n")
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-12-03-launch.md"), "  - /news/launch/\n", "id: https://letsencrypt.org/news/launch/\n")
}

// TestHugoDefinitionLists turns a definition list of a Hugo post (a term,
// then ": its definition"), which goldmark's extension, on by default,
// and Blackfriday showed as a list, into its term in bold over its
// definition, as a Jekyll post's is, where the colon showed as written;
// a site that turned the extension off keeps it as Hugo showed it.
func TestHugoDefinitionLists(t *testing.T) {
	const post = "---\ntitle: One\ndate: 2024-01-23\n---\nThe limits:\n\n`EvictionHard`\n: defines limits, without a grace period.\n\n```\nTerm\n: code\n```\n"
	for _, tt := range []struct {
		name, settings, want string
		told                 bool
	}{
		{"by default", "", "**`EvictionHard`**\\\ndefines limits, without a grace period.\n", true},
		{"goldmark's extension on", "[markup.goldmark.extensions]\ndefinitionList = true\n", "**`EvictionHard`**\\\ndefines limits", true},
		{"goldmark's extension off", "[markup.goldmark.extensions]\ndefinitionList = false\n", "`EvictionHard`\n: defines limits", false},
		{"Blackfriday", "[markup]\ndefaultMarkdownHandler = 'blackfriday'\n", "**`EvictionHard`**\\\ndefines limits", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tree(t, map[string]string{
				"hugo.toml":            "baseURL = 'https://old.example.org/'\n" + tt.settings,
				"content/posts/one.md": post,
			})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			wantWritten(t, dest, map[string][]string{
				"articles/2024/2024-01-23-one.md": {tt.want, "```\nTerm\n: code\n```\n"},
			})
			if told := hasNote(r.Warnings, filepath.Join(src, "content", "posts", "one.md"), 7, "1 definition list (a term, then : and its definition), which Hugo showed as a list, became each term in bold"); told != tt.told {
				t.Errorf("told of the list: %v, want %v; warnings %v", told, tt.told, r.Warnings)
			}
		})
	}
}
