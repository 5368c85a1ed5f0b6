package render

import (
	"bytes"
	"encoding/json"
	"html"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gofeedrss "github.com/mmcdole/gofeed/rss"

	"bulletin/generator/content"
)

// The hubs withFacts names, and the sources it gives the updated article.
var (
	testHubs = []string{"https://pubsubhubbub.appspot.com/", "http://127.0.0.1:8081/hub?name=a&b"}

	factSources = []content.Source{
		{Title: "DHSC's letter", URL: "https://www.gov.uk/dhsc?a=1&b=2", Publisher: "Department of Health & Social Care", Date: content.Date{Time: day("2025-03-27")}},
		{Title: "Our earlier report", URL: "/2025/02/earlier-pause/"},
		{Title: "A board paper", Publisher: "CQC", Date: content.Date{Time: day("2025-02-01"), MonthOnly: true}},
	}
	// wantSources is how the entry's HTML lists factSources: links made
	// absolute, the unlinked source as text, dates as the page gives them.
	wantSources = "<h2>Sources</h2>\n<ul>\n" +
		`<li><a href="https://www.gov.uk/dhsc?a=1&amp;b=2">DHSC's letter</a>, Department of Health &amp; Social Care, 27 March 2025</li>` + "\n" +
		`<li><a href="https://bulletin.example.org/2025/02/earlier-pause/">Our earlier report</a></li>` + "\n" +
		"<li>A board paper, CQC, February 2025</li>\n" +
		"</ul>\n"
)

// withFacts gives the fixture WebSub hubs, and the updated article
// sources and two authors.
func withFacts(set *content.Set) *content.Set {
	set.Settings.WebSubHubs = testHubs
	for _, a := range set.Articles {
		if a.Slug == updatedSlug {
			a.Sources = factSources
			a.Authors = []string{"Bulletin editorial team", "A. N. Other"}
		}
	}
	return set
}

func TestFeedsAdvertiseWebSubHubs(t *testing.T) {
	tests := []struct {
		name string
		hubs []string
	}{
		{name: "no hub", hubs: nil},
		{name: "one hub", hubs: testHubs[:1]},
		{name: "two hubs", hubs: testHubs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := fixture()
			set.Settings.WebSubHubs = tt.hubs
			files := build(t, set, buildDay)
			feeds := feedsOf(t, files)
			for _, d := range feedDirs {
				// Atom: self, the page, then each hub.
				name := d.dir + atomFile
				want := []string{"self " + absURL(baseURL, "/"+name), "alternate " + absURL(baseURL, "/"+d.dir)}
				for _, hub := range tt.hubs {
					want = append(want, "hub "+hub)
				}
				var got []string
				for _, l := range feeds[name].OriginalFeed().(*atom.Feed).Links {
					got = append(got, l.Rel+" "+l.Href)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: got links %q, want %q", name, got, want)
				}

				// RSS: atom:link to itself, then to each hub.
				name = d.dir + rssFile
				want = []string{"self " + absURL(baseURL, "/"+name)}
				for _, hub := range tt.hubs {
					want = append(want, "hub "+hub)
				}
				got = nil
				for _, l := range feeds[name].OriginalFeed().(*gofeedrss.Feed).Extensions["atom"]["link"] {
					got = append(got, l.Attrs["rel"]+" "+l.Attrs["href"])
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: got atom:link %q, want %q", name, got, want)
				}

				// JSON Feed 1.1: feed_url, and hubs of type WebSub.
				name = d.dir + jsonFile
				var doc struct {
					FeedURL string `json:"feed_url"`
					Hubs    []struct{ Type, URL string }
				}
				if err := json.Unmarshal(files[name], &doc); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if want := absURL(baseURL, "/"+name); doc.FeedURL != want {
					t.Errorf("%s: got feed_url %q, want %q", name, doc.FeedURL, want)
				}
				got, want = nil, nil
				for _, h := range doc.Hubs {
					got = append(got, h.Type+" "+h.URL)
				}
				for _, hub := range tt.hubs {
					want = append(want, "WebSub "+hub)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: got hubs %q, want %q", name, got, want)
				}
			}
		})
	}
}

