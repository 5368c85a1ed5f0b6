package site

import (
	"fmt"
	"slices"

	"golang.org/x/text/unicode/norm"

	"bulletin/generator/content"
	"bulletin/generator/history"
)

// firstPublished checks an article against what made its address and
// feed id when it was first published, as the content's history has it
// (vs, oldest first): an address that no alias keeps would lead readers
// who saved it nowhere, and a feed id that has changed would show
// subscribers the article again, as new. A date corrected, an alias put
// first, a slug or file renamed: each is an error at the field that
// changed, saying what to write. An article whose first version is not
// committed, or was dated after its commit, may not have been seen as it
// was, so nothing holds it.
func (s *Site) firstPublished(a *Article, vs []history.Version) content.Errors {
	if len(vs) == 0 || vs[0].Commit == "" {
		return nil
	}
	was := vs[0].Published
	date, err := content.ParseDate(was.Date, s.Settings.Location)
	if err != nil || date.After(vs[0].Time) {
		// It could not have been published under that date, or was held
		// back until it: readers may never have seen it so.
		return nil
	}
	c := a.Content
	first := &content.Article{Path: was.Path, Meta: content.Meta{Date: date, Slug: norm.NFC.String(was.Slug), ID: was.ID}}
	if first.Path == "" {
		first.Path = c.Path
	}
	if first.Slug == "" {
		first.Slug = content.DefaultSlug(first.Path)
	}
	for _, al := range was.Aliases {
		first.Aliases = append(first.Aliases, content.AliasPath(al))
	}
	commit := vs[0].Commit[:min(len(vs[0].Commit), 7)]
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
	url := ArticleURL(first)
	if url != a.URL && !slices.ContainsFunc(c.Aliases, func(al string) bool { return sitePath(al) == url }) {
		f, line := field(changedFields(first, c)...)
		errs = append(errs, &content.Error{File: c.File, Line: line,
			Msg: fmt.Sprintf("%s: the article was first published at %s (commit %s), which would no longer lead to it: add %s to aliases", f, url, commit, url)})
	}
	id := first.ID
	if id == "" {
		original := url
		if len(first.Aliases) > 0 {
			original = sitePath(first.Aliases[0])
		}
		id = tagURI(s.Settings.IDAuthority, date, original)
	}
	if id != a.ID {
		f, line := field(changedFields(first, c)...)
		errs = append(errs, &content.Error{File: c.File, Line: line,
			Msg: fmt.Sprintf("%s: the feed id would change from %s, as first published (commit %s), to %s, and subscribers would see the article again as new: add id: %s", f, id, commit, a.ID, id)})
	}
	return errs
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
