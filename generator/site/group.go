package site

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"bulletin/generator/content"
	"bulletin/generator/cores"
)

// Group is a topic or a regulator: its articles, its story and where the
// matter stands now.
type Group struct {
	Ref
	Intro *content.Page
	// Articles are its articles' teasers, newest first. Pages list
	// teasers, not articles, so that an edit to one article's body
	// remakes its own page and feeds but no list that shows it (see
	// package render); Full gives the articles behind them.
	Articles []*Teaser
	Story    []*Step // oldest first
	Status   *content.Status
	Since    content.Date // when the current status was reached
	// Reported says that Since is the date of the article that reported
	// the status, not of an event: pages say "reported", not "since".
	Reported bool
	// Confirmed is the date of the newest step up to now that gives the
	// current status again, after Since ("paused again"); zero when none
	// does.
	Confirmed content.Date
	Changes   int       // how many times the status changed along the story
	Reached   []*Step   // the steps where a topic's story reached a status, oldest first: the first, then each change
	Updated   time.Time // newest content change among its articles
	Upcoming  []*Step   // events still to come, soonest first
	Pages     []*Page   // its articles in pages: the first on its own page, the rest below it

	articles []*Article // what Articles stand for
	written  []spelling // the ways its articles write its name, as first met
}

// Ref is what a page shows of a topic or regulator it links to.
type Ref struct {
	Kind     string // "topics" or "regulators"
	Slug     string
	Name     string // as shown: a topic's name, a regulator's abbreviation
	FullName string // a regulator's full name, or the intro page's title
	Website  string // a regulator's website
	URL      string
}

// Step is one dated point of a group's story: an article's publication
// or an event it reports.
type Step struct {
	Date    content.Date
	Label   string
	Note    string // for an update, the note of the change it made, if one is dated on its day
	Status  *content.Status
	Article *Teaser // the article published or updated, or the one reporting the event
	Event   bool
	Update  bool // the step is the article's update, carrying its status
	// Upcoming marks a step still to come: an event whose day (or month)
	// has not ended, or a date after the build's. Its status does not
	// count yet.
	Upcoming bool
	// Change is set, on a topic's story, where the story reaches a status
	// it was not in just before; First on the first status it reaches.
	Change, First bool
}

// spelling is one way articles write a group's name, and how many do.
type spelling struct {
	name string
	n    int
}

// groups gathers the articles under each name that keys returns, telling
// add of each article's groups in the order it names them, and adds a
// group for every intro page. Names that make one slug ("ICS
// assessments", "ICS-assessments") are one group, named as most of its
// articles write it, or as the newest of those that tie.
func groups(kind string, intros []*content.Page, articles []*Article, keys func(*Article) []string, add func(*Article, *Group), s *content.Settings, now time.Time, m *Memo) []*Group {
	bySlug := map[string]*Group{}
	// Each name as written, worked out once: its composed form, as one
	// name written in two Unicode forms (é as one character, or e and a
	// mark) is one spelling, and its slug.
	type spelt struct{ name, slug string }
	names := map[string]spelt{}
	get := func(slug, name string) *Group {
		g := bySlug[slug]
		if g == nil {
			g = &Group{Ref: Ref{Kind: kind, Slug: slug, Name: name, URL: "/" + kind + "/" + slug + "/"}}
			bySlug[slug] = g
		}
		return g
	}
	for _, a := range articles {
		for i, written := range keys(a) {
			n, ok := names[written]
			if !ok {
				n.name = norm.NFC.String(written)
				n.slug = content.Slug(n.name)
				names[written] = n
			}
			name := n.name
			g := get(n.slug, name)
			if i == 0 && kind == "topics" {
				a.firstTopic = g
			}
			if len(g.articles) == 0 || g.articles[len(g.articles)-1] != a {
				g.articles = append(g.articles, a)
				g.count(name)
				add(a, g)
			} else if !slices.Contains(keys(a)[:i], name) {
				g.count(name) // another spelling in the same article
			}
		}
	}
	for _, p := range intros {
		g := get(p.Slug, p.Title)
		g.Intro = p
	}
	out := make([]*Group, 0, len(bySlug))
	for _, g := range bySlug {
		g.Articles = Teasers(g.articles)
		var most spelling
		for _, w := range g.written {
			if w.n > most.n {
				most = w
			}
		}
		if most.n > 0 {
			g.Name = most.name
		}
		if kind == "regulators" {
			if r := regulator(s, g.Slug); r != nil {
				g.Name, g.FullName, g.Website = r.Abbr, r.Name, r.URL
			}
		}
		if g.Intro != nil {
			if kind == "topics" {
				g.Name = g.Intro.Title
			}
			if g.FullName == "" {
				g.FullName = g.Intro.Title
			}
		}
		out = append(out, g)
	}
	cores.Each(out, func(_ int, g *Group) { g.story(s, now, m) })
	slices.SortFunc(out, func(a, b *Group) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.Slug, b.Slug))
	})
	return out
}

// count notes one more article that writes the group's name as name.
func (g *Group) count(name string) {
	for i := range g.written {
		if g.written[i].name == name {
			g.written[i].n++
			return
		}
	}
	g.written = append(g.written, spelling{name, 1})
}

