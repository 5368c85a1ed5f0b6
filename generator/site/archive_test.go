package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
)

// timelineURLs lists the URLs of a timeline page's articles, newest first.
func timelineURLs(p *Page) []string {
	var out []string
	for _, m := range p.Months {
		out = append(out, urls(m.Articles)...)
	}
	return out
}

func pageSlugs(p *Page) []string {
	var out []string
	for _, m := range p.Months {
		out = append(out, slugs(m.Articles)...)
	}
	return out
}

// numbered returns n articles one day apart, named by their place from
// the oldest: a01 is the oldest.
func numbered(n int) []*content.Article {
	out := make([]*content.Article, n)
	for i := range n {
		out[i] = article(fmt.Sprintf("a%02d", i+1), day(2024, 1, 1).AddDate(0, 0, 20*i))
	}
	return out
}

func TestYears(t *testing.T) {
	type month struct {
		url, label string
		slugs      []string
	}
	type year struct {
		url    string
		count  int
		months []month
	}
	tests := []struct {
		name     string
		articles []*content.Article
		want     []year
	}{
		{
			name: "none",
			want: []year{},
		},
		{
			name: "years and months newest first",
			articles: []*content.Article{
				article("election", day(2024, 5, 31)),
				article("it-review", day(2025, 3, 27)),
				article("reforms", day(2025, 4, 8)),
				article("paused-again", day(2025, 3, 27)),
				article("extended", day(2024, 10, 31)),
				article("act", day(2022, 5, 4)),
			},
			want: []year{
				{"/2025/", 3, []month{
					{"/2025/04/", "April 2025", []string{"reforms"}},
					{"/2025/03/", "March 2025", []string{"it-review", "paused-again"}},
				}},
				{"/2024/", 2, []month{
					{"/2024/10/", "October 2024", []string{"extended"}},
					{"/2024/05/", "May 2024", []string{"election"}},
				}},
				{"/2022/", 1, []month{
					{"/2022/05/", "May 2022", []string{"act"}},
				}},
			},
		},
		{
			// A date written in UTC just before midnight at the end of March
			// is already 1 April in London: it is newer than an article of
			// 1 April London time, but its URL, like its date, says March.
			name: "dates written with other offsets",
			articles: []*content.Article{
				article("utc-late", time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC)),
				article("april-first", day(2025, 4, 1)),
				article("mid-march", day(2025, 3, 15)),
			},
			want: []year{
				{"/2025/", 3, []month{
					{"/2025/04/", "April 2025", []string{"april-first"}},
					{"/2025/03/", "March 2025", []string{"utc-late", "mid-march"}},
				}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, testNow, tt.articles...)
			var got []year
			for _, y := range s.Years {
				gy := year{y.URL, y.Count, nil}
				for _, m := range y.Months {
					if m.Year != y.Year {
						t.Errorf("month %s in year %d", m.URL, y.Year)
					}
					gy.months = append(gy.months, month{m.URL, m.Label(), slugs(m.Articles)})
				}
				got = append(got, gy)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got years\n\t%v\nwant\n\t%v", got, tt.want)
			}
			for _, a := range s.Articles {
				if !urlInMonth(s, a) {
					t.Errorf("article %s is not in the archive of its URL's month", a.URL)
				}
			}
		})
	}
}

// TestArchiveNeighbours checks that each year and month links to the
// next newer and older ones that have articles, skipping empty ones.
func TestArchiveNeighbours(t *testing.T) {
	s := build(t, testNow,
		article("reforms", day(2025, 4, 8)),
		article("paused-again", day(2025, 3, 27)),
		article("extended", day(2024, 10, 31)),
		article("act", day(2022, 5, 4)),
	)
	label := func(n *Link, isNil bool) string {
		if isNil {
			return "-"
		}
		return n.Label
	}
	var years, months []string
	for _, y := range s.Years {
		years = append(years, fmt.Sprintf("%s<%s>%s", label(y.Newer, y.Newer == nil), y.Label(), label(y.Older, y.Older == nil)))
		for _, m := range y.Months {
			months = append(months, fmt.Sprintf("%s<%s>%s", label(m.Newer, m.Newer == nil), m.Label(), label(m.Older, m.Older == nil)))
		}
	}
	wantYears := []string{"-<2025>2024", "2025<2024>2022", "2024<2022>-"}
	wantMonths := []string{"-<April 2025>March 2025", "April 2025<March 2025>October 2024", "March 2025<October 2024>May 2022", "October 2024<May 2022>-"}
	if !slices.Equal(years, wantYears) {
		t.Errorf("got years %q, want %q", years, wantYears)
	}
	if !slices.Equal(months, wantMonths) {
		t.Errorf("got months %q, want %q", months, wantMonths)
	}
}

// urlInMonth reports whether a is listed in the month archive whose URL
// starts its own.
func urlInMonth(s *Site, a *Article) bool {
	for _, y := range s.Years {
		for _, m := range y.Months {
			if len(a.URL) > len(m.URL) && a.URL[:len(m.URL)] == m.URL {
				return slices.Contains(m.Articles, &a.Teaser)
			}
		}
	}
	return false
}

