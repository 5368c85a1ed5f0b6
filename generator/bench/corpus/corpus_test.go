package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

const testN = 200

// today is the corpus's "now": nothing may be dated after it.
var today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

func TestSameSeedGivesSameBytes(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	generate(t, first, testN, 1)
	generate(t, second, testN, 1)
	got, want := readTree(t, first), readTree(t, second)
	if len(got) != len(want) {
		t.Fatalf("got %d files, want %d", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s: differs between two runs with -n %d -seed 1", name, testN)
		}
	}
	if len(got) != testN+len(topics)+len(regulators)+1 {
		t.Errorf("got %d files, want %d articles, %d topics, %d regulators and site.yaml", len(got), testN, len(topics), len(regulators))
	}
}

func TestSeedChangesCorpus(t *testing.T) {
	one, two := t.TempDir(), t.TempDir()
	generate(t, one, testN, 1)
	generate(t, two, testN, 2)
	a, b := readTree(t, one), readTree(t, two)
	same := 0
	for name, data := range a {
		if bytes.Equal(b[name], data) {
			same++
		}
	}
	if same > len(topics)+len(regulators)+1 {
		t.Errorf("seeds 1 and 2 share %d identical files, want different articles", same)
	}
}

func TestRefusesExistingContent(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := write(dir, 1, 1); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("write into a folder with content/: got %v, want an error saying it already exists", err)
	}
}

// TestCorpusBuilds runs the real content and site stages over the corpus,
// so every article is valid, and checks the corpus is as varied as a
// benchmark needs.
func TestCorpusBuilds(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		dir := t.TempDir()
		generate(t, dir, testN, seed)
		set, err := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
		if err != nil {
			t.Fatalf("seed %d: content.Load: %v", seed, err)
		}
		if len(set.Articles) != testN || len(set.Topics) != len(topics) || len(set.Regulators) != len(regulators) || len(set.Settings.Regulators) != len(regulators) {
			t.Fatalf("seed %d: got %d articles, %d topic pages, %d regulator pages, %d regulators in site.yaml; want %d, %d, %d, %[8]d",
				seed, len(set.Articles), len(set.Topics), len(set.Regulators), len(set.Settings.Regulators), testN, len(topics), len(regulators))
		}
		s, err := site.New(set, nil, today)
		if err != nil {
			t.Fatalf("seed %d: site.New: %v", seed, err)
		}
		if len(s.Held) > 0 || s.Drafts == 0 || s.Drafts+len(s.Articles) != testN {
			t.Errorf("seed %d: got %d published, %d drafts, %d held back; want drafts and the rest published", seed, len(s.Articles), s.Drafts, len(s.Held))
		}
		if len(s.Topics) != len(topics) || len(s.Regulators) != len(regulators) {
			t.Errorf("seed %d: got %d topics and %d regulators, want %d and %d: an article names one without an intro page",
				seed, len(s.Topics), len(s.Regulators), len(topics), len(regulators))
		}
		checkArticles(t, dir, s)
		checkVariety(t, set)
	}
}

func checkArticles(t *testing.T, dir string, s *site.Site) {
	t.Helper()
	pages := map[string]bool{}
	for _, a := range s.Articles {
		pages[a.URL] = true
	}
	for _, g := range slices.Concat(s.Topics, s.Regulators) {
		pages[g.URL] = true
	}
	start := time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, a := range s.Articles {
		if a.Date.Before(start.Add(-time.Hour)) || !a.Date.Before(today) {
			t.Errorf("%s: date %s, want within the ten years before %s", a.Content.File, a.Date, today)
		}
		for _, e := range a.Events {
			if !e.Date.Time.Before(today) {
				t.Errorf("%s:%d: event dated %s, want in the past", a.Content.File, e.Line, e.Date.Time)
			}
		}
		if a.Updated.After(today) || a.Withdrawn != nil && a.Withdrawn.Date.After(today) {
			t.Errorf("%s: updated or withdrawn after %s", a.Content.File, today)
		}
		for _, l := range a.Content.Links {
			if strings.HasPrefix(l.URL, "/") && !pages[l.URL] {
				t.Errorf("%s:%d: link to %s, which the site does not publish", a.Content.File, l.Line, l.URL)
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, a.Content.File))
		if err != nil {
			t.Fatal(err)
		}
		body := strings.SplitN(string(data), "---\n", 3)[2]
		if n := words(body); n < 400 || n > 1200 {
			t.Errorf("%s: body has %d words, want 400 to 1,200", a.Content.File, n)
		}
	}
}

// checkVariety checks that the corpus uses every front matter field and
// every status, and that topics are unevenly popular.
func checkVariety(t *testing.T, set *content.Set) {
	t.Helper()
	fields := map[string]bool{}
	statuses := map[string]bool{}
	perTopic := map[string]int{}
	var monthEvent, dayEvent, fullSource bool
	for _, a := range set.Articles {
		for k := range a.Lines.All() {
			fields[k] = true
		}
		statuses[a.Status] = true
		for _, e := range a.Events {
			statuses[e.Status] = true
			monthEvent = monthEvent || e.Date.MonthOnly
			dayEvent = dayEvent || !e.Date.MonthOnly
		}
		for _, src := range a.Sources {
			fullSource = fullSource || src.URL != "" && src.Publisher != "" && !src.Date.IsZero()
		}
		for _, topic := range a.Topics {
			perTopic[topic]++
		}
	}
	for _, f := range []string{"title", "date", "summary", "regulators", "topics", "authors", "status", "updated", "changes", "sources", "events", "withdrawn", "applies_to", "draft", "slug", "aliases", "id"} {
		if !fields[f] {
			t.Errorf("no article sets %s", f)
		}
	}
	for _, st := range content.DefaultStatuses {
		if !statuses[st.Key] {
			t.Errorf("no article or event has status %s", st.Key)
		}
	}
	if !monthEvent || !dayEvent || !fullSource {
		t.Errorf("got month events %v, day events %v, sources with url, publisher and date %v; want all", monthEvent, dayEvent, fullSource)
	}
	counts := make([]int, 0, len(perTopic))
	for _, n := range perTopic {
		counts = append(counts, n)
	}
	slices.Sort(counts)
	if top, median := counts[len(counts)-1], counts[len(counts)/2]; top < 5*median {
		t.Errorf("the most popular topic has %d articles and the median %d, want a skewed popularity", top, median)
	}
}

func generate(t *testing.T, dir string, n int, seed uint64) {
	t.Helper()
	if _, err := write(dir, n, seed); err != nil {
		t.Fatalf("write(%s, %d, %d): %v", dir, n, seed, err)
	}
}

// readTree returns every file under dir by its path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
