package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"bulletin/generator/content"
	"bulletin/generator/pipeline"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// sampleSite builds testdata/sample, a copy of the sample content that
// editors do not change, with the theme in templates/, into a
// temporary folder, with a search index when pagefind is given.
func sampleSite(t *testing.T, pagefind string) (string, pipeline.Result) {
	t.Helper()
	o := options{
		Content:   "testdata/sample/content",
		Templates: "../templates",
		Out:       filepath.Join(t.TempDir(), "public"),
		Pagefind:  pagefind,
		Now:       testNow,
	}
	r, err := build(o)
	if err != nil {
		t.Fatalf("building the sample site: %v", err)
	}
	return o.Out, r
}

// serveSite serves a built site over HTTP on 127.0.0.1, as a reader gets it.
func serveSite(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// newBrowser starts headless Chromium with a fresh profile and returns a
// context for its first tab.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(lookChromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// do runs steps in the browser with a time limit, failing the test on an
// error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that gives a value, failing the test on an error.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval runs a script for its effect.
func eval(script string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](script, chromedp.EvalAwaitPromise)(ctx, tg)
		return err
	})
}

// viewport sets the window's width (and a phone-like or desktop height)
// and light or dark colour scheme.
func viewport(width int64, dark bool) chromedp.Action[chromedp.Void] {
	height := int64(900)
	if width < 500 {
		height = 844
	}
	return chromedp.Steps(chromedp.EmulateViewport(width, height), media("", dark))
}

