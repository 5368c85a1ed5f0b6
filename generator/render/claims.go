package render

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// A name in the output folder is asked for by an article (its slug or
// an alias), by a content file published as it is, by a file of the
// theme's static folder, or by the site itself (its lists, feeds and
// host files). Two that ask for one name would overwrite each other, and
// a name inside another's file cannot be written at all: checkClaims
// finds both when the files are planned, before anything is written, so
// that check finds them as build does, and each is told at the file and
// line an editor changes.

// source is what asks for a file of the site: the file and, for an
// article, the field and its line. The zero source is the site itself.
type source struct {
	file    string
	line    int
	field   string // slug or aliases, for an article
	theme   bool   // a file of the theme's static folder
	refused bool   // an article refused for another problem, whose clashes with articles the model tells
}

// rank orders sources by who should change: an article's field first,
// then a content file, then the theme; the site's own names stay.
func (s source) rank() int {
	switch {
	case s.field != "":
		return 0
	case s.file != "" && !s.theme:
		return 1
	case s.theme:
		return 2
	}
	return 3
}

// what names the source in a message about another.
func (s source) what(url string) string {
	switch s.rank() {
	case 0:
		return fmt.Sprintf("%s, set by %s:%d (%s)", url, s.file, s.line, s.field)
	case 1:
		return "the content file " + s.file
	case 2:
		return "the theme's file " + s.file
	}
	return "the site's own " + url
}

// blame is the error told at a about b: a's name is also b's, or,
// inside, a's name is inside b's file, or, outside, a's file stands
// where b's name needs a folder.
func blame(a, b claim, how string) *content.Error {
	e := &content.Error{File: a.from.file, Line: a.from.line, Claimed: a.url}
	if b.from.rank() == 0 {
		e.Rival = fmt.Sprintf("%s:%d", b.from.file, b.from.line)
	}
	clash := "is also " + b.from.what(b.url)
	switch how {
	case "":
		if a.name != b.name {
			clash = "differs only in case or Unicode form from " + b.from.what(b.url) + ", the same name to many hosts and file systems"
		}
	case "inside":
		clash = "would be inside the file of " + b.from.what(b.url)
		if b.folder != "" {
			clash = "would be inside " + b.folder
		}
	case "outside":
		clash = "would be a file where " + b.from.what(b.url) + " needs a folder"
	}
	clash += content.FormNote(a.from.file, b.from.file)
	switch a.from.rank() {
	case 0:
		e.Msg = fmt.Sprintf("%s: %s %s: choose another", a.from.field, a.url, clash)
	case 1, 2:
		e.Msg = fmt.Sprintf("published at %s, which %s: rename or move this file", a.url, clash)
	default:
		e.Msg = fmt.Sprintf("the site's own %s %s", a.url, clash)
	}
	return e
}

// claim is a name asked for, with what asks.
type claim struct {
	name, url string
	from      source
	folder    string // for a folder another program fills, what it is
}

