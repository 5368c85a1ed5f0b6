package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/history"
)

// TestFirstPublished checks what an edit to a published article's date,
// slug, aliases, id or file name does to the address and feed id it was
// first published with: kept, or told at the field changed.
// path is the article the tests publish, and committed the time of the
// commit that first published it.
const path = "articles/2025/2025-03-27-ics-paused.md"

var committed = time.Date(2025, 3, 28, 9, 0, 0, 0, time.UTC)

func TestFirstPublished(t *testing.T) {
	// step is a commit of the article, as readers could first see it.
	step := func(commit string, at time.Time, date, path, id string) history.Names {
		return history.Names{Commit: commit, Committed: at, Date: date, Path: path, ID: id}
	}
	first := []history.Names{step("abc1234def", committed, "2025-03-27", path, "")}
	firstID := "tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused/"
	tests := []struct {
		name string
		was  []history.Names
		edit func(a *content.Article)
		want []moved
	}{
		{"unchanged", first, func(a *content.Article) {}, nil},
		{"retitled", first, func(a *content.Article) { a.Title = "New title" }, nil},
		{"date corrected in its month", first,
			func(a *content.Article) { a.Date = day(2025, 3, 26) },
			[]moved{{"date", 3, []string{"the feed id would change from " + firstID + ", as first published (commit abc1234), to tag:bulletin.example.org,2025-03-26:/2025/03/ics-paused/", "set id to " + firstID + " to keep it"}}}},
		{"date corrected, the id kept", first,
			func(a *content.Article) { a.Date, a.ID = day(2025, 3, 26), firstID }, nil},
		{"date moved to another month", first,
			func(a *content.Article) { a.Date = day(2025, 4, 2) },
			[]moved{{"date", 3, []string{"the article was first published at /2025/03/ics-paused/ (commit abc1234), which would no longer lead to it: add /2025/03/ics-paused/ to aliases"}},
				{"date", 3, []string{"the feed id would change"}}}},
		{"an alias put first", first,
			func(a *content.Article) { a.Aliases = []string{"/saf-review/"} },
			[]moved{{"aliases", 9, []string{"the feed id would change from " + firstID}}}},
		{"an alias added after the first address", first,
			func(a *content.Article) {
				a.Slug, a.Aliases = "ics-paused-again", []string{"/2025/03/ics-paused/", "/saf-review/"}
			}, nil},
		{"slug changed without an alias", first,
			func(a *content.Article) { a.Slug = "ics-paused-again" },
			// The old address as the first alias mends both: one error.
			[]moved{{"slug", 8, []string{"the feed id would change", "add /2025/03/ics-paused/ to aliases, which keeps both the id and the old address"}}}},
		// No alias can keep an address that differs from the URL only in
		// case: the slug it had keeps both, where an alias was asked for,
		// which the build then refused.
		{"slug changed only in case", first,
			func(a *content.Article) { a.Slug = "ICS-Paused" },
			[]moved{{"slug", 8, []string{"the feed id would change", "give it slug: ics-paused, as it was, which keeps both the id and the old address"}}}},
		{"slug changed only in case, the id kept", first,
			func(a *content.Article) { a.Slug, a.ID = "ICS-Paused", firstID },
			[]moved{{"slug", 8, []string{"which differs from its URL, /2025/03/ICS-Paused/, only in case or Unicode form", "give it slug: ics-paused, as it was"}}}},
		{"file renamed without an alias", []history.Names{step("abc1234def", committed, "2025-03-27", "articles/2025/2025-03-27-ics-pause.md", "")},
			func(a *content.Article) {},
			[]moved{{"renamed from articles/2025/2025-03-27-ics-pause.md", 1, []string{"the feed id would change", "add /2025/03/ics-pause/ to aliases, which keeps both"}}}},
		{"slug changed, with an alias of another address", first,
			func(a *content.Article) { a.Slug, a.Aliases = "ics-paused-again", []string{"/saf-review/"} },
			[]moved{{"aliases", 9, []string{"the feed id would change", "add /2025/03/ics-paused/ to aliases, first, before /saf-review/, which keeps both"}}}},
		{"slug and the date in its month changed, which one alias cannot mend", first,
			func(a *content.Article) { a.Slug, a.Date = "ics-paused-again", day(2025, 3, 26) },
			[]moved{{"date", 3, []string{"the article was first published at /2025/03/ics-paused/", "add /2025/03/ics-paused/ to aliases"}}, {"date", 3, []string{"the feed id would change", "set id to " + firstID}}}},
		{"id given at first, then deleted", []history.Names{step("abc1234def", committed, "2025-03-27", path, "urn:uuid:1")},
			func(a *content.Article) {},
			[]moved{{"front matter", 1, []string{"the feed id would change from urn:uuid:1, as first published (commit abc1234), to " + firstID}}}},
		{"first version not committed", nil,
			func(a *content.Article) { a.Slug = "ics-paused-again" }, nil},
		{"committed to come out later, then re-dated before it came out", []history.Names{
			step("abc1234def", committed, "2025-04-10", path, ""),
			step("def5678abc", committed.AddDate(0, 0, 4), "2025-03-27", path, "")},
			func(a *content.Article) {}, nil},
		{"committed to come out later, out, then re-dated", []history.Names{
			step("abc1234def", committed, "2025-04-02", path, ""),
			step("def5678abc", committed.AddDate(0, 0, 10), "2025-04-02", path, "")},
			func(a *content.Article) {},
			[]moved{{"date", 3, []string{"the article was first published at /2025/04/ics-paused/ (commit abc1234)"}}, {"date", 3, []string{"the feed id would change from tag:bulletin.example.org,2025-04-02:/2025/04/ics-paused/"}}}},
		{"committed to come out later, still to come", []history.Names{step("abc1234def", committed, "2025-12-01", path, "")},
			func(a *content.Article) { a.Slug = "other" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2025, 3, 27))
			a.File, a.Path, a.Slug = "content/"+path, path, ""
			tt.edit(a)
			if a.Slug == "" {
				a.Slug = content.DefaultSlug(a.Path)
			} else {
				a.Lines.Set("slug", 8)
			}
			a.Lines.Set("date", 3)
			if len(a.Aliases) > 0 {
				a.Lines.Set("aliases", 9)
			}
			if a.ID != "" {
				a.Lines.Set("id", 10)
			}
			h := &history.History{Articles: map[string][]history.Version{path: {{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: tt.was}}}}
			found := told(New(&content.Set{Settings: testSettings(), Articles: []*content.Article{a}}, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)))
			if len(found) != len(tt.want) {
				t.Fatalf("got %d errors, want %d: %v", len(found), len(tt.want), found)
			}
			for i, e := range found {
				w := tt.want[i]
				if !strings.HasPrefix(e.Msg, w.field+": ") || e.File != a.File || e.Line != w.line || e.Warning {
					t.Errorf("error %d at %s:%d (warning %v): %q; want it at line %d, on %s", i, e.File, e.Line, e.Warning, e.Msg, w.line, w.field)
				}
				for _, part := range w.holds {
					if !strings.Contains(e.Msg, part) {
						t.Errorf("error %d: %q does not hold %q", i, e.Msg, part)
					}
				}
			}
		})
	}
}

