package site

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/diff"
	"bulletin/generator/history"
)

// An article's versions come from the content's git history (package
// history): the first is the article as first published, and each later
// one begins with a change note. Every version after the first gets a
// page under the article that compares it with the one before, at a URL
// made from its note's date, so that it stays put however the history
// grows. The comparison is worked out only when the page is made, from
// the two versions' bytes, which are in the page's data and so in its
// key.

// Version is a version of an article after its first, as the page that
// shows what it changed sees it.
type Version struct {
	URL    string    // its page, e.g. /2025/03/slug/changes/2025-03-28/
	Date   time.Time // the date of the change note that began it
	Note   string    // that change note
	Commit string    // the commit that began it; empty when it is not committed yet
	Time   time.Time // that commit's time; zero when it is not committed yet
	// Article is the article as it is now.
	Article *Teaser
	// Previous is the version it is compared with; Next the one after
	// it, or nil for the newest.
	Previous, Next *VersionLink
	// Path is the article's file in the content folder, and Before and
	// After its bytes as the previous version and this one ended: what
	// Compare compares.
	Path          string
	Before, After []byte
}

// VersionLink names another version of the same article.
type VersionLink struct {
	URL  string // its page; empty for the first version, which has none
	Date time.Time
	Note string
}

// Change is one entry of an article's page history, with the page of the
// version it began.
type Change struct {
	content.Change
	URL string // the version's page; empty when there is none (no history, or the note began no version)
}

// versions makes the pages of a's versions after its first, from vs
// (oldest first), and links a's page history to them.
func (s *Site) versions(a *Article, vs []history.Version) []*Version {
	a.History = make([]Change, len(a.Changes))
	for i, c := range a.Changes {
		a.History[i] = Change{Change: c}
	}
	// Newest first, as a page history reads down to "First published".
	slices.SortStableFunc(a.History, func(x, y Change) int { return y.Date.Compare(x.Date) })
	if len(vs) < 2 {
		return nil
	}
	loc := s.Settings.Location
	links := make([]*VersionLink, len(vs))
	out := make([]*Version, 0, len(vs)-1)
	used := map[string]int{}
	for i, v := range vs {
		date, err := content.ParseDate(v.Date, loc)
		if err != nil {
			date = time.Time{}
		}
		links[i] = &VersionLink{Date: date, Note: v.Note}
		if i == 0 {
			continue
		}
		name := fmt.Sprintf("version-%d", i+1)
		if !date.IsZero() {
			name = date.Format("2006-01-02")
		}
		used[name]++
		if n := used[name]; n > 1 {
			name = fmt.Sprintf("%s-%d", name, n)
		}
		links[i].URL = a.URL + "changes/" + name + "/"
		out = append(out, &Version{URL: links[i].URL, Date: date, Note: v.Note, Commit: v.Commit, Time: v.Time,
			Article: &a.Teaser, Previous: links[i-1], Path: a.Content.Path, Before: vs[i-1].Data, After: v.Data})
	}
	for i, v := range out {
		if i+1 < len(out) {
			v.Next = links[i+2]
		}
	}
	s.linkHistory(a, out)
	return out
}

// linkHistory gives each entry of a's page history the page of the
// version its note began: the one with its date and note, else the one
// with its date alone, each version taken once.
func (s *Site) linkHistory(a *Article, vs []*Version) {
	taken := make([]bool, len(vs))
	for _, exact := range []bool{true, false} {
		for i := range a.History {
			c := &a.History[i]
			if c.URL != "" {
				continue
			}
			for j, v := range vs {
				if !taken[j] && v.Date.Equal(c.Date) && (!exact || v.Note == c.Note) {
					c.URL, taken[j] = v.URL, true
					break
				}
			}
		}
	}
}

// Comparison is what a version changed: each field of the article that
// differs from the version before, and its whole body with the changes
// marked.
type Comparison struct {
	Fields []Field     // title, summary, status, sources, events and withdrawal, in that order, those that changed
	Body   []diff.Para // the body as the version has it, with what changed marked
	// BodyChanged says whether the body changed.
	BodyChanged bool
}

// Field is one field of an article compared.
type Field struct {
	Name  string
	Paras []diff.Para
	// Own is set on the article's own words, its title and summary,
	// written in its language; the other fields are the site's labels
	// and dates, or others' words.
	Own bool
}

// Compare compares the version with the one before, field by field,
// reading both with the settings s as the content folder's files are
// read.
func (v *Version) Compare(s *content.Settings) *Comparison {
	before, after := versionText(v.Path, v.Before, s), versionText(v.Path, v.After, s)
	c := &Comparison{Body: diff.CompareBlocks(before.body, after.body)}
	c.BodyChanged = diff.Changed(c.Body)
	for i, name := range fieldNames {
		if paras := diff.Compare(before.fields[i], after.fields[i]); diff.Changed(paras) {
			c.Fields = append(c.Fields, Field{Name: name, Paras: paras, Own: i < 2})
		}
	}
	return c
}

