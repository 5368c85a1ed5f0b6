package render

import (
	"strings"
	"testing"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// TestStory checks which steps of a topic's story are marked as status
// changes: the first status, then each new one; repeats, steps without a
// status and events still to come are not.
func TestStory(t *testing.T) {
	paused := &content.Status{Key: "paused", Label: "Paused"}
	planned := &content.Status{Key: "planned", Label: "Planned"}
	inForce := &content.Status{Key: "in-force", Label: "In force"}
	step := func(d string, st *content.Status) *site.Step {
		var date content.Date
		if len(d) == len("2006-01") {
			date = content.Date{Time: day(d + "-01"), MonthOnly: true}
		} else {
			date = content.Date{Time: day(d)}
		}
		return &site.Step{Date: date, Label: d, Status: st, Event: true}
	}
	future := step("2026-01-10", inForce)
	cases := []struct {
		name    string
		kind    string
		steps   []*site.Step
		up      []*site.Step
		marks   string // per step: F first status, C change, U upcoming, - nothing
		changes int
	}{
		{"empty", "topics", nil, nil, "", 0},
		{"no statuses", "topics", []*site.Step{step("2024-01-02", nil), step("2024-02", nil)}, nil, "--", 0},
		{"one status repeated", "topics", []*site.Step{step("2024-01-02", planned), step("2024-02", nil), step("2024-03-04", planned)}, nil, "F--", 0},
		{"changes", "topics", []*site.Step{step("2024-01-02", planned), step("2024-04", paused), step("2024-05-06", paused), step("2024-06-07", planned)}, nil, "FC-C", 2},
		{"still to come", "topics", []*site.Step{step("2024-01-02", planned), future}, []*site.Step{future}, "FU", 0},
		{"regulator", "regulators", []*site.Step{step("2024-01-02", planned), step("2024-04", paused)}, nil, "--", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := story(&site.Group{Kind: c.kind, Story: c.steps, Upcoming: c.up})
			var marks strings.Builder
			for _, st := range s.Steps {
				switch {
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
			if marks.String() != c.marks || s.Changes() != c.changes {
				t.Errorf("got marks %q and %d changes, want %q and %d", marks.String(), s.Changes(), c.marks, c.changes)
			}
			if got, want := len(s.ChangedTo()), c.changes; got != want {
				t.Errorf("ChangedTo: got %d changes, want %d", got, want)
			}
		})
	}
}

// TestStoryCountsLikeSite builds the fixture and wants each topic's
// marked changes to agree with the count package site gives.
func TestStoryCountsLikeSite(t *testing.T) {
	s, err := site.New(fixture(), day("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range s.Topics {
		if got := story(g).Changes(); got != g.Changes {
			t.Errorf("%s: %d changes marked, site counts %d", g.Name, got, g.Changes)
		}
	}
}
