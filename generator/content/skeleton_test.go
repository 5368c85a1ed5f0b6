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

// TestSkeletonExamplesFromTheSettings gives the skeleton's examples the
// site's own names: the publisher site.yaml names for the article's
// regulator, or its first, and a status the site defines.
func TestSkeletonExamplesFromTheSettings(t *testing.T) {
	day := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	s := Settings{Location: time.UTC, Statuses: []Status{{Key: "open"}, {Key: "closed"}},
		Regulators: []Regulator{{Abbr: "HSR", Name: "Housing Standards Regulator"}, {Abbr: "TPO", Name: "The Property Ombudsman"}}}
	for _, tt := range []struct {
		regulators []string
		want       []string
	}{
		{nil, []string{"#     publisher: Housing Standards Regulator", "# status: open", "#     status: open"}},
		{[]string{"XYZ", "tpo"}, []string{"#     publisher: The Property Ombudsman"}},
	} {
		text := string(Skeleton("A title", day, nil, tt.regulators, &s))
		for _, want := range tt.want {
			if !strings.Contains(text, want+"\n") {
				t.Errorf("regulators %q: the skeleton has no line %q:\n%s", tt.regulators, want, text)
			}
		}
	}
	s = Settings{Location: time.UTC, Statuses: DefaultStatuses}
	if text := string(Skeleton("A title", day, nil, nil, &s)); !strings.Contains(text, "#     publisher: The body that published it\n") || !strings.Contains(text, "# status: paused\n") {
		t.Errorf("with no regulators in site.yaml: got\n%s\nwant a publisher of no body's name, and status paused", text)
	}
}
