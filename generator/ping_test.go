package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/render"
	"bulletin/generator/websub/websubtest"
)

// pingSite is the sample site built to be served from a server on
// 127.0.0.1, with a WebSub hub there named in its site.yaml.
type pingSite struct {
	o    options
	base string // the URL the site is served from
	hub  *websubtest.Hub
}

// newPingSite copies the sample content, points its base_url at a
// server of the output folder and its websub_hub at a hub that follows
// the WebSub Recommendation, and builds it.
func newPingSite(t *testing.T) *pingSite {
	t.Helper()
	s := &pingSite{o: testOptions(t, "testdata/sample"), hub: websubtest.NewHub(t)}
	s.o.Content = filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(s.o.Content, os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if t := render.MediaType(name); t != "" {
			w.Header().Set("Content-Type", t)
		}
		http.ServeFile(w, r, filepath.Join(s.o.Out, filepath.FromSlash(name)))
	}))
	t.Cleanup(srv.Close)
	s.base = srv.URL + "/"
	settings := filepath.Join(s.o.Content, "site.yaml")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("base_url: https://bulletin.example.org/"), []byte("base_url: "+s.base), 1)
	data = append(data, "websub_hub: "+s.hub.URL+"\n"...)
	if err := os.WriteFile(settings, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s.build(t)
	return s
}

func (s *pingSite) build(t *testing.T) {
	t.Helper()
	if _, err := build(s.o); err != nil {
		t.Fatalf("build: %v", err)
	}
}

