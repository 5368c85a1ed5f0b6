package content

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	// The zone database is built in so that these tests give the same
	// results on machines without one.
	_ "time/tzdata"
)

func TestLoadSettingsErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "base_url without a scheme",
			yaml: lines("base_url: bulletin.example.org"),
			want: []string{`content/site.yaml:1: base_url: "bulletin.example.org" is not an absolute http(s) URL: write it like https://bulletin.example.org/`},
		},
		{
			name: "base_url with another scheme",
			yaml: lines("title: Care Regulation Bulletin", "base_url: ftp://bulletin.example.org/"),
			want: []string{`content/site.yaml:2: base_url: "ftp://bulletin.example.org/" is not an absolute http(s) URL: write it like https://bulletin.example.org/`},
		},
		{
			name: "base_url as a path",
			yaml: lines("base_url: /bulletin/"),
			want: []string{`content/site.yaml:1: base_url: "/bulletin/" is not an absolute http(s) URL: write it like https://bulletin.example.org/`},
		},
		{
			name: "base_url with an escaped slash",
			yaml: lines("base_url: https://x.example/a%2Fb/"),
			want: []string{`content/site.yaml:1: base_url: "https://x.example/a%2Fb/" has an escaped slash (%2F) in its path, which pages would link to as two folders: write the path with plain slashes`},
		},
		{
			name: "base_url with // in its path",
			yaml: lines("base_url: https://bulletin.example.org//cdn.example//x/"),
			want: []string{`content/site.yaml:1: base_url: "https://bulletin.example.org//cdn.example//x/" has // in its path, which every link of the site would start with, and which browsers read as the address of another site: write https://bulletin.example.org/cdn.example/x/`},
		},
		{
			name: "time_zone in lower case",
			yaml: lines("time_zone: america/new_york"),
			want: []string{`content/site.yaml:1: time_zone: "america/new_york" is not a known time zone: did you mean America/New_York? Zone names are written with capitals`},
		},
		{
			name: "params not text",
			yaml: lines("params:", "  links: [a, b]", "  colour: blue"),
			want: []string{"content/site.yaml:2: params.links: got a list, want text"},
		},
		{
			name: "params nested too deeply, beside other problems",
			yaml: lines("titel: Bulletin", "params:", "  deep: {a: {b: {c: {d: {e: {f: {g: {h: 1}}}}}}}}", "page_size: 0"),
			want: []string{
				`content/site.yaml:1: titel: unknown field: did you mean "title"?`,
				"content/site.yaml:3: the file nests deeper than 8 levels, where no field takes more than three: write each value as its field takes it",
				"content/site.yaml:3: params.deep: got a map, want text",
				"content/site.yaml:4: page_size: got the number 0, want a whole number of at least 1",
			},
		},
		{
			name: "params not a map",
			yaml: lines("params: dark"),
			want: []string{"content/site.yaml:1: params: got the text \"dark\", want the theme's settings as name: value, one a line, indented below params:"},
		},
		{
			name: "base_url empty",
			yaml: lines("base_url:"),
			want: []string{"content/site.yaml:1: base_url: got empty, want text"},
		},
		{
			name: "unknown time_zone",
			yaml: lines("time_zone: Europe/Londno"),
			want: []string{`content/site.yaml:1: time_zone: "Europe/Londno" is not a known time zone: use a name such as Europe/London`},
		},
		{
			name: "time_zone of the build machine",
			yaml: lines("time_zone: Local"),
			want: []string{`content/site.yaml:1: time_zone: "Local" is not a known time zone: use a name such as Europe/London`},
		},
		{
			name: "time_zone as an offset",
			yaml: lines("time_zone: +01:00"),
			want: []string{`content/site.yaml:1: time_zone: "+01:00" is not a known time zone: use a name such as Europe/London`},
		},
		{
			name: "page_size zero",
			yaml: lines("page_size: 0"),
			want: []string{`content/site.yaml:1: page_size: got the number 0, want a whole number of at least 1`},
		},
		{
			name: "page_size too large to read",
			yaml: lines("page_size: 1_000_000_000_000_000_000_000"),
			want: []string{`content/site.yaml:1: page_size: 1_000_000_000_000_000_000_000 is larger than a build can count (9223372036854775807): write a smaller whole number, of at least 1, such as 1000`},
		},
		{
			name: "page_size in words",
			yaml: lines("page_size: ten"),
			want: []string{`content/site.yaml:1: page_size: got the text "ten", want a whole number of at least 1`},
		},
		{
			name: "page_size with a fraction",
			yaml: lines("page_size: 10.5"),
			want: []string{`content/site.yaml:1: page_size: got the number 10.5, want a whole number of at least 1`},
		},
		{
			name: "feed_kb too large to be a feed",
			yaml: lines("feed_kb: 9223372036854775807", "feed_entry_kb: 1000001"),
			want: []string{`content/site.yaml:1: feed_kb: got the number 9223372036854775807, want a whole number from 1 to 1000000`, `content/site.yaml:2: feed_entry_kb: got the number 1000001, want a whole number from 1 to 1000000`},
		},
		{
			name: "raw_html not a bool",
			yaml: lines("raw_html: sometimes"),
			want: []string{`content/site.yaml:1: raw_html: got the text "sometimes", want true or false`},
		},
		{
			name: "feed_aliases not site paths",
			yaml: lines("feed_aliases:", "  - index.xml", "  - /feed/?type=rss"),
			want: []string{
				`content/site.yaml:2: feed_aliases: "index.xml" is not a site path: write it like /2024/05/old-slug/`,
				`content/site.yaml:3: feed_aliases: "/feed/?type=rss" has a query (?), and a static site answers an address by its path alone: keep the path (/feed/), or redirect the whole address on the server`,
			},
		},
		{
			name: "feed_aliases empty",
			yaml: lines("feed_aliases: ~"),
			want: []string{`content/site.yaml:1: feed_aliases: got empty, want a list such as [one, two]`},
		},
		{
			name: "unknown fields",
			yaml: lines("title: Bulletin", "timezone: Europe/London", "colour: blue"),
			want: []string{
				`content/site.yaml:2: timezone: unknown field: did you mean "time_zone"?`,
				"content/site.yaml:3: colour: unknown field: known fields are title, description, base_url, language, time_zone, page_size, notice, regulators, statuses, raw_html, id_authority, feed_entry_kb, feed_kb, search_bundle, websub_hub, deploy, feed_aliases, params",
			},
		},
		{
			name: "empty title",
			yaml: lines(`title: ""`),
			want: []string{"content/site.yaml:1: title: is empty: write some text or remove the field"},
		},
		{
			name: "notice of nothing to see",
			yaml: lines(`notice: "\u200b\u00ad"`),
			want: []string{"content/site.yaml:1: notice: holds only characters nobody sees (U+200B first), so every page would show an empty banner: write the notice, or remove the field"},
		},
		{
			name: "not a map",
			yaml: lines("- title: Bulletin"),
			want: []string{"content/site.yaml:1: got a list, want settings written as name: value, one a line"},
		},
		{
			name: "colon in the title",
			yaml: lines("title: Bulletin: health and care regulation", "page_size: 10"),
			want: []string{`content/site.yaml:1: title: a value with ": " in it must be in quotes: write title: "Bulletin: health and care regulation"`},
		},
		{
			name: "YAML the hints do not cover",
			yaml: lines("title: Bulletin", "description: [a, [b] c]"),
			want: []string{"content/site.yaml:2: the file is not valid YAML: did not find expected ',' or ']'"},
		},
		{
			// The parser finds it past the end, where no line is.
			name: "a value left open at the end",
			yaml: "title: Bulletin\nregulators: [\n\n",
			want: []string{"content/site.yaml:2: the file is not valid YAML: did not find expected node content"},
		},
		{
			name: "unclosed list",
			yaml: lines("title: Bulletin", "description: [unclosed"),
			want: []string{"content/site.yaml:2: description: the [ starts a list that has no closing ]: write description: [unclosed], or put text that starts with [ in quotes"},
		},
		{
			name: "duplicate key",
			yaml: lines("title: Bulletin", "page_size: 10", "page_size: 20"),
			want: []string{"content/site.yaml:3: page_size: set twice (first at line 2): keep one"},
		},
		{
			name: "regulators as a list",
			yaml: lines("regulators: [CQC, NHSE]"),
			want: []string{"content/site.yaml:1: regulators: got a list, want a map such as CQC: {name: Care Quality Commission, url: https://www.cqc.org.uk/}"},
		},
		{
			name: "regulator as text",
			yaml: lines("regulators:", "  CQC: Care Quality Commission"),
			want: []string{`content/site.yaml:2: regulators.CQC: got the text "Care Quality Commission", want a map of name, url: write it as {name: Care Quality Commission}`},
		},
		{
			name: "regulator without a name, with a bad URL and an unknown field",
			yaml: lines("regulators:", "  NHSE: {url: www.england.nhs.uk, site: x}"),
			want: []string{
				`content/site.yaml:2: regulators.NHSE.url: "www.england.nhs.uk" is not an absolute http(s) URL: write it like https://www.cqc.org.uk/`,
				`content/site.yaml:2: regulators.NHSE.site: unknown field: known fields are name, url`,
				"content/site.yaml:2: regulators.NHSE.name: missing: this field is required",
			},
		},
		{
			name: "regulator URL with a password",
			yaml: lines("regulators:", "  CQC: {name: Care Quality Commission, url: 'https://editor:s3cret@www.cqc.org.uk/'}"),
			want: []string{`content/site.yaml:2: regulators.CQC.url: "https://editor:s3cret@www.cqc.org.uk/" has a user name or password, which the regulator's page would publish: write https://www.cqc.org.uk/`},
		},
		{
			name: "two regulators that differ only in case",
			yaml: lines("regulators:", "  CQC: {name: Care Quality Commission}", "  cqc: {name: Completely Other Body}"),
			want: []string{"content/site.yaml:3: regulators.cqc: makes the page /regulators/cqc/, as CQC on line 2 does: keep one of them"},
		},
		{
			name: "statuses as a list",
			yaml: lines("statuses: [paused, closed]"),
			want: []string{"content/site.yaml:1: statuses: got a list, want a map such as paused: {label: Paused, explanation: ..., next: ...}"},
		},
		{
			name: "statuses empty",
			yaml: lines("statuses: {}"),
			want: []string{"content/site.yaml:1: statuses: is empty: list at least one status, or remove the field to use the defaults"},
		},
		{
			name: "status name that is not a slug, and one that is not a map",
			yaml: lines("statuses:", "  On Hold: {label: On hold}", "  paused: Paused"),
			want: []string{
				`content/site.yaml:2: statuses.On Hold: status names are lower case words joined by hyphens: write "on-hold"`,
				`content/site.yaml:3: statuses.paused: got the text "Paused", want a map of label, explanation, next: write it as {label: Paused}`,
			},
		},
		{
			name: "status without a label",
			yaml: lines("statuses:", "  paused:", "    explanation: Stopped for now.", "    nxt: A decision."),
			want: []string{
				"content/site.yaml:2: statuses.paused.label: missing: this field is required",
				`content/site.yaml:4: statuses.paused.nxt: unknown field: did you mean "next"?`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{"site.yaml": tt.yaml}))
			checkErrors(t, tt.yaml, got, tt.want)
		})
	}
}

