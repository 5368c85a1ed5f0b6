// Package site joins checked articles into the site model: every page's
// URL, the articles in date order, topics and regulators with their
// stories and current status, month and year archives, the paginated
// timeline, related articles, feed ids, and the pages of articles'
// versions with what each changed (see versions.go).
//
// It takes a content.Set, the versions of its articles read from git
// (package history, which reads the disk so that site does not), and the
// moment of the build, and gives back a Site in which every list is
// sorted and every rule applied (a story's steps, which of them are
// still to come, where the status changed), so render only formats. The
// model is acyclic: articles point to each other, and lists (archives,
// timeline pages, topics and regulators, their stories) to articles,
// through Teasers, and to topics and regulators through Refs, so that
// what one page can reach, and its key hashes, is a small part of the
// site, and no page but an article's own follows its body. It touches no disk
// and knows nothing of templates or feeds; it reports problems that only
// show across files (two articles at one URL, an alias that clashes)
// with the file and line of each.
package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/unicode/norm"

	"bulletin/generator/content"
	"bulletin/generator/cores"
	"bulletin/generator/history"
)

// Site is the whole bulletin, ready to render.
type Site struct {
	Settings   content.Settings
	Articles   []*Article // published, newest first
	Topics     []*Group   // by name
	Regulators []*Group   // by abbreviation
	Years      []*Year    // newest first
	Timeline   []*Page
	Redirects  []Redirect
	// Assets are the content files published as they are, by the name
	// they are published at: their slash path in ContentDir, in
	// Unicode's composed form, as pages are named and links are read
	// (macOS writes some names decomposed). AssetFiles gives the path of
	// those whose name differs from it.
	Assets     []string
	AssetFiles map[string]string
	// assetFiles are the content's paths of Assets, one for one, where
	// a name differs from its path: two files whose names differ only
	// in Unicode form are published at one name, which AssetFiles gives
	// the path of only one of.
	assetFiles []string
	ContentDir string             // the content folder as editors name it, for messages
	Held       []*content.Article // dated in the future, not yet published
	Drafts     int
	Misspelt   []Misspelling    // topic and regulator names that look like misspellings of others, or share another's address, by file and line
	Stale      []*content.Error // topic intro pages whose status their story has left, as warnings
	// Moved are the published articles whose first address no alias
	// keeps (see firstPublished), and, as warnings, those whose status
	// changed with no note to tell subscribers (see silentStatus), those
	// whose feed entries would date their last change before the one
	// subscribers were last given (see silentBack), and the
	// drafts readers saw published (see unpublished): what history shows
	// changed. A feed id changed since is an error of New, which stops a
	// build, as subscribers would see the article twice.
	Moved    content.Errors
	Updated  time.Time  // the newest content change
	Upcoming []*KeyDate // key dates still to come across all topics, soonest first
	Archive  []*Link    // the years, newest first, with their counts
	Search   bool       // the build adds a search index, so the search page can offer search
	Bundles  []*Bundle  // the parts of the search index, newest first
	// Versions are the pages of the articles' versions after their first,
	// by article (newest first), each article's oldest first; see
	// versions.go.
	Versions []*Version
	// NoHistory says in one line, for the build summary, why there are
	// no versions at all (see history.History.Reason); empty when the
	// content's history was read, or not asked for.
	NoHistory string
	// Refused are the URLs and aliases that the articles refused for
	// another problem would claim (see RefusedURL), so that their clash
	// with the site's own files is told in the same run.
	Refused []RefusedPath
	// Until is the first moment after the build's at which the same
	// content makes another site: a held-back article comes out, or a
	// step of a story is reached or an event's day passes. Zero if none.
	Until time.Time
	// Warned is the first moment after the build's at which the same
	// content is warned of otherwise, the site itself as it was: an
	// updated or withdrawal date still to come comes, readers see as
	// committed an article since deleted, a moment of an article's
	// history comes, the minute a warning gives as now is past (see
	// silentBack), or an article held back is no longer FarAhead. Zero
	// if none. A build's report holds until then.
	Warned time.Time

	draftsSeen []time.Time        // when readers see drafts as committed, after the build (see firstSeen)
	drafted    []*content.Article // the drafts left out (see Drafted)
	goneSeen   []time.Time        // when readers see articles since deleted as committed, after the build (see removed)
	unseen     []*Article         // see Unseen
	retold     []*Article         // see Retold
}

