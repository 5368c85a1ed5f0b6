package diff

import (
	"fmt"
	"strings"
	"testing"
)

// show writes a comparison compactly: one line a paragraph, deletions
// as [-…-], insertions as {+…+}, line breaks as ⏎, a moved paragraph
// marked "moved from N:" and the place it left "moved to N".
func show(paras []Para) string {
	var lines []string
	for _, p := range paras {
		var b strings.Builder
		switch p.Move {
		case MovedAway:
			fmt.Fprintf(&b, "moved to %d", p.Pair)
		case MovedHere:
			fmt.Fprintf(&b, "moved from %d: ", p.Pair)
		}
		for _, op := range p.Ops {
			text := strings.ReplaceAll(op.Text, "\n", "⏎")
			switch op.Kind {
			case Insert:
				text = "{+" + text + "+}"
			case Delete:
				text = "[-" + text + "-]"
			}
			b.WriteString(text)
		}
		lines = append(lines, b.String())
	}
	return strings.Join(lines, "\n")
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name, before, after string
		want                string
	}{
		{"same", "One two.\n\nThree.", "One two.\n\nThree.", "One two.\nThree."},
		{"only spacing differs", "One  two.\r\n\r\n\r\n  Three. ", "One two.\n\nThree.", "One two.\nThree."},
		{"both empty", "", " \n", ""},
		{"a field set", "", "Paused", "{+Paused+}"},
		{"a field cleared", "Paused", "", "[-Paused-]"},
		{"a word replaced", "The cat sat.", "The dog sat.", "The [-cat-]{+dog+} sat."},
		{"a word inserted takes the space after it", "a b", "a x b", "a {+x +}b"},
		{"a word deleted takes the space after it", "a x b", "a b", "a [-x -]b"},
		{"a word added at the end", "a b", "a b c", "a b{+ c+}"},
		{"punctuation stays apart", "It is paused.", "It is paused, then resumed.", "It is paused{+, then resumed+}."},
		{"nearby changes read as one", "the quick brown fox jumps", "the slow red fox jumps", "the [-quick brown-]{+slow red+} fox jumps"},
		{"a word kept between longer changes goes with them", "one two three four five", "six seven three eight nine", "[-one two three four five-]{+six seven three eight nine+}"},
		{"a word kept between short changes stays", "one two three", "four two five", "[-one-]{+four+} two [-three-]{+five+}"},
		{"numbers and contractions are words", "£1.5m, don't", "£2.5m, do", "£[-1.5m, don't-]{+2.5m, do+}"},
		{"a paragraph deleted", "A.\n\nB.\n\nC.", "A.\n\nC.", "A.\n[-B.-]\nC."},
		{"a paragraph inserted", "A.\n\nC.", "A.\n\nB.\n\nC.", "A.\n{+B.+}\nC."},
		{"a paragraph rewritten", "Alpha beta gamma.\n\nDelta.", "Alpha beta gamma delta.\n\nNew.", "Alpha beta gamma{+ delta+}.\n[-Delta.-]\n{+New.+}"},
		{
			"a paragraph edited in place",
			"The pause lasts six months.\n\nCQC agreed.",
			"The pause lasts at least six months.\n\nCQC agreed.",
			"The pause lasts {+at least +}six months.\nCQC agreed.",
		},
		{
			"a paragraph moved down",
			"Aa one.\n\nBb two.\n\nCc three.",
			"Bb two.\n\nCc three.\n\nAa one.",
			"moved to 3\nBb two.\nCc three.\nmoved from 0: Aa one.",
		},
		{
			"a paragraph moved up, nearly unchanged",
			"Bb two.\n\nCc three.\n\nAa one two three four five six seven eight.",
			"Aa one two three four five six seven nine.\n\nBb two.\n\nCc three.",
			"moved from 3: Aa one two three four five six seven [-eight-]{+nine+}.\nBb two.\nCc three.\nmoved to 0",
		},
		{
			"two paragraphs swapped",
			"First paragraph here.\n\nSecond paragraph there.",
			"Second paragraph there.\n\nFirst paragraph here.",
			"moved to 2\nSecond paragraph there.\nmoved from 0: First paragraph here.",
		},
		{"lines", "CQC statement\nDHSC letter", "CQC statement\nNHS England letter\nDHSC letter", "CQC statement⏎{+NHS England letter⏎+}DHSC letter"},
		{"deletions come before insertions", "A.\n\nOld text here.\n\nMore old.\n\nC.", "A.\n\nSomething else entirely.\n\nC.", "A.\n[-Old text here.-]\n[-More old.-]\n{+Something else entirely.+}\nC."},
		{"a paragraph in place of another reads as edited", "Paused", "Resumed", "[-Paused-]{+Resumed+}"},
		{"scripts without spaces", "新闻发布", "新闻公布", "新闻[-发-]{+公+}布"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.before, tt.after)
			if s := show(got); s != tt.want {
				t.Errorf("Compare(%q, %q):\ngot\n%s\nwant\n%s", tt.before, tt.after, s, tt.want)
			}
			checkSides(t, tt.before, tt.after, got)
			if changed := tt.want != strings.NewReplacer("{+", "", "[-", "").Replace(tt.want) || strings.Contains(tt.want, "moved"); Changed(got) != changed {
				t.Errorf("Changed = %v, want %v", Changed(got), changed)
			}
		})
	}
}

// checkSides checks that the comparison gives back both texts, cleaned.
func checkSides(t *testing.T, before, after string, paras []Para) {
	t.Helper()
	if got, want := Before(paras), strings.Join(paragraphs(before), "\n\n"); got != want {
		t.Errorf("Before = %q, want %q", got, want)
	}
	if got, want := After(paras), strings.Join(paragraphs(after), "\n\n"); got != want {
		t.Errorf("After = %q, want %q", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	before := "P one two.\n\nQ three four.\n\nR five six.\n\nS seven eight.\n\nT nine ten."
	after := "S seven eight.\n\nR five six.\n\nT nine ten.\n\nQ three four.\n\nP one two."
	want := show(Compare(before, after))
	for range 50 {
		if got := show(Compare(before, after)); got != want {
			t.Fatalf("got\n%s\nthen\n%s", want, got)
		}
	}
}
