package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
)

func groupNames(gs []*Group) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.Name
	}
	return out
}

func refNames(gs []*Ref) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.Name
	}
	return out
}

func storyLabels(g *Group) []string {
	out := make([]string, len(g.Story))
	for i, st := range g.Story {
		out[i] = st.Label
	}
	return out
}

func statusKey(s *content.Status) string {
	if s == nil {
		return "none"
	}
	return s.Key
}

func findGroup(t *testing.T, gs []*Group, slug string) *Group {
	t.Helper()
	for _, g := range gs {
		if g.Slug == slug {
			return g
		}
	}
	t.Fatalf("no group with slug %q; have %v", slug, groupNames(gs))
	return nil
}

func TestGroups(t *testing.T) {
	a := article("a", day(2025, 3, 27))
	a.Topics = []string{"ICS assessments", "cqc IT"}
	a.Regulators = []string{"cqc", "DHSC"}
	b := article("b", day(2025, 4, 1))
	b.Topics = []string{"CQC IT", "CQC IT"} // once is enough
	b.Regulators = []string{"CQC", "Ofsted"}
	c := article("c", day(2024, 1, 1))
	c.Topics = []string{"ICS assessments"}
	set := &content.Set{
		Settings: testSettings(),
		Articles: []*content.Article{a, b, c},
		Topics: []*content.Page{
			{File: "content/topics/ics-assessments.md", Slug: "ics-assessments", Title: "ICS assessments (CQC)"},
			{File: "content/topics/adult-social-care.md", Slug: "adult-social-care", Title: "Adult social care"},
		},
		Regulators: []*content.Page{
			{File: "content/regulators/dhsc.md", Slug: "dhsc", Title: "Department of Health and Social Care"},
			{File: "content/regulators/ofsted.md", Slug: "ofsted", Title: "Office for Standards in Education"},
		},
	}
	s := buildSet(t, set, testNow)

	type want struct {
		name, fullName, website, url string
		articles                     []string
		intro                        bool
	}
	tests := []struct {
		name   string
		groups []*Group
		want   []want
	}{
		{
			name:   "topics",
			groups: s.Topics,
			want: []want{
				{name: "Adult social care", fullName: "Adult social care", url: "/topics/adult-social-care/", articles: []string{}, intro: true},
				{name: "CQC IT", url: "/topics/cqc-it/", articles: []string{"b", "a"}},
				{name: "ICS assessments (CQC)", fullName: "ICS assessments (CQC)", url: "/topics/ics-assessments/", articles: []string{"a", "c"}, intro: true},
			},
		},
		{
			name:   "regulators",
			groups: s.Regulators,
			want: []want{
				{name: "CQC", fullName: "Care Quality Commission", website: "https://www.cqc.org.uk/", url: "/regulators/cqc/", articles: []string{"b", "a"}},
				{name: "DHSC", fullName: "Department of Health and Social Care", website: "https://www.gov.uk/dhsc", url: "/regulators/dhsc/", articles: []string{"a"}, intro: true},
				{name: "Ofsted", fullName: "Office for Standards in Education", url: "/regulators/ofsted/", articles: []string{"b"}, intro: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.groups) != len(tt.want) {
				t.Fatalf("got groups %q, want %d", groupNames(tt.groups), len(tt.want))
			}
			for i, g := range tt.groups {
				w := tt.want[i]
				got := want{g.Name, g.FullName, g.Website, g.URL, slugs(g.Articles), g.Intro != nil}
				if got.name != w.name || got.fullName != w.fullName || got.website != w.website || got.url != w.url ||
					!slices.Equal(got.articles, w.articles) || got.intro != w.intro {
					t.Errorf("group %d: got %+v, want %+v", i, got, w)
				}
			}
		})
	}

	t.Run("articles list their groups as they write them", func(t *testing.T) {
		a := find(t, s, "a")
		if got, want := refNames(a.Topics), []string{"ICS assessments (CQC)", "CQC IT"}; !slices.Equal(got, want) {
			t.Errorf("got topics %q, want %q", got, want)
		}
		if got, want := refNames(a.Regulators), []string{"CQC", "DHSC"}; !slices.Equal(got, want) {
			t.Errorf("got regulators %q, want %q", got, want)
		}
		if got, want := refNames(find(t, s, "b").Topics), []string{"CQC IT"}; !slices.Equal(got, want) {
			t.Errorf("b: got topics %q, want %q", got, want)
		}
	})
}

