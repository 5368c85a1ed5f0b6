package site

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/history"
)

// silentStatus warns of an article whose status has changed since its
// last version began (vs, oldest first) with no change note to say so:
// its page and its topic's story then tell a new state of the matter
// while its feed entry, and its page history, tell subscribers nothing.
// A correction may be meant, so it is a warning, with how to tell it.
func silentStatus(a *Article, vs []history.Version) *content.Error {
	if len(vs) == 0 {
		return nil
	}
	v := vs[len(vs)-1]
	now := a.Content.Status
	if v.Status == "" || now == "" || strings.EqualFold(v.Status, now) {
		return nil
	}
	since := "it was first published"
	if v.Note != history.FirstPublished {
		since = fmt.Sprintf("the change note of %s", v.Date)
	}
	if v.Commit != "" {
		since += fmt.Sprintf(" (commit %.7s)", v.Commit)
	}
	c := a.Content
	return &content.Error{File: c.File, Line: cmp.Or(c.Lines.Line("status"), c.Line), Warning: true,
		Msg: fmt.Sprintf("status: changed from %s to %s since %s, with no change note of its own, so subscribers are not told: if the matter moved on, add an entry to changes and set updated; if the status was wrong, say so in a note too", v.Status, now, since)}
}

// silentBack warns of an article whose feed entries would date its last
// change before the moment feeds last gave subscribers for it (see
// history.Version.Told), as a withdrawal taken out, or updated moved
// back, does: feed readers, seeing no later change, keep showing the
// entry as it was, withdrawn or not. vs are its versions, oldest first.
// It is told of a change not yet committed and in the build of the
// commit that made it, not after a later commit.
func silentBack(a *Article, vs []history.Version, now time.Time, loc *time.Location) *content.Error {
	if len(vs) == 0 {
		return nil
	}
	v := vs[len(vs)-1]
	var told time.Time
	for _, s := range []string{v.Told, v.Last} {
		if d, err := content.ParseDate(s, loc); err == nil && !d.After(now) && d.After(told) {
			told = d
		}
	}
	c := a.Content
	line := cmp.Or(c.Lines.Line("updated"), c.Lines.Line("date"), c.Line)
	stamp := func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04 MST") }
	if a.Modified.Equal(told) && v.Commit == "" && v.Note != history.FirstPublished {
		// A change note added since the last commit, with updated as it
		// was: feeds give the change the moment they gave before it.
		return &content.Error{File: c.File, Line: line, Warning: true,
			Msg: fmt.Sprintf("updated: feeds would date the article's last change %s, as they did before the change note of %s, so feed readers would not show this change: set updated to when it is made, with its time (now, %s)", stamp(a.Modified), v.Date, now.In(loc).Truncate(time.Minute).Format(time.RFC3339))}
	}
	if !v.Moved || !a.Modified.Before(told) {
		return nil
	}
	return &content.Error{File: c.File, Line: line, Warning: true,
		Msg: fmt.Sprintf("updated: feeds would date the article's last change %s, before %s, which they last gave subscribers, so feed readers would not show this change and keep the entry as it was (withdrawn, where the withdrawal is taken out): set updated to when this change is made, and add an entry to changes saying what changed", stamp(a.Modified), stamp(told))}
}
