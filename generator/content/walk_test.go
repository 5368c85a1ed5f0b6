package content

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// stamped is a folder that stamps its lists as serve's kept folder does
// (see StampedFS): a folder's list gets a new stamp when a file in it is
// made, removed or changed. It counts the articles opened.
type stamped struct {
	fstest.MapFS
	seen   map[string]string // each folder's names and bytes, when last stamped
	stamps map[string]uint64
	last   uint64
	opened []string
}

func (s *stamped) ReadDirStamped(name string) ([]fs.DirEntry, uint64, error) {
	entries, err := s.MapFS.ReadDir(name)
	if err != nil {
		return nil, 0, err
	}
	var held strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&held, "%s %v ", e.Name(), e.Type())
		if f := s.MapFS[path.Join(name, e.Name())]; f != nil {
			fmt.Fprintf(&held, "%q ", f.Data)
		}
	}
	if s.seen[name] != held.String() {
		s.last++
		s.seen[name], s.stamps[name] = held.String(), s.last
	}
	return entries, s.stamps[name], nil
}

func (s *stamped) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".md") {
		s.opened = append(s.opened, name)
	}
	return s.MapFS.Open(name)
}

// opening is a stamped folder that gives no stamps.
type opening struct{ s *stamped }

func (o opening) Open(name string) (fs.File, error) { return o.s.Open(name) }

// TestMemoLoadsAsAFreshLoad runs random edits of a content folder, as
// an editor makes them (a file added, saved, broken, deleted; a folder
// added or deleted; the settings changed), and after each wants a load
// with a Memo kept between them, through a folder that stamps its lists
// as serve's does and through one that does not, to give what a load
// without one gives: the same articles, refused ones, intro pages and
// files, in the same order, and the same problems. It also wants them
// to open no article but those the edit saved, and those refused
// before, unless it changed the settings.
func TestMemoLoadsAsAFreshLoad(t *testing.T) {
	folders := []string{"articles", "articles/2025", "articles/é 文", "articles/.hidden", "topics", "regulators", "files", "files/bad?name", "."}
	names := []string{"a.md", "B.md", "é.md", "文.md", "c.md~", ".x.md", "d.pdf", "e f.png", "g?.txt", "h.md.bak"}
	texts := []string{
		"---\ntitle: One\ndate: 2025-03-27\nsummary: A summary.\ntopics: [ICS]\n---\nBody.\n",
		"---\ntitle: Two\ndate: 2024-01-02\nsummary: Another.\n---\nA [link](/x/).\n",
		"---\ntitle: Three\ndate: 2025-3-7\n---\nNo summary, and a padded date.\n",
		"---\ntitle: [unclosed\n---\n",
		"plain bytes",
	}
	settings := []string{"title: Bulletin\n", "title: Bulletin\ntimezone: Europe/London\n", "title: [broken\n"}
	r := rand.New(rand.NewPCG(5, 8))
	for round := range 40 {
		files := fstest.MapFS{SettingsFile: {Data: []byte(settings[0])}}
		s := &stamped{MapFS: files, seen: map[string]string{}, stamps: map[string]uint64{}}
		var withStamps, without Memo
		refused := map[string]bool{}
		for step := range 12 {
			saved, resettled := map[string]bool{}, false
			for range 1 + r.IntN(3) {
				p := path.Join(folders[r.IntN(len(folders))], names[r.IntN(len(names))])
				switch n := r.IntN(10); {
				case n < 5:
					files[p] = &fstest.MapFile{Data: []byte(texts[r.IntN(len(texts))])}
					saved[p] = true
				case n < 8:
					delete(files, p)
				case n < 9:
					dir := folders[r.IntN(len(folders))]
					for q := range files {
						if strings.HasPrefix(q, dir+"/") {
							delete(files, q)
						}
					}
				default:
					files[SettingsFile] = &fstest.MapFile{Data: []byte(settings[r.IntN(len(settings))])}
					resettled = true
				}
			}
			sums := map[string]string{}
			for q, f := range files {
				sums[q] = sumOf(string(f.Data))
			}
			want, wantErr := Load(files, "content")
			for _, c := range []struct {
				name string
				m    *Memo
				fsys fs.FS
			}{{"stamped", &withStamps, s}, {"unstamped", &without, opening{s}}} {
				s.opened = nil
				got, err := c.m.Load(context.Background(), c.fsys, "content", nil, sums)
				if d := setDiff(got, want); d != "" || fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Fatalf("round %d, step %d, %s: %s\nerror %v\nwant %v", round, step, c.name, d, err, wantErr)
				}
				for _, p := range s.opened {
					if step > 0 && !saved[p] && !refused[p] && !resettled && !isIntro(p) {
						t.Fatalf("round %d, step %d, %s: %s was opened, which the edit did not save", round, step, c.name, p)
					}
				}
			}
			clear(refused)
			for _, a := range want.Refused {
				refused[a.Path] = true
			}
		}
	}
}

// setDiff says how two sets differ, or "" when they hold the same.
func setDiff(got, want *Set) string {
	if (got == nil) != (want == nil) {
		return fmt.Sprintf("set %v, want %v", got, want)
	}
	if got == nil {
		return ""
	}
	sources := func(as []*Article) []string {
		var s []string
		for _, a := range as {
			s = append(s, a.Path+" "+a.Source+" "+a.Title)
		}
		return s
	}
	pages := func(ps []*Page) []string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Path+" "+p.Source)
		}
		return s
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"articles", sources(got.Articles), sources(want.Articles)},
		{"refused", sources(got.Refused), sources(want.Refused)},
		{"topics", pages(got.Topics), pages(want.Topics)},
		{"regulators", pages(got.Regulators), pages(want.Regulators)},
		{"assets", got.Assets, want.Assets},
	} {
		if !slices.Equal(c.got, c.want) {
			return fmt.Sprintf("%s %q, want %q", c.what, c.got, c.want)
		}
	}
	if got.Unhashed != want.Unhashed || got.Settings.Title != want.Settings.Title {
		return fmt.Sprintf("unhashed %v, title %q; want %v, %q", got.Unhashed, got.Settings.Title, want.Unhashed, want.Settings.Title)
	}
	return ""
}
