package site

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"bulletin/generator/content"
	"bulletin/generator/history"
)

// firstPublished checks an article against what made its address and
// feed id when readers first saw it, as the content's history has it
// (vs, oldest first): an address that no alias keeps would lead readers
// who saved it nowhere (moved), and a feed id that has changed would
// show subscribers the article again, as new (renamed). A date
// corrected, an alias put first, a slug or file renamed: each is an
// error at the field that changed, saying what to write. Readers first
// saw the article as the first committed step that stood when its date
// arrived, before the next step replaced it; an article never seen so by
// now holds nothing.
func (s *Site) firstPublished(a *Article, vs []history.Version, now time.Time) (moved, renamed content.Errors) {
	was, date, seen := s.firstSeen(vs, now, &a.seenAt)
	if !seen {
		a.unseen = true
		return nil, nil
	}
	c := a.Content
	first := asFirstSeen(was, date, c.Path)
	commit := short(was.Commit)
	var errs content.Errors
	// An error is told at the first field changed that the front matter
	// sets, or at its first line, naming the file's old name.
	field := func(changed ...string) (string, int) {
		for _, f := range changed {
			if line := c.Lines.Line(f); line > 0 {
				return f, line
			}
		}
		if first.Path != c.Path {
			return "renamed from " + first.Path, c.Line
		}
		return "front matter", c.Line
	}
	// Most articles are as they were first seen: that is found without
	// making their address and id again, which serve does after every
	// save.
	y, m, d := date.Date()
	cy, cm, cd := c.Date.Date()
	url := a.URL
	if first.Slug != c.Slug || y != cy || m != cm {
		url = ArticleURL(first)
	}
	// An address that differs from the URL only in case no alias can
	// keep beside it (see checkClaims): the slug it had keeps it.
	recased := url != a.URL && content.Fold(url) == content.Fold(a.URL)
	switch {
	case recased:
		f, line := field("slug") // else the file's name, which only differs in case
		errs = append(errs, &content.Error{File: c.File, Line: line,
			Msg: fmt.Sprintf("%s: the article was first published at %s (commit %s), which differs from its URL, %s, only in case or Unicode form: many hosts serve the two as one, so no alias can keep the old address beside the new: give it slug: %s, as it was", f, url, commit, a.URL, lastSegment(url))})
	case url != a.URL && !slices.ContainsFunc(c.Aliases, func(al string) bool { return sitePath(al) == url }):
		f, line := field(changedFields(first, c)...)
		errs = append(errs, &content.Error{File: c.File, Line: line,
			Msg: fmt.Sprintf("%s: the article was first published at %s (commit %s), which would no longer lead to it: add %s to aliases", f, url, commit, url)})
	}
	errs = append(errs, s.laterAddresses(a, vs, url, now)...)
	original := originalOf(first, url)
	if first.ID == "" && c.ID == "" && (y == cy && m == cm && d == cd && original == a.originalPath() || tagURI(s.Settings.IDAuthority, date, original) == a.ID) {
		// The id is made of the day and the original address, as it was
		// then: only its authority can have changed, which is told for
		// the site as a whole (see rehomed).
		if was.IDAuthority != "" {
			r := &rehome{was: was, id: a.ID}
			if was.IDAuthority != s.Settings.IDAuthority {
				r.id = tagURI(was.IDAuthority, date, original)
			}
			a.rehomed = r
		}
		return errs, nil
	}
	id := s.firstID(was, date, first, original)
	if id != a.ID {
		f, line := field(changedFields(first, c)...)
		fix := fmt.Sprintf("set id to %s to keep it", id)
		switch {
		case recased:
			// The slug it had keeps both.
			fix, errs = fmt.Sprintf("give it slug: %s, as it was, which keeps both the id and the old address, as no alias can beside an address that differs only in case", lastSegment(url)), nil
		case len(errs) > 0 && c.ID == "" && tagURI(s.Settings.IDAuthority, c.Date, url) == id:
			// The old address as the first alias gives the old id too:
			// one change mends both, so one error tells it.
			where := ""
			if len(c.Aliases) > 0 {
				where = ", first, before " + c.Aliases[0]
			}
			fix, errs = fmt.Sprintf("add %s to aliases%s, which keeps both the id and the old address", url, where), nil
		}
		renamed = content.Errors{{File: c.File, Line: line,
			Msg: fmt.Sprintf("%s: the feed id would change from %s, as first published (commit %s), to %s, and subscribers would see the article again as new: %s", f, id, commit, a.ID, fix)}}
	}
	return errs, renamed
}