// TestGroupsRegulatorIntroOnly protects the regulator index: a regulator
// with an intro page but nothing published yet is still named by its
// abbreviation from site.yaml.
func TestGroupsRegulatorIntroOnly(t *testing.T) {
	set := &content.Set{
		Settings:   testSettings(),
		Articles:   []*content.Article{article("a", day(2025, 3, 27))},
		Regulators: []*content.Page{{File: "content/regulators/cqc.md", Slug: "cqc", Title: "Care Quality Commission"}},
	}
	s := buildSet(t, set, testNow)
	g := findGroup(t, s.Regulators, "cqc")
	if g.Name != "CQC" || g.FullName != "Care Quality Commission" || g.Website != "https://www.cqc.org.uk/" {
		t.Errorf("got name %q, full name %q, website %q; want CQC, Care Quality Commission, https://www.cqc.org.uk/", g.Name, g.FullName, g.Website)
	}
}

func TestGroupStory(t *testing.T) {
	election := content.Event{Date: month(2024, 5), Label: "Rollout paused again for the general election", Status: "paused"}
	tests := []struct {
		name     string
		articles func() []*content.Article
		want     []string // labels, oldest first
	}{
		{
			name: "articles and events in date order",
			articles: func() []*content.Article {
				a := article("a", day(2024, 5, 31))
				a.Title = "Paused for the election"
				a.Events = []content.Event{
					{Date: content.Date{Time: day(2024, 7, 4)}, Label: "General election"},
					{Date: content.Date{Time: day(2022, 4, 28)}, Label: "Royal Assent"},
				}
				b := article("b", day(2023, 12, 6))
				b.Title = "Pilots"
				return []*content.Article{a, b}
			},
			want: []string{"Royal Assent", "Pilots", "Paused for the election", "General election"},
		},
		{
			name: "month event sorts as its month",
			articles: func() []*content.Article {
				a := article("a", day(2024, 5, 2))
				a.Title = "Article of 2 May"
				a.Events = []content.Event{
					{Date: content.Date{Time: day(2024, 4, 30)}, Label: "30 April"},
					{Date: content.Date{Time: day(2024, 6, 1)}, Label: "1 June"},
					election,
				}
				return []*content.Article{a}
			},
			want: []string{"30 April", election.Label, "Article of 2 May", "1 June"},
		},
		{
			name: "month event before an article on the first of the month",
			articles: func() []*content.Article {
				a := article("a", day(2024, 5, 1))
				a.Title = "Article of 1 May"
				a.Events = []content.Event{election}
				return []*content.Article{a}
			},
			want: []string{election.Label, "Article of 1 May"},
		},
		{
			name: "event repeated in several articles appears once",
			articles: func() []*content.Article {
				a := article("a", day(2024, 5, 31))
				a.Title = "A"
				a.Events = []content.Event{election}
				b := article("b", day(2024, 10, 31))
				b.Title = "B"
				b.Events = []content.Event{election, {Date: content.Date{Time: day(2024, 10, 31)}, Label: "Pause extended"}}
				c := article("c", day(2023, 6, 14))
				c.Title = "C"
				c.Events = []content.Event{election, election}
				return []*content.Article{a, b, c}
			},
			want: []string{"C", election.Label, "A", "Pause extended", "B"},
		},
		{
			name: "same label on another date is another step",
			articles: func() []*content.Article {
				a := article("a", day(2024, 10, 31))
				a.Title = "A"
				a.Events = []content.Event{
					{Date: month(2024, 4), Label: "Paused"},
					{Date: month(2024, 5), Label: "Paused"},
				}
				return []*content.Article{a}
			},
			want: []string{"Paused", "Paused", "A"},
		},
		{
			name: "same date, other label is another step",
			articles: func() []*content.Article {
				a := article("a", day(2025, 3, 27))
				a.Title = "A"
				a.Events = []content.Event{{Date: content.Date{Time: day(2025, 3, 27)}, Label: "Review published"}}
				b := article("b", day(2025, 3, 28))
				b.Title = "B"
				b.Events = []content.Event{{Date: content.Date{Time: day(2025, 3, 27)}, Label: "DHSC withdraws its request"}}
				return []*content.Article{a, b}
			},
			want: []string{"DHSC withdraws its request", "Review published", "A", "B"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.articles()
			for _, a := range in {
				a.Topics = []string{"ICS assessments"}
			}
			s := build(t, testNow, in...)
			if got := storyLabels(s.Topics[0]); !slices.Equal(got, tt.want) {
				t.Errorf("got story %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGroupStoryRepeatedEventKeepsNewestReport(t *testing.T) {
	election := content.Event{Date: month(2024, 5), Label: "Rollout paused again for the general election", Status: "paused"}
	older := article("older", day(2023, 6, 14))
	older.Topics = []string{"ICS assessments"}
	older.Events = []content.Event{election}
	newer := article("newer", day(2024, 10, 31))
	newer.Topics = []string{"ICS assessments"}
	newer.Events = []content.Event{election}
	s := build(t, testNow, older, newer)

	var steps []*Step
	for _, st := range s.Topics[0].Story {
		if st.Event {
			steps = append(steps, st)
		}
	}
	if len(steps) != 1 {
		t.Fatalf("got %d event steps, want 1", len(steps))
	}
	st := steps[0]
	if !st.Date.MonthOnly || !st.Date.Time.Equal(day(2024, 5, 1)) {
		t.Errorf("got date %+v, want the month May 2024", st.Date)
	}
	if got, want := st.Article.Slug, "newer"; got != want {
		t.Errorf("got reported by %q, want %q", got, want)
	}
	if got, want := statusKey(st.Status), "paused"; got != want {
		t.Errorf("got status %s, want %s", got, want)
	}
}

func TestGroupStatus(t *testing.T) {
	type art struct {
		date      time.Time
		updated   time.Time
		status    string
		events    []content.Event
		withdrawn bool // withdrawn the day after it was published
	}
	ev := func(d content.Date, label, status string) content.Event {
		return content.Event{Date: d, Label: label, Status: status}
	}
	on := func(y int, m time.Month, d int) content.Date { return content.Date{Time: day(y, m, d)} }
	tests := []struct {
		name       string
		intro      string // the intro page's status; "-" for no intro page
		articles   []art
		wantStatus string
		wantSince  time.Time
		byEvent    bool // wantSince is an event's date, not that of the article that reported the status
		// wantConfirmed is the date of the newest step that gave the
		// status again, after wantSince.
		wantConfirmed time.Time
		wantChanges   int
		wantStale     bool // the intro page's status is warned of
	}{
		{
			name:       "no statuses anywhere",
			intro:      "-",
			articles:   []art{{date: day(2025, 1, 1)}},
			wantStatus: "none",
		},
		{
			name:  "newest article with a status",
			intro: "-",
			articles: []art{
				{date: day(2023, 6, 14), status: "planned"},
				{date: day(2024, 4, 2), status: "paused"},
				{date: day(2025, 1, 1)}, // no status: does not reset it
			},
			wantStatus:  "paused",
			wantSince:   day(2024, 4, 2),
			wantChanges: 1,
		},
		{
			name:  "newer event beats older article",
			intro: "-",
			articles: []art{
				{date: day(2023, 6, 14), status: "planned", events: []content.Event{ev(on(2024, 4, 2), "Delayed", "paused")}},
			},
			wantStatus:  "paused",
			wantSince:   day(2024, 4, 2),
			byEvent:     true,
			wantChanges: 1,
		},
		{
			name:  "newer article beats older event",
			intro: "-",
			articles: []art{
				{date: day(2025, 3, 27), status: "paused", events: []content.Event{ev(on(2022, 4, 28), "Royal Assent", "in-force")}},
			},
			wantStatus:  "paused",
			wantSince:   day(2025, 3, 27),
			wantChanges: 1,
		},
		{
			name:  "month event before an article later that month",
			intro: "-",
			articles: []art{
				{date: day(2024, 5, 31), status: "in-progress", events: []content.Event{ev(month(2024, 5), "Paused", "paused")}},
			},
			wantStatus:  "in-progress",
			wantSince:   day(2024, 5, 31),
			wantChanges: 1,
		},
		{
			name:  "month event after an article of the month before",
			intro: "-",
			articles: []art{
				{date: day(2024, 4, 30), status: "in-progress", events: []content.Event{ev(month(2024, 5), "Paused", "paused")}},
			},
			wantStatus:  "paused",
			wantSince:   day(2024, 5, 1),
			byEvent:     true,
			wantChanges: 1,
		},
		{
			name:  "same status again keeps the first date",
			intro: "-",
			articles: []art{
				{date: day(2024, 1, 10), status: "planned"},
				{date: day(2024, 4, 2), status: "paused"},
				{date: day(2024, 10, 31), status: "paused"},
				{date: day(2025, 3, 27), status: "paused", events: []content.Event{ev(on(2026, 4, 1), "Still to come", "paused")}},
			},
			wantStatus:    "paused",
			wantSince:     day(2024, 4, 2),
			wantConfirmed: day(2025, 3, 27),
			wantChanges:   1,
		},
		{
			name:  "back and forth",
			intro: "-",
			articles: []art{
				{date: day(2024, 1, 10), status: "planned"},
				{date: day(2024, 4, 2), status: "paused"},
				{date: day(2024, 5, 2), status: "paused"}, // confirms a status left since
				{date: day(2024, 9, 1), status: "planned"},
			},
			wantStatus:  "planned",
			wantSince:   day(2024, 9, 1),
			wantChanges: 2,
		},
		{
			name:  "intro page's status wins, undated",
			intro: "paused",
			articles: []art{
				{date: day(2024, 1, 10), status: "planned"},
				{date: day(2025, 3, 27), status: "in-progress"},
			},
			wantStatus:  "paused",
			wantSince:   time.Time{}, // not "paused since 27 March", when the story says in progress
			wantChanges: 1,
			wantStale:   true,
		},
		{
			name:  "intro page agrees with the story",
			intro: "paused",
			articles: []art{
				{date: day(2024, 1, 10), status: "planned"},
				{date: day(2024, 4, 2), status: "paused"},
				{date: day(2025, 3, 27)},
			},
			wantStatus:  "paused",
			wantSince:   day(2024, 4, 2),
			wantChanges: 1,
		},
		{
			name:  "an event still to come does not set the status yet",
			intro: "-",
			articles: []art{
				{date: day(2025, 3, 27), status: "paused", events: []content.Event{ev(on(2026, 4, 1), "Assessments restart", "in-progress")}},
			},
			wantStatus:  "paused",
			wantSince:   day(2025, 3, 27),
			wantChanges: 0,
		},
		{
			name:  "an updated article's status counts from its update",
			intro: "-",
			articles: []art{
				{date: day(2023, 6, 14), updated: day(2025, 3, 28), status: "paused"},
				{date: day(2023, 12, 6), status: "piloting"},
			},
			wantStatus:  "paused",
			wantSince:   day(2025, 3, 28),
			wantChanges: 1,
		},
		{
			name:  "an event gives the date a status was reached",
			intro: "-",
			articles: []art{
				{date: day(2025, 3, 27), status: "reported", events: []content.Event{ev(on(2024, 7, 1), "The duty comes into force", "in-force")}},
			},
			wantStatus:  "reported",
			wantSince:   day(2025, 3, 27),
			wantChanges: 1,
		},
		{
			name:  "an event reaching the status the story ends in",
			intro: "-",
			articles: []art{
				{date: day(2025, 3, 27), events: []content.Event{ev(on(2024, 7, 1), "The duty comes into force", "in-force")}},
			},
			wantStatus: "in-force",
			wantSince:  day(2024, 7, 1),
			byEvent:    true,
		},
		{
			name:  "a withdrawn article's status and events take nothing back",
			intro: "-",
			articles: []art{
				{date: day(2024, 4, 2), status: "paused"},
				{date: day(2025, 4, 10), status: "in-progress", events: []content.Event{ev(on(2025, 4, 11), "Restart", "in-force")}, withdrawn: true},
			},
			wantStatus: "paused",
			wantSince:  day(2024, 4, 2),
		},
		{
			name:       "intro page's status with no articles",
			intro:      "in-force",
			wantStatus: "in-force",
		},
		{
			name:  "intro page without a status",
			intro: "",
			articles: []art{
				{date: day(2025, 3, 27), status: "reported"},
			},
			wantStatus: "reported",
			wantSince:  day(2025, 3, 27),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := &content.Set{Settings: testSettings()}
			for i, a := range tt.articles {
				c := article(string(rune('a'+i)), a.date)
				c.Topics = []string{"ICS assessments"}
				c.Status = a.status
				c.Events = a.events
				c.Updated = a.updated
				if a.withdrawn {
					c.Withdrawn = &content.Withdrawal{Date: a.date.AddDate(0, 0, 1), Explanation: "We misread the board paper."}
				}
				set.Articles = append(set.Articles, c)
			}
			if tt.intro != "-" {
				set.Topics = []*content.Page{{File: "content/topics/ics-assessments.md", Slug: "ics-assessments", Title: "ICS assessments", Status: tt.intro, StatusLine: 3}}
			}
			s := buildSet(t, set, testNow)
			g := findGroup(t, s.Topics, "ics-assessments")
			if got := statusKey(g.Status); got != tt.wantStatus {
				t.Errorf("got status %s, want %s", got, tt.wantStatus)
			}
			if got := g.Since.Time; !got.Equal(tt.wantSince) {
				t.Errorf("got since %s, want %s", got, tt.wantSince)
			}
			if got := g.Confirmed.Time; !got.Equal(tt.wantConfirmed) {
				t.Errorf("got confirmed %s, want %s", got, tt.wantConfirmed)
			}
			if want := !tt.wantSince.IsZero() && !tt.byEvent; g.Reported != want {
				t.Errorf("got reported %v, want %v: since is the date of %s", g.Reported, want, map[bool]string{true: "an article", false: "an event"}[want])
			}
			if g.Changes != tt.wantChanges {
				t.Errorf("got %d changes, want %d", g.Changes, tt.wantChanges)
			}
			if stale := len(s.Stale) > 0; stale != tt.wantStale {
				t.Errorf("intro page's status warned of: %v, want %v (%v)", stale, tt.wantStale, s.Stale)
			}
		})
	}
}

// A regulator's story mixes many matters: the status of its newest
// article is not the regulator's, and only its intro page can give one.
func TestRegulatorStatus(t *testing.T) {
	tests := []struct {
		name  string
		intro string // the intro page's status; "-" for no intro page
		want  string
	}{
		{name: "from its articles alone", intro: "-", want: "none"},
		{name: "intro page without a status", intro: "", want: "none"},
		{name: "intro page's status", intro: "in-force", want: "in-force"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("a", day(2025, 3, 1))
			a.Regulators = []string{"CQC"}
			a.Status = "paused"
			set := &content.Set{Settings: testSettings(), Articles: []*content.Article{a}}
			if tt.intro != "-" {
				set.Regulators = []*content.Page{{File: "content/regulators/cqc.md", Slug: "cqc", Title: "Care Quality Commission", Status: tt.intro}}
			}
			g := findGroup(t, buildSet(t, set, testNow).Regulators, "cqc")
			if got := statusKey(g.Status); got != tt.want {
				t.Errorf("got status %s, want %s", got, tt.want)
			}
			if !g.Since.Time.IsZero() || g.Changes != 0 {
				t.Errorf("got since %s and %d changes, want neither", g.Since.Time, g.Changes)
			}
		})
	}
}

func TestGroupUpdated(t *testing.T) {
	a := article("a", day(2025, 3, 1))
	a.Topics = []string{"ICS assessments"}
	a.Updated = day(2025, 5, 2)
	b := article("b", day(2025, 4, 1))
	b.Topics = []string{"ICS assessments"}
	s := build(t, testNow, a, b)
	if got, want := s.Topics[0].Updated, day(2025, 5, 2); !got.Equal(want) {
		t.Errorf("got Updated %s, want %s", got, want)
	}
}

// TestStoryMarks checks which steps of a topic's story are marked: the
// first status, then each new one; repeats, steps without a status and
// steps still to come (an event is to come until its day ends) are not.
// A regulator's story marks none. An article's status, and its events',
// count only on the story of its first topic.
func TestStoryMarks(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, london)
	event := func(slug string, date content.Date, status string, topics ...string) *content.Article {
		a := article(slug, day(2024, 1, 1))
		a.Topics = topics
		a.Events = []content.Event{{Date: date, Label: slug, Status: status}}
		return a
	}
	at := func(y int, m time.Month, d int) content.Date { return content.Date{Time: day(y, m, d)} }
	tests := []struct {
		name     string
		articles []*content.Article
		marks    string // per step after the article's own: F first status, C change, U upcoming, - nothing
		changes  int
		status   string
	}{
		{"no statuses", []*content.Article{event("a", at(2024, 2, 1), ""), event("b", month(2024, 3), "")}, "--", 0, "none"},
		{"one status repeated", []*content.Article{event("a", at(2024, 2, 1), "planned"), event("b", month(2024, 3), ""), event("c", at(2024, 4, 1), "planned")}, "F--", 0, "planned"},
		{"changes", []*content.Article{event("a", at(2024, 2, 1), "planned"), event("b", month(2024, 4), "paused"), event("c", at(2024, 5, 6), "paused"), event("d", at(2024, 6, 7), "planned")}, "FC-C", 2, "planned"},
		{"an event today is still to come", []*content.Article{event("a", at(2024, 2, 1), "planned"), event("b", at(2025, 6, 1), "paused")}, "FU", 0, "planned"},
		{"a second topic's events, and their statuses, are its first topic's", []*content.Article{event("a", at(2024, 2, 1), "planned", "Other", "T"), event("b", at(2024, 3, 1), "paused", "T")}, "F", 0, "paused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, a := range tt.articles {
				if a.Topics == nil {
					a.Topics = []string{"T"}
				}
			}
			g := findGroup(t, build(t, now, tt.articles...).Topics, "t")
			var marks strings.Builder
			for _, st := range g.Story {
				switch {
				case !st.Event:
					continue
				case st.First:
					marks.WriteString("F")
				case st.Change:
					marks.WriteString("C")
				case st.Upcoming:
					marks.WriteString("U")
				default:
					marks.WriteString("-")
				}
			}
			if marks.String() != tt.marks || g.Changes != tt.changes || statusKey(g.Status) != tt.status {
				t.Errorf("got marks %q, %d changes, status %s; want %q, %d, %s", marks.String(), g.Changes, statusKey(g.Status), tt.marks, tt.changes, tt.status)
			}
			if len(g.Reached) != g.Changes+min(len(g.Reached), 1) {
				t.Errorf("Reached has %d steps for %d changes", len(g.Reached), g.Changes)
			}
		})
	}
}

