package importer

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net"
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
)

// hugoConfigs are the names of a Hugo site's settings file, in the order
// Hugo looks for them.
var hugoConfigs = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// hugoConfig is what the importer needs of a Hugo site's settings.
type hugoConfig struct {
	file       string
	baseURL    string
	absolute   bool // baseURL is an absolute address, which feed ids are made of
	contentDir string
	timeZone   string
	// zone reads dates written without an offset, as Hugo reads them:
	// in timeZone, else in UTC, unless the import is told another.
	zone          *time.Location
	permalinks    map[string]string // by section
	taxonomies    []string          // the front matter keys, sorted
	ugly          bool              // uglyURLs: /posts/x.html rather than /posts/x/
	uglySections  map[string]bool   // uglyURLs given by section ([uglyURLs] post = true), by its name in lower case
	feed          string            // the name of each feed's file: index.xml, or as the config sets it
	lang          string            // languageCode: the language of the posts in the default language
	mainSections  []string          // the sections the config names as those posts are listed from
	dateFrom      []string          // frontmatter.date: where a page's date is read from, in order, lower case
	themes        []string          // theme: the themes whose static folders Hugo served too
	outputs       fields            // outputs: the formats of each kind of page, where the config names them
	disabled      []string          // disableLanguages, in lower case
	disabledKinds []string          // disableKinds
	params        fields            // params, by their names in lower case
	themesDir     string            // themesDir: the folder the themes are in
	keepCase      bool              // disablePathToLower
	languages     []hugoLanguage    // as [languages] lists them, by key; none for a site in one
	roots         []string          // the content folders, see contentDirs
	defaultLang   string            // defaultContentLanguage
	ignore        []*regexp.Regexp  // ignoreFiles: the files Hugo never read
	// authorNames are the titles the pages of an authors taxonomy's terms
	// give them (content/authors/jo/_index.md: title: Jo Bloggs), by the
	// term as Hugo makes a path of it.
	authorNames  map[string]string
	langInSubdir bool // defaultContentLanguageInSubdir
	// blackfriday says that the site's headings have the ids Blackfriday
	// made, which the articles keep (see blackfridaySite).
	blackfriday bool
	emoji       bool // enableEmoji: Hugo showed each :name: as an emoji
	// definitions says that Hugo showed a definition list (a term, then
	// ": its definition") as one: goldmark's extension, on unless
	// markup.goldmark.extensions.definitionList is false, or Blackfriday.
	definitions bool
	// inline says that Hugo ran the inline shortcodes the pages define:
	// enableInlineShortcodes, or security.enableInlineShortcodes.
	inline bool
	// files are the settings files that set each setting last, by its
	// key in lower case: the root file, config/_default/ or
	// config/production/.
	files map[string]string
	// cascades are what the sections' _index pages and the site's
	// settings cascade to the pages below them, the nearest first.
	cascades []hugoCascade
}

// hugoLanguage is one language of a Hugo site in several.
type hugoLanguage struct {
	key        string // as the config names it, in lower case: its addresses' prefix
	code       string // locale or languageCode, else the key: the article's lang
	contentDir string // its own content folder, if it has one
	// ownHost marks a language published at an address of its own
	// (Hugo's multihost), baseURL, when that address is known; permalinks
	// are its own patterns, by section, over the site's.
	ownHost    bool
	baseURL    string
	permalinks map[string]string
}

// language gives the language of the content file at slash path p of
// the site, rel inside its content folder, and rel without the
// language's mark: the language whose content folder holds it, else the
// one its name ends in (post.fr.md), else the default; nil for a site in
// one language.
func (cfg *hugoConfig) language(p, rel string) (*hugoLanguage, string) {
	if len(cfg.languages) == 0 {
		return nil, rel
	}
	if root := cfg.root(p); root != cfg.contentDir {
		for i, l := range cfg.languages {
			if l.contentDir == root {
				return &cfg.languages[i], rel
			}
		}
	}
	ext := path.Ext(rel)
	stem := strings.TrimSuffix(rel, ext)
	if mark := path.Ext(stem); mark != "" {
		for i, l := range cfg.languages {
			if strings.EqualFold(mark[1:], l.key) {
				return &cfg.languages[i], strings.TrimSuffix(stem, mark) + ext
			}
		}
	}
	for i, l := range cfg.languages {
		if l.key == cfg.defaultLang {
			return &cfg.languages[i], rel
		}
	}
	return nil, rel
}

// prefix is the folder Hugo put a language's pages in: none for the
// default language, unless the config puts it in one too, nor for a
// language published at an address of its own.
func (cfg *hugoConfig) prefix(l *hugoLanguage) string {
	if l == nil || l.ownHost || l.key == cfg.defaultLang && !cfg.langInSubdir {
		return ""
	}
	return "/" + l.key
}

// home gives the address the pages of the language l (nil: of the
// site) were published at, its own or the site's, when it is known: an
// absolute one, which feed ids are made of; else "".
func (cfg *hugoConfig) home(l *hugoLanguage) string {
	switch {
	case l != nil && l.ownHost:
		return l.baseURL
	case cfg.absolute:
		return cfg.baseURL
	}
	return ""
}

// knownHome says whether address, the setting of the config file that
// gives where the site was published, is an absolute address, and
// warns when it is set but is not one.
func knownHome(src *source, file, setting, address string) bool {
	u, err := url.Parse(address)
	switch {
	case address == "":
		return false
	case err == nil && localHost(u.Hostname()):
		src.warn(file, 0, "%s", localNote(setting, address))
		return false
	case err == nil && u.Scheme != "" && u.Host != "":
		return true
	}
	src.warn(file, 0, "%s %q is not an absolute address, so the ids the old feeds gave the posts, made from it, are not known: bulletin gives them new ones, and readers of the old feeds may see each post once more as new; set %s to the site's address (https://…) and import again to keep them", setting, address, setting)
	return false
}

// ignored gives the pattern of ignoreFiles that the file at slash path
// p of the site matches, or nil. Hugo matches them against a file's
// whole path on the machine that built it; the import, against its path
// from the top of the site folder (/content/_tmp/x.md), the part of it
// the site decides.
func (cfg *hugoConfig) ignored(p string) *regexp.Regexp {
	for _, re := range cfg.ignore {
		if re.MatchString("/" + p) {
			return re
		}
	}
	return nil
}

// contentDirs gives the folders that hold the site's pages: the content
// folder and each language's own, which may lie inside it.
func (cfg *hugoConfig) contentDirs() []string {
	dirs := []string{cfg.contentDir}
	for _, l := range cfg.languages {
		if l.contentDir != "" && !slices.Contains(dirs, l.contentDir) {
			dirs = append(dirs, l.contentDir)
		}
	}
	return dirs
}

// disabledDir says whether the content folder dir is only that of
// languages disableLanguages names, which Hugo does not read.
func (cfg *hugoConfig) disabledDir(dir string) bool {
	found := false
	for _, l := range cfg.languages {
		if l.contentDir == dir {
			if !slices.Contains(cfg.disabled, l.key) {
				return false
			}
			found = true
		}
	}
	return found
}

