package render

import (
	"testing"

	"bulletin/generator/site"
)

// TestStoryShowsNewestSteps checks that a long story shows its newest
// maxSteps steps and counts the ones left out, with the statuses site
// worked out kept as they are.
func TestStoryShowsNewestSteps(t *testing.T) {
	for _, n := range []int{0, 1, maxSteps, maxSteps + 7} {
		steps := make([]*site.Step, n)
		for i := range steps {
			steps[i] = &site.Step{Label: string(rune('a' + i%26))}
		}
		g := &site.Group{Ref: site.Ref{Kind: "topics"}, Story: steps, Changes: 2}
		s := story(g)
		if want := min(n, maxSteps); len(s.Steps) != want || s.Earlier != n-want {
			t.Errorf("%d steps: got %d shown and %d earlier, want %d and %d", n, len(s.Steps), s.Earlier, want, n-want)
		}
		if n > 0 && s.Steps[len(s.Steps)-1] != steps[n-1] {
			t.Errorf("%d steps: the newest step is not the last shown", n)
		}
		if !s.Tracked || s.Changes != 2 {
			t.Errorf("%d steps: got Tracked %v and %d changes, want a tracked story with site's 2", n, s.Tracked, s.Changes)
		}
	}
}
