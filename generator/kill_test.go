package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"bulletin/generator/output"
)

// killArticles is how many articles the killed builds work on: enough
// for a build to take a while, few enough for the test to stay quick.
const killArticles = 300

// TestBuildSurvivesKill protects the output from a build killed at any
// moment. A build changes the output folder in place, file by file, only
// once every file is made: after each SIGKILL, every file in the folder
// is whole, as one of the versions built since the last build that
// completed made it, no file that all those versions have is missing,
// and the next build that completes leaves exactly its own version.
func TestBuildSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills builds in child processes; skipped with -short")
	}
	deadline := time.Now().Add(14 * time.Second) // for starting more kills
	dir := t.TempDir()
	src, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	refs := map[int]map[string][]byte{} // each version as a clean build makes it

	// The rebuild's time sets the range of the kills.
	typical := buildFirstVersions(t, src, out)
	t.Logf("a rebuild takes %v", typical)
	checkVersion(t, out, 1)
	refs[1] = referenceBuild(t, src, filepath.Join(dir, "ref"))
	since := []int{1} // the versions the folder may hold files of

	kills, completed := 0, 0
	for v := 2; v <= 21 && time.Now().Before(deadline); v++ {
		writeVersion(t, src, v)
		refs[v] = referenceBuild(t, src, filepath.Join(dir, "ref"))
		cmd := childBuild(src, out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(typical) + 1)))
		cmd.Process.Kill()
		if err := cmd.Wait(); err == nil {
			completed++
			checkVersion(t, out, v)
			since = []int{v}
		} else if stderr.Len() > 0 {
			t.Fatalf("build %d failed before the kill: %v\n%s", v, err, &stderr)
		} else {
			kills++
			since = append(since, v)
			checkWhole(t, out, refs, since)
		}
		if t.Failed() {
			t.Fatalf("after killing build %d", v)
		}
	}
	t.Logf("%d builds killed, %d completed first", kills, completed)

	// Whatever the kills left, one more leftover staging folder makes sure
	// the normal build has something to clean up, named as os.MkdirTemp
	// names one.
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.bulletin-*"))
	t.Logf("the kills left %d staging folders", len(leftovers))
	if err := os.MkdirAll(filepath.Join(dir, ".public.bulletin-2718281828", "2024"), 0o755); err != nil {
		t.Fatal(err)
	}
	final := since[len(since)-1] + 1
	writeVersion(t, src, final)
	if b, err := childBuild(src, out).CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, b)
	}
	checkVersion(t, out, final)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch e.Name() {
		case "content", "public", "ref", ".public.cache", ".public.cache.blobs", ".public.index", ".public.build", ".ref.cache", ".ref.cache.blobs", ".ref.index", ".ref.build":
			// the sources, the output, and the build cache, index and
			// record that are kept beside it on purpose
		default:
			t.Errorf("after a normal build, %s is left beside the output", e.Name())
		}
	}
}

// buildFirstVersions builds versions 0 and 1 of src into out in child
// processes, and gives the time the rebuild took.
func buildFirstVersions(t *testing.T, src, out string) time.Duration {
	t.Helper()
	var typical time.Duration
	for v := range 2 {
		writeVersion(t, src, v)
		start := time.Now()
		if b, err := childBuild(src, out).CombinedOutput(); err != nil {
			t.Fatalf("building version %d: %v\n%s", v, err, b)
		}
		typical = time.Since(start)
	}
	return typical
}

// referenceBuild builds src afresh into ref, and reads every file.
func referenceBuild(t *testing.T, src, ref string) map[string][]byte {
	t.Helper()
	for _, p := range []string{ref, filepath.Join(filepath.Dir(ref), ".ref.cache"), filepath.Join(filepath.Dir(ref), ".ref.cache.blobs"), filepath.Join(filepath.Dir(ref), ".ref.index"), filepath.Join(filepath.Dir(ref), ".ref.build")} {
		os.RemoveAll(p)
	}
	if b, err := childBuild(src, ref).CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, b)
	}
	return readTree(t, ref)
}

// checkWhole checks that every file in out is as one of the versions
// made it, and that no file every version has is missing.
func checkWhole(t *testing.T, out string, refs map[int]map[string][]byte, versions []int) {
	t.Helper()
	got := readTree(t, out)
	for name, data := range got {
		if name == output.ManifestFile {
			continue
		}
		whole := false
		for _, v := range versions {
			if ref, ok := refs[v]; ok && bytes.Equal(ref[name], data) {
				whole = true
			}
		}
		if !whole {
			t.Errorf("%s is as none of versions %v made it", name, versions)
		}
	}
	for name := range refs[versions[len(versions)-1]] {
		everywhere := true
		for _, v := range versions {
			if _, ok := refs[v][name]; !ok {
				everywhere = false
			}
		}
		if _, ok := got[name]; everywhere && !ok {
			t.Errorf("%s is missing, though versions %v all have it", name, versions)
		}
	}
}

// childBuild runs the build command in a child process, as
// TestMain allows.
func childBuild(src, out string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "build", "-content", src, "-templates", "../templates", "-out", out)
	cmd.Env = append(os.Environ(), "BULLETIN_TEST_MAIN=1")
	return cmd
}

