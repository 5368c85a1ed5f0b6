package site

import (
	"html"
	"strings"
	"unicode"
)

// wordsPerMinute is the reading speed ReadingTime assumes.
const wordsPerMinute = 200

// ReadingTime is how many minutes the article's body takes to read, at
// 200 words a minute, rounded up, and at least 1. It is worked out from
// the body's text each time it is asked for, so it is what the page
// shows, build after build.
func (a *Article) ReadingTime() (int, error) {
	body, err := a.Body()
	if err != nil {
		return 0, err
	}
	return readingMinutes(body), nil
}

// readingMinutes is the reading time of an article body's HTML.
func readingMinutes(body string) int {
	return max(1, (countWords(body)+wordsPerMinute-1)/wordsPerMinute)
}

// countWords counts the words in HTML's text: runs between spaces, tags
// and the edges, that hold a letter or a digit, so that a dash or a
// bullet standing alone is not a word.
func countWords(body string) int {
	var text strings.Builder
	text.Grow(len(body))
	for body != "" {
		i := strings.IndexByte(body, '<')
		if i < 0 {
			text.WriteString(body)
			break
		}
		text.WriteString(body[:i])
		text.WriteByte(' ')
		end := strings.IndexByte(body[i:], '>')
		if end < 0 {
			break
		}
		body = body[i+end+1:]
	}
	n := 0
	for _, w := range strings.Fields(html.UnescapeString(text.String())) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
