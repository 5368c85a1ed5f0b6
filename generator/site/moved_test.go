package site

import (
	"testing"

	"bulletin/generator/content"
)

// TestGroupRedirects checks a renamed topic's aliases: a redirect from
// the old address once nothing names the old topic, and an error at the
// aliases line naming what still does.
func TestGroupRedirects(t *testing.T) {
	renamed := &content.Page{File: "content/topics/ics-reviews.md", Slug: "ics-reviews", Title: "ICS reviews", Line: 1,
		Aliases: []string{"/topics/ics-assessments/"}, AliasesLine: 3}
	tests := []struct {
		name     string
		topics   [][]string // each article's topics
		want     string     // the error, or "" for a redirect
		redirect bool
	}{
		{"renamed everywhere", [][]string{{"ICS reviews"}, {"ICS reviews", "Other"}}, "", true},
		{"one article left with the old name", [][]string{{"ICS reviews"}, {"Other", "ICS assessments"}, {"ICS assessments"}},
			"content/topics/ics-reviews.md:3: aliases: /topics/ics-assessments/ is still the address of the topic ICS assessments, which content/articles/c.md:6 (topics) and 1 more name: rename it there too, or take this alias out", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := &content.Set{Settings: testSettings(), Topics: []*content.Page{renamed}}
			for i, topics := range tt.topics {
				a := article(string(rune('a'+i)), day(2025, 3, i+1))
				a.Topics = topics
				a.Lines.Set("topics", 6)
				set.Articles = append(set.Articles, a)
			}
			s, err := New(set, nil, testNow)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got error %q,\nwant %q", got, tt.want)
			}
			redirected := false
			for _, rd := range s.Redirects {
				if rd.From == "/topics/ics-assessments/" && rd.To == "/topics/ics-reviews/" && rd.Page == renamed {
					redirected = true
				}
			}
			if redirected != tt.redirect {
				t.Errorf("redirect from the old address: %v, want %v (%v)", redirected, tt.redirect, s.Redirects)
			}
		})
	}
}
