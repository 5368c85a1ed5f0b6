package importer

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtures are the sample sites in testdata, each with the golden file
// of what importing it gives.
var fixtures = []struct {
	name   string
	source string
}{
	{"jekyll", "testdata/jekyll"},
	{"hugo", "testdata/hugo"},
	{"wordpress", "testdata/wordpress.xml"},
}

// fixtureOptions are the options every fixture is imported with.
func fixtureOptions(source, dest string) Options {
	return Options{Source: source, Dest: dest, Regulators: []string{"CQC", "DHSC"}}
}

// TestImport imports each sample site and compares the files written and
// the report with testdata/NAME.txtar; go test -update rewrites them.
func TestImport(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			dest := t.TempDir()
			r, err := Run(fixtureOptions(fx.source, dest))
			if err != nil {
				t.Fatalf("Run(%s): %v", fx.source, err)
			}
			if r.Read != r.Written+r.skippedItems() {
				t.Errorf("read %d, wrote %d, skipped %d: every item read is written or skipped", r.Read, r.Written, r.skippedItems())
			}
			got := txtar.Format(snapshot(t, dest, r))
			golden := filepath.Join("testdata", fx.name+".txtar")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to make it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("importing %s: got\n%s\nwant (%s)\n%s", fx.source, got, golden, want)
			}
		})
	}
}

// snapshot gives the report of an import and every file under dest, as
// an archive: the report, the old addresses and the files, by path.
func snapshot(t *testing.T, dest string, r Report) *txtar.Archive {
	t.Helper()
	var report bytes.Buffer
	r.Print(&report)
	var moved strings.Builder
	for _, m := range r.Moved {
		fmt.Fprintf(&moved, "%s -> %s\n", m.From, m.To)
	}
	a := &txtar.Archive{Files: []txtar.File{
		{Name: "report", Data: []byte(strings.ReplaceAll(report.String(), dest, "$DEST"))},
		{Name: "moved", Data: []byte(moved.String())},
	}}
	err := filepath.WalkDir(dest, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dest, p)
		a.Files = append(a.Files, txtar.File{Name: "content/" + filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestImportedSiteBuilds loads each imported sample with bulletin's own
// loader and site model, and checks that it has no problems and that
// every old address of every post still answers: it is the article's
// URL or one of its aliases, or the report says why it cannot be.
func TestImportedSiteBuilds(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			dest := t.TempDir()
			r, err := Run(fixtureOptions(fx.source, dest))
			if err != nil {
				t.Fatalf("Run(%s): %v", fx.source, err)
			}
			if r.Written == 0 {
				t.Fatalf("Run(%s) wrote nothing", fx.source)
			}
			set, err := content.Load(os.DirFS(dest), "content")
			if err != nil {
				t.Fatalf("loading the import of %s: %v", fx.source, err)
			}
			s, err := site.New(set, nil, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatalf("the site of the import of %s: %v", fx.source, err)
			}
			if got := len(s.Articles) + s.Drafts; got != r.Written {
				t.Errorf("the site has %d articles and drafts, want %d, as written", got, r.Written)
			}
			// Drafts are not in the site, so URLs come from the set, as
			// package site makes them; the published ones are checked
			// against the site's.
			byURL := map[string]*content.Article{}
			for _, a := range set.Articles {
				byURL["/"+a.Date.Format("2006/01")+"/"+a.Slug+"/"] = a
			}
			for _, a := range s.Articles {
				if byURL[a.URL] == nil {
					t.Errorf("the site has %s, which no article of the set has", a.URL)
				}
			}
			for _, m := range r.Moved {
				a := byURL[m.To]
				switch {
				case a == nil:
					t.Errorf("%s moved to %s, which no article has", m.From, m.To)
				case m.From == m.To, strings.Contains(m.From, "?") && warned(r, "/?p="):
				case slices.Contains(a.Aliases, decoded(m.From)):
				case warned(r, m.From):
				default:
					t.Errorf("old address %s does not answer: %s has aliases %q, and the report says nothing of it", m.From, m.To, a.Aliases)
				}
			}
		})
	}
}

// warned reports whether a warning of r mentions s.
func warned(r Report, s string) bool {
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, s) {
			return true
		}
	}
	return false
}

// TestRepeatable imports each sample twice into empty folders and
// compares the bytes.
func TestRepeatable(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			var got [2][]byte
			for i := range got {
				dest := t.TempDir()
				r, err := Run(fixtureOptions(fx.source, dest))
				if err != nil {
					t.Fatal(err)
				}
				got[i] = txtar.Format(snapshot(t, dest, r))
			}
			if !bytes.Equal(got[0], got[1]) {
				t.Errorf("two imports of %s differ:\n%s\n---\n%s", fx.source, got[0], got[1])
			}
		})
	}
}

// TestImportAgainWithoutIDs imports a Hugo site with no baseURL, so no
// feed ids, twice into one folder: the second import finds each post's
// article as it would write it, counts it as imported before, and tells
// none of the first's warnings again.
func TestImportAgainWithoutIDs(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":          "",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\nsubtitle: Old\n---\n{{< note >}}A note.{{< /note >}}\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2020-01-03\n---\nText.\n",
	})
	dest := t.TempDir()
	first := mustImport(t, src, dest)
	if first.Written != 2 || len(first.Warnings) == 0 {
		t.Fatalf("first import: wrote %d, warnings %v; want 2 written, with warnings", first.Written, first.Warnings)
	}
	edited := filepath.Join(dest, "articles", "2020", "2020-01-03-b.md")
	if err := os.WriteFile(edited, []byte("---\ntitle: B, edited\ndate: 2020-01-03\n---\nMine.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := mustImport(t, src, dest)
	if second.Written != 0 || len(second.Warnings) != 0 {
		t.Errorf("second import: wrote %d, warnings %v; want none", second.Written, second.Warnings)
	}
	before := 0
	for _, n := range second.Skipped {
		if n.Before {
			before++
		}
	}
	if before != 1 || !hasNote(second.Skipped, filepath.Join(src, "content", "posts", "b.md"), 1, edited+" is there already: left as it is") {
		t.Errorf("second import skipped %v; want a imported before, and b's edited article named", second.Skipped)
	}
}

// TestHugoYearTaxonomy leaves out a taxonomy that files posts by year,
// as a theme's yearly archive does, with a warning, rather than making
// each year a topic.
func TestHugoYearTaxonomy(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":          "[taxonomies]\ntag = 'tags'\nyear = 'year'\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\ntags: [Ubuntu]\nyear: [2024]\n---\nText.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if !hasNote(r.Warnings, filepath.Join(src, "hugo.toml"), 0, "taxonomy year is left out: an archive by date") {
		t.Errorf("got warnings %v, want the year taxonomy named", r.Warnings)
	}
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2024", "2024-01-02-a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "topics: [Ubuntu]\n") {
		t.Errorf("want topics [Ubuntu] alone:\n%s", data)
	}
}

// TestWordPressImageFirst imports a post that is one paragraph under its
// image, its lines broken as WordPress breaks them: its summary is its
// text, not its title, and the report names the uploads folder its image
// is in, on another host than the blog's, which the export's attachment
// shows to be the blog's own.
func TestWordPressImageFirst(t *testing.T) {
	item := wxrItemXML(6, "Scalpel", "scalpel", "publish", "post")
	body := "<img src='http://other.example.net/wordpress/wp-content/uploads/2007/04/platre.png' alt='La première griffe' />\nBonne nouvelle !\nJe ne vais pas me faire opérer."
	item = regexp.MustCompile(`(?s)<content:encoded><!\[CDATA\[.*?\]\]></content:encoded>`).ReplaceAllLiteralString(item, "<content:encoded><![CDATA["+body+"]]></content:encoded>")
	attachment := strings.Replace(wxrItemXML(7, "platre", "platre", "inherit", "attachment"), "</item>", "<wp:attachment_url><![CDATA[http://other.example.net/wordpress/wp-content/uploads/2007/04/platre.png]]></wp:attachment_url></item>", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item+attachment)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	names := files(t, dest)
	if len(names) != 1 {
		t.Fatalf("wrote %v, want one article", names)
	}
	data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(names[0])))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nsummary: Bonne nouvelle ! Je ne vais pas me faire opérer.\n") {
		t.Errorf("want the text as summary:\n%s", data)
	}
	if !hasNote(r.Warnings, src, 0, "1 post shows images or files from http://other.example.net/wordpress/wp-content/uploads/, which are not copied") {
		t.Errorf("got warnings %v, want the uploads folder the image is in", r.Warnings)
	}
}

// TestWordPressOtherSitesUploads does not take the uploads of another
// site that a post shows for the blog's own, which a publisher could
// copy or keep serving, but names that site's host; uploads under the
// blog's domain, by another host name, are the blog's. Importing again
// tells none of it, nor of the old addresses, again.
func TestWordPressOtherSitesUploads(t *testing.T) {
	src := exportShowing(t, "old.example.org", "http://www.travel.example.com/wp-content/uploads/2007/05/map.jpg", "https://media.old.example.org/wp-content/uploads/2015/01/chart.png")
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	for _, want := range []string{
		"1 post shows images or files from https://media.old.example.org/wp-content/uploads/, which are not copied: copy them into the content folder, or keep the old site serving them at an address this site does not take over",
		"1 post shows images or files from the uploads of other sites (www.travel.example.com), linked there as before: they show only while those sites keep them",
		"2 posts have old addresses of the form /?p=12",
	} {
		if !hasNote(r.Warnings, src, 0, want) {
			t.Errorf("got warnings %v, want %q", r.Warnings, want)
		}
	}
	// Imported again, the posts were told of the first time.
	if again := mustImport(t, src, dest); len(again.Warnings) > 0 {
		t.Errorf("importing again warned %v, want nothing", again.Warnings)
	}
}

// TestRegulatorMatchingNothing warns of a name given with -regulator
// that no post's tag or category matches, a misspelling most likely,
// and not of one that some post's does.
func TestRegulatorMatchingNothing(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":            "",
		"_posts/2020-01-02-a.md": "---\ntitle: A\ntags: [CQC, Staffing]\n---\nText.\n",
	})
	r, err := Run(Options{Source: src, Dest: t.TempDir(), Regulators: []string{"cqc", "Ofsted"}})
	if err != nil {
		t.Fatal(err)
	}
	var told []string
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "-regulator") {
			told = append(told, w.Msg)
		}
	}
	if len(told) != 1 || !strings.HasPrefix(told[0], `-regulator "Ofsted" matches no tag or category of any post`) {
		t.Errorf("warnings of -regulator: %q, want one, of Ofsted", told)
	}
}

// TestTopicOfEveryPost leaves a category that every post has (as a
// Jekyll site's "post" that only shaped its addresses) out of their
// topics, keeping the addresses it was part of, with one warning that
// importing again does not repeat; with fewer posts, or one post
// without it, it is a topic.
func TestTopicOfEveryPost(t *testing.T) {
	posts := map[string]string{"_config.yml": ""}
	for i := range 5 {
		posts[fmt.Sprintf("_posts/2020-01-0%d-p%d.md", i+1, i)] = fmt.Sprintf("---\ntitle: P%d\ncategories: post\ntags: [Staffing%d]\n---\nText.\n", i, i%2)
	}
	src := tree(t, posts)
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if !hasNote(r.Warnings, src, 0, `every post (5) has the tag or category "post", which as a topic would list the whole site`) {
		t.Errorf("warnings %v, want one of the category every post has", r.Warnings)
	}
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-01-01-p0.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\ntopics: [Staffing0]\n") || !strings.Contains(string(data), "/post/2020/01/01/p0") {
		t.Errorf("want Staffing0 alone as a topic, and the old address under /post/:\n%s", data)
	}
	if again := mustImport(t, src, dest); len(again.Warnings) > 0 {
		t.Errorf("importing again warned %v, want nothing", again.Warnings)
	}
	posts["_posts/2020-01-06-p5.md"] = "---\ntitle: P5\n---\nText.\n"
	data, err = os.ReadFile(filepath.Join(mustImportInto(t, tree(t, posts)), "articles", "2020", "2020-01-01-p0.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\ntopics: [post, Staffing0]\n") {
		t.Errorf("with a post without it, want post a topic:\n%s", data)
	}
}

// mustImportInto imports src into a new folder, which it gives.
func mustImportInto(t *testing.T, src string) string {
	t.Helper()
	dest := t.TempDir()
	mustImport(t, src, dest)
	return dest
}

// TestEditorsFileOfTheSameName imports a post whose file name an
// editor's own article already has, a post no import wrote: the post
// is written beside it, at an address of its own, and the editor's file
// is left as it was.
func TestEditorsFileOfTheSameName(t *testing.T) {
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(wxrItemXML(6, "Budget", "budget", "publish", "post"))), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	// Post 6 is dated 2015-01-05 (see wxrItemXML).
	mine := "---\ntitle: Editor's own\ndate: 2015-01-05\nsummary: Mine.\n---\nEDITOR TEXT\n"
	own := filepath.Join(dest, "articles", "2015", "2015-01-05-budget.md")
	if err := os.MkdirAll(filepath.Dir(own), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(own, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, src, dest)
	if r.Written != 1 || !hasNote(r.Warnings, src, -1, "/2015/01/budget/ is the address of "+own+" too: this one is at /2015/01/budget-2/") {
		t.Errorf("wrote %d, skipped %v, warned %v; want the post written at budget-2, and told", r.Written, r.Skipped, r.Warnings)
	}
	if data, err := os.ReadFile(own); err != nil || string(data) != mine {
		t.Errorf("the editor's file now holds %q (%v), want it as it was", data, err)
	}
	if got := files(t, dest); !slices.Contains(got, "articles/2015/2015-01-05-budget-2.md") {
		t.Errorf("files %v, want the post beside the editor's", got)
	}
}

// TestPostTooLargeToBuild refuses a post whose article would be larger
// than a build reads, naming it, rather than writing a file every build
// then refuses.
func TestPostTooLargeToBuild(t *testing.T) {
	item := strings.Replace(wxrItemXML(6, "Huge", "huge", "publish", "post"), "<p>Post", "<p>"+strings.Repeat("word ", 1_700_000)+"Post", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Written != 0 || r.Problems() != 1 || !hasNote(r.Skipped, src, -1, "over the 8 MB a build reads: not imported") {
		t.Errorf("wrote %d, problems %d, skipped %v; want the post refused as too large", r.Written, r.Problems(), r.Skipped)
	}
}

// TestPostTooLongToBuild refuses a post whose article would have more
// lines than a build reads, naming it.
func TestPostTooLongToBuild(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "",
		"_posts/2025-01-02-long.md":  "---\ntitle: Long\n---\n" + strings.Repeat("- a\n", content.MaxLines),
		"_posts/2025-01-03-short.md": "---\ntitle: Short\n---\nBody.\n",
	})
	r := mustImport(t, src, t.TempDir())
	if long := filepath.Join(src, "_posts", "2025-01-02-long.md"); r.Written != 1 || !hasNote(r.Skipped, long, -1, "lines, over the 200000 a build reads: not imported") {
		t.Errorf("wrote %d, skipped %v; want the long post refused", r.Written, r.Skipped)
	}
}

// TestWordPressComments counts the approved comments of the posts
// imported, and apart from them their pingbacks, and none on importing
// again.
func TestWordPressComments(t *testing.T) {
	comment := func(id int, typ string) string {
		return fmt.Sprintf("\t\t<wp:comment>\n\t\t\t<wp:comment_id>%d</wp:comment_id>\n\t\t\t<wp:comment_content><![CDATA[Thanks]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>\n\t\t\t<wp:comment_type><![CDATA[%s]]></wp:comment_type>\n\t\t</wp:comment>\n", id, typ)
	}
	item := strings.Replace(wxrItemXML(6, "Comments", "comments", "publish", "post"), "\t</item>", comment(1, "")+comment(2, "pingback")+comment(3, "comment")+"\t</item>", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	told := func(r Report) []string {
		var out []string
		for _, w := range r.Warnings {
			if strings.Contains(w.Msg, "approved comment") {
				out = append(out, w.Msg)
			}
		}
		return out
	}
	if got := told(mustImport(t, src, dest)); len(got) != 1 || !strings.HasPrefix(got[0], "2 approved comments and 1 pingback on the posts imported") {
		t.Errorf("first import: %q, want 2 approved comments and 1 pingback", got)
	}
	if got := told(mustImport(t, src, dest)); len(got) != 0 {
		t.Errorf("second import: %q, want no comment counted", got)
	}
}

// TestWordPressDraftInTheBlogsZone reads the time of a draft with no
// time in UTC, as WordPress exports one never scheduled, in the blog's
// own zone, as the nearest post dated both ways shows it: here Zurich's
// summer time, an hour from London's.
func TestWordPressDraftInTheBlogsZone(t *testing.T) {
	dated := func(item, local, gmt string) string {
		item = regexp.MustCompile(`<wp:post_date><!\[CDATA\[[^]]*\]\]>`).ReplaceAllLiteralString(item, "<wp:post_date><![CDATA["+local+"]]>")
		return regexp.MustCompile(`<wp:post_date_gmt><!\[CDATA\[[^]]*\]\]>`).ReplaceAllLiteralString(item, "<wp:post_date_gmt><![CDATA["+gmt+"]]>")
	}
	export := wxrXML(dated(wxrItemXML(1, "Published", "published", "publish", "post"), "2011-04-10 10:00:00", "2011-04-10 08:00:00") +
		dated(wxrItemXML(2, "Draft", "draft", "draft", "post"), "2011-04-11 15:59:13", "0000-00-00 00:00:00"))
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	mustImport(t, src, dest)
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2011", "2011-04-11-draft.md"))
	if err != nil {
		t.Fatalf("%v; files %v", err, files(t, dest))
	}
	if !strings.Contains(string(data), "\ndate: 2011-04-11T14:59:13+01:00\n") {
		t.Errorf("want the draft dated 15:59:13 in Zurich, 14:59:13 in London:\n%s", data)
	}
}

// TestSameAddress checks that two posts that would share a new URL, and
// an old address that is another post's new URL, are kept apart, with a
// warning, so that bulletin finds no clash.
func TestSameAddress(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                 "permalink: /:year/:month/:title/\n",
		"_posts/2025-03-01-update.md": "---\ntitle: Weekly update\n---\nOne.\n",
		"_posts/2025-03-08-update.md": "---\ntitle: Weekly update\nredirect_from: /2025/03/Other/\n---\nTwo.\n",
		"_posts/2025-03-09-other.md":  "---\ntitle: Other\n---\nThree.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	second := filepath.Join(src, "_posts", "2025-03-08-update.md")
	if !hasNote(r.Warnings, second, 1, "/2025/03/update/ is the address of "+filepath.Join(src, "_posts", "2025-03-01-update.md")+" too: this one is at /2025/03/update-2/") {
		t.Errorf("got warnings %v, want one that the second update moved", r.Warnings)
	}
	if !hasNote(r.Warnings, second, 1, "old address /2025/03/Other/ is also an address of") {
		t.Errorf("got warnings %v, want one that /2025/03/Other/ stays with the post it names", r.Warnings)
	}
	want := "articles/2025/2025-03-01-update.md articles/2025/2025-03-08-update-2.md articles/2025/2025-03-09-other.md"
	if got := strings.Join(files(t, dest), " "); got != want {
		t.Errorf("got files %s, want %s", got, want)
	}
	set, err := content.Load(os.DirFS(dest), "content")
	if err == nil {
		_, err = site.New(set, nil, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	if err != nil {
		t.Errorf("bulletin finds problems: %v", err)
	}
}

// TestImportIntoLiveBulletin imports into a content folder that holds
// articles already: a post whose new URL or old address one of them
// holds moves aside, with a warning, so that bulletin finds no clash;
// and importing again writes nothing new.
func TestImportIntoLiveBulletin(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                      "permalink: /:year/:month/:title/\n",
		"_posts/2019-03-20-hello-world.md": "---\ntitle: Hello world\nredirect_from: /old/\n---\nOne.\n",
	})
	dest := tree(t, map[string]string{
		"articles/hello.md": "---\ntitle: Hello\ndate: 2019-03-05\nsummary: S.\nslug: hello-world\naliases: [/old/]\n---\nBody.\n",
	})
	post := filepath.Join(src, "_posts", "2019-03-20-hello-world.md")
	r := mustImport(t, src, dest)
	for _, want := range []string{
		"/2019/03/hello-world/ is the address of " + dest + "/articles/hello.md too: this one is at /2019/03/hello-world-2/",
		"old address /old/ is also an address of " + dest + "/articles/hello.md: kept there only",
	} {
		if !hasNote(r.Warnings, post, -1, want) {
			t.Errorf("got warnings %v, want %q", r.Warnings, want)
		}
	}
	set, err := content.Load(os.DirFS(dest), "content")
	if err == nil {
		_, err = site.New(set, nil, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	if err != nil {
		t.Errorf("bulletin finds problems: %v", err)
	}
	before := files(t, dest)
	if r, err = Run(Options{Source: src, Dest: dest}); err != nil || r.Written != 0 {
		t.Errorf("importing again: wrote %d, error %v; want none written", r.Written, err)
	}
	if got := files(t, dest); !slices.Equal(got, before) {
		t.Errorf("importing again: files %v, want %v", got, before)
	}
}

// TestImportIntoItsOwnSource refuses a content folder that the source's
// next import would read posts from.
func TestImportIntoItsOwnSource(t *testing.T) {
	hugo := tree(t, map[string]string{
		"hugo.toml":          "baseURL = 'https://example.org/'\n",
		"content/posts/a.md": "+++\ntitle = 'A'\ndate = 2020-01-02\n+++\nA.\n",
	})
	jekyll := tree(t, map[string]string{
		"_config.yml":            "title: J\n",
		"_posts/2020-01-02-a.md": "---\ntitle: A\n---\nA.\n",
	})
	for _, o := range []Options{
		{Source: hugo, Dest: filepath.Join(hugo, "content")},
		{Source: hugo, Dest: filepath.Join(hugo, "content", "bulletin")},
		{Source: jekyll, Dest: filepath.Join(jekyll, "_posts", "new")},
	} {
		if _, err := Run(o); err == nil || !strings.Contains(err.Error(), "give -content a folder outside") {
			t.Errorf("import from %s into %s: got error %v, want one that refuses the folder", o.Source, o.Dest, err)
		}
	}
	if _, err := Run(Options{Source: jekyll, Dest: filepath.Join(jekyll, "content")}); err != nil {
		t.Errorf("import into a folder of the Jekyll site beside its posts: %v", err)
	}
}

// TestJekyllDraftAndLiquidSummary imports a Jekyll draft as Jekyll keeps
// one, with no date (dated by its file's last change, with a warning),
// and a post whose first paragraph holds Liquid, which its summary
// leaves out.
func TestJekyllDraftAndLiquidSummary(t *testing.T) {
	source := tree(t, map[string]string{
		"_drafts/Upcoming_Post.md":       "---\ntitle: Upcoming post\n---\nTo be written.\n",
		"_posts/2023-02-01-follow-up.md": "---\ntitle: Follow-up\n---\nPrice is {{ page.price }} today, {% include note.html %}.\n\nThe follow-up to the annual report.\n",
	})
	dest := t.TempDir()
	draft := filepath.Join(source, "_drafts", "Upcoming_Post.md")
	changed := time.Date(2026, 11, 30, 14, 5, 0, 0, time.UTC)
	if err := os.Chtimes(draft, changed, changed); err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Source: source, Dest: dest, Zone: time.UTC})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if r.Written != 2 || r.Drafts != 1 || len(r.Skipped) != 0 {
		t.Fatalf("wrote %d (%d drafts), skipped %v; want both written, one a draft", r.Written, r.Drafts, r.Skipped)
	}
	if !slices.ContainsFunc(r.Warnings, func(n Note) bool {
		return n.Source == draft && strings.Contains(n.Msg, "no date: a draft, dated 2026-11-30 14:05 by its file's last change")
	}) {
		t.Errorf("no warning that the draft is dated by its file: %v", r.Warnings)
	}
	a := snapshot(t, dest, r)
	files := map[string]string{}
	for _, f := range a.Files {
		files[f.Name] = string(f.Data)
	}
	if got := files["content/articles/2026/2026-11-30-upcoming-post.md"]; !strings.Contains(got, "date: 2026-11-30T14:05:00Z") || !strings.Contains(got, "draft: true") {
		t.Errorf("the draft's article:\n%s\nwant it dated by its file, and a draft", got)
	}
	if got := files["content/articles/2023/2023-02-01-follow-up.md"]; !strings.Contains(got, "summary: The follow-up to the annual report.\n") {
		t.Errorf("the post's article:\n%s\nwant a summary without Liquid", got)
	}
}

// TestRegulatorsAndLanguage: a Hugo taxonomy or a Jekyll field named
// regulators gives regulators, not topics, without -regulator; a lang
// field gives the article's lang, as a language tag in its usual form.
func TestRegulatorsAndLanguage(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		out   string
		lang  string
	}{
		{"hugo", map[string]string{
			"hugo.toml":              "[taxonomies]\n  tag = \"tags\"\n  regulator = \"regulators\"\n",
			"content/posts/pause.md": "---\ntitle: Pause\ndate: 2025-03-27\ntags: [ICS assessments]\nregulators: [CQC, Ofsted]\nlang: cy\n---\nCQC has paused them.\n",
		}, "content/articles/2025/2025-03-27-pause.md", "cy"},
		{"jekyll", map[string]string{
			"_config.yml":                "title: Old\n",
			"_posts/2025-03-27-pause.md": "---\ntitle: Pause\ntags: [ICS assessments]\nregulators: [CQC, Ofsted]\nlang: en-gb\n---\nCQC has paused them.\n",
		}, "content/articles/2025/2025-03-27-pause.md", "en-GB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			source, dest := tree(t, tt.files), t.TempDir()
			r, err := Run(Options{Source: source, Dest: dest, Zone: time.UTC})
			if err != nil || r.Written != 1 {
				t.Fatalf("Run: wrote %d, %v; want one article", r.Written, err)
			}
			for _, f := range snapshot(t, dest, r).Files {
				if f.Name != tt.out {
					continue
				}
				if got := string(f.Data); !strings.Contains(got, "regulators: [CQC, Ofsted]\n") || !strings.Contains(got, "topics: [ICS assessments]\n") {
					t.Errorf("%s:\n%s\nwant CQC and Ofsted as regulators, ICS assessments as a topic", f.Name, got)
				}
				if got := string(f.Data); !strings.Contains(got, "lang: "+tt.lang+"\n") {
					t.Errorf("%s:\n%s\nwant lang: %s", f.Name, got, tt.lang)
				}
				return
			}
			t.Errorf("no %s written", tt.out)
		})
	}
}

