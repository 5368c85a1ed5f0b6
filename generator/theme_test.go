package main

import (
	"context"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// box is where an element is drawn, in CSS pixels.
type box struct {
	Left, Top, Right, Bottom, Width float64
	Found                           bool
}

// boxOf is a script that gives the box of the first element the first
// of the selectors that matches any matches.
func boxOf(selectors ...string) string {
	return `(() => {
		const e = ` + jsStrings(selectors) + `.map((s) => document.querySelector(s)).find(Boolean);
		if (!e) return {Found: false};
		const r = e.getBoundingClientRect();
		return {Found: true, Left: r.left, Top: r.top + scrollY, Right: r.right, Bottom: r.bottom + scrollY, Width: r.width};
	})()`
}

// content2 finds the two-thirds column of a page's content: beside a
// one-third column, if the page has one.
var content2 = []string{"main .grid-row:has(> .column-one-third) > .column-two-thirds", "main .column-two-thirds"}

// TestThemeGrid opens one page of each kind at 1280px and at 390px: wide,
// the page is a grid of two thirds and one third, the same on every page,
// with where things stand, related articles and Subscribe on the right of
// an article; narrow, the one-third column comes below the content, as
// wide as it. Every page but the 404 page has one Subscribe control, its
// own feed's address to copy with the three formats behind a closed
// disclosure, and no other feed links.
func TestThemeGrid(t *testing.T) {
	dir, _ := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	var content float64 // the two-thirds column's width at 1280px, the same on every page
	for _, p := range oneOfEach(t, sitePages(t, dir)) {
		do(t, ctx, "opening "+p.path, viewport(1280, false), chromedp.Navigate(base+p.path))
		main := get(t, ctx, "measuring the content", chromedp.Evaluate[box](boxOf(content2...)))
		side := get(t, ctx, "measuring the right column", chromedp.Evaluate[box](boxOf("main .column-one-third")))
		if !main.Found {
			t.Errorf("%s: no two-thirds column", p.path)
			continue
		}
		if content == 0 {
			content = main.Width
		} else if math.Abs(main.Width-content) > 1 {
			t.Errorf("%s at 1280px: the content is %.0fpx wide, %.0fpx on other pages; want one width", p.path, main.Width, content)
		}
		if p.kind != "404" && !side.Found {
			t.Errorf("%s at 1280px: no one-third column", p.path)
		}
		if side.Found {
			if side.Left < main.Right || side.Top > main.Top+200 {
				t.Errorf("%s at 1280px: the one-third column at %+v is not on the right of the content at %+v", p.path, side, main)
			}
			if r := main.Width / side.Width; r < 1.9 || r > 2.1 {
				t.Errorf("%s at 1280px: the columns are %.0fpx and %.0fpx, want two thirds and one third", p.path, main.Width, side.Width)
			}
		}
		if p.kind == "article" {
			for _, sel := range []string{".standing", ".related", ".subscribe"} {
				if b := get(t, ctx, "finding "+sel, chromedp.Evaluate[box](boxOf("main .column-one-third "+sel))); !b.Found {
					t.Errorf("%s at 1280px: no %s in the right column", p.path, sel)
				}
			}
		}
		if p.kind == "topic" {
			if b := get(t, ctx, "finding the status", chromedp.Evaluate[box](boxOf("main .column-one-third .current-status"))); !b.Found || b.Left < main.Right {
				t.Errorf("%s at 1280px: the current status is not on the right (%+v)", p.path, b)
			}
		}
		checkSubscribe(t, ctx, p)

		do(t, ctx, "opening "+p.path, viewport(390, false), chromedp.Navigate(base+p.path))
		main = get(t, ctx, "measuring the content", chromedp.Evaluate[box](boxOf(content2...)))
		side = get(t, ctx, "measuring the right column", chromedp.Evaluate[box](boxOf("main .column-one-third:last-child")))
		if side.Found && (side.Top < main.Bottom || math.Abs(side.Width-main.Width) > 1) {
			t.Errorf("%s at 390px: the one-third column at %+v is not below the content at %+v and as wide", p.path, side, main)
		}
	}
}

// checkSubscribe checks the Subscribe control of the page open in ctx.
func checkSubscribe(t *testing.T, ctx context.Context, p sitePage) {
	t.Helper()
	type control struct {
		Controls, OtherFeedLinks int
		Address, Autodiscovered  string
		Formats                  []string
		Open                     bool
	}
	c := get(t, ctx, "reading the Subscribe control", chromedp.Evaluate[control](`(() => {
		const s = document.querySelector(".subscribe");
		const feed = (a) => /(rss|atom)\+xml|feed\+json/.test(a.type);
		return {
			Controls: document.querySelectorAll(".subscribe").length,
			OtherFeedLinks: Array.from(document.querySelectorAll("a[type]")).filter((a) => feed(a) && !a.closest(".subscribe")).length,
			Address: s ? s.querySelector("#subscribe-url").value : "",
			Autodiscovered: new URL(document.querySelector('link[rel="alternate"]').getAttribute("href"), "https://bulletin.example.org/").pathname,
			Formats: s ? Array.from(s.querySelectorAll("details li:first-child a")).map((a) => a.textContent + " " + new URL(a.href).pathname) : [],
			Open: s ? s.querySelector("details").open : false,
		};
	})()`))
	if p.kind == "404" {
		if c.Controls != 0 {
			t.Errorf("%s: %d Subscribe controls, want none on the 404 page", p.path, c.Controls)
		}
		return
	}
	if c.Controls != 1 {
		t.Errorf("%s: %d Subscribe controls, want 1", p.path, c.Controls)
		return
	}
	if c.OtherFeedLinks != 0 {
		t.Errorf("%s: %d feed links outside the Subscribe control, want none", p.path, c.OtherFeedLinks)
	}
	if want := "https://bulletin.example.org" + c.Autodiscovered; c.Address != want || !strings.HasSuffix(want, "/feed.xml") {
		t.Errorf("%s: the feed address to copy is %q, want the page's own feed, %q", p.path, c.Address, want)
	}
	dir := strings.TrimSuffix(c.Autodiscovered, "feed.xml")
	if want := []string{"RSS " + dir + "feed.xml", "Atom " + dir + "atom.xml", "JSON Feed " + dir + "feed.json"}; !slices.Equal(c.Formats, want) {
		t.Errorf("%s: the formats behind the control are %q, want %q", p.path, c.Formats, want)
	}
	if c.Open {
		t.Errorf("%s: the formats are shown at first, want them behind the disclosure", p.path)
	}
}

// TestTopicPageOneList wants a topic's or regulator's page to list each of
// its articles once, in its story, not again in a list of articles.
func TestTopicPageOneList(t *testing.T) {
	dir, r := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	for _, g := range slices.Concat(r.Site.Topics, r.Site.Regulators) {
		if len(g.Articles) == 0 {
			continue
		}
		do(t, ctx, "opening "+g.URL, viewport(1280, false), chromedp.Navigate(base+g.URL))
		links := get(t, ctx, "reading links", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("main .column-two-thirds a[href]")).map((a) => new URL(a.href).pathname)`))
		for _, a := range g.Articles {
			// An updated article has a second step, for its update.
			want := 1
			if !a.Updated.IsZero() && a.Status != nil {
				want = 2
			}
			if n := strings.Count(strings.Join(links, " ")+" ", a.URL+" "); n != want {
				t.Errorf("%s links %d times to %s, want %d: once in the story, and once for its update if it has one", g.URL, n, a.URL, want)
			}
		}
		if n := get(t, ctx, "counting lists", chromedp.Evaluate[int](`document.querySelectorAll("main .teasers").length`)); n != 0 {
			t.Errorf("%s: %d lists of articles besides the story, want none", g.URL, n)
		}
	}
}

// TestNotFoundSearch wants the 404 page to offer a search box that finds
// articles, and, in a build without search, to say search is not
// available, as the search page does.
func TestNotFoundSearch(t *testing.T) {
	plain, _ := sampleSite(t, "")
	page := readFile(t, filepath.Join(plain, "404.html"))
	if !strings.Contains(page, "Search is not available on this copy of the site.") || strings.Contains(page, `role="search"`) {
		t.Errorf("404 page without a search index: want it to say search is not available, and no search box")
	}

	dir, _ := sampleSite(t, lookPagefind(t))
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, "opening the 404 page", viewport(390, false), chromedp.Navigate(base+"/404.html"))
	do(t, ctx, "searching from the 404 page",
		chromedp.WaitVisible(`main form[role="search"] input[name="q"]`),
		chromedp.SendKeys(`main form[role="search"] input[name="q"]`, "pause"),
		chromedp.Submit(`main form[role="search"] input[name="q"]`),
		chromedp.WaitReady(chromedp.ID("search-results")))
	status, titles := searchFor(t, ctx, "", "")
	if len(titles) == 0 || !strings.Contains(status, "\u201cpause\u201d") {
		t.Errorf("searching for pause from the 404 page: got %q with %d results, want articles matching it", status, len(titles))
	}
}

var (
	tags  = regexp.MustCompile(`<[^>]*>`)
	word  = regexp.MustCompile(`[\p{L}\p{N}]`)
	stamp = regexp.MustCompile(`\((\d+ days? ago|yesterday|today)\)`)
)

// TestReadingTimeAndRecentDates wants each article page to say how long it
// takes to read, "N min read" for its body's words at 200 a minute,
// rounded up; and dates of the last 30 days to say how long ago they
// were, added in the browser: the built pages hold no such words, so that
// two builds of the same content give the same bytes.
func TestReadingTimeAndRecentDates(t *testing.T) {
	dir, r := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	set, err := content.Load(os.DirFS("testdata/sample/content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	minutes := map[string]int{}
	for _, a := range set.Articles {
		words := 0
		for _, w := range strings.Fields(html.UnescapeString(tags.ReplaceAllString(a.HTML, " "))) {
			if word.MatchString(w) {
				words++
			}
		}
		minutes[a.Path] = max(1, (words+199)/200)
	}
	for _, a := range r.Site.Articles {
		file := readFile(t, filepath.Join(dir, filepath.FromSlash(render.FileFor(a.URL))))
		if m := stamp.FindString(tags.ReplaceAllString(file, " ")); m != "" {
			t.Errorf("%s: the built page says %q, want dates alone", a.URL, m)
		}
		do(t, ctx, "opening "+a.URL, viewport(1280, false), chromedp.Navigate(base+a.URL))
		got := get(t, ctx, "reading the reading time", chromedp.Evaluate[string](`(document.querySelector(".article .meta .reading-time") || {}).textContent || ""`))
		if want := fmt.Sprintf("%d min read", minutes[a.Content.Path]); got != want {
			t.Errorf("%s: reading time %q, want %q", a.URL, got, want)
		}
	}

	// Four days after the newest article, by the browser's clock.
	newest := r.Site.Articles[0]
	now := newest.Date.AddDate(0, 0, 4).Add(10 * time.Hour)
	do(t, ctx, "setting the clock", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: fmt.Sprintf(`Date.now = () => %d;`, now.UnixMilli()),
		})
		return err
	}), chromedp.Navigate(base+"/"))
	first := get(t, ctx, "reading the first teaser", chromedp.Evaluate[string](`document.querySelector(".teaser-meta").textContent`))
	if want := newest.Date.Format("2 January 2006") + " (4 days ago)"; !strings.HasPrefix(first, want) {
		t.Errorf("the newest article's date on the home page reads %q, want it to start %q", first, want)
	}
	// A date already in brackets, as the banner of a newer update has
	// it, takes the words after a comma.
	i := slices.IndexFunc(r.Site.Articles, func(a *site.Article) bool { return a.Newer != nil && a.Newer.URL == newest.URL })
	if i < 0 {
		t.Fatal("no article of the sample has a banner naming the newest")
	}
	do(t, ctx, "opening "+r.Site.Articles[i].URL, chromedp.Navigate(base+r.Site.Articles[i].URL))
	banner := get(t, ctx, "reading the banner", chromedp.Evaluate[string](`document.querySelector(".banner-newer").textContent`))
	if want := "(" + newest.Date.Format("2 January 2006") + ", 4 days ago)."; !strings.Contains(banner, want) {
		t.Errorf("the banner of %s reads %q, want it to hold %q", r.Site.Articles[i].URL, banner, want)
	}
	do(t, ctx, "opening the home page", chromedp.Navigate(base+"/"))
	marked := get(t, ctx, "reading the dates marked", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".teaser-meta time")).filter((t) => t.nextElementSibling && t.nextElementSibling.classList.contains("ago")).map((t) => t.getAttribute("datetime"))`))
	if len(marked) == 0 {
		t.Error("no date on the home page says how long ago it was")
	}
	for _, m := range marked {
		d, err := time.Parse(time.RFC3339, m)
		if err != nil {
			t.Fatal(err)
		}
		if now.Sub(d) > 31*24*time.Hour {
			t.Errorf("%s, more than 30 days before %s, says how long ago it was; want the date alone", m, now.Format(time.DateOnly))
		}
	}
}

