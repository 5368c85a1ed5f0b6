package site

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"bulletin/generator/content"
)

// name is a topic or regulator name an article may have meant.
type name struct {
	name     string
	articles int
	// described says where an editor declared the name, if anywhere:
	// its intro page, or site.yaml for a regulator.
	described string
}

// checkNames stops a topic or regulator name that looks like a
// misspelling of another from making pages of its own: one that nothing
// describes (no intro page, and for a regulator no entry in site.yaml),
// a letter or two from a name that more articles use, or, when a single
// article uses it, from a described one. Giving the new name an intro
// page, or a regulator an entry in site.yaml, says it is meant.
func checkNames(groups []*Group, field string, s *content.Settings) content.Errors {
	names := make([]name, 0, len(groups))
	bySlug := map[string]bool{}
	for _, g := range groups {
		names = append(names, name{g.Name, len(g.Articles), describedIn(g, s)})
		bySlug[g.Slug] = true
	}
	if field == "regulators" {
		for _, r := range s.Regulators {
			if !bySlug[content.Slug(r.Abbr)] {
				names = append(names, name{r.Abbr, 0, "site.yaml names"})
			}
		}
	}
	var errs content.Errors
	for i, g := range groups {
		if names[i].described != "" {
			continue
		}
		meant, ok := likelyMeant(names[i], names)
		if !ok {
			continue
		}
		why := fmt.Sprintf("which %d articles use", meant.articles)
		if meant.described != "" {
			why = "which " + meant.described
		}
		fix := "for a new topic, give it an intro page, " + introPath(g)
		if field == "regulators" {
			fix = fmt.Sprintf("for another body, add %s to regulators in site.yaml", g.Name)
		}
		for _, a := range g.Articles {
			errs = append(errs, &content.Error{File: a.File, Line: a.Lines[field],
				Msg: fmt.Sprintf("%s: %q looks like a misspelling of %q, %s: write %q, or, %s", field, g.Name, meant.name, why, meant.name, fix)})
		}
	}
	return errs
}

// likelyMeant is the name that n most likely misspells, if any.
func likelyMeant(n name, names []name) (name, bool) {
	lower := strings.ToLower(n.name)
	var best name
	bestDist := typoLimit(lower) + 1
	for _, m := range names {
		if m.name == n.name || m.articles <= n.articles && (m.described == "" || n.articles > 1) {
			continue
		}
		if d := content.Distance(lower, strings.ToLower(m.name)); d < bestDist {
			best, bestDist = m, d
		}
	}
	return best, best.name != ""
}

// typoLimit is how many edits apart two names may be for one to be a
// likely misspelling of the other: none for names of up to three
// letters, where one letter makes another word, one for most, and two
// for long ones.
func typoLimit(name string) int {
	switch n := utf8.RuneCountInString(name); {
	case n < 4:
		return 0
	case n < 12:
		return 1
	default:
		return 2
	}
}

// describedIn says where the group is declared, or "" if nowhere.
func describedIn(g *Group, s *content.Settings) string {
	switch {
	case g.Kind == "regulators" && regulator(s, g.Slug) != nil:
		return "site.yaml names"
	case g.Intro != nil:
		return "has an intro page"
	}
	return ""
}

// introPath is where g's intro page would go, as the editor knows it.
func introPath(g *Group) string {
	a := g.Articles[0]
	return strings.TrimSuffix(a.File, a.Path) + g.Kind + "/" + g.Slug + ".md"
}
