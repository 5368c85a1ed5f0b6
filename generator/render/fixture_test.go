package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the fixture's dates are in Europe/London on any machine

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// The fixture's site: articles at these slugs, in these topics and
// regulators, under this base URL and tag URI authority.
const (
	baseURL     = "https://bulletin.example.org/"
	idAuthority = "bulletin.example.org"

	updatedSlug   = "ics-assessments-paused"     // published 27 March, updated twice
	movedSlug     = "cqc-it-review-findings"     // moved from /2025/03/cqc-it-review/
	explicitSlug  = "cqc-it-review-commissioned" // has an explicit id
	withdrawnSlug = "saf-rollout-dates"          // withdrawn

	explicitID = "urn:uuid:6f1c1e9e-4c0d-4b8e-9a55-0d6a4c1f2b7a"

	// The updated article's title and summary, with characters XML
	// escapes and characters XML 1.0 forbids, and what a reader should get.
	dirtyTitle   = "ICS assessments paused <again> & \"for now\"\x00\x0b\uFFFE"
	cleanTitle   = `ICS assessments paused <again> & "for now"`
	dirtySummary = "DHSC withdrew its request; CQC's work is paused <for 6 months> & more.\x0b\x1f"
	cleanSummary = "DHSC withdrew its request; CQC's work is paused <for 6 months> & more."

	newestNote = "Corrected the length of the pause <six months> & linked the review."
	olderNote  = "Added DHSC's response."
)

// feedDirs are the folders of the fixture's feeds, each with the articles
// it carries, newest published first, and its newest content change.
var feedDirs = []struct {
	dir      string
	articles []string // slugs
	updated  string   // a day in Europe/London
}{
	{"", []string{movedSlug, updatedSlug, explicitSlug, withdrawnSlug}, "2025-04-10"},
	{"topics/ics-assessments/", []string{updatedSlug, explicitSlug}, "2025-04-10"},
	// The explicit-id article was published before the moved one but
	// updated after it: the topic's newest change is that update.
	{"topics/cqc-it-transformation/", []string{movedSlug, explicitSlug, withdrawnSlug}, "2025-04-05"},
	{"regulators/cqc/", []string{movedSlug, updatedSlug}, "2025-04-10"},
}

var london = mustLoadLocation("Europe/London")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// day is midnight of a YYYY-MM-DD day in London, as content reads dates.
func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, london)
	if err != nil {
		panic(err)
	}
	return t
}

// updatedBody is the updated article's HTML as package content would give
// it: links relative to the page, to the site root, to a heading, to other
// sites with and without a scheme and by mail, an image, and text that would end a CDATA section.
const updatedBody = `<p>CQC has paused <a href="/topics/ics-assessments/">ICS assessments</a> again; see <a href="../../02/earlier-pause/">the earlier pause</a>, <a href="#next">what happens next</a> and <a href="https://www.cqc.org.uk/">CQC&#39;s website</a>, and <a href="//www.gov.uk/dhsc?x=1&amp;y=2">DHSC</a>.</p>
<p><img src="timeline.png" alt="Timeline of the pauses"></p>
<h2 id="next">What happens next</h2>
<p>Write to <a href="mailto:editor@example.org">the editor</a>. Markup such as <code>a]]>b</code> stays text.</p>
`

