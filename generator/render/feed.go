package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// feedSize is how many articles a feed carries, those changed last;
// enough that a reader polling daily never misses an item.
const feedSize = 50

// feed is one subscription: the whole site, or one topic or regulator.
type feed struct {
	Title    string
	Subtitle string
	Page     string          // site path of the page the feed follows
	Dir      string          // site path the feed files sit in
	Articles []*site.Article // the newest, as many as a feed carries
	Updated  time.Time
	ID       string // see newFeed
	// Statuses names the categorization scheme of the articles' statuses,
	// a tag URI minted as ID is, since no page of the site lists them.
	Statuses string
}

// newFeed is the feed of articles, newest first, that follows the page at
// dir; it carries those changed last, newest first (see lastChanged), and
// its key follows those alone. Its id names it for good (see feedID).
func (r *renderer) newFeed(title, subtitle, dir string, articles []*site.Teaser, updated time.Time) *feed {
	changed := lastChanged(articles, feedSize)
	items := make([]*site.Article, len(changed))
	for i, t := range changed {
		items[i] = site.Full(t)
	}
	return &feed{Title: title, Subtitle: subtitle, Page: dir, Dir: dir, Articles: items, Updated: updated,
		ID: r.feedID(dir), Statuses: r.tag() + "statuses"}
}

// Fed gives the articles, of articles newest first, that a feed of them
// carries: those changed last (see lastChanged).
func Fed(articles []*site.Teaser) []*site.Teaser { return lastChanged(articles, feedSize) }

// lastChanged gives the n articles, of articles newest first, changed
// last: published, updated or withdrawn (see site.Teaser.Modified), the
// newest first on a tie; in their order. A correction or a withdrawal of
// an article older than the n newest so reaches the feed's subscribers.
func lastChanged(articles []*site.Teaser, n int) []*site.Teaser {
	// The places in articles of the n changed last, the last change first.
	top := make([]int, 0, min(n, len(articles)))
	for i, a := range articles {
		if len(top) == n && !a.Modified.After(articles[top[n-1]].Modified) {
			continue
		}
		// Its place: after every article changed at the same time or
		// later, which came before it.
		at, _ := slices.BinarySearchFunc(top, a.Modified, func(j int, m time.Time) int {
			if articles[j].Modified.Before(m) {
				return 1
			}
			return -1
		})
		if len(top) == n {
			top = top[:n-1]
		}
		top = slices.Insert(top, at, i)
	}
	slices.Sort(top)
	out := make([]*site.Teaser, len(top))
	for k, i := range top {
		out[k] = articles[i]
	}
	return out
}

// feedID is the id of the feeds first published in dir: a tag URI from
// the site's id authority and the feed's path, so that it survives a move
// to a new host as entry ids do.
func (r *renderer) feedID(dir string) string { return r.tag() + dir + atomFile }

// tag starts the tag URIs the feeds mint. A tag URI holds a date on which
// the authority was held; the feeds' is fixed, since no edit, deletion or
// older article moving in may change a feed's id: a date taken from the
// articles would (RFC 4287 4.2.6: an id never changes).
func (r *renderer) tag() string {
	return "tag:" + r.site.Settings.IDAuthority + "," + feedTagDate + ":"
}

// feedTagDate is the date of the feeds' tag URIs, a year as RFC 4151
// allows.
const feedTagDate = "2000"

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

// IsFeed reports whether a file of the site, by its slash-separated
// path, is a feed: an RSS, Atom or JSON Feed file, which names the WebSub
// hubs and is what a hub is told about.
func IsFeed(name string) bool {
	switch path.Base(name) {
	case rssFile, atomFile, jsonFile:
		return true
	}
	return false
}

// atomFeed extends gorilla/feeds' AtomFeed with what RFC 4287 allows and
// the generic type lacks: several links, categories with terms, language.
type atomFeed struct {
	XMLName xml.Name `xml:"feed"`
	*feeds.AtomFeed
	Lang    string       `xml:"xml:lang,attr,omitempty"`
	Links   []atomLink   `xml:"link"`
	Entries []*atomEntry `xml:"entry"`
}

type atomEntry struct {
	XMLName xml.Name `xml:"entry"`
	*feeds.AtomEntry
	// Title and Summary stand in for AtomEntry's, to say the article's
	// language where it is not the feed's: the entry's other text, and
	// its content around the body, is the site's.
	Title      atomText            `xml:"title"`
	Summary    atomText            `xml:"summary"`
	Links      []atomLink          `xml:"link"`
	Authors    []*feeds.AtomAuthor `xml:"author"`
	Categories []atomCategory      `xml:"category"`
}

