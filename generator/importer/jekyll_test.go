package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestJekyllCollectionsDir reads a site whose _config.yml sets
// collections_dir as Jekyll reads it: posts in the _posts folder in it,
// their categories the folders between it and _posts, not the folder's
// own name; a post in the _posts folder at the top, which Jekyll does
// not read then, is left out, told. The date in the address is the
// post's in the site's time zone, a day after the file name's here.
func TestJekyllCollectionsDir(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml": "url: https://col.example.org\ncollections_dir: my_collections\npermalink: pretty\ntimezone: Europe/London\nplugins: [jekyll-feed]\n",
		"my_collections/_posts/2021-03-04-late-night.md": "---\ntitle: Late night post\ncategories: [Care Homes]\ndate: 2021-03-04 23:30:00 -0500\n---\nText.\n",
		"my_collections/news/_posts/2021-03-02-brief.md": "---\ntitle: Brief\n---\nSee [the late post]({% link _posts/2021-03-04-late-night.md %}).\n",
		"_posts/2021-03-01-stray.md":                     "---\ntitle: Stray\n---\nText.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Read != 3 || r.Written != 2 {
		t.Errorf("read %d, wrote %d; want 3 read, the 2 posts in collections_dir written", r.Read, r.Written)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2021", "2021-03-05-late-night.md"),
		"topics: [Care Homes]\n", "  - /care homes/2021/03/05/late-night/\n", "id: https://col.example.org/care%20homes/2021/03/05/late-night\n")
	wantArticle(t, filepath.Join(dest, "articles", "2021", "2021-03-02-brief.md"),
		"topics: [news]\n", "  - /news/2021/03/02/brief/\n", "[the late post](/2021/03/late-night/)")
	if !hasNote(r.Skipped, filepath.Join(src, "_posts"), 0, "outside collections_dir, my_collections") {
		t.Errorf("the post outside collections_dir is not told: %v", r.Skipped)
	}
}

// TestJekyllDefaultsInCollectionsDir applies a front-matter default to
// the posts its scope names, its path and theirs each read without
// collections_dir, as Jekyll matched them.
func TestJekyllDefaultsInCollectionsDir(t *testing.T) {
	for _, scope := range []string{"_posts", "my_collections/_posts", ""} {
		src := tree(t, map[string]string{
			"_config.yml": "url: https://col.example.org\ncollections_dir: my_collections\npermalink: /:categories/:year/:title/\ndefaults:\n  - scope:\n      path: \"" + scope + "\"\n    values:\n      categories: [updates]\n",
			"my_collections/_posts/2024-05-01-one.md": "---\ntitle: One\n---\nText.\n",
		})
		dest := mustImportInto(t, src)
		wantArticle(t, filepath.Join(dest, "articles", "2024", "2024-05-01-one.md"),
			"topics: [updates]\n", "  - /updates/2024/one/\n", "id: https://col.example.org/updates/2024/one\n")
	}
}

// TestJekyllMarkdownInHTML makes the Markdown kramdown read in an
// element marked markdown="1" Markdown, in the body and the summary
// made of it, and says so at the element's line, not that a link
// written in Markdown inside HTML became one.
func TestJekyllMarkdownInHTML(t *testing.T) {
	src := tree(t, map[string]string{
		"_posts/2022-01-01-callout.md": "---\ntitle: Callout\n---\n<div markdown=\"1\" class=\"callout\">\n**Important:** the *deadline* is [1 June](https://example.com/deadline).\n</div>\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2022", "2022-01-01-callout.md"),
		"summary: 'Important: the deadline is 1 June.'\n", "\n**Important:** the *deadline* is [1 June](https://example.com/deadline).\n")
	file := filepath.Join(src, "_posts", "2022-01-01-callout.md")
	if !hasNote(r.Warnings, file, 4, `<div markdown="1" class="callout">, whose content kramdown read as Markdown, became that Markdown`) || hasNote(r.Warnings, file, -1, "written in Markdown inside HTML") {
		t.Errorf("the element is not told as it became Markdown: %v", r.Warnings)
	}
}