// told gives what New tells of history: the addresses no alias keeps
// (Site.Moved), then the feed ids changed, which it fails on.
func told(s *Site, err error) content.Errors {
	return append(s.Moved, content.AsErrors(err)...)
}

// moved is an error TestFirstPublished wants: the field it is told at,
// its line, and words it holds.
type moved struct {
	field string
	line  int
	holds []string
}

// TestIDAuthorityChanged checks an article first published when
// site.yaml gave feed ids another authority than it gives now: a site
// moved to a new host keeps its ids only with id_authority set to the
// old one, and that is told once for every article it concerns.
func TestIDAuthorityChanged(t *testing.T) {
	oldID := "tag:old.example.org,2025-03-27:/2025/03/ics-paused/"
	tests := []struct {
		name      string
		authority string // as of the first commit
		edit      func(a *content.Article)
		wantFile  string // where the one error is told; "" for none
		holds     []string
	}{
		{"the same authority", "bulletin.example.org", func(a *content.Article) {}, "", nil},
		{"no authority known then", "", func(a *content.Article) {}, "", nil},
		{"a new host", "old.example.org", func(a *content.Article) {},
			"content/site.yaml", []string{"the feed ids of 1 article would change", "commit abc1234", "authority old.example.org", "now gives bulletin.example.org", "set id_authority: old.example.org"}},
		{"a new host, the id kept by hand", "old.example.org", func(a *content.Article) { a.ID = oldID }, "", nil},
		{"site.yaml broken, its defaults a new host", "old.example.org", func(a *content.Article) {}, "", nil},
		{"a new host and a new date", "old.example.org", func(a *content.Article) { a.Date = day(2025, 3, 26) },
			"content/" + path, []string{"the feed id would change from " + oldID, "set id to " + oldID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2025, 3, 27))
			a.File, a.Path, a.Slug = "content/"+path, path, content.DefaultSlug(path)
			a.Lines.Set("date", 3)
			tt.edit(a)
			was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: "2025-03-27", Path: path, IDAuthority: tt.authority}}
			h := &history.History{Articles: map[string][]history.Version{path: {{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was}}}}
			settings := testSettings()
			settings.Broken = strings.HasPrefix(tt.name, "site.yaml broken")
			found := told(New(&content.Set{Settings: settings, Dir: "content", Articles: []*content.Article{a}}, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)))
			if tt.wantFile == "" {
				if len(found) > 0 {
					t.Errorf("got %v, want no error", found)
				}
				return
			}
			if len(found) != 1 || found[0].File != tt.wantFile {
				t.Fatalf("got %v, want one error in %s", found, tt.wantFile)
			}
			for _, part := range tt.holds {
				if !strings.Contains(found[0].Msg, part) {
					t.Errorf("%q does not hold %q", found[0].Msg, part)
				}
			}
		})
	}
}