// Unseen gives the articles, newest first, that readers have seen no
// committed step of, as git's history, read whole, has them: new in the
// work tree, or committed only as drafts or dated ahead until now; and
// those the last commit to change the content folder first published,
// which its build, in CI say, publishes. It gives none without history.
func (s *Site) Unseen() []*Article { return s.unseen }

// Drafted gives the drafts s leaves out, whose links check warns of: no
// method of Site, which templates see, as drafts are no part of a page.
func Drafted(s *Site) []*content.Article { return s.drafted }

// Retold gives the articles, newest first, that readers saw before and
// whose last change (updated, or the withdrawal's date) the work tree or
// the last commit to change the content folder moved later: the build
// that first gives feeds that change. It gives none without history.
func (s *Site) Retold() []*Article { return s.retold }

// Article is a published article with its place in the site and its
// links to other articles. The page data of templates is acyclic, so
// that a page's key can hash all of it (see package render): an article
// points to other articles only through their Teasers, and to topics
// and regulators only through their Refs.
type Article struct {
	Teaser
	Content    *content.Article // the article as read, with its body
	Related    []*Teaser        // up to five articles a reader of this one may want next, those on its topics first (see related)
	SameTopic  int              // how many of Related, from the first, share a topic with it
	Topic      *Ref             // its first topic as written, whose story its status tells; nil if it has none
	Newer      *Teaser          // the newest article of one of its topics, when newer than this
	NewerTopic *Ref
	// History is its page history: Changes newest first (in the order
	// they are written on a tie), each entry with the page of the version
	// it began.
	History []Change

	topics, regulators []*Group // what Topics and Regulators name, for site's own work
	firstTopic         *Group   // the topic its status belongs to
	year               int      // the year and month of its URL
	month              time.Month
	moved              content.Errors // see firstPublished and silentStatus
	renamed            content.Errors // its feed id, changed since it was first published (see firstPublished)
	rehomed            *rehome        // how it was first published, when only the authority of its id can have changed since (see Site.rehomed)
	seenAt             time.Time      // when readers see it as committed, if after the build (see firstSeen)
	warnAt             time.Time      // when its warnings of history and of dates ahead may change, if after the build (see Site.Warned)
	unseen             bool           // readers have seen no committed step of it (see firstPublished)
	retold             bool           // see retold
}

// Body is the article's body as HTML.
func (a *Article) Body() (string, error) { return a.Content.Body() }

// Teaser is what one article makes on its own, without its body or its
// links to other articles: as related links and banners show it.
type Teaser struct {
	*content.Meta
	URL        string // site path, e.g. /2025/03/ics-assessments-paused-again/
	ID         string // feed entry id; never changes once published
	Modified   time.Time
	Status     *content.Status
	Topics     []*Ref // in the order the article names them
	Regulators []*Ref // likewise

	article *Article // the article it stands for, see Full
}

// Full gives the article a teaser stands for, with its body and links,
// to the code that makes its page and feeds and checks it. Templates
// reach it only from the article's own page: other pages are given
// teasers, which a body edit leaves alone.
func Full(t *Teaser) *Article { return t.article }

// Teasers gives the teasers of articles, in their order.
func Teasers(articles []*Article) []*Teaser {
	out := make([]*Teaser, len(articles))
	for i, a := range articles {
		out[i] = &a.Teaser
	}
	return out
}

// RefusedPath is a site path an article refused for another problem
// would claim: its URL (Field slug) or an alias as written (aliases).
type RefusedPath struct {
	Path, File, Field string
	Line              int
}

// Redirect sends an old URL to an article's or a group's current one.
type Redirect struct {
	From, To string
	Of       *content.Article // the article whose aliases name From, or nil
	Page     *content.Page    // else the intro page whose aliases name it
	File     string           // else the settings file whose feed_aliases name it
	Line     int              // the line of the alias in Of or File; 0 for a Page's
}

// New builds the site from a checked content set, with the versions of
// its articles in h (nil for none). Articles dated after now are held
// back; drafts are left out. When two articles claim one URL it gives
// the error with the site, whose other problems can then be found in
// the same run; such a site is not to be published.
func New(set *content.Set, h *history.History, now time.Time) (*Site, error) {
	var m *Memo
	return m.New(set, h, now)
}

