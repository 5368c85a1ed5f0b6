package site

import (
	"fmt"

	"bulletin/generator/content"
)

// staleStatuses warns of each topic whose intro page sets a status its
// story has left: the page would name the intro's status as current
// above a story whose last change of status says otherwise, as an intro
// page does once the news moves on and it is not edited. The intro's
// status still stands, so each is a warning.
func staleStatuses(topics []*Group) []*content.Error {
	var out []*content.Error
	for _, g := range topics {
		if g.Intro == nil || g.Intro.Status == "" || g.Status == nil || len(g.Reached) == 0 {
			continue
		}
		last := g.Reached[len(g.Reached)-1]
		if last.Status.Key == g.Status.Key {
			continue
		}
		a, field := Full(last.Article).Content, "status"
		if last.Event {
			field = "events"
		}
		line := a.Lines.Line(field)
		if line == 0 {
			line = a.Line
		}
		when := last.Date.Time.Format("2 January 2006")
		if last.Date.MonthOnly {
			when = last.Date.Time.Format("January 2006")
		}
		out = append(out, &content.Error{File: g.Intro.File, Line: g.Intro.StatusLine, Warning: true,
			Msg: fmt.Sprintf("status: %s, but the story of %s last changed to %s, on %s (%s:%d); the page would show both: delete this line to follow the story, or report the change in an article",
				g.Intro.Status, g.Name, last.Status.Label, when, a.File, line)})
	}
	return out
}