// TestIDAuthorityMixed checks a site whose articles were first published
// under two authorities: the advice keeps most of them with id_authority,
// and the others with their own ids, so that following it all at once
// leaves nothing more to do.
func TestIDAuthorityMixed(t *testing.T) {
	tests := []struct {
		name       string
		oldN, nowN int // articles first published under old.example.org, and under today's authority
		want       []string
	}{
		{"most under today's", 1, 2, []string{"content/articles/a0.md: front matter: the article was first published (commit abc1234) with the feed id tag:old.example.org,"}},
		{"most under the old", 3, 2, []string{
			"content/articles/b0.md: front matter: the article was first published (commit abc1234) with the feed id tag:bulletin.example.org,",
			"content/articles/b1.md: front matter",
			"content/site.yaml: the feed ids of 3 articles would change"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var articles []*content.Article
			h := &history.History{Articles: map[string][]history.Version{}}
			add := func(name, authority string, i int) {
				p := "articles/" + name + ".md"
				a := article(name, day(2025, 3, 1+i))
				a.File, a.Path, a.Slug, a.Line = "content/"+p, p, name, 1
				articles = append(articles, a)
				was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: a.Date.Format("2006-01-02"), Path: p, IDAuthority: authority}}
				h.Articles[p] = []history.Version{{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was}}
			}
			for i := range tt.oldN {
				add(fmt.Sprintf("a%d", i), "old.example.org", i)
			}
			for i := range tt.nowN {
				add(fmt.Sprintf("b%d", i), "bulletin.example.org", tt.oldN+i)
			}
			var got []string
			for _, e := range told(New(&content.Set{Settings: testSettings(), Dir: "content", Articles: articles}, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))) {
				got = append(got, e.File+": "+e.Msg)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			slices.Sort(got)
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("error %d: %q\nwant it to start %q", i, got[i], w)
				}
			}
		})
	}
}

// TestUnpublishedDraft warns of an article readers saw that is a draft
// again: its page and feed entries would go without a word to them. A
// draft never published is no news to anyone.
func TestUnpublishedDraft(t *testing.T) {
	for _, tt := range []struct {
		name string
		date string // as first committed
		want string // the warning's start; "" for none
	}{
		{"published, then a draft", "2025-03-27", "draft: the article was published (commit abc1234), and as a draft its page and feed entries go"},
		{"never out before it became a draft", "2025-12-01", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2025, 3, 27))
			a.File, a.Path, a.Draft = "content/"+path, path, true
			a.Lines.Set("draft", 6)
			was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: tt.date, Path: path}}
			h := &history.History{Articles: map[string][]history.Version{path: {{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was}}}}
			found := told(New(&content.Set{Settings: testSettings(), Articles: []*content.Article{a}}, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)))
			switch {
			case tt.want == "" && len(found) > 0:
				t.Errorf("got %v, want nothing", found)
			case tt.want != "" && (len(found) != 1 || !found[0].Warning || found[0].Line != 6 || !strings.HasPrefix(found[0].Msg, tt.want)):
				t.Errorf("got %v, want one warning at line 6 starting %q", found, tt.want)
			}
		})
	}
}

