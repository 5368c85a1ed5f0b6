package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
)

// voice fills the templates of vocab.go for one article or page: its
// regulators and topic stay fixed, the rest is drawn from r.
type voice struct {
	r     *rand.Rand
	reg   regulator
	reg2  regulator
	topic string // in lower case
	year  int
}

func newVoice(r *rand.Rand, regs []int, topic int, year int) *voice {
	v := &voice{r: r, reg: regulators[regs[0]], topic: lower(topics[topic]), year: year}
	v.reg2 = regulators[(regs[0]+1)%len(regulators)]
	if len(regs) > 1 {
		v.reg2 = regulators[regs[1]]
	}
	return v
}

// fill replaces each {slot} of tmpl.
func (v *voice) fill(tmpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := i + strings.IndexByte(tmpl[i:], '}')
		b.WriteString(tmpl[:i])
		b.WriteString(v.slot(tmpl[i+1 : j]))
		tmpl = tmpl[j+1:]
	}
}

func (v *voice) slot(name string) string {
	r := v.r
	switch name {
	case "R":
		return v.reg.abbr
	case "RN":
		return v.reg.name
	case "R2":
		return v.reg2.abbr
	case "t":
		return v.topic
	case "T":
		return upper(v.topic)
	case "Q":
		if r.IntN(10) < 3 {
			return pick(r, qualifiers)
		}
		return ""
	case "g":
		return pick(r, groups)
	case "G":
		return upper(pick(r, groups))
	case "n":
		return pick(r, nouns)
	case "a":
		return pick(r, actions)
	case "w":
		return pick(r, when)
	case "why":
		return pick(r, reasons)
	case "x":
		return strconv.Itoa(2 + r.IntN(94))
	case "k":
		return strconv.Itoa(120 + r.IntN(2300))
	case "y":
		return strconv.Itoa(v.year - 1 - r.IntN(8))
	case "m":
		return monthNames[r.IntN(12)]
	case "ord":
		return pick(r, []string{"second", "third", "fourth", "fifth"})
	}
	panic("corpus: unknown template slot {" + name + "}")
}

// person is a made-up name.
func (v *voice) person() string {
	return pick(v.r, firstNames) + " " + pick(v.r, lastNames)
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func pick[T any](r *rand.Rand, xs []T) T {
	return xs[r.IntN(len(xs))]
}

func lower(s string) string {
	return strings.ToLower(s[:1]) + s[1:]
}

func upper(s string) string {
	return strings.ToUpper(s[:1]) + s[1:]
}

// words counts the words of Markdown text: the tokens with a letter or a
// digit, so that list markers and table rules do not count.
func words(s string) int {
	n, inWord, counted := 0, false, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord, counted = true, false
			fallthrough
		default:
			if !counted && isWordRune(r) {
				n++
				counted = true
			}
		}
	}
	return n
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// title draws an article title for a story at status.
func (v *voice) title(status string) string {
	if v.r.IntN(10) < 4 {
		return v.fill(pick(v.r, anyTitles))
	}
	return v.fill(pick(v.r, titles[status]))
}
