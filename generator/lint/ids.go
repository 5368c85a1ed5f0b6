package lint

import (
	"fmt"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// sharedIDs reports the headings of articles, refused ones too, and
// intro pages whose id the
// theme gives a part of the page too (page-history, main): the page
// would have two, and a link to it, the theme's own among them, would
// find the heading or the part, whichever comes first.
func sharedIDs(s *site.Site, refused []*content.Article, ids []render.ThemeID) content.Errors {
	// The ids each kind of page may have: an article's page is made
	// with article.html, a topic's or regulator's with group.html, and
	// each with the files every page may use.
	on := func(page string) map[string]render.ThemeID {
		theme := map[string]render.ThemeID{}
		for _, id := range ids {
			if _, ok := theme[id.ID]; !ok && id.On(page) {
				theme[id.ID] = id
			}
		}
		return theme
	}
	articles, groups := on("article.html"), on("group.html")
	var out content.Errors
	check := func(file string, anchors []content.Anchor, theme map[string]render.ThemeID) {
		for _, a := range anchors {
			if t, ok := theme[a.ID]; ok {
				out = append(out, &content.Error{File: file, Line: a.Line,
					Msg: fmt.Sprintf("body: the heading's id %q is also the id of a part of the page the theme makes (%s:%d), and a link to #%s finds only the first: give the heading its own id, writing {#its-own-id} after its text", a.ID, t.File, t.Line, a.ID)})
			}
		}
	}
	for _, a := range s.Articles {
		check(a.Content.File, a.Content.Anchors, articles)
	}
	// A refused article's headings, as far as they were read, are its
	// page's once its other problems are mended.
	for _, a := range refused {
		check(a.File, a.Anchors, articles)
	}
	for _, g := range append(s.Topics, s.Regulators...) {
		if g.Intro != nil {
			check(g.Intro.File, g.Intro.Anchors, groups)
		}
	}
	return out
}
