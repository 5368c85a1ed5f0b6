package site

import (
	"fmt"
	"slices"
	"time"
)

// Bundle is one part of the search index: the articles Pagefind indexes
// together into a folder of their own, which the search page merges with
// the others at query time. Bundles split the site by date, so an edit
// changes one bundle, and the newest come first.
type Bundle struct {
	Name     string    // "all", a year such as "2024", a quarter such as "2024-q3", or a month such as "2024-03"
	Articles []*Teaser // newest first
}

// bundles splits the site's articles into bundles of at most size
// articles where dates allow: the whole site as one bundle when it has no
// more, else one bundle a year; a year that has more, one a quarter; and
// a quarter that has more, one a month. A month is never split, so that
// a new article changes one bundle.
func bundles(years []*Year, size int) []*Bundle {
	var all []*Teaser
	for _, y := range years {
		for _, m := range y.Months {
			all = append(all, m.Articles...)
		}
	}
	if len(all) <= size {
		return []*Bundle{{Name: "all", Articles: all}}
	}
	var out []*Bundle
	for _, y := range years {
		if y.Count <= size {
			b := &Bundle{Name: y.Label()}
			for _, m := range y.Months {
				b.Articles = append(b.Articles, m.Articles...)
			}
			out = append(out, b)
			continue
		}
		for q := 4; q >= 1; q-- {
			var months []*Month
			count := 0
			for _, m := range y.Months {
				if quarter(m.Month) == q {
					months = append(months, m)
					count += len(m.Articles)
				}
			}
			if count == 0 {
				continue
			}
			if count <= size {
				b := &Bundle{Name: fmt.Sprintf("%04d-q%d", y.Year, q)}
				for _, m := range months {
					b.Articles = append(b.Articles, m.Articles...)
				}
				out = append(out, b)
				continue
			}
			for _, m := range months {
				out = append(out, &Bundle{Name: fmt.Sprintf("%04d-%02d", m.Year, m.Month), Articles: slices.Clip(m.Articles)})
			}
		}
	}
	return out
}

// quarter is the quarter of the year a month is in, 1 to 4.
func quarter(m time.Month) int { return (int(m)-1)/3 + 1 }
