package content

import (
	"strings"
	"testing"
)

func TestCountWords(t *testing.T) {
	words := func(n int) string { return strings.Repeat("word ", n) }
	tests := []struct {
		name string
		body string
		want int
	}{
		{"empty", "", 0},
		{"one word", "<p>Hello</p>", 1},
		{"words", "<p>" + words(201) + "</p>", 201},
		{"tags are not words", `<p>` + words(200) + `</p><ul><li><a href="https://example.org/a very long url">x</a></li></ul>`, 201},
		{"a dash alone is not a word", "<p>" + strings.Repeat("a – ", 200) + "</p>", 200},
		{"tags split words", strings.Repeat("<p>a</p><p>b</p>", 101), 202},
		{"entities are text", "<p>" + strings.Repeat("&amp; ", 300) + words(200) + "</p>", 200},
		{"letters written as entities", "<p>caf&eacute;</p>", 1},
		{"no-break spaces split words", "<p>" + strings.Repeat("a&nbsp;", 201) + "</p>", 201},
		{"an unclosed tag ends the text", "<p>" + words(201) + "<img src=", 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countWords(tt.body); got != tt.want {
				t.Errorf("countWords(%.60q…) = %d, want %d", tt.body, got, tt.want)
			}
		})
	}
}
