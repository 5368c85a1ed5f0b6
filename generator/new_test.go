package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewWritesAnArticleThatBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	title := `CQC's "new" guidance: what changes?`
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", title, "-topic", "Assessments", "-regulator", "CQC", "-content", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("new exited %d: %s", code, stderr.String())
	}
	london, _ := time.LoadLocation("Europe/London")
	today := time.Now().In(london)
	name := filepath.Join(dir, "articles", today.Format("2006"), today.Format("2006-01-02")+"-cqcs-new-guidance-what-changes.md")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("new did not write %s: %v (it said %q)", name, err, stdout.String())
	}

	o := options{Content: dir, Templates: "../templates", Out: filepath.Join(t.TempDir(), "public"), Now: time.Now()}
	r, err := build(o)
	if err != nil {
		t.Fatalf("the site with the new draft does not build: %v", err)
	}
	if r.Site.Drafts != 2 {
		t.Errorf("got %d drafts, want 2: the test site's one and the new article", r.Site.Drafts)
	}

	// Published unfinished, with the skeleton's summary and body, it
	// stops the build at both.
	unfinished := strings.Replace(string(data), "draft: true\n", "", 1)
	if err := os.WriteFile(name, []byte(unfinished), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = build(o)
	bodyLine := strings.Count(unfinished[:strings.Index(unfinished, "Write the article here")], "\n") + 1
	for _, want := range []string{"summary: still the placeholder bulletin new wrote", fmt.Sprintf(":%d: the body still holds the placeholder bulletin new wrote", bodyLine)} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the new article, published unfinished: got %v, want an error saying %q", err, want)
		}
	}
	// Written over its first sentence only, the skeleton's advice that
	// follows would be published: it stops the build too.
	published := strings.Replace(unfinished, "Replace with a one- or two-sentence summary of the news.", "CQC published new guidance.", 1)
	published = strings.Replace(published, "Write the article here, in Markdown.", "CQC's guidance changes how providers register.", 1)
	if err := os.WriteFile(name, []byte(published), 0o644); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(":%d: the body still holds the placeholder bulletin new wrote (\"Start with what was announced, then the\")", bodyLine)
	if _, err := build(o); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("the new article, its advice left in: got %v, want an error saying %q", err, want)
	}
	body := published[strings.Index(published, "CQC's guidance changes"):]
	published = strings.Replace(published, body, "CQC's guidance changes how providers register.\n", 1)
	if err := os.WriteFile(name, []byte(published), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(o); err != nil {
		t.Fatalf("the new article, written and published, does not build: %v", err)
	}
	page := filepath.Join(o.Out, today.Format("2006/01"), "cqcs-new-guidance-what-changes", "index.html")
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatalf("published article has no page: %v", err)
	}
	if !strings.Contains(string(html), "CQC&#39;s &#34;new&#34; guidance: what changes?") {
		t.Errorf("page %s does not show the title", page)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"new", title, "-content", dir}, &stdout, &stderr); code != 1 {
		t.Errorf("second new with the same title exited %d, want 1", code)
	}
	if after, _ := os.ReadFile(name); !bytes.Equal(after, []byte(published)) {
		t.Error("second new overwrote the article")
	}
	if !strings.Contains(stderr.String(), "already exists") {
		t.Errorf("second new said %q, want it to say the file already exists", stderr.String())
	}
}

func TestNewUsage(t *testing.T) {
	for _, args := range [][]string{{"new"}, {"new", "  "}, {"new", "One", "Two"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("run(%q) exited %d, want 2", args, code)
		}
	}
}

// TestNewNeedsTheContentFolder refuses a content folder that does not
// exist, as a mistyped -content gives, and makes nothing.
func TestNewNeedsTheContentFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "contnet")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "A title", "-content", missing}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "does not exist") {
		t.Errorf("new with a missing -content: exit %d, %q; want 1 and a message that it does not exist", code, stderr.String())
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("new made %s (%v)", missing, err)
	}
}

// TestNewRefusesATitleThatIsNotText refuses a title with bytes that are
// not UTF-8 or a control character, which the front matter would change
// into other text, and writes nothing.
func TestNewRefusesATitleThatIsNotText(t *testing.T) {
	for _, title := range []string{"x\xff", "two\nlines", "a\x00b"} {
		dir := t.TempDir()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"new", title, "-content", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "give the title as one line of text") {
			t.Errorf("new %q: exit %d, %q; want 1 and a message to give one line of text", title, code, stderr.String())
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("new %q wrote %v", title, entries)
		}
	}
}

// TestNewRefusesANameWithNoAddress refuses a -topic or -regulator that
// check would refuse in the article, with no letter or digit to make its
// page's address from, and writes nothing.
func TestNewRefusesANameWithNoAddress(t *testing.T) {
	for _, args := range [][]string{{"-topic", ".."}, {"-regulator", ""}, {"-topic", "Funding", "-topic", "a\nb"}} {
		dir := t.TempDir()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"new", "A title", "-content", dir}, args...), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "give a name with a letter or digit") {
			t.Errorf("new %q: exit %d, %q; want 2 and a message to give a name with a letter or digit", args, code, stderr.String())
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("new %q wrote %v", args, entries)
		}
	}
}

