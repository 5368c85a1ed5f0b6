package site

import (
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
)

// TestUpdatedAhead warns of an updated date still to come, at its line,
// and of none once it has come.
func TestUpdatedAhead(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name    string
		updated time.Time
		want    string // the warning's start; "" for none
	}{
		{"updated a year ahead", day(2027, 12, 1), "updated: 2027-12-01 00:00 GMT is still to come, but readers see it now"},
		{"updated today, earlier", time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC), ""},
		{"never updated", time.Time{}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2026, 11, 2))
			a.File, a.Updated = "content/articles/2026/2026-11-02-ics-paused.md", tt.updated
			a.Lines.Set("updated", 4)
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

// TestWithdrawnAhead warns of a withdrawal dated after the build, at its
// line, and of none on one that has come.
func TestWithdrawnAhead(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		date time.Time
		want string // the warning's start; "" for none
	}{
		{"withdrawn in 9999", day(9999, 12, 31), "withdrawn.date: 9999-12-31 is still to come, but readers see the article withdrawn now"},
		{"withdrawn today, earlier", time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2026, 11, 2))
			a.File, a.Withdrawn = "content/articles/2026/2026-11-02-ics-paused.md", &content.Withdrawal{Date: tt.date, Explanation: "Superseded."}
			a.Lines.Set("withdrawn", 6)
			s, err := New(&content.Set{Settings: testSettings(), Articles: []*content.Article{a}}, nil, now)
			found := told(s, err)
			switch {
			case tt.want == "" && len(found) > 0:
				t.Errorf("got %v, want nothing", found)
			case tt.want != "" && (len(found) != 1 || !found[0].Warning || found[0].Line != 6 || !strings.HasPrefix(found[0].Msg, tt.want)):
				t.Errorf("got %v, want one warning at %s:6 starting %q", found, a.File, tt.want)
			}
		})
	}
}
