package content

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "already a slug", in: "ics-assessments", want: "ics-assessments"},
		{name: "capitals and spaces", in: "ICS Assessments Paused", want: "ics-assessments-paused"},
		{name: "punctuation between words", in: "CQC's review: what's next?", want: "cqc-s-review-what-s-next"},
		{name: "runs of punctuation make one hyphen", in: "a -- b__c", want: "a-b-c"},
		{name: "leading and trailing punctuation dropped", in: "  --(Paused)--  ", want: "paused"},
		{name: "accents dropped", in: "Café Crème", want: "cafe-creme"},
		{name: "composed and decomposed accents agree", in: "Cafe\u0301", want: "cafe"},
		{name: "compatibility forms folded", in: "Ｆｕｌｌ ｗｉｄｔｈ ①", want: "full-width-1"},
		{name: "letters with no ASCII form separate words", in: "Straße", want: "stra-e"},
		{name: "digits kept", in: "Health and Care Act 2022", want: "health-and-care-act-2022"},
		{name: "date kept", in: "2025-03-27", want: "2025-03-27"},
		{name: "slashes and dots", in: "2024/05/old.slug", want: "2024-05-old-slug"},
		{name: "nothing usable", in: "!!! ???", want: ""},
		{name: "no Latin letters", in: "日本語", want: ""},
		{name: "empty", in: "", want: ""},
		{name: "exactly the longest", in: strings.Repeat("a", 80), want: strings.Repeat("a", 80)},
		{name: "cut at the longest", in: strings.Repeat("a", 100), want: strings.Repeat("a", 80)},
		{name: "cut never ends in a hyphen", in: strings.Repeat("a", 79) + " bcd", want: strings.Repeat("a", 79)},
		{name: "cut inside a word", in: strings.Repeat("a", 78) + " bcd", want: strings.Repeat("a", 78) + "-b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slug(tt.in)
			if got != tt.want {
				t.Errorf("Slug(%q): got %q, want %q", tt.in, got, tt.want)
			}
			if len(got) > maxSlug {
				t.Errorf("Slug(%q): got %d bytes, want at most %d", tt.in, len(got), maxSlug)
			}
			if again := Slug(got); again != got {
				t.Errorf("Slug(Slug(%q)): got %q, want it unchanged, %q", tt.in, again, got)
			}
		})
	}
}
