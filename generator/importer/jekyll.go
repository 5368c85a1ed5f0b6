package importer

import (
	"cmp"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// jekyllConfig is what the importer needs of a Jekyll site's _config.yml.
type jekyllConfig struct {
	file      string // as notes name it
	source    string // the folder Jekyll reads the site from: a slash path in the site's folder, "." for itself
	permalink string
	timezone  string
	excerpt   string // the excerpt separator
	defaults  []jekyllDefault

	// pageEnd is how the addresses Jekyll gave pages without a permalink
	// of their own end, by the site's permalink style: "/", ".html", "".
	pageEnd string
	// collections is collections_dir, the folder in source that holds
	// the site's collections, _posts and _drafts among them, whose
	// categories start below it; "" where it is not set.
	collections string
	// site is url and baseurl, where the site was published, which
	// jekyll-feed's entry ids start with; "" when url is not set.
	site string
	// local is url when it names this machine (localhost), which a site
	// is not published at: its feed ids are not known.
	local string
	lang  string // the site's language, as jekyll-seo-tag and themes read it
	// authors are the names _data/authors.yml, or else the documents of
	// an authors collection, give the authors' handles.
	authors map[string]string
	// authorsCollection says that the settings declare a collection
	// named authors, whose documents Jekyll read.
	authorsCollection bool
	// texts are the settings of _config.yml, such as repository, which
	// {{ site.repository }} showed: those that are text by their text,
	// the others as ""; nil without a _config.yml.
	texts map[string]string
	// kramdown says that the site's Markdown is kramdown's, Jekyll's
	// default, rather than CommonMark; markdownInHTML, that it reads an
	// HTML block's content as Markdown, not as HTML, blank lines and all,
	// as kramdown does unless parse_block_html is set.
	kramdown, markdownInHTML bool
	// mentions is where jekyll-mentions linked an @name, "" when it is
	// off; jemoji, that jemoji showed :name: as an emoji.
	mentions string
	jemoji   bool
	// feeds is whether jekyll-feed made the site's feed, whose entry ids
	// the articles keep.
	feeds bool
	// ids is the form of the ids the old feed gave the posts, and
	// feedTemplate the site's own feed that gave them, if any.
	ids          feedIDs
	feedTemplate string
	// feed is where jekyll-feed published the site's feed, when not at
	// /feed.xml; feedCategories, the categories it gave feeds.
	feed           string
	feedCategories []string
}

// jekyllDefault is one entry of _config.yml's defaults: front matter
// values for the posts under a path.
type jekyllDefault struct {
	path   string
	values fields
}

// permalinkStyles are Jekyll's named permalink styles.
var permalinkStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

var (
	jekyllPost = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2})-(.*)\.(?i:md|markdown|mkd|mkdn|mdown|html|htm)$`)
	// jekyllUnnamed matches the name of a post that lacks its extension.
	jekyllUnnamed = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}-.`)
	jekyllDraft   = regexp.MustCompile(`^(.+)\.(?i:md|markdown|mkd|mkdn|mdown|html|htm)$`)
)

