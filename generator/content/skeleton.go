package content

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// LoadSettings reads only site.yaml from fsys, with defaults filled in.
func LoadSettings(fsys fs.FS, dir string) (Settings, error) {
	s, errs := loadSettings(fsys, dir)
	return s, errs.Err()
}

// NewArticlePath is where a new article dated day goes inside the content
// folder, named so that the build gives it the slug of its title.
func NewArticlePath(title string, day time.Time) string {
	return fmt.Sprintf("articles/%d/%s-%s.md", day.Year(), day.Format("2006-01-02"), cut(NewSlug(title), newSlugBytes))
}

// NewSlug is the slug of a new article's title: Slug without its
// apostrophes, as GOV.UK and Hugo drop them, so that "CQC's" gives cqcs
// rather than cqc-s. Only new articles' slugs: an existing page's
// address stays.
func NewSlug(title string) string { return Slug(apostrophes.Replace(title)) }

var apostrophes = strings.NewReplacer("'", "", "\u2019", "")

// newSlugBytes is the most a new article's slug, made from its title,
// takes of it, cut at a word: an address to read and share, not the
// whole of a long title.
const newSlugBytes = 80

// The skeleton's summary and the sentences of its body, which an
// article must no longer hold once it is published (see
// checkPlaceholders): an editor may write over one and leave the other.
const (
	placeholderSummary = "Replace with a one- or two-sentence summary of the news."
	placeholderBody    = "Write the article here, in Markdown."
	placeholderAdvice  = "Start with what was announced, then the"
)

// The examples the skeleton gives, commented out, of a source, an event,
// a change note and a withdrawal: uncommented as they are, each would be
// published as if it were the article's own.
const (
	exampleSourceURL   = "https://www.example.org/news"
	exampleEvent       = "What happened"
	exampleChange      = "What changed, in one sentence."
	exampleExplanation = "Why it was withdrawn."
)

// Skeleton is a new article's Markdown: valid front matter with every
// field explained, kept as a draft until the editor removes draft: true.
func Skeleton(title string, day time.Time, topics, regulators []string, s *Settings) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("---")
	w("# Required: the headline readers see.")
	w("title: %s", strconv.Quote(title))
	w("# Required: the day of publication, YYYY-MM-DD, or RFC 3339 with a time.")
	w("# Without an offset it is in the site's time zone (%s); a future date", s.TimeZone)
	w("# holds the article back until that day.")
	w("date: %s", day.Format("2006-01-02"))
	w("# Required: one or two plain sentences for lists, feeds and search results.")
	w("summary: %s", strconv.Quote(placeholderSummary))
	w("# While true the article is built nowhere. Delete this line to publish.")
	w("draft: true")
	w("# The topics this article follows; each topic has a page, a timeline and feeds.")
	w("topics: [%s]", quoteList(topics))
	w("# The regulators or bodies involved, by abbreviation (see site.yaml).")
	w("regulators: [%s]", quoteList(regulators))
	w("# Who wrote it.")
	w("authors: []")
	w("# Where the matter stands after this news, one of: %s.", strings.Join(s.statusKeys(), ", "))
	w("# status: %s", exampleStatus(s))
	w("# Where it applies, e.g. [England].")
	w("applies_to: []")
	w("# Primary sources; url, publisher and date are optional. To give some,")
	w("# delete the [] and the # before each line below.")
	w("sources: []")
	w("#   - title: The regulator's announcement")
	w("#     url: %s", exampleSourceURL)
	w("#     publisher: %s", examplePublisher(regulators, s))
	w("#     date: %s", day.Format("2006-01-02"))
	w("# Key dates of the story; date may be a month (2024-05); status is optional.")
	w("# To give some, delete the [] and the # before each line below.")
	w("events: []")
	w("#   - date: %s", day.Format("2006-01"))
	w("#     label: %s", exampleEvent)
	w("#     status: %s", exampleStatus(s))
	w("# When you change a published article, set updated and add a change note;")
	w("# on the day it was published, give updated's time too (%sT15:00:00Z),", day.Format("2006-01-02"))
	w("# so that feed readers show the change.")
	w("# updated: %s", day.Format("2006-01-02"))
	w("# changes:")
	w("#   - date: %s", day.Format("2006-01-02"))
	w("#     note: %s", exampleChange)
	w("# If the article no longer stands, say so (it stays online with a banner):")
	w("# withdrawn: {date: %s, explanation: %s}", day.Format("2006-01-02"), exampleExplanation)
	w("# slug: the last part of the URL; defaults to the file name without its date.")
	w("# aliases: old URLs that should redirect here, oldest first, e.g. [/2024/05/old-slug/].")
	w("# id: the feed entry id; only set it to keep the id of an article moved from elsewhere.")
	w("# lang: the language it is written in, when not the site's, e.g. cy for Welsh.")
	w("---")
	w("")
	w(placeholderBody + " " + placeholderAdvice)
	w("background in date order, then what happens next.")
	return []byte(b.String())
}

// exampleStatus is the status the skeleton's examples give: paused, or
// the first the site defines where it defines no such status.
func exampleStatus(s *Settings) string {
	keys := s.statusKeys()
	if len(keys) == 0 || slices.Contains(keys, "paused") {
		return "paused"
	}
	return keys[0]
}

// examplePublisher is the publisher the skeleton's example source gives:
// the name site.yaml gives the first of the article's regulators it
// knows, or its first regulator's.
func examplePublisher(regulators []string, s *Settings) string {
	for _, abbr := range regulators {
		for _, r := range s.Regulators {
			if strings.EqualFold(r.Abbr, abbr) && r.Name != "" {
				return r.Name
			}
		}
	}
	if len(s.Regulators) > 0 && s.Regulators[0].Name != "" {
		return s.Regulators[0].Name
	}
	return "The body that published it"
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = strconv.Quote(it)
	}
	return strings.Join(q, ", ")
}

// checkPlaceholders stops an article that is no longer a draft but still
// holds the skeleton's summary or body: it was published unfinished.
func checkPlaceholders(d *decoder, a *Article, body []byte) {
	if a.Draft {
		return
	}
	if a.Summary == placeholderSummary {
		d.fail(a.Lines.Line("summary"), "summary: still the placeholder bulletin new wrote: write one or two sentences of the news, or keep draft: true until it is ready")
	}
	example := func(field, value string, line int) {
		d.fail(cmp.Or(line, a.Lines.Line(field)), "%s: %q is the example bulletin new wrote: write the article's own, or comment it out again", field, value)
	}
	for _, src := range a.Sources {
		if src.URL == exampleSourceURL {
			example("sources", src.URL, src.Line)
		}
	}
	for _, e := range a.Events {
		if e.Label == exampleEvent {
			example("events", e.Label, e.Line)
		}
	}
	for _, c := range a.Changes {
		if c.Note == exampleChange {
			example("changes", c.Note, 0)
		}
	}
	if a.Withdrawn != nil && a.Withdrawn.Explanation == exampleExplanation {
		example("withdrawn", a.Withdrawn.Explanation, 0)
	}
	for _, p := range []string{placeholderBody, placeholderAdvice} {
		if i := bytes.Index(body, []byte(p)); i >= 0 {
			d.fail(a.BodyLine+bytes.Count(body[:i], []byte("\n")), "the body still holds the placeholder bulletin new wrote (%q): write the article, or keep draft: true until it is ready", p)
			return
		}
	}
}
