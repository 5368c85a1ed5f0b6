package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bulletin/generator/history/gittest"
	"bulletin/generator/pipeline"
	"bulletin/generator/render"
)

// The version pages are tested on a content folder in a git repository
// that the test makes, with real commits at fixed times, so that the
// history and every hash are the same on every run.

// gitRepo is a git repository made by a test, its commits dated by day
// (YYYY-MM-DD, at 09:00 UTC).
type gitRepo struct {
	*gittest.Repo
	t   *testing.T
	dir string
}

// newGitRepo makes an empty repository, or stops the test when git is
// missing (failing it in CI).
func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	r := gittest.New(t)
	return &gitRepo{Repo: r, t: t, dir: r.Dir}
}

// git runs git in the repository, its commits dated day if given, and
// gives its output.
func (r *gitRepo) git(day string, args ...string) string { return r.Git(at(day), args...) }

// write writes a file at a slash path in the repository.
func (r *gitRepo) write(p, data string) { r.Write(p, data) }

// commit commits every change, dated day.
func (r *gitRepo) commit(day, msg string) { r.Commit(at(day), msg) }

// at is a commit date for day, "" for none.
func at(day string) string {
	if day == "" {
		return ""
	}
	return day + "T09:00:00Z"
}

const fixtureSettings = `title: Version Bulletin
base_url: https://bulletin.example.org/
language: en-GB
time_zone: Europe/London
`

// fixtureArticle is the article's file: its front matter between lines
// of --- and its body.
func fixtureArticle(front, body string) string {
	return "---\n" + front + "---\n\n" + body
}

const (
	frontFirst = `title: CQC pauses ICS assessments
date: 2025-03-27
summary: CQC has paused its assessments of integrated care systems.
regulators: [CQC]
topics: [ICS assessments]
status: paused
sources:
  - title: CQC statement on ICS assessments
    url: https://www.cqc.org.uk/news/ics
    publisher: Care Quality Commission
`
	sourceDHSC = `  - title: DHSC response
    url: https://www.gov.uk/dhsc-response
    publisher: Department of Health and Social Care
`
	noteDHSC      = "  - date: 2025-03-28\n    note: Added DHSC's response.\n"
	noteSeptember = "  - date: 2025-04-02\n    note: Assessments to resume in September.\n"
	noteWithdrawn = "  - date: 2025-04-10\n    note: Withdrawn, as CQC has a new plan.\n"

	paraPause     = "CQC has paused its assesments of integrated care systems (ICSs) while it reviews its approach.\n\n"
	paraFixed     = "CQC has paused its assessments of integrated care systems (ICSs) while it reviews its approach.\n\n"
	paraJune      = "The pause lasts until June, CQC said.\n\n"
	paraSeptember = "The pause lasts until September, CQC said.\n\n"
	paraProviders = "Providers do not need to do anything now.\n"
	paraDHSC      = "\nDHSC welcomed the pause.\n"
)

// fixtureStep is one commit of the fixture's history.
type fixtureStep struct {
	name, day string
	do        func(r *gitRepo)
}

const (
	oldPath = "content/articles/2025-03-27-ics-paused.md"
	newPath = "content/articles/2025/2025-03-27-ics-paused.md"
)

// fixtureSteps are the article's history: first published, an update
// with a note, a typo fixed without one, a rename, a second update with a
// note, and a withdrawal with a note.
var fixtureSteps = []fixtureStep{
	{"first published", "2025-03-27", func(r *gitRepo) {
		r.write("content/site.yaml", fixtureSettings)
		r.write(oldPath, fixtureArticle(frontFirst, paraPause+paraJune+paraProviders))
	}},
	{"update with a note", "2025-03-28", func(r *gitRepo) {
		r.write(oldPath, fixtureArticle(frontFirst+sourceDHSC+"updated: 2025-03-28\nchanges:\n"+noteDHSC,
			paraPause+paraSeptember+paraProviders+paraDHSC))
	}},
	{"typo fixed without a note", "2025-03-29", func(r *gitRepo) {
		r.write(oldPath, fixtureArticle(frontFirst+sourceDHSC+"updated: 2025-03-28\nchanges:\n"+noteDHSC,
			paraFixed+paraSeptember+paraProviders+paraDHSC))
	}},
	{"renamed", "2025-03-30", func(r *gitRepo) {
		if err := os.MkdirAll(filepath.Join(r.dir, "content/articles/2025"), 0o755); err != nil {
			r.t.Fatal(err)
		}
		r.git("", "mv", oldPath, newPath)
	}},
	{"second update with a note", "2025-04-02", func(r *gitRepo) {
		front := strings.Replace(frontFirst, "title: CQC pauses ICS assessments", "title: CQC pauses ICS assessments until September", 1)
		r.write(newPath, fixtureArticle(front+sourceDHSC+"events:\n  - date: 2025-09\n    label: ICS assessments resume\n    status: in-progress\nupdated: 2025-04-02\nchanges:\n"+noteDHSC+noteSeptember,
			paraProviders+"\n"+paraFixed+strings.TrimSuffix(paraSeptember, "\n")+paraDHSC))
	}},
	{"withdrawn with a note", "2025-04-10", func(r *gitRepo) {
		front := strings.Replace(frontFirst, "title: CQC pauses ICS assessments", "title: CQC pauses ICS assessments until September", 1)
		r.write(newPath, fixtureArticle(front+sourceDHSC+"events:\n  - date: 2025-09\n    label: ICS assessments resume\n    status: in-progress\nupdated: 2025-04-10\nchanges:\n"+noteDHSC+noteSeptember+noteWithdrawn+
			"withdrawn:\n  date: 2025-04-10\n  explanation: CQC has published a new plan for ICS assessments.\n",
			paraProviders+"\n"+paraFixed+strings.TrimSuffix(paraSeptember, "\n")+paraDHSC))
	}},
}