// readHugo reads the pages of the Hugo site o.Source: every content file
// but the section pages (_index.md).
func readHugo(o *Options) (*source, error) {
	root, err := os.OpenRoot(o.Source)
	if err != nil {
		return nil, fmt.Errorf("importer: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	cfg, err := readHugoConfig(fsys, o)
	if err != nil {
		return nil, err
	}
	given := o.Zone
	if err := settleZone(o, cfg.timeZone, cfg.fileOf("timezone"), "timeZone"); err != nil {
		return nil, err
	}
	cfg.zone = o.Zone
	if given == nil && cfg.timeZone == "" {
		cfg.zone = time.UTC
	}
	dir := filepath.Join(o.Source, cfg.contentDir)
	if info, err := fs.Stat(fsys, cfg.contentDir); err != nil && escaped(err) {
		return nil, fmt.Errorf("importer: %s: %w", dir, withoutPath(err))
	} else if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("importer: %s: no content folder: is this a Hugo site?", dir)
	}
	if within(o.Dest, dir) {
		return nil, fmt.Errorf("importer: %s is inside the Hugo site's content folder %s, so the next import would read its articles as posts: give -content a folder outside it", o.Dest, dir)
	}
	// Hugo serves the files of the site's static folder, and of its
	// themes' where the site's has none of that name, and those of its
	// content folder outside a page bundle, at their path in it.
	static := []string{"static"}
	for _, theme := range cfg.themes {
		if dir := path.Join(cfg.themesDir, theme, "static"); fs.ValidPath(dir) {
			static = append(static, dir)
		}
	}
	static = append(static, cfg.contentDir)
	src := &source{file: hugoFile(o.Source, static), lang: cfg.lang, langSetting: "languageCode", langFile: cfg.file}
	for _, tax := range cfg.taxonomies {
		if byDate(tax) {
			src.warn(cfg.fileOf("taxonomies"), 0, "taxonomy %s is left out: an archive by date, which bulletin's timeline has (a page for each year and month), not a topic", tax)
		}
	}
	cfg.absolute = knownHome(src, cfg.fileOf("baseurl"), "baseURL", cfg.baseURL)
	// The address the site was published at, known only now: one
	// under a path (https://example.org/blog/) is told, as its old
	// addresses, kept as aliases, are paths below base_url.
	src.site = cfg.home(nil)
	for i, l := range cfg.languages {
		if !l.ownHost {
			continue
		}
		setting := "languages." + l.key + ".baseURL"
		if !knownHome(src, cfg.fileOf("languages"), setting, l.baseURL) {
			cfg.languages[i].baseURL = ""
			continue
		}
		if l.key == cfg.defaultLang {
			src.site = cmp.Or(src.site, l.baseURL)
		} else {
			src.warn(cfg.fileOf("languages"), 0, "%s: the %s pages were published at an address of their own, %s, and a bulletin is published at one, base_url: their old paths are kept as aliases there, which old links reach once %s redirects to it, keeping the path; their feed ids are kept", setting, l.key, l.baseURL, l.baseURL)
		}
	}
	bundles := map[string]bool{} // leaf bundle folders, whose other files are not copied
	var files []string
	roots := cfg.roots
	for _, root := range roots {
		err = fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
			switch {
			case err != nil && p == root && root != cfg.contentDir && errors.Is(err, fs.ErrNotExist):
				// Hugo builds a language whose folder is missing with no
				// pages, and one disableLanguages names not at all.
				if cfg.disabledDir(root) {
					return nil
				}
				src.warn(filepath.Join(o.Source, p), 0, "a language's content folder, which %s names, is not there: no page of it is imported", cfg.fileOf("languages"))
				return nil
			case err != nil:
				src.fail(filepath.Join(o.Source, p), 0, "can't read the folder: %v", withoutPath(err))
				return nil
			}
			name := e.Name()
			switch {
			case p != root && e.IsDir() && slices.Contains(roots, p):
				return fs.SkipDir // a language's own, walked as a root
			case strings.HasPrefix(name, ".") && p != root:
				if e.IsDir() {
					return fs.SkipDir
				}
			case linkedFolder(e, filepath.Join(o.Source, filepath.FromSlash(p))):
				src.fail(filepath.Join(o.Source, filepath.FromSlash(p)), 0, "%s", linkedFolderNote)
			case e.IsDir() || strings.HasSuffix(name, "~"):
			default:
				files = append(files, p)
				if isIndex(name) {
					bundles[path.Dir(p)] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("importer: reading %s: %w", filepath.Join(o.Source, root), err)
		}
	}
	// A page outside every section is one of the site's own, such as an
	// about page, where the site keeps its posts in sections: Hugo's
	// themes list posts from the main sections, which its config may
	// name, else from the sections, where they hold as many pages as the
	// top or more. A site that keeps most pages at the top keeps its
	// posts there.
	top, inSections := 0, 0
	for _, p := range files {
		if isContent(strings.ToLower(path.Ext(p))) && !strings.HasPrefix(path.Base(p), "_index.") {
			if topLevel(strings.TrimPrefix(p, cfg.root(p)+"/")) {
				top++
			} else {
				inSections++
			}
		}
	}
	sections := len(cfg.mainSections) > 0 || inSections >= top
	// Pages of a section the config does not name as the posts', and of
	// one where no page has a date (documentation, say), are no posts:
	// each such section is told in one line.
	outside, disabled := map[string]int{}, map[string]int{}
	var atTop []string  // the pages outside every section, so no posts
	var others []string // the pages read that are no posts, by slash path
	dated := map[string]bool{}
	undated := map[string][]undatedPage{}
	cfg.authorNames = authorPages(fsys, files, cfg, o.MaxSize)
	readPageCascades(fsys, files, cfg, o, src)
	for _, p := range files {
		file := filepath.Join(o.Source, p)
		rel := strings.TrimPrefix(p, cfg.root(p)+"/")
		name := path.Base(p)
		ext := strings.ToLower(path.Ext(name))
		if re := cfg.ignored(p); re != nil {
			if isContent(ext) {
				src.read++
				src.skip(file, 0, "ignoreFiles in %s names it (%s), so Hugo never published it: not imported", cfg.fileOf("ignorefiles"), re)
			}
			continue
		}
		switch {
		case otherMarkup(ext) != "":
			src.read++
			src.skip(file, 0, "%s", otherMarkup(ext))
			continue
		case !isContent(ext):
			if inBundle(bundles, p) {
				src.bundled = append(src.bundled, p)
			}
			continue
		}
		src.read++
		if bundle := resourceOf(bundles, p); bundle != "" {
			src.skip(file, 0, "a page resource of the bundle %s, which Hugo gave that bundle's page to show, not a page of its own: not imported", bundle)
			src.skipped[len(src.skipped)-1].minor = true
			continue
		}
		if strings.HasPrefix(name, "_index.") {
			what := "a section's list page (_index), not a post: not imported"
			if isAuthorPage(rel, cfg) {
				what = "an author's page (_index), not a post: not imported; its title names the author in the bylines of the posts imported"
			}
			src.skip(file, 0, "%s", what)
			src.skipped[len(src.skipped)-1].minor = true
			continue
		}
		if sections && topLevel(rel) {
			atTop = append(atTop, file)
			others = append(others, p)
			continue
		}
		if l, _ := cfg.language(p, rel); l != nil && slices.Contains(cfg.disabled, l.key) {
			disabled[l.key]++
			continue
		}
		section := path.Join(cfg.root(p), sectionOf(rel))
		if len(cfg.mainSections) > 0 && !slices.ContainsFunc(cfg.mainSections, func(s string) bool { return strings.EqualFold(s, sectionOf(rel)) }) {
			outside[section]++
			others = append(others, p)
			continue
		}
		post, noDate := readHugoPage(fsys, p, rel, cfg, o, src)
		if post == nil {
			others = append(others, p)
		}
		switch {
		case post != nil:
			src.posts = append(src.posts, post)
			dated[section] = true
		case noDate != nil:
			undated[section] = append(undated[section], *noDate)
		}
	}
	for _, p := range src.posts {
		findImages(p, src.bundled)
	}
	src.pages = otherPages(fsys, others, cfg, o)
	// A few such pages are told each by name; a site of many, as a
	// documentation site is, in one line.
	if len(atTop) <= 5 {
		for _, file := range atTop {
			src.skip(file, 0, "a page outside every section, such as an about page, where the site keeps its posts in sections: not a post, not imported")
		}
	} else {
		var names []string
		for _, file := range atTop[:3] {
			names = append(names, filepath.Base(file))
		}
		src.skip(filepath.Dir(atTop[0]), 0, "%d pages outside every section (%s, …), such as an about page is, where the site keeps its posts in sections: not posts, not imported", len(atTop), strings.Join(names, ", "))
		src.skipped[len(src.skipped)-1].Items = len(atTop)
	}
	for _, key := range slices.Sorted(maps.Keys(disabled)) {
		src.skip(cfg.fileOf("disablelanguages"), 0, "%s in %s, which disableLanguages names, so Hugo did not publish %s: not imported", fmt.Sprintf("%d %s", disabled[key], plural(disabled[key], "page", "pages")), key, plural(disabled[key], "it", "them"))
		src.skipped[len(src.skipped)-1].Items = disabled[key]
	}
	for _, section := range slices.Sorted(maps.Keys(outside)) {
		src.skip(filepath.Join(o.Source, section), 0, "%s of a section that mainSections in %s (%s) does not name as the posts': not posts, not imported", fmt.Sprintf("%d %s", outside[section], plural(outside[section], "page", "pages")), cmp.Or(cfg.files["mainsections"], cfg.fileOf("params")), strings.Join(cfg.mainSections, ", "))
		src.skipped[len(src.skipped)-1].Items = outside[section]
	}
	// A section mainSections names is the posts', and one whose dates
	// came from git or the files' times, which the import cannot read,
	// is no documentation either: its pages are told one by one.
	unreadDates := slices.ContainsFunc(cfg.dateFrom, func(from string) bool { return from == ":git" || from == ":filemodtime" })
	for _, section := range slices.Sorted(maps.Keys(undated)) {
		// With mainSections, the sections it leaves out are gone by now.
		if !dated[section] && len(cfg.mainSections) == 0 && !unreadDates {
			n := len(undated[section])
			src.skip(filepath.Join(o.Source, section), 0, "%s with no date, in a section where no page has one (documentation, say): %s, not imported", fmt.Sprintf("%d %s", n, plural(n, "page", "pages")), plural(n, "not a post", "not posts"))
			src.skipped[len(src.skipped)-1].Items = n
			continue
		}
		for _, u := range undated[section] {
			hint := u.hint
			if unreadDates {
				hint = fmt.Sprintf("frontmatter.date in %s dates pages by git or by their files' times, which the import cannot read as Hugo did: give it a date", cfg.fileOf("frontmatter"))
			}
			src.fail(u.file, u.line, "no date: not imported; %s", hint)
		}
	}
	src.tallies = append(src.tallies, otherDays(o.Zone, "Hugo"))
	staticNamed := staticFiles(fsys, static)
	var linked map[*post]map[string]bool // the fragments links name each post by
	generated := madeBy(o.Source, src.file)
	src.body = func(p *post, ix *index, r *Report) string {
		if linked == nil {
			linked = linkedFragments(src.posts, ix)
		}
		body := shortcodes(p, ix, r)
		if !p.html {
			templateTags(body, p, r)
			if cfg.emoji {
				emojiNote(body, p, r, "Hugo's enableEmoji")
			}
		}
		if cfg.definitions && !p.html {
			given := body
			var lists []int
			if body, lists = definitionLists(body); len(lists) > 0 {
				n := len(lists)
				r.Warnings = append(r.Warnings, routine(p.note(sourceLine(p, given, lists[0]), fmt.Sprintf("%d definition %s (a term, then : and its definition), which Hugo showed as %s, became each term in bold, its definitions on the lines below it", n, plural(n, "list", "lists"), plural(n, "a list", "lists"))), "definition lists became terms in bold"))
			}
		}
		body, excerpt := more(body, "<!--more-->")
		body = blackfridayIDs(anchors(finishBody(p, body, excerpt, r), false, p, r), cfg.blackfriday, linked[p], p, r)
		given := body
		body, away, made := followMoves(body, ix, p.home, func(dest string) bool { return generated(p, dest) })
		if len(p.old) > 0 {
			// A link by a path from the page (../q-two/) is resolved
			// from its old address, Hugo's own, the last.
			var rel []string
			body, rel = followRelative(body, p.old[len(p.old)-1], ix, p.home)
			for _, page := range rel {
				if !slices.Contains(away, page) {
					away = append(away, page)
				}
			}
		}
		awayNote(p, away, p.home != "", r)
		madeNote(p, given, made, p.home, "baseURL in "+cfg.fileOf("baseurl"), r)
		return fromStatic(staticNamed, fromBundle(src.bundled, body, p), p, r)
	}
	return src, nil
}

// isAuthorPage reports whether the content file at slash path rel, in
// its language's content folder, is the page of a term of a taxonomy of
// authors: authors/jo/_index.md.
func isAuthorPage(rel string, cfg *hugoConfig) bool {
	parts := strings.Split(rel, "/")
	return len(parts) == 3 && strings.HasPrefix(parts[2], "_index.") && (parts[0] == "authors" || parts[0] == "author") && slices.Contains(cfg.taxonomies, parts[0])
}

// authorPages gives the titles the pages of the authors taxonomy's terms
// among files give their authors, by term.
func authorPages(fsys fs.FS, files []string, cfg *hugoConfig, maxSize int64) map[string]string {
	names := map[string]string{}
	for _, p := range files {
		rel := strings.TrimPrefix(p, cfg.root(p)+"/")
		if !isAuthorPage(rel, cfg) {
			continue
		}
		data, err := readFile(fsys, p, maxSize)
		if err != nil {
			continue // a page, not a post: no byline is lost
		}
		pg, err := parsePage(data)
		if err != nil {
			continue
		}
		if title := strings.TrimSpace(html.UnescapeString(lowerKeys(pg.fields).text("title"))); title != "" {
			names[strings.Split(rel, "/")[1]] = title
		}
	}
	return names
}

// inBundle reports whether the file at the slash path p is a leaf
// bundle's resource: in the folder of a bundle, or in a folder below it
// (images/1.png), as Hugo takes it.
func inBundle(bundles map[string]bool, p string) bool {
	for dir := path.Dir(p); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if bundles[dir] {
			return true
		}
	}
	return false
}

// resourceOf gives the leaf bundle folder a content file is a resource
// of: a file of the bundle's folder other than its index page, or any
// file in a folder below it. "" for a page of its own.
func resourceOf(bundles map[string]bool, p string) string {
	dir := path.Dir(p)
	if bundles[dir] && !isIndex(path.Base(p)) {
		return dir
	}
	for d := path.Dir(dir); d != "." && d != "/"; d = path.Dir(d) {
		if bundles[d] {
			return d
		}
	}
	return ""
}

// fromBundle makes a link of md, the body of the page bundle p, to a
// file of its bundle by the page's old address
// (/posts/2017-12-06/images/1.png) a link by a path from the page
// (images/1.png): the old address is gone, and the file is copied to the
// article's own folder, where such a path finds it.
func fromBundle(bundled []string, md string, p *post) string {
	if p.bundle == "" || len(p.old) == 0 {
		return md
	}
	at := strings.TrimSuffix(p.old[len(p.old)-1], "/") + "/" // the page's address, Hugo's own last
	for _, link := range links(md) {
		u, err := url.Parse(link)
		if err != nil || u.Scheme != "" || u.Host != "" {
			continue
		}
		rest, ok := strings.CutPrefix(u.Path, at)
		if !ok || rest == "" || !slices.Contains(bundled, path.Join(p.bundle, rest)) {
			continue
		}
		u.Path = rest
		md = strings.ReplaceAll(md, "]("+link+")", "]("+u.String()+")")
	}
	return md
}

// staticFiles lists the files of the site's static folders, by their
// slash paths in them.
func staticFiles(fsys fs.FS, static []string) map[string]bool {
	out := map[string]bool{}
	for _, dir := range static {
		fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() {
				out[strings.TrimPrefix(p, dir+"/")] = true
			}
			return nil
		})
	}
	return out
}

