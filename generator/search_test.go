package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakePagefind stands in for Pagefind when the test binary runs with
// BULLETIN_FAKE_PAGEFIND set: "ok" writes an index file into the site it
// is given; "fail" writes half an index and fails.
func fakePagefind(mode string, args []string) int {
	var site string
	for i, a := range args {
		if a == "--site" && i+1 < len(args) {
			site = args[i+1]
		}
	}
	if _, err := os.Stat(filepath.Join(site, "search", "index.html")); err != nil {
		fmt.Fprintln(os.Stderr, "fake pagefind: no built site:", err)
		return 2
	}
	if err := os.MkdirAll(filepath.Join(site, "pagefind"), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if err := os.WriteFile(filepath.Join(site, "pagefind", "pagefind.js"), []byte("// index\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if mode == "fail" {
		fmt.Fprintln(os.Stderr, "Error: Pagefind ran out of words")
		return 1
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
	page := readFile(t, filepath.Join(o.out, "search", "index.html"))
	if !strings.Contains(page, "Search is not available on this copy of the site.") {
		t.Errorf("search page does not say search is not available:\n%s", page)
	}
	if strings.Contains(page, "search.js") || strings.Contains(page, "<form") {
		t.Errorf("search page offers search without an index:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(o.out, "pagefind")); !os.IsNotExist(err) {
		t.Errorf("pagefind/ exists without -pagefind: %v", err)
	}
}

// TestBuildRunsPagefind runs a stand-in Pagefind: it runs on the new
// output before the swap, its files are in the manifest, and the search
// page offers search.
func TestBuildRunsPagefind(t *testing.T) {
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	o := testOptions(t, "testdata/site")
	o.pagefind = os.Args[0] + " --some-flag"
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(o.out, "pagefind", "pagefind.js")); got != "// index\n" {
		t.Errorf("pagefind/pagefind.js: got %q", got)
	}
	if manifest := readFile(t, filepath.Join(o.out, ".bulletin-manifest")); !strings.Contains(manifest, " pagefind/pagefind.js\n") {
		t.Errorf("the manifest does not list pagefind/pagefind.js:\n%s", manifest)
	}
	page := readFile(t, filepath.Join(o.out, "search", "index.html"))
	for _, want := range []string{`<form class="search-form"`, `<script type="module" src="/search.js">`, `data-index="/pagefind/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("search page has no %s", want)
		}
	}
}

// TestBuildPagefindFails wants a failed search index to fail the build
// with Pagefind's message and leave the previous site as it was.
func TestBuildPagefindFails(t *testing.T) {
	o := testOptions(t, "testdata/site")
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, o.out)
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "fail")
	o.pagefind = os.Args[0]
	_, err := build(o)
	if err == nil || !strings.Contains(err.Error(), "search index: ") || !strings.Contains(err.Error(), "Pagefind ran out of words") {
		t.Fatalf("build: got error %v, want the search index's failure with Pagefind's message", err)
	}
	wantUnchanged(t, o.out, before, "the failed index")
}

// TestPagefindIndex runs the real Pagefind: it indexes every article with
// its regulator, topic and status filters, and two builds give the same
// bytes.
func TestPagefindIndex(t *testing.T) {
	pagefind := lookPagefind(t)
	first, r := sampleSite(t, pagefind)
	entry := readFile(t, filepath.Join(first, "pagefind", "pagefind-entry.json"))
	if want := fmt.Sprintf(`"page_count":%d`, len(r.site.Articles)); !strings.Contains(entry, want) {
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
	cmd := buildScript(t, "build", "-out", out)
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

// TestBuildKeepsIndex is serve's rebuild: with keepIndex, the last
// build's index is kept as it was instead of Pagefind running again, and
// Pagefind runs only where there is no index to keep.
func TestBuildKeepsIndex(t *testing.T) {
	o := testOptions(t, "testdata/site")
	o.pagefind = os.Args[0]
	o.keepIndex = true
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "ok")
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(o.out, "pagefind", "pagefind.js")
	before, err := os.Stat(index)
	if err != nil {
		t.Fatalf("the first build, with no index to keep, made none: %v", err)
	}

	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(o.content)); err != nil {
		t.Fatal(err)
	}
	o.content = filepath.Join(dir, "content")
	article := filepath.Join(o.content, "articles", "2024-05-10-first.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, append(data, "\nA sentence added.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BULLETIN_FAKE_PAGEFIND", "fail") // running it now fails the build
	r, err := build(o)
	if err != nil {
		t.Fatalf("rebuild with the index kept: %v", err)
	}
	after, err := os.Stat(index)
	if err != nil || !os.SameFile(before, after) {
		t.Errorf("the index was not kept as it was: %v", err)
	}
	if manifest := readFile(t, filepath.Join(o.out, ".bulletin-manifest")); !strings.Contains(manifest, " pagefind/pagefind.js\n") {
		t.Errorf("the manifest does not list the kept index:\n%s", manifest)
	}
	if page := readFile(t, filepath.Join(o.out, "2024", "05", "first", "index.html")); !strings.Contains(page, "A sentence added.") {
		t.Error("the rebuild did not publish the edit")
	}
	if !strings.Contains(r.summary(), "search index kept") {
		t.Errorf("the summary does not say the index was kept:\n%s", r.summary())
	}
	if _, err := os.Stat(recordPath(o.out)); !os.IsNotExist(err) {
		t.Errorf("a build that kept an old index left a record saying the output matches its inputs: %v", err)
	}
}
