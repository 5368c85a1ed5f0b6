package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"bulletin/generator/inputs"
	"bulletin/generator/output"
	"bulletin/generator/pipeline"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/")

// testNow is the moment end-to-end builds run at, so held-back articles
// and golden files stay put.
var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// TestMain lets a test run the command itself in a child process, with
// its own environment (time zone, locale).
func TestMain(m *testing.M) {
	if mode := os.Getenv("BULLETIN_FAKE_PAGEFIND"); mode != "" {
		os.Exit(fakePagefind(mode, os.Args[1:]))
	}
	if os.Getenv("BULLETIN_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	// The test data is read as no git repository holds it: this
	// repository's history, or a shallow clone's want of one, must not
	// change what a test builds or checks. Tests of history make their
	// own repositories.
	testdata, err := filepath.Abs("testdata")
	if err == nil {
		err = os.Setenv("GIT_CEILING_DIRECTORIES", testdata)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// testOptions are the options to build dir/content with the theme into
// a temporary folder.
func testOptions(t *testing.T, dir string) options {
	t.Helper()
	return options{
		Content:   filepath.Join(dir, "content"),
		Templates: "../templates",
		Out:       filepath.Join(t.TempDir(), "public"),
		Now:       testNow,
	}
}

// themeCopy copies the shipped theme into a new folder, for a test to
// change.
func themeCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "templates")
	if err := os.CopyFS(dir, os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// editTheme replaces from, which the theme file must hold once, with to.
func editTheme(t *testing.T, dir, file, from, to string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), from); n != 1 {
		t.Fatalf("templates/%s holds %q %d times, want once", file, from, n)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// siteGolden holds every file a build of testdata/site/content writes,
// one section a file.
const siteGolden = "testdata/site/want.txtar"

// TestBuildSite builds testdata/site and compares every file with
// testdata/site/want.txtar; -update rewrites it.
func TestBuildSite(t *testing.T) {
	o := testOptions(t, "testdata/site")
	r, err := build(o)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if got, want := len(r.Site.Articles), 3; got != want {
		t.Errorf("published %d articles, want %d (draft and future left out)", got, want)
	}
	if got := len(r.Site.Held); got != 1 {
		t.Errorf("held back %d articles, want 1", got)
	}
	if *update {
		writeGolden(t, o.Out, siteGolden)
	}
	compareGolden(t, o.Out, siteGolden)

	// The second build reads every article from the cache the first left
	// beside the output, and must give the same bytes.
	if _, err := os.Stat(pipeline.CachePath(o.Out)); err != nil {
		t.Fatalf("no build cache beside the output: %v", err)
	}
	if _, err := build(o); err != nil {
		t.Fatalf("build with a warm cache: %v", err)
	}
	compareGolden(t, o.Out, siteGolden)
}

// TestBuildIgnoresABadCache builds with cache files that are empty,
// foreign, truncated or tampered with, or whose blobs file is missing,
// and wants the expected output every time; a body damaged in the blobs
// file is found as a page reads it, and the build runs again without
// the cache, saying so.
func TestBuildIgnoresABadCache(t *testing.T) {
	good := testOptions(t, "testdata/site")
	if _, err := build(good); err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		t.Helper()
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	warm, blobs := read(pipeline.CachePath(good.Out)), read(pipeline.CachePath(good.Out)+".blobs")
	flipped := bytes.Clone(warm)
	flipped[len(flipped)/2] ^= 0xff
	damaged := bytes.Clone(blobs)
	damaged[len(damaged)/2] ^= 0xff
	tests := []struct {
		name         string
		cache, blobs []byte // nil for none
		wantNote     string // in the summary
	}{
		{name: "empty", cache: []byte{}, blobs: blobs},
		{name: "foreign", cache: []byte("not a cache at all"), blobs: blobs},
		{name: "truncated", cache: warm[:len(warm)/2], blobs: blobs},
		{name: "tampered", cache: flipped, blobs: blobs},
		{name: "other version", cache: bytes.Replace(warm, []byte(inputs.Program()), []byte(strings.Repeat("0", len(inputs.Program()))), 1), blobs: blobs},
		{name: "no blobs", cache: warm},
		{name: "blobs cut short", cache: warm, blobs: blobs[:len(blobs)-1]},
		// Found only once a page needs the body: the build runs again.
		{name: "a body damaged", cache: warm, blobs: damaged, wantNote: "the build cache was damaged, so it was removed and every article read again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(t, "testdata/site")
			if err := os.MkdirAll(filepath.Dir(o.Out), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(pipeline.CachePath(o.Out), tt.cache, 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.blobs != nil {
				if err := os.WriteFile(pipeline.CachePath(o.Out)+".blobs", tt.blobs, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r, err := build(o)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			if got := r.Summary(); tt.wantNote != "" && !strings.Contains(got, tt.wantNote) {
				t.Errorf("summary:\n%s\nwant it to say %q", got, tt.wantNote)
			}
			compareGolden(t, o.Out, siteGolden)
		})
	}
}

// TestBuildNeverWritesThroughLinksBeside plants, at the name of each
// file a build writes beside the output folder before it renames it
// into place (the cache, its blobs, the index, the record, the journal),
// a link to a file of someone else's: builds cold, after an edit and
// after a second edit leave every such file as it was, and build the
// site a clean build does.
func TestBuildNeverWritesThroughLinksBeside(t *testing.T) {
	o := testOptions(t, t.TempDir())
	if err := os.CopyFS(o.Content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(o.Out), 0o755); err != nil {
		t.Fatal(err)
	}
	victims := t.TempDir()
	beside := func(kind string) string { return filepath.Join(filepath.Dir(o.Out), ".public."+kind) }
	var planted []string
	for _, kind := range []string{"cache", "cache.blobs", "index", "build", "journal", "history"} {
		for _, suffix := range []string{".new", ".next"} {
			victim := filepath.Join(victims, kind+suffix)
			if err := os.WriteFile(victim, []byte("someone's "+kind), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(victim, beside(kind)+suffix); err != nil {
				t.Fatal(err)
			}
			planted = append(planted, victim)
		}
	}
	article := filepath.Join(o.Content, "articles", "2024-06-01-second.md")
	for i := range 3 {
		if i > 0 {
			data, err := os.ReadFile(article)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(article, fmt.Appendf(data, "\nEdit %d.\n", i), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := build(o); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
	}
	for _, victim := range planted {
		kind := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(victim), ".new"), ".next")
		if got, err := os.ReadFile(victim); err != nil || string(got) != "someone's "+kind {
			t.Errorf("%s, which a link beside the output folder led to, holds %q, %v; want it as it was", filepath.Base(victim), got, err)
		}
	}
	clean := withOut(o, filepath.Join(t.TempDir(), "public"))
	if _, err := build(clean); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, o.Out, clean.Out)
}

// compareTrees compares every file under gotDir with the one of the
// same name under wantDir.
func compareTrees(t *testing.T, gotDir, wantDir string) {
	t.Helper()
	compareFiles(t, readTree(t, gotDir), readTree(t, wantDir), wantDir)
}

// compareGolden compares every file under dir with its section in the
// golden archive at path.
func compareGolden(t *testing.T, dir, path string) {
	t.Helper()
	want := map[string][]byte{}
	for _, f := range readArchive(t, path).Files {
		name, data := fileData(t, f)
		want[name] = data
	}
	compareFiles(t, readTree(t, dir), want, path)
}

// writeGolden writes every file under dir to the golden archive at path,
// one section a file, in order of name.
func writeGolden(t *testing.T, dir, path string) {
	t.Helper()
	files := readTree(t, dir)
	a := &txtar.Archive{Comment: []byte("Every file a build of testdata/site/content writes, one section a file:\nTestBuildSite compares them; go test ./generator -update rewrites them.\n")}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		a.Files = append(a.Files, encodeFile(name, files[name]))
	}
	writeArchiveFile(t, path, a)
}

// compareFiles compares the files a build wrote with those wanted, which
// are kept in where, and shows the first line that differs.
func compareFiles(t *testing.T, got, want map[string][]byte, where string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("missing %s", name)
		case !bytes.Equal(g, want[name]):
			t.Errorf("%s differs from the one in %s (run go test ./generator -update and review the diff):\n%s", name, where, firstDiff(g, want[name]))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected file %s", name)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		files[p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// firstDiff shows the first line that differs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}

// TestBuildErrors builds each case in testdata/broken, one txtar file a
// case, over a site built before, and compares the error lines with the
// case's; the previous output must stay as it was. A case's comment says
// what it shows; its sections (see txtar_test.go for quoted ones):
//
//	content/...            a file of the content folder
//	edit templates/FILE    the theme, with the text of the first line,
//	                       which FILE must hold once, replaced by the second
//	want errors            the error lines, the content folder written as
//	                       content and the theme as templates; -update
//	                       rewrites this section
func TestBuildErrors(t *testing.T) {
	paths, err := filepath.Glob("testdata/broken/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in testdata/broken: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a := readArchive(t, path)
			o := testOptions(t, "testdata/site")
			if _, err := build(o); err != nil {
				t.Fatalf("building the previous site: %v", err)
			}
			before := readTree(t, o.Out)
			o.Content = writeArchive(t, a, t.TempDir())
			o.Templates = themeCopy(t)
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "content/") {
					continue
				}
				if file, ok := strings.CutPrefix(f.Name, "templates/"); ok {
					p := filepath.Join(o.Templates, filepath.FromSlash(file))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				name, lines := sectionLines(t, f)
				file, edit := strings.CutPrefix(name, "edit templates/")
				switch {
				case edit && len(lines) == 2:
					editTheme(t, o.Templates, file, lines[0], lines[1])
				case name != "want errors":
					t.Fatalf("section %s: want content/..., templates/FILE (a file added to the theme), edit templates/FILE (two lines: old, new) or want errors", f.Name)
				}
			}
			_, err := build(o)
			if err == nil {
				t.Fatalf("build succeeded, want errors: %s", a.Comment)
			}
			got := strings.ReplaceAll(err.Error(), filepath.ToSlash(o.Content)+"/", "content/")
			got = strings.ReplaceAll(got, filepath.ToSlash(o.Templates), "templates")
			wantErrorLines(t, path, a, strings.Split(got, "\n"))
			wantUnchanged(t, o.Out, before, "the failed build")
		})
	}
}

// withOut gives o with the output folder out.
func withOut(o options, out string) options {
	o.Out = out
	return o
}

// TestBuildIsReproducible builds the same content twice, in child
// processes with different time zones and locales, and wants identical
// bytes.
func TestBuildIsReproducible(t *testing.T) {
	var outs []string
	for _, env := range [][]string{
		{"TZ=UTC", "LANG=C"},
		{"TZ=America/New_York", "LANG=fr_FR.UTF-8", "LC_ALL=fr_FR.UTF-8"},
	} {
		out := filepath.Join(t.TempDir(), "public")
		cmd := exec.Command(os.Args[0], "build", "-content", "testdata/sample/content", "-templates", "../templates", "-out", out)
		cmd.Env = append(os.Environ(), append(env, "BULLETIN_TEST_MAIN=1")...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build with %v: %v\n%s", env, err, b)
		}
		outs = append(outs, out)
	}
	compareTrees(t, outs[0], outs[1])
}

// TestBuildReportsWhatCheckFinds checks that build publishes a site with
// a likely misspelling, links to pages it does not have and a relative
// source URL, printing each with its file and line as check does and
// counting the problems check fails on; with -strict it fails on them
// and leaves the output as it was.
func TestBuildReportsWhatCheckFinds(t *testing.T) {
	o := testOptions(t, "testdata/check")
	r, err := build(o)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	file := "testdata/check/content/articles/2025-01-11-other.md"
	for _, want := range []string{
		file + `:5: warning: topics: "Asessments" looks like a misspelling of "Assessments"`,
		file + `:9: sources.url "/not/absolute": the site has no page or file at /not/absolute`,
		file + `:11: sources.url: "www.gov.uk/ofsted" is not an address readers can follow: write it like https://www.example.org/page, or /2025/01/page/ for a page of this site`,
		file + `:13: link "/2024/12/missing/": the site has no page or file at /2024/12/missing/`,
		file + `:15: image "/images/missing.png": the site has no page or file at /images/missing.png`,
		"8 problems above: build -strict and check fail on them",
	} {
		if !strings.Contains(r.Summary(), want) {
			t.Errorf("the summary does not say %q:\n%s", want, r.Summary())
		}
	}
	// A source that is not a web address is shown, but not linked: its
	// link would lead nowhere.
	page := readFile(t, filepath.Join(o.Out, "2025", "01", "other", "index.html"))
	if !strings.Contains(page, "<li>Domain without a scheme") || strings.Contains(page, "www.gov.uk/ofsted") {
		t.Errorf("the article page links www.gov.uk/ofsted, want the source's title as text")
	}
	if again, err := build(o); err != nil || again.Summary()[strings.Index(again.Summary(), "\n"):] != r.Summary()[strings.Index(r.Summary(), "\n"):] {
		t.Errorf("a build with nothing changed says:\n%s\nwant the same notes as the first:\n%s (%v)", again.Summary(), r.Summary(), err)
	}
	before := readTree(t, o.Out)
	o.Strict = true
	_, err = build(o)
	if err == nil || !strings.Contains(err.Error(), file+`:13: link "/2024/12/missing/"`) {
		t.Errorf("build -strict: got %v, want the missing link with its file and line", err)
	}
	wantUnchanged(t, o.Out, before, "a failed build -strict")
}

// wantUnchanged fails unless dir holds just the files of before, as they
// were, after what.
func wantUnchanged(t *testing.T, dir string, before map[string][]byte, what string) {
	t.Helper()
	after := readTree(t, dir)
	if len(after) != len(before) {
		t.Errorf("%s left %d files, want the previous %d", what, len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed %s", what, name)
		}
	}
}

// TestBuildKeepsSlugsFromOtherSystems builds articles whose slugs and
// names came from another system (capitals, underscores, dots, tildes,
// other scripts) and wants each page at its URL as written, in UTF-8,
// linked percent-encoded; and two slugs that differ only in case refused
// as one URL, naming both files.
func TestBuildKeepsSlugsFromOtherSystems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: Archive\nbase_url: https://archive.example/\n")
	write("articles/a.md", "---\ntitle: A check-up\ndate: 2025-03-01\nsummary: S.\nslug: A-check-up_for.agile~teams\ntopics: [新闻]\nregulators: [هيئة]\n---\nBody.\n")
	write("articles/b.md", "---\ntitle: Ruby\ndate: 2025-03-02\nsummary: S.\nslug: ruby-4-0-4-released-zh_tw\naliases: [/news/2025/Ruby_4.0.4/]\n---\nBody.\n")
	o := options{Content: filepath.Join(dir, "content"), Templates: "../templates", Out: filepath.Join(dir, "public"), Now: testNow}
	if _, err := build(o); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, name := range []string{"2025/03/A-check-up_for.agile~teams/index.html", "2025/03/ruby-4-0-4-released-zh_tw/index.html",
		"topics/新闻/index.html", "regulators/هيئة/index.html", "news/2025/Ruby_4.0.4/index.html"} {
		if _, err := os.Stat(filepath.Join(o.Out, filepath.FromSlash(name))); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	page, err := os.ReadFile(filepath.Join(o.Out, "2025", "03", "A-check-up_for.agile~teams", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `href="/topics/%e6%96%b0%e9%97%bb/"`; !strings.Contains(strings.ToLower(string(page)), want) {
		t.Errorf("the article page does not link its topic as %s", want)
	}
	write("articles/c.md", "---\ntitle: Clash\ndate: 2025-03-03\nsummary: S.\nslug: a-check-up_for.agile~teams\n---\nBody.\n")
	_, err = build(o)
	if err == nil || !strings.Contains(err.Error(), "differs only in case or Unicode form") || !strings.Contains(err.Error(), "a.md") || !strings.Contains(err.Error(), "c.md") {
		t.Errorf("two slugs that differ only in case: got %v, want a clash naming both files", err)
	}
}

// TestBuildReportsEveryKindOfProblemAtOnce gives one run a file whose
// YAML cannot be read, a field that is wrong, two articles at one URL and
// a name that looks like a misspelling: the build reports all of them,
// sorted by file and line, and check the same.
func TestBuildReportsEveryKindOfProblemAtOnce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "content", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article := func(title, date, extra string) string {
		return "---\ntitle: " + title + "\ndate: " + date + "\nsummary: S.\n" + extra + "---\nBody.\n"
	}
	write("site.yaml", "title: Archive\nbase_url: https://archive.example/\n")
	write("a-yaml.md", "---\ntitle: CQC: paused\ndate: 2025-03-01\nsummary: S.\n---\nBody.\n")
	write("b-field.md", article("B", "27/03/2025", ""))
	write("c-one.md", article("C", "2025-03-05", "slug: same\ntopics: [Assessments]\n"))
	write("d-two.md", article("D", "2025-03-06", "slug: same\ntopics: [Assessments]\n"))
	write("e-typo.md", article("E", "2025-03-07", "topics: [Asessments]\n"))
	o := options{Content: filepath.Join(dir, "content"), Templates: "../templates", Out: filepath.Join(dir, "public"), Now: testNow}
	_, err := build(o)
	if err == nil {
		t.Fatal("build: got no error")
	}
	var got []string
	for line := range strings.SplitSeq(err.Error(), "\n") {
		got = append(got, strings.TrimPrefix(line, filepath.Join(dir, "content")+"/"))
	}
	wants := []string{"a-yaml.md:2: title:", "b-field.md:3: date:", "c-one.md:5: slug: /2025/03/same/ is also the URL of", "e-typo.md:5: warning: topics: \"Asessments\" looks like a misspelling"}
	if len(got) != len(wants) {
		t.Errorf("build reported %d problems, want %d:\n%s", len(got), len(wants), strings.Join(got, "\n"))
	}
	for i, want := range wants {
		if i < len(got) && !strings.HasPrefix(got[i], want) {
			t.Errorf("problem %d: got %q, want it to start %q", i+1, got[i], want)
		}
	}
	if _, err := os.Stat(o.Out); err == nil {
		t.Error("a failed build wrote the output folder")
	}
	found := pipeline.Check(o)
	if len(found) != len(wants) {
		t.Errorf("check found %d problems, want the build's %d: %v", len(found), len(wants), found)
	}
}

// TestBuildComposesAssetNames publishes a content file whose name macOS
// wrote decomposed under its composed name, as pages are named and as
// an editor types a link to it, so the link finds it.
func TestBuildComposesAssetNames(t *testing.T) {
	dir := t.TempDir()
	o := testOptions(t, dir)
	decomposed := filepath.Join(o.Content, "files", "cafe\u0301.pdf")
	if err := os.MkdirAll(filepath.Dir(decomposed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(decomposed, []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeArticle(t, filepath.Join(o.Content, "articles"), article("Menu", "", "See [the menu](/files/caf\u00e9.pdf).\n"))
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(r.Report.Notes, "\n"); strings.Contains(notes, "menu") || strings.Contains(notes, "caf") {
		t.Errorf("the build reports the link:\n%s", notes)
	}
	if data, err := os.ReadFile(filepath.Join(o.Out, "files", "caf\u00e9.pdf")); err != nil || string(data) != "%PDF" {
		t.Errorf("the file under its composed name: %q, %v", data, err)
	}
}

// TestBuildAssetNamesInTwoForms stops a build of two content files
// whose names differ only in Unicode form, published at one name, naming
// each of the two files, and reads both for script: the clash was told
// as one file's with itself, and the other file was never read.
func TestBuildAssetNamesInTwoForms(t *testing.T) {
	dir := t.TempDir()
	o := testOptions(t, dir)
	files := filepath.Join(o.Content, "files")
	if err := os.MkdirAll(files, 0o755); err != nil {
		t.Fatal(err)
	}
	decomposed, composed := "content/files/cafe\u0301.svg", "content/files/caf\u00e9.svg"
	for name, data := range map[string]string{
		"cafe\u0301.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"caf\u00e9.svg":  "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
	} {
		if err := os.WriteFile(filepath.Join(files, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := build(o)
	if err == nil {
		t.Fatal("build succeeded, want it to stop on the two files")
	}
	got := strings.ReplaceAll(err.Error(), filepath.ToSlash(o.Content), "content")
	for _, want := range []string{
		composed + ": published at /files/caf\u00e9.svg, which is also the content file " + decomposed + " (the two file names look the same but differ in Unicode form",
		composed + ":1: ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got\n%s\nwant a line with %q", got, want)
		}
	}
}

// TestUnreadableFileToldAtOnce makes a content file its reader may not
// read, beside an article with another problem: check and build each
// tell both, where check told neither of the file and build told it
// only once nothing else stopped it. Root reads every file, so the test
// needs another user.
func TestUnreadableFileToldAtOnce(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a file whatever its permissions")
	}
	dir := t.TempDir()
	o := testOptions(t, dir)
	writeArticle(t, filepath.Join(o.Content, "articles"), "---\ntitle: T\ndate: 2025-01-15\nsummary: S.\nbad: 1\n---\nBody.\n")
	unread := filepath.Join(o.Content, "chart.png")
	if err := os.WriteFile(unread, []byte("png"), 0o000); err != nil {
		t.Fatal(err)
	}
	want := "content/chart.png: can't read it: permission denied"
	var told []string
	for _, f := range pipeline.Check(o) {
		told = append(told, strings.ReplaceAll(f.Error(), filepath.ToSlash(o.Content), "content"))
	}
	if !slices.Contains(told, want) || len(told) != 2 {
		t.Errorf("check told:\n%s\nwant %q beside the article's problem", strings.Join(told, "\n"), want)
	}
	_, err := build(o)
	if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), filepath.ToSlash(o.Content), "content"), want) {
		t.Errorf("build: got %v, want %q beside the article's problem", err, want)
	}
	// A page the theme fails on, once the article is mended, stops the
	// build too, and the file is told beside it.
	writeArticle(t, filepath.Join(o.Content, "articles"), "---\ntitle: T\ndate: 2025-01-15\nsummary: S.\n---\nBody.\n")
	o.Templates = themeCopy(t)
	editTheme(t, o.Templates, "article.html", "{{.Title}}</h1>", "{{.Title}}</h1>{{.Withdrawn.Explanation}}")
	_, err = build(o)
	if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), filepath.ToSlash(o.Content), "content"), want) || !strings.Contains(err.Error(), "Withdrawn") {
		t.Errorf("build: got %v, want %q beside the page the theme fails on", err, want)
	}
}

// TestBuildFollowsLinkedSources builds from a content folder and a theme
// that are symbolic links to folders kept elsewhere, edits both through
// their real folders, and wants the next build to equal a clean one: the
// record of what a build read must see inside a linked folder too.
func TestBuildFollowsLinkedSources(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.CopyFS(filepath.Join(real, "content"), os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(real, "templates"), os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	o := testOptions(t, dir)
	o.Templates = filepath.Join(dir, "templates")
	for _, name := range []string{"content", "templates"} {
		if err := os.Symlink(filepath.Join(real, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := build(o); err != nil {
		t.Fatalf("first build: %v", err)
	}
	article := filepath.Join(real, "content", "articles", "2024-06-01-second.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "title: ", "title: Retitled ", 1)
	if err := os.WriteFile(article, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "templates", "static", "extra.css"), []byte("p {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(o); err != nil {
		t.Fatalf("build after the edits: %v", err)
	}
	clean := o
	clean.Out = filepath.Join(t.TempDir(), "public")
	if _, err := build(clean); err != nil {
		t.Fatalf("clean build: %v", err)
	}
	got, want := readTree(t, o.Out), readTree(t, clean.Out)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from a clean build's after edits through the linked folders:\n%s", name, firstDiff(got[name], data))
		}
	}
	if _, ok := got["extra.css"]; !ok {
		t.Errorf("the theme's new extra.css was not published")
	}
}

// TestBuildWaitsForTheLockToSaveItsCache builds while another build
// holds the output folder, not yet made: the build fails saying so, and
// writes no build cache beside the folder, where the other is writing.
func TestBuildWaitsForTheLockToSaveItsCache(t *testing.T) {
	o := testOptions(t, "testdata/site")
	other, err := output.Open(o.Out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Abort()
	if _, err := build(o); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Fatalf("build while another holds the folder: %v, want an error saying another build is writing", err)
	}
	for _, side := range []string{pipeline.CachePath(o.Out), pipeline.CachePath(o.Out) + ".blobs"} {
		if _, err := os.Stat(side); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s was written while another build held the folder (%v)", side, err)
		}
	}
}

// TestBuildIntoAFolderNotOurs builds into a folder no build wrote, which
// holds a file of someone else's, from content with a broken article:
// both are told in the one run, and nothing is written in the folder or
// beside it, not the build cache nor git's history.
func TestBuildIntoAFolderNotOurs(t *testing.T) {
	parent := t.TempDir()
	o := testOptions(t, "testdata/site")
	o.Out = filepath.Join(parent, "letters")
	o.Content = t.TempDir()
	if err := os.CopyFS(o.Content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(o.Content, "broken.md"), []byte("---\ntitle: Broken\ndate: 2025-02-30\nsummary: S.\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(o.Out, "letter.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := build(o)
	for _, want := range []string{`broken.md:3: date: "2025-02-30" has no day 30`, "holds files bulletin did not write, such as letter.txt"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want a problem with %q", err, want)
		}
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "letters" {
		t.Errorf("beside the folder: %v, want nothing", entries)
	}
	wantUnchanged(t, o.Out, map[string][]byte{"letter.txt": []byte("mine")}, "the refused build")
}

// TestBuildTellsEveryKindOfProblem builds into a folder that holds a file
// bulletin did not write, from content with a broken article: both are
// told in the one run, and the folder stays as it was.
func TestBuildTellsEveryKindOfProblem(t *testing.T) {
	o := testOptions(t, "testdata/site")
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(o.Out, "foreign.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, o.Out)
	o.Content = t.TempDir()
	if err := os.CopyFS(o.Content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(o.Content, "broken.md"), []byte("---\ntitle: Broken\ndate: 2025-02-30\nsummary: S.\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := build(o)
	for _, want := range []string{`broken.md:3: date: "2025-02-30" has no day 30`, "holds files bulletin did not write, such as foreign.txt"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want a problem with %q", err, want)
		}
	}
	wantUnchanged(t, o.Out, before, "the failed build")
}

// TestStoppedBuildMakesChangedPages builds a site, then gives it an
// article that stops the build and an edit that makes another article's
// page meet a template's runtime error: the stopped build tells both,
// since it makes every page whose inputs changed since the last build,
// and passes over only those made then from the same inputs.
func TestStoppedBuildMakesChangedPages(t *testing.T) {
	o := testOptions(t, "testdata/site")
	o.Content = filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(o.Content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	o.Templates = themeCopy(t)
	editTheme(t, o.Templates, "article.html", "{{.Summary}}</p>", `{{.Summary}}{{if eq .Summary "Boom."}}{{index .Authors 5}}{{end}}</p>`)
	if _, err := build(o); err != nil {
		t.Fatalf("the first build: %v", err)
	}
	first := filepath.Join(o.Content, "articles", "2024-05-10-first.md")
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "summary: The first article, with characters that need escaping.", "summary: Boom.", 1)
	if err := os.WriteFile(first, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(o.Content, "articles", "2024-09-01-bad.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: Bad\ndate: 27/03/2025\nsummary: S.\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = build(o)
	for _, want := range []string{"2024-09-01-bad.md:3: date:", "article.html:26: error calling index: index out of range: 5 (rendering /2024/05/"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the stopped build: %v; want %q", err, want)
		}
	}
}

// TestBuildRefusesLinkNamedWithSlash builds into a symbolic link to an
// output folder, named with a slash after it as a shell completes it:
// the build refuses it, as it refuses the link's bare name, and leaves
// the link and the folder it points to as they were.
func TestBuildRefusesLinkNamedWithSlash(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real"), filepath.Join(dir, "link")
	args := []string{"build", "-content", "testdata/sample/content", "-templates", "../templates", "-out", real}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("building into %s exited %d:\n%s", real, code, stderr.Bytes())
	}
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, real)
	for _, out := range []string{link + "/", link + "/."} {
		stderr.Reset()
		args[len(args)-1] = out
		if code := run(args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "is a symbolic link to real") {
			t.Errorf("building into %s exited %d, want 2 and the link refused:\n%s", out, code, stderr.Bytes())
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link: %v", link, err)
	}
	if after := readTree(t, real); !maps.EqualFunc(before, after, bytes.Equal) {
		t.Errorf("the folder the link points to changed: %d files before, %d after", len(before), len(after))
	}
}