// TestNewRefusesAHiddenCharacter refuses a -topic or -regulator with a
// character that only hides in it, which check would refuse, for the
// reason check gives, and writes nothing.
func TestNewRefusesAHiddenCharacter(t *testing.T) {
	for _, args := range [][]string{{"-topic", "\u200bzw"}, {"-regulator", "CQC\u2060"}} {
		dir := t.TempDir()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"new", "A title", "-content", dir}, args...), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "holds an invisible character") {
			t.Errorf("new %q: exit %d, %q; want 2 and a message that it holds an invisible character", args, code, stderr.String())
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("new %q wrote %v", args, entries)
		}
	}
}

// TestNewWritesInsideTheContentFolder refuses a folder on the new
// article's way that is a link, which could lead out of the content
// folder and which a build refuses, and writes nothing through it.
func TestNewWritesInsideTheContentFolder(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	year := filepath.Join(dir, "articles", time.Now().Format("2006"))
	if err := os.MkdirAll(filepath.Dir(year), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, year); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "Through a link", "-content", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "is a link, which a build refuses") {
		t.Errorf("new through a link: exit %d, %q; want 1 and a message that it is a link", code, stderr.String())
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("new wrote %v outside the content folder", entries)
	}
}

// TestNewRefusesAnOpenDirectionMark refuses a title with a mark that sets
// the direction of the text after it and that nothing closes, which a
// build would refuse.
func TestNewRefusesAnOpenDirectionMark(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "\u202eevil", "-content", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "nothing closes") {
		t.Errorf("new with U+202E: exit %d, %q; want 1 and a message that nothing closes it", code, stderr.String())
	}
}

// TestNewTitleStartingWithADash takes the title after -- as it is, even
// when it starts with a dash or reads as flags, and refuses a word that
// starts with a dash but is no flag of new, saying to write -- before
// the title, where the flag package told only of a flag not defined;
// after a title, such a word is no title, and is told as a flag alone.
func TestNewTitleStartingWithADash(t *testing.T) {
	tests := []struct {
		name string
		args []string // after new, with -content DIR added first
		code int
		file string // the slug the article is written at, for code 0
		said string // in stderr, for another code
	}{
		{"after --", []string{"--", "-rf --help"}, 0, "rf-help", ""},
		{"after the flags and --", []string{"-topic", "Fees", "--", "-5% fees"}, 0, "5-fees", ""},
		{"a flag's name after --", []string{"--", "-topic"}, 0, "topic", ""},
		{"without --", []string{"-rf --help"}, 2, "", `flag provided but not defined: -rf --help; if it is the title, write -- before the title: bulletin new -- "-rf --help"`},
		{"without -- after the flags", []string{"-topic", "Fees", "-5% fees"}, 2, "", `flag provided but not defined: -5% fees; if it is the title, write -- before the title: bulletin new -- "-5% fees"`},
		{"a mistyped flag before the title", []string{"-topc", "Fees", "Title"}, 2, "", `flag provided but not defined: -topc: did you mean -topic? Or, if it is the title, write -- before the title: bulletin new -- "-topc"`},
		{"a mistyped flag after the title", []string{"Title", "-topc", "Fees"}, 2, "", "flag provided but not defined: -topc: did you mean -topic?"},
		{"an unknown flag after the title", []string{"Title", "-tag", "Fees"}, 2, "", "flag provided but not defined: -tag"},
		{"flags after --", []string{"--", "-rf", "-topic", "Fees"}, 2, "", "give one title, in quotes: every word after -- is the title's, so give flags before --"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"new", "-content", dir}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("new %q: exit %d, want %d (%s)", tt.args, code, tt.code, stderr.String())
			}
			if tt.code != 0 {
				if first, _, _ := strings.Cut(stderr.String(), "\n"); first != "new: "+tt.said {
					t.Errorf("new %q said %q, want %q", tt.args, first, "new: "+tt.said)
				}
				if entries, _ := os.ReadDir(dir); len(entries) > 0 {
					t.Errorf("new %q wrote %v", tt.args, entries)
				}
				return
			}
			found, _ := filepath.Glob(filepath.Join(dir, "articles", "*", "*-"+tt.file+".md"))
			if len(found) != 1 {
				t.Fatalf("new %q: got files %v, want one named *-%s.md (%s)", tt.args, found, tt.file, stdout.String())
			}
			data, _ := os.ReadFile(found[0])
			if title := tt.args[len(tt.args)-1]; !strings.Contains(string(data), title) {
				t.Errorf("new %q: the article does not hold the title %q:\n%s", tt.args, title, data)
			}
		})
	}
}
