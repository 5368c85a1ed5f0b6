package site

import (
	"strings"
	"testing"
)

func TestReadingMinutes(t *testing.T) {
	words := func(n int) string { return strings.Repeat("word ", n) }
	tests := []struct {
		name string
		body string
		want int
	}{
		{"empty", "", 1},
		{"one word", "<p>Hello</p>", 1},
		{"200 words is one minute", "<p>" + words(200) + "</p>", 1},
		{"201 words round up to two", "<p>" + words(201) + "</p>", 2},
		{"400 words", "<p>" + words(400) + "</p>", 2},
		{"401 words", "<p>" + words(401) + "</p>", 3},
		{"tags are not words", `<p>` + words(200) + `</p><ul><li><a href="https://example.org/a very long url">x</a></li></ul>`, 2},
		{"a dash alone is not a word", "<p>" + strings.Repeat("a – ", 200) + "</p>", 1},
		{"tags split words", strings.Repeat("<p>a</p><p>b</p>", 101), 2},
		{"entities are text", "<p>" + strings.Repeat("&amp; ", 300) + words(200) + "</p>", 1},
		{"no-break spaces split words", "<p>" + strings.Repeat("a&nbsp;", 201) + "</p>", 2},
		{"an unclosed tag ends the text", "<p>" + words(201) + "<img src=", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readingMinutes(tt.body); got != tt.want {
				t.Errorf("readingMinutes(%.60q…) = %d, want %d (%d words)", tt.body, got, tt.want, countWords(tt.body))
			}
		})
	}
}
