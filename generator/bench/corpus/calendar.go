package main

import "time"

// Days are counted from epoch. Every article is dated within the ten years
// before the corpus's "today", 2025-06-01, and every event, change and
// withdrawal is on or before lastDay.
var epoch = time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)

// lastDay is 2025-05-31.
var lastDay = int(time.Date(2025, 5, 31, 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)

func dayTime(d int) time.Time {
	return epoch.AddDate(0, 0, d)
}

func dayString(d int) string {
	return dayTime(d).Format("2006-01-02")
}

// monthStart is the first day of d's month.
func monthStart(d int) int {
	return d - dayTime(d).Day() + 1
}

// whenText is a date as an editor would write it in a sentence.
func whenText(d int, monthOnly bool) string {
	if monthOnly {
		return dayTime(d).Format("January 2006")
	}
	return dayTime(d).Format("2 January 2006")
}
