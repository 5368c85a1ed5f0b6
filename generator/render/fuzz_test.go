package render

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"path"
	"slices"
	"testing"
)

// fuzzFeed reads the entries of a feed in any of the three formats: the
// fields FuzzFeeds checks, as a reader decodes them.
type fuzzFeed struct {
	Entries []fuzzEntry `xml:"entry"`          // Atom
	Items   []fuzzEntry `xml:"channel>item"`   // RSS
	JSON    []fuzzEntry `json:"items" xml:"-"` // JSON Feed
}

type fuzzEntry struct {
	AtomID      string `xml:"id" json:"id"`
	GUID        string `xml:"guid" json:"-"`
	Title       string `xml:"title" json:"title"`
	Summary     string `xml:"summary" json:"summary"`
	Description string `xml:"description" json:"-"`
}

// FuzzFeeds puts arbitrary text in an article's title, summary, author
// and body and wants every feed of the site to stay well-formed XML or
// valid JSON, with the title and summary read back as written, less the
// characters XML 1.0 forbids (the summary after the article's newest
// change note).
func FuzzFeeds(f *testing.F) {
	for _, seed := range [][3]string{
		{dirtyTitle, dirtySummary, updatedBody},
		{"", "", ""},
		{"<script>alert(1)</script>", `"><script>alert(1)</script>`, "<script>alert(1)</script>"},
		{"]]>", "<![CDATA[ x ]]>", "<p>]]&gt;</p><![CDATA[ ]]>"},
		{"\x00\x01\x08\x0b\x0c\x1f\x7f", "\ufffe\uffff\ud7ff\ue000", "<p>\x00\x0b</p>"},
		{"\xff\xfe invalid", "caf\xe9", "<p>\xc3\x28</p>"},
		{"\r\n\t\r", "a\rb\r\nc", "<pre>\r\n</pre>"},
		{"&amp; &#0; &#x1; &lt;", "&nbsp;&", `<a href="&#0;">x</a>`},
		{"\u2028\u2029\u202e\u200b\ufeff", "\U0001F600\U0010FFFF", "<p>\U000E0001</p>"},
		{"--><!--", "'\"`", `<a href="%zz">bad escape</a> <img src="::"> <a href="javascript:alert(1)">x</a> <a href=">`},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, title, summary, body string) {
		set := fixture()
		a := article(t, set, updatedSlug)
		a.Title, a.Summary, a.HTML = title, summary, body
		a.Authors = []string{title}
		files := build(t, set, buildDay)
		id := wantIDs[updatedSlug]
		found := 0
		for _, name := range feedNames(files) {
			data := files[name]
			var feed fuzzFeed
			var entries []fuzzEntry
			if path.Ext(name) == ".json" {
				if err := json.Unmarshal(data, &feed); err != nil {
					t.Fatalf("%s: not valid JSON: %v\n%s", name, err, data)
				}
				entries = feed.JSON
			} else {
				if err := wellFormed(data); err != nil {
					t.Fatalf("%s: not well-formed XML: %v\n%s", name, err, data)
				}
				if err := xml.Unmarshal(data, &feed); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				entries = append(feed.Entries, feed.Items...)
			}
			for _, e := range entries {
				if e.AtomID != id && e.GUID != id {
					continue
				}
				found++
				gotSummary := e.Summary
				if path.Base(name) == rssFile {
					gotSummary = html.UnescapeString(e.Description)
				}
				if want := cleanText(title); e.Title != want {
					t.Errorf("%s: got title %q, want %q", name, e.Title, want)
				}
				if want := newestNotice + cleanText(summary); gotSummary != want {
					t.Errorf("%s: got summary %q, want %q", name, gotSummary, want)
				}
			}
		}
		want := 0
		for _, d := range feedDirs {
			if slices.Contains(d.articles, updatedSlug) {
				want += len(feedFormats)
			}
		}
		if found != want {
			t.Errorf("found the article in %d feed files, want %d", found, want)
		}
	})
}
