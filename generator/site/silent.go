package site

import (
	"cmp"
	"fmt"
	"slices"
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

// retold tells whether the work tree, or the last commit to change the
// content folder, moved the moment feeds give as an article's last change
// (see history.Version.Moved) to one no earlier than any they gave
// before: a change whose build is the first to tell subscribers of it.
// vs are its versions, oldest first; at is set as lastTold sets it.
func retold(a *Article, vs []history.Version, now time.Time, loc *time.Location, at *time.Time) bool {
	if len(vs) == 0 || !vs[len(vs)-1].Moved {
		return false
	}
	v := vs[len(vs)-1]
	if last, err := content.ParseDate(v.Last, loc); err == nil && len(vs) == 1 && len(v.Published) <= 1 && a.Modified.Equal(last) {
		// The last commit first published it, and the work tree has not
		// moved the moment since: a new article, no change (see Unseen).
		return false
	}
	return !a.Modified.Before(lastTold(v, now, loc, at))
}

// lastTold is the latest moment, up to now, that feeds gave subscribers as
// the article's last change, as v, its last version, has it; zero for
// none. at is set to the moment, if sooner, at which a later one comes.
func lastTold(v history.Version, now time.Time, loc *time.Location, at *time.Time) time.Time {
	var t time.Time
	for _, s := range []string{v.Told, v.Last} {
		d, err := content.ParseDate(s, loc)
		switch {
		case err != nil:
		case d.After(now):
			soonest(at, d, now)
		case d.After(t):
			t = d
		}
	}
	return t
}

// silentBack warns of an article whose feed entries would date its last
// change before the moment feeds last gave subscribers for it (see
// history.Version.Told), as a withdrawal taken out, or updated moved
// back, does: feed readers, seeing no later change, keep showing the
// entry as it was, withdrawn or not. vs are its versions, oldest first.
// It is told of a change not yet committed and in the build of the
// commit that made it, not after a later commit. at is set to the
// moment, if sooner, at which what it tells may change: one of those
// moments comes, or the minute it gives as now is past.
func silentBack(a *Article, vs []history.Version, now time.Time, loc *time.Location, at *time.Time) *content.Error {
	if len(vs) == 0 {
		return nil
	}
	v := vs[len(vs)-1]
	told := lastTold(v, now, loc, at)
	c := a.Content
	line := cmp.Or(c.Lines.Line("updated"), c.Lines.Line("date"), c.Line)
	stamp := func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04 MST") }
	if noted := v.Commit == "" && v.Note != history.FirstPublished; noted && !a.Modified.After(told) {
		// A change note added since the last commit, with updated as it
		// was: feeds give the change the moment they gave before it, or
		// an earlier one.
		soonest(at, now.Truncate(time.Minute).Add(time.Minute), now)
		as := "as they did before the change note of " + v.Date + ", so feed readers would not show this change"
		if a.Modified.Before(told) {
			as = fmt.Sprintf("before %s, which they last gave subscribers, so feed readers would not show the change note of %s", stamp(told), v.Date)
		}
		return &content.Error{File: c.File, Line: line, Warning: true,
			Msg: fmt.Sprintf("updated: feeds would date the article's last change %s, %s: set updated to when it is made, with its time (now, %s)", stamp(a.Modified), as, now.In(loc).Truncate(time.Minute).Format(time.RFC3339))}
	}
	if !v.Moved || !a.Modified.Before(told) {
		return nil
	}
	return &content.Error{File: c.File, Line: line, Warning: true,
		Msg: fmt.Sprintf("updated: feeds would date the article's last change %s, before %s, which they last gave subscribers, so feed readers would not show this change and keep the entry as it was (withdrawn, where the withdrawal is taken out): set updated to when this change is made, and add an entry to changes saying what changed", stamp(a.Modified), stamp(told))}
}

// zoneMoved warns of a time_zone that differs from the one site.yaml
// gave at the commit read (changed and not yet committed), or that the
// last commit to change the content folder changed: every date written
// without an offset then names another moment, so that each page and
// feed entry moves by the hours between the zones, as subscribers see.
// The build of that commit tells it once; zones that give every article
// the same moment (two names of one zone) are no change.
func (s *Site) zoneMoved(h *history.History) *content.Error {
	if h == nil || h.Reason != "" || s.Settings.Broken || len(s.Articles) == 0 {
		return nil
	}
	from, when := h.Zone, "since the last commit"
	if from == s.Settings.TimeZone {
		from, when = h.ZoneBefore, "by the last commit to change the content folder"
	}
	if from == "" || from == s.Settings.TimeZone {
		return nil
	}
	was, err := time.LoadLocation(from)
	if err != nil {
		return nil
	}
	if !slices.ContainsFunc(s.Articles, func(a *Article) bool {
		return offset(a.Content.Date, was) != offset(a.Content.Date, s.Settings.Location)
	}) {
		return nil
	}
	file := content.JoinPath(s.ContentDir, content.SettingsFile)
	return &content.Error{File: file, Line: content.ZoneLine(&s.Settings), Warning: true,
		Msg: fmt.Sprintf("time_zone: changed from %s to %s %s, which moves every date written without an offset by the hours between the two, on pages and in feeds, so feed readers may show those articles as changed again, or keep them as they were: if the site was published in %s, keep that zone, or write each date that should stay with its offset first (2025-03-27T09:00:00+00:00)", from, s.Settings.TimeZone, when, from)}
}

// offset is the offset from UTC, in seconds, of loc at t.
func offset(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}
