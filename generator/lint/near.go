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
	indexed  sync.Once
	similar  map[string]*alike   // by folder and digits (see alikeKey)
	named    map[string][]string // site paths by their last part, lower case
	pages    map[string][]string // article URLs by their file's name, lower case
	mu       sync.Mutex          // articles are checked on every core
	found    map[string]string   // what near gave for each target
}

// alike are the site paths of one folder whose last parts hold the
// same digits, the only ones closeTo may take: by length, so that those
// a typing slip away are found without reading the others, and by word,
// so that those holding a path's words are.
type alike struct {
	entries []entry          // by length in characters, then path
	words   map[string][]int // the indexes of the entries holding each word, in order
}

// alikeKey is the key of the alike of a path in folder dir whose last
// part holds digits.
func alikeKey(dir, digits string) string { return dir + "\x00" + digits }

// entry is one site path, with what near compares of it.
type entry struct {
	path, last, digits string // last is its last part, lower case
	runes              int    // how many characters last has
	words              []string
}

// near gives the path of the site nearest to target, or "".
func (n *nearby) near(target string) string {
	n.indexed.Do(n.index)
	n.mu.Lock()
	p, ok := n.found[target]
	n.mu.Unlock()
	if ok {
		return p
	}
	best := n.nearest(target)
	n.mu.Lock()
	n.found[target] = best
	n.mu.Unlock()
	return best
}

// nearest works out near's answer for target.
func (n *nearby) nearest(target string) string {
	dir, last := split(target)
	if pages := n.pages[strings.ToLower(last)]; content.IsMarkdown(last) && len(pages) == 1 {
		return pages[0]
	}
	want := newEntry(target, last)
	best := entry{}
	bestDistance := -1
	consider := func(e entry) {
		d, ok := closeTo(want, e)
		if ok && (bestDistance < 0 || d < bestDistance || d == bestDistance && e.path < best.path) {
			best, bestDistance = e, d
		}
	}
	if a := n.similar[alikeKey(dir, want.digits)]; a != nil {
		// A typing slip away: as long, give or take the slips allowed.
		most := content.TypoLimit(want.last)
		from, _ := slices.BinarySearchFunc(a.entries, want.runes-most, func(e entry, runes int) int { return e.runes - runes })
		for _, e := range a.entries[from:] {
			if e.runes > want.runes+most {
				break
			}
			consider(e)
		}
		// Holding all its words, and so the rarest of them.
		if len(want.words) > 1 {
			var fewest []int
			for i, w := range want.words {
				if holding := a.words[w]; i == 0 || len(holding) < len(fewest) {
					fewest = holding
				}
			}
			for _, i := range fewest {
				consider(a.entries[i])
			}
		}
	}
	if others := n.named[want.last]; best.path == "" && len(others) == 1 {
		return others[0]
	}
	return best.path
}

// index lists the site's pages and files by folder and digits, and by
// last part, sorted, so that a tie goes to the same path in every run.
func (n *nearby) index() {
	n.similar, n.named, n.pages, n.found = map[string]*alike{}, map[string][]string{}, map[string][]string{}, map[string]string{}
	for _, a := range n.articles {
		name := strings.ToLower(path.Base(a.Content.Path))
		n.pages[name] = append(n.pages[name], a.URL)
	}
	add := func(p string) {
		dir, last := split(p)
		e := newEntry(p, last)
		k := alikeKey(dir, e.digits)
		a := n.similar[k]
		if a == nil {
			a = &alike{words: map[string][]int{}}
			n.similar[k] = a
		}
		a.entries = append(a.entries, e)
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
	for _, a := range n.similar {
		slices.SortFunc(a.entries, func(x, y entry) int {
			if x.runes != y.runes {
				return x.runes - y.runes
			}
			return strings.Compare(x.path, y.path)
		})
		for i, e := range a.entries {
			for _, w := range e.words {
				if holding := a.words[w]; len(holding) == 0 || holding[len(holding)-1] != i {
					a.words[w] = append(holding, i)
				}
			}
		}
	}
	for _, paths := range n.named {
		slices.Sort(paths)
	}
}

func newEntry(p, last string) entry {
	lower := strings.ToLower(last)
	return entry{path: p, last: lower, digits: content.Digits(lower), runes: utf8.RuneCountInString(lower), words: words(lower)}
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
