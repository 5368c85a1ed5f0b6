package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gofeedrss "github.com/mmcdole/gofeed/rss"

	"bulletin/generator/content"
)

// feedFormats are the three files of every feed, with gofeed's name for
// each format.
var feedFormats = []struct{ file, format string }{
	{rssFile, "rss"},
	{atomFile, "atom"},
	{jsonFile, "json"},
}

// articleURL is the site path of a fixture article not moved since.
func articleURL(t *testing.T, set *content.Set, slug string) string {
	t.Helper()
	a := article(t, set, slug)
	return "/" + a.Date.Format("2006/01") + "/" + a.Slug + "/"
}

// wantIDs are the entry ids of the fixture's articles: tag URIs of the
// first publication day and the original path, or the explicit id.
var wantIDs = map[string]string{
	updatedSlug:   "tag:bulletin.example.org,2025-03-27:/2025/03/ics-assessments-paused/",
	movedSlug:     "tag:bulletin.example.org,2025-03-28:/2025/03/cqc-it-review/",
	explicitSlug:  explicitID,
	withdrawnSlug: "tag:bulletin.example.org,2025-01-15:/2025/01/saf-rollout-dates/",
}

// newestNotice is what the updated article's summary starts with in
// every feed: its newest change note.
const newestNotice = "Updated 10 April 2025: " + newestNote + " "

// statusScheme is the scheme of the fixture's status categories: a tag
// URI of the feeds' fixed date, as feed ids are.
const statusScheme = "tag:" + idAuthority + ",2000:statuses"

// parseFeed reads a feed back as a feed reader would, keeping gofeed's
// format-specific result for the fields the universal one drops.
func parseFeed(t *testing.T, name string, data []byte) *gofeed.Feed {
	t.Helper()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	f, err := p.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: gofeed: %v", name, err)
	}
	return f
}

// feedsOf parses every feed file of a built site.
func feedsOf(t *testing.T, files map[string][]byte) map[string]*gofeed.Feed {
	t.Helper()
	out := map[string]*gofeed.Feed{}
	for _, name := range feedNames(files) {
		out[name] = parseFeed(t, name, files[name])
	}
	return out
}

// itemFor finds the item of the article at slug.
func itemFor(t *testing.T, name string, f *gofeed.Feed, slug string) *gofeed.Item {
	t.Helper()
	for _, it := range f.Items {
		if strings.HasSuffix(it.Link, "/"+slug+"/") {
			return it
		}
	}
	t.Fatalf("%s: no item links to the article %s", name, slug)
	return nil
}

func ids(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.GUID)
	}
	return out
}

func TestFeedsAreWellFormedAndParse(t *testing.T) {
	for _, base := range []string{baseURL, "https://example.org/bulletin/"} {
		set := fixture()
		set.Settings.BaseURL = base
		files := build(t, set, buildDay)
		var want []string
		for _, d := range feedDirs {
			for _, ff := range feedFormats {
				want = append(want, d.dir+ff.file)
			}
		}
		slices.Sort(want)
		if got := feedNames(files); !slices.Equal(got, want) {
			t.Errorf("base %s: got feeds %q, want %q", base, got, want)
		}
		for _, d := range feedDirs {
			for _, ff := range feedFormats {
				name := d.dir + ff.file
				data, ok := files[name]
				if !ok {
					continue
				}
				if ff.format == "json" {
					if !json.Valid(data) {
						t.Errorf("base %s: %s is not valid JSON", base, name)
					}
				} else {
					if err := wellFormed(data); err != nil {
						t.Errorf("base %s: %s is not well-formed XML: %v", base, name, err)
					}
				}
				for _, p := range forbiddenChars(data) {
					t.Errorf("base %s: %s: %s", base, name, p)
				}
				f := parseFeed(t, name, data)
				if f.FeedType != ff.format {
					t.Errorf("base %s: %s: gofeed reads it as %q, want %q", base, name, f.FeedType, ff.format)
				}
				var slugs []string
				for _, it := range f.Items {
					slugs = append(slugs, slugOf(it.Link))
				}
				if !slices.Equal(slugs, d.articles) {
					t.Errorf("base %s: %s: got items %q, want %q", base, name, slugs, d.articles)
				}
			}
		}
	}
}

