package content

import (
	"regexp"
	"slices"
	"testing"
)

// TestHeadingIDs wants headings' ids as goldmark gives them where a
// heading has ASCII letters or digits, so links to them stay good, and
// the slug of its words where it has none, as a heading in another
// script has; each id once in a body.
func TestHeadingIDs(t *testing.T) {
	body := "## What happens next\n\n## ماذا بعد\n\n## ماذا بعد\n\n## 日本語の見出し\n\n## Réforme 2025\n\n## What happens next\n\n## ???\n"
	html, _ := convert(newMarkdown(false), []byte(body), 1, &decoder{})
	var got []string
	for _, m := range regexp.MustCompile(`<h2 id="([^"]*)">`).FindAllStringSubmatch(html, -1) {
		got = append(got, m[1])
	}
	want := []string{"what-happens-next", "ماذا-بعد", "ماذا-بعد-1", "日本語の見出し", "rforme-2025", "what-happens-next-1", "heading"}
	if !slices.Equal(got, want) {
		t.Errorf("heading ids: got %q, want %q", got, want)
	}
}