// TestRegulatorsOfSiteYAML makes a category that names a regulator of
// the content folder's site.yaml, by its abbreviation or its name, that
// regulator, once, rather than a topic with a page of its own beside the
// regulator's.
func TestRegulatorsOfSiteYAML(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "title: Old\n",
		"_posts/2025-03-27-pause.md": "---\ntitle: Pause\ncategories: [news, cqc, Care Quality Commission, ICS assessments]\n---\nCQC has paused them.\n",
	})
	dest := tree(t, map[string]string{
		"site.yaml": "title: Care news\nregulators:\n  CQC: {name: Care Quality Commission, url: https://www.cqc.org.uk/}\n",
	})
	// -regulator in another case than site.yaml's is written as there.
	if _, err := Run(Options{Source: src, Dest: dest, Regulators: []string{"cqc"}}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2025", "2025-03-27-pause.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"topics: [news, ICS assessments]\n", "regulators: [CQC]\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the article lacks %q:\n%s", want, data)
		}
	}
}

// TestJekyllSingularCategory reads category and tag as Jekyll does: the
// singular is one name, spaces and all, and the plural as a string is
// names separated by spaces. The old address, with its space, is kept
// as an alias.
func TestJekyllSingularCategory(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                  "permalink: date\n",
		"_posts/2019-03-04-welcome.md": "---\ntitle: Welcome\ncategory: Big News\ntags: care homes\n---\nOne.\n",
	})
	dest := t.TempDir()
	mustImport(t, src, dest)
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2019", "2019-03-04-welcome.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"topics: [Big News, care, homes]", `/big news/2019/03/04/welcome.html`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the article lacks %q:\n%s", want, data)
		}
	}
}

// TestJekyllSource reads a site whose _config.yml sets source as Jekyll
// reads it: its posts, their categories, the defaults' paths and the
// files they link to are all relative to that folder, so the old
// address and feed id do not start with its name.
func TestJekyllSource(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml": "url: https://example.org\nsource: src\npermalink: /:categories/:title/\nplugins: [jekyll-feed]\n" +
			"defaults:\n  - scope: {path: _posts}\n    values: {author: Jo Bloggs}\n",
		"src/_posts/2016-10-23-hello.md": "---\ntitle: Hello\ncategories: [code]\n---\n![Chart](/assets/chart.png)\n\nHello.\n",
		"src/assets/chart.png":           "PNG",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Written != 1 || r.Copied != 1 || len(r.Warnings) > 0 {
		t.Errorf("wrote %d, copied %d, warnings %v; want the post and its chart, with no warning", r.Written, r.Copied, r.Warnings)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2016", "2016-10-23-hello.md"),
		"topics: [code]\n", "authors: [Jo Bloggs]\n", "id: https://example.org/code/hello\n", "  - /code/hello/\n")
	if got := files(t, dest); !slices.Contains(got, "assets/chart.png") {
		t.Errorf("got files %v, want the chart at assets/chart.png", got)
	}
}

// TestHugoDatesAsHugoReadsThem fills a permalink's day in with the date
// as Hugo has it: in the offset it is written with, and a date written
// without one in UTC when the site sets no timeZone. A post just before
// midnight UTC keeps its old address, whatever day it falls on where the
// bulletin is (New York here), and a day alone stays that day.
func TestHugoDatesAsHugoReadsThem(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":          "baseURL = 'https://old.example.org/'\n[permalinks]\nposts = '/:year/:month/:day/:slug/'\n",
		"content/posts/a.md": "+++\ntitle = 'Late night'\ndate = 2020-07-14T23:30:00Z\n+++\nA.\n",
		"content/posts/b.md": "---\ntitle: No offset\ndate: 2020-07-14T23:45:00\n---\nB.\n",
		"content/posts/c.md": "---\ntitle: Eastern\ndate: 2020-07-15T01:00:00+02:00\n---\nC.\n",
		"content/posts/d.md": "---\ntitle: A day\ndate: 2020-07-01\n---\nD.\n",
	})
	dest := tree(t, map[string]string{"site.yaml": "time_zone: America/New_York\n"})
	r := mustImport(t, src, dest)
	// One falls on another day in New York than the one Hugo showed.
	var told []string
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "on another day in") {
			told = append(told, w.Msg)
		}
	}
	if len(told) != 1 || !strings.HasPrefix(told[0], "1 post dated in another offset falls on another day in America/New_York than Hugo showed (this one, 2020-07-15T01:00:00+02:00, on 14 July 2020)") {
		t.Errorf("warnings of days: %q, want one, of the post dated +02:00", told)
	}
	for file, want := range map[string]string{
		"articles/2020/2020-07-14-late-night.md": "/2020/07/14/late-night/",
		"articles/2020/2020-07-14-no-offset.md":  "/2020/07/14/no-offset/",
		"articles/2020/2020-07-14-eastern.md":    "/2020/07/15/eastern/",
		"articles/2020/2020-07-01-a-day.md":      "/2020/07/01/a-day/",
	} {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(file)))
		if err != nil {
			t.Errorf("%v (written: %v)", err, files(t, dest))
			continue
		}
		if !strings.Contains(string(data), "  - "+want+"\n") || !strings.Contains(string(data), "id: https://old.example.org"+want+"\n") {
			t.Errorf("%s lacks the alias and id %s:\n%s", file, want, data)
		}
	}
}

// TestLastChangeLeftOut leaves out a last change dated before the post,
// which bulletin would refuse as its updated date, or that is no date,
// and says so at the line that gives it.
func TestLastChangeLeftOut(t *testing.T) {
	for _, tc := range []struct {
		name, config, post, text string // the site's settings file, and a post's path and text
		line                     int    // the line of its last change
		want                     string
		article                  string
	}{
		{"jekyll", "_config.yml", "_posts/2018-11-13-autumn-refresh.md", "---\ntitle: Autumn refresh\nlast_modified_at: 2018-11-12T16:50:04-05:00\n---\nNew colours.\n",
			3, "last_modified_at 2018-11-12T16:50:04-05:00 is before the post's date, 2018-11-13: left out", "2018/2018-11-13-autumn-refresh.md"},
		{"hugo lastmod", "hugo.toml", "content/posts/refresh.md", "+++\ntitle = 'Autumn refresh'\ndate = 2018-11-13T09:00:00Z\nlastmod = 2018-11-12T16:50:04-05:00\n+++\nNew colours.\n",
			4, "lastmod 2018-11-12T16:50:04-05:00 is before the post's date, 2018-11-13T09:00:00Z: left out", "2018/2018-11-13-refresh.md"},
		{"hugo modified", "hugo.toml", "content/posts/refresh.md", "---\ntitle: Autumn refresh\ndate: 2018-11-13\nmodified: 2018-11-12\n---\nNew colours.\n",
			4, "modified 2018-11-12 is before the post's date, 2018-11-13: left out", "2018/2018-11-13-refresh.md"},
		{"jekyll no date", "_config.yml", "_posts/2018-11-13-autumn-refresh.md", "---\ntitle: Autumn refresh\nlast_modified_at: last spring\n---\nNew colours.\n",
			3, `last_modified_at: date "last spring" is not a date this importer reads: write YYYY-MM-DD or YYYY-MM-DD HH:MM:SS: left out`, "2018/2018-11-13-autumn-refresh.md"},
		{"hugo no date", "hugo.toml", "content/posts/refresh.md", "---\ntitle: Autumn refresh\ndate: 2018-11-13\nlastmod: 2018-02-30\n---\nNew colours.\n",
			4, `lastmod: date "2018-02-30" has no day 30: February 2018 has 28 days: left out`, "2018/2018-11-13-refresh.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{tc.config: "", tc.post: tc.text})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			if !hasNote(r.Warnings, filepath.Join(src, filepath.FromSlash(tc.post)), tc.line, tc.want) {
				t.Errorf("got warnings %v, want %q at line %d", r.Warnings, tc.want, tc.line)
			}
			data, err := os.ReadFile(filepath.Join(dest, "articles", filepath.FromSlash(tc.article)))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), "\nupdated:") {
				t.Errorf("the article has an updated date:\n%s", data)
			}
		})
	}
}

// TestUpdatedCarriedOver carries a post's updated field, which many
// themes set, into the article's updated, as lastmod is, and does not
// count it among the fields bulletin has no place for.
func TestUpdatedCarriedOver(t *testing.T) {
	for _, tc := range []struct {
		name, config, post, text, article string
	}{
		{"hugo", "hugo.toml", "content/posts/refresh.md", "+++\ntitle = 'Autumn refresh'\ndate = 2015-07-30T09:00:00Z\nupdated = 2015-08-04T10:51:06Z\n+++\nNew colours.\n", "2015/2015-07-30-refresh.md"},
		{"jekyll", "_config.yml", "_posts/2015-07-30-refresh.md", "---\ntitle: Autumn refresh\nupdated: 2015-08-04T10:51:06Z\n---\nNew colours.\n", "2015/2015-07-30-refresh.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{tc.config: "", tc.post: tc.text})
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			data, err := os.ReadFile(filepath.Join(dest, "articles", filepath.FromSlash(tc.article)))
			if err != nil {
				t.Fatal(err)
			}
			// In the site's time zone, London by default.
			if !strings.Contains(string(data), "\nupdated: 2015-08-04T11:51:06+01:00\n") {
				t.Errorf("the article has no updated date of 2015-08-04T10:51:06Z:\n%s", data)
			}
			for _, w := range r.Warnings {
				if strings.Contains(w.Msg, "not carried over") {
					t.Errorf("warning %q, want updated carried over", w.Msg)
				}
			}
		})
	}
}

// TestOtherDaysNamed names, in the one warning of posts that fall on
// another day in the bulletin's zone, three of them after the first,
// and counts the rest.
func TestOtherDaysNamed(t *testing.T) {
	files := map[string]string{"hugo.toml": ""}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		files["content/posts/"+n+".md"] = "---\ntitle: Post " + n + "\ndate: 2020-07-15T01:00:00+09:00\n---\nText.\n"
	}
	src := tree(t, files)
	r := mustImport(t, src, t.TempDir())
	post := func(n string) string { return filepath.Join(src, "content", "posts", n+".md") }
	want := "5 posts dated in another offset fall on another day in Europe/London than Hugo showed (this one, 2020-07-15T01:00:00+09:00, on 14 July 2020; also " +
		post("b") + ", 2020-07-15T01:00:00+09:00; " + post("c") + ", 2020-07-15T01:00:00+09:00; " + post("d") + ", 2020-07-15T01:00:00+09:00; 1 more)"
	if !hasNote(r.Warnings, post("a"), 1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestHugoUnpublished imports as drafts, each with a warning, the pages
// Hugo did not publish though they are no drafts: one past its
// expiryDate, and one whose build options render no page.
func TestHugoUnpublished(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":            "baseURL = 'https://old.example.org/'\n",
		"content/posts/old.md": "---\ntitle: Expired\ndate: 2020-01-02\nexpiryDate: 2021-01-01\n---\nA.\n",
		"content/posts/hid.md": "+++\ntitle = 'Headless'\ndate = 2020-01-03\n[build]\nrender = 'never'\n+++\nB.\n",
		"content/posts/new.md": "---\ntitle: Live\ndate: 2020-01-04\nexpiryDate: 2999-01-01\n---\nC.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	for name, want := range map[string]string{
		"old.md": "expiryDate 2021-01-01 has passed, so Hugo no longer published it: imported as a draft",
		"hid.md": "build.render is never, so Hugo made no page of it: imported as a draft",
	} {
		if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", name), -1, want) {
			t.Errorf("got warnings %v, want %q", r.Warnings, want)
		}
	}
	if r.Written != 3 || r.Drafts != 2 {
		t.Errorf("wrote %d articles, %d drafts; want 3 and 2", r.Written, r.Drafts)
	}
}

// TestHugoRelativeBaseURL imports a site whose baseURL is "/": its
// posts get no id, which would not be absolute, and a warning says why.
func TestHugoRelativeBaseURL(t *testing.T) {
	src := tree(t, map[string]string{
		"config.yml":             "baseURL: /\n",
		"content/posts/first.md": "---\ntitle: First\ndate: 2019-02-14\n---\nA.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if !hasNote(r.Warnings, filepath.Join(src, "config.yml"), -1, `baseURL "/" is not an absolute address`) {
		t.Errorf("got warnings %v, want one that baseURL is not absolute", r.Warnings)
	}
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2019", "2019-02-14-first.md"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "\nid:") {
		t.Errorf("the article has an id:\n%s", data)
	}
}

// TestCarriedOver imports what a post says that bulletin has a field
// for, with no warning: an excerpt longer than bulletin's summaries,
// whole, since its last sentence may be nowhere else; a Hugo taxonomy of
// authors as the authors, not topics; and the page a link post is about
// as its source, titled by source_title or by the address's host.
func TestCarriedOver(t *testing.T) {
	excerpt := "As demand for information continues to grow, it is important to continue iterating the ways we refine the FOIA request process. " +
		"Our effort is one of a number of commitments towards creating a more open, transparent government. " +
		"We will explore how to supplement the work of agencies, designing for the user."
	jekyll := "url: https://example.org\nplugins: [jekyll-feed]\n"
	hugo := "baseURL: https://old.example.org/\ntaxonomies:\n  topic: topics\n  author: authors\n"
	for _, tt := range []struct {
		name, config, settings, post string // the files of the old site, the post as "path: text"
		file                         string // the article written
		want                         []string
	}{
		{"a long excerpt", "_config.yml", jekyll, "_posts/2020-02-03-foia.md: ---\ntitle: FOIA\nexcerpt: \"" + excerpt + "\"\n---\nBody.\n",
			"2020/2020-02-03-foia.md", []string{"designing for the user."}},
		{"a taxonomy of authors", "config.yml", hugo, "content/posts/first.md: ---\ntitle: First\ndate: 2019-02-14\ntopics: [Staffing]\nauthors: [jeremyzilar]\n---\nA.\n",
			"2019/2019-02-14-first.md", []string{"\ntopics: [Staffing]\n", "\nauthors: [jeremyzilar]\n"}},
		{"a link post", "config.yml", hugo, "content/posts/guide.md: ---\ntitle: Guide updated\ndate: 2019-10-09\nsummary: The guide was updated.\nsource_url: https://www.reginfo.gov/public/guide\n---\n",
			"2019/2019-10-09-guide.md", []string{"sources:\n  - title: reginfo.gov\n    url: https://www.reginfo.gov/public/guide\n"}},
		{"a link post with a source title", "config.yml", hugo, "content/posts/model.md: ---\ntitle: Model\ndate: 2019-12-19\nsummary: A model.\nexternal_url: https://designsystem.digital.gov/maturity-model/\nsource_title: USWDS\n---\n",
			"2019/2019-12-19-model.md", []string{"sources:\n  - title: USWDS\n    url: https://designsystem.digital.gov/maturity-model/\n"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			name, text, _ := strings.Cut(tt.post, ": ")
			src := tree(t, map[string]string{tt.config: tt.settings, name: text})
			dest := t.TempDir()
			if r := mustImport(t, src, dest); len(r.Warnings) > 0 {
				t.Errorf("got warnings %v, want none", r.Warnings)
			}
			wantArticle(t, filepath.Join(dest, "articles", filepath.FromSlash(tt.file)), tt.want...)
		})
	}
}

// TestWordPressUntitled titles an aside that has none by its first
// words, with a warning, as WordPress shows it, rather than failing the
// import.
func TestWordPressUntitled(t *testing.T) {
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(wxrItemXML(7, "", "7", "publish", "post"))), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Source: src, Dest: t.TempDir()})
	if err != nil || r.Problems() > 0 || r.Written != 1 {
		t.Fatalf("import: error %v, %d problems, %d written; want one written", err, r.Problems(), r.Written)
	}
	want := `post 7: no title, so its first words are: "Post 7 reports on regulation, with a link to an earlier post and one…"; give it a better one`
	if !hasNote(r.Warnings, src, -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestCopiesLinkedFiles copies into the content folder the files a
// Jekyll post links to, at the paths bulletin publishes them from, and
// nothing else: not Jekyll's own files, not pages, not files it lacks.
// A file it links to that the site's folder lacks is named. Importing
// again copies nothing and warns of nothing.
func TestCopiesLinkedFiles(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "title: J\n",
		"assets/img/chart.png":       "PNG",
		"assets/docs/report one.pdf": "PDF",
		"assets/unused.png":          "UNUSED",
		"_posts/2019-03-04-a.md": "---\ntitle: A\n---\n![Chart](/assets/img/chart.png)\n" +
			"[Report](/assets/docs/report%20one.pdf?v=2#page=3), [settings](/_config.yml), " +
			"[a page](/about.html), [missing](/assets/gone.png), [elsewhere](https://example.org/x.png).\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	missing := "links to a file the site's folder does not hold (assets/gone.png)"
	away := "links to pages of the old site that no post imported has (/about.html), which this site lacks"
	post := filepath.Join(src, "_posts", "2019-03-04-a.md")
	if r.Copied != 2 || len(r.Warnings) != 2 || !hasNote(r.Warnings, post, -1, missing) || !hasNote(r.Warnings, post, -1, away) {
		t.Errorf("copied %d, warnings %v; want 2 copied and two warnings: %s, and %s", r.Copied, r.Warnings, missing, away)
	}
	want := "articles/2019/2019-03-04-a.md assets/docs/report one.pdf assets/img/chart.png"
	if got := strings.Join(files(t, dest), " "); got != want {
		t.Errorf("got files %s, want %s", got, want)
	}
	if r = mustImport(t, src, dest); r.Copied != 0 || len(r.Warnings) != 0 {
		t.Errorf("importing again: copied %d, warnings %v; want nothing", r.Copied, r.Warnings)
	}
}

// TestHugoBundleFiles copies the files a page bundle's page links to
// into the article's folder, those in a folder of the bundle too, and by
// the page's old address, and warns of the one no page links to.
func TestHugoBundleFiles(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml": "baseURL = 'https://old.example.org/'\n",
		"content/posts/trip/index.md": "---\ntitle: Trip\ndate: 2020-01-02\n---\n![Map](map.png)\n" +
			"![Route](images/route.png)\n![Stop](/posts/trip/images/stop.png)\n![Other](../walk/x.png)\n",
		"content/posts/trip/map.png":          "PNG",
		"content/posts/trip/images/route.png": "PNG",
		"content/posts/trip/images/stop.png":  "PNG",
		"content/posts/trip/notes.pdf":        "PDF",
		"content/posts/walk/index.md":         "---\ntitle: Walk\ndate: 2020-01-03\n---\n![X](x.png)\n",
		"content/posts/walk/x.png":            "PNG",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if got, want := strings.Join(files(t, dest), " "), "2020/01/trip/images/route.png 2020/01/trip/images/stop.png 2020/01/trip/map.png 2020/01/walk/x.png articles/2020/2020-01-02-trip.md articles/2020/2020-01-03-walk.md"; got != want {
		t.Errorf("got files %s, want %s", got, want)
	}
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-01-02-trip.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "![Stop](images/stop.png)"; !strings.Contains(string(data), want) {
		t.Errorf("article lacks %s:\n%s", want, data)
	}
	want := "no page links to the bundle's notes.pdf, so it was not copied: copy it into the content folder if the page uses it"
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "trip"), -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
	// Imported again, the page is there already: its map is still a
	// file a page links to.
	r = mustImport(t, src, dest)
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "map.png") {
			t.Errorf("importing again: got warning %v, which names map.png", w)
		}
	}
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "trip"), -1, want) {
		t.Errorf("importing again: got warnings %v, want %q", r.Warnings, want)
	}
}

