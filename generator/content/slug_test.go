package content

import (
	"path"
	"strings"
	"testing"
	"time"
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
		{name: "accents on Latin letters dropped", in: "Café Crème", want: "cafe-creme"},
		{name: "composed and decomposed accents agree", in: "Cafe\u0301", want: "cafe"},
		{name: "compatibility forms folded", in: "Ｆｕｌｌ ｗｉｄｔｈ ①", want: "full-width-1"},
		{name: "Latin letters with no ASCII form kept", in: "Straße", want: "straße"},
		{name: "digits kept", in: "Health and Care Act 2022", want: "health-and-care-act-2022"},
		{name: "date kept", in: "2025-03-27", want: "2025-03-27"},
		{name: "slashes and dots", in: "2024/05/old.slug", want: "2024-05-old-slug"},
		{name: "nothing usable", in: "!!! ???", want: ""},
		{name: "Chinese kept", in: "日本語 新闻", want: "日本語-新闻"},
		{name: "Arabic kept", in: "هيئة الرعاية", want: "هيئة-الرعاية"},
		{name: "Greek capitals end a word with ς, as its small letters do", in: "ΝΈΟΣ ΝΌΜΟΣ", want: "νέος-νόμος"},
		{name: "Greek small letters", in: "Νέος νόμος", want: "νέος-νόμος"},
		{name: "Hebrew kept", in: "רגולציה חדשה", want: "רגולציה-חדשה"},
		{name: "Russian lower-cased", in: "Новые Правила", want: "новые-правила"},
		{name: "Greek keeps its accents, composed", in: "Ελληνικά", want: "ελληνικά"},
		{name: "Hindi keeps its vowel signs", in: "स्वास्थ्य सेवा", want: "स्वास्थ्य-सेवा"},
		{name: "empty", in: "", want: ""},
		{name: "a name Windows keeps for a device", in: "PRN", want: "prn-1"},
		{name: "a numbered device name", in: "COM1", want: "com1-1"},
		{name: "a device name within words is kept", in: "PRN medicines", want: "prn-medicines"},
		{name: "long names are not cut short", in: strings.Repeat("a", 100) + " part 2", want: strings.Repeat("a", 100) + "-part-2"},
		{name: "cut at a word within a segment", in: strings.Repeat("abc ", 100), want: strings.TrimSuffix(strings.Repeat("abc-", 63), "-")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slug(tt.in)
			if got != tt.want {
				t.Errorf("Slug(%q): got %q, want %q", tt.in, got, tt.want)
			}
			if len(got) > MaxSegment {
				t.Errorf("Slug(%q): got %d bytes, want at most %d", tt.in, len(got), MaxSegment)
			}
			if again := Slug(got); again != got {
				t.Errorf("Slug(Slug(%q)): got %q, want it unchanged, %q", tt.in, again, got)
			}
			if why := CheckSegment(got); got != "" && why != "" {
				t.Errorf("Slug(%q) = %q, which CheckSegment refuses: %s", tt.in, got, why)
			}
		})
	}
}

