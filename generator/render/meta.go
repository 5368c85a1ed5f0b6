package render

import (
	"cmp"
	"encoding/json"
	"html/template"
	"time"

	"bulletin/generator/site"
)

// AsOf is the date the page's content last changed, for "last updated"
// notes: a page does not change when unrelated articles do. An article's
// page was last updated at its own last change, or at the newer news it
// shows beside it, where its topics stand now and the newer article on
// one of them, whichever came last.
func (p *Page) AsOf() time.Time {
	switch {
	case p.Article != nil:
		t := p.Article.Modified
		for _, s := range p.Standing {
			if s.Since.Time.After(t) {
				t = s.Since.Time
			}
		}
		if n := p.Article.Newer; n != nil && n.Modified.After(t) {
			t = n.Modified
		}
		return t
	case p.Group != nil:
		return p.Group.Updated
	case p.Month != nil:
		return newest(p.Month.Articles)
	case p.Year != nil:
		var t time.Time
		for _, m := range p.Year.Months {
			if n := newest(m.Articles); n.After(t) {
				t = n
			}
		}
		return t
	case p.Timeline != nil:
		var t time.Time
		for _, m := range p.Timeline.Months {
			if n := newest(m.Articles); n.After(t) {
				t = n
			}
		}
		return t
	}
	return p.Updated
}

func newest(articles []*site.Teaser) time.Time {
	var t time.Time
	for _, a := range articles {
		if a.Modified.After(t) {
			t = a.Modified
		}
	}
	return t
}

type thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type creativeWork struct {
	Type      string `json:"@type"`
	Name      string `json:"name"`
	URL       string `json:"url,omitempty"`
	Publisher *thing `json:"publisher,omitempty"`
	Date      string `json:"datePublished,omitempty"`
}

type newsArticle struct {
	Context       string         `json:"@context"`
	Type          string         `json:"@type"`
	Headline      string         `json:"headline"`
	Description   string         `json:"description"`
	URL           string         `json:"url"`
	Published     string         `json:"datePublished"`
	Modified      string         `json:"dateModified"`
	Authors       []thing        `json:"author,omitempty"`
	Publisher     thing          `json:"publisher"`
	About         []thing        `json:"about,omitempty"`
	Citations     []creativeWork `json:"citation,omitempty"`
	Language      string         `json:"inLanguage"`
	SpatialCovers []string       `json:"spatialCoverage,omitempty"`
}

type collectionPage struct {
	Context     string  `json:"@context"`
	Type        string  `json:"@type"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	URL         string  `json:"url"`
	Modified    string  `json:"dateModified,omitempty"`
	Language    string  `json:"inLanguage"`
	Publisher   thing   `json:"publisher"`
	Parts       []thing `json:"hasPart,omitempty"`
}

// JSONLD is the page's schema.org description: a NewsArticle for an
// article, a CollectionPage for a topic or regulator, else nothing.
// json.Marshal escapes <, > and &, so no value can close the script.
func (p *Page) JSONLD() template.JS {
	set := p.Site.Settings
	publisher := thing{Type: "Organization", Name: set.Title, URL: p.Abs("/")}
	var v any
	switch {
	case p.Article != nil:
		a := p.Article
		n := newsArticle{
			Context: "https://schema.org", Type: "NewsArticle",
			Headline: a.Title, Description: a.Summary, URL: p.Canonical,
			Published: a.Date.Format(time.RFC3339), Modified: a.Modified.Format(time.RFC3339),
			Publisher: publisher, Language: cmp.Or(a.Lang, set.Language), SpatialCovers: a.AppliesTo,
		}
		for _, name := range a.Authors {
			n.Authors = append(n.Authors, thing{Type: "Person", Name: name})
		}
		for _, g := range a.Topics {
			n.About = append(n.About, thing{Type: "Thing", Name: g.Name, URL: p.Abs(g.URL)})
		}
		for _, s := range a.Sources {
			c := creativeWork{Type: "CreativeWork", Name: s.Title, URL: p.r.sourceLink(s)}
			if s.Publisher != "" {
				c.Publisher = &thing{Type: "Organization", Name: s.Publisher}
			}
			if !s.Date.IsZero() {
				c.Date = whenISO(s.Date)
			}
			n.Citations = append(n.Citations, c)
		}
		v = n
	case p.Group != nil:
		g := p.Group
		c := collectionPage{
			Context: "https://schema.org", Type: "CollectionPage",
			Name: p.Title, Description: p.Description, URL: p.Canonical,
			Language: set.Language, Publisher: publisher,
		}
		if !g.Updated.IsZero() {
			c.Modified = g.Updated.Format(time.RFC3339)
		}
		listed := g.Articles[:min(feedSize, len(g.Articles))]
		if p.Timeline != nil {
			listed = p.Timeline.Articles()
		}
		for _, a := range listed {
			c.Parts = append(c.Parts, thing{Type: "NewsArticle", Name: a.Title, URL: p.Abs(a.URL)})
		}
		v = c
	default:
		return ""
	}
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(data)
}
