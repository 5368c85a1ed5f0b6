package render

import (
	"bulletin/generator/content"
	"bulletin/generator/site"
)

// StoryStep is one point of a topic's story as its timeline draws it.
type StoryStep struct {
	*site.Step
	// Change is set where the story reaches a status it was not in just
	// before: the first status it reaches, and every change after that.
	Change bool
	// First is set on the first status the story reaches, so the page
	// can say "status set" rather than "changed".
	First bool
	// Upcoming marks an event still to come; its status does not count yet.
	Upcoming bool
}

// StatusChange is a status the story reached, and when.
type StatusChange struct {
	Date   content.Date
	Status *content.Status
}

// Story is a group's story as its page shows it: every step in date order
// with the status changes marked, and the changes on their own for the
// status history line.
type Story struct {
	// Tracked is set for a topic, whose story is one matter moving from
	// status to status. A regulator's story mixes many matters, so its
	// steps keep their own statuses and no changes are marked.
	Tracked bool
	Steps   []StoryStep
	// Reached lists every status the story reached, oldest first: the
	// first status it had, then each change (len(Reached)-1 changes).
	Reached []StatusChange
	// Earlier counts the oldest steps left out, so that a topic followed
	// for years keeps a page that loads quickly; its articles are all in
	// the pages of its articles.
	Earlier int
}

// maxSteps is how many of the newest steps a story shows.
const maxSteps = 100

// Changes is how many times the status changed along the story.
func (s *Story) Changes() int { return max(len(s.Reached)-1, 0) }

// ChangedTo lists the changes after the first status.
func (s *Story) ChangedTo() []StatusChange {
	if len(s.Reached) < 2 {
		return nil
	}
	return s.Reached[1:]
}

// story marks where a topic's story changes status. It counts the way
// package site does: statuses of events still to come do not count yet.
func story(g *site.Group) *Story {
	upcoming := make(map[*site.Step]bool, len(g.Upcoming))
	for _, st := range g.Upcoming {
		upcoming[st] = true
	}
	s := &Story{Tracked: g.Kind == "topics"}
	var last *content.Status
	for _, st := range g.Story {
		step := StoryStep{Step: st, Upcoming: upcoming[st]}
		if s.Tracked && st.Status != nil && !step.Upcoming && (last == nil || last.Key != st.Status.Key) {
			step.Change, step.First = true, last == nil
			s.Reached = append(s.Reached, StatusChange{Date: st.Date, Status: st.Status})
			last = st.Status
		}
		s.Steps = append(s.Steps, step)
	}
	if n := len(s.Steps); n > maxSteps {
		s.Earlier, s.Steps = n-maxSteps, s.Steps[n-maxSteps:]
	}
	return s
}
