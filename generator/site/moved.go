package site

import (
	"fmt"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// groupRedirects adds a redirect from each old address a topic's or
// regulator's intro page lists in its aliases. An old address that is
// still a group's, because its articles or its intro page still name it,
// is told at the aliases line with what names it, rather than as a clash
// of names: the rename is half done.
func (s *Site) groupRedirects() content.Errors {
	all := slices.Concat(s.Topics, s.Regulators)
	byURL := make(map[string]*Group, len(all))
	for _, g := range all {
		byURL[content.Fold(g.URL)] = g
	}
	var errs content.Errors
	for _, g := range all {
		if g.Intro == nil {
			continue
		}
		for _, alias := range g.Intro.Aliases {
			other := byURL[content.Fold(sitePath(alias))]
			if other == nil || other == g {
				s.Redirects = append(s.Redirects, Redirect{From: alias, To: g.URL, Page: g.Intro})
				continue
			}
			line := g.Intro.AliasesLine
			if line == 0 {
				line = g.Intro.Line
			}
			errs = append(errs, &content.Error{File: g.Intro.File, Line: line,
				Msg: fmt.Sprintf("aliases: %s is still the address of the %s %s, which %s: rename it there too, or take this alias out", alias, strings.TrimSuffix(other.Kind, "s"), other.Name, namedBy(other))})
		}
	}
	return errs
}

// namedBy says what still names a group: its intro page, or the first of
// its articles, at the line that names it.
func namedBy(g *Group) string {
	if g.Intro != nil {
		return "the intro page " + g.Intro.File + " describes"
	}
	field := "topics"
	if g.Kind == "regulators" {
		field = "regulators"
	}
	a := g.articles[0].Content
	line := a.Lines.Line(field)
	if line == 0 {
		line = a.Line
	}
	more := ""
	if n := len(g.articles) - 1; n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%s:%d (%s)%s name", a.File, line, field, more)
}