// TestJekyllDefinitionsAndAbbreviations turns a kramdown post's
// definition list into terms in bold over their definitions, and leaves
// its abbreviations' definitions out, telling each at its line; a site
// whose Markdown is CommonMark's keeps them as written, as it showed
// them.
func TestJekyllDefinitionsAndAbbreviations(t *testing.T) {
	post := "---\ntitle: Terms\n---\nThe CQC registers providers of care in England.\n\nRegistration\n: What a provider does first.\n\n*[CQC]: Care Quality Commission\n"
	for _, tc := range []struct {
		name, config string
		want         string
		told         bool
	}{
		{"kramdown", "", "\n**Registration**\\\nWhat a provider does first.\n", true},
		{"CommonMark", "markdown: CommonMarkGhPages\n", "\nRegistration\n: What a provider does first.\n\n*[CQC]: Care Quality Commission\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{"_config.yml": tc.config, "_posts/2022-02-01-terms.md": post})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			name := filepath.Join(dest, "articles", "2022", "2022-02-01-terms.md")
			wantArticle(t, name, tc.want)
			if data, _ := os.ReadFile(name); tc.told && strings.Contains(string(data), "*[CQC]") {
				t.Errorf("the abbreviation's definition is kept:\n%s", data)
			}
			file := filepath.Join(src, "_posts", "2022-02-01-terms.md")
			if told := hasNote(r.Warnings, file, 6, "1 kramdown definition list (a term, then : and its definition) became each term in bold") &&
				hasNote(r.Warnings, file, 9, "kramdown's abbreviations (CQC: Care Quality Commission) are left out"); told != tc.told {
				t.Errorf("told: %v, want %v: %v", told, tc.told, r.Warnings)
			}
		})
	}
}

// TestJekyllBaseurlLinks keeps the baseurl that {{ site.baseurl }},
// relative_url and absolute_url put before a path, so that a link to a
// page of the old site leads to it, and a link to a post by its old
// address below the baseurl to its article; a file the import copies,
// the home page, and a post's new URL after {{ site.baseurl }} go
// without it. {% link %} of a page gives the address its permalink
// gave it, or its path as the site's permalink style made it.
func TestJekyllBaseurlLinks(t *testing.T) {
	body := "[a]({{ site.baseurl }}/about/) [b]({{ '/about/' | relative_url }}) [c]({{ '/about/' | absolute_url }}) [d]({{ site.url }}{{ site.baseurl }}/about/)\n\n" +
		"[e]({{ site.baseurl }}/2022/03/02/OTHER) [f]({{ '2022/03/02/OTHER' | relative_url }}) [g]({{ site.baseurl }}{% post_url 2022-03-02-other %}) [h]({{ site.baseurl }}{% link _posts/2022-03-02-other.md %})\n\n" +
		"[guide]({% link docs/guide.md %}) [faq]({{ site.baseurl }}{% link faq.md %}) [home]({{ site.baseurl }}/) ![chart]({{ site.baseurl }}/assets/chart.png) ![map]({{ '/assets/map.png' | relative_url }})\n"
	for _, tc := range []struct {
		name, url, permalink, other string // other: the other post's old address's end
		wants                       []string
	}{
		{"with url", "url: https://liquid.example.org\n", "pretty", "other/", []string{
			"[a](https://liquid.example.org/blog/about/) [b](https://liquid.example.org/blog/about/) [c](https://liquid.example.org/blog/about/) [d](https://liquid.example.org/blog/about/)\n",
			"[e](/2022/03/other/) [f](/2022/03/other/) [g](/2022/03/other/) [h](/2022/03/other/)\n",
			"[guide](https://liquid.example.org/blog/docs/guide/) [faq](https://liquid.example.org/blog/faq/) [home](/) ![chart](/assets/chart.png) ![map](/assets/map.png)\n",
		}},
		{"without url", "", "date", "other.html", []string{
			"[a](/blog/about/) [b](/blog/about/) [c](/blog/about/) [d](/blog/about/)\n",
			"[e](/2022/03/other/) [f](/2022/03/other/) [g](/2022/03/other/) [h](/2022/03/other/)\n",
			"[guide](/blog/docs/guide/) [faq](/blog/faq.html) [home](/) ![chart](/assets/chart.png) ![map](/assets/map.png)\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{
				"_config.yml":                "baseurl: /blog\npermalink: " + tc.permalink + "\n" + tc.url,
				"docs/guide.md":              "---\ntitle: Guide\npermalink: /docs/guide/\n---\nGuide.\n",
				"faq.md":                     "---\ntitle: FAQ\n---\nFAQ.\n",
				"assets/chart.png":           "PNG",
				"assets/map.png":             "PNG",
				"_posts/2022-03-01-links.md": "---\ntitle: Links\n---\n" + strings.ReplaceAll(body, "OTHER", tc.other),
				"_posts/2022-03-02-other.md": "---\ntitle: Other\n---\nOther.\n",
			})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", "2022", "2022-03-01-links.md"), tc.wants...)
			if got := files(t, dest); !slices.Contains(got, "assets/chart.png") || !slices.Contains(got, "assets/map.png") {
				t.Errorf("got files %v, want the chart and the map copied", got)
			}
			if hasNote(r.Warnings, filepath.Join(src, "_posts", "2022-03-01-links.md"), -1, "names a page, not a post") {
				t.Errorf("a page whose address is known is told as not known: %v", r.Warnings)
			}
		})
	}
}