// readJekyll reads the posts of the Jekyll site o.Source: every _posts
// folder (with the folders above it as categories, as Jekyll does) and
// _drafts, in the folder its source setting names, and in that its
// collections_dir names, where it sets one.
func readJekyll(o *Options) (*source, error) {
	root, err := os.OpenRoot(o.Source)
	if err != nil {
		return nil, fmt.Errorf("importer: %w", err)
	}
	defer root.Close()
	cfg, err := readJekyllConfig(root.FS(), o)
	if err != nil {
		return nil, err
	}
	if err := settleZone(o, cfg.timezone, cfg.file, "timezone"); err != nil {
		return nil, err
	}
	// Posts, their categories and the files they link to are Jekyll's
	// paths from its source folder; notes name them from o.Source.
	fsys, err := fs.Sub(root.FS(), cfg.source)
	if err != nil {
		return nil, fmt.Errorf("importer: %s: source %q: %w", cfg.file, cfg.source, err)
	}
	dir := filepath.Join(o.Source, filepath.FromSlash(cfg.source))
	if rel, ok := inside(o.Dest, dir); ok && inJekyllPosts(filepath.ToSlash(rel)+"/articles/a.md") {
		return nil, fmt.Errorf("importer: %s is inside the Jekyll site's posts, so the next import would read its articles as posts: give -content a folder outside them", o.Dest)
	}
	src := &source{file: jekyllFile(cfg.source), site: cfg.site, lang: cfg.lang, langSetting: "lang", langFile: cfg.file}
	switch {
	case cfg.local != "":
		src.warn(cfg.file, 0, "%s", localNote("url", cfg.local))
	case cfg.site == "" && (cfg.feeds || cfg.feedTemplate != ""):
		// jekyll-feed then gave each entry its path as its id, which no
		// feed reader can take from another address.
		src.warn(cfg.file, 0, "url: not set, so the old feed's entry ids, the posts' addresses under it, are not known, and each article gets an id of its own: subscribers of the old feed see the posts once more, as new; set url in %s to the address the site was published at, and import again", cfg.file)
	case cfg.site != "" && (cfg.ids == idsUnknown || cfg.ids == idsRelative):
		src.tallies = append(src.tallies, unknownIDs(cfg, dir))
	case cfg.feedTemplate != "":
		// The site's own feed gave the ids the articles keep: its
		// subscribers follow at its address, once feed_aliases lists it.
		src.feeds = append(src.feeds, feedAddress(fsys, ".", cfg.feedTemplate, o.MaxSize)...)
	}
	var files []string
	outside := map[string]int{} // by folder, the posts outside collections_dir
	err = fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			src.fail(filepath.Join(dir, p), 0, "can't read the folder: %v", withoutPath(err))
			return nil
		}
		name := e.Name()
		if e.IsDir() && p != "." && (strings.HasPrefix(name, ".") || name == "_site" || name == "node_modules" || name == "vendor") {
			return fs.SkipDir
		}
		if (inJekyllPosts(p) || name == "_posts" || name == "_drafts") && !strings.HasPrefix(name, ".") && linkedFolder(e, filepath.Join(dir, filepath.FromSlash(p))) {
			src.fail(filepath.Join(dir, filepath.FromSlash(p)), 0, "%s", linkedFolderNote)
			return nil
		}
		if e.IsDir() || !inJekyllPosts(p) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || strings.HasSuffix(name, "~") {
			return nil
		}
		if cfg.collections != "" && !strings.HasPrefix(p, cfg.collections+"/") {
			// Jekyll reads posts and drafts in collections_dir alone.
			outside[path.Dir(p)]++
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("importer: reading %s: %w", dir, err)
	}
	for _, folder := range slices.Sorted(maps.Keys(outside)) {
		n := outside[folder]
		src.read += n
		them := plural(n, "it", "them")
		src.skip(filepath.Join(dir, filepath.FromSlash(folder)), 0, "%d %s outside collections_dir, %s, the one folder Jekyll reads posts and drafts from, so Jekyll did not publish %s: not imported; to import %s, move %s into %s/%s and import again", n, plural(n, "file", "files"), cfg.collections, them, them, them, cfg.collections, path.Base(folder))
		src.skipped[len(src.skipped)-1].Items = n
	}
	if len(files) == 0 && len(outside) == 0 {
		if _, err := fs.Stat(fsys, path.Join(cmp.Or(cfg.collections, "."), "_posts")); errors.Is(err, fs.ErrNotExist) {
			if cfg.collections != "" {
				return nil, fmt.Errorf("importer: %s: collections_dir is %s, where Jekyll reads posts from, and %s has no _posts folder: no posts to import", cfg.file, cfg.collections, filepath.Join(dir, filepath.FromSlash(cfg.collections)))
			}
			if _, err := fs.Stat(fsys, "_config.yml"); err == nil {
				return nil, fmt.Errorf("importer: %s: a Jekyll site with no _posts folder, so no posts to import: its pages are not posts", dir)
			}
			return nil, fmt.Errorf("importer: %s: no _posts folder: is this a Jekyll site?", dir)
		}
	}
	for _, p := range files {
		if post := readJekyllPost(fsys, p, dir, cfg, o, src); post != nil {
			src.posts = append(src.posts, post)
		}
	}
	if cfg.feed != "" {
		src.feeds = append(src.feeds, cfg.feed)
	}
	if len(cfg.feedCategories) > 0 {
		src.tallies = append(src.tallies, categoryFeeds(cfg.feedCategories, cfg.file))
	}
	pages := jekyllPages(dir, cfg, o.MaxSize)
	generated := madeBy(o.Source, src.file)
	src.body = func(p *post, ix *index, r *Report) string {
		l := &liquid{p: p, ix: ix, r: r, html: p.html, site: cfg.texts, page: pages, made: func(dest string) bool { return generated(p, dest) }}
		body := p.raw
		if !p.literal {
			body = l.convert(body, p.bodyLine)
		}
		body, excerpt := more(body, cfg.excerpt, "<!--more-->")
		if cfg.mentions != "" && !p.html {
			body = mentions(body, cfg.mentions)
		}
		if !p.html {
			shownBy := ""
			if cfg.jemoji {
				shownBy = "jemoji"
			}
			emojiNote(body, p, r, shownBy)
		}
		if !cfg.markdownInHTML && !p.html {
			// kramdown reads Markdown, not the HTML of a post in .html.
			given := body
			var told []loss
			body, told = kramdownBlocks(body)
			for _, t := range told {
				r.Warnings = append(r.Warnings, routine(p.note(sourceLine(p, given, t.at), t.msg), "elements whose content kramdown read as Markdown became Markdown"))
			}
		}
		if cfg.kramdown && !p.html {
			given := body
			var lists []int
			var abbreviations []string
			var at int
			body, lists, abbreviations, at = kramdownSyntax(body)
			if n := len(lists); n > 0 {
				r.Warnings = append(r.Warnings, routine(p.note(sourceLine(p, given, lists[0]), fmt.Sprintf("%d kramdown definition %s (a term, then : and its definition) became each term in bold, its definitions on the lines below it", n, plural(n, "list", "lists"))), "kramdown definition lists became terms in bold"))
			}
			if len(abbreviations) > 0 {
				r.Warnings = append(r.Warnings, p.note(sourceLine(p, given, at), fmt.Sprintf("kramdown's abbreviations (%s) are left out, whose words readers saw on pointing at each use: write the words out where readers need them, as at the first use", strings.Join(firstOf(abbreviations, 3), "; "))))
			}
		}
		if cfg.kramdown {
			body = kramdownEmphasis(body)
		}
		if !p.html {
			var unknown, shared []string
			body, unknown, shared = relativeLinks(body, p.source, ix)
			if len(unknown) > 0 {
				r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("links to Markdown files by their path (%s), which no post imported is, are kept as written and lead nowhere on this site: point them at the address of the page each became, on this site or another", strings.Join(firstOf(unknown, 3), ", "))))
			}
			if len(shared) > 0 {
				r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("links to Markdown files by a name two or more posts had before they were dated (%s), which could mean either, are kept as written and lead nowhere on this site: point each at the address of the post it means", strings.Join(firstOf(shared, 3), "; "))))
			}
		}
		body = subpathImages(finishBody(p, body, excerpt, r), p.media)
		// A link under baseurl names a post by its old address below
		// it, where url, which the site's address has it with, is not
		// set too.
		body = anchors(body, cfg.kramdown, p, r)
		given := body
		body, away, made := followMoves(body, ix, cmp.Or(cfg.site, l.baseurl()), func(dest string) bool { return generated(p, dest) })
		awayNote(p, away, cfg.site != "", r)
		madeNote(p, given, made, cfg.site, "url in "+cfg.file, r)
		return body
	}
	return src, nil
}

