package lint

import (
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"bulletin/generator/content"
	"bulletin/generator/render"
)

// nearby suggests, for a site path the site lacks, the page or file the
// link most likely meant: one in the same folder whose last part is a
// letter or so from it, or holds all its words in order
// (/2025/03/ics-paused-again/ for /2025/03/ics-assessments-paused-again/).
// The site's paths are listed by folder the first time one is asked for,
// so a site with no broken link pays nothing.
type nearby struct {
	assets []string
	files  *render.Files
	folder map[string][]string // site paths by the folder they are in
}

// near gives the path of the site nearest to target, or "".
func (n *nearby) near(target string) string {
	if n.folder == nil {
		n.index()
	}
	dir, last := split(target)
	best, bestDistance := "", -1
	for _, p := range n.folder[dir] {
		_, other := split(p)
		d, ok := closeTo(last, other)
		if ok && (bestDistance < 0 || d < bestDistance) {
			best, bestDistance = p, d
		}
	}
	return best
}

// index lists the site's pages and files by folder, sorted, so that a
// tie goes to the same path in every run.
func (n *nearby) index() {
	n.folder = map[string][]string{}
	add := func(p string) {
		dir, _ := split(p)
		n.folder[dir] = append(n.folder[dir], p)
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
	for _, paths := range n.folder {
		slices.Sort(paths)
	}
}

// split parts a site path into its folder and its last part, a page's
// without its closing slash: /topics/ and icss for /topics/icss/.
func split(p string) (dir, last string) {
	dir, last = path.Split(strings.TrimSuffix(p, "/"))
	return dir, last
}

// closeTo reports whether b is what a link to a meant, and how far the two
// are: a few letters apart (one in four at most), or all of a's words in
// b in their order.
func closeTo(a, b string) (int, bool) {
	if a == "" || b == "" {
		return 0, false
	}
	most := max(1, utf8.RuneCountInString(a)/4)
	if diff := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); diff <= most && -diff <= most {
		if d := content.Distance(strings.ToLower(a), strings.ToLower(b)); d <= most {
			return d, true
		}
	}
	if inOrder(words(a), words(b)) {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a), true
	}
	return 0, false
}

// words splits a path's part into its words: ics-paused-again into ics,
// paused and again.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == '-' || r == '_' || r == '.' })
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