// media emulates a media type ("print", or "" for none) and colour scheme.
func media(typ string, dark bool) chromedp.Action[chromedp.Void] {
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Media:    typ,
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// sitePage is one HTML page of a built site.
type sitePage struct {
	path string // URL path, e.g. /topics/ics-assessments/
	kind string // from the body's page-KIND class
	size int
}

var bodyKind = regexp.MustCompile(`<body class="page-([a-z0-9]+)"`)

// sitePages lists the pages of a built site, leaving out Pagefind's files
// and the pages that only redirect.
func sitePages(t *testing.T, dir string) []sitePage {
	t.Helper()
	var pages []sitePage
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "pagefind/") {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			return err
		}
		m := bodyKind.FindSubmatch(data)
		if m == nil {
			return nil // a redirect page
		}
		path := "/" + strings.TrimSuffix(p, "index.html")
		pages = append(pages, sitePage{path: path, kind: string(m[1]), size: len(data)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// pageKinds are the kinds of page the theme has; every one must be tested.
var pageKinds = []string{"home", "article", "timeline", "year", "month", "topic", "regulator", "topics", "regulators", "search", "404"}

// oneOfEach picks, for every kind of page, the one with the most in it.
func oneOfEach(t *testing.T, pages []sitePage) []sitePage {
	t.Helper()
	best := map[string]sitePage{}
	for _, p := range pages {
		if b, ok := best[p.kind]; !ok || p.size > b.size || p.size == b.size && p.path < b.path {
			best[p.kind] = p
		}
	}
	var out []sitePage
	for _, k := range pageKinds {
		p, ok := best[k]
		if !ok {
			t.Fatalf("the sample site has no %s page", k)
		}
		out = append(out, p)
	}
	return out
}

// axeTags are the rule sets axe-core checks: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, and axe's best practices (all content in landmarks,
// headings in order, and the like).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var targets []string
	for _, n := range v.Nodes {
		targets = append(targets, fmt.Sprint(n.Target))
	}
	summary := ""
	if len(v.Nodes) > 0 {
		summary = strings.ReplaceAll(v.Nodes[0].Summary, "\n", " ")
	}
	return fmt.Sprintf("%s: %s at %s (%s)", v.ID, v.Help, strings.Join(targets, ", "), summary)
}

// runAxe checks the page open in ctx with axe-core and returns its
// violations.
func runAxe(t *testing.T, ctx context.Context, axe string) []axeViolation {
	t.Helper()
	tags, _ := json.Marshal(axeTags)
	do(t, ctx, "loading axe", eval(axe))
	res := get(t, ctx, "running axe", chromedp.Evaluate[struct {
		Violations []axeViolation `json:"violations"`
	}](`axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]})`, chromedp.EvalAwaitPromise))
	return res.Violations
}

// screenshotDir is where browser tests save screenshots: the folder in
// $BULLETIN_SCREENSHOTS, or a temporary one.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BULLETIN_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
		t.Logf("saving screenshots to %s, removed after the test: set BULLETIN_SCREENSHOTS=DIR to keep them", dir)
	} else {
		t.Logf("saving screenshots to %s", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	png := get(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPagesAccessible checks every page of the sample site with axe-core
// for WCAG 2.2 AA, in light mode at 1280px, and one page of each kind
// also in dark mode and at 320px and 390px, where nothing may stick out
// sideways (WCAG 1.4.10, reflow). It saves screenshots of each kind at
// 1280px and 390px, and in dark mode.
func TestPagesAccessible(t *testing.T) {
	axeFile := npmFile(t, "axe-core", "axe.min.js")
	axeSource, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatal(err)
	}
	axe := string(axeSource)
	dir, _ := sampleSite(t, lookPagefind(t))
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	shots := screenshotDir(t)
	pages := sitePages(t, dir)

	check := func(label string, p sitePage) {
		t.Helper()
		for _, v := range runAxe(t, ctx, axe) {
			t.Errorf("%s %s: %s", p.path, label, v)
		}
	}
	do(t, ctx, "light mode", viewport(1280, false))
	for _, p := range pages {
		do(t, ctx, "opening "+p.path, chromedp.Navigate(base+p.path))
		check("(light, 1280px)", p)
	}
	t.Logf("axe-core found no violation of %s on %d pages", strings.Join(axeTags, ", "), len(pages))
	for _, p := range oneOfEach(t, pages) {
		for _, v := range views {
			do(t, ctx, "opening "+p.path, viewport(v.width, v.dark), chromedp.Navigate(base+p.path))
			if p.kind == "search" {
				searchFor(t, ctx, "assessment", "")
			}
			if v.dark || v.width == 320 {
				check("("+v.name+")", p)
			}
			if wider := overflow(t, ctx, p.path); wider > 0 {
				t.Errorf("%s at %dpx: the page is %dpx wider than the window, so readers must scroll sideways", p.path, v.width, wider)
			}
			for _, d := range datesAstray(t, ctx, p.path) {
				t.Errorf("%s at %dpx: %s", p.path, v.width, d)
			}
			if v.width != 320 {
				screenshot(t, ctx, shots, p.kind+"-"+v.name)
			}
		}
	}
}

// searchFor types words into the search page, picks a filter's value (by
// select name, e.g. "regulator=DHSC") and waits for the results.
func searchFor(t *testing.T, ctx context.Context, words, filter string) (status string, titles []string) {
	t.Helper()
	name, value, _ := strings.Cut(filter, "=")
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.WaitVisible(chromedp.ID("search-q")),
		chromedp.SendKeys(chromedp.ID("search-q"), words),
	}
	if name != "" {
		// Choose the option as a reader does, which fires "change".
		steps = append(steps, chromedp.SetValue(chromedp.ID("search-"+name), value),
			eval(`document.getElementById("search-`+name+`").dispatchEvent(new Event("change"))`))
	}
	steps = append(steps, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](`(() => {
			const s = document.getElementById("search-message").textContent;
			const q = document.getElementById("search-q").value.trim();
			return s.includes("article") && (!q || s.includes("\u201c" + q + "\u201d")) && s.includes(`+jsString(value)+`);
		})()`, chromedp.WithPollingTimeout(15*time.Second))(ctx, tg)
		return err
	}))
	do(t, ctx, "searching for "+words+" "+filter, steps...)
	status = get(t, ctx, "reading the search status", chromedp.Evaluate[string](`document.getElementById("search-message").textContent`))
	titles = get(t, ctx, "reading the results", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results h2 a")).map(a => a.textContent)`))
	return status, titles
}

// views are the widths, in light and dark mode, every kind of page is
// checked at: a desktop, a phone, and the narrowest WCAG reflow asks for.
var views = []struct {
	name  string
	width int64
	dark  bool
}{
	{"1280", 1280, false},
	{"1280-dark", 1280, true},
	{"390", 390, false},
	{"390-dark", 390, true},
	{"320", 320, false},
}