// pageEnd gives how the address Jekyll gave a page without a permalink
// of its own ends, by the site's permalink: in a slash where it does
// (pretty), in .html where it ends in :output_ext (date), else in
// neither.
func pageEnd(permalink string) string {
	if style, ok := permalinkStyles[permalink]; ok {
		permalink = style
	}
	switch {
	case strings.HasSuffix(permalink, "/"):
		return "/"
	case strings.HasSuffix(permalink, ":output_ext"):
		return ".html"
	}
	return ""
}

// jekyllPages gives the address Jekyll gave the page at a slash path in
// the source folder dir of the site cfg: its front matter's permalink,
// else its path as the site's permalink style made it (/docs/guide.html,
// /docs/guide/ where it is pretty); false for a file that cannot be read
// as a page, and for a collection's with no permalink, whose address the
// collection's settings made.
func jekyllPages(dir string, cfg *jekyllConfig, maxSize int64) func(p string) (string, bool) {
	return func(p string) (string, bool) {
		root, err := os.OpenRoot(dir)
		if err != nil {
			return "", false
		}
		defer root.Close()
		data, err := readFile(root.FS(), p, maxSize)
		if err != nil {
			return "", false
		}
		pg, err := parsePage(data)
		if err != nil {
			return "", false
		}
		folder, name := path.Split(p)
		base := strings.TrimSuffix(name, path.Ext(name))
		pattern := pg.fields.text("permalink")
		switch {
		case pattern != "":
		case strings.HasPrefix(p, "_") || strings.Contains(p, "/_"):
			return "", false
		case base == "index":
			pattern = "/:path/"
		default:
			pattern = "/:path/:basename" + cfg.pageEnd
		}
		u := strings.NewReplacer(":path", strings.TrimSuffix(folder, "/"), ":basename", base, ":output_ext", ".html").Replace(pattern)
		return escapePath(cleanSlashes("/" + u)), true
	}
}

// inJekyllPosts reports whether a file is in a _posts or _drafts folder.
func inJekyllPosts(p string) bool {
	for _, part := range strings.Split(path.Dir(p), "/") {
		if part == "_posts" || part == "_drafts" {
			return true
		}
	}
	return false
}

