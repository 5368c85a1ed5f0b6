package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzWrite builds twice into a folder with two arbitrary file names,
// the second build linking what the first wrote, and wants nothing ever
// to appear outside the folder, and each file written to hold its bytes.
func FuzzWrite(f *testing.F) {
	for _, seed := range [][2]string{
		{"index.html", "a/b/c.html"},
		{"a", "a/b"},
		{"a/b", "a"},
		{"../outside", "a/../../outside"},
		{"/etc/passwd", "//x"},
		{"..", "."},
		{"", "/"},
		{`a\..\..\outside`, `C:\outside`},
		{ManifestFile, "a/" + ManifestFile},
		{"a//b", "a/./b"},
		{"a/", "x\x00y"},
		{"~/outside", "$HOME/outside"},
		{"..a", "a.."},
		{"%2e%2e/outside", "\xff/x"},
		{".public.bulletin-1/x", "../.public.bulletin-1/x"},
		{"a\nb", "a b"},
	} {
		f.Add(seed[0], seed[1], []byte("data"))
	}
	f.Fuzz(func(t *testing.T, name1, name2 string, data []byte) {
		root := t.TempDir()
		out := filepath.Join(root, "public")
		for build := 1; build <= 2; build++ {
			d, err := Open(out, false)
			if errors.Is(err, ErrForeign) && build == 2 {
				break // a name the manifest can't hold; still, nothing may be outside
			}
			if err != nil {
				t.Fatalf("build %d: Open: %v", build, err)
			}
			var written []string
			for _, name := range []string{name1, name2} {
				if d.Write(name, data) == nil {
					written = append(written, name)
				}
			}
			if _, err := d.Commit(); err != nil {
				t.Fatalf("build %d of %q, %q: Commit: %v", build, name1, name2, err)
			}
			for _, name := range written {
				got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
				if err != nil || !bytes.Equal(got, data) {
					t.Errorf("build %d: %q: got %q, %v, want %q", build, name, got, err, data)
				}
			}
		}
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if rel, _ := filepath.Rel(out, p); p != root && !filepath.IsLocal(rel) && p != out {
				t.Errorf("writing %q and %q made %s, outside %s", name1, name2, p, out)
			}
			if e.Type()&fs.ModeSymlink != 0 {
				t.Errorf("writing %q and %q made a symbolic link %s", name1, name2, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