// fromStatic makes a link of md, the body of the page p that is no page
// bundle, to a file by a path relative to the page (img/chart.png) a
// link from the top of the site (/img/chart.png) where the site's static
// folder (static, its files) has that file: the page's own address has
// none, so the old site showed it from the top, as a theme's <base>
// makes it. The import then copies the file; the change is told.
func fromStatic(static map[string]bool, md string, p *post, r *Report) string {
	if p.bundle != "" {
		return md
	}
	var moved []string
	for _, link := range links(md) {
		u, err := url.Parse(link)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") || slices.Contains(moved, link) {
			continue
		}
		name := path.Clean(u.Path)
		if !fs.ValidPath(name) || !document(name) {
			continue
		}
		if !static[name] {
			continue
		}
		md = strings.ReplaceAll(md, "]("+link+")", "](/"+strings.TrimPrefix(link, "./")+")")
		moved = append(moved, link)
	}
	if len(moved) > 0 {
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("links to %s by a path from its own address, where the old site had no file, and its static folder has %s: the %s now %s from the top of the site, where the %s copied with the others", strings.Join(moved, ", "), plural(len(moved), "it", "them"), plural(len(moved), "link", "links"), plural(len(moved), "leads", "lead"), plural(len(moved), "file is", "files are"))))
	}
	return md
}

