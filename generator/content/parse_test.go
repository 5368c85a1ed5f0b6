package content

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	s := Settings{Location: time.UTC, Statuses: DefaultStatuses}
	tests := []struct {
		name, data string
		wantTitle  string // empty: no article
		wantErr    string // empty: no error
	}{
		{"an article", "---\ntitle: Paused\ndate: 2025-03-27\nsummary: S.\nstatus: paused\n---\n\nBody *text*.\n", "Paused", ""},
		{"a status since renamed", "---\ntitle: Paused\ndate: 2025-03-27\nsummary: S.\nstatus: on-hold\n---\n\nBody.\n", "Paused", `old/a.md:5: status: "on-hold"`},
		{"no front matter", "Body alone.\n", "", "old/a.md:1: no front matter"},
		{"an indented --- in a block of the front matter", "---\ntitle: Rule\nsummary: |\n  Above.\n  ---\n  Below.\ndate: 2025-03-27\n---\n\nBody.\n", "Rule", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("old", "a.md", []byte(tt.data), &s)
			switch {
			case tt.wantTitle == "" && a != nil:
				t.Errorf("got an article titled %q, want none", a.Title)
			case tt.wantTitle != "" && (a == nil || a.Title != tt.wantTitle):
				t.Errorf("got %+v, want an article titled %q", a, tt.wantTitle)
			}
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("got error %v, want one with %q", err, tt.wantErr)
			}
			if a != nil && tt.name == "an article" && a.HTML != "<p>Body <em>text</em>.</p>\n" {
				t.Errorf("body: got %q", a.HTML)
			}
		})
	}
}

func TestParseDateExported(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-03-28", time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC), true},
		{"2025-03-28T10:30:00+01:00", time.Date(2025, 3, 28, 9, 30, 0, 0, time.UTC), true},
		{"28/03/2025", time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, time.UTC)
		if (err == nil) != tt.ok || tt.ok && !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q): got %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