// TestJekyllSlugifiedCategories fills in Jekyll's :slugified_categories
// as it did: each category slugified, in lower case, once, joined with
// slashes, in the old address and the feed id alike.
func TestJekyllSlugifiedCategories(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":              "url: https://example.org\npermalink: /:slugified_categories/:title/\nplugins: [jekyll-feed]\n",
		"_posts/2021-05-06-new.md": "---\ntitle: New\ncategories: [Care Homes, \"R&D\", care-homes]\n---\nText.\n",
	})
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2021", "2021-05-06-new.md"),
		"  - /care-homes/r-d/new/\n", "id: https://example.org/care-homes/r-d/new\n")
}

// TestJekyllRubyDates dates a post as Jekyll did, by Ruby's Time.parse,
// where its date is in a form Time.parse read and parseDate does not: a
// time without seconds, an offset written +08:00 or +08, an hour of AM or
// PM, or a zone's name, which Time.parse knew only among RFC 822's and
// the site's own, reading the time in the site's zone where it did not
// know it (CEST in UTC). The day, the old address and the feed id come
// from the date moved into the site's zone, as Jekyll made them.
func TestJekyllRubyDates(t *testing.T) {
	for _, tc := range []struct {
		name, zone, date string
		file, want, day  string // the article's file, its date, and the day of its old address
	}{
		{"offset", "UTC", "2024-07-17 05:46 +0800", "2024-07-16-advanced-opengl.md", "date: 2024-07-16T21:46:00Z\n", "2024/07/16"},
		{"offset with a colon", "UTC", "2024-07-17T05:46+08:00", "2024-07-16-advanced-opengl.md", "date: 2024-07-16T21:46:00Z\n", "2024/07/16"},
		{"offset in hours", "UTC", "2024-07-17 05:46 +08", "2024-07-16-advanced-opengl.md", "date: 2024-07-16T21:46:00Z\n", "2024/07/16"},
		{"month of one digit", "UTC", "2024-7-17 05:46:00 +0800", "2024-07-16-advanced-opengl.md", "date: 2024-07-16T21:46:00Z\n", "2024/07/16"},
		{"PM", "UTC", "2024-07-17 5:46 PM", "2024-07-17-advanced-opengl.md", "date: 2024-07-17T17:46:00Z\n", "2024/07/17"},
		{"12 AM", "UTC", "2024-07-17 12:30 am", "2024-07-17-advanced-opengl.md", "date: 2024-07-17T00:30:00Z\n", "2024/07/17"},
		{"RFC 822 zone", "UTC", "2024-07-16 22:46 EDT", "2024-07-17-advanced-opengl.md", "date: 2024-07-17T02:46:00Z\n", "2024/07/17"},
		{"zone Ruby did not know", "UTC", "2024-07-17 05:46:00 CEST", "2024-07-17-advanced-opengl.md", "date: 2024-07-17T05:46:00Z\n", "2024/07/17"},
		{"the site's zone", "Europe/Berlin", "2024-07-17 01:46:00 CEST", "2024-07-17-advanced-opengl.md", "date: 2024-07-17T01:46:00+02:00\n", "2024/07/17"},
		{"the site's winter zone", "Europe/Berlin", "2024-07-17 01:46:00 CET", "2024-07-17-advanced-opengl.md", "date: 2024-07-17T02:46:00+02:00\n", "2024/07/17"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{
				"_config.yml":                          "url: https://example.github.io\ntimezone: " + tc.zone + "\npermalink: /:year/:month/:day/:title/\n",
				"_posts/2024-07-17-advanced-opengl.md": "---\ntitle: Advanced OpenGL\ndate: " + tc.date + "\n---\nText.\n",
			})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", "2024", tc.file), tc.want,
				"  - /"+tc.day+"/advanced-opengl/\n", "id: https://example.github.io/"+tc.day+"/advanced-opengl\n")
			if hasNote(r.Warnings, filepath.Join(src, "_posts", "2024-07-17-advanced-opengl.md"), -1, "not a date this importer reads") {
				t.Errorf("the date is told as unread: %v", r.Warnings)
			}
		})
	}
}

