package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bulletin/generator/content"
)

// tree writes files (path → content) into a new folder and gives its path.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// files lists the files under dir, slash-separated, or nil.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// hasNote reports whether one of notes is about source at line (any line
// when line is -1) and says msg.
func hasNote(notes []Note, source string, line int, msg string) bool {
	for _, n := range notes {
		if n.Source == source && (line < 0 || n.Line == line) && strings.Contains(n.Msg, msg) {
			return true
		}
	}
	return false
}

// TestSlugLeadingOutIsRefused checks that a post whose slug climbs out of
// its folder is skipped with a note naming its file, and that nothing is
// written outside the destination.
func TestSlugLeadingOutIsRefused(t *testing.T) {
	for _, slug := range []string{"../../../outside", "/etc/passwd", "a/../../b", `..\..\outside`, ".."} {
		t.Run(slug, func(t *testing.T) {
			src := tree(t, map[string]string{
				"_config.yml":              "title: x\n",
				"_posts/2025-01-02-bad.md": "---\ntitle: Bad\nslug: '" + slug + "'\n---\nBody.\n",
				"_posts/2025-01-03-ok.md":  "---\ntitle: Fine\n---\nBody.\n",
			})
			parent := t.TempDir()
			dest := filepath.Join(parent, "content")
			r, err := Run(Options{Source: src, Dest: dest})
			if err != nil {
				t.Fatal(err)
			}
			bad := filepath.Join(src, "_posts", "2025-01-02-bad.md")
			if !hasNote(r.Skipped, bad, 1, "would lead out of its folder") {
				t.Errorf("slug %q: got skipped %v, want a note on %s that it leads out", slug, r.Skipped, bad)
			}
			if got, want := strings.Join(files(t, parent), " "), "content/articles/2025/2025-01-03-ok.md"; got != want {
				t.Errorf("slug %q: got files %s, want %s", slug, got, want)
			}
		})
	}
}

