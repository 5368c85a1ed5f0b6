package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// Page is what every template gets: the site's settings, the page's own
// fields, and the one part of the model the page shows. A page's key
// hashes all of it (see key.go), so it holds no more of the model than
// the page may show.
type Page struct {
	r           *renderer // for Abs, from the base URL in Site.Settings
	Site        *SiteInfo
	Kind        string // home, article, version, timeline, year, month, topic, regulator, topic-articles and regulator-articles (the pages of its older articles), topics, regulators, search, 404
	Title       string
	Description string
	URL         string // site path
	Canonical   string // absolute URL
	Calendar    string // site path of a topic's key dates calendar, if it has any

	// Updated is the site's newest content change, on the pages that
	// show no part of it in particular (see AsOf).
	Updated time.Time

	Article  *site.Article
	Version  *site.Version // a version of an article, on the page that shows what it changed
	Group    *site.Group
	Groups   []*site.Group
	Timeline *site.Page
	Year     *site.Year
	Month    *site.Month
	Latest   []*site.Teaser
	Years    []*site.Link    // every year with its count, on the timeline
	Upcoming []*site.KeyDate // key dates still to come, on the home page
	Story    *Story          // a topic's or regulator's story, on its own page
	Search   *Search         // the search page's filters
	Standing []Standing      // where an article's topics stand now, its first topic first
}

// Standing is where one of an article's topics stands now, for the
// article's page, whose own status is the one it was given when written.
type Standing struct {
	Topic  *site.Ref
	Status *content.Status
	Since  content.Date // when the topic reached the status; zero if no step says
	// Reported says that Since is the date of the article that reported
	// the status, not of an event.
	Reported bool
	// Confirmed is the date of the newest step that gave the status
	// again, after Since; zero if none did.
	Confirmed content.Date
}

// Masthead is what a page's masthead shows: the site's brand and the
// main navigation, with the page's kind to mark where the reader is.
// Pages of one kind share it, so the theme makes it once for each kind:
// {{cached "masthead" .Masthead}}.
type Masthead struct {
	Site *SiteInfo
	Kind string
}

// Masthead gives what the page's masthead shows.
func (p *Page) Masthead() Masthead { return Masthead{Site: p.Site, Kind: p.Kind} }

// SiteInfo is what every page may show of the site as a whole.
type SiteInfo struct {
	Settings content.Settings
	Search   bool // the site has a search index
}

// FeedLink is one feed a page offers for subscription.
type FeedLink struct {
	Name  string // what the feed follows: a topic's or regulator's name, or the site's title
	Title string
	Type  string // MIME type
	URL   string // site path
	Label string // RSS, Atom or JSON Feed
}

// TypeAttr is the link's type attribute, type="application/rss+xml",
// for {{.TypeAttr}} in a tag. Written as {{.Type}} in an attribute's
// value, html/template would give application/rss&#43;xml, which
// autodiscovery code that does not decode entities misses.
func (f FeedLink) TypeAttr() template.HTMLAttr {
	return template.HTMLAttr(`type="` + template.HTMLEscapeString(f.Type) + `"`)
}

func (r *renderer) newPage(kind, title, desc, url string) *Page {
	return &Page{r: r, Site: r.info, Kind: kind, Title: title, Description: desc, URL: url, Canonical: r.abs(url)}
}

// Feeds are the feeds the page offers for autodiscovery: its own in each
// format first (see OwnFeeds), then an article's other topics' and
// regulators', then the whole site's.
func (p *Page) Feeds() []FeedLink {
	// Made from the page's other data, so that a page's key need not
	// hash them (see key.go): as fields, at 100,000 articles, they were
	// a third of the data hashed.
	var groups []*site.Ref
	switch {
	case p.Kind == "article" && p.Article != nil:
		groups = slices.Concat(p.Article.Topics, p.Article.Regulators)
	case p.Group != nil:
		groups = []*site.Ref{&p.Group.Ref}
	}
	feeds := make([]FeedLink, 0, 3*len(groups)+len(p.r.siteFeeds))
	for _, g := range groups {
		feeds = append(feeds, p.r.groupFeeds(g)...)
	}
	return append(feeds, p.r.siteFeeds...)
}

// SiteFeeds are the whole site's feeds, in each format.
func (p *Page) SiteFeeds() []FeedLink { return p.r.siteFeeds }

// groupFeeds are a topic's or regulator's feed links, made once a build
// and shared by every page that offers them.
func (r *renderer) groupFeeds(g *site.Ref) []FeedLink {
	if links, ok := r.feedLinks.Load(g); ok {
		return links.([]FeedLink)
	}
	// The name alone: its feeds' titles add the format in brackets.
	links := feedLinks(cmp.Or(g.FullName, g.Name), g.URL)
	r.feedLinks.Store(g, links)
	return links
}