// TestCheckSegment keeps slugs from other systems as they were written,
// and refuses only what is unsafe or ambiguous, saying why.
func TestCheckSegment(t *testing.T) {
	tests := []struct {
		in   string
		want string // part of the reason; "" for accepted
	}{
		{"A-check-up-for-agile-teams", ""},
		{"ruby-4-0-4-released-zh_tw", ""},
		{"v1.2~beta", ""},
		{"新闻-2025", ""},
		{strings.Repeat("a", 255), ""},
		{strings.Repeat("a", 256), "256 bytes"},
		{"", "empty"},
		{"..", "folder"},
		{".hidden", "starts with a dot"},
		{"a/b", "separates folders"},
		{`a\b`, "separates folders"},
		{"a b", "space"},
		{"a\u00a0b", "invisible"},
		{"a\u200bb", "invisible"},
		{"می\u200cخواهم", ""},
		{"क्\u200dष", ""},
		{"ab\u200c", "invisible"},
		{"\u200dab", "invisible"},
		{"a-\u200cb", "invisible"},
		{"x\u200dy", "invisible"},
		{"e\u0301\u200cb", "invisible"},
		{"Auf\u200clage", "invisible"},
		{"слово\u200dслово", "invisible"},
		{"a\x00b", "invisible"},
		{"a?b", "not a letter"},
		{"CON", "device"},
		{"lpt1.html", "device"},
		{"com0", "device"},
		{"com10", ""},
		{"console", ""},
	}
	for _, tt := range tests {
		got := CheckSegment(tt.in)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("CheckSegment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewArticlePath(t *testing.T) {
	day := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	long := "Consultation on the regulation of " + strings.Repeat("adult social care providers and ", 10) + "the end"
	tests := []struct {
		title, want string
	}{
		{"CQC pauses ICS assessments", "articles/2026/2026-12-04-cqc-pauses-ics-assessments.md"},
		// Apostrophes go, straight or curly, as on GOV.UK.
		{"What's next for CQC\u2019s assessments", "articles/2026/2026-12-04-whats-next-for-cqcs-assessments.md"},
		// A long title gives a slug of at most 80 bytes, cut at a word.
		{long, "articles/2026/2026-12-04-consultation-on-the-regulation-of-adult-social-care-providers-and-adult-social.md"},
		// A word longer than that is cut between letters as they are
		// read: not after a virama, which joins the consonant after it.
		{strings.Repeat("क्ष", 12), "articles/2026/2026-12-04-" + strings.Repeat("क्ष", 8) + ".md"},
		{"अ" + strings.Repeat("क्ष", 12), "articles/2026/2026-12-04-अ" + strings.Repeat("क्ष", 8) + ".md"},
	}
	for _, tt := range tests {
		got := NewArticlePath(tt.title, day)
		if got != tt.want {
			t.Errorf("NewArticlePath(%q) = %q, want %q", tt.title, got, tt.want)
		}
		slug := strings.TrimSuffix(strings.TrimPrefix(path.Base(got), "2026-12-04-"), ".md")
		if len(slug) > 80 || Slug(slug) != slug {
			t.Errorf("NewArticlePath(%q) gives the slug %q, %d bytes: want a slug of at most 80", tt.title, slug, len(slug))
		}
	}
}

// TestFold: paths a host or file system that ignores case serves as one
// fold alike, and others do not.
func TestFold(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"/News/ICS/", "/news/ics/", true},
		{"/café/", "/cafe\u0301/", true},
		{"/νόμος/", "/ΝΌΜΟΣ/", true},
		{"/νόμοσ/", "/νόμος/", true},
		{"/ſlug/", "/slug/", true},
		{"/straße/", "/strasse/", false},
		{"/İstanbul/", "/i\u0307stanbul/", true},
		{"/İstanbul/", "/istanbul/", false},
		{"/a/", "/b/", false},
	} {
		if got := Fold(tc.a) == Fold(tc.b); got != tc.same {
			t.Errorf("Fold(%q) == Fold(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

// TestDefaultSlug takes the date off the start of a file name, however
// another system parted it from the rest, and gives it as FileDate.
func TestDefaultSlug(t *testing.T) {
	for _, tc := range []struct{ path, slug, date string }{
		{"articles/2025/2025-03-27-ics-assessments-paused.md", "ics-assessments-paused", "2025-03-27"},
		{"articles/2025/2025-05-04 file with spaces.md", "file-with-spaces", "2025-05-04"},
		{"articles/2025/2025-05-04_Some_Old_Post.md", "some-old-post", "2025-05-04"},
		{"articles/2025/2025-05-04--double.md", "double", "2025-05-04"},
		{"articles/2025/no-date.md", "no-date", ""},
		{"articles/2025/20250504-compact.md", "20250504-compact", ""},
	} {
		if got := DefaultSlug(tc.path); got != tc.slug {
			t.Errorf("DefaultSlug(%q) = %q, want %q", tc.path, got, tc.slug)
		}
		if got := FileDate(tc.path); got != tc.date {
			t.Errorf("FileDate(%q) = %q, want %q", tc.path, got, tc.date)
		}
	}
}

// TestReservedName holds the names Windows keeps for devices, as
// Microsoft lists them: superscript digits too.
func TestReservedName(t *testing.T) {
	for name, want := range map[string]bool{
		"CON": true, "nul.txt": true, "aux.tar.gz": true, "COM0": true, "lpt9.html": true,
		"COM¹": true, "lpt³.html": true, "com¹.txt": true,
		"COM": false, "COM10": false, "LPT⁴": false, "console": false, "computer": false, "COM1x": false,
	} {
		if got := reservedName(name); got != want {
			t.Errorf("reservedName(%q) = %v, want %v", name, got, want)
		}
	}
}
