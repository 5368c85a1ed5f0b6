package site

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
)

var london = mustLocation("Europe/London")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// testNow is the moment most builds run at.
var testNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// day is midnight of a date in the site's time zone, as content reads
// "2025-03-27".
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, london)
}

// month is an event date written as a month alone, as content reads "2024-05".
func month(y int, m time.Month) content.Date {
	return content.Date{Time: day(y, m, 1), MonthOnly: true}
}

func testSettings() content.Settings {
	return content.Settings{
		Title:       "Bulletin",
		BaseURL:     "https://bulletin.example.org/",
		Language:    "en-GB",
		TimeZone:    "Europe/London",
		Location:    london,
		PageSize:    3,
		Statuses:    slices.Clone(content.DefaultStatuses),
		IDAuthority: "bulletin.example.org",
		Regulators: []content.Regulator{
			{Abbr: "CQC", Name: "Care Quality Commission", URL: "https://www.cqc.org.uk/"},
			{Abbr: "DHSC", Name: "Department of Health and Social Care", URL: "https://www.gov.uk/dhsc"},
		},
	}
}

// article is a published-looking article with the fields every article has.
func article(slug string, date time.Time) *content.Article {
	return &content.Article{
		File: "content/articles/" + slug + ".md",
		Path: "articles/" + slug + ".md",
		Line: 1,
		Meta: content.Meta{Title: "Title of " + slug, Date: date, Slug: slug},
	}
}

// build runs New over the articles with test settings.
func build(t *testing.T, now time.Time, articles ...*content.Article) *Site {
	t.Helper()
	return buildSet(t, &content.Set{Settings: testSettings(), Articles: articles}, now)
}

