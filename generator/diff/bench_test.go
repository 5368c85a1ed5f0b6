package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// BenchmarkCompare compares two versions of an article of 2,000 words in
// 20 paragraphs: one word in 20 replaced, a paragraph moved, one added.
func BenchmarkCompare(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	vocabulary := strings.Fields("the care quality commission said on monday that its assessments of integrated care systems would pause while the department reviews its request")
	var olds, news []string
	for range 20 {
		w := make([]string, 100)
		for i := range w {
			w[i] = vocabulary[rng.IntN(len(vocabulary))]
		}
		olds = append(olds, strings.Join(w, " ")+".")
		for i := range w {
			if rng.IntN(20) == 0 {
				w[i] = "changed"
			}
		}
		news = append(news, strings.Join(w, " ")+".")
	}
	news = append(news[1:], news[0], "A new paragraph.")
	before, after := strings.Join(olds, "\n\n"), strings.Join(news, "\n\n")
	for b.Loop() {
		HTML(Compare(before, after))
	}
}
