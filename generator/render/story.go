package render

import "bulletin/generator/site"

// Story is a group's story as its page shows it. Package site works out
// every step, its status and where the status changed; a Story only
// chooses how many of the newest steps the page draws.
type Story struct {
	// Tracked is set for a topic, whose story is one matter moving from
	// status to status. A regulator's story mixes many matters, so its
	// steps keep their own statuses and no changes are marked.
	Tracked bool
	Steps   []*site.Step
	// Reached lists every status the story reached, oldest first: the
	// first status it had, then each change.
	Reached []*site.Step
	Changes int // how many times the status changed: len(Reached)-1
	// Now is the place in Steps where the page says where the topic
	// stands now: after the last step reached. A step still to come can
	// stand before it, as an event this month does before an article
	// of this week.
	Now int
	// Earlier counts the oldest steps left out, so that a topic followed
	// for years keeps a page that loads quickly; its articles are all in
	// the pages of its articles.
	Earlier int
}

// maxSteps is how many of the newest steps a story shows.
const maxSteps = 100

func story(g *site.Group) *Story {
	s := &Story{Tracked: g.Kind == "topics", Steps: g.Story, Reached: g.Reached, Changes: g.Changes}
	if n := len(s.Steps); n > maxSteps {
		s.Earlier, s.Steps = n-maxSteps, s.Steps[n-maxSteps:]
	}
	for i, st := range s.Steps {
		if !st.Upcoming {
			s.Now = i + 1
		}
	}
	return s
}