// otherDays warns, once, of the posts dated in an offset that puts them
// on another day where the bulletin is (zone) than the day the old
// system showed: a bulletin shows every date in its own time zone.
// The warning is told at the first, and names up to three others.
func otherDays(zone *time.Location, system string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		var shifted []*post
		for _, p := range posts {
			if !p.day && p.date.Format(time.DateOnly) != p.date.In(zone).Format(time.DateOnly) {
				shifted = append(shifted, p)
			}
		}
		if len(shifted) == 0 {
			return nil
		}
		first, also := shifted[0], ""
		if others := shifted[1:]; len(others) > 0 {
			names := make([]string, len(others))
			for i, p := range others {
				names[i] = fmt.Sprintf("%s, %s", p.name(), p.date.Format(time.RFC3339))
			}
			also = "; also " + strings.Join(firstOf(names, 3), "; ")
		}
		n := len(shifted)
		return []Note{{Source: first.file, Line: first.line, Msg: fmt.Sprintf("%d %s dated in another offset %s on another day in %s than %s showed (this one, %s, on %s%s): %s kept, but to show the %s %s did, set time_zone in site.yaml to the zone %s written in, before you first publish",
			n, plural(n, "post", "posts"), plural(n, "falls", "fall"), zone, system, first.date.Format(time.RFC3339), first.date.In(zone).Format("2 January 2006"), also,
			plural(n, "its old address is", "their old addresses are"), plural(n, "day", "days"), system, plural(n, "it was", "they were"))}}
	}
}

func isContent(ext string) bool {
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".html", ".htm":
		return true
	}
	return false
}

// root gives the content folder that holds the slash path p: the
// innermost, where one lies inside another.
func (cfg *hugoConfig) root(p string) string {
	root := ""
	for _, d := range append([]string{cfg.contentDir}, cfg.roots...) {
		if strings.HasPrefix(p, d+"/") && len(d) > len(root) {
			root = d
		}
	}
	return cmp.Or(root, cfg.contentDir)
}

// isIndex reports whether name is a leaf bundle's page.
func isIndex(name string) bool {
	return strings.HasPrefix(name, "index.") && isContent(strings.ToLower(path.Ext(name)))
}

// byDate reports whether a taxonomy files posts by their date, as a
// theme's yearly archive does.
func byDate(taxonomy string) bool {
	switch taxonomy {
	case "year", "years", "month", "months", "archive", "archives":
		return true
	}
	return false
}

// hugoConfigDirs are Hugo's folders of settings, read over a settings
// file at the site's root, in order, each over the one before: the
// settings of every environment, then those of the environment the
// published site was built in.
var hugoConfigDirs = []string{"config/_default", "config/" + hugoEnvironment}

// hugoTables are the settings that the folders of settings may hold in
// a file of their own, languages.yaml for languages, that the import
// reads: those that decide the addresses, the topics, which pages are
// posts, which of them Hugo published and whether it ran their inline
// shortcodes, so that a mistake in another (menus.toml) does not stop
// the import.
var hugoTables = []string{"languages", "permalinks", "taxonomies", "markup", "blackfriday", "module", "params", "frontmatter", "cascade", "outputs", "outputformats", "mediatypes", "security"}

// fileOf gives the settings file that set the setting key, in lower
// case, else the site's main settings file, for messages.
func (cfg *hugoConfig) fileOf(key string) string {
	return cmp.Or(cfg.files[key], cfg.file)
}

// mergeSettings sets the settings of src over those of dst, as Hugo
// sets a later settings file over an earlier one: a table into the
// table of the same key, in any case, and any other value in place of
// the one before.
func mergeSettings(dst, src fields) {
	for k, v := range src {
		for old, was := range dst {
			if !strings.EqualFold(old, k) {
				continue
			}
			to, isTable := was.(map[string]any)
			from, overTable := v.(map[string]any)
			if isTable && overTable {
				mergeSettings(to, from)
				v = to
			}
			delete(dst, old)
			break
		}
		dst[k] = v
	}
}