// versionFixture makes the fixture repository with every step committed,
// and gives it.
func versionFixture(t *testing.T) *gitRepo {
	t.Helper()
	r := newGitRepo(t)
	for _, s := range fixtureSteps {
		s.do(r)
		r.commit(s.day, s.name)
	}
	return r
}

// The fixture's pages.
const (
	articleURL = "/2025/03/ics-paused/"
	changesURL = articleURL + "changes/"
)

// versionURLs are the pages the fixture's versions get: one for each
// note, none for the typo fix or the rename.
var versionURLs = []string{changesURL + "2025-03-28/", changesURL + "2025-04-02/", changesURL + "2025-04-10/"}

// buildFixture builds the content folder of r into a new folder, with a
// search index when pagefind is given.
func buildFixture(t *testing.T, r *gitRepo, pagefind string) (options, pipeline.Result) {
	t.Helper()
	o := options{
		Content:   filepath.Join(r.dir, "content"),
		Templates: "../templates",
		Out:       filepath.Join(t.TempDir(), "public"),
		Pagefind:  pagefind,
		Now:       testNow,
	}
	res, err := build(o)
	if err != nil {
		t.Fatalf("building the fixture: %v", err)
	}
	return o, res
}

func readOut(t *testing.T, out, url string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(render.FileFor(url))))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestVersionPages builds the fixture and wants a page for each version
// after the first, at its URL, with its banner, note and the words
// changed, linked from the article's page history and from its feed
// entry, and left out of the sitemap and of search.
func TestVersionPages(t *testing.T) {
	r := versionFixture(t)
	o, res := buildFixture(t, r, "")

	var got []string
	for _, v := range res.Site.Versions {
		got = append(got, v.URL)
	}
	if !slices.Equal(got, versionURLs) {
		t.Fatalf("version pages: got %q, want %q (the typo fix and the rename belong to the version before them)", got, versionURLs)
	}
	entries, err := os.ReadDir(filepath.Join(o.Out, filepath.FromSlash(strings.Trim(changesURL, "/"))))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(versionURLs) {
		t.Errorf("%s holds %d folders, want %d", changesURL, len(entries), len(versionURLs))
	}

	tests := []struct {
		url, banner, note string
		want              []string // fragments of the comparison
	}{
		{versionURLs[0], "28 March 2025", "Added DHSC&#39;s response.", []string{
			`<del><span class="visually-hidden">removed: </span>June</del>`,
			`<ins><span class="visually-hidden">added: </span>September</ins>`,
			// The typo fix, a day later, is part of this version.
			`<del><span class="visually-hidden">removed: </span>assesments</del>`,
			`<ins><span class="visually-hidden">added: </span>DHSC welcomed the pause.</ins>`,
			`<h2 id="compared-0">Sources</h2>`,
			"the version of 27 March 2025 (first published)",
		}},
		{versionURLs[1], "2 April 2025", "Assessments to resume in September.", []string{
			`<h2 id="compared-0">Title</h2>`,
			`<ins><span class="visually-hidden">added: </span> until September</ins>`,
			`<h2 id="compared-1">Key dates</h2>`,
			`<p class="moved">`,
			`<a href="` + versionURLs[0] + `">the version of 28 March 2025</a>`,
		}},
		{versionURLs[2], "10 April 2025", "Withdrawn, as CQC has a new plan.", []string{
			`<h2 id="compared-0">Withdrawal</h2>`,
			`<ins><span class="visually-hidden">added: </span>Withdrawn on 10 April 2025: CQC has published a new plan for ICS assessments.</ins>`,
			`Text (unchanged)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			page := readOut(t, o.Out, tt.url)
			for _, want := range append([]string{
				`<meta name="robots" content="noindex">`,
				`>` + tt.banner + `</time>.</strong>`,
				`<dt>Change note</dt><dd>` + tt.note + `</dd>`,
			}, tt.want...) {
				if !strings.Contains(page, want) {
					t.Errorf("the page has no %q", want)
				}
			}
			if strings.Contains(page, "data-pagefind-body") {
				t.Error("the page is marked for search (data-pagefind-body)")
			}
			banner := "This is the version of <time datetime=\""
			if tt.url == versionURLs[len(versionURLs)-1] {
				banner = "This is the newest version, of <time datetime=\""
			}
			if !strings.Contains(page, banner) {
				t.Errorf("the page has no %q", banner)
			}
		})
	}

	article := readOut(t, o.Out, articleURL)
	for _, want := range []string{
		`<a href="` + versionURLs[0] + `">Added DHSC&#39;s response.</a>`,
		`<a href="` + versionURLs[1] + `">Assessments to resume in September.</a>`,
		`<a href="` + versionURLs[2] + `">Withdrawn, as CQC has a new plan.</a>`,
	} {
		if !strings.Contains(article, want) {
			t.Errorf("the article's page history has no %q", want)
		}
	}
	if strings.Contains(article, "noindex") {
		t.Error("the article's page is noindex")
	}

	newest := "https://bulletin.example.org" + versionURLs[2]
	for _, feed := range []string{"atom.xml", "feed.xml", "feed.json", "topics/ics-assessments/atom.xml"} {
		data := readOut(t, o.Out, "/"+feed)
		if !strings.Contains(data, newest) {
			t.Errorf("%s: the entry does not link the newest comparison, %s", feed, newest)
		}
		if strings.Contains(data, versionURLs[0]) {
			t.Errorf("%s links an older comparison, %s", feed, versionURLs[0])
		}
	}
	if sitemap := readOut(t, o.Out, "/sitemap.xml"); strings.Contains(sitemap, "/changes/") {
		t.Error("the sitemap lists version pages")
	}
	for _, b := range render.IndexBundles(res.Site) {
		for _, p := range b.Pages {
			if strings.Contains(p, "/changes/") {
				t.Errorf("search bundle %s holds the version page %s", b.Dir, p)
			}
		}
	}
	if summary := res.Summary(); strings.Contains(summary, "no version history") {
		t.Errorf("the summary says there is no history:\n%s", summary)
	}
}

// TestNoVersionHistory builds a content folder whose history cannot be
// read, and wants the site as it is without versions, and the summary to
// say why.
func TestNoVersionHistory(t *testing.T) {
	r := versionFixture(t)
	shallow := filepath.Join(t.TempDir(), "shallow")
	r.git("", "clone", "-q", "--depth", "1", "file://"+r.dir, shallow)
	outside := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(outside, os.DirFS(filepath.Join(r.dir, "content"))); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, content, path, want string
	}{
		{"no git", filepath.Join(r.dir, "content"), t.TempDir(), "no version history: git is not installed"},
		{"shallow clone", filepath.Join(shallow, "content"), "", "no version history: " + filepath.ToSlash(filepath.Join(shallow, "content")) + "/ is in a shallow clone: fetch the full history (fetch-depth: 0)"},
		{"not in a repository", outside, "", "no version history: " + filepath.ToSlash(outside) + "/ is not in a git repository"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.path != "" {
				t.Setenv("PATH", tt.path)
			}
			o := options{Content: tt.content, Templates: "../templates", Out: filepath.Join(t.TempDir(), "public"), Now: testNow}
			res, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			if lines := strings.Split(res.Summary(), "\n"); !slices.Contains(lines, tt.want) {
				t.Errorf("summary:\n%s\nwant the line %q", res.Summary(), tt.want)
			}
			if len(res.Site.Versions) > 0 {
				t.Errorf("got %d version pages, want none", len(res.Site.Versions))
			}
			if _, err := os.Stat(filepath.Join(o.Out, "2025/03/ics-paused/index.html")); err != nil {
				t.Errorf("the article's page: %v", err)
			}
			article := readOut(t, o.Out, articleURL)
			if strings.Contains(article, "/changes/") {
				t.Error("the article's page links a version page")
			}
			// Built again, with nothing changed, the summary still says why.
			again, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			if again.Site != nil || !strings.Contains(again.Summary(), tt.want) {
				t.Errorf("built again: rebuilt %v, summary:\n%s\nwant it up to date and saying %q", again.Site != nil, again.Summary(), tt.want)
			}
		})
	}
}

