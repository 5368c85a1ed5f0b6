package render

import (
	"cmp"
	"html/template"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// A feed entry is read away from the site, so it carries what the
// article's page says around the body: what changed last (first, in the
// summary and the content alike), the status, the sources, and, in each
// format's own fields, the authors.

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
// budget, else its summary and a link to the article, between the same
// facts as the full text, so that a feed stays a size readers can fetch
// without leaving out any entry or any fact.
func (b *budget) content(a *site.Article) (string, error) {
	full, err := b.r.entryHTML(a)
	if err != nil {
		return "", err
	}
	if len(full) <= b.entry && len(full) <= b.left {
		b.left -= len(full)
		return full, nil
	}
	short := b.r.entryHead(a) +
		ownWords(a, "<p>"+htmlText(a.Summary)+"</p>\n") + "<p><a href=\"" + template.HTMLEscapeString(b.r.abs(a.URL)) + "\">Read the full article</a>.</p>\n" +
		b.r.entryTail(a)
	return clean(short), nil
}

// entryHTML is the article as a feed carries it: its facts (entryHead),
// the body with absolute URLs, its sources (entryTail), cleaned for XML.
// It is made once for each article and shared by the RSS, Atom and JSON
// files of every feed that carries it, since a long body takes a while
// to rewrite, and forgotten once the last has.
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
	return clean(r.entryHead(a) + ownWords(a, r.absBody(a.URL, body)) + r.entryTail(a)), nil
}

// ownWords marks the HTML of an article's own words with its language,
// and direction, where it is not the site's: an entry's facts and
// sources around them are the site's.
func ownWords(a *site.Article, html string) string {
	if a.Lang == "" {
		return html
	}
	attrs := ` lang="` + template.HTMLEscapeString(a.Lang) + `"`
	if d := direction(a.Lang); d != "" {
		attrs += ` dir="` + d + `"`
	}
	return "<div" + attrs + ">\n" + html + "</div>\n"
}

// entryHead is what an entry says before the body: what changed last,
// then the status, unless the article is withdrawn.
func (r *renderer) entryHead(a *site.Article) string {
	var b strings.Builder
	for _, n := range notices(a) {
		b.WriteString("<p><strong>" + n.lead() + ":</strong> " + htmlText(n.text))
		if n.url != "" {
			b.WriteString(` (<a href="` + template.HTMLEscapeString(r.abs(n.url)) + `">see what changed</a>)`)
		}
		b.WriteString("</p>\n")
	}
	if st := liveStatus(a); st != nil {
		b.WriteString("<p><strong>Status:</strong> " + htmlText(st.Label) + "</p>\n")
	}
	return b.String()
}

// entryTail is what an entry says after the body: the sources, as the
// article's page lists them.
func (r *renderer) entryTail(a *site.Article) string {
	sources := a.Sources
	if len(sources) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<h2>Sources</h2>\n<ul>\n")
	for _, s := range sources {
		b.WriteString("<li>")
		if link := r.sourceLink(s); link != "" {
			b.WriteString(`<a href="` + template.HTMLEscapeString(link) + `">` + htmlText(s.Title) + "</a>")
		} else {
			b.WriteString(htmlText(s.Title))
		}
		if s.Publisher != "" {
			b.WriteString(", " + htmlText(s.Publisher))
		}
		if !s.Date.IsZero() {
			b.WriteString(", " + when(s.Date))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	return b.String()
}

// notice is a dated line that says what changed last about an article.
type notice struct {
	label string // Updated or Withdrawn
	date  time.Time
	text  string
	url   string // site path of the page that shows what the update changed; empty if none
}

// notices are what changed last about an article, said first in its
// entry: its newest change note, with the page of the version it began,
// and its withdrawal.
func notices(a *site.Article) []notice {
	var out []notice
	if len(a.History) > 0 {
		c := a.History[0] // the newest
		out = append(out, notice{label: "Updated", date: c.Date, text: c.Note, url: c.URL})
	}
	if w := a.Withdrawn; w != nil {
		out = append(out, notice{label: "Withdrawn", date: w.Date, text: w.Explanation})
	}
	return out
}

// lead is what a notice starts with: its label and date ("Updated 28
// March 2025"), or its date alone where its text starts with the label
// ("Updated for the news of…"), which would say it twice.
func (n notice) lead() string {
	date := n.date.Format("2 January 2006")
	word, _, _ := strings.Cut(strings.TrimSpace(n.text), " ")
	if strings.EqualFold(strings.TrimRight(word, ".,:;"), n.label) {
		return date
	}
	return n.label + " " + date
}

// summary is an article's summary as a feed carries it, as text: after
// what changed last, so that a reader's list of entries says that first
// ("Updated 28 March 2025: Added DHSC's response. CQC has paused ...").
func summary(a *site.Article) string {
	var b strings.Builder
	for _, n := range notices(a) {
		b.WriteString(n.lead() + ": " + sentence(n.text) + " ")
	}
	b.WriteString(a.Summary)
	return b.String()
}

// sentence ends s with a full stop unless it ends a sentence already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || strings.ContainsRune(".!?…", r) {
		return s
	}
	return s + "."
}

// sourceLink is the absolute address of a source, as a feed links it;
// "" for one readers cannot follow (see content.Source.Link).
func (r *renderer) sourceLink(s content.Source) string {
	link := s.Link()
	if strings.HasPrefix(link, "/") {
		return r.abs(link)
	}
	return link
}

// htmlText escapes text for HTML's text content: &, < and > only, so
// that an apostrophe stays one rather than becoming &#39;, which an XML
// feed would then escape again into &amp;#39;. A carriage return is
// written as a reference, since XML reads one in a CDATA section as a
// line feed.
func htmlText(s string) string {
	return htmlEscaper.Replace(s)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#13;")