// readHugoSettings reads one file of settings, name in fsys; nil when
// there is no such file.
func readHugoSettings(fsys fs.FS, name string, o *Options) (fields, error) {
	data, err := readFile(fsys, name, o.MaxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	file := filepath.Join(o.Source, name)
	if err != nil {
		return nil, fmt.Errorf("importer: %s: %w", file, withoutPath(err))
	}
	var f fields
	switch path.Ext(name) {
	case ".toml":
		f, err = parseTOML(string(data), 0)
	case ".json":
		var m map[string]any
		if err = json.Unmarshal(data, &m); err != nil {
			err = &parseError{msg: "the file is not valid JSON: " + err.Error()}
		} else {
			f = plain(m).(map[string]any)
		}
	default:
		f, err = parseYAML(string(data), 0)
	}
	if pe, ok := errors.AsType[*parseError](err); ok {
		return nil, fmt.Errorf("importer: %s:%d: %s: the settings decide the old addresses, so fix them first", file, pe.line, strings.Replace(pe.msg, "front matter", "the file", 1))
	}
	if f == nil {
		f = fields{}
	}
	return f, nil
}

func readHugoConfig(fsys fs.FS, o *Options) (*hugoConfig, error) {
	cfg := &hugoConfig{contentDir: "content", taxonomies: []string{"categories", "tags"}}
	// Hugo reads the first settings file at the site's root, then every
	// file of its folders of settings, in the order of their names, each
	// set over the settings before it, table into table.
	f := fields{}
	cfg.files = map[string]string{}
	cascadeAt := "" // where the cascade that is set was written, file:line
	set := func(name string, table fields, key string) {
		file := filepath.Join(o.Source, name)
		if key != "" {
			table = fields{key: map[string]any(table)}
		}
		for k := range table {
			cfg.files[strings.ToLower(k)] = file
			if strings.EqualFold(k, "cascade") {
				data, _ := readFile(fsys, name, o.MaxSize)
				cascadeAt = fmt.Sprintf("%s:%d", file, tableLine(&page{front: string(data), frontAt: 1, line: 1}, "cascade"))
			}
		}
		mergeSettings(f, table)
	}
	for _, name := range hugoConfigs {
		table, err := readHugoSettings(fsys, name, o)
		if err != nil {
			return nil, err
		}
		if table != nil {
			cfg.file = filepath.Join(o.Source, name)
			set(name, table, "")
			break
		}
	}
	for _, dir := range hugoConfigDirs {
		entries, _ := fs.ReadDir(fsys, dir)
		for _, e := range entries {
			name, ext := e.Name(), path.Ext(e.Name())
			key := strings.ToLower(strings.TrimSuffix(name, ext))
			main := key == "hugo" || key == "config"
			if e.IsDir() || !main && !slices.Contains(hugoTables, key) || !slices.Contains([]string{".toml", ".yaml", ".yml", ".json"}, ext) {
				continue
			}
			table, err := readHugoSettings(fsys, dir+"/"+name, o)
			switch {
			case err != nil && (key == "markup" || key == "blackfriday"):
				continue // they decide only the headings' ids, which links tell
			case err != nil:
				return nil, err
			case main:
				cfg.file = cmp.Or(cfg.file, filepath.Join(o.Source, dir, name))
				key = ""
			}
			set(dir+"/"+name, table, key)
		}
	}
	moduleFile := cfg.fileOf("module") // where the module's settings are, for messages
	for k, v := range f {
		if !strings.EqualFold(k, "cascade") {
			continue
		}
		list, err := readCascades(v, cascadeAt)
		if err != nil {
			return nil, fmt.Errorf("importer: %s: %w", cascadeAt, err)
		}
		for i := range list {
			list[i].all = true
		}
		cfg.cascades = list
	}
	f = lowerKeys(f)
	netlify, _ := readFile(fsys, "netlify.toml", o.MaxSize)
	cfg.blackfriday = blackfridaySite(f, netlify)
	cfg.definitions = definitionsOn(f)
	cfg.baseURL = f.text("baseurl")
	cfg.timeZone = f.text("timezone")
	mount, mounted, err := contentMount(fsys, f, moduleFile, o.Source)
	switch {
	case err != nil:
		return nil, err
	case mounted:
		cfg.contentDir = mount
	case f.text("contentdir") != "":
		if cfg.contentDir, err = contentDirIn(f.text("contentdir"), o.Source); err != nil {
			return nil, err
		}
	}
	cfg.defaultLang = strings.ToLower(cmp.Or(f.text("defaultcontentlanguage"), "en"))
	cfg.lang = cmp.Or(f.text("locale"), f.text("languagecode"))
	params, _ := f["params"].(map[string]any)
	cfg.params = lowerKeys(fields(params))
	cfg.mainSections = append(f.list("mainsections"), cfg.params.list("mainsections")...)
	cfg.themes, cfg.themesDir = f.list("theme"), cmp.Or(f.text("themesdir"), "themes")
	for _, key := range f.list("disablelanguages") {
		cfg.disabled = append(cfg.disabled, strings.ToLower(key))
	}
	cfg.disabledKinds = f.list("disablekinds")
	outputs, _ := f["outputs"].(map[string]any)
	cfg.outputs = lowerKeys(fields(outputs))
	if fm, ok := f["frontmatter"].(map[string]any); ok {
		for _, k := range lowerKeys(fields(fm)).list("date") {
			cfg.dateFrom = append(cfg.dateFrom, strings.ToLower(k))
		}
	}
	cfg.langInSubdir, _ = f.boolean("defaultcontentlanguageinsubdir")
	if langs, ok := f["languages"].(map[string]any); ok && (len(langs) > 1 || cfg.langInSubdir) {
		for key, v := range langs {
			m, _ := v.(map[string]any)
			lf := lowerKeys(fields(m))
			l := hugoLanguage{key: strings.ToLower(key), code: cmp.Or(lf.text("locale"), lf.text("languagecode"), key), baseURL: lf.text("baseurl"), permalinks: permalinksOf(lf)}
			l.ownHost = l.baseURL != ""
			if l.key == cfg.defaultLang && cfg.lang == "" {
				cfg.lang = cmp.Or(lf.text("locale"), lf.text("languagecode"))
			}
			if d := lf.text("contentdir"); d != "" && !mounted {
				if l.contentDir, err = contentDirIn(d, o.Source); err != nil {
					return nil, err
				}
			}
			cfg.languages = append(cfg.languages, l)
		}
		slices.SortFunc(cfg.languages, func(a, b hugoLanguage) int { return strings.Compare(a.key, b.key) })
	}
	for _, pattern := range f.list("ignorefiles") {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil, fmt.Errorf("importer: %s: ignoreFiles: %q is not a regular expression Hugo reads (%v): mend it, as Hugo would not build the site", cfg.fileOf("ignorefiles"), pattern, err)
		}
		cfg.ignore = append(cfg.ignore, re)
	}
	cfg.ugly, _ = f.boolean("uglyurls")
	if bySection, ok := f["uglyurls"].(map[string]any); ok {
		// Since Hugo 0.33 uglyURLs may be given by section, each
		// section's pages ugly or not as it says, the others not.
		cfg.uglySections = map[string]bool{}
		for section := range lowerKeys(fields(bySection)) {
			cfg.uglySections[section], _ = lowerKeys(fields(bySection)).boolean(section)
		}
	}
	cfg.emoji, _ = f.boolean("enableemoji")
	security, _ := f["security"].(map[string]any)
	secure, _ := lowerKeys(fields(security)).boolean("enableinlineshortcodes")
	legacy, _ := f.boolean("enableinlineshortcodes")
	cfg.inline = secure || legacy
	cfg.feed = feedName(f)
	cfg.keepCase, _ = f.boolean("disablepathtolower")
	cfg.permalinks = permalinksOf(f)
	if langs, ok := f["languages"].(map[string]any); ok && len(langs) == 1 && !cfg.langInSubdir {
		// A site in one language: the language's settings are the site's.
		for _, v := range langs {
			m, _ := v.(map[string]any)
			lf := lowerKeys(fields(m))
			cfg.baseURL = cmp.Or(lf.text("baseurl"), cfg.baseURL)
			cfg.lang = cmp.Or(lf.text("locale"), lf.text("languagecode"), cfg.lang)
			maps.Copy(cfg.permalinks, permalinksOf(lf))
			if d := lf.text("contentdir"); d != "" && !mounted {
				if cfg.contentDir, err = contentDirIn(d, o.Source); err != nil {
					return nil, err
				}
			}
		}
	}
	if tax, ok := f["taxonomies"].(map[string]any); ok {
		cfg.taxonomies = nil
		for _, plural := range tax {
			if s, ok := plural.(string); ok && s != "" {
				cfg.taxonomies = append(cfg.taxonomies, strings.ToLower(s))
			}
		}
		slices.Sort(cfg.taxonomies)
	}
	cfg.roots = cfg.contentDirs()
	return cfg, nil
}

// permalinksOf gives the permalink patterns the config f, its keys in
// lower case, sets, by section.
func permalinksOf(f fields) map[string]string {
	out := map[string]string{}
	perm, _ := f["permalinks"].(map[string]any)
	if page, ok := perm["page"].(map[string]any); ok {
		perm = page // Hugo 0.120's permalinks by kind of page
	}
	for section, pattern := range perm {
		if s, ok := pattern.(string); ok {
			out[section] = s
		}
	}
	return out
}

// feedName gives the name of the file of each feed Hugo made, from the
// config f, its keys in lower case: index.xml, unless the RSS output
// format's baseName or its media type's suffix says otherwise, or, before
// Hugo 0.20, rssURI.
func feedName(f fields) string {
	name := "index.xml"
	if uri := strings.Trim(f.text("rssuri"), "/"); uri != "" {
		name = uri
	}
	table := func(f fields, key string) fields {
		m, _ := f[key].(map[string]any)
		return lowerKeys(fields(m))
	}
	base := table(table(f, "outputformats"), "rss").text("basename")
	media := table(table(f, "mediatypes"), "application/rss+xml")
	suffix := cmp.Or(media.text("suffix"), "xml")
	if list := media.list("suffixes"); len(list) > 0 {
		suffix = list[0]
	}
	if base != "" || suffix != "xml" {
		name = cmp.Or(base, "index") + "." + suffix
	}
	return name
}

