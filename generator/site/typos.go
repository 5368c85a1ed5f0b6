package site

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"bulletin/generator/content"
)

// Misspelling is a warning that a topic's or regulator's name looks like
// a misspelling of another (see checkNames).
type Misspelling struct {
	Group   *Group         // nil for a name given by an article refused for another problem
	Problem *content.Error // where the name is written, and what to do
}

// name is a topic or regulator name an article may have meant.
type name struct {
	name     string
	lower    string // name in lower case, as names are compared
	digits   string // see digits
	articles int
	// described says where an editor declared the name, if anywhere:
	// its intro page, or site.yaml for a regulator.
	described string
}

// checkNames finds the topic or regulator names that look like a
// misspelling of another: used by a single article, described nowhere
// (no intro page, and for a regulator no entry in site.yaml), and a
// letter or two from a name that is described or that more articles use,
// with the same numbers in it. A name of up to three letters one letter
// from such a name is only asked about, since one letter there makes
// another name (CQX for CQC, but also ONS for ONR); in Chinese, Japanese
// or Korean, where one character makes another word, none is. Such a name may
// still be meant, so each is a warning, not an error; giving the new
// name an intro page, or a regulator an entry in site.yaml, says it is
// meant. The names of unpublished articles, drafts and those refused
// for another problem, are checked too, so that a slip is told before
// they come out, and in the same run as their other problems.
func checkNames(groups []*Group, unpublished []*content.Article, field string, s *content.Settings) []Misspelling {
	names := make([]name, 0, len(groups))
	bySlug := map[string]bool{}
	for _, g := range groups {
		names = append(names, newName(g.Name, len(g.Articles), describedIn(g, s)))
		bySlug[g.Slug] = true
	}
	if field == "regulators" {
		for _, r := range s.Regulators {
			if !bySlug[content.Slug(r.Abbr)] {
				names = append(names, newName(r.Abbr, 0, "site.yaml names"))
			}
		}
	}
	var out []Misspelling
	for i, g := range groups {
		if names[i].described != "" || names[i].articles != 1 {
			continue
		}
		if p := misspelling(names[i], names, field, g.articles[0].Content); p != nil {
			out = append(out, Misspelling{Group: g, Problem: p})
		}
	}
	for _, a := range unpublished {
		given := a.Topics
		if field == "regulators" {
			given = a.Regulators
		}
		for _, n := range given {
			if slug := content.Slug(n); slug == "" || bySlug[slug] {
				continue
			}
			if p := misspelling(newName(n, 1, ""), names, field, a); p != nil {
				out = append(out, Misspelling{Problem: p})
			}
		}
	}
	return out
}

// misspelling is the warning for n, a name in field that only the
// article a uses, when it looks like a misspelling of one of names; nil
// when it does not.
func misspelling(n name, names []name, field string, a *content.Article) *content.Error {
	if content.WordPerCharacter(n.name) {
		return nil
	}
	meant, ok := likelyMeant(n, names, content.TypoLimit(n.lower))
	short := false
	if !ok && utf8.RuneCountInString(n.name) < 4 {
		meant, ok = likelyMeant(n, names, 1)
		short = true
	}
	if !ok {
		return nil
	}
	why := fmt.Sprintf("which %d articles use", meant.articles)
	if meant.described != "" {
		why = "which " + meant.described
	}
	meantFor := fmt.Sprintf("if it is a new topic, give it an intro page at %s", strings.TrimSuffix(a.File, a.Path)+field+"/"+content.Slug(n.name)+".md")
	if field == "regulators" {
		meantFor = fmt.Sprintf("if it is another body, name it under regulators in site.yaml (%s: {name: …})", n.name)
	}
	msg := fmt.Sprintf("%s: %q looks like a misspelling of %q, %s: if so, write %q; %s", field, n.name, meant.name, why, meant.name, meantFor)
	if short {
		msg = fmt.Sprintf("%s: %q is used by this article only and is a letter from %q, %s: check its spelling; %s", field, n.name, meant.name, why, meantFor)
	}
	return &content.Error{File: a.File, Line: a.Lines.Line(field), Warning: true, Msg: msg}
}