// New is New, taking again from m what it worked out before where what
// it was made from is the same, and keeping in m what it works out now.
func (m *Memo) New(set *content.Set, h *history.History, now time.Time) (*Site, error) {
	defer m.begin()()
	s := &Site{Settings: set.Settings, ContentDir: set.Dir}
	s.Assets = make([]string, len(set.Assets))
	for i, p := range set.Assets {
		if s.Assets[i] = norm.NFC.String(p); s.Assets[i] != p {
			if s.AssetFiles == nil {
				s.AssetFiles = map[string]string{}
			}
			s.AssetFiles[s.Assets[i]] = p
			s.assetFiles = set.Assets
		}
	}
	if h != nil {
		s.NoHistory = h.Reason
	}
	var published []*content.Article
	var gone []*content.Article // articles readers saw, since gone
	var drafts []*content.Article
	for _, a := range set.Articles {
		switch {
		case Published(a, now), s.Settings.Drafts && a.Draft && !a.Date.After(now):
			published = append(published, a)
		case a.Draft && !s.Settings.Drafts:
			s.Drafts++
			drafts = append(drafts, a)
			s.drafted = append(s.drafted, a)
			if w := s.unpublished(a, h.Versions(a.Path), now); w != nil {
				s.Moved = append(s.Moved, w)
				gone = append(gone, s.lastSeen(a, set.Dir, h.Versions(a.Path)))
			}
		default:
			s.Held = append(s.Held, a)
		}
	}
	if len(published) > 0 {
		// One block holds them all, which costs the collector one object
		// rather than thousands.
		block := make([]Article, len(published))
		known := m.knownNames(s.Settings.IDAuthority)
		rank := make([]int32, len(published))
		cores.Each(published, func(i int, a *content.Article) {
			k, ok := known[a]
			if !ok {
				k.rank = -1
			}
			s.newArticle(&block[i], a, k)
			rank[i] = k.rank
		})
		s.Articles = inDateOrder(block, rank, len(known))
	}
	m.keepNames(s)
	// URLs and ids are checked for clashes on another core while the
	// rest is worked out: the check only reads them.
	var clash error
	var checking sync.WaitGroup
	checking.Go(func() { clash = m.checkURLs(s, set) })
	// Each article's versions, and its page history, are its own: they
	// are worked out on every core.
	versions := make([][]*Version, len(s.Articles))
	cores.Each(s.Articles, func(i int, a *Article) { versions[i] = s.versions(a, h.Versions(a.Content.Path)) })
	s.Versions = slices.Concat(versions...)
	for _, a := range s.Articles {
		if a.Modified.After(s.Updated) {
			s.Updated = a.Modified
		}
		for i, alias := range a.Aliases {
			s.Redirects = append(s.Redirects, Redirect{From: alias, To: a.URL, Of: a.Content, Line: a.Content.AliasLine(i)})
		}
	}
	if w := s.zoneMoved(h); w != nil {
		s.Moved = append(s.Moved, w)
	}
	var replaced content.Errors // new articles that stand in for ones gone, with another feed id
	if removed := h.Gone(); len(removed) > 0 {
		told, stand, last := s.removed(removed, set.Dir, h, now)
		s.Moved, replaced, gone = append(s.Moved, told...), stand, append(gone, last...)
	}
	named(s.Articles)
	// Topics and regulators are gathered side by side: each writes only
	// its own fields of the articles.
	var gathering sync.WaitGroup
	gathering.Go(func() {
		s.Topics = groups("topics", set.Topics, s.Articles, func(a *Article) []string { return a.Meta.Topics },
			func(a *Article, g *Group) { a.topics, a.Topics = append(a.topics, g), append(a.Topics, &g.Ref) }, &s.Settings, now, m)
	})
	s.Regulators = groups("regulators", set.Regulators, s.Articles, func(a *Article) []string { return a.Meta.Regulators },
		func(a *Article, g *Group) {
			a.regulators, a.Regulators = append(a.regulators, g), append(a.Regulators, &g.Ref)
		}, &s.Settings, now, m)
	gathering.Wait()
	moved := s.groupRedirects()
	s.Moved = append(s.Moved, s.groupsLost(append(gone, dropped(s.Articles, h)...))...)
	slices.SortFunc(s.Redirects, func(a, b Redirect) int { return strings.Compare(a.From, b.From) })
	// The names of drafts, and of articles refused for another problem,
	// are checked too, so that a slip is found before they come out.
	unpublished := slices.Concat(set.Refused, drafts)
	s.Misspelt = slices.Concat(checkNames(s.Topics, unpublished, "topics", &s.Settings), checkNames(s.Regulators, unpublished, "regulators", &s.Settings),
		checkSpellings(s.Topics, "topics", func(a *Article) []string { return a.Meta.Topics }),
		checkSpellings(s.Regulators, "regulators", func(a *Article) []string { return a.Meta.Regulators }),
		checkTopicsNamedAsRegulators(s.Topics, s.Regulators, unpublished, &s.Settings))
	slices.SortStableFunc(s.Misspelt, func(a, b Misspelling) int {
		return cmp.Or(strings.Compare(a.Problem.File, b.Problem.File), cmp.Compare(a.Problem.Line, b.Problem.Line))
	})
	s.Stale = staleStatuses(s.Topics)
	cores.Each(s.Articles, func(_ int, a *Article) {
		vs := h.Versions(a.Content.Path)
		a.moved, a.renamed = s.firstPublished(a, vs, now)
		if w := silentStatus(a, vs); w != nil {
			a.moved = append(a.moved, w)
		}
		if w := silentBack(a, vs, now, s.Settings.Location, &a.warnAt); w != nil {
			a.moved = append(a.moved, w)
		}
		a.retold = retold(a, vs, now, s.Settings.Location, &a.warnAt)
		if w := updatedAhead(a, now, s.Settings.Location, &a.warnAt); w != nil {
			a.moved = append(a.moved, w)
		}
		if w := withdrawnAhead(a, now, s.Settings.Location, &a.warnAt); w != nil {
			a.moved = append(a.moved, w)
		}
		a.Related, a.SameTopic = related(a, 5)
		if a.firstTopic != nil {
			a.Topic = &a.firstTopic.Ref
		}
		if b, g := newer(a); b != nil {
			a.Newer, a.NewerTopic = &b.Teaser, &g.Ref
		}
	})
	var renamed content.Errors
	whole := h != nil && h.Reason == "" && !h.Hidden
	for _, a := range s.Articles {
		s.Moved = append(s.Moved, a.moved...)
		renamed = append(renamed, a.renamed...)
		if whole && (a.unseen || h.Fresh[a.Content.Path]) {
			s.unseen = append(s.unseen, a)
		} else if whole && a.retold {
			s.retold = append(s.retold, a)
		}
	}
	if !s.Settings.Broken {
		renamed = append(renamed, s.rehomed()...)
	}
	// Where history gives the authority the ids were first published
	// with, its error says which to set.
	told := slices.ContainsFunc(renamed, func(e *content.Error) bool { return e.File == content.JoinPath(s.ContentDir, content.SettingsFile) })
	if s.Settings.FlagAuthority && len(s.Articles) > 0 && !told {
		s.Moved = append(s.Moved, &content.Error{File: content.JoinPath(s.ContentDir, content.SettingsFile), Warning: true,
			Msg: fmt.Sprintf("sets neither base_url nor id_authority, so the feed ids take their authority from the base URL the build was given, %s, which git does not keep: a build given another, or a base_url set here later, would change every id, and subscribers would see every article again as new: set id_authority: %s", s.Settings.IDAuthority, s.Settings.IDAuthority)})
	}
	s.Upcoming = upcoming(s.Topics)
	s.Until = until(s, now)
	for _, a := range s.Articles {
		soonest(&s.Warned, a.warnAt, now)
	}
	for _, t := range s.goneSeen {
		soonest(&s.Warned, t, now)
	}
	for _, a := range s.Held {
		if FarAhead(a.Date, now) {
			soonest(&s.Warned, farAheadEnds(a.Date), now)
		}
	}
	s.Years = years(s.Articles)
	s.Bundles = bundles(s.Years, s.Settings.SearchBundle)
	for _, y := range s.Years {
		s.Archive = append(s.Archive, y.link())
	}
	s.Timeline = timeline("/timeline/", s.Articles, s.Settings.PageSize)
	cores.Each(slices.Concat(s.Topics, s.Regulators), func(_ int, g *Group) {
		g.Pages = timeline(g.URL, g.articles, s.Settings.PageSize)
		if len(g.Articles) <= s.Settings.PageSize {
			g.Pages = g.Pages[:1] // all fit on the group's own page
		}
	})
	checking.Wait()
	return s, slices.Concat(content.AsErrors(clash), moved, renamed, replaced).Err()
}