// overflow is how many pixels wider than the window the open page at
// path is: more than 0 makes readers scroll sideways.
func overflow(t *testing.T, ctx context.Context, path string) int {
	t.Helper()
	return get(t, ctx, "measuring "+path, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
}

// datesAstray names each date of a story on the open page at path whose
// text runs into the step's marker, or out of the column on the other
// side, where the dates stand in a column of their own before the line.
func datesAstray(t *testing.T, ctx context.Context, path string) []string {
	t.Helper()
	return get(t, ctx, "measuring the dates of "+path, chromedp.Evaluate[[]string](`(() => {
		const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
		const astray = [];
		for (const when of document.querySelectorAll(".step-when")) {
			if (getComputedStyle(when).position !== "absolute") continue;
			const text = document.createRange();
			text.selectNodeContents(when);
			const r = text.getBoundingClientRect();
			const line = when.closest(".step").getBoundingClientRect().left;
			const column = when.closest(".story-line").getBoundingClientRect().left;
			if (r.right > line - 0.7 * rem) astray.push("the date " + JSON.stringify(when.textContent) + " runs into its marker by " + Math.ceil(r.right - line + 0.7 * rem) + "px");
			if (r.left < column - 0.5) astray.push("the date " + JSON.stringify(when.textContent) + " stands " + Math.ceil(column - r.left) + "px outside the column");
		}
		return astray;
	})()`))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestSearchInBrowser types a query into the search page, applies a
// filter, and wants the matching articles, newest first.
func TestSearchInBrowser(t *testing.T) {
	dir, r := sampleSite(t, lookPagefind(t))
	base := serveSite(t, dir)
	ctx := newBrowser(t)

	// What a reader should find: articles from DHSC whose words include
	// "pause" (paused, pauses...), newest first.
	// The build keeps bodies out of memory, so they are read again here.
	set, err := content.Load(os.DirFS("testdata/sample/content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, a := range set.Articles {
		bodies[a.Path] = a.HTML
	}
	var all, dhsc, both []string
	for _, a := range r.Site.Articles {
		text := strings.ToLower(a.Title + " " + a.Summary + " " + bodies[a.Content.Path])
		fromDHSC := slices.ContainsFunc(a.Regulators, func(g *site.Ref) bool { return g.Name == "DHSC" })
		has := strings.Contains(text, "pause")
		if has {
			all = append(all, a.Title)
		}
		if fromDHSC {
			dhsc = append(dhsc, a.Title)
		}
		if has && fromDHSC {
			both = append(both, a.Title)
		}
	}
	if len(both) == 0 || len(both) == len(all) || len(both) == len(dhsc) {
		t.Fatalf("the sample content no longer tells the filter apart from the words: %d with the word, %d from DHSC, %d both", len(all), len(dhsc), len(both))
	}

	do(t, ctx, "opening the search page", viewport(1280, false), chromedp.Navigate(base+"/search/"))
	status, titles := searchFor(t, ctx, "pause", "")
	if !slices.Equal(titles, all) {
		t.Errorf("searching for pause: got %q, want %q", titles, all)
	}
	if want := fmt.Sprintf("%d articles matching \u201cpause\u201d, newest first.", len(all)); status != want {
		t.Errorf("status: got %q, want %q", status, want)
	}
	status, titles = searchFor(t, ctx, "", "regulator=DHSC")
	if !slices.Equal(titles, both) {
		t.Errorf("searching for pause from DHSC: got %q, want %q", titles, both)
	}
	if want := fmt.Sprintf("%d articles matching \u201cpause\u201d, from regulator DHSC, newest first.", len(both)); status != want {
		t.Errorf("status: got %q, want %q", status, want)
	}
	url := get(t, ctx, "reading the address", chromedp.Location())
	if !strings.HasSuffix(url, "/search/?q=pause&regulator=DHSC") {
		t.Errorf("address after searching: got %s, want it to end /search/?q=pause&regulator=DHSC", url)
	}

	// A shared address gives the same search, and a filter alone lists
	// every article it matches.
	for _, f := range []struct {
		filter, address string // the filter, and the address's form of it if another
		match           func(a *site.Article) bool
	}{
		{"regulator=DHSC", "", func(a *site.Article) bool {
			return slices.ContainsFunc(a.Regulators, func(g *site.Ref) bool { return g.Name == "DHSC" })
		}},
		{"regulator=DHSC", "regulator=dhsc", func(a *site.Article) bool {
			return slices.ContainsFunc(a.Regulators, func(g *site.Ref) bool { return g.Name == "DHSC" })
		}},
		{"regulator=DHSC", "regulator=Department of Health and Social Care", func(a *site.Article) bool {
			return slices.ContainsFunc(a.Regulators, func(g *site.Ref) bool { return g.Name == "DHSC" })
		}},
		{"topic=Single Assessment Framework", "", func(a *site.Article) bool {
			return slices.ContainsFunc(a.Topics, func(g *site.Ref) bool { return g.Name == "Single Assessment Framework" })
		}},
		{"topic=Single Assessment Framework", "topic=single-assessment-framework", func(a *site.Article) bool {
			return slices.ContainsFunc(a.Topics, func(g *site.Ref) bool { return g.Name == "Single Assessment Framework" })
		}},
		{"status=Being piloted", "", func(a *site.Article) bool { return a.Status != nil && a.Status.Label == "Being piloted" }},
		{"status=Being piloted", "status=piloting", func(a *site.Article) bool { return a.Status != nil && a.Status.Label == "Being piloted" }},
	} {
		var want []string
		for _, a := range r.Site.Articles {
			if f.match(a) {
				want = append(want, a.Title)
			}
		}
		name, value, _ := strings.Cut(cmp.Or(f.address, f.filter), "=")
		do(t, ctx, "opening a search by address", chromedp.Navigate(base+"/search/?"+name+"="+strings.ReplaceAll(value, " ", "+")))
		if f.address != "" {
			// The form takes the filter from the address alone.
			_, label, _ := strings.Cut(f.filter, "=")
			do(t, ctx, "waiting for the results of "+f.address, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Poll[bool](`document.getElementById("search-message").textContent.includes(`+jsString(label)+`)`, chromedp.WithPollingTimeout(15*time.Second))(ctx, tg)
				return err
			}))
			titles = get(t, ctx, "reading the results", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-results h2 a")).map(a => a.textContent)`))
		} else {
			_, titles = searchFor(t, ctx, "", f.filter)
		}
		if len(want) == 0 || !slices.Equal(titles, want) {
			t.Errorf("%s: got %q, want %q", cmp.Or(f.address, f.filter), titles, want)
		}
	}

	// An address naming a topic the bulletin lacks says so, rather than
	// showing an empty page.
	do(t, ctx, "opening a search for a topic there is not", chromedp.Navigate(base+"/search/?topic=Nonexistent"))
	want := "This bulletin has no topic \u201cNonexistent\u201d: choose one of the filters above."
	do(t, ctx, "waiting for the search page to say so", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](`document.getElementById("search-message").textContent === `+jsString(want), chromedp.WithPollingTimeout(15*time.Second))(ctx, tg)
		return err
	}))
}

