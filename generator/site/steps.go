package site

import (
	"cmp"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// step is a step of a group's story as one of its articles gives it,
// before an event reported again is merged with its first report: by
// the place of its article among the group's articles, its own place
// among that article's steps, and the place of its status among the
// settings' statuses (-1 for none). It points at nothing of the site it
// was gathered for, so that a Memo can keep it.
type step struct {
	Step
	article, own int32
	status       int32
}

// before orders steps by date, events first on a date, then by label,
// then by the places of their articles and their own: a total order.
func before(a, b *step) int {
	if c := a.Date.Time.Compare(b.Date.Time); c != 0 {
		return c
	}
	if a.Event != b.Event {
		if a.Event {
			return -1
		}
		return 1
	}
	return cmp.Or(strings.Compare(a.Label, b.Label), cmp.Compare(a.article, b.article), cmp.Compare(a.own, b.own))
}

// counts reports whether an article's status and events count on g's
// story: an article's status, and its events, tell where the matter of
// its first topic stands; on its other topics' stories they are left
// out. A regulator's story keeps every status and event.
func (g *Group) counts(a *Article) bool { return g.Kind != "topics" || a.firstTopic == g }

// appendSteps appends the steps a, at place i among g's articles, gives
// g's story, in no set order; own is room for them as a gives them.
func (g *Group) appendSteps(steps []step, own []Step, a *Article, i int, s *content.Settings) ([]step, []Step) {
	own = a.appendSteps(own[:0], s, g.counts(a))
	for j, st := range own {
		n := int32(-1)
		for k := range s.Statuses {
			if st.Status == &s.Statuses[k] {
				n = int32(k)
			}
		}
		st.Article, st.Status = nil, nil
		steps = append(steps, step{Step: st, article: int32(i), own: int32(j), status: n})
	}
	return steps, own
}

// steps gives the steps of all g's articles, in order (see before).
func (g *Group) steps(s *content.Settings) []step {
	n := 0
	for _, a := range g.articles {
		n += a.stepCount(g.counts(a))
	}
	steps, own := make([]step, 0, n), []Step(nil)
	for i, a := range g.articles {
		steps, own = g.appendSteps(steps, own, a, i, s)
	}
	slices.SortFunc(steps, func(a, b step) int { return before(&a, &b) })
	return steps
}

// merged is a step of a story: steps[x] of the steps it was merged from,
// with the status at status among the settings' statuses (-1 for none).
type merged struct{ x, status int32 }

// merge gives the story of steps, in their order (see before): each
// event reported again, at the same instant to the second, as dates are
// written, and with the same label, is told once, as its first report,
// by the places of articles and steps, with the status of the first
// report that gives one.
func merge(steps []step) []merged {
	story := make([]merged, 0, len(steps))
	if !slices.ContainsFunc(steps, func(st step) bool { return st.Event && st.Date.Time.Nanosecond() != 0 }) {
		// Every event is dated to the second, so the reports of one
		// event come together, first by places.
		for x := 0; x < len(steps); {
			st, status, next := &steps[x], steps[x].status, x+1
			for ; st.Event && next < len(steps) && steps[next].Event && steps[next].Date.Time.Equal(st.Date.Time) && steps[next].Label == st.Label; next++ {
				if status < 0 {
					status = steps[next].status
				}
			}
			story, x = append(story, merged{int32(x), status}), next
		}
		return story
	}
	// Events a second apart or less come in the order of their instants,
	// which may part the reports of one event.
	type event struct {
		at    int64
		label string
	}
	type report struct{ first, status int } // indexes in steps; -1 for no status
	reports := map[event]report{}
	earlier := func(x, y int) bool {
		return cmp.Or(cmp.Compare(steps[x].article, steps[y].article), cmp.Compare(steps[x].own, steps[y].own)) < 0
	}
	for x := range steps {
		st := &steps[x]
		if !st.Event {
			continue
		}
		e := event{st.Date.Time.Unix(), st.Label}
		r, ok := reports[e]
		if !ok {
			r = report{first: x, status: -1}
		} else if earlier(x, r.first) {
			r.first = x
		}
		if st.status >= 0 && (r.status < 0 || earlier(x, r.status)) {
			r.status = x
		}
		reports[e] = r
	}
	for x := range steps {
		st := &steps[x]
		if !st.Event {
			story = append(story, merged{int32(x), st.status})
			continue
		}
		if r := reports[event{st.Date.Time.Unix(), st.Label}]; r.first == x {
			status := int32(-1)
			if r.status >= 0 {
				status = steps[r.status].status
			}
			story = append(story, merged{int32(x), status})
		}
	}
	return story
}

// pointed gives the story told of steps, pointing at g's articles and
// the statuses of s.
func (g *Group) pointed(steps []step, story []merged, s *content.Settings) []*Step {
	// The steps are made in one block, which costs the collector a few
	// objects rather than one a step.
	block := make([]Step, len(story))
	out := make([]*Step, len(story))
	for i, t := range story {
		block[i] = steps[t.x].Step
		block[i].Article = &g.articles[steps[t.x].article].Teaser
		if t.status >= 0 {
			block[i].Status = &s.Statuses[t.status]
		}
		out[i] = &block[i]
	}
	return out
}
