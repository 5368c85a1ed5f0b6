package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"bulletin/generator/content"
	"bulletin/generator/pipeline"
)

func TestCheckFindings(t *testing.T) {
	o := options{Content: "testdata/check/content", Templates: "../templates", Now: testNow}
	var got []string
	for _, f := range pipeline.Check(o) {
		got = append(got, formatProblem(f, "text"))
	}
	file := "testdata/check/content/articles/2025-01-11-other.md"
	want := []string{
		file + `:5: warning: topics: "Asessments" looks like a misspelling of "Assessments", which 2 articles use: if so, write "Assessments"; if it is a new topic, give it an intro page at testdata/check/content/topics/asessments.md`,
		file + `:6: warning: regulators: "CQX" is used by this article only and is a letter from "CQC", which site.yaml names: check its spelling; if it is another body, name it under regulators in site.yaml (CQX: {name: …})`,
		file + `:9: sources.url "/not/absolute": the site has no page or file at /not/absolute`,
		file + `:11: sources.url: "www.gov.uk/ofsted" is not an address readers can follow: write it like https://www.example.org/page, or /2025/01/page/ for a page of this site`,
		file + `:13: link "/2024/12/missing/": the site has no page or file at /2024/12/missing/`,
		file + `:13: link "../missing/": the site has no page or file at /2025/01/missing/`,
		file + `:15: image "/images/missing.png": the site has no page or file at /images/missing.png`,
		// A page of the site near the one a link names is suggested.
		file + `:17: link "/2025/01/goood/": the site has no page or file at /2025/01/goood/: did you mean /2025/01/good/?`,
		file + `:17: link "/topics/assessment/": the site has no page or file at /topics/assessment/: did you mean /topics/assessments/?`,
		// A link to an article's file, as GitHub follows it, is told its page.
		file + `:19: link "2025-01-10-good.md": the site has no page or file at /2025/01/other/2025-01-10-good.md: did you mean /2025/01/good/?`,
		// A link to a part of a page the page lacks; not to one it has,
		// its own heading or the theme's #main, nor to #top.
		file + `:23: warning: link "#near-mises": /2025/01/other/ has no heading or part with the id "near-mises", so the link leads to the top of the page: did you mean #near-misses?`,
		file + `:23: warning: link "/2025/01/good/#nowhere": /2025/01/good/ has no heading or part with the id "nowhere", so the link leads to the top of the page`,
		// By an old address, the page it redirects to is looked in.
		file + `:25: warning: link "/2024/12/good-old/#what-then": /2025/01/good/ has no heading or part with the id "what-then", so the link leads to the top of the page`,
		file + `:25: warning: link "/2025/01/good#gone": /2025/01/good/ has no heading or part with the id "gone", so the link leads to the top of the page`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCheckCommand(t *testing.T) {
	fields := writeArchive(t, readArchive(t, "testdata/broken/fields.txtar"), t.TempDir())
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{"the sample site is clean", []string{"check", "-content", "testdata/sample/content", "-templates", "../templates"}, 0, "no problems found\n"},
		{"problems", []string{"check", "-content", "testdata/check/content", "-templates", "../templates"}, 1,
			"testdata/check/content/articles/2025-01-11-other.md:5: warning: topics:"},
		{"github annotations", []string{"check", "-format", "github", "-content", "testdata/check/content", "-templates", "../templates"}, 1,
			"::warning file=testdata/check/content/articles/2025-01-11-other.md,line=5::topics:"},
		{"errors from the build", []string{"check", "-format", "github", "-content", fields, "-templates", "../templates"}, 1,
			"::error file=" + filepath.ToSlash(fields) + `/a.md,line=3::date: "27/03/2025" is not a date`},
		{"a clean site for GitLab", []string{"check", "-format", "gitlab", "-content", "testdata/sample/content", "-templates", "../templates"}, 0, "[]\n"},
		{"bad format", []string{"check", "-format", "xml"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("run(%q) exit code %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.wantCode, stdout.String(), stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), tt.wantOut) {
				t.Errorf("run(%q) printed:\n%s\nwant it to start with:\n%s", tt.args, stdout.String(), tt.wantOut)
			}
		})
	}
}

// TestCheckTheme wants the theme's links to pages the site lacks told
// as a body's are, a field its value lacks in a branch no page of the
// site takes told at its line, and a page's "main" the layout no longer
// calls warned of, by check and by build, which still publishes.
func TestCheckTheme(t *testing.T) {
	dir := themeCopy(t)
	editTheme(t, dir, "layout.html", `<a class="skip-link"`, `<a href="/about/">About</a><a class="skip-link"`)
	editTheme(t, dir, "layout.html", `{{template "main" .}}`, "")
	editTheme(t, dir, "layout.html", `<a href="/about/">`, `{{with .Version}}{{.Nte}}{{end}}<a href="/about/">`)
	want := []string{
		dir + `/404.html:1: warning: "main" is defined by every page file but no template calls it, so every page shows layout.html alone: call it ({{template "main" .}}) in layout.html where a page's content goes`,
		dir + `/layout.html:48: can't evaluate field Nte in type *site.Version, on the pages that reach it: did you mean .Note?`,
		dir + `/layout.html:48: link "/about/": the site has no page or file at /about/`,
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-content", "testdata/sample/content", "-templates", dir}, &stdout, &stderr); code != 1 {
		t.Errorf("check exit code %d, want 1\n%s", code, stderr.String())
	}
	if got := strings.Join(strings.Split(stdout.String(), "\n")[:len(want)], "\n"); got != strings.Join(want, "\n") {
		t.Errorf("check printed:\n%s\nwant:\n%s", stdout.String(), strings.Join(want, "\n"))
	}
	stdout.Reset()
	if code := run([]string{"build", "-content", "testdata/sample/content", "-templates", dir, "-out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr); code != 0 {
		t.Fatalf("build exit code %d, want 0\n%s", code, stderr.String())
	}
	for _, w := range want {
		if !strings.Contains(stdout.String(), w) {
			t.Errorf("build printed:\n%s\nwant a line %s", stdout.String(), w)
		}
	}
}

// sampleWithSettings copies the sample's content folder, adds more to
// the end of its site.yaml, and gives the copy, with how many lines its
// site.yaml had before.
func sampleWithSettings(t *testing.T, more string) (string, int) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(dir, "site.yaml")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings, append(data, more...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, strings.Count(string(data), "\n")
}

// TestCheckThemeParams wants a name a template asks site.yaml's params
// for, which params lacks while it has one near it, warned of at the
// template's line, and a setting there no template asks for, near a name
// one does, at its line in site.yaml; a setting the theme takes if it is
// given, and not near one that is, is no slip.
func TestCheckThemeParams(t *testing.T) {
	dir := themeCopy(t)
	editTheme(t, dir, "layout.html", `<a class="skip-link"`, `{{if .Site.Settings.Params.show_baner}}Banner{{end}}
{{with .Site.Settings.Params}}{{.footer_note}}{{.contact_email}}{{end}}
{{$p := .Site.Settings.Params}}{{index $p "analytics_id"}}<a class="skip-link"`)
	contentDir, lines := sampleWithSettings(t, "params:\n  show_banner: true\n  footer_note: Made in Leeds\n  footer_notes: Made in York\n  analytcs_id: UA-1\n")
	settings := filepath.Join(contentDir, "site.yaml")
	at := func(n int) string { return fmt.Sprintf("%s:%d", settings, lines+n) }
	want := []string{
		dir + "/layout.html:48: warning: Params.show_baner: site.yaml's params sets no show_baner, so the template shows nothing for it: did you mean show_banner, set at " + at(2) + ", which no template asks for?",
		dir + "/layout.html:50: warning: Params.analytics_id: site.yaml's params sets no analytics_id, so the template shows nothing for it: did you mean analytcs_id, set at " + at(5) + ", which no template asks for?",
		at(4) + ": warning: params.footer_notes: no template asks for it: did you mean footer_note, which " + dir + "/layout.html:49 asks for?",
	}
	var stdout, stderr bytes.Buffer
	run([]string{"check", "-content", contentDir, "-templates", dir}, &stdout, &stderr)
	var got []string
	for l := range strings.Lines(stdout.String()) {
		if strings.Contains(l, "arams.") {
			got = append(got, strings.TrimSuffix(l, "\n"))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("check printed:\n%s\nwant these lines of params:\n%s", stdout.String(), strings.Join(want, "\n"))
	}
}

// TestCheckDraftLinks wants a draft's broken link and a source readers
// cannot follow told as warnings, which do not fail check, saying check
// fails on them once the draft is published, which it then does.
func TestCheckDraftLinks(t *testing.T) {
	contentDir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(contentDir, os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(contentDir, "articles", "2025", "2025-06-01-a-draft.md")
	text := "---\ntitle: A draft\ndate: 2025-06-01\nsummary: A draft.\ndraft: true\nsources:\n  - title: CQC news\n    url: cqc.org.uk/news\n---\n\nSee [the pause](/2099/01/none/).\n"
	if err := os.WriteFile(draft, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		draft + `:8: warning: sources.url: "cqc.org.uk/news" is not an address readers can follow: write it like https://www.example.org/page, or /2025/01/page/ for a page of this site (in a draft: check fails on this once it is published)`,
		draft + `:11: warning: link "/2099/01/none/": the site has no page or file at /2099/01/none/ (in a draft: check fails on this once it is published)`,
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-content", contentDir, "-templates", "../templates"}, &stdout, &stderr); code != 0 {
		t.Errorf("check of a draft exit code %d, want 0\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, w := range want {
		if !strings.Contains(stdout.String(), w+"\n") {
			t.Errorf("check printed:\n%s\nwant a line %s", stdout.String(), w)
		}
	}
	if err := os.WriteFile(draft, []byte(strings.Replace(text, "draft: true\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := run([]string{"check", "-content", contentDir, "-templates", "../templates"}, &stdout, &stderr); code != 1 {
		t.Errorf("check of the draft published exit code %d, want 1\n%s", code, stdout.String())
	}
}

// TestCheckTally wants the problems check prints closed by their count:
// errors and warnings, as the lines above say, and the files they are in.
func TestCheckTally(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-content", "testdata/check/content", "-templates", "../templates"}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	errs, warnings, files := 0, 0, map[string]bool{}
	for _, l := range lines[:len(lines)-1] {
		if strings.Contains(l, ": warning: ") {
			warnings++
		} else {
			errs++
		}
		files[l[:strings.Index(l, ":")]] = true
	}
	want := fmt.Sprintf("%s and %s in %s: check fails on the errors", pipeline.Counted(errs, "error"), pipeline.Counted(warnings, "warning"), pipeline.Counted(len(files), "file"))
	if errs == 0 || warnings == 0 || lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q after %d errors and %d warnings", lines[len(lines)-1], want, errs, warnings)
	}
}

// TestCheckGitLab wants a GitLab Code Quality report of every problem:
// its file, line, message and severity, each fingerprint its own.
func TestCheckGitLab(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-format", "gitlab", "-content", "testdata/check/content", "-templates", "../templates"}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit code %d, want 1; stderr: %s", code, stderr.String())
	}
	var issues []struct {
		Description, Fingerprint, Severity string
		Location                           struct {
			Path  string
			Lines struct{ Begin int }
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &issues); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	var got []string
	seen := map[string]bool{}
	for _, i := range issues {
		got = append(got, fmt.Sprintf("%s:%d: %s: %s", i.Location.Path, i.Location.Lines.Begin, i.Severity, i.Description))
		if len(i.Fingerprint) != 32 || seen[i.Fingerprint] {
			t.Errorf("fingerprint %q: want 32 hex digits, each issue's own", i.Fingerprint)
		}
		seen[i.Fingerprint] = true
	}
	file := "testdata/check/content/articles/2025-01-11-other.md"
	want := []string{
		file + `:5: minor: topics: "Asessments" looks like a misspelling`,
		file + `:6: minor: regulators: "CQX" is used by this article only and is a letter from "CQC"`,
		file + `:9: major: sources.url "/not/absolute": the site has no page or file at /not/absolute`,
		file + `:11: major: sources.url: "www.gov.uk/ofsted" is not an address readers can follow`,
		file + `:13: major: link "/2024/12/missing/"`,
		file + `:13: major: link "../missing/"`,
		file + `:15: major: image "/images/missing.png"`,
		file + `:17: major: link "/2025/01/goood/"`,
		file + `:17: major: link "/topics/assessment/"`,
		file + `:19: major: link "2025-01-10-good.md"`,
		file + `:23: minor: link "#near-mises"`,
		file + `:23: minor: link "/2025/01/good/#nowhere"`,
		file + `:25: minor: link "/2024/12/good-old/#what-then"`,
		file + `:25: minor: link "/2025/01/good#gone"`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d issues:\n%s\nwant %d", len(got), strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("issue %d: got %s, want it to start %s", i, got[i], want[i])
		}
	}
}

// TestGitHubAnnotationEscapes wants a file name and a message that hold
// the annotation's own marks escaped as GitHub's toolkit escapes them.
func TestGitHubAnnotationEscapes(t *testing.T) {
	tests := []struct {
		in   content.Error
		want string
	}{
		{content.Error{File: "content/a.md", Line: 3, Msg: "title: missing"}, "::error file=content/a.md,line=3::title: missing"},
		{content.Error{File: "content/a,b: c%.md", Line: 2, Msg: "50% done\r\nnext", Warning: true}, "::warning file=content/a%2Cb%3A c%25.md,line=2::50%25 done%0D%0Anext"},
	}
	for _, tt := range tests {
		if got := formatProblem(&tt.in, "github"); got != tt.want {
			t.Errorf("got %s\nwant %s", got, tt.want)
		}
	}
}

// TestCheckMakesPagesBesideContentProblems wants a theme's mistake that
// only pages meet told in the same run as an article's own problem:
// check makes the pages of the articles it could read.
func TestCheckMakesPagesBesideContentProblems(t *testing.T) {
	content := writeArchive(t, readArchive(t, "testdata/broken/template-beside-content.txtar"), t.TempDir())
	dir := themeCopy(t)
	editTheme(t, dir, "article.html", "{{.Summary}}</p>", "{{.Summary}}{{index .Authors 3}}</p>")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-content", content, "-templates", dir}, &stdout, &stderr); code != 1 {
		t.Errorf("check exit code %d, want 1\n%s", code, stderr.String())
	}
	for _, want := range []string{
		filepath.ToSlash(content) + `/two.md:3: date: "27/03/2025" is not a date`,
		dir + `/article.html:26: error calling index: index out of range: 3 (rendering /2025/03/same/)`,
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("check printed:\n%s\nwant a line starting %s", stdout.String(), want)
		}
	}
}

// TestCheckManyLinksToMissingParts wants every link to a part a page
// lacks told, and the id likely meant suggested for the first hundred
// to a page only: each suggestion looks through all the page's ids.
func TestCheckManyLinksToMissingParts(t *testing.T) {
	var body strings.Builder
	for i := range 150 {
		fmt.Fprintf(&body, "## Part %d of the guide\n\n", i)
	}
	for i := range 150 {
		fmt.Fprintf(&body, "See [part %d](#part-%d-of-the-guid).\n\n", i, i)
	}
	content := writeArchive(t, &txtar.Archive{Files: []txtar.File{
		{Name: "content/site.yaml", Data: []byte("title: T\nbase_url: https://example.org/\n")},
		{Name: "content/articles/2025-01-10-a.md", Data: []byte("---\ntitle: A\ndate: 2025-01-10\nsummary: S.\n---\n" + body.String())},
	}}, t.TempDir())
	told, suggested := 0, 0
	for _, f := range pipeline.Check(options{Content: content, Templates: "../templates", Now: testNow}) {
		if strings.Contains(f.Msg, "has no heading or part") {
			told++
			if strings.Contains(f.Msg, "did you mean #part-") {
				suggested++
			}
		}
	}
	if told != 150 || suggested != 100 {
		t.Errorf("%d links told, %d with a suggestion; want 150, 100", told, suggested)
	}
}

// TestCheckThemeParamsReadWhole wants no setting of site.yaml's params
// told as one no template asks for where a template reads every one of
// them, ranging over params or naming one by a variable: the theme shows
// each as it is set.
func TestCheckThemeParamsReadWhole(t *testing.T) {
	for name, read := range map[string]string{
		"range":             `{{range $k, $v := .Site.Settings.Params}}<meta name="{{$k}}" content="{{$v}}">{{end}}`,
		"range in with":     `{{with .Site.Settings.Params}}{{range .}}{{.}}{{end}}{{end}}`,
		"index by variable": `{{$p := .Site.Settings.Params}}{{$k := print "auth" "ors"}}{{index $p $k}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := themeCopy(t)
			editTheme(t, dir, "layout.html", `<a class="skip-link"`, read+`{{.Site.Settings.Params.author}}<a class="skip-link"`)
			contentDir, _ := sampleWithSettings(t, "params:\n  author: Jo\n  authors: The team\n")
			var stdout, stderr bytes.Buffer
			run([]string{"check", "-content", contentDir, "-templates", dir}, &stdout, &stderr)
			if strings.Contains(stdout.String(), "arams.") {
				t.Errorf("check printed:\n%s\nwant no warning of params: the template reads every one", stdout.String())
			}
		})
	}
}
