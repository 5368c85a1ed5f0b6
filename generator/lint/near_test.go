package lint

import "testing"

func TestCloseTo(t *testing.T) {
	tests := []struct {
		missing, page string
		want          bool
	}{
		{"inspection-framework", "inspection-frameworks", true},
		{"ics-paused-again", "ics-assessments-paused-again", true},
		{"goood", "good", true},
		{"Good", "good", true},
		{"chart.png", "chart.svg", false}, // two letters off a nine-letter name
		{"chart.png", "charts.png", true},
		{"cqc", "cqx", false}, // one letter makes another short word
		{"budget-2024", "budget-2025", false},
		{"03", "01", false},
		{"paused", "ics-assessments-paused-again", false}, // one word is in too many paths
		{"again-paused", "ics-paused-again", false},       // not in its order
		{"", "good", false},
	}
	for _, tt := range tests {
		if _, got := closeTo(newEntry("/"+tt.missing, tt.missing), newEntry("/"+tt.page, tt.page)); got != tt.want {
			t.Errorf("closeTo(%q, %q) = %v, want %v", tt.missing, tt.page, got, tt.want)
		}
	}
}
