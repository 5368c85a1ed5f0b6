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
			if got := DistanceAtMost(pair[0], pair[1], 100); got != tt.want {
				t.Errorf("DistanceAtMost(%q, %q, 100) = %d, want %d", pair[0], pair[1], got, tt.want)
			}
		}
	}
}

// TestDistanceAtMost agrees with distance wherever that is at most the
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
		want := min(distance(a, b), most+1)
		if got := DistanceAtMost(a, b, most); got != want {
			t.Fatalf("DistanceAtMost(%q, %q, %d) = %d, want %d", a, b, most, got, want)
		}
	}
}

// distance is the edit distance, worked out whole, as DistanceAtMost
// must agree with it: the edit distance between a and b: the fewest letters to
// insert, delete, replace or swap with the next one to make one of the
// other, so that "DHCS" is one from "DHSC". Each letter is swapped at
// most once.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// rows[i%3][j] is the distance between x[:i] and y[:j].
	var rows [3][]int
	for k := range rows {
		rows[k] = make([]int, len(y)+1)
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur, prev, before := rows[i%3], rows[(i-1)%3], rows[(i+1)%3]
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
	}
	return rows[len(x)%3][len(y)]
}
