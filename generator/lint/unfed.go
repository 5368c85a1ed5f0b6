package lint

import (
	"fmt"
	"slices"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// foldUnfed is how many new articles unfed warns of one by one; more are
// told in one warning, as an archive moving in brings many.
const foldUnfed = 5

// unfed warns of the articles new to readers (see site.Site.Unseen) that
// the bulletin's feed does not carry: dated before every article it
// does, they reach no subscriber of it, as a new article dated the day
// the news happened, long before it is published, may be.
func unfed(s *site.Site) content.Errors {
	unseen := s.Unseen()
	if len(unseen) == 0 {
		return unfedChanges(s)
	}
	fed := render.Fed(site.Teasers(s.Articles))
	var out []*site.Article
	for _, a := range unseen {
		if !slices.Contains(fed, &a.Teaser) {
			out = append(out, a)
		}
	}
	changes := unfedChanges(s)
	if len(out) == 0 {
		return changes
	}
	oldest := fed[0].Modified
	for _, t := range fed {
		if t.Modified.Before(oldest) {
			oldest = t.Modified
		}
	}
	carries := fmt.Sprintf("every article the bulletin's feed carries (the %d changed last, back to %s)", len(fed), oldest.In(s.Settings.Location).Format("2 January 2006"))
	// An article of the oldest day a full feed carries may be left out
	// too, by the site's order on that day: it is no later than them,
	// not before them.
	day := func(t time.Time) string { return t.In(s.Settings.Location).Format(time.DateOnly) }
	before := func(a *site.Article) string {
		if day(a.Content.Date) >= day(oldest) {
			return "no later than"
		}
		return "before"
	}
	// Of the oldest day the feed carries, they came out with more than
	// it carries; older, they were dated before it.
	burst := "more came out at once than the feed carries: date some a little later, as a time still to come holds an article back until it comes, so that each reaches the feed"
	if len(out) > foldUnfed {
		c := out[0].Content
		advice := "for an archive moving in, that is as it should be; an article that is news should be dated the day it is published"
		if before(out[len(out)-1]) != "before" {
			advice = burst
		}
		return append(content.Errors{{File: s.ContentDir, Warning: true,
			Msg: fmt.Sprintf("%d new articles (%s and %d more, not yet committed or first published by the last commit) are dated %s %s, so its subscribers will not be told of them: %s", len(out), c.File, len(out)-1, before(out[0]), carries, advice)}}, changes...)
	}
	errs := changes
	for _, a := range out {
		c := a.Content
		advice := "if it is news, date it the day it is published, and say in the text when things happened; if it moves in from an archive, that is as it should be"
		if before(a) != "before" {
			advice = burst
		}
		errs = append(errs, &content.Error{File: c.File, Line: max(c.Lines.Line("date"), c.Line), Warning: true,
			Msg: fmt.Sprintf("date: %s is %s %s, so its subscribers will not be told of this new article: %s", day(c.Date), before(a), carries, advice)})
	}
	return errs
}

// unfedChanges warns of the changes new to readers (see site.Site.Retold)
// that the bulletin's feed does not carry: an update or a withdrawal of
// an older article dated before every change the feed carries, as one
// dated the day it was decided, long before it is made, may be, reaches
// no subscriber of it, though its feed entry is there to tell them.
func unfedChanges(s *site.Site) content.Errors {
	retold := s.Retold()
	if len(retold) == 0 {
		return nil
	}
	fed := render.Fed(site.Teasers(s.Articles))
	var errs content.Errors
	for _, a := range retold {
		if slices.Contains(fed, &a.Teaser) {
			continue
		}
		oldest := fed[0].Modified
		for _, t := range fed {
			if t.Modified.Before(oldest) {
				oldest = t.Modified
			}
		}
		c := a.Content
		field, advice := "updated", "date it when it is made, with its time, and its change note the same"
		if c.Withdrawn != nil && a.Modified.Equal(c.Withdrawn.Date) {
			field, advice = "withdrawn", "date it the day it is withdrawn"
		}
		at := func(t time.Time) string { return t.In(s.Settings.Location).Format("2006-01-02 15:04 MST") }
		before := "before"
		if !a.Modified.Before(oldest) {
			before = "no later than" // left out by the site's order on a tie
		}
		errs = append(errs, &content.Error{File: c.File, Line: max(c.Lines.Line(field), c.Line), Warning: true,
			Msg: fmt.Sprintf("%s: feeds would date this change %s, %s every change the bulletin's feed carries (the %d articles changed last, back to %s), so its subscribers will not be told of it: %s", field, at(a.Modified), before, len(fed), at(oldest), advice)})
	}
	return errs
}