// TestIncrementalEqualsCleanWithHistory makes the fixture's commits one
// at a time, and some that change the history but no file, building
// after each into the same folder, and wants the output byte for byte
// what a clean build makes.
func TestIncrementalEqualsCleanWithHistory(t *testing.T) {
	r := newGitRepo(t)
	o := options{Content: filepath.Join(r.dir, "content"), Templates: "../templates", Out: filepath.Join(t.TempDir(), "public"), Now: testNow}
	check := func(step string) {
		t.Helper()
		if _, err := build(o); err != nil {
			t.Fatalf("%s: incremental build: %v", step, err)
		}
		clean := withOut(o, filepath.Join(t.TempDir(), "public"))
		if _, err := build(clean); err != nil {
			t.Fatalf("%s: clean build: %v", step, err)
		}
		t.Run(step, func(t *testing.T) { compareTrees(t, o.Out, clean.Out) })
	}
	for i, s := range fixtureSteps {
		s.do(r)
		if i == 1 {
			// The note is in the work tree before it is committed: a
			// version with no commit, which the commit then takes.
			check(s.name + ", not committed")
		}
		r.commit(s.day, s.name)
		check(s.name)
	}
	// History that changes while the files stay as they are.
	r.git("2025-04-11", "commit", "-q", "--amend", "-m", "withdrawn, message reworded")
	check("last commit amended")
	r.git("2025-04-12", "commit", "-q", "--allow-empty", "-m", "empty")
	check("an empty commit")
	r.git("", "reset", "-q", "--soft", "HEAD~3")
	check("three commits undone, the files kept")
	r.commit("2025-04-13", "the last three again, as one")
	check("committed again as one")
}

