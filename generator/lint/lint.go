// Package lint finds what a build can publish but a reader would trip
// over: it takes the site model and the files planned for it, and gives
// each problem with its file and line.
package lint

import (
	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Site finds what a build publishes but a reader would trip over: links
// and images to pages or files the site does not have, and source
// addresses that are not absolute http(s); and, as warnings, topic and
// regulator names that look like misspellings (see site.Misspelling).
// Each has its file and line; they come sorted by both. Without files,
// links are not checked.
func Site(s *site.Site, files *render.Files) content.Errors {
	var found content.Errors
	assets := map[string]bool{}
	for _, name := range s.Assets {
		assets[name] = true
	}
	for _, a := range s.Articles {
		if files != nil {
			found = append(found, checkLinks(a, assets, files)...)
		}
		found = append(found, checkSources(a)...)
	}
	for _, m := range s.Misspelt {
		found = append(found, m.Problem)
	}
	return found.ByPlace()
}

// checkLinks reports links and images in a body that point at pages or
// files of the site that the build does not make.
func checkLinks(a *site.Article, assets map[string]bool, files *render.Files) content.Errors {
	var out content.Errors
	base := &url.URL{Path: a.URL}
	for _, l := range a.Content.Links {
		u, err := url.Parse(l.URL)
		if err != nil {
			out = append(out, &content.Error{File: a.Content.File, Line: l.Line, Msg: fmt.Sprintf("link %q is not a valid URL", l.URL)})
			continue
		}
		if u.Scheme != "" || u.Host != "" || u.Path == "" {
			continue
		}
		target := base.ResolveReference(u).Path
		if exists(target, assets, files) {
			continue
		}
		what := "link"
		if l.Image {
			what = "image"
		}
		out = append(out, &content.Error{File: a.Content.File, Line: l.Line, Msg: fmt.Sprintf("%s %q: the site has no page or file at %s", what, l.URL, target), Target: target})
	}
	return out
}

// exists reports whether the site has a page or file at the site path p.
func exists(p string, assets map[string]bool, files *render.Files) bool {
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(p, "/") || name == "" {
		return files.Has(name + "index.html")
	}
	return files.Has(name) || assets[name] || files.Has(path.Join(name, "index.html"))
}

// checkSources reports source addresses readers could not open.
func checkSources(a *site.Article) content.Errors {
	var out content.Errors
	for _, src := range a.Sources {
		if src.URL == "" {
			continue
		}
		u, err := url.Parse(src.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			out = append(out, &content.Error{File: a.Content.File, Line: src.Line,
				Msg: fmt.Sprintf("sources.url: %q is not an absolute http(s) address: write it like https://www.example.org/page", src.URL)})
		}
	}
	return out
}

// Unread drops from found the links that may point at a page of an
// article that could not be read, of those unread names: the page at an
// address that ends in the slug its file name gives, and the year and
// month archives it would be listed in. The other links are kept, so
// that one run reports them with every other problem.
func Unread(found, unread content.Errors) content.Errors {
	slugs := map[string]bool{}
	for _, e := range unread {
		if strings.EqualFold(path.Ext(e.File), ".md") {
			slugs[content.DefaultSlug(e.File)] = true
		}
	}
	if len(slugs) == 0 {
		return found
	}
	return slices.DeleteFunc(slices.Clone(found), func(f *content.Error) bool {
		parts := strings.Split(strings.Trim(f.Target, "/"), "/")
		if f.Target == "" || !archive.MatchString(parts[0]) {
			return false
		}
		return len(parts) < 3 || slugs[parts[2]]
	})
}

// archive matches a year, which starts every article's address.
var archive = regexp.MustCompile(`^\d{4}$`)
