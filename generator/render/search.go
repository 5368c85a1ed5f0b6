package render

import (
	"bulletin/generator/site"
)

// SearchURL is the site path of the search page, and SearchIndex the
// folder where Pagefind, run on the built site, writes its index.
const (
	SearchURL   = "/search/"
	SearchIndex = "/pagefind/"
)

// Search is what the search page offers: whether this copy of the site
// has a search index, and the values each filter can take, as article
// pages mark them with data-pagefind-filter.
type Search struct {
	Available  bool
	Index      string // site path of Pagefind's files
	Regulators []*site.Group
	Topics     []*site.Group
	Statuses   []string // labels, in the site's order of statuses
}

// search lists the filters' values: the regulators and topics that have
// articles, and the statuses articles carry.
func (r *renderer) search() *Search {
	s := r.site
	out := &Search{Available: s.Search, Index: SearchIndex}
	for _, g := range s.Regulators {
		if len(g.Articles) > 0 {
			out.Regulators = append(out.Regulators, g)
		}
	}
	for _, g := range s.Topics {
		if len(g.Articles) > 0 {
			out.Topics = append(out.Topics, g)
		}
	}
	used := map[string]bool{}
	for _, a := range s.Articles {
		if a.Status != nil {
			used[a.Status.Key] = true
		}
	}
	for _, st := range s.Settings.Statuses {
		if used[st.Key] {
			out.Statuses = append(out.Statuses, st.Label)
		}
	}
	return out
}
