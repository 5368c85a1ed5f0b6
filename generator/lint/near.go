package lint

import (
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// nearby suggests, for a site path the site lacks, the page or file a
// link most likely meant: for a link to an article's Markdown file (as
// an editor links files on GitHub, ../2025/2025-03-27-cqc-it-review.md),
// that article's page; else one in the same folder whose last part is a
// typing slip away from it (as content.TypoLimit counts, with the same
// digits) or holds all its words in order (/2025/03/ics-paused-again/
// for /2025/03/ics-assessments-paused-again/); else the one page of
// the site with that very last part in another folder (/2025/01/good/
// for /2025/02/good/). The site's paths are listed the first time one
// is asked for, so a site with no broken link pays nothing, and each
// target is worked out once however many articles link to it.
type nearby struct {
	assets   []string
	files    *render.Files
	articles []*site.Article
	mu       sync.Mutex          // articles are checked on every core
	folder   map[string][]entry  // by the folder they are in, sorted
	named    map[string][]string // site paths by their last part, lower case
	pages    map[string][]string // article URLs by their file's name, lower case
	found    map[string]string   // what near gave for each target
}

// entry is one site path, with what near compares of it.
type entry struct {
	path, last, digits string // last is its last part, lower case
	words              []string
}

// near gives the path of the site nearest to target, or "".
func (n *nearby) near(target string) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.folder == nil {
		n.index()
	}
	if p, ok := n.found[target]; ok {
		return p
	}
	dir, last := split(target)
	if pages := n.pages[strings.ToLower(last)]; content.IsMarkdown(last) && len(pages) == 1 {
		n.found[target] = pages[0]
		return pages[0]
	}
	want := newEntry(target, last)
	best, bestDistance := "", -1
	for _, e := range n.folder[dir] {
		if d, ok := closeTo(want, e); ok && (bestDistance < 0 || d < bestDistance) {
			best, bestDistance = e.path, d
		}
	}
	if others := n.named[want.last]; best == "" && len(others) == 1 {
		best = others[0]
	}
	n.found[target] = best
	return best
}

// index lists the site's pages and files by folder and by last part,
// sorted, so that a tie goes to the same path in every run.
func (n *nearby) index() {
	n.folder, n.named, n.pages, n.found = map[string][]entry{}, map[string][]string{}, map[string][]string{}, map[string]string{}
	for _, a := range n.articles {
		name := strings.ToLower(path.Base(a.Content.Path))
		n.pages[name] = append(n.pages[name], a.URL)
	}
	add := func(p string) {
		dir, last := split(p)
		e := newEntry(p, last)
		n.folder[dir] = append(n.folder[dir], e)
		n.named[e.last] = append(n.named[e.last], p)
	}
	for name := range n.files.Names() {
		if page, ok := strings.CutSuffix(name, "index.html"); ok && (page == "" || strings.HasSuffix(page, "/")) {
			add("/" + page)
		} else {
			add("/" + name)
		}
	}
	for _, name := range n.assets {
		add("/" + name)
	}
	for _, entries := range n.folder {
		slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	}
	for _, paths := range n.named {
		slices.Sort(paths)
	}
}

func newEntry(p, last string) entry {
	lower := strings.ToLower(last)
	return entry{path: p, last: lower, digits: content.Digits(lower), words: words(lower)}
}

// split parts a site path into its folder and its last part, a page's
// without its closing slash: /topics/ and icss for /topics/icss/.
func split(p string) (dir, last string) {
	return path.Split(strings.TrimSuffix(p, "/"))
}

// closeTo reports whether page is what a link to the missing path
// meant, and how far the two are: a typing slip apart, with the same
// digits (2024 is not 2025), or all of the missing one's words in the
// page's, in their order.
func closeTo(missing, page entry) (int, bool) {
	if missing.last == "" || page.last == "" || missing.digits != page.digits {
		return 0, false
	}
	most := content.TypoLimit(missing.last)
	a, b := utf8.RuneCountInString(missing.last), utf8.RuneCountInString(page.last)
	if most > 0 && a-b <= most && b-a <= most {
		if d := content.DistanceAtMost(missing.last, page.last, most); d <= most {
			return d, true
		}
	}
	if inOrder(missing.words, page.words) {
		return b - a, true
	}
	return 0, false
}

// words splits a path's last part into its words: ics-paused-again into
// ics, paused and again.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
}

// inOrder reports whether b holds every word of a, in a's order, and a
// has more than one (one word is in too many paths to mean one).
func inOrder(a, b []string) bool {
	if len(a) < 2 {
		return false
	}
	i := 0
	for _, w := range b {
		if i < len(a) && w == a[i] {
			i++
		}
	}
	return i == len(a)
}