func readJekyllConfig(fsys fs.FS, o *Options) (*jekyllConfig, error) {
	cfg := &jekyllConfig{source: ".", kramdown: true, pageEnd: ".html"}
	for _, name := range []string{"_config.yml", "_config.yaml", "_config.toml"} {
		data, err := readFile(fsys, name, o.MaxSize)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		cfg.file = filepath.Join(o.Source, name)
		if err != nil {
			return nil, fmt.Errorf("importer: %s: %w", cfg.file, withoutPath(err))
		}
		var f fields
		if strings.HasSuffix(name, ".toml") {
			f, err = parseTOML(string(data), 0)
		} else {
			f, err = parseYAML(string(data), 0)
		}
		var pe *parseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("importer: %s:%d: %s: the settings decide the old addresses, so fix them first", cfg.file, pe.line, strings.Replace(pe.msg, "front matter", "the file", 1))
		}
		cfg.permalink, cfg.timezone, cfg.excerpt = f.text("permalink"), f.text("timezone"), f.text("excerpt_separator")
		cfg.pageEnd = pageEnd(cmp.Or(cfg.permalink, "date"))
		kramdown, _ := f["kramdown"].(map[string]any)
		parsed, _ := fields(kramdown).boolean("parse_block_html")
		cfg.kramdown = strings.EqualFold(cmp.Or(f.text("markdown"), "kramdown"), "kramdown")
		cfg.markdownInHTML = parsed || !cfg.kramdown
		cfg.mentions, cfg.jemoji, cfg.feeds = mentionsBase(f), plugin(f, "jemoji"), feedPlugin(fsys, f)
		cfg.feed, cfg.feedCategories = jekyllFeeds(f)
		cfg.texts = map[string]string{}
		for k := range f {
			cfg.texts[k] = f.text(k)
		}
		if s := f.text("collections_dir"); s != "" {
			cfg.collections = path.Clean(s)
			if !fs.ValidPath(cfg.collections) {
				line := (&page{front: string(data), frontAt: 1}).lineOf("collections_dir")
				return nil, fmt.Errorf("importer: %s:%d: collections_dir %q leads out of the site's source folder, which Jekyll does not read posts from: set collections_dir to a folder inside it", cfg.file, line, s)
			}
			if cfg.collections == "." {
				cfg.collections = ""
			}
		}
		if s := f.text("source"); s != "" {
			cfg.source = path.Clean(s)
			if !fs.ValidPath(cfg.source) {
				line := (&page{front: string(data), frontAt: 1}).lineOf("source")
				return nil, fmt.Errorf("importer: %s:%d: source %q leads out of %s, and the import reads nothing outside the folder it is given: set source to a folder inside it", cfg.file, line, s, o.Source)
			}
		}
		cfg.ids, cfg.feedTemplate = feedForm(fsys, cfg.source, cfg.feeds, f.text("theme"), o.MaxSize)
		if u, err := url.Parse(strings.TrimSuffix(f.text("url"), "/")); err == nil && localHost(u.Hostname()) {
			cfg.local = f.text("url")
		} else if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			// absolute_url gives the scheme and host in lower case.
			cfg.site = strings.ToLower(u.Scheme+"://"+u.Host) + u.EscapedPath() + strings.TrimSuffix("/"+strings.Trim(f.text("baseurl"), "/"), "/")
		}
		// lang, as jekyll-seo-tag reads it, else its locale (zh_CN) or
		// a theme's language (Chinese).
		cfg.lang = cmp.Or(f.text("lang"), languageNamed(f.text("locale")), languageNamed(f.text("language")))
		if list, ok := f["collections"].([]any); ok {
			cfg.authorsCollection = slices.Contains(list, any("authors"))
		}
		if c, ok := f["collections"].(map[string]any); ok {
			_, cfg.authorsCollection = c["authors"]
			if posts, ok := c["posts"].(map[string]any); ok {
				if p := fields(posts).text("permalink"); p != "" {
					cfg.permalink = p
				}
			}
		}
		defaults, _ := f["defaults"].([]any)
		for _, d := range defaults {
			d, _ := d.(map[string]any)
			scope, _ := d["scope"].(map[string]any)
			values, _ := d["values"].(map[string]any)
			typ := fields(scope).text("type")
			if values != nil && (typ == "" || typ == "posts") {
				cfg.defaults = append(cfg.defaults, jekyllDefault{path: strings.Trim(fields(scope).text("path"), "/"), values: values})
			}
		}
		break
	}
	if cfg.permalink == "" {
		cfg.permalink = "date"
	}
	if style, ok := permalinkStyles[cfg.permalink]; ok {
		cfg.permalink = style
	}
	cfg.authors = authorsData(fsys, cfg.source)
	if cfg.authors == nil && cfg.authorsCollection {
		cfg.authors = authorsCollection(fsys, path.Join(cfg.source, cmp.Or(cfg.collections, "."), "_authors"))
	}
	return cfg, nil
}

// authorsCollection reads the name of each author's handle from the
// documents of the site's authors collection, in the folder dir, as the
// theme's bylines showed them: the document's full_name, display_name,
// name or title, under its handle, the name of its file without its
// extension, and its short_name, username or name where that is not the
// name shown (_authors/mbland.md, name: mbland, full_name: Mike Bland). A
// document that cannot be read names none.
func authorsCollection(fsys fs.FS, dir string) map[string]string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if e.IsDir() || ext != ".md" && ext != ".markdown" && ext != ".html" {
			continue
		}
		data, err := readFile(fsys, path.Join(dir, e.Name()), DefaultMaxSize)
		if err != nil {
			continue
		}
		pg, err := parsePage(data)
		if err != nil {
			continue
		}
		f := lowerKeys(pg.fields)
		shown := strings.TrimSpace(f.first("full_name", "display_name", "name", "title"))
		if shown == "" {
			continue
		}
		for _, handle := range []string{strings.TrimSuffix(e.Name(), path.Ext(e.Name())), f.text("short_name"), f.text("username"), f.text("name")} {
			if _, taken := out[handle]; handle != "" && handle != shown && !taken {
				out[handle] = shown
			}
		}
	}
	return out
}

// authorsData reads the name of each author's handle from the site's
// _data/authors file, in the source folder dir, where it has one: a
// name, full_name or display_name under the handle, as jekyll-seo-tag
// and themes read it. A file that cannot be read names none: bylines
// keep their handles.
func authorsData(fsys fs.FS, dir string) map[string]string {
	for _, name := range []string{"authors.yml", "authors.yaml", "authors.json"} {
		data, err := readFile(fsys, path.Join(dir, "_data", name), DefaultMaxSize)
		if err != nil {
			continue
		}
		f, err := parseYAML(string(data), 0)
		if err != nil {
			return nil
		}
		out := map[string]string{}
		for handle, v := range f {
			entry, _ := v.(map[string]any)
			if n := fields(entry).first("name", "full_name", "display_name"); n != "" {
				out[handle] = strings.TrimSpace(n)
			}
		}
		return out
	}
	return nil
}

