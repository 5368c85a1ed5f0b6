package importer

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"bulletin/generator/content"
)

// What jekyll-feed published, read from _config.yml's feed settings: the
// site's feed at its path (/feed.xml unless feed.path says otherwise),
// and one feed for each of feed.categories, at /feed/NAME.xml.

// jekyllFeeds gives the site path of the old site's feed, when it is not
// bulletin's /feed.xml, and the categories that had feeds of their own.
func jekyllFeeds(f fields) (site string, categories []string) {
	feed, _ := f["feed"].(map[string]any)
	if p := fields(feed).text("path"); p != "" {
		if p = path.Clean("/" + p); p != "/feed.xml" {
			site = p
		}
	}
	return site, fields(feed).list("categories")
}

// categoryFeeds tells, for the posts imported, where each category's
// feed went: the feed of the topic or regulator the category became,
// which a server redirect from the old address lets its subscribers
// follow.
func categoryFeeds(categories []string, config string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		if len(posts) == 0 {
			return nil
		}
		var out []Note
		for _, c := range categories {
			old := "/feed/" + c + ".xml"
			kind, name := groupOf(posts, c)
			if kind == "" {
				out = append(out, Note{Source: config, Msg: fmt.Sprintf("jekyll-feed published %s for the category %s, which no post imported has: its subscribers are left with the old feed", old, c)})
				continue
			}
			out = append(out, Note{Source: config, Msg: fmt.Sprintf("jekyll-feed published %s for the category %s, now the %s %s, whose feed is /%s/%s/feed.xml: redirect the one to the other on the server (a 301), which feed readers follow",
				old, c, strings.TrimSuffix(kind, "s"), name, kind, content.Slug(name))})
		}
		return out
	}
}

// groupOf finds the topic or regulator a category became in posts.
func groupOf(posts []*post, category string) (kind, name string) {
	for _, p := range posts {
		for _, g := range []struct {
			kind  string
			names []string
		}{{"regulators", p.regulators}, {"topics", p.topics}} {
			for _, n := range g.names {
				if strings.EqualFold(n, category) {
					return g.kind, n
				}
			}
		}
	}
	return "", ""
}

// feedIDs is the form of the ids a Jekyll site's feed gave its posts.
type feedIDs int

const (
	// idsOfPostID are jekyll-feed's, and a template's made of post.id:
	// a post's address without its trailing slash, under the site's.
	idsOfPostID feedIDs = iota
	// idsOfPostURL are a template's made of post.url: a post's address
	// as it is, trailing slash and all, under the site's, as the feeds
	// of Eleventy, Hexo and Zola made theirs.
	idsOfPostURL
	// idsUnknown is for a site with neither jekyll-feed nor a feed
	// template that the import can read: its articles get jekyll-feed's
	// form, with a warning.
	idsUnknown
	// idsRelative are a template's made of post.id or post.url alone,
	// with no host (/2014/12/17/snippets), which bulletin's feeds cannot
	// give, as Atom asks for an id with its scheme: its articles get
	// jekyll-feed's form, with a warning.
	idsRelative
)

// feedTemplates are where a Jekyll site keeps a feed it writes itself,
// in its source folder.
var feedTemplates = []string{"feed.xml", "atom.xml", "rss.xml", "feed/index.xml"}

// feedAddresses are the addresses a feed template elsewhere in the site
// is published at by its front matter's permalink (permalink: /feed.xml
// in Chirpy's assets/feed.xml).
var feedAddresses = []string{"/feed.xml", "/atom.xml", "/rss.xml", "/feed/", "/feed/index.xml"}

// addressIDThemes are theme gems whose feed, kept in the gem, gave each
// post its address as its id, trailing slash and all: Chirpy's
// assets/feed.xml, of post.url | absolute_url.
var addressIDThemes = []string{"jekyll-theme-chirpy"}

var (
	// forLoop matches a loop of a feed template: the variable each
	// item is in, and what it goes through (site.posts, a variable).
	forLoop = regexp.MustCompile(`\{%-?\s*for\s+(\w+)\s+in\s+([\w.]+)`)
	// siteDocuments matches what holds the site's posts: site.posts,
	// site.documents (every collection's documents, posts among them),
	// a category's or a tag's posts (site.categories.news) and a page
	// of them (paginator.posts).
	siteDocuments = regexp.MustCompile(`^(?:site\.(?:posts|documents|categories|tags)|paginator\.posts)\b`)
	// entryID matches what a feed template makes an entry's id of:
	// Atom's id, RSS's guid, else RSS's link, which readers take for
	// an id where an item has no guid.
	entryID   = regexp.MustCompile(`(?s)<id>(.*?)</id>|<guid\b[^>]*>(.*?)</guid>`)
	entryLink = regexp.MustCompile(`(?s)<link>(.*?)</link>`)
	// liquidAssign matches a Liquid assign: the variable and what it
	// is given (post.url | absolute_url).
	liquidAssign = regexp.MustCompile(`\{%-?\s*assign\s+(\w+)\s*=\s*(.*?)\s*-?%\}`)
)