// A broken site.yaml must not hide or multiply the articles' own problems:
// they are still checked, with the time zone and statuses they would get
// from the defaults.
func TestLoadBrokenSettingsStillChecksArticles(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "site.yaml is not valid YAML",
			yaml: lines("title: Bulletin", "  page_size: 10"),
			want: []string{
				`content/a.md:3: date: "27/03/2025" is not a date: write 2025-03-27`,
				"content/site.yaml:2: page_size: not lined up with the field above it: start it in the same column",
			},
		},
		{
			name: "statuses has the wrong shape",
			yaml: lines("statuses: [paused]"),
			want: []string{
				`content/a.md:3: date: "27/03/2025" is not a date: write 2025-03-27`,
				"content/site.yaml:1: statuses: got a list, want a map such as paused: {label: Paused, explanation: ..., next: ...}",
			},
		},
	}
	article := lines("---", "title: T", "date: 27/03/2025", "summary: S", "status: paused", "events:", "  - date: 2024-05", "    label: Rollout paused", "---")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{"site.yaml": tt.yaml, "a.md": article}))
			checkErrors(t, tt.yaml, got, tt.want)
			if set, _ := Load(files(map[string]string{"site.yaml": tt.yaml}), "content"); !set.Settings.Broken {
				t.Error("the settings are not marked broken")
			}
		})
	}
}

