// Package lint finds what a build can publish but a reader would trip
// over: it takes the site model and the files planned for it, and gives
// each problem with its file and line.
package lint

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"bulletin/generator/content"
	"bulletin/generator/cores"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// Site finds what a build publishes but a reader would trip over: links
// and images to pages or files the site does not have, and source
// addresses readers cannot follow or that name a page or file the site
// lacks, each with the page or file it most likely meant where the site
// has one; published articles whose first address no alias keeps (see
// site.Site.Moved); and, as
// warnings, articles whose status changed with no change note,
// articles whose feed entries would date their last change before the
// one subscribers were last given (a withdrawal taken out),
// topic and regulator names that look like
// misspellings (see site.Misspelling), topic intro pages whose status
// their story has left, file names that give a slug a device's name
// (see deviceSlug), and other systems' markup in bodies that readers
// see as text (see content.Unconverted), titles and summaries
// holding Markdown or HTML, which show as written, and new articles
// the bulletin's feed will not carry (see unfed). It finds too the
// files of the content folder that hold script (see active), and the
// theme's links to pages the site lacks, with what the theme would
// publish without a word (see render.Files.Theme). The links and sources of the
// refused articles, which have other problems, are checked too when they
// would be published at now, so that one run finds every problem. Each
// has its file and line; they come sorted by both. Without files, links
// are not checked.
func Site(s *site.Site, files *render.Files, refused []*content.Article, now time.Time) content.Errors {
	c := &checker{assets: map[string]bool{}, files: files, nearby: nearby{assets: s.Assets, files: files, articles: s.Articles}, parts: parts{articles: s.Articles, redirects: s.Redirects}}
	if home, err := url.Parse(s.Settings.BaseURL); err == nil && home.Host != "" {
		c.home = home
	}
	for _, name := range s.Assets {
		c.assets[name] = true
	}
	// Each article is checked on its own, on every core.
	each := make([]content.Errors, len(s.Articles))
	cores.Each(s.Articles, func(i int, a *site.Article) {
		each[i] = c.article(a.Content, a.URL)
		if w := fileDate(a.Content, s.Settings.Location); w != nil {
			each[i] = append(each[i], w)
		}
		if w := deviceSlug(a.Content, a.URL); w != nil {
			each[i] = append(each[i], w)
		}
		if w := unseenUpdate(a.Content, s.Settings.Location); w != nil {
			each[i] = append(each[i], w)
		}
		if w := unlikelyDate(a.Content, now); w != nil {
			each[i] = append(each[i], w)
		}
		if w := longSummary(a.Content); w != nil {
			each[i] = append(each[i], w)
		}
		each[i] = append(each[i], mixedScripts(a.Content)...)
	})
	found := slices.Concat(each...)
	// A copy scheduled for later is warned of before it comes out.
	for _, a := range s.Held {
		if w := fileDate(a, s.Settings.Location); w != nil {
			found = append(found, w)
		}
		if w := unlikelyDate(a, now); w != nil {
			found = append(found, w)
		}
	}
	for _, a := range refused {
		if w := fileDate(a, s.Settings.Location); w != nil && !a.Date.IsZero() {
			found = append(found, w)
		}
		if !site.Published(a, now) {
			continue // its links are not checked until it is published
		}
		found = append(found, c.article(a, site.RefusedURL(a))...)
	}
	found = append(found, c.drafts(site.Drafted(s))...)
	if files != nil {
		found = append(found, c.theme()...)
		found = append(found, sharedIDs(s, refused, files.ThemeIDs())...)
		asked, whole := files.ThemeParams()
		found = append(found, themeParams(asked, whole, &s.Settings, content.JoinPath(s.ContentDir, content.SettingsFile))...)
	}
	for _, m := range s.Misspelt {
		found = append(found, m.Problem)
	}
	found = append(found, s.Stale...)
	found = append(found, s.Moved...)
	found = append(found, bodyScript(s)...)
	found = append(found, unfed(s)...)
	return found.ByPlace()
}

// drafts checks the links and sources of the drafts left out, as they
// would be published, each problem as a warning: an editor hears of a
// broken link while writing, and check fails on it once the draft is
// published. A draft dated ahead is checked too, as serve -drafts shows
// it when its time comes.
func (c *checker) drafts(drafted []*content.Article) content.Errors {
	var found content.Errors
	for _, a := range drafted {
		for _, e := range c.article(a, site.RefusedURL(a)) {
			if !e.Warning {
				e.Warning = true
				e.Msg += " (in a draft: check fails on this once it is published)"
			}
			found = append(found, e)
		}
	}
	return found
}