// TestJekyllMediaSubpath shows the images of a Chirpy post that names
// them by a path from its media_subpath (img_path before Chirpy 7, or
// either given by a front-matter default), as Chirpy showed them: each
// copied, and linked from the top of the site under that folder; its
// preview image, image.path, is copied too, and told with the link that
// shows it, as a Hugo post's featured image is. The kramdown attribute
// list after an image is left out, not shown as text.
func TestJekyllMediaSubpath(t *testing.T) {
	post := "---\ntitle: BoardLight\ndate: 2024-09-07 15:55:45 +0200\ncategories: [HackTheBox]\nFIELD\nimage:\n  path: room.png\n---\n" +
		"## Machine\n![Room Card](room_card.png){: w=\"300\" h=\"300\" .center .shadow}\n\n## Recon\n\n![Nmap scan](nmap.png)\n"
	const dir = "assets/img/htb_images/BoardLight"
	for _, tc := range []struct {
		name, config, field string
	}{
		{"media_subpath", "", "media_subpath: /" + dir},
		{"img_path", "", "img_path: /" + dir + "/"},
		{"default", "defaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      media_subpath: /" + dir + "\n", "layout: post"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{
				"_config.yml":                     "url: https://example.github.io\ntimezone: UTC\n" + tc.config,
				"_posts/2024-09-07-boardlight.md": strings.Replace(post, "FIELD", tc.field, 1),
				dir + "/room.png":                 "PNG room",
				dir + "/room_card.png":            "PNG card",
				dir + "/nmap.png":                 "PNG nmap",
			})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			name := filepath.Join(dest, "articles", "2024", "2024-09-07-boardlight.md")
			wantArticle(t, name, "## Machine\n![Room Card](/"+dir+"/room_card.png)\n", "![Nmap scan](/"+dir+"/nmap.png)\n")
			if data, _ := os.ReadFile(name); strings.Contains(string(data), "{:") {
				t.Errorf("the attribute list shows as text:\n%s", data)
			}
			want := []string{"articles/2024/2024-09-07-boardlight.md", dir + "/nmap.png", dir + "/room.png", dir + "/room_card.png"}
			if got := files(t, dest); !slices.Equal(got, want) {
				t.Errorf("got files %v, want %v", got, want)
			}
			file := filepath.Join(src, "_posts", "2024-09-07-boardlight.md")
			if !hasNote(r.Warnings, file, -1, "featured image copied, which the old theme showed beside the post and bulletin does not: image.path room.png, at "+filepath.Join(dest, dir, "room.png")+" (![](/"+dir+"/room.png))") {
				t.Errorf("the preview image is not told as copied: %v", r.Warnings)
			}
			for _, n := range r.Warnings {
				if strings.Contains(n.Msg, "does not hold") || strings.Contains(n.Msg, "not carried over") {
					t.Errorf("warned: %v", n)
				}
			}
		})
	}
}