// regulator finds a regulator group's entry in the settings by slug, as
// groups are keyed, so that a group made only from an intro page (whose
// name is the page's title) still finds its abbreviation.
func regulator(s *content.Settings, slug string) *content.Regulator {
	for i := range s.Regulators {
		if content.Slug(s.Regulators[i].Abbr) == slug {
			return &s.Regulators[i]
		}
	}
	return nil
}

// stepCount is how many steps appendSteps gives of a.
func (a *Article) stepCount(counts bool) int {
	n := 1
	if !a.Updated.IsZero() && a.Status != nil {
		n++
	}
	if counts && a.Withdrawn == nil {
		n += len(a.Events)
	}
	return n
}

// appendSteps appends the steps an article gives a group's story, with
// their statuses where they count there (see Group.counts): its
// publication, its update where it carries a status, and, where they
// count, the events it reports.
func (a *Article) appendSteps(steps []Step, s *content.Settings, counts bool) []Step {
	// A withdrawn article stays in the story, but what it said of the
	// matter was taken back: its status and events count nowhere.
	counts = counts && a.Withdrawn == nil
	status := func(st *content.Status) *content.Status {
		if !counts {
			return nil
		}
		return st
	}
	if a.Updated.IsZero() || a.Status == nil {
		steps = append(steps, Step{Date: content.Date{Time: a.Date}, Label: a.Title, Status: status(a.Status), Article: &a.Teaser})
	} else {
		// An updated article's status is where things stood at its
		// update, not at its first publication.
		steps = append(steps, Step{Date: content.Date{Time: a.Date}, Label: a.Title, Article: &a.Teaser},
			Step{Date: content.Date{Time: a.Updated}, Label: a.Title, Status: status(a.Status), Article: &a.Teaser, Update: true, Note: updateNote(a.Changes, a.Updated)})
	}
	if !counts {
		// Its key dates are its first topic's, and a withdrawn
		// article's count nowhere.
		return steps
	}
	for _, e := range a.Events {
		steps = append(steps, Step{Date: e.Date, Label: e.Label, Status: s.Status(e.Status), Article: &a.Teaser, Event: true})
	}
	return steps
}

// updateNote gives the note of the change an update made, the newest
// of changes when it is dated on the update's day, in its zone (the
// first of those dated alike); "" when none is, as when updated is set
// later than the newest note says.
func updateNote(changes []content.Change, updated time.Time) string {
	var newest *content.Change
	for i, c := range changes {
		if newest == nil || c.Date.After(newest.Date) {
			newest = &changes[i]
		}
	}
	if newest == nil {
		return ""
	}
	y, m, d := updated.Date()
	if ny, nm, nd := newest.Date.In(updated.Location()).Date(); ny != y || nm != m || nd != d {
		return ""
	}
	return newest.Note
}

// story merges the group's articles and their events into date order and
// works out the current status. The steps are taken from m where its
// articles are the ones they were last gathered from.
func (g *Group) story(s *content.Settings, now time.Time, m *Memo) {
	for _, a := range g.articles {
		if a.Modified.After(g.Updated) {
			g.Updated = a.Modified
		}
	}
	g.Story = m.story(g, s)
	// The statuses a topic's story reached up to now, in date order;
	// statuses of steps still to come do not count yet. A regulator's
	// story mixes many matters, so no status of one stands for it.
	var last *content.Status
	// An event two months before now or earlier has ended, whether its
	// date names a day or a month.
	ended := now.AddDate(0, -2, 0)
	for _, st := range g.Story {
		st.Upcoming = st.Date.Time.After(now) || st.Event && st.Date.Time.After(ended) && stillToCome(st.Date, now)
		if st.Upcoming && st.Event {
			g.Upcoming = append(g.Upcoming, st)
		}
		if g.Kind != "topics" || st.Upcoming || st.Status == nil {
			continue
		}
		if last != nil && st.Status.Key == last.Key {
			if st.Date.Time.After(g.Since.Time) {
				g.Confirmed = st.Date
			}
			continue
		}
		st.Change, st.First = true, last == nil
		g.Reached = append(g.Reached, st)
		g.Since, g.Reported, g.Confirmed = st.Date, !st.Event, content.Date{}
		last = st.Status
	}
	g.Changes = max(len(g.Reached)-1, 0)
	g.Status = last
	if g.Intro != nil && g.Intro.Status != "" {
		g.Status = s.Status(g.Intro.Status)
		if last == nil || g.Status == nil || g.Status.Key != last.Key {
			// The story does not end in the intro page's status, so no
			// step says since when it holds.
			g.Since, g.Reported, g.Confirmed = content.Date{}, false, content.Date{}
		}
	}
}

// stillToCome reports whether a date's day, or month, has not yet ended.
func stillToCome(d content.Date, now time.Time) bool {
	return dayEnd(d).After(now)
}

// dayEnd is the end of a date's day, or of its month.
func dayEnd(d content.Date) time.Time {
	if d.MonthOnly {
		return d.Time.AddDate(0, 1, 0)
	}
	return d.Time.AddDate(0, 0, 1)
}