// contentDirIn gives a contentDir of the config as a slash path inside
// the site folder source, or why it is not one: the import reads nothing
// outside the folder it is given.
func contentDirIn(dir, source string) (string, error) {
	clean := path.Clean(strings.TrimSuffix(dir, "/"))
	if filepath.IsAbs(dir) || !fs.ValidPath(clean) {
		return "", fmt.Errorf("importer: %s: contentDir %q is not a folder inside the site, and the import reads nothing outside the folder it is given: set contentDir to a folder inside it", source, dir)
	}
	return clean, nil
}

// lowerKeys gives f with its keys in lower case, as Hugo reads them.
func lowerKeys(f fields) fields {
	out := make(fields, len(f))
	for k, v := range f {
		out[strings.ToLower(k)] = v
	}
	return out
}

// definitionsOn says whether the settings f of a Hugo site, its keys in
// lower case, say Hugo showed a definition list as one: Blackfriday did,
// and goldmark's extension for them is on unless
// markup.goldmark.extensions.definitionList is false.
func definitionsOn(f fields) bool {
	markup, _ := f["markup"].(map[string]any)
	m := lowerKeys(fields(markup))
	goldmark, _ := m["goldmark"].(map[string]any)
	extensions, _ := lowerKeys(fields(goldmark))["extensions"].(map[string]any)
	on, given := lowerKeys(fields(extensions)).boolean("definitionlist")
	if handler := m.text("defaultmarkdownhandler"); handler != "" && !strings.EqualFold(handler, "goldmark") {
		return strings.EqualFold(handler, "blackfriday")
	}
	return on || !given
}

// dateKeys are the fields Hugo dates a page by, the first set first,
// unless the config's frontmatter.date says otherwise: a page with no
// other date is dated by its last change.
var dateKeys = []string{"date", "publishdate", "pubdate", "published", "lastmod", "modified"}

// undatedPage is a page of a section with no date, which is a broken
// post where the section's other pages are dated, and no post where
// none is.
type undatedPage struct {
	file string
	line int
	hint string // what to write to date it
}

// readHugoPage reads one content file, or notes why it cannot, or gives
// it as undated for the caller to tell. rel is its path inside the
// content folder.
func readHugoPage(fsys fs.FS, p, rel string, cfg *hugoConfig, o *Options, src *source) (*post, *undatedPage) {
	file := filepath.Join(o.Source, p)
	pg := readPage(fsys, p, file, o, src, bareIsPage)
	if pg == nil {
		return nil, nil
	}
	f := lowerKeys(pg.fields)
	cascaded := cfg.cascade(f, p, rel)
	if headless, _ := f.boolean("headless"); headless {
		src.skip(file, cmp.Or(pg.lineOf("headless"), pg.line), "headless: true, so Hugo made no page of it, only kept its files for other pages: not imported")
		return nil, nil
	}
	post := &post{file: file, line: pg.line, title: html.UnescapeString(f.text("title")), raw: pg.body, bodyLine: pg.bodyLine, front: f, params: cfg.params, inline: cfg.inline}
	post.html = strings.HasPrefix(strings.ToLower(path.Ext(p)), ".htm")
	// A page bundle is named by its folder, as :filename takes it.
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if isIndex(path.Base(p)) {
		name = path.Base(path.Dir(p))
	}
	ds, named := cfg.pageDate(f, name)
	if named != "" && f.text("slug") == "" {
		f["slug"] = named // :filename gives the slug too, as Hugo takes it
	}
	if ds == "" && topLevel(rel) {
		// A page of the site's own, such as about.md, which has no date
		// and no place in a bulletin's timeline.
		src.skip(file, pg.line, "a page with no date outside every section, such as an about page, not a post: not imported")
		return nil, nil
	}
	if ds == "" {
		// Hugo dates a page by its front matter unless its config says
		// otherwise, so the file name is only a hint.
		hint := "give it a date"
		switch d, _, ok := nameDate(name); {
		case pg.front == "" && len(pg.fields) == 0:
			hint = "it has no front matter: start it with one (a line of ---, its title and date, and another ---)"
		case ok:
			hint = fmt.Sprintf("if the file name's date is its date, add date = %s", d)
		}
		return nil, &undatedPage{file: file, line: pg.line, hint: hint}
	}
	t, day, err := parseDate(ds, cfg.zone)
	if err != nil {
		line := pg.line
		for _, key := range dateKeys {
			if f.text(key) == ds {
				line = pg.lineOf(key)
				break
			}
		}
		src.fail(file, line, "%v: not imported", err)
		return nil, nil
	}
	// A page left out for its date, as a section's documentation is,
	// needs no title.
	if !titleHeading(post) && post.title == "" {
		// Hugo publishes a page with no title: its first words stand
		// for one, or its summary's, as a link post has no other.
		if post.title = cut(cmp.Or(plainText(post.raw, true), plainText(f.first(summaryKeys...), true)), titleRunes); post.title == "" {
			src.fail(file, cmp.Or(pg.lineOf("title"), pg.line), "no title, and no text to title it by: not imported; give it a title")
			return nil, nil
		}
		src.warn(file, cmp.Or(pg.lineOf("title"), pg.line), "no title, so its first words are: %q; give it a better one", post.title)
	}
	post.date, post.day = onDay(t, day, o.Zone), day
	// Hugo's lastmod, its alias modified, or the updated many themes
	// set: bulletin's updated.
	for _, key := range []string{"lastmod", "modified", "updated"} {
		if s := f.text(key); s != "" {
			src.lastChange(post, key, s, pg.lineOf(key), cfg.zone, o.Zone)
			break
		}
	}
	post.draft, _ = f.boolean("draft")
	if why := unpublished(f, cfg.zone, cascaded); why != "" && !post.draft {
		post.draft = true
		src.warn(file, pg.line, "%s: imported as a draft", why)
	}
	if post.unlisted = unlisted(f); post.unlisted != "" {
		k, _ := buildOption(f, "list")
		if strings.HasPrefix(post.unlisted, "hidden") {
			k = "hidden"
		}
		post.unlisted += cascadedFrom(cascaded, k)
	}
	lang, named := cfg.language(p, rel)
	if lang != nil && lang.key != cfg.defaultLang {
		post.lang = languageTag(lang.code, post, src)
	}
	// A leaf bundle (posts/x/index.md) is the page of its folder.
	page := strings.TrimSuffix(named, path.Ext(named))
	if isIndex(path.Base(rel)) {
		page = path.Dir(rel)
		post.bundle = path.Dir(p)
	} else {
		post.folder = path.Dir(p)
	}
	for _, tax := range cfg.taxonomies {
		switch {
		case tax == "author" || tax == "authors":
			// A taxonomy of authors names the post's authors, below.
		case byDate(tax):
			// An archive by year, which bulletin's timeline has.
		case isRegulators(tax):
			post.regs = append(post.regs, f.list(tax)...)
		default:
			post.names = append(post.names, f.list(tax)...)
		}
	}
	// bulletin's own fields, where the site made no taxonomy of them.
	if !slices.Contains(cfg.taxonomies, "topics") {
		post.names = append(post.names, f.list("topics")...)
	}
	if !slices.Contains(cfg.taxonomies, "regulators") {
		post.regs = append(post.regs, f.list("regulators")...)
	}
	var several []string
	post.authors, several = authorNames(authorsOf(f))
	for i, a := range post.authors {
		if name := cfg.authorNames[urlize(a)]; name != "" {
			post.authors[i] = name
		}
	}
	// A handle and the name it stands for, both listed, are one author.
	seen := map[string]bool{}
	post.authors = slices.DeleteFunc(post.authors, func(a string) bool {
		dup := seen[a]
		seen[a] = true
		return dup
	})
	for _, n := range several {
		src.warn(file, cmp.Or(pg.lineOf("author"), pg.lineOf("authors")), "author %q may name several people, whom the byline would show as one: if so, list each, authors: [%s]", n, strings.Join(people(n), ", "))
	}
	post.sources = sourcesOf(f)
	post.lang = cmp.Or(languageOf(f, post, src), post.lang)
	post.unused = leftOver(f, hugoFields, cfg.taxonomies...)
	var unused []string
	// A theme's excerpt, as Velero's cards show it, after Hugo's own.
	post.summary, unused = summaryOf(f, append(slices.Clone(summaryKeys), "excerpt")...)
	post.unused = append(post.unused, unused...)
	hugoImages(f, post, pg, src)
	old := hugoURL(f, page, lang, cfg, post)
	// Hugo gives the site, each language and each section a feed.
	var feeds []string
	if cfg.rss("home") {
		feeds = append(feeds, cfg.prefix(lang)+"/"+cfg.feed)
	}
	if section := sectionOf(page); section != "" && cfg.rss("section") {
		feeds = append(feeds, cfg.prefix(lang)+"/"+section+"/"+cfg.feed)
	}
	for _, feed := range feeds {
		feed = cleanSlashes(feed)
		switch {
		case lang != nil && lang.key != cfg.defaultLang:
			if len(src.oneLanguage) == 0 {
				src.tallies = append(src.tallies, oneLanguageFeeds(src, cfg.file))
			}
			if !slices.Contains(src.oneLanguage, feed) {
				src.oneLanguage = append(src.oneLanguage, feed)
			}
		case !slices.Contains(src.feeds, feed):
			src.feeds = append(src.feeds, feed)
		}
	}
	// The old slug is the one its address shows: the slug, or the title
	// or the file name, as the permalink pattern chose, in lower case
	// unless the config keeps its case, as Hugo writes addresses.
	post.slug = urlize(f.text("slug"))
	if post.slug == "" {
		_, last := splitLast(old)
		post.slug = strings.TrimSuffix(decoded(last), ".html")
		// A title with a slash in it (fees for 2019/20) makes an address
		// of two folders, the last of which holds only the title's end:
		// the new address is made of the whole title.
		if title := urlize(cmp.Or(f.text("title"), post.title)); strings.Contains(title, "/") && strings.EqualFold(path.Base(title), post.slug) {
			post.slug = strings.ReplaceAll(strings.Trim(title, "/"), "/", "-")
		}
	}
	if !cfg.keepCase {
		post.slug = strings.ToLower(post.slug)
	}
	aliases := f.list("aliases")
	if s, ok := f["aliases"].(string); ok {
		// Hugo parts aliases written as one text at its spaces.
		aliases = strings.Fields(s)
	}
	for _, al := range aliases {
		if !strings.HasPrefix(al, "/") {
			al = path.Join(path.Dir(strings.TrimSuffix(old, "/")), al)
		}
		post.old = append(post.old, al)
	}
	post.old = append(post.old, old)
	if post.home = cfg.home(lang); post.home != "" && !post.draft {
		post.id = strings.TrimSuffix(post.home, "/") + old
	}
	post.keys = hugoKeys(rel, page, lang)
	return post, nil
}

