package importer

import (
	"fmt"
	"path"
	"strings"

	"bulletin/generator/content"
)

// What jekyll-feed published, read from _config.yml's feed settings: the
// site's feed at its path (/feed.xml unless feed.path says otherwise),
// and one feed for each of feed.categories, at /feed/NAME.xml.

// jekyllFeeds gives the site path of the old site's feed, when it is not
// bulletin's /feed.xml, and the categories that had feeds of their own.
func jekyllFeeds(f fields) (site string, categories []string) {
	feed, _ := f["feed"].(map[string]any)
	if p := fields(feed).text("path"); p != "" {
		if p = path.Clean("/" + p); p != "/feed.xml" {
			site = p
		}
	}
	return site, fields(feed).list("categories")
}

// categoryFeeds tells, for the posts imported, where each category's
// feed went: the feed of the topic or regulator the category became,
// which a server redirect from the old address lets its subscribers
// follow.
func categoryFeeds(categories []string, config string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		if len(posts) == 0 {
			return nil
		}
		var out []Note
		for _, c := range categories {
			old := "/feed/" + c + ".xml"
			kind, name := groupOf(posts, c)
			if kind == "" {
				out = append(out, Note{Source: config, Msg: fmt.Sprintf("jekyll-feed published %s for the category %s, which no post imported has: its subscribers are left with the old feed", old, c)})
				continue
			}
			out = append(out, Note{Source: config, Msg: fmt.Sprintf("jekyll-feed published %s for the category %s, now the %s %s, whose feed is /%s/%s/feed.xml: redirect the one to the other on the server (a 301), which feed readers follow",
				old, c, strings.TrimSuffix(kind, "s"), name, kind, content.Slug(name))})
		}
		return out
	}
}

// groupOf finds the topic or regulator a category became in posts.
func groupOf(posts []*post, category string) (kind, name string) {
	for _, p := range posts {
		for _, g := range []struct {
			kind  string
			names []string
		}{{"regulators", p.regulators}, {"topics", p.topics}} {
			for _, n := range g.names {
				if strings.EqualFold(n, category) {
					return g.kind, n
				}
			}
		}
	}
	return "", ""
}
