package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bulletin/generator/pipeline"
)

// checkSite runs bulletin's check on the content folder dir with the
// project's theme, and gives the errors it finds, warnings left out.
func checkSite(t *testing.T, dir string) []string {
	t.Helper()
	var errs []string
	for _, e := range pipeline.Check(pipeline.Options{Content: dir, Templates: filepath.Join("..", "..", "templates"), Now: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}) {
		if !e.Warning {
			errs = append(errs, fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg))
		}
	}
	return errs
}

// TestSiteOwnAsBuildsFindIt gives articles aliases at the site's own
// paths and beside them, and checks that siteOwn says of each what a
// build finds: that it is refused, as the site has that page or file, or
// one it would be inside. siteOwn keeps whole the folders of the topics',
// regulators' and timeline's pages, whose names the articles decide: an
// alias there that no page has yet is one too.
func TestSiteOwnAsBuildsFindIt(t *testing.T) {
	for _, tt := range []struct {
		alias   string
		refused bool // by a build of this site
		kept    bool // by siteOwn all the same
	}{
		{"/index.html", true, false},
		{"/index.html/", true, false},
		{"/INDEX.HTML/", true, false},
		{"/404.html", true, false},
		{"/robots.txt", true, false},
		{"/sitemap.xml", true, false},
		{"/sitemap.xml/", true, false},
		{"/feed.xml", true, false},
		{"/feed.xml/", true, false},
		{"/atom.xml", true, false},
		{"/feed.json", true, false},
		{"/_headers", true, false},
		{"/_redirects", true, false},
		{"/search/", true, false},
		{"/search", true, false},
		{"/Topics/", true, false},
		{"/topics/fees/", true, false},
		{"/topics/fees/feed.xml", true, false},
		{"/topics/other/", false, true},
		{"/regulators/", true, false},
		{"/regulators/cqc/", true, false},
		{"/timeline/", true, false},
		{"/timeline/page/9/", false, true},
		{"/pagefind/", true, false},
		{"/pagefind/x/", true, false},
		{"/_bulletin/", true, false},
		{"/2015/", true, false},
		{"/2015/01/", true, false},
		{"/2015/01/index.html/", true, false},
		{"/1999/", false, true},
		{"/1999/12/", false, true},
		{"/feed/", false, false},
		{"/feeds/", false, false},
		{"/search/old/", false, false},
		{"/topicsx/", false, false},
		{"/2015/01/old/", false, false},
		{"/2015/13/", false, false},
		{"/index.htm", false, false},
		{"/about/", false, false},
	} {
		t.Run(tt.alias, func(t *testing.T) {
			dir := tree(t, map[string]string{
				"site.yaml":                        "title: T\nbase_url: https://example.org/\nregulators:\n  CQC: {name: Care Quality Commission}\n",
				"articles/2015/2015-01-05-fees.md": fmt.Sprintf("---\ntitle: Fees\ndate: 2015-01-05\nsummary: Fees rise.\ntopics: [Fees]\nregulators: [CQC]\nslug: fees\naliases:\n  - '%s'\n---\nText.\n", tt.alias),
			})
			errs := checkSite(t, dir)
			if refused := len(errs) > 0; refused != tt.refused {
				t.Fatalf("a build refuses it: %v, want %v; errors %q", refused, tt.refused, errs)
			}
			al, why := aliasFor(tt.alias)
			if why != "" {
				t.Fatalf("aliasFor(%q): %s", tt.alias, why)
			}
			if got, want := siteOwn(al, nil) != "", tt.refused || tt.kept; got != want {
				t.Errorf("siteOwn(%q) = %q, want it to say so: %v", al, siteOwn(al, nil), want)
			}
		})
	}
}

// TestWordPressAliasesOfTheSitesOwn imports posts whose old addresses,
// /%postname%/, are paths of the site's own, or its old feed's: each
// such address is left out of the post's aliases, with a warning naming
// it, and the site builds, the old feed's address in feed_aliases as
// the report asks, or as site.yaml had it already.
func TestWordPressAliasesOfTheSitesOwn(t *testing.T) {
	names := []string{"topics", "timeline", "search", "regulators", "sitemap.xml", "index.html", "feed"}
	var items string
	for i, name := range names {
		item := wxrItemXML(6+i, "About "+name, name, "publish", "post")
		items += regexp.MustCompile(`<link>https://old\.example\.org/\d{4}/\d\d/\d\d/`).ReplaceAllLiteralString(item, "<link>https://old.example.org/")
	}
	src := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(items)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, settings := range []string{"", "feed_aliases: [/feed/]\n"} {
		dest := tree(t, map[string]string{"site.yaml": "title: T\nbase_url: https://example.org/\n" + settings})
		r := mustImport(t, src, dest)
		for i, name := range names {
			if want := fmt.Sprintf("old address /%s/ is ", name); !hasNote(r.Warnings, src, -1, fmt.Sprintf("post %d %q: %s", 6+i, "About "+name, want)) {
				t.Errorf("%q: got warnings %v, want one that begins %q for post %d", settings, r.Warnings, want, 6+i)
			}
		}
		if settings == "" {
			if len(r.Feeds) != 1 || r.Feeds[0] != "/feed/" {
				t.Fatalf("got feeds %q, want /feed/ for feed_aliases", r.Feeds)
			}
			f, err := os.OpenFile(filepath.Join(dest, "site.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(f, "feed_aliases: [%s]\n", strings.Join(r.Feeds, ", "))
			f.Close()
		}
		if errs := checkSite(t, dest); len(errs) > 0 {
			t.Errorf("%q: the import does not build:\n%s", settings, strings.Join(errs, "\n"))
		}
	}
}