func TestLoadSettingsDefaults(t *testing.T) {
	set := mustLoad(t, files(map[string]string{"a.md": fm()}))
	s := set.Settings
	got := fmt.Sprintf("%q %q %q %q %q %d %q %v %q %d regulators", s.Title, s.Description, s.BaseURL, s.Language, s.TimeZone, s.PageSize, s.Notice, s.RawHTML, s.IDAuthority, len(s.Regulators))
	want := `"Regulatory bulletin" "Updates on regulation, in date order." "http://localhost:8080/" "en-GB" "Europe/London" 20 "" false "localhost" 0 regulators`
	if got != want {
		t.Errorf("settings without site.yaml:\ngot  %s\nwant %s", got, want)
	}
	if got := s.Location.String(); got != "Europe/London" {
		t.Errorf("Location without site.yaml: got %s, want Europe/London", got)
	}
	if got, want := strings.Join(s.statusKeys(), ", "), allStatuses; got != want {
		t.Errorf("statuses without site.yaml: got %s, want %s", got, want)
	}
	// A site.yaml of no settings gives the same, however it says so.
	for _, yaml := range []string{"", "# settings to come\n", "~\n", "null\n", "---\n"} {
		got, err := LoadSettings(fstest.MapFS{SettingsFile: {Data: []byte(yaml)}}, "content")
		if err != nil || got.Title != s.Title || got.BaseURL != s.BaseURL || got.TimeZone != s.TimeZone {
			t.Errorf("site.yaml %q: got %q %q %q, %v; want the defaults", yaml, got.Title, got.BaseURL, got.TimeZone, err)
		}
	}
}