// originalOf is where first, an article as readers first saw it at url,
// was first published: its first alias then, else url.
func originalOf(first *content.Article, url string) string {
	if len(first.Aliases) > 0 {
		return sitePath(first.Aliases[0])
	}
	return url
}

// firstID is the feed id readers first saw for first, the article as
// was, on date, made it, first published at original: its own id, else
// a tag URI of the authority site.yaml gave then, where history knows
// it.
func (s *Site) firstID(was history.Names, date time.Time, first *content.Article, original string) string {
	return cmp.Or(first.ID, tagURI(cmp.Or(was.IDAuthority, s.Settings.IDAuthority), date, original))
}

// asFirstSeen is the article at path as what made its address and id
// when readers first saw it (was, on date) gives it: its path then, or
// path where history has none, its slug, id and aliases.
func asFirstSeen(was history.Names, date time.Time, path string) *content.Article {
	first := &content.Article{Path: cmp.Or(was.Path, path), Meta: content.Meta{Date: date, Slug: norm.NFC.String(was.Slug), ID: was.ID}}
	if first.Slug == "" {
		first.Slug = content.DefaultSlug(first.Path)
	}
	for _, al := range was.Aliases {
		first.Aliases = append(first.Aliases, content.AliasPath(al))
	}
	return first
}

// firstSeen gives what made an article's address and id when readers
// first saw it, as the content's history has it (vs, oldest first), and
// its date then: the first committed step that stood when its date
// arrived, before the next step replaced it. seen is false for an
// article never seen so by now; when the step that stands now is dated
// after now, readers see it then, and at is set to that moment, which
// makes another site (see until).
func (s *Site) firstSeen(vs []history.Version, now time.Time, at *time.Time) (was history.Names, date time.Time, seen bool) {
	if len(vs) == 0 {
		return was, date, false
	}
	steps := vs[0].Published
	for i, n := range steps {
		d, err := content.ParseDate(n.Date, s.Settings.Location)
		if err != nil {
			continue // it could not have been published under that date
		}
		replaced := now
		if i+1 < len(steps) {
			replaced = steps[i+1].Committed
		}
		if !d.After(replaced) {
			return n, d, true
		}
		if i+1 == len(steps) {
			*at = d
		}
	}
	return was, date, false
}

// seenSteps gives each committed step of an article's first version's
// Published that readers saw, oldest first, with its date: one that
// stood when its date had come, before the next replaced it.
func (s *Site) seenSteps(vs []history.Version, now time.Time) (steps []history.Names, dates []time.Time) {
	if len(vs) == 0 {
		return nil, nil
	}
	all := vs[0].Published
	for i, n := range all {
		d, err := content.ParseDate(n.Date, s.Settings.Location)
		if err != nil {
			continue
		}
		replaced := now
		if i+1 < len(all) {
			replaced = all[i+1].Committed
		}
		if !d.After(replaced) {
			steps, dates = append(steps, n), append(dates, d)
		}
	}
	return steps, dates
}

// laterAddresses tells of each address readers saw the article at after
// its first, first (its first address, told by firstPublished), as its
// history has it (vs), that no alias keeps: a rename kept the first
// address, and readers who saved the second, or whose feed entries link
// to it, would be led nowhere by a second rename. An address that
// differs from the URL only in case leads to the article on the hosts
// that serve the two as one, and on the others no alias can keep it.
func (s *Site) laterAddresses(a *Article, vs []history.Version, first string, now time.Time) content.Errors {
	c := a.Content
	steps, dates := s.seenSteps(vs, now)
	told := map[string]bool{first: true, a.URL: true}
	var errs content.Errors
	for i, n := range steps {
		was := asFirstSeen(n, dates[i], c.Path)
		url := ArticleURL(was)
		if told[url] || content.Fold(url) == content.Fold(a.URL) || slices.ContainsFunc(c.Aliases, func(al string) bool { return sitePath(al) == url }) {
			continue
		}
		told[url] = true
		f, line := "front matter", c.Line
		for _, name := range changedFields(was, c) {
			if l := c.Lines.Line(name); l > 0 {
				f, line = name, l
				break
			}
		}
		errs = append(errs, &content.Error{File: c.File, Line: line,
			Msg: fmt.Sprintf("%s: the article was published at %s too (commit %s), after it was first published at %s, and readers who saved that address, or whose feed entries link to it, would be led nowhere: add %s to aliases", f, url, short(n.Commit), first, url)})
	}
	return errs
}