// TestBundleSymlinkNotCopied names a bundle's file that is a symbolic
// link, which may lead out of the site, rather than copying what it
// names.
func TestBundleSymlinkNotCopied(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":                   "baseURL = 'https://old.example.org/'\n",
		"content/posts/trip/index.md": "---\ntitle: Trip\ndate: 2020-01-02\n---\n![Map](map.png)\n",
		"secret.txt":                  "SECRET",
	})
	if err := os.Symlink(filepath.Join(src, "secret.txt"), filepath.Join(src, "content", "posts", "trip", "map.png")); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Copied != 0 || slices.Contains(files(t, dest), "2020/01/trip/map.png") {
		t.Errorf("copied %d files: %v; want none", r.Copied, files(t, dest))
	}
	want := "links to content/posts/trip/map.png, a symbolic link, which is not copied, since it may lead out of the site: copy the file it names into the content folder"
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "trip", "index.md"), -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestDraftFilesNotCopied leaves the files a draft links to where they
// are, naming them: a file in the content folder is published at once,
// so a draft's chart would be out before the draft.
func TestDraftFilesNotCopied(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "title: J\n",
		"assets/embargoed.png":       "PNG",
		"_posts/2019-03-04-draft.md": "---\ntitle: Draft\npublished: false\n---\n![Chart](/assets/embargoed.png)\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Copied != 0 || slices.Contains(files(t, dest), "assets/embargoed.png") {
		t.Errorf("copied %d files: %v; want none", r.Copied, files(t, dest))
	}
	want := "a draft: the file it links to (assets/embargoed.png) was not copied, since a file in the content folder is published at once: copy it when you publish the draft"
	if !hasNote(r.Warnings, filepath.Join(src, "_posts", "2019-03-04-draft.md"), -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestUnlisted brings a post the old site published but kept off its
// lists in as a draft, keeping its address and feed id: published as it
// is, it would be on every list and feed of the new site.
func TestUnlisted(t *testing.T) {
	for _, tc := range []struct{ name, config, file, front, why string }{
		{"jekyll hidden", "_config.yml", "_posts/2021-06-04-notes.md", "hidden: true\n", "hidden: true"},
		{"hugo hidden", "hugo.yaml", "content/posts/notes.md", "date: 2021-06-04\nhidden: true\n", "hidden: true"},
		{"hugo build list never", "hugo.yaml", "content/posts/notes.md", "date: 2021-06-04\n_build:\n  list: never\n", "_build.list: never"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{
				tc.config: "baseURL: https://old.example.org/\nurl: https://old.example.org\n",
				tc.file:   "---\ntitle: Notes\n" + tc.front + "---\nPrivate notes.\n",
			}
			if tc.name == "jekyll hidden" {
				files["_posts/2021-06-05-other.md"] = "---\ntitle: Other\n---\nSee [notes](/2021/06/04/notes.html).\n"
			}
			src := tree(t, files)
			dest := t.TempDir()
			r := mustImport(t, src, dest)
			if r.Drafts != 1 {
				t.Fatalf("wrote %d, %d drafts; want 1 draft", r.Written, r.Drafts)
			}
			data, err := os.ReadFile(filepath.Join(dest, "articles", "2021", "2021-06-04-notes.md"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"\ndraft: true\n", "\nid: https://old.example.org/"} {
				if !strings.Contains(string(data), want) {
					t.Errorf("article lacks %q:\n%s", want, data)
				}
			}
			if tc.name == "jekyll hidden" {
				// Another post's link to it leads to its old page, as
				// its new one is a draft's, not published.
				data, err := os.ReadFile(filepath.Join(dest, "articles", "2021", "2021-06-05-other.md"))
				if err != nil {
					t.Fatal(err)
				}
				if want := "[notes](https://old.example.org/2021/06/04/notes.html)"; !strings.Contains(string(data), want) {
					t.Errorf("the other post lacks %s:\n%s", want, data)
				}
			}
			want := tc.why + ": the old site kept it off its lists, its page at its address; bulletin lists every article it publishes, so it is imported as a draft, keeping its addresses and feed id: delete draft: true to publish it, listed"
			if !hasNote(r.Warnings, filepath.Join(src, filepath.FromSlash(tc.file)), -1, want) {
				t.Errorf("got warnings %v, want %q", r.Warnings, want)
			}
		})
	}
}

// mustImport imports the site or export src into the content folder
// dest, and fails the test if the import cannot run at all.
func mustImport(t *testing.T, src, dest string) Report {
	t.Helper()
	r, err := Run(Options{Source: src, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestHugoLanguages imports a Hugo site in several languages, with a
// content folder for one and a file-name mark for another: each page
// keeps the address and feed id Hugo gave it, below its language's
// prefix, and says its language; a translation is not taken for its
// twin, and a ref finds the page of its own language.
func TestHugoLanguages(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml": "baseURL = 'https://old.example.org/'\ndefaultContentLanguage = 'en'\n" +
			"[languages.en]\nweight = 1\n[languages.zh-CN]\ncontentDir = 'content/zh-cn'\nlanguageCode = 'zh-CN'\n[languages.fr]\nweight = 3\n" +
			"[permalinks]\nposts = '/:year/:month/:slug/'\n",
		"content/posts/release.md":       "---\ntitle: Release\ndate: 2022-05-03\n---\nSee [notes]({{< ref \"notes.md\" >}}).\n",
		"content/posts/notes.md":         "---\ntitle: Notes\ndate: 2022-05-02\n---\nEnglish notes, [in French]({{< ref path=\"notes.md\" lang=\"fr\" >}}).\n",
		"content/posts/release.fr.md":    "---\ntitle: Version\ndate: 2022-05-03\nslug: release\n---\nVoir [notes]({{< ref \"notes.md\" >}}).\n",
		"content/posts/notes.fr.md":      "---\ntitle: Notes\ndate: 2022-05-02\n---\nNotes en français.\n",
		"content/zh-cn/posts/release.md": "---\ntitle: 发布\ndate: 2022-05-03\nslug: release\n---\n发布。\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	// The feeds of one language other than the default are told of, not
	// named for feed_aliases: bulletin's hold every language's posts.
	if oneLanguage := "the old site's feeds /fr/index.xml, /fr/posts/index.xml, /zh-cn/index.xml, /zh-cn/posts/index.xml each held one language's posts alone"; len(r.Warnings) != 1 || !strings.HasPrefix(r.Warnings[0].Msg, oneLanguage) {
		t.Errorf("warnings: %v, want one, %q", r.Warnings, oneLanguage)
	}
	if want := []string{"/index.xml", "/posts/index.xml"}; !slices.Equal(r.Feeds, want) {
		t.Errorf("feeds named for feed_aliases: %q, want %q", r.Feeds, want)
	}
	written := map[string]string{} // by id
	for _, name := range files(t, dest) {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			if id, ok := strings.CutPrefix(line, "id: "); ok {
				written[strings.TrimSpace(id)] = string(data)
			}
		}
	}
	for id, want := range map[string][]string{
		"https://old.example.org/2022/05/release/":       {"title: Release\n", "slug: release\n", "[notes](/2022/05/notes/)"},
		"https://old.example.org/fr/2022/05/release/":    {"title: Version\n", "slug: release-fr\n", "lang: fr\n", "  - /fr/2022/05/release/\n", "[notes](/2022/05/notes-fr/)"},
		"https://old.example.org/fr/2022/05/notes/":      {"lang: fr\n", "  - /fr/2022/05/notes/\n"},
		"https://old.example.org/2022/05/notes/":         {"[in French](/2022/05/notes-fr/)"},
		"https://old.example.org/zh-cn/2022/05/release/": {"title: 发布\n", "slug: release-zh-cn\n", "lang: zh-CN\n", "  - /zh-cn/2022/05/release/\n"},
	} {
		data, ok := written[id]
		if !ok {
			t.Errorf("no article has id %s; ids: %v", id, slices.Collect(maps.Keys(written)))
			continue
		}
		for _, w := range want {
			if !strings.Contains(data, w) {
				t.Errorf("the article of %s lacks %q:\n%s", id, w, data)
			}
		}
	}
}

// TestHugoConfigFolder reads the settings Hugo keeps in
// config/_default/, one file for each table: the languages of
// languages.yaml give each translation its address, feed id and
// language, as they do from one settings file. A table that says
// nothing of addresses is not read, so a mistake in it stops nothing.
func TestHugoConfigFolder(t *testing.T) {
	src := tree(t, map[string]string{
		"config/_default/hugo.yaml":      "baseURL: https://old.example.org/\ndefaultContentLanguage: en\ndefaultContentLanguageInSubdir: false\n",
		"config/_default/languages.yaml": "en:\n  contentDir: content/en\n  weight: 1\nja:\n  contentDir: content/ja\n  languageCode: ja\n  weight: 2\n",
		"config/_default/params.en.yaml": "tagline: x\n",
		"config/_default/menus.yaml":     "main: [broken\n",
		"content/en/post/qr/index.md":    "---\ntitle: QR codes\ndate: 2024-01-02\n---\nMake one.\n",
		"content/ja/post/qr/index.md":    "---\ntitle: QRコード\ndate: 2024-01-02\n---\n作り方。\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	var moved []string
	for _, m := range r.Moved {
		moved = append(moved, m.From)
	}
	slices.Sort(moved)
	if want := []string{"/ja/post/qr/", "/post/qr/"}; !slices.Equal(moved, want) {
		t.Errorf("old addresses %q, want %q", moved, want)
	}
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2024", "2024-01-02-qr-ja.md"))
	if err != nil {
		t.Fatalf("%v; files: %v", err, files(t, dest))
	}
	for _, w := range []string{"lang: ja\n", "id: https://old.example.org/ja/post/qr/\n"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("the Japanese article lacks %q:\n%s", w, data)
		}
	}
}

// TestHugoIgnoreFiles leaves out the files Hugo's ignoreFiles names,
// which it never published (a folder of working drafts), saying why,
// bundled images too; a pattern Hugo cannot read stops the import.
func TestHugoIgnoreFiles(t *testing.T) {
	src := tree(t, map[string]string{
		"config.yml":                    "baseURL: https://old.example.org/\nignoreFiles:\n  - \"^_template\"\n  - \"content/_tmp/*\"\n  - \"\\\\.draft\\\\.md$\"\n",
		"content/news/live.md":          "---\ntitle: Live\ndate: 2019-07-09\n---\nLive.\n",
		"content/news/next.draft.md":    "---\ntitle: Next\ndate: 2019-07-10\n---\nNot yet.\n",
		"content/_tmp/old.md":           "---\ntitle: Old\ndate: 2013-12-20\n---\nWorking copy.\n",
		"content/_tmp/bundle/index.md":  "---\ntitle: Bundle\ndate: 2013-12-21\n---\n![A chart](chart.png)\n",
		"content/_tmp/bundle/chart.png": "png",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if got := files(t, dest); !slices.Equal(got, []string{"articles/2019/2019-07-09-live.md"}) {
		t.Errorf("wrote %v, want the live post alone", got)
	}
	for _, name := range []string{"content/news/next.draft.md", "content/_tmp/old.md", "content/_tmp/bundle/index.md"} {
		if !hasNote(r.Skipped, filepath.Join(src, filepath.FromSlash(name)), 0, "so Hugo never published it") {
			t.Errorf("skipped %v, want %s left out for ignoreFiles", r.Skipped, name)
		}
	}
	if err := os.WriteFile(filepath.Join(src, "config.yml"), []byte("ignoreFiles: [\"(\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Source: src, Format: Hugo, Dest: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "ignoreFiles") {
		t.Errorf("a broken pattern gave %v, want an error naming ignoreFiles", err)
	}
}

// TestFrontMatterAsShown carries a Hugo or Jekyll post's front matter
// over as the old site showed it: a title and a summary written with
// HTML's character references get the characters themselves (a lone &
// stays), and the topics and regulators fields, bulletin's own names,
// are kept where the old site made no taxonomy of them, rather than told
// as fields bulletin has no place for.
func TestFrontMatterAsShown(t *testing.T) {
	const (
		entities = "title: \"&#34;Diga o marque 2&#34;: USAGov en Espa&ntilde;ol – Q&A\"\nsummary: \"Le SNC accueille son dirigeant&nbsp;: Aaron Snow\"\n"
		own      = "title: X\ntopics: [Python, نرم‌افزار آزاد]\nregulators: [CQC]\n"
	)
	for _, tc := range []struct {
		name, format, front string
		want                []string
	}{
		{"entities", "hugo", entities, []string{"title: '\"Diga o marque 2\": USAGov en Español – Q&A'\n", "summary: 'Le SNC accueille son dirigeant"}},
		{"entities", "jekyll", entities, []string{"title: '\"Diga o marque 2\": USAGov en Español – Q&A'\n", "summary: 'Le SNC accueille son dirigeant"}},
		{"own fields", "hugo", own, []string{"topics: [Python, نرم‌افزار آزاد]\n", "regulators: [CQC]\n"}},
		{"own fields", "jekyll", own, []string{"topics: [Python, نرم‌افزار آزاد]\n", "regulators: [CQC]\n"}},
	} {
		t.Run(tc.format+" "+tc.name, func(t *testing.T) {
			files := map[string]string{"_config.yml": "url: https://old.example.org\n", "_posts/2020-06-23-x.md": "---\n" + tc.front + "---\nText.\n"}
			if tc.format == "hugo" {
				files = map[string]string{"hugo.yaml": "baseURL: https://old.example.org/\n", "content/news/x.md": "---\n" + tc.front + "date: 2020-06-23\n---\nText.\n"}
			}
			dest := t.TempDir()
			r := mustImport(t, tree(t, files), dest)
			name := filepath.Join(dest, "articles", "2020", "2020-06-23-x.md")
			wantArticle(t, name, tc.want...)
			if data, _ := os.ReadFile(name); strings.Contains(string(data), "&nbsp;") {
				t.Errorf("a character reference was kept:\n%s", data)
			}
			for _, n := range slices.Concat(r.Warnings, r.Skipped) {
				if strings.Contains(n.Msg, "no place for them") || strings.Contains(n.Msg, "not imported") {
					t.Errorf("told %q", n.Msg)
				}
			}
		})
	}
}

// TestDeckPost imports a link post with no title and no body, whose
// deck (a news theme's standfirst) is its only text: titled and
// summarised by it, not refused.
func TestDeckPost(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.yaml":         "baseURL: https://old.example.org/\n",
		"content/news/x.md": "---\ntitle: \"\"\ndeck: The Federal Register now publishes in plain language.\ndate: 2019-07-09\nsource_url: https://www.federalregister.gov/\n---\n",
	})
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2019", "2019-07-09-x.md"), "title: The Federal Register now publishes in plain language.\n", "summary: The Federal Register now publishes in plain language.\n")
}

// TestJekyllPostWithoutExtension names a file of _posts named as a post
// but with no .md, which Jekyll did not publish, among those skipped,
// rather than leave it out without a word.
func TestJekyllPostWithoutExtension(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                            "url: https://old.example.org\n",
		"_posts/2016-01-27-api-shutdown":         "---\ntitle: API shutdown\n---\nThe API closes.\n",
		"_posts/2019-05-01-version-2.0-released": "---\ntitle: Version 2.0\n---\nReleased.\n",
		"_posts/2016-01-28-published.md":         "---\ntitle: Published\n---\nText.\n",
		"_posts/images/2016-01-27-chart.png":     "png",
	})
	r := mustImport(t, src, t.TempDir())
	if !hasNote(r.Skipped, filepath.Join(src, "_posts", "2016-01-27-api-shutdown"), 0, "rename it 2016-01-27-api-shutdown.md") ||
		!hasNote(r.Skipped, filepath.Join(src, "_posts", "2019-05-01-version-2.0-released"), 0, "rename it 2019-05-01-version-2.0-released.md") || r.Written != 1 || len(r.Skipped) != 2 {
		t.Errorf("wrote %d, skipped %v; want the published post written, the file without .md named", r.Written, r.Skipped)
	}
}

// TestHugoAuthorPages names a post's author by the title of the page
// of the authors taxonomy's term (content/authors/jo/_index.md), as the
// old site's bylines did, not by the term, and says what such a page is.
func TestHugoAuthorPages(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.yaml":                             "baseURL: https://old.example.org/\ntaxonomies:\n  author: authors\n  tag: tags\n",
		"content/authors/jeremyzilar/_index.md": "---\ntitle: Jeremy Zilar\n---\nBio.\n",
		"content/news/2019-07-09-x.md":          "---\ntitle: X\ndate: 2019-07-09\nauthors: [jeremyzilar, Someone Else, Jeremy Zilar]\n---\nText.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2019", "2019-07-09-x.md"), "authors: [Jeremy Zilar, Someone Else]\n")
	if !hasNote(r.Skipped, filepath.Join(src, "content", "authors", "jeremyzilar", "_index.md"), 0, "an author's page") {
		t.Errorf("skipped %v, want the author's page named as such", r.Skipped)
	}
}

// TestOtherCalendar warns once of the posts dated before 1900, as a
// site that wrote its dates in the Solar Hijri calendar has them, or
// centuries ahead, as the Buddhist calendar's are, and not of a post of
// 1900 or later.
func TestOtherCalendar(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "lang: fa\n",
		"_posts/1393-04-04-a.md":     "---\ntitle: A\n---\nA.\n",
		"_posts/1403-09-08-b.md":     "---\ntitle: B\n---\nB.\n",
		"_posts/2014-06-25-later.md": "---\ntitle: Later\n---\nLater.\n",
		"_posts/2567-01-15-c.md":     "---\ntitle: C\n---\nC.\n",
	})
	r := mustImport(t, src, t.TempDir())
	var told []Note
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, "before 1900") {
			told = append(told, n)
		}
	}
	if len(told) != 1 || !strings.HasPrefix(told[0].Msg, "3 posts are dated before 1900 or more than 20 years from now (this one 1393-04-04)") {
		t.Errorf("warned %v, want one note of the 2 posts dated before 1900", r.Warnings)
	}
}

// TestHugoLanguageSettings reads what a language of a Hugo site sets
// for itself: its own address (Hugo's multihost, which puts no
// language's prefix in a path), its own permalinks and its locale, and a
// site's one language's settings as the site's. Each page keeps the
// address and feed id it had, and a link to another by its old address
// follows it.
func TestHugoLanguageSettings(t *testing.T) {
	t.Run("multihost", func(t *testing.T) {
		src := tree(t, map[string]string{
			"config/_default/config.yaml": "defaultContentLanguage: en\ndefaultContentLanguageInSubdir: true\nlanguages:\n" +
				"  en:\n    baseUrl: https://digital.example.ca/\n    contentDir: content/en\n    permalinks:\n      blog: /:year/:month/:day/:filename\n" +
				"  fr:\n    baseUrl: https://numerique.example.ca/\n    contentDir: content/fr\n    locale: fr-CA\n    permalinks:\n      blog: /:year/:month/:day/:filename\n",
			"content/en/blog/posts/hello.md":   "---\ntitle: Hello\ndate: 2018-10-19\n---\nHello.\n",
			"content/en/blog/posts/ceo.md":     "---\ntitle: CEO\ndate: 2022-02-11\n---\nOur [first post](https://digital.example.ca/2018/10/19/hello/).\n",
			"content/fr/blog/posts/bonjour.md": "---\ntitle: Bonjour\ndate: 2018-10-19\n---\nBonjour.\n",
		})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		if !hasNote(r.Warnings, filepath.Join(src, "config", "_default", "config.yaml"), 0, "languages.fr.baseURL: the fr pages were published at an address of their own, https://numerique.example.ca/") {
			t.Errorf("warnings %v, want one of the French pages' own address", r.Warnings)
		}
		for name, want := range map[string][]string{
			"2018/2018-10-19-hello.md":   {"  - /2018/10/19/hello/\n", "id: https://digital.example.ca/2018/10/19/hello/\n"},
			"2018/2018-10-19-bonjour.md": {"  - /2018/10/19/bonjour/\n", "id: https://numerique.example.ca/2018/10/19/bonjour/\n", "lang: fr-CA\n"},
			"2022/2022-02-11-ceo.md":     {"[first post](/2018/10/hello/)"},
		} {
			data, err := os.ReadFile(filepath.Join(dest, "articles", filepath.FromSlash(name)))
			if err != nil {
				t.Fatalf("%v; files: %v", err, files(t, dest))
			}
			for _, w := range want {
				if !strings.Contains(string(data), w) {
					t.Errorf("%s lacks %q:\n%s", name, w, data)
				}
			}
		}
	})
	t.Run("one language", func(t *testing.T) {
		src := tree(t, map[string]string{
			"hugo.yaml":          "baseURL: https://old.example.org/\nlanguages:\n  en:\n    locale: en-CA\n    permalinks:\n      posts: /:year/:month/:day/:filename\n",
			"content/posts/x.md": "---\ntitle: X\ndate: 2018-10-19\n---\nX.\n",
		})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		if len(r.Moved) != 1 || r.Moved[0].From != "/2018/10/19/x/" {
			t.Errorf("old addresses %v, want /2018/10/19/x/", r.Moved)
		}
		data, err := os.ReadFile(filepath.Join(dest, "articles", "2018", "2018-10-19-x.md"))
		if err != nil || !strings.Contains(string(data), "id: https://old.example.org/2018/10/19/x/\n") {
			t.Errorf("the article (%v) lacks the id the old feed gave it:\n%s", err, data)
		}
	})
}

