package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strconv"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// Keys name everything a file is made from, so that a file of the last
// build made from the same inputs can stand in for it (see Reuser). A
// key must change whenever the file's bytes could: it covers the theme,
// the settings and every field of the model the file shows. Only the
// files that dominate a build have keys, article pages and feeds; the
// rest are made every time.

// fingerprint gathers a file's inputs, in order, to be hashed once.
type fingerprint struct{ buf []byte }

func newFingerprint(parts ...any) *fingerprint {
	f := &fingerprint{buf: make([]byte, 0, 1024)}
	return f.add(parts...)
}

// add writes each part as fmt prints it: pointers to structs print
// their fields, so equal prints mean equal inputs. Strings, numbers,
// times, statuses and feed links, the most common parts, are written
// without fmt.
func (f *fingerprint) add(parts ...any) *fingerprint {
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			f.buf = append(f.buf, v...)
		case int:
			f.buf = strconv.AppendInt(f.buf, int64(v), 10)
		case bool:
			f.buf = strconv.AppendBool(f.buf, v)
		case time.Month:
			f.buf = strconv.AppendInt(f.buf, int64(v), 10)
		case time.Time:
			// The instant and offset only: a time read back from the build
			// cache has lost its zone's name, which no file shows.
			f.buf = v.AppendFormat(f.buf, time.RFC3339Nano)
		case content.Date:
			f.add(v.Time, v.MonthOnly)
		case []string:
			for _, x := range v {
				f.add(x)
			}
		case *content.Status:
			if v != nil {
				f.add(v.Key, v.Label, v.Explanation, v.Next)
			}
		case []FeedLink:
			for _, l := range v {
				f.add(l.Title, l.Type, l.URL, l.Label)
			}
		default:
			f.buf = fmt.Append(f.buf, p)
		}
		f.buf = append(f.buf, 0)
	}
	return f
}

func (f *fingerprint) String() string {
	sum := sha256.Sum256(f.buf)
	return hex.EncodeToString(sum[:])
}

// baseKey covers what every file may show: the theme's files, the
// settings and whether search is on.
func baseKey(templates fs.FS, s *site.Site) (string, error) {
	st := s.Settings // all but Location, whose pointer would print as an address
	f := newFingerprint(st.Title, st.Description, st.BaseURL, st.Language, st.TimeZone, st.PageSize, st.Notice,
		st.Regulators, st.Statuses, st.RawHTML, st.IDAuthority, s.Search)
	err := fs.WalkDir(templates, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(templates, p)
		f.add(p, data)
		return err
	})
	return f.String(), err
}

// pageKey covers a page's own fields, as every template may show them.
func (r *renderer) pageKey(name string, p *Page) *fingerprint {
	return newFingerprint(r.baseKey, name, p.Kind, p.Title, p.Description, p.URL, p.Canonical,
		p.Feeds, p.SiteFeeds, p.Calendar, p.AsOf())
}

// groupRef is what a page shows of a topic or regulator it links to.
func groupRef(g *site.Group) []string {
	return []string{g.Kind, g.Slug, g.Name, g.FullName, g.Website, g.URL}
}

// articleKey covers an article page: the article as read (its Source
// hash covers every field of the file), what site worked out for it, and
// what it shows of its topics, regulators, related and newer articles.
func (r *renderer) articleKey(p *Page) string {
	a := p.Article
	f := r.pageKey("article.html", p).add(a.Source, a.URL, a.ID, a.Modified, a.Status)
	for _, g := range categories(a) {
		f.add(groupRef(g))
	}
	for _, b := range a.Related() {
		f.add(b.URL, b.Title, b.Date)
	}
	if a.Newer != nil {
		f.add(a.Newer.URL, a.Newer.Title, a.Newer.Date, groupRef(a.NewerTopic))
	}
	return f.String()
}

