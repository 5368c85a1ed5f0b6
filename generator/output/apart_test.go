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
