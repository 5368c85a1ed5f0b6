package render

import (
	"strings"
	"testing"

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
	first := plan(nil)
	if again := plan(nil); again.theme != first.theme {
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
	if edited.theme == first.theme || !strings.Contains(notFound(edited), "Gone for good.") {
		t.Error("a template edited did not show on its page")
	}
	if back := plan(nil); back.theme == edited.theme || strings.Contains(notFound(back), "Gone for good.") {
		t.Error("the template edited back still showed the edit")
	}
	static := plan(map[string]string{"static/extra.css": "p{}"})
	if static.theme == first.theme {
		t.Error("a theme with another static file took the theme loaded before")
	}
	s.Settings.SetBaseURL("https://example.org/bulletin/")
	if moved := plan(map[string]string{"static/extra.css": "p{}"}); moved.theme == static.theme {
		t.Error("a site served from another path took the theme that links to the old one")
	}
}