func buildSet(t *testing.T, set *content.Set, now time.Time) *Site {
	t.Helper()
	s, err := New(set, nil, now)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// teaser is what articles and teasers share, for the helpers below.
type teaser interface{ *Article | *Teaser }

func urls[T teaser](articles []T) []string {
	out := make([]string, len(articles))
	for i, a := range articles {
		out[i] = teaserOf(a).URL
	}
	return out
}

func slugs[T teaser](articles []T) []string {
	out := make([]string, len(articles))
	for i, a := range articles {
		out[i] = teaserOf(a).Slug
	}
	return out
}

func teaserOf[T teaser](a T) *Teaser {
	switch v := any(a).(type) {
	case *Article:
		return &v.Teaser
	default:
		return v.(*Teaser)
	}
}

func find(t *testing.T, s *Site, slug string) *Article {
	t.Helper()
	for _, a := range s.Articles {
		if a.Slug == slug {
			return a
		}
	}
	t.Fatalf("no published article with slug %q; have %v", slug, slugs(s.Articles))
	return nil
}

func TestNewOrderAndURLs(t *testing.T) {
	tests := []struct {
		name     string
		articles []*content.Article
		want     []string // URLs, newest first
	}{
		{
			name:     "none",
			articles: nil,
			want:     []string{},
		},
		{
			name: "newest first whatever the file order",
			articles: []*content.Article{
				article("middle", day(2024, 5, 31)),
				article("oldest", day(2022, 5, 4)),
				article("newest", day(2025, 4, 8)),
			},
			want: []string{"/2025/04/newest/", "/2024/05/middle/", "/2022/05/oldest/"},
		},
		{
			name: "same day by URL",
			articles: []*content.Article{
				article("cqc-it-review", day(2025, 3, 27)),
				article("aaa-first", day(2025, 3, 27)),
				article("ics-paused", day(2025, 3, 27)),
			},
			want: []string{"/2025/03/aaa-first/", "/2025/03/cqc-it-review/", "/2025/03/ics-paused/"},
		},
		{
			name: "time of day counts",
			articles: []*content.Article{
				article("morning", time.Date(2025, 3, 27, 9, 30, 0, 0, london)),
				article("afternoon", time.Date(2025, 3, 27, 15, 0, 0, 0, london)),
			},
			want: []string{"/2025/03/afternoon/", "/2025/03/morning/"},
		},
		{
			name: "month is zero padded",
			articles: []*content.Article{
				article("january", day(2025, 1, 9)),
			},
			want: []string{"/2025/01/january/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, testNow, tt.articles...)
			if got := urls(s.Articles); !slices.Equal(got, tt.want) {
				t.Errorf("got URLs %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewDraftsAndHeld(t *testing.T) {
	// Midnight of 1 June 2025 in London (BST) is 23:00 UTC on 31 May;
	// midnight of 27 March 2025 (GMT) is 00:00 UTC.
	tests := []struct {
		name      string
		date      time.Time
		now       time.Time
		published bool
	}{
		{"day before in London", day(2025, 6, 1), time.Date(2025, 5, 31, 22, 59, 0, 0, time.UTC), false},
		{"day come in London, not yet in UTC", day(2025, 6, 1), time.Date(2025, 5, 31, 23, 0, 0, 0, time.UTC), true},
		{"later that day", day(2025, 6, 1), time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), true},
		{"winter: not yet", day(2025, 3, 27), time.Date(2025, 3, 26, 23, 59, 0, 0, time.UTC), false},
		{"winter: midnight", day(2025, 3, 27), time.Date(2025, 3, 27, 0, 0, 0, 0, time.UTC), true},
		{"time of day not yet come", time.Date(2025, 6, 1, 9, 30, 0, 0, london), time.Date(2025, 6, 1, 8, 29, 0, 0, time.UTC), false},
		{"time of day come", time.Date(2025, 6, 1, 9, 30, 0, 0, london), time.Date(2025, 6, 1, 8, 30, 0, 0, time.UTC), true},
		{"next year", day(2026, 1, 1), testNow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			future := article("future", tt.date)
			future.Topics = []string{"ICS assessments"}
			future.Aliases = []string{"/2025/05/future-old/"}
			s := build(t, tt.now, article("past", day(2025, 3, 1)), future)

			got := slices.Contains(slugs(s.Articles), "future")
			if got != tt.published {
				t.Fatalf("article dated %s, built at %s: got published %v, want %v", tt.date, tt.now, got, tt.published)
			}
			if held := len(s.Held) == 1 && s.Held[0] == future; held == tt.published {
				t.Errorf("got Held %v, want the article held back: %v", s.Held, !tt.published)
			}
			if got, want := len(s.Topics) == 1, tt.published; got != want {
				t.Errorf("got topics %v, want a topic for the article: %v", groupNames(s.Topics), want)
			}
			if got, want := len(s.Redirects) == 1, tt.published; got != want {
				t.Errorf("got redirects %v, want its alias: %v", s.Redirects, want)
			}
		})
	}
}

func TestNewDraftsAppearNowhere(t *testing.T) {
	draft := article("draft", day(2025, 4, 1))
	draft.Draft = true
	draft.Topics = []string{"ICS assessments", "Draft only"}
	draft.Regulators = []string{"CQC"}
	draft.Aliases = []string{"/2025/03/draft-old/"}
	draft.Updated = day(2025, 5, 30)
	draft.Events = []content.Event{{Date: content.Date{Time: day(2025, 4, 1)}, Label: "Draft event", Status: "closed"}}
	// A draft may sit at a published article's URL: it is not published.
	twin := article("draft", day(2025, 4, 2))
	twin.Draft = true

	published := article("published", day(2025, 3, 27))
	published.Topics = []string{"ICS assessments"}
	published.Regulators = []string{"CQC"}
	published.Status = "paused"
	clash := article("draft", day(2025, 4, 20))

	s := build(t, testNow, draft, published, twin, clash)

	if got, want := s.Drafts, 2; got != want {
		t.Errorf("got Drafts %d, want %d", got, want)
	}
	if got, want := urls(s.Articles), []string{"/2025/04/draft/", "/2025/03/published/"}; !slices.Equal(got, want) {
		t.Errorf("got URLs %q, want %q", got, want)
	}
	for _, a := range s.Articles {
		if a.Content == draft || a.Content == twin {
			t.Errorf("draft %s published at %s", a.Content.File, a.URL)
		}
	}
	if got, want := groupNames(s.Topics), []string{"ICS assessments"}; !slices.Equal(got, want) {
		t.Errorf("got topics %q, want %q", got, want)
	}
	ics := s.Topics[0]
	if got, want := storyLabels(ics), []string{"Title of published"}; !slices.Equal(got, want) {
		t.Errorf("got story %q, want %q", got, want)
	}
	if ics.Status == nil || ics.Status.Key != "paused" {
		t.Errorf("got status %v, want paused (the draft's closed event left out)", ics.Status)
	}
	if len(s.Redirects) != 0 {
		t.Errorf("got redirects %v, want none", s.Redirects)
	}
	if got, want := s.Updated, day(2025, 4, 20); !got.Equal(want) {
		t.Errorf("got Updated %s, want %s (not the draft's update)", got, want)
	}
	if got := find(t, s, "published").Related; len(got) != 0 {
		t.Errorf("got related %q, want none", urls(got))
	}
}

func TestNewModifiedAndUpdated(t *testing.T) {
	edited := article("edited", day(2025, 3, 1))
	edited.Updated = day(2025, 5, 2)
	plain := article("plain", day(2025, 4, 1))
	s := build(t, testNow, edited, plain)

	if got, want := find(t, s, "edited").Modified, day(2025, 5, 2); !got.Equal(want) {
		t.Errorf("edited: got Modified %s, want %s", got, want)
	}
	if got, want := find(t, s, "plain").Modified, day(2025, 4, 1); !got.Equal(want) {
		t.Errorf("plain: got Modified %s, want %s", got, want)
	}
	if got, want := s.Updated, day(2025, 5, 2); !got.Equal(want) {
		t.Errorf("got site Updated %s, want %s", got, want)
	}
}

func TestNewIDs(t *testing.T) {
	const original = "tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused/"
	tests := []struct {
		name   string
		edit   func(a *content.Article, s *content.Settings)
		wantID string
	}{
		{
			name:   "as first published",
			edit:   func(a *content.Article, s *content.Settings) {},
			wantID: original,
		},
		{
			name: "edited",
			edit: func(a *content.Article, s *content.Settings) {
				a.Title = "CQC pauses ICS assessments again"
				a.Summary = "New summary."
				a.Updated = day(2025, 4, 2)
				a.Changes = []content.Change{{Date: day(2025, 4, 2), Note: "Corrected the dates."}}
				a.Topics = []string{"ICS assessments"}
			},
			wantID: original,
		},
		{
			name: "moved to a new slug",
			edit: func(a *content.Article, s *content.Settings) {
				a.Slug = "ics-assessments-paused-again"
				a.Aliases = []string{"/2025/03/ics-paused/"}
			},
			wantID: original,
		},
		{
			name: "moved twice",
			edit: func(a *content.Article, s *content.Settings) {
				a.Slug = "ics-assessments-paused-for-six-months"
				a.Aliases = []string{"/2025/03/ics-paused/", "/2025/03/ics-assessments-paused-again/"}
			},
			wantID: original,
		},
		{
			name: "moved, alias written without its last slash",
			edit: func(a *content.Article, s *content.Settings) {
				a.Slug = "ics-assessments-paused-again"
				a.Aliases = []string{"/2025/03/ics-paused"}
			},
			wantID: original,
		},
		{
			name: "site moved host",
			edit: func(a *content.Article, s *content.Settings) {
				s.BaseURL = "https://news.example.com/bulletin/"
			},
			wantID: original,
		},
		{
			name: "published later the same day",
			edit: func(a *content.Article, s *content.Settings) {
				a.Date = time.Date(2025, 3, 27, 17, 45, 0, 0, london)
			},
			wantID: original,
		},
		{
			name: "id written in the front matter",
			edit: func(a *content.Article, s *content.Settings) {
				a.ID = "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"
				a.Slug = "renamed"
			},
			wantID: "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
		},
		{
			name: "moved from an address with a space and a percent sign",
			edit: func(a *content.Article, s *content.Settings) {
				a.Aliases = []string{"/old news/50%-off été/"}
			},
			wantID: "tag:bulletin.example.org,2025-03-27:/old%20news/50%25-off%20été/",
		},
		{
			name: "other authority",
			edit: func(a *content.Article, s *content.Settings) {
				s.IDAuthority = "example.com"
			},
			wantID: "tag:example.com,2025-03-27:/2025/03/ics-paused/",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2025, 3, 27))
			set := &content.Set{Settings: testSettings(), Articles: []*content.Article{a}}
			tt.edit(a, &set.Settings)
			s := buildSet(t, set, testNow)
			if got := s.Articles[0].ID; got != tt.wantID {
				t.Errorf("got ID %q, want %q", got, tt.wantID)
			}
		})
	}
}

func TestNewRedirects(t *testing.T) {
	moved := article("ics-assessments-paused-again", day(2025, 3, 27))
	moved.Aliases = []string{"/2025/03/ics-paused/", "/ics/"}
	other := article("cqc-it-review", day(2025, 3, 27))
	other.Aliases = []string{"/2025/03/cqc-it/"}
	s := build(t, testNow, moved, other)

	want := []Redirect{
		{From: "/2025/03/cqc-it/", To: "/2025/03/cqc-it-review/", Of: other},
		{From: "/2025/03/ics-paused/", To: "/2025/03/ics-assessments-paused-again/", Of: moved},
		{From: "/ics/", To: "/2025/03/ics-assessments-paused-again/", Of: moved},
	}
	if !slices.Equal(s.Redirects, want) {
		t.Errorf("got redirects %v, want %v", s.Redirects, want)
	}
}

func TestNewURLErrors(t *testing.T) {
	withSlugLine := func(a *content.Article, line int) *content.Article {
		a.Lines.Set("slug", line)
		return a
	}
	withAliases := func(a *content.Article, line int, aliases ...string) *content.Article {
		a.Aliases = aliases
		a.Lines.Set("aliases", line)
		return a
	}
	tests := []struct {
		name     string
		articles []*content.Article
		want     []content.Error
	}{
		{
			name: "two articles at one URL, slug from the file name",
			articles: []*content.Article{
				{File: "content/articles/2025-03-27-ics-paused.md", Line: 1, Meta: content.Meta{Title: "A", Date: day(2025, 3, 27), Slug: "ics-paused"}},
				{File: "content/articles/2025-03-01-ics-paused.md", Line: 1, Meta: content.Meta{Title: "B", Date: day(2025, 3, 1), Slug: "ics-paused"}},
			},
			want: []content.Error{
				{File: "content/articles/2025-03-01-ics-paused.md", Line: 1, Claimed: "/2025/03/ics-paused/", Rival: "content/articles/2025-03-27-ics-paused.md:1",
					Msg: "slug: /2025/03/ics-paused/ is also the URL of content/articles/2025-03-27-ics-paused.md:1 (made from its file name): choose another"},
			},
		},
		{
			name: "two articles at one URL, slug written",
			articles: []*content.Article{
				withSlugLine(&content.Article{File: "content/articles/b.md", Line: 1, Meta: content.Meta{Title: "B", Date: day(2025, 3, 27), Slug: "ics"}}, 7),
				withSlugLine(&content.Article{File: "content/articles/a.md", Line: 2, Meta: content.Meta{Title: "A", Date: day(2025, 3, 28), Slug: "ics"}}, 5),
			},
			want: []content.Error{
				{File: "content/articles/b.md", Line: 7, Claimed: "/2025/03/ics/", Rival: "content/articles/a.md:5",
					Msg: "slug: /2025/03/ics/ is also the URL of content/articles/a.md:5 (slug): choose another"},
			},
		},
		{
			name: "two files whose names differ only in Unicode form",
			articles: []*content.Article{
				{File: "content/articles/caf\u00e9.md", Line: 1, Meta: content.Meta{Title: "A", Date: day(2025, 3, 27), Slug: "cafe"}},
				{File: "content/articles/cafe\u0301.md", Line: 1, Meta: content.Meta{Title: "B", Date: day(2025, 3, 1), Slug: "cafe"}},
			},
			want: []content.Error{
				{File: "content/articles/cafe\u0301.md", Line: 1, Claimed: "/2025/03/cafe/", Rival: "content/articles/caf\u00e9.md:1",
					Msg: "slug: /2025/03/cafe/ is also the URL of content/articles/caf\u00e9.md:1 (made from its file name): choose another (the two file names look the same but differ in Unicode form: one is written with a letter and a separate accent mark, as macOS writes names; keep one of the two files)"},
			},
		},
		{
			name: "alias at another article's URL",
			articles: []*content.Article{
				article("cqc-it-review", day(2025, 3, 27)),
				withAliases(article("ics-paused", day(2025, 3, 27)), 9, "/2025/04/x/", "/2025/03/cqc-it-review/"),
			},
			want: []content.Error{
				{File: "content/articles/ics-paused.md", Line: 9, Claimed: "/2025/03/cqc-it-review/", Rival: "content/articles/cqc-it-review.md:1",
					Msg: "aliases: /2025/03/cqc-it-review/ is also the URL of content/articles/cqc-it-review.md:1 (made from its file name): choose another"},
			},
		},
		{
			name: "alias without its last slash at another article's URL",
			articles: []*content.Article{
				withAliases(article("ics-paused", day(2025, 3, 27)), 12, "/2025/03/cqc-it-review"),
				article("cqc-it-review", day(2025, 3, 26)),
			},
			want: []content.Error{
				{File: "content/articles/ics-paused.md", Line: 12, Claimed: "/2025/03/cqc-it-review/", Rival: "content/articles/cqc-it-review.md:1",
					Msg: "aliases: /2025/03/cqc-it-review/ is also the URL of content/articles/cqc-it-review.md:1 (made from its file name): choose another"},
			},
		},
		{
			name: "an alias at the article's own URL",
			articles: []*content.Article{
				withAliases(article("caps-story", day(2025, 5, 1)), 7, "/2025/05/caps-story/"),
			},
			want: []content.Error{
				{File: "content/articles/caps-story.md", Line: 7, Claimed: "/2025/05/caps-story/", Rival: "content/articles/caps-story.md:1",
					Msg: "aliases: /2025/05/caps-story/ is the article's own URL, which needs no alias: delete it"},
			},
		},
		{
			// The old system's address, in capitals: the slug keeps it.
			name: "an alias that differs from the article's own URL only in case",
			articles: []*content.Article{
				withAliases(article("caps-story", day(2025, 5, 1)), 7, "/2025/05/CAPS-STORY/"),
			},
			want: []content.Error{
				{File: "content/articles/caps-story.md", Line: 7, Claimed: "/2025/05/CAPS-STORY/", Rival: "content/articles/caps-story.md:1",
					Msg: "aliases: /2025/05/CAPS-STORY/ differs only in case or Unicode form from the article's own URL, /2025/05/caps-story/, and many hosts serve the two as one, so the two cannot both be kept: to keep the old address, give the article slug: CAPS-STORY; to keep its URL, which readers may have seen too, delete the alias"},
			},
		},
		{
			name: "two articles with one alias",
			articles: []*content.Article{
				withAliases(article("second", day(2025, 3, 20)), 4, "/old/"),
				withAliases(article("first", day(2025, 3, 27)), 6, "/old/"),
			},
			want: []content.Error{
				{File: "content/articles/second.md", Line: 4, Claimed: "/old/", Rival: "content/articles/first.md:6",
					Msg: "aliases: /old/ is also the URL of content/articles/first.md:6 (aliases): choose another"},
			},
		},
		{
			name: "every problem at once, sorted by file and line",
			articles: []*content.Article{
				withAliases(article("z", day(2025, 3, 27)), 8, "/2025/03/y/"),
				withSlugLine(&content.Article{File: "content/articles/a.md", Line: 1, Meta: content.Meta{Title: "A", Date: day(2025, 3, 1), Slug: "y"}}, 3),
				article("y", day(2025, 3, 2)),
			},
			want: []content.Error{
				{File: "content/articles/a.md", Line: 3, Claimed: "/2025/03/y/", Rival: "content/articles/y.md:1",
					Msg: "slug: /2025/03/y/ is also the URL of content/articles/y.md:1 (made from its file name): choose another"},
				{File: "content/articles/z.md", Line: 8, Claimed: "/2025/03/y/", Rival: "content/articles/y.md:1",
					Msg: "aliases: /2025/03/y/ is also the URL of content/articles/y.md:1 (made from its file name): choose another"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := &content.Set{Settings: testSettings(), Articles: tt.articles}
			s, err := New(set, nil, testNow)
			if err == nil {
				t.Fatalf("got site with URLs %q, want errors", urls(s.Articles))
			}
			var errs content.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got error %T %q, want content.Errors", err, err)
			}
			var got []content.Error
			for _, e := range errs {
				got = append(got, *e)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got errors:\n%s\nwant:\n%s", errorLines(got), errorLines(tt.want))
			}
		})
	}
}

func errorLines(es []content.Error) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "\t%s\n", e.Error())
	}
	return b.String()
}