// TestWordPressDraftWithoutDate imports a draft never scheduled, which
// WordPress exports dated 0000-00-00 00:00:00: it comes in as a draft
// dated by its last change, with a warning, not left out.
func TestWordPressDraftWithoutDate(t *testing.T) {
	item := regexp.MustCompile(`<wp:post_date(_gmt)?><!\[CDATA\[[^]]*\]\]>`).ReplaceAllString(wxrItemXML(9, "Zero-date draft", "", "draft", "post"), "<wp:post_date$1><![CDATA[0000-00-00 00:00:00]]>")
	item = strings.Replace(item, "</wp:post_id>", "</wp:post_id>\n\t\t<wp:post_modified><![CDATA[2023-02-02 10:00:00]]></wp:post_modified>\n\t\t<wp:post_modified_gmt><![CDATA[2023-02-02 10:00:00]]></wp:post_modified_gmt>", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Problems() > 0 || r.Written != 1 || r.Drafts != 1 {
		t.Fatalf("got %d problems %v, %d written, %d drafts; want one draft written", r.Problems(), r.Skipped, r.Written, r.Drafts)
	}
	if !hasNote(r.Warnings, src, -1, `post 9 "Zero-date draft": a draft with no date, dated by its last change, 2023-02-02: set its date before you publish it`) {
		t.Errorf("got warnings %v, want one that the draft is dated by its last change", r.Warnings)
	}
	if got := files(t, dest); !slices.Equal(got, []string{"articles/2023/2023-02-02-zero-date-draft.md"}) {
		t.Errorf("got files %v", got)
	}
}

// TestWordPressComExport imports an export as WordPress.com makes it:
// its namespaces under https, and its never-scheduled drafts without a
// last change, which are dated by the day the export was made: as the
// comment at its top gives it, not the channel's pubDate, which
// WordPress.com gave the newest post's time; by the pubDate where the
// export has no such comment.
func TestWordPressComExport(t *testing.T) {
	item := regexp.MustCompile(`<wp:post_date(_gmt)?><!\[CDATA\[[^]]*\]\]>`).ReplaceAllString(wxrItemXML(9, "Zero-date draft", "", "draft", "post"), "<wp:post_date$1><![CDATA[0000-00-00 00:00:00]]>")
	for _, tt := range []struct{ comment, want string }{
		{`<!-- generator="WordPress.com" created="2026-01-20 23:30"-->`, "2026-01-20"},
		{"", "2025-12-03"},
	} {
		export := strings.ReplaceAll(wxrXML(wxrItemXML(8, "Published", "published", "publish", "post")+item), `="http://`, `="https://`)
		export = strings.Replace(export, "<rss", tt.comment+"\n<rss", 1)
		export = strings.Replace(export, "<channel>", "<channel>\n\t<pubDate>Wed, 03 Dec 2025 09:30:00 +0000</pubDate>", 1)
		src := filepath.Join(t.TempDir(), "export.xml")
		if err := os.WriteFile(src, []byte(export), 0o644); err != nil {
			t.Fatal(err)
		}
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		if r.Problems() > 0 || r.Written != 2 || r.Drafts != 1 {
			t.Fatalf("got %d problems %v, %d written, %d drafts; want two written, one a draft", r.Problems(), r.Skipped, r.Written, r.Drafts)
		}
		if !hasNote(r.Warnings, src, -1, `post 9 "Zero-date draft": a draft with no date, dated by the day the export was made, `+tt.want+`: set its date before you publish it`) {
			t.Errorf("%q: got warnings %v, want one that the draft is dated by the export, %s", tt.comment, r.Warnings, tt.want)
		}
		if got := files(t, dest); !slices.Contains(got, "articles/"+tt.want[:4]+"/"+tt.want+"-zero-date-draft.md") {
			t.Errorf("%q: got files %v", tt.comment, got)
		}
	}
}

// TestWordPressOtherDay warns of a post that WordPress showed on one
// day, in the blog's time zone, and that falls on the next where the
// bulletin is.
func TestWordPressOtherDay(t *testing.T) {
	item := regexp.MustCompile(`<wp:post_date><!\[CDATA\[[^]]*\]\]>`).ReplaceAllString(wxrItemXML(1178, "Evening post", "evening-post", "publish", "post"), "<wp:post_date><![CDATA[2013-01-11 20:22:00]]>")
	item = regexp.MustCompile(`<wp:post_date_gmt><!\[CDATA\[[^]]*\]\]>`).ReplaceAllString(item, "<wp:post_date_gmt><![CDATA[2013-01-12 03:22:00]]>")
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if !hasNote(r.Warnings, src, -1, "1 post dated in another offset falls on another day in Europe/London than WordPress showed (this one, 2013-01-11T20:22:00-07:00, on 12 January 2013)") {
		t.Errorf("got warnings %v, want one that the post falls on another day", r.Warnings)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2013", "2013-01-12-evening-post.md"), "date: 2013-01-12T03:22:00Z")
}

// TestJekyllDates imports posts dated as Jekyll takes them: a file name
// with a month and day of one digit, a date in words, and a date this
// importer cannot read, which the file name's date stands in for, with a
// warning at the date's line.
func TestJekyllDates(t *testing.T) {
	src := tree(t, map[string]string{
		"_posts/2020-1-5-single-digit.md": "---\ntitle: Single digit\n---\nOne.\n",
		"_posts/2019-03-05-words.md":      "---\ntitle: Words\ndate: March 5, 2019\n---\nTwo.\n",
		"_posts/2019-03-07-unread.md":     "---\ntitle: Unread\nlayout: post\ndate: 07/03/2019\n---\nThree.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	want := []string{"articles/2019/2019-03-05-words.md", "articles/2019/2019-03-07-unread.md", "articles/2020/2020-01-05-single-digit.md"}
	if got := files(t, dest); !slices.Equal(got, want) {
		t.Errorf("got files %v, want %v (skipped %v)", got, want, r.Skipped)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "_posts", "2019-03-07-unread.md"), 4, `date "07/03/2019" is not a date this importer reads: write YYYY-MM-DD or YYYY-MM-DD HH:MM:SS: dated 2019-03-07 by its file name; check the date`) {
		t.Errorf("got warnings %v, want one at the date's line", r.Warnings)
	}
}

// TestWordPressLatin1 imports an export an old blog wrote in its own
// character set, as its XML declaration says.
func TestWordPressLatin1(t *testing.T) {
	utf8 := wxrXML(wxrItemXML(3, "Café règles", "cafe-regles", "publish", "post"))
	utf8 = strings.Replace(utf8, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	var latin1 []byte
	for _, r := range utf8 {
		if r > 0xff {
			t.Fatalf("%q is not in ISO-8859-1", r)
		}
		latin1 = append(latin1, byte(r))
	}
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, latin1, 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-03-cafe-regles.md"), "title: Café règles\n")
}

// TestWordPressUnderAPath imports a blog published under /news/: links
// between its posts, by address, by ?p= and by path alone, lead to their
// new URLs, and an upload linked by its path alone to the old site, which
// keeps serving it.
func TestWordPressUnderAPath(t *testing.T) {
	first := strings.ReplaceAll(wxrItemXML(1, "First", "first", "publish", "post"), "https://old.example.org/", "https://old.example.org/news/")
	second := strings.ReplaceAll(wxrItemXML(2, "Second", "second", "publish", "post"), "https://old.example.org/", "https://old.example.org/news/")
	second = regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllString(second, `<content:encoded><![CDATA[<p>See <a href="https://old.example.org/news/2015/01/02/first/">by address</a>, <a href="https://old.example.org/news/?p=1">by id</a> and <a href="/news/2015/01/02/first/">by path</a>.</p>
<figure><img src="/news/wp-content/uploads/2015/01/chart.png" alt="Chart"/></figure>]]></content:encoded>`)
	export := strings.ReplaceAll(wxrXML(first+second), "<wp:base_blog_url>https://old.example.org</wp:base_blog_url>", "<wp:base_blog_url>https://old.example.org/news</wp:base_blog_url>")
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-02-second.md"), "See [by address](/2015/01/first/), [by id](/2015/01/first/) and [by path](/2015/01/first/).", "![Chart](https://old.example.org/news/wp-content/uploads/2015/01/chart.png)")
}

// TestFieldsNotCarriedOver warns once of the front matter fields bulletin
// has no place for, with how many posts have each, but not of those that
// only laid a post out, and apart of those named as bulletin's own
// (status) whose values it does not read; and takes an author written as
// a map, and a subtitle as the summary, but tells a deck beside a summary.
func TestFieldsNotCarriedOver(t *testing.T) {
	src := tree(t, map[string]string{
		"_posts/2020-01-01-one.md": "---\ntitle: One\nlayout: post\nthumbnail: /assets/one.png\nsubtitle: A subtitle\nauthor:\n  name: Jo Bloggs\n  email: jo@example.org\n---\nOne.\n",
		"_posts/2020-01-02-two.md": "---\ntitle: Two\nthumbnail: /assets/two.png\ncomments: true\nstatus: published\nsummary: Two.\ndeck: A standfirst.\n---\nTwo.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	want := "front matter fields not carried over, as bulletin has no place for them: deck (1 post: _posts/2020-01-02-two.md); thumbnail (2 posts: _posts/2020-01-01-one.md, _posts/2020-01-02-two.md); move into the body what readers should still see; " +
		"and front matter fields with the names of bulletin's own not carried over, as the old site meant its own values by them: status (1 post: _posts/2020-01-02-two.md); set bulletin's where they apply, as its README's front matter fields say"
	if !hasNote(r.Warnings, src, 0, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-01-one.md"), "authors: [Jo Bloggs]\n", "summary: A subtitle\n")
}

// TestJekyllNotPosts reports a post in Textile, which the import cannot
// read, as a problem, and leaves out a redirect page and a file with no
// front matter, which Jekyll publishes as a file, saying so.
func TestJekyllNotPosts(t *testing.T) {
	src := tree(t, map[string]string{
		"_posts/2020-01-01-moved.md":    "---\ntitle: Moved\nredirect_to: https://elsewhere.example.org/\n---\n",
		"_posts/2020-01-03-old.textile": "---\ntitle: Old\n---\nh1. Old\n",
		"_posts/2020-01-04-kept.md":     "---\ntitle: Kept\n---\nKept.\n",
		"_posts/2020-08-12-bare.md":     "# post title 005\n",
	})
	r := mustImport(t, src, t.TempDir())
	if r.Read != 4 || r.Written != 1 || r.Problems() != 1 {
		t.Errorf("read %d, wrote %d, %d problems; want 4, 1 and 1 (%v)", r.Read, r.Written, r.Problems(), r.Skipped)
	}
	if !hasNote(r.Skipped, filepath.Join(src, "_posts", "2020-08-12-bare.md"), 1, "no front matter, so Jekyll publishes it as a file, not a post: not imported") {
		t.Errorf("got skips %v, want the file with no front matter left out, as Jekyll does", r.Skipped)
	}
	if !hasNote(r.Skipped, filepath.Join(src, "_posts", "2020-01-01-moved.md"), 3, "redirect_to https://elsewhere.example.org/: a redirect, not a post: not imported") {
		t.Errorf("got skips %v, want the redirect left out at its line", r.Skipped)
	}
	if !hasNote(r.Skipped, filepath.Join(src, "_posts", "2020-01-03-old.textile"), 0, "a post in Textile") {
		t.Errorf("got skips %v, want the Textile post named", r.Skipped)
	}
}

// TestUntitled imports a post its old site published with no title,
// titled by its first words (up to the end of a sentence, in Chinese
// too) with a warning, at its old address, and refuses one with no
// words to title it by: a Jekyll post named by its date alone
// (2014-08-25-.md), and a Hugo page.
func TestUntitled(t *testing.T) {
	for _, tc := range []struct {
		name        string
		files       map[string]string
		words, none string // the post titled by its first words, and the one with none
		line        int    // the line of both notes
		title       string
		moved       string // the old address of words
	}{
		{
			name: "jekyll",
			files: map[string]string{
				"_config.yml":           "permalink: pretty\n",
				"_posts/2014-08-25-.md": "---\ntitle: \"\"\ndate: 2014-08-25 13:45:45\n---\n“再会，真的要走了”同学发给我微信的时候，不知道当时是因为没有看到还是因为实在太困了，总之是我没有回复。一贯高冷的同学不断给我发表情挥手再见，这让我感觉不详，有点像永世不见的意思。\n",
				"_posts/2014-09-01-.md": "---\ntitle:\n---\n![photo](/img/p.jpg)\n",
			},
			words: "_posts/2014-08-25-.md", none: "_posts/2014-09-01-.md", line: 2,
			title: "“再会，真的要走了”同学发给我微信的时候，不知道当时是因为没有看到还是因为实在太困了，总之是我没有回复。",
			moved: "/2014/08/25/",
		},
		{
			name: "hugo",
			files: map[string]string{
				"hugo.toml":                "",
				"content/posts/words.md":   "---\ndate: 2020-01-02\n---\nThe board met today. It agreed the plan.\n",
				"content/posts/picture.md": "---\ndate: 2020-01-03\n---\n![photo](/img/p.jpg)\n",
			},
			words: "content/posts/words.md", none: "content/posts/picture.md", line: 1,
			title: "The board met today. It agreed the plan.",
			moved: "/posts/words/",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, tc.files)
			r := mustImport(t, src, t.TempDir())
			if r.Written != 1 || r.Problems() != 1 {
				t.Errorf("wrote %d, %d problems; want 1 and 1 (%v)", r.Written, r.Problems(), r.Skipped)
			}
			want := fmt.Sprintf("no title, so its first words are: %q; give it a better one", tc.title)
			if !hasNote(r.Warnings, filepath.Join(src, filepath.FromSlash(tc.words)), tc.line, want) {
				t.Errorf("got warnings %v, want %q", r.Warnings, want)
			}
			if !hasNote(r.Skipped, filepath.Join(src, filepath.FromSlash(tc.none)), tc.line, "no title, and no text to title it by") {
				t.Errorf("got skips %v, want the post with no words refused", r.Skipped)
			}
			if len(r.Moved) != 1 || r.Moved[0].From != tc.moved {
				t.Errorf("got moves %v, want the old address %s kept", r.Moved, tc.moved)
			}
		})
	}
}

// TestJekyllHTMLBlocks reads an HTML element with blank lines inside as
// the site's Markdown did: whole, as kramdown does by default, or ended
// at the blank line, as CommonMark, or kramdown set to read Markdown in
// HTML, does.
func TestJekyllHTMLBlocks(t *testing.T) {
	post := "---\ntitle: Blocks\n---\n<p>Intro\n    \n    <p>Second</p>\n</p>\n"
	for _, tc := range []struct {
		name, config string
		code         bool // the indented line became code
	}{
		{"kramdown", "", false},
		{"kramdown reading Markdown in HTML", "kramdown:\n  parse_block_html: true\n", true},
		{"CommonMark", "markdown: CommonMarkGhPages\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, map[string]string{"_config.yml": tc.config, "_posts/2020-01-02-blocks.md": post})
			dest := t.TempDir()
			mustImport(t, src, dest)
			data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-01-02-blocks.md"))
			if err != nil {
				t.Fatal(err)
			}
			if code := strings.Contains(string(data), "    <p>Second</p>"); code != tc.code {
				t.Errorf("the indented line is code: %v, want %v:\n%s", code, tc.code, data)
			}
		})
	}
}

// TestWordPressEmbedShortcode turns the classic editor's [embed] into a
// link to what it showed, with no warning of a shortcode kept as text.
func TestWordPressEmbedShortcode(t *testing.T) {
	item := regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllString(wxrItemXML(5, "Video", "video", "publish", "post"),
		"<content:encoded><![CDATA[Watch the briefing.\n\n[embed]https://www.youtube.com/watch?v=abc[/embed]]]></content:encoded>")
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if hasNote(r.Warnings, src, -1, "shortcode [embed] kept as text") {
		t.Errorf("got warnings %v, want none for [embed]", r.Warnings)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-04-video.md"), "[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)")
}

// TestWordPressMediaShortcodes turns [audio] and [video], which Markdown
// cannot play, into links to the files they played, by the address alone
// or an attribute, and leaves one that names no file.
func TestWordPressMediaShortcodes(t *testing.T) {
	item := regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllString(wxrItemXML(5, "Media", "media", "publish", "post"),
		"<content:encoded><![CDATA[Listen.\n\n[audio https://example.org/files/blues.mp3]\n\n"+
			"[video width=\"640\" mp4=\"https://example.org/files/brief%20one.mp4\"][/video]\n\n[audio]]]></content:encoded>")
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	for _, want := range []string{"WordPress shortcodes [audio] and [video] became links to the files they played", "WordPress shortcode [audio] kept as text"} {
		if !hasNote(r.Warnings, src, -1, want) {
			t.Errorf("got warnings %v, want %q", r.Warnings, want)
		}
	}
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-04-media.md"),
		"[Audio: blues.mp3](https://example.org/files/blues.mp3)", "[Video: brief one.mp4](https://example.org/files/brief%20one.mp4)", "\\[audio]")
}

// TestWordPressCaptionAttribute keeps the caption of the classic
// editor's [caption] written as its caption attribute, as WordPress
// before 3.4 wrote it, as the later form's text after the image is kept:
// a line below the image, the two articles' bodies alike.
func TestWordPressCaptionAttribute(t *testing.T) {
	img := `<a href="https://example.org/a.jpg"><img src="https://example.org/a.jpg" alt="husk" /></a>`
	var items string
	for id, content := range map[int]string{
		5: `[caption id="attachment_612" align="aligncenter" width="640" caption="Chunk of resinous blackboy husk."]` + img + `[/caption]`,
		6: `[caption id="attachment_612" align="aligncenter" width="640"]` + img + ` Chunk of resinous blackboy husk.[/caption]`,
	} {
		item := wxrItemXML(id, "Husk", fmt.Sprintf("husk-%d", id), "publish", "post")
		items += regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllLiteralString(item, "<content:encoded><![CDATA["+content+"]]></content:encoded>")
	}
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(items)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	mustImport(t, src, dest)
	var bodies []string
	for _, name := range []string{"2015-01-04-husk-5.md", "2015-01-05-husk-6.md"} {
		file := filepath.Join(dest, "articles", "2015", name)
		wantArticle(t, file, "[![husk](https://example.org/a.jpg)](https://example.org/a.jpg)  \nChunk of resinous blackboy husk.\n")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		bodies = append(bodies, body)
	}
	if bodies[0] != bodies[1] {
		t.Errorf("the caption attribute gives the body\n%s\nthe caption's text gives\n%s", bodies[0], bodies[1])
	}
}

// TestBodyWarningLines reports what a post's HTML loses in Markdown at
// the line of its file where the element starts, front matter counted:
// in a paragraph, a block of HTML or an HTML post, and after Liquid tags,
// a <!--more--> or a shortcode that the conversion gave more or fewer
// lines.
func TestBodyWarningLines(t *testing.T) {
	type at struct {
		line int
		msg  string
	}
	for _, tc := range []struct {
		name, post, text string
		want             []at
	}{
		{"a paragraph and a block", "_posts/2020-01-02-styles.md",
			"---\ntitle: Styles\n---\nIntro.\nWe use <abbr title=\"Cascading Style Sheets\">CSS</abbr> here.\n\nMore.\n\nEven more.\n\nA video:\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n",
			[]at{{5, "an <abbr>'s expansion (its title) is left out"}, {12, "an embedded <iframe> is kept as a link to https://www.youtube.com/embed/x"}}},
		{"an insertion", "_posts/2020-01-02-ins.md",
			"---\ntitle: Ins\n---\nIntro.\n\n*<ins>[Nagios](https://www.nagios.org/)</ins> is paging*\n",
			[]at{{6, "a <ins> became plain text, as Markdown has no inserted text"}}},
		{"after a comment and more", "_posts/2020-01-02-water.md",
			"---\ntitle: Water\n---\nSummary.\n\n<!--more-->\n\n{% comment %}\nInternal\n{% endcomment %}\n\nText with H<sub>2</sub>O.\n",
			[]at{{12, "a <sub> became plain text"}}},
		{"a link Markdown writes", "_posts/2020-01-02-links.md",
			"---\ntitle: Links\n---\nFirst <b>bold</b>\nand [a link](javascript:alert(1)).\n",
			[]at{{5, "a javascript: address is left out, its text kept"}}},
		{"an HTML post", "_posts/2020-01-02-page.html",
			"---\ntitle: Page\n---\n<p>Intro.</p>\n<p>A <a href=\"javascript:alert(1)\">link</a>.</p>\n<script>track()</script>\n",
			[]at{{5, "a javascript: address is left out, its text kept"}, {6, "a <script> is left out"}}},
		{"after a Hugo note", "content/posts/clip.md",
			"+++\ntitle = 'Clip'\ndate = 2020-01-02\n+++\n{{< note >}}\nWatch this.\n{{< /note >}}\n\n<video src=\"/clip.mp4\" controls></video> and more.\n",
			[]at{{9, "an embedded <video> is kept as a link to /clip.mp4"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			config := "_config.yml"
			if strings.HasPrefix(tc.post, "content/") {
				config = "hugo.toml"
			}
			src := tree(t, map[string]string{config: "", tc.post: tc.text})
			r := mustImport(t, src, t.TempDir())
			for _, w := range tc.want {
				if !hasNote(r.Warnings, filepath.Join(src, filepath.FromSlash(tc.post)), w.line, w.msg) {
					t.Errorf("got warnings %v, want %q at line %d", r.Warnings, w.msg, w.line)
				}
			}
		})
	}
}

// TestJekyllTagsWithCommas reads categories and tags written as
// "a, b c" or "a,b" as the topics between the commas, as their editor
// meant them, not "a," and "b" and "c" as Jekyll parted them, while the
// old address keeps the categories as Jekyll wrote them, commas and all;
// names with no comma are parted at their spaces, as Jekyll did, and a
// singular field's text is one name, as Jekyll read it.
func TestJekyllTagsWithCommas(t *testing.T) {
	src := tree(t, map[string]string{
		"_posts/2020-01-01-one.md":      "---\ntitle: One\ncategories: \"news, policy\"\ntags: \"Ordnance Survey, QGIS\"\n---\nOne.\n",
		"_posts/2020-01-02-two.md":      "---\ntitle: Two\ntags: \"Python,Geocode,UPRN\"\n---\nTwo.\n",
		"_posts/2020-01-03-six.md":      "---\ntitle: Six\ntags: covid workforce\n---\nSix.\n",
		"_posts/2020-01-04-one-name.md": "---\ntitle: One name\ncategory: Data, Maps\n---\nOne.\n",
	})
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-01-one.md"), "topics: [news, policy, Ordnance Survey, QGIS]\n", "  - /news,/policy/2020/01/01/one.html\n")
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-two.md"), "topics: [Python, Geocode, UPRN]\n")
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-03-six.md"), "topics: [covid, workforce]\n")
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-04-one-name.md"), "topics: ['Data, Maps']\n")
}

// TestUndatedDraftImportedOnce imports a Jekyll draft without a date,
// dated by its file's time, then again after a checkout changed that
// time: the second import knows it, and writes no second draft.
func TestUndatedDraftImportedOnce(t *testing.T) {
	src := tree(t, map[string]string{"_config.yml": "", "_posts/.keep": "", "_drafts/a-draft.md": "---\ntitle: Draft thing\n---\nDraft body.\n"})
	draft := filepath.Join(src, "_drafts", "a-draft.md")
	dest := t.TempDir()
	for i, when := range []time.Time{time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)} {
		if err := os.Chtimes(draft, when, when); err != nil {
			t.Fatal(err)
		}
		r := mustImport(t, src, dest)
		if want := 1 - i; r.Written != want {
			t.Errorf("import %d wrote %d, want %d (skipped %v)", i+1, r.Written, want, r.Skipped)
		}
		if i > 0 && len(r.Warnings) > 0 {
			t.Errorf("import %d warned %v of a draft it did not write, want it named once, as skipped", i+1, r.Warnings)
		}
	}
	if got := files(t, dest); len(got) != 1 {
		t.Errorf("got files %v, want the one draft", got)
	}
}

// wantArticle checks that the article file at name holds each of wants.
func wantArticle(t *testing.T, name string, wants ...string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range wants {
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, data)
		}
	}
}

// TestPlainLinksFollowMoves rewrites links written as a post's old
// address, by path or under the old site's address, inline or in a
// reference definition, to its new URL, and leaves code and other sites
// alone. A link by path to a page the import lacks leads to the old
// site, with a warning, and so is one by the old site's address, either
// scheme, to such a page, one whose last part holds a dot too
// (/releases/v1.2.3/); one to a post's new URL, as a ref gives it, or to
// a file stays as written.
func TestPlainLinksFollowMoves(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                 "url: https://example.org\n",
		"_posts/2020-02-03-second.md": "---\ntitle: Second\n---\nTwo.\n",
		"_posts/2020-02-04-first.md": "---\ntitle: First\n---\nSee [d](/2020/02/03/second.html), [e](https://example.org/2020/02/03/second.html#part), " +
			"[f](https://other.example/2020/02/03/second.html), [g](/about/#team), [l](/2020/02/second/), [m](/files/a.pdf), [n](http://example.org/2019/05/06/gone.html), [o](https://example.org/files/b.pdf), [p](https://example.org/), [q](/releases/v1.2.3/) and `[h](/2020/02/03/second.html)`.\n" +
			"\nAs [i][] and [j][] said.\n\n[i]: /2020/02/03/second.html \"Second\"\n  [j]: <https://example.org/2020/02/03/second.html#part>\n" +
			"\n    [k]: /2020/02/03/second.html\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-02-04-first.md"),
		"See [d](/2020/02/second/), [e](/2020/02/second/#part), [f](https://other.example/2020/02/03/second.html), [g](https://example.org/about/#team), [l](/2020/02/second/), [m](/files/a.pdf), [n](http://example.org/2019/05/06/gone.html), [o](https://example.org/files/b.pdf), [p](https://example.org/), [q](https://example.org/releases/v1.2.3/) and `[h](/2020/02/03/second.html)`.",
		"[i]: /2020/02/second/ \"Second\"\n  [j]: /2020/02/second/#part\n", "\n    [k]: /2020/02/03/second.html\n")
	want := "links to addresses of the old site that no post imported has (/about/, /2019/05/06/gone.html, /releases/v1.2.3/) are left pointing there"
	if !hasNote(r.Warnings, filepath.Join(src, "_posts", "2020-02-04-first.md"), -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestMadeFilesLeadToOldSite links a post to files the old site's build
// made, which its folder does not hold to copy: a JSON file a plugin
// wrote and a stylesheet Sass made, which it lacks, and a list Jekyll
// made of a file with front matter. Where the old site's address is
// known they lead there, with a warning at the line of the first;
// where it is not, they are kept as written, named with what to do.
// Links to what bulletin itself serves (its feeds, sitemap, robots.txt,
// topics), to a file the import copies, and to one the content folder
// holds, are kept as written, and none is told, as are links to the
// lists of a year or month the articles have (/2015/), but not those of
// one they do not (/2014/); check then finds no link leading nowhere
// where the address is known.
func TestMadeFilesLeadToOldSite(t *testing.T) {
	post := "---\ntitle: Team\n---\nOur team.\n\nThe [little JSON API of our team](/api/data/team.json), [styles](/assets/main.css), [list](/data/list.csv#top).\n\n" +
		"[Feed](/feed.xml), [Atom](/atom.xml), [JSON](/feed.json), [sitemap](/sitemap.xml), [robots](/robots.txt), [topics](/topics/), [kept](/api/data/kept.json), [there](/extra/there.json), [2015](/2015/), [March](/2015/03/).\n\n[2014](/2014/)\n"
	for _, tt := range []struct {
		config, body, note, year string
		checks                   bool // check finds no problem
	}{
		{"url: https://old.example.org\n",
			"The [little JSON API of our team](https://old.example.org/api/data/team.json), [styles](https://old.example.org/assets/main.css), [list](https://old.example.org/data/list.csv#top).",
			"links to files the old site's build made, which its folder does not hold to copy (/api/data/team.json, /assets/main.css, /data/list.csv#top): the links now lead to the old site (https://old.example.org/api/data/team.json)",
			"[2014](https://old.example.org/2014/)", true},
		{"title: Old\n",
			"The [little JSON API of our team](/api/data/team.json), [styles](/assets/main.css), [list](/data/list.csv#top).",
			"kept as written, so check fails on them, as this site lacks them; save each from the old site into the content folder at its path, or point the links at the old site's address (with url in ",
			"[2014](/2014/)", false},
	} {
		src := tree(t, map[string]string{
			"_config.yml":               tt.config,
			"_posts/2015-03-04-team.md": post,
			"assets/main.scss":          "---\n---\n@import 'main';\n",
			"data/list.csv":             "---\n---\nname\n{% for p in site.posts %}{{ p.title }}\n{% endfor %}",
			"api/data/kept.json":        "{}",
		})
		dest := tree(t, map[string]string{"site.yaml": "title: Bulletin\n", "extra/there.json": "{}"})
		r := mustImport(t, src, dest)
		wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-03-04-team.md"), tt.body,
			"[Feed](/feed.xml), [Atom](/atom.xml), [JSON](/feed.json), [sitemap](/sitemap.xml), [robots](/robots.txt), [topics](/topics/), [kept](/api/data/kept.json), [there](/extra/there.json), [2015](/2015/), [March](/2015/03/).", tt.year)
		file := filepath.Join(src, "_posts", "2015-03-04-team.md")
		if !hasNote(r.Warnings, file, 6, tt.note) {
			t.Errorf("with %q: got warnings %v, want one at line 6 saying %q", tt.config, r.Warnings, tt.note)
		}
		for _, n := range r.Warnings {
			if n.Source == file && n.Line != 6 && !strings.Contains(n.Msg, "of the old site that no post imported has (/2014/)") {
				t.Errorf("with %q: got warning %v, want none but the one of the files made and the one of /2014/, a year no article has", tt.config, n)
			}
		}
		if errs := checkSite(t, dest); tt.checks && len(errs) > 0 {
			t.Errorf("with %q: check found %v, want nothing", tt.config, errs)
		}
	}
	// A Hugo site's search index, which its templates made, is not in
	// its static folder; its old feed, which feed_aliases keeps, is
	// bulletin's once site.yaml lists it, as the report asks.
	src := tree(t, map[string]string{
		"hugo.toml":          "baseURL = 'https://old.example.org/'\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nSee the [index](/index.json), [feed](/index.xml) and [image](/img/a.png).\n",
		"static/img/a.png":   "",
	})
	dest := mustImportInto(t, src)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), "See the [index](https://old.example.org/index.json), [feed](/index.xml) and [image](/img/a.png).")
	// A site under a path: a file its build made is there, after
	// {{ site.baseurl }} too, and the site's own is at its path from there.
	src = tree(t, map[string]string{
		"_config.yml":            "url: https://old.example.org\nbaseurl: /blog\n",
		"_posts/2020-01-02-t.md": "---\ntitle: T\n---\nSee [api]({{ site.baseurl }}/api/x.json), [feed]({{ site.baseurl }}/feed.xml) and [sitemap](/blog/sitemap.xml).\n",
	})
	dest = t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-t.md"), "See [api](https://old.example.org/blog/api/x.json), [feed](/feed.xml) and [sitemap](/sitemap.xml).")
	if want := "links to /blog/api/x.json, a file the old site's build made, which its folder does not hold to copy: the link now leads to the old site, https://old.example.org/blog/api/x.json, and nowhere once it closes; save the file from there into the content folder at api/x.json and point the link back at /api/x.json"; !hasNote(r.Warnings, filepath.Join(src, "_posts", "2020-01-02-t.md"), 4, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestFeedAliasKept names the old site's feeds, the whole site's and
// each section's, in the report until the content folder's site.yaml
// keeps them in feed_aliases.
func TestFeedAliasKept(t *testing.T) {
	for _, tt := range []struct {
		settings string
		want     []string
	}{
		{"title: Bulletin\n", []string{"/index.xml", "/posts/index.xml"}},
		{"title: Bulletin\nfeed_aliases: [/index.xml]\n", []string{"/posts/index.xml"}},
		{"title: Bulletin\nfeed_aliases: [/index.xml, /posts/index.xml]\n", nil},
	} {
		src := tree(t, map[string]string{
			"hugo.toml":              "baseURL = 'https://old.example.org/'\n",
			"content/posts/notes.md": "---\ntitle: Notes\ndate: 2022-05-02\n---\nNotes.\n",
		})
		dest := tree(t, map[string]string{"site.yaml": tt.settings})
		if r := mustImport(t, src, dest); !slices.Equal(r.Feeds, tt.want) {
			t.Errorf("with site.yaml %q: got feeds %q, want %q", tt.settings, r.Feeds, tt.want)
		}
	}
}

// TestHugoDatedFileName imports a post whose file name starts with its
// date, as Hugo sites often name them: its slug leaves the date out, as
// the new address has it already, and its old address is kept.
func TestHugoDatedFileName(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml": "baseURL = 'https://old.example.org/'\n",
		"content/posts/2010-06-12-bbqworld-cup.md":   "---\ntitle: BBQ World Cup\ndate: 2010-06-12 23:10\n---\nText.\n",
		"content/posts/2010-06-20-reunion.md":        "---\ntitle: Reunion\ndate: 2010-09-01\n---\nText.\n",
		"content/posts/2011-01-02-2010-in-review.md": "---\ntitle: Review\ndate: 2011-01-02\n---\nText.\n",
	})
	dest := mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		// The day is the site's, in London, an hour ahead.
		"articles/2010/2010-06-13-bbqworld-cup.md": {"slug: bbqworld-cup\n", "/posts/2010-06-12-bbqworld-cup/"},
		// A date that is not the post's is part of its name.
		"articles/2010/2010-09-01-2010-06-20-reunion.md": {"slug: 2010-06-20-reunion\n"},
		"articles/2011/2011-01-02-2010-in-review.md":     {"slug: 2010-in-review\n"},
	})
}

// TestHugoDateFromFileName dates a post by its file name where the
// config's frontmatter.date says to (Velero's site), with the slug the
// rest of the name gives, as Hugo took both.
func TestHugoDateFromFileName(t *testing.T) {
	src := tree(t, map[string]string{
		"config.yaml": "baseURL: https://old.example.org/\nfrontmatter:\n  date: [':filename', ':default']\npermalinks:\n  posts: /blog/:slug/\n",
		"content/posts/2019-11-07-Velero-1.2-Sets-Sail.md": "---\ntitle: Velero 1.2 sets sail\n---\nText.\n",
		"content/posts/2020-01-02-named.md":                "---\ntitle: Named\nslug: own-slug\n---\nText.\n",
		"content/posts/2021-03-04-bundle-1.5/index.md":     "---\ntitle: A bundle\n---\nText.\n",
	})
	dest := mustImportInto(t, src)
	wantWritten(t, dest, map[string][]string{
		"articles/2019/2019-11-07-velero-1-2-sets-sail.md": {"date: 2019-11-07", "- /blog/velero-1.2-sets-sail/\n"},
		"articles/2020/2020-01-02-own-slug.md":             {"date: 2020-01-02", "- /blog/own-slug/\n"},
		"articles/2021/2021-03-04-bundle-1-5.md":           {"date: 2021-03-04", "- /blog/bundle-1.5/\n"},
	})
}

// TestThemeBylineAndExcerpt takes a theme's author_name as the author,
// where the post names none otherwise, and a Hugo post's excerpt as its
// summary, as Contour's and Velero's themes showed them.
func TestThemeBylineAndExcerpt(t *testing.T) {
	for _, tt := range []struct{ config, file string }{
		{"config.yaml", "content/posts/news.md"},
		{"_config.yml", "_posts/2020-05-01-news.md"},
	} {
		src := tree(t, map[string]string{tt.config: "", tt.file: "---\ntitle: News\ndate: 2020-05-01\nauthor_name: Nick Young\nexcerpt: Contour is now part of the CNCF.\n---\nHi everyone, my name is Nick.\n"})
		dest := mustImportInto(t, src)
		wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-05-01-news.md"), "authors: [Nick Young]\n", "summary: Contour is now part of the CNCF.\n")
	}
}

// TestJekyllLinkToAFile writes a {% link %} to a file of the site as the
// file's address, and copies the file, and one to a page that is no
// post as its path on the old site, told; neither left as a tag, which in a reference
// definition made the definitions after it text (Contour's posts).
func TestJekyllLinkToAFile(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":         "url: https://example.org\npermalink: /:title/\ncollections:\n  guides:\n    output: true\n",
		"img/posts/chart.png": "\x89PNG",
		"_guides/setup.md":    "---\ntitle: Setup\n---\nSteps.\n",
		"_posts/2020-01-02-news.md": "---\ntitle: News\n---\n![chart][1]\n\nRead [the guide][2] and [the docs][3].\n\n" +
			"[1]: {% link img/posts/chart.png %}\n[2]: {% link _guides/setup.md %}\n[3]: https://example.com/docs\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	// The guide's path leads to the old site, as a link to a page no
	// post imported does.
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-news.md"), "[1]: /img/posts/chart.png\n", "[2]: https://example.org/_guides/setup.md\n", "[3]: https://example.com/docs\n")
	if _, err := os.Stat(filepath.Join(dest, "img", "posts", "chart.png")); err != nil {
		t.Errorf("the chart is not copied: %v", err)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "_posts", "2020-01-02-news.md"), -1, "{% link _guides/setup.md %} names a page, not a post of this import: its path, /_guides/setup.md, is written instead") {
		t.Errorf("the link to the guide is not told: %v", r.Warnings)
	}
}

// TestHugoThemeStatic copies a file a post shows from the theme's static
// folder, which Hugo served beside the site's own (Contour's images),
// and the site's own where both have one.
func TestHugoThemeStatic(t *testing.T) {
	src := tree(t, map[string]string{
		"config.yaml":                          "theme: contour\n",
		"themes/contour/static/img/leader.png": "theme's",
		"themes/contour/static/img/both.png":   "theme's",
		"static/img/both.png":                  "site's",
		"content/posts/news.md":                "---\ntitle: News\ndate: 2020-05-01\n---\n![Leader](/img/leader.png) ![Both](/img/both.png)\n",
	})
	dest := mustImportInto(t, src)
	for name, want := range map[string]string{"leader.png": "theme's", "both.png": "site's"} {
		if data, err := os.ReadFile(filepath.Join(dest, "img", name)); err != nil || string(data) != want {
			t.Errorf("img/%s: %q, %v; want the %s copied", name, data, err, want)
		}
	}
}

// TestHugoContentFiles copies the files of Hugo's content folder outside
// a page bundle that a post shows: by their path from the site's top,
// where Hugo published them (/images/chart.png), and by a path from the
// post's own file (img/arch.png beside a post of the blog section, as
// Thanos keeps them), to the article's folder, where that path finds
// them.
func TestHugoContentFiles(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":                       "baseURL = 'https://example.org/'\n",
		"content/images/chart.png":        "chart",
		"content/posts/c.md":              "---\ntitle: Chart\ndate: 2020-01-02\n---\nSee ![Chart](/images/chart.png)\n",
		"content/blog/img/arch.png":       "arch",
		"content/blog/2022-09-08-arch.md": "---\ntitle: Arch\ndate: 2022-09-08\n---\nSee ![Architecture](img/arch.png) and ![Gone](img/gone.png)\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	for name, want := range map[string]string{"images/chart.png": "chart", "2022/09/arch/img/arch.png": "arch"} {
		if data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name))); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v; want it copied", name, data, err)
		}
	}
	if r.Copied != 2 {
		t.Errorf("copied %d files, want 2", r.Copied)
	}
}

