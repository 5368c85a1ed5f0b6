package site

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"bulletin/generator/content"
)

// tagged is an article with topics and regulators.
func tagged(slug string, date time.Time, topics, regulators []string) *content.Article {
	a := article(slug, date)
	a.Topics = topics
	a.Regulators = regulators
	return a
}

func TestRelated(t *testing.T) {
	ics := []string{"ICS assessments"}
	base := day(2025, 3, 27)
	tests := []struct {
		name     string
		articles []*content.Article // the first is the one whose related list is checked
		want     []string
	}{
		{
			name: "nothing shared",
			articles: []*content.Article{
				tagged("me", base, ics, []string{"CQC"}),
				tagged("other", base.AddDate(0, 0, 1), []string{"CQC IT"}, []string{"DHSC"}),
				article("untagged", base.AddDate(0, 0, 2)),
			},
			want: []string{},
		},
		{
			name: "same topic before regulators only",
			articles: []*content.Article{
				tagged("me", base, ics, []string{"CQC", "DHSC"}),
				tagged("same-regulators", base.AddDate(0, 0, 1), nil, []string{"CQC", "DHSC"}),
				tagged("same-topic", base.AddDate(-1, 0, 0), ics, nil),
			},
			want: []string{"same-topic", "same-regulators"},
		},
		{
			name: "more shared first",
			articles: []*content.Article{
				tagged("me", base, []string{"ICS assessments", "Health and Care Act 2022"}, []string{"CQC"}),
				tagged("one-topic", base.AddDate(0, 0, 1), ics, nil),
				tagged("two-topics", base.AddDate(-2, 0, 0), []string{"ICS assessments", "Health and Care Act 2022"}, nil),
				tagged("topic-and-regulator", base.AddDate(-1, 0, 0), ics, []string{"CQC"}),
			},
			want: []string{"two-topics", "topic-and-regulator", "one-topic"},
		},
		{
			name: "nearest in date first, newer on a tie",
			articles: []*content.Article{
				tagged("me", base, ics, nil),
				tagged("ten-days-after", base.AddDate(0, 0, 10), ics, nil),
				tagged("two-days-before", base.AddDate(0, 0, -2), ics, nil),
				tagged("two-days-after", base.AddDate(0, 0, 2), ics, nil),
				tagged("one-day-before", base.AddDate(0, 0, -1), ics, nil),
			},
			want: []string{"one-day-before", "two-days-after", "two-days-before", "ten-days-after"},
		},
		{
			name: "same day by URL",
			articles: []*content.Article{
				tagged("me", base, ics, nil),
				tagged("zz", base.AddDate(0, 0, 1), ics, nil),
				tagged("aa", base.AddDate(0, 0, 1), ics, nil),
			},
			want: []string{"aa", "zz"},
		},
		{
			name: "at most five",
			articles: func() []*content.Article {
				out := []*content.Article{tagged("me", base, ics, nil)}
				for i := 1; i <= 8; i++ {
					out = append(out, tagged(fmt.Sprintf("day-%d", i), base.AddDate(0, 0, i), ics, nil))
				}
				return out
			}(),
			want: []string{"day-1", "day-2", "day-3", "day-4", "day-5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), tt.articles...)
			me := find(t, s, "me")
			if got := slugs(me.Related); !slices.Equal(got, tt.want) {
				t.Errorf("got related %q, want %q", got, tt.want)
			}
			for _, a := range s.Articles {
				if slices.Contains(a.Related, &a.Teaser) {
					t.Errorf("%s is related to itself", a.URL)
				}
			}
		})
	}
}

func withdrawn(a *content.Article) *content.Article {
	a.Withdrawn = &content.Withdrawal{Date: a.Date.AddDate(0, 0, 7), Explanation: "Replaced."}
	return a
}

func TestNewer(t *testing.T) {
	ics := []string{"ICS assessments"}
	base := day(2025, 3, 27)
	type want struct{ newer, topic string } // slugs; "" for none
	tests := []struct {
		name     string
		articles []*content.Article
		want     map[string]want // by slug
	}{
		{
			name: "older articles link to the newest of their topic",
			articles: []*content.Article{
				tagged("oldest", base.AddDate(-2, 0, 0), ics, nil),
				tagged("newest", base, ics, nil),
				tagged("middle", base.AddDate(-1, 0, 0), ics, nil),
			},
			want: map[string]want{
				"oldest": {"newest", "ics-assessments"},
				"middle": {"newest", "ics-assessments"},
				"newest": {},
			},
		},
		{
			name: "a withdrawn article is no newer update",
			articles: []*content.Article{
				tagged("oldest", base.AddDate(-2, 0, 0), ics, nil),
				withdrawn(tagged("withdrawn", base, ics, nil)),
				tagged("middle", base.AddDate(-1, 0, 0), ics, nil),
			},
			want: map[string]want{
				"oldest":    {"middle", "ics-assessments"},
				"middle":    {},
				"withdrawn": {},
			},
		},
		{
			name: "the first topic with a newer article",
			articles: []*content.Article{
				tagged("me", base, []string{"ICS assessments", "Health and Care Act 2022"}, nil),
				tagged("newer-act", base.AddDate(0, 1, 0), []string{"Health and Care Act 2022"}, nil),
				tagged("older-ics", base.AddDate(0, -1, 0), ics, nil),
			},
			want: map[string]want{
				"me":        {"newer-act", "health-and-care-act-2022"},
				"newer-act": {},
				"older-ics": {"me", "ics-assessments"},
			},
		},
		{
			name: "topics in name order",
			articles: []*content.Article{
				tagged("me", base, []string{"ICS assessments", "CQC IT"}, nil),
				tagged("newer-ics", base.AddDate(0, 0, 2), ics, nil),
				tagged("newer-it", base.AddDate(0, 0, 1), []string{"CQC IT"}, nil),
			},
			want: map[string]want{
				"me": {"newer-it", "cqc-it"},
			},
		},
		{
			name: "regulators do not count",
			articles: []*content.Article{
				tagged("me", base, nil, []string{"CQC"}),
				tagged("newer", base.AddDate(0, 0, 1), nil, []string{"CQC"}),
			},
			want: map[string]want{"me": {}},
		},
		{
			name: "the same day is not newer",
			articles: []*content.Article{
				tagged("me", base, ics, nil),
				tagged("aaa", base, ics, nil),
			},
			want: map[string]want{"me": {}, "aaa": {}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), tt.articles...)
			for slug, w := range tt.want {
				a := find(t, s, slug)
				var got want
				if a.Newer != nil {
					got = want{a.Newer.Slug, a.NewerTopic.Slug}
				}
				if got != w {
					t.Errorf("%s: got newer %+v, want %+v", slug, got, w)
				}
			}
		})
	}
}