func feedLinks(title, dir string) []FeedLink {
	return []FeedLink{
		{Name: title, Title: title + " (RSS)", Type: rssType, URL: dir + rssFile, Label: "RSS"},
		{Name: title, Title: title + " (Atom)", Type: atomType, URL: dir + atomFile, Label: "Atom"},
		{Name: title, Title: title + " (JSON Feed)", Type: jsonType, URL: dir + jsonFile, Label: "JSON Feed"},
	}
}

// jobs lists every file of the site.
func (r *renderer) jobs() []job {
	s := r.site
	set := s.Settings
	r.topics = make(map[*site.Ref]*site.Group, len(s.Topics))
	for _, g := range s.Topics {
		r.topics[&g.Ref] = g
	}
	// Articles' and versions' pages, most of the files, are listed on
	// another core while the rest are.
	var articles, versions []job
	var listing sync.WaitGroup
	listing.Go(func() { articles, versions = r.articleJobs(), r.versionJobs() })
	var jobs []job

	home := r.newPage("home", set.Title, set.Description, "/")
	home.Latest = site.Teasers(s.Articles[:min(set.PageSize, len(s.Articles))])
	home.Groups = s.Topics
	home.Upcoming = s.Upcoming
	home.Updated = s.Updated
	homeJob := r.page("home.html", home)
	// The pages that list articles are made newest first, whatever they
	// list, so that an article's teaser is made about once (see
	// fragments).
	var lists lists

	for _, t := range s.Timeline {
		title := "Timeline"
		if t.Number > 0 {
			title = "Timeline, " + t.Span()
		}
		p := r.newPage("timeline", title, "Every article, newest first.", t.URL)
		p.Timeline = t
		p.Years = s.Archive
		lists.add(t.Months, r.page("list.html", p))
	}
	for _, y := range s.Years {
		p := r.newPage("year", fmt.Sprint(y.Year), fmt.Sprintf("Articles published in %d.", y.Year), y.URL)
		p.Year = y
		lists.add(y.Months, r.page("list.html", p))
		for _, m := range y.Months {
			p := r.newPage("month", m.Label(), "Articles published in "+m.Label()+".", m.URL)
			p.Month = m
			lists.add([]*site.Month{m}, r.page("list.html", p))
		}
	}

	for _, kind := range []string{"topics", "regulators"} {
		groups, title, desc := s.Topics, "Topics", "Every topic the bulletin follows, with where it stands now."
		if kind == "regulators" {
			groups, title, desc = s.Regulators, "Regulators", "Every regulator and body the bulletin reports on."
		}
		index := r.newPage(kind, title, desc, "/"+kind+"/")
		index.Groups = groups
		index.Updated = s.Updated
		jobs = append(jobs, r.page("groups.html", index))
		for _, g := range groups {
			p := r.newPage(strings.TrimSuffix(kind, "s"), groupTitle(&g.Ref), groupSummary(g), g.URL)
			p.Group = g
			p.Story = story(g)
			for _, t := range g.Pages[1:] {
				a := r.newPage(p.Kind+"-articles", g.Name+": articles, "+t.Span(),
					"Articles on "+groupTitle(&g.Ref)+", newest first.", t.URL)
				a.Group, a.Timeline = g, t
				lists.add(t.Months, r.page("list.html", a))
			}
			if kind == "topics" && hasEvents(g) {
				p.Calendar = g.URL + calendarFile
				jobs = append(jobs, r.calendarJobs(g)...)
			}
			lists.add(g.Pages[0].Months, r.page("group.html", p))
			// A topic whose articles have all gone keeps its feed while
			// its intro page stays: with no entry of its own to date it,
			// it takes the site's newest change, as Atom wants a date.
			f := r.newFeed(set.Title+": "+groupTitle(&g.Ref), groupSummary(g), g.URL, g.Articles, cmp.Or(g.Updated, s.Updated))
			jobs = append(jobs, r.groupFeedJobs(g, f)...)
		}
	}

	jobs = append(jobs, lists.sorted()...)

	search := r.newPage("search", "Search", "Search every article by word, regulator, topic and status.", SearchURL)
	search.Search = r.search()
	search.Updated = s.Updated
	jobs = append(jobs, r.page("search.html", search))

	notFound := r.newPage("404", "Page not found", "", "/404.html")
	notFound.Latest = home.Latest
	notFound.Updated = s.Updated
	jobs = append(jobs, r.page("404.html", notFound))

	siteFeed := r.newFeed(set.Title, set.Description, "/", site.Teasers(s.Articles), s.Updated)
	jobs = append(jobs, r.feedJobs(siteFeed)...)
	jobs = append(jobs, r.feedAliasJobs(siteFeed)...)
	jobs = append(jobs, r.redirects()...)
	jobs = append(jobs,
		r.sitemapJob(),
		job{name: "robots.txt", url: "/robots.txt", make: whole(r.robots)},
	)
	jobs = append(jobs, r.hostJobs()...)
	listing.Wait()
	return slices.Concat([]job{homeJob}, articles, versions, jobs)
}

