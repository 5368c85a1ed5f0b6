package render

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// TestKeyFollowsEveryField wants a key to change with any exported field
// reached through pointers, slices and maps, to stay the same for equal
// data and for a time read back with another zone name at the same
// offset, and to stand an article read from a file for its Source.
func TestKeyFollowsEveryField(t *testing.T) {
	base := func() *Page {
		a := &site.Article{Teaser: site.Teaser{Meta: &content.Meta{Title: "T", Authors: []string{"Ann"}, Date: day("2025-03-27")},
			URL: "/2025/03/t/", Topics: []*site.Ref{{Name: "ICS", URL: "/topics/ics/"}}},
			Content: &content.Article{Source: "s1"}}
		return &Page{Kind: "article", Article: a, Site: &SiteInfo{Settings: content.Settings{Title: "B"}}}
	}
	key := func(p *Page) string { return newHasher(&site.Site{}).key("article.html", p) }
	want := key(base())
	if got := key(base()); got != want {
		t.Fatalf("equal pages have keys %s and %s", got, want)
	}
	changes := map[string]func(p *Page){
		"an author":          func(p *Page) { p.Article.Authors = []string{"Bo"} },
		"a topic's name":     func(p *Page) { p.Article.Topics[0].Name = "ICS2" },
		"the source":         func(p *Page) { p.Article.Content.Source = "s2" },
		"a setting":          func(p *Page) { p.Site.Settings.Notice = "n" },
		"a related teaser":   func(p *Page) { p.Article.Related = []*site.Teaser{{Meta: &content.Meta{Title: "R"}}} },
		"the instant":        func(p *Page) { p.Article.Date = p.Article.Date.Add(time.Second) },
		"the settings' map":  func(p *Page) { p.Site.Settings.Statuses = []content.Status{{Key: "k"}} },
		"a page's own field": func(p *Page) { p.Title = "other" },
	}
	for name, change := range changes {
		p := base()
		change(p)
		if key(p) == want {
			t.Errorf("changing %s leaves the key as it was", name)
		}
	}
	p := base()
	p.Article.Content.HTML = "<p>a body the source stands for</p>"
	if key(p) != want {
		t.Error("an article read from a file is not keyed by its Source alone")
	}
	p = base()
	_, offset := p.Article.Date.Zone()
	p.Article.Date = p.Article.Date.In(time.FixedZone("", offset))
	if key(p) != want {
		t.Error("the same instant at the same offset, without the zone's name, changes the key")
	}
}

// TestKeyRefusesWhatItCannotCover wants a cycle or a function in page
// data to stop the build as a bug, rather than give a key.
func TestKeyRefusesWhatItCannotCover(t *testing.T) {
	type node struct {
		Next *node
		Fn   func()
	}
	cyclic := &node{}
	cyclic.Next = cyclic
	for name, v := range map[string]any{"a cycle": cyclic, "a function": &node{Fn: func() {}}} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "render: page data") {
					t.Errorf("%s: got %v, want a panic that names page data", name, r)
				}
			}()
			newHasher(&site.Site{}).key(v)
		}()
	}
}

// TestKeyOfTeaserFollowsFrontMatter wants an article's teaser, on
// another article's page, to stand for its front matter alone: an edit
// to the teaser's article's body (a new Source) leaves the page's key as
// it was, and an edit to its front matter (a new MetaSource) changes it.
func TestKeyOfTeaserFollowsFrontMatter(t *testing.T) {
	key := func(source, metaSource string) string {
		c := &content.Article{Source: source, MetaSource: metaSource, Meta: content.Meta{Title: "T"}}
		a := &site.Article{Teaser: site.Teaser{Meta: &c.Meta, URL: "/t/"}, Content: c}
		other := &site.Article{Teaser: site.Teaser{Meta: &content.Meta{Title: "O"}, URL: "/o/"},
			Content: &content.Article{Source: "o"}, Related: []*site.Teaser{&a.Teaser}}
		s := &site.Site{Articles: []*site.Article{a, other}}
		return newHasher(s).key("article.html", &Page{Kind: "article", Article: other})
	}
	want := key("body 1", "front 1")
	if got := key("body 2", "front 1"); got != want {
		t.Errorf("after a body edit: key %s, want %s as before", got, want)
	}
	if got := key("body 1", "front 2"); got == want {
		t.Errorf("after a front matter edit: key unchanged %s", got)
	}
}

// TestEditRemakesWhatShowsIt plans a site of 120 articles on two topics
// and one regulator, edits its oldest article, which no feed carries,
// and wants the files whose keys change: for a body edit, its page
// alone; for a title edit, also every list that shows its teaser.
func TestEditRemakesWhatShowsIt(t *testing.T) {
	const n = 120
	set := func(edit func(a *content.Article)) *content.Set {
		s := fixture()
		s.Articles = nil
		for i := range n {
			a := &content.Article{Meta: content.Meta{
				Title:      fmt.Sprintf("Article %d", i),
				Summary:    "A summary.",
				Date:       day("2025-06-01").AddDate(0, 0, -7*i),
				Topics:     []string{[]string{"ICS assessments", "Provider registration"}[i%2]},
				Regulators: []string{"CQC"},
				Slug:       fmt.Sprintf("article-%d", i),
			}, HTML: fmt.Sprintf("<p>Body %d.</p>\n", i)}
			a.Path = fmt.Sprintf("articles/article-%d.md", i)
			a.File, a.Line, a.BodyLine = "content/"+a.Path, 1, 9
			a.Source, a.MetaSource = "body "+a.Path, "front "+a.Path
			if i == n-1 {
				edit(a)
			}
			s.Articles = append(s.Articles, a)
		}
		return s
	}
	keys := func(set *content.Set) map[string]string {
		t.Helper()
		s, err := site.New(set, nil, buildDay)
		if err != nil {
			t.Fatal(err)
		}
		files, err := Plan(os.DirFS(filepath.Join(moduleRoot(t), "templates")), "templates", s)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, j := range files.jobs {
			if j.keyed() {
				out[j.name] = j.keyOf()
			}
		}
		return out
	}
	changed := func(edit func(a *content.Article)) []string {
		before, after := keys(set(func(*content.Article) {})), keys(set(edit))
		var names []string
		for name, key := range after {
			if before[name] != key {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return names
	}
	page := "2023/02/article-119/index.html"
	if got, want := changed(func(a *content.Article) {
		a.HTML, a.Source = "<p>Another body.</p>\n", "body 2"
	}), []string{page}; !slices.Equal(got, want) {
		t.Errorf("a body edit remakes %q, want %q alone", got, want)
	}
	got := changed(func(a *content.Article) { a.Title, a.MetaSource = "Another title", "front 2" })
	for _, want := range []string{page, "2023/index.html", "2023/02/index.html", "timeline/page/1/index.html",
		"topics/provider-registration/page/1/index.html", "regulators/cqc/page/1/index.html", "topics/provider-registration/index.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("a title edit leaves %s as it was; remade: %q", want, got)
		}
	}
}