// feedForm gives the form of the ids the old site's feed gave its
// posts, in the Jekyll site read from the source folder dir of fsys:
// jekyll-feed's, where the plugin is on (see feedPlugin); else that of
// the site's own feed template, which it names, where it has one: at
// the top of the site by its name, else anywhere in it by the address
// its front matter's permalink gives it or by its name; else, for a
// theme whose gem keeps the feed (see addressIDThemes), the theme's. A
// template may hold only front matter, its loop in the layout it names
// (layout: atom, in _layouts/atom.xml), as many themes' feeds do.
func feedForm(fsys fs.FS, dir string, jekyllFeed bool, theme string, maxSize int64) (ids feedIDs, template string) {
	if jekyllFeed {
		return idsOfPostID, ""
	}
	names := slices.Clone(feedTemplates)
	names = append(names, feedsElsewhere(fsys, dir, maxSize)...)
	for _, name := range names {
		text, ok := feedText(fsys, dir, name, maxSize)
		if !ok {
			continue
		}
		return idsOf(text), name
	}
	if slices.Contains(addressIDThemes, theme) {
		return idsOfPostURL, ""
	}
	return idsUnknown, ""
}

// idsOf gives the form of the ids the feed template text gives its
// entries, following a variable assigned in it to what it was given.
func idsOf(text string) feedIDs {
	loop := postsLoopIn(text)
	if loop == nil {
		return idsUnknown
	}
	post := text[loop[2]:loop[3]]
	entries := text[loop[1]:]
	var made string
	if m := entryID.FindStringSubmatch(entries); m != nil {
		made = m[1] + m[2]
	} else if m := entryLink.FindStringSubmatch(entries); m != nil {
		made = m[1]
	}
	names := map[string]bool{} // what the id is made of
	addNames(names, made)
	for _, m := range liquidAssign.FindAllStringSubmatch(entries, -1) {
		if names[m[1]] {
			addNames(names, m[2])
		}
	}
	switch {
	case (names[post+".url"] || names[post+".id"]) && relative(names, post, made):
		return idsRelative
	case names[post+".url"]:
		return idsOfPostURL
	case names[post+".id"]:
		return idsOfPostID
	}
	return idsUnknown
}

// postsLoopIn gives where in text, a feed template, its loop over the
// site's posts is, as forLoop's submatch indexes: a loop through what
// holds them (see siteDocuments), or through a variable assigned it
// before, sorted or filtered ({% assign posts = site.posts | where_exp:
// "post", "post.draft != true" %}, as jekyll-feed's own template
// writes it); nil where it has none.
func postsLoopIn(text string) []int {
	for _, loop := range forLoop.FindAllStringSubmatchIndex(text, -1) {
		over := text[loop[4]:loop[5]]
		if siteDocuments.MatchString(over) {
			return loop
		}
		var given string // what the variable was last given before the loop
		for _, m := range liquidAssign.FindAllStringSubmatch(text[:loop[0]], -1) {
			if m[1] == over {
				given = m[2]
			}
		}
		if siteDocuments.MatchString(strings.TrimLeft(given, "( ")) {
			return loop
		}
	}
	return nil
}

// relative says whether an id made of names, post being the loop's
// variable, and written as made, is a path alone: made of the post's
// fields and of filters and settings that give no host, and nothing
// else, which may (site.production_url, a text of its own).
func relative(names map[string]bool, post, made string) bool {
	if strings.Contains(made, "://") {
		return false
	}
	for name := range names {
		if name != post && !strings.HasPrefix(name, post+".") && !slices.Contains(hostless, name) {
			return false
		}
	}
	return true
}

// hostless are names of Liquid, the parts of a post's field's path
// included, that put no host in an id: filters and the site's baseurl.
var hostless = []string{"id", "url", "relative_url", "xml_escape", "escape", "cgi_escape", "uri_escape", "url_encode", "strip", "prepend", "append", "site", "baseurl", "site.baseurl", "id.size", "url.size"}

// liquidName matches a name in Liquid: a variable, or a path of them
// (post.url, site.posts).
var liquidName = regexp.MustCompile(`\w+(?:\.\w+)*`)