// TestVersionPagesUnique wants two notes of one day to give two pages.
func TestVersionPagesUnique(t *testing.T) {
	r := newGitRepo(t)
	front := strings.Replace(frontFirst, "date: 2025-03-27", "date: 2025-03-20", 1)
	r.write("content/site.yaml", fixtureSettings)
	r.write(oldPath, fixtureArticle(front, paraJune))
	r.commit("2025-03-20", "first")
	for i, para := range []string{paraSeptember, "The pause lasts until October, CQC said.\n"} {
		var notes string
		for j := range i + 1 {
			notes += fmt.Sprintf("  - date: 2025-03-28\n    note: Correction %d.\n", j+1)
		}
		r.write(oldPath, fixtureArticle(front+"updated: 2025-03-28\nchanges:\n"+notes, para))
		r.commit(fmt.Sprintf("2025-03-2%d", 8+i), "correction")
	}
	o, res := buildFixture(t, r, "")
	var got []string
	for _, v := range res.Site.Versions {
		got = append(got, v.URL)
	}
	want := []string{"/2025/03/ics-paused/changes/2025-03-28/", "/2025/03/ics-paused/changes/2025-03-28-2/"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	article := readOut(t, o.Out, "/2025/03/ics-paused/")
	links := regexp.MustCompile(`<a href="(/2025/03/ics-paused/changes/[^"]+)">Correction (\d)\.</a>`).FindAllStringSubmatch(article, -1)
	if len(links) != 2 || links[0][1] != want[0] || links[0][2] != "1" || links[1][1] != want[1] || links[1][2] != "2" {
		t.Errorf("page history links: got %q, want Correction 1 to %s and Correction 2 to %s", links, want[0], want[1])
	}
}

// TestVersionPagesInBrowser opens the fixture's version pages in
// Chromium: axe-core finds no violation of WCAG 2.2 AA in light or dark
// mode at 1280, 390 and 320 px, nothing sticks out sideways, the changes
// read without colour, the article's history leads to them, and search
// finds the article but never a version. The Nu HTML Checker finds no
// error in them. It saves screenshots of each at 1280 and 390 px.
func TestVersionPagesInBrowser(t *testing.T) {
	axeSource, err := os.ReadFile(npmFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	axe := string(axeSource)
	lookVnu(t)
	r := versionFixture(t)
	o, _ := buildFixture(t, r, lookPagefind(t))
	base := serveSite(t, o.Out)
	ctx := newBrowser(t)
	shots := screenshotDir(t)

	var files []string
	for _, u := range versionURLs {
		files = append(files, filepath.Join(o.Out, filepath.FromSlash(render.FileFor(u))))
	}
	if n := vnu(t, o.Out, append(files, filepath.Join(o.Out, "style.css"))); n == 0 {
		t.Logf("the Nu HTML Checker found no error in the %d version pages", len(versionURLs))
	}

	violations := 0
	for i, u := range versionURLs {
		for _, v := range views {
			do(t, ctx, "opening "+u, viewport(v.width, v.dark), chromedp.Navigate(base+u))
			for _, f := range runAxe(t, ctx, axe) {
				t.Errorf("%s (%s): %s", u, v.name, f)
				violations++
			}
			if wider := overflow(t, ctx, u); wider > 0 {
				t.Errorf("%s at %dpx: the page is %dpx wider than the window", u, v.width, wider)
			}
			if v.width != 320 {
				screenshot(t, ctx, shots, fmt.Sprintf("version-%d-%s", i+1, v.name))
			}
		}
	}
	t.Logf("axe-core found %d violations of %s on %d version pages", violations, strings.Join(axeTags, ", "), len(versionURLs))

	do(t, ctx, "opening the first version", viewport(1280, false), chromedp.Navigate(base+versionURLs[0]))
	banner := get(t, ctx, "reading the banner", chromedp.Evaluate[string](`document.querySelector(".banner-version").innerText`))
	if !strings.HasPrefix(banner, "This is the version of 28 March 2025.") {
		t.Errorf("banner: got %q, want it to start with This is the version of 28 March 2025.", banner)
	}
	// Without colour: insertions underlined, deletions struck through;
	// for screen readers, "added: " and "removed: " first, though not seen.
	marks := get(t, ctx, "reading the marks", chromedp.Evaluate[map[string]string](`(() => {
		const ins = document.querySelector(".diff ins"), del = document.querySelector(".diff del");
		const hidden = ins.querySelector(".visually-hidden").getBoundingClientRect();
		return {
			ins: getComputedStyle(ins).textDecorationLine,
			del: getComputedStyle(del).textDecorationLine,
			insText: ins.textContent.slice(0, 7),
			delText: del.textContent.slice(0, 9),
			hidden: hidden.width <= 1 && hidden.height <= 1 ? "yes" : "no",
		};
	})()`))
	want := map[string]string{"ins": "underline", "del": "line-through", "insText": "added: ", "delText": "removed: ", "hidden": "yes"}
	for k, w := range want {
		if marks[k] != w {
			t.Errorf("%s: got %q, want %q", k, marks[k], w)
		}
	}

	// The article's page history leads to each comparison, newest first.
	do(t, ctx, "opening the article", chromedp.Navigate(base+articleURL))
	links := get(t, ctx, "reading the page history", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#page-history ~ ul a")).map(a => a.pathname)`))
	if want := []string{versionURLs[2], versionURLs[1], versionURLs[0]}; !slices.Equal(links, want) {
		t.Errorf("page history links: got %q, want %q", links, want)
	}
	do(t, ctx, "following the newest note", chromedp.Click(`#page-history ~ ul a[href$="2025-04-10/"]`), chromedp.WaitVisible(".banner-version"))
	if loc := get(t, ctx, "reading the address", chromedp.Location()); !strings.HasSuffix(loc, versionURLs[2]) {
		t.Errorf("after following the note: at %s, want %s", loc, versionURLs[2])
	}
	banner = get(t, ctx, "reading the newest version's banner", chromedp.Evaluate[string](`document.querySelector(".banner-version").innerText`))
	if !strings.HasPrefix(banner, "This is the newest version, of 10 April 2025.") {
		t.Errorf("the newest version's banner: got %q, want it to start with This is the newest version, of 10 April 2025.", banner)
	}

	// Search: the words of the current version find the article; those
	// only an earlier version had find nothing.
	do(t, ctx, "opening the search page", chromedp.Navigate(base+"/search/"))
	if _, titles := searchFor(t, ctx, "September", ""); !slices.Equal(titles, []string{"CQC pauses ICS assessments until September"}) {
		t.Errorf("searching for September: got %q, want the article alone", titles)
	}
	found := get(t, ctx, "reading the results' links", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results a")).map(a => a.pathname)`))
	for _, p := range found {
		if strings.Contains(p, "/changes/") {
			t.Errorf("search found a version page, %s", p)
		}
	}
	do(t, ctx, "opening the search page", chromedp.Navigate(base+"/search/"))
	if status, titles := searchFor(t, ctx, "June", ""); len(titles) != 0 {
		t.Errorf("searching for June, which only the first version has: got %q (%s), want nothing", titles, status)
	}
}

// TestCheckRenameNotCommitted reports an article whose file was renamed,
// giving it another address and feed id, before the rename is
// committed: check is run before a commit, and a build publishes at once.
func TestCheckRenameNotCommitted(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	renamed := "content/articles/2025/2025-03-27-ics-assessments-paused.md"
	r.git("", "mv", newPath, renamed)
	var stdout, stderr strings.Builder
	code := run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
	want := "2025-03-27-ics-assessments-paused.md:1: renamed from articles/2025/2025-03-27-ics-paused.md"
	if code != 1 || !strings.Contains(stdout.String()+stderr.String(), want) {
		t.Errorf("check gave %d and\n%s%s\nwant 1 and a line with %q", code, stdout.String(), stderr.String(), want)
	}
}

// TestBuildStopsOnAChangedFeedID stops a plain build, not only -strict,
// when a committed article's date is corrected so that its feed id would
// change: subscribers would see it again as new. The output folder is
// left as it was, and the id that keeps it is named; set, it builds.
func TestBuildStopsOnAChangedFeedID(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	out := filepath.Join(t.TempDir(), "public")
	build := func() (int, string) {
		var stdout, stderr strings.Builder
		code := run([]string{"build", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates", "-out", out}, &stdout, &stderr)
		return code, stdout.String() + stderr.String()
	}
	if code, printed := build(); code != 0 {
		t.Fatalf("first build exited %d:\n%s", code, printed)
	}
	before, err := os.ReadFile(filepath.Join(out, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	redated := strings.Replace(frontFirst, "date: 2025-03-27\n", "date: 2025-03-26\n", 1)
	r.write(newPath, fixtureArticle(redated, paraPause))
	code, printed := build()
	keep := "set id to tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused/ to keep it"
	if code != 1 || !strings.Contains(printed, "2025-03-27-ics-paused.md:3: date: the feed id would change") || !strings.Contains(printed, keep) {
		t.Errorf("build gave %d and\n%s\nwant 1 and the id that keeps it", code, printed)
	}
	if after, err := os.ReadFile(filepath.Join(out, "feed.xml")); err != nil || !bytes.Equal(after, before) {
		t.Errorf("feed.xml changed after a build that stopped (%v)", err)
	}
	r.write(newPath, fixtureArticle(redated+"id: tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused/\n", paraPause))
	if code, printed := build(); code != 0 {
		t.Errorf("build with the id kept exited %d:\n%s", code, printed)
	}
}

// TestCheckSilentStatusChange warns of an article whose status changed
// in a commit with no change note, which subscribers are not told of,
// and not once a note tells of it.
func TestCheckSilentStatusChange(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	resumed := strings.Replace(frontFirst, "status: paused\n", "status: in-progress\n", 1)
	r.write(newPath, fixtureArticle(resumed, paraPause))
	r.commit("2025-04-02", "status")
	check := func() string {
		var stdout, stderr strings.Builder
		run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
		return stdout.String() + stderr.String()
	}
	want := "2025-03-27-ics-paused.md:7: warning: status: changed from paused to in-progress since it was first published (commit "
	if got := check(); !strings.Contains(got, want) || !strings.Contains(got, "add an entry to changes and set updated") {
		t.Errorf("check gave\n%s\nwant a warning with %q", got, want)
	}
	noted := resumed + "updated: 2025-04-02\nchanges:\n  - date: 2025-04-02\n    note: CQC has restarted the assessments.\n"
	r.write(newPath, fixtureArticle(noted, paraPause))
	r.commit("2025-04-02", "note")
	if got := check(); strings.Contains(got, "status: changed from") {
		t.Errorf("check gave\n%s\nwant no warning once a note tells of the change", got)
	}
}

// TestCheckFeedDateBack takes a withdrawal out of an article without a
// later updated, and later moves updated back: each time its feed
// entries would date its last change before the one subscribers were
// last given, so feed readers keep the entry as it was (withdrawn), and
// check warns, before the edit is committed and in the build of its
// commit; not after a later commit, nor once updated tells of the
// change, nor of a withdrawal dated on a day that had not come when it
// was taken out again.
func TestCheckFeedDateBack(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	withdrawn := frontFirst + "withdrawn:\n  date: 2025-04-02T10:00:00Z\n  explanation: CQC took its statement back.\n"
	r.write(newPath, fixtureArticle(withdrawn, paraPause))
	r.commit("2025-04-02", "withdraw")
	check := func() string {
		var stdout, stderr strings.Builder
		run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
		return stdout.String() + stderr.String()
	}
	const warned = "which they last gave subscribers"
	if got := check(); strings.Contains(got, warned) {
		t.Fatalf("check gave\n%s\nwant no warning of a withdrawal", got)
	}
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	want := "2025-03-27-ics-paused.md:3: warning: updated: feeds would date the article's last change 2025-03-27 00:00 GMT, before 2025-04-02 11:00 BST"
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check of the withdrawal taken out gave\n%s\nwant a warning with %q", got, want)
	}
	r.commit("2025-04-05", "take the withdrawal out")
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check of the withdrawal taken out, committed, gave\n%s\nwant a warning with %q", got, want)
	}
	// The build of that commit told it; a later commit that leaves the
	// moment as it is, or another file, has nothing new to tell.
	r.write(newPath, fixtureArticle(frontFirst, paraPause+"\nCQC said more.\n"))
	r.commit("2025-04-05", "body")
	if got := check(); strings.Contains(got, warned) {
		t.Errorf("check after a later commit of the body gave\n%s\nwant no warning", got)
	}
	r.write("content/articles/2025/2025-04-05-other.md", fixtureArticle("title: Other\ndate: 2025-04-05\nsummary: Another.\n", "Text.\n"))
	r.commit("2025-04-05", "another article")
	if got := check(); strings.Contains(got, warned) {
		t.Errorf("check after a later commit of another article gave\n%s\nwant no warning", got)
	}
	noted := frontFirst + "updated: 2025-04-05T10:00:00Z\nchanges:\n  - date: 2025-04-05T10:00:00Z\n    note: CQC stands by its statement after all.\n"
	r.write(newPath, fixtureArticle(noted, paraPause))
	r.commit("2025-04-05", "note")
	if got := check(); strings.Contains(got, warned) {
		t.Errorf("check gave\n%s\nwant no warning once updated tells of the change", got)
	}
	back := strings.Replace(noted, "updated: 2025-04-05T10:00:00Z", "updated: 2025-04-06T10:00:00Z", 1)
	r.write(newPath, fixtureArticle(back, paraPause))
	r.commit("2025-04-06", "updated later")
	r.write(newPath, fixtureArticle(noted, paraPause))
	want = "warning: updated: feeds would date the article's last change 2025-04-05 11:00 BST, before 2025-04-06 11:00 BST"
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check of updated moved back gave\n%s\nwant a warning with %q", got, want)
	}
	// Once later commits have told that, a change note added with
	// updated as it was still dates the change before what subscribers
	// were given.
	r.commit("2025-04-07", "updated moved back")
	r.write("content/articles/2025/2025-04-06-third.md", fixtureArticle("title: Third\ndate: 2025-04-06\nsummary: A third.\n", "Text.\n"))
	r.commit("2025-04-07", "a third article")
	r.write(newPath, fixtureArticle(noted+"  - date: 2025-04-05T10:00:00Z\n    note: Linked CQC's letter.\n", paraPause))
	want = "warning: updated: feeds would date the article's last change 2025-04-05 11:00 BST, before 2025-04-06 11:00 BST, which they last gave subscribers, so feed readers would not show the change note of 2025-04-05T10:00:00Z"
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check of a note added after updated was moved back and committed gave\n%s\nwant a warning with %q", got, want)
	}
	// A change note on the day updated gives, the day alone, with
	// updated as it was: feeds give the moment they gave before.
	sameDay := strings.Replace(back, "updated: 2025-04-06T10:00:00Z", "updated: 2025-04-07", 1)
	r.write(newPath, fixtureArticle(sameDay, paraPause))
	r.commit("2025-04-07", "updated, the day alone")
	r.write(newPath, fixtureArticle(sameDay+"  - date: 2025-04-07\n    note: Linked CQC's letter.\n", paraPause))
	want = "warning: updated: feeds would date the article's last change 2025-04-07 00:00 BST, as they did before the change note of 2025-04-07, so feed readers would not show this change"
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check of a second note with updated as it was gave\n%s\nwant a warning with %q", got, want)
	}
	r.write(newPath, fixtureArticle(back, paraPause))
	r.commit("2025-04-06", "back")
	// A withdrawal dated on a day still to come when it was taken out
	// again was never given to subscribers.
	r.write(newPath, fixtureArticle(back+"withdrawn:\n  date: 2025-05-01T10:00:00Z\n  explanation: Soon.\n", paraPause))
	r.commit("2025-04-07", "withdraw ahead")
	r.write(newPath, fixtureArticle(back, paraPause))
	r.commit("2025-04-08", "not after all")
	if got := check(); strings.Contains(got, warned) {
		t.Errorf("check gave\n%s\nwant no warning of a withdrawal taken out before its day", got)
	}
}

// checkSays runs check on the repository's content, and fails the test
// where what it prints has a line with want, or has none, unlike said;
// step names the check.
func (r *gitRepo) checkSays(t *testing.T, step, want string, said bool) {
	t.Helper()
	var stdout, stderr strings.Builder
	run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
	if got := strings.Contains(stdout.String(), want); got != said {
		t.Errorf("%s: check printed\n%s%s\nwant a line with %q: %v", step, stdout.String(), stderr.String(), want, said)
	}
}

// TestCheckTimeZoneChanged changes site.yaml's time_zone, which moves
// every date written without an offset, feed entries' too: check warns
// before the change is committed and in the build of the commit that
// made it, not after a later commit; nor of another name of the zone,
// which moves no date, nor of the zone a first commit sets.
func TestCheckTimeZoneChanged(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	check := func(step string, warned bool) {
		t.Helper()
		r.checkSays(t, step, "content/site.yaml:4: warning: time_zone: changed from Europe/London to Pacific/Auckland ", warned)
	}
	check("the zone of the first commit", false)
	r.write("content/site.yaml", strings.Replace(fixtureSettings, "Europe/London", "GB", 1))
	check("another name of the zone", false)
	r.write("content/site.yaml", strings.Replace(fixtureSettings, "Europe/London", "Pacific/Auckland", 1))
	check("changed, not committed", true)
	r.commit("2025-03-28", "move the zone")
	check("changed by the last commit", true)
	r.write("content/articles/2025/2025-04-01-other.md", fixtureArticle("title: Other\ndate: 2025-04-01\nsummary: Another.\n", "Text.\n"))
	r.commit("2025-04-01", "another article")
	check("changed by an earlier commit", false)
}

// TestCheckBaseURLMoved moves the site to another host: the feed ids its
// articles were first published with would change, which stops the
// build, told at the line of site.yaml that gives ids their authority.
func TestCheckBaseURLMoved(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	r.write("content/site.yaml", strings.Replace(fixtureSettings, "bulletin.example.org", "news.example.com", 1))
	var stdout, stderr strings.Builder
	run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
	want := "content/site.yaml:2: the feed ids of 1 article would change"
	if !strings.Contains(stdout.String(), want) {
		t.Errorf("check printed\n%s%s\nwant a line with %q", stdout.String(), stderr.String(), want)
	}
}

// TestCheckSecondAddressKept renames an article twice, after a change
// note: the first rename keeps the first address with an alias, and the
// second must keep the second address too, which readers saw and feed
// entries link to; check tells the one no alias keeps, at the slug.
func TestCheckSecondAddressKept(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	noted := frontFirst + "updated: 2025-03-28\nchanges:\n  - date: 2025-03-28\n    note: Added CQC's statement.\n"
	r.write(newPath, fixtureArticle(noted+"slug: cqc-pauses-ics\naliases: [/2025/03/ics-paused/]\n", paraPause))
	r.commit("2025-03-28", "rename")
	check := func() string {
		var stdout, stderr strings.Builder
		run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
		return stdout.String() + stderr.String()
	}
	const want = "2025-03-27-ics-paused.md:16: slug: the article was published at /2025/03/cqc-pauses-ics/ too (commit "
	if got := check(); strings.Contains(got, "published at") {
		t.Fatalf("check after the first rename gave\n%s\nwant nothing of addresses", got)
	}
	r.write(newPath, fixtureArticle(noted+"slug: ics-assessments-paused\naliases: [/2025/03/ics-paused/]\n", paraPause))
	if got := check(); !strings.Contains(got, want) || !strings.Contains(got, "add /2025/03/cqc-pauses-ics/ to aliases") {
		t.Errorf("check after the second rename gave\n%s\nwant an error with %q", got, want)
	}
	r.write(newPath, fixtureArticle(noted+"slug: ics-assessments-paused\naliases: [/2025/03/ics-paused/, /2025/03/cqc-pauses-ics/]\n", paraPause))
	if got := check(); strings.Contains(got, "published at") {
		t.Errorf("check with both addresses kept gave\n%s\nwant nothing of addresses", got)
	}
}

// TestCheckTimeZoneNotCommitted keeps site.yaml out of git, as a site
// whose settings are made where it is built may: no commit gave a zone
// for the work tree's to change from, so check warns of none; once a
// commit adds site.yaml with another zone than the one the site was
// built in without it, the build of that commit warns.
func TestCheckTimeZoneNotCommitted(t *testing.T) {
	r := newGitRepo(t)
	auckland := strings.Replace(fixtureSettings, "Europe/London", "Pacific/Auckland", 1)
	r.write(".gitignore", "content/site.yaml\n")
	r.write("content/site.yaml", auckland)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	check := func(step string, warned bool) {
		t.Helper()
		r.checkSays(t, step, "warning: time_zone: changed from Europe/London to Pacific/Auckland ", warned)
	}
	check("site.yaml ignored by git", false)
	r.write(".gitignore", "")
	r.commit("2025-03-28", "keep the settings")
	check("site.yaml first committed, in another zone than the default", true)

	// A site.yaml that is a link to settings kept elsewhere, as the
	// README has it: git keeps the link, not the settings.
	r = newGitRepo(t)
	r.write("shared/site.yaml", auckland)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	if err := os.Symlink("../shared/site.yaml", filepath.Join(r.dir, "content/site.yaml")); err != nil {
		t.Fatal(err)
	}
	r.commit("2025-03-27", "publish")
	check("site.yaml a link to settings kept elsewhere", false)
}

// TestCheckTopicRenamed renames the topic of the only article that names
// it: its page and feeds would go with no word to their subscribers, so
// check warns, before the rename is committed and in the build of the
// commit that made it, but not after a later commit; nor when the new
// topic's intro page keeps the old address as an alias.
func TestCheckTopicRenamed(t *testing.T) {
	r := newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	r.write(newPath, fixtureArticle(frontFirst, paraPause))
	r.commit("2025-03-27", "publish")
	rename := func(to string) {
		front := strings.Replace(frontFirst, "topics: [ICS assessments]", "topics: ["+to+"]", 1)
		r.write(newPath, fixtureArticle(front, paraPause))
	}
	const want = "2025-03-27-ics-paused.md:6: warning: topics: no published article names the topic ICS assessments now, so its page /topics/ics-assessments/ and its feeds go"
	check := func(step string, warned bool) {
		t.Helper()
		var stdout, stderr strings.Builder
		run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
		if got := strings.Contains(stdout.String(), want); got != warned {
			t.Errorf("%s: check printed\n%s%s\nwant a line with %q: %v", step, stdout.String(), stderr.String(), want, warned)
		}
	}
	rename("ICS reviews")
	check("renamed, not committed", true)
	r.commit("2025-03-28", "rename the topic")
	check("renamed by the last commit", true)
	r.write("content/articles/2025/2025-04-01-other.md", fixtureArticle("title: Other\ndate: 2025-04-01\nsummary: Another.\n", "Text.\n"))
	r.commit("2025-04-01", "another article")
	check("renamed by an earlier commit", false)
	r.git("", "reset", "-q", "--hard", "HEAD~2")
	rename("ICS reviews")
	r.write("content/topics/ics-reviews.md", "---\ntitle: ICS reviews\nsummary: CQC's reviews of integrated care systems.\naliases: [/topics/ics-assessments/]\n---\nText.\n")
	check("renamed, the old address an alias", false)
}

// fullFeed makes a repository whose commit has published 51 articles,
// one a day from 2025-01-01, one more than a feed carries; it gives the
// path and text of an article dated date with slug, and what check says.
func fullFeed(t *testing.T) (r *gitRepo, article func(date, slug string) (string, string), check func() string) {
	t.Helper()
	r = newGitRepo(t)
	r.write("content/site.yaml", fixtureSettings)
	article = func(date, slug string) (string, string) {
		return "content/articles/" + date[:4] + "/" + date + "-" + slug + ".md",
			fixtureArticle("title: "+slug+"\ndate: "+date+"\nsummary: A summary.\n", "Body.\n")
	}
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 51 {
		r.write(article(day.AddDate(0, 0, i).Format(time.DateOnly), fmt.Sprintf("news-%d", i)))
	}
	r.commit("2025-02-20", "publish")
	check = func() string {
		var stdout, stderr strings.Builder
		run([]string{"check", "-content", filepath.Join(r.dir, "content"), "-templates", "../templates"}, &stdout, &stderr)
		return stdout.String() + stderr.String()
	}
	return r, article, check
}

// TestCheckNewArticleNoFeedCarries warns of a new article, not yet
// committed, dated before every article the bulletin's feed carries, as
// one dated the day the news happened may be: its subscribers would never
// be told of it. The check of the commit that publishes it, as CI runs
// it, warns too; once a later commit has changed the content, the
// warning has done its work. Many such articles at once, an archive
// moving in, are told in one warning.
func TestCheckNewArticleNoFeedCarries(t *testing.T) {
	r, article, check := fullFeed(t)
	r.write(article("2024-06-01", "late-report"))
	r.write(article("2025-03-01", "fresh-news"))
	want := "2024-06-01-late-report.md:3: warning: date: 2024-06-01 is before every article the bulletin's feed carries (the 50 changed last, back to 3 January 2025), so its subscribers will not be told of this new article"
	got := check()
	if !strings.Contains(got, want) || strings.Count(got, "will not be told of") != 1 {
		t.Errorf("check gave\n%s\nwant one warning, with %q", got, want)
	}
	r.commit("2025-03-01", "publish the report")
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check gave\n%s\nwant the warning in the check of the commit that publishes the article, as CI runs it, with %q", got, want)
	}
	r.write(article("2025-03-02", "more-news"))
	r.commit("2025-03-02", "more news")
	if got := check(); strings.Contains(got, "will not be told of") {
		t.Errorf("check gave\n%s\nwant no warning once a later commit has changed the content", got)
	}
	for i := range 6 {
		r.write(article(fmt.Sprintf("2020-0%d-01", i+1), fmt.Sprintf("archive-%d", i)))
	}
	want = "warning: 6 new articles (" + filepath.ToSlash(filepath.Join(r.dir, "content")) + "/articles/2020/2020-06-01-archive-5.md and 5 more, not yet committed or first published by the last commit) are dated before every article"
	if got := check(); !strings.Contains(got, want) || strings.Count(got, "will not be told of") != 1 {
		t.Errorf("check gave\n%s\nwant one warning for the six, with %q", got, want)
	}
}

// TestCheckChangeNoFeedCarries warns of an update to an article the
// feed no longer carries, dated before every change the feed carries, as
// one dated the day it was decided may be: the feed would not carry the
// entry that tells it, and its subscribers would never be told. As for a
// new article, the check of the commit that makes it warns too, and a
// later commit quiets it; an update dated when it is made reaches the
// feed, and is not warned of.
func TestCheckChangeNoFeedCarries(t *testing.T) {
	r, article, check := fullFeed(t)
	path, text := article("2025-01-01", "news-0")
	update := func(when string) {
		r.write(path, strings.Replace(text, "summary:", "updated: "+when+"\nchanges:\n  - date: "+when+"\n    note: Corrected a figure.\nsummary:", 1))
	}
	const warning = "so its subscribers will not be told of it"
	update("2025-01-01T10:00:00Z")
	want := "2025-01-01-news-0.md:4: warning: updated: feeds would date this change 2025-01-01 10:00 GMT, before every change the bulletin's feed carries (the 50 articles changed last, back to 2025-01-02 00:00 GMT), " + warning
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check gave\n%s\nwant %q", got, want)
	}
	r.commit("2025-03-01", "correct a figure")
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check gave\n%s\nwant the warning in the check of the commit that makes the change, with %q", got, want)
	}
	r.write(article("2025-03-02", "more-news"))
	r.commit("2025-03-02", "more news")
	if got := check(); strings.Contains(got, warning) {
		t.Errorf("check gave\n%s\nwant no warning once a later commit has changed the content", got)
	}
	update("2025-03-03T10:00:00Z")
	if got := check(); strings.Contains(got, warning) {
		t.Errorf("check gave\n%s\nwant no warning of a change the feed carries", got)
	}
	path, text = article("2025-01-02", "news-1")
	r.write(path, strings.Replace(text, "summary:", "withdrawn: {date: 2025-01-03, explanation: Published in error.}\nsummary:", 1))
	want = "2025-01-02-news-1.md:4: warning: withdrawn: feeds would date this change 2025-01-03 00:00 GMT, before every change the bulletin's feed carries (the 50 articles changed last, back to 2025-01-04 00:00 GMT), " + warning + ": date it the day it is withdrawn"
	if got := check(); !strings.Contains(got, want) {
		t.Errorf("check gave\n%s\nwant %q", got, want)
	}
}

// TestCheckNewArticleOnTheFeedsOldestDay adds a new article dated the
// day of the oldest article a full feed carries, which the feed leaves
// out by the site's order on that day: the warning says it is no later
// than them, where it said it was before the day it is dated.
func TestCheckNewArticleOnTheFeedsOldestDay(t *testing.T) {
	r, article, check := fullFeed(t)
	r.write(article("2025-01-02", "zz-late"))
	got := check()
	want := "2025-01-02-zz-late.md:3: warning: date: 2025-01-02 is no later than every article the bulletin's feed carries (the 50 changed last, back to 2 January 2025), so its subscribers will not be told of this new article: more came out at once than the feed carries: date some a little later"
	if !strings.Contains(got, want) {
		t.Errorf("check gave\n%s\nwant %q", got, want)
	}
}
