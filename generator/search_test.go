package main

import (
	"bulletin/generator/render"
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakePagefind stands in for Pagefind when the test binary runs with
// BULLETIN_FAKE_PAGEFIND set: "ok" indexes the site it is given into an
// index file that lists its pages and their size in all; "fail" writes
// half an index and fails. With BULLETIN_FAKE_PAGEFIND_LOG set, it appends the site it
// indexed to that file. With BULLETIN_FAKE_PAGEFIND_RUNNING set to a
// folder, it notes its pages there while it runs, waits a moment, and
// appends to the file running.log in it how many Pagefinds ran then and
// on how many pages in all. "settings" indexes as "ok" does, and then
// changes the pagefind.yml of the folder it runs in, as an editor's
// save while it runs would; "gone" fails as a Pagefind no longer
// installed does. It gives its version as BULLETIN_FAKE_PAGEFIND_VERSION
// says, or 0.0.0-fake, and with BULLETIN_FAKE_PAGEFIND_NOTICE set says
// more on its standard error, as npx may.
func fakePagefind(mode string, args []string) int {
	if mode == "gone" {
		fmt.Fprintln(os.Stderr, "sh: 1: pagefind: not found")
		return 127
	}
	if len(args) > 0 && args[len(args)-1] == "--version" {
		if os.Getenv("BULLETIN_FAKE_PAGEFIND_NOTICE") != "" {
			fmt.Fprintln(os.Stderr, "npm notice New minor version of npm available!")
		}
		fmt.Println("pagefind", cmp.Or(os.Getenv("BULLETIN_FAKE_PAGEFIND_VERSION"), "0.0.0-fake"))
		return 0
	}
	var site, index string
	for i, a := range args[:max(len(args)-1, 0)] {
		switch a {
		case "--site":
			site = args[i+1]
		case "--output-path":
			index = args[i+1]
		}
	}
	var pages []string
	var size int64
	err := filepath.WalkDir(site, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.Name() == "index.html" {
			rel, _ := filepath.Rel(site, p)
			pages = append(pages, filepath.ToSlash(rel))
			info, err := e.Info()
			if err != nil {
				return err
			}
			size += info.Size()
		}
		return err
	})
	if err != nil || len(pages) == 0 || index == "" {
		fmt.Fprintln(os.Stderr, "fake pagefind: no pages to index:", err)
		return 2
	}
	if err := os.MkdirAll(index, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if err := os.WriteFile(filepath.Join(index, "pagefind.js"), fmt.Appendf(nil, "// index of %s (%d bytes)\n", strings.Join(pages, " "), size), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	switch mode {
	case "fail":
		fmt.Fprintln(os.Stderr, "Error: Pagefind ran out of words")
		return 1
	case "settings":
		if err := os.WriteFile("pagefind.yml", []byte("force_language: fr\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	if dir := os.Getenv("BULLETIN_FAKE_PAGEFIND_RUNNING"); dir != "" {
		if err := noteRunning(dir, len(pages)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	if log := os.Getenv("BULLETIN_FAKE_PAGEFIND_LOG"); log != "" {
		f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		defer f.Close()
		fmt.Fprintln(f, strings.Join(pages, " "))
	}
	return 0
}

// TestBuildWithoutSearch builds with no -pagefind: the search page says
// search is not available and loads no search script.
func TestBuildWithoutSearch(t *testing.T) {
	o := testOptions(t, "testdata/site")
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	page := readFile(t, filepath.Join(o.Out, "search", "index.html"))
	if !strings.Contains(page, "Search is not available on this copy of the site.") {
		t.Errorf("search page does not say search is not available:\n%s", page)
	}
	if strings.Contains(page, "search.js") || strings.Contains(page, "<form") {
		t.Errorf("search page offers search without an index:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(o.Out, "pagefind")); !os.IsNotExist(err) {
		t.Errorf("pagefind/ exists without -pagefind: %v", err)
	}
}

// TestBuildRunsPagefind runs a stand-in Pagefind: it indexes every
// article page, once, before the new output is in place, its files are
// in the manifest, and the search page offers search from the bundle.
func TestBuildRunsPagefind(t *testing.T) {
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	o := testOptions(t, "testdata/site")
	o.Pagefind = os.Args[0] + " --some-flag"
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, a := range r.Site.Articles {
		pages = append(pages, strings.TrimPrefix(a.URL, "/")+"index.html")
	}
	if got, want := readFile(t, filepath.Join(o.Out, "pagefind", "all", "pagefind.js")), "// index of "+strings.Join(slices.Sorted(slices.Values(pages)), " ")+" ("; !strings.HasPrefix(got, want) {
		t.Errorf("pagefind/all/pagefind.js: got %q, want it to start %q", got, want)
	}
	if manifest := readFile(t, filepath.Join(o.Out, ".bulletin-manifest")); !strings.Contains(manifest, " pagefind/all/pagefind.js\n") {
		t.Errorf("the manifest does not list pagefind/all/pagefind.js:\n%s", manifest)
	}
	page := readFile(t, filepath.Join(o.Out, "search", "index.html"))
	for _, want := range []string{`<form class="search-form"`, `<script type="module" src="/search.js">`, `data-bundles="/pagefind/all/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("search page has no %s", want)
		}
	}
}

// TestBuildWithoutSearchTellsIndexRemoved: a build without -pagefind
// after one with it says that it removes the index, which it does, as
// go run ./generator build does after ./build.sh; a build with no index
// before says nothing of one.
func TestBuildWithoutSearchTellsIndexRemoved(t *testing.T) {
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	o := testOptions(t, "testdata/site")
	o.Pagefind = os.Args[0]
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	o.Pagefind = ""
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	if want := "search index: none, as -pagefind was not given"; !strings.Contains(r.Summary(), want) {
		t.Errorf("summary %q does not say %q", r.Summary(), want)
	}
	if _, err := os.Stat(filepath.Join(o.Out, "pagefind")); !os.IsNotExist(err) {
		t.Errorf("pagefind/ is still there: %v", err)
	}
	if r, err = build(o); err != nil || strings.Contains(r.Summary(), "search index") {
		t.Errorf("a build with no index before: summary %q, error %v; want no word of one", r.Summary(), err)
	}
}

// TestPagefindSettingsSavedWhileIndexing: pagefind.yml saved while
// Pagefind runs leaves it unknown which settings it read, so the build
// says so and the next one indexes again, rather than finding the
// output up to date with the settings as they were before.
func TestPagefindSettingsSavedWhileIndexing(t *testing.T) {
	o := testOptions(t, "testdata/site")
	for _, p := range []*string{&o.Content, &o.Templates, &o.Out} {
		abs, err := filepath.Abs(*p)
		if err != nil {
			t.Fatal(err)
		}
		*p = abs
	}
	t.Chdir(t.TempDir())
	o.Pagefind = os.Args[0]
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "settings")
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Pagefind's settings changed while the build ran"; !strings.Contains(r.Summary(), want) {
		t.Errorf("summary %q does not say %q", r.Summary(), want)
	}
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	if r, err = build(o); err != nil || !strings.Contains(r.Summary(), "search index: 1 of 1 bundles indexed again") {
		t.Errorf("the next build: %v, %q; want the index made again", err, r.Summary())
	}
}

// TestPagefindVersion builds with Pagefind's version changing between
// builds and nothing else: an upgrade indexes the site again, as a clean
// build would; what npx says besides the version changes nothing; and a
// Pagefind gone stops the build before it changes anything, the record
// of the last build included, so that once Pagefind is back the output
// is up to date again.
func TestPagefindVersion(t *testing.T) {
	t.Setenv("BULLETIN_FAKE_PAGEFIND_VERSION", "1.3.0")
	o := testOptions(t, "testdata/site")
	o.Pagefind = os.Args[0]
	index := filepath.Join(o.Out, "pagefind", "all", "pagefind.js")
	for _, step := range []struct {
		name, mode, version, notice string
		rebuilt                     bool
		err                         string
	}{
		{name: "first", mode: "ok", version: "1.3.0", rebuilt: true},
		{name: "the same again", mode: "ok", version: "1.3.0"},
		{name: "a notice on stderr", mode: "ok", version: "1.3.0", notice: "1"},
		{name: "Pagefind gone", mode: "gone", version: "1.3.0", err: "pagefind: not found"},
		{name: "Pagefind back", mode: "ok", version: "1.3.0"},
		{name: "upgraded", mode: "ok", version: "1.4.0", rebuilt: true},
	} {
		t.Setenv("BULLETIN_FAKE_PAGEFIND", step.mode)
		t.Setenv("BULLETIN_FAKE_PAGEFIND_VERSION", step.version)
		t.Setenv("BULLETIN_FAKE_PAGEFIND_NOTICE", step.notice)
		before, _ := os.ReadFile(index)
		r, err := build(o)
		switch {
		case step.err != "" && (err == nil || !strings.Contains(err.Error(), step.err)):
			t.Errorf("%s: error %v, want one saying %q", step.name, err, step.err)
		case step.err == "" && err != nil:
			t.Errorf("%s: %v", step.name, err)
		case step.err == "" && (r.Site != nil) != step.rebuilt:
			t.Errorf("%s: built the site again: %v, want %v", step.name, r.Site != nil, step.rebuilt)
		case step.rebuilt && step.name != "first" && !strings.Contains(r.Summary(), "search index: 1 of 1 bundles indexed again"):
			t.Errorf("%s: %q, want the index made again", step.name, r.Summary())
		}
		if after, _ := os.ReadFile(index); step.err != "" && !bytes.Equal(after, before) {
			t.Errorf("%s: the index changed", step.name)
		}
	}
}

// noteRunning is fakePagefind's record of the Pagefinds running beside
// it: it writes its page count to a file of its own in dir (whole, by
// a rename, so that no other reads it half written), waits, sums the
// counts of the files there, and removes its own.
func noteRunning(dir string, pages int) error {
	mine := filepath.Join(dir, fmt.Sprint(os.Getpid()))
	if err := os.WriteFile(mine+".new", fmt.Append(nil, pages), 0o644); err != nil {
		return err
	}
	if err := os.Rename(mine+".new", mine); err != nil {
		return err
	}
	defer os.Remove(mine)
	time.Sleep(200 * time.Millisecond)
	names, err := filepath.Glob(filepath.Join(dir, "[0-9]*"))
	if err != nil {
		return err
	}
	names = slices.DeleteFunc(names, func(name string) bool { return strings.HasSuffix(name, ".new") })
	total := 0
	for _, name := range names {
		var n int
		if data, err := os.ReadFile(name); err == nil {
			if _, err := fmt.Sscan(string(data), &n); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		total += n
	}
	f, err := os.OpenFile(filepath.Join(dir, "running.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, len(names), total)
	return err
}

// bundledSample gives the options of a build of a copy of the sample
// that indexes it for search, a bundle a year, with the stand-in
// Pagefind.
func bundledSample(t *testing.T) options {
	t.Helper()
	o := testOptions(t, t.TempDir())
	o.Pagefind = os.Args[0]
	if err := os.CopyFS(o.Content, os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(o.Content, "site.yaml")
	if err := os.WriteFile(settings, append([]byte(readFile(t, settings)), "search_bundle: 3\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestBuildIndexesBundlesTogether: bundles are indexed side by side on
// a machine of several cores, never with more pages at once than the
// largest bundle has, so Pagefind's memory stays one largest bundle's.
func TestBuildIndexesBundlesTogether(t *testing.T) {
	running := t.TempDir()
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	t.Setenv("BULLETIN_FAKE_PAGEFIND_RUNNING", running)
	o := bundledSample(t)
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	largest := 0
	for _, b := range render.IndexBundles(r.Site) {
		largest = max(largest, len(b.Pages))
	}
	together := 0
	for line := range strings.Lines(readFile(t, filepath.Join(running, "running.log"))) {
		var runs, pages int
		if _, err := fmt.Sscan(line, &runs, &pages); err != nil {
			t.Fatalf("running.log: %q: %v", line, err)
		}
		if pages > largest {
			t.Errorf("Pagefind ran on %d pages at once in %d runs, more than the largest bundle's %d", pages, runs, largest)
		}
		together = max(together, runs)
	}
	if runtime.GOMAXPROCS(0) > 1 && together < 2 {
		t.Errorf("Pagefind ran on one bundle at a time on %d cores, want bundles side by side", runtime.GOMAXPROCS(0))
	}
}

// TestBuildPagefindFails wants a failed search index to fail the build
// with Pagefind's message and leave the previous site as it was.
func TestBuildPagefindFails(t *testing.T) {
	o := testOptions(t, "testdata/site")
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, o.Out)
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "fail")
	o.Pagefind = os.Args[0]
	_, err := build(o)
	if err == nil || !strings.Contains(err.Error(), "search index: ") || !strings.Contains(err.Error(), "Pagefind ran out of words") {
		t.Fatalf("build: got error %v, want the search index's failure with Pagefind's message", err)
	}
	wantUnchanged(t, o.Out, before, "the failed index")
}

// TestPagefindIndex runs the real Pagefind: it indexes every article with
// its regulator, topic and status filters, and two builds give the same
// bytes.
func TestPagefindIndex(t *testing.T) {
	pagefind := lookPagefind(t)
	first, r := sampleSite(t, pagefind)
	entry := readFile(t, filepath.Join(first, "pagefind", "all", "pagefind-entry.json"))
	if want := fmt.Sprintf(`"page_count":%d`, len(r.Site.Articles)); !strings.Contains(entry, want) {
		t.Errorf("pagefind-entry.json: got %s, want %s (every article, nothing else)", entry, want)
	}
	second, _ := sampleSite(t, pagefind)
	compareTrees(t, first, second)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestBuildScriptWithoutNode runs build.sh where Node.js is missing: it
// says so, and builds the rest of the site with a search page that says
// search is not available.
func TestBuildScriptWithoutNode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator in a child process")
	}
	bin := t.TempDir()
	for _, tool := range []string{"go", "dirname"} {
		path, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("%s not found: %v", tool, err)
		}
		if err := os.Symlink(path, filepath.Join(bin, tool)); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	cmd := buildScript(t, "build", "-content", "testdata/sample/content", "-templates", "../templates", "-out", out)
	cmd.Env = append(cmd.Env, "PATH="+bin)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("build.sh without Node.js: %v\n%s", err, msg)
	}
	if !strings.Contains(string(msg), "Node.js not found: building without search\n") {
		t.Errorf("build.sh printed:\n%s\nwant it to say Node.js was not found", msg)
	}
	if page := readFile(t, filepath.Join(out, "search", "index.html")); !strings.Contains(page, "Search is not available on this copy of the site.") {
		t.Errorf("search page does not say search is not available:\n%s", page)
	}
}

// TestBuildIndexesChangedBundles builds a site split into bundles, one
// a year, then edits one article: Pagefind indexes that article's bundle
// again and no other, whose files stay as they were, and the summary
// says so.
func TestBuildIndexesChangedBundles(t *testing.T) {
	log := filepath.Join(t.TempDir(), "pagefind.log")
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	t.Setenv("BULLETIN_FAKE_PAGEFIND_LOG", log)
	o := bundledSample(t)
	r, err := build(o)
	if err != nil {
		t.Fatal(err)
	}
	bundles := render.IndexBundles(r.Site)
	if len(bundles) < 3 {
		t.Fatalf("got %d bundles, want one a year", len(bundles))
	}
	if runs := strings.Count(readFile(t, log), "\n"); runs != len(bundles) {
		t.Errorf("the first build ran Pagefind %d times, want once for each of %d bundles", runs, len(bundles))
	}
	stats := map[string]os.FileInfo{}
	for _, b := range bundles {
		info, err := os.Stat(filepath.Join(o.Out, b.Dir, "pagefind.js"))
		if err != nil {
			t.Fatal(err)
		}
		stats[b.Dir] = info
	}

	edited := bundles[len(bundles)-1]
	article := filepath.Join(o.Content, filepath.FromSlash(r.Site.Articles[len(r.Site.Articles)-1].Content.Path))
	if err := os.WriteFile(article, append([]byte(readFile(t, article)), "\nA sentence added.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(log); err != nil {
		t.Fatal(err)
	}
	r, err = build(o)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, log), strings.Join(slices.Sorted(slices.Values(edited.Pages)), " "); strings.TrimSpace(got) != want {
		t.Errorf("after one edit Pagefind indexed:\n%s\nwant only the edited article's bundle, %s: %s", got, edited.Dir, want)
	}
	for _, b := range bundles {
		info, err := os.Stat(filepath.Join(o.Out, b.Dir, "pagefind.js"))
		if err != nil {
			t.Fatal(err)
		}
		if same := os.SameFile(stats[b.Dir], info); same == (b.Dir == edited.Dir) {
			t.Errorf("%s: index file left as it was is %v, want %v", b.Dir, same, !same)
		}
	}
	if want := fmt.Sprintf("search index: 1 of %d bundles indexed again", len(bundles)); !strings.Contains(r.Summary(), want) {
		t.Errorf("the summary does not say %q:\n%s", want, r.Summary())
	}

	// An edit no article page shows (an intro page's text) indexes no
	// bundle, and the summary says the index is up to date.
	intro := filepath.Join(o.Content, "topics", "ics-assessments.md")
	if err := os.WriteFile(intro, append([]byte(readFile(t, intro)), "\nA sentence for the topic page alone.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if r, err = build(o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Summary(), "search index: up to date\n") {
		t.Errorf("after an edit no article page shows, the summary does not say the index is up to date:\n%s", r.Summary())
	}
}

// TestServeIndexesSaves serves with search: after a save, serve writes
// the output folder with the changed bundle indexed again, in the
// background, serves the new index, and says when it caught up.
func TestServeIndexesSaves(t *testing.T) {
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	o := options{Content: content, Templates: "../templates", Out: filepath.Join(dir, "public"), Pagefind: os.Args[0]}
	ts := serveInBackground(t, o)
	ts.content = content
	before := ts.waitPage(t, "/pagefind/all/pagefind.js", http.StatusOK, "// index of ").body
	ts.edit(t, "articles/2024-05-10-first.md", "\n---\n", "\n---\nWords added to be found.\n")
	eventually(t, waitTime, func() error {
		r, err := ts.fetch(http.MethodGet, "/pagefind/all/pagefind.js")
		if err != nil {
			return err
		}
		if r.body == before {
			return fmt.Errorf("the served index is still the one made before the save: %s", r.body)
		}
		if !strings.Contains(ts.log.String(), "search index: 1 of 1 bundles indexed again") {
			return fmt.Errorf("serve has not said the index caught up:\n%s", ts.log.String())
		}
		return nil
	})
}

// TestServeDraftsSearchesTheLastIndex previews drafts with search: serve
// -drafts writes no output folder, so indexes nothing; its search page
// offers the index a build left in the output folder, and where there is
// none, as in the temporary folder it serves from by default, says that
// search is not available, rather than offer a search that cannot load.
func TestServeDraftsSearchesTheLastIndex(t *testing.T) {
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	const unavailable = "Search is not available on this copy of the site."
	fresh := serveInBackground(t, options{Content: content, Templates: "../templates", Pagefind: os.Args[0], Drafts: true})
	if page := fresh.waitPage(t, "/search/", http.StatusOK, unavailable).body; strings.Contains(page, "data-bundles") {
		t.Errorf("serve -drafts with no index offers a search:\n%s", page)
	}
	fresh.waitPage(t, "/no-such-page/", http.StatusNotFound, unavailable)
	fresh.stop(t)

	o := options{Content: content, Templates: "../templates", Out: filepath.Join(dir, "public"), Pagefind: os.Args[0], Now: time.Now()}
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	o.Drafts = true
	built := serveInBackground(t, o)
	if page := built.waitPage(t, "/search/", http.StatusOK, `data-bundles="/pagefind/all/"`).body; strings.Contains(page, unavailable) {
		t.Errorf("serve -drafts with the index a build left says search is not available:\n%s", page)
	}
	built.waitPage(t, "/pagefind/all/pagefind.js", http.StatusOK, "// index of ")
}