// TestSearchResultsLikeTeasers wants search results to show each
// article's status as the badge pages show, and excerpts, cut from the
// article, to end with "…", and their separators to keep to the item
// before them; and the regulator filter to show every
// regulator's name whole, wide and narrow.
func TestSearchResultsLikeTeasers(t *testing.T) {
	dir, _ := sampleSite(t, lookPagefind(t))
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	for _, width := range []int64{1280, 390} {
		do(t, ctx, "opening the search page", viewport(width, false), chromedp.Navigate(base+"/search/"))
		cut := get(t, ctx, "measuring the regulator filter", chromedp.Evaluate[[]string](`(() => {
			const f = document.getElementById("search-regulator");
			const names = Array.from(f.querySelectorAll("label"));
			// A name is cut when it is wider than what shows of it, or
			// than the filter.
			const box = f.getBoundingClientRect();
			return names.filter((l) => l.scrollWidth > l.clientWidth || l.getBoundingClientRect().right > box.right + 0.5 || l.getBoundingClientRect().right > innerWidth).map((l) => l.textContent);
		})()`))
		if len(cut) > 0 {
			t.Errorf("at %dpx the regulator filter cuts %q", width, cut)
		}
	}
	searchFor(t, ctx, "assessment", "")
	type result struct {
		Title, Meta, Excerpt string
		Badges               []string // class and background colour
	}
	results := get(t, ctx, "reading results", chromedp.Evaluate[[]result](`Array.from(document.querySelectorAll("#search-results li")).map((li) => ({
		Title: li.querySelector("h2").textContent,
		Meta: li.querySelector(".teaser-meta").textContent,
		Excerpt: li.querySelector("p:last-child").textContent,
		Badges: Array.from(li.querySelectorAll(".teaser-meta .status")).map((b) => b.className + " " + getComputedStyle(b).backgroundColor),
	}))`))
	if len(results) == 0 {
		t.Fatal("no results for assessment")
	}
	for _, res := range results {
		// As in teasers, a separator keeps to what it follows, so that
		// a narrow screen never starts a line with one.
		if strings.Contains(res.Meta, " ·") || strings.Count(res.Meta, "·") != strings.Count(res.Meta, "\u00a0·") {
			t.Errorf("%s: details %q: a · not tied to the item before it by a no-break space", res.Title, res.Meta)
		}
		if !strings.HasSuffix(res.Excerpt, "…") {
			t.Errorf("%s: excerpt %q does not end with …", res.Title, res.Excerpt)
		}
		if len(res.Badges) != 1 || !strings.HasPrefix(res.Badges[0], "status status-") {
			t.Errorf("%s: status shown as %q, want one badge", res.Title, res.Badges)
		}
	}
	// The same badge as on an article's page.
	for _, res := range results {
		if len(res.Badges) != 1 {
			continue
		}
		class, _, _ := strings.Cut(strings.TrimPrefix(res.Badges[0], "status "), " ")
		do(t, ctx, "opening the home page", chromedp.Navigate(base+"/"))
		onPage := get(t, ctx, "reading a badge", chromedp.Evaluate[string](`(() => {
			const b = document.createElement("span");
			b.className = "status `+class+`";
			document.querySelector("main").append(b);
			return b.className + " " + getComputedStyle(b).backgroundColor;
		})()`))
		if onPage != res.Badges[0] {
			t.Errorf("%s: the result's badge is %q, on pages %q", res.Title, res.Badges[0], onPage)
		}
		break
	}
}