// TestWordPressSlugLeadingOut checks the same of an export, whose slugs
// come percent-escaped.
func TestWordPressSlugLeadingOut(t *testing.T) {
	src := filepath.Join(t.TempDir(), "export.xml")
	item := wxrItemXML(1, "Evil", "..%2F..%2Foutside", "publish", "post")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	r, err := Run(Options{Source: src, Dest: filepath.Join(parent, "content")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Written != 0 || !hasNote(r.Skipped, src, -1, `post 1 "Evil": slug "../../outside" would lead out`) {
		t.Errorf("got written %d, skipped %v; want the post refused", r.Written, r.Skipped)
	}
	if got := files(t, parent); got != nil {
		t.Errorf("got files %v, want none", got)
	}
}

// TestEntitiesAreNotExpanded feeds exports built to expand without end,
// or to take without end to read, and wants a clear error at once.
func TestEntitiesAreNotExpanded(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version><item><title>&lol9;</title></item></channel></rss>
`
	external := `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title></item></channel></rss>
`
	undeclared := `<?xml version="1.0"?>
<rss><channel><item><title>&lol9;</title></item></channel></rss>
`
	// 100,000 elements deep: making each one's path took minutes.
	deep := "<?xml version=\"1.0\"?>\n<rss><channel><item>" + strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000) + "</item></channel></rss>\n"
	for _, tc := range []struct{ name, xml, want string }{
		{"nested without end", deep, ":2: elements nest over 64 deep, where a WordPress export nests them 6 deep at most"},
		{"billion laughs", laughs, ":8: the file declares entities (<!ENTITY>), which WordPress exports never do: refused"},
		{"external entity", external, ":2: the file declares entities (<!ENTITY>), which WordPress exports never do: refused"},
		{"undeclared entity", undeclared, ":2: not a well-formed export: invalid character entity &lol9; (this importer expands no entity a file declares)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "export.xml")
			if err := os.WriteFile(src, []byte(tc.xml), 0o644); err != nil {
				t.Fatal(err)
			}
			dest := t.TempDir()
			_, err := Run(Options{Source: src, Dest: dest})
			if err == nil || !strings.Contains(err.Error(), src+tc.want) {
				t.Errorf("got error %v, want one with %q", err, src+tc.want)
			}
			if got := files(t, dest); got != nil {
				t.Errorf("got files %v, want none", got)
			}
		})
	}
}

// TestOversize checks that an export over the size cap is refused as a
// whole, and a post file over it is skipped with a note.
func TestOversize(t *testing.T) {
	_, err := Run(Options{Source: "testdata/wordpress.xml", Dest: t.TempDir(), MaxSize: 1 << 10})
	if want := "testdata/wordpress.xml: the export is "; err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "over the 1 KB this importer reads") {
		t.Errorf("got error %v, want %q... over the 1 KB", err, want)
	}
	// A file that grows, or a pipe, is caught while it is read.
	_, err = parseWXR(&capped{r: strings.NewReader(wxrXML(strings.Repeat(wxrItemXML(1, "A", "a", "publish", "post"), 20))), max: 1 << 10}, "x.xml")
	if !errors.Is(err, errTooLarge) {
		t.Errorf("reading past the cap: got %v, want errTooLarge", err)
	}
	src := tree(t, map[string]string{
		"_config.yml":                "",
		"_posts/2025-01-02-large.md": "---\ntitle: Large\n---\n" + strings.Repeat("word ", 400),
		"_posts/2025-01-03-small.md": "---\ntitle: Small\n---\nBody.\n",
	})
	r, err := Run(Options{Source: src, Dest: t.TempDir(), MaxSize: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if large := filepath.Join(src, "_posts", "2025-01-02-large.md"); r.Written != 1 || !hasNote(r.Skipped, large, 0, "the file is too large: over 1 KB: not imported") {
		t.Errorf("got written %d, skipped %v; want the large post skipped", r.Written, r.Skipped)
	}
}

// TestLinkOutsideSourceIsNotRead checks that a post that is a symbolic
// link to a file outside the source is skipped, and one to a file inside
// is read.
func TestLinkOutsideSourceIsNotRead(t *testing.T) {
	outside := tree(t, map[string]string{"secret.md": "---\ntitle: Secret\n---\nSecret.\n"})
	src := tree(t, map[string]string{
		"_config.yml":               "",
		"_posts/2025-01-02-real.md": "---\ntitle: Real\n---\nBody.\n",
	})
	for name, target := range map[string]string{
		"2025-01-03-secret.md": filepath.Join(outside, "secret.md"),
		"2025-01-04-up.md":     "../../" + filepath.Base(outside) + "/secret.md",
		"2025-01-05-inside.md": "2025-01-02-real.md",
	} {
		if err := os.Symlink(target, filepath.Join(src, "_posts", name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	dest := t.TempDir()
	r, err := Run(Options{Source: src, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2025-01-03-secret.md", "2025-01-04-up.md"} {
		if p := filepath.Join(src, "_posts", name); !hasNote(r.Skipped, p, 0, "a link to a file outside "+src+": not read") {
			t.Errorf("got skipped %v, want %s refused", r.Skipped, p)
		}
	}
	want := "articles/2025/2025-01-02-real.md articles/2025/2025-01-05-inside.md"
	if got := strings.Join(files(t, dest), " "); got != want {
		t.Errorf("got files %s, want %s", got, want)
	}
}

// TestLinkedFolderIsTold checks that a symbolic link to a folder where
// posts are kept, which the import does not follow, is told as a problem
// naming the link, where its posts were left out without a word, and
// that nothing of what it leads to is written.
func TestLinkedFolderIsTold(t *testing.T) {
	outside := tree(t, map[string]string{
		"2025-01-03-secret.md": "---\ntitle: Secret\ndate: 2025-01-03\n---\nSecret.\n",
	})
	for _, tc := range []struct{ name, config, posts, link string }{
		{"jekyll folder in _posts", "_config.yml", "_posts/2025-01-02-real.md", "_posts/2025"},
		{"jekyll _posts", "_config.yml", "", "_posts"},
		{"hugo section", "hugo.toml", "content/posts/real.md", "content/news"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := map[string]string{tc.config: ""}
			if tc.posts != "" {
				site[tc.posts] = "---\ntitle: Real\ndate: 2025-01-02\n---\nBody.\n"
			}
			src := tree(t, site)
			link := filepath.Join(src, filepath.FromSlash(tc.link))
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			dest := t.TempDir()
			r, err := Run(Options{Source: src, Dest: dest})
			if err != nil {
				t.Fatal(err)
			}
			if !hasNote(r.Skipped, link, 0, "a symbolic link to a folder, which the import does not follow") || r.Problems() != 1 {
				t.Errorf("got skipped %v, want one problem naming %s", r.Skipped, link)
			}
			for _, f := range files(t, dest) {
				if strings.Contains(f, "secret") {
					t.Errorf("wrote %s, from the folder the link leads to", f)
				}
			}
		})
	}
}

// TestLinkOutsideDestIsNotFollowed checks that a folder of the
// destination that is a link out of it is not written through.
func TestLinkOutsideDestIsNotFollowed(t *testing.T) {
	outside := t.TempDir()
	dest := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dest, "articles")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	r, err := Run(fixtureOptions("testdata/jekyll", dest))
	if err != nil {
		t.Fatal(err)
	}
	if r.Written != 0 || !hasNote(r.Skipped, "testdata/jekyll/_posts/2025-03-27-ics-assessments-paused.md", -1, "can't make "+filepath.Join(dest, "articles", "2025")) {
		t.Errorf("got written %d, skipped %v; want every write refused", r.Written, r.Skipped)
	}
	// Each is a problem, which the command exits 1 on.
	for _, n := range r.Skipped {
		if strings.Contains(n.Msg, "can't make") && !n.Problem {
			t.Errorf("%s: not a problem; want a write refused to be one", n)
		}
	}
	if got := files(t, outside); got != nil {
		t.Errorf("got files %v outside the destination, want none", got)
	}
}

// TestExistingFilesAreKept imports a sample twice into one folder, the
// second time over an edited file: nothing is written the second time,
// each file is reported, and the edit stays.
func TestExistingFilesAreKept(t *testing.T) {
	dest := t.TempDir()
	first, err := Run(fixtureOptions("testdata/hugo", dest))
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(dest, "articles", "2025", "2025-04-02-dhsc-response.md")
	if err := os.WriteFile(edited, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := Run(fixtureOptions("testdata/hugo", dest))
	if err != nil {
		t.Fatal(err)
	}
	if second.Written != 0 || len(second.Skipped) != len(first.Skipped)+first.Written {
		t.Errorf("second import: wrote %d and skipped %d, want 0 and %d", second.Written, len(second.Skipped), len(first.Skipped)+first.Written)
	}
	if !hasNote(second.Skipped, "testdata/hugo/content/posts/second.md", 1, edited+" is there already: left as it is") {
		t.Errorf("got skipped %v, want a note that %s is kept", second.Skipped, edited)
	}
	if data, _ := os.ReadFile(edited); string(data) != "mine\n" {
		t.Errorf("%s: got %q, want the edit kept", edited, data)
	}
	for _, f := range files(t, dest) {
		if strings.HasPrefix(filepath.Base(f), ".") {
			t.Errorf("left behind %s", f)
		}
	}
}

// TestBrokenFrontMatter checks that each broken file is skipped with its
// line and what is wrong, counted as a problem, and the others are
// imported.
func TestBrokenFrontMatter(t *testing.T) {
	src := tree(t, map[string]string{
		"hugo.toml":                "baseURL = 'https://x.example/'\n",
		"content/posts/ok.md":      "---\ntitle: Fine\ndate: 2025-01-02\n---\nBody.\n",
		"content/posts/colon.md":   "---\ntitle: Fine\ndate: 2025-01-02\nsummary: a: b\n---\nBody.\n",
		"content/posts/tab.md":     "---\ntitle: Fine\ndate: 2025-01-02\ntags:\n\t- a\n---\nBody.\n",
		"content/posts/toml.md":    "+++\ntitle = 'Fine'\ndate = 2025-01-02\nslug = \n+++\nBody.\n",
		"content/posts/json.md":    "{\n  \"title\": \"Fine\",\n  \"date\": \"2025-01-02\",\n}\nBody.\n",
		"content/posts/open.md":    "---\ntitle: Fine\ndate: 2025-01-02\nBody.\n",
		"content/posts/none.md":    "Just text.\n",
		"content/posts/date.md":    "---\ntitle: Fine\ndate: 27/03/2025\n---\nBody.\n",
		"content/posts/binary.md":  "---\ntitle: \xff\n---\n",
		"content/posts/aliases.md": "---\ntitle: Fine\ndate: 2025-01-02\nx: &a [*a]\n---\n",
		"content/posts/deep.md":    "+++\ntitle = 'Fine'\ndate = 2025-01-02\nx = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 20000) + "\n+++\nBody.\n",
		"content/posts/longkey.md": "+++\ntitle = 'Fine'\ndate = 2025-01-02\n" + strings.Repeat("k", 100000) + " = [" + strings.Repeat("{a=1},", 5000) + "]\n+++\nBody.\n",
	})
	r, err := Run(Options{Source: src, Dest: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		line int
		msg  string
	}{
		{"colon.md", 4, `summary: a value with ": " in it must be in quotes: write summary: "a: b"`},
		{"tab.md", 5, "the line is indented with a tab, which YAML does not allow: indent with spaces"},
		{"toml.md", 4, "front matter is not valid TOML"},
		{"json.md", 4, "front matter is not a valid JSON object"},
		{"open.md", 1, "front matter is never closed: end it with a line of ---"},
		{"none.md", 1, "no date: not imported; it has no front matter"},
		{"date.md", 3, `date "27/03/2025" is not a date`},
		{"binary.md", 0, "not valid UTF-8"},
		{"aliases.md", 1, "front matter"},
		{"deep.md", 4, "front matter nests deeper than 32 levels, which no post needs: not imported"},
		{"longkey.md", 4, "front matter has a key longer than 256 bytes, which no post needs: not imported"},
	} {
		p := filepath.Join(src, "content", "posts", tc.file)
		if !hasNote(r.Skipped, p, tc.line, tc.msg) {
			t.Errorf("got skipped %v, want %s:%d: %s", r.Skipped, p, tc.line, tc.msg)
		}
	}
	for _, n := range r.Skipped {
		if strings.Contains(n.Msg, "not imported: not imported") {
			t.Errorf("%s:%d: %q says it twice", n.Source, n.Line, n.Msg)
		}
	}
	if r.Written != 1 {
		t.Errorf("wrote %d, want 1", r.Written)
	}
	if got := r.Problems(); got != 11 {
		t.Errorf("got %d problems, want one for each of the 11 broken files", got)
	}
}

// TestRunErrors checks the cases in which Run gives up, and its words.
func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	html := write("page.xml", "<html><body>hi</body></html>")
	feed := write("feed.xml", "<rss><channel><title>x</title></channel></rss>")
	broken := write("broken.xml", "<rss><channel><item></channel></rss>")
	text := write("notes.txt", "hello")
	jekyll := tree(t, map[string]string{"_config.yml": "permalink: [\n"})
	hugo := tree(t, map[string]string{"hugo.toml": "baseURL = \n"})
	zone := tree(t, map[string]string{"_config.yml": "timezone: Mars/Olympus\n"})
	up := tree(t, map[string]string{"_config.yml": "title: J\nsource: ../elsewhere\n", "_posts/2020-01-02-a.md": "---\ntitle: A\n---\nA.\n"})
	absolute := tree(t, map[string]string{"_config.yml": "title: J\n\nsource: /srv/site\n", "_posts/2020-01-02-a.md": "---\ntitle: A\n---\nA.\n"})
	for _, tc := range []struct {
		name string
		o    Options
		want string
	}{
		{"no source", Options{Dest: dir}, "give both a source and a destination"},
		{"missing", Options{Source: filepath.Join(dir, "nope"), Dest: dir}, "no such file or directory"},
		{"unknown format", Options{Source: dir, Format: "blogger", Dest: dir}, `format "blogger": use jekyll, hugo or wordpress`},
		{"folder as export", Options{Source: dir, Format: WordPress, Dest: dir}, "is a file (Tools → Export), and this is a folder"},
		{"file as site", Options{Source: text, Format: Hugo, Dest: dir}, "a hugo site is a folder"},
		{"not a site", Options{Source: t.TempDir(), Dest: dir}, "neither a Jekyll site"},
		{"the folder of an export", Options{Source: tree(t, map[string]string{"export.xml": "<rss/>"}), Dest: dir}, "for a WordPress export, give the file: -from "},
		{"text file", Options{Source: text, Dest: dir}, "not a folder or a WordPress export"},
		{"HTML", Options{Source: html, Dest: dir}, "page.xml: not a WordPress export: it holds <html>, not <rss>"},
		{"feed", Options{Source: feed, Dest: dir}, "an RSS feed, but not a WordPress export"},
		{"broken XML", Options{Source: broken, Dest: dir}, "broken.xml:1: not a well-formed export: element <item> closed by </channel>"},
		{"broken _config.yml", Options{Source: jekyll, Dest: dir}, "_config.yml:1: the file is not valid YAML"},
		{"broken hugo.toml", Options{Source: hugo, Dest: dir}, "hugo.toml:1: the file is not valid TOML"},
		{"bad zone", Options{Source: zone, Dest: dir}, `timezone "Mars/Olympus" is not a time zone`},
		{"source out of the site", Options{Source: up, Dest: dir}, filepath.Join(up, "_config.yml") + `:2: source "../elsewhere" leads out of ` + up},
		{"absolute source", Options{Source: absolute, Dest: dir}, filepath.Join(absolute, "_config.yml") + `:3: source "/srv/site" leads out of ` + absolute},
		{"no _posts", Options{Source: tree(t, map[string]string{"_config.yml": ""}), Dest: dir}, "a Jekyll site with no _posts folder, so no posts to import"},
		{"no _posts nor _config.yml", Options{Source: tree(t, map[string]string{"_posts.txt": ""}), Dest: dir, Format: Jekyll}, "no _posts folder: is this a Jekyll site?"},
		{"no content", Options{Source: tree(t, map[string]string{"hugo.toml": ""}), Dest: dir}, "no content folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Run(%+v): got error %v, want one with %q", tc.o, err, tc.want)
			}
		})
	}
}

// TestHugoContentDirOutside refuses a contentDir outside the site folder,
// for the site or a language, saying so, and reads nothing there.
func TestHugoContentDirOutside(t *testing.T) {
	for _, config := range []string{
		"contentDir = '../outside'\n",
		"contentDir = '/tmp/outside'\n",
		"defaultContentLanguage = 'en'\n[languages.en]\n[languages.fr]\ncontentDir = '../outside'\n",
	} {
		src := tree(t, map[string]string{"config.toml": config, "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\n---\nText.\n"})
		_, err := Run(Options{Source: src, Dest: t.TempDir()})
		if err == nil || !strings.Contains(err.Error(), "is not a folder inside the site, and the import reads nothing outside the folder it is given") {
			t.Errorf("config %q: got %v, want contentDir refused as outside the site", config, err)
		}
	}
}

// TestLinkOutOfTheSiteIsTold imports sites whose content folder or
// settings file is a symbolic link out of the site: each is told as a
// link the import does not follow, where the content folder was told as
// missing ("is this a Hugo site?") and a settings file with os.Root's
// words, "path escapes from parent".
func TestLinkOutOfTheSiteIsTold(t *testing.T) {
	outside := tree(t, map[string]string{
		"posts/a.md":  "---\ntitle: A\ndate: 2024-01-02\n---\nText.\n",
		"params.toml": "x = 1\n",
		"_config.yml": "url: https://old.example.org\n",
	})
	for _, tc := range []struct{ name, link, to string }{
		{"hugo content folder", "content", "posts"},
		{"hugo settings file", "config/_default/params.toml", "params.toml"},
		{"jekyll settings file", "_config.yml", "_config.yml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := map[string]string{"_posts/2024-01-02-b.md": "---\ntitle: B\n---\nText.\n"}
			if strings.HasPrefix(tc.name, "hugo") {
				site = map[string]string{"hugo.toml": "baseURL = 'https://old.example.org/'\n"}
				if tc.link != "content" {
					site["content/posts/b.md"] = "---\ntitle: B\ndate: 2024-01-02\n---\nText.\n"
				}
			}
			src := tree(t, site)
			link := filepath.Join(src, filepath.FromSlash(tc.link))
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(outside, tc.to), link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			dest := t.TempDir()
			_, err := Run(Options{Source: src, Dest: dest})
			if err == nil || !strings.Contains(err.Error(), link+": a symbolic link that leads out of the folder, which the import does not follow") {
				t.Errorf("got %v, want %s told as a link out of the site", err, link)
			}
			if got := files(t, dest); got != nil {
				t.Errorf("wrote %v, want nothing", got)
			}
		})
	}
}

// TestImportReadsNoPipe imports a Jekyll site whose settings, a post and
// its authors' data are pipes: each is told, none is read, which would
// never end.
func TestImportReadsNoPipe(t *testing.T) {
	src := tree(t, map[string]string{"_posts/2020-01-02-kept.md": "---\ntitle: Kept\n---\nText.\n"})
	for _, name := range []string{"_config.yml", "_posts/2020-01-01-pipe.md", "_data/authors.yml"} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	type result struct {
		r   Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := Run(Options{Source: src, Format: Jekyll, Dest: t.TempDir()})
		done <- result{r, err}
	}()
	select {
	case got := <-done:
		if got.err == nil || !strings.Contains(got.err.Error(), "not a regular file") {
			t.Errorf("import gave %v, want _config.yml refused as not a regular file", got.err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("import still reading after 20s")
	}
	config := filepath.Join(src, "_config.yml")
	if err := os.Remove(config); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(config, []byte("url: https://old.example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		r, err := Run(Options{Source: src, Format: Jekyll, Dest: t.TempDir()})
		done <- result{r, err}
	}()
	select {
	case got := <-done:
		if got.err != nil || got.r.Written != 1 || !hasNote(got.r.Skipped, filepath.Join(src, "_posts", "2020-01-01-pipe.md"), -1, "not a regular file") {
			t.Errorf("import wrote %d, skipped %v (%v); want the post kept and the pipe told", got.r.Written, got.r.Skipped, got.err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("import still reading a post after 20s")
	}
}

// TestHugeWordPressPost leaves out a post whose HTML is larger than its
// article could be, saying so, before converting it, which would take
// minutes and gigabytes, and imports the others.
func TestHugeWordPressPost(t *testing.T) {
	huge := strings.Replace(wxrItemXML(7, "Huge", "huge", "publish", "post"), "<!-- wp:heading -->", strings.Repeat("<p>word</p>", maxPostHTML/11+1)+"<!-- wp:heading -->", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(huge+wxrItemXML(8, "Small", "small", "publish", "post"))), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, src, t.TempDir())
	if r.Written != 1 || !hasNote(r.Skipped, src, -1, `post 7 "Huge": its content is`) {
		t.Errorf("wrote %d, skipped %v; want the small post, and the huge one told", r.Written, r.Skipped)
	}
}

// TestImportTellsWhatTheBuildRefuses imports a post whose article the
// build would refuse (quotes nested 150 deep): it is written, for an
// editor to mend, and the import says what the build will say of it.
func TestImportTellsWhatTheBuildRefuses(t *testing.T) {
	deep := strings.Repeat("<blockquote>", 150) + "<p>deep</p>" + strings.Repeat("</blockquote>", 150)
	item := strings.Replace(wxrItemXML(7, "Deep", "deep", "publish", "post"), "<!-- wp:heading -->", deep+"<!-- wp:heading -->", 1)
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(item)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, src, t.TempDir())
	if r.Written != 1 || !hasNote(r.Warnings, src, -1, "its article, as written, is refused by the build") || !hasNote(r.Warnings, src, -1, "more than the 100 allowed") {
		t.Errorf("wrote %d, warned %v; want the post written and the build's refusal told", r.Written, r.Warnings)
	}
}

// TestTextThatReadsAsAnotherType imports posts whose title, summary,
// topics and authors are text that YAML would read as something else
// unquoted (null, ~, true, a number, a date): each is written so that
// the build reads back the very text, and no article is refused. A topic
// with no letter or digit has no address, and is left out.
func TestTextThatReadsAsAnotherType(t *testing.T) {
	words := []string{"null", "~", "true", "No", "1.5", "0x1F", "2025-01-02", "[x]"}
	posts := map[string]string{"hugo.toml": "baseURL = 'https://old.example.org/'\n"}
	for i, w := range words {
		q := strconv.Quote(w)
		posts[fmt.Sprintf("content/posts/p%d.md", i)] = fmt.Sprintf("---\ntitle: %s\ndate: 2020-01-%02d\nsummary: %s\ntags: [%s]\nauthors: [%s]\n---\nBody.\n", q, i+1, q, q, q)
	}
	src := tree(t, posts)
	dest := t.TempDir()
	r := mustImport(t, src, dest)
	if r.Written != len(words) {
		t.Fatalf("wrote %d of %d, skipped %v", r.Written, len(words), r.Skipped)
	}
	for _, n := range r.Warnings {
		if strings.Contains(n.Msg, "is refused by the build") {
			t.Errorf("%s: %s", n.Source, n.Msg)
		}
	}
	set, err := content.Load(os.DirFS(dest), "content")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range set.Articles {
		topics := []string{a.Title}
		if content.Slug(a.Title) == "" {
			topics = nil
		}
		if a.Summary != a.Title || !slices.Equal(a.Topics, topics) || len(a.Authors) != 1 || a.Authors[0] != a.Title {
			t.Errorf("%s: title %q, summary %q, topics %q, authors %q; want one text in all", a.Path, a.Title, a.Summary, a.Topics, a.Authors)
		}
		got[a.Title] = true
	}
	for _, w := range words {
		if !got[w] {
			t.Errorf("no article is titled %q: got %v", w, got)
		}
	}
}