// writeVersion replaces the articles in src with version v: every fifth
// article has a slug of its version, every seventh a body of its version,
// and the rest stay the same from one version to the next.
func writeVersion(t *testing.T, src string, v int) {
	t.Helper()
	articles := filepath.Join(src, "articles")
	if err := os.RemoveAll(articles); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	site := "title: Kill Test\nbase_url: https://kill.example/\n"
	if err := os.WriteFile(filepath.Join(src, "site.yaml"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, a := range versionArticles(v) {
		md := fmt.Sprintf("---\ntitle: Article %d\ndate: %s\nsummary: Summary of article %d.\ntopics: [Topic %d]\nregulators: [Regulator %d]\n---\n%s\n",
			i, a.date, i, i%6, i%4, a.body)
		name := fmt.Sprintf("%s-%s.md", a.date, a.slug)
		if err := os.WriteFile(filepath.Join(articles, name), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type killArticle struct{ date, slug, body string }

func versionArticles(v int) []killArticle {
	var as []killArticle
	for i := range killArticles {
		a := killArticle{
			date: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
			slug: fmt.Sprintf("article-%d", i),
			body: fmt.Sprintf("Body of article %d, marker kill-body-%d-0.", i, i),
		}
		if i%5 == v%5 {
			a.slug = fmt.Sprintf("article-%d-v%d", i, v)
		}
		if i%7 == v%7 {
			a.body = fmt.Sprintf("Body of article %d, marker kill-body-%d-%d.", i, i, v)
		}
		as = append(as, a)
	}
	return as
}

// articlePage matches the path of an article's page: year, month, slug.
var articlePage = regexp.MustCompile(`^\d{4}/\d{2}/[^/]+/index\.html$`)

var bodyMarker = regexp.MustCompile(`kill-body-\d+-\d+`)

// checkVersion checks that out is one complete build, the manifest's
// files and nothing else, of one of the versions given, and returns it.
func checkVersion(t *testing.T, out string, versions ...int) int {
	t.Helper()
	manifest, err := os.Open(filepath.Join(out, output.ManifestFile))
	if err != nil {
		t.Fatalf("output has no manifest: %v", err)
	}
	defer manifest.Close()
	listed := map[string]string{}
	sc := bufio.NewScanner(manifest)
	for sc.Scan() {
		hash, name, _ := strings.Cut(sc.Text(), " ")
		listed[name] = hash
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	pages := map[string]string{} // article page path → its body marker
	found := 0
	err = filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		name := filepath.ToSlash(rel)
		if name == output.ManifestFile {
			return nil
		}
		hash, ok := listed[name]
		if !ok {
			t.Errorf("%s is not in the manifest", name)
			return nil
		}
		found++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != hash {
			t.Errorf("%s does not have the hash the manifest lists", name)
		}
		if articlePage.MatchString(name) {
			pages[name] = bodyMarker.FindString(string(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found != len(listed) {
		t.Errorf("output holds %d of the %d files its manifest lists", found, len(listed))
	}

	for _, v := range versions {
		if samePages(pages, v) {
			return v
		}
	}
	t.Errorf("article pages (%d) match none of versions %v", len(pages), versions)
	return -1
}

// samePages reports whether pages are exactly version v's articles.
func samePages(pages map[string]string, v int) bool {
	as := versionArticles(v)
	if len(pages) != len(as) {
		return false
	}
	for _, a := range as {
		name := strings.ReplaceAll(a.date[:7], "-", "/") + "/" + a.slug + "/index.html"
		if marker, ok := pages[name]; !ok || marker != bodyMarker.FindString(a.body) {
			return false
		}
	}
	return true
}

// TestBuildInterrupted stops builds with Ctrl-C (SIGINT) at random
// moments: a build that says it was interrupted leaves the output folder
// as the last build left it, every file of it, with its record, and no
// staging folder or half-written cache beside it; one that finished
// first leaves its own version.
func TestBuildInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("interrupts builds in child processes; skipped with -short")
	}
	dir := t.TempDir()
	src, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	typical := buildFirstVersions(t, src, out)
	last := 1
	interrupted := 0
	for v := 2; v <= 7; v++ {
		writeVersion(t, src, v)
		before := readTree(t, out)
		cmd := childBuild(src, out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		pause := time.Duration(rng.Int64N(int64(typical) + 1))
		if v == 2 {
			pause = typical / 4 // surely while it works, to see it told
		}
		time.Sleep(pause)
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		if v == 2 && !strings.Contains(stderr.String(), "build interrupted") {
			t.Errorf("build 2, interrupted a quarter of the way: %v, %q; want it to say it was interrupted", err, stderr.String())
		}
		switch {
		case err == nil:
			checkVersion(t, out, v)
			last = v
		case strings.Contains(stderr.String(), "build interrupted: "+out+"/ is as the last build left it"):
			interrupted++
			wantUnchanged(t, out, before, fmt.Sprintf("build %d, interrupted", v))
			if leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.bulletin-*")); len(leftovers) > 0 {
				t.Errorf("build %d, interrupted, left %v beside the output", v, leftovers)
			}
			// Nor half a cache, and the record of the output as it is
			// stays, so that the next build need not hash every file.
			if leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.*.new")); len(leftovers) > 0 {
				t.Errorf("build %d, interrupted, left %v beside the output", v, leftovers)
			}
			if _, err := os.Stat(filepath.Join(dir, ".public.build")); err != nil {
				t.Errorf("build %d, interrupted, took away the record of the output it left as it was: %v", v, err)
			}
		case stderr.Len() == 0:
			// Interrupted before the program could take the signal:
			// as a kill, which TestBuildSurvivesKill covers.
			checkVersion(t, out, last)
		default:
			t.Fatalf("build %d: %v\n%s", v, err, &stderr)
		}
	}
	t.Logf("%d of 6 builds interrupted, the rest finished first", interrupted)
}