// atomText is an Atom text construct with its language.
type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Lang string `xml:"xml:lang,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

// atomLink is an Atom link, in an Atom feed or, as atom:link, in RSS.
type atomLink struct {
	Href  string `xml:"href,attr"`
	Rel   string `xml:"rel,attr"`
	Type  string `xml:"type,attr,omitempty"`
	Title string `xml:"title,attr,omitempty"`
}

// selfAndHubs are the links every feed file gives of itself: to itself,
// of the type given, and to each WebSub hub (W3C WebSub, Discovery), so
// that a subscriber learns where to subscribe and under which URL.
func (r *renderer) selfAndHubs(self, mediaType string) []atomLink {
	links := []atomLink{{Href: self, Rel: "self", Type: mediaType}}
	for _, hub := range r.site.Settings.WebSubHubs {
		links = append(links, atomLink{Href: hub, Rel: "hub"})
	}
	return links
}

func (r *renderer) atom(f *feed, w *bytes.Buffer) error {
	s := r.site
	budget := r.budget()
	out := &atomFeed{
		AtomFeed: &feeds.AtomFeed{
			Xmlns:    "http://www.w3.org/2005/Atom",
			Title:    clean(f.Title),
			Id:       f.ID,
			Updated:  stamp(f.Updated),
			Subtitle: clean(f.Subtitle),
			Author:   &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: clean(s.Settings.Title), Uri: r.abs("/")}},
		},
		Lang:  s.Settings.Language,
		Links: slices.Insert(r.selfAndHubs(r.abs(f.Dir+atomFile), atomType), 1, atomLink{Href: r.abs(f.Page), Rel: "alternate", Type: "text/html"}),
	}
	for _, a := range f.Articles {
		body, err := budget.content(a)
		if err != nil {
			return err
		}
		e := &atomEntry{
			AtomEntry: &feeds.AtomEntry{
				Id:        clean(a.ID),
				Updated:   stamp(a.Modified),
				Published: stamp(a.Date),
				Content:   &feeds.AtomContent{Content: body, Type: "html"},
			},
			Title:   atomText{Lang: a.Lang, Text: clean(entryTitle(a))},
			Summary: atomText{Type: "text", Lang: a.Lang, Text: clean(summary(a))},
			Links:   []atomLink{{Href: r.abs(a.URL), Rel: "alternate", Type: "text/html"}},
		}
		// Each source the article rests on is a related resource.
		for _, src := range a.Sources {
			if link := r.sourceLink(src); link != "" {
				e.Links = append(e.Links, atomLink{Href: link, Rel: "related", Title: clean(src.Title)})
			}
		}
		for _, name := range a.Authors {
			e.Authors = append(e.Authors, &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: clean(name)}})
		}
		for _, g := range categories(a) {
			e.Categories = append(e.Categories, atomCategory{Term: g.Slug, Scheme: r.abs("/" + g.Kind + "/"), Label: clean(g.Name)})
		}
		if st := liveStatus(a); st != nil {
			e.Categories = append(e.Categories, atomCategory{Term: st.Key, Scheme: f.Statuses, Label: clean(st.Label)})
		}
		out.Entries = append(out.Entries, e)
	}
	return marshalXML(w, out)
}

// rss is RSS 2.0 with the Atom, content and Dublin Core namespaces, which
// gorilla/feeds' RssFeedXml does not declare.
type rss struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	ContentNS string      `xml:"xmlns:content,attr"`
	AtomNS    string      `xml:"xmlns:atom,attr"`
	DCNS      string      `xml:"xmlns:dc,attr"`
	Channel   *rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string     `xml:"title"`
	Link          string     `xml:"link"`
	Description   rssHTML    `xml:"description"`
	Language      string     `xml:"language,omitempty"`
	LastBuildDate string     `xml:"lastBuildDate,omitempty"` // none for a site with no article yet
	Links         []atomLink `xml:"atom:link"`
	Items         []*rssItem `xml:"item"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	Description rssHTML `xml:"description"`
	Content     *feeds.RssContent
	Creators    []string      `xml:"dc:creator"`
	Language    string        `xml:"dc:language,omitempty"` // the article's, where it is not the channel's
	Categories  []rssCategory `xml:"category"`
	Guid        *feeds.RssGuid
	PubDate     string `xml:"pubDate"`
}

// rssHTML is an RSS description: HTML, as RSS 2.0 defines it, in a CDATA
// section, so that the text's own escapes are the only ones (see htmlText).
type rssHTML struct {
	HTML string `xml:",cdata"`
}

type rssCategory struct {
	Domain string `xml:"domain,attr,omitempty"`
	Name   string `xml:",chardata"`
}

