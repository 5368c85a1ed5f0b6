package content

import (
	"path"
	"regexp"
	"strings"
	"time"
)

// Article is one Markdown file, checked and converted.
type Article struct {
	File     string // path from the repository root, for messages
	Path     string // path inside the content folder
	Line     int    // line of the opening front matter delimiter
	BodyLine int    // line the body starts on

	Title      string
	Summary    string
	Date       time.Time
	Updated    time.Time // zero when never updated
	Regulators []string
	Topics     []string
	Authors    []string
	Status     string
	AppliesTo  []string
	Changes    []Change
	Sources    []Source
	Events     []Event
	Withdrawn  *Withdrawal
	Draft      bool
	Slug       string
	Aliases    []string
	ID         string

	HTML  string // the body, rendered
	Links []Link // links and images in the body
	Lines map[string]int
}

// Change is one entry of an article's page history.
type Change struct {
	Date time.Time
	Note string
}

// Source is a primary source an article rests on.
type Source struct {
	Title     string
	URL       string
	Publisher string
	Date      Date
}

// Event is a key date in the story an article reports.
type Event struct {
	Date   Date
	Label  string
	Status string
	Line   int
}

// Withdrawal says that and why an article no longer stands.
type Withdrawal struct {
	Date        time.Time
	Explanation string
}

var articleFields = []string{"title", "date", "summary", "regulators", "topics", "authors", "status", "updated", "changes", "sources", "events", "withdrawn", "applies_to", "draft", "slug", "aliases", "id"}

var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-`)

// decodeArticle fills an Article from its front matter.
func decodeArticle(d *decoder, root *node, s *Settings, a *Article) {
	a.Lines = map[string]int{}
	loc := s.Location
	statusOK := func(field string, n *node, key string) {
		if key != "" && s.Status(key) == nil {
			d.fail(n.line, "%s: %q is not one of: %s", field, key, strings.Join(s.statusKeys(), ", "))
		}
	}
	seen := d.each("", root, articleFields, func(key string, v *node) {
		a.Lines[key] = v.line
		switch key {
		case "title":
			a.Title = d.text(key, v)
		case "date":
			a.Date = d.date(key, v, loc, false).Time
		case "summary":
			a.Summary = d.text(key, v)
		case "regulators":
			a.Regulators = d.list(key, v)
		case "topics":
			a.Topics = d.list(key, v)
		case "authors":
			a.Authors = d.list(key, v)
		case "status":
			a.Status = d.text(key, v)
			statusOK(key, v, a.Status)
		case "updated":
			a.Updated = d.date(key, v, loc, false).Time
		case "applies_to":
			a.AppliesTo = d.list(key, v)
		case "draft":
			a.Draft = d.boolean(key, v)
		case "slug":
			a.Slug = d.text(key, v)
			if a.Slug != "" && Slug(a.Slug) != a.Slug {
				d.fail(v.line, "slug: %q has characters a URL should not: write %q", a.Slug, Slug(a.Slug))
			}
		case "aliases":
			a.Aliases = d.list(key, v)
			for _, al := range a.Aliases {
				if !strings.HasPrefix(al, "/") || strings.Contains(al, "..") || strings.ContainsAny(al, "?#\\ ") {
					d.fail(v.line, "aliases: %q is not a site path: write it like /2024/05/old-slug/", al)
				}
			}
		case "id":
			a.ID = d.text(key, v)
		case "changes":
			for _, n := range d.maps(key, v) {
				var c Change
				f := d.each(key, n, []string{"date", "note"}, func(k string, v *node) {
					switch k {
					case "date":
						c.Date = d.date("changes.date", v, loc, false).Time
					case "note":
						c.Note = d.text("changes.note", v)
					}
				})
				d.require(key, n.line, f, "date", "note")
				a.Changes = append(a.Changes, c)
			}
		case "sources":
			for _, n := range d.maps(key, v) {
				var src Source
				f := d.each(key, n, []string{"title", "url", "publisher", "date"}, func(k string, v *node) {
					switch k {
					case "title":
						src.Title = d.text("sources.title", v)
					case "url":
						src.URL = d.text("sources.url", v)
						if scheme := unsafeScheme(src.URL); scheme != "" {
							d.fail(v.line, "sources.url: %s: URLs are not allowed: give the source's http(s) address", scheme)
						}
					case "publisher":
						src.Publisher = d.text("sources.publisher", v)
					case "date":
						src.Date = d.date("sources.date", v, loc, true)
					}
				})
				d.require(key, n.line, f, "title")
				a.Sources = append(a.Sources, src)
			}
		case "events":
			for _, n := range d.maps(key, v) {
				ev := Event{Line: n.line}
				f := d.each(key, n, []string{"date", "label", "status"}, func(k string, v *node) {
					switch k {
					case "date":
						ev.Date = d.date("events.date", v, loc, true)
					case "label":
						ev.Label = d.text("events.label", v)
					case "status":
						ev.Status = d.text("events.status", v)
						statusOK("events.status", v, ev.Status)
					}
				})
				d.require(key, n.line, f, "date", "label")
				a.Events = append(a.Events, ev)
			}
		case "withdrawn":
			w := &Withdrawal{}
			f := d.each(key, v, []string{"date", "explanation"}, func(k string, v *node) {
				switch k {
				case "date":
					w.Date = d.date("withdrawn.date", v, loc, false).Time
				case "explanation":
					w.Explanation = d.text("withdrawn.explanation", v)
				}
			})
			d.require(key, v.line, f, "date", "explanation")
			a.Withdrawn = w
		}
	})
	d.require("", a.Line, seen, "title", "date", "summary")
	checkUpdated(d, a)
	if a.Slug == "" {
		base := strings.TrimSuffix(path.Base(a.Path), path.Ext(a.Path))
		a.Slug = Slug(datePrefix.ReplaceAllString(base, ""))
		if a.Slug == "" {
			d.fail(a.Line, "file name %q gives an empty slug: rename the file or set slug", path.Base(a.Path))
		}
	}
}

// checkUpdated holds updated to be no older than the date or the newest
// change note, so readers never see an update dated before its news.
func checkUpdated(d *decoder, a *Article) {
	line := a.Lines["updated"]
	if a.Updated.IsZero() {
		if len(a.Changes) > 0 {
			d.fail(a.Lines["changes"], "changes: listed, but updated is not set: add updated: with the newest change's date")
		}
		return
	}
	if !a.Date.IsZero() && a.Updated.Before(a.Date) {
		d.fail(line, "updated: %s is before date %s: updated must be on or after the publication date", day(a.Updated), day(a.Date))
	}
	for _, c := range a.Changes {
		if c.Date.After(a.Updated) {
			d.fail(line, "updated: %s is older than the change note of %s: set updated to %s or later", day(a.Updated), day(c.Date), day(c.Date))
			return
		}
	}
}

func day(t time.Time) string { return t.Format("2006-01-02") }
