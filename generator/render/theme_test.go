package render

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// themeWith is the shipped theme with the files given, by name, and
// without those given as "".
func themeWith(t *testing.T, files map[string]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../templates"), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile("../../templates/" + p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if data == "" {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

// TestThemeSharedFiles reads a theme's other .html files at the top of
// its folder with the partials, so a page can call what they define.
func TestThemeSharedFiles(t *testing.T) {
	article, err := os.ReadFile("../../templates/article.html")
	if err != nil {
		t.Fatal(err)
	}
	th, err := loadTheme(themeWith(t, map[string]string{
		"byline.html":  `{{define "byline"}}<p class="byline">By the desk</p>{{end}}`,
		"article.html": strings.Replace(string(article), `{{define "main"}}`, `{{define "main"}}{{template "byline" .}}`, 1),
	}), "templates", "/")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := th.pages["article.html"].ExecuteTemplate(&b, "byline", nil); err != nil || b.String() != `<p class="byline">By the desk</p>` {
		t.Errorf("byline gave %q, %v", b.String(), err)
	}
}

// TestThemeMissingFile names the file a theme lacks and says every theme
// has it.
func TestThemeMissingFile(t *testing.T) {
	_, err := loadTheme(themeWith(t, map[string]string{"search.html": ""}), "templates", "/")
	want := "templates/search.html: missing: every theme has layout.html, partials.html and a file for each kind of page"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error with %q", err, want)
	}
}
