package content

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestUpdateMatchesLoad checks, after each of a run of changes to a copy
// of the sample content, that Update, told only what changed, gives the
// set that reading the whole folder gives, and that it leaves the set it
// started from as it was.
func TestUpdateMatchesLoad(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	article := func(title, date string) string {
		return "---\ntitle: " + title + "\ndate: " + date + "\nsummary: A summary.\ntopics: [ICS assessments]\nregulators: [CQC]\n---\nThe body of " + title + ".\n"
	}
	write := func(p, data string) func(t *testing.T) {
		return func(t *testing.T) {
			file := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	remove := func(p string) func(t *testing.T) {
		return func(t *testing.T) {
			if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				t.Fatal(err)
			}
		}
	}
	rename := func(from, to string) func(t *testing.T) {
		return func(t *testing.T) {
			if err := os.Rename(filepath.Join(dir, filepath.FromSlash(from)), filepath.Join(dir, filepath.FromSlash(to))); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		name    string
		change  func(t *testing.T)
		changed []string
	}{
		{"an article edited", write("articles/2025/2025-03-27-ics-assessments-paused-again.md", article("Paused again, edited", "2025-03-27")), []string{"articles/2025/2025-03-27-ics-assessments-paused-again.md"}},
		{"an article added", write("articles/2025/2025-04-01-new.md", article("New", "2025-04-01")), []string{"articles/2025/2025-04-01-new.md"}},
		{"an article beside a folder of the same start", write("articles/2025-extra.md", article("Extra", "2025-04-02")), []string{"articles/2025-extra.md"}},
		{"a folder of articles made", func(t *testing.T) {
			write("articles/2026/a/2026-01-01-one.md", article("One", "2026-01-01"))(t)
			write("articles/2026/a/2026-01-02-two.md", article("Two", "2026-01-02"))(t)
		}, []string{"articles/2026"}},
		{"a file and its folder both named", write("articles/2026/a/2026-01-03-three.md", article("Three", "2026-01-03")), []string{"articles/2026/a", "articles/2026/a/2026-01-03-three.md", "articles/2026/a"}},
		{"an article removed", remove("articles/2026/a/2026-01-01-one.md"), []string{"articles/2026/a/2026-01-01-one.md"}},
		{"a folder renamed", rename("articles/2026", "articles/2027"), []string{"articles/2026", "articles/2027"}},
		{"a folder removed", remove("articles/2027"), []string{"articles/2027"}},
		{"an image added", write("articles/2025/chart.png", "not really a PNG"), []string{"articles/2025/chart.png"}},
		{"an image edited", write("articles/2025/chart.png", "still not a PNG"), []string{"articles/2025/chart.png"}},
		{"an image removed", remove("articles/2025/chart.png"), []string{"articles/2025/chart.png"}},
		{"an editor's backup and swap files", func(t *testing.T) {
			write("articles/2025/2025-04-01-new.md~", "backup")(t)
			write("articles/2025/.2025-04-01-new.md.swp", "swap")(t)
		}, []string{"articles/2025/2025-04-01-new.md~", "articles/2025/.2025-04-01-new.md.swp"}},
		{"a hidden folder", write(".git/config", "[core]"), []string{".git", ".git/config"}},
		{"a topic's intro page edited", write("topics/ics-assessments.md", "---\ntitle: ICS assessments\nsummary: Edited.\n---\nEdited intro.\n"), []string{"topics/ics-assessments.md"}},
		{"a regulator's intro page added", write("regulators/hiw.md", "---\ntitle: Healthcare Inspectorate Wales\n---\nWales.\n"), []string{"regulators/hiw.md"}},
		{"the settings", func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, SettingsFile))
			if err != nil {
				t.Fatal(err)
			}
			write(SettingsFile, strings.Replace(string(data), "title:", "title: Edited", 1))(t)
		}, []string{SettingsFile}},
		{"nothing that exists", func(t *testing.T) {}, []string{"articles/none.md", "nowhere/none.md"}},
	}
	set, err := Load(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		step.change(t)
		before := clone(t, set)
		got, err := set.Update(os.DirFS(dir), "content", nil, step.changed)
		if err != nil {
			t.Fatalf("%s: Update: %v", step.name, err)
		}
		want, err := Load(os.DirFS(dir), "content")
		if err != nil {
			t.Fatalf("%s: Load: %v", step.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Update gave another set than Load:\n got articles %v, assets %v, topics %v, regulators %v\nwant articles %v, assets %v, topics %v, regulators %v",
				step.name, articlePaths(got), got.Assets, pagePaths(got.Topics), pagePaths(got.Regulators),
				articlePaths(want), want.Assets, pagePaths(want.Topics), pagePaths(want.Regulators))
		}
		if !reflect.DeepEqual(set, before) {
			t.Errorf("%s: Update changed the set it was called on", step.name)
		}
		set = got
	}
}

// TestUpdateReportsErrors checks that a file broken since the last read
// is reported as a full read reports it, with its file and line.
func TestUpdateReportsErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	set, err := Load(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	const p = "articles/2025/2025-03-27-ics-assessments-paused-again.md"
	data, err := os.ReadFile(filepath.Join(dir, p))
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "date: 2025-03-27", "date: 27/03/2025", 1)
	if broken == string(data) {
		t.Fatalf("%s has no line date: 2025-03-27 to break", p)
	}
	if err := os.WriteFile(filepath.Join(dir, p), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, updateErr := set.Update(os.DirFS(dir), "content", nil, []string{p})
	_, loadErr := Load(os.DirFS(dir), "content")
	if updateErr == nil || loadErr == nil {
		t.Fatalf("Update gave error %v and Load %v; want both to fail", updateErr, loadErr)
	}
	if updateErr.Error() != loadErr.Error() {
		t.Errorf("Update's error:\n%v\nLoad's:\n%v\nwant the same", updateErr, loadErr)
	}
}

// clone copies a set deeply enough to see whether Update changed it.
func clone(t *testing.T, s *Set) *Set {
	t.Helper()
	c := *s
	c.Articles = slices.Clone(s.Articles)
	c.Topics = slices.Clone(s.Topics)
	c.Regulators = slices.Clone(s.Regulators)
	c.Assets = slices.Clone(s.Assets)
	return &c
}

func articlePaths(s *Set) []string {
	var out []string
	for _, a := range s.Articles {
		out = append(out, a.Path)
	}
	return out
}

func pagePaths(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return out
}
