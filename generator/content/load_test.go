package content

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// lines joins lines into a file's text, so that a case's line numbers can
// be read off its position in the list: the first line is line 1.
func lines(ls ...string) string {
	return strings.Join(ls, "\n") + "\n"
}

// fm is an article with a valid title (line 2), date (line 3) and summary
// (line 4); extra front matter starts on line 5 and is followed by the
// closing --- and a one-line body.
func fm(extra ...string) string {
	head := []string{"---", "title: ICS assessments paused", "date: 2025-03-27", "summary: DHSC withdrew its request."}
	return lines(slices.Concat(head, extra, []string{"---", "", "The body."})...)
}

// files builds an in-memory content folder from paths and texts.
func files(texts map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, text := range texts {
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// mustLoad loads fsys as the folder "content" and fails the test on any
// problem.
func mustLoad(t *testing.T, fsys fs.FS) *Set {
	t.Helper()
	set, err := Load(fsys, "content")
	if err != nil {
		t.Fatalf("Load: got error\n%v\nwant none", err)
	}
	return set
}

// loadErrors loads fsys as the folder "content" and returns the lines an
// editor would see, failing the test if there are none.
func loadErrors(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	set, err := Load(fsys, "content")
	if err == nil {
		t.Fatalf("Load: got no error, want some")
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Load: got error of type %T (%v), want Errors", err, err)
	}
	// The set holds only what was read without problems.
	bad := map[string]bool{}
	for _, e := range es {
		bad[e.File] = true
	}
	for _, a := range set.Articles {
		if bad[a.File] {
			t.Errorf("Load: the set holds %s, which has problems", a.File)
		}
	}
	return strings.Split(err.Error(), "\n")
}

func checkErrors(t *testing.T, input string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("input:\n%s\ngot errors:\n%s\nwant:\n%s", input, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

const allStatuses = "proposed, consultation, planned, piloting, in-progress, paused, in-force, under-review, reported, withdrawn, closed"

const allFields = "title, date, summary, regulators, topics, authors, status, updated, changes, sources, events, withdrawn, applies_to, draft, slug, aliases, id, lang"

func TestLoadArticleErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Languages.
		{
			name: "lang that is no language tag",
			text: fm("lang: Welsh please"),
			want: []string{`content/a.md:5: lang: "Welsh please" is not a language tag: write it like cy, en-GB or ar`},
		},

		// Field names.
		{
			name: "unknown field close to a known one",
			text: fm("titel: Paused"),
			want: []string{`content/a.md:5: titel: unknown field: did you mean "title"?`},
		},
		{
			name: "unknown field in another case",
			text: fm("Status: paused"),
			want: []string{`content/a.md:5: Status: unknown field: did you mean "status"?`},
		},
		{
			name: "field name with a no-break space after it",
			text: fm("draft\u00a0: true"),
			want: []string{`content/a.md:5: "draft\u00a0": unknown field: its name has a space or a character nobody sees before or after draft: write draft alone`},
		},
		{
			name: "field name with a zero-width space before it",
			text: fm("\u200btitle: Paused"),
			want: []string{`content/a.md:5: "\u200btitle": unknown field: its name has a space or a character nobody sees before or after title: write title alone`},
		},
		{
			name: "field with no name",
			text: fm(`"": x`),
			want: []string{`content/a.md:5: "": unknown field: known fields are ` + allFields},
		},
		{
			name: "unknown field far from any known one",
			text: fm("colour: red"),
			want: []string{"content/a.md:5: colour: unknown field: known fields are " + allFields},
		},
		{
			name: "unknown field inside a change",
			text: fm("updated: 2025-03-28", "changes:", "  - date: 2025-03-28", "    notes: Added the pause."),
			// One slip, one error: note is not reported missing too.
			want: []string{`content/a.md:8: changes.notes: unknown field: did you mean "note"?`},
		},
		{
			name: "unknown field inside withdrawn",
			text: fm("withdrawn:", "  date: 2025-03-28", "  explanation: Superseded.", "  reason: x"),
			want: []string{"content/a.md:8: withdrawn.reason: unknown field: known fields are date, explanation"},
		},

		// Types.
		{
			name: "list where text is wanted",
			text: fm("status: [paused, closed]"),
			want: []string{"content/a.md:5: status: got a list, want text"},
		},
		{
			name: "map where text is wanted",
			text: fm("id:", "  tag: x"),
			want: []string{"content/a.md:6: id: got a map, want text"},
		},
		{
			name: "map where a list is wanted",
			text: fm("topics: {ics: ICS assessments}"),
			want: []string{"content/a.md:5: topics: got a map, want a list such as [one, two]"},
		},
		{
			name: "map inside a list of text",
			text: fm("regulators:", "  - CQC", "  - name: NHS England"),
			want: []string{"content/a.md:7: regulators: got a map, want text"},
		},
		{
			name: "empty list field",
			text: fm("authors:"),
			want: []string{"content/a.md:5: authors: got empty, want a list such as [one, two]"},
		},
		{
			name: "topic with no letter or digit",
			text: fm(`topics: [ICS assessments, "!!!"]`),
			want: []string{`content/a.md:5: topics: "!!!" gives an empty slug: include letters or digits`},
		},
		{
			name: "names with an invisible character",
			text: fm("topics: [\"Caf\u00e9\u200b\", \"x\u200dy\", \"می\u200cخواهم\"]\nregulators: [\"C\u00adQC\"]"),
			want: []string{
				"content/a.md:5: topics: \"Café\\u200b\" holds an invisible character (U+200B), which makes it a name of its own that looks like another: delete it",
				"content/a.md:5: topics: \"x\\u200dy\" holds an invisible character (U+200D), which makes it a name of its own that looks like another: delete it",
				"content/a.md:6: regulators: \"C\\u00adQC\" holds an invisible character (U+00AD), which makes it a name of its own that looks like another: delete it",
			},
		},
		{
			name: "names with a line break",
			text: fm("topics: [\"Top\\nic\"]\nauthors: [\"Jo\\tDoe\"]"),
			want: []string{
				"content/a.md:5: topics: \"Top\\nic\" holds a line break or a tab (U+000A), which a name shown in lists and pages cannot: write it on one line, with spaces",
			},
		},
		{
			name: "too many topics",
			text: fm("topics: [t" + strings.Repeat(", t", maxGroups) + "]"),
			want: []string{"content/a.md:5: topics: 51 listed, more than 50: keep those the article is mainly about"},
		},
		{
			name: "map where a list of entries is wanted",
			text: fm("updated: 2025-03-28", "changes:", "  date: 2025-03-28", "  note: Added the pause."),
			want: []string{`content/a.md:7: changes: got a map, want a list of entries, each starting with "- "`},
		},
		{
			name: "text where an entry is wanted",
			text: fm("sources:", "  - https://www.cqc.org.uk/"),
			want: []string{`content/a.md:6: sources: got the text "https://www.cqc.org.uk/", want a map of title, url, publisher, date: write it as {title: …, url: https://www.cqc.org.uk/}`},
		},
		{
			name: "text where an entry with a date is wanted",
			text: fm("events:", "  - Framework changes", "updated: 2025-03-28", "changes:", "  - 'Fixed: a typo, and a date'"),
			want: []string{
				`content/a.md:6: events: got the text "Framework changes", want a map of date, label, status: write it as {date: YYYY-MM-DD, label: Framework changes}`,
				`content/a.md:9: changes: got the text "Fixed: a typo, and a date", want a map of date, note: write it as {date: YYYY-MM-DD, note: "Fixed: a typo, and a date"}`,
			},
		},
		{
			name: "bool where a map is wanted",
			text: fm("withdrawn: true"),
			want: []string{`content/a.md:5: withdrawn: got true, want the date and why, as withdrawn: {date: 2025-04-01, explanation: The rule was revoked.}`},
		},
		{
			name: "yes is not a bool",
			text: fm("draft: yes"),
			want: []string{`content/a.md:5: draft: got the text "yes", want true or false`},
		},
		{
			name: "number is not a bool",
			text: fm("draft: 1"),
			want: []string{`content/a.md:5: draft: got the number 1, want true or false`},
		},
		{
			name: "empty text",
			text: lines("---", `title: ""`, "date: 2025-03-27", "summary: S", "---"),
			want: []string{"content/a.md:2: title: is empty: write some text or remove the field"},
		},
		{
			name: "blank text",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: '   '", "---"),
			want: []string{"content/a.md:4: summary: is empty: write some text or remove the field"},
		},
		{
			name: "empty items of a list",
			text: fm(`topics: ["", " "]`),
			want: []string{"content/a.md:5: topics: the first and second items are empty: write some text in each, or remove them"},
		},
		{
			// An item left out of a block list, or written ~, is no text.
			name: "empty items written as nothing",
			text: fm("topics:", "  - CQC", "  -", "  - ~"),
			want: []string{
				"content/a.md:7: topics: the second item is empty: write some text or remove it",
				"content/a.md:8: topics: the third item is empty: write some text or remove it",
			},
		},
		{
			name: "an empty item after another",
			text: fm(`regulators: [CQC, ""]`),
			want: []string{"content/a.md:5: regulators: the second item is empty: write some text or remove it"},
		},
		{
			name: "empty items a line each",
			text: fm("authors:", "  - Ann", "  - ''", "  - Bo", "  - ''"),
			want: []string{
				"content/a.md:7: authors: the second item is empty: write some text or remove it",
				"content/a.md:9: authors: the fourth item is empty: write some text or remove it",
			},
		},
		{
			name: "many empty items",
			text: fm(`topics: [A, "", "", "", "", "", "", "", "", "", "", ""]`),
			want: []string{"content/a.md:5: topics: the second, third, fourth and 8 more items are empty: write some text in each, or remove them"},
		},
		{
			name: "a list of one empty item",
			text: fm(`applies_to: [""]`),
			want: []string{"content/a.md:5: applies_to: is empty: write some text or remove the field"},
		},
		{
			name: "null text",
			text: lines("---", "title:", "date: 2025-03-27", "summary: S", "---"),
			want: []string{"content/a.md:2: title: got empty, want text"},
		},
		{
			name: "front matter that is not a map",
			text: lines("---", "ICS assessments paused", "---"),
			want: []string{`content/a.md:2: front matter: got the text "ICS assessments paused", want a map of ` + allFields},
		},
		{
			name: "front matter that is a list",
			text: lines("---", "- title: T", "---"),
			want: []string{"content/a.md:2: front matter: got a list, want a map of " + allFields},
		},
		{
			name: "front matter nested too deeply",
			text: fm("id: [[[[[[[[[x]]]]]]]]]"),
			want: []string{"content/a.md:5: front matter nests deeper than 8 levels, where no field takes more than three: write each value as its field takes it"},
		},

		// Dates.
		{
			name: "day first",
			text: lines("---", "title: T", "date: 27/03/2025", "summary: S", "---"),
			want: []string{`content/a.md:3: date: "27/03/2025" is not a date: write 2025-03-27`},
		},
		{
			name: "date in words",
			text: lines("---", "title: T", "date: 27 March 2025", "summary: S", "---"),
			want: []string{`content/a.md:3: date: "27 March 2025" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
		},
		{
			name: "impossible day",
			text: lines("---", "title: T", "date: 2025-02-30", "summary: S", "---"),
			want: []string{`content/a.md:3: date: "2025-02-30" has no day 30: February 2025 has 28 days`},
		},
		{
			name: "date as a number",
			text: lines("---", "title: T", "date: 2025", "summary: S", "---"),
			want: []string{`content/a.md:3: date: "2025" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
		},
		{
			name: "date as a list",
			text: lines("---", "title: T", "date: [2025-03-27]", "summary: S", "---"),
			want: []string{"content/a.md:3: date: got a list, want a date such as 2025-03-27"},
		},
		{
			name: "month alone for the date",
			text: lines("---", "title: T", "date: 2025-03", "summary: S", "---"),
			want: []string{`content/a.md:3: date: "2025-03" is a month without a day: this field needs the day too, as YYYY-MM-DD`},
		},
		{
			name: "month alone for updated",
			text: fm("updated: 2025-04"),
			want: []string{`content/a.md:5: updated: "2025-04" is a month without a day: this field needs the day too, as YYYY-MM-DD`},
		},
		{
			name: "month alone for a change",
			text: fm("updated: 2025-04-01", "changes:", "  - date: 2025-04", "    note: Added the pause."),
			want: []string{`content/a.md:7: changes.date: "2025-04" is a month without a day: this field needs the day too, as YYYY-MM-DD`},
		},
		{
			name: "month alone for withdrawn",
			text: fm("withdrawn:", "  date: 2025-04", "  explanation: Superseded."),
			want: []string{`content/a.md:6: withdrawn.date: "2025-04" is a month without a day: this field needs the day too, as YYYY-MM-DD`},
		},
		{
			name: "event month that does not exist",
			text: fm("events:", "  - date: 2024-13", "    label: Pilots end"),
			want: []string{`content/a.md:6: events.date: "2024-13" has no month 13: months go from 01 to 12`},
		},
		{
			name: "bad event date",
			text: fm("events:", "  - date: spring 2024", "    label: Pilots end"),
			want: []string{`content/a.md:6: events.date: "spring 2024" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z), or YYYY-MM for a month`},
		},
		{
			name: "bad source date",
			text: fm("sources:", "  - title: Health and Care Act 2022", "    date: 28/04/2022"),
			want: []string{`content/a.md:7: sources.date: "28/04/2022" is not a date: write 2022-04-28`},
		},
		{
			name: "a long text where a date goes",
			text: fm("sources:\n  - title: A source\n    url: https://example.org/\n    date: " + strings.Repeat("2", 3000)),
			want: []string{`content/a.md:8: sources.date: "` + strings.Repeat("2", 100) + `…" (3000 characters) is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z), or YYYY-MM for a month`},
		},
		{
			name: "a long text where a list goes",
			text: fm("events: " + strings.Repeat("England ", 100)),
			want: []string{`content/a.md:5: events: got the text "` + strings.Repeat("England ", 12) + `Engl…" (799 characters), want a list of entries, each starting with "- "`},
		},

		// Statuses.
		{
			name: "unknown status",
			text: fm("status: on hold"),
			want: []string{`content/a.md:5: status: "on hold" is not one of: ` + allStatuses},
		},
		{
			name: "status misspelled",
			text: fm("status: reportd"),
			want: []string{`content/a.md:5: status: "reportd" is not a status: did you mean "reported"?`},
		},
		{
			name: "status written with a space for the hyphen",
			text: fm("status: in force"),
			want: []string{`content/a.md:5: status: "in force" is not a status: did you mean "in-force"?`},
		},
		{
			name: "status in the wrong case",
			text: fm("status: Paused"),
			want: []string{`content/a.md:5: status: "Paused" is not a status: did you mean "paused"?`},
		},
		{
			name: "unknown event status",
			text: fm("events:", "  - date: 2024-05", "    label: Rollout paused", "    status: stopped"),
			want: []string{`content/a.md:8: events.status: "stopped" is not one of: ` + allStatuses},
		},
		{
			name: "event status misspelled",
			text: fm("events:", "  - date: 2024-05", "    label: Rollout paused", "    status: pasued"),
			want: []string{`content/a.md:8: events.status: "pasued" is not a status: did you mean "paused"?`},
		},

		// Required fields.
		{
			name: "title, date and summary missing",
			text: lines("---", "status: paused", "---"),
			want: []string{
				"content/a.md:1: title: missing: this field is required: add title: …, the headline readers see",
				"content/a.md:1: date: missing: this field is required: add date: 2025-03-27, the day it was published, as YYYY-MM-DD",
				"content/a.md:1: summary: missing: this field is required: add summary: …, a sentence or two that say what changed, shown under the title and in feeds",
			},
		},
		{
			name: "empty front matter",
			text: lines("---", "---", "Body."),
			want: []string{
				"content/a.md:1: title: missing: this field is required: add title: …, the headline readers see",
				"content/a.md:1: date: missing: this field is required: add date: 2025-03-27, the day it was published, as YYYY-MM-DD",
				"content/a.md:1: summary: missing: this field is required: add summary: …, a sentence or two that say what changed, shown under the title and in feeds",
			},
		},
		{
			name: "required fields missing from the opening line after blank lines",
			text: lines("", "", "---", "title: T", "---"),
			want: []string{
				"content/a.md:3: date: missing: this field is required: add date: 2025-03-27, the day it was published, as YYYY-MM-DD",
				"content/a.md:3: summary: missing: this field is required: add summary: …, a sentence or two that say what changed, shown under the title and in feeds",
			},
		},
		{
			name: "change without a note",
			text: fm("updated: 2025-03-28", "changes:", "  - date: 2025-03-28"),
			want: []string{"content/a.md:7: changes.note: missing: this field is required"},
		},
		{
			name: "second change without a date",
			text: fm("updated: 2025-03-28", "changes:", "  - date: 2025-03-28", "    note: Added the pause.", "  - note: Fixed a typo."),
			want: []string{"content/a.md:9: changes.date: missing: this field is required"},
		},
		{
			name: "source without a title",
			text: fm("sources:", "  - url: https://www.cqc.org.uk/", "    publisher: Care Quality Commission"),
			want: []string{"content/a.md:6: sources.title: missing: this field is required"},
		},
		{
			name: "event without date or label",
			text: fm("events:", "  - status: paused"),
			want: []string{
				"content/a.md:6: events.date: missing: this field is required",
				"content/a.md:6: events.label: missing: this field is required",
			},
		},
		{
			name: "withdrawn without an explanation",
			text: fm("withdrawn:", "  date: 2025-03-28"),
			want: []string{"content/a.md:6: withdrawn.explanation: missing: this field is required"},
		},
		{
			name: "withdrawn without a date",
			text: fm("withdrawn:", "  explanation: Superseded by the April article."),
			want: []string{"content/a.md:6: withdrawn.date: missing: this field is required"},
		},
		{
			name: "empty change note",
			text: fm("updated: 2025-03-28", "changes:", "  - date: 2025-03-28", "    note: ''"),
			want: []string{"content/a.md:8: changes.note: is empty: write some text or remove the field"},
		},

		// Updated and changes.
		{
			name: "updated older than the newest change note",
			text: fm("updated: 2025-03-28", "changes:", "  - date: 2025-04-02", "    note: Added the April delay.", "  - date: 2025-04-09", "    note: Added the NHS reforms."),
			want: []string{"content/a.md:5: updated: 2025-03-28 is older than the newest change note (2025-04-09): set updated to 2025-04-09 or later"},
		},
		{
			name: "updated earlier on the same day as a change note",
			text: fm("updated: 2025-04-02", "changes:", "  - date: 2025-04-02T10:30", "    note: Added the April delay."),
			want: []string{"content/a.md:5: updated: 2025-04-02 is older than the newest change note (2025-04-02T10:30:00+01:00): set updated to 2025-04-02T10:30:00+01:00 or later"},
		},
		{
			name: "change note in another zone, on the next day in London",
			text: fm("updated: 2025-06-28", "changes:", "  - date: 2025-06-28T23:30:00Z", "    note: Added the June delay."),
			want: []string{"content/a.md:5: updated: 2025-06-28 is older than the newest change note (2025-06-29T00:30:00+01:00): set updated to 2025-06-29T00:30:00+01:00 or later"},
		},
		{
			name: "updated before date",
			text: fm("updated: 2025-03-26"),
			want: []string{"content/a.md:5: updated: 2025-03-26 is before date 2025-03-27: updated must be on or after the publication date"},
		},
		{
			name: "updated before date on the same day",
			text: lines("---", "title: T", "date: 2025-03-27T09:30", "summary: S", "updated: 2025-03-27", "---"),
			want: []string{"content/a.md:5: updated: 2025-03-27 is before date 2025-03-27T09:30:00Z: updated must be on or after the publication date"},
		},
		{
			name: "withdrawn before date",
			text: fm("withdrawn:", "  date: 2025-03-26", "  explanation: Superseded."),
			want: []string{"content/a.md:6: withdrawn.date: 2025-03-26 is before date 2025-03-27: an article is withdrawn on or after the day it was published"},
		},
		{
			name: "changes without updated",
			text: fm("changes:", "  - date: 2025-03-28", "    note: Added the pause."),
			want: []string{"content/a.md:6: changes: listed, but updated is not set: add updated: with the newest change's date"},
		},
		{
			name: "changes with an updated that is not a date",
			text: fm("updated: 28/03/2025", "changes:", "  - date: 2025-03-28", "    note: Added the pause."),
			want: []string{`content/a.md:5: updated: "28/03/2025" is not a date: write 2025-03-28`},
		},

		// Slugs and aliases.
		{
			name: "slug with spaces and capitals",
			text: fm("slug: ICS Assessments Paused"),
			want: []string{`content/a.md:5: slug: "ICS Assessments Paused" cannot be part of an address: it has a space; write "ics-assessments-paused"`},
		},
		{
			name: "slug with a character that would vanish",
			text: fm(`slug: "ics\x00paused"`),
			want: []string{`content/a.md:5: slug: "ics\x00paused" cannot be part of an address: it holds an invisible character (U+0000); write "ics-paused"`},
		},
		{
			name: "slug ending in a dot",
			text: fm("slug: paused."),
			want: []string{`content/a.md:5: slug: "paused." cannot be part of an address: it ends in a dot, which Windows drops from file names; write "paused"`},
		},
		{
			name: "slug of dots alone",
			text: fm(`slug: "..."`),
			want: []string{`content/a.md:5: slug: "..." cannot be part of an address: it starts with a dot, which hides a file on most systems; write one of letters, digits and hyphens, or take the field out for one made from the file's name`},
		},
		{
			name: "slug with a slash",
			text: fm("slug: 2025/paused"),
			want: []string{`content/a.md:5: slug: "2025/paused" cannot be part of an address: '/' separates folders; write "2025-paused"`},
		},
		{
			name: "empty slug",
			text: fm("slug: ''"),
			want: []string{"content/a.md:5: slug: is empty: write some text or remove the field"},
		},
		{
			name: "alias escaped in Latin-1",
			text: fm("aliases: [/caf%E9/]"),
			want: []string{
				`content/a.md:5: aliases: "/caf%E9/": the part "caf\xe9" cannot be part of an address: it is not UTF-8 text (an address escaped in Latin-1, as %E9 for é, decodes so), which no file's name can hold: write it in UTF-8 (%C3%A9)`,
			},
		},
		{
			name: "alias without a leading slash",
			text: fm("aliases: [2024/05/old-slug/]"),
			want: []string{`content/a.md:5: aliases: "2024/05/old-slug/" is not a site path: write it like /2024/05/old-slug/`},
		},
		{
			name: "each bad alias on its own line",
			text: fm("aliases:", "  - /ok/", "  - /../etc/", "  - /old?id=3", "  - /old slug/", `  - /old\slug/`, "  - /old#top", `  - "/old\nslug/"`, "  - /what's-new(2)/", "  - /a:b/", "  - /trailing./"),
			want: []string{
				`content/a.md:7: aliases: "/../etc/": the part ".." cannot be part of an address: it names a folder, not a page`,
				`content/a.md:8: aliases: "/old?id=3" has a query (?), and a static site answers an address by its path alone: keep the path (/old), or redirect the whole address on the server`,
				`content/a.md:10: aliases: "/old\\slug/": the part "old\\slug" cannot be part of an address: '\\' separates folders`,
				`content/a.md:11: aliases: "/old#top" has a fragment (#), and a static site answers an address by its path alone: keep the path (/old), or redirect the whole address on the server`,
				// A line break would also break the output's list of files.
				`content/a.md:12: aliases: "/old\nslug/": the part "old\nslug" cannot be part of an address: it holds an invisible character (U+000A)`,
				`content/a.md:14: aliases: "/a:b/": the part "a:b" cannot be part of an address: ':' cannot be part of a file name on Windows`,
				`content/a.md:15: aliases: "/trailing./": the part "trailing." cannot be part of an address: it ends in a space or a dot, which Windows drops from file names`,
			},
		},
		{
			// //host/path is another site's address to a browser.
			name: "alias of another host or with an empty part",
			text: fm("aliases:", "  - //evil.example/x/", "  - /a/b//", "  - /%2Fevil.example/", "  - /x%2fy/"),
			want: []string{
				`content/a.md:6: aliases: "//evil.example/x/" starts with //, which browsers read as the address of another site: write the path of this site with one / before it`,
				`content/a.md:7: aliases: "/a/b//": the part "" cannot be part of an address: it is empty`,
				`content/a.md:8: aliases: "/%2Fevil.example/" starts with //, which browsers read as the address of another site: write the path of this site with one / before it`,
				`content/a.md:9: aliases: "/x%2fy/" holds an escaped slash (%2f), which no file's name can hold: redirect that address on the server`,
			},
		},
		{
			name: "aliases with a zero-width joiner",
			text: fm("aliases:", "  - /1403/05/مقاله\u200cها/", "  - /%D9%85%D9%82%D8%A7%D9%84%D9%87%E2%80%8C%D9%87%D8%A7/", "  - /Auf\u200clage/"),
			want: []string{`content/a.md:8: aliases: "/Auf\u200clage/": the part "Auf\u200clage" cannot be part of an address: it holds an invisible character (U+200C)`},
		},
		{
			name: "alias given as text",
			text: fm("aliases: old-slug"),
			want: []string{`content/a.md:5: aliases: "old-slug" is not a site path: write it like /2024/05/old-slug/`},
		},

		// Unsafe URLs.
		{
			name: "source URL with javascript",
			text: fm("sources:", "  - title: CQC", "    url: javascript:alert(1)"),
			want: []string{"content/a.md:7: sources.url: javascript: URLs are not allowed: give the source's http(s) address"},
		},
		{
			name: "source URL with a password",
			text: fm("sources:", "  - title: CQC", "    url: https://me:pw@www.cqc.org.uk/a"),
			want: []string{`content/a.md:7: sources.url: "https://me:pw@www.cqc.org.uk/a" has a user name or password, which pages and feeds would publish: write https://www.cqc.org.uk/a`},
		},
		{
			name: "source URL with data in capitals",
			text: fm("sources:", "  - title: CQC", "    url: DATA:text/html,hi"),
			want: []string{"content/a.md:7: sources.url: data: URLs are not allowed: give the source's http(s) address"},
		},
		{
			name: "javascript link in the body",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "Read [the letter](javascript:alert(1))."),
			want: []string{`content/a.md:7: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "vbscript image in the body",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "# Heading", "", "![chart](vbscript:msgbox(1))"),
			want: []string{`content/a.md:9: body: link "vbscript:msgbox(1)" uses vbscript: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "data link on the third line of a paragraph",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "One", "two", "three [x](data:text/html,hi)"),
			want: []string{`content/a.md:9: body: link "data:text/html,hi" uses data: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "javascript autolink on the second line of a paragraph",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "One", "see <javascript:alert(1)>"),
			want: []string{`content/a.md:8: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "javascript link with no text on the second line of a paragraph",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "One", "[](javascript:alert(1))"),
			want: []string{`content/a.md:8: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "javascript link hidden by a character reference",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "[x](&#106;avascript:alert(1))"),
			want: []string{`content/a.md:7: body: link "&#106;avascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "javascript reference link",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "See [the letter][1].", "", "[1]: JavaScript:alert(1)"),
			want: []string{`content/a.md:7: body: link "JavaScript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},
		{
			name: "javascript link in a table and a list",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", "", "| a | b |", "|---|---|", "| [x](javascript:a()) | y |", "", "- one", "- [y](javascript:b())"),
			want: []string{
				`content/a.md:9: body: link "javascript:a()" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
				`content/a.md:12: body: link "javascript:b()" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
			},
		},
		{
			name: "long javascript link is shortened without splitting a character",
			text: fm() + "[x](javascript:" + strings.Repeat("a", 48) + "é" + strings.Repeat("b", 10) + ")\n",
			want: []string{`content/a.md:8: body: link "javascript:` + strings.Repeat("a", 48) + `…" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},

		// The file as a whole.
		{
			name: "no front matter",
			text: lines("# ICS assessments paused", "", "Body."),
			want: []string{"content/a.md:1: no front matter: start with a line of --- and close it with another"},
		},
		{
			name: "front matter in JSON",
			text: lines(`{`, `  "title": "T",`, `  "date": "2025-03-27"`, `}`, "", "Body."),
			want: []string{"content/a.md:1: front matter in JSON ({ … }) is not read: write it as YAML, between a line of --- and another, as title: … on lines of their own"},
		},
		{
			name: "a tag before the text, no front matter",
			text: lines(`{% raw %}`, "Body."),
			want: []string{"content/a.md:1: no front matter: start with a line of --- and close it with another"},
		},
		{
			name: "empty file",
			text: "",
			want: []string{"content/a.md:1: no front matter: start with a line of --- and close it with another"},
		},
		{
			name: "front matter never closed",
			text: lines("---", "title: T", "date: 2025-03-27", "", "Body."),
			want: []string{"content/a.md:1: front matter is never closed: end it with a line of ---"},
		},
		{
			name: "TOML front matter never closed",
			text: lines("", "+++", `title = "T"`, "", "Body."),
			want: []string{"content/a.md:2: front matter is never closed: end it with a line of +++"},
		},
		{
			name: "fields of other tools",
			text: lines("---", "title: T", "date: 2025-03-27", "excerpt: S", "categories: [News]", "layout: post", "permalink: /news/t/", "---"),
			want: []string{
				`content/a.md:4: excerpt: unknown field: write summary: one or two sentences of the news`,
				`content/a.md:5: categories: unknown field: bulletin calls tags and categories topics (or regulators, for the bodies that regulate): write topics: [...]`,
				`content/a.md:6: layout: unknown field: the theme has one layout for articles: remove the line`,
				`content/a.md:7: permalink: unknown field: bulletin makes the address /YYYY/MM/slug/: set slug for its last part, and list the old address under aliases so that it redirects`,
			},
		},
		{
			name: "a control character on a later line",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: \"A soft\vbreak\"", "---"),
			want: []string{"content/a.md:4: summary: holds the control character U+000B, which YAML does not allow and nobody sees: delete it, or put a space in its place"},
		},
		{
			name: "items below an empty list",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "sources: []", "  - title: The announcement", "    url: https://www.example.org/news", "---"),
			want: []string{"content/a.md:5: sources: [] is empty, so the items below it cannot follow: delete the []"},
		},
		{
			name: "a # in a title",
			text: lines("---", "title: CQC publishes rule #4 guidance", "date: 2025-03-27 # the day it was announced", "summary: S", "---"),
			want: []string{`content/a.md:2: title: YAML reads "#4 guidance" as a comment, so the value ends at "CQC publishes rule": if it is part of the text, write title: "CQC publishes rule #4 guidance"; if it is a comment, put a space after the #`},
		},
		{
			name: "a title starting with #",
			text: lines("---", "title: #MeToo reaches care homes", "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: is empty, as YAML reads # and what follows it as a comment: if that is the value, write title: "#MeToo reaches care homes"; else write the value before the #`},
		},
		{
			name: "colon in a title",
			text: lines("---", "title: CQC pauses: DHSC withdraws its request", "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: a value with ": " in it must be in quotes: write title: "CQC pauses: DHSC withdraws its request"`},
		},
		{
			name: "colon in a summary",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: Paused: for now", "---"),
			want: []string{`content/a.md:4: summary: a value with ": " in it must be in quotes: write summary: "Paused: for now"`},
		},
		{
			name: "colon after blank lines",
			text: lines("", "---", "title: T", "summary: Paused: for now", "---"),
			want: []string{`content/a.md:4: summary: a value with ": " in it must be in quotes: write summary: "Paused: for now"`},
		},
		{
			name: "colon in a value with double quotes in it",
			text: lines("---", `title: Minister says "pause": CQC stops`, "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: a value with ": " in it must be in quotes: write title: 'Minister says "pause": CQC stops'`},
		},
		{
			name: "colon at the end of a value",
			text: fm("applies_to: England:"),
			want: []string{`content/a.md:5: applies_to: a value ending in ":" must be in quotes: write applies_to: "England:"`},
		},
		{
			name: "colon in an event's label",
			text: fm("events:", "  - date: 2024-05", "    label: Rollout paused: general election"),
			want: []string{`content/a.md:7: label: a value with ": " in it must be in quotes: write label: "Rollout paused: general election"`},
		},
		{
			name: "colon on the second line of a value",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: DHSC has withdrawn", "  its request: the work is paused", "---"),
			want: []string{`content/a.md:5: a value with ": " in it must be in quotes: put quotes around all of it, from the line where it starts`},
		},
		{
			name: "field indented more than the one above",
			text: lines("---", "title: T", "  date: 2025-03-27", "summary: S", "---"),
			want: []string{"content/a.md:3: date: not lined up with the field above it: start it in the same column"},
		},
		{
			name: "field of a source indented less than the one above",
			text: fm("sources:", "  - title: Health and Care Act 2022", "   url: https://www.legislation.gov.uk/ukpga/2022/31"),
			want: []string{"content/a.md:7: url: not lined up with the field above it: start it in the same column"},
		},
		{
			name: "unclosed list, reported where it opens",
			text: lines("---", "title: T", "topics: [ICS assessments, CQC", "summary: S", "---"),
			want: []string{"content/a.md:3: topics: the [ starts a list that has no closing ]: write topics: [ICS assessments, CQC], or put text that starts with [ in quotes"},
		},
		{
			name: "unclosed list in a title, reported where it opens",
			text: lines("---", "title: [unclosed", "date: 2025-03-27", "summary: S", "---"),
			want: []string{"content/a.md:2: title: the [ starts a list that has no closing ]: write title: [unclosed], or put text that starts with [ in quotes"},
		},
		{
			name: "unclosed map, reported where it opens",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: {text: S", "---"),
			want: []string{"content/a.md:4: summary: the { starts a map that has no closing }: close it, or put text that starts with { in quotes"},
		},
		{
			name: "one ] too many",
			text: fm("topics: [ICS assessments, CQC]]"),
			want: []string{`content/a.md:5: topics: "]" follows the end of the list: remove it, or, if the value is text, put it all in quotes: write topics: "[ICS assessments, CQC]]"`},
		},
		{
			name: "title starting with [",
			text: lines("---", "title: [Updated] CQC pauses", "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: "CQC pauses" follows the end of the list: remove it, or, if the value is text, put it all in quotes: write title: "[Updated] CQC pauses"`},
		},
		{
			name: "list item among keys",
			text: lines("---", "title: T", "date: 2025-03-27", "- ICS assessments", "---"),
			want: []string{"content/a.md:4: a list item where a field name is expected: indent it under the field it belongs to"},
		},
		{
			name: "tab before the first key",
			text: lines("---", "\ttitle: T", "---"),
			want: []string{"content/a.md:2: title: the line is indented with a tab, which YAML does not allow: indent with spaces"},
		},
		{
			name: "tab indenting a key",
			text: lines("---", "title: T", "\tdate: 2025-03-27", "---"),
			want: []string{"content/a.md:3: date: the line is indented with a tab, which YAML does not allow: indent with spaces"},
		},
		{
			// The parser points at the item above, where its text began.
			name: "tab indenting a list item, reported on its line",
			text: lines("---", "title: T", "topics:", "  - ICS assessments", "\t- CQC", "---"),
			want: []string{"content/a.md:5: topics: the line is indented with a tab, which YAML does not allow: indent with spaces"},
		},
		{
			// Not the item's own first field, title, which it may share
			// with the article's.
			name: "tab indenting a list item of maps",
			text: lines("---", "title: T", "sources:", "	- title: x", "---"),
			want: []string{"content/a.md:4: sources: the line is indented with a tab, which YAML does not allow: indent with spaces"},
		},
		{
			name: "value starting with @",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: @CQC says it will pause", "---"),
			want: []string{`content/a.md:4: summary: a value can't start with @: put it in quotes: write summary: "@CQC says it will pause"`},
		},
		{
			name: "value starting with *",
			text: lines("---", "title: *Paused* again", "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: a value can't start with *: put it in quotes: write title: "*Paused* again"`},
		},
		{
			// The parser tells no line.
			name: "text starting with * after a value marked &",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: &s S", "authors:", "  - *Ann", "---"),
			want: []string{`content/a.md:6: *Ann reads as a YAML alias, of a value marked &Ann, and none is: if it is text, put it in quotes: write - "*Ann"`},
		},
		{
			name: "list item starting with *",
			text: lines("---", "title: T", "authors:", "  - Bo", "  - *Ann* Smith", "---"),
			want: []string{`content/a.md:5: a list item can't start with *: put it in quotes: write - "*Ann* Smith"`},
		},
		{
			name: "list items starting with @ and *, written in brackets",
			text: lines("---", "title: T", "authors: [Bo, @Ann, *Cy*]", "---"),
			want: []string{`content/a.md:3: authors: a list item can't start with @: put it in quotes: write authors: [Bo, "@Ann", "*Cy*"]`},
		},
		{
			// The parser reports the end of the front matter.
			name: "unclosed double quote, reported where it opens",
			text: lines("---", `title: "CQC pauses`, "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: the " at the start of the value is never closed: write title: "CQC pauses"`},
		},
		{
			name: "unclosed single quote after a quoted value over two lines",
			text: lines("---", `title: "ICS assessments`, `  paused"`, "summary: 'DHSC withdrew", "date: 2025-03-27", "---"),
			want: []string{`content/a.md:4: summary: the ' at the start of the value is never closed: write summary: 'DHSC withdrew'`},
		},
		{
			name: "unclosed quote before a name",
			text: lines("---", "title: T", `"summary: S`, "---"),
			want: []string{`content/a.md:3: the " at the start of the line is never closed: end the text with another "`},
		},
		{
			name: "apostrophe inside single quotes",
			text: lines("---", "title: 'CQC's pause'", "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: the quotes close before the end of the value: write title: "CQC's pause"`},
		},
		{
			name: "double quotes inside double quotes",
			text: lines("---", "title: T", "date: 2025-03-27", `summary: "Ministers say "pause" now"`, "---"),
			want: []string{`content/a.md:4: summary: the quotes close before the end of the value: write summary: 'Ministers say "pause" now'`},
		},
		{
			name: "quoted words at the start of a value",
			text: lines("---", `title: "Pause" is the word`, "date: 2025-03-27", "summary: S", "---"),
			want: []string{`content/a.md:2: title: the quotes close before the end of the value: write title: '"Pause" is the word'`},
		},
		{
			name: "line without a name",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: DHSC withdrew its request", "and the work is paused", "---"),
			want: []string{`content/a.md:5: a line without "name:" in front: if it goes on from the value above, indent it; if it is a field, write name: value`},
		},
		{
			name: "YAML the hints do not cover",
			text: lines("---", "title: T", "topics: [ICS, [CQC] x]", "---"),
			want: []string{"content/a.md:3: front matter is not valid YAML: did not find expected ',' or ']'"},
		},
		{
			name: "YAML alias",
			text: lines("---", "title: &t ICS assessments paused", "date: 2025-03-27", "summary: *t", "---"),
			want: []string{"content/a.md:4: YAML aliases (*name) are not supported: write the value out in full"},
		},
		{
			name: "YAML merge key",
			text: lines("---", "base: &b {title: T}", "<<: *b", "---"),
			want: []string{"content/a.md:3: keys must be plain names (no merge keys or complex keys)"},
		},
		{
			name: "duplicate key, and the file's other problems in the same run",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "title: U", "withdrawn: yes", "---"),
			want: []string{
				"content/a.md:5: title: set twice (first at line 2): keep one",
				"content/a.md:6: withdrawn: got the text \"yes\", want the date and why, as withdrawn: {date: 2025-04-01, explanation: The rule was revoked.}",
			},
		},
		{
			name: "duplicate key inside a change",
			text: fm("updated: 2025-03-28", "changes:", "  - date: 2025-03-28", "    date: 2025-03-29", "    note: x"),
			want: []string{"content/a.md:8: changes.date: set twice (first at line 7): keep one"},
		},
		{
			name: "invalid UTF-8",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: caf\xe9", "---"),
			want: []string{"content/a.md:4: file is not valid UTF-8: save it as UTF-8"},
		},
		{
			// yaml.v3 would count it as a line break, and every line number
			// after it would be off by one.
			name: "line separator in front matter",
			text: lines("---", "title: Paused\u2028again", "date: 27/03/2025", "summary: S", "---"),
			want: []string{"content/a.md:2: front matter has an invisible line separator (U+2028), which YAML reads as a line break: delete it"},
		},
		{
			name: "more addresses than links a page may hold",
			text: lines("---", "title: T", "date: 2025-03-27", "summary: S", "---", strings.Repeat("a@b.example ", maxAddresses+1)),
			want: []string{"content/a.md:6: body: holds 50001 addresses (e-mail, http:// or www.), each of which becomes a link, more than the 50000 a page may hold: publish a list that long as a file (CSV, say) and link to it"},
		},
		{
			name: "a right-to-left override left open",
			text: lines("---", "title: \u202eevil", "date: 2025-03-27", "summary: S", "topics: [\u2067عربي]", "---"),
			want: []string{
				"content/a.md:2: title: holds a right-to-left override (U+202E) that nothing closes, which would turn around the text after it wherever the field is shown, a page's title or a feed: close it with U+202C, or delete it",
				"content/a.md:5: topics: holds a right-to-left isolate (U+2067) that nothing closes, which would turn around the text after it wherever the field is shown, a page's title or a feed: close it with U+2069, or delete it",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{"a.md": tt.text}))
			checkErrors(t, tt.text, got, tt.want)
		})
	}
}

// manyNames writes n names in quotes, t0 to tn-1, as a list in TOML
// holds them.
func manyNames(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%q", fmt.Sprint("t", i))
	}
	return strings.Join(names, ", ")
}

// tooLongKey is the refusal of a key in TOML longer than maxKeyLength,
// at line of content/a.md.
func tooLongKey(line int) string {
	return fmt.Sprintf(`content/a.md:%d: front matter has a key longer than 256 bytes: a key names a field in a word or two, as summary does, and text goes in quotes after it: summary = "…"`, line)
}

func TestLoadTOMLErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "syntax error",
			text: lines("+++", `title = "T"`, "date = ", `summary = "S"`, "+++"),
			want: []string{`content/a.md:3: front matter is not valid TOML: expected value but found '\n' instead`},
		},
		{
			// BurntSushi/toml places the problem after the line break.
			name: "message quoting a line break stays on one line",
			text: lines("+++", `title = "T\`, "+++"),
			want: []string{`content/a.md:3: front matter is not valid TOML: invalid escape in string '\\n'`},
		},
		{
			name: "unquoted text",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", "summary = Paused", "+++"),
			want: []string{"content/a.md:4: front matter is not valid TOML: expected value but found \"Paused\" instead: text goes in quotes: summary = \"Paused\""},
		},
		{
			name: "a date with a one-digit month",
			text: lines("+++", `title = "T"`, "date = 2025-3-7", `summary = "S"`, "+++"),
			want: []string{`content/a.md:3: front matter is not valid TOML: invalid datetime: "2025-3-7": write date = 2025-03-07, with two digits for the month and the day`},
		},
		{
			name: "a date with a one-digit month that is no date either way gets no advice",
			text: lines("+++", `title = "T"`, "date = 2025-2-30", `summary = "S"`, "+++"),
			want: []string{`content/a.md:3: front matter is not valid TOML: invalid datetime: "2025-2-30"`},
		},
		{
			name: "true in capitals",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "draft = True", "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: expected value but found "True" instead: TOML writes true and false in lower case: draft = true`},
		},
		{
			name: "yes for true",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "draft = yes", "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: expected value but found "yes" instead: TOML writes yes as true: draft = true`},
		},
		{
			name: "yes for true, the field's name quoted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `"draft" = yes`, "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: expected value but found "yes" instead: TOML writes yes as true: "draft" = true`},
		},
		{
			name: "a text field written True is text, not true",
			text: lines("+++", `title = True`, "date = 2025-03-27", `summary = "S"`, "+++"),
			want: []string{`content/a.md:2: front matter is not valid TOML: expected value but found "True" instead: text goes in quotes: title = "True"`},
		},
		{
			name: "a list of unquoted names ending in a comma",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "regulators = [CQC, DHSC,]", "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: expected value but found "CQC" instead: text goes in quotes, each item of a list: regulators = ["CQC", "DHSC"]`},
		},
		{
			name: "a list of unquoted names gets each quoted, not the whole list",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "regulators = [CQC, DHSC]", "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: expected value but found "CQC" instead: text goes in quotes, each item of a list: regulators = ["CQC", "DHSC"]`},
		},
		{
			name: "unquoted text with a comment after it gets no advice that would quote the comment",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "status = paused # for now", "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: expected value but found "paused" instead`},
		},
		{
			name: "text without its closing quote",
			text: lines("+++", `title = "T`, "date = 2025-03-27", `summary = "S"`, "+++"),
			want: []string{`content/a.md:2: front matter is not valid TOML: strings cannot contain newlines: close the quotes before the line ends, as in title = "…"; a summary of several lines goes between three quotes: summary = """…"""`},
		},
		{
			name: "duplicate key",
			text: lines("+++", `title = "T"`, `title = "U"`, "+++"),
			want: []string{"content/a.md:3: title: set twice (first at line 2): keep one"},
		},
		{
			name: "duplicate key of a table",
			text: lines("+++", `title = "T"`, "[withdrawn]", "date = 2025-04-01", "date = 2025-04-02", "+++"),
			want: []string{"content/a.md:5: withdrawn.date: set twice (first at line 4): keep one"},
		},
		{
			name: "unknown field",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `staus = "paused"`, "+++"),
			want: []string{`content/a.md:5: staus: unknown field: did you mean "status"?`},
		},
		{
			name: "bad date as text",
			text: lines("+++", `title = "T"`, `date = "27/03/2025"`, `summary = "S"`, "+++"),
			want: []string{`content/a.md:3: date: "27/03/2025" is not a date: write 2025-03-27`},
		},
		{
			name: "time of day is not a date",
			text: lines("+++", `title = "T"`, "date = 09:30:00", `summary = "S"`, "+++"),
			want: []string{`content/a.md:3: date: "09:30:00" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
		},
		{
			name: "list where text is wanted",
			text: lines("+++", `title = ["T"]`, "date = 2025-03-27", `summary = "S"`, "+++"),
			want: []string{`content/a.md:2: title: got a list, want text: the brackets make a list in TOML: write title = "T"`},
		},
		{
			name: "missing field inside a table is reported on its header",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[withdrawn]", "date = 2025-03-28", "+++"),
			want: []string{"content/a.md:6: withdrawn.explanation: missing: this field is required"},
		},
		{
			name: "missing field in a dotted key",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "withdrawn.date = 2025-03-28", "+++"),
			want: []string{"content/a.md:5: withdrawn.explanation: missing: this field is required"},
		},
		// A field given a shape it does not take says, in TOML, what to
		// write instead.
		{
			name: "a table where a list is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[topics]", `name = "ICS assessments"`, "+++"),
			want: []string{`content/a.md:6: topics: got a map, want a list: [topics] and topics.name = … make a table in TOML, and the keys below [topics] belong to it: write topics = ["ICS assessments"] above the first [table]`},
		},
		{
			name: "a list of lists where a list is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `authors = [["Ann", "Bo"]]`, "+++"),
			want: []string{`content/a.md:5: authors: got a list inside the list, want text: write authors = ["Ann", "Bo"], one pair of brackets`},
		},
		{
			name: "tables where a list of text is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[[authors]]", `name = "Ann"`, "+++"),
			want: []string{`content/a.md:6: authors: got a map inside the list, want text: write authors = ["Ann"], one pair of brackets`},
		},
		{
			name: "a dotted key where text is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `status.value = "paused"`, "+++"),
			want: []string{`content/a.md:5: status: got a map, want text: [status] and status.value = … make a table in TOML: write status = "paused"`},
		},
		{
			name: "a dotted key in a table where text is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[[events]]", "date = 2025-03-27", `label.text = "Paused"`, "+++"),
			want: []string{`content/a.md:8: events.label: got a map, want text: [events.label] and label.text = … make a table in TOML: write label = "Paused"`},
		},
		{
			name: "one table where a list of tables is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[sources]", `title = "Statement"`, "+++"),
			want: []string{`content/a.md:6: sources: got a map, want a list of entries: write [[sources]], in double brackets, above each entry's keys`},
		},
		{
			name: "text where a list of tables is wanted",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `sources = ["https://example.org/"]`, "+++"),
			want: []string{`content/a.md:5: sources: got the text "https://example.org/", want a map of title, url, publisher, date: write each entry as a table, a line of [[sources]] with its keys below it, one a line (title = …, url = …)`},
		},
		{
			name: "a table of tables below an entry",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[[sources]]", `title = "S"`, "", "[[sources.url]]", `href = "https://example.org/"`, "+++"),
			want: []string{`content/a.md:9: sources.url: got a list, want text: [[sources.url]] makes a list of tables in TOML: write url = "https://example.org/"`},
		},
		{
			name: "withdrawn as a date",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "withdrawn = 2025-03-28", "+++"),
			want: []string{`content/a.md:5: withdrawn: got the date 2025-03-28, want the date and why: write [withdrawn] below the other keys, with date = 2025-04-01 and explanation = "The rule was revoked." on lines of their own below it`},
		},
		{
			name: "withdrawn as a list of tables",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[[withdrawn]]", "date = 2025-03-28", `explanation = "Revoked."`, "+++"),
			want: []string{`content/a.md:6: withdrawn: got a list, want the date and why: write [withdrawn], in single brackets, as an article is withdrawn once`},
		},
		{
			name: "a field of the article below a table",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[withdrawn]", "date = 2025-03-28", `explanation = "Revoked."`, `status = "withdrawn"`, "+++"),
			want: []string{`content/a.md:9: withdrawn.status: unknown field: status is a field of the article, but in TOML every key below [withdrawn] belongs to it: move status = … above the first [table]`},
		},
		// A key in quotes may hold dots and escapes, and is told at its
		// own line.
		{
			name: "a quoted key holding a dot",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "", `"sum.mary" = "x"`, "+++"),
			want: []string{`content/a.md:7: sum.mary: unknown field: did you mean "summary"?`},
		},
		{
			name: "a quoted key with an escape",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", `"titl\u0065x" = 1`, "+++"),
			want: []string{`content/a.md:6: titlex: unknown field: did you mean "title"?`},
		},
		{
			name: "a quoted key below a table",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[withdrawn]", "date = 2025-03-28", `explanation = "Revoked."`, `'sta.tus' = "withdrawn"`, "+++"),
			want: []string{`content/a.md:9: withdrawn.sta.tus: unknown field: known fields are date, explanation`},
		},
		// An inline table or an array may run over lines: a key on a
		// line of its own inside one is told at that line, and no key of
		// the same name outside it is told at its.
		{
			name: "a key on its own line in an inline table",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "withdrawn = {", "  date = 2025-03-28,", `  explanation = "Revoked.",`, `  reason = "Superseded.",`, "}", "+++"),
			want: []string{`content/a.md:8: withdrawn.reason: unknown field: known fields are date, explanation`},
		},
		{
			name: "a key after an inline table holding a key of its name",
			text: lines("+++", `title = "T"`, `summary = "S"`, "withdrawn = {", "  date = 2025-03-28,", `  explanation = "Revoked."`, "}", `date = "27/03/2025"`, "+++"),
			want: []string{`content/a.md:8: date: "27/03/2025" is not a date: write 2025-03-27`},
		},
		{
			name: "a key after tables in brackets over lines",
			text: lines("+++", "date = 2025-03-27", `summary = "S"`, "sources = [", "  {", `    title = "Statement",`, `    url = "https://example.org/",`, "  },", "]", `title = ["T"]`, "+++"),
			want: []string{`content/a.md:10: title: got a list, want text: the brackets make a list in TOML: write title = "T"`},
		},
		{
			name: "a list in a list over lines is no table's header",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "topics = [", `  ["a"],`, "]", `status = "stalled"`, "+++"),
			want: []string{
				`content/a.md:5: topics: got a list inside the list, want text: write topics = ["a"], one pair of brackets`,
				`content/a.md:8: status: "stalled" is not one of: ` + allStatuses,
			},
		},
		// A message stays short, however long the key or the list it
		// tells of.
		{
			name: "a long key given twice",
			text: lines("+++", `title = "T"`, strings.Repeat("k", 200)+" = 1", strings.Repeat("k", 200)+" = 2", "+++"),
			want: []string{"content/a.md:4: " + strings.Repeat("k", 40) + "…: set twice (first at line 3): keep one"},
		},
		{
			name: "a long dotted key on a field given already",
			text: lines("+++", `title = "T"`, `title.`+strings.Repeat("k", 200)+` = "U"`, "+++"),
			want: []string{"content/a.md:3: front matter is not valid TOML: key 'title' has already been defined: title." + strings.Repeat("k", 54) + "… = … would make title a table too: give title once, as title = \"…\""},
		},
		{
			name: "a list of many lists",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `topics = [[`+manyNames(50000)+`]]`, "+++"),
			want: []string{`content/a.md:5: topics: got a list inside the list, want text: write topics = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", …] (at most 50), one pair of brackets`},
		},
		{
			name: "a list of many tables",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `authors = [`+strings.Repeat(`{a = "`+strings.Repeat("n", 100)+`"}, `, 50000)+`]`, "+++"),
			want: []string{`content/a.md:5: authors: got a map inside the list, want text: write authors = [` + strings.Repeat(`"`+strings.Repeat("n", 40)+`…", `, 10) + `…] (at most 50), one pair of brackets`},
		},
		{
			name: "a long quoted key",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `"`+strings.Repeat("a.", 100)+`a" = 1`, "+++"),
			want: []string{`content/a.md:5: ` + strings.Repeat("a.", 30) + `…: unknown field: known fields are ` + allFields},
		},
		// A key longer than any field's name is refused before TOML's
		// decoder, whose time grows with the key's length times what it
		// holds, reads it.
		{
			name: "a key longer than a key may be, holding many tables",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, strings.Repeat("k", 100000)+" = ["+strings.Repeat("{a=1},", 10000)+"]", "+++"),
			want: []string{tooLongKey(5)},
		},
		{
			name: "a key one byte too long",
			text: lines("+++", `title = "T"`, strings.Repeat("k", MaxTOMLKeyLength-1)+` = "x"`, `"`+strings.Repeat("k", MaxTOMLKeyLength-1)+`" = "x"`, "+++"),
			want: []string{tooLongKey(4)},
		},
		{
			name: "a long table's header",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "", "[withdrawn."+strings.Repeat("k", 300)+"]", "a = 1", "+++"),
			want: []string{tooLongKey(6)},
		},
		{
			name: "a long key on a line of an inline table",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, "withdrawn = {", `  date = 2025-03-28,`, `  "`+strings.Repeat("k", 300)+`" = 1,`, "}", "+++"),
			want: []string{tooLongKey(7)},
		},
		{
			name: "a dotted key on a field given already",
			text: lines("+++", `title = "T"`, "date = 2025-03-27", `summary = "S"`, `title.text = "U"`, "+++"),
			want: []string{`content/a.md:5: front matter is not valid TOML: key 'title' has already been defined: title.text = … would make title a table too: give title once, as title = "…"`},
		},
		{
			name: "required fields missing",
			text: lines("+++", `status = "paused"`, "+++"),
			want: []string{
				"content/a.md:1: title: missing: this field is required: add title = \"…\", the headline readers see",
				"content/a.md:1: date: missing: this field is required: add date = 2025-03-27, the day it was published, as YYYY-MM-DD",
				"content/a.md:1: summary: missing: this field is required: add summary = \"…\", a sentence or two that say what changed, shown under the title and in feeds",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{"a.md": tt.text}))
			checkErrors(t, tt.text, got, tt.want)
		})
	}
}

func TestLoadIntroPageErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		text string
		want []string
	}{
		{
			name: "unknown status",
			path: "topics/ics-assessments.md",
			text: lines("---", "title: ICS assessments", "status: stalled", "---"),
			want: []string{`content/topics/ics-assessments.md:3: status: "stalled" is not one of: ` + allStatuses},
		},
		{
			name: "status misspelled",
			path: "regulators/cqc.md",
			text: lines("---", "title: Care Quality Commission", "status: under review", "---"),
			want: []string{`content/regulators/cqc.md:3: status: "under review" is not a status: did you mean "under-review"?`},
		},
		{
			name: "empty status",
			path: "topics/ics-assessments.md",
			text: lines("---", "title: ICS assessments", "status:", "---"),
			want: []string{"content/topics/ics-assessments.md:3: status: got empty, want text"},
		},
		{
			name: "status as a list",
			path: "regulators/cqc.md",
			text: lines("---", "title: Care Quality Commission", "status: [paused]", "---"),
			want: []string{"content/regulators/cqc.md:3: status: got a list, want text"},
		},
		{
			name: "missing title",
			path: "regulators/cqc.md",
			text: lines("---", "summary: The regulator of health and social care in England.", "---"),
			want: []string{"content/regulators/cqc.md:1: title: missing: this field is required: add title: …, the headline readers see"},
		},
		{
			name: "article field on an intro page",
			path: "topics/ics-assessments.md",
			text: lines("---", "title: ICS assessments", "date: 2025-03-27", "---"),
			want: []string{"content/topics/ics-assessments.md:3: date: unknown field: known fields are title, summary, status, lang, aliases"},
		},
		{
			name: "alias with a query",
			path: "topics/ics-assessments.md",
			text: lines("---", "title: ICS assessments", `aliases: [/topics/ics/, "/topics/?id=4"]`, "---"),
			want: []string{`content/topics/ics-assessments.md:3: aliases: "/topics/?id=4" has a query (?), and a static site answers an address by its path alone: keep the path (/topics/), or redirect the whole address on the server`},
		},
		{
			name: "language not a tag",
			path: "topics/asesiadau.md",
			text: lines("---", "title: Asesiadau", "lang: Welsh", "---"),
			want: []string{`content/topics/asesiadau.md:3: lang: "Welsh" is not a language tag: write it like cy, en-GB or ar`},
		},
		{
			name: "file name that is not a slug",
			path: "topics/ICS Assessments.md",
			text: lines("---", "title: ICS assessments", "---"),
			want: []string{`content/topics/ICS Assessments.md: file name "ICS Assessments.md" is not a slug: name it ics-assessments.md`},
		},
		{
			name: "file name with no letter or digit",
			path: "topics/-.md",
			text: lines("---", "title: ICS assessments", "---"),
			want: []string{`content/topics/-.md: file name "-.md" has no letter or digit to make the page's address from: name it after the topic it introduces`},
		},
		{
			name: "no front matter",
			path: "regulators/cqc.md",
			text: lines("The Care Quality Commission."),
			want: []string{"content/regulators/cqc.md:1: no front matter: start with a line of --- and close it with another"},
		},
		{
			name: "unsafe link in the body",
			path: "regulators/cqc.md",
			text: lines("---", "title: CQC", "---", "", "[site](javascript:alert(1))"),
			want: []string{`content/regulators/cqc.md:5: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{tt.path: tt.text}))
			checkErrors(t, tt.text, got, tt.want)
		})
	}
}

func TestLoadFileNameErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		text string // fm() if ""
		want []string
	}{
		{
			name: "punctuation only",
			path: "articles/!!!.md",
			want: []string{`content/articles/!!!.md:1: file name "!!!.md" gives an empty slug: rename the file or set slug`},
		},
		{
			name: "date prefix only",
			path: "articles/2025-03-27-.md",
			want: []string{`content/articles/2025-03-27-.md:1: file name "2025-03-27-.md" gives an empty slug: rename the file or set slug`},
		},
		{
			name: "an intro page in a folder of regulators",
			path: "regulators/deep/cqc.md",
			text: lines("---", "title: Care Quality Commission", "summary: S.", "---"),
			want: []string{`content/regulators/deep/cqc.md:1: date: missing: this field is required, as a file in a folder of regulators/ is an article: an intro page sits in regulators/ itself`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := cmp.Or(tt.text, fm())
			got := loadErrors(t, files(map[string]string{tt.path: text}))
			checkErrors(t, tt.path, got, tt.want)
		})
	}
}

// TestLoadAssetNames refuses a file to publish whose name, or whose
// folder's name, is not safe in an address or on every system, once for
// a folder however many files it holds, and all in one run, naming it
// with what cannot be printed escaped; a name in another script, with
// capitals, spaces or underscores, is published. An article whose name
// holds a line break, which would print a line of its own in a CI log,
// is refused too, and one in a folder so named is told by the folder's
// name, once.
func TestLoadAssetNames(t *testing.T) {
	fsys := files(map[string]string{
		"files/Board_Paper 2024.pdf":  "PDF",
		"files/νόμος.pdf":             "PDF",
		"files/trail .txt":            "x",
		"files/q?.txt":                "x",
		"files/aux.png":               "x",
		`files/back\slash.txt`:        "x",
		"files/new\nline.txt":         "x",
		"files/bad\xffname.txt":       "x",
		"files/rlo\u202etxt.exe":      "x",
		"bad|folder/a.txt":            "x",
		"bad|folder/b.txt":            "x",
		"articles/bad\xfe.md":         "---\ntitle: T\n---\n",
		"articles/a\n::warning::x.md": "---\ntitle: T\n---\n",
		"articles/next\u0085line.md":  "---\ntitle: T\n---\n",
		"articles/esc\x1bape/a.md":    "---\ntitle: T\n---\n",
		"articles/esc\x1bape/b.md":    "---\ntitle: T\n---\n",
		"articles/esc\x1bape/in/c.md": "---\ntitle: T\n---\n",
	})
	checkErrors(t, "asset names", loadErrors(t, fsys), []string{
		`content/articles/a\n::warning::x.md: the file name holds a control character (U+000A), so it cannot be read or published: rename the file`,
		`content/articles/bad\xfe.md: the file name is not valid UTF-8, so it cannot be read or published: rename the file`,
		`content/articles/esc\x1bape: the folder name holds a control character (U+001B), so the files in it cannot be read or published: rename the folder`,
		`content/articles/next\u0085line.md: the file name holds a control character (U+0085), so it cannot be read or published: rename the file`,
		`content/bad|folder: the folder name "bad|folder" cannot be published as part of an address: '|' cannot be part of a file name on Windows: rename the folder`,
		`content/files/aux.png: the file name "aux.png" cannot be published as part of an address: Windows keeps the name for a device: rename the file`,
		`content/files/back\slash.txt: the file name "back\\slash.txt" cannot be published as part of an address: '\\' separates folders: rename the file`,
		`content/files/bad\xffname.txt: the file name "bad\xffname.txt" cannot be published as part of an address: it is not valid UTF-8: rename the file`,
		`content/files/new\nline.txt: the file name "new\nline.txt" cannot be published as part of an address: it holds an invisible character (U+000A): rename the file`,
		`content/files/q?.txt: the file name "q?.txt" cannot be published as part of an address: '?' cannot be part of a file name on Windows: rename the file`,
		`content/files/rlo\u202etxt.exe: the file name "rlo\u202etxt.exe" cannot be published as part of an address: it holds an invisible character (U+202E): rename the file`,
	})
	set, _ := LoadCached(context.Background(), fsys, "content", nil, nil)
	if want := []string{"files/Board_Paper 2024.pdf", "files/trail .txt", "files/νόμος.pdf"}; !slices.Equal(set.Assets, want) {
		t.Errorf("published %q, want %q", set.Assets, want)
	}
}

func TestLoadFileTooLarge(t *testing.T) {
	tests := []struct {
		name string
		size int
		ok   bool
	}{
		{name: "at the limit", size: MaxFileSize, ok: true},
		{name: "one byte over", size: MaxFileSize + 1},
		{name: "far over", size: 3 * MaxFileSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := fm()
			text += strings.Repeat("x", tt.size-len(text))
			fsys := files(map[string]string{"a.md": text})
			if tt.ok {
				mustLoad(t, fsys)
				return
			}
			got := loadErrors(t, fsys)
			want := []string{"content/a.md: file is larger than 8 MB: split it, or publish large material as a separate file and link to it"}
			checkErrors(t, fmt.Sprintf("a file of %d bytes", tt.size), got, want)
		})
	}
}

// TestLoadFileTooManyLines refuses a file of more lines than a build
// reads, however its lines end, as one too large.
func TestLoadFileTooManyLines(t *testing.T) {
	tests := []struct {
		name  string
		lines int
		end   string
		ok    bool
	}{
		{name: "at the limit", lines: MaxLines, end: "\n", ok: true},
		{name: "one line over", lines: MaxLines + 1, end: "\n"},
		{name: "over, with CRLF", lines: MaxLines + 1, end: "\r\n"},
		{name: "over, with CR alone", lines: MaxLines + 1, end: "\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.ReplaceAll(fm(), "\n", tt.end)
			text += strings.Repeat("- a"+tt.end, tt.lines-strings.Count(text, tt.end))
			fsys := files(map[string]string{"a.md": text})
			if tt.ok {
				mustLoad(t, fsys)
				return
			}
			got := loadErrors(t, fsys)
			want := []string{fmt.Sprintf("content/a.md: file has %d lines, more than the 200000 a build reads: split it, or publish large material as a separate file and link to it", tt.lines)}
			checkErrors(t, fmt.Sprintf("a file of %d lines", tt.lines), got, want)
		})
	}
}

func TestLoadReportsEveryProblemSorted(t *testing.T) {
	fsys := files(map[string]string{
		"site.yaml": lines("title: Bulletin", "page_size: 0"),
		"articles/2025/b.md": lines(
			"---",
			"title: T",
			"date: 27/03/2025",
			"summary: S",
			"status: on hold",
			"---",
			"",
			"[x](javascript:alert(1))",
		),
		"articles/2024/a.md":     lines("---", "titel: T", "---"),
		"articles/2025/c.md":     fm(), // fine, and must not hide the others
		"articles/2025/d.md":     "no front matter\n",
		"topics/ics.md":          lines("---", "title: ICS", "status: stalled", "---"),
		"regulators/Bad Name.md": lines("---", "title: CQC", "---"),
	})
	got := loadErrors(t, fsys)
	want := []string{
		"content/articles/2024/a.md:1: date: missing: this field is required: add date: 2025-03-27, the day it was published, as YYYY-MM-DD",
		"content/articles/2024/a.md:1: summary: missing: this field is required: add summary: …, a sentence or two that say what changed, shown under the title and in feeds",
		`content/articles/2024/a.md:2: titel: unknown field: did you mean "title"?`,
		`content/articles/2025/b.md:3: date: "27/03/2025" is not a date: write 2025-03-27`,
		`content/articles/2025/b.md:5: status: "on hold" is not one of: ` + allStatuses,
		`content/articles/2025/b.md:8: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
		"content/articles/2025/d.md:1: no front matter: start with a line of --- and close it with another",
		`content/regulators/Bad Name.md: file name "Bad Name.md" is not a slug: name it bad-name.md`,
		`content/site.yaml:2: page_size: got the number 0, want a whole number of at least 1`,
		`content/topics/ics.md:3: status: "stalled" is not one of: ` + allStatuses,
	}
	checkErrors(t, "seven files", got, want)
}

// errFS is a content folder in which some files cannot be opened, each
// for the error bad gives it.
type errFS struct {
	fstest.MapFS
	bad map[string]error
}

func (f errFS) Open(name string) (fs.File, error) {
	if err := f.bad[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.MapFS.Open(name)
}

func (f errFS) ReadFile(name string) ([]byte, error) {
	if err := f.bad[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.MapFS.ReadFile(name)
}

func (f errFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.bad[name]; err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.MapFS.ReadDir(name)
}

func TestLoadUnreadableFiles(t *testing.T) {
	fsys := errFS{
		MapFS: files(map[string]string{
			"site.yaml":   lines("title: Bulletin"),
			"a.md":        fm(),
			"b.md":        lines("---", "title: T", "---"),
			"topics/x.md": lines("---", "title: X", "---"),
			"drafts/y.md": fm(),
		}),
		bad: map[string]error{"site.yaml": fs.ErrPermission, "a.md": fs.ErrPermission, "topics/x.md": fs.ErrPermission, "drafts": fs.ErrPermission},
	}
	got := loadErrors(t, fsys)
	want := []string{
		"content/a.md: can't read the file: permission denied",
		"content/b.md:1: date: missing: this field is required: add date: 2025-03-27, the day it was published, as YYYY-MM-DD",
		"content/b.md:1: summary: missing: this field is required: add summary: …, a sentence or two that say what changed, shown under the title and in feeds",
		"content/drafts: can't read the folder: permission denied",
		"content/site.yaml: can't read the file: permission denied",
		"content/topics/x.md: can't read the file: permission denied",
	}
	checkErrors(t, "a.md, site.yaml, topics/x.md and drafts/ unreadable", got, want)
}

// TestLoadFolderNotUTF8 reads a folder whose name is not valid UTF-8,
// which a folder on disk refuses to list (os.DirFS: "invalid
// argument"): it is told by its name, with "rename the folder", as one
// whose name holds a control character is, where it was told as a
// folder that could not be read, for an invalid argument.
func TestLoadFolderNotUTF8(t *testing.T) {
	fsys := errFS{
		MapFS: files(map[string]string{"a.md": fm(), "articles/bad\xffdir/b.md": fm()}),
		bad:   map[string]error{"articles/bad\xffdir": fs.ErrInvalid},
	}
	checkErrors(t, "a folder named in no UTF-8", loadErrors(t, fsys), []string{
		`content/articles/bad\xffdir: the folder name is not valid UTF-8, so the files in it cannot be read or published: rename the folder`,
	})
}

// TestLoadPathTooLong wants a file or folder whose path is longer than
// the system reads told by its name, with what to shorten.
func TestLoadPathTooLong(t *testing.T) {
	fsys := errFS{
		MapFS: files(map[string]string{"a.md": fm(), "deep/b.md": fm(), "c.md": fm()}),
		bad:   map[string]error{"deep": syscall.ENAMETOOLONG, "c.md": syscall.ENAMETOOLONG},
	}
	got := loadErrors(t, fsys)
	want := []string{
		"content/c.md: can't read the file: its path is longer than the system reads (file name too long): shorten the names of the folders on it, or the file's own",
		"content/deep: can't read the folder: its path is longer than the system reads (file name too long): shorten the names of the folders on it, or the folder's own",
	}
	checkErrors(t, "c.md and deep/ with paths too long", got, want)
}

func TestLoadFolderName(t *testing.T) {
	tests := []struct {
		dir  string
		want string
	}{
		{dir: "content", want: "content/a.md:1: no front matter: start with a line of --- and close it with another"},
		{dir: "content/", want: "content/a.md:1: no front matter: start with a line of --- and close it with another"},
		{dir: "site/content", want: "site/content/a.md:1: no front matter: start with a line of --- and close it with another"},
		{dir: ".", want: "a.md:1: no front matter: start with a line of --- and close it with another"},
	}
	for _, tt := range tests {
		_, err := Load(files(map[string]string{"a.md": "text\n"}), tt.dir)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Load with dir %q: got %v, want %s", tt.dir, err, tt.want)
		}
	}
}

func TestLoadIntroPages(t *testing.T) {
	set := mustLoad(t, files(map[string]string{
		"topics/ics-assessments.md": lines(
			"---",
			"title: ICS assessments",
			"summary: CQC's duty to assess Integrated Care Systems.",
			"status: paused",
			"aliases: [/topics/ics/, /topics/ICS%20reviews]",
			"---",
			"",
			"The Act gave CQC a duty.",
		),
		"topics/health-and-care-act-2022.md": lines("+++", `title = "Health and Care Act 2022"`, "+++", "The Act."),
		"regulators/cqc.md":                  lines("---", "title: Care Quality Commission", "---"),
		"topics/archive/old.md":              fm(),
		"articles/topics/new.md":             fm(),
	}))
	var got []string
	for _, p := range append(set.Topics, set.Regulators...) {
		got = append(got, fmt.Sprintf("%s line %d body %d: %q %q %q %q %q %q", p.File, p.Line, p.BodyLine, p.Slug, p.Title, p.Summary, p.Status, p.Aliases, p.HTML))
	}
	want := []string{
		`content/topics/health-and-care-act-2022.md line 1 body 4: "health-and-care-act-2022" "Health and Care Act 2022" "" "" [] "<p>The Act.</p>\n"`,
		`content/topics/ics-assessments.md line 1 body 7: "ics-assessments" "ICS assessments" "CQC's duty to assess Integrated Care Systems." "paused" ["/topics/ics/" "/topics/ICS reviews"] "<p>The Act gave CQC a duty.</p>\n"`,
		`content/regulators/cqc.md line 1 body 4: "cqc" "Care Quality Commission" "" "" [] ""`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("intro pages:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var articles []string
	for _, a := range set.Articles {
		articles = append(articles, a.Path)
	}
	if got, want := strings.Join(articles, " "), "articles/topics/new.md topics/archive/old.md"; got != want {
		t.Errorf("pages below topics/ and regulators/ are articles: got articles %s, want %s", got, want)
	}
}

func TestLoadFilesAndFolders(t *testing.T) {
	broken := "no front matter\n"
	set := mustLoad(t, files(map[string]string{
		"site.yaml":              lines("title: Bulletin"),
		"b.md":                   fm(),
		"a/z.md":                 fm(),
		"a.md":                   fm(),
		"img/chart.png":          "PNG",
		"docs/letter.pdf":        "PDF",
		"topics/ics-logo.svg":    "<svg/>",
		"CNAME":                  "bulletin.example.org",
		".git/config":            "[core]",
		".git/notes.md":          broken,
		".drafts/wip.md":         broken,
		"articles/.wip.md":       broken,
		"img/.DS_Store":          "x",
		"articles/.cache/x.md":   broken,
		"articles/2025/draft.md": fm("draft: true"),
		"_posts/old.markdown":    fm("draft: true"),
		"articles/draft.md.bak":  fm("draft: true"),
		"articles/draft.md.orig": fm("draft: true"),
		"articles/#draft.md#":    fm("draft: true"),
		"articles/draft.md.2024": fm("draft: true"),
		"img/chart.png.swp":      "x",
		"img/chart.png~":         "x",
	}))
	var articles []string
	for _, a := range set.Articles {
		articles = append(articles, a.File)
	}
	checks := []struct {
		what string
		got  string
		want string
	}{
		{"articles", strings.Join(articles, " "), "content/_posts/old.markdown content/a/z.md content/a.md content/articles/2025/draft.md content/b.md"},
		{"assets", strings.Join(set.Assets, " "), "CNAME docs/letter.pdf img/chart.png topics/ics-logo.svg"},
		{"draft", fmt.Sprint(set.Articles[3].Draft), "true"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.what, c.got, c.want)
		}
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	set := mustLoad(t, fstest.MapFS{})
	if len(set.Articles)+len(set.Topics)+len(set.Regulators)+len(set.Assets) != 0 {
		t.Errorf("empty folder: got %d articles, %d topics, %d regulators, %d assets, want none", len(set.Articles), len(set.Topics), len(set.Regulators), len(set.Assets))
	}
	if set.Settings.Title != "Regulatory bulletin" {
		t.Errorf("empty folder: got title %q, want the default", set.Settings.Title)
	}
}

// TestMetaSourceFollowsFrontMatter wants an article's MetaSource to
// change with its front matter and its path, and only with them: a body
// edit gives a new Source but the same MetaSource.
func TestMetaSourceFollowsFrontMatter(t *testing.T) {
	load := func(path, text string) *Article {
		t.Helper()
		set, err := Load(fstest.MapFS{path: {Data: []byte(text)}}, "content")
		if err != nil {
			t.Fatal(err)
		}
		return set.Articles[0]
	}
	const front = "---\ntitle: T\ndate: 2025-01-01\nsummary: S\n---\n"
	a := load("articles/a.md", front+"Body.\n")
	for name, b := range map[string]*Article{
		"a body edit":         load("articles/a.md", front+"Another body.\n"),
		"a front matter edit": load("articles/a.md", strings.Replace(front, "S\n", "S2\n", 1)+"Body.\n"),
		"a renamed file":      load("articles/b.md", front+"Body.\n"),
		"a line moved":        load("articles/a.md", "\n"+front+"Body.\n"),
	} {
		if b.Source == a.Source {
			t.Errorf("%s: Source unchanged", name)
		}
		if sameMeta := b.MetaSource == a.MetaSource; sameMeta != (name == "a body edit") {
			t.Errorf("%s: MetaSource unchanged is %v, want %v", name, sameMeta, !sameMeta)
		}
	}
}

// TestLeftover wants the files editors, merges and copies leave beside
// articles and assets told from the files to publish.
func TestLeftover(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md~": true, "a.md.bak": true, "A.MD.ORIG": true, "#a.md#": true, "a.md.swp": true, "a.markdown.2024": true,
		"x.tmp": true, "x.rej": true,
		"a.md": false, "chart.png": false, "#hashtag.png": false, "#": false, "report.md.pdf.md": true, "a.mdx.md.old": true, "cmd.exe": false, "readme.mdx": false,
	} {
		if got := Leftover(name); got != want {
			t.Errorf("Leftover(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestIsArticle wants the files a build reads as articles told by their
// paths alone, as the history of the content folder finds them.
func TestIsArticle(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"a.md", true},
		{"articles/2025/a.MD", true},
		{"_posts/2019-03-04-a.markdown", true},
		{"a.mdown", true},
		{"a.mkdown", true},
		{"a.mkdn", true},
		{"a.MKD", true},
		{"a.mdx", false},
		{"topics/x.markdown", false},
		{"topics/x.md", false},
		{"regulators/x.md", false},
		{"articles/topics/x.md", true},
		{"a.md~", false},
		{"articles/a.md.bak", false},
		{"articles/#a.md#", false},
		{"articles/a.md.orig", false},
		{"a.txt", false},
		{".drafts/a.md", false},
		{"articles/.a.md", false},
	}
	for _, tt := range tests {
		if got := IsArticle(tt.path); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.path, got, tt.want)
		}
	}
}

// TestAssetProblemAsBuilt wants AssetProblem to leave out, as hidden,
// the files a build leaves out as hidden, at any depth, and no other:
// what copies files into the content folder asks it first.
func TestAssetProblemAsBuilt(t *testing.T) {
	const hidden = "a build leaves out a hidden file, or one in a hidden folder"
	for _, tt := range []struct {
		path   string
		hidden bool
	}{
		{"chart.png", false},
		{"img/chart.png", false},
		{"img/2025/chart.v2.png", false},
		{"img/.chart.png", true},
		{".chart.png", true},
		{".git/config", true},
		{"img/.cache/chart.png", true},
		{"a/b/.c/d/chart.png", true},
		{"img/..chart.png", true},
	} {
		set := mustLoad(t, files(map[string]string{"a.md": fm(), tt.path: "x"}))
		built := slices.Contains(set.Assets, tt.path)
		got := AssetProblem(tt.path)
		if built == tt.hidden || (got == hidden) != tt.hidden || !tt.hidden && got != "" {
			t.Errorf("%s: published %v, AssetProblem %q; want it hidden: %v", tt.path, built, got, tt.hidden)
		}
	}
}

// TestLoadRefusesUnreadMarkdown wants a Markdown file of a kind a build
// does not read as an article refused, not published as it is for
// anyone to read, draft or not, and AssetProblem to say so; files whose
// extension only starts like one, such as a checksum, are published.
func TestLoadRefusesUnreadMarkdown(t *testing.T) {
	for _, tt := range []struct {
		path    string
		refused bool
	}{
		{"articles/2025/s.mdx", true},
		{"articles/2025/s.Rmd", true},
		{"reports/s.qmd", true},
		{"s.mdwn", true},
		{"articles/s.md-", true},
		{"articles/s.md%20", true},
		{"articles/s.md ", true},
		{"articles/s.markdown-", true},
		{"articles/s.Markdown_", true},
		{"articles/s.mkd%20", true},
		{"articles/s.mkdn-", true},
		{"files/report.pdf.md5", false},
		{"files/data.mdb", false},
	} {
		set, err := Load(files(map[string]string{"a.md": fm(), tt.path: fm("draft: true") + "SECRET DRAFT\n"}), "content")
		published := slices.Contains(set.Assets, tt.path)
		told := err != nil && strings.Contains(err.Error(), "content/"+tt.path+": a Markdown file of a kind a build does not read")
		if published == tt.refused || told != tt.refused || (AssetProblem(tt.path) != "") != tt.refused {
			t.Errorf("%s: published %v, error %v, AssetProblem %q; want it refused: %v", tt.path, published, err, AssetProblem(tt.path), tt.refused)
		}
	}
}

// TestLoadRefusesArticleInText wants a text file that starts with front
// matter setting an article's fields refused, at its opening line, not
// published as it is for anyone to read, draft or not; a text file that
// only starts with a line of dashes, or with front matter of other
// fields, is published.
func TestLoadRefusesArticleInText(t *testing.T) {
	for _, tt := range []struct {
		name, path, text string
		line             int // of the problem; 0 for none
	}{
		{"a draft", "articles/2025/e.txt", fm("draft: true") + "SECRET DRAFT\n", 1},
		{"TOML", "articles/2025/e.TEXT", "+++\ntitle = \"SECRET\"\n+++\nSECRET\n", 1},
		{"after blank lines", "notes/e.txt", "\n\n---\ntitle: SECRET\n---\n", 3},
		// Front matter with a slip that YAML cannot read is an
		// article's still, where a line of it sets an article's field.
		{"a slip in its front matter", "files/bad.txt", "---\ntitle: a: b\ndraft: true\n---\nSECRET\n", 1},
		{"a slip, and no article's field", "files/list.txt", "---\nowner: a: b\n---\nText.\n", 0},
		{"a line of dashes", "notes/rule.txt", "---\nA note under a rule.\n", 0},
		{"a rule around text", "notes/boxed.txt", "---\nA boxed note.\n---\n", 0},
		{"other fields", "notes/other.txt", "---\nowner: Ann\n---\n", 0},
		{"not text", "files/data.csv", fm(), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Load(files(map[string]string{"a.md": fm(), tt.path: tt.text}), "content")
			published := slices.Contains(set.Assets, tt.path)
			want := fmt.Sprintf("content/%s:%d: a text file that starts with an article's front matter", tt.path, tt.line)
			told := err != nil && strings.Contains(err.Error(), want)
			if tt.line == 0 && (!published || err != nil) || tt.line != 0 && (published || !told) {
				t.Errorf("published %v, error %v; want it refused at line %d (0: published)", published, err, tt.line)
			}
		})
	}
}

// TestLoadLanguage: an article's lang is kept as a BCP 47 tag in its
// usual form, and is empty when the article sets none.
func TestLoadLanguage(t *testing.T) {
	for text, want := range map[string]string{
		fm("lang: cy"):    "cy",
		fm("lang: en-gb"): "en-GB",
		fm("lang: AR"):    "ar",
		fm():              "",
	} {
		set := mustLoad(t, files(map[string]string{"articles/a.md": text}))
		if got := set.Articles[0].Lang; got != want {
			t.Errorf("%q: Lang %q, want %q", text, got, want)
		}
	}
}

// TestLoadRefusesLinks wants each symbolic link in the content folder
// refused by name, a linked folder of articles as much as a linked
// file: skipped in silence, they would leave their articles out of the
// site. An editor's hidden lock link is left out, and site.yaml is read
// wherever it leads.
func TestLoadRefusesLinks(t *testing.T) {
	root := t.TempDir()
	content, elsewhere := filepath.Join(root, "content"), filepath.Join(root, "elsewhere")
	for name, text := range map[string]string{
		"content/a.md":              fm(),
		"elsewhere/articles/b.md":   fm(),
		"elsewhere/site.yaml":       "title: Linked settings\n",
		"content/articles/keep.txt": "x",
	} {
		name = filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"linked":            filepath.Join(elsewhere, "articles"),
		"articles/again.md": "../a.md",
		".#a.md":            "editor@host.1234",
		"site.yaml":         filepath.Join(elsewhere, "site.yaml"),
	} {
		if err := os.Symlink(target, filepath.Join(content, link)); err != nil {
			t.Fatal(err)
		}
	}
	set, err := Load(os.DirFS(content), "content")
	got := AsErrors(err).Error()
	for _, want := range []string{
		"content/articles/again.md: a symbolic link: links are not followed",
		"content/linked: a symbolic link: links are not followed, so that nothing outside the content folder is published; move or copy the file or folder here instead",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 2 {
		t.Errorf("%d errors, want 2:\n%s", n, got)
	}
	if len(set.Articles) != 1 || set.Settings.Title != "Linked settings" {
		t.Errorf("got %d articles and title %q, want a.md and the linked settings", len(set.Articles), set.Settings.Title)
	}
}

// TestLoadDropsUnprintable wants the control characters and
// noncharacters that an old archive's escapes or bytes hold dropped from
// front matter text and from the body's HTML, and the text around them
// kept.
func TestLoadDropsUnprintable(t *testing.T) {
	set := mustLoad(t, files(map[string]string{
		"a.md": "+++\ntitle = \"Paused\\u0001\\u000b\\uFFFE again\"\ndate = 2025-01-15\nsummary = \"A form\\ffeed, \\u0085a C1 control.\"\n+++\n\nControl \x01\x02\x7f, \u0090 and \ufdd0, not tabs\tor é.\n",
	}))
	a := set.Articles[0]
	for _, c := range []struct{ what, got, want string }{
		{"title", a.Title, "Paused again"},
		{"summary", a.Summary, "A formfeed, a C1 control."},
		{"body", a.HTML, "<p>Control ,  and , not tabs\tor é.</p>\n"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
}

// cancelAfter is a content folder that cancels a load once it has
// opened some of its files, and counts the files opened after that.
type cancelAfter struct {
	fs.FS
	mu     sync.Mutex
	opened int
	at     int
	cancel func()
}

func (c *cancelAfter) Open(name string) (fs.File, error) {
	c.mu.Lock()
	if c.opened++; c.opened == c.at {
		c.cancel()
	}
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestLoadStopsWhenCancelled wants a load stopped (Ctrl-C, say) to read
// no more than the files in hand, and to give the context's error alone.
func TestLoadStopsWhenCancelled(t *testing.T) {
	texts := map[string]string{}
	for i := range 2000 {
		texts[fmt.Sprintf("articles/a%04d.md", i)] = fm()
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fsys := &cancelAfter{FS: files(texts), at: 100, cancel: cancel}
	set, err := LoadCached(ctx, fsys, "content", nil, nil)
	if set != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled load gave a set (%v) and %v, want none and %v", set != nil, err, context.Canceled)
	}
	// The walk stops at once; a core in the middle of an article may
	// open it, and the folder it is in, once more.
	if after := fsys.opened - fsys.at; after > 2*runtime.GOMAXPROCS(0) {
		t.Errorf("%d files were opened after the load was cancelled, want at most two a core", after)
	}
}

// TestLoadStatusAsSiteYAMLIsToldToName tells a status name of site.yaml
// that is not a slug once, there: an article that writes the name it is
// told to write is not told to write the refused one.
func TestLoadStatusAsSiteYAMLIsToldToName(t *testing.T) {
	got := loadErrors(t, files(map[string]string{
		"site.yaml": lines("statuses:", "  Paused: {label: Paused}"),
		"a.md":      fm("status: paused"),
	}))
	checkErrors(t, "a status named Paused, and an article's status: paused", got, []string{
		`content/site.yaml:2: statuses.Paused: status names are lower case words joined by hyphens: write "paused"`,
	})
}

// TestLoadStatusNotOfSiteYAML tells a status that is none of those
// site.yaml sets in place of the defaults where to add it.
func TestLoadStatusNotOfSiteYAML(t *testing.T) {
	got := loadErrors(t, files(map[string]string{
		"site.yaml": lines("statuses:", "  paused: {label: Paused}", "  resumed: {label: Resumed}"),
		"a.md":      fm("status: in-force"),
	}))
	checkErrors(t, "statuses of site.yaml, and an article's status: in-force", got, []string{
		`content/a.md:5: status: "in-force" is not one of the statuses site.yaml sets: paused, resumed; to use it, add it to statuses in site.yaml`,
	})
}

// TestSettingsNotRegular refuses a site.yaml that is, or links to, a
// device or a pipe, with its problem, rather than read it for ever or
// until the memory is full.
func TestSettingsNotRegular(t *testing.T) {
	for name, mk := range map[string]func(path string) error{
		"a link to /dev/zero": func(p string) error { return os.Symlink("/dev/zero", p) },
		"a pipe":              func(p string) error { return syscall.Mkfifo(p, 0o644) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := mk(filepath.Join(dir, SettingsFile)); err != nil {
				t.Skipf("cannot make %s here: %v", name, err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := Load(os.DirFS(dir), "content")
				done <- err
			}()
			select {
			case err := <-done:
				if got := AsErrors(err).Error(); !strings.Contains(got, "content/site.yaml: can't read the file: not a regular file") {
					t.Errorf("got %q, want site.yaml refused as not a regular file", got)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("still reading site.yaml after 20s")
			}
		})
	}
}

// TestSettingsLinkToNothing refuses a site.yaml that is a link whose
// file is gone (settings kept elsewhere, not checked out or moved),
// naming where it leads, rather than build with the default settings
// over a site published with its own.
func TestSettingsLinkToNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("../settings/site.yaml", filepath.Join(dir, SettingsFile)); err != nil {
		t.Skipf("cannot make a link here: %v", err)
	}
	_, err := Load(os.DirFS(dir), "content")
	want := "content/site.yaml: can't read the file: a link to ../settings/site.yaml, which leads to no file: put the settings there, or a file of settings in the link's place"
	if got := AsErrors(err).Error(); !strings.Contains(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestLoadUnhashed wants a set loaded with the sums of its files to tell
// a file they do not name, of any kind: one added after they were taken.
func TestLoadUnhashed(t *testing.T) {
	fsys := files(map[string]string{
		"site.yaml":         lines("title: Bulletin"),
		"articles/a.md":     fm(),
		"topics/ics.md":     lines("---", "title: ICS", "---"),
		"img/chart.png":     "PNG",
		".git/config":       "[core]",
		"articles/a.md.bak": "x",
	})
	all := map[string]string{}
	for p := range fsys {
		all[p] = "sum"
	}
	for _, c := range []struct {
		left string // "" for none
		want bool
	}{
		{"", false},
		{".git/config", false},
		{"articles/a.md.bak", false},
		{"site.yaml", true},
		{"articles/a.md", true},
		{"topics/ics.md", true},
		{"img/chart.png", true},
	} {
		sums := maps.Clone(all)
		delete(sums, c.left)
		set, err := LoadCached(context.Background(), fsys, "content", nil, sums)
		if err != nil {
			t.Fatal(err)
		}
		if set.Unhashed != c.want {
			t.Errorf("sums without %q: Unhashed %v, want %v", c.left, set.Unhashed, c.want)
		}
	}
	set, err := LoadCached(context.Background(), fsys, "content", nil, nil)
	if err != nil || set.Unhashed {
		t.Errorf("no sums: Unhashed %v, error %v; want neither", set.Unhashed, err)
	}
}

// TestLoadDocusaurusPost reads a post as Docusaurus's blog writes one,
// dated by its file name alone and with its author's details beside the
// name, with an error for each that says what to write.
func TestLoadDocusaurusPost(t *testing.T) {
	got := loadErrors(t, files(map[string]string{
		"articles/2023-01-26-visualizing.md": lines("---", "title: Visualizing", "summary: A tool.", "author: Jo Doe", "authorURL: https://github.com/jo", "---", "Text."),
	}))
	want := []string{
		"content/articles/2023-01-26-visualizing.md:1: date: missing: this field is required; the file name starts with 2023-01-26: if that is the day it was published, write date: 2023-01-26",
		"content/articles/2023-01-26-visualizing.md:4: author: unknown field: write authors: [Name], a list",
		"content/articles/2023-01-26-visualizing.md:5: authorURL: unknown field: bulletin keeps an author's name alone: write it in authors: [Name], and delete the line",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
