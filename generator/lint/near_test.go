package lint

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"bulletin/generator/render"
)

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

// TestNearFindsWhatEveryPathWouldGive wants near, which compares a path
// with those of its folder of like length or with a word of it, to give
// what comparing it with every path of the folder gives, in path order.
func TestNearFindsWhatEveryPathWouldGive(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := []string{"ics", "paused", "again", "cqc", "review", "care", "homes", "care-home", "2024", "2025", "a", "ab", "abc"}
	name := func() string {
		var parts []string
		for range 1 + r.IntN(4) {
			w := vocab[r.IntN(len(vocab))]
			if r.IntN(4) == 0 {
				w += string(rune('a' + r.IntN(26))) // a slip
			}
			parts = append(parts, w)
		}
		return strings.Join(parts, "-")
	}
	dirs := []string{"2025/01/", "2025/02/", "topics/"}
	var assets []string
	for range 300 {
		assets = append(assets, dirs[r.IntN(len(dirs))]+name())
	}
	n := &nearby{files: &render.Files{}, assets: assets}
	every := func(target string) string {
		dir, last := split(target)
		want := newEntry(target, last)
		best, bestDistance := "", -1
		var paths []string
		for _, a := range assets {
			if p := "/" + a; strings.HasPrefix(p, dir) && !strings.Contains(p[len(dir):], "/") {
				paths = append(paths, p)
			}
		}
		slices.Sort(paths)
		for _, p := range paths {
			_, l := split(p)
			if d, ok := closeTo(want, newEntry(p, l)); ok && (bestDistance < 0 || d < bestDistance) {
				best, bestDistance = p, d
			}
		}
		if best == "" {
			var named []string
			for _, a := range assets {
				if _, l := split("/" + a); strings.ToLower(l) == want.last {
					named = append(named, "/"+a)
				}
			}
			if len(named) == 1 {
				best = named[0]
			}
		}
		return best
	}
	found := 0
	for range 2000 {
		target := "/" + dirs[r.IntN(len(dirs))] + name()
		got, want := n.near(target), every(target)
		if got != want {
			t.Fatalf("near(%q) = %q, want %q", target, got, want)
		}
		if got != "" {
			found++
		}
	}
	if found < 200 {
		t.Errorf("only %d of 2,000 targets had a path near them: the test compares too few", found)
	}
}
