package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid checks every page of the sample site, with its search
// page, redirect pages and style sheets, with the Nu HTML Checker, and
// wants no error. Warnings are logged.
func TestHTMLValid(t *testing.T) {
	lookVnu(t)
	dir, _ := sampleSite(t, lookPagefind(t))
	var args []string
	var files int
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasPrefix(p, "pagefind/") {
			return err
		}
		if ext := filepath.Ext(p); ext == ".html" || ext == ".css" {
			args = append(args, filepath.Join(dir, p))
			files++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	vnu(t, dir, args)
	t.Logf("checked %d files", files)
}

// vnu runs the Nu HTML Checker on files, paths inside the built site
// dir, failing the test on each error it reports, and gives how many
// there were. Warnings are logged.
func vnu(t *testing.T, dir string, files []string) int {
	t.Helper()
	java, jar := lookVnu(t)
	args := append([]string{"-jar", jar, "--format", "gnu", "--also-check-css"}, files...)
	out, err := exec.Command(java, args...).CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running the Nu HTML Checker: %v", err)
	}
	var problems int
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		line = strings.ReplaceAll(line, "file:"+dir+"/", "")
		switch {
		case line == "":
		case strings.Contains(line, ": error: ") || strings.Contains(line, ": fatal: "):
			t.Error(line)
			problems++
		default:
			t.Log(line)
		}
	}
	if err != nil && problems == 0 {
		t.Errorf("the Nu HTML Checker failed (%v) with no error line:\n%s", err, out)
	}
	return problems
}
