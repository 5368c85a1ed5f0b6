package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"html"
	"html/template"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/feeds"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// feedSize is how many of the newest articles a feed carries; enough that
// a reader polling daily never misses an item.
const feedSize = 50

// feed is one subscription: the whole site, or one topic or regulator.
type feed struct {
	Title    string
	Subtitle string
	Page     string // site path of the page the feed follows
	Dir      string // site path the feed files sit in
	Articles []*site.Article
	Updated  time.Time
	ID       string // see newFeed
}

// newFeed is the feed of articles, newest first, that follows the page at
// dir. Its id names it for good: a tag URI from the site's id authority,
// the site's first article's date and the feed's path, so it survives a
// move to a new host as entry ids do.
func (r *renderer) newFeed(title, subtitle, dir string, articles []*site.Article, updated time.Time) *feed {
	first := "2000"
	if n := len(r.site.Articles); n > 0 {
		first = r.site.Articles[n-1].Date.Format("2006-01-02")
	}
	return &feed{Title: title, Subtitle: subtitle, Page: dir, Dir: dir, Articles: articles, Updated: updated,
		ID: "tag:" + r.site.Settings.IDAuthority + "," + first + ":" + dir + atomFile}
}

// feedKey is the key of a feed file: the settings and the feed with
// every article it carries.
func (r *renderer) feedKey(format string, f *feed) func() string {
	return func() string { return r.hash.key(format, r.info, f) }
}

const (
	rssFile  = "feed.xml"
	atomFile = "atom.xml"
	jsonFile = "feed.json"

	rssType  = "application/rss+xml"
	atomType = "application/atom+xml"
	jsonType = "application/feed+json"
)

// MediaType is the media type to serve a file of the site with, for the
// files whose extension does not say it: the feeds and the key dates
// calendars. It is empty for any other file.
func MediaType(name string) string {
	switch path.Base(name) {
	case rssFile:
		return rssType
	case atomFile:
		return atomType
	case jsonFile:
		return jsonType
	case calendarFile:
		return "text/calendar"
	}
	return ""
}

func (f *feed) items() []*site.Article { return f.Articles[:min(feedSize, len(f.Articles))] }

// atomFeed extends gorilla/feeds' AtomFeed with what RFC 4287 allows and
// the generic type lacks: several links, categories with terms, language.
type atomFeed struct {
	XMLName xml.Name `xml:"feed"`
	*feeds.AtomFeed
	Lang    string           `xml:"xml:lang,attr,omitempty"`
	Links   []feeds.AtomLink `xml:"link"`
	Entries []*atomEntry     `xml:"entry"`
}