// deviceSlug warns of an article, published at url, whose file name,
// which gives its slug, is a name Windows keeps for a device, so that
// the slug had "-1" added: the address is not the one the editor meant.
func deviceSlug(a *content.Article, url string) *content.Error {
	if a.Lines.Line("slug") != 0 || !content.DeviceNamed(a.Path) {
		return nil
	}
	return &content.Error{File: a.File, Line: a.Line, Warning: true,
		Msg: fmt.Sprintf("file name: %s is a name Windows keeps for a device, so the article is published at %s: rename the file, or set slug to the address you mean", path.Base(a.Path), url)}
}

// fileDate warns of an article whose file name starts with another date
// than its own, as a copied file whose date was not changed does: the
// article is published under its date, perhaps far down the timeline.
// The date may match the file name as written or in the site's time zone
// (loc), as an import names its files.
func fileDate(a *content.Article, loc *time.Location) *content.Error {
	named := content.FileDate(a.Path)
	written := a.Date.Format(time.DateOnly)
	if named == "" || named == written || loc != nil && named == a.Date.In(loc).Format(time.DateOnly) {
		return nil
	}
	line := a.Lines.Line("date")
	if line == 0 {
		line = a.Line
	}
	return &content.Error{File: a.File, Line: line, Warning: true,
		Msg: fmt.Sprintf("date: %s is not the date the file name starts with, %s: the site dates the article %s; correct whichever is wrong", written, named, written)}
}

// unseenUpdate warns of an article whose updated is written as the day
// alone, in the site's zone loc, on the day it was published, also
// given as a day: feeds give it as last changed when it was published,
// so feed readers, which go by that, never show the correction.
func unseenUpdate(a *content.Article, loc *time.Location) *content.Error {
	line := a.Lines.Line("updated")
	if line == 0 || a.Updated.IsZero() || !a.Updated.Equal(a.Date) {
		return nil
	}
	if h, m, s := a.Updated.In(loc).Clock(); h != 0 || m != 0 || s != 0 {
		return nil // given with its time, which feeds show
	}
	return &content.Error{File: a.File, Line: line, Warning: true,
		Msg: fmt.Sprintf("updated: %s is when the article was published, so feeds show no change and feed readers do not show the update: give its time too, as %s", a.Updated.Format(time.DateOnly), a.Updated.Add(15*time.Hour).Format(time.RFC3339))}
}

// unlikelyDate warns of an article dated before 1900 or more than 20
// years after now, which no bulletin publishes: most likely a date of
// another calendar read as the Gregorian's, as an archive moving in may
// write them, which puts the article centuries from its news, or holds
// it back until then.
func unlikelyDate(a *content.Article, now time.Time) *content.Error {
	y := a.Date.Year()
	if a.Date.IsZero() || y >= 1900 && !site.FarAhead(a.Date, now) {
		return nil
	}
	what := "before 1900, older than any bulletin"
	if y >= 1900 {
		what = "more than 20 years from now, and is held back until then"
	}
	return &content.Error{File: a.File, Line: cmp.Or(a.Lines.Line("date"), a.Line), Warning: true,
		Msg: fmt.Sprintf("date: %d-%02d-%02d is %s: if it is a date of another calendar, write it in the Gregorian one, as the Solar Hijri year 1393 is 2014 or 2015, and the Buddhist year 2567 is 2024", y, a.Date.Month(), a.Date.Day(), what)}
}

// longestSummary is the most characters a summary holds without a
// warning: a few sentences, as much as an import takes from a post's
// opening.
const longestSummary = 600

// longSummary warns of an article whose summary runs past a few
// sentences: it shows under the title on every list the article is on,
// and in every feed, so that a long one crowds them, and a very long one
// (text pasted into the wrong field) swells every page and feed.
func longSummary(a *content.Article) *content.Error {
	n := utf8.RuneCountInString(a.Summary)
	if n <= longestSummary {
		return nil
	}
	return &content.Error{File: a.File, Line: cmp.Or(a.Lines.Line("summary"), a.Line), Warning: true,
		Msg: fmt.Sprintf("summary: %d characters, where a summary is a sentence or two, shown under the title on every list and in every feed: keep it under %d, and move the rest into the body", n, longestSummary)}
}

