package importer

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bulletin/generator/content"
)

// TestBlackfridayHeadingIDs keeps the ids Hugo's Blackfriday gave the
// headings of a site built before Hugo 0.60 (configure-sitemap-xml, where
// bulletin makes configure-sitemapxml), written after each: every such
// heading where the site's settings say Blackfriday rendered it, and each
// that a link of the import names by its old id otherwise, where those
// links found no heading.
func TestBlackfridayHeadingIDs(t *testing.T) {
	const (
		a = "---\ntitle: A\ndate: 2019-01-02\n---\nSee [below](#configure-sitemap-xml).\n\n" +
			"## Configure `sitemap.xml`\n\nText.\n\n## Why: in short\n\nText.\n\n" +
			"## A.B\n\nOne.\n\n## A.B\n\nTwo.\n\nQ&A\n---\n\nText.\n"
		b = "---\ntitle: B\ndate: 2019-01-03\n---\nAs [A says](/posts/a/#a-b), and [its answers]({{< ref \"a.md#q-a\" >}}).\n"
	)
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []string // the ids of a's headings, in order
	}{
		{"linked", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "ab-1", "q-a"}},
		{"goldmark named", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n[markup]\ndefaultMarkdownHandler = 'goldmark'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "ab-1", "q-a"}},
		{"Blackfriday named", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n[markup]\ndefaultMarkdownHandler = 'blackfriday'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "a-b-1", "q-a"}},
		{"Blackfriday's settings", map[string]string{"config.toml": "baseURL = 'https://example.org/'\n[blackfriday]\nhrefTargetBlank = true\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "a-b-1", "q-a"}},
		{"Blackfriday's settings in the settings folder", map[string]string{"config/_default/config.toml": "baseURL = 'https://example.org/'\n", "config/_default/markup.toml": "defaultMarkdownHandler = 'blackfriday'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "a-b-1", "q-a"}},
		{"Hugo 0.54 on Netlify", map[string]string{"config.toml": "baseURL = 'https://example.org/'\n", "netlify.toml": "[build.environment]\n  HUGO_VERSION = \"0.54.0\"\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "a-b-1", "q-a"}},
		{"goldmark giving Blackfriday's ids", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n[markup.goldmark.parser]\nautoHeadingIDType = 'blackfriday'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "a-b-1", "q-a"}},
		{"goldmark named, giving Blackfriday's ids", map[string]string{"config/_default/config.toml": "baseURL = 'https://example.org/'\n", "config/_default/markup.toml": "defaultMarkdownHandler = 'goldmark'\n[goldmark.parser]\nautoHeadingIDType = 'blackfriday'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "a-b-1", "q-a"}},
		{"goldmark giving GitHub's ids", map[string]string{"hugo.toml": "baseURL = 'https://example.org/'\n[markup.goldmark.parser]\nautoHeadingIDType = 'github'\n"},
			[]string{"configure-sitemap-xml", "why-in-short", "a-b", "ab-1", "q-a"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/posts/a.md": a, "content/posts/b.md": b}
			maps.Copy(files, tt.files)
			src, dest := tree(t, files), t.TempDir()
			r := mustImport(t, src, dest)
			if got := headingIDsOf(t, filepath.Join(dest, "articles", "2019", "2019-01-02-a.md")); !slices.Equal(got, tt.want) {
				t.Errorf("headings' ids %q, want %q", got, tt.want)
			}
			if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "a.md"), -1, "keep the ids Hugo made of them as Blackfriday did (configure-sitemap-xml") {
				t.Errorf("not told of the ids kept; warnings %v", r.Warnings)
			}
		})
	}
}

// TestBlackfridayIDLinkedBothWays keeps bulletin's id for a heading that
// links name by it and by Blackfriday's, and tells of the others.
func TestBlackfridayIDLinkedBothWays(t *testing.T) {
	src, dest := tree(t, map[string]string{
		"hugo.toml":          "baseURL = 'https://example.org/'\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2019-01-02\n---\nSee [here](#v1-2) and [there](#v12).\n\n## v1.2\n\nText.\n",
	}), t.TempDir()
	r := mustImport(t, src, dest)
	if got := headingIDsOf(t, filepath.Join(dest, "articles", "2019", "2019-01-02-a.md")); !slices.Equal(got, []string{"v12"}) {
		t.Errorf("headings' ids %q, want [v12]", got)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "a.md"), -1, "(#v1-2 and #v12): it keeps bulletin's") {
		t.Errorf("not told of the links by the old id; warnings %v", r.Warnings)
	}
}

// headingIDsOf gives the ids of the headings of the article file name,
// in order.
func headingIDsOf(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("%s has no front matter:\n%s", name, data)
	}
	anchors := content.HeadingAnchors([]byte(body))
	var ids []string
	for _, line := range slices.Sorted(maps.Keys(anchors)) {
		ids = append(ids, anchors[line])
	}
	return ids
}

// TestBlackfridayChainedHeadings imports headings made to chain (a, a 1,
// a 1 1, …) followed by many of the first: Blackfriday gave each of
// those an id along the whole chain; the import gives none longer than
// a few steps of it, and the article stays the size of the post.
func TestBlackfridayChainedHeadings(t *testing.T) {
	var body strings.Builder
	for i := range 100 {
		body.WriteString("## a" + strings.Repeat(" 1", i) + "\n\n")
	}
	body.WriteString(strings.Repeat("## a\n\n", 200) + "[l](#a)\n")
	src, dest := tree(t, map[string]string{
		"hugo.toml":          "baseURL = 'https://example.org/'\n[markup]\ndefaultMarkdownHandler = 'blackfriday'\n",
		"content/posts/p.md": "---\ntitle: P\ndate: 2019-01-02\n---\n" + body.String(),
	}), t.TempDir()
	mustImport(t, src, dest)
	article := filepath.Join(dest, "articles", "2019", "2019-01-02-p.md")
	for _, id := range headingIDsOf(t, article) {
		if len(id) > 300 {
			t.Fatalf("a heading's id is %d bytes long: %.60s…", len(id), id)
		}
	}
	info, err := os.Stat(article)
	if err != nil {
		t.Fatal(err)
	}
	if limit := int64(4 * body.Len()); info.Size() > limit {
		t.Errorf("the article is %d bytes, from a post of %d", info.Size(), body.Len())
	}
}
