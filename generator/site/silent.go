package site

import (
	"cmp"
	"fmt"
	"strings"

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
