package main

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"bulletin/generator/content"
)

// plan is what every article needs to know about the others: dates, titles
// and URLs for links, topics for stories. Bodies are written one at a time
// from it and never held together.
type plan struct {
	seed      uint64
	articles  []article     // in date order
	stories   [][]milestone // by topic, oldest first
	byTopic   [][]int       // published articles of each topic, in date order
	published []int         // every published article, in date order
}

// article is one planned article.
type article struct {
	day       int    // days since epoch
	date      string // as written in the front matter
	title     string
	topics    []int // first is the main topic
	regs      []int // first is the main regulator
	status    string
	name      string // the file name's slug, after the date
	url       string
	slug      string // set in the front matter, or ""
	aliases   []string
	draft     bool
	withdrawn bool
	id        bool
}

// milestone is one step of a topic's story; articles repeat it as an event.
type milestone struct {
	day       int
	monthOnly bool
	status    string
	label     string
}

func (m milestone) date() string {
	if m.monthOnly {
		return dayTime(m.day).Format("2006-01")
	}
	return dayString(m.day)
}

// Features that only a few articles have come at fixed intervals from a
// random start, so that even a small corpus has each of them.
const (
	everyDraft     = 97
	everyWithdrawn = 61
	everyID        = 83
	everyAlias     = 23
	everySlug      = 13
)

func newPlan(n int, seed uint64) *plan {
	r := rand.New(rand.NewPCG(seed, 1<<62))
	p := &plan{seed: seed, stories: stories(r), byTopic: make([][]int, len(topics))}
	p.articles = dates(r, n)
	zipf := rand.NewZipf(r, 1.1, 1, uint64(len(topics)-1))
	offset := func(every int) int { return r.IntN(every) }
	draft, withdrawn, id, alias, slug := offset(everyDraft), offset(everyWithdrawn), offset(everyID), offset(everyAlias), offset(everySlug)
	urls, files := map[string]bool{}, map[string]bool{}
	for i := range p.articles {
		a := &p.articles[i]
		a.topics = pickTopics(r, zipf)
		a.regs = pickRegulators(r, a.topics[0])
		a.status = p.statusOn(a.topics[0], a.day)
		v := newVoice(r, a.regs, a.topics[0], dayTime(a.day).Year())
		a.draft = (i+draft)%everyDraft == 0
		a.withdrawn = (i+withdrawn)%everyWithdrawn == 0 && a.day < lastDay
		a.id = (i+id)%everyID == 0
		month, ymd := dayTime(a.day).Format("/2006/01/"), dayTime(a.day).Format("2006-01-02")
		if (i+slug)%everySlug == 0 {
			a.slug = unique(content.Slug(topics[a.topics[0]]+" "+a.status), func(s string) bool { return urls[month+s+"/"] })
		}
		taken := func(s string) bool { return files[ymd+s] || (a.slug == "" && urls[month+s+"/"]) }
		// Like an editor, try another headline before numbering a slug.
		for try := 0; ; try++ {
			a.title = v.title(a.status)
			if a.name = shorten(content.Slug(a.title)); !taken(a.name) || try == 10 {
				break
			}
		}
		a.name = unique(a.name, taken)
		a.url = month + cmp.Or(a.slug, a.name) + "/"
		urls[a.url], files[ymd+a.name] = true, true
		if !a.draft {
			p.published = append(p.published, i)
			for _, t := range a.topics {
				p.byTopic[t] = append(p.byTopic[t], i)
			}
		}
	}
	// Aliases come after every URL is known, so none can clash with an
	// article planned later.
	for i := range p.articles {
		if (i+alias)%everyAlias == 0 {
			p.addAliases(r, &p.articles[i], urls)
		}
	}
	return p
}

// dates draws n publication dates, denser in recent years as a bulletin
// grows, and returns the articles in date order.
func dates(r *rand.Rand, n int) []article {
	type stamp struct{ day, minute, form int }
	stamps := make([]stamp, n)
	for i := range stamps {
		u := r.Float64()
		if r.IntN(2) == 0 {
			u = math.Sqrt(u)
		}
		s := stamp{day: min(int(u*float64(lastDay+1)), lastDay)}
		// Most dates are days; some carry a time, in UTC or in the site's
		// zone, always in working hours so the day is the same in both.
		switch f := r.IntN(10); {
		case f == 0:
			s.form, s.minute = 1, 8*60+r.IntN(9*60)
		case f == 1:
			s.form, s.minute = 2, 8*60+r.IntN(9*60)
		}
		stamps[i] = s
	}
	slices.SortFunc(stamps, func(a, b stamp) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.minute, b.minute), cmp.Compare(a.form, b.form))
	})
	out := make([]article, n)
	for i, s := range stamps {
		t := dayTime(s.day).Add(time.Duration(s.minute) * time.Minute)
		out[i].day = s.day
		switch s.form {
		case 0:
			out[i].date = t.Format("2006-01-02")
		case 1:
			out[i].date = t.Format("2006-01-02T15:04:05Z")
		case 2:
			out[i].date = t.Format("2006-01-02T15:04")
		}
	}
	return out
}