// TestHugoUnknownPairedShortcodeKept keeps a theme's shortcode that
// wraps a template example (the Hugo docs' code and output), on lines of
// its own, as a code block with all it holds, as written: its HTML was
// converted as the post's own, turning <h1>{{ .Title }}</h1> into a
// heading. One inside a paragraph stays as text, and so does one whose
// text is Markdown ({{% notice %}}).
func TestHugoUnknownPairedShortcodeKept(t *testing.T) {
	pair := "{{< code file=\"single.html\" >}}\n<article>\n  <h1>{{ .Title }}</h1>\n  <a href=\"{{ .Permalink }}\">link</a>\n</article>\n{{< /code >}}"
	note := "{{% notice info %}}\nSome **bold** advice for [readers](https://example.org/).\n{{% /notice %}}"
	src := tree(t, map[string]string{
		"config.toml":        "baseURL = 'https://example.org/'\n",
		"content/posts/a.md": "---\ntitle: A template\ndate: 2020-01-02\n---\nPut this in your template:\n\n" + pair + "\n\nPress {{< kbd >}}Enter{{< /kbd >}}.\n\n" + note + "\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), "```\n"+pair+"\n```\n", "Press {{< kbd >}}Enter{{< /kbd >}}.", "\n"+note+"\n")
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "a.md"), 7, "with what it holds, kept as text in a code block") {
		t.Errorf("the code block is not told: %v", r.Warnings)
	}
}

// TestHugoCodeShortcodeOfPlainText keeps a shortcode that shows code,
// Hugo's docs' code and output, as a code block with all it holds where
// that is plain text, where it was read as Markdown: a shell's # comment
// became a heading, and the --- of front matter shown made one of the
// line above it. A paired shortcode of another name, holding prose,
// stays as text the article's Markdown reads, and so does one whose
// argument is a label for readers ("Go"), not the name of a language.
// One whose arguments name the language of the code it shows, as
// Hugo's highlight takes it first, is one that shows code too: Istio's
// site gives each command and its output as {{< text bash >}}, whose
// -P PREROUTING lines became a list.
func TestHugoCodeShortcodeOfPlainText(t *testing.T) {
	for _, pair := range []string{
		"{{< code file=\"install.sh\" >}}\n# install with brew\nbrew install hugo\n{{< /code >}}",
		"{{< code file=\"content/posts/_index.md\" >}}\n---\ntitle: My Go Journey\n---\n\nI decided to start learning Go.\n{{< /code >}}",
		"{{< output file=\"public/index.txt\" >}}\nHello\n=====\n{{< /output >}}",
		"{{< code-toggle file=\"config\" >}}\nbaseURL = \"https://example.org/\"\n[params]\n# a comment\n{{< /code-toggle >}}",
		"{{< text bash >}}\n$ nsenter -t 4215 -n iptables -t nat -S\n-P PREROUTING ACCEPT\n-N ISTIO_INBOUND\n{{< /text >}}",
		"{{< text bash yaml>}}\n$ kubectl get svc\n# SNIPPET from the output:\npolicy: enabled\n{{< /text >}}",
		"{{< tab header=\"Go\" lang=\"go\" >}}\n// Hello greets.\nfunc Hello() {}\n{{< /tab >}}",
	} {
		src := tree(t, map[string]string{
			"config.toml":        "baseURL = 'https://example.org/'\n",
			"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nIntro.\n\n" + pair + "\n",
		})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), "```\n"+pair+"\n```\n")
		if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "a.md"), 7, "with what it holds, kept as text in a code block") {
			t.Errorf("%s: the code block is not told: %v", pair, r.Warnings)
		}
	}
	for _, prose := range []string{
		"{{< panel >}}\n# Before you start\n\nBack up your site.\n{{< /panel >}}",
		"{{< tab \"Go\" >}}\nInstall **Go** first.\n{{< /tab >}}",
	} {
		src := tree(t, map[string]string{
			"config.toml":        "baseURL = 'https://example.org/'\n",
			"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nIntro.\n\n" + prose + "\n",
		})
		dest := mustImportInto(t, src)
		wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), "\n"+prose+"\n")
	}
}

// TestHugoBundleResourcesAndHeadless skips the content files of a leaf
// bundle other than its page (a bio its theme shows), and a headless
// bundle's page and files, which Hugo never published as pages, rather
// than failing on them as posts without a date (the Hugo docs site's).
func TestHugoBundleResourcesAndHeadless(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml":                    "baseURL = 'https://example.org/'\n",
		"content/posts/launch/index.md":  "---\ntitle: Launch\ndate: 2020-01-02\n---\nWe launched.\n",
		"content/posts/launch/bio.md":    "A short bio shown by the theme.\n",
		"content/posts/launch/more/x.md": "More of it.\n",
		"content/posts/notes/index.md":   "---\nheadless: true\n---\n",
		"content/posts/notes/snippet.md": "Reusable text.\n",
	})
	r := mustImport(t, src, t.TempDir())
	if r.Written != 1 || len(r.Skipped) != 4 {
		t.Errorf("wrote %d, skipped %v; want the launch written and four skipped", r.Written, r.Skipped)
	}
	posts := filepath.Join(src, "content", "posts")
	for file, why := range map[string]string{
		filepath.Join(posts, "launch", "bio.md"):       "a page resource of the bundle content/posts/launch",
		filepath.Join(posts, "launch", "more", "x.md"): "a page resource of the bundle content/posts/launch",
		filepath.Join(posts, "notes", "snippet.md"):    "a page resource of the bundle content/posts/notes",
		filepath.Join(posts, "notes", "index.md"):      "headless: true, so Hugo made no page of it",
	} {
		if !hasNote(r.Skipped, file, -1, why) {
			t.Errorf("%s: not skipped as %q: %v", file, why, r.Skipped)
		}
	}
}

// TestHugoThemeLinked names a file a post shows from the static folder of
// a theme that is a symbolic link to a folder outside the site, rather
// than copying it or saying nothing.
func TestHugoThemeLinked(t *testing.T) {
	src := tree(t, map[string]string{
		"config.yaml":           "theme: contour\n",
		"content/posts/news.md": "---\ntitle: News\ndate: 2020-05-01\n---\n![Leader](/img/leader.png)\n",
	})
	outside := tree(t, map[string]string{"static/img/leader.png": "theme's"})
	if err := os.MkdirAll(filepath.Join(src, "themes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(src, "themes", "contour")); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if slices.Contains(files(t, dest), "img/leader.png") {
		t.Error("the theme's file is copied through the link")
	}
	want := "links to themes/contour/static/img/leader.png, which cannot be read within the site's folder"
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "news.md"), -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestHugoParamShortcode shows Hugo's param shortcode as the text it
// showed: the post's field of that name, else the site's param.
func TestHugoParamShortcode(t *testing.T) {
	src := tree(t, map[string]string{
		"config.yaml":           "params:\n  github_url: https://github.com/projectcontour/contour\n",
		"content/posts/news.md": "---\ntitle: News\ndate: 2020-05-01\nversion: v0.15.0\n---\nSee [the notes]({{< param github_url >}}/releases/tag/{{< param \"version\" >}}) and {{< param missing >}}.\n",
	})
	dest := mustImportInto(t, src)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-05-01-news.md"), "See [the notes](https://github.com/projectcontour/contour/releases/tag/v0.15.0) and {{< param missing >}}.")
}

// TestJekyllFeedWithoutURL tells a site whose jekyll-feed made its feed
// with no url set that its feed ids cannot be kept (Velero's site), and
// says nothing of one with url set.
func TestJekyllFeedWithoutURL(t *testing.T) {
	post := "---\ntitle: News\n---\nText.\n"
	for config, want := range map[string]bool{"plugins: [jekyll-feed]\n": true, "plugins: [jekyll-feed]\nurl: https://example.org\n": false, "": false} {
		src := tree(t, map[string]string{"_config.yml": config, "_posts/2020-05-01-news.md": post})
		r := mustImport(t, src, t.TempDir())
		if got := hasNote(r.Warnings, filepath.Join(src, "_config.yml"), 0, "url: not set, so the old feed's entry ids"); got != want {
			t.Errorf("with %q: told %v, want %v; warnings %v", config, got, want, r.Warnings)
		}
	}
}

// TestJekyllFeedByGemfileOrTheme keeps jekyll-feed's ids for a site that
// turns the plugin on in its Gemfile's jekyll_plugins group or by a theme
// whose gem brings it along (minima), not in _config.yml's plugins, where
// the site was warned of as having no feed.
func TestJekyllFeedByGemfileOrTheme(t *testing.T) {
	const lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    jekyll-theme-tidy (1.2.0)\n      jekyll (>= 3.5)\n      jekyll-feed (~> 0.9)\n    jekyll-theme-bare (1.0.0)\n      jekyll (>= 3.5)\n    jekyll-feed (0.17.0)\n      jekyll (>= 3.7)\n"
	for _, tt := range []struct {
		name   string
		files  map[string]string
		config string
		feed   bool // whether jekyll-feed made the feed
	}{
		{"Gemfile group", map[string]string{"Gemfile": "source \"https://rubygems.org\"\ngem \"jekyll\", \"~> 4.3\"\n\ngroup :jekyll_plugins do\n  gem \"jekyll-feed\", \"~> 0.12\"\nend\n"}, "", true},
		{"Gemfile group option", map[string]string{"Gemfile": "gem 'jekyll-feed', '~> 0.12', group: :jekyll_plugins\n"}, "", true},
		{"Gemfile group of two", map[string]string{"Gemfile": "group :jekyll_plugins, :development do\n  gem \"jekyll-feed\"\nend\n"}, "", true},
		{"Gemfile outside the group", map[string]string{"Gemfile": "group :jekyll_plugins do\n  gem \"jekyll-sitemap\"\nend\ngem \"jekyll-feed\"\n"}, "", false},
		{"Gemfile commented out", map[string]string{"Gemfile": "group :jekyll_plugins do\n  # gem \"jekyll-feed\"\nend\n"}, "", false},
		{"Gemfile's other block closed", map[string]string{"Gemfile": "group :jekyll_plugins do\n  platforms :mingw do\n    gem \"wdm\"\n  end\nend\ngem \"jekyll-feed\"\n"}, "", false},
		{"Gemfile's if closed inside the group", map[string]string{"Gemfile": "group :jekyll_plugins do\n  if ENV[\"CI\"]\n    gem \"wdm\"\n  end\n  gem \"jekyll-feed\"\nend\n"}, "", true},
		{"Gemfile's group on one line", map[string]string{"Gemfile": "group :jekyll_plugins do gem \"jekyll-feed\" end\n"}, "", true},
		{"Gemfile's group in braces", map[string]string{"Gemfile": "group(:jekyll_plugins) { gem 'jekyll-feed' }\n"}, "", true},
		{"Gemfile's other group on one line", map[string]string{"Gemfile": "group :test do gem \"jekyll-feed\" end\n"}, "", false},
		{"Gemfile's gem with an if after it", map[string]string{"Gemfile": "group :jekyll_plugins do\n  gem \"wdm\" if Gem.win_platform?\n  gem \"jekyll-feed\"\nend\n"}, "", true},
		{"theme minima", nil, "theme: minima\n", true},
		{"theme whose lock needs jekyll-feed", map[string]string{"Gemfile.lock": lock}, "theme: jekyll-theme-tidy\n", true},
		{"theme whose lock does not", map[string]string{"Gemfile.lock": lock}, "theme: jekyll-theme-bare\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"_posts/2020-11-14-hello.md": "---\ntitle: Hello\n---\nText.\n"}
			for name, text := range tt.files {
				files[name] = text
			}
			files["_config.yml"] = "url: https://example.org\npermalink: /posts/:title/\n" + tt.config
			src := tree(t, files)
			r := mustImport(t, src, t.TempDir())
			if got := hasNote(r.Warnings, filepath.Join(src, "_config.yml"), 0, "no feed found"); got == tt.feed {
				t.Errorf("warned of no feed: %v, want %v; warnings %v", got, !tt.feed, r.Warnings)
			}
			files["_config.yml"] = "permalink: /posts/:title/\n" + tt.config
			src = tree(t, files)
			r = mustImport(t, src, t.TempDir())
			if got := hasNote(r.Warnings, filepath.Join(src, "_config.yml"), 0, "url: not set, so the old feed's entry ids"); got != tt.feed {
				t.Errorf("without url, warned of the feed's ids: %v, want %v; warnings %v", got, tt.feed, r.Warnings)
			}
		})
	}
}

// TestJekyllVideoTag makes a Jekyll plugin's video tag a link to the
// video, by its id or its address, as Hugo's shortcode of that name is
// made, and leaves out the attribute list after it (Contour's posts).
func TestJekyllVideoTag(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":               "",
		"_posts/2020-05-01-talk.md": "---\ntitle: Talk\n---\n{% youtube dQw4w9WgXcQ %}{: .center-image }\n\n{% vimeo https://vimeo.com/12345 %}\n",
	})
	dest := mustImportInto(t, src)
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-05-01-talk.md"))
	if err != nil {
		t.Fatalf("%v; wrote %v", err, files(t, dest))
	}
	for _, w := range []string{"(https://www.youtube.com/watch?v=dQw4w9WgXcQ)", "[Video](https://vimeo.com/12345)"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("the article lacks %q:\n%s", w, data)
		}
	}
	if strings.Contains(string(data), "{") {
		t.Errorf("the article keeps a tag or an attribute list:\n%s", data)
	}
}

// TestHugoLanguageFolders imports a site whose content folder is its
// default language's, beside the others' (the Kubernetes site's
// layout): each page in its language, at its address; the pages of a
// language disableLanguages names left out in one line; a language whose
// folder is missing told, without failing the import, but for one
// disabled.
func TestHugoLanguageFolders(t *testing.T) {
	post := "---\ntitle: Hello\ndate: 2023-01-02\n---\nHi.\n"
	config := "baseURL = 'https://example.org'\ncontentDir = 'content/en'\ndisableLanguages = ['de', 'it']\n[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n[languages.de]\ncontentDir = 'content/de'\n[languages.es]\ncontentDir = 'content/es'\n[languages.it]\ncontentDir = 'content/it'\n"
	src := tree(t, map[string]string{"hugo.toml": config, "content/en/blog/hello.md": post, "content/fr/blog/hello.md": post, "content/de/blog/hello.md": post})
	dest := t.TempDir()
	r, err := Run(Options{Source: src, Dest: dest})
	if err != nil || r.Written != 2 || r.Problems() > 0 {
		t.Fatalf("wrote %d, %d problems (%v); skipped %v", r.Written, r.Problems(), err, r.Skipped)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2023", "2023-01-02-hello-fr.md"), "- /fr/blog/hello/\n", "lang: fr\n")
	if !hasNote(r.Skipped, filepath.Join(src, "hugo.toml"), 0, "1 page in de, which disableLanguages names") {
		t.Errorf("the German page is not told: %v", r.Skipped)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "content", "es"), 0, "a language's content folder") {
		t.Errorf("the missing Spanish folder is not told: %v", r.Warnings)
	}
	// Hugo reads no folder of a language disableLanguages names: one
	// missing is no news.
	if hasNote(r.Warnings, filepath.Join(src, "content", "it"), 0, "a language's content folder") {
		t.Errorf("the missing folder of Italian, disabled, is told: %v", r.Warnings)
	}
}

// TestHugoURLPlaceholders fills in the permalink placeholders of a
// page's url, as Hugo does since 0.123 (the Kubernetes blog's 2016
// posts): the old address, its feed id and links to it follow.
func TestHugoURLPlaceholders(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":             "baseURL = 'https://example.org'\n[permalinks]\nblog = '/:section/:year/:month/:day/:slug/'\n",
		"content/blog/old.md":   "---\ntitle: Old post\ndate: 2016-06-21\nslug: old-post\nurl: /:section/:year/:month/:slug/\n---\nText.\n",
		"content/blog/newer.md": "---\ntitle: Newer\ndate: 2016-07-01\nslug: newer\n---\nSee [the old post](/blog/2016/06/old-post/).\n",
	})
	dest := mustImportInto(t, src)
	wantArticle(t, filepath.Join(dest, "articles", "2016", "2016-06-21-old-post.md"), "- /blog/2016/06/old-post/\n", "id: https://example.org/blog/2016/06/old-post/\n")
	newer, err := os.ReadFile(filepath.Join(dest, "articles", "2016", "2016-07-01-newer.md"))
	if err != nil || !strings.Contains(string(newer), "(/2016/06/old-post/)") {
		t.Errorf("the link to the old post is not the article's: %s (%v)", newer, err)
	}
}

// TestKeptAsTextToldOnce tells a shortcode or Liquid tag kept as text
// once a post, at its first line, with how many more follow.
func TestKeptAsTextToldOnce(t *testing.T) {
	for _, tt := range []struct{ name, config, post, want string }{
		{"Hugo", "config.toml", "content/posts/maths.md: ---\ntitle: Maths\ndate: 2024-01-02\n---\n{{< katex >}}a{{< /katex >}}\n\n{{< katex >}}b{{< /katex >}}\n\n{{< katex >}}c{{< /katex >}}\n",
			"Hugo shortcode {{< katex >}} kept as text (and 2 more below)"},
		{"Jekyll", "_config.yml", "_posts/2024-01-02-loops.md: ---\ntitle: Loops\n---\n{% assign a = 1 %}\n\nText.\n\n{% assign b = 2 %}\n",
			"Liquid tag {% assign a = 1 %} kept as text (and 1 more below)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file, text, _ := strings.Cut(tt.post, ": ")
			src := tree(t, map[string]string{tt.config: "", file: text})
			r := mustImport(t, src, t.TempDir())
			var told []string
			for _, n := range r.Warnings {
				if strings.Contains(n.Msg, "kept as text") {
					told = append(told, n.Msg)
				}
			}
			if len(told) != 1 || told[0] != tt.want {
				t.Errorf("told %q, want %q alone", told, tt.want)
			}
		})
	}
}

// TestPostDatedBeforeTheYear1000 refuses a post whose date a build
// would refuse, naming it, and imports the others.
func TestPostDatedBeforeTheYear1000(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":               "",
		"_posts/0000-01-07-con.md":  "---\ntitle: Con\n---\nBody.\n",
		"_posts/2025-01-03-fine.md": "---\ntitle: Fine\n---\nBody.\n",
	})
	r := mustImport(t, src, t.TempDir())
	if con := filepath.Join(src, "_posts", "0000-01-07-con.md"); r.Written != 1 || r.Problems() != 1 || !hasNote(r.Skipped, con, -1, "dated 0000-01-07, outside the years 1000 to 9999 a build reads: not imported") {
		t.Errorf("wrote %d, skipped %v; want the post of year 0 refused", r.Written, r.Skipped)
	}
}

// TestJekyllPlugins imports a post of a site whose _config.yml turns on
// jekyll-mentions, whose @names become links as the old site showed
// them, and jemoji, whose :names: are told of, as this site shows them
// as written.
func TestJekyllPlugins(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                  "plugins:\n  - jekyll-feed\n  - jemoji\n  - jekyll-mentions\n",
		"_posts/2018-09-19-release.md": "---\ntitle: Release\n---\nThanks to @parkr. Happy Jekylling! :sparkles:\n\nAt 10:30:00 sharp.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2018", "2018-09-19-release.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Thanks to [@parkr](https://github.com/parkr).") {
		t.Errorf("the mention is not linked:\n%s", data)
	}
	post := filepath.Join(src, "_posts", "2018-09-19-release.md")
	if !hasNote(r.Warnings, post, -1, ":sparkles:: jemoji showed such names as emoji on the old site") || hasNote(r.Warnings, post, -1, ":30:") {
		t.Errorf("warnings %v, want :sparkles: told of, and not the time", r.Warnings)
	}
}

// TestEmojiNames finds the emoji written by name in a Markdown body's
// prose, as VitePress, GitHub and jemoji show them, and not in code, a
// time or an address.
func TestEmojiNames(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		first    string // the text from the first on
	}{
		{"two, each once", "Out now :tada: with :sparkles: and :tada:.\n", []string{":tada:", ":sparkles:"}, ":tada: with"},
		{"in brackets, at a line's start", "A.\n:rocket: (:white_check_mark:)\n", []string{":rocket:", ":white_check_mark:"}, ":rocket: ("},
		{"after a code span", "Run `a :tada: b` then :sparkles:\n", []string{":sparkles:"}, ":sparkles:\n"},
		{"in code only", "`:tada:`\n\n```\n:sparkles:\n```\n\n    :rocket:\n", nil, ""},
		{"a time", "At 10:30:00, and 12:fine: too.\n", nil, ""},
		{"addresses", "See https://example.org/:tada: and [it](/a/:b:/).\n", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names, first := emojiNames(tc.in)
			if !slices.Equal(names, tc.want) || (first >= 0) != (tc.first != "") || first >= 0 && !strings.HasPrefix(tc.in[first:], tc.first) {
				t.Errorf("emojiNames(%q) = %q, %d; want %q, the first at %q", tc.in, names, first, tc.want, tc.first)
			}
		})
	}
}

// TestEmojiNamesTold tells, at its line, of the emoji written by name
// in a post of a Jekyll site without jemoji, as a VitePress post copied
// into _posts has them, and in a Hugo site's with enableEmoji, which
// their old sites showed as emoji and this one as written; not in a
// Hugo site's without it, which showed them as written too.
func TestEmojiNamesTold(t *testing.T) {
	body := "Released at 10:30:00.\n\n```\n:sparkles:\n```\n\nThanks, all :tada: :sparkles:\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		post  string
		line  int
		want  string
	}{
		{"Jekyll", map[string]string{"_config.yml": "title: T\n", "_posts/2024-05-01-v2.md": "---\ntitle: V2\n---\n" + body}, "_posts/2024-05-01-v2.md", 10, ":tada:, :sparkles:: emoji written by name, kept as text"},
		{"Hugo with enableEmoji", map[string]string{"hugo.toml": "enableEmoji = true\n", "content/posts/v2.md": "---\ntitle: V2\ndate: 2024-05-01\n---\n" + body}, "content/posts/v2.md", 11, ":tada:, :sparkles:: Hugo's enableEmoji showed such names as emoji on the old site"},
		{"Hugo without", map[string]string{"hugo.toml": "title = 'T'\n", "content/posts/v2.md": "---\ntitle: V2\ndate: 2024-05-01\n---\n" + body}, "content/posts/v2.md", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, tc.files)
			r := mustImport(t, src, t.TempDir())
			post := filepath.Join(src, filepath.FromSlash(tc.post))
			var told []Note
			for _, n := range r.Warnings {
				if strings.Contains(n.Msg, ":tada:") || strings.Contains(n.Msg, ":30:") {
					told = append(told, n)
				}
			}
			switch {
			case tc.want == "" && len(told) > 0:
				t.Errorf("told %v, want nothing of what the old site showed as written too", told)
			case tc.want != "" && (len(told) != 1 || !hasNote(told, post, tc.line, tc.want)):
				t.Errorf("told %v, want %s:%d: %s", told, post, tc.line, tc.want)
			}
		})
	}
}

// TestHugoTemplateTagsTold tells of a template tag left in a Hugo post,
// once for each, which Hugo showed as written and check warns of.
func TestHugoTemplateTagsTold(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml":          "",
		"content/posts/vim.md": "---\ntitle: Vim\ndate: 2013-05-20\n---\n![editing]({{ site.url }}/a.png)\n\n![saving]({{ site.url }}/b.png)\n\n```\n{{ not.this }}\n```\n",
	})
	r := mustImport(t, src, t.TempDir())
	var told []string
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, "template tag") {
			told = append(told, n.Msg)
		}
	}
	if want := "template tag {{ site.url }} kept as text, as Hugo showed it: write what it stood for (and 1 more below)"; len(told) != 1 || told[0] != want {
		t.Errorf("told %q, want %q alone", told, want)
	}
}

// TestJekyllFeeds imports a site whose jekyll-feed published its feed at
// another path and a feed for a category: the report lists the one for
// feed_aliases, and says where the other's posts are followed now.
func TestJekyllFeeds(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                  "feed:\n  path: atom.xml\n  categories: [release, gone]\n",
		"_posts/2018-09-19-release.md": "---\ntitle: Release\ncategory: release\n---\nText.\n",
	})
	r, err := Run(Options{Source: src, Dest: t.TempDir(), Regulators: []string{"release"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Feeds, []string{"/atom.xml"}) {
		t.Errorf("feeds %q, want /atom.xml", r.Feeds)
	}
	config := filepath.Join(src, "_config.yml")
	for _, want := range []string{
		"jekyll-feed published /feed/release.xml for the category release, now the regulator release, whose feed is /regulators/release/feed.xml: redirect the one to the other",
		"jekyll-feed published /feed/gone.xml for the category gone, which no post imported has",
	} {
		if !hasNote(r.Warnings, config, -1, want) {
			t.Errorf("warnings %v, want %q", r.Warnings, want)
		}
	}
}

// TestWordPressComMedia names the media host of a WordPress.com blog,
// which its posts show directly or through WordPress.com's image
// servers, as the blog's own uploads: they go when the blog closes.
// Another blog's, and another site's shown through an image server, are
// other sites' uploads.
func TestWordPressComMedia(t *testing.T) {
	src := exportShowing(t, "oldnews.wordpress.com", "https://oldnews.files.wordpress.com/2008/06/map.jpg", "https://i0.wp.com/oldnews.files.wordpress.com/2008/06/chart.png?w=604",
		"https://otherblog.files.wordpress.com/2009/01/x.jpg", "https://i0.wp.com/elsewhere.example.net/wp-content/uploads/y.jpg")
	r := mustImport(t, src, t.TempDir())
	for _, want := range []string{
		"2 posts show images or files from https://oldnews.files.wordpress.com/, https://i0.wp.com/oldnews.files.wordpress.com/, which are not copied",
		"2 posts show images or files from the uploads of other sites (elsewhere.example.net, otherblog.files.wordpress.com), linked there as before",
	} {
		if !hasNote(r.Warnings, src, 0, want) {
			t.Errorf("got warnings %v, want %q", r.Warnings, want)
		}
	}
}

// exportShowing writes a WordPress export of the blog at host, a post
// for each image, which it shows, and gives its path.
func exportShowing(t *testing.T, host string, images ...string) string {
	t.Helper()
	var items string
	for i, img := range images {
		item := wxrItemXML(6+i, fmt.Sprint("Post ", i), fmt.Sprint("post-", i), "publish", "post")
		items += strings.Replace(item, "<p>Post", "<p><img src='"+img+"' alt='A picture'>Post", 1)
	}
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(strings.ReplaceAll(wxrXML(items), "old.example.org", host)), 0o644); err != nil {
		t.Fatal(err)
	}
	return src
}

