package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"bulletin/generator/pipeline"
)

// TestUpToDate builds a site twice with a change between the builds and
// wants the second to skip the work only when nothing it reads changed,
// and always to leave the output a fresh build would.
func TestUpToDate(t *testing.T) {
	appendTo := func(rel, text string) func(t *testing.T, o *options) {
		return func(t *testing.T, o *options) {
			t.Helper()
			root := o.Content
			if strings.HasPrefix(rel, "templates/") {
				root, rel = o.Templates, strings.TrimPrefix(rel, "templates/")
			}
			f, err := os.OpenFile(filepath.Join(root, rel), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString(text); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name     string
		change   func(t *testing.T, o *options)
		wantSkip bool
	}{
		{"nothing changed", func(*testing.T, *options) {}, true},
		{"an article edited", appendTo("articles/2024-05-10-first.md", "\nA sentence added.\n"), false},
		{"a template edited", appendTo("templates/404.html", "\n"), false},
		{"an image added", func(t *testing.T, o *options) {
			if err := os.WriteFile(filepath.Join(o.Content, "chart.png"), []byte("png"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"an editor's hidden swap file", func(t *testing.T, o *options) {
			if err := os.WriteFile(filepath.Join(o.Content, "articles", ".2024-05-10-first.md.swp"), []byte("swap"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"an output file edited by hand", func(t *testing.T, o *options) {
			if err := os.WriteFile(filepath.Join(o.Out, "index.html"), []byte("edited"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"the output removed", func(t *testing.T, o *options) {
			if err := os.RemoveAll(o.Out); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"another base URL", func(_ *testing.T, o *options) { o.BaseURL = "https://staging.example.org/" }, false},
		{"the held-back article's day comes", func(_ *testing.T, o *options) { o.Now = time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC) }, false},
		{"a day later, nothing due", func(_ *testing.T, o *options) { o.Now = o.Now.AddDate(0, 0, 1) }, true},
		{"the clock set back before an article's day", func(_ *testing.T, o *options) { o.Now = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(t, "testdata/site")
			dir := t.TempDir()
			o.Content, o.Templates = filepath.Join(dir, "content"), filepath.Join(dir, "templates")
			if err := os.CopyFS(o.Content, os.DirFS("testdata/site/content")); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(o.Templates, os.DirFS("../templates")); err != nil {
				t.Fatal(err)
			}
			first, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			tt.change(t, &o)
			second, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			if skipped := second.Site == nil; skipped != tt.wantSkip {
				t.Errorf("second build skipped the work: %v, want %v", skipped, tt.wantSkip)
			}
			if tt.wantSkip {
				if second.Stats.Unchanged != first.Stats.Files || second.Stats.Files != first.Stats.Files || second.Stats.Bytes != first.Stats.Bytes {
					t.Errorf("second build's files: %+v, want the first's, %+v, all unchanged", second.Stats, first.Stats)
				}
				if got, want := fmt.Sprint(second.Report), fmt.Sprint(first.Report); got != want {
					t.Errorf("second build's report: %s, want the first's, %s", got, want)
				}
			}
			fresh := withOut(o, filepath.Join(t.TempDir(), "public"))
			if _, err := build(fresh); err != nil {
				t.Fatal(err)
			}
			compareTrees(t, o.Out, fresh.Out)
		})
	}
}

// TestBuildIntoNewFolder builds into an output folder whose parent does
// not exist yet: the cache and record beside it are kept, and the next
// build finds the output up to date.
func TestBuildIntoNewFolder(t *testing.T) {
	o := testOptions(t, "testdata/site")
	o.Out = filepath.Join(t.TempDir(), "new", "folder", "public")
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{pipeline.CachePath(o.Out), pipeline.RecordPath(o.Out)} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("nothing kept beside the new output: %v", err)
		}
	}
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	if r.Site != nil {
		t.Error("the second build did the work again")
	}
}

// TestUpToDateSeesAnEditThatKeepsSizeAndTime edits an article after a
// build without changing its size or modification time, as a tool that
// copies times might, long enough after the files were written that the
// build trusts their stamps: the change time still tells the next build
// to read it.
func TestUpToDateSeesAnEditThatKeepsSizeAndTime(t *testing.T) {
	o := testOptions(t, "testdata/site")
	src := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(src, os.DirFS(o.Content)); err != nil {
		t.Fatal(err)
	}
	o.Content = src
	time.Sleep(1100 * time.Millisecond) // past the clock's step, see record.Taken
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "articles", "2024-05-10-first.md")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "The plan was announced.", "The plan was ANNOUNCED.", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(o.Out, "2024", "05", "first", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "The plan was ANNOUNCED.") {
		t.Error("an edit that kept the file's size and time is not in the rebuilt page")
	}
}

// TestEventInYear9999 builds a site with a key date on the last day of
// 9999, whose end no time of a record can hold: the build succeeds and
// says so, and the next build finds the output up to date.
func TestEventInYear9999(t *testing.T) {
	o := testOptions(t, "testdata/site")
	o.Content = filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(o.Content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	// The article held back until 2030 would come first.
	if err := os.Remove(filepath.Join(o.Content, "articles", "2030-01-01-future.md")); err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: Far off\ndate: 2024-06-02\nsummary: S.\ntopics: [Far]\nevents:\n  - {date: 9999-12-31, label: The end}\n---\nBody.\n"
	if err := os.WriteFile(filepath.Join(o.Content, "articles", "2024-06-02-far.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := build(o)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if strings.Contains(first.Summary(), "record") {
		t.Errorf("the build says:\n%s\nwant its record written", first.Summary())
	}
	if second, err := build(o); err != nil || second.Site != nil {
		t.Errorf("the second build: %v, made the site again: %v; want it up to date", err, second.Site != nil)
	}
}

// TestZoneDatabaseUpdate builds a site, then builds it again after the
// zone database gives its time zone other rules, as an update of the
// system's zone data can, and wants the output a clean build's.
func TestZoneDatabaseUpdate(t *testing.T) {
	src := writeArchive(t, &txtar.Archive{Files: []txtar.File{
		{Name: "content/site.yaml", Data: []byte("title: Zones\nbase_url: https://zones.example/\ntime_zone: Europe/London\n")},
		{Name: "content/articles/2022-05-04-a.md", Data: []byte("---\ntitle: A\ndate: 2022-05-04\nsummary: S.\n---\nBody.\n")},
		{Name: "content/articles/2022-05-05-later.md", Data: []byte("---\ntitle: Later\ndate: 2022-05-05T10:00:00\nsummary: S.\n---\nBody.\n")},
	}}, t.TempDir())
	// Two zone databases, in which Europe/London keeps one offset.
	database := func(offset int32, abbr string) string {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "Europe"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "Europe", "London"), tzif(offset, abbr), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	build := func(zoneinfo, out string) {
		t.Helper()
		cmd := childBuild(src, out)
		cmd.Env = append(cmd.Env, "ZONEINFO="+zoneinfo)
		if got, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build with ZONEINFO=%s: %v\n%s", zoneinfo, err, got)
		}
	}
	summer, tokyo := database(3600, "BST"), database(9*3600, "JST")
	out, clean := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "public")
	build(summer, out)
	page := filepath.Join(out, "2022", "05", "a", "index.html")
	if data, err := os.ReadFile(page); err != nil || !strings.Contains(string(data), "2022-05-04T00:00:00+01:00") {
		t.Fatalf("the first build's page does not date the article by the first database: %v", err)
	}
	build(tokyo, out)
	build(tokyo, clean)
	compareFiles(t, readTree(t, out), readTree(t, clean), "after the zone database changed")
}

// tzif is the zone data of a zone that keeps one offset, named abbr, in
// the format of the system's zone database (RFC 8536, version 1).
func tzif(offset int32, abbr string) []byte {
	b := []byte("TZif")
	b = append(b, make([]byte, 16)...) // the version (1) and 15 bytes unused
	// Counts of: UT indicators, standard indicators, leap seconds,
	// transitions, local time types and bytes of abbreviations.
	for _, n := range []int{0, 0, 0, 0, 1, len(abbr) + 1} {
		b = binary.BigEndian.AppendUint32(b, uint32(n))
	}
	b = binary.BigEndian.AppendUint32(b, uint32(offset))
	b = append(b, 0, 0) // not daylight saving time; the abbreviation at 0
	return append(append(b, abbr...), 0)
}

// TestUpToDateWarningsComeAndGo builds a site whose warnings hang on the
// clock while its pages do not, then builds it again once that moment
// has passed, and wants the report a fresh build gives, not the first
// build's kept: an updated or withdrawal date still to come that has
// come, an article deleted before readers saw it that readers would see
// now, and the time a warning gives as now.
func TestUpToDateWarningsComeAndGo(t *testing.T) {
	const first = "title: First\ndate: 2025-03-27\nsummary: S.\n"
	tests := []struct {
		name  string
		setup func(r *gitRepo)
	}{
		{"updated still to come", func(r *gitRepo) {
			r.write("content/articles/2025/first.md", fixtureArticle(first+"updated: 2025-06-01T12:30:00Z\n", "Body.\n"))
		}},
		{"a withdrawal still to come", func(r *gitRepo) {
			r.write("content/articles/2025/first.md", fixtureArticle(first+"withdrawn:\n  date: 2025-06-01T12:30:00Z\n  explanation: Taken back.\n", "Body.\n"))
		}},
		{"an article committed, dated ahead, and deleted", func(r *gitRepo) {
			r.write("content/articles/2025/soon.md", fixtureArticle("title: Soon\ndate: 2025-06-01T12:30:00Z\nsummary: S.\n", "Body.\n"))
			r.commit("2025-05-30", "soon")
			r.git("", "rm", "-q", "content/articles/2025/soon.md")
		}},
		{"an article dated 20 years ahead and a little more", func(r *gitRepo) {
			r.write("content/articles/2045/far.md", fixtureArticle("title: Far\ndate: 2045-06-01T12:30:00Z\nsummary: S.\n", "Body.\n"))
		}},
		{"a change note added with updated as it was, which names now", func(r *gitRepo) {
			noted := first + "updated: 2025-04-01T10:00:00Z\nchanges:\n  - date: 2025-04-01T10:00:00Z\n    note: Corrected.\n"
			r.write("content/articles/2025/first.md", fixtureArticle(noted, "Body.\n"))
			r.commit("2025-04-02", "note")
			again := strings.Replace(noted, "changes:\n", "changes:\n  - date: 2025-04-01T10:00:00Z\n    note: Corrected again.\n", 1)
			r.write("content/articles/2025/first.md", fixtureArticle(again, "Body.\n"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newGitRepo(t)
			r.write("content/site.yaml", fixtureSettings)
			r.write("content/articles/2025/first.md", fixtureArticle(first, "Body.\n"))
			r.commit("2025-03-27", "first")
			tt.setup(r)
			o := options{Content: filepath.Join(r.dir, "content"), Templates: "../templates", Out: filepath.Join(t.TempDir(), "public"), Now: testNow}
			before, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			o.Now = testNow.Add(time.Hour)
			after, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := build(withOut(o, filepath.Join(t.TempDir(), "public")))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := fmt.Sprint(after.Report), fmt.Sprint(fresh.Report); got != want {
				t.Errorf("an hour later the build reports\n%s\nwant a fresh build's\n%s", got, want)
			}
			if fmt.Sprint(before.Report) == fmt.Sprint(fresh.Report) {
				t.Errorf("the report is the same an hour later, %s: the test tests nothing", fmt.Sprint(before.Report))
			}
		})
	}
}