// addNames adds to names each name text holds, and each run of the
// parts of a path (post.url.size holds post.url and url.size), so that a
// name is found in it as a whole word would be.
func addNames(names map[string]bool, text string) {
	for _, path := range liquidName.FindAllString(text, -1) {
		parts := strings.Split(path, ".")
		for i := range parts {
			for j := i + 1; j <= len(parts) && j-i <= 4; j++ {
				names[strings.Join(parts[i:j], ".")] = true
			}
		}
	}
}

// feedsElsewhere gives the templates in the source folder dir, below
// its top, that Jekyll published as the site's feed: those whose front
// matter's permalink is one of feedAddresses, then those with none whose
// name is one of feedTemplates' (archive/feed.xml is published at
// /archive/feed.xml), each in the order of their paths. It looks in no
// folder Jekyll does not publish (_posts, _drafts, _site, _layouts,
// _includes, _sass, _data, node_modules, vendor, a hidden one).
func feedsElsewhere(fsys fs.FS, dir string, maxSize int64) []string {
	var out, byName []string // a template named by its permalink comes first
	fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := e.Name()
		if e.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || slices.Contains([]string{"_posts", "_drafts", "_site", "_layouts", "_includes", "_sass", "_data", "node_modules", "vendor"}, name)) {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(p, dir+"/")
		if dir == "." {
			rel = p
		}
		switch ext := path.Ext(name); {
		case !strings.Contains(rel, "/") || !e.Type().IsRegular() || ext != ".xml" && ext != ".html" && ext != ".rss" && ext != ".atom":
			return nil
		}
		data, err := readFile(fsys, p, maxSize)
		if err != nil {
			return nil
		}
		pg, err := parsePage(data)
		if err != nil {
			return nil
		}
		switch permalink := pg.fields.text("permalink"); {
		case slices.Contains(feedAddresses, permalink):
			out = append(out, rel)
		case permalink == "" && slices.Contains(feedTemplates, name):
			byName = append(byName, rel)
		}
		return nil
	})
	return append(out, byName...)
}

// feedText gives the text of the feed template name in the source
// folder dir, and of the layouts it is set in, in turn, as far as five
// deep; false when there is no such file.
func feedText(fsys fs.FS, dir, name string, maxSize int64) (string, bool) {
	data, err := readFile(fsys, path.Join(dir, name), maxSize)
	if err != nil {
		return "", false
	}
	text := string(data)
	for range 5 {
		pg, err := parsePage(data)
		if err != nil {
			break
		}
		layout := pg.fields.text("layout")
		if layout == "" || strings.ContainsAny(layout, "/\\") {
			break
		}
		var found bool
		for _, ext := range []string{"", ".xml", ".html"} {
			if data, err = readFile(fsys, path.Join(dir, "_layouts", layout+ext), maxSize); err == nil {
				text, found = text+"\n"+string(data), true
				break
			}
		}
		if !found {
			break
		}
	}
	return text, true
}

// feedThemes are theme gems known to bring jekyll-feed along, as a
// runtime dependency, which Jekyll loads with the theme.
var feedThemes = []string{"minima", "minimal-mistakes-jekyll"}

// feedPlugin says whether jekyll-feed made the feed of the Jekyll site
// whose settings f are, whose folder is fsys: Jekyll loads it where
// _config.yml lists it in plugins (or gems), where the Gemfile puts it
// in the jekyll_plugins group, and where the theme's gem depends on it,
// as minima does, or as Gemfile.lock says the theme's gem does.
func feedPlugin(fsys fs.FS, f fields) bool {
	if plugin(f, "jekyll-feed") {
		return true
	}
	if data, err := readFile(fsys, "Gemfile", DefaultMaxSize); err == nil && slices.Contains(gemPlugins(string(data)), "jekyll-feed") {
		return true
	}
	theme := f.text("theme")
	if theme == "" {
		return false
	}
	if slices.Contains(feedThemes, theme) {
		return true
	}
	data, err := readFile(fsys, "Gemfile.lock", DefaultMaxSize)
	return err == nil && slices.Contains(lockedDependencies(string(data), theme), "jekyll-feed")
}

var (
	// gemLine matches a Gemfile's gem line: the gem's name and what
	// follows it.
	gemLine = regexp.MustCompile(`^gem\s*\(?\s*["']([^"']+)["'](.*)$`)
	// gemInLine matches a gem named within a line: do gem "x" end.
	gemInLine = regexp.MustCompile(`\bgem\s*\(?\s*["']([^"']+)["']`)
	// pluginGroup matches the jekyll_plugins group, in a group line or
	// a gem line's group option: :jekyll_plugins, "jekyll_plugins".
	pluginGroup = regexp.MustCompile(`[:"']jekyll_plugins\b`)
	// gemBlock matches a line that opens a block closed by end:
	// group :x do, platforms :y do |p|, and Ruby's own that start a line
	// (if ENV["CI"], unless, case, begin), not an if after a gem line.
	gemBlock = regexp.MustCompile(`\bdo\s*(\|[^|]*\|)?$|^(if|unless|case|while|until|begin|def|class|module)\b`)
)

