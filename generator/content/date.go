package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a day or an instant; MonthOnly marks a value written as a month
// alone ("2024-05"), which is shown as "May 2024" and sorts as its first day.
type Date struct {
	Time      time.Time
	MonthOnly bool
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

const dateHint = "use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)"

// parseDate reads YYYY-MM-DD, a local date-time, or RFC 3339. Values
// without an offset are in loc, the site's time zone. Years before 1000
// are refused: they are typing mistakes, and a year 0 date comes before
// the zero time that stands for a missing date. So are offsets of a day
// or more, which time.Parse accepts but JSON feeds cannot carry.
func parseDate(s string, loc *time.Location, monthOK bool) (Date, error) {
	d, err := parseAnyDate(s, loc, monthOK)
	if cased := rfc3339Case(s); err != nil && cased != s {
		if dc, errc := parseAnyDate(cased, loc, monthOK); errc == nil {
			d, err = dc, nil
		}
	}
	if err != nil {
		return d, err
	}
	if d.Time.Year() < 1000 {
		return Date{}, fmt.Errorf("%s is before the year 1000: check the year", shownValue(s))
	}
	if _, offset := d.Time.Zone(); offset <= -24*60*60 || offset >= 24*60*60 {
		return Date{}, fmt.Errorf("%s has an offset of a day or more: write one from -23:59 to +23:59", shownValue(s))
	}
	return d, nil
}

// rfc3339Case gives s with the time's T and the zone's Z in capitals, as
// Go reads them: RFC 3339 allows them in lower case too
// (2025-03-27t09:30:00z).
func rfc3339Case(s string) string {
	if len(s) > 10 && s[10] == 't' {
		s = s[:10] + "T" + s[11:]
	}
	if len(s) > 10 && strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	return s
}

func parseAnyDate(s string, loc *time.Location, monthOK bool) (Date, error) {
	// The first layout to find a number out of range explains why none fit.
	var outOfRange error
	try := func(layout string, loc *time.Location) (time.Time, bool) {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil && outOfRange == nil {
			outOfRange = noSuchDate(s, err)
		}
		return t, err == nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		t, ok := try(layout, loc)
		if !ok {
			continue
		}
		// A time the clocks skip, going forward, is read as the hour
		// after it; not a day alone, whose midnight some zones skip.
		if wall, _ := time.Parse(layout, s); layout != "2006-01-02" && (t.Hour() != wall.Hour() || t.Minute() != wall.Minute()) {
			return Date{}, fmt.Errorf("%s is not a time in %s, as the clocks go forward over it: write %s, or give the offset", shownValue(s), loc, t.Format("2006-01-02T15:04"))
		}
		// And a time they pass twice, going back, is either of two.
		if other, ok := twice(t); ok && layout != "2006-01-02" {
			first, second := t, other
			if other.Before(t) {
				first, second = other, t
			}
			return Date{}, fmt.Errorf("%s comes twice in %s, as the clocks go back over it: give the offset, %s for the first or %s for the second", shownValue(s), loc, first.Format("-07:00"), second.Format("-07:00"))
		}
		return Date{Time: t}, nil
	}
	// Parsing in UTC rather than with time.Parse keeps an offset from
	// turning into the build machine's own zone when the two agree.
	// Jekyll writes "2006-01-02 15:04:05 -0700"; archives copied from it
	// keep that form. A time without seconds may give its zone too, as
	// one without a zone may leave them out.
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02 15:04Z07:00",
		"2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04 -0700", "2006-01-02 15:04 -07:00"} {
		if t, ok := try(layout, time.UTC); ok {
			return Date{Time: t}, nil
		}
	}
	if p := padded(s); p != s {
		if _, err := parseAnyDate(p, loc, monthOK); err == nil {
			return Date{}, fmt.Errorf("%s is not a date: write %s, with two digits for the month and the day", shownValue(s), p)
		}
	}
	if advice := dayMonthYear(s, loc); advice != "" {
		return Date{}, fmt.Errorf("%s is not a date: %s", shownValue(s), advice)
	}
	if day, ok := ordinal(s); ok {
		return Date{}, fmt.Errorf("%s is a day of the year, which a build does not read: write %s", shownValue(s), day)
	}
	t, ok := try("2006-01", loc)
	switch {
	case ok && monthOK:
		return Date{Time: t, MonthOnly: true}, nil
	case ok:
		return Date{}, fmt.Errorf("%s is a month without a day: this field needs the day too, as YYYY-MM-DD", shownValue(s))
	case outOfRange != nil:
		return Date{}, outOfRange
	case monthOK:
		return Date{}, fmt.Errorf("%s is not a date: %s, or YYYY-MM for a month", shownValue(s), dateHint)
	}
	return Date{}, fmt.Errorf("%s is not a date: %s", shownValue(s), dateHint)
}