// fieldNames are the fields compared; the first two are the article's
// own words (see Field.Own).
var fieldNames = []string{"Title", "Summary", "Status", "Sources", "Key dates", "Withdrawal"}

// text is a version of an article as plain text for diff: each of the
// fields of fieldNames, and the body.
type text struct {
	fields []string
	body   []diff.Block
}

// versionText reads a version's bytes. A version today's settings refuse
// (a status since renamed) is read as well as it can be; one whose front
// matter cannot be read at all is compared as the text of its file.
func versionText(path string, data []byte, s *content.Settings) text {
	a, _ := content.Parse("", path, data, s)
	if a == nil {
		return text{fields: make([]string, len(fieldNames)), body: []diff.Block{{Text: string(data)}}}
	}
	status := a.Status
	if st := s.Status(a.Status); st != nil {
		status = st.Label
	}
	var sources, events []string
	for _, src := range a.Sources {
		line := src.Title
		if src.Publisher != "" {
			line += ", " + src.Publisher
		}
		if !src.Date.IsZero() {
			line += ", " + writeDate(src.Date)
		}
		if src.URL != "" {
			line += "\n" + src.URL
		}
		sources = append(sources, line)
	}
	for _, ev := range a.Events {
		line := writeDate(ev.Date) + ": " + ev.Label
		if st := s.Status(ev.Status); st != nil {
			line += " (" + st.Label + ")"
		} else if ev.Status != "" {
			line += " (" + ev.Status + ")"
		}
		events = append(events, line)
	}
	var withdrawal string
	if w := a.Withdrawn; w != nil {
		withdrawal = "Withdrawn on " + w.Date.Format("2 January 2006") + ": " + w.Explanation
	}
	// Each source and event is a paragraph of its own, so that one moved
	// in the list shows as moved.
	return text{
		fields: []string{a.Title, a.Summary, status, strings.Join(sources, "\n\n"), strings.Join(events, "\n\n"), withdrawal},
		body:   plainText(a.HTML),
	}
}

// writeDate writes a date as pages show it: the day, or the month alone.
func writeDate(d content.Date) string {
	if d.MonthOnly {
		return d.Time.Format("January 2006")
	}
	return d.Time.Format("2 January 2006")
}

// blocks are the HTML elements that end a paragraph of plain text.
var blocks = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "div": true, "table": true, "tr": true, "hr": true, "figure": true, "figcaption": true,
	"section": true, "aside": true, "details": true, "summary": true,
}

// plainText gives the text of an article body's HTML as diff reads it:
// its paragraphs, headings, list items and other blocks each a block of
// its own, a line break a line break, an image its alternative text. A
// heading's level is one more than the body gives it, as a comparison
// shows the body under a heading of its own.
func plainText(body string) []diff.Block {
	var out []diff.Block
	var b strings.Builder
	pre := 0     // inside <pre>, where line ends are kept
	heading := 0 // the level of the heading the text is in, if any
	items := 0   // how many list items the text is in
	flush := func() {
		if b.Len() > 0 {
			shape := diff.Shape{Item: items > 0}
			if heading > 0 {
				shape = diff.Shape{Level: heading + 1}
			}
			out = append(out, diff.Block{Text: b.String(), Shape: shape})
			b.Reset()
		}
	}
	for body != "" {
		i := strings.IndexByte(body, '<')
		chunk := body
		if i >= 0 {
			chunk = body[:i]
		}
		chunk = html.UnescapeString(chunk)
		if pre == 0 {
			chunk = strings.ReplaceAll(chunk, "\n", " ")
		}
		b.WriteString(chunk)
		if i < 0 {
			break
		}
		end := strings.IndexByte(body[i:], '>')
		if end < 0 {
			break
		}
		tag := body[i+1 : i+end]
		body = body[i+end+1:]
		closing := strings.HasPrefix(tag, "/")
		name := strings.ToLower(strings.TrimLeft(tag, "/"))
		if j := strings.IndexAny(name, " \t\n/"); j >= 0 {
			name = name[:j]
		}
		switch {
		case name == "br":
			b.WriteString("\n")
		case name == "img":
			if alt := attr(tag, "alt"); alt != "" {
				b.WriteString("[image: " + alt + "]")
			}
		case name == "td" || name == "th":
			b.WriteString(" ")
		case blocks[name]:
			flush()
			step := 1
			if closing {
				step = -1
			}
			switch {
			case name == "pre":
				pre = max(0, pre+step)
			case name == "li":
				items = max(0, items+step)
			case len(name) == 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6':
				heading = 0
				if !closing {
					heading = int(name[1] - '0')
				}
			}
		}
	}
	flush()
	return out
}

// attr gives the value of a tag's attribute, as goldmark writes it
// (name="value"), unescaped.
func attr(tag, name string) string {
	_, v, ok := strings.Cut(tag, " "+name+`="`)
	if !ok {
		return ""
	}
	v, _, _ = strings.Cut(v, `"`)
	return html.UnescapeString(v)
}