// checkTopicsNamedAsRegulators finds the topics named as a regulator is:
// by the abbreviation or the name site.yaml gives it, or as articles name
// it. The site would have a page for the topic beside the regulator's,
// each with part of the body's articles; an import from a system with
// only categories makes such topics. Each is a warning at an article
// that names the topic, and at each unpublished article, a draft or one
// refused for another problem, that names such a topic.
func checkTopicsNamedAsRegulators(topics, regulators []*Group, unpublished []*content.Article, s *content.Settings) []Misspelling {
	type body struct{ abbr, shown, url string }
	bodies := map[string]body{} // by the slug of each name it goes by
	for _, g := range regulators {
		bodies[g.Slug] = body{g.Name, g.Name, g.URL}
	}
	for _, r := range s.Regulators {
		// The regulator's page, if articles name it, is the group's.
		b := body{r.Abbr, fmt.Sprintf("%s (%s, in site.yaml)", r.Abbr, r.Name), bodies[content.Slug(r.Abbr)].url}
		for _, n := range []string{r.Abbr, r.Name} {
			if slug := content.Slug(n); slug != "" {
				bodies[slug] = b
			}
		}
	}
	warning := func(a *content.Article, name string, b body) *content.Error {
		url := "/topics/" + content.Slug(name) + "/"
		page := fmt.Sprintf("but as a topic it gets a page of its own, %s", url)
		if b.url != "" {
			page = fmt.Sprintf("whose page is %s; as a topic it gets a second page, %s", b.url, url)
		}
		msg := fmt.Sprintf("topics: %q names the regulator %s, %s: if the article is about the regulator, write regulators: [%s]; if the topic is a matter of its own, name it so", name, b.shown, page, b.abbr)
		return &content.Error{File: a.File, Line: a.Lines.Line("topics"), Warning: true, Msg: msg}
	}
	var out []Misspelling
	for _, g := range topics {
		b, ok := bodies[g.Slug]
		if !ok || len(g.articles) == 0 {
			continue
		}
		out = append(out, Misspelling{Group: g, Problem: warning(g.articles[0].Content, g.Name, b)})
	}
	for _, a := range unpublished {
		for _, n := range a.Topics {
			if b, ok := bodies[content.Slug(n)]; ok {
				out = append(out, Misspelling{Problem: warning(a, n, b)})
			}
		}
	}
	return out
}

func newName(s string, articles int, described string) name {
	return name{name: s, lower: strings.ToLower(s), digits: content.Digits(s), articles: articles, described: described}
}

// likelyMeant is the name that n, used by one article, most likely
// misspells, if any, at most limit edits from it.
func likelyMeant(n name, names []name, limit int) (name, bool) {
	var best name
	bestDist := limit + 1
	for _, m := range names {
		if m.name == n.name || m.articles <= n.articles && m.described == "" || m.digits != n.digits {
			continue
		}
		if d := content.DistanceAtMost(n.lower, m.lower, bestDist-1); d < bestDist {
			best, bestDist = m, d
		}
	}
	return best, best.name != ""
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

// checkSpellings finds the names that share a group's address with the
// name most of its articles write, but are not written alike: names that make one slug are one group
// ("ICS assessments", "ICS-assessments"), which is meant where they
// differ only in case, spaces, hyphens, underscores, dots and
// apostrophes, but likely not where letters or signs the slug leaves out
// tell them apart ("C++" and "C", "A&E" and "A/E"), or where a long name
// was cut. Each is a warning at the first article that writes it.
func checkSpellings(groups []*Group, field string, names func(*Article) []string) []Misspelling {
	var out []Misspelling
	for _, g := range groups {
		if len(g.written) < 2 {
			continue
		}
		most := g.written[0]
		for _, w := range g.written[1:] {
			if w.n > most.n {
				most = w
			}
		}
		for _, w := range g.written {
			if alike(w.name, most.name) {
				continue
			}
			for _, a := range g.articles {
				if !slices.Contains(names(a), w.name) {
					continue
				}
				uses := fmt.Sprintf("%d articles use", most.n)
				if most.n == 1 {
					uses = "one article uses"
				}
				msg := fmt.Sprintf("%s: %q has the same address as %q (%s), which %s, so both show on one page: if they are one, write %q; if not, name them so that their addresses differ", field, w.name, most.name, g.URL, uses, most.name)
				out = append(out, Misspelling{Group: g, Problem: &content.Error{File: a.Content.File, Line: a.Content.Lines.Line(field), Warning: true, Msg: msg}})
				break
			}
		}
	}
	return out
}

// alike says whether two names differ at most in case and in the spaces,
// hyphens, underscores, dots and apostrophes between their words.
func alike(a, b string) bool {
	bare := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || strings.ContainsRune("-_.'’‘", r) {
				return -1
			}
			return r
		}, content.Fold(s))
	}
	return bare(a) == bare(b)
}
