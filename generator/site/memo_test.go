package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
)

// TestMemoEqualsFresh makes a site again after each of a run of edits,
// as serve does between saves, and checks that the URLs, ids and
// stories a Memo gives are those New works out afresh, and belong to the
// new site: each step
// points at the new site's article and at its settings' status.
func TestMemoEqualsFresh(t *testing.T) {
	articles := make([]*content.Article, 12)
	for i := range articles {
		a := article(fmt.Sprintf("a-%02d", i), day(2024, time.Month(1+i), 2))
		a.Topics = [][]string{{"ICS assessments"}, {"CQC IT", "ICS assessments"}, {"Health and Care Act 2022"}}[i%3]
		a.Regulators = [][]string{{"CQC"}, {"CQC", "DHSC"}, nil}[i%3]
		a.Status = []string{"", "paused", "planned"}[i%3]
		a.Events = []content.Event{{Date: month(2024, 5), Label: "Assessments paused", Status: []string{"", "paused"}[i%2]}}
		articles[i] = a
	}
	settings := testSettings()
	var refused []*content.Article
	// Each edit gives a changed copy of an article, as a save that
	// reads it again does, or changes the settings.
	edits := []struct {
		name string
		edit func()
	}{
		{"nothing", func() {}},
		{"title", func() { edit(articles, 3, func(a *content.Article) { a.Title = "Retitled" }) }},
		{"status", func() { edit(articles, 4, func(a *content.Article) { a.Status = "in-force" }) }},
		{"event added", func() {
			edit(articles, 5, func(a *content.Article) {
				a.Events = append(slices.Clone(a.Events), content.Event{Date: month(2024, 9), Label: "Assessments resume", Status: "in-force"})
			})
		}},
		{"first topic", func() {
			edit(articles, 1, func(a *content.Article) { a.Topics = []string{"ICS assessments", "CQC IT"} })
		}},
		{"date", func() { edit(articles, 7, func(a *content.Article) { a.Date = day(2023, 1, 1) }) }},
		{"updated", func() { edit(articles, 2, func(a *content.Article) { a.Updated = day(2024, 12, 1) }) }},
		{"deleted", func() { articles = slices.Delete(articles, 0, 1) }},
		{"slug", func() { edit(articles, 6, func(a *content.Article) { a.Slug = "renamed" }) }},
		{"alias", func() { edit(articles, 8, func(a *content.Article) { a.Aliases = []string{"/old/address/"} }) }},
		{"alias onto another's URL", func() {
			edit(articles, 9, func(a *content.Article) { a.Aliases = []string{strings.ToUpper(ArticleURL(articles[10]))} })
		}},
		{"alias moved to another line", func() { edit(articles, 9, func(a *content.Article) { a.AliasLines = []int32{12} }) }},
		{"refused article at a URL", func() {
			r := *articles[10]
			r.File, r.Line = "articles/refused.md", 1
			refused = []*content.Article{&r}
		}},
		{"clashes mended", func() {
			edit(articles, 9, func(a *content.Article) { a.Aliases = nil })
			refused = nil
		}},
		{"id set twice", func() {
			edit(articles, 2, func(a *content.Article) { a.ID = "urn:x:1" })
			edit(articles, 3, func(a *content.Article) { a.ID = "urn:x:1" })
		}},
		{"id set once", func() { edit(articles, 3, func(a *content.Article) { a.ID = "" }) }},
		{"id authority", func() { settings.IDAuthority = "example.com" }},
		{"status renamed", func() {
			settings.Statuses = slices.Clone(settings.Statuses)
			settings.Statuses[1].Label = "Renamed"
		}},
		{"statuses reordered", func() {
			settings.Statuses = slices.Clone(settings.Statuses)
			slices.Reverse(settings.Statuses)
		}},
		{"article listed twice", func() { articles = append(articles, articles[0]) }},
		{"article listed once again", func() { articles = articles[:len(articles)-1] }},
	}
	var m Memo
	clashes := 0
	for _, e := range edits {
		e.edit()
		kept, keptErr := m.New(&content.Set{Settings: settings, Articles: slices.Clone(articles), Refused: refused}, nil, testNow)
		fresh, freshErr := New(&content.Set{Settings: settings, Articles: slices.Clone(articles), Refused: refused}, nil, testNow)
		if got, want := fmt.Sprint(keptErr), fmt.Sprint(freshErr); got != want {
			t.Errorf("after %s, the memo's site has the problems\n%s\nwant\n%s", e.name, got, want)
		}
		if freshErr != nil {
			clashes++
		}
		if !slices.Equal(kept.Refused, fresh.Refused) {
			t.Errorf("after %s, the memo's site has the refused paths %v, want %v", e.name, kept.Refused, fresh.Refused)
		}
		if got, want := stories(t, kept), stories(t, fresh); got != want {
			t.Errorf("after %s, the memo's stories are\n%s\nwant\n%s", e.name, got, want)
		}
	}
	if clashes == 0 {
		t.Error("no edit made a clash: the test shows nothing of the clashes kept")
	}
}

// edit replaces the article at i by a changed copy.
func edit(articles []*content.Article, i int, change func(*content.Article)) {
	a := *articles[i]
	change(&a)
	articles[i] = &a
}