// checker checks articles against the pages and files of one site.
type checker struct {
	assets map[string]bool // the content folder's files, by path
	files  *render.Files   // nil: links are not checked
	nearby nearby
	parts  parts    // the ids of the site's pages, for links to a part of one
	home   *url.URL // the site's address, base_url; nil when it has none
}

// article checks the links of an article whose page is at the site path
// base ("" when it has none, and links relative to it are not checked),
// and its sources.
func (c *checker) article(a *content.Article, base string) content.Errors {
	var found content.Errors
	if c.files != nil {
		found = c.links(a, base)
	}
	found = append(found, c.sources(a)...)
	found = append(found, marked(a)...)
	found = append(found, unnamedImages(a)...)
	return append(found, unconverted(a)...)
}

// unnamedImages warns of the images of a body with no alternative text,
// which readers who cannot see them hear instead.
func unnamedImages(a *content.Article) content.Errors {
	var out content.Errors
	for _, l := range a.Links {
		if l.NoAlt {
			out = append(out, &content.Error{File: a.File, Line: l.Line, Warning: true,
				Msg: fmt.Sprintf("image %s has no text to stand for it, which readers who cannot see it hear instead: say what it shows between the brackets, ![Chart of inspections by month](…)", content.Quoted(l.Written))})
		}
	}
	return out
}

// unconverted warns of the markup of other systems in a body that readers
// see as text, once for each kind.
func unconverted(a *content.Article) content.Errors {
	var out content.Errors
	for _, u := range a.Unconverted {
		more := ""
		if u.Count > 1 {
			more = fmt.Sprintf(" (and %d more)", u.Count-1)
		}
		switch {
		case u.Kind == content.ControlCharacter && u.Field != "":
			out = append(out, &content.Error{File: a.File, Line: u.Line, Warning: true,
				Msg: fmt.Sprintf("%s: %s, %s%s, written as an escape, which no page can hold: it is left out; delete the escape, or write the character it stood for", u.Field, u.Kind, u.Text, more)})
			continue
		case u.Kind == content.ForeignTag:
			out = append(out, &content.Error{File: a.File, Line: u.Line, Warning: true,
				Msg: fmt.Sprintf("%s: %s, %s: the value is read as it is written, not as the tag would make it; delete the tag, and write the value itself", u.Field, u.Kind, u.Text)})
			continue
		case u.Kind == content.ControlCharacter:
			out = append(out, &content.Error{File: a.File, Line: u.Line, Warning: true,
				Msg: fmt.Sprintf("body: %s, %s%s, which no page can hold: the page leaves it out (a NUL shows as \ufffd); delete it, or write the character it stood for", u.Kind, u.Text, more)})
			continue
		}
		fix := "rewrite it in Markdown or delete it"
		switch u.Kind {
		case "raw HTML":
			fix = "write it in Markdown, or set raw_html: true in site.yaml to let it through"
		case content.UndefinedReference:
			fix = "define the reference on a line of its own ([2]: https://www.example.org/page), or write the address in the link"
		case content.ForeignNote:
			fix = "write it as a quote under its title in bold (> **Tip**, then > and its text on each line)"
		}
		out = append(out, &content.Error{File: a.File, Line: u.Line, Warning: true,
			Msg: fmt.Sprintf("body: %s is shown to readers as written, %s%s: %s", u.Kind, u.Text, more, fix)})
	}
	return out
}

// unfollowable says why a link url.Parse refused with err cannot be
// followed, and what to write instead.
func unfollowable(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	const fix = "link to an http(s) address (https://www.example.org/page), or to a page of the site from its root (/2025/03/slug/)"
	switch why := err.Error(); {
	case strings.Contains(why, "first path segment in URL cannot contain colon"):
		return "what comes before its colon is no scheme, such as https:, so it is read as a path: " + fix
	case strings.HasPrefix(why, "invalid URL escape"):
		return "a % starts an escape of two hexadecimal digits: write %25 for a percent sign"
	default:
		return why + ": " + fix
	}
}

