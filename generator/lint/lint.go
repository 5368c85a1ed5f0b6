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
			out = append(out, &content.Error{File: a.Content.File, Line: l.Line, Msg: fmt.Sprintf("link %q is not a valid URL", l.URL), Link: true})
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
		out = append(out, &content.Error{File: a.Content.File, Line: l.Line, Msg: fmt.Sprintf("%s %q: the site has no page or file at %s", what, l.URL, target), Link: true})
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