// stories gives each topic a course through the statuses, with a
// milestone for each step that has happened by lastDay. When one course
// ends the matter comes back after a while and takes another.
func stories(r *rand.Rand) [][]milestone {
	out := make([][]milestone, len(topics))
	for t := range topics {
		v := newVoice(r, []int{leadRegulator(t)}, t, 0)
		for d, course := r.IntN(900)-200, t; d <= lastDay; course++ {
			for _, status := range paths[course%len(paths)] {
				m := milestone{day: d, monthOnly: r.IntN(10) < 3, status: status}
				if m.monthOnly {
					m.day = monthStart(d)
				}
				if m.day > lastDay {
					break
				}
				m.label = v.fill(pick(r, milestones[status]))
				out[t] = append(out[t], m)
				d += 120 + r.IntN(420)
			}
			d += 90 + r.IntN(360)
		}
	}
	return out
}

// current is the index of the topic's latest milestone on or before day,
// or -1.
func (p *plan) current(topic, day int) int {
	k := -1
	for i, m := range p.stories[topic] {
		if m.day <= day {
			k = i
		}
	}
	return k
}

func (p *plan) statusOn(topic, day int) string {
	if k := p.current(topic, day); k >= 0 {
		return p.stories[topic][k].status
	}
	return "proposed"
}

// pickTopics gives one to three topics, the first drawn from a skewed
// popularity so that a few topics carry most articles.
func pickTopics(r *rand.Rand, zipf *rand.Zipf) []int {
	n := 1
	switch x := r.IntN(20); {
	case x >= 18:
		n = 3
	case x >= 11:
		n = 2
	}
	var out []int
	for len(out) < n {
		if t := int(zipf.Uint64()); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func leadRegulator(topic int) int {
	return topic * 5 % len(regulators)
}

func pickRegulators(r *rand.Rand, topic int) []int {
	out := []int{leadRegulator(topic)}
	if r.IntN(10) < 4 {
		out = append(out, (leadRegulator(topic)+7)%len(regulators))
	}
	if r.IntN(10) == 0 {
		if g := r.IntN(len(regulators)); !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// addAliases gives an article the URLs it had before: the one its file
// name gives when a slug was set, else one from an earlier title.
func (p *plan) addAliases(r *rand.Rand, a *article, urls map[string]bool) {
	month := dayTime(a.day).Format("/2006/01/")
	taken := func(s string) bool { return urls[month+s+"/"] }
	n := 1 + r.IntN(3)/2
	v := newVoice(r, a.regs, a.topics[0], dayTime(a.day).Year())
	for range n {
		var s string
		if a.slug != "" && len(a.aliases) == 0 {
			s = a.name
		} else {
			s = shorten(content.Slug(v.title(a.status)))
		}
		path := month + unique(s, taken) + "/"
		urls[path] = true
		a.aliases = append(a.aliases, path)
	}
}

// unique returns s, or s with the first free numeric suffix.
func unique(s string, taken func(string) bool) string {
	if !taken(s) {
		return s
	}
	for k := 2; ; k++ {
		if c := fmt.Sprintf("%s-%d", s, k); !taken(c) {
			return c
		}
	}
}

// shorten cuts a slug to at most 60 bytes at a hyphen, without a short
// word left dangling at the end.
func shorten(s string) string {
	for {
		i := strings.LastIndexByte(s, '-')
		if i < 0 || len(s) <= 60 && !slices.Contains(dangling, s[i+1:]) {
			return s
		}
		s = s[:i]
	}
}

var dangling = []string{"a", "and", "for", "in", "of", "on", "the", "to"}

// file is the article's path inside the content folder.
func (a *article) file() string {
	t := dayTime(a.day)
	return fmt.Sprintf("articles/%d/%s-%s.md", t.Year(), t.Format("2006-01-02"), a.name)
}
