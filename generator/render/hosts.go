package render

import (
	"net/url"
	"path"
	"slices"
	"strings"
)

// Netlify and Cloudflare Pages serve a folder as it is, but read two
// files at its top for what a file cannot say of itself: _headers (the
// media type of a feed or calendar, cache rules, the WebSub Link header)
// and _redirects (an alias as a real 301). Other hosts serve them as
// plain files, which is harmless; bulletin deploy leaves them out of a
// bucket.

// HeadersFile and RedirectsFile are the names Netlify and Cloudflare
// Pages read.
const (
	HeadersFile   = "_headers"
	RedirectsFile = "_redirects"
)

// Cache lifetimes, as Cache-Control values. The theme's styles and
// scripts and the content's images keep their names when they change, so
// only files whose names are made from their bytes (Pagefind's index)
// may be kept for good; the rest are checked again after a few minutes,
// pages and feeds soonest.
const (
	cacheShort     = "public, max-age=300"
	cacheMedia     = "public, max-age=3600"
	cacheImmutable = "public, max-age=31536000, immutable"
)

// fingerprinted are the folders of each search bundle's index
// (pagefind/BUNDLE/…) whose files Pagefind names by a hash of their
// bytes: a file there never changes, a new index has new names.
var fingerprinted = []string{"fragment", "index", "filter"}

// CacheControl is the Cache-Control to serve a file of the site with.
func CacheControl(name string) string {
	if rest, ok := strings.CutPrefix(name, strings.Trim(SearchIndex, "/")+"/"); ok {
		_, rest, _ = strings.Cut(rest, "/") // the bundle
		dir, _, _ := strings.Cut(rest, "/")
		if slices.Contains(fingerprinted, dir) && dir != rest || strings.HasPrefix(rest, "pagefind.") && strings.HasSuffix(rest, ".pf_meta") {
			return cacheImmutable
		}
	}
	switch path.Ext(name) {
	case ".html", ".xml", ".json", ".ics", ".txt", ".css", ".js", ".mjs", "":
		return cacheShort
	}
	return cacheMedia
}

// hostJobs make _headers and _redirects.
func (r *renderer) hostJobs() []job {
	return []job{
		{name: HeadersFile, url: "/" + HeadersFile, make: whole(r.headers)},
		{name: RedirectsFile, url: "/" + RedirectsFile, make: whole(r.hostRedirects)},
	}
}

// maxHeaderRules is the most rules Cloudflare Pages reads from _headers;
// it skips the rest.
const maxHeaderRules = 100

// headers lists, for Netlify and Cloudflare Pages, the media type of each
// feed and calendar, which their extensions do not tell, the WebSub hubs
// of the feeds, and the cache rules of files that differ from the host's
// own (which checks pages again on every visit). Types and cache rules
// take a few rules whatever the number of topics and regulators, each
// for one kind of file (/topics/:slug/feed.xml); the WebSub Link header,
// which names the feed itself, takes a rule for each feed, and so comes
// for the topics' and regulators' feeds only while that keeps the file
// within Cloudflare's limit, those kept at a renamed one's old addresses
// too. Every feed names its hubs inside it too.
func (r *renderer) headers() ([]byte, error) {
	var b strings.Builder
	b.WriteString("# Made by bulletin for Netlify and Cloudflare Pages: media types, cache rules and WebSub links.\n")
	rule := func(path string, headers ...string) {
		b.WriteString(path + "\n")
		for _, h := range headers {
			b.WriteString("  " + h + "\n")
		}
	}
	feeds := []string{rssFile, atomFile, jsonFile}
	typed := func(name string) []string {
		return []string{"Content-Type: " + MediaType(name) + "; charset=utf-8", "Cache-Control: " + cacheShort}
	}
	// A rule's path is written once: Cloudflare keeps only the last rule
	// of two with the same path.
	link := func(dir, f string) []string {
		hubs := r.site.Settings.WebSubHubs
		if len(hubs) == 0 {
			return nil
		}
		links := make([]string, 0, len(hubs)+1)
		for _, hub := range hubs {
			links = append(links, "<"+hub+`>; rel="hub"`)
		}
		links = append(links, "<"+r.abs(dir+f)+`>; rel="self"`)
		return []string{"Link: " + strings.Join(links, ", ")}
	}
	for _, f := range feeds {
		rule("/"+f, append(typed(f), link("/", f)...)...)
	}
	for _, dir := range []string{"/topics/:slug/", "/regulators/:slug/"} {
		for _, f := range feeds {
			rule(dir+f, typed(f)...)
		}
	}
	rule("/topics/:slug/"+calendarFile, typed(calendarFile)...)
	rules := 3*len(feeds) + 1
	if r.site.Search {
		for _, dir := range fingerprinted {
			rule(SearchIndex+":bundle/"+dir+"/*", "Cache-Control: "+cacheImmutable)
			rules++
		}
	}
	// Each topic's and regulator's feeds, then, while they fit too, those
	// kept at their old addresses (see groupFeedJobs), which name
	// themselves there.
	var dirs, old []string
	for _, g := range slices.Concat(r.site.Topics, r.site.Regulators) {
		dirs, old = append(dirs, g.URL), append(old, oldDirs(g)...)
	}
	if rules+(len(dirs)+len(old))*len(feeds) <= maxHeaderRules {
		dirs = append(dirs, old...)
	}
	if len(r.site.Settings.WebSubHubs) > 0 && rules+len(dirs)*len(feeds) <= maxHeaderRules {
		for _, dir := range dirs {
			for _, f := range feeds {
				rule(hostPath(strings.TrimPrefix(dir, "/")+f), link(dir, f)...)
			}
		}
	}
	return []byte(b.String()), nil
}

// hostRedirects sends each alias on with a 301. The alias's page exists
// too, for other hosts, and Netlify serves an existing file rather than
// redirect unless the status ends in "!", which Cloudflare Pages does
// not accept: so each alias has two lines, Netlify's first. Cloudflare
// ignores the first (its build log lists it as invalid) and follows the
// second, and redirects whether a file exists or not.
func (r *renderer) hostRedirects() ([]byte, error) {
	var b strings.Builder
	b.WriteString("# Made by bulletin for Netlify and Cloudflare Pages: each alias, as a 301 to its article.\n")
	b.WriteString("# Each alias has two lines: Netlify follows the first (\"301!\": redirect although the alias's page exists),\n")
	b.WriteString("# Cloudflare Pages the second (it has no \"!\", lists the first as invalid, and always redirects).\n")
	for _, rd := range r.allRedirects() {
		// relPath gives the article's address percent-encoded already.
		from, to := hostPath(strings.TrimPrefix(rd.From, "/")), relPath(r.base.EscapedPath(), rd.To)
		b.WriteString(from + " " + to + " 301!\n")
		b.WriteString(from + " " + to + " 301\n")
	}
	return []byte(b.String()), nil
}

// hostPath is the path a host sees for a file or site path relative to the
// top of the output folder, percent-encoded.
func hostPath(name string) string {
	return escapePath("/" + name)
}

// escapePath percent-encodes a path as browsers send it: Go escapes
// "!", "'", "(", ")", "*", "[" and "]", which browsers send as they are,
// and a host compares the path it is sent with the rule's.
func escapePath(p string) string {
	return browserForm.Replace((&url.URL{Path: p}).EscapedPath())
}

var browserForm = strings.NewReplacer("%21", "!", "%27", "'", "%28", "(", "%29", ")", "%2A", "*", "%5B", "[", "%5D", "]")
