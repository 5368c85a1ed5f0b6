package content

import (
	"strings"
	"testing"
	"time"
)

// TestSkeletonPublishedUnfinished publishes the skeleton bulletin new
// writes with every example it gives uncommented as it is: each
// placeholder and example is an error at its line, so that none reaches
// readers as if it were the article's own.
func TestSkeletonPublishedUnfinished(t *testing.T) {
	s := Settings{Location: time.UTC, Statuses: DefaultStatuses}
	day := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	var lines []string
	for _, line := range strings.Split(string(Skeleton("A title", day, []string{"A topic"}, nil, &s)), "\n") {
		switch {
		case line == "draft: true":
			continue
		case line == "sources: []" || line == "events: []":
			line = strings.TrimSuffix(line, " []")
		case strings.HasPrefix(line, "#   ") || strings.HasPrefix(line, "# changes:") || strings.HasPrefix(line, "# updated:") || strings.HasPrefix(line, "# withdrawn:"):
			line = strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ")
			if strings.HasPrefix(line, "  ") {
				line = " " + line
			}
		}
		lines = append(lines, line)
	}
	text := strings.Join(lines, "\n")
	got := strings.Join(loadErrors(t, files(map[string]string{"articles/2026/2026-03-05-a-title.md": text})), "\n")
	for _, want := range []string{
		"summary: still the placeholder",
		`the body still holds the placeholder bulletin new wrote ("Write the article here, in Markdown.")`,
		`sources: "https://www.example.org/news" is the example bulletin new wrote`,
		`events: "What happened" is the example bulletin new wrote`,
		`changes: "What changed, in one sentence." is the example bulletin new wrote`,
		`withdrawn: "Why it was withdrawn." is the example bulletin new wrote`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got\n%s\nwant an error with %q, from:\n%s", got, want, text)
		}
	}
}