// TestFeedItemsCarryTheFacts checks that every entry carries its
// article's status, sources and authors, and what changed last first,
// in its full text and in the summary and link that stand for a text
// over the budget alike.
func TestFeedItemsCarryTheFacts(t *testing.T) {
	tests := []struct {
		name   string
		change func(set *content.Set)
		full   bool // the entry carries the body
	}{
		{name: "full text", change: func(*content.Set) {}, full: true},
		{name: "over the budget", change: func(set *content.Set) { set.Settings.FeedEntryKB = 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := withFacts(fixture())
			tt.change(set)
			a := article(t, set, updatedSlug)
			a.HTML = "<p>" + strings.Repeat("A long body. ", 100) + "</p>\n"
			feeds := feedsOf(t, build(t, set, buildDay))
			wantHead := "<p><strong>Updated 10 April 2025:</strong> " + htmlText(newestNote) + "</p>\n<p><strong>Status:</strong> Paused</p>\n"
			for _, d := range feedDirs {
				if !slices.Contains(d.articles, updatedSlug) {
					continue
				}
				for _, ff := range feedFormats {
					name := d.dir + ff.file
					it := itemFor(t, name, feeds[name], updatedSlug)
					if !strings.HasPrefix(it.Content, wantHead) {
						t.Errorf("%s: content starts %q, want %q", name, it.Content[:min(len(it.Content), len(wantHead))], wantHead)
					}
					if !strings.HasSuffix(it.Content, wantSources) {
						t.Errorf("%s: content ends %q, want the sources %q", name, it.Content[max(0, len(it.Content)-len(wantSources)):], wantSources)
					}
					if got := strings.Contains(it.Content, "A long body."); got != tt.full {
						t.Errorf("%s: content has the body: %v, want %v", name, got, tt.full)
					}
					if got, want := summaryText(name, it.Description), newestNotice+cleanSummary; got != want {
						t.Errorf("%s: got summary %q, want %q", name, got, want)
					}
					if got, want := authors(t, name, feeds[name], it), a.Authors; !slices.Equal(got, want) {
						t.Errorf("%s: got authors %q, want %q", name, got, want)
					}
				}
				// Atom links each source with a URL as related.
				name := d.dir + atomFile
				var related []string
				for _, l := range atomEntryFor(t, name, feeds[name], updatedSlug).Links {
					if l.Rel == "related" {
						related = append(related, l.Href+" "+l.Title)
					}
				}
				want := []string{"https://www.gov.uk/dhsc?a=1&b=2 DHSC's letter", "https://bulletin.example.org/2025/02/earlier-pause/ Our earlier report"}
				if !slices.Equal(related, want) {
					t.Errorf("%s: got related links %q, want %q", name, related, want)
				}
			}
		})
	}
}