// TestLoadSettingsWholeNumbers reads a whole number as YAML writes it,
// in another base too, or in quotes, as a true or false is read.
func TestLoadSettingsWholeNumbers(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want int
	}{
		{"page_size: 16", 16},
		{"page_size: 0x10", 16},
		{"page_size: 0o20", 16},
		{"page_size: '16'", 16},
		{"page_size: 016", 16},
	} {
		set := mustLoad(t, files(map[string]string{"site.yaml": tt.yaml, "a.md": fm()}))
		if got := set.Settings.PageSize; got != tt.want {
			t.Errorf("%s: page size %d, want %d", tt.yaml, got, tt.want)
		}
	}
}

func TestLoadSettingsValues(t *testing.T) {
	yaml := lines(
		"title: Care Regulation Bulletin",
		"description: Clear, dated updates.",
		"base_url: https://bulletin.example.org/care//",
		"language: en",
		"time_zone: America/New_York",
		"page_size: 10",
		"notice: For health professionals only",
		"raw_html: true",
		"regulators:",
		"  NHSE: {name: NHS England, url: https://www.england.nhs.uk/}",
		"  CQC: {name: Care Quality Commission}",
		"statuses:",
		"  open: {label: Open, explanation: Still going., next: A decision.}",
		"  done: {label: Done}",
		"feed_aliases: [/index.xml, /feed/, /Old%20Feed.rss]",
		"params:",
		"  analytics_id: UA-1",
		"  Footer note: \"Made in Leeds: #1\"",
		"  show_banner: false",
		"  columns: 3",
		"  ratio: 1.5",
		"  label: \"false\"",
		"  mask: 0x10",
		"  limit: .inf",
		"  many: 1_000",
		"  below: -0x10",
	)
	set := mustLoad(t, files(map[string]string{"site.yaml": yaml}))
	s := set.Settings
	checks := []struct {
		name      string
		got, want any
	}{
		{"Title", s.Title, "Care Regulation Bulletin"},
		{"Description", s.Description, "Clear, dated updates."},
		{"BaseURL", s.BaseURL, "https://bulletin.example.org/care/"},
		{"Language", s.Language, "en"},
		{"TimeZone", s.TimeZone, "America/New_York"},
		{"Location", s.Location.String(), "America/New_York"},
		{"PageSize", s.PageSize, 10},
		{"Notice", s.Notice, "For health professionals only"},
		{"RawHTML", s.RawHTML, true},
		{"Broken", s.Broken, false},
		{"IDAuthority", s.IDAuthority, "bulletin.example.org"},
		{"Regulators", fmt.Sprint(s.Regulators), "[{NHSE NHS England https://www.england.nhs.uk/} {CQC Care Quality Commission }]"},
		{"Statuses", fmt.Sprint(s.Statuses), "[{open Open Still going. A decision.} {done Done  }]"},
		{"Regulator(cqc)", s.Regulator("cqc").Name, "Care Quality Commission"},
		{"Regulator(ofsted)", s.Regulator("ofsted") == nil, true},
		{"Status(done)", s.Status("done").Label, "Done"},
		{"Status(paused)", s.Status("paused") == nil, true},
		{"FeedAliases", fmt.Sprint(s.FeedAliases), "[/index.xml /feed/ /Old Feed.rss]"},
		{"FeedAliasLines", fmt.Sprint(s.FeedAliasLines), "[15 15 15]"},
		{"Params", fmt.Sprint(s.Params), "map[Footer note:Made in Leeds: #1 analytics_id:UA-1 below:-16 columns:3 label:false limit:+Inf many:1000 mask:16 ratio:1.5 show_banner:false]"},
		// As a template reads them: {{if .Site.Settings.Params.show_banner}}
		// takes the bool false as false, and the text "false" as text.
		{"Params.show_banner", s.Params["show_banner"], false},
		{"Params.columns", s.Params["columns"], int64(3)},
		{"Params.ratio", s.Params["ratio"], 1.5},
		{"Params.label", s.Params["label"], "false"},
		{"Params.mask", s.Params["mask"], int64(16)},
		{"Params.limit", s.Params["limit"], math.Inf(1)},
		{"Params.many", s.Params["many"], int64(1000)},
		{"Params.below", s.Params["below"], int64(-16)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

// Articles are checked against the statuses site.yaml lists, not the
// defaults.
func TestLoadCustomStatuses(t *testing.T) {
	yaml := lines("statuses:", "  open: {label: Open}", "  done: {label: Done}")
	tests := []struct {
		name    string
		article string
		want    []string
	}{
		{
			name:    "a default status",
			article: fm("status: paused"),
			want:    []string{`content/a.md:5: status: "paused" is not one of the statuses site.yaml sets: open, done; to use it, add it to statuses in site.yaml`},
		},
		{
			name:    "one of the site's, misspelled",
			article: fm("status: dnoe"),
			want:    []string{`content/a.md:5: status: "dnoe" is not a status: did you mean "done"?`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErrors(t, files(map[string]string{"site.yaml": yaml, "a.md": tt.article}))
			checkErrors(t, tt.article, got, tt.want)
		})
	}
}

func TestLoadIDAuthority(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{name: "from base_url", yaml: lines("base_url: https://bulletin.example.org:8443/care/"), want: "bulletin.example.org"},
		{name: "given", yaml: lines("base_url: https://bulletin.example.org/", "id_authority: old-bulletin.example.org"), want: "old-bulletin.example.org"},
		{name: "an email address", yaml: lines("id_authority: editor@example.org"), want: "editor@example.org"},
		{name: "from a base_url in Unicode", yaml: lines("base_url: https://例え.jp/"), want: "xn--r8jz45g.jp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := mustLoad(t, files(map[string]string{"site.yaml": tt.yaml}))
			if got := set.Settings.IDAuthority; got != tt.want {
				t.Errorf("site.yaml:\n%s\ngot IDAuthority %q, want %q", tt.yaml, got, tt.want)
			}
		})
	}
}

// TestLoadSettingsRefused wants settings that would publish what they
// should not, or make invalid feeds, refused at their line with what to
// write instead.
func TestLoadSettingsRefused(t *testing.T) {
	tests := []struct {
		yaml string
		want string
	}{
		{"language: English please", `content/site.yaml:1: language: "English please" is not a language tag: write it like cy, en-GB or ar`},
		{"base_url: https://editor:secret@bulletin.example.org/", `content/site.yaml:1: base_url: "https://editor:secret@bulletin.example.org/" has a user name, password, query or fragment, which every page, feed and sitemap would publish: write https://bulletin.example.org/`},
		{"base_url: https://bulletin.example.org/?utm=x#top", `content/site.yaml:1: base_url: "https://bulletin.example.org/?utm=x#top" has a user name, password, query or fragment, which every page, feed and sitemap would publish: write https://bulletin.example.org/`},
		{"base_url: https://example.org/care/../news/", `content/site.yaml:1: base_url: "https://example.org/care/../news/" has a . or .. segment, which every address of the site would carry as written: write https://example.org/news/`},
		{"base_url: https://example.org/news?from=feed/", `content/site.yaml:1: base_url: "https://example.org/news?from=feed/" has a user name, password, query or fragment, which every page, feed and sitemap would publish: write https://example.org/news/`},
		{"base_url: https://example.org/#", `content/site.yaml:1: base_url: "https://example.org/#" has a user name, password, query or fragment, which every page, feed and sitemap would publish: write https://example.org/`},
		{"base_url: https://[::1]:8443/", `content/site.yaml:1: base_url: its host ::1 is not a domain name, which feed entry ids are made of: set id_authority to a domain name the publisher owns, such as bulletin.example.org`},
		{"base_url: https://example.org/./", `content/site.yaml:1: base_url: "https://example.org/./" has a . or .. segment, which every address of the site would carry as written: write https://example.org/`},
		{"base_url: https://-例え.jp/", `content/site.yaml:1: base_url: "https://-例え.jp/" has a host that is not a domain name (idna: invalid label "-例え"): write it like https://bulletin.example.org/`},
		{"id_authority: a b", `content/site.yaml:1: id_authority: "a b" is not a domain name or an email address, as feed entry ids need: write it like bulletin.example.org`},
		{"id_authority: example.org,2025", `content/site.yaml:1: id_authority: "example.org,2025" is not a domain name or an email address, as feed entry ids need: write it like bulletin.example.org`},
	}
	for _, tt := range tests {
		_, err := Load(files(map[string]string{"site.yaml": tt.yaml + "\n"}), "content")
		if got := fmt.Sprint(err); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.yaml, got, tt.want)
		}
	}
}

