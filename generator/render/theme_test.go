package render

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
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

// TestThemeMissingFile names each file a theme lacks and says every
// theme has it, in a line short enough to read nine times over, as a
// theme of one file gets it.
func TestThemeMissingFile(t *testing.T) {
	for file, want := range map[string]string{
		"search.html":   "templates/search.html: missing: every theme has a file for each kind of page: copy this one from bulletin's templates/",
		"layout.html":   "templates/layout.html: missing: every theme has the frame of every page, layout.html: copy this one from bulletin's templates/",
		"partials.html": "templates/partials.html: missing: every theme has the shared pieces of pages, partials.html: copy this one from bulletin's templates/",
	} {
		_, err := loadTheme(themeWith(t, map[string]string{file: ""}), "templates", "/")
		if err == nil || !strings.Contains(err.Error(), want+"\n") && !strings.HasSuffix(err.Error(), want) {
			t.Errorf("without %s: got %v, want an error line %q", file, err, want)
		}
	}
}

// TestThemeEscapingErrorNamesTheFile breaks an attribute in a page file,
// then in the layout, which html/template tells at the layout, where
// escaping began, with no line: the error names the file at fault, and
// what to look for.
func TestThemeEscapingErrorNamesTheFile(t *testing.T) {
	for _, tt := range []struct {
		file, from, to string
		want           string // how the error starts
	}{
		{"article.html", `<h1{{template "lang" .Lang}}>`, `<h1 class="x{{template "lang" .Lang}}>`, "templates/article.html: " + `"\"" in attribute name`},
		{"layout.html", "</body>", `<div class="x></body>`, "templates/layout.html: ends in a non-text context: found in layout.html or a template it calls"},
	} {
		data, err := os.ReadFile("../../templates/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		th, err := loadTheme(themeWith(t, map[string]string{tt.file: strings.Replace(string(data), tt.from, tt.to, 1)}), "templates", "/")
		if err != nil {
			t.Fatal(err)
		}
		err = th.execute(&bytes.Buffer{}, "article.html", &Page{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !strings.Contains(err.Error(), "look there for a quote or a tag left open") {
			t.Errorf("%s broken: got %v, want an error starting %q that says what to look for", tt.file, err, tt.want)
		}
	}
}

// TestThemeFilesNotPlain refuses a theme file that is a link, which
// would bring in what lies outside the theme, or a pipe, naming each.
func TestThemeFilesNotPlain(t *testing.T) {
	fsys := themeWith(t, nil).(fstest.MapFS)
	fsys["byline.html"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	fsys["home.html"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	_, err := loadTheme(fsys, "templates", "/")
	for _, want := range []string{
		"templates/byline.html: a symbolic link: links are not followed, so that nothing outside the theme's folder is read or published",
		"templates/home.html: not a regular file: delete it, or put a template in its place",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want an error with %q", err, want)
		}
	}
}

// TestThemeReadsNoPipe keys a theme with a named pipe in it, hidden or
// not, and looks through it for a template a page calls and no file
// defines, without opening the pipe, which would wait for a writer for
// ever.
func TestThemeReadsNoPipe(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, themeWith(t, nil)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"extra.txt", ".hidden"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	th, err := loadTheme(os.DirFS(dir), "templates", "/")
	if err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func() error{
		"themeKey": func() error { _, err := themeKey(os.DirFS(dir)); return err },
		"whereIs":  func() error { th.whereIs("article.html", "nosuch"); return nil },
	} {
		done := make(chan error, 1)
		go func() { done <- read() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("%s opened a named pipe, and waits for a writer", name)
		}
	}
}