// inDateOrder gives the articles newest first, those of one date by
// URL (see newestFirst), and those of one URL (a clash, told elsewhere)
// in their order in block: with that last rule the order is total, so
// the quicker sort, which is not stable, gives what a stable one would.
// rank gives each article's place in the last New's order, of last
// places, or -1 for one it did not have: the articles placed keep their
// order, which is theirs still, as the order is made of what they were
// read from and their places in block, and only the others are sorted
// and merged in. After a save, that is the articles it changed.
func inDateOrder(block []Article, rank []int32, last int) []*Article {
	before := func(i, j int32) int {
		return cmp.Or(newestFirst(&block[i], &block[j]), cmp.Compare(i, j))
	}
	placed := make([]int32, last)
	for k := range placed {
		placed[k] = -1
	}
	var fresh []int32
	for i, r := range rank {
		if r >= 0 && int(r) < last && placed[r] < 0 {
			placed[r] = int32(i)
		} else {
			fresh = append(fresh, int32(i))
		}
	}
	kept := slices.DeleteFunc(placed, func(i int32) bool { return i < 0 })
	slices.SortFunc(fresh, before)
	articles := make([]*Article, 0, len(block))
	for _, i := range mergeSorted(kept, fresh, before) {
		articles = append(articles, &block[i])
	}
	return articles
}

