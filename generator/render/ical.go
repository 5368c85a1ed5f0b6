package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"bulletin/generator/site"
)

// calendarFile is each topic's key dates as an RFC 5545 calendar.
const calendarFile = "key-dates.ics"

// calendar writes a topic's key dates as all-day events: a day for a
// dated event, the whole month for one known only by its month. Every
// value comes from content, never from the clock, so it is the same on
// every build.
func (r *renderer) calendar(g *site.Group) ([]byte, error) {
	var b bytes.Buffer
	line := func(s string) { writeFolded(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//bulletin//key dates//EN")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + icalText(r.site.Settings.Title+": "+g.Name))
	for _, st := range g.Story {
		if !st.Event {
			continue
		}
		start, end := st.Date.Time, st.Date.Time.AddDate(0, 0, 1)
		// The label is in the words, and the language, of the article
		// that reports it; the site's own words go where it is not.
		summary, lang, note := "SUMMARY:"+icalText(st.Label), st.Article.Lang, ""
		if lang != "" {
			summary = "SUMMARY;LANGUAGE=" + lang + ":" + icalText(st.Label)
		}
		if st.Date.MonthOnly {
			end = st.Date.Time.AddDate(0, 1, 0)
			note = st.Date.Time.Format("January 2006") + ", no day given"
			if lang == "" {
				summary += icalText(" (" + note + ")")
			}
		}
		line("BEGIN:VEVENT")
		line("UID:" + eventUID(st, g, r.site.Settings.IDAuthority))
		line("DTSTAMP:" + st.Article.Modified.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + start.Format("20060102"))
		if end.Year() <= 9999 {
			line("DTEND;VALUE=DATE:" + end.Format("20060102"))
		} else {
			// A date has four digits of year: the end of 9999 is
			// given by how long the event lasts.
			line(fmt.Sprintf("DURATION:P%dD", int(end.Sub(start).Hours()+12)/24))
		}
		line(summary)
		desc := "Reported in: " + st.Article.Title
		if st.Status != nil {
			desc = "Status: " + st.Status.Label + ". " + desc
		}
		if note != "" && lang != "" {
			desc = note + ". " + desc
		}
		line("DESCRIPTION:" + icalText(desc))
		line("URL:" + r.abs(st.Article.URL))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.Bytes(), nil
}

// eventUID is the same for an event on every build, whichever article
// reports it, and after the topic is renamed: it is made from the
// topic's first address, as its feed's id is (see groupFeedJobs).
func eventUID(st *site.Step, g *site.Group, authority string) string {
	first := g.URL
	if old := oldDirs(g); len(old) > 0 {
		first = old[0]
	}
	sum := sha256.Sum256([]byte(first + "\x00" + st.Date.Time.Format(time.DateOnly) + "\x00" + st.Label))
	return hex.EncodeToString(sum[:12]) + "@" + authority
}

// icalEscaper escapes a TEXT value (RFC 5545 section 3.3.11).
var icalEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// icalText escapes a TEXT value.
func icalText(s string) string { return icalEscaper.Replace(clean(s)) }

// writeFolded writes a content line to b, ended by CRLF, broken into
// lines of at most 75 octets, never inside a UTF-8 character (RFC 5545
// section 3.1).
func writeFolded(b *bytes.Buffer, s string) {
	width := 75
	for len(s) > width {
		cut := width
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		width = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }
