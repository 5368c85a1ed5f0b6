package content

import (
	"math/rand/v2"
	"testing"
)

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

// TestDistanceAtMost agrees with Distance wherever that is at most the
// bound, and says "more" wherever it is more, on names made at random
// from a few letters, so that they are often near one another.
func TestDistanceAtMost(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]rune, rng.IntN(12))
		for i := range b {
			b[i] = []rune("abcé")[rng.IntN(4)]
		}
		return string(b)
	}
	for range 20000 {
		a, b, most := word(), word(), rng.IntN(5)
		want := min(Distance(a, b), most+1)
		if got := DistanceAtMost(a, b, most); got != want {
			t.Fatalf("DistanceAtMost(%q, %q, %d) = %d, want %d", a, b, most, got, want)
		}
	}
}
