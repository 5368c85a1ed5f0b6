package content

import (
	"fmt"
	"io"
)

// Spillway is where Spill keeps bodies: a file, in a build.
type Spillway interface {
	io.ReaderAt
	io.WriterAt
}

// Spill moves the articles' bodies out of memory into w, from which Body
// reads each back when a page needs it. The bodies are most of what a
// Set holds, so a build that spills them holds little more than the
// pages it is making. When writing fails, every body stays in memory.
func Spill(articles []*Article, w Spillway) error {
	at := make([]int64, len(articles))
	var end int64
	for i, a := range articles {
		at[i] = end
		if a.spilled != nil || a.HTML == "" {
			continue
		}
		if _, err := w.WriteAt([]byte(a.HTML), end); err != nil {
			return fmt.Errorf("setting article bodies aside: %w", err)
		}
		end += int64(len(a.HTML))
	}
	for i, a := range articles {
		if a.spilled == nil && a.HTML != "" {
			a.spilled, a.at, a.length = w, at[i], int64(len(a.HTML))
			a.HTML = ""
		}
	}
	return nil
}

// Body is the article's HTML, from memory or from where Spill put it.
func (a *Article) Body() (string, error) {
	if a.spilled == nil {
		return a.HTML, nil
	}
	buf := make([]byte, a.length)
	if _, err := a.spilled.ReadAt(buf, a.at); err != nil {
		return "", fmt.Errorf("%s: reading the body back: %w", a.File, err)
	}
	return string(buf), nil
}