// TestRemovedArticle warns of an article readers saw whose file is gone,
// unless an article keeps its address; one never out is no news.
func TestRemovedArticle(t *testing.T) {
	for _, tt := range []struct {
		name   string
		date   string   // as first committed
		commit string   // that deleted it
		kept   []string // the aliases of another article
		want   string   // the warning; "" for none
	}{
		{"deleted by a commit", "2025-03-27", "fedcba9876", nil,
			"content/" + path + ": warning: deleted by commit fedcba9, but readers saw it (commit abc1234) at /2025/03/ics-paused/ and /2024/11/old-name/, which now lead nowhere, and its feed entries go with no word to subscribers: to take it down, restore the file and set withdrawn, with the date and the reason; if another article replaces it, add /2025/03/ics-paused/ and /2024/11/old-name/ to that article's aliases, after those it has"},
		{"deleted, not committed", "2025-03-27", "", nil,
			"content/" + path + ": warning: deleted, not yet committed, but readers saw it (commit abc1234) at /2025/03/ics-paused/ and /2024/11/old-name/"},
		{"one address kept by another", "2025-03-27", "fedcba9876", []string{"/2025/03/ics-paused/"},
			"content/" + path + ": warning: deleted by commit fedcba9, but readers saw it (commit abc1234) at /2024/11/old-name/, which"},
		{"every address kept by another", "2025-03-27", "fedcba9876", []string{"/2025/03/ics-paused/", "/2024/11/old-name/"}, ""},
		{"never out before it was deleted", "2025-12-01", "fedcba9876", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			other := article("ics-paused-again", day(2025, 4, 2))
			other.File, other.Path = "content/articles/2025/other.md", "articles/2025/other.md"
			other.Aliases = tt.kept
			was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: tt.date, Path: path, Aliases: []string{"/2024/11/old-name"}}}
			h := &history.History{Articles: map[string][]history.Version{}, Removed: []history.Removed{
				{Path: path, Commit: tt.commit, Versions: []history.Version{{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was}}}}}
			found := told(New(&content.Set{Settings: testSettings(), Dir: "content", Articles: []*content.Article{other}}, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)))
			switch {
			case tt.want == "" && len(found) > 0:
				t.Errorf("got %v, want nothing", found)
			case tt.want != "" && (len(found) != 1 || !found[0].Warning || !strings.HasPrefix(found[0].Error(), tt.want)):
				t.Errorf("got %v, want one warning starting %q", found, tt.want)
			}
		})
	}
}

// TestRemovedArticleReplaced stops a build, with or without -strict, where an article readers
// saw is gone and an article of its title and day, which readers have
// not seen, stands in for it, with another feed id: git took the one
// for another where its text changed too much to be found renamed, and
// subscribers would see it again as new. Only a warning said the first
// was deleted.
func TestRemovedArticleReplaced(t *testing.T) {
	const gone = "---\ntitle: Title of ics-paused\ndate: 2025-03-27\nsummary: S.\n---\nThe old text.\n"
	for _, tt := range []struct {
		name    string
		date    time.Time
		seen    bool     // readers saw the new article before
		aliases []string // the new article's
		id      string   // the new article's, as its front matter sets it
		want    string   // the error's start; "" for the deletion's warning, "nothing" for none
	}{
		{"same title and day", day(2025, 3, 27), false, nil, "",
			"content/articles/ics-paused-rewritten.md:4: title: readers saw an article of this title and date at /2025/03/ics-paused/ (commit abc1234), whose file, content/" + path + ", is gone: as that article, its feed id would change from tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused/ to tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused-rewritten/, and subscribers would see it again as new: add /2025/03/ics-paused/ to aliases, first, which keeps both the id and the old address; if this is another article, set its id as it is (id: tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused-rewritten/) to say so"},
		{"another article, by its id", day(2025, 3, 27), false, nil, "tag:bulletin.example.org,2025-03-27:/2025/03/ics-paused-rewritten/", ""},
		{"another day", day(2025, 3, 28), false, nil, "", ""},
		{"seen before", day(2025, 3, 27), true, nil, "", ""},
		{"the alias added", day(2025, 3, 27), false, []string{"/2025/03/ics-paused/"}, "", "nothing"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused-rewritten", tt.date)
			a.Title, a.Aliases = "Title of ics-paused", tt.aliases
			a.ID = tt.id
			a.Lines.Set("title", 4)
			was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: "2025-03-27", Path: path}}
			h := &history.History{Articles: map[string][]history.Version{}, Removed: []history.Removed{
				{Path: path, Commit: "fedcba9876", Versions: []history.Version{{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was, Data: []byte(gone)}}}}}
			if tt.seen {
				h.Articles[a.Path] = []history.Version{{Commit: "0123456789", Time: committed, Note: history.FirstPublished,
					Published: []history.Names{{Commit: "0123456789", Committed: committed, Date: tt.date.Format(time.DateOnly), Path: a.Path}}}}
			}
			s, err := New(&content.Set{Settings: testSettings(), Dir: "content", Articles: []*content.Article{a}}, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
			found := told(s, err)
			switch {
			case tt.want != "" && tt.want != "nothing" && err == nil:
				t.Errorf("got %v and no error; want one that stops the build, as a rename's does", found)
			case tt.want == "nothing" && len(found) > 0:
				t.Errorf("got %v, want nothing", found)
			case tt.want == "nothing":
			case tt.want == "" && (len(found) != 1 || !found[0].Warning || !strings.Contains(found[0].Msg, "deleted by commit")):
				t.Errorf("got %v, want the deletion's warning alone", found)
			case tt.want != "" && (len(found) != 1 || found[0].Warning || !strings.HasPrefix(found[0].Error(), tt.want)):
				t.Errorf("got %v, want one error starting %q", found, tt.want)
			}
		})
	}
}