// fixture is a small site's content, new on every call so a test may
// change it: an article updated twice, one moved to a new slug, one with
// an explicit id, one withdrawn; two topics and a regulator.
func fixture() *content.Set {
	settings := content.Settings{
		Title:       "Care Regulation Bulletin",
		Description: "Dated updates on care regulation <in England> & beyond.",
		BaseURL:     baseURL,
		Language:    "en-GB",
		TimeZone:    "Europe/London",
		Location:    london,
		PageSize:    10,
		Regulators:  []content.Regulator{{Abbr: "CQC", Name: "Care Quality Commission", URL: "https://www.cqc.org.uk/"}},
		Statuses:    append([]content.Status(nil), content.DefaultStatuses...),
		IDAuthority: idAuthority,
	}
	articles := []*content.Article{
		{
			Meta: content.Meta{
				Title:      dirtyTitle,
				Summary:    dirtySummary,
				Date:       day("2025-03-27").Add(9*time.Hour + 30*time.Minute),
				Updated:    day("2025-04-10"),
				Topics:     []string{"ICS assessments"},
				Regulators: []string{"CQC"},
				Authors:    []string{"Bulletin editorial team"},
				Status:     "paused",
				// Oldest first, so the newest note is not simply the first.
				Changes: []content.Change{
					{Date: day("2025-04-02"), Note: olderNote},
					{Date: day("2025-04-10"), Note: newestNote},
				},
				Slug: updatedSlug,
			},
			HTML: updatedBody,
		},
		{
			Meta: content.Meta{
				Title:      "Failed transformation behind CQC's IT problems",
				Summary:    "An independent review found a failed transformation behind CQC's IT failures.",
				Date:       day("2025-03-28"),
				Topics:     []string{"CQC IT & transformation"},
				Regulators: []string{"CQC"},
				Status:     "reported",
				Slug:       movedSlug,
				Aliases:    []string{"/2025/03/cqc-it-review/", "/2025/03/cqc-it-failures/"},
			},
			HTML: "<p>The review, by Peter Gill, reported on 27 March 2025. <a href=\"/topics/cqc-it-transformation/\">More on CQC IT</a>.</p>\n",
		},
		{
			Meta: content.Meta{
				Title:   "Review of CQC's IT commissioned",
				Summary: "An independent review will look at CQC's poorly performing IT systems.",
				Date:    day("2025-02-01"),
				Updated: day("2025-04-05"),
				Changes: []content.Change{{Date: day("2025-04-05"), Note: "Added the review's terms of reference."}},
				Topics:  []string{"ICS assessments", "CQC IT & transformation"},
				Slug:    explicitSlug,
				ID:      explicitID,
			},
			HTML: "<p>The review will report in the spring. <img src=\"/images/cqc.png\" alt=\"\"></p>\n",
		},
		{
			Meta: content.Meta{
				Title:     `SAF rollout: 'every' provider "by April"`,
				Summary:   "CQC set out dates for moving every provider onto the Single Assessment Framework.",
				Date:      day("2025-01-15"),
				Topics:    []string{"CQC IT & transformation"},
				Withdrawn: &content.Withdrawal{Date: day("2025-03-01"), Explanation: "The dates were superseded by the IT review."},
				Slug:      withdrawnSlug,
			},
			HTML: "<p>Providers will move to the <a href=\"saf/\">Single Assessment Framework</a> in stages.</p>\n",
		},
	}
	for i, a := range articles {
		a.Path = fmt.Sprintf("articles/%s-%s.md", a.Date.Format("2006-01-02"), a.Slug)
		a.File = "content/" + a.Path
		a.Line = 1
		a.BodyLine = 20 + i
	}
	return &content.Set{Settings: settings, Articles: articles}
}

// article returns the fixture article with the given slug.
func article(t *testing.T, set *content.Set, slug string) *content.Article {
	t.Helper()
	for _, a := range set.Articles {
		if a.Slug == slug {
			return a
		}
	}
	t.Fatalf("fixture has no article %q", slug)
	return nil
}

// buildDay is when the fixture is built unless a test says otherwise:
// well after its newest change, so a feed dated by the build shows.
var buildDay = day("2026-01-15").Add(14 * time.Hour)

// build renders set as the site stands at now, and returns every file
// by its name in the output folder.
func build(t *testing.T, set *content.Set, now time.Time) map[string][]byte {
	t.Helper()
	s, err := site.New(set, nil, now)
	if err != nil {
		t.Fatalf("site.New: %v", err)
	}
	sink := &memSink{files: map[string][]byte{}}
	if err := Site(os.DirFS(filepath.Join(moduleRoot(t), "templates")), "templates", s, sink); err != nil {
		t.Fatalf("render.Site: %v", err)
	}
	return sink.files
}

// memSink keeps the files it is given in memory.
type memSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memSink) Write(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.files[name]; ok {
		return fmt.Errorf("%s written twice", name)
	}
	m.files[name] = bytes.Clone(data)
	return nil
}

// feedNames are the feed files among files, sorted.
func feedNames(files map[string][]byte) []string {
	var names []string
	for name := range files {
		switch filepath.Base(name) {
		case rssFile, atomFile, jsonFile:
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// moduleRoot is the folder of go.mod above the test's folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// absURL is a site path under base, as feeds must give it.
func absURL(base, p string) string {
	return strings.TrimSuffix(base, "/") + p
}
