package site

import (
	"testing"
	"time"

	"bulletin/generator/content"
)

// TestStaleStatuses checks the warning of an intro page whose status the
// story has left: told at the intro's status line, naming the step that
// left it at its own line, an article's status or an event.
func TestStaleStatuses(t *testing.T) {
	tests := []struct {
		name  string
		event bool // the story's last change is an event's, not the article's status
		want  string
	}{
		{"an article's status", false, "status: paused, but the story of ICS assessments last changed to In progress, on 27 March 2025 (content/articles/a.md:6); the page would show both: delete this line to follow the story, or report the change in an article"},
		{"an event's status", true, "status: paused, but the story of ICS assessments last changed to In progress, on May 2025 (content/articles/a.md:9); the page would show both: delete this line to follow the story, or report the change in an article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("a", day(2025, 3, 27))
			a.Topics = []string{"ICS assessments"}
			a.Lines.Set("status", 6)
			a.Lines.Set("events", 9)
			if tt.event {
				a.Events = []content.Event{{Date: month(2025, 5), Label: "Assessments restart", Status: "in-progress"}}
			} else {
				a.Status = "in-progress"
			}
			intro := &content.Page{File: "content/topics/ics-assessments.md", Slug: "ics-assessments", Title: "ICS assessments", Status: "paused", StatusLine: 3}
			s := buildSet(t, &content.Set{Settings: testSettings(), Articles: []*content.Article{a}, Topics: []*content.Page{intro}}, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
			if len(s.Stale) != 1 {
				t.Fatalf("got %d warnings, want 1: %v", len(s.Stale), s.Stale)
			}
			w := s.Stale[0]
			if w.File != intro.File || w.Line != 3 || !w.Warning || w.Msg != tt.want {
				t.Errorf("got %s:%d (warning %v) %q,\nwant %s:3 (warning) %q", w.File, w.Line, w.Warning, w.Msg, intro.File, tt.want)
			}
		})
	}
}