func TestTimeline(t *testing.T) {
	type page struct {
		url          string
		number       int
		slugs        []string
		newer, older string
		span         string
	}
	tests := []struct {
		name string
		n    int // articles, page size 3
		want []page
	}{
		{
			name: "no articles",
			n:    0,
			want: []page{{url: "/timeline/"}},
		},
		{
			name: "one",
			n:    1,
			want: []page{{"/timeline/", 0, []string{"a01"}, "", "", "January 2024"}},
		},
		{
			name: "one full page",
			n:    3,
			want: []page{{"/timeline/", 0, []string{"a03", "a02", "a01"}, "", "", "January 2024 to February 2024"}},
		},
		{
			name: "fewer than two pages, all on the first",
			n:    5,
			want: []page{{"/timeline/", 0, []string{"a05", "a04", "a03", "a02", "a01"}, "", "", "January 2024 to March 2024"}},
		},
		{
			name: "two full pages",
			n:    6,
			want: []page{
				{"/timeline/", 0, []string{"a06", "a05", "a04"}, "", "/timeline/page/1/", "March 2024 to April 2024"},
				{"/timeline/page/1/", 1, []string{"a03", "a02", "a01"}, "/timeline/", "", "January 2024 to February 2024"},
			},
		},
		{
			name: "the newest part page stays on the first",
			n:    8,
			want: []page{
				{"/timeline/", 0, []string{"a08", "a07", "a06", "a05", "a04"}, "", "/timeline/page/1/", "March 2024 to May 2024"},
				{"/timeline/page/1/", 1, []string{"a03", "a02", "a01"}, "/timeline/", "", "January 2024 to February 2024"},
			},
		},
		{
			name: "three full pages",
			n:    9,
			want: []page{
				{"/timeline/", 0, []string{"a09", "a08", "a07"}, "", "/timeline/page/2/", "April 2024 to June 2024"},
				{"/timeline/page/2/", 2, []string{"a06", "a05", "a04"}, "/timeline/", "/timeline/page/1/", "March 2024 to April 2024"},
				{"/timeline/page/1/", 1, []string{"a03", "a02", "a01"}, "/timeline/page/2/", "", "January 2024 to February 2024"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), numbered(tt.n)...)
			var got []page
			for _, p := range s.Timeline {
				got = append(got, page{p.URL, p.Number, pageSlugs(p), p.Newer, p.Older, p.Span()})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%d articles: got pages\n\t%v\nwant\n\t%v", tt.n, got, tt.want)
			}
		})
	}
}

// TestTimelineStable protects links to numbered timeline pages: once a
// numbered page is made, publishing newer articles never changes what it
// shows, and every page's URL stays. Every article is on one page.
func TestTimelineStable(t *testing.T) {
	const size, most = 3, 14
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	all := numbered(most)
	first := map[string][]string{} // page URL → its articles when made
	for n := 1; n <= most; n++ {
		s := build(t, now, all[:n]...)
		got := map[string]bool{}
		var onPages []string
		for _, p := range s.Timeline {
			shown := pageSlugs(p)
			onPages = append(onPages, shown...)
			if p.Number == 0 {
				if len(shown) < min(size, n) || len(shown) >= 2*size {
					t.Errorf("%d articles: /timeline/ shows %d, want %d to %d", n, len(shown), min(size, n), 2*size-1)
				}
				continue
			}
			got[p.URL] = true
			if len(shown) != size {
				t.Errorf("%d articles: %s shows %d, want %d", n, p.URL, len(shown), size)
			}
			if want, ok := first[p.URL]; ok && !slices.Equal(shown, want) {
				t.Errorf("%d articles: %s got %q, want %q as before", n, p.URL, shown, want)
			}
			first[p.URL] = shown
		}
		for u := range first {
			if !got[u] {
				t.Errorf("%d articles: %s is gone", n, u)
			}
		}
		if want := slugs(s.Articles); !slices.Equal(onPages, want) {
			t.Errorf("%d articles: the pages show %q, want each article once, newest first: %q", n, onPages, want)
		}
	}
}

func TestTimelineMonths(t *testing.T) {
	s := build(t, testNow,
		article("a", day(2025, 4, 8)),
		article("b", day(2025, 3, 27)),
		article("c", day(2025, 3, 1)),
		article("d", day(2024, 12, 20)),
	)
	var got []string
	for _, m := range s.Timeline[0].Months {
		got = append(got, fmt.Sprintf("%s %v", m.Label(), slugs(m.Articles)))
	}
	want := []string{"April 2025 [a]", "March 2025 [b c]", "December 2024 [d]"}
	if !slices.Equal(got, want) {
		t.Errorf("got /timeline/ months %q, want %q", got, want)
	}
}

func TestGroupPages(t *testing.T) {
	tests := []struct {
		n, pages, first int // articles (page size 3), pages, and articles on the group's own
	}{
		{n: 2, pages: 1, first: 2},
		{n: 3, pages: 1, first: 3},
		{n: 5, pages: 1, first: 5},
		{n: 7, pages: 2, first: 4},
		{n: 9, pages: 3, first: 3},
	}
	for _, tt := range tests {
		n := tt.n
		articles := numbered(n)
		for _, a := range articles {
			a.Topics = []string{"ICS assessments"}
		}
		s := build(t, testNow, articles...)
		g := findGroup(t, s.Topics, "ics-assessments")
		if len(g.Pages) != tt.pages {
			t.Errorf("%d articles: got %d pages, want %d", n, len(g.Pages), tt.pages)
			continue
		}
		if got := len(g.Pages[0].Articles()); got != tt.first {
			t.Errorf("%d articles: the group's page lists %d, want %d", n, got, tt.first)
		}
		for _, p := range g.Pages[1:] {
			if !strings.HasPrefix(p.URL, "/topics/ics-assessments/page/") {
				t.Errorf("%d articles: page URL %s is not below the group's", n, p.URL)
			}
		}
	}
}
