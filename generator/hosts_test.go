package main

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// netlifyParse runs Netlify's own parsers (npm's @netlify/headers-parser
// and @netlify/redirect-parser, installed globally as .ci/run does) on a
// site's _headers and _redirects.
const netlifyParse = `
const [headersParser, redirectParser, headersFile, redirectsFile] = process.argv.slice(2)
const { parseAllHeaders } = await import(headersParser)
const { parseAllRedirects } = await import(redirectParser)
const h = await parseAllHeaders({ headersFiles: [headersFile], configHeaders: [], minimal: false })
const r = await parseAllRedirects({ redirectsFiles: [redirectsFile], configRedirects: [], minimal: false })
console.log(JSON.stringify({ headers: h.headers, redirects: r.redirects, errors: [...h.errors, ...r.errors].map(String) }))
`

type netlifyRules struct {
	Headers []struct {
		For    string            `json:"for"`
		Values map[string]string `json:"values"`
	} `json:"headers"`
	Redirects []struct {
		From   string `json:"from"`
		To     string `json:"to"`
		Status int    `json:"status"`
		Force  bool   `json:"force"`
	} `json:"redirects"`
	Errors []string `json:"errors"`
}

// TestHostFilesNetlify checks the _headers and _redirects the build writes
// with Netlify's parsers: no errors, a media type and cache rule for every
// feed and calendar, the WebSub hub on every feed, and each alias as a
// 301 that is followed although the alias's page exists (Cloudflare
// Pages, which has no "!", gets a plain 301 line after it).
func TestHostFilesNetlify(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		needTool(t, "node not found: install Node.js to run Netlify's parsers")
	}
	headersParser := npmFile(t, "@netlify/headers-parser", "lib/index.js")
	redirectParser := npmFile(t, "@netlify/redirect-parser", "lib/index.js")

	dir := t.TempDir()
	o := options{Content: filepath.Join(dir, "content"), Templates: "../templates", Out: filepath.Join(dir, "public"), Now: testNow}
	if err := os.CopyFS(o.Content, os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	appendFile(t, filepath.Join(o.Content, "site.yaml"), "websub_hub: https://hub.example.org/\n")
	// An alias in another script, which hosts get percent-encoded.
	article := filepath.Join(o.Content, "articles/2025/2025-04-01-cqc-it-review-saf.md")
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, []byte(strings.Replace(string(data), "\ntitle:", "\naliases: [/2025/04/新闻/]\ntitle:", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(o); err != nil {
		t.Fatal(err)
	}

	script := filepath.Join(dir, "parse.mjs")
	if err := os.WriteFile(script, []byte(netlifyParse), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, script, headersParser, redirectParser, filepath.Join(o.Out, "_headers"), filepath.Join(o.Out, "_redirects")).Output()
	if err != nil {
		t.Fatalf("running Netlify's parsers: %v", err)
	}
	var got netlifyRules
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("reading the parsers' output: %v\n%s", err, out)
	}
	if len(got.Errors) > 0 {
		t.Errorf("Netlify's parsers found errors: %q", got.Errors)
	}

	types := map[string]string{"feed.xml": "application/rss+xml", "atom.xml": "application/atom+xml", "feed.json": "application/feed+json", "key-dates.ics": "text/calendar"}
	feeds := 0
	for name := range readManifest(t, o.Out) {
		want, ok := types[path.Base(name)]
		if !ok {
			continue
		}
		feeds++
		r := got.headersFor("/" + name)
		if r["Content-Type"] != want+"; charset=utf-8" || r["Cache-Control"] != "public, max-age=300" {
			t.Errorf("/%s: headers %v, want Content-Type %s; charset=utf-8 and Cache-Control public, max-age=300", name, r, want)
		}
		if link := r["Link"]; path.Ext(name) != ".ics" && (!strings.Contains(link, `<https://hub.example.org/>; rel="hub"`) || !strings.Contains(link, `<https://bulletin.example.org/`+name+`>; rel="self"`)) {
			t.Errorf("/%s: Link %q, want the hub and the feed itself", name, link)
		}
	}
	if feeds == 0 || len(got.Headers) > 100 {
		t.Errorf("got %d header rules for %d feeds and calendars, want at most 100, all Cloudflare Pages reads", len(got.Headers), feeds)
	}
	for _, page := range []string{"/index.html", "/topics/ics-assessments/", "/2025/03/ics-assessments-paused-again/"} {
		if r := got.headersFor(page); len(r) > 0 {
			t.Errorf("%s: headers %v, want the host's own", page, r)
		}
	}

	type redirect struct {
		from, to string
		status   int
		force    bool
	}
	var redirects []redirect
	for _, r := range got.Redirects {
		redirects = append(redirects, redirect{r.From, r.To, r.Status, r.Force})
	}
	want := []redirect{
		{"/2025/03/ics-paused/", "/2025/03/ics-assessments-paused-again/", 301, true},
		{"/2025/03/ics-paused/", "/2025/03/ics-assessments-paused-again/", 301, false},
		{"/2025/04/%E6%96%B0%E9%97%BB/", "/2025/04/cqc-it-review-saf/", 301, true},
		{"/2025/04/%E6%96%B0%E9%97%BB/", "/2025/04/cqc-it-review-saf/", 301, false},
	}
	if !slices.Equal(redirects, want) {
		t.Errorf("got redirects\n%v\nwant\n%v", redirects, want)
	}
}

// headersFor merges the headers of every rule whose path matches p, as
// the hosts do: a ":name" segment matches any one segment, a final "*"
// the rest of the path.
func (n netlifyRules) headersFor(p string) map[string]string {
	out := map[string]string{}
	for _, h := range n.Headers {
		if pathMatches(h.For, p) {
			maps.Copy(out, h.Values)
		}
	}
	return out
}

func pathMatches(rule, p string) bool {
	rs, ps := strings.Split(rule, "/"), strings.Split(p, "/")
	for i, r := range rs {
		switch {
		case r == "*" && i == len(rs)-1:
			return len(ps) >= len(rs)
		case i >= len(ps):
			return false
		case strings.HasPrefix(r, ":") && ps[i] != "", r == ps[i]:
		default:
			return false
		}
	}
	return len(ps) == len(rs)
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
