package content

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "cqc", 3},
		{"cqc", "", 3},
		{"cqc", "cqc", 0},
		{"titel", "title", 1},
		{"dhcs", "dhsc", 1},
		{"ics assesments", "ics assessments", 1},
		{"adult social care", "child social care", 4},
		{"ca", "abc", 3},
		{"regulaton", "regulation", 1},
		{"é", "e", 1},
	}
	for _, tt := range tests {
		for _, pair := range [][2]string{{tt.a, tt.b}, {tt.b, tt.a}} {
			if got := Distance(pair[0], pair[1]); got != tt.want {
				t.Errorf("Distance(%q, %q) = %d, want %d", pair[0], pair[1], got, tt.want)
			}
		}
	}
}