// links reports links and images in a body that point at pages or files
// of the site that the build does not make.
func (c *checker) links(a *content.Article, base string) content.Errors {
	var out content.Errors
	page := &url.URL{Path: base}
	suggested := map[string]int{} // by page, the links to parts it lacks given the id likely meant
	for _, l := range a.Links {
		if drive := onDrive(l.URL); drive != "" {
			out = append(out, &content.Error{File: a.File, Line: l.Line, Msg: fmt.Sprintf("%s %s is %s", linkKind(l), content.Quoted(content.Truncate(l.Written, 60)), onComputer(drive))})
			continue
		}
		target, plain := plainTarget(l.URL)
		id := ""
		if !plain {
			u, err := url.Parse(l.URL)
			if err != nil {
				out = append(out, &content.Error{File: a.File, Line: l.Line, Msg: fmt.Sprintf("body: link %s is not an address a browser can follow: %s", content.Quoted(content.Truncate(l.Written, 60)), unfollowable(err))})
				continue
			}
			id = u.Fragment
			switch own, ok := c.ownPath(u); {
			case ok:
				target = own
			case u.Scheme != "" || u.Host != "":
				continue
			case u.Path == "" && u.RawQuery == "" && id != "" && base != "":
				target = base // a part of the article's own page
			case u.Path == "" || base == "" && !strings.HasPrefix(u.Path, "/"):
				continue
			default:
				target = page.ResolveReference(u).Path
			}
		}
		if base != "" && target == base && id != "" && !c.exists(target) {
			// The page of a refused article, not made: its part is
			// looked for in what its body was read to give.
			if w := c.ownPart(a, l, target, id); w != nil {
				out = append(out, w)
			}
			continue
		}
		if c.exists(target) {
			if id != "" && !l.Image {
				if w := c.part(a, l, target, id, suggested); w != nil {
					out = append(out, w)
				}
			}
			continue
		}
		out = append(out, &content.Error{File: a.File, Line: l.Line, Msg: fmt.Sprintf("%s %s: %s", linkKind(l), content.Quoted(l.Written), c.missing(target)), Target: target})
	}
	return out
}

// linkKind names what a link of a body is to its writer: a link or an
// image.
func linkKind(l content.Link) string {
	if l.Image {
		return "image"
	}
	return "link"
}

// onDrive gives the drive a path of Windows starts with, "C:" for
// C:\Users\me\report.pdf or c:/report.pdf, or "" where s starts
// otherwise. A browser reads the drive as an address's scheme, which no
// address has of one letter, and leads nowhere.
func onDrive(s string) string {
	if len(s) < 2 || s[1] != ':' || !('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z') {
		return ""
	}
	return strings.ToUpper(s[:2])
}

// onComputer says why a link to a path on the drive cannot be followed,
// and what to write instead.
func onComputer(drive string) string {
	return fmt.Sprintf("a path on the writer's own computer (drive %s), which readers cannot open: put the file in the content folder and link to its path from the site's root (/files/report.pdf)", drive)
}

// ownPath gives the site path of u when it is an address of the site
// itself, at base_url (https://www.example.org/2025/03/x/, of a site
// there, or //www.example.org/… as the page's scheme takes it, or
// http://www.example.org/…, which leads there), which a
// page of it must have as a link by path must: its host's name and port
// as a browser compares them, its path with . and .. parts resolved.
func (c *checker) ownPath(u *url.URL) (string, bool) {
	// Most links lead to other hosts: those are told apart before
	// anything is made of them.
	if c.home == nil || u == nil || u.Host == "" || !strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), strings.TrimSuffix(c.home.Hostname(), ".")) {
		return "", false
	}
	r := c.home.ResolveReference(u) // takes the page's scheme, resolves . and ..
	if r.Scheme != "http" && r.Scheme != "https" || port(r) != port(c.home) && !(defaultPort(r) && defaultPort(c.home)) {
		return "", false
	}
	at := r.Path
	dir := strings.TrimSuffix(c.home.Path, "/") + "/"
	rest, ok := strings.CutPrefix(at, dir)
	switch {
	case ok:
		return "/" + rest, true
	case at+"/" == dir: // the home page, without its last slash
		return "/", true
	}
	return "", false
}

// defaultPort reports whether an address's host is reached on its
// scheme's own port, where a site served over https is reached over
// plain http too, on its way to https, as an old link written so is.
func defaultPort(u *url.URL) bool {
	return port(u) == map[string]string{"http": "80", "https": "443"}[u.Scheme]
}

// port gives the port an address's host is reached on: its own, as a
// number (a browser reads :0443 as 443), else its scheme's (https's
// where it names none, as base_url's does).
func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err == nil {
			return strconv.Itoa(n)
		}
		return p
	}
	if u.Scheme == "http" {
		return "80"
	}
	return "443"
}

