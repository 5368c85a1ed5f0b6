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

// TestRelated checks the order of related articles: those on the same
// topic first, then those that only share a regulator, each newest first.
func TestRelated(t *testing.T) {
	ics := []string{"ICS assessments"}
	base := day(2025, 3, 27)
	tests := []struct {
		name     string
		articles []*content.Article // the first is the one whose related list is checked
		want     []string
		same     int // how many of want share a topic
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
			name: "same topic before regulators only, however old",
			articles: []*content.Article{
				tagged("me", base, ics, []string{"CQC", "DHSC"}),
				tagged("same-regulators", base.AddDate(0, 0, 1), nil, []string{"CQC", "DHSC"}),
				tagged("same-topic", base.AddDate(-1, 0, 0), ics, nil),
			},
			want: []string{"same-topic", "same-regulators"},
			same: 1,
		},
		{
			name: "newest first on the same topic, however many topics are shared",
			articles: []*content.Article{
				tagged("me", base, []string{"ICS assessments", "Health and Care Act 2022"}, []string{"CQC"}),
				tagged("one-topic", base.AddDate(0, 0, 1), ics, nil),
				tagged("two-topics", base.AddDate(-2, 0, 0), []string{"ICS assessments", "Health and Care Act 2022"}, nil),
				tagged("topic-and-regulator", base.AddDate(-1, 0, 0), ics, []string{"CQC"}),
			},
			want: []string{"one-topic", "topic-and-regulator", "two-topics"},
			same: 3,
		},
		{
			name: "newest first, not nearest in date",
			articles: []*content.Article{
				tagged("me", base, ics, nil),
				tagged("ten-days-after", base.AddDate(0, 0, 10), ics, nil),
				tagged("two-days-before", base.AddDate(0, 0, -2), ics, nil),
				tagged("two-days-after", base.AddDate(0, 0, 2), ics, nil),
				tagged("one-day-before", base.AddDate(0, 0, -1), ics, nil),
			},
			want: []string{"ten-days-after", "two-days-after", "one-day-before", "two-days-before"},
			same: 4,
		},
		{
			name: "regulators only, newest first",
			articles: []*content.Article{
				tagged("me", base, nil, []string{"CQC", "DHSC"}),
				tagged("old-cqc", base.AddDate(-1, 0, 0), nil, []string{"CQC"}),
				tagged("new-dhsc", base.AddDate(0, 1, 0), nil, []string{"DHSC"}),
				tagged("both", base.AddDate(0, 0, -1), nil, []string{"CQC", "DHSC"}),
			},
			want: []string{"new-dhsc", "both", "old-cqc"},
		},
		{
			name: "same day by URL",
			articles: []*content.Article{
				tagged("me", base, ics, nil),
				tagged("zz", base.AddDate(0, 0, 1), ics, nil),
				tagged("aa", base.AddDate(0, 0, 1), ics, nil),
			},
			want: []string{"aa", "zz"},
			same: 2,
		},
		{
			name: "withdrawn articles left out",
			articles: []*content.Article{
				tagged("me", base, ics, []string{"CQC"}),
				withdrawn(tagged("withdrawn-topic", base.AddDate(0, 0, 1), ics, nil)),
				withdrawn(tagged("withdrawn-regulator", base.AddDate(0, 0, 1), nil, []string{"CQC"})),
				tagged("standing", base.AddDate(0, 0, -1), ics, nil),
			},
			want: []string{"standing"},
			same: 1,
		},
		{
			name: "at most five, the newest",
			articles: func() []*content.Article {
				out := []*content.Article{tagged("me", base, ics, []string{"CQC"})}
				for i := 1; i <= 8; i++ {
					out = append(out, tagged(fmt.Sprintf("day-%d", i), base.AddDate(0, 0, i), ics, nil))
				}
				return append(out, tagged("regulator", base.AddDate(1, 0, 0), nil, []string{"CQC"}))
			}(),
			want: []string{"day-8", "day-7", "day-6", "day-5", "day-4"},
			same: 5,
		},
		{
			name: "topics first, regulators fill the rest",
			articles: []*content.Article{
				tagged("me", base, ics, []string{"CQC"}),
				tagged("topic", base.AddDate(-3, 0, 0), ics, nil),
				tagged("cqc-1", base.AddDate(0, 0, 1), nil, []string{"CQC"}),
				tagged("cqc-2", base.AddDate(0, 0, 2), nil, []string{"CQC"}),
				tagged("cqc-3", base.AddDate(0, 0, 3), nil, []string{"CQC"}),
				tagged("cqc-4", base.AddDate(0, 0, 4), nil, []string{"CQC"}),
				tagged("cqc-5", base.AddDate(0, 0, 5), nil, []string{"CQC"}),
			},
			want: []string{"topic", "cqc-5", "cqc-4", "cqc-3", "cqc-2"},
			same: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := build(t, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), tt.articles...)
			me := find(t, s, "me")
			if got := slugs(me.Related); !slices.Equal(got, tt.want) {
				t.Errorf("got related %q, want %q", got, tt.want)
			}
			if me.SameTopic != tt.same {
				t.Errorf("got %d related on the same topic, want %d", me.SameTopic, tt.same)
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
			name: "the first topic written first",
			articles: []*content.Article{
				tagged("me", base, []string{"ICS assessments", "CQC IT"}, nil),
				tagged("newer-ics", base.AddDate(0, 0, 2), ics, nil),
				tagged("newer-it", base.AddDate(0, 0, 1), []string{"CQC IT"}, nil),
			},
			want: map[string]want{
				"me": {"newer-ics", "ics-assessments"},
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

// TestFirstTopic wants an article's Topic to be its first topic as
// written, whose story its status tells, not the first by name, and its
// Topics in the order written.
func TestFirstTopic(t *testing.T) {
	s := build(t, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		tagged("two", day(2025, 3, 27), []string{"ICS assessments", "Health and Care Act 2022"}, nil),
		tagged("none", day(2025, 3, 28), nil, []string{"CQC"}))
	two := find(t, s, "two")
	if two.Topic == nil || two.Topic.Slug != "ics-assessments" {
		t.Errorf("got topic %+v, want ics-assessments", two.Topic)
	}
	if len(two.Topics) != 2 || two.Topics[0].Slug != "ics-assessments" || two.Topics[1].Slug != "health-and-care-act-2022" {
		t.Errorf("got topics %s, %s; want them as written: ics-assessments, health-and-care-act-2022", two.Topics[0].Slug, two.Topics[1].Slug)
	}
	if none := find(t, s, "none"); none.Topic != nil {
		t.Errorf("an article without topics: got topic %+v, want none", none.Topic)
	}
}