// checkClaims finds the names asked for twice, and those inside a name
// asked for as a file: the jobs' and the extra claims' (the content
// files published as they are, the search index's folder). serve runs
// it after every save, so claims are found by their index, not copied.
func checkClaims(jobs []job, extra []claim) error {
	at := func(i int) claim {
		if i < len(jobs) {
			return jobs[i].claim()
		}
		return extra[i-len(jobs)]
	}
	nameOf := func(i int) string {
		if i < len(jobs) {
			return jobs[i].name
		}
		return extra[i-len(jobs)].name
	}
	n := len(jobs) + len(extra)
	// The index of the claim kept for a name, by the name folded: hosts
	// and file systems that ignore case, or compare Unicode forms, take
	// two names that fold alike as one.
	claims := make(map[string]int, n)
	var errs content.Errors
	// A clash of two fields over one folder, a renamed topic's page and
	// the feeds in it, say, is told once, at its shortest address.
	told := map[folderClash]int{}
	tell := func(c, other claim, how string) {
		if (c.from.refused || other.from.refused) && c.from.field != "" && other.from.field != "" {
			return // a clash between articles, which the model tells
		}
		e := blame(c, other, how)
		if other.from.file == "" {
			errs = append(errs, e) // the site's own: each is another problem
			return
		}
		folder := c.url
		if !strings.HasSuffix(folder, "/") {
			folder = path.Dir(folder) + "/"
		}
		key := folderClash{c.from, other.from, folder}
		k, ok := told[key]
		switch {
		case !ok:
			told[key] = len(errs)
			errs = append(errs, e)
		case len(e.Msg) < len(errs[k].Msg) || len(e.Msg) == len(errs[k].Msg) && e.Msg < errs[k].Msg:
			errs[k] = e
		}
	}
	// The index of the first claim of each name as written: a name
	// claimed in two forms and then again in the second is told as the
	// second's too, so that no clash is found only once another is
	// mended.
	exact := make(map[string]int, n)
	for i := range n {
		name := content.Fold(nameOf(i))
		j, ok := claims[name]
		k, seen := exact[nameOf(i)]
		if !seen {
			exact[nameOf(i)] = i
		}
		if !ok {
			claims[name] = i
			continue
		}
		c, prev := at(i), at(j)
		if c.from.rank() > prev.from.rank() {
			c, prev = prev, c
			claims[name] = i
		}
		tell(c, prev, "")
		if seen && k != j {
			c, prev = at(i), at(k)
			if c.from.rank() > prev.from.rank() {
				c, prev = prev, c
			}
			tell(c, prev, "")
		}
	}
	for name, i := range claims {
		for dir := name; ; {
			slash := strings.LastIndexByte(dir, '/')
			if slash < 0 {
				break
			}
			dir = dir[:slash]
			j, ok := claims[dir]
			if !ok {
				continue
			}
			if c, file := at(i), at(j); c.from.rank() <= file.from.rank() {
				tell(c, file, "inside")
			} else {
				tell(file, c, "outside")
			}
		}
	}
	slices.SortFunc(errs, func(a, b *content.Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Msg, b.Msg))
	})
	return errs.Err()
}

// claim is what the job asks for: its name, at its address, for its
// source; all checkClaims reads of it.
func (j *job) claim() claim { return claim{name: j.name, url: j.url, from: j.from} }

// folderClash is a clash of two sources over the names of one folder.
type folderClash struct {
	from, other source
	folder      string
}

// fieldOf is an article's field as the source of a name.
func fieldOf(a *content.Article, field string) source {
	line := a.Lines.Line(field)
	if line == 0 {
		line = a.Line
	}
	return source{file: a.File, line: line, field: field}
}

// published are the claims of the content files published as they
// are, of the pages the articles refused for another problem would
// have, of the search index's folder, which is kept for it whether this
// build indexes the site or not, so that check finds what a build with
// search would stop on, and of serve's own folder.
func (r *renderer) published() []claim {
	claims := make([]claim, 0, len(r.site.Assets)+len(r.site.Refused)+2)
	for i, p := range r.site.Assets {
		claims = append(claims, claim{name: p, url: "/" + p, from: source{file: content.JoinPath(r.site.ContentDir, r.site.AssetFileAt(i))}})
	}
	for _, p := range r.site.Refused {
		claims = append(claims, claim{name: FileFor(p.Path), url: p.Path, from: source{file: p.File, line: p.Line, field: p.Field, refused: true}})
	}
	return append(claims,
		claim{name: strings.Trim(SearchIndex, "/"), url: SearchIndex, folder: "the search index's folder " + SearchIndex + ", which Pagefind fills"},
		claim{name: strings.Trim(PreviewPath, "/"), url: PreviewPath, folder: "the folder " + PreviewPath + ", which serve keeps for its own scripts"})
}

// PreviewPath is where serve answers with its own scripts and events;
// no page of the site may be there.
const PreviewPath = "/_bulletin/"