// TestAxeFindsViolations makes sure the accessibility check can fail: a
// page with an image without alternative text, faint text, and text
// outside every landmark (a best practice) gives exactly those
// violations.
func TestAxeFindsViolations(t *testing.T) {
	axe, err := os.ReadFile(npmFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="en"><title>x</title><main><h1>x</h1><img src="x.png"></main><p style="color:#ccc">faint</p></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	do(t, ctx, "opening the page", chromedp.Navigate(serveSite(t, dir)+"/"))
	var ids []string
	for _, v := range runAxe(t, ctx, string(axe)) {
		ids = append(ids, v.ID)
	}
	slices.Sort(ids)
	if want := []string{"color-contrast", "image-alt", "region"}; !slices.Equal(ids, want) {
		t.Errorf("violations: got %q, want %q", ids, want)
	}
}

// TestKeyboard tabs through the start of one page of each kind: the skip
// link comes first, shows when focused and moves focus to the main
// content, and every focused element shows a focus indicator.
func TestKeyboard(t *testing.T) {
	dir, _ := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	type focused struct {
		Tag, Text string
		Visible   bool // inside the window, not clipped away
		Indicator bool // an outline, or a box shadow and a changed background
		Main      bool // focus is inside <main>, or on it
	}
	const probe = `(() => {
		const e = document.activeElement;
		const r = e.getBoundingClientRect();
		const s = getComputedStyle(e);
		return {
			Tag: e.tagName, Text: (e.textContent || "").trim().slice(0, 40),
			Visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.left < innerWidth,
			Indicator: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== "rgba(0, 0, 0, 0)") || s.boxShadow !== "none",
			Main: !!e.closest("main"),
		};
	})()`
	for _, p := range oneOfEach(t, sitePages(t, dir)) {
		do(t, ctx, "opening "+p.path, viewport(1280, false), chromedp.Navigate(base+p.path), chromedp.KeyEvent(kb.Tab))
		first := get(t, ctx, "reading focus", chromedp.Evaluate[focused](probe))
		if first.Text != "Skip to main content" || !first.Visible || !first.Indicator {
			t.Errorf("%s: the first Tab focuses %+v, want the skip link, shown with a focus indicator", p.path, first)
		}
		do(t, ctx, "following the skip link", chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
		if after := get(t, ctx, "reading focus", chromedp.Evaluate[focused](probe)); !after.Main {
			t.Errorf("%s: after the skip link, Tab focuses %+v, want an element in <main>", p.path, after)
		}
		do(t, ctx, "reopening "+p.path, chromedp.Navigate(base+p.path))
		for i := range 12 {
			do(t, ctx, "pressing Tab", chromedp.KeyEvent(kb.Tab))
			f := get(t, ctx, "reading focus", chromedp.Evaluate[focused](probe))
			if f.Tag == "BODY" {
				break
			}
			if !f.Indicator {
				t.Errorf("%s: Tab %d focuses %s %q with no visible focus indicator", p.path, i+1, f.Tag, f.Text)
			}
		}
	}
}

// TestNewSinceLastVisit comes back to the timeline after a visit on
// 2 April 2025 and wants the articles published from that day on marked
// "New since your last visit"; a first visit marks nothing.
func TestNewSinceLastVisit(t *testing.T) {
	dir, r := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	const marks = `document.querySelectorAll(".teaser .new-mark").length`

	do(t, ctx, "opening the timeline", viewport(1280, false), chromedp.Navigate(base+"/timeline/"))
	if n := get(t, ctx, "counting marks", chromedp.Evaluate[int](marks)); n != 0 {
		t.Errorf("first visit: %d articles marked new, want none", n)
	}
	// Within the same visit, nothing new either.
	do(t, ctx, "reloading", chromedp.Reload())
	if n := get(t, ctx, "counting marks", chromedp.Evaluate[int](marks)); n != 0 {
		t.Errorf("same visit: %d articles marked new, want none", n)
	}

	last := time.Date(2025, 4, 2, 15, 0, 0, 0, time.UTC)
	var want int
	for _, a := range r.Site.Timeline[0].Months {
		for _, a := range a.Articles {
			if !a.Date.Before(time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC)) {
				want++
			}
		}
	}
	if want == 0 {
		t.Fatal("the sample site has no article after 2 April 2025")
	}
	do(t, ctx, "coming back", eval(fmt.Sprintf(`localStorage.setItem("bulletin-visits", JSON.stringify({last: %d}))`, last.UnixMilli())), chromedp.Reload())
	if n := get(t, ctx, "counting marks", chromedp.Evaluate[int](marks)); n != want {
		t.Errorf("coming back after 2 April 2025: %d articles marked new, want %d", n, want)
	}
	text := get(t, ctx, "reading a mark", chromedp.Evaluate[string](`document.querySelector(".new-mark").textContent`))
	if text != "New since your last visit" {
		t.Errorf("mark reads %q, want %q", text, "New since your last visit")
	}
	cookies := get(t, ctx, "reading cookies", chromedp.Evaluate[string](`document.cookie`))
	if cookies != "" {
		t.Errorf("the page set cookies %q, want none", cookies)
	}
}

// TestPrint prints pages as Chromium does: a topic page fits on one A4
// page as a brief, printed pages say where they come from and what date
// they were last updated, and links show their addresses.
func TestPrint(t *testing.T) {
	dir, _ := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	shots := screenshotDir(t)
	for _, p := range oneOfEach(t, sitePages(t, dir)) {
		if p.kind != "topic" && p.kind != "regulator" && p.kind != "article" {
			continue
		}
		do(t, ctx, "opening "+p.path, viewport(1280, false), chromedp.Navigate(base+p.path))
		pdf := get(t, ctx, "printing "+p.path, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(0)))
		if err := os.WriteFile(filepath.Join(shots, p.kind+"-print.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		n := pdfPages(pdf)
		if p.kind == "topic" && n != 1 {
			t.Errorf("%s prints on %d pages, want a one-page brief", p.path, n)
		}
		do(t, ctx, "print media", media("print", false))
		top := get(t, ctx, "reading the print header", chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".masthead"), "::after").content`))
		if !strings.Contains(top, "Printed from ") || !strings.Contains(top, "Last updated ") {
			t.Errorf("%s: printed header reads %s, want the page's address and the date it was last updated", p.path, top)
		}
		links := get(t, ctx, "reading printed links", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("main a[href]")).filter(a => a.closest(".article-body, .sources, .intro, .story, .website")).map(a => getComputedStyle(a, "::after").content + "\x00" + a.getAttribute("href"))`))
		for _, l := range links {
			content, href, _ := strings.Cut(l, "\x00")
			if !strings.HasPrefix(href, "#") && !strings.Contains(l, "("+href+")") {
				t.Errorf("%s: printed link to %s is followed by %s, want its address", p.path, href, content)
			}
		}
		if len(links) == 0 {
			t.Errorf("%s: no links in the printed content", p.path)
		}
		shot := get(t, ctx, "screenshot in print media", chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(shots, p.kind+"-print.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, "screen media", media("", false))
	}
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// pdfPages counts the pages of a PDF Chromium made.
func pdfPages(pdf []byte) int {
	return len(pdfPage.FindAll(pdf, -1))
}

// TestServeReloadsInBrowser opens a page that serve made in Chromium and
// edits its article: the page reloads by itself and shows the edit; a
// broken article puts the errors over the page, which stays readable,
// and the fix takes them away.
func TestServeReloadsInBrowser(t *testing.T) {
	ts := startServe(t)
	ctx := newBrowser(t)
	heading := `document.querySelector("h1")?.textContent ?? ""`
	overlay := `document.getElementById("bulletin-problems")?.textContent ?? ""`
	until := func(what, script, want string) {
		t.Helper()
		eventually(t, waitTime, func() error {
			// The page reloads by itself, the behaviour under test: a
			// script run as it does finds it gone, and runs again.
			tries, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			got, err := chromedp.Run(tries, chromedp.Evaluate[string](script))
			if err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			if !strings.Contains(got, want) {
				return fmt.Errorf("%s: got %q, want %q in it", what, got, want)
			}
			return nil
		})
	}
	do(t, ctx, "opening the article", chromedp.Navigate(ts.url+firstPage))
	until("reading the heading", heading, "First")
	// The page listens for rebuilds once its script has connected.
	until("waiting for the live-reload stream", `String(document.readyState)`, "complete")
	time.Sleep(200 * time.Millisecond)

	ts.edit(t, firstFile, "title: First", "title: First, edited")
	until("reading the heading after the edit", heading, "First, edited")

	ts.edit(t, firstFile, "date: 2024-05-10\n", "date: 10/05/2024\n")
	until("reading the overlay after breaking the article", overlay, "is not a date")
	until("reading the heading under the overlay", heading, "First, edited")

	ts.edit(t, firstFile, "date: 10/05/2024\n", "date: 2024-05-10\n")
	until("reading the overlay after the fix", "("+overlay+`) || "gone"`, "gone")
}

// TestSearchBundlesInBrowser builds the sample twice, with its search
// index in one bundle and in many (a bundle a year, or a month in a full
// year), and wants every search to find the same articles, in the same
// order, with the same counts, in both.
func TestSearchBundlesInBrowser(t *testing.T) {
	pagefind := lookPagefind(t)
	build := func(size int) (string, int) {
		t.Helper()
		o := testOptions(t, t.TempDir())
		o.Pagefind = pagefind
		if err := os.CopyFS(o.Content, os.DirFS("testdata/sample/content")); err != nil {
			t.Fatal(err)
		}
		settings := filepath.Join(o.Content, "site.yaml")
		if err := os.WriteFile(settings, fmt.Appendf([]byte(readFile(t, settings)), "search_bundle: %d\n", size), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := build(o)
		if err != nil {
			t.Fatal(err)
		}
		return o.Out, len(render.IndexBundles(r.Site))
	}
	oneDir, one := build(1000)
	manyDir, many := build(2)
	if one != 1 || many < 4 {
		t.Fatalf("got %d and %d bundles, want 1 and at least 4", one, many)
	}
	t.Logf("comparing one bundle with %d", many)
	oneBase, manyBase := serveSite(t, oneDir), serveSite(t, manyDir)
	ctx := newBrowser(t)
	searches := []struct{ words, filter string }{
		{"pause", ""}, {"assessment", ""}, {"review", ""}, {"care", ""},
		{"", "regulator=DHSC"}, {"", "regulator=CQC"}, {"", "status=Being piloted"},
		{"pause", "regulator=CQC"}, {"assessment", "topic=ICS assessments"},
	}
	for _, s := range searches {
		var got [2]struct {
			status string
			titles []string
		}
		for i, base := range []string{oneBase, manyBase} {
			do(t, ctx, "opening the search page", viewport(1280, false), chromedp.Navigate(base+"/search/"))
			got[i].status, got[i].titles = searchFor(t, ctx, s.words, s.filter)
		}
		if got[0].status != got[1].status || !slices.Equal(got[0].titles, got[1].titles) || len(got[0].titles) == 0 {
			t.Errorf("searching %q %s: one bundle gives %q %q; %d bundles give %q %q", s.words, s.filter, got[0].status, got[0].titles, many, got[1].status, got[1].titles)
		}
	}
}