// unpublished warns of a draft that readers saw, as the content's
// history has it (vs): as a draft it leaves the site and every feed
// without a word to them. Withdrawing it tells them; a draft stays the
// way to take it down at once, as the law may ask.
func (s *Site) unpublished(a *content.Article, vs []history.Version, now time.Time) *content.Error {
	var at time.Time
	was, _, seen := s.firstSeen(vs, now, &at)
	if !at.IsZero() {
		s.draftsSeen = append(s.draftsSeen, at)
	}
	if !seen {
		return nil
	}
	return &content.Error{File: a.File, Line: cmp.Or(a.Lines.Line("draft"), a.Line), Warning: true,
		Msg: fmt.Sprintf("draft: the article was published (commit %s), and as a draft its page and feed entries go without a word to readers: to tell them why, set withdrawn instead, with the date and the reason", short(was.Commit))}
}

// removed warns of each article readers saw whose file is gone (see
// history.Removed), naming each address it was first published at, or
// given as an alias then, that no article of the site keeps: it leads
// nowhere now, and the article's feed entries go without a word.
// Withdrawing it tells readers; an alias keeps an address for the
// article that replaces it. dir is the content folder as editors name it.
// It gives too each such article as its last version reads, so that the
// topics and regulators it named can be looked for (see groupsLost).
func (s *Site) removed(gone []history.Removed, dir string, h *history.History, now time.Time) (told, renamed content.Errors, last []*content.Article) {
	var byTitle map[string][]*Article // the site's articles, by title, once one is looked for
	for _, r := range gone {
		var at time.Time
		was, date, seen := s.firstSeen(r.Versions, now, &at)
		if !at.IsZero() {
			s.goneSeen = append(s.goneSeen, at)
		}
		if !seen {
			continue
		}
		// A version that cannot be read names nothing to look for; the
		// file is gone, so no error of its is the editor's to fix. A
		// draft's topics lost their pages when it became one.
		a, _ := content.Parse(dir, r.Path, r.Versions[len(r.Versions)-1].Data, &s.Settings)
		if a != nil && !a.Draft {
			a.Lines = content.FieldLines{} // of a file no longer there
			last = append(last, a)
		}
		urls := addresses(ArticleURL(asFirstSeen(was, date, r.Path)), r.Versions[0].Published)
		steps, dates := s.seenSteps(r.Versions, now)
		for i, n := range steps {
			if url := ArticleURL(asFirstSeen(n, dates[i], r.Path)); !slices.Contains(urls, url) {
				urls = append(urls, url)
			}
		}
		var lost []string
		for _, url := range urls {
			if !s.keeps(url) {
				lost = append(lost, url)
			}
		}
		if len(lost) == 0 {
			continue
		}
		if byTitle == nil {
			byTitle = map[string][]*Article{}
			for _, a := range s.Articles {
				byTitle[a.Title] = append(byTitle[a.Title], a)
			}
		}
		if e := s.successor(a, content.JoinPath(dir, r.Path), byTitle, was, date, lost[0], h, now); e != nil {
			renamed = append(renamed, e)
			continue
		}
		how := "deleted, not yet committed,"
		if r.Commit != "" {
			how = "deleted by commit " + short(r.Commit) + ","
		}
		list := strings.Join(lost, " and ")
		told = append(told, &content.Error{File: content.JoinPath(dir, r.Path), Warning: true,
			Msg: fmt.Sprintf("%s but readers saw it (commit %s) at %s, which now lead nowhere, and its feed entries go with no word to subscribers: to take it down, restore the file and set withdrawn, with the date and the reason; if another article replaces it, add %s to that article's aliases, after those it has (set its id too if check asks: a first alias changes an article's feed id)", how, short(was.Commit), list, list)})
	}
	return told, renamed, last
}