// TestNewDeterministic builds the same content many times and in both
// file orders: map order must never reach the model.
func TestNewDeterministic(t *testing.T) {
	articles := func() []*content.Article {
		var out []*content.Article
		topics := [][]string{{"ICS assessments"}, {"ICS assessments", "Health and Care Act 2022"}, {"CQC IT"}, {"cqc it", "ICS assessments"}}
		regulators := [][]string{{"CQC"}, {"CQC", "DHSC"}, {"NHSE"}, {"DHSC"}, nil}
		for i := range 14 {
			a := article(fmt.Sprintf("story-%02d", i), day(2024, time.Month(1+i%12), 1+i%3))
			a.Topics = topics[i%len(topics)]
			a.Regulators = regulators[i%len(regulators)]
			a.Status = []string{"", "paused", "planned"}[i%3]
			a.Events = []content.Event{
				{Date: month(2024, 5), Label: "Rollout paused again for the general election", Status: "paused"},
				{Date: content.Date{Time: day(2024, 7, 4)}, Label: "General election"},
			}
			out = append(out, a)
		}
		return out
	}
	want := dump(build(t, testNow, articles()...))
	for i := range 20 {
		in := articles()
		if i%2 == 1 {
			slices.Reverse(in)
		}
		if got := dump(build(t, testNow, in...)); got != want {
			t.Fatalf("build %d differs from the first:\ngot:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// dump writes out every list of the site in order.
func dump(s *Site) string {
	var b strings.Builder
	for _, a := range s.Articles {
		fmt.Fprintf(&b, "%s %s topics=%v regulators=%v related=%v", a.URL, a.ID, refNames(a.Topics), refNames(a.Regulators), urls(a.Related))
		if a.Newer != nil {
			fmt.Fprintf(&b, " newer=%s via %s", a.Newer.URL, a.NewerTopic.Name)
		}
		b.WriteString("\n")
	}
	for _, g := range append(slices.Clone(s.Topics), s.Regulators...) {
		fmt.Fprintf(&b, "%s %s %s status=%s since=%s changes=%d articles=%v\n", g.URL, g.Name, g.FullName, statusKey(g.Status), g.Since.Time.Format(time.DateOnly), g.Changes, urls(g.Articles))
		for _, st := range g.Story {
			fmt.Fprintf(&b, "\t%s %q %s %s %v\n", st.Date.Time.Format(time.DateOnly), st.Label, statusKey(st.Status), st.Article.URL, st.Event)
		}
	}
	for _, y := range s.Years {
		for _, m := range y.Months {
			fmt.Fprintf(&b, "%s %s %v\n", y.URL, m.URL, urls(m.Articles))
		}
	}
	for _, p := range s.Timeline {
		fmt.Fprintf(&b, "%s %s %s %v\n", p.URL, p.Newer, p.Older, timelineURLs(p))
	}
	fmt.Fprintln(&b, s.Redirects)
	return b.String()
}

func TestNewHeldArticleClaimsItsURL(t *testing.T) {
	live := article("ics", day(2025, 3, 1))
	held := article("ics", day(2025, 3, 30))
	held.File, held.Path = "content/articles/later.md", "articles/later.md"
	_, err := New(&content.Set{Settings: testSettings(), Articles: []*content.Article{live, held}}, nil, day(2025, 3, 15))
	want := "content/articles/later.md:1: slug: /2025/03/ics/ is also the URL of content/articles/ics.md:1 (made from its file name): choose another"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v, want %s", err, want)
	}
}

func TestNewWithdrawalIsAContentChange(t *testing.T) {
	a := article("a", day(2025, 3, 1))
	a.Withdrawn = &content.Withdrawal{Date: day(2025, 4, 2), Explanation: "Replaced."}
	s := build(t, testNow, a)
	if got, want := s.Articles[0].Modified, day(2025, 4, 2); !got.Equal(want) {
		t.Errorf("got modified %s, want the withdrawal date %s", got, want)
	}
	if !s.Updated.Equal(day(2025, 4, 2)) {
		t.Errorf("got site updated %s, want the withdrawal date", s.Updated)
	}
}

// TestUntil checks that a site built at any moment before Until is the
// one built now, and that the site built at Until differs.
func TestUntil(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	withEvent := func(slug string, date time.Time, e content.Event) *content.Article {
		a := article(slug, date)
		a.Topics = []string{"ICS assessments"}
		a.Events = []content.Event{e}
		return a
	}
	tests := []struct {
		name     string
		articles []*content.Article
		want     time.Time
	}{
		{"a held-back article comes out", []*content.Article{article("past", day(2025, 3, 1)), article("future", day(2025, 6, 20))}, day(2025, 6, 20)},
		{"an event's day, with its status, passes", []*content.Article{withEvent("e", day(2025, 3, 1), content.Event{Date: content.Date{Time: day(2025, 6, 10)}, Label: "Consultation opens", Status: "consultation"})}, day(2025, 6, 11)},
		{"an event's day passes", []*content.Article{withEvent("e", day(2025, 3, 1), content.Event{Date: content.Date{Time: day(2025, 6, 1)}, Label: "Consultation opens"})}, day(2025, 6, 2)},
		{"an event's month passes", []*content.Article{withEvent("e", day(2025, 3, 1), content.Event{Date: month(2025, 6), Label: "Report due"})}, day(2025, 7, 1)},
		{"nothing in the future", []*content.Article{article("past", day(2025, 3, 1))}, time.Time{}},
	}
	state := func(s *Site) string {
		var b strings.Builder
		b.WriteString(dump(s))
		for _, a := range s.Held {
			fmt.Fprintln(&b, "held", a.Slug)
		}
		for _, g := range s.Topics {
			fmt.Fprintln(&b, g.Name, statusKey(g.Status), len(g.Upcoming))
		}
		return b.String()
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, now, tt.articles...)
			if !s.Until.Equal(tt.want) {
				t.Fatalf("Until = %v, want %v", s.Until, tt.want)
			}
			if tt.want.IsZero() {
				return
			}
			if before := build(t, s.Until.Add(-time.Nanosecond), tt.articles...); state(before) != state(s) {
				t.Errorf("the site built just before Until differs from the one built now")
			}
			if at := build(t, s.Until, tt.articles...); state(at) == state(s) {
				t.Errorf("the site built at Until is the one built now")
			}
		})
	}
}

// TestAppendDate wants the dates of URLs and feed ids written as
// time.Format writes them, in the date's own zone, for years of four
// digits and for those that are not.
func TestAppendDate(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range []time.Time{
		time.Date(2025, 3, 27, 9, 0, 0, 0, london),
		time.Date(2025, 10, 26, 1, 30, 0, 0, london), // the hour the clocks go back
		time.Date(2025, 3, 31, 23, 30, 0, 0, time.FixedZone("", -5*3600)),
		time.Date(999, 12, 31, 23, 0, 0, 0, london),
		time.Date(5, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(12025, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		if got, want := string(appendDate(nil, tm, '/', false)), tm.Format("2006/01"); got != want {
			t.Errorf("%v: month written %q, want %q", tm, got, want)
		}
		if got, want := string(appendDate(nil, tm, '-', true)), tm.Format("2006-01-02"); got != want {
			t.Errorf("%v: day written %q, want %q", tm, got, want)
		}
	}
}
