package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// siteYAML writes the settings: every regulator with a name and website,
// and the default statuses.
func siteYAML(b *bytes.Buffer) {
	b.WriteString(`title: Synthetic Care Regulation Bulletin
description: Dated updates on made-up health and care regulation, generated for benchmarks.
base_url: https://bulletin.example.org/
language: en-GB
time_zone: Europe/London
page_size: 20
notice: This site is intended for health professionals only
regulators:
`)
	for _, g := range regulators {
		fmt.Fprintf(b, "  %s: {name: %s, url: https://%s.example.org/}\n", g.abbr, g.name, g.host)
	}
}

// topicPage writes the intro page of topic t: background, the story so
// far as a list, and what happens next. Every fourth sets its status.
func (p *plan) topicPage(b *bytes.Buffer, t int) {
	r := rand.New(rand.NewPCG(p.seed, 1<<61+uint64(t)))
	story := p.stories[t]
	v := newVoice(r, []int{leadRegulator(t)}, t, 2025)
	b.WriteString("---\n")
	field(b, "", "title", topics[t])
	field(b, "", "summary", v.fill("What the {R} has changed in {t} since "+dayTime(story[0].day).Format("2006")+", and where the matter stands."))
	if t%4 == 0 {
		field(b, "", "status", story[len(story)-1].status)
	}
	b.WriteString("---\n\n")
	b.WriteString(prose(v, 2+r.IntN(2)))
	b.WriteString("## The story so far\n\n")
	for _, m := range story {
		fmt.Fprintf(b, "- %s: %s.\n", whenText(m.day, m.monthOnly), m.label)
	}
	b.WriteString("\n## What happens next\n\n")
	b.WriteString(strings.TrimSuffix(prose(v, 1), "\n"))
}

// regulatorPage writes the intro page of regulator g.
func (p *plan) regulatorPage(b *bytes.Buffer, g int) {
	r := rand.New(rand.NewPCG(p.seed, 1<<60+uint64(g)))
	var led []string
	for t := range topics {
		if leadRegulator(t) == g {
			led = append(led, lower(topics[t]))
		}
	}
	v := newVoice(r, []int{g}, 0, 2025)
	b.WriteString("---\n")
	field(b, "", "title", regulators[g].name)
	field(b, "", "summary", fmt.Sprintf("The %s and its work on %s.", regulators[g].name, join(led)))
	b.WriteString("---\n\n")
	fmt.Fprintf(b, "The %s (%s) leads on %s. Its website is [%s.example.org](https://%[4]s.example.org/).\n\n",
		regulators[g].name, regulators[g].abbr, join(led), regulators[g].host)
	b.WriteString(strings.TrimSuffix(prose(v, 2), "\n"))
}

// prose writes n paragraphs of three to five sentences.
func prose(v *voice, n int) string {
	var b strings.Builder
	for range n {
		var para []string
		for range 3 + v.r.IntN(3) {
			para = append(para, v.fill(pick(v.r, sentences)))
		}
		b.WriteString(strings.Join(para, " ") + "\n\n")
	}
	return b.String()
}

// join lists names as a sentence would: "a, b and c".
func join(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
