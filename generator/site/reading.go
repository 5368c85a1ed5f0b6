package site

// wordsPerMinute is the reading speed ReadingTime assumes.
const wordsPerMinute = 200

// ReadingTime is how many minutes the article's body takes to read, at
// 200 words a minute, rounded up: 0 for a body without words. The words are counted
// as the body is converted, so the body need not be read again.
func (a *Article) ReadingTime() int {
	return readingMinutes(a.Content.Words)
}

// readingMinutes is the reading time of a body of so many words.
func readingMinutes(words int) int {
	return (words + wordsPerMinute - 1) / wordsPerMinute
}