// TestGroupLost deletes, or makes a draft of, an article readers saw, the
// last to name its topic and regulator: each loses its page and feeds,
// which is told once, unless another article still names it, an intro
// page describes it, or another's intro page takes its address.
func TestGroupLost(t *testing.T) {
	const text = "---\ntitle: ICS paused\ndate: 2025-03-27\nsummary: Paused again.\ntopics: [ICS assessments, Ratings]\nregulators: [CQC]\n---\nBody.\n"
	lost := func(name, url string) string {
		return fmt.Sprintf("no published article names the %s now, so its page %s and its feeds go", name, url)
	}
	for _, tt := range []struct {
		name  string
		draft bool               // made a draft, not deleted
		keep  func(*content.Set) // what keeps a topic or regulator
		want  []string           // the warnings, in order
		edit  func(string) string
	}{
		{"deleted", false, func(*content.Set) {}, []string{
			lost("topic ICS assessments", "/topics/ics-assessments/"), lost("topic Ratings", "/topics/ratings/"), lost("regulator CQC", "/regulators/cqc/")}, nil},
		{"made a draft", true, func(*content.Set) {}, []string{
			lost("topic ICS assessments", "/topics/ics-assessments/"), lost("topic Ratings", "/topics/ratings/"), lost("regulator CQC", "/regulators/cqc/")}, nil},
		{"another article names them", false, func(set *content.Set) {
			set.Articles[0].Topics, set.Articles[0].Regulators = []string{"Ratings", "ics assessments"}, []string{"CQC"}
		}, nil, nil},
		{"an intro page, and another's alias", false, func(set *content.Set) {
			set.Topics = []*content.Page{{Slug: "ics-assessments", Title: "ICS assessments"}, {Slug: "quality", Title: "Quality", Aliases: []string{"/topics/Ratings/"}}}
		}, []string{lost("regulator CQC", "/regulators/cqc/")}, nil},
		{"made a draft on another topic", true, func(*content.Set) {}, []string{
			lost("topic ICS assessments", "/topics/ics-assessments/"), lost("topic Ratings", "/topics/ratings/"), lost("regulator CQC", "/regulators/cqc/")},
			func(text string) string { return strings.Replace(text, "[ICS assessments, Ratings]", "[Workforce]", 1) }},
		{"deleted as a draft", false, func(*content.Set) {}, nil,
			func(text string) string { return strings.Replace(text, "---\nBody", "draft: true\n---\nBody", 1) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set := &content.Set{Settings: testSettings(), Dir: "content", Articles: []*content.Article{article("other", day(2025, 4, 2))}}
			was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: "2025-03-27", Path: path}}
			versions := []history.Version{{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was, Data: []byte(text)}}
			h := &history.History{Articles: map[string][]history.Version{}}
			edit := tt.edit
			if edit == nil {
				edit = func(text string) string { return text }
			}
			if tt.draft {
				a, err := content.Parse("content", path, []byte(edit(strings.Replace(text, "---\nBody", "draft: true\n---\nBody", 1))), &set.Settings)
				if err != nil {
					t.Fatal(err)
				}
				set.Articles = append(set.Articles, a)
				h.Articles[path] = versions
			} else {
				versions = append(versions, history.Version{Commit: "bcd2345ef", Time: committed.Add(time.Hour), Date: "2025-03-28", Note: "Made a draft", Data: []byte(edit(text))})
				h.Removed = []history.Removed{{Path: path, Commit: "fedcba9876", Versions: versions}}
			}
			tt.keep(set)
			s, err := New(set, h, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
			var got []string
			for _, e := range told(s, err) {
				if strings.Contains(e.Msg, "no published article names") {
					line := 0 // the file is gone
					if tt.draft {
						line = 6 // regulators
						if strings.HasPrefix(e.Msg, "topics: ") {
							line = 5
						}
					}
					if !e.Warning || e.File != "content/"+path || e.Line != line {
						t.Errorf("told as %s:%d (warning %v), want a warning at content/%s:%d", e.File, e.Line, e.Warning, path, line)
					}
					got = append(got, e.Msg)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d warnings", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d: %q, want it to say %q", i, got[i], w)
				}
			}
		})
	}
}