// mergeSorted merges a and b, each in order by cmp, into one in that
// order, a's first where two tie.
func mergeSorted[T any](a, b []T, cmp func(x, y T) int) []T {
	out := make([]T, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if cmp(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// named gives each article room for the topics and regulators it names,
// which gathering them fills in, from one block for the whole site
// rather than a few small slices for each article.
func named(articles []*Article) {
	n := 0
	for _, a := range articles {
		n += len(a.Meta.Topics) + len(a.Meta.Regulators)
	}
	groups, refs := make([]*Group, n), make([]*Ref, n)
	for _, a := range articles {
		if k := len(a.Meta.Topics); k > 0 {
			a.topics, a.Topics, groups, refs = groups[:0:k], refs[:0:k], groups[k:], refs[k:]
		}
		if k := len(a.Meta.Regulators); k > 0 {
			a.regulators, a.Regulators, groups, refs = groups[:0:k], refs[:0:k], groups[k:], refs[k:]
		}
	}
}

// newArticle fills in a, a zero Article, as the site's article for c,
// with its URL and id as a New before worked them out, if it did. Its
// fields are set one by one: a whole Article written at once costs a
// copy of the whole, at 10,000 articles a tenth of a serve update.
func (s *Site) newArticle(a *Article, c *content.Article, known names) {
	if known.url == "" {
		known.url = ArticleURL(c)
	}
	a.Content, a.Meta, a.URL, a.Modified = c, &c.Meta, known.url, c.Date
	a.Status = s.Settings.Status(c.Status)
	a.article = a
	a.year, a.month, _ = c.Date.Date()
	if c.Updated.After(a.Modified) {
		a.Modified = c.Updated
	}
	if c.Withdrawn != nil && c.Withdrawn.Date.After(a.Modified) {
		a.Modified = c.Withdrawn.Date
	}
	a.ID = cmp.Or(c.ID, known.id)
	if a.ID == "" {
		a.ID = tagURI(s.Settings.IDAuthority, c.Date, a.originalPath())
	}
}

// Published reports whether an article is published at now: it is not
// a draft, and not dated after now (held back until then).
func Published(a *content.Article, now time.Time) bool {
	return !a.Draft && !a.Date.After(now)
}

// RefusedURL is the site path an article refused for another problem
// would have, when its date and slug give one; "" when they do not.
func RefusedURL(a *content.Article) string {
	if a.Date.IsZero() || a.Slug == "" || content.CheckSegment(a.Slug) != "" {
		return ""
	}
	return ArticleURL(a)
}

// ArticleURL is the site path of an article's page, from its date and
// slug: /2025/03/ics-assessments-paused-again/.
func ArticleURL(c *content.Article) string {
	b := make([]byte, 0, len("/2006/01//")+len(c.Slug))
	b = append(appendDate(append(b, '/'), c.Date, '/', false), '/')
	return string(append(append(b, c.Slug...), '/'))
}

// appendDate appends t's year and month as t.Format("2006/01") does, and
// its day too as "2006/01/02" does when day is set, with sep between
// them: a site builds the dates of ten thousand URLs and feed ids, and
// Format reads its layout anew each time.
func appendDate(b []byte, t time.Time, sep byte, day bool) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		layout := "2006/01"
		if day {
			layout = "2006/01/02"
		}
		return t.AppendFormat(b, strings.ReplaceAll(layout, "/", string(sep)))
	}
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), sep, byte('0'+m/10), byte('0'+m%10))
	if day {
		b = append(b, sep, byte('0'+d/10), byte('0'+d%10))
	}
	return b
}

