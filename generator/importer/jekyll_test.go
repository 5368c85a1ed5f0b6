package importer

import (
	"os"
	"path/filepath"
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