type atomEntry struct {
	XMLName xml.Name `xml:"entry"`
	*feeds.AtomEntry
	Authors    []*feeds.AtomAuthor `xml:"author"`
	Categories []atomCategory      `xml:"category"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

func (r *renderer) atom(f *feed) ([]byte, error) {
	s := r.site
	budget := r.budget()
	self := r.abs(f.Dir + atomFile)
	out := &atomFeed{
		AtomFeed: &feeds.AtomFeed{
			Xmlns:    "http://www.w3.org/2005/Atom",
			Title:    clean(f.Title),
			Id:       f.ID,
			Updated:  stamp(f.Updated),
			Subtitle: clean(f.Subtitle),
			Author:   &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: clean(s.Settings.Title), Uri: r.abs("/")}},
		},
		Lang: s.Settings.Language,
		Links: []feeds.AtomLink{
			{Href: self, Rel: "self", Type: atomType},
			{Href: r.abs(f.Page), Rel: "alternate", Type: "text/html"},
		},
	}
	for _, a := range f.items() {
		body, err := budget.content(a)
		if err != nil {
			return nil, err
		}
		e := &atomEntry{AtomEntry: &feeds.AtomEntry{
			Title:     clean(a.Title),
			Id:        clean(a.ID),
			Updated:   stamp(a.Modified),
			Published: stamp(a.Date),
			Links:     []feeds.AtomLink{{Href: r.abs(a.URL), Rel: "alternate", Type: "text/html"}},
			Summary:   &feeds.AtomSummary{Content: clean(a.Summary), Type: "text"},
			Content:   &feeds.AtomContent{Content: body, Type: "html"},
		}}
		for _, name := range a.Authors {
			e.Authors = append(e.Authors, &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: clean(name)}})
		}
		for _, g := range categories(a) {
			e.Categories = append(e.Categories, atomCategory{Term: g.Slug, Scheme: r.abs("/" + g.Kind + "/"), Label: clean(g.Name)})
		}
		out.Entries = append(out.Entries, e)
	}
	return marshalXML(out)
}

// rss is RSS 2.0 with the Atom and content namespaces that gorilla/feeds'
// RssFeedXml does not declare together.
type rss struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	ContentNS string      `xml:"xmlns:content,attr"`
	AtomNS    string      `xml:"xmlns:atom,attr"`
	Channel   *rssChannel `xml:"channel"`
}

type rssChannel struct {
	*feeds.RssFeed
	Self  atomLink   `xml:"atom:link"`
	Items []*rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	*feeds.RssItem
	Categories []string `xml:"category"`
}

func (r *renderer) rss(f *feed) ([]byte, error) {
	s := r.site
	// Readers show a channel's description as HTML, as they do an item's,
	// so both are escaped: a topic summary of "<b>" must not become markup.
	ch := &rssChannel{
		RssFeed: &feeds.RssFeed{
			Title:         clean(f.Title),
			Link:          r.abs(f.Page),
			Description:   clean(html.EscapeString(f.Subtitle)),
			Language:      s.Settings.Language,
			LastBuildDate: f.Updated.Format(time.RFC1123Z),
		},
		Self: atomLink{Href: r.abs(f.Dir + rssFile), Rel: "self", Type: rssType},
	}
	budget := r.budget()
	for _, a := range f.items() {
		body, err := budget.content(a)
		if err != nil {
			return nil, err
		}
		it := &rssItem{RssItem: &feeds.RssItem{
			Title:       clean(a.Title),
			Link:        r.abs(a.URL),
			Description: clean(html.EscapeString(a.Summary)),
			Content:     &feeds.RssContent{Content: body},
			Guid:        &feeds.RssGuid{Id: clean(a.ID), IsPermaLink: "false"},
			PubDate:     a.Date.Format(time.RFC1123Z),
		}}
		for _, g := range categories(a) {
			it.Categories = append(it.Categories, clean(g.Name))
		}
		ch.Items = append(ch.Items, it)
	}
	return marshalXML(&rss{Version: "2.0", ContentNS: "http://purl.org/rss/1.0/modules/content/", AtomNS: "http://www.w3.org/2005/Atom", Channel: ch})
}

func (r *renderer) jsonFeed(f *feed) ([]byte, error) {
	s := r.site
	out := &feeds.JSONFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       clean(f.Title),
		Language:    s.Settings.Language,
		HomePageUrl: r.abs(f.Page),
		FeedUrl:     r.abs(f.Dir + jsonFile),
		Description: clean(f.Subtitle),
		Authors:     []*feeds.JSONAuthor{{Name: clean(s.Settings.Title), Url: r.abs("/")}},
		Items:       []*feeds.JSONItem{},
	}
	budget := r.budget()
	for _, a := range f.items() {
		body, err := budget.content(a)
		if err != nil {
			return nil, err
		}
		published, modified := a.Date, a.Modified
		it := &feeds.JSONItem{
			Id:            clean(a.ID),
			Url:           r.abs(a.URL),
			Title:         clean(a.Title),
			ContentHTML:   body,
			Summary:       clean(a.Summary),
			PublishedDate: &published,
			ModifiedDate:  &modified,
		}
		for _, name := range a.Authors {
			it.Authors = append(it.Authors, &feeds.JSONAuthor{Name: clean(name)})
		}
		for _, g := range categories(a) {
			it.Tags = append(it.Tags, clean(g.Name))
		}
		out.Items = append(out.Items, it)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func categories(a *site.Article) []*site.Ref {
	return append(append([]*site.Ref(nil), a.Topics...), a.Regulators...)
}

// budget is what is left of a feed file's allowance for full text.
type budget struct {
	r     *renderer
	entry int // bytes, the most one entry's full text may take
	left  int // bytes
}

func (r *renderer) budget() *budget {
	st := r.site.Settings
	return &budget{r: r, entry: cmp.Or(st.FeedEntryKB, content.DefaultFeedEntryKB) * 1000, left: cmp.Or(st.FeedKB, content.DefaultFeedKB) * 1000}
}

// content is an article's content in the feed: its full text (see
// entryHTML) while that is within the entry's limit and the feed's
// budget, else its summary and a link to the article, so that a feed
// stays a size readers can fetch without leaving out any entry.
func (b *budget) content(a *site.Article) (string, error) {
	full, err := b.r.entryHTML(a)
	if err != nil {
		return "", err
	}
	if len(full) <= b.entry && len(full) <= b.left {
		b.left -= len(full)
		return full, nil
	}
	return "<p>" + template.HTMLEscapeString(a.Summary) + "</p>\n<p><a href=\"" + template.HTMLEscapeString(b.r.abs(a.URL)) + "\">Read the full article</a>.</p>\n", nil
}

// entryHTML is the article as a feed carries it: the newest change note
// first when the article was updated, then the body with absolute URLs,
// cleaned for XML. It is made once for each article and shared by the
// RSS, Atom and JSON files of every feed that carries it, since a long
// body takes a while to rewrite, and forgotten once the last has.
func (r *renderer) entryHTML(a *site.Article) (string, error) {
	entry, _ := r.entries.LoadOrStore(a, sync.OnceValues(func() (string, error) { return r.makeEntryHTML(a) }))
	html, err := entry.(func() (string, error))()
	if n := r.entryUses[a]; n != nil && n.Add(-1) == 0 {
		r.entries.Delete(a)
	}
	return html, err
}

func (r *renderer) makeEntryHTML(a *site.Article) (string, error) {
	body, err := a.Body()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if n := len(a.Changes); n > 0 {
		newest := a.Changes[0]
		for _, c := range a.Changes[1:] {
			if c.Date.After(newest.Date) {
				newest = c
			}
		}
		b.WriteString("<p><strong>Updated " + newest.Date.Format("2 January 2006") + ":</strong> " + template.HTMLEscapeString(newest.Note) + "</p>\n")
	}
	if a.Withdrawn != nil {
		b.WriteString("<p><strong>Withdrawn " + a.Withdrawn.Date.Format("2 January 2006") + ":</strong> " + template.HTMLEscapeString(a.Withdrawn.Explanation) + "</p>\n")
	}
	b.WriteString(r.absBody(a.URL, body))
	return clean(b.String()), nil
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// clean drops the characters XML 1.0 forbids, so a feed stays
// well-formed whatever an article contains.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return -1
	}, s)
}
