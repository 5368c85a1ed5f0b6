package deploy

import (
	"cmp"
	"path"
	"strings"
)

// A deploy changes the bucket in steps, and a reader may arrive between
// any two of them: so nothing may link to an object before that object
// is there. Only a file that changes can link to a new one, so every new
// file goes up before any changed one; within each, files go up in
// ranks, each finished before the next starts: what is linked to before
// what links to it. Deletions come last, once no page links to what
// they remove. A deploy stopped at any point leaves each object whole,
// old or new, and every link good; the next deploy finds what is left
// to do and does it.

// rank is a file's place in the order.
type rank int

const (
	media     rank = iota // images, fonts, documents, Pagefind's index
	style                 // stylesheets and scripts, which load media
	page                  // articles and the other pages, deeper ones first
	index                 // feeds, calendars, the sitemap, robots.txt, Pagefind's entry file
	home                  // the home page, which links to all the above
	aliasPage             // an alias, sending readers to a page now there
)

var rankNames = [...]string{"media", "styles and scripts", "pages", "feeds and indexes", "home page", "aliases"}

func (r rank) String() string { return rankNames[r] }

// rankOf ranks a file by its name; readSite ranks aliases.
func rankOf(name string) rank {
	switch path.Ext(name) {
	case ".html":
		if name == "index.html" {
			return home
		}
		return page
	case ".css", ".js", ".mjs":
		return style
	case ".xml", ".json", ".ics", ".txt":
		return index
	}
	return media
}

// before orders two uploads: new files first, then by rank, deeper
// pages before shallower ones (an article before its month, a month
// before its year), then by name.
func before(a, b *change) int {
	if a.new != b.new {
		if a.new {
			return -1
		}
		return 1
	}
	return cmp.Or(cmp.Compare(a.file.kind, b.file.kind),
		cmp.Compare(strings.Count(b.file.name, "/"), strings.Count(a.file.name, "/")),
		strings.Compare(a.file.name, b.file.name))
}

// sameStep reports whether two uploads may go up at once: they are of the
// same rank, and both new or both changed.
func sameStep(a, b *change) bool {
	return a.new == b.new && a.file.kind == b.file.kind
}
