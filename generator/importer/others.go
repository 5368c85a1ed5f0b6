package importer

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// otherSystems are the site generators import does not read, each with
// the files that tell its sites, all of one list and any of the other,
// where no Jekyll or Hugo site's are: a Hexo site has a _config.yml, as
// Jekyll's has, and would be read as one with no posts. Its scaffolds
// tell it from a Jekyll site that keeps its posts in source/_posts
// (Octopress); so do its package.json and its settings (see isHexo),
// where it has none.
var otherSystems = []struct {
	name     string
	all, any []string
	// permalink is the pattern of its posts' addresses to give as an
	// example, "" for the usual one (see refuse); advice, what else its
	// posts need.
	permalink, advice string
}{
	{"a Hexo", []string{"scaffolds"}, []string{"source/_posts"}, "", ""},
	{"a Docusaurus", nil, []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"}, docusaurusPermalink, docusaurusAdvice},
	{"an Eleventy", nil, []string{".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"}, "", ""},
	{"a Gatsby", nil, []string{"gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"}, "", ""},
	{"an Astro", nil, []string{"astro.config.mjs", "astro.config.ts", "astro.config.js"}, "", ""},
	{"a VitePress", nil, []string{".vitepress", "docs/.vitepress", "src/.vitepress"}, "", ""},
	{"a VuePress", nil, []string{".vuepress", "docs/.vuepress", "src/.vuepress"}, "", ""},
	{"an MkDocs", nil, []string{"mkdocs.yml", "mkdocs.yaml"}, "", ""},
}

// refuse is the error for the site src of another generator, named
// ("a Hexo"): how its posts may come in as a Jekyll site's (see
// asJekyll).
func refuse(src, name, permalink, advice string) error {
	return fmt.Errorf("importer: %s is %s site, which import does not read: it reads Jekyll and Hugo sites, and WordPress exports. Its posts are Markdown with front matter, as Jekyll's are: %s", src, name, asJekyll(permalink, advice))
}

// asJekyll says how posts with front matter may come in as a Jekyll
// site's, the pattern of their addresses given as an example
// (permalink, else the usual /blog/:year/:month/:day/:title/), with
// advice of their own, if any.
func asJekyll(permalink, advice string) string {
	if advice != "" {
		advice = "; " + advice
	}
	if permalink == "" {
		permalink = "/blog/:year/:month/:day/:title/"
	}
	return fmt.Sprintf("copy them into a folder named _posts, each named YYYY-MM-DD-title.md by its date, beside a _config.yml that gives the old site's address (url: https://www.example.org) and the pattern of its posts' addresses (permalink: %s), so that their old addresses redirect and links between them are rewritten, each post's tags or categories written as a list where a text of several words named one (tags: second tag, one tag to Eleventy and Hexo, as tags: [second tag]), as Jekyll parts such a text at its spaces, and a feed.xml whose one line is %s, which says the old feed gave each post its address as its id, as these generators' feeds do, so that those ids are kept; then import that folder with -format jekyll (which a site that is Jekyll's after all can be given as it is)%s", permalink, addressIDs, advice)
}

// docusaurusPermalink is the pattern of a Docusaurus blog's addresses:
// the date as its post's file name writes it, without a trailing slash,
// which its feed's ids, each post's address, lack too.
const docusaurusPermalink = "/blog/:year/:month/:day/:title"

// docusaurusAdvice is what a Docusaurus site's posts need besides.
const docusaurusAdvice = "Docusaurus publishes each post without a trailing slash, as that permalink has it, and its feed gave each post that address as its id; a post whose file name has a one-digit month or day (2021-11-1-hooks.md) had its date as written (/blog/2021/11/1/hooks), where :month and :day write two digits: give it that address in its own front matter (permalink: /blog/2021/11/1/hooks); a post whose front matter gives slug: x had the address /blog/x: write permalink: /blog/x in its place; a post names its authors by their keys in blog/authors.yml (authors: [jmarcey]), which Docusaurus showed by the names that file gives them: copy it to _data/authors.yml, so that they keep those names; and Docusaurus serves its static/ folder at the site's top (/img/chart.png): copy what static/ holds beside _config.yml, so that the files the posts show are found and copied in"

// pelican is the error for the Pelican site src: a Pelican post's
// metadata is not front matter, and its feeds' ids are tag URIs of its
// address, tag:HOST,DATE:/ADDRESS/, which are a build's own when its
// id authority is the old host and the post keeps no id of its own, as
// a Jekyll site with no url gives none.
func pelican(src string) error {
	return fmt.Errorf("importer: %s is a Pelican site, which import does not read: it reads Jekyll and Hugo sites, and WordPress exports. Pelican reads a post's metadata from the lines at its top (Title: …, Date: …, Tags: a, b, Category: …, Slug: …), where Jekyll reads front matter: put them between two lines of ---, each name in lower case, its tags as a list (tags: [a, b]) and its category as categories: [name]. Copy the posts into a folder named _posts, each named YYYY-MM-DD-slug.md by its date and slug, beside a _config.yml that gives the pattern of their addresses (permalink: /:title.html, Pelican's own, where pelicanconf.py sets no ARTICLE_URL; {slug} is :title, {date:%%Y} :year, {date:%%m} :month, {date:%%d} :day) and Pelican's TIMEZONE (timezone: Europe/Paris), so that their old addresses redirect, but no url, as the ids below need (links between posts written with the old site's address then lead there, not to the new pages: write them as paths); then import that folder with -format jekyll, and set id_authority in site.yaml to the old site's host (id_authority: example.org): Pelican's feeds gave each post the id tag:HOST,DATE:/ADDRESS/, which the build then gives it too. A post in reStructuredText (.rst) is not read", src)
}

// addressIDs is the feed template that says a Jekyll site's feed gave
// each post its address as its id, trailing slash and all, as the feeds
// of Eleventy, Hexo, Zola and the other generators refused make them.
const addressIDs = "{% for post in site.posts %}<id>{{ post.url | absolute_url }}</id>{% endfor %}"

// zolaAdvice is what a Zola site's posts need besides, to come in as a
// Jekyll site's.
const zolaAdvice = "a post dated only by its file or folder name (2024-01-05_title, 2024-01-05-title/index.md) needs that date in its file name; the tags and categories of its [taxonomies] table go at the top of its front matter (tags = [...]), else they are lost; and its Tera shortcodes ({{ name(...) }}) are kept as text, so write them in Markdown"

// zolaOnly are settings of Zola's config.toml that Hugo's has not.
// Zola's are in snake case, and Hugo reads its own without regard to
// case, so none of these is one of Hugo's by another spelling.
var zolaOnly = []string{"base_url", "compile_sass", "build_search_index", "generate_feed", "generate_feeds", "feed_filename", "feed_filenames", "hard_link_static", "minify_html", "default_language", "ignored_content", "ignored_static", "link_checker", "slugify", "markdown", "extra"}

// hugoOnly are settings of Hugo's, in lower case, that Zola's config
// has not: one of them makes a config.toml Hugo's.
var hugoOnly = []string{"baseurl", "languagecode", "defaultcontentlanguage", "contentdir", "publishdir", "params", "permalinks", "menu", "menus", "markup", "outputs", "outputformats", "mediatypes", "paginate", "pagination", "module", "frontmatter", "disablekinds", "uglyurls", "enablerobotstxt", "enableemoji", "summarylength"}

// isZola says whether the site folder src is a Zola site's: its
// config.toml, which Hugo's may be named too, has Zola's base_url or
// two other settings only Zola has, and none only Hugo has. Zola needs
// base_url; a Hugo site that has one by mistake has Hugo's own settings
// too.
func isZola(src string, maxSize int64) bool {
	data, err := readFile(os.DirFS(src), "config.toml", maxSize)
	if err != nil {
		return false
	}
	f, err := parseTOML(string(data), 0)
	if err != nil {
		return false
	}
	zola := 0
	for key := range f {
		for _, h := range hugoOnly {
			if strings.EqualFold(key, h) {
				return false
			}
		}
		for _, z := range zolaOnly {
			if key == z {
				zola++
			}
		}
	}
	_, based := f["base_url"]
	return based || zola >= 2
}

// hexoOnly are settings of a Hexo site's _config.yml that no Jekyll
// site's has, Octopress's included: Octopress has code_dir,
// category_dir, pagination_dir and titlecase as Hexo has, so they tell
// neither.
var hexoOnly = []string{"new_post_name", "post_asset_folder", "source_dir", "public_dir", "tag_dir", "archive_dir", "i18n_dir", "skip_render", "render_drafts", "relative_link", "default_category", "category_map", "tag_map", "index_generator", "updated_option", "pretty_urls", "meta_generator", "filename_case"}

// isHexo says whether the site folder src is a Hexo site's, by its
// package.json, which names hexo among its dependencies, or by its
// _config.yml, which has a setting only Hexo has.
func isHexo(src string, maxSize int64) bool {
	fsys := os.DirFS(src)
	if data, err := readFile(fsys, "package.json", maxSize); err == nil {
		var pkg struct {
			Dependencies, DevDependencies map[string]any
		}
		if json.Unmarshal(data, &pkg) == nil && (pkg.Dependencies["hexo"] != nil || pkg.DevDependencies["hexo"] != nil) {
			return true
		}
	}
	data, err := readFile(fsys, "_config.yml", maxSize)
	if err != nil {
		return false
	}
	f, err := parseYAML(string(data), 0)
	if err != nil {
		return false
	}
	for _, key := range hexoOnly {
		if _, ok := f[key]; ok {
			return true
		}
	}
	return false
}

// holdsMarkdown says whether the folder src, or a folder in it up to
// three deep, holds a Markdown file: posts kept with no site's settings.
// It looks at a thousand entries at most, so a large folder costs
// little.
func holdsMarkdown(src string) bool {
	seen := 0
	found := false
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		seen++
		switch {
		case err != nil || seen > 1000:
			return fs.SkipAll
		case d.IsDir() && p != src && strings.Count(filepath.ToSlash(strings.TrimPrefix(p, src)), "/") > 3:
			return fs.SkipDir
		case !d.IsDir() && isMarkdown(filepath.Ext(p)):
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// isMarkdown says whether a file name's ending ext is Markdown's.
func isMarkdown(ext string) bool {
	ext = strings.ToLower(ext)
	return isContent(ext) && !strings.HasPrefix(ext, ".htm")
}

// notAnExport is the error for the file src, which is not a WordPress
// export: what it is, where its start tells, a Ghost export (JSON
// holding the site's db), or another JSON file.
func notAnExport(src string, maxSize int64) error {
	if strings.EqualFold(filepath.Ext(src), ".json") {
		var export struct {
			DB []struct {
				Data struct {
					Posts json.RawMessage `json:"posts"`
				} `json:"data"`
			} `json:"db"`
		}
		data, err := readFile(os.DirFS(filepath.Dir(src)), filepath.Base(src), maxSize)
		if err == nil && json.Unmarshal(data, &export) == nil && len(export.DB) > 0 && export.DB[0].Data.Posts != nil {
			return fmt.Errorf("importer: %s: a Ghost export, which import does not read: it reads Jekyll and Hugo sites, and WordPress exports (.xml)", src)
		}
	}
	return fmt.Errorf("importer: %s: not a folder or a WordPress export (.xml)", src)
}