// lists are the jobs of pages that list articles, each with the newest
// date it lists.
type lists []listJob

type listJob struct {
	newest time.Time
	job    job
}

// add adds the job of a page that lists months, newest first.
func (l *lists) add(months []*site.Month, j job) {
	var newest time.Time
	if len(months) > 0 && len(months[0].Articles) > 0 {
		newest = months[0].Articles[0].Date
	}
	*l = append(*l, listJob{newest, j})
}

// sorted gives the jobs, newest first; lists of the same date keep the
// order they were added in.
func (l lists) sorted() []job {
	// Places are sorted, not the jobs, which are large to move.
	order := make([]int32, len(l))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return cmp.Or(l[j].newest.Compare(l[i].newest), cmp.Compare(i, j)) })
	jobs := make([]job, len(l))
	for k, i := range order {
		jobs[k] = l[i].job
	}
	return jobs
}

// articleJobs are the article pages. There is one for each article, and
// serve lists them again after every change, so each page's model is
// made only when its key or its file is wanted, and not kept.
func (r *renderer) articleJobs() []job {
	jobs := make([]job, len(r.site.Articles))
	for i, a := range r.site.Articles {
		jobs[i] = job{name: FileFor(a.URL), url: a.URL, kind: pageFile, template: "article.html", from: fieldOf(a.Content, "slug"),
			r: r, page: func() *Page { return r.articlePage(a) }}
	}
	return jobs
}

// versionJobs are the pages of the articles' versions, each showing what
// its version changed. Like an article's, each page's model is made
// only when its key or its file is wanted; the comparison, only when its
// file is.
func (r *renderer) versionJobs() []job {
	jobs := make([]job, len(r.site.Versions))
	for i, v := range r.site.Versions {
		jobs[i] = job{name: FileFor(v.URL), url: v.URL, kind: pageFile, template: "version.html",
			r: r, page: func() *Page { return r.versionPage(v) }}
	}
	return jobs
}

func (r *renderer) versionPage(v *site.Version) *Page {
	on := v.Date.Format("2 January 2006")
	p := r.newPage("version", v.Article.Title+": what changed on "+on, v.Note, v.URL)
	p.Version = v
	return p
}

// Comparison is what the page's version changed, compared with the
// version before; nil on other pages.
func (p *Page) Comparison() *site.Comparison {
	if p.Version == nil {
		return nil
	}
	return p.Version.Compare(&p.Site.Settings)
}

func (r *renderer) articlePage(a *site.Article) *Page {
	p := r.newPage("article", a.Title, a.Summary, a.URL)
	p.Article = a
	for _, g := range a.Topics {
		if t := r.topic(g); t != nil && t.Status != nil {
			p.Standing = append(p.Standing, Standing{Topic: g, Status: t.Status, Since: t.Since, Reported: t.Reported, Confirmed: t.Confirmed})
		}
	}
	return p
}

// topic finds the topic a Ref names.
func (r *renderer) topic(ref *site.Ref) *site.Group {
	return r.topics[ref]
}

func groupTitle(g *site.Ref) string {
	if g.Kind == "regulators" && g.FullName != "" && g.FullName != g.Name {
		return g.FullName + " (" + g.Name + ")"
	}
	return g.Name
}

func groupSummary(g *site.Group) string {
	if g.Intro != nil && g.Intro.Summary != "" {
		return g.Intro.Summary
	}
	return fmt.Sprintf("Updates on %s.", groupTitle(&g.Ref))
}

func (r *renderer) feedJobs(f *feed) []job {
	for _, a := range f.Articles {
		if r.entryUses[a] == nil {
			r.entryUses[a] = new(atomic.Int32)
		}
		r.entryUses[a].Add(3) // one entry in each format
	}
	return []job{
		{name: strings.TrimPrefix(f.Dir+rssFile, "/"), url: f.Dir + rssFile, kind: feedFile, key: r.feedKey("rss", f), make: func(w *bytes.Buffer) error { return r.rss(f, w) }},
		{name: strings.TrimPrefix(f.Dir+atomFile, "/"), url: f.Dir + atomFile, kind: feedFile, key: r.feedKey("atom", f), make: func(w *bytes.Buffer) error { return r.atom(f, w) }},
		{name: strings.TrimPrefix(f.Dir+jsonFile, "/"), url: f.Dir + jsonFile, kind: feedFile, key: r.feedKey("json", f), make: func(w *bytes.Buffer) error { return r.jsonFeed(f, w) }},
	}
}

