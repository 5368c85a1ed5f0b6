package site

import (
	"cmp"
	"fmt"
	"time"

	"bulletin/generator/content"
)

// updatedAhead warns of an article whose updated date is still to come
// at now: readers see it at once, on the page ("Updated …"), in feeds
// and in the sitemap, as if the change were made. It is a warning, as a
// wrong year is likelier than a plan, and the site is right again once
// the day comes. at is set to that moment, when the warning goes, if
// it is sooner (see Site.Warned).
func updatedAhead(a *Article, now time.Time, loc *time.Location, at *time.Time) *content.Error {
	c := a.Content
	if !c.Updated.After(now) {
		return nil
	}
	soonest(at, c.Updated, now)
	return &content.Error{File: c.File, Line: cmp.Or(c.Lines.Line("updated"), c.Line), Warning: true,
		Msg: fmt.Sprintf("updated: %s is still to come, but readers see it now, on the page and in feeds, as the day the article was updated: set updated when the change is made", c.Updated.In(loc).Format("2006-01-02 15:04 MST"))}
}

// withdrawnAhead warns, as updatedAhead does, of an article withdrawn on
// a day still to come at now: readers see it withdrawn at once.
func withdrawnAhead(a *Article, now time.Time, loc *time.Location, at *time.Time) *content.Error {
	c := a.Content
	if c.Withdrawn == nil || !c.Withdrawn.Date.After(now) {
		return nil
	}
	soonest(at, c.Withdrawn.Date, now)
	return &content.Error{File: c.File, Line: cmp.Or(c.Lines.Line("withdrawn"), c.Line), Warning: true,
		Msg: fmt.Sprintf("withdrawn.date: %s is still to come, but readers see the article withdrawn now, on its page and in feeds: set withdrawn when it is withdrawn", dayOrMoment(c.Withdrawn.Date, loc))}
}

// soonest sets *at to t when t is after now, in a year a time can be
// written in, and sooner than *at or *at is zero.
func soonest(at *time.Time, t, now time.Time) {
	if t.After(now) && t.Year() <= 9999 && (at.IsZero() || t.Before(*at)) {
		*at = t
	}
}

// FarAhead says whether an article dated date, at now, is dated more than
// 20 years ahead, which no bulletin publishes (see lint).
func FarAhead(date, now time.Time) bool { return date.After(now.AddDate(20, 0, 0)) }

// farAheadEnds is the first moment at which an article dated date is no
// longer FarAhead.
func farAheadEnds(date time.Time) time.Time {
	t := date.AddDate(-20, 0, 0)
	for FarAhead(date, t) {
		t = t.Add(time.Second) // where AddDate made the day of another month
	}
	return t
}

// dayOrMoment writes t in loc as its day alone at midnight, else with
// its time and zone: a moment later on the day of the build is still to
// come, and its day alone would read as past.
func dayOrMoment(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if t.Equal(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)) {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04 MST")
}
