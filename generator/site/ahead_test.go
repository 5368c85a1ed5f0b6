package site

import (
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
)

// TestAhead warns of an updated date, or a withdrawal, still to come, at
// its line, and of none once it has come.
func TestAhead(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	updated := func(t time.Time) func(*content.Article) {
		return func(a *content.Article) { a.Updated = t; a.Lines.Set("updated", 4) }
	}
	withdrawn := func(t time.Time) func(*content.Article) {
		return func(a *content.Article) {
			a.Withdrawn = &content.Withdrawal{Date: t, Explanation: "Superseded."}
			a.Lines.Set("withdrawn", 4)
		}
	}
	for _, tt := range []struct {
		name string
		set  func(*content.Article)
		want string // the warning's start; "" for none
	}{
		{"updated a year ahead", updated(day(2027, 12, 1)), "updated: 2027-12-01 00:00 GMT is still to come, but readers see it now"},
		{"updated today, earlier", updated(time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)), ""},
		{"never updated", updated(time.Time{}), ""},
		{"withdrawn in 9999", withdrawn(day(9999, 12, 31)), "withdrawn.date: 9999-12-31 is still to come, but readers see the article withdrawn now"},
		{"withdrawn today, earlier", withdrawn(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)), ""},
		{"withdrawn today, later", withdrawn(time.Date(2026, 12, 5, 15, 30, 0, 0, time.UTC)), "withdrawn.date: 2026-12-05 15:30 GMT is still to come"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2026, 11, 2))
			a.File = "content/articles/2026/2026-11-02-ics-paused.md"
			tt.set(a)
			s, err := New(&content.Set{Settings: testSettings(), Articles: []*content.Article{a}}, nil, now)
			found := told(s, err)
			switch {
			case tt.want == "" && len(found) > 0:
				t.Errorf("got %v, want nothing", found)
			case tt.want != "" && (len(found) != 1 || !found[0].Warning || found[0].Line != 4 || found[0].File != a.File || !strings.HasPrefix(found[0].Msg, tt.want)):
				t.Errorf("got %v, want one warning at %s:4 starting %q", found, a.File, tt.want)
			}
		})
	}
}