// gemPlugins gives the gems a Gemfile puts in the jekyll_plugins group,
// in a group block or by a gem's group option, which Jekyll loads as
// plugins whatever _config.yml lists.
func gemPlugins(gemfile string) []string {
	var out []string
	var blocks []bool // for each block open, whether it is the plugins' group
	inGroup := 0      // how many of them are
	for _, line := range strings.Split(gemfile, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch m := gemLine.FindStringSubmatch(line); {
		case strings.HasPrefix(line, "group") && pluginGroup.MatchString(line) && gemInLine.MatchString(line):
			// A group on one line: group :jekyll_plugins do gem "x" end,
			// or group(:jekyll_plugins) { gem "x" }.
			for _, g := range gemInLine.FindAllStringSubmatch(line, -1) {
				out = append(out, g[1])
			}
		case m != nil:
			if inGroup > 0 || strings.Contains(m[2], "group") && pluginGroup.MatchString(m[2]) {
				out = append(out, m[1])
			}
		case gemBlock.MatchString(line):
			group := strings.HasPrefix(line, "group") && pluginGroup.MatchString(line)
			blocks = append(blocks, group)
			if group {
				inGroup++
			}
		case (line == "end" || strings.HasPrefix(line, "end ")) && len(blocks) > 0:
			if blocks[len(blocks)-1] {
				inGroup--
			}
			blocks = blocks[:len(blocks)-1]
		}
	}
	return out
}

// lockedDependencies gives the gems that Gemfile.lock lists the gem
// name as depending on: the lines under its own, one step further in.
func lockedDependencies(lock, name string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(lock, "\n") {
		line = strings.TrimRight(line, "\r")
		indent := len(line) - len(strings.TrimLeft(line, " "))
		gem, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch {
		case indent == 4:
			in = gem == name
		case indent == 6 && in:
			out = append(out, gem)
		case indent < 4:
			in = false
		}
	}
	return out
}

// unknownIDs tells, where the posts imported are some, that the ids the
// old feed gave them are not known, of the Jekyll site cfg whose source
// folder is dir: they get jekyll-feed's.
func unknownIDs(cfg *jekyllConfig, dir string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		switch {
		case len(posts) == 0:
			return nil
		case cfg.ids == idsRelative:
			return []Note{{Source: filepath.Join(dir, filepath.FromSlash(cfg.feedTemplate)), Msg: "the feed gave each entry the post's path alone as its id (/2014/12/17/title), with no scheme or host, which no feed of bulletin's can give, as Atom asks for both: the articles get jekyll-feed's, each post's address without its trailing slash, under the site's url, and the old feed's subscribers see each post once more, as new"}}
		case cfg.feedTemplate != "":
			return []Note{{Source: filepath.Join(dir, filepath.FromSlash(cfg.feedTemplate)), Msg: "the feed's entry ids are made of neither post.url nor post.id, which the import reads: the articles get jekyll-feed's, each post's address without its trailing slash; if the old feed's were others, its subscribers see each post once more, as new"}}
		}
		return []Note{{Source: cfg.file, Msg: fmt.Sprintf("no feed found to take the posts' ids from (jekyll-feed is not among plugins, nor in the Gemfile's jekyll_plugins group, nor brought by the theme, and there is no feed.xml, atom.xml, rss.xml or feed/index.xml, nor a template published at one of those addresses): the articles get jekyll-feed's, each post's address without its trailing slash; if the old feed's were others, put its template beside %s and import again, lest its subscribers see each post once more, as new", filepath.Base(cfg.file))}}
	}
}

// feedAddress gives the site path the feed template name, in the source
// folder dir, was published at: its front matter's permalink, else its
// path; a permalink that names a folder's index (/feed/index.xml) gives
// the folder too, which readers subscribe to as often.
func feedAddress(fsys fs.FS, dir, name string, maxSize int64) []string {
	address := "/" + name
	if data, err := readFile(fsys, path.Join(dir, name), maxSize); err == nil {
		if pg, err := parsePage(data); err == nil && pg.fields.text("permalink") != "" {
			address = path.Clean("/" + pg.fields.text("permalink"))
			if strings.HasSuffix(pg.fields.text("permalink"), "/") {
				address = strings.TrimSuffix(address, "/") + "/index.xml" // Jekyll writes a folder's index
			}
		}
	}
	if folder, ok := strings.CutSuffix(address, "/index.xml"); ok {
		return []string{folder + "/", address}
	}
	return []string{address}
}
