package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// saving is a theme being saved while a build reads it: each read of
// article.html after the first finds the next version.
type saving struct {
	fs.FS
	reads int
}

func (s *saving) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(s.FS, name)
	if name == "article.html" {
		s.reads++
		if s.reads > 1 {
			data = []byte(strings.Replace(string(data), "<h1", "<h1 data-saved", 1))
		}
	}
	return data, err
}

// TestThemeReadOnce reads a theme saved while it is read: the templates
// and the theme's key are made of the same version of each file, so the
// key is the one that version alone gives, and the pages it makes are
// never kept under the key of another.
func TestThemeReadOnce(t *testing.T) {
	theme := themeWith(t, nil)
	want, err := themeKey(theme)
	if err != nil {
		t.Fatal(err)
	}
	// Read without onceFS, the key is that of the version saved.
	for name, fsys := range map[string]fs.FS{"as it is": &saving{FS: theme}, "once": once(&saving{FS: theme})} {
		if _, err := loadTheme(fsys, "templates", "/"); err != nil {
			t.Fatal(err)
		}
		got, err := themeKey(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if changed := got != want; changed != (name == "as it is") {
			t.Errorf("read %s, the key changed: %v", name, changed)
		}
	}
}

// TestHiddenFileIsNoTemplate keeps a hidden file of the theme folder,
// such as an editor's lock file, out of the theme: a half-saved buffer
// does not stop the build, and serve, which does not watch such files,
// never shows a page made from one.
func TestHiddenFileIsNoTemplate(t *testing.T) {
	if _, err := loadTheme(themeWith(t, map[string]string{".#article.html": "{{broken", ".byline.html": `{{define "byline"}}hidden{{end}}`}), "templates", "/"); err != nil {
		t.Errorf("a hidden file was read as a template: %v", err)
	}
}

// TestStaticFilesNotKept reads a static file through onceFS twice: it is
// read afresh each time, not kept, since no page is made from it and
// serve would hold every one in memory for as long as it serves a plan.
func TestStaticFilesNotKept(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, StaticDir), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, StaticDir, "style.css")
	read := once(os.DirFS(dir))
	for _, text := range []string{"a{}", "b{}"} {
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := read.ReadFile(StaticDir + "/style.css"); err != nil || string(got) != text {
			t.Errorf("read %q (%v), want %q as it is now", got, err, text)
		}
	}
}
