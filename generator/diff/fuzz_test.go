package diff

import "testing"

// FuzzCompare checks, for any two texts, that Compare does not panic,
// that its comparison gives back both texts, and that its HTML is well
// formed and reads as either text.
func FuzzCompare(f *testing.F) {
	f.Add("The cat sat.", "The dog sat.")
	f.Add("Aa one.\n\nBb two.\n\nCc three.", "Bb two.\n\nCc three.\n\nAa one.")
	f.Add("a <b> & c\r\nd", "a <b> & e\n\n\nd")
	f.Add("新闻发布 £1.5m, don't", "新闻公布 £2.5m, do")
	f.Add("x\x00\xff y", "x y")
	f.Add("A.\n\nA.\n\nB.", "B.\n\nA.")
	f.Fuzz(func(t *testing.T, before, after string) {
		paras := Compare(before, after)
		checkSides(t, before, after, paras)
		checkHTML(t, paras)
		for i, p := range paras {
			if p.Move != Stayed && (p.Pair < 0 || p.Pair >= len(paras) || paras[p.Pair].Pair != i || paras[p.Pair].Move == p.Move) {
				t.Errorf("paragraph %d: moved, but its partner %d does not match", i, p.Pair)
			}
		}
	})
}
