package render

import (
	"os"
	"strings"
	"testing"
)

// TestTypeCheck wants each field a template names that its value's type
// lacks told at its line, in branches no page takes, through {{with}},
// {{range}}, variables, index, {{template}} and cached; and nothing told
// of the shipped theme, of a map's keys, or of a variable given another
// value, whose type is then not known.
func TestTypeCheck(t *testing.T) {
	article, layout := mustRead(t, "../../templates/article.html"), mustRead(t, "../../templates/layout.html")
	const main = `{{define "main" -}}`
	withMain := func(add string) map[string]string {
		return map[string]string{"article.html": strings.Replace(article, main, main+add, 1)}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"the shipped theme", nil, nil},
		{"a branch no page takes", map[string]string{"article.html": strings.Replace(article, "{{.Explanation}}", "{{.Explanatoin}}", 1)},
			[]string{"templates/article.html:13: can't evaluate field Explanatoin in type *content.Withdrawal, on the pages that reach it: did you mean .Explanation?"}},
		{"a variable and a range", withMain(`{{$a := .Article}}{{with .Site}}{{$a.Titel}}{{end}}{{range $i, $t := $a.Topics}}{{$t.Nme}}{{end}}`),
			[]string{"can't evaluate field Titel in type *site.Article, on the pages that reach it: did you mean .Title?", "can't evaluate field Nme in type *site.Ref, on the pages that reach it: did you mean .Name?"}},
		{"index", withMain(`{{(index .Feeds 0).Titel}}`), []string{"can't evaluate field Titel in type render.FeedLink"}},
		{"a partial through template and cached", map[string]string{"partials.html": strings.Replace(mustRead(t, "../../templates/partials.html"), `<li class="teaser">`, `<li class="teaser" title="{{.Sumary}}">`, 1)},
			[]string{"templates/partials.html:28: can't evaluate field Sumary in type *site.Teaser, on the pages that reach it: did you mean .Summary?"}},
		{"the masthead", map[string]string{"layout.html": strings.Replace(layout, `<nav aria-label="Main">`, `<nav aria-label="Main">{{.Title}}`, 1)},
			[]string{"can't evaluate field Title in type render.Masthead, on the pages that reach it: the masthead is made once for each kind of page, and sees only .Site and .Kind"}},
		{"a map's keys, and a variable given another value", withMain(`{{.Site.Settings.Params.anything}}{{$x := 1}}{{if .Article}}{{$x = .Article}}{{end}}{{$x.Nothing}}`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, err := loadTheme(themeWith(t, tt.files), "templates", "/")
			if err != nil {
				t.Fatal(err)
			}
			got := th.typeCheck()
			if len(got) != len(tt.want) {
				t.Fatalf("told %v, want %d problems: %q", got, len(tt.want), tt.want)
			}
			all := got.Error()
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("told:\n%s\nwant %q", all, w)
				}
			}
		})
	}
}

// mustRead gives the text of the file name.
func mustRead(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