// TestUntilACommittedDateArrives commits an article dated after the
// build, then re-dates or drafts it in the work tree: readers see the
// committed version once its date arrives, and the site built then
// tells of it. Until is that moment, so that a build before it is found
// up to date and one after it is not.
func TestUntilACommittedDateArrives(t *testing.T) {
	committed := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	now := committed.Add(time.Hour)
	comes, err := content.ParseDate("2025-06-20", testSettings().Location)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		edit func(a *content.Article)
		want string // what the site built at Until tells
	}{
		{"re-dated before it came out", func(a *content.Article) {}, "date: the article was first published at /2025/06/ics-paused/"},
		{"made a draft before it came out", func(a *content.Article) { a.Draft = true; a.Lines.Set("draft", 6) }, "draft: the article was published"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := article("ics-paused", day(2025, 3, 27))
			a.File, a.Path = "content/"+path, path
			a.Lines.Set("date", 3)
			tt.edit(a)
			was := []history.Names{{Commit: "abc1234def", Committed: committed, Date: "2025-06-20", Path: path}}
			h := &history.History{Articles: map[string][]history.Version{path: {{Commit: "abc1234def", Time: committed, Note: history.FirstPublished, Published: was}}}}
			at := func(now time.Time) (*Site, content.Errors) {
				s, err := New(&content.Set{Settings: testSettings(), Articles: []*content.Article{a}}, h, now)
				return s, told(s, err)
			}
			s, found := at(now)
			if !s.Until.Equal(comes) {
				t.Errorf("Until = %v, want %v, when the committed version comes out", s.Until, comes)
			}
			if len(found) > 0 {
				t.Errorf("built now: got %v, want nothing told", found)
			}
			if _, found := at(comes.Add(-time.Nanosecond)); len(found) > 0 {
				t.Errorf("built just before Until: got %v, want nothing told", found)
			}
			if _, found := at(comes); len(found) == 0 || !strings.HasPrefix(found[0].Msg, tt.want) {
				t.Errorf("built at Until: got %v, want it to start %q", found, tt.want)
			}
		})
	}
}

// TestFlagAuthority warns, at site.yaml, of feed ids whose authority is
// the host of the base URL a build was given, which git does not keep:
// a build given another changed every id without a word.
func TestFlagAuthority(t *testing.T) {
	for _, fromFlag := range []bool{true, false} {
		settings := testSettings()
		settings.FlagAuthority = fromFlag
		s, err := New(&content.Set{Settings: settings, Dir: "content", Articles: []*content.Article{article("a", day(2025, 3, 27))}}, nil, testNow)
		if err != nil {
			t.Fatal(err)
		}
		warned := slices.ContainsFunc(s.Moved, func(e *content.Error) bool {
			return e.Warning && e.File == "content/site.yaml" && strings.Contains(e.Msg, "set id_authority: "+settings.IDAuthority)
		})
		if warned != fromFlag {
			t.Errorf("authority from the flag %v: warnings %v", fromFlag, s.Moved)
		}
	}
}