// hugoKeys gives the names a ref finds the page at slash path rel in its
// content folder by: that path, the page's (page, without its
// extension or its language's mark, a bundle's folder) and their last
// parts; in a site in several languages, each within its language.
func hugoKeys(rel, page string, lang *hugoLanguage) []string {
	keys := []string{"hugo:" + rel, "hugo:" + page, "base:" + path.Base(rel), "base:" + path.Base(page)}
	if lang != nil {
		// Translations share their names: each is found in its language.
		for i, k := range keys {
			keys[i] = lang.key + ":" + k
		}
	}
	if page != strings.TrimSuffix(rel, path.Ext(rel)) {
		keys = append(keys, "hugo:"+page+"/")
	}
	return keys
}

// otherPages gives the old addresses of the pages at the slash paths
// pages, content files Hugo published that are no posts (an about page,
// a section's documentation), by the names a ref finds them by (see
// hugoKeys): a ref to one leads to where it was. A name two pages answer
// to is left out, as is a page whose front matter cannot be read, a
// draft, or a headless bundle, which had no address.
func otherPages(fsys fs.FS, pages []string, cfg *hugoConfig, o *Options) map[string]string {
	out := map[string]string{}
	shared := map[string]bool{}
	for _, p := range pages {
		data, err := readFile(fsys, p, o.MaxSize)
		if err != nil {
			continue
		}
		pg, err := parsePage(data)
		if pe, ok := errors.AsType[*parseError](err); ok && pe.bare {
			pg, err = &page{fields: fields{}}, nil
		}
		if err != nil {
			continue
		}
		f := lowerKeys(pg.fields)
		rel := strings.TrimPrefix(p, cfg.root(p)+"/")
		cfg.cascade(f, p, rel)
		draft, _ := f.boolean("draft")
		headless, _ := f.boolean("headless")
		if draft || headless || unpublished(f, cfg.zone, nil) != "" {
			continue
		}
		lang, named := cfg.language(p, rel)
		at := strings.TrimSuffix(named, path.Ext(named))
		if isIndex(path.Base(rel)) {
			at = path.Dir(rel)
		}
		q := &post{title: f.text("title")}
		if ds, slug := cfg.pageDate(f, path.Base(at)); ds != "" {
			if t, _, err := parseDate(ds, cfg.zone); err == nil {
				q.date = t
			}
			if slug != "" && f.text("slug") == "" {
				f["slug"] = slug
			}
		}
		old := hugoURL(f, at, lang, cfg, q)
		for _, k := range hugoKeys(rel, at, lang) {
			if was, ok := out[k]; ok && was != old || shared[k] {
				shared[k] = true
				delete(out, k)
				continue
			}
			out[k] = old
		}
	}
	return out
}

// rss reports whether Hugo made a feed for the kind of page (home,
// section): unless disableKinds names RSS or the kind, or outputs names
// that kind's formats without RSS.
func (cfg *hugoConfig) rss(kind string) bool {
	if slices.ContainsFunc(cfg.disabledKinds, func(k string) bool { return strings.EqualFold(k, "rss") || strings.EqualFold(k, kind) }) {
		return false
	}
	formats, set := cfg.outputs[kind]
	return !set || formats == nil || slices.ContainsFunc(cfg.outputs.list(kind), func(f string) bool { return strings.EqualFold(f, "rss") })
}

// pageDate gives the date of a page whose fields are f and name (its
// file's, without the extension, or its bundle's folder's) as the
// config's frontmatter.date reads it, by default from the first of
// dateKeys it sets; where :filename gives it, the slug the rest of the
// name gives too (2019-11-07-Velero-1.2.md: Velero-1.2). :fileModTime
// and :git, which this import cannot read as Hugo did, are passed over.
func (cfg *hugoConfig) pageDate(f fields, name string) (date, slug string) {
	from := cfg.dateFrom
	if len(from) == 0 {
		from = []string{":default"}
	}
	for _, from := range from {
		switch from {
		case ":default":
			if d := f.first(dateKeys...); d != "" {
				return d, ""
			}
		case ":filename":
			if d, slug, ok := nameDate(name); ok {
				return d, slug
			}
		case ":filemodtime", ":git":
		default:
			if d := f.text(from); d != "" {
				return d, ""
			}
		}
	}
	return "", ""
}

// nameDate gives the day a file's name, without its extension, starts
// with, as Hugo's :filename reads it: its first ten characters, where
// they are a day written YYYY-MM-DD; and the slug the rest gives, less
// the spaces, hyphens and underscores around it (2023-07-14_under-score,
// 2023-07-16 space name, 2023-07-17glued).
func nameDate(name string) (date, slug string, ok bool) {
	if len(name) < 10 || !dayName.MatchString(name[:10]) {
		return "", "", false
	}
	if _, err := time.Parse(time.DateOnly, name[:10]); err != nil {
		return "", "", false
	}
	return name[:10], strings.Trim(name[10:], " -_"), true
}

