package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"

	"bulletin/generator/content"
)

// writeArticle writes article i, front matter and body, into b. It draws
// from a source of its own, so each article's text depends only on the
// seed, its index and the plan.
func (p *plan) writeArticle(b *bytes.Buffer, i int) {
	a := &p.articles[i]
	r := rand.New(rand.NewPCG(p.seed, uint64(i)))
	v := newVoice(r, a.regs, a.topics[0], dayTime(a.day).Year())

	b.WriteString("---\n")
	field(b, "", "title", a.title)
	field(b, "", "date", a.date)
	summary := v.fill(pick(r, summaries))
	if r.IntN(3) == 0 {
		summary += " " + v.fill(pick(r, sentences))
	}
	field(b, "", "summary", summary)
	flowList(b, "regulators", names(a.regs, func(g int) string { return regulators[g].abbr }))
	flowList(b, "topics", names(a.topics, func(t int) string { return topics[t] }))
	flowList(b, "authors", authors(v))
	if r.IntN(10) > 0 {
		field(b, "", "status", a.status)
	}
	if r.IntN(5) > 0 {
		flowList(b, "applies_to", pick(r, nations))
	}
	writeChanges(b, v, a.day)
	p.writeSources(b, v, a)
	p.writeEvents(b, v, a)
	if a.withdrawn {
		b.WriteString("withdrawn:\n")
		field(b, "  ", "date", dayString(min(a.day+10+r.IntN(300), lastDay)))
		field(b, "  ", "explanation", v.fill(pick(r, withdrawals)))
	}
	if a.slug != "" {
		field(b, "", "slug", a.slug)
	}
	if len(a.aliases) > 0 {
		b.WriteString("aliases:\n")
		for _, al := range a.aliases {
			b.WriteString("  - " + scalar(al, false) + "\n")
		}
	}
	if a.id {
		field(b, "", "id", fmt.Sprintf("urn:uuid:%08x-%04x-4%03x-a%03x-%012x",
			r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), r.IntN(1<<12), r.Int64N(1<<48)))
	}
	if a.draft {
		b.WriteString("draft: true\n")
	}
	b.WriteString("---\n\n")
	p.writeBody(b, v, i)
}

func names(xs []int, name func(int) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = name(x)
	}
	return out
}

func authors(v *voice) []string {
	switch v.r.IntN(5) {
	case 0, 1, 2:
		return []string{"Bulletin editorial team"}
	case 3:
		return []string{v.person()}
	}
	return []string{v.person(), v.person()}
}

// writeChanges gives about one article in five a page history, with
// updated set to the newest change or a day or two after it.
func writeChanges(b *bytes.Buffer, v *voice, day int) {
	r := v.r
	if day >= lastDay {
		return
	}
	switch r.IntN(30) {
	case 0:
		field(b, "", "updated", dayString(min(day+1+r.IntN(60), lastDay)))
		return
	case 1, 2, 3, 4, 5:
	default:
		return
	}
	var days []int
	for d, n := day, 1+r.IntN(3); len(days) < n && d < lastDay; {
		d = min(d+1+r.IntN(120), lastDay)
		days = append(days, d)
	}
	field(b, "", "updated", dayString(min(days[len(days)-1]+r.IntN(3), lastDay)))
	b.WriteString("changes:\n")
	for _, d := range days {
		field(b, "  ", "- date", dayString(d))
		field(b, "  ", "  note", v.fill(pick(r, changeNotes)))
	}
}

func (p *plan) writeSources(b *bytes.Buffer, v *voice, a *article) {
	r := v.r
	b.WriteString("sources:\n")
	for k, j := range r.Perm(len(sourceKinds))[:1+r.IntN(3)] {
		kind := sourceKinds[j]
		field(b, "  ", "- title", v.fill(kind.title))
		if r.IntN(5) > 0 {
			field(b, "  ", "  url", fmt.Sprintf("https://www.example.org/%s/%s/%s-%d-%d",
				v.reg.host, kind.path, content.Slug(v.topic), dayTime(a.day).Year(), k+1))
		}
		if r.IntN(10) > 0 {
			field(b, "  ", "  publisher", v.reg.name)
		}
		if d := a.day - r.IntN(60); r.IntN(4) == 0 {
			field(b, "  ", "  date", dayTime(d).Format("2006-01"))
		} else if r.IntN(6) > 0 {
			field(b, "  ", "  date", dayString(d))
		}
	}
}

// writeEvents repeats milestones of the main topic's story around the
// article's date, with the same dates and labels as every other article,
// and sometimes adds a date of the article's own.
func (p *plan) writeEvents(b *bytes.Buffer, v *voice, a *article) {
	r := v.r
	story := p.stories[a.topics[0]]
	k := p.current(a.topics[0], a.day)
	var events []milestone
	if k >= 1 && r.IntN(2) == 0 {
		events = append(events, story[k-1])
	}
	if k >= 0 {
		events = append(events, story[k])
	}
	if k+1 < len(story) && r.IntN(5) < 2 {
		events = append(events, story[k+1])
	}
	if r.IntN(10) < 3 {
		d := min(max(a.day-30+r.IntN(120), 0), lastDay)
		events = append(events, milestone{day: d, label: v.fill(pick(r, extras))})
	}
	if len(events) == 0 {
		return
	}
	slices.SortStableFunc(events, func(x, y milestone) int { return x.day - y.day })
	b.WriteString("events:\n")
	for _, e := range events {
		field(b, "  ", "- date", e.date())
		field(b, "  ", "  label", e.label)
		if e.status != "" {
			field(b, "  ", "  status", e.status)
		}
	}
}
