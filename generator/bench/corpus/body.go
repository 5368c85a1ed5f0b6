package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// section is one part of a body: a heading, prose, and blocks such as
// lists, a table or a quote, which follow the first paragraph.
type section struct {
	heading string
	paras   [][]string // sentences
	blocks  []string
}

// writeBody writes a body of 400 to 1,200 words: the fixed parts first,
// then prose sentence by sentence until the next would pass a target
// drawn for the article.
func (p *plan) writeBody(b *bytes.Buffer, v *voice, i int) {
	r := v.r
	a := &p.articles[i]
	heading := func(k int) string { return v.fill(pick(r, headings[k])) }
	secs := []*section{
		{},
		{heading: heading(0), blocks: []string{bulletList(v)}},
		{heading: heading(1), blocks: []string{"The main dates in the story so far:", p.table(v, a)}},
		{heading: heading(2), blocks: []string{numberedList(v), quote(v)}},
		{heading: heading(3), blocks: []string{p.links(v, i)}},
		{heading: heading(4)},
	}
	prose := []*section{secs[0], secs[1], secs[3], secs[4], secs[5]}
	total := 0
	for _, s := range secs {
		total += words(s.heading)
		for _, bl := range s.blocks {
			total += words(bl)
		}
	}
	add := func(s *section, sentence string) {
		if n := len(s.paras); n == 0 || len(s.paras[n-1]) >= 2+r.IntN(4) {
			s.paras = append(s.paras, nil)
		}
		s.paras[len(s.paras)-1] = append(s.paras[len(s.paras)-1], sentence)
		total += words(sentence)
	}
	for _, s := range prose {
		add(s, v.fill(pick(r, sentences)))
	}
	for target := 430 + r.IntN(760); ; {
		sentence := v.fill(pick(r, sentences))
		if total+words(sentence) > target {
			break
		}
		add(pick(r, prose), sentence)
	}
	for _, s := range secs {
		if s.heading != "" {
			b.WriteString("## " + s.heading + "\n\n")
		}
		for k, para := range s.paras {
			b.WriteString(strings.Join(para, " ") + "\n\n")
			if k == 0 {
				for _, bl := range s.blocks {
					b.WriteString(bl + "\n\n")
				}
			}
		}
		if len(s.paras) == 0 {
			for _, bl := range s.blocks {
				b.WriteString(bl + "\n\n")
			}
		}
	}
	b.Truncate(b.Len() - 1) // one newline at the end of the file
}

func bulletList(v *voice) string {
	var lines []string
	for range 3 + v.r.IntN(4) {
		lines = append(lines, "- "+upper(v.fill(pick(v.r, bullets)))+".")
	}
	return strings.Join(lines, "\n")
}

func numberedList(v *voice) string {
	var lines []string
	for k := range 3 + v.r.IntN(3) {
		action := strings.Replace(pick(v.r, actions), "their", "your", 1)
		lines = append(lines, fmt.Sprintf("%d. %s %s.", k+1, upper(action), pick(v.r, when)))
	}
	return strings.Join(lines, "\n")
}

func quote(v *voice) string {
	return fmt.Sprintf("> %s\n>\n> — %s, %s, %s", v.fill(pick(v.r, quotes)), v.person(), pick(v.r, roles), v.reg.name)
}

// table lists the milestones of the main topic's story around the
// article's date.
func (p *plan) table(v *voice, a *article) string {
	story := p.stories[a.topics[0]]
	k := p.current(a.topics[0], a.day)
	rows := []string{"| When | What happened | Status |", "| --- | --- | --- |"}
	for _, m := range story[max(k-2, 0):min(k+2, len(story))] {
		rows = append(rows, fmt.Sprintf("| %s | %s | %s |", whenText(m.day, m.monthOnly), m.label, statusLabels[m.status]))
	}
	for d := a.day; len(rows) < 4; d += 14 {
		rows = append(rows, fmt.Sprintf("| %s | %s | |", whenText(min(d, lastDay), false), v.fill(extras[len(rows)%3])))
	}
	return strings.Join(rows, "\n")
}

// links writes a paragraph linking to earlier articles, the topic's and
// the regulator's pages, and a page elsewhere.
func (p *plan) links(v *voice, i int) string {
	var s []string
	if j, ok := p.other(v, p.byTopic[p.articles[i].topics[0]], i); ok {
		t := &p.articles[j]
		s = append(s, fmt.Sprintf("We reported on this in [%s](%s), in %s.", t.title, t.url, dayTime(t.day).Format("January 2006")))
	}
	if j, ok := p.other(v, p.published, i); ok {
		t := &p.articles[j]
		s = append(s, fmt.Sprintf("For the wider picture, see [%s](%s).", t.title, t.url))
	}
	noun := pick(v.r, nouns)
	s = append(s,
		fmt.Sprintf("The %s has published [the full %s](https://www.example.org/%s/%s/%s/).", v.reg.name, noun, v.reg.host, content.Slug(v.topic), content.Slug(noun)),
		fmt.Sprintf("Our [%s page](/topics/%s/) has the whole story so far, and the [%s page](/regulators/%s/) lists everything we have written about the regulator.",
			v.topic, content.Slug(v.topic), v.reg.abbr, content.Slug(v.reg.abbr)))
	return strings.Join(s, " ")
}

// other picks a published article from list (in date order) to link to
// from article i: one of the twenty before it, or the first after it
// when there is none before.
func (p *plan) other(v *voice, list []int, i int) (int, bool) {
	n, found := slices.BinarySearch(list, i)
	if n > 0 {
		return list[n-1-v.r.IntN(min(n, 20))], true
	}
	if found {
		n++
	}
	if n < len(list) {
		return list[n], true
	}
	return 0, false
}

var statusLabels = func() map[string]string {
	m := map[string]string{}
	for _, s := range content.DefaultStatuses {
		m[s.Key] = s.Label
	}
	return m
}()
