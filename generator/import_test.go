package main

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/generator/importer"
)

// TestImportedSitesBuild imports each of the importer's sample sites,
// builds it, and wants every old address to answer: the article's own
// page, or a redirect page that leads to it.
func TestImportedSitesBuild(t *testing.T) {
	for _, source := range []string{"importer/testdata/jekyll", "importer/testdata/hugo", "importer/testdata/wordpress.xml"} {
		t.Run(filepath.Base(source), func(t *testing.T) {
			o := testOptions(t, t.TempDir())
			o.Now = time.Now() // the samples' posts are all in the past
			r, err := importer.Run(importer.Options{Source: source, Dest: o.Content})
			if err != nil {
				t.Fatal(err)
			}
			if r.Written == 0 || len(r.Moved) == 0 {
				t.Fatalf("imported %d articles with %d old addresses, want some of each", r.Written, len(r.Moved))
			}
			if _, err := build(o); err != nil {
				t.Fatalf("building the imported site: %v", err)
			}
			for _, m := range r.Moved {
				if strings.Contains(m.From, "?") {
					continue // a query, which a static site cannot answer
				}
				from, err := url.PathUnescape(m.From)
				if err != nil {
					t.Fatal(err)
				}
				name := strings.TrimPrefix(from, "/")
				if path.Ext(name) == "" {
					name = path.Join(name, "index.html") // a folder's address
				}
				page, err := os.ReadFile(filepath.Join(o.Out, filepath.FromSlash(name)))
				if err != nil {
					t.Errorf("old address %s: %v", m.From, err)
					continue
				}
				if m.From != m.To && !strings.Contains(string(page), (&url.URL{Path: m.To}).EscapedPath()) {
					t.Errorf("old address %s does not lead to %s:\n%s", m.From, m.To, page)
				}
			}
		})
	}
}

// TestImportOfNoPostsFails fails an import that read a site's pages and
// wrote none, saying why, where it exited 0 as if the site came in whole.
func TestImportOfNoPostsFails(t *testing.T) {
	src := t.TempDir()
	for name, text := range map[string]string{
		"hugo.toml":               "baseURL = 'https://example.org/'\n",
		"content/docs/install.md": "---\ntitle: Install\n---\nSteps.\n",
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"import", "-from", src, "-content", t.TempDir()}, &stdout, &stderr)
	if want := "import: wrote no article: the one page read is not a post it takes"; code != 1 || !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("import of a site of documentation exited %d, printing:\n%s\nwant 1 and %q", code, stderr.String(), want)
	}
}

// TestPelicanAdviceKeepsIDs follows the advice a Pelican site is refused
// with and wants each post's feed id as Pelican's feeds gave it, a tag
// URI of its address and day in Pelican's time zone, and its address
// kept.
func TestPelicanAdviceKeepsIDs(t *testing.T) {
	src := t.TempDir()
	writeFiles(t, src, map[string]string{"pelicanconf.py": "SITEURL = 'https://example.org'\n", "content/my-super-post.md": "Title: My super title\nDate: 2010-12-03 00:20\n\nText.\n"})
	_, err := importer.Run(importer.Options{Source: src, Dest: t.TempDir()})
	if err == nil {
		t.Fatal("not refused")
	}
	advice := err.Error()
	permalink := regexp.MustCompile(`\(permalink: (\S+),`).FindStringSubmatch(advice)
	authority := regexp.MustCompile(`\(id_authority: (\S+)\)`).FindStringSubmatch(advice)
	if permalink == nil || authority == nil || !strings.Contains(advice, "but no url") {
		t.Fatalf("refused with %v; want the permalink, no url and the id authority", err)
	}
	jekyll := t.TempDir()
	writeFiles(t, jekyll, map[string]string{
		"_config.yml":                        "permalink: " + permalink[1] + "\ntimezone: Europe/Paris\n",
		"_posts/2010-12-03-my-super-post.md": "---\ntitle: My super title\ndate: 2010-12-03 00:20\n---\nText.\n",
	})
	o := testOptions(t, t.TempDir())
	writeFiles(t, o.Content, map[string]string{"site.yaml": "title: T\nbase_url: https://new.example.net/\nid_authority: " + authority[1] + "\n"})
	if _, err := importer.Run(importer.Options{Source: jekyll, Dest: o.Content, Format: importer.Jekyll}); err != nil {
		t.Fatal(err)
	}
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	atom, err := os.ReadFile(filepath.Join(o.Out, "atom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// Pelican dated the id by the post's day in its time zone: 00:20 in
	// Paris is the day before in UTC.
	if want := "<id>tag:example.org,2010-12-03:/my-super-post.html/</id>"; !strings.Contains(string(atom), want) {
		t.Errorf("atom.xml:\n%s\nwant %s, the id Pelican gave the post", atom, want)
	}
	if _, err := os.Stat(filepath.Join(o.Out, "my-super-post.html")); err != nil {
		t.Errorf("old address: %v", err)
	}
}

// writeFiles writes files, by slash path, into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
}