// originalPath is where the article was first published: its first alias
// if it has moved, else its URL.
func (a *Article) originalPath() string {
	if len(a.Aliases) > 0 {
		return sitePath(a.Aliases[0])
	}
	return a.URL
}

// sitePath writes an alias the way article URLs are written, ending in a
// slash, so "/2024/05/old" and "/2024/05/old/" are one path.
func sitePath(alias string) string {
	return strings.TrimSuffix(alias, "/") + "/"
}

// tagURI mints an RFC 4151 tag URI, stable across edits, rebuilds, new
// slugs and new hosts.
func tagURI(authority string, published time.Time, path string) string {
	b := make([]byte, 0, len("tag:,2006-01-02:")+len(authority)+len(path))
	b = append(append(append(b, "tag:"...), authority...), ',')
	b = appendDate(b, published, '-', true)
	return string(appendIRIPath(append(b, ':'), path))
}

// appendIRIPath appends a site path as an IRI holds it: the characters
// an IRI may not hold (a space, a percent sign, which the path holds
// decoded, and "<>\^`{|} with the ASCII controls) percent-encoded, the
// rest, letters of any script too, as they are. An alias may hold them:
// "/old news/" is "/old%20news/".
func appendIRIPath(b []byte, path string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(path); i++ {
		if c := path[i]; notInIRI(c) {
			b = append(b, '%', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return b
}

// notInIRI says whether an IRI must percent-encode the byte c.
func notInIRI(c byte) bool {
	switch c {
	case '%', '"', '<', '>', '\\', '^', '`', '{', '|', '}', 0x7f:
		return true
	}
	return c <= ' '
}

// AssetFile is the slash path in the content folder of the asset
// published at name.
func (s *Site) AssetFile(name string) string {
	if p, ok := s.AssetFiles[name]; ok {
		return p
	}
	return name
}

// AssetFileAt is the slash path in the content folder of the asset
// Assets[i]: of each of two files whose names differ only in Unicode
// form, published at one name, its own.
func (s *Site) AssetFileAt(i int) string {
	if s.assetFiles != nil {
		return s.assetFiles[i]
	}
	return s.AssetFile(s.Assets[i])
}

// KeyDate is a key date still to come, with the topics it belongs to.
type KeyDate struct {
	*Step
	Topics []*Ref
}

// upcoming merges the topics' key dates still to come, listing an event
// shared by several topics once.
func upcoming(topics []*Group) []*KeyDate {
	type event struct {
		second int64 // the instant, to the second, as dates are written
		label  string
	}
	var out []*KeyDate
	byKey := map[event]*KeyDate{}
	for _, g := range topics {
		for _, st := range g.Upcoming {
			key := event{st.Date.Time.Unix(), st.Label}
			if u := byKey[key]; u != nil {
				u.Topics = append(u.Topics, &g.Ref)
				continue
			}
			u := &KeyDate{Step: st, Topics: []*Ref{&g.Ref}}
			byKey[key] = u
			out = append(out, u)
		}
	}
	slices.SortStableFunc(out, func(a, b *KeyDate) int {
		if c := a.Date.Time.Compare(b.Date.Time); c != 0 {
			return c
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// until finds the first moment after now at which a held-back article
// or a step of a story, or the end of an event's day or month, is
// reached, or readers see a version committed with a date still to
// come: every comparison with now that New makes.
func until(s *Site, now time.Time) time.Time {
	var first time.Time
	note := func(t time.Time) {
		// The end of an event's day in 9999 is in year 10000, which no
		// build will see and which no RFC 3339 time can hold.
		if t.After(now) && t.Year() <= 9999 && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	for _, a := range s.Held {
		note(a.Date)
	}
	for _, a := range s.Articles {
		note(a.seenAt)
	}
	for _, t := range s.draftsSeen {
		note(t)
	}
	for _, g := range slices.Concat(s.Topics, s.Regulators) {
		for _, st := range g.Story {
			if !st.Upcoming {
				continue // see Step.Upcoming: both moments below are past
			}
			if st.Event {
				note(dayEnd(st.Date)) // see Step.Upcoming
			} else {
				note(st.Date.Time)
			}
		}
	}
	return first
}