// groupFeedJobs makes the feeds f of a topic or regulator. Renamed, it
// keeps them at each of its old addresses too, the intro page's aliases:
// the same feed, with the id it was first published with (the first
// alias's, as an article's) and its entries' ids, so that a subscriber
// neither loses it nor sees an item twice, on every host (a feed reader
// does not follow the refresh of a page left at an old address).
func (r *renderer) groupFeedJobs(g *site.Group, f *feed) []job {
	if g.Intro != nil && len(g.Intro.Aliases) > 0 {
		f.ID = r.feedID(strings.TrimSuffix(g.Intro.Aliases[0], "/") + "/")
	}
	jobs := r.feedJobs(f)
	for _, dir := range oldDirs(g) {
		moved := *f
		moved.Dir = dir
		for _, j := range r.feedJobs(&moved) {
			j.from = pageAliases(g.Intro)
			jobs = append(jobs, j)
		}
	}
	return jobs
}

// calendarJobs makes the key dates calendar of a topic, at each of its
// old addresses too, as its feeds are: a calendar app does not follow
// the refresh of a page left there either.
func (r *renderer) calendarJobs(g *site.Group) []job {
	key := func() string { return r.hash.key("calendar", r.info, g) }
	ics := whole(func() ([]byte, error) { return r.calendar(g) })
	jobs := []job{{name: strings.TrimPrefix(g.URL, "/") + calendarFile, url: g.URL + calendarFile, key: key, make: ics}}
	for _, dir := range oldDirs(g) {
		jobs = append(jobs, job{name: strings.TrimPrefix(dir, "/") + calendarFile, url: dir + calendarFile,
			from: pageAliases(g.Intro), key: key, make: ics})
	}
	return jobs
}

// oldDirs are the old addresses of a renamed topic's or regulator's page
// that are folders, its feeds and calendar in them: its intro page's
// aliases, each ending in a slash, but those that name a file
// (/tags/alpha.html), which gets the page's redirect alone.
func oldDirs(g *site.Group) []string {
	if g.Intro == nil {
		return nil
	}
	var old []string
	for _, alias := range g.Intro.Aliases {
		if strings.HasSuffix(FileFor(alias), "/index.html") {
			old = append(old, strings.TrimSuffix(alias, "/")+"/")
		}
	}
	return old
}

// staticJobs copies the theme's static folder to the top of the site,
// with the problems of the files it refuses; err is an error reading it.
func staticJobs(templates fs.FS, dir string) (jobs []job, problems content.Errors, err error) {
	named := map[string]bool{}
	// The folder itself as a link is refused, as a link inside it is: its
	// files would be published from wherever it leads.
	if info, err := fs.Lstat(templates, StaticDir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		_, problem := content.StaticFile(dir, StaticDir, fs.FileInfoToDirEntry(info), named)
		return nil, content.Errors{problem}, nil
	}
	err = fs.WalkDir(templates, StaticDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == StaticDir {
			return err
		}
		name := strings.TrimPrefix(p, StaticDir+"/")
		skip, problem := content.StaticFile(content.JoinPath(dir, StaticDir), name, e, named)
		if problem != nil {
			problems = append(problems, problem)
		}
		switch {
		case skip && e.IsDir():
			return fs.SkipDir
		case skip || e.IsDir():
			return nil
		}
		jobs = append(jobs, job{name: name, url: "/" + name, from: source{file: content.JoinPath(dir, p), theme: true},
			make: whole(func() ([]byte, error) { return fs.ReadFile(templates, p) })})
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, unreadable(dir, err)
	}
	return jobs, problems, nil
}

// OwnFeeds are the page's own feed in each format: a topic's or
// regulator's on its pages, an article's first topic's (its first
// regulator's where it names no topic), and the whole site's on every
// other page.
func (p *Page) OwnFeeds() []FeedLink {
	feeds := p.Feeds()
	return feeds[:min(3, len(feeds))]
}

// OtherGroups are the topics and regulators an article names besides the
// one whose feed its page offers: each has a feed of its own, on its page.
func (p *Page) OtherGroups() []*site.Ref {
	if p.Article == nil {
		return nil
	}
	// The page offers the feed of the first it names.
	named := slices.Concat(p.Article.Topics, p.Article.Regulators)
	if len(named) == 0 {
		return nil
	}
	return named[1:]
}

func hasEvents(g *site.Group) bool {
	for _, st := range g.Story {
		if st.Event {
			return true
		}
	}
	return false
}
