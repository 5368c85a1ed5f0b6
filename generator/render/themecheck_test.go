package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestThemeLook wants what a theme would publish without a word told at
// its file and line: a page's "main" the layout no longer calls, a
// template nothing calls, text outside {{define}}; and the links it
// writes found, by rel and in attributes, but not one a value ends.
func TestThemeLook(t *testing.T) {
	layout, home := mustRead(t, "../../templates/layout.html"), mustRead(t, "../../templates/home.html")
	skip := `<a class="skip-link" href="#main">`
	tests := []struct {
		name         string
		files        map[string]string
		wantWarnings []string
		wantLinks    []string // some of the links found, as file:line path
		notLinks     []string
	}{
		{name: "the shipped theme", wantLinks: []string{"templates/layout.html:41 /style.css", "templates/layout.html:77 /timeline/"}},
		{name: "the layout no longer calls main",
			files:        map[string]string{"layout.html": strings.Replace(layout, `{{template "main" .}}`, "", 1)},
			wantWarnings: []string{`templates/404.html:1: warning: "main" is defined by every page file but no template calls it, so every page shows layout.html alone`}},
		{name: "a partial nothing calls, and one called by its file's name",
			files: map[string]string{"aside.html": `{{define "aside"}}<aside>x</aside>{{end}}`, "footer.html": "\n<p>Bare partial</p>\n",
				"layout.html": strings.Replace(layout, skip, `{{template "footer.html" .}}`+skip, 1)},
			wantWarnings: []string{`templates/aside.html:1: warning: "aside" is defined but no template calls it, so it is never shown: call it ({{template "aside" .}}) where it belongs, or delete it`}},
		{name: "a partial of text alone nothing calls",
			files:        map[string]string{"footer.html": "\n<p>Bare partial</p>\n"},
			wantWarnings: []string{`templates/footer.html:2: warning: this text is outside every {{define}}, and no template calls footer.html by its name, so it is never shown: call the file by its name where it belongs ({{template "footer.html" .}}), or put the text inside a {{define}} that a page calls`}},
		{name: "text outside define in a page file",
			files:        map[string]string{"home.html": home + "\n\n<p>Stray</p>\n"},
			wantWarnings: []string{`templates/home.html:` + lineAfter(home, 3) + `: warning: this text is outside every {{define}}, and no template calls home.html by its name, so it is never shown: put it inside a {{define}} that the page calls`}},
		{name: "links written in attributes",
			files:     map[string]string{"layout.html": strings.Replace(layout, skip, `<a href="/about/">About</a><img src='/logo.png' alt=""><a href="/briefings/{{.Kind}}/">x</a><script src="//cdn.example/x.js"></script>`+skip, 1)},
			wantLinks: []string{"templates/layout.html:48 /about/", "templates/layout.html:48 /logo.png"},
			notLinks:  []string{"/briefings/", "//cdn.example/x.js"}},
		{name: "a template cached calls by a name made when the page is",
			files: map[string]string{"aside.html": `{{define "aside"}}<aside>x</aside>{{end}}`,
				"layout.html": strings.Replace(layout, skip, `{{cached .Kind .}}`+skip, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := loadTheme(themeWith(t, tt.files), "templates", "/")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range th.problems {
				got = append(got, w.Error())
			}
			if len(got) != len(tt.wantWarnings) {
				t.Fatalf("warnings:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(tt.wantWarnings), strings.Join(tt.wantWarnings, "\n"))
			}
			for i, w := range tt.wantWarnings {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("warning %q, want it to start %q", got[i], w)
				}
			}
			var links []string
			for _, l := range th.links {
				links = append(links, l.File+":"+fmt.Sprint(l.Line)+" "+l.Path)
			}
			for _, want := range tt.wantLinks {
				if !slices.Contains(links, want) {
					t.Errorf("links %q lack %q", links, want)
				}
			}
			for _, not := range tt.notLinks {
				for _, l := range th.links {
					if l.Path == not {
						t.Errorf("link %q found, which a value ends", l.Path)
					}
				}
			}
		})
	}
}

// lineAfter is the number, as text, of the line n lines after the last
// of text, which ends in a line break.
func lineAfter(text string, n int) string {
	return fmt.Sprint(strings.Count(text, "\n") + n)
}

// TestThemeIDs wants the ids the shipped theme writes whole found at
// their file and line, an id a value makes (id="{{.X}}") and an
// attribute that only ends in id (data-id) not.
func TestThemeIDs(t *testing.T) {
	layout := mustRead(t, "../../templates/layout.html")
	th, err := loadTheme(themeWith(t, map[string]string{"layout.html": strings.Replace(layout, `<main`, `<b id="made-{{.Kind}}" data-id="other">x</b><main`, 1)}), "templates", "/")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, id := range th.ids {
		got = append(got, fmt.Sprintf("%s:%d %s", id.File, id.Line, id.ID))
	}
	for _, want := range []string{"templates/layout.html:" + lineOf(t, layout, `id="main"`) + " main", "templates/article.html:" + lineOf(t, mustRead(t, "../../templates/article.html"), `id="page-history"`) + " page-history"} {
		if !slices.Contains(got, want) {
			t.Errorf("ids %q lack %q", got, want)
		}
	}
	for _, id := range got {
		if strings.Contains(id, "made-") || strings.HasSuffix(id, " other") {
			t.Errorf("found %q, which the theme does not write whole", id)
		}
	}
}

// lineOf gives the line of text that first holds s, as a string.
func lineOf(t *testing.T, text, s string) string {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("no %q in the text", s)
	}
	return fmt.Sprint(1 + strings.Count(text[:i], "\n"))
}
