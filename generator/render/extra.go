package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

var redirectPage = template.Must(template.New("redirect").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>Moved: {{.To}}</title>
<link rel="canonical" href="{{.To}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.To}}">
</head>
<body>
<p>This page has moved to <a href="{{.To}}">{{.To}}</a>.</p>
</body>
</html>
`))

// redirects writes a page at each alias that sends readers on.
func (r *renderer) redirects() []job {
	var jobs []job
	for _, rd := range r.site.Redirects {
		jobs = append(jobs, r.redirectJob(rd))
	}
	return jobs
}

// redirectJob makes the page at rd.From that sends readers on to rd.To.
func (r *renderer) redirectJob(rd site.Redirect) job {
	data := struct{ Lang, To string }{r.site.Settings.Language, r.abs(rd.To)}
	return job{name: FileFor(rd.From), url: rd.From, from: redirectSource(rd), make: func(w *bytes.Buffer) error {
		return redirectPage.Execute(w, data)
	}}
}

// feedAliasJobs keep the site's feed f at each old address feed_aliases
// names, which _redirects also sends on to it (see allRedirects): a file
// name (/index.xml) gets the RSS feed itself, which any host serves and
// any feed reader reads, and a folder (/feed/) a page that sends readers
// on, since a host serves a folder's page as HTML.
func (r *renderer) feedAliasJobs(f *feed) []job {
	var jobs []job
	for _, rd := range r.feedAliases() {
		if strings.HasSuffix(FileFor(rd.From), ".html") {
			jobs = append(jobs, r.redirectJob(rd))
			continue
		}
		for _, a := range f.Articles {
			r.entryUses[a].Add(1) // counted first by feedJobs(f)
		}
		jobs = append(jobs, job{name: FileFor(rd.From), url: rd.From, kind: feedFile, from: redirectSource(rd),
			key: r.feedKey("rss", f), make: func(w *bytes.Buffer) error { return r.rss(f, w) }})
	}
	return jobs
}

// feedAliases are the redirects from each old address of the bulletin's
// feed to its RSS feed (feed_aliases).
func (r *renderer) feedAliases() []site.Redirect {
	set := r.site.Settings
	var out []site.Redirect
	for i, alias := range set.FeedAliases {
		out = append(out, site.Redirect{From: alias, To: "/" + rssFile,
			File: content.JoinPath(r.site.ContentDir, content.SettingsFile), Line: int(set.FeedAliasLines[i])})
	}
	return out
}

// allRedirects are the site's redirects and its feed's, by From.
func (r *renderer) allRedirects() []site.Redirect {
	if len(r.site.Settings.FeedAliases) == 0 {
		return r.site.Redirects
	}
	all := slices.Concat(r.site.Redirects, r.feedAliases())
	slices.SortStableFunc(all, func(a, b site.Redirect) int { return strings.Compare(a.From, b.From) })
	return all
}

// redirectSource is the aliases field that asks for a redirect.
func redirectSource(rd site.Redirect) source {
	switch {
	case rd.Of != nil:
		s := fieldOf(rd.Of, "aliases")
		if rd.Line > 0 {
			s.line = rd.Line
		}
		return s
	case rd.Page != nil:
		return pageAliases(rd.Page)
	}
	return source{file: rd.File, line: rd.Line, field: "feed_aliases"}
}

// pageAliases is an intro page's aliases field, as the source of a name.
func pageAliases(p *content.Page) source {
	line := p.AliasesLine
	if line == 0 {
		line = p.Line
	}
	return source{file: p.File, line: line, field: "aliases"}
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemapJob makes the sitemap, which lists every page with the date its
// content last changed. Its key is the settings and every address and
// date it lists, so that it is written again only when one changed.
func (r *renderer) sitemapJob() job {
	list := sync.OnceValue(r.urlset)
	return job{name: "sitemap.xml", url: "/sitemap.xml",
		key:  func() string { return r.hash.key("sitemap", r.info, list()) },
		make: func(w *bytes.Buffer) error { return marshalXML(w, list()) }}
}

// urlset is what the sitemap lists.
func (r *renderer) urlset() *urlset {
	s := r.site
	set := &urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	add := func(p string, t time.Time) {
		u := sitemapURL{Loc: r.abs(p)}
		if !t.IsZero() {
			u.LastMod = t.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	add("/", s.Updated)
	for _, a := range s.Articles {
		add(a.URL, a.Modified)
	}
	for _, t := range s.Timeline {
		add(t.URL, time.Time{})
	}
	for _, y := range s.Years {
		add(y.URL, time.Time{})
		for _, m := range y.Months {
			add(m.URL, time.Time{})
		}
	}
	add("/topics/", s.Updated)
	for _, g := range s.Topics {
		add(g.URL, g.Updated)
		for _, p := range g.Pages[1:] {
			add(p.URL, time.Time{})
		}
	}
	add("/regulators/", s.Updated)
	for _, g := range s.Regulators {
		add(g.URL, g.Updated)
		for _, p := range g.Pages[1:] {
			add(p.URL, time.Time{})
		}
	}
	return set
}

func (r *renderer) robots() ([]byte, error) {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("/sitemap.xml") + "\n"), nil
}
