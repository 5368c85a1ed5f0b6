package render

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"bulletin/generator/site"
)

// TestMemoTakesThemeAgain checks that a Memo gives a later Plan the
// theme an earlier one loaded only while the theme's files hold the same
// bytes and the site is served from the same path: a theme with a
// template edited, or with another static file, is loaded anew, and the
// pages show the edit.
func TestMemoTakesThemeAgain(t *testing.T) {
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	var m Memo
	plan := func(fsys map[string]string) *Files {
		t.Helper()
		files, err := m.Plan(themeWith(t, fsys), "templates", s)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	// A theme taken again is a copy of the one loaded, its shared
	// templates the same.
	same := func(a, b *Files) bool { return a.theme.shared == b.theme.shared }
	first := plan(nil)
	if again := plan(nil); !same(again, first) {
		t.Error("the same theme was loaded again")
	}
	notFound := func(f *Files) string {
		t.Helper()
		page, err := f.Make("404.html")
		if err != nil {
			t.Fatal(err)
		}
		return string(page)
	}
	edited := plan(map[string]string{"404.html": `{{define "main"}}<p>Gone for good.</p>{{end}}`})
	if same(edited, first) || !strings.Contains(notFound(edited), "Gone for good.") {
		t.Error("a template edited did not show on its page")
	}
	if back := plan(nil); same(back, edited) || strings.Contains(notFound(back), "Gone for good.") {
		t.Error("the template edited back still showed the edit")
	}
	static := plan(map[string]string{"static/extra.css": "p{}"})
	if same(static, first) {
		t.Error("a theme with another static file took the theme loaded before")
	}
	s.Settings.SetBaseURL("https://example.org/bulletin/")
	if moved := plan(map[string]string{"static/extra.css": "p{}"}); same(moved, static) {
		t.Error("a site served from another path took the theme that links to the old one")
	}
}

// TestMemoLetsGoOfLastSitesFragments checks that a theme taken again
// shares no fragment with the site before, even one that site makes
// once the next is planned, as serve may while it writes the old site:
// kept by that site's values, they would keep the whole of it in memory.
func TestMemoLetsGoOfLastSitesFragments(t *testing.T) {
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	var m Memo
	first, err := m.Plan(themeWith(t, nil), "templates", s)
	if err != nil {
		t.Fatal(err)
	}
	next, err := m.Plan(themeWith(t, nil), "templates", s)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Write(context.Background(), &discard{}); err != nil {
		t.Fatal(err)
	}
	kept := func(f *Files) int {
		n := 0
		for _, f := range f.theme.fragments {
			n += len(f.young) + len(f.old)
		}
		return n
	}
	if kept(first) == 0 {
		t.Fatal("the site's lists kept no fragment: the test shows nothing")
	}
	if n := kept(next); n > 0 {
		t.Errorf("the theme taken again keeps %d fragments the site before made", n)
	}
}

// TestThemeKeyTellsAFolderFromNothing checks that a template replaced
// by a folder of its name changes the theme's key, so that the theme is
// read again, and its problem told as a folder's.
func TestThemeKeyTellsAFolderFromNothing(t *testing.T) {
	without := themeWith(t, map[string]string{"404.html": ""})
	withFolder := themeWith(t, map[string]string{"404.html": ""}).(fstest.MapFS)
	withFolder["404.html"] = &fstest.MapFile{Mode: fs.ModeDir}
	a, errA := themeKey(without)
	b, errB := themeKey(withFolder)
	if errA != nil || errB != nil || a == b {
		t.Errorf("a folder named 404.html gives the key of no such file (%v, %v)", errA, errB)
	}
}

// TestStaticFolderAsLinkIsRefused checks that a theme's static folder
// that is a symbolic link is refused, as a link inside it is, rather
// than published from wherever it leads.
func TestStaticFolderAsLinkIsRefused(t *testing.T) {
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	dir, elsewhere := t.TempDir(), t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(moduleRoot(t), "templates"))); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, StaticDir)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "style.css"), []byte("p{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, StaticDir)); err != nil {
		t.Fatal(err)
	}
	files, err := Plan(os.DirFS(dir), "templates", s)
	if err == nil || !strings.Contains(err.Error(), "templates/static: a symbolic link") {
		t.Errorf("got %v, want the linked static folder refused", err)
	}
	if files != nil && files.Has("style.css") {
		t.Error("style.css is published through the link")
	}
}

// TestMemoChecksClaimsAgain checks that a Memo gives what checkClaims
// finds for the claims it is given, whether it checked them before or
// not: a clash made, moved to another line, or mended is told as a
// fresh check tells it.
func TestMemoChecksClaimsAgain(t *testing.T) {
	page := func(name, file string, line int) job {
		return job{name: name, url: "/" + strings.TrimSuffix(name, "index.html"), from: source{file: file, line: line, field: "slug"}}
	}
	extra := []claim{{name: "_bulletin", url: PreviewPath, folder: "serve's folder"}}
	clean := []job{page("a/index.html", "content/a.md", 3), page("b/index.html", "content/b.md", 3)}
	clash := []job{page("a/index.html", "content/a.md", 3), page("A/index.html", "content/b.md", 3)}
	moved := []job{page("a/index.html", "content/a.md", 3), page("A/index.html", "content/b.md", 5)}
	inside := []job{page("a/index.html", "content/a.md", 3), page("_bulletin/index.html", "content/b.md", 3)}
	var m Memo
	for i, jobs := range [][]job{clean, clean, clash, clash, moved, clean, inside, inside, clean} {
		want, got := fmt.Sprint(checkClaims(jobs, extra)), fmt.Sprint(m.checkClaims(jobs, extra))
		if got != want {
			t.Errorf("check %d: the memo gives %s, want %s", i, got, want)
		}
		if i == 2 && want == "<nil>" {
			t.Fatal("the clash is not told: the test shows nothing")
		}
	}
}