// successor finds the article that stands in for gone, an article
// readers saw first published at url (was, on date), deleted since, as
// its last version reads: one of its title and day that readers have
// not seen, which git took for another article where its text changed
// too much to be found renamed, among the site's articles byTitle; one
// whose front matter sets its id is another by the editor's word. The
// file gone is file, as editors name it. It gives the error of its feed
// id, which changes, so that subscribers would see it again as new, with
// the alias that keeps both the id and the old address; nil where there
// is none, or its id is gone's.
func (s *Site) successor(gone *content.Article, file string, byTitle map[string][]*Article, was history.Names, date time.Time, url string, h *history.History, now time.Time) *content.Error {
	if gone == nil || gone.Draft {
		return nil
	}
	day := func(t time.Time) string { return t.In(s.Settings.Location).Format(time.DateOnly) }
	first := asFirstSeen(was, date, gone.Path)
	id := s.firstID(was, date, first, originalOf(first, url))
	for _, a := range byTitle[gone.Title] {
		var at time.Time
		if day(a.Date) != day(gone.Date) || a.ID == id || a.Content.ID != "" {
			continue // another day, the same id, or an id the editor chose
		}
		if _, _, seen := s.firstSeen(h.Versions(a.Content.Path), now, &at); seen {
			continue
		}
		c := a.Content
		return &content.Error{File: c.File, Line: cmp.Or(c.Lines.Line("title"), c.Line),
			Msg: fmt.Sprintf("title: readers saw an article of this title and date at %s (commit %s), whose file, %s, is gone: as that article, its feed id would change from %s to %s, and subscribers would see it again as new: add %s to aliases, first, which keeps both the id and the old address; if this is another article, set its id as it is (id: %s) to say so", url, short(was.Commit), file, id, a.ID, url, a.ID)}
	}
	return nil
}

// lastSeen is the draft a as readers last saw it: its newest version
// that was no draft, as its versions vs (oldest first) have it, or a
// itself when there is none (a version ends where the next change note
// begins, so one version may end as a draft), told at a's own lines.
func (s *Site) lastSeen(a *content.Article, dir string, vs []history.Version) *content.Article {
	for i := len(vs) - 1; i >= 0; i-- {
		if was, _ := content.Parse(dir, a.Path, vs[i].Data, &s.Settings); was != nil && !was.Draft {
			was.Lines = a.Lines
			return was
		}
	}
	return a
}

// groupsLost warns of each topic and regulator that an article readers
// saw named, gone since (deleted, or made a draft), and that the site no
// longer has, as no published article names it and no intro page
// describes it: its page, feeds and calendar lead nowhere now, and
// subscribers to them hear nothing more. An intro page keeps them; an
// alias in another's intro page sends them on. Each is told once, at
// the first of gone to name it.
func (s *Site) groupsLost(gone []*content.Article) content.Errors {
	have := map[string]bool{}
	for _, g := range slices.Concat(s.Topics, s.Regulators) {
		have[content.Fold(g.URL)] = true
	}
	for _, r := range s.Redirects {
		have[content.Fold(sitePath(r.From))] = true
	}
	var out content.Errors
	for _, a := range gone {
		for _, field := range []struct {
			kind, what string
			names      []string
		}{{"topics", "topic", a.Topics}, {"regulators", "regulator", a.Regulators}} {
			for _, name := range field.names {
				slug := content.Slug(name)
				url := "/" + field.kind + "/" + slug + "/"
				if have[content.Fold(url)] {
					continue
				}
				have[content.Fold(url)] = true
				intro := content.JoinPath(s.ContentDir, field.kind+"/"+slug+".md")
				out = append(out, &content.Error{File: a.File, Line: a.Lines.Line(field.kind), Warning: true,
					Msg: fmt.Sprintf("%s: no published article names the %s %s now, so its page %s and its feeds go, with no word to their subscribers: to keep them, add the intro page %s, with a title and a summary; if another %s replaces it, list %s in the aliases of that one's intro page", field.kind, field.what, name, url, intro, field.what, url)})
			}
		}
	}
	return out
}