// theme reports the theme's links to pages or files the site does not
// have, and what the theme would publish without a word. Pagefind's
// files are taken to be there: a theme links to them on pages that
// show search, which a build without -pagefind leaves out.
func (c *checker) theme() content.Errors {
	links, problems := c.files.Theme()
	found := slices.Clone(problems)
	for _, l := range links {
		target := strings.SplitN(strings.SplitN(l.Path, "#", 2)[0], "?", 2)[0]
		if c.exists(target) || strings.HasPrefix(target, "/pagefind/") {
			continue
		}
		found = append(found, &content.Error{File: l.File, Line: l.Line, Msg: fmt.Sprintf("link %q: %s", l.Path, c.missing(target)), Target: target})
	}
	return found
}

// plainTarget gives the site path that link leads to when it is an
// absolute path that a browser follows as written: one with no query,
// fragment, escape, dot segment or control character, which parsing and
// resolving it would act on. Most links of a site are such, and need
// neither.
func plainTarget(link string) (string, bool) {
	if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") ||
		strings.ContainsAny(link, "?#%") || strings.Contains(link, "/.") {
		return "", false
	}
	for i := range len(link) {
		if link[i] < 0x20 || link[i] == 0x7f {
			return "", false
		}
	}
	return link, true
}

// missing says that the site has nothing at target, and what it may
// have meant.
func (c *checker) missing(target string) string {
	msg := "the site has no page or file at " + target
	if near := c.nearby.near(target); near != "" {
		msg += ": did you mean " + near + "?"
	}
	return msg
}

// exists reports whether the site has a page or file at the site path p.
// A folder's is its index.html, which hosts serve for it, whether the
// site made it or the content folder holds it (an about page written as
// HTML).
func (c *checker) exists(p string) bool {
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(p, "/") || name == "" {
		return c.files.Has(name+"index.html") || c.assets[name+"index.html"]
	}
	index := path.Join(name, "index.html")
	return c.files.Has(name) || c.assets[name] || c.files.Has(index) || c.assets[index]
}

// sources reports source addresses readers could not follow, and paths
// of the site to pages or files it does not have.
func (c *checker) sources(a *content.Article) content.Errors {
	var out content.Errors
	for _, src := range a.Sources {
		link := src.Link()
		switch {
		case onDrive(src.URL) != "":
			out = append(out, &content.Error{File: a.File, Line: src.Line,
				Msg: fmt.Sprintf("sources.url: %q is %s", src.URL, onComputer(onDrive(src.URL)))})
		case src.URL != "" && link == "" && content.NotInURL(src.URL) != 0:
			r := content.NotInURL(src.URL)
			out = append(out, &content.Error{File: a.File, Line: src.Line,
				Msg: fmt.Sprintf("sources.url: %q holds %q, which an address cannot hold as it is: write it percent-encoded, as %s", src.URL, r, url.PathEscape(string(r)))})
		case src.URL != "" && link == "":
			out = append(out, &content.Error{File: a.File, Line: src.Line,
				Msg: fmt.Sprintf("sources.url: %q is not an address readers can follow: write it like https://www.example.org/page, or /2025/01/page/ for a page of this site", src.URL)})
		case c.files != nil:
			u, _ := url.Parse(link) // Link parsed it
			target, own := c.ownPath(u)
			if !own && strings.HasPrefix(link, "/") {
				target, own = u.Path, true
			}
			if own && !c.exists(target) {
				out = append(out, &content.Error{File: a.File, Line: src.Line,
					Msg: fmt.Sprintf("sources.url %q: %s", src.URL, c.missing(target)), Target: target})
			}
		}
	}
	return out
}

// Unread drops from found the links that may point at a page of an
// article that could not be read, of those unread names, or that was
// refused: the page at an address that ends in the slug its file name
// gives, or the slug a refused article sets, and the year and month
// archives it would be listed in. The other links are kept, so that one
// run reports them with every other problem.
func Unread(found, unread content.Errors, refused []*content.Article) content.Errors {
	slugs := map[string]bool{}
	for _, e := range unread {
		if content.IsMarkdown(e.File) {
			slugs[content.DefaultSlug(e.File)] = true
		}
	}
	for _, a := range refused {
		if a.Slug != "" {
			slugs[a.Slug] = true
		}
	}
	if len(slugs) == 0 {
		return found
	}
	return slices.DeleteFunc(slices.Clone(found), func(f *content.Error) bool {
		parts := strings.Split(strings.Trim(f.Target, "/"), "/")
		if f.Target == "" || !archive.MatchString(parts[0]) {
			return false
		}
		return len(parts) < 3 || slugs[parts[2]]
	})
}

// archive matches a year, which starts every article's address.
var archive = regexp.MustCompile(`^\d{4}$`)