func (r *renderer) rss(f *feed, w *bytes.Buffer) error {
	s := r.site
	ch := &rssChannel{
		Title:       clean(f.Title),
		Link:        r.abs(f.Page),
		Description: rssHTML{htmlText(clean(f.Subtitle))},
		Language:    s.Settings.Language,
		Links:       r.selfAndHubs(r.abs(f.Dir+rssFile), rssType),
	}
	if !f.Updated.IsZero() {
		ch.LastBuildDate = f.Updated.Format(time.RFC1123Z)
	}
	budget := r.budget()
	for _, a := range f.Articles {
		body, err := budget.content(a)
		if err != nil {
			return err
		}
		it := &rssItem{
			Title:       clean(entryTitle(a)),
			Link:        r.abs(a.URL),
			Description: rssHTML{htmlText(clean(summary(a)))},
			Content:     &feeds.RssContent{Content: body},
			Guid:        &feeds.RssGuid{Id: clean(a.ID), IsPermaLink: "false"},
			PubDate:     a.Date.Format(time.RFC1123Z),
			Language:    a.Lang,
		}
		// RSS 2.0's author is an email address; Dublin Core's creator is
		// a name, one element for each.
		for _, name := range a.Authors {
			it.Creators = append(it.Creators, clean(name))
		}
		for _, g := range categories(a) {
			it.Categories = append(it.Categories, rssCategory{Name: clean(g.Name)})
		}
		if st := liveStatus(a); st != nil {
			it.Categories = append(it.Categories, rssCategory{Domain: f.Statuses, Name: clean(st.Label)})
		}
		ch.Items = append(ch.Items, it)
	}
	return marshalXML(w, &rss{Version: "2.0", ContentNS: "http://purl.org/rss/1.0/modules/content/", AtomNS: "http://www.w3.org/2005/Atom", DCNS: "http://purl.org/dc/elements/1.1/", Channel: ch})
}

// jsonFeed is a JSON Feed whose items may say their language, which
// gorilla/feeds' item type has no field for; its Items stand in for the
// embedded feed's.
type jsonFeed struct {
	*feeds.JSONFeed
	Items []*jsonItem `json:"items"`
}

type jsonItem struct {
	*feeds.JSONItem
	Language string `json:"language,omitempty"` // the article's, where it is not the feed's
}

func (r *renderer) jsonFeed(f *feed, w *bytes.Buffer) error {
	s := r.site
	out := &jsonFeed{Items: []*jsonItem{}}
	out.JSONFeed = &feeds.JSONFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       clean(f.Title),
		Language:    s.Settings.Language,
		HomePageUrl: r.abs(f.Page),
		FeedUrl:     r.abs(f.Dir + jsonFile),
		Description: clean(f.Subtitle),
		Authors:     []*feeds.JSONAuthor{{Name: clean(s.Settings.Title), Url: r.abs("/")}},
	}
	for _, hub := range s.Settings.WebSubHubs {
		out.Hubs = append(out.Hubs, &feeds.JSONHub{Type: "WebSub", Url: hub})
	}
	budget := r.budget()
	for _, a := range f.Articles {
		body, err := budget.content(a)
		if err != nil {
			return err
		}
		published, modified := a.Date, a.Modified
		it := &feeds.JSONItem{
			Id:            clean(a.ID),
			Url:           r.abs(a.URL),
			Title:         clean(entryTitle(a)),
			ContentHTML:   body,
			Summary:       clean(summary(a)),
			PublishedDate: &published,
			ModifiedDate:  &modified,
		}
		for _, name := range a.Authors {
			it.Authors = append(it.Authors, &feeds.JSONAuthor{Name: clean(name)})
		}
		for _, g := range categories(a) {
			it.Tags = append(it.Tags, clean(g.Name))
		}
		// JSON Feed's tags have no scheme: the status is one more tag,
		// its label, as RSS names it in its own domain.
		if st := liveStatus(a); st != nil && !slices.Contains(it.Tags, clean(st.Label)) {
			it.Tags = append(it.Tags, clean(st.Label))
		}
		out.Items = append(out.Items, &jsonItem{JSONItem: it, Language: a.Lang})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func categories(a *site.Article) []*site.Ref {
	return append(append([]*site.Ref(nil), a.Topics...), a.Regulators...)
}

// entryTitle is an article's title as a feed entry carries it: marked
// when the article is withdrawn, as GOV.UK marks it, so that a reader
// who lists only titles sees it taken back.
func entryTitle(a *site.Article) string {
	if a.Withdrawn != nil {
		return "[Withdrawn] " + a.Title
	}
	return a.Title
}

// liveStatus is an article's status as its entry tells it: none once it
// is withdrawn, as what it said of the matter was taken back.
func liveStatus(a *site.Article) *content.Status {
	if a.Withdrawn != nil {
		return nil
	}
	return a.Status
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }

func marshalXML(w *bytes.Buffer, v any) error {
	w.WriteString(xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	w.WriteByte('\n')
	return nil
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