// stories writes out every article's URL and id and every group's
// story, checking that each step points into s.
func stories(t *testing.T, s *Site) string {
	t.Helper()
	var b strings.Builder
	for _, a := range s.Articles {
		fmt.Fprintf(&b, "%s %s\n", a.URL, a.ID)
	}
	for _, g := range slices.Concat(s.Topics, s.Regulators) {
		fmt.Fprintf(&b, "%s %s %s %v:\n", g.URL, statusKey(g.Status), g.Since.Time.Format("2006-01-02"), g.Reported)
		for _, st := range g.Story {
			if !slices.ContainsFunc(s.Articles, func(a *Article) bool { return &a.Teaser == st.Article }) {
				t.Errorf("%s: step %q points at an article not in the site", g.URL, st.Label)
			}
			label := "none"
			if st.Status != nil {
				label = st.Status.Label
				if !inStatuses(s, st.Status) {
					t.Errorf("%s: step %q points at a status not in the site's settings", g.URL, st.Label)
				}
			}
			fmt.Fprintf(&b, "  %s %q %s %s event=%v update=%v upcoming=%v change=%v first=%v\n", st.Date.Time.Format("2006-01-02"), st.Label,
				label, st.Article.URL, st.Event, st.Update, st.Upcoming, st.Change, st.First)
		}
	}
	return b.String()
}

// inStatuses reports whether st points into the site's settings.
func inStatuses(s *Site, st *content.Status) bool {
	for i := range s.Settings.Statuses {
		if st == &s.Settings.Statuses[i] {
			return true
		}
	}
	return false
}

// TestMemoOrderEqualsFresh makes a site again after each of many random
// edits, as serve does between saves, and checks that the articles come
// in the order, with the clashes and the stories, New gives afresh:
// articles added, deleted, dated again or given another's URL, many on
// one date, and given other topics, statuses and events, which many
// report alike.
func TestMemoOrderEqualsFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var articles []*content.Article
	added := 0
	pick := func(from ...string) []string {
		var out []string
		for range r.IntN(3) {
			out = append(out, from[r.IntN(len(from))])
		}
		return out
	}
	story := func(a *content.Article) {
		a.Topics = pick("ICS assessments", "CQC IT", "Health and Care Act 2022")
		a.Regulators = pick("CQC", "DHSC")
		a.Status = []string{"", "paused", "planned", "in-force"}[r.IntN(4)]
		a.Events = nil
		for range r.IntN(3) {
			at := month(2024, time.Month(1+r.IntN(3)))
			at.Time = at.Time.Add(time.Duration(r.IntN(2)) * 300 * time.Millisecond)
			a.Events = append(a.Events, content.Event{Date: at, Label: []string{"Paused", "Resumed"}[r.IntN(2)], Status: []string{"", "paused", "in-force"}[r.IntN(3)]})
		}
		a.Updated, a.Withdrawn = time.Time{}, nil
		switch r.IntN(6) {
		case 0:
			a.Updated = a.Date.AddDate(0, 1, 0)
		case 1:
			a.Withdrawn = &content.Withdrawal{Date: a.Date.AddDate(0, 2, 0), Explanation: "Wrong."}
		}
	}
	add := func() {
		a := article(fmt.Sprintf("a-%03d", added), day(2024, time.Month(1+r.IntN(3)), 1+r.IntN(3)))
		a.File, a.Path = fmt.Sprintf("content/articles/%03d.md", r.IntN(1000)), fmt.Sprintf("articles/%03d.md", added)
		story(a)
		articles = append(articles, a)
		added++
	}
	for range 20 {
		add()
	}
	var m Memo
	for step := range 300 {
		if len(articles) < 2 {
			add()
		}
		switch i := r.IntN(len(articles)); r.IntN(6) {
		case 5:
			edit(articles, i, story)
		case 0:
			add()
		case 1:
			articles = slices.Delete(articles, i, i+1)
		case 2:
			edit(articles, i, func(a *content.Article) { a.Date = day(2024, time.Month(1+r.IntN(3)), 1+r.IntN(3)) })
		case 3:
			other := articles[r.IntN(len(articles))]
			edit(articles, i, func(a *content.Article) { a.Date, a.Slug = other.Date, other.Slug })
		default:
			edit(articles, i, func(a *content.Article) { a.Title += " again" })
		}
		kept, keptErr := m.New(&content.Set{Settings: testSettings(), Articles: slices.Clone(articles)}, nil, testNow)
		fresh, freshErr := New(&content.Set{Settings: testSettings(), Articles: slices.Clone(articles)}, nil, testNow)
		order := func(s *Site) string {
			var b strings.Builder
			for _, a := range s.Articles {
				fmt.Fprintf(&b, "%s %s\n", a.URL, a.Content.File)
			}
			return b.String()
		}
		if got, want := order(kept), order(fresh); got != want {
			t.Fatalf("step %d: the memo's site has the articles\n%s\nwant\n%s", step, got, want)
		}
		if got, want := fmt.Sprint(keptErr), fmt.Sprint(freshErr); got != want {
			t.Fatalf("step %d: the memo's site has the problems\n%s\nwant\n%s", step, got, want)
		}
		if got, want := stories(t, kept), stories(t, fresh); got != want {
			t.Fatalf("step %d: the memo's stories are\n%s\nwant\n%s", step, got, want)
		}
	}
}