func TestLoadTimeZone(t *testing.T) {
	tests := []struct {
		name     string
		yaml     string
		date     string
		want     string
		wantZone string
	}{
		{name: "default is London, in winter", date: "2025-01-15", want: "2025-01-15T00:00:00Z", wantZone: "Europe/London"},
		{name: "default is London, in summer", date: "2025-06-01", want: "2025-06-01T00:00:00+01:00", wantZone: "Europe/London"},
		{name: "local time in London", date: "2025-06-01T09:30", want: "2025-06-01T09:30:00+01:00", wantZone: "Europe/London"},
		{name: "local time with a space and seconds", date: "2025-06-01 09:30:15", want: "2025-06-01T09:30:15+01:00", wantZone: "Europe/London"},
		{name: "RFC 3339 in UTC keeps its offset", date: "2025-06-01T09:30:00Z", want: "2025-06-01T09:30:00Z", wantZone: "UTC"},
		{name: "RFC 3339 with an offset keeps it", date: "2025-06-01T09:30:00+02:00", want: "2025-06-01T09:30:00+02:00", wantZone: ""},
		{name: "time_zone setting", yaml: lines("time_zone: America/New_York"), date: "2025-06-01", want: "2025-06-01T00:00:00-04:00", wantZone: "America/New_York"},
		{name: "time_zone UTC", yaml: lines("time_zone: UTC"), date: "2025-06-01T09:30", want: "2025-06-01T09:30:00Z", wantZone: "UTC"},
		{name: "RFC 3339 ignores time_zone", yaml: lines("time_zone: America/New_York"), date: "2025-06-01T09:30:00+01:00", want: "2025-06-01T09:30:00+01:00", wantZone: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := files(map[string]string{"a.md": lines("---", "title: T", "date: "+tt.date, "summary: S", "---")})
			if tt.yaml != "" {
				fsys = files(map[string]string{"site.yaml": tt.yaml, "a.md": lines("---", "title: T", "date: "+tt.date, "summary: S", "---")})
			}
			a := mustLoad(t, fsys).Articles[0]
			if got := a.Date.Format(time.RFC3339); got != tt.want {
				t.Errorf("date %q with site.yaml %q: got %s, want %s", tt.date, tt.yaml, got, tt.want)
			}
			if got := a.Date.Location().String(); got != tt.wantZone {
				t.Errorf("date %q with site.yaml %q: got zone %q, want %q", tt.date, tt.yaml, got, tt.wantZone)
			}
		})
	}
}

