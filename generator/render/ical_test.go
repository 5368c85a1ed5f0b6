package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bulletin/generator/content"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"short line unchanged", "SUMMARY:Pause extended"},
		{"exactly 75 octets", "SUMMARY:" + strings.Repeat("a", 67)},
		{"long ASCII", "DESCRIPTION:" + strings.Repeat("abcdefghij", 30)},
		{"long with multi-byte characters", "SUMMARY:" + strings.Repeat("é£€😀", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeFolded(&b, tt.in)
			got, ended := strings.CutSuffix(b.String(), "\r\n")
			if !ended {
				t.Errorf("%q does not end in CRLF", b.String())
			}
			for _, line := range strings.Split(got, "\r\n") {
				if len(line) > 75 {
					t.Errorf("line of %d octets, want at most 75: %q", len(line), line)
				}
				if !utf8.ValidString(line) {
					t.Errorf("line splits a UTF-8 character: %q", line)
				}
			}
			if unfolded := strings.ReplaceAll(got, "\r\n ", ""); unfolded != tt.in {
				t.Errorf("unfolding gives %q, want %q", unfolded, tt.in)
			}
		})
	}
}

func TestICalText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain", "Plain"},
		{"a, b; c\\d", `a\, b\; c\\d`},
		{"two\nlines\r\nhere", `two\nlines\nhere`},
		{"control\x00\x0bchars", "controlchars"},
	}
	for _, tt := range tests {
		if got := icalText(tt.in); got != tt.want {
			t.Errorf("icalText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCalendarKeepsEventIDsWhenRenamed renames a topic, its old address
// kept in its intro page's aliases: its calendar, at the new address and
// the old, gives each event the id it had, so that a calendar app shows
// no event twice.
func TestCalendarKeepsEventIDsWhenRenamed(t *testing.T) {
	uids := func(ics []byte) []string {
		var out []string
		for line := range strings.SplitSeq(string(ics), "\r\n") {
			if uid, ok := strings.CutPrefix(line, "UID:"); ok {
				out = append(out, uid)
			}
		}
		return out
	}
	withEvents := func() *content.Set {
		set := fixture()
		a := article(t, set, updatedSlug)
		a.Events = []content.Event{{Date: content.Date{Time: day("2025-06-02")}, Label: "Review due"}, {Date: content.Date{Time: day("2025-09-01")}, Label: "Report"}}
		return set
	}
	const old = "topics/ics-assessments/" + calendarFile
	before := uids(build(t, withEvents(), buildDay)[old])
	if len(before) != 2 {
		t.Fatalf("%s has event ids %q, want two", old, before)
	}
	set := withEvents()
	renameICS(set, "/topics/ics-assessments/")
	files := build(t, set, buildDay)
	for _, name := range []string{old, "topics/ics-reviews/" + calendarFile} {
		if got := uids(files[name]); !slices.Equal(got, before) {
			t.Errorf("%s: got event ids %q, want %q as before the rename", name, got, before)
		}
	}
}

// TestCalendarLastMonth gives an event in the last month a date can
// name, December 9999, its length as a duration: its end, 1 January
// 10000, has no date of eight digits.
func TestCalendarLastMonth(t *testing.T) {
	set := fixture()
	a := article(t, set, updatedSlug)
	a.Events = []content.Event{{Date: content.Date{Time: time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC), MonthOnly: true}, Label: "Far off"}}
	ics := string(build(t, set, buildDay)["topics/ics-assessments/"+calendarFile])
	if !strings.Contains(ics, "DTSTART;VALUE=DATE:99991201\r\nDURATION:P31D\r\n") || strings.Contains(ics, "DTEND;VALUE=DATE:1000") {
		t.Errorf("the event of December 9999 is not 31 days from 1 December 9999:\n%s", ics)
	}
}

// renameICS renames the topic ICS assessments, in the articles of set,
// ICS reviews, whose intro page keeps its old addresses as aliases.
func renameICS(set *content.Set, aliases ...string) {
	for _, a := range set.Articles {
		for i, topic := range a.Topics {
			if topic == "ICS assessments" {
				a.Topics[i] = "ICS reviews"
			}
		}
	}
	set.Topics = append(set.Topics, &content.Page{File: "content/topics/ics-reviews.md", Path: "topics/ics-reviews.md", Line: 1,
		Slug: "ics-reviews", Title: "ICS reviews", Summary: "Reviews of ICSs.", Aliases: aliases, AliasesLine: 4, Source: "ics-reviews"})
}

// TestRenamedTopicAtAFile renames a topic whose old address named a file
// (/tags/ics.html, as Jekyll sites had): the file sends readers on, and
// its feeds and calendar, which no folder holds, are kept at its folder
// aliases alone.
func TestRenamedTopicAtAFile(t *testing.T) {
	set := fixture()
	renameICS(set, "/tags/ics.html", "/topics/ics-assessments/")
	files := build(t, set, buildDay)
	if !strings.Contains(string(files["tags/ics.html"]), "/topics/ics-reviews/") {
		t.Errorf("tags/ics.html does not send readers on:\n%s", files["tags/ics.html"])
	}
	for name := range files {
		if strings.HasPrefix(name, "tags/ics.html/") {
			t.Errorf("made %s, inside the file of an alias", name)
		}
	}
	if _, ok := files["topics/ics-assessments/feed.xml"]; !ok {
		t.Errorf("no feed at the folder alias /topics/ics-assessments/")
	}
}