// readJekyllPost reads one post file, p in the source folder dir, or
// notes why it cannot.
func readJekyllPost(fsys fs.FS, p, dir string, cfg *jekyllConfig, o *Options, src *source) *post {
	file := filepath.Join(dir, p)
	name := path.Base(p)
	draft := strings.Contains("/"+path.Dir(p)+"/", "/_drafts/")
	m := jekyllPost.FindStringSubmatch(name)
	if draft && m == nil {
		// A draft need not be named by a date, but one that is is dated
		// and named by it, as a post is.
		m = jekyllDraft.FindStringSubmatch(name)
		if m != nil {
			m = []string{m[0], "", m[1]}
		}
	}
	if m == nil {
		switch {
		case strings.EqualFold(path.Ext(name), ".textile"):
			src.read++
			src.fail(file, 0, "a post in Textile, which this importer does not read: not imported; convert it to Markdown (pandoc -f textile -t gfm)")
		case otherMarkup(strings.ToLower(path.Ext(name))) != "":
			src.read++
			src.fail(file, 0, "%s", otherMarkup(strings.ToLower(path.Ext(name))))
		case jekyllDraft.MatchString(name) && strings.HasPrefix(name, "index.") && jekyllUnnamed.MatchString(path.Base(path.Dir(p))):
			src.read++
			src.skip(file, 0, "not named YYYY-MM-DD-title.md, so not a post to Jekyll: not imported; it is kept in a folder named by its date, as Docusaurus keeps a post: rename it %s%s in that folder, its files beside it, and import again", path.Base(path.Dir(p)), path.Ext(name))
		case jekyllDraft.MatchString(name):
			src.read++
			src.skip(file, 0, "not named YYYY-MM-DD-title.md, so not a post to Jekyll: not imported")
		case jekyllUnnamed.MatchString(name) && mime.TypeByExtension(path.Ext(name)) == "":
			// No extension, or none a file of another kind has
			// (2019-05-01-version-2.0-released): Jekyll published it
			// unconverted, or not at all.
			src.read++
			src.skip(file, 0, "named as a post but with no .md at the end, so Jekyll did not publish it as one: not imported; to import it, rename it %s.md", name)
		}
		return nil
	}
	src.read++
	pg := readPage(fsys, p, file, o, src, bareIsFile)
	if pg == nil {
		return nil
	}
	f := pg.fields
	if to := f.list("redirect_to"); len(to) > 0 {
		// jekyll-redirect-from's page that sends readers on elsewhere.
		src.skip(file, pg.lineOf("redirect_to"), "redirect_to %s: a redirect, not a post: not imported; redirect its address on the server if it matters", to[0])
		return nil
	}
	for _, d := range cfg.defaults {
		// Jekyll matches a scope's path against a post's path in
		// collections_dir, each without it.
		in, scope := cfg.inCollections(p), cfg.inCollections(d.path)
		if scope == "" || in == scope || strings.HasPrefix(in, scope+"/") {
			for k, v := range d.values {
				if _, set := f[k]; !set {
					f[k] = v
				}
			}
		}
	}
	post := &post{file: file, line: pg.line, title: html.UnescapeString(f.text("title")), raw: pg.body, bodyLine: pg.bodyLine, draft: draft, front: f}
	post.html = strings.HasPrefix(strings.ToLower(path.Ext(name)), ".htm")
	switch {
	case titleHeading(post), post.title != "":
	case m[2] != "":
		// Jekyll titles a post by its file name's words.
		post.title = titleize(m[2])
		src.warn(file, pg.line, "no title: titled %q from its file name, as Jekyll showed it", post.title)
	default:
		// A file named by its date alone (2014-08-25-.md), which Jekyll
		// published with no title: its first words stand for one.
		if post.title = cut(cmp.Or(plainText(pg.body, true), plainText(f.first(summaryKeys...), true)), titleRunes); post.title == "" {
			src.fail(file, cmp.Or(pg.lineOf("title"), pg.line), "no title, and no text to title it by: not imported; give it a title")
			return nil
		}
		src.warn(file, cmp.Or(pg.lineOf("title"), pg.line), "no title, so its first words are: %q; give it a better one", post.title)
	}
	var named time.Time // the date the file's name gives
	if m[1] != "" {
		named, _ = time.ParseInLocation("2006-1-2", m[1], o.Zone)
	}
	switch ds := f.text("date"); {
	case ds != "":
		t, day, err := jekyllDate(ds, o.Zone)
		switch {
		case err == nil:
			post.date, post.day = t, day
		case !named.IsZero():
			post.date, post.day = named, true
			src.warn(file, pg.lineOf("date"), "%v: dated %s by its file name; check the date", err, named.Format(time.DateOnly))
		default:
			src.fail(file, pg.lineOf("date"), "%v: not imported", err)
			return nil
		}
	case m[1] != "":
		post.date, post.day = named, true
	case draft:
		// A draft has no date until it is published: Jekyll shows it
		// dated by its file's last change, and so does the import.
		info, err := fs.Stat(fsys, p)
		if err != nil {
			src.fail(file, pg.line, "no date, and its file's date cannot be read: not imported; give it a date (%v)", err)
			return nil
		}
		post.date = info.ModTime().In(o.Zone).Truncate(time.Second)
		post.undated = true
		src.warn(file, pg.line, "no date: a draft, dated %s by its file's last change, as Jekyll shows it; set its date when you publish it", post.date.Format("2006-01-02 15:04"))
	default:
		src.fail(file, pg.line, "no date: not imported; give it a date")
		return nil
	}
	if post.date.IsZero() {
		src.fail(file, pg.line, "file name %s starts with %s, which is no day of the calendar, so Jekyll stopped on it: not imported; rename the file with the day the post was published, or give it one in its front matter (date: YYYY-MM-DD)", name, m[1])
		return nil
	}
	if published, set := f.boolean("published"); set && !published {
		post.draft = true
	}
	post.unlisted = unlisted(f)
	// jekyll-last-modified-at's field, or the updated many themes set:
	// bulletin's updated.
	for _, key := range []string{"last_modified_at", "updated"} {
		if s := f.text(key); s != "" {
			src.lastChange(post, key, s, pg.lineOf(key), o.Zone, o.Zone)
			break
		}
	}
	post.slug = f.text("slug")
	idSlug := post.slug // as Jekyll's post.id ends
	if post.slug == "" {
		post.slug = jekyllSlugify(m[2], true) // as :title gives it
		idSlug = m[2]
	}
	// Jekyll's categories of a post are the folders above _posts, from
	// collections_dir down where it is set.
	var categories []string
	for _, dir := range strings.Split(path.Dir(strings.TrimPrefix(p, cfg.collections+"/")), "/") {
		if dir == "_posts" || dir == "_drafts" {
			break
		}
		if dir != "." {
			categories = append(categories, dir)
		}
	}
	folders := categories
	categories = slices.Concat(folders, jekyllList(f, "category"), jekyllList(f, "categories"))
	post.names = append(post.names, topicNames(slices.Concat(folders, nameList(f, "category"), nameList(f, "categories"), nameList(f, "tag"), nameList(f, "tags"), nameList(f, "topics")))...)
	post.regs = append(jekyllList(f, "regulator"), jekyllList(f, "regulators")...)
	post.lang = languageOf(f, post, src)
	var several []string
	post.authors, several = authorNames(authorsOf(f))
	for _, n := range several {
		src.warn(file, cmp.Or(pg.lineOf("author"), pg.lineOf("authors")), "author %q may name several people, whom the byline would show as one: if so, list each, authors: [%s]", n, strings.Join(people(n), ", "))
	}
	for i, a := range post.authors {
		// A handle that _data/authors.yml names, as jekyll-seo-tag
		// and themes show the byline.
		post.authors[i] = cmp.Or(cfg.authors[a], a)
	}
	post.sources = sourcesOf(f)
	if render, ok := f.boolean("render_with_liquid"); ok && !render {
		post.literal = true
	}
	var unused []string
	post.summary, unused = summaryOf(f, append([]string{"excerpt"}, summaryKeys...)...)
	post.unused = append(leftOver(f, jekyllFields), unused...)
	post.media = cmp.Or(f.text("media_subpath"), f.text("img_path"))
	jekyllImage(f, post, pg, src)
	for _, old := range f.list("redirect_from") {
		post.old = append(post.old, "/"+strings.TrimPrefix(old, "/"))
	}
	permalink := cfg.permalink
	if s := f.text("permalink"); s != "" {
		permalink = s
	}
	if !post.draft { // Jekyll publishes no draft, so it had no address
		old := jekyllURL(permalink, post, categories, name, o.Zone)
		post.old = append(post.old, old)
		switch {
		case cfg.site != "" && cfg.ids == idsOfPostURL:
			// A feed template's id of post.url: the post's URL under
			// the site's, trailing slash and all.
			post.id = cfg.site + normalizePath(old)
		case cfg.site != "":
			// jekyll-feed's entry id: the post's id (its URL's folder
			// and its slug) under the site's url and baseurl, escaped
			// as its absolute_url filter escapes it.
			post.id = cfg.site + normalizePath(strings.TrimSuffix(path.Dir(strings.TrimSuffix(old, "/")), "/")+"/"+idSlug)
		}
	}
	base := strings.TrimSuffix(name, path.Ext(name))
	// A link may name the file by the name it had before it was dated,
	// as it was where a post is dated by its front matter (Docusaurus):
	// ./ready.md for _posts/2021-06-28-ready.md.
	post.keys, post.source = []string{"post:" + base, "link:" + p, "undated:" + path.Join(path.Dir(p), m[2])}, p
	if rel, ok := strings.CutPrefix(p, cfg.collections+"/"); ok && cfg.collections != "" {
		// {% link %} may name a post by its path in collections_dir, as
		// Jekyll gives a document's relative_path.
		post.keys = append(post.keys, "link:"+rel)
	}
	return post
}

