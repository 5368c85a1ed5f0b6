package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/render"
	"bulletin/generator/site"
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
// the status's name in words, and where the topic stands now comes after
// the last step reached, as it is built today and as it was built
// before some of its events.
func TestTopicStory(t *testing.T) {
	for _, now := range []time.Time{testNow, time.Date(2024, 4, 15, 12, 0, 0, 0, time.UTC)} {
		t.Run(now.Format(time.DateOnly), func(t *testing.T) {
			o := options{Content: "testdata/sample/content", Templates: "../templates", Out: filepath.Join(t.TempDir(), "public"), Now: now}
			r, err := build(o)
			if err != nil {
				t.Fatal(err)
			}
			upcoming := 0
			for _, g := range r.Site.Topics {
				upcoming += len(g.Upcoming)
				checkStory(t, o.Out, g)
				checkKeyDates(t, o.Out, g)
			}
			for _, g := range r.Site.Regulators {
				checkKeyDates(t, o.Out, g)
			}
			if now.Before(testNow) && upcoming == 0 {
				t.Errorf("no topic has steps to come, which the test is for")
			}
		})
	}
}

// keyDate is one of the key dates still to come on a group's page.
var keyDate = regexp.MustCompile(`(?s)<li><time datetime="[^"]+">[^<]+</time>: (.*?)</li>`)

// checkKeyDates checks the key dates still to come on the page of the
// group g, in the site built into dir: each is listed, and on a
// regulator's page, which mixes many matters, names its topic.
func checkKeyDates(t *testing.T, dir string, g *site.Group) {
	t.Helper()
	page := readFile(t, filepath.Join(dir, filepath.FromSlash(render.FileFor(g.URL))))
	_, list, _ := strings.Cut(page, `<h2 id="upcoming-heading">`)
	list, _, _ = strings.Cut(list, "</ul>")
	dates := keyDate.FindAllStringSubmatch(list, -1)
	if len(dates) != len(g.Upcoming) {
		t.Errorf("%s: %d key dates to come, want %d", g.URL, len(dates), len(g.Upcoming))
		return
	}
	for i, st := range g.Upcoming {
		if topics := st.Article.Topics; g.Kind == "regulators" && len(topics) > 0 && !strings.Contains(dates[i][1], ">"+topics[0].Name+"</a>)") {
			t.Errorf("%s: key date %q does not name its topic, %s", g.URL, dates[i][1], topics[0].Name)
		}
	}
}

// checkStory checks the story of the topic g on its page in the site
// built into dir.
func checkStory(t *testing.T, dir string, g *site.Group) {
	t.Helper()
	page := readFile(t, filepath.Join(dir, filepath.FromSlash(render.FileFor(g.URL))))
	list := storyList.FindStringSubmatch(page)
	if list == nil {
		if len(g.Story) > 0 {
			t.Errorf("%s: no story list", g.URL)
		}
		return
	}
	steps := storyStep.FindAllStringSubmatch(list[1], -1)
	reached, at := 0, -1 // the place now's step should have, and the one it has
	for i, st := range steps {
		if strings.Contains(st[1], "step-now") {
			at = i
			steps = slices.Delete(steps, i, i+1)
			break
		}
	}
	for i, st := range g.Story {
		if !st.Upcoming {
			reached = i + 1 // now comes after the last step reached
		}
	}
	if len(steps) != len(g.Story) {
		t.Errorf("%s: %d steps, want %d", g.URL, len(steps), len(g.Story))
		return
	}
	switch {
	case g.Status == nil && at >= 0:
		t.Errorf("%s: the story says where it stands now, but has no status", g.URL)
	case g.Status != nil && at != reached:
		t.Errorf("%s: where the story stands now is step %d, want %d, after the last step reached", g.URL, at+1, reached+1)
	}
	last := ""
	changes := 0
	for i, st := range steps {
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
		if g.Story[i].Upcoming != strings.Contains(class, "step-upcoming") {
			t.Errorf("%s: step %d (%s): marked to come %v, want %v", g.URL, i+1, tm[1], !g.Story[i].Upcoming, g.Story[i].Upcoming)
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
	if g.Status != nil && at >= 0 {
		now := strings.Join(strings.Fields(tagsOnly.ReplaceAllString(storyStep.FindAllStringSubmatch(list[1], -1)[at][2], " ")), " ")
		if !strings.HasPrefix(now, "Now Current status "+g.Status.Label) {
			t.Errorf("%s: the story's now reads %q, want the current status, %s", g.URL, now, g.Status.Label)
		}
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