// TestSetBaseURL checks where feed ids get their authority when -base-url
// overrides base_url: from site.yaml wherever it gives one, from the
// flag's host only where it gives none, which is then marked, to be
// warned of, as git does not keep it, but for serve's own address.
func TestSetBaseURL(t *testing.T) {
	tests := []struct {
		name, yaml, flag string
		wantBase, wantID string
		fromFlag         bool // the authority is the flag's, which git does not keep
	}{
		{"no base_url", "title: T\n", "https://owner.github.io/repo/", "https://owner.github.io/repo/", "owner.github.io", true},
		{"a staging build", "title: T\nbase_url: https://bulletin.example.org/\n", "https://staging.example.org", "https://staging.example.org/", "bulletin.example.org", false},
		{"id_authority given", "title: T\nid_authority: example.org\n", "https://owner.github.io/repo/", "https://owner.github.io/repo/", "example.org", false},
		{"a host in Unicode", "title: T\n", "https://例え.jp/新闻", "https://xn--r8jz45g.jp/新闻/", "xn--r8jz45g.jp", true},
		{"serve's own address", "title: T\n", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/", "127.0.0.1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := LoadSettings(fstest.MapFS{SettingsFile: {Data: []byte(tt.yaml)}}, "content")
			if err != nil {
				t.Fatal(err)
			}
			s.SetBaseURL(tt.flag)
			if s.BaseURL != tt.wantBase || s.IDAuthority != tt.wantID || s.FlagAuthority != tt.fromFlag {
				t.Errorf("got base %q, authority %q (from the flag %v); want %q, %q (%v)", s.BaseURL, s.IDAuthority, s.FlagAuthority, tt.wantBase, tt.wantID, tt.fromFlag)
			}
		})
	}
}

// TestMisnamedSettings refuses, at the top of the content folder, a file
// named as site.yaml is but for its case or its extension, and no other.
func TestMisnamedSettings(t *testing.T) {
	for p, want := range map[string]bool{
		"site.yaml":           false,
		"site.yml":            true,
		"Site.YAML":           true,
		"site.toml":           true,
		"site.json":           true,
		"sites.yml":           false,
		"site.png":            false,
		"site":                false,
		"articles/site.yml":   false,
		"downloads/site.toml": false,
	} {
		if got := misnamedSettings(p) != ""; got != want {
			t.Errorf("misnamedSettings(%q) refuses: %v, want %v", p, got, want)
		}
	}
	// Site.yaml may be read as the settings, where the file system
	// ignores case: it is not told that nothing in it is read.
	if got := misnamedSettings("Site.yaml"); !strings.HasPrefix(got, "the settings file is site.yaml, in lower case") {
		t.Errorf("misnamedSettings(Site.yaml) = %q, want it told to be in lower case", got)
	}
}
