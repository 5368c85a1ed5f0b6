package render

import (
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
	key := func(p *Page) string { return (&hasher{}).key("article.html", p) }
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
			(&hasher{}).key(v)
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
