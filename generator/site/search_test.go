package site

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"bulletin/generator/content"
)

// TestBundles wants the whole site in one bundle while it is small
// enough, then a bundle a year, a bundle a quarter in a year over the
// size, and a bundle a month in a quarter over it; every article in
// exactly one bundle, newest first throughout.
func TestBundles(t *testing.T) {
	// Articles in months "2025-03", given as "YYYY-MM" per article.
	site := func(months ...string) []*Article {
		var out []*Article
		for i, m := range months {
			date, err := time.Parse("2006-01", m)
			if err != nil {
				t.Fatal(err)
			}
			a := new(Article)
			(&Site{}).newArticle(a, &content.Article{Meta: content.Meta{Date: date, Slug: fmt.Sprintf("a%d", i)}}, names{})
			out = append(out, a)
		}
		return out
	}
	tests := []struct {
		name     string
		articles []*Article
		size     int
		want     []string // bundle name: count
	}{
		{"small site", site("2025-03", "2024-01", "2023-12"), 3, []string{"all:3"}},
		{"by year", site("2025-03", "2025-01", "2024-01", "2023-12"), 3, []string{"2025:2", "2024:1", "2023:1"}},
		{"a full year by quarter", site("2025-11", "2025-07", "2025-05", "2025-04", "2025-02", "2024-06"), 3, []string{"2025-q4:1", "2025-q3:1", "2025-q2:2", "2025-q1:1", "2024:1"}},
		{"a full quarter by month", site("2025-06", "2025-03", "2025-03", "2025-02", "2025-01", "2024-06"), 3, []string{"2025-q2:1", "2025-03:2", "2025-02:1", "2025-01:1", "2024:1"}},
		{"a month over the size stays whole", site("2025-03", "2025-03", "2025-03", "2025-03", "2024-06"), 3, []string{"2025-03:4", "2024:1"}},
		{"no articles", nil, 3, []string{"all:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var order []*Teaser
			for _, b := range bundles(years(tt.articles), tt.size) {
				got = append(got, fmt.Sprintf("%s:%d", b.Name, len(b.Articles)))
				order = append(order, b.Articles...)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got bundles %v, want %v", got, tt.want)
			}
			if !slices.Equal(order, Teasers(tt.articles)) {
				t.Errorf("the bundles do not hold every article once, newest first")
			}
		})
	}
}
