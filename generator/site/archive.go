package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Year is a year archive page.
type Year struct {
	Year         int
	URL          string
	Months       []*Month // newest first
	Count        int
	Newer, Older *Link // the years next to it that have articles; nil at either end
}

// Month is a month archive page, and a heading on timeline pages.
type Month struct {
	Year         int
	Month        time.Month
	URL          string
	Articles     []*Teaser // newest first
	Newer, Older *Link     // the months next to it that have articles; nil at either end
}

// Link names a year's or a month's archive from another page.
type Link struct {
	URL   string
	Label string
	Count int // how many articles it lists
}

func (y *Year) link() *Link  { return &Link{URL: y.URL, Label: y.Label(), Count: y.Count} }
func (m *Month) link() *Link { return &Link{URL: m.URL, Label: m.Label(), Count: len(m.Articles)} }

// Label is the year as readers write it, e.g. "2025".
func (y *Year) Label() string { return strconv.Itoa(y.Year) }

// Label is the month as readers write it, e.g. "March 2025".
func (m *Month) Label() string { return fmt.Sprintf("%s %d", m.Month, m.Year) }

// Page is one page of the timeline.
type Page struct {
	URL    string
	Number int // 0 for the first page, /timeline/, which shows the newest articles
	Months []*Month
	Newer  string // URL of the page with newer articles, if any
	Older  string // URL of the page with older articles, if any
}

// years groups articles (newest first) by year and month, each linked to
// the ones next to it.
func years(articles []*Article) []*Year {
	var out []*Year
	ms := months(articles)
	for _, m := range ms {
		if len(out) == 0 || out[len(out)-1].Year != m.Year {
			out = append(out, &Year{Year: m.Year, URL: fmt.Sprintf("/%d/", m.Year)})
		}
		y := out[len(out)-1]
		y.Months = append(y.Months, m)
		y.Count += len(m.Articles)
	}
	for i := 1; i < len(ms); i++ {
		ms[i].Newer, ms[i-1].Older = ms[i-1].link(), ms[i].link()
	}
	for i := 1; i < len(out); i++ {
		out[i].Newer, out[i-1].Older = out[i-1].link(), out[i].link()
	}
	return out
}

// months groups articles (newest first) by the month of their URL, newest
// month first. Dates written with different UTC offsets can put one
// month's articles on both sides of another's, so each article's month
// is looked for among those found so far, from the newest found.
func months(articles []*Article) []*Month {
	// Each article's month is found first, so that the months' lists of
	// teasers are cut from one block, and the months from another.
	type found struct {
		year  int
		month time.Month
		n     int
	}
	var seen []found
	in := make([]int32, len(articles)) // each article's place in seen
	for k, a := range articles {
		i := len(seen) - 1
		for i >= 0 && (seen[i].year != a.year || seen[i].month != a.month) {
			i--
		}
		if i < 0 {
			seen = append(seen, found{year: a.year, month: a.month})
			i = len(seen) - 1
		}
		in[k] = int32(i)
		seen[i].n++
	}
	block, teasers := make([]Month, len(seen)), make([]*Teaser, len(articles))
	out := make([]*Month, len(seen))
	for i, f := range seen {
		url := append(appendDate([]byte{'/'}, time.Date(f.year, f.month, 1, 0, 0, 0, 0, time.UTC), '/', false), '/')
		block[i] = Month{Year: f.year, Month: f.month, URL: string(url), Articles: teasers[:0:f.n]}
		teasers, out[i] = teasers[f.n:], &block[i]
	}
	for k, a := range articles {
		m := out[in[k]]
		m.Articles = append(m.Articles, &a.Teaser)
	}
	slices.SortStableFunc(out, func(a, b *Month) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), cmp.Compare(b.Month, a.Month))
	})
	return out
}

// timeline pages the articles below base, as /timeline/ does for the
// whole site and a topic's page for its own. Numbered pages hold size
// articles each, counted from the oldest, so /timeline/page/3/ keeps the
// same articles however many are published later; base shows the rest,
// the newest: from size to twice size less one, or all when fewer. No
// article is on two pages.
func timeline(base string, articles []*Article, size int) []*Page {
	n := len(articles)
	numbered := max(n/size-1, 0)
	shown := n - numbered*size // on base, newest first
	pageURL := func(k int) string { return fmt.Sprintf("%spage/%d/", base, k) }
	first := &Page{URL: base, Months: months(articles[:shown])}
	if numbered > 0 {
		first.Older = pageURL(numbered)
	}
	pages := []*Page{first}
	for k := numbered; k >= 1; k-- {
		// Page k holds the articles at oldest-first positions (k-1)*size to k*size-1.
		lo, hi := n-k*size, n-(k-1)*size
		p := &Page{URL: pageURL(k), Number: k, Months: months(articles[lo:hi]), Newer: base}
		if k < numbered {
			p.Newer = pageURL(k + 1)
		}
		if k > 1 {
			p.Older = pageURL(k - 1)
		}
		pages = append(pages, p)
	}
	return pages
}

// Span names the months the page's articles were published in, as
// readers write them: "March 2024", or "March 2024 to June 2024".
func (p *Page) Span() string {
	if len(p.Months) == 0 {
		return ""
	}
	newest, oldest := p.Months[0].Label(), p.Months[len(p.Months)-1].Label()
	if newest == oldest {
		return newest
	}
	return oldest + " to " + newest
}

// Articles lists the page's articles, newest first.
func (p *Page) Articles() []*Teaser {
	var out []*Teaser
	for _, m := range p.Months {
		out = append(out, m.Articles...)
	}
	return out
}
