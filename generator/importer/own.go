package importer

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"bulletin/generator/content"
)

// The site has pages, files and folders of its own at paths an old
// address may have: a post named topics or feed on a blog whose
// addresses were /%postname%/ had /topics/ or /feed/. bulletin refuses
// an alias that would be one of them, or inside one, and so fails the
// build; the importer keeps no such alias, and says so.

// ownFiles are the files every site has, by their names in the output
// folder, with what they are.
var ownFiles = map[string]string{
	"index.html":        "the site's home page, /",
	"404.html":          "the site's page for addresses it does not have, /404.html",
	"robots.txt":        "the site's /robots.txt",
	"sitemap.xml":       "the site's /sitemap.xml",
	"feed.xml":          "the site's feed, /feed.xml",
	"atom.xml":          "the site's feed, /atom.xml",
	"feed.json":         "the site's feed, /feed.json",
	"_headers":          "the host's settings file /_headers",
	"_redirects":        "the host's settings file /_redirects",
	"search/index.html": "the site's search page, /search/",
}

// ownFolders are the folders whose every name the site has, or may
// have, with what they hold.
var ownFolders = map[string]string{
	"topics/":     "the site's list of topics, /topics/, where its topics' pages are too",
	"regulators/": "the site's list of regulators, /regulators/, where its regulators' pages are too",
	"timeline/":   "the site's timeline, /timeline/",
	"pagefind/":   "the search index's folder, /pagefind/",
	"_bulletin/":  "the folder /_bulletin/, which bulletin serve keeps for its own scripts",
}

// dateList matches the file of the site's list of a year's or a month's
// articles, /2015/ or /2015/06/, with what is inside it.
var dateList = regexp.MustCompile(`^([1-9]\d{3})/(?:(0[1-9]|1[0-2])/)?index\.html(?:/|$)`)

// siteOwn says what of the site's own the alias al (a site path, as
// aliasFor gives it) would be, or be inside, so that a build refuses it;
// feeds are the old addresses of the site's feed, which feed_aliases in
// site.yaml keep, or will once the report is followed. It gives "" for
// an alias that can be.
func siteOwn(al string, feeds []string) string {
	file := content.Fold(outputFile(al))
	for _, f := range feeds {
		if feed := content.Fold(outputFile(f)); file == feed || strings.HasPrefix(file, feed+"/") || strings.HasPrefix(feed, file+"/") {
			return fmt.Sprintf("also the old site's feed, %s, which feed_aliases in site.yaml keeps for its subscribers", f)
		}
	}
	for dir, what := range ownFolders {
		if strings.HasPrefix(file, dir) {
			return what
		}
	}
	if what, ok := ownFiles[file]; ok {
		return what
	}
	for name := path.Dir(file); name != "."; name = path.Dir(name) {
		if what, ok := ownFiles[name]; ok {
			return "inside the file of " + what
		}
	}
	if m := dateList.FindStringSubmatch(file); m != nil {
		if m[2] != "" {
			return fmt.Sprintf("the site's list of the articles of a month, /%s/%s/", m[1], m[2])
		}
		return fmt.Sprintf("the site's list of the articles of a year, /%s/", m[1])
	}
	return ""
}

// outputFile is the name of the file a build writes for a site path: a
// path ending in a slash, or with no extension, is a folder, whose page
// is its index.html.
func outputFile(p string) string {
	p = strings.TrimPrefix(p, "/")
	switch {
	case p == "" || strings.HasSuffix(p, "/"):
		return p + "index.html"
	case path.Ext(p) == "":
		return p + "/index.html"
	}
	return p
}
