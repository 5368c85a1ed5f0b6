package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestApart refuses an output folder that is, holds or lies inside a
// source folder, as written or through a link, and takes one beside them.
func TestApart(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"site/content/articles", "site/templates/static", "elsewhere"} {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "site", "content"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	content, templates := filepath.Join(dir, "site", "content"), filepath.Join(dir, "site", "templates")
	tests := []struct {
		out  string
		want string // in the error; "" for none
	}{
		{"site/public", ""},
		{"elsewhere/public", ""},
		{"site/content", "would contain"},
		{"site", "would contain"},
		{".", "would contain"},
		{"site/content/public", "is inside"},
		{"site/content/articles", "is inside"},
		{"site/templates/static/site", "is inside"},
		{"linked/public", "is inside"},
		{"linked/new/deeper", "is inside"},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			err := Apart(filepath.Join(dir, tt.out), content, templates)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Apart: %v, want no error", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Apart: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// TestUsable refuses an output folder that is empty, a file or a link,
// however its name ends, or inside a file, or the working folder or one holding it, and takes a folder or a name
// not yet made.
func TestUsable(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"folder", "file", "link"} {
		var err error
		switch p {
		case "folder":
			err = os.Mkdir(filepath.Join(dir, p), 0o755)
		case "file":
			err = os.WriteFile(filepath.Join(dir, p), nil, 0o644)
		case "link":
			err = os.Symlink(filepath.Join(dir, "folder"), filepath.Join(dir, p))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ out, want string }{
		{"folder", ""},
		{"new", ""},
		{"file", "is a file, not a folder"},
		{"link", "is a symbolic link to " + filepath.Join(dir, "folder")},
		// A slash after a link's name follows it, which a build must not.
		{"link/", "is a symbolic link to " + filepath.Join(dir, "folder")},
		{"link/.", "is a symbolic link to " + filepath.Join(dir, "folder")},
		{"folder/", ""},
		{"file/", "is a file, not a folder"},
		// A folder named inside a file cannot be made.
		{"file/public", "is inside " + filepath.Join(dir, "file") + ", a file, not a folder"},
		{"file/a/b", "is inside " + filepath.Join(dir, "file") + ", a file, not a folder"},
		{"new/public", ""},
	} {
		err := Usable(dir + "/" + tt.out)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Usable(%s) = %v, want %q", tt.out, err, tt.want)
		}
	}
	if err := Usable(""); err == nil {
		t.Errorf("Usable(\"\") = nil, want an error")
	}
	// The working folder, or one holding it, would be replaced under
	// bulletin and the shell it runs in.
	work := filepath.Join(dir, "folder", "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	for _, out := range []string{".", "..", work, "./", filepath.Join(dir, "link", "work")} {
		if err := Usable(out); err == nil || !strings.Contains(err.Error(), "is the folder bulletin runs in, or holds it") {
			t.Errorf("Usable(%s) in %s = %v, want it refused", out, work, err)
		}
	}
	if err := Usable("public"); err != nil {
		t.Errorf("Usable(public) in %s = %v, want nil", work, err)
	}
	// Entered through the link, the working folder is still inside
	// the folder the link names.
	t.Chdir(filepath.Join(dir, "link", "work"))
	if err := Usable(filepath.Join(dir, "folder")); err == nil || !strings.Contains(err.Error(), "is the folder bulletin runs in, or holds it") {
		t.Errorf("Usable(folder) in %s = %v, want it refused", filepath.Join(dir, "link", "work"), err)
	}
}
