package importer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// TestFeedIDsKeptOnce imports sources in which two posts would keep one
// feed id, and checks that the site built from the content folder has no
// two articles with one id, as a feed reader would show only one.
func TestFeedIDsKeptOnce(t *testing.T) {
	t.Run("imported again after an editor renamed the file", func(t *testing.T) {
		src := tree(t, map[string]string{
			"_config.yml":            "url: https://old.example.org\npermalink: /:title/\n",
			"_posts/2019-03-10-d.md": "---\ntitle: D\n---\nBody.\n",
		})
		dest := t.TempDir()
		mustImport(t, src, dest)
		old := filepath.Join(dest, "articles", "2019", "2019-03-10-d.md")
		renamed := filepath.Join(dest, "articles", "2019", "2019-03-10-renamed.md")
		if err := os.Rename(old, renamed); err != nil {
			t.Fatal(err)
		}
		r := mustImport(t, src, dest)
		if r.Written != 0 {
			t.Errorf("importing again wrote %d articles, want none", r.Written)
		}
		post := filepath.Join(src, "_posts", "2019-03-10-d.md")
		if !hasNote(r.Skipped, post, 1, "imported before: "+renamed+" has its feed id https://old.example.org/d; not imported again") {
			t.Errorf("got skips %v, want one naming %s", r.Skipped, renamed)
		}
		wantUniqueIDs(t, dest, 1)
	})
	t.Run("an export holding one item twice", func(t *testing.T) {
		item := wxrItemXML(101, "Second post", "second-post", "publish", "post")
		src := filepath.Join(t.TempDir(), "export.xml")
		if err := os.WriteFile(src, []byte(wxrXML(item+item)), 0o644); err != nil {
			t.Fatal(err)
		}
		r := mustImport(t, src, t.TempDir())
		if r.Written != 1 {
			t.Errorf("wrote %d articles, want 1", r.Written)
		}
		if !hasNote(r.Skipped, src, -1, `post 101 "Second post": repeats post 101 "Second post", with its feed id https://old.example.org/?p=101 and date: left out`) {
			t.Errorf("got skips %v, want the second item left out", r.Skipped)
		}
	})
	t.Run("an export holding one item twice, with two dates", func(t *testing.T) {
		item := wxrItemXML(101, "Second post", "second-post", "publish", "post")
		later := regexp.MustCompile(`<wp:post_date(_gmt)?><!\[CDATA\[[^]]*\]\]>`).ReplaceAllString(item, "<wp:post_date$1><![CDATA[2015-04-01 10:00:00]]>")
		src := filepath.Join(t.TempDir(), "export.xml")
		if err := os.WriteFile(src, []byte(wxrXML(item+later)), 0o644); err != nil {
			t.Fatal(err)
		}
		r := mustImport(t, src, t.TempDir())
		if r.Written != 1 || !hasNote(r.Skipped, src, -1, "the same post of the export with another date: left out, the first kept") {
			t.Errorf("wrote %d, skipped %v; want one written and the second item left out", r.Written, r.Skipped)
		}
	})
	t.Run("two posts that shared an address on the old site", func(t *testing.T) {
		src := tree(t, map[string]string{
			"hugo.toml":            "baseURL = 'https://old.example.org/'\n[permalinks]\nposts = '/:year/:month/:slug/'\n",
			"content/posts/one.md": "---\ntitle: One\ndate: 2022-02-02\nslug: dup\n---\nOne.\n",
			"content/posts/two.md": "---\ntitle: Two\ndate: 2022-02-20\nslug: dup\n---\nTwo.\n",
		})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		if r.Written != 2 {
			t.Errorf("wrote %d articles, want both", r.Written)
		}
		two := filepath.Join(src, "content", "posts", "two.md")
		if !hasNote(r.Warnings, two, -1, "its feed id https://old.example.org/2022/02/dup/ is "+filepath.Join(src, "content", "posts", "one.md")+"'s too: it gets an id of its own") {
			t.Errorf("got warnings %v, want one that the second post gets an id of its own", r.Warnings)
		}
		wantUniqueIDs(t, dest, 2)
	})
}

// wantUniqueIDs builds the site model of the content folder dir and
// checks that it has n articles, no two with one feed id.
func wantUniqueIDs(t *testing.T, dir string, n int) {
	t.Helper()
	set, err := content.Load(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(set, nil, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range s.Articles {
		if seen[a.ID] {
			t.Errorf("two articles have the feed id %s", a.ID)
		}
		seen[a.ID] = true
	}
	if len(s.Articles) != n {
		var ids []string
		for id := range seen {
			ids = append(ids, id)
		}
		t.Errorf("got %d articles (%s), want %d", len(s.Articles), strings.Join(ids, " "), n)
	}
}

// TestImportedBeforeIsQuiet imports sources twice: the second import
// names each post imported before once, as skipped, without the
// warnings the first gave about it, wherever in the post they were.
func TestImportedBeforeIsQuiet(t *testing.T) {
	t.Run("jekyll", func(t *testing.T) {
		src := tree(t, map[string]string{
			"_config.yml":                  "url: https://old.example.org\n",
			"_posts/2018-11-13-refresh.md": "---\ntitle: Refresh\nlast_modified_at: 2018-11-12\nthumbnail: /x.png\n---\nNew <abbr title=\"colours\">cols</abbr>.\n",
		})
		dest := t.TempDir()
		post := filepath.Join(src, "_posts", "2018-11-13-refresh.md")
		if first := mustImport(t, src, dest); !hasNote(first.Warnings, post, 3, "last_modified_at") || !hasNote(first.Warnings, src, 0, "thumbnail (1 post: _posts/2018-11-13-refresh.md)") {
			t.Fatalf("the first import warned %v, want the last change at line 3 and the thumbnail field left over", first.Warnings)
		}
		again := mustImport(t, src, dest)
		if !hasNote(again.Skipped, post, -1, "imported before") || len(again.Warnings) > 0 {
			t.Errorf("importing again skipped %v and warned %v; want the post skipped, with no warning", again.Skipped, again.Warnings)
		}
	})
	t.Run("wordpress", func(t *testing.T) {
		item := strings.Replace(wxrItemXML(101, "Second post", "second-post", "publish", "post"), "<!-- wp:heading -->", "<iframe src=\"https://video.example.org/1\"></iframe>\n<!-- wp:heading -->", 1)
		src := filepath.Join(t.TempDir(), "export.xml")
		if err := os.WriteFile(src, []byte(wxrXML(item+wxrItemXML(102, "Third post", "third-post", "publish", "post")+wxrItemXML(103, "", "untitled", "publish", "post"))), 0o644); err != nil {
			t.Fatal(err)
		}
		dest := t.TempDir()
		if first := mustImport(t, src, dest); !hasNote(first.Warnings, src, -1, `post 101 "Second post": `) || !hasNote(first.Warnings, src, -1, "post 103: no title") {
			t.Fatalf("the first import warned %v, want the embedded video of post 101", first.Warnings)
		}
		again := mustImport(t, src, dest)
		if !hasNote(again.Skipped, src, -1, `post 101 "Second post": imported before`) || len(again.Warnings) > 0 {
			t.Errorf("importing again skipped %v and warned %v; want post 101 skipped, with no warning", again.Skipped, again.Warnings)
		}
	})
}