// dayName matches a day written YYYY-MM-DD.
var dayName = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// hugoURL gives the address Hugo gave a page: its url, with the
// permalink placeholders it holds filled in (/:section/:year/:slug/, as
// Hugo does since 0.123), else its section's permalink pattern filled in
// (its language's, else the site's), else its path in the content
// folder; in a site in several languages, below its language's prefix
// (see prefix), but for a url written from the site's root (/x/), which
// Hugo takes as it is.
func hugoURL(f fields, page string, lang *hugoLanguage, cfg *hugoConfig, p *post) string {
	prefix := cfg.prefix(lang)
	dir, filename := path.Dir(page), path.Base(page)
	if dir == "." {
		dir = ""
	}
	section := sectionOf(page)
	slug := f.text("slug")
	t := p.date // in its own offset, as Hugo fills in a permalink
	// Hugo fills in the title as written, its character references and
	// all (Espa&ntilde;ol), which the article's title decodes.
	title := urlize(cmp.Or(f.text("title"), p.title))
	values := map[string]string{
		":year": t.Format("2006"), ":month": t.Format("01"), ":monthname": t.Format("January"),
		":day": t.Format("02"), ":weekday": strconv.Itoa(int(t.Weekday())), ":weekdayname": t.Format("Monday"),
		":yearday": strconv.Itoa(t.YearDay()), ":section": section, ":sections": dir,
		":title": title, ":slug": cmp.Or(slug, title), ":filename": filename,
		":slugorfilename": cmp.Or(slug, filename), ":contentbasename": filename,
		":slugorcontentbasename": cmp.Or(slug, filename),
	}
	fill := func(pattern string) string {
		pattern = sectionsSlice.ReplaceAllStringFunc(pattern, func(ph string) string {
			m := sectionsSlice.FindStringSubmatch(ph)
			return urlizePath(sliceSections(dir, m[1]))
		})
		return placeholder.ReplaceAllStringFunc(pattern, func(ph string) string {
			if v, ok := values[ph]; ok {
				return urlize(v)
			}
			return ph
		})
	}
	if u := f.text("url"); u != "" {
		u = fill(u)
		if !strings.HasPrefix(u, "/") {
			u = prefix + "/" + u
		}
		return escapePath(u)
	}
	var u string
	pattern, ok := cfg.permalinks[section]
	if lang != nil {
		if own, set := lang.permalinks[section]; set {
			pattern, ok = own, true
		}
	}
	if ok {
		u = "/" + fill(pattern)
	} else {
		u = "/" + dir + "/" + cmp.Or(slug, filename) + "/"
	}
	ugly := cfg.ugly || cfg.uglySections[strings.ToLower(section)]
	if ugly && strings.HasSuffix(u, "/") && u != "/" {
		u = strings.TrimSuffix(u, "/") + ".html"
	} else if !ugly && !strings.HasSuffix(u, "/") && path.Ext(u) == "" {
		u += "/"
	}
	u = urlizePath(cleanSlashes(prefix + u))
	if !cfg.keepCase {
		u = strings.ToLower(u)
	}
	return escapePath(u)
}

// sectionsSlice matches Hugo's :sections[…] in a permalink pattern,
// some of the page's sections: [1:], [:last], [last], [0], [1:2].
var sectionsSlice = regexp.MustCompile(`:sections\[([^\]]*)\]`)

// sliceSections gives the sections of dir, the slash path of a page's
// folder in its content folder, that Hugo's :sections[index] gives:
// index is one section's, or from:to, either left out, where last is
// the last section's place.
func sliceSections(dir, index string) string {
	var parts []string
	if dir != "" {
		parts = strings.Split(dir, "/")
	}
	// As Hugo reads a bound: a number not read, or below 0, is 0; one
	// past the sections is the end as the upper bound, and gives nothing
	// as the lower.
	at := func(s string, missing int, low bool) int {
		switch s = strings.ToLower(strings.TrimSpace(s)); s {
		case "":
			return missing
		case "last":
			return len(parts) - 1
		}
		n, _ := strconv.Atoi(s)
		n = max(n, 0)
		if n >= len(parts) {
			if low {
				return -1
			}
			return len(parts)
		}
		return n
	}
	from, to, ranged := strings.Cut(index, ":")
	i := at(from, 0, true)
	if !ranged {
		if i < 0 {
			return ""
		}
		return parts[i]
	}
	j := at(to, len(parts), false)
	if i < 0 || j <= i {
		return ""
	}
	return strings.Join(parts[i:j], "/")
}

// localHost says whether host names this machine, as a site's address
// set for building it locally does: localhost, a loopback address, or
// the unspecified 0.0.0.0.
func localHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// localNote says why an address of the config, setting, that names this
// machine gives no feed ids.
func localNote(setting, address string) string {
	return fmt.Sprintf("%s %q names this machine, not where the site was published, so the ids the old feeds gave the posts, made from the published address, are not known: bulletin gives them new ones, and readers of the old feeds may see each post once more as new; set %s to the site's address (https://…) and import again to keep them", setting, address, setting)
}

// topLevel says whether the page at slash path rel, in its language's
// content folder, is outside every section: a file at the top, or a
// bundle's index there.
func topLevel(rel string) bool {
	return path.Dir(rel) == "." || isIndex(path.Base(rel)) && path.Dir(path.Dir(rel)) == "."
}

// sectionOf gives the section of the page at slash path page in its
// content folder: its first folder, or "" for a page at the top.
func sectionOf(page string) string {
	dir := path.Dir(page)
	if dir == "." {
		return ""
	}
	section, _, _ := strings.Cut(dir, "/")
	return section
}

// urlize is Hugo's: spaces become hyphens, and characters other than
// letters, digits, marks and . _ - # + ~ go.
func urlize(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte('-')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || strings.ContainsRune("._-#+~/", r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// urlizePath urlizes each part of a path.
func urlizePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = urlize(part)
	}
	return strings.Join(parts, "/")
}

// unpublished says why Hugo did not publish a page that is no draft: it
// expired, or its build options render no page for it; "" if it did.
// cascaded gives, by key, where a cascade gave the page a value, which
// the reason names.
func unpublished(f fields, zone *time.Location, cascaded map[string]string) string {
	for _, name := range []string{"expiryDate", "unpublishdate"} {
		s := f.text(strings.ToLower(name)) // keys are read in lower case
		if t, _, err := parseDate(s, zone); err == nil && t.Before(time.Now()) {
			return fmt.Sprintf("%s %s has passed%s, so Hugo no longer published it", name, s, cascadedFrom(cascaded, name))
		}
	}
	if k, render := buildOption(f, "render"); render == "never" || render == "link" || render == "false" {
		return fmt.Sprintf("%s.render is %s%s, so Hugo made no page of it", k, render, cascadedFrom(cascaded, k))
	}
	return ""
}

// onDay keeps a date given as a day alone on that day in zone, where
// bulletin reads it: Hugo read it at midnight in its own zone, and the
// same instant can fall on the day before in bulletin's.
func onDay(t time.Time, day bool, zone *time.Location) time.Time {
	if !day {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, zone)
}

// oneLanguageFeeds tells of the old site's feeds of one language's
// posts, other than the default language's, that src read, the site's
// settings being in file.
func oneLanguageFeeds(src *source, file string) func(posts []*post) []Note {
	return func(posts []*post) []Note {
		if len(posts) == 0 {
			return nil
		}
		return []Note{{Source: file, Msg: fmt.Sprintf("the old site's feeds %s each held one language's posts alone, and bulletin's feeds hold every language's: listed in feed_aliases, each would give its subscribers every post in another language as new, so the report does not name them there; left out, their subscribers keep their last items and hear no more: redirect each on the server (a 301) to a feed its readers want, a topic's, say, or leave it", strings.Join(src.oneLanguage, ", "))}}
	}
}
