package importer

import (
	"fmt"
	"html"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// The front matter fields each reader takes, in lower case. A post's
// other fields are counted, so that the report says what bulletin has
// no place for, rather than dropping it without a word.
var (
	jekyllFields = fieldSet("title", "date", "slug", "permalink", "published", "category", "categories", "tag", "tags",
		"regulator", "regulators", "topics", "lang", "author", "authors", "excerpt", "summary", "description", "redirect_from", "last_modified_at",
		"updated", "source_url", "source_title", "external_url", "link", "hidden", "deck", "dek", "subtitle", "author_name", "render_with_liquid",
		"image", "media_subpath", "img_path")
	hugoFields = fieldSet("title", "date", "publishdate", "pubdate", "published", "lastmod", "modified", "updated", "draft", "expirydate",
		"unpublishdate", "build", "_build", "slug", "url", "aliases", "topics", "regulators", "summary", "description", "author", "authors", "lang",
		"source_url", "source_title", "external_url", "link", "hidden", "deck", "dek", "subtitle", "author_name", "excerpt",
		"images", "image", "featured_image", "featuredimage")
	// themeFields say how the old theme laid a post out, which
	// bulletin's theme decides: nothing of the post is lost without them.
	themeFields = fieldSet("layout", "type", "weight", "menu", "menus", "toc", "comments", "share", "sitemap", "excerpt_separator",
		"markup", "outputs", "cascade", "headless", "linktitle", "sidebar", "classes", "css", "js", "nav_order", "math", "mermaid")
)

// summaryKeys are the fields a post's summary is read from, first set
// first: a news theme's deck (its standfirst) or subtitle among them.
var summaryKeys = []string{"summary", "description", "deck", "dek", "subtitle"}

// summaryOf gives the summary the fields f give, from the first of keys
// set, and the fields of a news theme among the others that are set
// (a deck beside a summary), which it does not carry over, so that the
// report tells them.
func summaryOf(f fields, keys ...string) (summary string, unused []string) {
	for _, k := range keys {
		switch text := f.text(k); {
		case text == "":
		case summary == "":
			summary = text
		case k == "deck" || k == "dek" || k == "subtitle":
			unused = append(unused, k)
		}
	}
	return html.UnescapeString(summary), unused
}

func fieldSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// leftOver lists the fields of f, by their keys as written, that have a
// value and that neither taken, nor extra (a Hugo site's taxonomies), nor
// themeFields name, in lower case.
func leftOver(f fields, taken map[string]bool, extra ...string) []string {
	var out []string
	for k, v := range f {
		key := strings.ToLower(k)
		if taken[key] || themeFields[key] || slices.Contains(extra, key) || empty(v) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// empty says whether a field's value holds nothing.
func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(v) == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// leftOverNote warns, once for the whole source, of the fields its
// posts have that were not carried over, each with how many posts have
// it, but for posts imported before (see keepID), told of then.
func leftOverNote(posts []*post, source string) (Note, bool) {
	has := map[string][]*post{}
	for _, p := range posts {
		if p.before != "" {
			continue
		}
		for _, k := range p.unused {
			has[k] = append(has[k], p)
		}
	}
	if len(has) == 0 {
		return Note{}, false
	}
	var parts, own []string
	for _, k := range slices.Sorted(maps.Keys(has)) {
		names := make([]string, len(has[k]))
		for i, p := range has[k] {
			name, err := filepath.Rel(source, p.file)
			if err != nil || p.label != "" {
				name = p.name()
			}
			names[i] = name
		}
		part := fmt.Sprintf("%s (%d %s: %s)", k, len(has[k]), plural(len(has[k]), "post", "posts"), strings.Join(firstOf(names, 2), ", "))
		if content.IsArticleField(k) {
			own = append(own, part)
		} else {
			parts = append(parts, part)
		}
	}
	var msg []string
	if len(parts) > 0 {
		msg = append(msg, fmt.Sprintf("front matter fields not carried over, as bulletin has no place for them: %s; move into the body what readers should still see", strings.Join(parts, "; ")))
	}
	if len(own) > 0 {
		msg = append(msg, fmt.Sprintf("front matter fields with the names of bulletin's own not carried over, as the old site meant its own values by them: %s; set bulletin's where they apply, as its README's front matter fields say", strings.Join(own, "; ")))
	}
	return Note{Source: source, Msg: strings.Join(msg, "; and ")}, true
}

// unlisted says why the old site kept a published post off its lists,
// its page still at its address: a theme's hidden: true (Jekyll Now,
// jekyll-paginate-v2, many Hugo themes), or Hugo's build option list
// never; "" if it listed it.
func unlisted(f fields) string {
	if hidden, _ := f.boolean("hidden"); hidden {
		return "hidden: true"
	}
	if k, list := buildOption(f, "list"); list == "never" || list == "false" {
		return k + ".list: " + list
	}
	return ""
}

// buildOption gives the value of one of the build options of a Hugo
// page's front matter (build.render, build.list), in lower case, with the
// key they are under, build or _build; "" for none.
func buildOption(f fields, option string) (key, value string) {
	for _, k := range []string{"build", "_build"} {
		b, _ := f[k].(map[string]any)
		if v := strings.ToLower(fields(b).text(option)); v != "" {
			return k, v
		}
	}
	return "", ""
}
