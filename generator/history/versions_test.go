package history

import (
	"fmt"
	"strings"
	"testing"
)

// page makes an article whose changes list holds the notes given, each
// "date note".
func page(draft bool, body string, notes ...string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: T\ndate: 2025-01-01\nsummary: S\n")
	if draft {
		b.WriteString("draft: true\n")
	}
	if len(notes) > 0 {
		b.WriteString("changes:\n")
	}
	for _, n := range notes {
		date, note, _ := strings.Cut(n, " ")
		fmt.Fprintf(&b, "  - date: %s\n    note: %s\n", date, note)
	}
	b.WriteString("---\n" + body + "\n")
	return b.String()
}

func TestTracker(t *testing.T) {
	type version struct{ commit, date, note, data string }
	tests := []struct {
		name  string
		steps []string // each step's bytes; its commit is its index
		want  []version
	}{
		{
			"typo fixes belong to the version before them",
			[]string{page(false, "a"), page(false, "b"), page(false, "c", "2025-02-01 N."), page(false, "d", "2025-02-01 N.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "b")}, {"2", "2025-02-01", "N.", page(false, "d", "2025-02-01 N.")}},
		},
		{
			"drafts are passed over, before and after publishing",
			[]string{page(true, "a"), page(false, "b"), page(true, "c"), page(true, "d", "2025-02-01 N.")},
			[]version{{"1", "2025-01-01", FirstPublished, page(false, "b")}},
		},
		{
			"notes written before publishing are not versions",
			[]string{page(true, "a", "2025-01-02 Early."), page(false, "b", "2025-01-02 Early.")},
			[]version{{"1", "2025-01-01", FirstPublished, page(false, "b", "2025-01-02 Early.")}},
		},
		{
			"a note added at the top",
			[]string{page(false, "a", "2025-02-01 One."), page(false, "b", "2025-03-01 Two.", "2025-02-01 One.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "a", "2025-02-01 One.")}, {"1", "2025-03-01", "Two.", page(false, "b", "2025-03-01 Two.", "2025-02-01 One.")}},
		},
		{
			"two notes at once: the latest",
			[]string{page(false, "a"), page(false, "b", "2025-03-01 Later.", "2025-02-01 Earlier.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "a")}, {"1", "2025-03-01", "Later.", page(false, "b", "2025-03-01 Later.", "2025-02-01 Earlier.")}},
		},
		{
			"a corrected note, then a new one",
			[]string{page(false, "a"), page(false, "b", "2025-02-01 Noe."), page(false, "b", "2025-02-01 Note."), page(false, "c", "2025-02-01 Note.", "2025-02-02 More.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "a")}, {"1", "2025-02-01", "Note.", page(false, "b", "2025-02-01 Note.")}, {"3", "2025-02-02", "More.", page(false, "c", "2025-02-01 Note.", "2025-02-02 More.")}},
		},
		{
			"a note replaced is not a version; a note removed and added again is",
			[]string{page(false, "a", "2025-02-01 Wrong."), page(false, "b", "2025-02-01 Right."), page(false, "c"), page(false, "d", "2025-02-03 Again.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "c")}, {"3", "2025-02-03", "Again.", page(false, "d", "2025-02-03 Again.")}},
		},
		{
			"a note dated before those there records an earlier change, and is not a version",
			[]string{page(false, "a", "2025-02-01 One.", "2025-03-01 Two."), page(false, "b", "2024-12-06 Pilots.", "2025-02-01 One.", "2025-03-01 Two."), page(false, "c", "2024-12-06 Pilots.", "2025-02-01 One.", "2025-03-01 Two.", "2025-04-01 Three.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "b", "2024-12-06 Pilots.", "2025-02-01 One.", "2025-03-01 Two.")}, {"2", "2025-04-01", "Three.", page(false, "c", "2024-12-06 Pilots.", "2025-02-01 One.", "2025-03-01 Two.", "2025-04-01 Three.")}},
		},
		{
			"unreadable front matter is passed over",
			[]string{page(false, "a"), "---\ntitle: [\n---\n", "no front matter", page(false, "b", "2025-02-01 N.")},
			[]version{{"0", "2025-01-01", FirstPublished, page(false, "a")}, {"3", "2025-02-01", "N.", page(false, "b", "2025-02-01 N.")}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr tracker
			for i, s := range tt.steps {
				st := newStep([]byte(s))
				st.commit = fmt.Sprint(i)
				tr.add(st)
			}
			var got []version
			for _, v := range tr.Versions {
				got = append(got, version{v.Commit, v.Date, v.Note, string(v.Data)})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParseFront(t *testing.T) {
	tests := []struct {
		name string
		data string
		want front
		ok   bool
	}{
		{"yaml", "---\ndate: 2025-01-01\nchanges:\n  - {date: 2025-01-02, note: \" N. \"}\n---\nbody", front{date: "2025-01-01", changes: []change{{"2025-01-02", "N."}}}, true},
		{"byte-order mark, CRLF and blank lines", "\xef\xbb\xbf\r\n\r\n---\r\ndate: 2025-01-01\r\ndraft: true\r\n---\r\n", front{date: "2025-01-01", draft: true}, true},
		{"draft as text", "---\ndraft: \"true\"\n---\n", front{draft: true}, true},
		{"names", "---\nslug: new-rules\nid: tag:example.org,2025:x\naliases: [/old/, ' /older/ ']\n---\n", front{names: Names{Slug: "new-rules", ID: "tag:example.org,2025:x", Aliases: []string{"/old/", "/older/"}}}, true},
		{"one alias", "---\naliases: /old/\n---\n", front{names: Names{Aliases: []string{"/old/"}}}, true},
		{"toml names", "+++\nslug = \"new-rules\"\naliases = [\"/old/\"]\n+++\n", front{names: Names{Slug: "new-rules", Aliases: []string{"/old/"}}}, true},
		{"other fields may be wrong", "---\ndate: [2025]\ntitel: x\nevents: 3\n---\n", front{}, true},
		{"toml", "+++\ndate = 2025-01-01\ndraft = true\n[[changes]]\ndate = 2025-01-02T10:00:00Z\nnote = \"N.\"\n+++\n", front{date: "2025-01-01", draft: true, changes: []change{{"2025-01-02T10:00:00Z", "N."}}}, true},
		{"an indented --- in a block", "---\nsummary: |\n  A rule:\n  ---\ndate: 2025-01-01\ntopics: [A, B]\n---\n", front{date: "2025-01-01", topics: []string{"A", "B"}}, true},
		{"no front matter", "# Title\n", front{}, false},
		{"never closed", "---\ndate: 2025-01-01\n", front{}, false},
		{"not yaml", "---\ndate: [\n---\n", front{}, false},
		{"changes not a list", "---\nchanges: yes\n---\n", front{}, false},
		{"toml changes not a list", "+++\nchanges = 3\n+++\n", front{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseFront([]byte(tt.data))
			if ok != tt.ok || fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("parseFront(%q) = %v, %v; want %v, %v", tt.data, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestTrackerPublished checks that the first version keeps what made
// the article's address and feed id at each committed step from its
// first publication, after a later version began too: not as a draft
// before it, nor from the work tree.
func TestTrackerPublished(t *testing.T) {
	step := func(commit, path, front string, draft bool) step {
		if draft {
			front += "draft: true\n"
		}
		s := newStep([]byte("---\ntitle: T\n" + front + "---\nBody.\n"))
		s.commit, s.path, s.time = commit, path, day(len(commit))
		return s
	}
	var tr tracker
	tr.add(step("1", "articles/draft.md", "date: 2025-01-01\nslug: working-title\n", true))
	tr.add(step("12", "articles/a.md", "date: 2025-01-02\nslug: first\naliases: [/old/]\n", false))
	tr.add(step("123", "articles/b.md", "date: 2025-01-03\nslug: second\nid: tag:x,2025:y\n", false))
	tr.add(step("1234", "articles/b.md", "date: 2025-01-03\nchanges: [{date: 2025-02-01, note: N.}]\n", false))
	tr.add(step("", "articles/b.md", "date: 2025-01-04\n", false))
	want := []Names{
		{Commit: "12", Committed: day(2), Date: "2025-01-02", Slug: "first", Aliases: []string{"/old/"}, Path: "articles/a.md"},
		{Commit: "123", Committed: day(3), Date: "2025-01-03", Slug: "second", ID: "tag:x,2025:y", Path: "articles/b.md"},
		{Commit: "1234", Committed: day(4), Date: "2025-01-03", Path: "articles/b.md"},
	}
	if got := tr.Versions[0].Published; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestLatest takes the latest change note by the time it names, where
// dates compared as written put 10:00Z after 10:00:30Z, and an offset
// before another's.
func TestLatest(t *testing.T) {
	for _, tt := range []struct {
		dates []string
		want  string
	}{
		{[]string{"2025-01-05", "2025-01-06"}, "2025-01-06"},
		{[]string{"2025-01-05T10:00:30Z", "2025-01-05T10:00Z"}, "2025-01-05T10:00:30Z"},
		{[]string{"2025-01-05T10:00:00Z", "2025-01-05T10:30:00+01:00"}, "2025-01-05T10:00:00Z"},
		{[]string{"2025-01-05", "not a date"}, "not a date"},
		{nil, ""},
	} {
		var changes []change
		for _, d := range tt.dates {
			changes = append(changes, change{Date: d})
		}
		if got := latest(changes); got != tt.want {
			t.Errorf("latest(%q) = %q, want %q", tt.dates, got, tt.want)
		}
	}
}
