package importer

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// queryAddresses tells of the WordPress posts published with an old
// address of the form /?p=12, as every published post was.
func queryAddresses(export string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		n := 0
		for _, p := range posts {
			if !p.draft {
				n++
			}
		}
		if n == 0 {
			return nil
		}
		return []Note{{Source: export, Msg: fmt.Sprintf("%d %s old addresses of the form /?p=12, which cannot be aliases, since a static site answers them with its home page: redirect them on the server if they matter", n, plural(n, "post has", "posts have"))}}
	}
}

// featuredImages tells of the WordPress posts that had a featured
// image, which a theme showed beside the post and bulletin's pages do
// not: the first few by name, with the image's address.
func featuredImages(export string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		var had []string
		for _, p := range posts {
			if p.featured != "" {
				had = append(had, p.label+": "+p.featured)
			}
		}
		n := len(had)
		if n == 0 {
			return nil
		}
		more := ""
		if n > 3 {
			more = fmt.Sprintf("; %d more", n-3)
			had = had[:3]
		}
		return []Note{{Source: export, Msg: fmt.Sprintf("%d %s a featured image, which the theme showed beside the post and bulletin does not: not carried over (%s%s); put it in the body where readers need it", n, plural(n, "post had", "posts had"), strings.Join(had, "; "), more)}}
	}
}

// uploadsFolder matches the address of a WordPress uploads folder, as
// a post links to it: a blog's /wp-content/uploads/ (or, on a network
// before WordPress 3.5, /files/2011/01/), or a WordPress.com
// blog's media host, example.files.wordpress.com, as its posts show it
// directly or through WordPress.com's image servers
// (i0.wp.com/example.files.wordpress.com/).
var uploadsFolder = regexp.MustCompile(`(?:https?:)?//[^\s"'<>()]*?(?:/wp-content/uploads/|\.files\.wordpress\.com/|/files/\d{4}/\d{2}/)`)

// multisiteUploads matches the path of a file a blog of a WordPress
// network before 3.5 kept, /files/2011/01/chart.png, which it served
// from the blog's own address.
var multisiteUploads = regexp.MustCompile(`(?:^|["'(=])/files/\d{4}/\d{2}/`)

// upload says whether the site path p is of a file the blog keeps.
func upload(p string) bool {
	return strings.HasPrefix(p, "/wp-content/") || multisiteUploads.MatchString(p)
}

// uploads tells of the WordPress posts that show files from the blog's
// uploads folders, which are not copied, naming the folders as the
// posts link to them, and of those that show files from other sites'.
func uploads(export string, w *wxr, blog *url.URL) func(posts []*post) []Note {
	own := ownHosts(w, blog)
	return func(posts []*post) []Note {
		var folders, hosts []string // as the posts name them
		mine, elsewhere := 0, 0
		for _, p := range posts {
			// A folder named without its host (/wp-content/uploads/) is
			// the blog's own.
			named := strings.Contains(p.raw, "/wp-content/uploads/")
			if !named && !uploadsFolder.MatchString(p.raw) && !multisiteUploads.MatchString(p.raw) {
				continue
			}
			ours, theirs := false, false
			for _, m := range multisiteUploads.FindAllString(p.raw, -1) {
				ours = true
				if folder := strings.TrimSuffix(w.blog, "/") + strings.TrimLeft(m, `"'(=`); !slices.Contains(folders, folder) {
					folders = append(folders, folder)
				}
			}
			for _, m := range uploadsFolder.FindAllString(p.raw, -1) {
				if host := uploadHost(m); host != "" && !own(host) {
					theirs = true
					if !slices.Contains(hosts, host) {
						hosts = append(hosts, host)
					}
					continue
				}
				ours = true
				if !slices.Contains(folders, m) {
					folders = append(folders, m)
				}
			}
			if ours || named && !theirs {
				mine++
			}
			if theirs {
				elsewhere++
			}
		}
		var out []Note
		if mine > 0 {
			if len(folders) == 0 {
				folders = []string{strings.TrimSuffix(w.blog, "/") + "/wp-content/uploads/"}
			}
			out = append(out, Note{Source: export, Msg: fmt.Sprintf("%d %s images or files from %s, which are not copied: copy them into the content folder, or keep the old site serving them at an address this site does not take over", mine, plural(mine, "post shows", "posts show"), strings.Join(firstOf(folders, 3), ", "))})
		}
		if elsewhere > 0 {
			slices.Sort(hosts)
			out = append(out, Note{Source: export, Msg: fmt.Sprintf("%d %s images or files from the uploads of other sites (%s), linked there as before: they show only while those sites keep them", elsewhere, plural(elsewhere, "post shows", "posts show"), strings.Join(firstOf(hosts, 3), ", "))})
		}
		return out
	}
}

// firstOf gives the first n of names, and then how many more there are.
func firstOf(names []string, n int) []string {
	if len(names) > n {
		return append(names[:n:n], fmt.Sprintf("%d more", len(names)-n))
	}
	return names
}

// uploadHost is the host whose uploads an address of uploadsFolder
// shows: for WordPress.com's image servers, the host they show them for
// (i0.wp.com/example.org/wp-content/uploads/ shows example.org's).
func uploadHost(address string) string {
	host := hostOf(address)
	if wpImageServer.MatchString(host) {
		if u, err := url.Parse(address); err == nil {
			first, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
			return first
		}
	}
	return host
}

// wpImageServer matches the host of one of WordPress.com's image
// servers.
var wpImageServer = regexp.MustCompile(`(?i)^i[0-9]\.wp\.com$`)

// ownHosts tells the hosts whose uploads folders are the blog's own:
// the blog's, and those of the files the export lists as attachments,
// each with the rest of its registered domain (www.example.org beside
// example.org); on WordPress.com, where every blog shares a domain, its
// own media host (example.files.wordpress.com for example.wordpress.com)
// alone.
func ownHosts(w *wxr, blog *url.URL) func(host string) bool {
	domains, hosts := map[string]bool{}, map[string]bool{}
	add := func(host string) {
		host = strings.ToLower(host)
		if name, ok := strings.CutSuffix(host, ".wordpress.com"); ok {
			hosts[host] = true
			hosts[strings.TrimSuffix(name, ".files")+".files.wordpress.com"] = true
			return
		}
		if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
			domains[d] = true
		}
	}
	add(blog.Hostname())
	for _, it := range w.items {
		if it.attachment != "" {
			add(uploadHost(it.attachment))
		}
	}
	return func(host string) bool {
		host = strings.ToLower(host)
		if strings.HasSuffix(host, ".wordpress.com") {
			return hosts[host]
		}
		d, err := publicsuffix.EffectiveTLDPlusOne(host)
		return err != nil || domains[d]
	}
}

// hostOf is the host of an address, "" for one that has none.
func hostOf(address string) string {
	u, err := url.Parse(address)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