// feeds are the hashes of the site's feed files, by name.
func (s *pingSite) feeds(t *testing.T) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(s.o.Out, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.o.Out, p)
		if name := filepath.ToSlash(rel); render.IsFeed(name) {
			data, err := os.ReadFile(p)
			out[name] = sha256.Sum256(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ping runs bulletin ping on the site and gives what it printed.
func (s *pingSite) ping(t *testing.T, extra ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"ping", "-out", s.o.Out, "-content", s.o.Content}, extra...)
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("bulletin %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	s.hub.Wait()
	return stdout.String()
}

// editArticle makes an edit to the sample's article on the CQC IT
// review and the Single Assessment Framework: it writes new in place of
// old.
func (s *pingSite) editArticle(t *testing.T, old, new string) {
	t.Helper()
	file := filepath.Join(s.o.Content, "articles/2025/2025-04-01-cqc-it-review-saf.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte(old), []byte(new), 1)
	if bytes.Equal(edited, data) {
		t.Fatalf("the article to edit has no %q", old)
	}
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPingTellsTheHubOfChangedFeedsOnly builds the sample site, serves
// it on 127.0.0.1, subscribes to every feed at the hub the feed names
// (found as a reader finds it, in the feed), and pings: every feed once,
// then none when nothing changed, then, after one article is edited and
// the site rebuilt, exactly the feeds whose bytes changed. The hub
// fetches each feed it is told of and delivers it to the subscriber,
// which must get each change once, byte for byte.
func TestPingTellsTheHubOfChangedFeedsOnly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s := newPingSite(t)
	sub := websubtest.NewSubscriber(t)
	before := s.feeds(t)
	if len(before) != 24 {
		t.Fatalf("the sample has %d feeds, want 24: site, 4 topics and 3 regulators, 3 formats each", len(before))
	}
	for name := range before {
		if topic, err := sub.Subscribe(ctx, s.base+name); err != nil {
			t.Fatal(err)
		} else if topic != s.base+name {
			t.Errorf("%s: discovered topic %s, want the feed's own URL %s", name, topic, s.base+name)
		}
	}
	s.hub.Wait()

	// pings counts the pings each feed should have had by now.
	pings := map[string]int{}
	// check compares the hub's pings and the subscriber's deliveries with
	// pings and, when current, each feed's last delivery with its file.
	check := func(step string, current bool) {
		t.Helper()
		want := map[string]int{}
		for name, n := range pings {
			want[s.base+name] = n
		}
		if got := s.hub.Pings(); !maps.Equal(got, want) {
			t.Errorf("%s: the hub got pings %v, want %v", step, got, want)
		}
		if got := sub.Deliveries(); !maps.Equal(got, want) {
			t.Errorf("%s: the subscriber got deliveries %v, want %v", step, got, want)
		}
		for name := range pings {
			if !current {
				break
			}
			data, err := os.ReadFile(filepath.Join(s.o.Out, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(sub.Last(s.base+name), data) {
				t.Errorf("%s: %s as last delivered differs from the file", step, name)
			}
		}
	}

	out := s.ping(t)
	for name := range before {
		pings[name]++
	}
	check("first ping", true)
	if want := "pinged 24 of 24 changed feeds at " + s.hub.URL + ", 0 unchanged\n"; out != want {
		t.Errorf("first ping: printed %q, want %q", out, want)
	}

	out = s.ping(t)
	check("second ping, nothing changed", true)
	if want := "no feed changed since the last ping (24 feeds): told no hub\n"; out != want {
		t.Errorf("second ping: printed %q, want %q", out, want)
	}

	const note = "Added CQC's response to the review."
	s.editArticle(t, "status: reported\n", "status: reported\nupdated: 2025-05-02\nchanges:\n  - date: 2025-05-02\n    note: "+note+"\n")
	s.build(t)
	after := s.feeds(t)
	var changed []string
	for name, sum := range after {
		if before[name] != sum {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	// The edited article is in two topics and one regulator's feeds, and
	// in the whole site's; no other feed carries it.
	wantChanged := []string{
		"atom.xml", "feed.json", "feed.xml",
		"regulators/cqc/atom.xml", "regulators/cqc/feed.json", "regulators/cqc/feed.xml",
		"topics/cqc-it-and-transformation/atom.xml", "topics/cqc-it-and-transformation/feed.json", "topics/cqc-it-and-transformation/feed.xml",
		"topics/single-assessment-framework/atom.xml", "topics/single-assessment-framework/feed.json", "topics/single-assessment-framework/feed.xml",
	}
	if !slices.Equal(changed, wantChanged) {
		t.Fatalf("the edit changed the feeds %q, want %q", changed, wantChanged)
	}
	out = s.ping(t)
	for _, name := range changed {
		pings[name]++
	}
	check("after an edit", true)
	if want := "pinged 12 of 12 changed feeds at " + s.hub.URL + ", 12 unchanged\n"; out != want {
		t.Errorf("after an edit: printed %q, want %q", out, want)
	}
	t.Logf("pings per feed after the edit: %d feeds twice (%s), %d once", len(changed), strings.Join(changed, ", "), len(after)-len(changed))

	// A dry run names what changed and tells no hub; the next ping does.
	s.editArticle(t, note, "Added CQC's response to the review, and linked the full report.")
	s.build(t)
	out = s.ping(t, "-dry-run")
	check("dry run", false)
	var wouldPing []string
	for _, name := range changed {
		wouldPing = append(wouldPing, "would ping "+s.base+name+"\n")
	}
	slices.Sort(wouldPing)
	if want := strings.Join(wouldPing, "") + "dry run: 12 of 24 feeds changed since the last ping; told no hub\n"; out != want {
		t.Errorf("dry run: printed\n%s\nwant\n%s", out, want)
	}
	s.ping(t)
	for _, name := range changed {
		pings[name]++
	}
	check("after the dry run", true)

	for _, err := range append(s.hub.Errors(), sub.Errors()...) {
		t.Error(err)
	}
}

func TestPingErrors(t *testing.T) {
	tests := []struct {
		name     string
		settings string // site.yaml
		args     []string
		wantCode int
		want     string // in stderr
	}{
		{
			name:     "no hub in site.yaml",
			settings: "title: Bulletin\n",
			wantCode: 1,
			want:     "site.yaml sets no websub_hub: name the hub to tell, e.g. websub_hub: https://pubsubhubbub.appspot.com/",
		},
		{
			name:     "a bad hub URL",
			settings: "websub_hub: hub.example.org\n",
			wantCode: 1,
			want:     `site.yaml:1: websub_hub: "hub.example.org" is not an absolute http(s) URL: write it like https://pubsubhubbub.appspot.com/`,
		},
		{
			name:     "not built",
			settings: "websub_hub: http://127.0.0.1:1/hub\n",
			wantCode: 1,
			want:     "no such folder: build the site first",
		},
		{
			name:     "an argument",
			settings: "websub_hub: http://127.0.0.1:1/hub\n",
			args:     []string{"public"},
			wantCode: 2,
			want:     "ping: unexpected arguments: public",
		},
		{
			name:     "a base URL without a scheme",
			settings: "websub_hub: http://127.0.0.1:1/hub\n",
			args:     []string{"-base-url", "example.org"},
			wantCode: 2,
			want:     `ping: -base-url "example.org" is not an absolute http(s) URL: write it like https://bulletin.example.org/`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(tt.settings), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			args := append([]string{"ping", "-content", dir, "-out", filepath.Join(dir, "public")}, tt.args...)
			if code := run(args, &stdout, &stderr); code != tt.wantCode || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("bulletin %s: got exit %d, stderr %q; want exit %d and %q", strings.Join(args, " "), code, stderr.String(), tt.wantCode, tt.want)
			}
		})
	}
}

// TestDeployPingsTheHub deploys the site to a folder (file://) and wants
// the hub told of every feed; a second deploy of the same site tells it
// of none, and one after an edit only of the feeds whose bytes changed.
func TestDeployPingsTheHub(t *testing.T) {
	s := newPingSite(t)
	target := "file://" + filepath.ToSlash(t.TempDir())
	deploy := func() string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args := []string{"deploy", "-out", s.o.Out, "-content", s.o.Content, "-target", target}
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("bulletin %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
		}
		s.hub.Wait()
		return stdout.String()
	}
	feeds := s.feeds(t)
	if out := deploy(); !strings.Contains(out, fmt.Sprintf("pinged %d of %d changed feeds", len(feeds), len(feeds))) {
		t.Errorf("the first deploy printed:\n%s\nwant every feed pinged", out)
	}
	if out := deploy(); !strings.Contains(out, "no feed changed since the last ping") {
		t.Errorf("a deploy of the same site printed:\n%s\nwant no feed pinged", out)
	}
	s.editArticle(t, "\n---\n", "\n---\nA sentence the editor added.\n")
	s.build(t)
	changed := 0
	for name, sum := range s.feeds(t) {
		if feeds[name] != sum {
			changed++
		}
	}
	if out := deploy(); changed == 0 || !strings.Contains(out, fmt.Sprintf("pinged %d of %d changed feeds", changed, changed)) {
		t.Errorf("a deploy after an edit that changed %d feeds printed:\n%s", changed, out)
	}
	if errs := s.hub.Errors(); len(errs) > 0 {
		t.Errorf("the hub found: %v", errs)
	}
}