// feedKey covers one feed file: the feed's own fields and each entry's
// article and categories.
func (r *renderer) feedKey(format string, fd *feed) func() string {
	return func() string {
		f := newFingerprint(r.baseKey, format, fd.Title, fd.Subtitle, fd.Page, fd.Dir, fd.Updated, fd.Category, r.feedID(fd))
		for _, a := range fd.items() {
			f.add(a.Source, a.URL, a.ID, a.Date, a.Modified)
			for _, g := range categories(a) {
				f.add(groupRef(g))
			}
		}
		return f.String()
	}
}

// calendarKey covers a topic's key dates calendar: the site's title and
// id authority (in the base key), the topic, and each event with the
// article that reports it.
func (r *renderer) calendarKey(g *site.Group) func() string {
	return func() string {
		f := newFingerprint(r.baseKey, calendarFile, groupRef(g))
		for _, st := range g.Story {
			if st.Event {
				f.add(st.Date, st.Label, st.Status, st.Article.URL, st.Article.Title, st.Article.Modified)
			}
		}
		return f.String()
	}
}

// teaserKey covers what a list shows of an article, worked out once per
// build for each article however many lists show it.
func (r *renderer) teaserKey(a *site.Article) string {
	if k, ok := r.teasers.Load(a); ok {
		return k.(string)
	}
	f := newFingerprint(a.URL, a.Title, a.Date, a.Summary, a.Status, a.Withdrawn != nil, a.Modified)
	for _, g := range a.Topics {
		f.add(groupRef(g))
	}
	k := f.String()
	r.teasers.Store(a, k)
	return k
}

// months covers the months a list shows, with each article's teaser.
func (r *renderer) months(f *fingerprint, months []*site.Month) {
	for _, m := range months {
		f.add(m.Year, m.Month, m.URL, len(m.Articles))
		for _, a := range m.Articles {
			f.add(r.teaserKey(a))
		}
	}
}

// archiveKey covers a year's or a month's archive page.
func (r *renderer) archiveKey(p *Page) func() string {
	return func() string {
		f := r.pageKey("list.html", p)
		if y := p.Year; y != nil {
			f.add(y.Year, y.URL, y.Count)
			r.months(f, y.Months)
			for _, n := range []*site.Year{y.Newer, y.Older} {
				if n != nil {
					f.add(n.Year, n.URL)
				}
			}
		}
		if m := p.Month; m != nil {
			r.months(f, []*site.Month{m})
			for _, n := range []*site.Month{m.Newer, m.Older} {
				if n != nil {
					f.add(n.Year, n.Month, n.URL)
				}
			}
		}
		return f.String()
	}
}

// groupKey covers a topic's or regulator's own page: the group, its
// intro page, where it stands, its story as the page draws it, its key
// dates and its newest articles.
func (r *renderer) groupKey(p *Page) func() string {
	return func() string {
		g := p.Group
		f := r.pageKey("group.html", p).add(groupRef(g), g.Status, g.Since, g.Changes, g.Updated, len(g.Articles))
		if g.Intro != nil {
			f.add(g.Intro.Source)
		}
		st := p.Story()
		f.add(st.Tracked, st.Earlier, len(st.Steps))
		for _, s := range st.Steps {
			f.add(s.Date, s.Label, s.Status, s.Event, s.Update, s.Change, s.First, s.Upcoming, s.Article.URL)
		}
		for _, c := range st.Reached {
			f.add(c.Date, c.Status)
		}
		for _, s := range g.Upcoming {
			f.add(s.Date, s.Label, s.Status)
		}
		first := g.Pages[0]
		f.add(first.Older, len(first.Months))
		r.months(f, first.Months)
		return f.String()
	}
}

// listKey covers a page of the timeline or of a group's articles: its
// place among the pages, each month and article it lists, the group it
// belongs to, and the years the timeline links to.
func (r *renderer) listKey(p *Page) func() string {
	return func() string {
		t := p.Timeline
		f := r.pageKey("list.html", p).add(t.URL, t.Number, t.Newer, t.Older)
		r.months(f, t.Months)
		if p.Group != nil {
			f.add(groupRef(p.Group))
		}
		for _, y := range r.site.Years {
			f.add(y.Year, y.URL, y.Count)
		}
		return f.String()
	}
}
