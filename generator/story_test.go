package main

import (
	"bulletin/generator/render"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	storyList = regexp.MustCompile(`(?s)<ol class="story-line">(.*?)</ol>`)
	storyStep = regexp.MustCompile(`(?s)<li class="step ([^"]*)">(.*?)</li>`)
	stepTime  = regexp.MustCompile(`<time datetime="([^"]+)">([^<]+)</time>`)
	tagsOnly  = regexp.MustCompile(`<[^>]+>`)
)

// TestTopicStory reads each topic page of the sample site as a screen
// reader or a browser without CSS does: the story is one ordered list in
// date order, month-long events read as months, every status change says
// the status's name in words, and the list ends with the current status.
func TestTopicStory(t *testing.T) {
	dir, r := sampleSite(t, "")
	for _, g := range r.site.Topics {
		page := readFile(t, filepath.Join(dir, filepath.FromSlash(render.FileFor(g.URL))))
		list := storyList.FindStringSubmatch(page)
		if list == nil {
			t.Errorf("%s: no story list", g.URL)
			continue
		}
		steps := storyStep.FindAllStringSubmatch(list[1], -1)
		if len(steps) != len(g.Story)+1 {
			t.Errorf("%s: %d steps, want %d and the current status", g.URL, len(steps), len(g.Story))
			continue
		}
		last := ""
		changes := 0
		for i, st := range steps[:len(steps)-1] {
			class, body := st[1], st[2]
			tm := stepTime.FindStringSubmatch(body)
			if tm == nil {
				t.Errorf("%s: step %d has no date", g.URL, i+1)
				continue
			}
			if tm[1] < last[:min(len(last), len(tm[1]))] {
				t.Errorf("%s: step %d, %s, comes after %s", g.URL, i+1, tm[1], last)
			}
			last = tm[1]
			if g.Story[i].Date.MonthOnly != strings.Contains(class, "step-month") || g.Story[i].Date.MonthOnly && len(tm[1]) != len("2006-01") {
				t.Errorf("%s: step %d (%s, %q): want month-long events, and only they, shown as months", g.URL, i+1, tm[1], tm[2])
			}
			text := strings.Join(strings.Fields(tagsOnly.ReplaceAllString(body, " ")), " ")
			if strings.Contains(class, "step-change") {
				if !strings.Contains(text, "Status") || !strings.Contains(text, g.Story[i].Status.Label) {
					t.Errorf("%s: step %d changes status but reads %q", g.URL, i+1, text)
				}
				if strings.Contains(text, "Status changed to") {
					changes++
				}
			}
		}
		if changes != g.Changes {
			t.Errorf("%s: %d status changes marked, want %d", g.URL, changes, g.Changes)
		}
		now := strings.Join(strings.Fields(tagsOnly.ReplaceAllString(steps[len(steps)-1][2], " ")), " ")
		if g.Status != nil && !strings.HasPrefix(now, "Now Current status "+g.Status.Label) {
			t.Errorf("%s: the story ends %q, want the current status, %s", g.URL, now, g.Status.Label)
		}
		history := fmt.Sprintf("changed %d times", g.Changes)
		switch {
		case g.Changes == 0 && g.Status != nil && !g.Since.IsZero():
			history = g.Status.Label // then how long, and "unchanged"
		case g.Changes == 0:
			history = "no change"
		case g.Changes == 1:
			history = "changed once"
		}
		if g.Status != nil && !strings.Contains(page, "<strong>Status history:</strong> "+history) {
			t.Errorf("%s: no status history line saying %q", g.URL, history)
		}
		if g.Changes == 0 && g.Status != nil && !g.Since.IsZero() && !regexp.MustCompile(`<strong>Status history:</strong> [^<]*<time[^>]*>[^<]*</time>, unchanged`).MatchString(page) {
			t.Errorf("%s: the status history does not say the status is unchanged", g.URL)
		}
	}
}