// importItems writes an export of the items given, imports it into a
// folder of its own, and gives the export's path, the folder and the
// report.
func importItems(t *testing.T, items string) (src, dest string, r Report) {
	t.Helper()
	src = filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(items)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest = t.TempDir()
	return src, dest, mustImport(t, src, dest)
}

// TestWordPressLinksAway names the addresses of the old site that a post
// links to and no post imported has, which keep pointing there; links to
// posts imported, the home page, uploads and other sites are not named.
func TestWordPressLinksAway(t *testing.T) {
	item := wxrItemXML(6, "Post", "post", "publish", "post")
	links := `<a href="https://old.example.org/about/">about</a> <a href="https://old.example.org/2018/11/03/gone/">gone</a> <a href="https://old.example.org/">home</a> <a href="https://old.example.org/?utm_source=x">home again</a> <a href="https://old.example.org/wp-content/uploads/a.pdf">file</a> <a href="https://old.example.org/?p=99">lost</a> <a href="https://search.example.com/search?p=cqc">search</a>`
	item = strings.Replace(item, "<p>Post", "<p>"+links+" Post", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, src, t.TempDir())
	// The item's own link to an earlier post, post 7, is the one more.
	want := "links to addresses of the old site that no post imported has (/about/, /2018/11/03/gone/, /?p=99, 1 more) are left pointing there"
	if !slices.ContainsFunc(r.Warnings, func(n Note) bool { return strings.Contains(n.Msg, want) }) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestWordPressLinksByPath links a post to pages and files of the old
// site by their paths alone, which lead nowhere on this one: they lead
// to the old site, named as its addresses that no post imported has, as
// the note says. Links by path to what the site has of its own (its
// feeds, sitemap, robots.txt, topics, the old feed feed_aliases keeps)
// and to a post imported lead there, and are not named; check then
// finds nothing.
func TestWordPressLinksByPath(t *testing.T) {
	item := wxrItemXML(6, "Post", "post", "publish", "post")
	links := `<a href="/about/">about</a> <a href="/wp-json/wp/v2/posts">api</a> <a href="/data/export.json#top">json</a> <a href="/feed/">feed</a> <a href="/feed.xml">ours</a> <a href="/sitemap.xml">sitemap</a> <a href="/robots.txt">robots</a> <a href="/topics/">topics</a> <a href="/2015/01/05/post/">itself</a>`
	item = strings.Replace(item, "<p>Post", "<p>"+links+" Post", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := tree(t, map[string]string{"site.yaml": "title: Bulletin\nfeed_aliases: [/feed/]\n"})
	r := mustImport(t, src, dest)
	written, _ := filepath.Glob(filepath.Join(dest, "articles", "*", "*.md"))
	if len(written) != 1 {
		t.Fatalf("wrote %v, want one article", written)
	}
	wantArticle(t, written[0], "[about](https://old.example.org/about/) [api](https://old.example.org/wp-json/wp/v2/posts) [json](https://old.example.org/data/export.json#top) [feed](/feed/) [ours](/feed.xml) [sitemap](/sitemap.xml) [robots](/robots.txt) [topics](/topics/) [itself](/2015/01/post/)")
	// The item's own link to an earlier post, post 7, is the one more.
	want := "links to addresses of the old site that no post imported has (/about/, /wp-json/wp/v2/posts, /data/export.json, 1 more) are left pointing there"
	if !slices.ContainsFunc(r.Warnings, func(n Note) bool { return strings.Contains(n.Msg, want) }) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
	if errs := checkSite(t, dest); len(errs) > 0 {
		t.Errorf("check found %v, want nothing", errs)
	}
	// A blog under a path: the site's own is at its path from the top
	// of the blog, where the site's paths start.
	blog := strings.ReplaceAll(wxrXML(wxrItemXML(6, "Post", "post", "publish", "post")), "<wp:base_blog_url>https://old.example.org</wp:base_blog_url>", "<wp:base_blog_url>https://old.example.org/blog</wp:base_blog_url>")
	blog = strings.Replace(blog, "<p>Post", `<p><a href="/blog/about/">about</a> <a href="/blog/sitemap.xml">sitemap</a> <a href="/blog/feed/">feed</a> Post`, 1)
	if err := os.WriteFile(src, []byte(blog), 0o644); err != nil {
		t.Fatal(err)
	}
	dest = tree(t, map[string]string{"site.yaml": "title: Bulletin\nfeed_aliases: [/feed/]\n"})
	mustImport(t, src, dest)
	written, _ = filepath.Glob(filepath.Join(dest, "articles", "*", "*.md"))
	if len(written) != 1 {
		t.Fatalf("wrote %v, want one article", written)
	}
	wantArticle(t, written[0], "[about](https://old.example.org/blog/about/) [sitemap](/sitemap.xml) [feed](/feed/)")
}

// TestMoreSeparatorLate imports posts whose excerpt separator comes late
// or at the very end, after headings and code: the summary is then the
// opening of the text before it, as of a body, with a warning, not all
// of it joined; one put after a paragraph or two, long or ending in a
// colon, gives the text before it whole.
func TestMoreSeparatorLate(t *testing.T) {
	long := strings.Repeat("A sentence that goes on for a while about the theme. ", 4)
	src := tree(t, map[string]string{
		"hugo.toml":              "baseURL = 'https://old.example.org/'\n",
		"content/posts/end.md":   "---\ntitle: End\ndate: 2020-01-02\n---\nThe opening paragraph says what it is.\n\n## Install\n\n```\ngo get x\n```\n\n" + long + "\n\n<!--more-->\n",
		"content/posts/early.md": "---\ntitle: Early\ndate: 2020-01-03\n---\nFirst.\n\nSecond.\n\n<!--more-->\n\n" + long + "\n",
		"content/posts/one.md":   "---\ntitle: One\ndate: 2020-01-04\n---\n" + long + long + "\n\n<!--more-->\n\nMore.\n",
		"content/posts/colon.md": "---\ntitle: Colon\ndate: 2020-01-05\n---\nThe regulator announced these changes:\n\n<!--more-->\n\n- One\n- Two\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-end.md"), "\nsummary: The opening paragraph says what it is.\n")
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-03-early.md"), "\nsummary: First. Second.\n")
	want := "the text before the body's excerpt separator (such as <!--more-->) runs on past its opening"
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "end.md"), -1, want) {
		t.Errorf("got warnings %v, want one on end.md starting %q", r.Warnings, want)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-04-one.md"), "\nsummary: "+strings.TrimSpace(long+long)+"\n")
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-05-colon.md"), "\nsummary: 'The regulator announced these changes:'\n")
	for _, name := range []string{"early.md", "one.md", "colon.md"} {
		if hasNote(r.Warnings, filepath.Join(src, "content", "posts", name), -1, want) {
			t.Errorf("got warnings %v, want none on %s: the text before its separator is paragraphs a summary holds", r.Warnings, name)
		}
	}
}

// TestHugoTopPages skips a dated page at the top of content/, such as an
// about page, where the site keeps its posts in sections, and imports
// the dated pages of a site that keeps them all at the top.
func TestHugoTopPages(t *testing.T) {
	about := "---\ntitle: About me\ndate: 2015-01-01\nurl: /about/\n---\nI write code.\n"
	post := "---\ntitle: A post\ndate: 2016-02-05\n---\nText.\n"
	for _, tc := range []struct {
		name    string
		files   map[string]string
		written int
	}{
		{"sections", map[string]string{"config.yaml": "", "content/about.md": about, "content/post/2016/a-post.md": post}, 1},
		{"no sections", map[string]string{"config.yaml": "", "content/about.md": about, "content/a-post.md": post}, 2},
		{"most pages at the top", map[string]string{"config.yaml": "", "content/about.md": about, "content/a-post.md": post, "content/projects/x.md": post}, 3},
		{"main sections named", map[string]string{"config.yaml": "params:\n  mainSections: [post]\n", "content/about.md": about, "content/a-post.md": post, "content/post/b.md": post}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, tc.files)
			r := mustImport(t, src, t.TempDir())
			if r.Written != tc.written {
				t.Errorf("wrote %d articles, want %d; skipped %v", r.Written, tc.written, r.Skipped)
			}
			skipped := hasNote(r.Skipped, filepath.Join(src, "content", "about.md"), -1, "a page outside every section")
			if want := tc.name == "sections" || tc.name == "main sections named"; skipped != want {
				t.Errorf("about.md skipped: %v, want %v; skipped %v", skipped, want, r.Skipped)
			}
		})
	}
}

// TestHugoDocsSections leaves out, in one line a section and without
// failing the import, the pages of a section the config does not name
// among mainSections, and those of a section where no page has a date,
// with no front matter or without a date (documentation, as Contour's
// and Velero's sites keep beside their blogs); an undated page among
// dated posts is still a broken post.
func TestHugoDocsSections(t *testing.T) {
	post := "---\ntitle: News\ndate: 2020-05-01\n---\nText.\n"
	docs := map[string]string{
		"content/posts/news.md":      post,
		"content/docs/install.md":    "---\ntitle: Install\nweight: 10\n---\nSteps.\n",
		"content/docs/config.md":     "# Config\n\nNo front matter, as Hugo allows.\n",
		"content/docs/v1/upgrade.md": "---\ntitle: Upgrade\n---\nSteps.\n",
	}
	for _, tc := range []struct {
		name, config, note string
	}{
		{"main sections named", "params:\n  mainSections: [posts]\n", "config.yaml (posts) does not name as the posts': not posts, not imported"},
		{"no section named", "", "3 pages with no date, in a section where no page has one (documentation, say): not posts, not imported"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, maps.Collect(func(yield func(string, string) bool) {
				maps.All(docs)(yield)
				yield("config.yaml", tc.config)
			}))
			r, err := Run(Options{Source: src, Dest: t.TempDir()})
			if err != nil || r.Written != 1 || (r.Problems() > 0) {
				t.Fatalf("wrote %d, failed %v (%v); skipped %v", r.Written, (r.Problems() > 0), err, r.Skipped)
			}
			if !hasNote(r.Skipped, filepath.Join(src, "content", "docs"), 0, tc.note) || len(r.Skipped) != 1 {
				t.Errorf("skipped %v, want one note: %s", r.Skipped, tc.note)
			}
		})
	}
	for _, tc := range []struct {
		name, config string
		files        map[string]string
		hint         string
	}{
		{"among dated posts", "", map[string]string{"content/posts/news.md": post}, "give it a date"},
		{"in the section mainSections names", "params:\n  mainSections: [posts]\n", nil, "give it a date"},
		{"dated by git", "frontmatter:\n  date: [':git']\n", nil, "config.yaml dates pages by git or by their files' times"},
	} {
		files := map[string]string{"config.yaml": tc.config, "content/posts/undated.md": "---\ntitle: Undated\n---\nText.\n"}
		maps.Copy(files, tc.files)
		src := tree(t, files)
		if r, _ := Run(Options{Source: src, Dest: t.TempDir()}); r.Problems() == 0 || !hasNote(r.Skipped, filepath.Join(src, "content", "posts", "undated.md"), 1, tc.hint) {
			t.Errorf("an undated page %s: %d problems, skipped %v; want it told as a broken post", tc.name, r.Problems(), r.Skipped)
		}
	}
}

// TestHugoFeedNames names the old feeds by the file name the config gave
// them: rssURI before Hugo 0.20, the RSS output format's baseName and its
// media type's suffix after; one at /feed.xml is bulletin's own address.
func TestHugoFeedNames(t *testing.T) {
	for _, tt := range []struct {
		config, text string
		want         []string
	}{
		{"config.yaml", "baseurl: https://old.example.org\n", []string{"/index.xml", "/posts/index.xml"}},
		{"config.yaml", "baseurl: https://old.example.org\nRSSUri: feed.xml\n", []string{"/posts/feed.xml"}},
		{"hugo.toml", "baseURL = 'https://old.example.org/'\n[outputFormats.RSS]\nbaseName = 'rss'\n", []string{"/rss.xml", "/posts/rss.xml"}},
		{"hugo.toml", "baseURL = 'https://old.example.org/'\n[mediaTypes.'application/rss+xml']\nsuffixes = ['rss']\n", []string{"/index.rss", "/posts/index.rss"}},
		// Outputs without RSS: Hugo made no feed there.
		{"config.yaml", "baseurl: https://old.example.org\noutputs:\n  home: [HTML]\n  section: [HTML]\n", nil},
		{"config.yaml", "baseurl: https://old.example.org\noutputs:\n  home: [HTML, RSS]\n  section: [HTML]\n", []string{"/index.xml"}},
		{"config.yaml", "baseurl: https://old.example.org\ndisableKinds: [RSS]\n", nil},
	} {
		src := tree(t, map[string]string{tt.config: tt.text, "content/posts/notes.md": "---\ntitle: Notes\ndate: 2022-05-02\n---\nNotes.\n"})
		if r := mustImport(t, src, t.TempDir()); !slices.Equal(r.Feeds, tt.want) {
			t.Errorf("with %s %q: got feeds %q, want %q", tt.config, tt.text, r.Feeds, tt.want)
		}
	}
}

// TestJekyllDatedDraft dates and names a draft whose file name starts
// with a date by it, as Jekyll does, rather than by its file's last
// change.
func TestJekyllDatedDraft(t *testing.T) {
	src := tree(t, map[string]string{"_config.yml": "", "_drafts/2014-03-02-functions-101.markdown": "---\ntitle: Functions 101\n---\nText.\n"})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Written != 1 || r.Drafts != 1 {
		t.Fatalf("wrote %d (%d drafts), want one draft; skipped %v", r.Written, r.Drafts, r.Skipped)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2014", "2014-03-02-functions-101.md"), "\ndate: 2014-03-02\n", "\nslug: functions-101\n", "\ndraft: true\n")
}

// TestLocalSiteAddress gives no feed ids, and says why, when the config's
// address names this machine, as one set for building locally does.
func TestLocalSiteAddress(t *testing.T) {
	for _, tt := range []struct{ config, text, setting string }{
		{"_config.yml", "url: http://localhost:4000\n", "url"},
		{"_config.yml", "url: http://127.0.0.1:4000\n", "url"},
		{"hugo.toml", "baseURL = 'http://localhost:1313/'\n", "baseURL"},
	} {
		post := "_posts/2020-01-02-one.md"
		if tt.config == "hugo.toml" {
			post = "content/posts/one.md"
		}
		src := tree(t, map[string]string{tt.config: tt.text, post: "---\ntitle: One\ndate: 2020-01-02\n---\nText.\n"})
		dest := t.TempDir()
		r := mustImport(t, src, dest)
		if !hasNote(r.Warnings, filepath.Join(src, tt.config), -1, tt.setting+" \"") {
			t.Errorf("%s %q: got warnings %v, want one that it names this machine", tt.config, tt.text, r.Warnings)
		}
		data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-01-02-one.md"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "\nid:") {
			t.Errorf("%s %q: the article has an id:\n%s", tt.config, tt.text, data)
		}
	}
}

// TestSiteLanguage gives each post of a site in another language than
// the bulletin's that language, and says so; one in the bulletin's own,
// or with a language of its own, is left as it is.
func TestSiteLanguage(t *testing.T) {
	for _, tt := range []struct {
		config, text, want string
	}{
		{"config.yaml", "baseurl: https://old.example.org\nlanguageCode: zh-CN\n", "\nlang: zh-CN\n"},
		{"_config.yml", "lang: fr\n", "\nlang: fr\n"},
		{"config.yaml", "baseurl: https://old.example.org\nlanguageCode: en-us\n", ""},
	} {
		post := "_posts/2020-01-02-one.md"
		if tt.config == "config.yaml" {
			post = "content/posts/one.md"
		}
		src := tree(t, map[string]string{tt.config: tt.text, post: "---\ntitle: One\ndate: 2020-01-02\n---\nText.\n"})
		dest := tree(t, map[string]string{"site.yaml": "title: Bulletin\nlanguage: en-GB\n"})
		r := mustImport(t, src, dest)
		data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-01-02-one.md"))
		if err != nil {
			t.Fatal(err)
		}
		told := hasNote(r.Warnings, filepath.Join(src, tt.config), -1, "where site.yaml's language is en-GB")
		if tt.want == "" {
			if strings.Contains(string(data), "\nlang:") || told {
				t.Errorf("%s %q: an article in the bulletin's language got a lang, or a warning %v:\n%s", tt.config, tt.text, r.Warnings, data)
			}
			continue
		}
		if !strings.Contains(string(data), tt.want) || !told {
			t.Errorf("%s %q: want %q and a warning; got warnings %v and\n%s", tt.config, tt.text, tt.want, r.Warnings, data)
		}
	}
}

// TestWordPressFeaturedImage names the posts that had a featured image
// (_thumbnail_id), which bulletin's pages do not show, with the image's
// address from its attachment.
func TestWordPressFeaturedImage(t *testing.T) {
	post := strings.Replace(wxrItemXML(4, "Featured", "featured", "publish", "post"), "</item>",
		"<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[10]]></wp:meta_value></wp:postmeta>\n\t</item>", 1)
	attachment := strings.Replace(wxrItemXML(10, "Photo", "photo", "inherit", "attachment"), "</item>",
		"<wp:attachment_url><![CDATA[https://old.example.org/wp-content/uploads/2015/01/photo.jpg]]></wp:attachment_url>\n\t</item>", 1)
	src, _, r := importItems(t, post+attachment+wxrItemXML(5, "Plain", "plain", "publish", "post"))
	want := `1 post had a featured image, which the theme showed beside the post and bulletin does not: not carried over (post 4 "Featured": https://old.example.org/wp-content/uploads/2015/01/photo.jpg)`
	if !hasNote(r.Warnings, src, -1, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
}

// TestImportClosesDirectionMarks closes a direction mark that a title or
// a topic leaves open, as text pasted from a word processor may, which a
// build would refuse, and says so.
func TestImportClosesDirectionMarks(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":          "baseURL = 'https://old.example.org/'\n",
		"content/posts/a.md": "---\ntitle: \"\u202bשלום עולם\"\ndate: 2020-01-02\ntags: [\"\u2067עדכון\"]\n---\nText.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), "title: \u202bשלום עולם\u202c\n", "\u2067עדכון\u2069")
	if !hasNote(r.Warnings, filepath.Join(src, "content", "posts", "a.md"), -1, "nothing closed: closed at the end of the field") {
		t.Errorf("got warnings %v, want one that a direction mark was closed", r.Warnings)
	}
}

// TestEmbedsAndAnchors turns a YouTube player into a link to the video's
// page, named by the frame's title, and an anchor written with href="#"
// into its text alone, with the warning an anchor gets, not an empty link.
func TestEmbedsAndAnchors(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml": "",
		"_posts/2020-01-02-a.md": "---\ntitle: A\n---\nIntro.\n\n" +
			`<iframe src="https://www.youtube-nocookie.com/embed/CWSLSHljQLM" title="The talk"></iframe>` + "\n\n" +
			`<iframe src="https://www.youtube.com/embed/AbCdEfGhIjK?rel=0&amp;start=95"></iframe>` + "\n\n" +
			"## All together\n<a href=\"#\" name=\"tldr\"></a>\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	file := filepath.Join(dest, "articles", "2020", "2020-01-02-a.md")
	wantArticle(t, file, "[The talk](https://www.youtube.com/watch?v=CWSLSHljQLM)", "[Video on YouTube](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=95s)")
	if data, _ := os.ReadFile(file); strings.Contains(string(data), "[](#)") {
		t.Errorf("an empty link is left:\n%s", data)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "_posts", "2020-01-02-a.md"), -1, `an anchor (<a id="tldr">) is left out`) {
		t.Errorf("got warnings %v, want one for the anchor", r.Warnings)
	}
}

// TestWordPressTextile makes links again of a post written in Textile,
// "text":address, which a plugin made HTML of, and says what else of its
// Textile is shown as written.
func TestWordPressTextile(t *testing.T) {
	item := wxrItemXML(9, "Textile", "textile", "publish", "post")
	item = regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllString(item,
		`<content:encoded><![CDATA[We launch "hosted blogging":http://wiki.example.org/CCi_Blogs on "WordPress MU":http://mu.wordpress.org.

* It scales.]]></content:encoded>`)
	src, dest, r := importItems(t, item)
	files := files(t, dest)
	if len(files) != 1 {
		t.Fatalf("wrote %q, want one article", files)
	}
	wantArticle(t, filepath.Join(dest, files[0]), "[hosted blogging](http://wiki.example.org/CCi_Blogs)", "[WordPress MU](http://mu.wordpress.org).")
	if !hasNote(r.Warnings, src, -1, "written in Textile, which a plugin made HTML of: its 2 links") {
		t.Errorf("got warnings %v, want one that the post is Textile", r.Warnings)
	}
}

// TestWordPressLinkByGuid rewrites a link to a post's address on the host
// the blog had when the post was first published, which its guid keeps,
// as a link to the post's new URL.
func TestWordPressLinkByGuid(t *testing.T) {
	first := strings.Replace(wxrItemXML(8, "Projects", "projects", "publish", "post"),
		"https://old.example.org/?p=8</guid>", "http://techblog.example.org/2015/01/01/projects/</guid>", 1)
	second := regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllString(wxrItemXML(9, "More", "more", "publish", "post"),
		`<content:encoded><![CDATA[<p>Nathan <a href="http://techblog.example.org/2015/01/01/projects/#list">blogged the projects</a>.</p>]]></content:encoded>`)
	_, dest, _ := importItems(t, first+second)
	var more string
	for _, f := range files(t, dest) {
		if strings.HasSuffix(f, "-more.md") {
			more = filepath.Join(dest, f)
		}
	}
	if more == "" {
		t.Fatalf("no article for post 9 among %q", files(t, dest))
	}
	wantArticle(t, more, "[blogged the projects](/2015/01/projects/#list)")
}

// TestJekyllAuthorsData names the authors of a post by the names the
// site's _data/authors.yml gives their handles, as its bylines showed
// them; a handle it does not name stays.
func TestJekyllAuthorsData(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":            "",
		"_data/authors.yml":      "mbland:\n  full_name: Mike Bland\n  email: x@example.org\nboone:\n  name: Boone Smith\n",
		"_posts/2020-01-02-a.md": "---\ntitle: A\nauthors: [mbland, boone, eric]\n---\nText.\n",
	})
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), "\nauthors: [Mike Bland, Boone Smith, eric]\n")
}

// TestJekyllAuthorsCollection names the authors of a post by the names
// the documents of the site's authors collection give their handles, by
// the document's file name or its name, as the theme's bylines showed
// them, where the bylines showed the handles; a site that declares no
// such collection, whose documents Jekyll did not read, keeps them.
func TestJekyllAuthorsCollection(t *testing.T) {
	for _, tt := range []struct{ name, config, want string }{
		{"declared", "collections:\n  authors:\n    output: true\n    permalink: /author/:name/\n", "\nauthors: [Eric Mill, Mike Bland, Jo Bloggs, sarah]\n"},
		{"declared in a list", "collections: [authors]\n", "\nauthors: [Eric Mill, Mike Bland, Jo Bloggs, sarah]\n"},
		{"not declared", "", "\nauthors: [eric, mbland, jo, sarah]\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tree(t, map[string]string{
				"_config.yml":            tt.config,
				"_authors/eric.md":       "---\nname: eric\nfull_name: Eric Mill\n---\n",
				"_authors/michael.md":    "---\nname: mbland\nfull_name: Mike Bland\n---\n",
				"_authors/jo-bloggs.md":  "---\nshort_name: jo\nname: Jo Bloggs\n---\n",
				"_posts/2020-01-02-a.md": "---\ntitle: A\nauthors: [eric, mbland, jo, sarah]\n---\nText.\n",
			})
			dest := t.TempDir()
			mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-01-02-a.md"), tt.want)
		})
	}
}

// TestJekyllFileNameNoDay leaves out a post whose file name starts with
// no day of the calendar (2015-22-23-…), which Jekyll stopped on, saying
// what to write instead, and imports one whose front matter gives its
// date, which Jekyll took instead.
func TestJekyllFileNameNoDay(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                       "",
		"_posts/2015-22-23-looking-back.md": "---\ntitle: Looking back\n---\nText.\n",
		"_posts/2015-02-30-dated.md":        "---\ntitle: Dated\ndate: 2015-03-02\n---\nText.\n",
	})
	dest := t.TempDir()
	r, err := Run(Options{Source: src, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	want := "file name 2015-22-23-looking-back.md starts with 2015-22-23, which is no day of the calendar, so Jekyll stopped on it: not imported; rename the file with the day the post was published, or give it one in its front matter (date: YYYY-MM-DD)"
	if !hasNote(r.Skipped, filepath.Join(src, "_posts", "2015-22-23-looking-back.md"), 1, want) {
		t.Errorf("not told what to write; skipped %v", r.Skipped)
	}
	if r.Written != 1 {
		t.Errorf("wrote %d articles, want the dated one", r.Written)
	}
}

// TestDeepHTMLLosesItsScript imports a post whose HTML nests deeper than
// a document can be built of: its text is kept, and none of its markup,
// so that no script, handler or javascript: address comes through.
func TestDeepHTMLLosesItsScript(t *testing.T) {
	deep := strings.Repeat("<div>", 600) + "deep text" + strings.Repeat("</div>", 600)
	src := tree(t, map[string]string{
		"_config.yml":            "",
		"_posts/2020-01-05-a.md": "---\ntitle: A\n---\nIntro.\n\n<div><img src=x onerror=alert(1)><script>alert(2)</script><a href=\"javascript:alert(3)\">x</a>" + deep + "</div>\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	data, err := os.ReadFile(filepath.Join(dest, "articles", "2020", "2020-01-05-a.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "alert(2)", "onerror", "javascript:", "<div"} {
		if strings.Contains(string(data), bad) {
			t.Errorf("the article holds %q:\n%.400s", bad, data)
		}
	}
	if !strings.Contains(string(data), "deep text") {
		t.Errorf("the article lost the text:\n%.400s", data)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "_posts", "2020-01-05-a.md"), -1, "cannot be read as a document") {
		t.Errorf("got warnings %v, want one that the HTML became its text", r.Warnings)
	}
}

// TestHugoRelativeToStatic makes a link by a path from a page's own
// address to a file of the static folder, which the page's address does
// not have, a link from the top of the site, and copies the file.
func TestHugoRelativeToStatic(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml":           "baseURL = 'https://old.example.org/'\n",
		"static/img/vim.png":    "PNG",
		"content/blog/vim.md":   "+++\ndate = \"2015-01-27T17:03:00-05:00\"\ntitle = \"Vim\"\n+++\nLike this:\n\n![vim version](img/vim.png) and [a missing one](img/gone.png)\n",
		"content/blog/other.md": "+++\ndate = \"2015-01-28\"\ntitle = \"Other\"\n+++\nText.\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-27-vim.md"), "![vim version](/img/vim.png)", "[a missing one](img/gone.png)")
	if data, err := os.ReadFile(filepath.Join(dest, "img", "vim.png")); err != nil || string(data) != "PNG" {
		t.Errorf("img/vim.png in the content folder: %q, %v; want it copied", data, err)
	}
	if !hasNote(r.Warnings, filepath.Join(src, "content", "blog", "vim.md"), -1, "links to img/vim.png by a path from its own address") {
		t.Errorf("got warnings %v, want one that the link now leads from the top", r.Warnings)
	}
}

