package content

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"
)

// TestWalkAsWalkDir wants walk to visit what fs.WalkDir visits, in the
// same order, over folders of names in any script and case, with a
// callback that skips folders and the rest of a folder's files.
func TestWalkAsWalkDir(t *testing.T) {
	names := []string{"a", "B", "é", "文", "a.md", ".hidden", "z z", "a-b", "_x", "0"}
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 300 {
		fsys := fstest.MapFS{}
		for range 1 + r.IntN(30) {
			p := names[r.IntN(len(names))]
			for range r.IntN(4) {
				p += "/" + names[r.IntN(len(names))]
			}
			fsys[p] = &fstest.MapFile{Data: []byte(p)}
		}
		// A path both a file and a folder's prefix makes MapFS list the
		// folder; drop such files, which no real folder holds.
		for p := range fsys {
			for q := range fsys {
				if len(q) > len(p) && q[:len(p)+1] == p+"/" {
					delete(fsys, p)
					break
				}
			}
		}
		skip := func(p string, e fs.DirEntry) error {
			switch h := len(p) % 7; {
			case e != nil && e.IsDir() && h == 3:
				return fs.SkipDir
			case e != nil && !e.IsDir() && h == 5:
				return fs.SkipDir // the rest of the folder
			}
			return nil
		}
		visit := func(seen *[]string) fs.WalkDirFunc {
			return func(p string, e fs.DirEntry, err error) error {
				*seen = append(*seen, fmt.Sprintf("%s %v %v", p, e != nil && e.IsDir(), err))
				return skip(p, e)
			}
		}
		var want, got []string
		wantErr := fs.WalkDir(fsys, ".", visit(&want))
		gotErr := walk(fsys, visit(&got))
		if !slices.Equal(got, want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("round %d: walk visited\n%q (%v)\nfs.WalkDir\n%q (%v)", round, got, gotErr, want, wantErr)
		}
	}
}