// ordinal gives the day s names as YYYY-MM-DD, with what follows it, a
// time, say, where s is written as a day of its year (2025-032, ISO
// 8601's ordinal date), and whether it is one.
func ordinal(s string) (string, bool) {
	m := ordinalDate.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	year, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	first := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	day := first.AddDate(0, 0, n-1)
	if n < 1 || day.Year() != year {
		return "", false
	}
	return day.Format("2006-01-02") + m[3], true
}

// ordinalDate is a year and a day of it, and what follows them.
var ordinalDate = regexp.MustCompile(`^(\d{4})-(\d{3})((?:[T ].*)?)$`)

// dayMonthYear says what to write for a date written with the year
// last (27/03/2025, 3.27.2025): the day and month in the order the
// numbers allow, as YYYY-MM-DD, both where either may be the day
// (04/03/2025), and why a date that order gives is none (31/02/2025);
// likewise for one written with the year first but parted by slashes or
// dots (2025/03/27). It gives "" for any other text.
func dayMonthYear(s string, loc *time.Location) string {
	m, first := yearLast.FindStringSubmatch(s), false
	if f := yearFirst.FindStringSubmatch(s); f != nil {
		m, first = []string{f[0], f[3], f[2], f[1]}, true
	}
	if m == nil {
		return ""
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	as := func(month, day int) string { return fmt.Sprintf("%s-%02d-%02d", m[3], month, day) }
	var day string
	switch {
	case first && a > 0 && b > 0:
		day = as(b, a)
	case a == 0 || b == 0 || a > 12 && b > 12:
		return ""
	case a > 12:
		day = as(b, a)
	case b > 12:
		day = as(a, b)
	case a == b:
		day = as(a, b)
	default:
		return fmt.Sprintf("write it as YYYY-MM-DD: %s if the day comes first, %s if the month does", as(b, a), as(a, b))
	}
	if _, err := time.ParseInLocation("2006-01-02", day, loc); err != nil {
		if why := noSuchDate(day, err); why != nil {
			return fmt.Sprintf("written as YYYY-MM-DD it is %s, which %s", day, strings.TrimPrefix(why.Error(), strconv.Quote(day)+" "))
		}
		return ""
	}
	return "write " + day
}

// yearLast is a day and a month, in either order, then a four-digit
// year, parted by slashes, dots or hyphens.
var yearLast = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// yearFirst is a four-digit year, a month and a day, parted by slashes
// or dots.
var yearFirst = regexp.MustCompile(`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$`)

// padded gives s with a month or day written in one digit, at the start
// of s (2025-3-7), written in two (2025-03-07).
func padded(s string) string {
	m := onesDigit.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	out := m[1]
	for _, d := range m[2:4] {
		switch len(d) {
		case 1:
			out += "-0" + d
		case 2:
			out += "-" + d
		}
	}
	return out + m[4]
}

// onesDigit is a year, a month and perhaps a day, either in one digit,
// and what follows them: a time, say.
var onesDigit = regexp.MustCompile(`^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?((?:[T ].*)?)$`)

// twice gives the other instant that t's clock reads in t's zone, where
// the clocks go back over it, and whether there is one.
func twice(t time.Time) (time.Time, bool) {
	const clock = "2006-01-02T15:04:05.999999999"
	for _, d := range []time.Duration{30 * time.Minute, time.Hour, 2 * time.Hour} {
		for _, u := range []time.Time{t.Add(d), t.Add(-d)} {
			if u.Format(clock) == t.Format(clock) {
				return u, true
			}
		}
	}
	return time.Time{}, false
}

// ImpossibleDate explains s, written as YYYY-MM-DD with a time or an
// offset after it or not, when it names a month, a day or a time that
// does not exist ("2025-02-30", "2020-02-03 25:61:00 +0000"); it is nil
// otherwise. Importers read many more forms, and say what is wrong with
// a date as a build would.
func ImpossibleDate(s string) error {
	for _, layout := range []string{"2006-01-02 15:04:05 -0700", time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		_, err := time.Parse(layout, s)
		if why := noSuchDate(s, err); why != nil {
			return why
		}
	}
	return nil
}

// noSuchDate explains a value written in one of our forms but naming a day,
// month or time that does not exist ("2025-02-30"), or returns nil.
// time.Parse says a month or a day is out of range only once the value
// fits the layout up to it, and every layout starts YYYY-MM-DD (or is
// YYYY-MM), so the year, month and day can be read off by position.
func noSuchDate(s string, err error) error {
	var pe *time.ParseError
	if !errors.As(err, &pe) {
		return nil
	}
	switch pe.Message {
	case ": month out of range":
		return fmt.Errorf("%s has no month %s: months go from 01 to 12", shownValue(s), s[5:7])
	case ": day out of range":
		t, _ := time.Parse("2006-01", s[:7])
		days := t.AddDate(0, 1, -1).Day()
		return fmt.Errorf("%s has no day %s: %s has %d days", shownValue(s), s[8:10], t.Format("January 2006"), days)
	case ": hour out of range", ": minute out of range", ": second out of range":
		return fmt.Errorf("%s has no such time: hours go from 00 to 23, minutes and seconds from 00 to 59", shownValue(s))
	}
	return nil
}