// dropped gives, for each published article that dropped topics or
// regulators it named (see history.History.Dropped), an article naming
// them, at its own file and lines, for groupsLost to look for: a topic
// renamed in every article that named it leaves its page and feeds
// behind.
func dropped(articles []*Article, h *history.History) []*content.Article {
	var out []*content.Article
	for _, a := range articles {
		var was content.Meta
		for _, n := range h.DroppedBy(a.Content.Path) {
			switch kind, name, _ := strings.Cut(n, "/"); kind {
			case "topics":
				was.Topics = append(was.Topics, name)
			case "regulators":
				was.Regulators = append(was.Regulators, name)
			}
		}
		if len(was.Topics)+len(was.Regulators) > 0 {
			out = append(out, &content.Article{File: a.Content.File, Lines: a.Content.Lines, Meta: was})
		}
	}
	return out
}

// addresses are an article's first URL and the aliases it had while its
// first version was published, each once, in that order.
func addresses(url string, published []history.Names) []string {
	out := []string{url}
	for _, n := range published {
		for _, al := range n.Aliases {
			if p := sitePath(content.AliasPath(al)); !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// keeps reports whether the site has a page or a redirect at the site
// path url.
func (s *Site) keeps(url string) bool {
	return slices.ContainsFunc(s.Articles, func(a *Article) bool { return a.URL == url }) ||
		slices.ContainsFunc(s.Redirects, func(r Redirect) bool { return sitePath(r.From) == url })
}

// changedFields names the fields of c that differ from first, in the
// order an editor is likeliest to have changed them.
func changedFields(first, c *content.Article) []string {
	var out []string
	if first.ID != c.ID {
		out = append(out, "id")
	}
	if !first.Date.Equal(c.Date) {
		out = append(out, "date")
	}
	if !slices.Equal(first.Aliases, c.Aliases) {
		out = append(out, "aliases")
	}
	if first.Slug != c.Slug {
		out = append(out, "slug")
	}
	return out
}

// rehome is how an article was first published, with the feed id it
// had then, when only the authority of ids can have changed it since.
type rehome struct {
	was history.Names
	id  string
}

// rehomed tells of the articles whose feed ids would change only because
// site.yaml gives ids another authority than it did when they were first
// published: a new host in base_url, say. Every one of them would reach
// subscribers again as new. The authority most of them were published
// under is the one to keep: when it is not today's, that is told once, at
// site.yaml, with id_authority to set; each article published under
// another is told at its own file, with the id to set, which keeps it
// whatever the authority.
func (s *Site) rehomed() content.Errors {
	count := map[string]int{}
	for _, a := range s.Articles {
		if a.rehomed != nil {
			count[a.rehomed.was.IDAuthority]++
		}
	}
	if len(count) == 0 {
		return nil
	}
	keep := s.Settings.IDAuthority
	for _, auth := range slices.Sorted(maps.Keys(count)) {
		if count[auth] > count[keep] {
			keep = auth
		}
	}
	var errs content.Errors
	var first *history.Names
	for _, a := range s.Articles {
		r := a.rehomed
		switch {
		case r == nil:
		case r.was.IDAuthority == keep:
			if first == nil || r.was.Committed.Before(first.Committed) {
				first = &r.was
			}
		default:
			errs = append(errs, &content.Error{File: a.Content.File, Line: a.Content.Line,
				Msg: fmt.Sprintf("front matter: the article was first published (commit %s) with the feed id %s, when site.yaml gave ids the authority %s; set id to %s to keep it, and subscribers will not see it again as new",
					short(r.was.Commit), r.id, r.was.IDAuthority, r.id)})
		}
	}
	if keep != s.Settings.IDAuthority {
		what := "1 article"
		if n := count[keep]; n > 1 {
			what = fmt.Sprintf("%d articles", n)
		}
		errs = append(content.Errors{{File: content.JoinPath(s.ContentDir, content.SettingsFile), Line: content.AuthorityLine(&s.Settings),
			Msg: fmt.Sprintf("the feed ids of %s would change, and subscribers would see them again as new: they were first published (the first in commit %s) when site.yaml gave ids the authority %s, and it now gives %s: set id_authority: %s to keep them",
				what, short(first.Commit), keep, s.Settings.IDAuthority, keep)}}, errs...)
	}
	return errs
}

// short is a commit's hash as git shortens it.
func short(commit string) string { return commit[:min(len(commit), 7)] }
