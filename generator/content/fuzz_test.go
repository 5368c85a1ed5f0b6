package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// FuzzLoad reads arbitrary bytes as an article and wants Load never to
// panic, every slug it accepts to be a safe path segment, and every
// problem it reports to name the article's file and a line of it, on one
// line of its own.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		fm(),
		fm("topics: [ICS assessments, CQC]", "regulators: CQC", "status: paused", "updated: 2025-03-28",
			"changes:", "  - date: 2025-03-28", "    note: Added.", "sources:", "  - title: S", "    url: https://example.org/", "    date: 2025-03",
			"events:", "  - date: 2025-03", "    label: Paused", "withdrawn: {date: 2025-04-01, explanation: Superseded.}", "aliases: [/2025/03/old/]", "slug: new", "id: urn:x"),
		yamlArticle,
		tomlArticle,
		"",
		"---",
		"---\n---\n",
		"+++\ntitle = 1\n+++\n",
		"---\ntitle: [\n---\n",
		"---\na: &a [x]\nb: *a\n---\n",
		"\ufeff---\r\ntitle: T\r\n---\r\n",
		"---\rtitle: T\rdate: 2025-01-01\rsummary: S\r---\r[x](javascript:alert(1))\r",
		"---\ntitle: T\ndate: 2025-01-01\nsummary: S\n---\n[x](<\x01javascript:x>) ![i](data:x) <script>x</script>\n",
		"---\ntitle: \"\\x00\"\n---\n",
		"---\ntitle:\tT\n\t- x\n---\n",
		"---\ntitle: CQC pauses: DHSC\nsummary: 'CQC's pause'\n---\n",
		"---\ntitle: \"open\n  - x\n\"y: [a, b]] c\n---\n",
		"---\nsources:\n  - title: a\n   url: b\n---\n",
		"---\ntopics: [a, b\nsummary: @x\nline\n---\n",
		"caf\xe9",
		"---\ntitle: T\ndate: 2025-01-01\nsummary: S\nslug: ICS-explainer_v2.1~\n---\n",
	} {
		f.Add([]byte(seed))
	}
	for _, data := range hostileArticles(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "content/articles/a.md"
		set, err := Load(fstest.MapFS{"articles/a.md": {Data: data}}, "content")
		if err == nil {
			if len(set.Articles) != 1 {
				t.Fatalf("got %d articles, want 1", len(set.Articles))
			}
			if a := set.Articles[0]; CheckSegment(a.Slug) != "" {
				t.Errorf("got slug %q, want a safe path segment: %s", a.Slug, CheckSegment(a.Slug))
			}
			return
		}
		var es Errors
		if !errors.As(err, &es) {
			t.Fatalf("got error of type %T (%v), want Errors", err, err)
		}
		last := 1
		if utf8.Valid(data) {
			last += bytes.Count(normalize(data), []byte("\n"))
		} else {
			last += bytes.Count(data, []byte("\n"))
		}
		for _, e := range es {
			if e.File != file || e.Line < 1 || e.Line > last {
				t.Errorf("got %q at %s:%d, want it at %s, on a line from 1 to %d", e.Msg, e.File, e.Line, file, last)
			}
			if e.Msg == "" || strings.Contains(e.Msg, "\n") || !utf8.ValidString(e.Msg) {
				t.Errorf("got message %q, want one line of UTF-8 text", e.Msg)
			}
		}
	})
}

// hostileArticles are the articles of the end-to-end hostile cases,
// testdata/hostile/*.txtar: each content/*.md section, its quoting undone
// as generator/txtar_test.go describes.
func hostileArticles(f *testing.F) [][]byte {
	f.Helper()
	paths, err := filepath.Glob("../testdata/hostile/*.txtar")
	if err != nil || len(paths) == 0 {
		f.Fatalf("no hostile cases in ../testdata/hostile: %v", err)
	}
	var out [][]byte
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			name, quoted := strings.CutSuffix(file.Name, " (quoted)")
			if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
				continue
			}
			data := file.Data
			if quoted {
				data = nil
				for line := range strings.Lines(string(file.Data)) {
					s, err := strconv.Unquote(strings.TrimSuffix(line, "\n"))
					if err != nil {
						f.Fatalf("%s: %s: %v", p, file.Name, err)
					}
					data = append(data, s...)
				}
			}
			out = append(out, data)
		}
	}
	return out
}

// FuzzParseDate wants parseDate never to panic, every error to quote its
// input first (its start, where it is long: see shownValue), and every date it accepts to survive the feeds: formatted as RFC
// 3339 and read back, and written as JSON.
func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{
		"2025-03-27", "2025-03-27T09:30:00Z", "2025-03-27T09:30:00.123456789+05:30", "2025-03-27 09:30",
		"2025-03-27 09:30:00 +0000 UTC", "2024-05", "2025-02-30", "27/03/2025", "0000-01-01T00:00:00+01:00",
		"9999-12-31T23:59:59-23:59", "1000-01-01", "2025-03-27T24:00:00", "2025-03-27T09:30:00+24:00", "", " 2025-03-27",
		"2025-13", "2025-13-01", "2025-00-00", "2024-02-30T09:30:00Z", "2025-03-27 09:60", "0000-02-30",
		strings.Repeat("0", 201),
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, monthOK bool) {
		d, err := parseDate(s, london, monthOK)
		if err != nil {
			if !strings.HasPrefix(err.Error(), shownValue(s)+" ") {
				t.Errorf("parseDate(%q): got error %q, want it to start with the input quoted as shownValue quotes it", s, err)
			}
			return
		}
		if d.MonthOnly && !monthOK {
			t.Errorf("parseDate(%q, false): got a month alone", s)
		}
		if y := d.Time.Year(); y < 1000 || y > 9999 {
			t.Errorf("parseDate(%q): got year %d, want 1000 to 9999", s, y)
		}
		// RFC 3339 has no seconds in offsets, and local mean time before
		// railway time had them (London was -00:01:15), so allow a minute.
		stamp := d.Time.Format(time.RFC3339Nano)
		back, err := time.Parse(time.RFC3339Nano, stamp)
		if diff := back.Sub(d.Time); err != nil || diff < -time.Minute || diff > time.Minute {
			t.Errorf("parseDate(%q) = %s: reading it back gave %v, %v", s, stamp, back, err)
		}
		if _, err := json.Marshal(d.Time); err != nil {
			t.Errorf("parseDate(%q) = %s: as JSON: %v", s, stamp, err)
		}
	})
}

// FuzzSlug wants every slug made of lower-case letters and digits joined
// by single hyphens, at most maxSlug bytes, and a slug's slug to be
// itself.
func FuzzSlug(f *testing.F) {
	for _, seed := range []string{
		"ICS assessments paused", "Café", "CQC IT & transformation", "../../etc/passwd", "..\\..\\windows",
		"!!!", "AUX", "com9", "日本", "a--b", "-a-", "İstanbul", "ﬁ ligature", "K", "Ⅻ", "x\x00y", "\xff\xfe",
		strings.Repeat("ab ", 40), strings.Repeat("a", 81), strings.Repeat("é", 100),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if why := CheckSegment(got); got != "" && why != "" {
			t.Errorf("Slug(%q) = %q, which cannot be part of an address: %s", s, got, why)
		}
		if got != "" && (strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--")) {
			t.Errorf("Slug(%q) = %q: want words joined by single hyphens", s, got)
		}
		if again := Slug(got); again != got {
			t.Errorf("Slug(Slug(%q)) = %q, want %q", s, again, got)
		}
	})
}
