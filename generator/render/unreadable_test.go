package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// refusing is a folder that refuses to open one of its files or folders,
// as one its reader may not read does.
type refusing struct {
	fs.FS
	name string
}

func (r refusing) Open(name string) (fs.File, error) {
	if name == r.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return r.FS.Open(name)
}

// TestPlanTellsUnreadableThemeFiles wants a theme file or folder that
// cannot be read told at its path in the theme folder, as editors name
// it, not at its name alone after the folder's ("reading templates:
// open article.html").
func TestPlanTellsUnreadableThemeFiles(t *testing.T) {
	s, err := site.New(fixture(), nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	theme := os.DirFS(filepath.Join(moduleRoot(t), "templates"))
	for _, name := range []string{"article.html", StaticDir, StaticDir + "/style.css"} {
		_, err := Plan(refusing{theme, name}, "templates", s)
		want := "templates/" + name + ": can't read it: permission denied"
		if got := content.AsErrors(err).Error(); got != want {
			t.Errorf("%s unreadable: Plan gave:\n%s\nwant:\n%s", name, got, want)
		}
	}
}
