package content

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		in        string
		monthOK   bool
		want      string // RFC 3339, or the error
		wantMonth bool
	}{
		{name: "day in winter", in: "2025-01-15", want: "2025-01-15T00:00:00Z"},
		{name: "RFC 3339 in lower case", in: "2025-03-27t09:30:00z", want: "2025-03-27T09:30:00Z"},
		{name: "RFC 3339 in lower case with an offset", in: "2025-03-27t09:30:00+01:00", want: "2025-03-27T09:30:00+01:00"},
		{name: "day in summer", in: "2025-06-01", want: "2025-06-01T00:00:00+01:00"},
		{name: "local date and time", in: "2025-06-01T09:30:15", want: "2025-06-01T09:30:15+01:00"},
		{name: "local date and time without seconds", in: "2025-06-01T09:30", want: "2025-06-01T09:30:00+01:00"},
		{name: "local date and time with a space", in: "2025-06-01 09:30", want: "2025-06-01T09:30:00+01:00"},
		{name: "RFC 3339 in UTC", in: "2025-06-01T09:30:00Z", want: "2025-06-01T09:30:00Z"},
		{name: "RFC 3339 with an offset", in: "2025-06-01T09:30:00-05:00", want: "2025-06-01T09:30:00-05:00"},
		{name: "RFC 3339 with fractions", in: "2025-06-01T09:30:00.5+02:00", want: "2025-06-01T09:30:00.5+02:00"},
		{name: "UTC without seconds", in: "2025-01-05T10:00Z", want: "2025-01-05T10:00:00Z"},
		{name: "an offset without seconds", in: "2025-01-05T10:00+01:00", want: "2025-01-05T10:00:00+01:00"},
		{name: "UTC without seconds in lower case", in: "2025-01-05t10:00z", want: "2025-01-05T10:00:00Z"},
		{name: "space and offset without seconds", in: "2025-01-05 10:00-05:00", want: "2025-01-05T10:00:00-05:00"},
		{name: "space and offset", in: "2025-06-01 09:30:00+02:00", want: "2025-06-01T09:30:00+02:00"},
		{name: "as Jekyll writes it", in: "2019-03-04 17:05:00 +0100", want: "2019-03-04T17:05:00+01:00"},
		{name: "as Jekyll writes it, without seconds", in: "2019-03-04 17:05 -0500", want: "2019-03-04T17:05:00-05:00"},
		{name: "without seconds, a space before an offset with a colon", in: "2025-04-05 10:00 +01:00", want: "2025-04-05T10:00:00+01:00"},
		{name: "with a spaced offset and its colon", in: "2019-03-04 17:05:00 +01:00", want: "2019-03-04T17:05:00+01:00"},
		{name: "month where allowed", in: "2024-05", monthOK: true, want: "2024-05-01T00:00:00+01:00", wantMonth: true},
		{name: "day where a month is allowed", in: "2024-05-31", monthOK: true, want: "2024-05-31T00:00:00+01:00"},
		{name: "month where not allowed", in: "2024-05", want: `"2024-05" is a month without a day: this field needs the day too, as YYYY-MM-DD`},
		{name: "day first", in: "27/03/2025", want: `"27/03/2025" is not a date: write 2025-03-27`},
		{name: "day first where a month is allowed", in: "27/03/2025", monthOK: true, want: `"27/03/2025" is not a date: write 2025-03-27`},
		{name: "day first with dots and one digit", in: "27.3.2025", want: `"27.3.2025" is not a date: write 2025-03-27`},
		{name: "month first", in: "03/27/2025", want: `"03/27/2025" is not a date: write 2025-03-27`},
		{name: "day or month first", in: "04/03/2025", want: `"04/03/2025" is not a date: write it as YYYY-MM-DD: 2025-03-04 if the day comes first, 2025-04-03 if the month does`},
		{name: "day and month the same", in: "03/03/2025", want: `"03/03/2025" is not a date: write 2025-03-03`},
		{name: "year first with slashes", in: "2025/02/03", monthOK: true, want: `"2025/02/03" is not a date: write 2025-02-03`},
		{name: "year first with dots, no such day", in: "2025.2.30", want: `"2025.2.30" is not a date: written as YYYY-MM-DD it is 2025-02-30, which has no day 30: February 2025 has 28 days`},
		{name: "neither a day nor a month first", in: "27/13/2025", want: `"27/13/2025" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
		{name: "single digit month", in: "2025-3-27", want: `"2025-3-27" is not a date: write 2025-03-27, with two digits for the month and the day`},
		{name: "single digit month and day", in: "2025-3-7", want: `"2025-3-7" is not a date: write 2025-03-07, with two digits for the month and the day`},
		{name: "single digit day with a time", in: "2025-03-7T09:30:00Z", want: `"2025-03-7T09:30:00Z" is not a date: write 2025-03-07T09:30:00Z, with two digits for the month and the day`},
		{name: "single digit month alone", in: "2024-5", monthOK: true, want: `"2024-5" is not a date: write 2024-05, with two digits for the month and the day`},
		{name: "single digit month of no such day", in: "2025-2-30", want: `"2025-2-30" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
		{name: "a day of the year", in: "2025-001", want: `"2025-001" is a day of the year, which a build does not read: write 2025-01-01`},
		{name: "a day of a leap year, with a time", in: "2024-366T09:30", want: `"2024-366T09:30" is a day of the year, which a build does not read: write 2024-12-31T09:30`},
		{name: "no such day of the year", in: "2025-366", want: `"2025-366" has no month 36: months go from 01 to 12`},
		{name: "year alone", in: "2025", monthOK: true, want: `"2025" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z), or YYYY-MM for a month`},
		{name: "month thirteen", in: "2025-13", monthOK: true, want: `"2025-13" has no month 13: months go from 01 to 12`},
		{name: "month thirteen in a day", in: "2025-13-01", want: `"2025-13-01" has no month 13: months go from 01 to 12`},
		{name: "month zero", in: "2025-00-10", want: `"2025-00-10" has no month 00: months go from 01 to 12`},
		{name: "month thirteen where only a day is allowed", in: "2025-13", want: `"2025-13" has no month 13: months go from 01 to 12`},
		{name: "30 February", in: "2025-02-30", want: `"2025-02-30" has no day 30: February 2025 has 28 days`},
		{name: "29 February in a leap year", in: "2024-02-29", want: "2024-02-29T00:00:00Z"},
		{name: "30 February in a leap year", in: "2024-02-30", monthOK: true, want: `"2024-02-30" has no day 30: February 2024 has 29 days`},
		{name: "31 April", in: "2025-04-31", want: `"2025-04-31" has no day 31: April 2025 has 30 days`},
		{name: "day 32", in: "2025-03-32", want: `"2025-03-32" has no day 32: March 2025 has 31 days`},
		{name: "day zero", in: "2025-03-00", want: `"2025-03-00" has no day 00: March 2025 has 31 days`},
		{name: "30 February with a time", in: "2025-02-30T09:30", want: `"2025-02-30T09:30" has no day 30: February 2025 has 28 days`},
		{name: "30 February in RFC 3339", in: "2025-02-30T09:30:00Z", want: `"2025-02-30T09:30:00Z" has no day 30: February 2025 has 28 days`},
		{name: "hour 24", in: "2025-03-27T24:00:00", want: `"2025-03-27T24:00:00" has no such time: hours go from 00 to 23, minutes and seconds from 00 to 59`},
		{name: "minute 60", in: "2025-03-27 09:60", want: `"2025-03-27 09:60" has no such time: hours go from 00 to 23, minutes and seconds from 00 to 59`},
		{name: "second 60 in RFC 3339", in: "2025-03-27T09:30:60Z", want: `"2025-03-27T09:30:60Z" has no such time: hours go from 00 to 23, minutes and seconds from 00 to 59`},
		{name: "30 February written day first", in: "30/02/2025", want: `"30/02/2025" is not a date: written as YYYY-MM-DD it is 2025-02-30, which has no day 30: February 2025 has 28 days`},
		{name: "year before 1000", in: "0999-12-31", want: `"0999-12-31" is before the year 1000: check the year`},
		{name: "year 0 before the zero time", in: "0000-01-01T00:00:00+01:00", want: `"0000-01-01T00:00:00+01:00" is before the year 1000: check the year`},
		{name: "year 1000", in: "1000-01-01T00:00:00Z", want: "1000-01-01T00:00:00Z"},
		{name: "offset of a day", in: "2025-03-27T09:30:00+24:00", want: `"2025-03-27T09:30:00+24:00" has an offset of a day or more: write one from -23:59 to +23:59`},
		{name: "a time the clocks skip", in: "2027-03-28T01:30:00", want: `"2027-03-28T01:30:00" is not a time in Europe/London, as the clocks go forward over it: write 2027-03-28T02:30, or give the offset`},
		{name: "a time the clocks skip, with its offset", in: "2027-03-28T01:30:00Z", want: "2027-03-28T01:30:00Z"},
		{name: "a time just after the clocks go forward", in: "2027-03-28 02:00", want: "2027-03-28T02:00:00+01:00"},
		{name: "a time the clocks pass twice", in: "2027-10-31T01:30", want: `"2027-10-31T01:30" comes twice in Europe/London, as the clocks go back over it: give the offset, +01:00 for the first or +00:00 for the second`},
		{name: "a time the clocks pass twice, with its offset", in: "2027-10-31T01:30:00+01:00", want: "2027-10-31T01:30:00+01:00"},
		{name: "time alone", in: "09:30", want: `"09:30" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parseDate(tt.in, london, tt.monthOK)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = d.Time.Format(time.RFC3339Nano)
			}
			if got != tt.want || d.MonthOnly != tt.wantMonth {
				t.Errorf("parseDate(%q, monthOK=%v): got %s (month only: %v), want %s (month only: %v)", tt.in, tt.monthOK, got, d.MonthOnly, tt.want, tt.wantMonth)
			}
		})
	}
}

func TestImpossibleDate(t *testing.T) {
	tests := map[string]string{
		"2025-02-28":                "",
		"2025-02-29":                `"2025-02-29" has no day 29: February 2025 has 28 days`,
		"2019-03-04 17:05:00 +0100": "",
		"2020-02-03 25:61:00 +0000": `"2020-02-03 25:61:00 +0000" has no such time: hours go from 00 to 23, minutes and seconds from 00 to 59`,
		"2020-13-01T10:00:00Z":      `"2020-13-01T10:00:00Z" has no month 13: months go from 01 to 12`,
		"2020-04-31 09:30":          `"2020-04-31 09:30" has no day 31: April 2020 has 30 days`,
		"31/04/2020":                "", // not in a form it reads
		"2020-04":                   "",
	}
	for in, want := range tests {
		got := ""
		if err := ImpossibleDate(in); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("ImpossibleDate(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestDateIsZero(t *testing.T) {
	if !(Date{}).IsZero() {
		t.Errorf("Date{}.IsZero(): got false, want true")
	}
	if (Date{Time: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), MonthOnly: true}).IsZero() {
		t.Errorf("May 2024 IsZero(): got true, want false")
	}
}

// The same content must give the same dates on every machine: an offset
// that happens to match the build machine's zone stays a plain offset.
func TestParseDateIgnoresMachineZone(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = paris
	defer func() { time.Local = saved }()
	for _, in := range []string{"2025-06-01T09:30:00+02:00", "2025-06-01 09:30:00+02:00"} {
		d, err := parseDate(in, time.UTC, false)
		if err != nil {
			t.Fatalf("parseDate(%q): %v", in, err)
		}
		if got := d.Time.Location().String(); got != "" {
			t.Errorf("parseDate(%q) on a machine in Paris: got zone %q, want a plain offset", in, got)
		}
	}
}
