package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeStaticFiles builds with a theme whose static folder holds
// what a checkout or an editor leaves (hidden files, .git, backups),
// which is left out as it is from the content folder, and files that
// cannot be published as they are (links, names unsafe in an address),
// each refused with its path, all in one run.
func TestThemeStaticFiles(t *testing.T) {
	o := testOptions(t, "testdata/site")
	o.Templates = filepath.Join(t.TempDir(), "templates")
	if err := os.CopyFS(o.Templates, os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	static := filepath.Join(o.Templates, "static")
	for name, data := range map[string]string{".env": "SECRET=1", ".git/config": "[core]", "style.css~": "old", ".style.css.swp": "swap"} {
		writeFile(t, filepath.Join(static, filepath.FromSlash(name)), data)
	}
	if _, err := build(o); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, name := range []string{".env", ".git", "style.css~", ".style.css.swp"} {
		if _, err := os.Lstat(filepath.Join(o.Out, name)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is published (%v), want it left out", name, err)
		}
	}
	before := readTree(t, o.Out)

	writeFile(t, filepath.Join(static, "AUX.css"), "x")
	writeFile(t, filepath.Join(static, "q?.js"), "x")
	writeFile(t, filepath.Join(static, "bad\xfe.js"), "x")
	for name, target := range map[string]string{"passwd.txt": "/etc/passwd", "etc": "/etc"} {
		if err := os.Symlink(target, filepath.Join(static, name)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := build(o)
	if err == nil {
		t.Fatal("build succeeded, want the static files refused")
	}
	got := strings.ReplaceAll(err.Error(), filepath.ToSlash(o.Templates), "templates")
	for _, want := range []string{
		`templates/static/AUX.css: the file name "AUX.css" cannot be published as part of an address: Windows keeps the name for a device: rename the file`,
		`templates/static/bad\xfe.js: the file name "bad\xfe.js" cannot be published as part of an address: it is not valid UTF-8: rename the file`,
		"templates/static/etc: a symbolic link: links are not followed, so that nothing outside the theme is published; move or copy the file or folder here instead",
		"templates/static/passwd.txt: a symbolic link: links are not followed",
		`templates/static/q?.js: the file name "q?.js" cannot be published as part of an address: '?' cannot be part of a file name on Windows: rename the file`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got errors\n%s\nwant one with %s", got, want)
		}
	}
	wantUnchanged(t, o.Out, before, "the failed build")
}

// writeFile writes data at name, making the folders it is in.
func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