// TestFeedTextReadsAsTyped gives an article's title, summary, author,
// change note and source title the characters that XML and HTML escape,
// and wants each to read exactly as typed once a feed reader has parsed
// the feed and, for what RSS 2.0 and Atom's html content carry as HTML,
// read the HTML: never an entity that was escaped twice, as RSS
// descriptions had (&amp;#39; for an apostrophe).
func TestFeedTextReadsAsTyped(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		// once: the RSS file escapes nothing twice, which only holds
		// when the text does not itself look like an entity.
		once bool
	}{
		{name: "characters XML and HTML escape", typed: `Care & "support" <now> isn't 'over'`, once: true},
		{name: "text that looks like entities", typed: `Fish &amp; chips &#39;n&#x27; &lt;peas&gt; &nbsp;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typed := tt.typed
			set := withFacts(fixture())
			a := article(t, set, updatedSlug)
			a.Title, a.Summary, a.Authors = "Title: "+typed, "Summary: "+typed, []string{"Author: " + typed}
			a.Changes = []content.Change{{Date: day("2025-04-10"), Note: "Note: " + typed}}
			a.Sources = []content.Source{{Title: "Source: " + typed, URL: "https://www.gov.uk/x?a=1&b='2'"}}
			files := build(t, set, buildDay)
			feeds := feedsOf(t, files)
			wantSummary := "Updated 10 April 2025: Note: " + typed + ". Summary: " + typed
			for _, d := range feedDirs {
				if !slices.Contains(d.articles, updatedSlug) {
					continue
				}
				for _, ff := range feedFormats {
					name := d.dir + ff.file
					it := itemFor(t, name, feeds[name], updatedSlug)
					if want := "Title: " + typed; it.Title != want {
						t.Errorf("%s: got title %q, want %q", name, it.Title, want)
					}
					if got := summaryText(name, it.Description); got != wantSummary {
						t.Errorf("%s: got summary %q, want %q", name, got, wantSummary)
					}
					if got, want := authors(t, name, feeds[name], it), []string{"Author: " + typed}; !slices.Equal(got, want) {
						t.Errorf("%s: got authors %q, want %q", name, got, want)
					}
					// The content is HTML: its text reads as typed once
					// the HTML is read.
					for _, want := range []string{"Note: " + typed + "</p>", ">Source: " + typed + "</a>", `href="https://www.gov.uk/x?a=1&b='2'"`} {
						if !strings.Contains(html.UnescapeString(it.Content), want) {
							t.Errorf("%s: content %q, read as HTML, lacks %q", name, it.Content, want)
						}
					}
				}
				name := d.dir + rssFile
				if tt.once {
					// RSS's descriptions and content are HTML in CDATA
					// sections and the rest is text: nothing is escaped
					// twice, and what HTML text needs no escape for is
					// left as typed.
					for _, twice := range []string{"&amp;#", "&amp;amp;", "&amp;lt;", "&amp;quot;"} {
						if bytes.Contains(files[name], []byte(twice)) {
							t.Errorf("%s: has %q, an entity escaped twice", name, twice)
						}
					}
					for _, it := range feeds[name].OriginalFeed().(*gofeedrss.Feed).Items {
						if slugOf(it.Link) == updatedSlug && !strings.Contains(it.Description, `"support" &lt;now&gt; isn't 'over'`) {
							t.Errorf("%s: got description %q, want quotes and apostrophes as typed", name, it.Description)
						}
					}
				}
				name = d.dir + atomFile
				for _, l := range atomEntryFor(t, name, feeds[name], updatedSlug).Links {
					if want := "Source: " + typed; l.Rel == "related" && l.Title != want {
						t.Errorf("%s: got related link title %q, want %q", name, l.Title, want)
					}
				}
			}
		})
	}
}

// authors are the names of an item's authors as its format gives them:
// Atom's and JSON Feed's authors, RSS's dc:creator elements.
func authors(t *testing.T, name string, f *gofeed.Feed, it *gofeed.Item) []string {
	t.Helper()
	var out []string
	if f.FeedType == "rss" {
		for _, raw := range f.OriginalFeed().(*gofeedrss.Feed).Items {
			if raw.Link == it.Link {
				if raw.Author != "" {
					t.Errorf("%s: %s: got author %q, want none: RSS 2.0's author is an email address", name, it.Link, raw.Author)
				}
				if raw.DublinCoreExt != nil {
					out = raw.DublinCoreExt.Creator
				}
			}
		}
		return out
	}
	for _, p := range it.Authors {
		out = append(out, p.Name)
	}
	return out
}

// atomEntryFor finds the Atom entry of the article at slug.
func atomEntryFor(t *testing.T, name string, f *gofeed.Feed, slug string) *atom.Entry {
	t.Helper()
	for _, e := range f.OriginalFeed().(*atom.Feed).Entries {
		for _, l := range e.Links {
			if l.Rel == "alternate" && slugOf(l.Href) == slug {
				return e
			}
		}
	}
	t.Fatalf("%s: no entry links to the article %s", name, slug)
	return nil
}