// TestGroupNamedAsMostWriteIt wants names that make one slug to be one
// group, named as most of its articles write it, and as the newest of
// them when spellings tie.
func TestGroupNamedAsMostWriteIt(t *testing.T) {
	tests := []struct {
		name    string
		written []string // newest first
		want    string
	}{
		{"the newest article writes it otherwise", []string{"ICS-assessments", "ICS assessments", "ICS assessments"}, "ICS assessments"},
		{"a tie goes to the newest", []string{"ICS-assessments", "ICS assessments"}, "ICS-assessments"},
		{"one way", []string{"Workforce", "Workforce"}, "Workforce"},
		{"one way in two Unicode forms", []string{"ＣＡＦＥ", "Caf\u00e9", "Cafe\u0301"}, "Caf\u00e9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var articles []*content.Article
			for i, name := range tt.written {
				a := article(fmt.Sprintf("a%d", i), day(2025, 3, 20-i))
				a.Topics = []string{name}
				articles = append(articles, a)
			}
			s := build(t, testNow, articles...)
			if len(s.Topics) != 1 || s.Topics[0].Name != tt.want {
				var got []string
				for _, g := range s.Topics {
					got = append(got, g.Name)
				}
				t.Errorf("topics %q, want one named %q", got, tt.want)
			}
		})
	}
}

// TestUpdateNote names the change an update made: the newest note, when
// it is dated on the update's day, and none when updated is later.
func TestUpdateNote(t *testing.T) {
	changes := []content.Change{{Date: day(2025, 3, 28), Note: "Added the response."}, {Date: day(2025, 3, 20), Note: "Fixed a date."}}
	for _, tt := range []struct {
		updated time.Time
		want    string
	}{
		{day(2025, 3, 28), "Added the response."},
		{day(2025, 3, 28).Add(15 * time.Hour), "Added the response."},
		{day(2025, 4, 2), ""},
	} {
		if got := updateNote(changes, tt.updated); got != tt.want {
			t.Errorf("updated %s: got %q, want %q", tt.updated, got, tt.want)
		}
	}
	if got := updateNote(nil, day(2025, 3, 28)); got != "" {
		t.Errorf("no changes: got %q, want none", got)
	}
}
