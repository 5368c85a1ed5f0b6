package render

import (
	"bulletin/generator/content"
	"bulletin/generator/site"
	"strings"
)

// SearchURL is the site path of the search page, and SearchIndex the
// folder that holds the search index, a folder for each bundle.
const (
	SearchURL   = "/search/"
	SearchIndex = "/pagefind/"
)

// Search is what the search page offers: whether this copy of the site
// has a search index, and the values each filter can take, as article
// pages mark them with data-pagefind-filter.
type Search struct {
	Available  bool
	Bundles    []string // site paths of the index's bundles, newest first
	Regulators []*site.Group
	Topics     []*site.Group
	Statuses   []*content.Status // in the site's order of statuses
}

// search lists the filters' values: the regulators and topics that have
// articles, and the statuses articles carry.
func (r *renderer) search() *Search {
	s := r.site
	out := &Search{Available: s.Search}
	for _, b := range s.Bundles {
		if len(b.Articles) > 0 {
			out.Bundles = append(out.Bundles, "/"+bundleDir(b)+"/")
		}
	}
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
		if a.Status != nil && a.Withdrawn == nil { // a withdrawn article's page tells none
			used[a.Status.Key] = true
		}
	}
	for i, st := range s.Settings.Statuses {
		if used[st.Key] {
			out.Statuses = append(out.Statuses, &s.Settings.Statuses[i])
		}
	}
	return out
}

// Bundle is one bundle of the search index as the output holds it: the
// folder of its index and the files of its articles' pages.
type Bundle struct {
	Dir   string   // slash path in the output, e.g. "pagefind/2024"
	Pages []string // newest first
}

// bundleDir is the folder of a bundle's index in the output.
func bundleDir(b *site.Bundle) string { return strings.Trim(SearchIndex, "/") + "/" + b.Name }

// IndexBundles gives the site's search bundles that have articles, newest
// first.
func IndexBundles(s *site.Site) []Bundle {
	var out []Bundle
	for _, b := range s.Bundles {
		if len(b.Articles) == 0 {
			continue
		}
		bundle := Bundle{Dir: bundleDir(b)}
		for _, a := range b.Articles {
			bundle.Pages = append(bundle.Pages, FileFor(a.URL))
		}
		out = append(out, bundle)
	}
	return out
}