// TestWordPressNetworkUploads names the uploads of a blog of a WordPress
// network before 3.5, /files/2011/01/, as the blog's own, and makes a
// link to one from the top of the old site lead to the old host.
func TestWordPressNetworkUploads(t *testing.T) {
	src := exportShowing(t, "old.example.org", "https://old.example.org/files/2011/01/chart.png", "/files/2011/02/map.png")
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	want := "2 posts show images or files from https://old.example.org/files/2011/01/"
	if !hasNote(r.Warnings, src, 0, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
	var all string
	for _, f := range files(t, dest) {
		data, _ := os.ReadFile(filepath.Join(dest, f))
		all += string(data)
	}
	if !strings.Contains(all, "(https://old.example.org/files/2011/02/map.png)") {
		t.Errorf("the relative upload is not linked on the old host:\n%s", all)
	}
	if strings.Contains(all, "point them at pages of this site") {
		t.Errorf("an upload is named as a page the import lacks:\n%v", r.Warnings)
	}
}

// TestWordPressMislabelledUTF8 imports an export that declares
// ISO-8859-1 but holds UTF-8, as many do: it is read as UTF-8, with a
// warning, not as Latin-1 (Café, not CafÃ©).
func TestWordPressMislabelledUTF8(t *testing.T) {
	export := strings.Replace(wxrXML(wxrItemXML(3, "Café règles", "cafe-regles", "publish", "post")), `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-03-cafe-regles.md"), "title: Café règles\n")
	if !hasNote(r.Warnings, src, 1, "declares the character set ISO-8859-1, but its text is in UTF-8") {
		t.Errorf("warned %v, want the character set told", r.Warnings)
	}
}

// wantWritten wants each article file of dest to hold each of its texts.
func wantWritten(t *testing.T, dest string, want map[string][]string) {
	t.Helper()
	for file, texts := range want {
		wantArticle(t, filepath.Join(dest, filepath.FromSlash(file)), texts...)
	}
}

// TestOtherSystemsRefused refuses a site of a generator import does not
// read, naming it and saying how its posts may come in, where a Hexo
// site, which has a _config.yml, was read as Jekyll's, and a Zola site,
// whose config.toml Hugo's may be named too, as Hugo's, and each gave no
// post and no error.
func TestOtherSystemsRefused(t *testing.T) {
	hexoPost := "---\ntitle: P\ndate: 2019-03-05 10:00:00\n---\nText.\n"
	for name, files := range map[string]map[string]string{
		"a Hexo": {"_config.yml": "title: Hexo\n", "scaffolds/post.md": "---\ntitle: {{ title }}\n---\n", "source/_posts/My-Post.md": hexoPost},
		// Without scaffolds, as hexo.io's own site has none: by the
		// package.json, and by the settings only Hexo has.
		"a Hexo site with a package.json: a Hexo": {"_config.yml": "title: Hexo\n", "package.json": `{"name": "hexo-site", "dependencies": {"hexo": "^7.0.0"}}`, "source/_posts/2019-10-14-post.md": hexoPost},
		"a Hexo site with its settings: a Hexo":   {"_config.yml": "title: Hexo\npermalink: news/:year/:month/:day/:title/\nnew_post_name: :year-:month-:day-:title.md\npost_asset_folder: true\n", "source/_posts/2019-10-14-post.md": hexoPost},
		"a Docusaurus":                            {"docusaurus.config.js": "module.exports = {};\n", "blog/2021-08-01-post.md": "---\ntitle: P\n---\nText.\n"},
		"an Eleventy":                             {".eleventy.js": "module.exports = () => {};\n", "posts/post.md": "---\ntitle: P\n---\nText.\n"},
		"a VitePress":                             {"docs/.vitepress/config.ts": "export default {}\n", "docs/blog/post.md": "---\ntitle: P\n---\nText.\n"},
		"an MkDocs":                               {"mkdocs.yml": "site_name: M\n", "docs/blog/posts/post.md": "---\ndate: 2023-01-02\n---\n# P\n"},
		"a Zola":                                  {"config.toml": zolaConfig, "content/posts/2024-01-05_post.md": "+++\ntitle = \"P\"\n[taxonomies]\ntags = [\"a\"]\n+++\nText.\n"},
		"a Pelican":                               {"pelicanconf.py": "SITEURL = 'https://example.org'\n", "content/my-super-post.md": "Title: My super title\nDate: 2010-12-03 10:20\nSlug: my-super-post\n\nText.\n"},
	} {
		src := tree(t, files)
		_, err := Run(Options{Source: src, Dest: t.TempDir()})
		if _, as, ok := strings.Cut(name, ": "); ok {
			name = as
		}
		if err == nil || !strings.Contains(err.Error(), "is "+name+" site, which import does not read") || !strings.Contains(err.Error(), "permalink:") {
			t.Errorf("%s site: got %v, want it refused by name, with how to keep its posts' addresses", name, err)
		}
		// Eleventy and Hexo read tags: second tag as one tag, which
		// Jekyll parts at its spaces: the way in says to list it, where
		// the post came in with the topics second and tag.
		if name != "a Pelican" && (err == nil || !strings.Contains(err.Error(), "tags: [second tag]")) {
			t.Errorf("%s site: got %v, want it to say to write a tag of several words as a list", name, err)
		}
	}
	// What is no site, or no WordPress export, is named, where it was
	// only "give -format", or not a WordPress export.
	for name, c := range map[string]struct {
		files map[string]string
		from  string
		want  string
	}{
		"Markdown with no settings": {map[string]string{"notes/2020-01-02-a.md": "---\ntitle: A\n---\nText.\n"}, "", "a folder of Markdown files with no site's settings"},
		"Medium":                    {map[string]string{"posts/2020-01-02_A-1a2b.html": "<article></article>", "profile/profile.html": "<p></p>"}, "", "a Medium export, which import does not read"},
		"Markdown in posts/":        {map[string]string{"posts/x.md": "---\ntitle: A\n---\nText.\n"}, "", "a folder of Markdown files with no site's settings"},
		"Ghost":                     {map[string]string{"ghost.json": `{"db": [{"meta": {"version": "5.0.0"}, "data": {"posts": []}}]}`}, "ghost.json", "a Ghost export, which import does not read"},
		"Blogger":                   {map[string]string{"blog.xml": "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><generator uri='http://www.blogger.com'>Blogger</generator></feed>"}, "blog.xml", "an Atom feed, as a Blogger export is"},
	} {
		src := filepath.Join(tree(t, c.files), c.from)
		if _, err := Run(Options{Source: src, Dest: t.TempDir()}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
	// A Jekyll site that keeps its posts in source/_posts (Octopress),
	// and a Hugo site with another generator's file left in it, are
	// read as theirs.
	for name, files := range map[string]map[string]string{
		"Octopress": {"_config.yml": "title: J\nsource: source\n", "source/_posts/2020-01-02-a.md": "---\ntitle: A\n---\nText.\n"},
		// Octopress's settings share some names with Hexo's, and a
		// Jekyll site may have a package.json for its tools.
		"Octopress with its settings and a package.json": {"_config.yml": "title: J\nsource: source\nroot: /\npermalink: /blog/:year/:month/:day/:title/\ncode_dir: downloads/code\ncategory_dir: blog/categories\npagination_dir: blog\ntitlecase: true\n", "package.json": `{"devDependencies": {"grunt": "^1.0.0"}}`, "source/_posts/2020-01-02-a.md": "---\ntitle: A\n---\nText.\n"},
		"Hugo": {"hugo.toml": "baseURL = 'https://example.org/'\n", ".eleventy.js": "", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n"},
		// Hugo reads its settings without regard to case, and ignores
		// those it does not know, as a Zola site's would be.
		"Hugo with baseurl and Zola's settings": {"config.toml": "baseurl = 'https://example.org/'\nbase_url = 'https://example.org/'\ncompile_sass = true\n[markdown]\nx = 1\n", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n"},
		"Hugo with no baseURL":                  {"config.toml": "title = 'H'\n[params]\nbase_url = 'https://example.org/'\n", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n"},
		"Hugo with a stray base_url":            {"config.toml": "base_url = 'https://example.org/'\nlanguageCode = 'en'\n", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n"},
	} {
		if r, err := Run(Options{Source: tree(t, files), Dest: t.TempDir()}); err != nil || r.Written != 1 {
			t.Errorf("%s: wrote %d, %v; want its post", name, r.Written, err)
		}
	}
}

// zolaConfig is a Zola site's config.toml, as strugglers.net's is.
const zolaConfig = `base_url = "https://strugglers.net"
compile_sass = true
build_search_index = true
theme = "tabi"
title = "The Ongoing Struggle"
generate_feed = true
default_language = "en"
taxonomies = [{ name = "tags", feed = true, paginate_by = 10 }]

[markdown]
highlight_code = true

[extra]
copy_button = true
`

// TestHugoOtherMarkupNamed names a page in a markup import does not
// read, MDX's as Org's, rather than reading nothing without a word.
func TestHugoOtherMarkupNamed(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":           "baseURL = 'https://example.org/'\n",
		"content/posts/a.mdx": "---\ntitle: A\ndate: 2020-01-02\n---\n<Button />\n",
		"content/posts/b.org": "#+TITLE: B\n",
	})
	r := mustImport(t, src, t.TempDir())
	for _, name := range []string{"a.mdx", "b.org"} {
		if !hasNote(r.Skipped, filepath.Join(src, "content", "posts", name), -1, "which this importer does not read") {
			t.Errorf("%s is not named: %v", name, r.Skipped)
		}
	}
}

// TestJekyllOtherMarkupNamed names a post in a markup import does not
// read, whatever type the system takes its ending for (.mdx is a game
// cartridge's to some), as a post not imported.
func TestJekyllOtherMarkupNamed(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":             "title: J\n",
		"_posts/2020-01-02-a.mdx": "---\ntitle: A\n---\n<Button />\n",
		"_posts/2020-01-03-b.rst": "B\n=\n",
		"_posts/2020-01-04-c.md":  "---\ntitle: C\n---\nText.\n",
	})
	r := mustImport(t, src, t.TempDir())
	if r.Written != 1 {
		t.Errorf("wrote %d, want the Markdown post", r.Written)
	}
	for _, name := range []string{"2020-01-02-a.mdx", "2020-01-03-b.rst"} {
		i := slices.IndexFunc(r.Skipped, func(n Note) bool {
			return n.Source == filepath.Join(src, "_posts", name) && n.Problem && strings.Contains(n.Msg, "which this importer does not read")
		})
		if i < 0 {
			t.Errorf("%s is not named as a problem: %v", name, r.Skipped)
		}
	}
}

// TestWordPressGuidNotAnID imports a post whose guid a build would refuse
// as its feed id, a javascript: address or one holding <, with an id of
// its own and a warning, rather than as a content folder that does not
// build.
func TestWordPressGuidNotAnID(t *testing.T) {
	var items string
	for i, guid := range []string{"javascript:alert(1)", "https://old.example.org/?p=2&lt;x&gt;"} {
		items += strings.Replace(wxrItemXML(i+1, "Post", fmt.Sprintf("post-%d", i+1), "publish", "post"), fmt.Sprintf("https://old.example.org/?p=%d</guid>", i+1), guid+"</guid>", 1)
	}
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(items)), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	warned := 0
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "which a build refuses: it gets an id of its own") {
			warned++
		}
	}
	if warned != 2 {
		t.Errorf("%d warnings of a guid kept out, want 2: %v", warned, r.Warnings)
	}
	set, err := content.Load(os.DirFS(dest), "content")
	if err != nil {
		t.Fatalf("the content imported does not load: %v", err)
	}
	if len(set.Articles) != 2 {
		t.Errorf("%d articles imported, want 2", len(set.Articles))
	}
	for _, a := range set.Articles {
		if a.ID != "" {
			t.Errorf("%s: id %q, want none", a.File, a.ID)
		}
	}
}

// TestTitleFromHeading titles a post with none by the heading its body
// starts with, as MkDocs, Docusaurus and Jekyll's titles-from-headings
// do, and leaves out of the body a heading that is its title, which
// would stand under the page's own; another heading stays.
func TestTitleFromHeading(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                          "title: J\n",
		"_posts/2023-01-02-goreleaser-v1-9.md": "---\ndate: 2023-01-02\n---\n\n# Announcing GoReleaser v1.9 — the *10k* stars release\n\nText one.\n",
		"_posts/2023-01-03-same.md":            "---\ntitle: The same title\n---\n# The  same Title\n\nText two.\n",
		"_posts/2023-01-04-setext.md":          "---\n---\nA title underlined\n==================\n\nText three.\n",
		"_posts/2023-01-05-other.md":           "---\ntitle: Its own title\n---\n# Another heading\n\nText four.\n",
		"_posts/2023-01-06-second-level.md":    "---\n---\n## Not a title\n\nText five.\n",
		"_posts/2023-01-07-with-id.md":         "---\n---\n# Getting started {#start}\n\nSee [the start](#start).\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2023/2023-01-02-goreleaser-v1-9.md": {"title: Announcing GoReleaser v1.9 — the 10k stars release\n", "---\n\nText one.\n"},
		"articles/2023/2023-01-03-same.md":            {"title: The same title", "---\n\nText two.\n"},
		"articles/2023/2023-01-04-setext.md":          {"title: A title underlined", "---\n\nText three.\n"},
		"articles/2023/2023-01-05-other.md":           {"title: Its own title", "# Another heading"},
		"articles/2023/2023-01-06-second-level.md":    {"title: Second Level", "## Not a title"},
		"articles/2023/2023-01-07-with-id.md":         {"title: Getting started\n", "# Getting started", "(#start)"},
	})
	for _, w := range r.Warnings {
		if strings.Contains(w.Msg, "no title") && !strings.HasSuffix(w.Source, "second-level.md") {
			t.Errorf("warned %s: %s; want the heading taken as the title", w.Source, w.Msg)
		}
	}
}

// TestHugoUndatedPageNeedsNoTitle leaves out a section's pages without
// dates, as documentation, with no word of their titles: a page left out
// needs none.
func TestHugoUndatedPageNeedsNoTitle(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":             "baseURL = 'https://example.org/'\n",
		"content/docs/api.md":   "---\n---\n| a | b |\n|---|---|\n",
		"content/docs/guide.md": "---\ntitle: Guide\n---\nText.\n",
		"content/posts/a.md":    "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n",
	})
	r := mustImport(t, src, t.TempDir())
	for _, n := range append(r.Skipped, r.Warnings...) {
		if n.Problem || strings.Contains(n.Msg, "title") {
			t.Errorf("%s: %s; want the undated page left out with its section, no word of its title", n.Source, n.Msg)
		}
	}
	if r.Written != 1 {
		t.Errorf("wrote %d, want the post", r.Written)
	}
}

// TestJekyllRelativeLinks points a link to another post's file by a path
// from the post's own, as GitHub Pages' relative-links plugin did, at
// that post's new URL; a link to a file no post is, and one in code,
// stay as written.
func TestJekyllRelativeLinks(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "url: https://old.example.org\npermalink: /blog/:year/:month/:day/:title/\n",
		"_posts/2021-06-28-ready.md": "---\ntitle: Ready\n---\n## Part\n\nText.\n",
		"_posts/2021-07-01-later.md": "---\ntitle: Later\n---\nSee [it](2021-06-28-ready.md#part), [again](../_posts/2021-06-28-ready.md), [a doc](../docs/guide.md) and `2021-06-28-ready.md`.\n",
	})
	dest := t.TempDir()
	mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2021/2021-07-01-later.md": {"[it](/2021/06/ready/#part)", "[again](/2021/06/ready/)", "[a doc](../docs/guide.md)", "`2021-06-28-ready.md`"},
	})
}

// TestHugoManyPagesOutsideSections tells the pages outside every section
// of a documentation site in one line, not each by name.
func TestHugoManyPagesOutsideSections(t *testing.T) {
	files := map[string]string{
		"hugo.toml":          "baseURL = 'https://example.org/'\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2020-01-03\n---\nText.\n",
	}
	for i := range 12 {
		files[fmt.Sprintf("content/page%02d.md", i)] = "---\ntitle: P\n---\nText.\n"
	}
	for i := range 12 {
		files[fmt.Sprintf("content/posts/c%d.md", i)] = fmt.Sprintf("---\ntitle: C\ndate: 2020-02-%02d\n---\nText.\n", i+1)
	}
	src := tree(t, files)
	r := mustImport(t, src, t.TempDir())
	var outside []string
	for _, n := range r.Skipped {
		if strings.Contains(n.Msg, "outside every section") {
			outside = append(outside, n.Msg)
		}
	}
	if len(outside) != 1 || !strings.HasPrefix(outside[0], "12 pages outside every section (page00.md, page01.md, page02.md, …)") {
		t.Errorf("told %q, want the 12 pages in one line", outside)
	}
}

// TestNothingWritten tells why an import that read a site's pages wrote
// none, where a documentation site, or a site of another generator
// read as Hugo's, passed for one imported whole; an import of posts
// imported before is no such import.
func TestNothingWritten(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":               "baseURL = 'https://example.org/'\n",
		"content/_index.md":       "---\ntitle: Docs\n---\n",
		"content/docs/_index.md":  "---\ntitle: Docs\n---\n",
		"content/docs/install.md": "---\ntitle: Install\n---\nSteps.\n",
		"content/docs/upgrade.md": "---\ntitle: Upgrade\n---\nSteps.\n",
	})
	r := mustImport(t, src, t.TempDir())
	if r.Read != r.Written+r.skippedItems() {
		t.Errorf("read %d, wrote %d, skipped %d: every page read is written or skipped", r.Read, r.Written, r.skippedItems())
	}
	want := "none of the 4 pages read is a post it takes, for the reasons given above, chiefly this one: " + filepath.Join(src, "content", "docs") + ": 2 pages with no date, in a section where no page has one"
	if got := r.Nothing(); !strings.Contains(got, want) {
		t.Errorf("Nothing() = %q, want it to hold %q", got, want)
	}

	// Four posts left out, each for the same reason, outnumber two pages
	// told in one line.
	src = tree(t, map[string]string{
		"hugo.toml":               "baseURL = 'https://example.org/'\n",
		"content/docs/_index.md":  "---\ntitle: Docs\n---\n",
		"content/docs/install.md": "---\ntitle: Install\n---\nSteps.\n",
		"content/docs/upgrade.md": "---\ntitle: Upgrade\n---\nSteps.\n",
		"content/posts/a.org":     "#+TITLE: A\n",
		"content/posts/b.org":     "#+TITLE: B\n",
		"content/posts/c.org":     "#+TITLE: C\n",
		"content/posts/d.org":     "#+TITLE: D\n",
	})
	want = "a page in .org, which this importer does not read (only Markdown and HTML): not imported; convert it to Markdown first (pandoc -t gfm) (and 3 more like it)"
	if got := mustImport(t, src, t.TempDir()).Nothing(); !strings.Contains(got, want) {
		t.Errorf("Nothing() = %q, want it to hold %q", got, want)
	}

	src = tree(t, map[string]string{"hugo.toml": "", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nText.\n"})
	dest := t.TempDir()
	if got := mustImport(t, src, dest).Nothing(); got != "" {
		t.Errorf("an import that wrote its post: Nothing() = %q, want none", got)
	}
	if got := mustImport(t, src, dest).Nothing(); got != "" {
		t.Errorf("an import of a post imported before: Nothing() = %q, want none", got)
	}
}

// TestJekyllFeedTemplateIDs keeps the ids a site's own feed template
// gave its posts, where jekyll-feed is not among its plugins: a
// template's of post.url are the address with its trailing slash, where
// every post's id was jekyll-feed's, without it, and its subscribers saw
// each post twice.
func TestJekyllFeedTemplateIDs(t *testing.T) {
	const (
		withSlash    = "id: https://example.org/posts/hello/\n"
		withoutSlash = "id: https://example.org/posts/hello\n"
	)
	for _, tt := range []struct {
		name, config, file, template string
		want                         string
		warned                       string // the file the ids are warned of at, if any
	}{
		{"absolute_url of post.url", "", "feed.xml", "{% for post in site.posts %}<id>{{ post.url | absolute_url }}</id>{% endfor %}", withSlash, ""},
		{"site.url and post.url", "", "atom.xml", "<feed>\n{%- for item in site.posts limit: 10 %}\n<entry>\n  <id>{{ site.url }}{{ item.url }}</id>\n</entry>\n{% endfor %}\n</feed>\n", withSlash, ""},
		{"prepend to post.url", "", "rss.xml", "{% for post in site.posts %}\n<item><guid isPermaLink=\"true\">{{ post.url | prepend: site.baseurl | prepend: site.url }}</guid></item>\n{% endfor %}\n", withSlash, ""},
		{"an RSS link", "", "feed/index.xml", "{% for post in site.posts %}\n<item><link>{{ site.url }}{{ post.url }}</link></item>\n{% endfor %}\n", withSlash, ""},
		{"post.id", "", "feed.xml", "{% for post in site.posts %}<id>{{ post.id | absolute_url }}</id>{% endfor %}", withoutSlash, ""},
		{"jekyll-feed, which its template does not replace", "plugins: [jekyll-feed]\n", "atom.xml", "{% for post in site.posts %}<id>{{ post.url | absolute_url }}</id>{% endfor %}", withoutSlash, ""},
		{"an id of something else", "", "feed.xml", "{% for post in site.posts %}<id>{{ post.date }}</id>{% endfor %}", withoutSlash, "feed.xml"},
		// A path alone, which no Atom feed can give: warned, where it
		// was given its host without a word.
		{"post.id alone", "", "feed.xml", "{% for post in site.posts %}<item><guid isPermaLink=\"false\">{{ post.id }}</guid></item>{% endfor %}", withoutSlash, "feed.xml"},
		// A host from a setting of the site's own is a host: its ids
		// are taken to be absolute, as before.
		{"a setting of its own and post.id", "", "feed.xml", "{% for post in site.posts %}<id>{{ site.production_url }}{{ post.id }}</id>{% endfor %}", withoutSlash, ""},
		{"baseurl and post.url", "", "feed.xml", "{% for post in site.posts %}<item><guid>{{ site.baseurl }}{{ post.url }}</guid></item>{% endfor %}", withoutSlash, "feed.xml"},
		{"no feed", "", "", "", withoutSlash, "_config.yml"},
		// A loop through the site's documents, or through a variable
		// given the posts sorted or filtered, as jekyll-feed's own
		// template writes it, is one through its posts: its ids were
		// not read, and subscribers were warned of, or given, ids its
		// feed never gave.
		{"a variable given site.posts", "", "feed.xml", "{% assign posts = site.posts | where_exp: \"post\", \"post.draft != true\" | sort: \"date\" | reverse %}\n{% for post in posts limit: 10 %}<item><guid>{{ site.url }}{{ post.url }}</guid></item>{% endfor %}", withSlash, ""},
		{"site.documents", "", "feed.xml", "{% assign alldocuments = site.documents | sort: 'date' | reverse %}\n{% for post in alldocuments %}<id>{{ post.id | absolute_url | xml_escape }}</id>{% endfor %}", withoutSlash, ""},
		{"a category's posts", "", "rss.xml", "{% for post in site.categories.news %}<item><guid>{{ post.url | absolute_url }}</guid></item>{% endfor %}", withSlash, ""},
		{"a loop through no posts", "", "feed.xml", "{% assign posts = site.pages %}{% for post in posts %}<id>{{ post.url | absolute_url }}</id>{% endfor %}", withoutSlash, "feed.xml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"_config.yml":                "url: https://example.org\npermalink: /posts/:title/\n" + tt.config,
				"_posts/2020-11-14-hello.md": "---\ntitle: Hello\n---\nText.\n",
			}
			if tt.file != "" {
				files[tt.file] = tt.template
			}
			src, dest := tree(t, files), t.TempDir()
			r := mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-11-14-hello.md"), tt.want)
			var ids []Note
			for _, n := range r.Warnings {
				if strings.Contains(n.Msg, "trailing slash") {
					ids = append(ids, n)
				}
			}
			if tt.warned == "" && len(ids) > 0 || tt.warned != "" && (len(ids) != 1 || ids[0].Source != filepath.Join(src, filepath.FromSlash(tt.warned))) {
				t.Errorf("warned %v; want a warning of the ids at %q", ids, tt.warned)
			}
		})
	}
}

// TestJekyllFeedTemplateAddress names the address of a site's own feed
// template, by its permalink, for feed_aliases, where its entries' ids
// are kept: its subscribers were left with the old feed without a word.
// One whose ids are not kept is not named: its subscribers would see
// each post once more.
func TestJekyllFeedTemplateAddress(t *testing.T) {
	for _, tt := range []struct {
		name, file, template string
		want                 []string
	}{
		{"a permalink to a folder's index", "feed.xml", "---\npermalink: /feed/index.xml\n---\n{% for post in site.posts %}<guid>{{ post.url | absolute_url }}</guid>{% endfor %}", []string{"/feed/", "/feed/index.xml"}},
		{"a permalink to a folder", "feed.xml", "---\npermalink: /feed/\n---\n{% for post in site.posts %}<guid>{{ post.url | absolute_url }}</guid>{% endfor %}", []string{"/feed/", "/feed/index.xml"}},
		{"its own path", "rss.xml", "{% for post in site.posts %}<guid>{{ post.url | absolute_url }}</guid>{% endfor %}", []string{"/rss.xml"}},
		{"at bulletin's own address", "feed.xml", "{% for post in site.posts %}<guid>{{ post.url | absolute_url }}</guid>{% endfor %}", nil},
		{"ids not kept", "feed.xml", "---\npermalink: /feed/index.xml\n---\n{% for post in site.posts %}<guid>{{ post.id }}</guid>{% endfor %}", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tree(t, map[string]string{
				"_config.yml":                "url: https://example.org\npermalink: /posts/:title/\n",
				"_posts/2020-11-14-hello.md": "---\ntitle: Hello\n---\nText.\n",
				tt.file:                      tt.template,
			})
			if r := mustImport(t, src, t.TempDir()); !slices.Equal(r.Feeds, tt.want) {
				t.Errorf("old feeds %q, want %q", r.Feeds, tt.want)
			}
		})
	}
}

// TestJekyllFeedTemplateInLayout reads the ids of a feed whose template
// holds only front matter, its loop in the layout it names, as many
// themes' feeds are made; and warns at a template whose loop it cannot
// find, naming it.
func TestJekyllFeedTemplateInLayout(t *testing.T) {
	for _, tt := range []struct {
		name    string
		layouts map[string]string
		want    string
		warned  bool
	}{
		{"in a layout", map[string]string{"_layouts/atom.xml": "{% for post in site.posts %}<id>{{ post.url | absolute_url }}</id>{% endfor %}"}, "id: https://example.org/posts/hello/\n", false},
		{"in a layout's layout", map[string]string{"_layouts/atom.xml": "---\nlayout: base\n---\n", "_layouts/base.html": "{% for post in site.posts %}<id>{{ post.url | absolute_url }}</id>{% endfor %}"}, "id: https://example.org/posts/hello/\n", false},
		{"no layout", nil, "id: https://example.org/posts/hello\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"_config.yml":                "url: https://example.org\npermalink: /posts/:title/\n",
				"_posts/2020-11-14-hello.md": "---\ntitle: Hello\n---\nText.\n",
				"feed.xml":                   "---\nlayout: atom\n---\n",
			}
			maps.Copy(files, tt.layouts)
			src, dest := tree(t, files), t.TempDir()
			r := mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-11-14-hello.md"), tt.want)
			warned := slices.ContainsFunc(r.Warnings, func(n Note) bool {
				return strings.Contains(n.Msg, "trailing slash") && n.Source == filepath.Join(src, "feed.xml")
			})
			if warned != tt.warned {
				t.Errorf("warned at feed.xml: %v, want %v (warnings %v)", warned, tt.warned, r.Warnings)
			}
		})
	}
}

// TestOtherSystemsAdviceKeepsIDs follows the advice an Eleventy and a
// Hexo site are refused with, word for word, and wants the ids their
// feeds gave the posts: each post's address, trailing slash and all.
func TestOtherSystemsAdviceKeepsIDs(t *testing.T) {
	for _, tt := range []struct {
		name   string
		site   map[string]string // the site refused
		config string            // the _config.yml the advice asks for
		post   string            // the post, named as the advice asks
		want   string            // the id the old feed gave it
	}{
		{"Eleventy", map[string]string{".eleventy.js": "module.exports = () => {};\n"}, "url: https://gils-blog.tayar.org\npermalink: /posts/:title/\n",
			"2020-11-14-backend-devs-dont-upgrade-to-apple-silicon-yet.md", "https://gils-blog.tayar.org/posts/backend-devs-dont-upgrade-to-apple-silicon-yet/"},
		{"Hexo", map[string]string{"_config.yml": "url: https://hexo.io\nnew_post_name: :year-:month-:day-:title.md\n", "source/_posts/hexo-4-released.md": ""}, "url: https://hexo.io\npermalink: /news/:year/:month/:day/:title/\ntimezone: UTC\n",
			"2019-10-14-hexo-4-released.md", "https://hexo.io/news/2019/10/14/hexo-4-released/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(Options{Source: tree(t, tt.site), Dest: t.TempDir()})
			if err == nil {
				t.Fatal("not refused")
			}
			feed := regexp.MustCompile(`a feed\.xml whose one line is (\{% for .*?\{% endfor %\})`).FindStringSubmatch(err.Error())
			if feed == nil {
				t.Fatalf("refused with %v; want it to give a feed.xml's one line", err)
			}
			src, dest := tree(t, map[string]string{"_config.yml": tt.config, "feed.xml": feed[1] + "\n", "_posts/" + tt.post: "---\ntitle: T\n---\nText.\n"}), t.TempDir()
			mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", tt.post[:4], tt.post), "\nid: "+tt.want+"\n")
		})
	}
}

// TestTagOverTwoLinesToldOnOne tells a tag kept as text that is written
// over two lines on one line of the report, where its line break split
// one warning over two.
func TestTagOverTwoLinesToldOnOne(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		post  string
		line  int
		want  string
	}{
		{"Hugo", map[string]string{"config.toml": "baseURL = 'https://example.org/'\n", "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\n---\nThanks to {{< gh\n  \"@DigitalCraftsman\" >}} for it.\n"},
			"content/posts/a.md", 5, `Hugo shortcode {{< gh "@DigitalCraftsman" >}} kept as text`},
		{"Jekyll", map[string]string{"_config.yml": "url: https://example.org\nplugins: [jekyll-feed]\n", "_posts/2020-01-02-a.md": "---\ntitle: A\nexcerpt: A.\n---\nSee {% include note.html\n   text=\"Later\" %} here.\n"},
			"_posts/2020-01-02-a.md", 5, `Liquid tag {% include note.html text="Later" %} kept as text`},
	} {
		src := tree(t, tt.files)
		r := mustImport(t, src, t.TempDir())
		var report bytes.Buffer
		r.Print(&report)
		if !hasNote(r.Warnings, filepath.Join(src, filepath.FromSlash(tt.post)), tt.line, tt.want) || !strings.Contains(report.String(), tt.want+"\n") {
			t.Errorf("%s: reported\n%s\nwant the warning on one line: %s", tt.name, report.String(), tt.want)
		}
	}
}

// TestJekyllFeedTemplateByPermalink reads the ids of a feed template
// kept away from the top of the site, found by the address its front
// matter publishes it at, as Chirpy keeps assets/feed.xml at /feed.xml,
// its ids made of a variable assigned from post.url; and knows the ids
// of Chirpy's feed where the theme's gem brings it, where each found
// none and gave the posts jekyll-feed's, which subscribers would see as
// new.
func TestJekyllFeedTemplateByPermalink(t *testing.T) {
	const chirpyFeed = "---\nlayout: compress\npermalink: /feed.xml\n---\n{% capture source %}\n<feed>\n  <id>{{ \"/\" | absolute_url }}</id>\n{% for post in site.posts limit: 5 %}\n  {% assign post_absolute_url = post.url | absolute_url %}\n  <entry>\n    <id>{{ post_absolute_url }}</id>\n  </entry>\n{% endfor %}\n</feed>\n{% endcapture %}\n{{ source }}\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
	}{
		{"assets/feed.xml at /feed.xml", map[string]string{"assets/feed.xml": chirpyFeed}},
		{"by another name", map[string]string{"assets/atom-feed.xml": chirpyFeed}},
		{"prepended", map[string]string{"pages/rss.xml": "---\npermalink: /rss.xml\n---\n{% for post in site.posts %}{% assign link = post.url | prepend: site.url %}<item><guid>{{ link }}</guid></item>{% endfor %}\n"}},
		{"Chirpy's gem", map[string]string{"_config.yml": "url: https://example.org\npermalink: /posts/:title/\ntheme: jekyll-theme-chirpy\n"}},
		{"before a feed of that name elsewhere", map[string]string{"assets/feed.xml": chirpyFeed, "archive/feed.xml": "---\ntitle: Archive\n---\n{% for post in site.posts %}<id>{{ post.id }}</id>{% endfor %}"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"_config.yml":                "url: https://example.org\npermalink: /posts/:title/\n",
				"_posts/2020-11-14-hello.md": "---\ntitle: Hello\n---\nText.\n",
				// Neither a post's file nor one of a folder Jekyll does
				// not publish is a feed.
				"_site/feed.xml":          "{% for post in site.posts %}<id>{{ post.id }}</id>{% endfor %}",
				"node_modules/x/feed.xml": "---\npermalink: /feed.xml\n---\n{% for post in site.posts %}<id>{{ post.id }}</id>{% endfor %}",
				".github/feed.xml":        "---\npermalink: /feed.xml\n---\n{% for post in site.posts %}<id>{{ post.id }}</id>{% endfor %}",
				"_layouts/compress.html":  "{{ content }}",
			}
			maps.Copy(files, tt.files)
			src, dest := tree(t, files), t.TempDir()
			r := mustImport(t, src, dest)
			wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-11-14-hello.md"), "id: https://example.org/posts/hello/\n")
			for _, n := range r.Warnings {
				if strings.Contains(n.Msg, "trailing slash") {
					t.Errorf("warned %v; want the ids known", n)
				}
			}
		})
	}
}

// TestDocusaurusAdviceKeepsAddresses follows the advice a Docusaurus
// site is refused with and wants each post's old address and feed id,
// which Docusaurus gives without a trailing slash, and the date of a
// file name with a one-digit day as written, and its authors by the
// names its authors.yml gives them; the advice names its static folder,
// which it serves at the site's top.
func TestDocusaurusAdviceKeepsAddresses(t *testing.T) {
	_, err := Run(Options{Source: tree(t, map[string]string{"docusaurus.config.js": "module.exports = {};\n", "blog/2021-11-1-hooks.md": "---\ntitle: P\n---\nText.\n"}), Dest: t.TempDir()})
	if err == nil {
		t.Fatal("not refused")
	}
	advice := err.Error()
	permalink := regexp.MustCompile(`\(permalink: (\S+)\)`).FindStringSubmatch(advice)
	own := regexp.MustCompile(`\(permalink: (/blog/2021/11/1/\S+)\)`).FindStringSubmatch(advice)
	feed := regexp.MustCompile(`a feed\.xml whose one line is (\{% for .*?\{% endfor %\})`).FindStringSubmatch(advice)
	authors := regexp.MustCompile(`blog/authors\.yml .*?copy it to (\S+),`).FindStringSubmatch(advice)
	if permalink == nil || own == nil || feed == nil || authors == nil || !strings.Contains(advice, "static/") || !strings.Contains(advice, "/img/") {
		t.Fatalf("refused with %v; want the permalink of its posts and of a post with a one-digit day, a feed.xml, its authors' file and its static folder", err)
	}
	src, dest := tree(t, map[string]string{
		"_config.yml":                       "url: https://entgo.io\npermalink: " + permalink[1] + "\n",
		"feed.xml":                          feed[1] + "\n",
		authors[1]:                          "JMarcey:\n  name: Joel Marcey\n  title: Co-creator of Docusaurus 1\n  url: https://github.com/JoelMarcey\n",
		"_posts/2021-08-05-upsert.md":       "---\ntitle: Upsert\nauthors: JMarcey\n---\nText.\n",
		"_posts/2021-11-1-sync-to-hooks.md": "---\ntitle: Sync\npermalink: " + strings.Replace(own[1], "hooks", "sync-to-hooks", 1) + "\n---\nText.\n",
	}), t.TempDir()
	mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2021/2021-08-05-upsert.md":        {"  - /blog/2021/08/05/upsert\n", "id: https://entgo.io/blog/2021/08/05/upsert\n", "authors: [Joel Marcey]\n"},
		"articles/2021/2021-11-01-sync-to-hooks.md": {"  - /blog/2021/11/1/sync-to-hooks\n", "id: https://entgo.io/blog/2021/11/1/sync-to-hooks\n"},
	})
}

// TestTruncateMarker takes Docusaurus's excerpt marker, as MDX writes it
// ({/* truncate */}) and as Markdown does (<!--truncate-->), for the end
// of the summary, as <!--more--> is, and leaves it out of the body,
// where it was published in summaries, pages and feeds; one in code is
// kept.
func TestTruncateMarker(t *testing.T) {
	const opening = "The register of providers opens to everyone this spring, after two years of trials in four regions. It lists each inspection."
	for _, marker := range []string{"{/* truncate */}", "<!--truncate-->", "<!-- truncate -->"} {
		for format, files := range map[string]map[string]string{
			"Jekyll": {"_config.yml": "url: https://example.org\n", "_posts/2021-08-01-a.md": "---\ntitle: A\n---\n" + opening + "\n\nSecond paragraph.\n\n" + marker + "\n\nRest, with `{/* truncate */}` in code.\n\n```md\nOpening.\n\n" + marker + "\n```\n"},
			"Hugo":   {"hugo.toml": "baseURL = 'https://example.org/'\n", "content/posts/a.md": "---\ntitle: A\ndate: 2021-08-01\n---\n" + opening + "\n\nSecond paragraph.\n\n" + marker + "\n\nRest, with `{/* truncate */}` in code.\n\n```md\nOpening.\n\n" + marker + "\n```\n"},
		} {
			src, dest := tree(t, files), t.TempDir()
			mustImport(t, src, dest)
			file := filepath.Join(dest, "articles", "2021", "2021-08-01-a.md")
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := string(data)
			if strings.Count(got, "truncate") != 2 || !strings.Contains(got, "Second paragraph.\n\nRest") || !regexp.MustCompile(`summary: .*\n?.*Second paragraph`).MatchString(got) {
				t.Errorf("%s, %s: got\n%s\nwant the summary to end before it, and it gone from the body", format, marker, got)
			}
		}
	}
}

// TestComponentsTold names each component of MDX or Vue a post holds,
// once, as not carried over, and keeps each tab's label before what it
// holds, where tabs lost their labels, a component that held nothing
// vanished, and a button that ran a script showed as text, without a
// word; one in code is left alone.
func TestComponentsTold(t *testing.T) {
	src, dest := tree(t, map[string]string{
		"_config.yml": "url: https://example.org\n",
		"_posts/2020-02-01-tabs.md": "---\ntitle: Tabs\nexcerpt: Tabs.\n---\nFirst.\n\n<Tabs>\n  <TabItem value=\"apt\" label=\"Debian\">\n\nRun the command for Debian.\n\n  </TabItem>\n  <TabItem value=\"yum\">\n\nRun the other command.\n\n  </TabItem>\n</Tabs>\n\n" +
			"<AuthorCard author=\"jo\" />\n\n<AuthorCard :author=\"$frontmatter.author\" />\n\n<button onClick={() => alert('button clicked!')}>Click me!</button>\n\n```jsx\n<Code />\n```\n\nWrite var <Name> <Type>.\n\nEnding.\n",
	}), t.TempDir()
	r := mustImport(t, src, dest)
	post := filepath.Join(src, "_posts", "2020-02-01-tabs.md")
	for _, w := range []struct {
		line int
		msg  string
	}{
		{7, "<Tabs>, a component of MDX or Vue, not carried over"},
		{8, "<TabItem>, a component of MDX or Vue, not carried over"},
		{20, "<AuthorCard />, a component of MDX or Vue, not carried over"},
		{24, "<button onClick={…}>, an element given a script, not carried over"},
	} {
		n := 0
		for _, x := range r.Warnings {
			if x.Source == post && strings.HasPrefix(x.Msg, w.msg) {
				n++
				if x.Line != w.line {
					t.Errorf("%q told at line %d, want %d", x.Msg, x.Line, w.line)
				}
			}
		}
		if n != 1 {
			t.Errorf("got warnings %v, want one that starts %q", r.Warnings, w.msg)
		}
	}
	for _, x := range r.Warnings {
		if strings.Contains(x.Msg, "<Code") || strings.Contains(x.Msg, "<Name") {
			t.Errorf("told %v, of a component in code or a placeholder", x)
		}
	}
	wantArticle(t, filepath.Join(dest, "articles", "2020", "2020-02-01-tabs.md"), "**Debian**\n\nRun the command for Debian.", "**yum**\n\nRun the other command.", "<Code />")
}

// TestJekyllWithoutLiquid keeps the Liquid of a post whose front matter
// says render_with_liquid: false as text, as Jekyll 4 published it,
// where it was converted, and does not name the field as one to move
// into the body.
func TestJekyllWithoutLiquid(t *testing.T) {
	src, dest := tree(t, map[string]string{
		"_config.yml":                 "url: https://example.org\ntitle: Old Site\n",
		"_posts/2020-03-01-plain.md":  "---\ntitle: Plain\nrender_with_liquid: false\n---\nWrite {{ site.title }} and {% include x.html %} in your layout.\n",
		"_posts/2020-03-02-liquid.md": "---\ntitle: Liquid\nrender_with_liquid: true\n---\nThis is {{ site.title }}.\n",
	}), t.TempDir()
	r := mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2020/2020-03-01-plain.md":  {"Write {{ site.title }} and {% include x.html %} in your layout."},
		"articles/2020/2020-03-02-liquid.md": {"This is Old Site."},
	})
	for _, n := range slices.Concat(r.Warnings, r.Skipped) {
		if strings.Contains(n.Msg, "render_with_liquid") || strings.Contains(n.Msg, "include x.html") {
			t.Errorf("told %v; want neither the field nor the Liquid kept as text told", n)
		}
	}
}

// TestRelativeMarkdownLinksTold rewrites a link to another post's file
// by the name it had before it was dated (./ready.md, as a Docusaurus
// post links a post named by its front matter's date), and tells, in
// one line a post, the links to Markdown files that no post imported
// is, which lead nowhere here, where both were left without a word.
func TestRelativeMarkdownLinksTold(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "url: https://old.example.org\npermalink: /blog/:year/:month/:day/:title/\n",
		"_posts/2021-06-28-ready.md": "---\ntitle: Ready\n---\n## Part\n\nText.\n",
		"_posts/2021-07-01-later.md": "---\ntitle: Later\n---\nSee [it](./ready.md#part), [a doc](../docs/guide/variables.md#x), [gone](2020-01-01-gone.md), [its readme](https://github.com/a/b/blob/main/README.md) and `x.md`.\n\nAlso [again](../docs/guide/variables.md).\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2021/2021-07-01-later.md": {"[it](/2021/06/ready/#part)", "[a doc](../docs/guide/variables.md#x)"},
	})
	later := filepath.Join(src, "_posts", "2021-07-01-later.md")
	var told []Note
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, ".md") {
			told = append(told, n)
		}
	}
	if len(told) != 1 || told[0].Source != later || !strings.Contains(told[0].Msg, "../docs/guide/variables.md, 2020-01-01-gone.md") || strings.Contains(told[0].Msg, "README") || strings.Contains(told[0].Msg, "ready.md") {
		t.Errorf("got warnings %v, want one of %s naming the links to files no post imported is", told, later)
	}
}

// TestRelativeLinkToSharedNameTold tells a link to a post by the name
// it had before it was dated (./intro.md) that two posts had, which it
// keeps as written, as leading to either, naming both, where it was told
// as naming no post imported.
func TestRelativeLinkToSharedNameTold(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                "title: T\n",
		"_posts/2020-01-01-intro.md": "---\ntitle: Intro\n---\nText.\n",
		"_posts/2021-01-01-intro.md": "---\ntitle: Intro again\n---\nText.\n",
		"_posts/2021-07-01-later.md": "---\ntitle: Later\n---\nSee [the intro](./intro.md) and [a doc](../docs/guide.md).\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	wantWritten(t, dest, map[string][]string{
		"articles/2021/2021-07-01-later.md": {"[the intro](./intro.md)"},
	})
	later := filepath.Join(src, "_posts", "2021-07-01-later.md")
	var told []string
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, ".md") {
			told = append(told, n.Msg)
		}
	}
	want := "links to Markdown files by a name two or more posts had before they were dated (./intro.md, the name of " + filepath.Join(src, "_posts", "2020-01-01-intro.md") + " and " + filepath.Join(src, "_posts", "2021-01-01-intro.md") + "), which could mean either, are kept as written and lead nowhere on this site: point each at the address of the post it means"
	if !hasNote(r.Warnings, later, -1, want) || !hasNote(r.Warnings, later, -1, "(../docs/guide.md), which no post imported is") || slices.ContainsFunc(told, func(m string) bool { return strings.Contains(m, "no post imported") && strings.Contains(m, "intro") }) {
		t.Errorf("told %q; want %q, and the link to no post told apart", told, want)
	}
}

// TestTagNamingSharedNameTold tells a Hugo ref and a Jekyll post_url
// that name a file two posts share the name of as naming either, naming
// both, where each was told as naming no post of the import.
func TestTagNamingSharedNameTold(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		from  string
		line  int
		want  string // the note, POSTS standing for the posts named
		posts []string
	}{
		{"Hugo ref", map[string]string{
			"hugo.toml":              "title = 'T'\n",
			"content/posts/intro.md": "---\ntitle: Intro\ndate: 2020-01-01\n---\nText.\n",
			"content/news/intro.md":  "---\ntitle: News intro\ndate: 2020-01-02\n---\nText.\n",
			"content/blog/later.md":  "---\ntitle: Later\ndate: 2021-01-01\n---\nSee [the intro]({{< ref \"intro.md\" >}}).\n\n{{< ref \"intro\" >}}\n",
		}, "content/blog/later.md", 7, `{{< ref "intro" >}} could name any of POSTS, whose files share its name: kept as text; name the one meant by its path in the content folder`, []string{"content/news/intro.md", "content/posts/intro.md"}},
		{"Jekyll post_url", map[string]string{
			"_config.yml":                  "title: T\n",
			"a/_posts/2020-01-01-intro.md": "---\ntitle: Intro\n---\nText.\n",
			"b/_posts/2020-01-01-intro.md": "---\ntitle: Intro too\n---\nText.\n",
			"_posts/2021-01-01-later.md":   "---\ntitle: Later\n---\nSee {% post_url 2020-01-01-intro %}.\n",
		}, "_posts/2021-01-01-later.md", 4, "{% post_url 2020-01-01-intro %} could name any of POSTS, whose files share its name: kept as text; write the address of the one meant in its place", []string{"a/_posts/2020-01-01-intro.md", "b/_posts/2020-01-01-intro.md"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tree(t, tc.files)
			r := mustImport(t, src, t.TempDir())
			var posts []string
			for _, p := range tc.posts {
				posts = append(posts, filepath.Join(src, filepath.FromSlash(p)))
			}
			want := strings.Replace(tc.want, "POSTS", strings.Join(posts, " and "), 1)
			from := filepath.Join(src, filepath.FromSlash(tc.from))
			if !hasNote(r.Warnings, from, tc.line, want) || hasNote(r.Warnings, from, -1, "names no post") {
				t.Errorf("warnings %v; want %s:%d: %s, and nothing told as naming no post", r.Warnings, from, tc.line, want)
			}
		})
	}
}

// TestJekyllFilesBesideThePost copies an image a post shows by a path
// from its own file (./banner.jpeg beside it in _posts, img/q.png in
// the folder it is kept in) into the article's folder, where that path
// finds it, and names one the site lacks, where both were left without
// a word.
func TestJekyllFilesBesideThePost(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                                   "url: https://example.org\npermalink: /blog/:title\n",
		"_posts/banner.jpeg":                            "JPEG",
		"_posts/2021-08-26-welcome.md":                  "---\ntitle: Welcome\n---\n![Banner](./banner.jpeg)\n",
		"_posts/2021-08-27-folder/2021-08-27-folder.md": "---\ntitle: Folder\n---\n![Q](img/q.png) and [up](../banner.jpeg)\n",
		"_posts/2021-08-27-folder/img/q.png":            "PNG",
		"_posts/2021-08-28-gone.md":                     "---\ntitle: Gone\n---\n![R](./missing.png)\n",
	})
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	want := "2021/08/folder/img/q.png 2021/08/welcome/banner.jpeg articles/2021/2021-08-26-welcome.md articles/2021/2021-08-27-folder.md articles/2021/2021-08-28-gone.md"
	if got := strings.Join(files(t, dest), " "); got != want {
		t.Errorf("got files %s, want %s", got, want)
	}
	if gone := filepath.Join(src, "_posts", "2021-08-28-gone.md"); !hasNote(r.Warnings, gone, -1, "links to a file the site's folder does not hold (2021/08/gone/missing.png)") {
		t.Errorf("got warnings %v, want one naming missing.png", r.Warnings)
	}
	if folder := filepath.Join(src, "_posts", "2021-08-27-folder", "2021-08-27-folder.md"); !slices.ContainsFunc(r.Warnings, func(n Note) bool { return n.Source == folder && strings.Contains(n.Msg, "../banner.jpeg") }) {
		t.Errorf("got warnings %v, want one naming ../banner.jpeg, which leads out of the post's folder", r.Warnings)
	}
}

// TestJekyllFolderPostNamed says how a post kept as index.md in a folder
// named by its date, as Docusaurus keeps one, comes in: named as its
// folder, where it was skipped as any file not named by a date is.
func TestJekyllFolderPostNamed(t *testing.T) {
	src := tree(t, map[string]string{
		"_config.yml":                        "url: https://example.org\n",
		"_posts/2021-08-26-welcome/index.md": "---\ntitle: Welcome\n---\nText.\n",
		"_posts/2021-08-27-other.md":         "---\ntitle: Other\n---\nText.\n",
	})
	r := mustImport(t, src, t.TempDir())
	file := filepath.Join(src, "_posts", "2021-08-26-welcome", "index.md")
	if !hasNote(r.Skipped, file, 0, "not named YYYY-MM-DD-title.md, so not a post to Jekyll: not imported; it is kept in a folder named by its date, as Docusaurus keeps a post: rename it 2021-08-26-welcome.md in that folder, its files beside it, and import again") {
		t.Errorf("got skips %v, want one saying how to name it", r.Skipped)
	}
}

// TestGemPluginsManyBlocks reads a Gemfile of many blocks: the gems in
// the plugins' group are found however deep the blocks around it go, and
// none after it.
func TestGemPluginsManyBlocks(t *testing.T) {
	n := 20000
	gemfile := strings.Repeat("x do\n", n) + "group :jekyll_plugins do\n" + strings.Repeat("gem \"a\"\n", n) + "end\n" + strings.Repeat("end\n", n) + "gem \"b\"\n"
	got := gemPlugins(gemfile)
	if len(got) != n || got[0] != "a" {
		t.Errorf("found %d gems in the plugins' group, want %d of a", len(got), n)
	}
}

// TestNoSummaryToldWhy tells a post with no excerpt and no paragraph of
// text why its title stands in as its summary, where its one paragraph
// holds a shortcode kept as text: the post has text, which it does not
// say it lacks.
func TestNoSummaryToldWhy(t *testing.T) {
	src := tree(t, map[string]string{
		"config.toml":            "",
		"content/posts/maths.md": "---\ntitle: Maths\ndate: 2024-01-02\n---\n{{< katex >}}a + b{{< /katex >}}\n",
	})
	r := mustImport(t, src, t.TempDir())
	want := "no excerpt, and no paragraph of text to make a summary of (one that holds another system's shortcodes or tags is passed over"
	if !slices.ContainsFunc(r.Warnings, func(n Note) bool { return strings.HasPrefix(n.Msg, want) }) {
		t.Errorf("warnings %v, want one starting %q", r.Warnings, want)
	}
}