// TestStatusColours wants every status shown in words on a colour that is
// not red, but for withdrawn, which is an alarm; and its words to have a
// contrast of at least 4.5:1 with it, in light and dark mode.
func TestStatusColours(t *testing.T) {
	dir, _ := sampleSite(t, "")
	base := serveSite(t, dir)
	ctx := newBrowser(t)
	type colours struct{ Key, Text, Back string }
	var keys []string
	for _, s := range content.DefaultStatuses {
		keys = append(keys, s.Key)
	}
	keys = append(keys, "one-the-site-adds")
	for _, dark := range []bool{false, true} {
		do(t, ctx, "opening the home page", viewport(1280, dark), chromedp.Navigate(base+"/"))
		got := get(t, ctx, "reading status colours", chromedp.Evaluate[[]colours](`(() => {
			return `+jsStrings(keys)+`.map((k) => {
				const b = document.createElement("span");
				b.className = "status status-" + k;
				b.textContent = k;
				document.querySelector("main").append(b);
				const s = getComputedStyle(b);
				return {Key: k, Text: s.color, Back: s.backgroundColor};
			});
		})()`))
		for _, c := range got {
			text, back := parseRGB(t, c.Text), parseRGB(t, c.Back)
			if r := contrast(text, back); r < 4.5 {
				t.Errorf("%s (dark %v): %s on %s has a contrast of %.2f:1, want 4.5:1 or more", c.Key, dark, c.Text, c.Back, r)
			}
			if red := isRed(back) || isRed(text); red != (c.Key == "withdrawn") {
				t.Errorf("%s (dark %v): %s on %s; want red for withdrawn alone", c.Key, dark, c.Text, c.Back)
			}
		}
	}
}

func jsStrings(ss []string) string {
	quoted := make([]string, len(ss))
	for i, s := range ss {
		quoted[i] = jsString(s)
	}
	return "[" + strings.Join(quoted, ",") + "]"
}

var rgb = regexp.MustCompile(`rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)`)

func parseRGB(t *testing.T, s string) [4]float64 {
	t.Helper()
	m := rgb.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("colour %q is not rgb()", s)
	}
	var c [4]float64
	for i := range 3 {
		fmt.Sscan(m[i+1], &c[i])
	}
	c[3] = 1
	if m[4] != "" {
		fmt.Sscan(m[4], &c[3])
	}
	return c
}

// isRed reports whether an opaque colour is a red: red well above green
// and blue.
func isRed(c [4]float64) bool {
	return c[3] > 0.5 && c[0] > 120 && c[0]-c[1] > 70 && c[0]-c[2] > 70
}

// contrast is WCAG's contrast ratio of two opaque colours.
func contrast(a, b [4]float64) float64 {
	lum := func(c [4]float64) float64 {
		var l [3]float64
		for i := range 3 {
			v := c[i] / 255
			if v <= 0.04045 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	x, y := lum(a)+0.05, lum(b)+0.05
	return max(x, y) / min(x, y)
}