func TestJSONFeedVersion(t *testing.T) {
	files := build(t, fixture(), buildDay)
	for _, d := range feedDirs {
		name := d.dir + jsonFile
		var doc struct {
			Version string `json:"version"`
		}
		if err := json.Unmarshal(files[name], &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := "https://jsonfeed.org/version/1.1"; doc.Version != want {
			t.Errorf("%s: got version %q, want %q", name, doc.Version, want)
		}
	}
}

func TestAtomFeedsMatchRFC4287Schema(t *testing.T) {
	jing := lookJing(t)
	schema := atomSchema(t)

	t.Run("rejects an invalid feed", func(t *testing.T) {
		// No id, no updated: if this passes, the check below proves nothing.
		bad := []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>` + "\n")
		if problems := validate(t, jing, schema, map[string][]byte{"bad.xml": bad}); len(problems) == 0 {
			t.Errorf("jing accepted a feed without id and updated")
		}
	})

	files := map[string][]byte{}
	for variant, set := range map[string]*content.Set{"plain": fixture(), "below-a-path": belowPath(fixture()), "with-hubs-and-sources": withFacts(fixture())} {
		built := build(t, set, buildDay)
		for _, d := range feedDirs {
			files[variant+"/"+d.dir+atomFile] = built[d.dir+atomFile]
		}
	}
	for _, p := range validate(t, jing, schema, files) {
		t.Error(p)
	}
}

func belowPath(set *content.Set) *content.Set {
	set.Settings.BaseURL = "https://example.org/bulletin/"
	return set
}

func TestFeedEntryIDsAreStable(t *testing.T) {
	base := feedsOf(t, build(t, fixture(), buildDay))
	for _, d := range feedDirs {
		var want []string
		for _, slug := range d.articles {
			want = append(want, wantIDs[slug])
		}
		for _, ff := range feedFormats {
			name := d.dir + ff.file
			if got := ids(base[name]); !slices.Equal(got, want) {
				t.Errorf("%s: got ids %q, want %q", name, got, want)
			}
		}
	}

	tests := []struct {
		name   string
		change func(t *testing.T, set *content.Set)
		now    time.Time
	}{
		{
			name: "rebuilt a year later",
			now:  buildDay.AddDate(1, 0, 0),
		},
		{
			name: "edited",
			change: func(t *testing.T, set *content.Set) {
				a := article(t, set, updatedSlug)
				a.Title = "ICS assessments paused until the autumn"
				a.Summary = "A new summary."
				a.HTML = "<p>A new first paragraph.</p>\n" + a.HTML
				a.Updated = day("2025-04-20")
				a.Changes = append(a.Changes, content.Change{Date: day("2025-04-20"), Note: "Added the minister's statement."})
			},
		},
		{
			name: "moved to a new slug",
			change: func(t *testing.T, set *content.Set) {
				a := article(t, set, withdrawnSlug)
				a.Aliases = []string{"/2025/01/" + a.Slug + "/"}
				a.Slug = "saf-rollout-dates-withdrawn"
				b := article(t, set, movedSlug)
				b.Aliases = append(b.Aliases, "/2025/03/"+b.Slug+"/")
				b.Slug = "cqc-it-review-final-report"
			},
		},
		{
			name:   "built for another host",
			change: func(t *testing.T, set *content.Set) { set.Settings.BaseURL = "https://news.example.com/" },
		},
		{
			name:   "built below a path",
			change: func(t *testing.T, set *content.Set) { belowPath(set) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := fixture()
			if tt.change != nil {
				tt.change(t, set)
			}
			now := buildDay
			if !tt.now.IsZero() {
				now = tt.now
			}
			got := feedsOf(t, build(t, set, now))
			for name, f := range base {
				if g, ok := got[name]; !ok {
					t.Errorf("%s: missing", name)
				} else if !slices.Equal(ids(g), ids(f)) {
					t.Errorf("%s: got ids %q, want %q as before", name, ids(g), ids(f))
				}
			}
		})
	}
}

// TestFeedIDsAreStable changes what a feed id taken from the articles
// would follow: the id of each Atom feed, and the scheme of its status
// categories, stay as they were.
func TestFeedIDsAreStable(t *testing.T) {
	feedIDs := func(t *testing.T, set *content.Set) map[string]string {
		t.Helper()
		out := map[string]string{}
		for name, f := range feedsOf(t, build(t, set, buildDay)) {
			if a, ok := f.OriginalFeed().(*atom.Feed); ok {
				out[name] = a.ID
				for _, e := range a.Entries {
					for _, c := range e.Categories {
						if strings.HasPrefix(c.Scheme, "tag:") {
							out[name+" status scheme"] = c.Scheme
						}
					}
				}
			}
		}
		return out
	}
	base := feedIDs(t, fixture())
	if got, want := base[atomFile], "tag:"+idAuthority+",2000:/"+atomFile; got != want {
		t.Errorf("%s: got id %q, want %q", atomFile, got, want)
	}
	oldest := func(set *content.Set) *content.Article {
		return slices.MinFunc(set.Articles, func(a, b *content.Article) int { return a.Date.Compare(b.Date) })
	}
	tests := []struct {
		name   string
		change func(set *content.Set)
	}{
		{"the oldest article deleted", func(set *content.Set) {
			set.Articles = slices.DeleteFunc(set.Articles, func(a *content.Article) bool { return a == oldest(set) })
		}},
		{"an older article moved in", func(set *content.Set) {
			a := *oldest(set)
			a.Date, a.Slug, a.ID, a.Aliases = a.Date.AddDate(-3, 0, 0), "from-the-old-system", "", nil
			set.Articles = append(set.Articles, &a)
		}},
		{"the oldest article's date corrected", func(set *content.Set) {
			a := oldest(set)
			a.Date = a.Date.AddDate(0, 0, -2)
		}},
		{"built for another host", func(set *content.Set) { set.Settings.BaseURL = "https://news.example.com/" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := fixture()
			tt.change(set)
			got := feedIDs(t, set)
			for name, id := range base {
				if got[name] != id {
					t.Errorf("%s: got %q, want %q as before", name, got[name], id)
				}
			}
		})
	}
}

func TestFeedUpdatedIsNewestContentChange(t *testing.T) {
	files := build(t, fixture(), buildDay)
	feeds := feedsOf(t, files)
	for _, d := range feedDirs {
		want := day(d.updated)

		a := feeds[d.dir+atomFile].OriginalFeed().(*atom.Feed)
		if got, err := time.Parse(time.RFC3339, a.Updated); err != nil || !got.Equal(want) {
			t.Errorf("%s: got updated %q, want %s", d.dir+atomFile, a.Updated, want.Format(time.RFC3339))
		}
		r := feeds[d.dir+rssFile].OriginalFeed().(*gofeedrss.Feed)
		if got, err := time.Parse(time.RFC1123Z, r.LastBuildDate); err != nil || !got.Equal(want) {
			t.Errorf("%s: got lastBuildDate %q, want %s", d.dir+rssFile, r.LastBuildDate, want.Format(time.RFC1123Z))
		}
	}

	later := build(t, fixture(), buildDay.AddDate(1, 2, 3))
	for _, name := range feedNames(files) {
		if !bytes.Equal(files[name], later[name]) {
			t.Errorf("%s: differs when built later from the same content", name)
		}
	}
}

// TestEmptySiteFeeds builds a site with no article yet: its RSS feed
// gives no lastBuildDate rather than one in year 1, and every feed
// parses, with no entry.
func TestEmptySiteFeeds(t *testing.T) {
	set := fixture()
	set.Articles = nil
	files := build(t, set, buildDay)
	if bytes.Contains(files[rssFile], []byte("lastBuildDate")) {
		t.Errorf("%s gives a lastBuildDate with no article: %s", rssFile, files[rssFile])
	}
	for name, f := range feedsOf(t, files) {
		if len(f.Items) != 0 {
			t.Errorf("%s: %d items, want none", name, len(f.Items))
		}
	}
}

// TestEmptyTopicFeedIsDated keeps a topic's intro page after its last
// article has gone: its feeds, with no entry, are dated by the site's
// newest change, not by no date at all (year 1).
func TestEmptyTopicFeedIsDated(t *testing.T) {
	set := fixture()
	set.Topics = append(set.Topics, &content.Page{File: "content/topics/workforce.md", Path: "topics/workforce.md", Line: 1,
		Slug: "workforce", Title: "Workforce", Summary: "Staffing rules.", HTML: "<p>Staffing rules.</p>\n", Source: "workforce"})
	feeds := feedsOf(t, build(t, set, buildDay))
	want := day(feedDirs[0].updated)
	a, ok := feeds["topics/workforce/"+atomFile].OriginalFeed().(*atom.Feed)
	if !ok {
		t.Fatalf("topics/workforce/%s: no Atom feed", atomFile)
	}
	if got, err := time.Parse(time.RFC3339, a.Updated); err != nil || !got.Equal(want) || len(a.Entries) != 0 {
		t.Errorf("topics/workforce/%s: got updated %q and %d entries, want %s and none", atomFile, a.Updated, len(a.Entries), want.Format(time.RFC3339))
	}
	r := feeds["topics/workforce/"+rssFile].OriginalFeed().(*gofeedrss.Feed)
	if got, err := time.Parse(time.RFC1123Z, r.LastBuildDate); err != nil || !got.Equal(want) {
		t.Errorf("topics/workforce/%s: got lastBuildDate %q, want %s", rssFile, r.LastBuildDate, want.Format(time.RFC1123Z))
	}
}

func TestFeedEntryDates(t *testing.T) {
	set := fixture()
	feeds := feedsOf(t, build(t, set, buildDay))
	for _, d := range feedDirs {
		for _, slug := range d.articles {
			c := article(t, set, slug)
			published, modified := c.Date, c.Date
			if !c.Updated.IsZero() {
				modified = c.Updated
			}
			if c.Withdrawn != nil && c.Withdrawn.Date.After(modified) {
				modified = c.Withdrawn.Date // a withdrawal is a content change
			}
			for _, ff := range feedFormats {
				name := d.dir + ff.file
				it := itemFor(t, name, feeds[name], slug)
				if it.PublishedParsed == nil || !it.PublishedParsed.Equal(published) {
					t.Errorf("%s: %s: got published %q, want %s", name, slug, it.Published, published.Format(time.RFC3339))
				}
				if ff.format == "rss" {
					continue // RSS has no modified date
				}
				if it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(modified) {
					t.Errorf("%s: %s: got updated %q, want %s", name, slug, it.Updated, modified.Format(time.RFC3339))
				}
			}
		}
	}
}

func TestRSSGuidsDatesAndSelfLink(t *testing.T) {
	feeds := feedsOf(t, build(t, fixture(), buildDay))
	for _, d := range feedDirs {
		name := d.dir + rssFile
		r := feeds[name].OriginalFeed().(*gofeedrss.Feed)
		for _, it := range r.Items {
			if it.GUID == nil || it.GUID.IsPermalink != "false" || it.GUID.Value == "" {
				t.Errorf("%s: %s: got guid %+v, want an id with isPermaLink=\"false\"", name, it.Link, it.GUID)
			}
			// RFC 822 (as RFC 1123 updates it) with a numeric zone.
			if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
				t.Errorf("%s: %s: pubDate %q is not an RFC 822 date: %v", name, it.Link, it.PubDate, err)
			}
		}
		wantSelf := map[string]string{"rel": "self", "href": absURL(baseURL, "/"+d.dir+rssFile), "type": "application/rss+xml"}
		var links []map[string]string
		for _, l := range r.Extensions["atom"]["link"] {
			links = append(links, l.Attrs)
		}
		if !slices.ContainsFunc(links, func(l map[string]string) bool { return fmt.Sprint(l) == fmt.Sprint(wantSelf) }) {
			t.Errorf("%s: got atom:link %v, want %v", name, links, wantSelf)
		}
	}
}

func TestAtomLinksAndCategories(t *testing.T) {
	set := fixture()
	feeds := feedsOf(t, build(t, set, buildDay))
	wantTerms := map[string][]string{
		updatedSlug:   {"cqc", "ics-assessments"},
		movedSlug:     {"cqc", "cqc-it-transformation"},
		explicitSlug:  {"cqc-it-transformation", "ics-assessments"},
		withdrawnSlug: {"cqc-it-transformation"},
	}
	// Statuses are categories of a scheme of their own, as "term label".
	wantStatus := map[string][]string{
		updatedSlug: {"paused Paused"},
		movedSlug:   {"reported Reported"},
	}
	wantNames := map[string][]string{
		updatedSlug:   {"CQC", "ICS assessments"},
		movedSlug:     {"CQC", "CQC IT & transformation"},
		explicitSlug:  {"CQC IT & transformation", "ICS assessments"},
		withdrawnSlug: {"CQC IT & transformation"},
	}
	for _, d := range feedDirs {
		name := d.dir + atomFile
		a := feeds[name].OriginalFeed().(*atom.Feed)
		want := []string{
			"self " + absURL(baseURL, "/"+d.dir+atomFile) + " application/atom+xml",
			"alternate " + absURL(baseURL, "/"+d.dir) + " text/html",
		}
		var got []string
		for _, l := range a.Links {
			got = append(got, l.Rel+" "+l.Href+" "+l.Type)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: got links %q, want %q", name, got, want)
		}
		for _, e := range a.Entries {
			var slug string
			if len(e.Links) > 0 {
				slug = slugOf(e.Links[0].Href)
			}
			if e.Published == "" || e.Updated == "" {
				t.Errorf("%s: %s: got published %q, updated %q, want both", name, slug, e.Published, e.Updated)
			}
			wantAlt := absURL(baseURL, articleURL(t, set, slug))
			if !slices.ContainsFunc(e.Links, func(l *atom.Link) bool { return l.Rel == "alternate" && l.Href == wantAlt }) {
				t.Errorf("%s: %s: no rel=alternate link to %s", name, slug, wantAlt)
			}
			var terms, statuses []string
			for _, c := range e.Categories {
				if c.Label == "" || c.Scheme == "" {
					t.Errorf("%s: %s: category %+v has no label or scheme", name, slug, c)
				}
				if c.Scheme == statusScheme {
					statuses = append(statuses, c.Term+" "+c.Label)
					continue
				}
				terms = append(terms, c.Term)
			}
			if want := wantStatus[slug]; !slices.Equal(statuses, want) {
				t.Errorf("%s: %s: got status categories %q, want %q", name, slug, statuses, want)
			}
			slices.Sort(terms)
			if !slices.Equal(terms, wantTerms[slug]) {
				t.Errorf("%s: %s: got category terms %q, want %q", name, slug, terms, wantTerms[slug])
			}
		}
		// RSS categories and JSON Feed tags carry the names and the
		// status's label, as Atom's categories do: RSS's status in its
		// own domain, JSON Feed's as one more tag, having no scheme.
		for _, it := range feeds[d.dir+jsonFile].Items {
			slug := slugOf(it.Link)
			want := slices.Clone(wantNames[slug])
			for _, st := range wantStatus[slug] {
				want = append(want, st[strings.Index(st, " ")+1:])
			}
			slices.Sort(want)
			got := slices.Sorted(slices.Values(it.Categories))
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s: got tags %q, want %q", d.dir+jsonFile, slug, got, want)
			}
		}
		for _, it := range feeds[d.dir+rssFile].OriginalFeed().(*gofeedrss.Feed).Items {
			slug := slugOf(it.Link)
			var names, statuses []string
			for _, c := range it.Categories {
				if c.Domain == statusScheme {
					statuses = append(statuses, c.Value)
				} else {
					names = append(names, c.Value)
				}
			}
			slices.Sort(names)
			if !slices.Equal(names, wantNames[slug]) {
				t.Errorf("%s: %s: got categories %q, want %q", d.dir+rssFile, slug, names, wantNames[slug])
			}
			var want []string
			for _, st := range wantStatus[slug] {
				want = append(want, st[strings.Index(st, " ")+1:])
			}
			if !slices.Equal(statuses, want) {
				t.Errorf("%s: %s: got status categories %q, want %q", d.dir+rssFile, slug, statuses, want)
			}
		}
	}
}

// slugOf is the last segment of an article URL's path.
func slugOf(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	return path.Base(u.Path)
}

func TestFeedEntryContent(t *testing.T) {
	tests := []struct {
		slug        string
		wantPrefix  string // what the entry's HTML starts with
		wantAlso    []string
		wantNot     []string
		wantSummary string // as a reader shows it: what changed last first
	}{
		{
			slug:        updatedSlug,
			wantPrefix:  "<p><strong>Updated 10 April 2025:</strong> " + html.EscapeString(newestNote) + "</p>\n<p><strong>Status:</strong> Paused</p>\n<p>CQC has paused ",
			wantAlso:    []string{"stays text", "What happens next"},
			wantNot:     []string{olderNote, html.EscapeString(olderNote)},
			wantSummary: newestNotice + cleanSummary,
		},
		{
			slug:        explicitSlug,
			wantPrefix:  "<p><strong>Updated 5 April 2025:</strong> Added the review's terms of reference.</p>\n<p>The review will report",
			wantSummary: "Updated 5 April 2025: Added the review's terms of reference. An independent review will look at CQC's poorly performing IT systems.",
		},
		{
			slug:        movedSlug,
			wantPrefix:  "<p><strong>Status:</strong> Reported</p>\n<p>The review, by Peter Gill",
			wantSummary: "An independent review found a failed transformation behind CQC's IT failures.",
		},
		{
			slug:        withdrawnSlug,
			wantPrefix:  "<p><strong>Withdrawn 1 March 2025:</strong> The dates were superseded by the IT review.</p>\n<p>Providers will move",
			wantSummary: "Withdrawn 1 March 2025: The dates were superseded by the IT review. CQC set out dates for moving every provider onto the Single Assessment Framework.",
		},
	}
	set := fixture()
	feeds := feedsOf(t, build(t, set, buildDay))
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			for _, d := range feedDirs {
				if !slices.Contains(d.articles, tt.slug) {
					continue
				}
				for _, ff := range feedFormats {
					name := d.dir + ff.file
					it := itemFor(t, name, feeds[name], tt.slug)
					if !strings.HasPrefix(it.Content, tt.wantPrefix) {
						t.Errorf("%s: content starts %q, want %q", name, it.Content[:min(len(it.Content), len(tt.wantPrefix)+20)], tt.wantPrefix)
					}
					for _, s := range tt.wantAlso {
						if !strings.Contains(it.Content, s) {
							t.Errorf("%s: content lacks %q", name, s)
						}
					}
					for _, s := range tt.wantNot {
						if strings.Contains(it.Content, s) {
							t.Errorf("%s: content has %q, want only the newest change note", name, s)
						}
					}
					if got := summaryText(name, it.Description); got != tt.wantSummary {
						t.Errorf("%s: got summary %q, want %q", name, got, tt.wantSummary)
					}
				}
			}
		})
	}
}

// TestWithdrawnEntry wants a withdrawn article's entry, in every feed
// and format that carries it, titled as withdrawn and telling no status,
// which no longer counts: not as a category, not in its content.
func TestWithdrawnEntry(t *testing.T) {
	set := fixture()
	a := article(t, set, withdrawnSlug)
	a.Status = "paused"
	feeds := feedsOf(t, build(t, set, buildDay))
	carried := 0
	for _, d := range feedDirs {
		if !slices.Contains(d.articles, withdrawnSlug) {
			continue
		}
		for _, ff := range feedFormats {
			name := d.dir + ff.file
			it := itemFor(t, name, feeds[name], withdrawnSlug)
			carried++
			if want := "[Withdrawn] " + a.Title; it.Title != want {
				t.Errorf("%s: title %q, want %q", name, it.Title, want)
			}
			if slices.Contains(it.Categories, "Paused") {
				t.Errorf("%s: categories %q hold the status of a withdrawn article", name, it.Categories)
			}
			if strings.Contains(it.Content, "Status:") {
				t.Errorf("%s: content tells the status of a withdrawn article: %.200q", name, it.Content)
			}
		}
	}
	if carried == 0 {
		t.Fatal("no feed carries the withdrawn article")
	}
}

// TestNoticeLead wants a notice led by its label and date, but by its
// date alone where its text starts with the label, which would read
// twice ("Updated 28 March 2025: Updated for the news").
func TestNoticeLead(t *testing.T) {
	at := time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ label, text, want string }{
		{"Updated", "Added DHSC's response.", "Updated 28 March 2025"},
		{"Updated", "Updated for the news of 27 March.", "28 March 2025"},
		{"Updated", " updated: a typo fixed", "28 March 2025"},
		{"Updated", "Updates to the dates.", "Updated 28 March 2025"},
		{"Withdrawn", "Withdrawn, as superseded.", "28 March 2025"},
	} {
		if got := (notice{label: tt.label, date: at, text: tt.text}).lead(); got != tt.want {
			t.Errorf("%s %q: lead %q, want %q", tt.label, tt.text, got, tt.want)
		}
	}
}

// summaryText is the summary as a reader shows it: RSS descriptions are
// HTML, as RSS 2.0 defines them, so their text is escaped for HTML, where
// Atom's and JSON's is plain.
func summaryText(feedName, description string) string {
	if strings.HasSuffix(feedName, "feed.xml") {
		return html.UnescapeString(description)
	}
	return description
}

// cleanText drops what XML 1.0 forbids from the fixture's text.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if !xmlChar(r) {
			return -1
		}
		return r
	}, s)
}

func TestFeedTextKeepsCharactersXMLForbidsOut(t *testing.T) {
	feeds := feedsOf(t, build(t, fixture(), buildDay))
	for _, d := range feedDirs {
		if !slices.Contains(d.articles, updatedSlug) {
			continue
		}
		for _, ff := range feedFormats {
			name := d.dir + ff.file
			it := itemFor(t, name, feeds[name], updatedSlug)
			if it.Title != cleanTitle {
				t.Errorf("%s: got title %q, want %q", name, it.Title, cleanTitle)
			}
			if got, want := summaryText(name, it.Description), newestNotice+cleanSummary; got != want {
				t.Errorf("%s: got summary %q, want %q", name, got, want)
			}
		}
	}
	if got, want := cleanText(dirtyTitle), cleanTitle; got != want {
		t.Errorf("fixture: cleanText(%q) = %q, want %q", dirtyTitle, got, want)
	}
}

func TestFeedURLsAreAbsolute(t *testing.T) {
	for _, base := range []string{baseURL, "https://example.org/bulletin/"} {
		t.Run(base, func(t *testing.T) {
			set := fixture()
			set.Settings.BaseURL = base
			page := absURL(base, articleURL(t, set, updatedSlug))
			wantInBody := []string{
				absURL(base, "/topics/ics-assessments/"),
				absURL(base, "/2025/02/earlier-pause/"),
				page + "#next",
				"https://www.cqc.org.uk/",
				"https://www.gov.uk/dhsc?x=1&y=2",
				page + "timeline.png",
				"mailto:editor@example.org",
			}
			files := build(t, set, buildDay)
			for name, f := range feedsOf(t, files) {
				if !strings.HasPrefix(f.Link, base) {
					t.Errorf("%s: got link %q, want one under %s", name, f.Link, base)
				}
				for _, it := range f.Items {
					if !strings.HasPrefix(it.Link, base) {
						t.Errorf("%s: got item link %q, want one under %s", name, it.Link, base)
					}
					urls := bodyURLs(it.Content)
					for _, u := range urls {
						if !absolute(u, base) {
							t.Errorf("%s: %s: got URL %q in the content, want an absolute one under %s", name, it.Link, u, base)
						}
					}
					if it.Link == page && !slices.Equal(urls, wantInBody) {
						t.Errorf("%s: %s: got URLs %q, want %q", name, it.Link, urls, wantInBody)
					}
				}
			}
		})
	}
}

var bodyURL = regexp.MustCompile(`\s(?:href|src)\s*=\s*"([^"]*)"`)

// bodyURLs are the link and image URLs of an entry's HTML, in order.
func bodyURLs(s string) []string {
	var out []string
	for _, m := range bodyURL.FindAllStringSubmatch(s, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// absolute reports whether s is an absolute URL that, when it points
// into the site's host, stays under the base URL's path.
func absolute(s, base string) bool {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return false
	}
	b, _ := url.Parse(base)
	if u.Host != b.Host {
		return true
	}
	return strings.HasPrefix(u.Path, b.Path)
}

// wellFormed decodes every token of an XML document.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// xmlChar reports whether XML 1.0 allows r (its production Char).
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

var charRef = regexp.MustCompile(`&#(x[0-9A-Fa-f]+|[0-9]+);|\\u([0-9A-Fa-f]{4})`)

// forbiddenChars describes each character XML 1.0 forbids in data, as it
// stands or as a character reference or JSON escape.
func forbiddenChars(data []byte) []string {
	var out []string
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			out = append(out, fmt.Sprintf("byte %d: not UTF-8", i))
		} else if !xmlChar(r) {
			out = append(out, fmt.Sprintf("byte %d: character %U", i, r))
		}
		i += n
	}
	for _, m := range charRef.FindAllSubmatch(data, -1) {
		var v int64
		switch {
		case len(m[2]) > 0:
			v, _ = strconv.ParseInt(string(m[2]), 16, 32)
			if v >= 0xD800 && v <= 0xDFFF {
				continue // half of a JSON surrogate pair
			}
		case m[1][0] == 'x':
			v, _ = strconv.ParseInt(string(m[1][1:]), 16, 32)
		default:
			v, _ = strconv.ParseInt(string(m[1]), 10, 32)
		}
		if !xmlChar(rune(v)) {
			out = append(out, fmt.Sprintf("%s stands for %U", m[0], v))
		}
	}
	return out
}

// TestRSSChannelDescriptionIsEscaped checks that a channel's description,
// which readers show as HTML as they do an item's, carries the site's
// description and a topic's summary as text, never as markup.
func TestRSSChannelDescriptionIsEscaped(t *testing.T) {
	set := fixture()
	set.Topics = []*content.Page{{Slug: "ics-assessments", Title: "ICS assessments", Summary: "Where <b>ICS</b> assessments & reviews stand."}}
	files := build(t, set, buildDay)
	for name, want := range map[string]string{
		rssFile:                             set.Settings.Description,
		"topics/ics-assessments/" + rssFile: "Where <b>ICS</b> assessments & reviews stand.",
	} {
		var feed struct {
			Description string `xml:"channel>description"`
		}
		if err := xml.Unmarshal(files[name], &feed); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := html.EscapeString(want); feed.Description != want {
			t.Errorf("%s: got channel description %q, want %q", name, feed.Description, want)
		}
	}
}

// TestFeedsStayASaneSize gives one article a body over the entry limit,
// and the feed a budget that the others' full text spends: every entry
// is still in every feed, those over the limit or the budget carried by
// their summary and a link to the article.
func TestFeedsStayASaneSize(t *testing.T) {
	set := fixture()
	set.Settings.FeedEntryKB, set.Settings.FeedKB = 1, 1
	huge := article(t, set, movedSlug)
	huge.HTML = "<p>" + strings.Repeat("A long body. ", 200) + "</p>\n"
	files := build(t, set, buildDay)
	feeds := feedsOf(t, files)
	for _, ff := range feedFormats {
		name := ff.file
		f := feeds[name]
		if len(f.Items) != len(fixtureSlugsInSiteFeed(t, set)) {
			t.Errorf("%s: %d entries, want every one", name, len(f.Items))
		}
		it := itemFor(t, name, f, movedSlug)
		if strings.Contains(it.Content, "A long body.") || !strings.Contains(it.Content, "Read the full article") || !strings.Contains(it.Content, articleURL(t, set, movedSlug)) {
			t.Errorf("%s: the entry over the limit carries %q, want its summary and a link", name, it.Content)
		}
		short := 0
		for _, it := range f.Items {
			if strings.Contains(it.Content, "Read the full article") {
				short++
			}
		}
		if short < 2 {
			t.Errorf("%s: %d entries carried by their summary, want the budget to have run out for more than the huge one", name, short)
		}
		if len(files[name]) > 1000+len(f.Items)*2000 {
			t.Errorf("%s is %d bytes, want it near its budget", name, len(files[name]))
		}
	}
}

// fixtureSlugsInSiteFeed lists the articles the whole site's feeds carry.
func fixtureSlugsInSiteFeed(t *testing.T, set *content.Set) []string {
	t.Helper()
	for _, d := range feedDirs {
		if d.dir == "" || d.dir == "/" {
			return d.articles
		}
	}
	t.Fatal("no site feed in feedDirs")
	return nil
}

// TestFeedCarriesTheLastChanged adds more newer articles than a feed
// carries: an older article updated after them all is still carried, by
// the site's feed and its regulator's, so that its subscribers hear of
// the correction, while an older one not changed since falls out.
func TestFeedCarriesTheLastChanged(t *testing.T) {
	set := fixture()
	for i := range feedSize + 10 {
		set.Articles = append(set.Articles, &content.Article{
			Meta: content.Meta{Title: fmt.Sprintf("Bulk %d", i), Summary: "More news.", Date: day("2025-05-01").AddDate(0, 0, i),
				Regulators: []string{"CQC"}, Topics: []string{"ICS assessments"}, Slug: fmt.Sprintf("bulk-%d", i)},
			HTML: "<p>More news.</p>\n",
		})
	}
	corrected := article(t, set, updatedSlug)
	corrected.Updated = day("2025-07-15")
	corrected.Changes = append(corrected.Changes, content.Change{Date: day("2025-07-15"), Note: "Corrected the start month."})
	feeds := feedsOf(t, build(t, set, buildDay))
	for _, dir := range []string{"", "regulators/cqc/"} {
		for _, ff := range feedFormats {
			name := dir + ff.file
			f := feeds[name]
			if len(f.Items) != feedSize {
				t.Errorf("%s: %d entries, want %d", name, len(f.Items), feedSize)
			}
			itemFor(t, name, f, updatedSlug)
			for _, it := range f.Items {
				if strings.HasSuffix(it.Link, "/"+movedSlug+"/") || strings.HasSuffix(it.Link, "/bulk-0/") {
					t.Errorf("%s carries %s, older and not changed since the %d changed last", name, it.Link, feedSize)
				}
			}
		}
	}
}