// rubyTime matches a date and time in the forms Ruby's Time.parse,
// which Jekyll reads a post's date with, took and parseDate does not:
// the day year first, its month and day of one digit or two, then the
// time, with seconds or without, an hour of AM or PM, and a zone after
// it: an offset (+0800, +08:00, +08) or a name (CEST, Z).
var rubyTime = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])(?:[Mm]\b|\.[Mm]\.))?\s*([-+]\d+(?::\d+)?|[A-Za-z]+)?$`)

// rubyOffset matches an offset as Ruby's Time.parse read one: +0800,
// +08:00 or +08.
var rubyOffset = regexp.MustCompile(`^([-+])(\d{2})(?::?(\d{2}))?$`)

// rubyZones are the zones Ruby's Time.parse knew by name, in hours from
// UTC: RFC 822's and its military letters.
var rubyZones = map[string]int{"UTC": 0, "Z": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "I": 9, "K": 10, "L": 11, "M": 12,
	"N": -1, "O": -2, "P": -3, "Q": -4, "R": -5, "S": -6, "T": -7, "U": -8, "V": -9, "W": -10, "X": -11, "Y": -12}

// jekyllDate reads a post's date as Jekyll read it: as parseDate reads
// it, else as Ruby's Time.parse took it (see rubyTime), in zone, the
// site's, where it gives no zone Time.parse knew.
func jekyllDate(s string, zone *time.Location) (t time.Time, day bool, err error) {
	t, day, err = parseDate(s, zone)
	m := rubyTime.FindStringSubmatch(strings.TrimSpace(s))
	if err == nil || m == nil {
		return t, day, err
	}
	num := func(i int) int {
		v, _ := strconv.Atoi(m[i]) // "" for no seconds gives 0
		return v
	}
	year, month, mday, hour, minute, second := num(1), time.Month(num(2)), num(3), num(4), num(5), num(6)
	if m[7] != "" {
		// Time.parse read 12 AM as 0, and added 12 to an hour of PM.
		hour %= 12
		if strings.EqualFold(m[7], "p") {
			hour += 12
		}
	}
	if hour > 23 || minute > 59 || second > 59 {
		return t, day, err
	}
	if offset, ok := rubyZone(m[8], year, zone); ok {
		zone = time.FixedZone("", offset)
	}
	at := time.Date(year, month, mday, hour, minute, second, 0, zone)
	if at.Month() != month || at.Day() != mday {
		return t, day, err // no such day: February 30
	}
	return at, false, nil
}

// rubyZone gives the offset from UTC, in seconds, of a zone written after
// a time as Ruby's Time.parse read it: an offset (see rubyOffset), a name
// rubyZones holds, or the name of the site's zone in January or July of
// the year. Of another (CEST on a site in UTC, +8), ok is false, as
// Time.parse read the time in the site's zone.
func rubyZone(name string, year int, site *time.Location) (offset int, ok bool) {
	name = strings.ToUpper(name)
	if m := rubyOffset.FindStringSubmatch(name); m != nil {
		hours, _ := strconv.Atoi(m[2])
		minutes, _ := strconv.Atoi(m[3])
		offset = (hours*60 + minutes) * 60
		if m[1] == "-" {
			offset = -offset
		}
		return offset, true
	}
	if hours, ok := rubyZones[name]; ok {
		return hours * 3600, true
	}
	for _, month := range []time.Month{time.January, time.July} {
		if abbr, offset := time.Date(year, month, 1, 0, 0, 0, 0, site).Zone(); name != "" && strings.ToUpper(abbr) == name {
			return offset, true
		}
	}
	return 0, false
}

// bare says what a file with no front matter is to readPage.
type bare int

const (
	bareFails  bare = iota // a broken post
	bareIsFile             // no post, as Jekyll publishes it: left out without failing the import
	bareIsPage             // a page with no fields, as Hugo publishes it
)

// readPage reads and splits a post file, or notes why it cannot; a file
// with no front matter is what the bare given says.
func readPage(fsys fs.FS, p, file string, o *Options, src *source, bareIs bare) *page {
	data, err := readFile(fsys, p, o.MaxSize)
	switch {
	case errors.Is(err, errTooLarge):
		src.fail(file, 0, "the file is %v: not imported", err)
		return nil
	case err != nil && escaped(err):
		src.fail(file, 0, "a link to a file outside %s: not read", o.Source)
		return nil
	case err != nil:
		src.fail(file, 0, "can't read the file: %v", withoutPath(err))
		return nil
	}
	pg, err := parsePage(data)
	if err != nil {
		line := 0
		pe, ok := errors.AsType[*parseError](err)
		if ok {
			line = pe.line
		}
		switch {
		case ok && pe.bare && bareIs == bareIsFile:
			// Jekyll 4 publishes a file in _posts with no front matter
			// as it is, a file, not a post.
			src.skip(file, line, "no front matter, so Jekyll publishes it as a file, not a post: not imported; if it is a post, start it with front matter (a line of ---, its fields, and another ---)")
			return nil
		case ok && pe.bare && bareIs == bareIsPage:
			return &page{fields: fields{}, body: string(data), line: 1, bodyLine: 1}
		}
		src.fail(file, line, "%v: not imported", err)
		return nil
	}
	return pg
}

// jekyllList reads categories or tags as Jekyll does: a list, or a string
// of names separated by spaces; the singular category or tag as a string
// is one name, spaces and all.
func jekyllList(f fields, key string) []string {
	s, ok := f[key].(string)
	switch {
	case !ok:
		return f.list(key)
	case !strings.HasSuffix(key, "s"): // category, tag: one name, spaces and all
		if s = strings.TrimSpace(s); s != "" {
			return []string{s}
		}
		return nil
	}
	return strings.Fields(s)
}

// nameList is jekyllList for the names of topics: a text of a plural
// field (tags, categories) with commas between names ("Ordnance Survey,
// QGIS", "Python,Geocode") gives the names between the commas, as its
// editor meant them, though Jekyll parted it at its spaces alone, as the
// old addresses keep it. A singular field's text (category: Data, Maps)
// is one name, as Jekyll read it.
func nameList(f fields, key string) []string {
	s, ok := f[key].(string)
	if !ok || !strings.Contains(s, ",") || !strings.HasSuffix(key, "s") {
		return jekyllList(f, key)
	}
	var out []string
	for n := range strings.SplitSeq(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// topicNames are names of categories and tags as topics: "a, b, c" is
// written as often as "a b c", which Jekyll splits at the spaces alone,
// and no topic's name ends in a comma. Its addresses keep them.
func topicNames(names []string) []string {
	var out []string
	for _, n := range names {
		if n = strings.TrimSuffix(n, ","); n != "" {
			out = append(out, n)
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`:[a-z_]+`)

// jekyllURL gives the address Jekyll gave a post: the permalink pattern
// with its placeholders filled in.
func jekyllURL(pattern string, p *post, categories []string, name string, zone *time.Location) string {
	t := p.date.In(zone)
	// :categories are the categories in lower case, and Jekyll 4.1's
	// :slugified_categories each slugified as its slugify does by
	// default: each once, in order.
	var cats, slugs []string
	seen, slugged := map[string]bool{}, map[string]bool{}
	for _, c := range categories {
		c = strings.ToLower(c)
		if !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
		if s := jekyllSlugify(c, false); !slugged[s] {
			slugged[s] = true
			slugs = append(slugs, s)
		}
	}
	_, week := t.ISOWeek()
	values := map[string]string{
		":year":                 t.Format("2006"),
		":short_year":           t.Format("06"),
		":month":                t.Format("01"),
		":i_month":              strconv.Itoa(int(t.Month())),
		":short_month":          t.Format("Jan"),
		":long_month":           t.Format("January"),
		":day":                  t.Format("02"),
		":i_day":                strconv.Itoa(t.Day()),
		":y_day":                fmt.Sprintf("%03d", t.YearDay()),
		":week":                 fmt.Sprintf("%02d", week),
		":short_day":            t.Format("Mon"),
		":long_day":             t.Format("Monday"),
		":hour":                 t.Format("15"),
		":minute":               t.Format("04"),
		":second":               t.Format("05"),
		":title":                jekyllSlugify(p.slug, true),
		":slug":                 jekyllSlugify(p.slug, false),
		":name":                 jekyllSlugify(strings.TrimSuffix(name, path.Ext(name)), false),
		":categories":           strings.Join(cats, "/"),
		":output_ext":           ".html",
		":slugified_categories": strings.Join(slugs, "/"),
	}
	u := placeholder.ReplaceAllStringFunc(pattern, func(ph string) string {
		if v, ok := values[ph]; ok {
			return v
		}
		return ph
	})
	return escapePath(cleanSlashes("/" + u))
}

// jekyllSlugify is Jekyll's slugify, keeping case: runs of characters
// other than letters and digits (and, in pretty mode, ._~!$&'()+,;=@)
// become one hyphen.
func jekyllSlugify(s string, pretty bool) string {
	keep := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.M, r) || (pretty && strings.ContainsRune("._~!$&'()+,;=@", r))
	}
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if !keep(r) {
			hyphen = true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteRune(r)
	}
	return b.String()
}

// cleanSlashes makes runs of slashes one, as Jekyll and Hugo do when a
// placeholder is empty.
func cleanSlashes(p string) string {
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	return p
}

// escaped reports whether err is os.Root's refusal of a path that leads
// out of the source, which the os package does not export.
func escaped(err error) bool {
	return strings.Contains(err.Error(), "path escapes from parent")
}

// errLinkOut is withoutPath's error for os.Root's refusal of a path
// that a symbolic link leads out of its folder, which os.Root words as
// "path escapes from parent".
var errLinkOut = errors.New("a symbolic link that leads out of the folder, which the import does not follow: put what it leads to here in its place, and import again")

// linkedFolderNote tells of a symbolic link to a folder met where posts
// are kept.
const linkedFolderNote = "a symbolic link to a folder, which the import does not follow, so no post in it is read: put the folder itself here in its place, and import again"

// linkedFolder reports whether the entry e, the file at path file, is a
// symbolic link to a folder, which a walk of the source does not follow:
// its posts would be left out without a word.
func linkedFolder(e fs.DirEntry, file string) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(file)
	return err == nil && info.IsDir()
}

// withoutPath drops the path from a file system error, since the note it
// goes into names the file.
func withoutPath(err error) error {
	if escaped(err) {
		return errLinkOut
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// normalizePath percent-encodes a path as jekyll-feed's absolute_url
// leaves it (Addressable's normalized form): letters, digits, the marks
// RFC 3986 allows in a path (- . _ ~ ! $ & ' ( ) * + , ; = : @ /) and
// escapes already made stay as they are; any other byte is escaped, in
// capitals.
func normalizePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteString(strings.ToUpper(p[i : i+3]))
			i += 2
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// titleize makes a title of a file name's slug as Jekyll does: its words,
// between hyphens, each with a capital.
func titleize(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// inCollections gives the slash path p in the site's source without
// collections_dir before it, where it has it.
func (cfg *jekyllConfig) inCollections(p string) string {
	if cfg.collections == "" || p == cfg.collections {
		return strings.TrimPrefix(p, cfg.collections)
	}
	return strings.TrimPrefix(p, cfg.collections+"/")
}
