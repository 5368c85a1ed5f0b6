package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	o := options{now: time.Now()}
	flags := newFlags("check", "bulletin check [-content DIR] [-templates DIR] [-format text|github]")
	flags.StringVar(&o.content, "content", "content", "folder of articles and site.yaml")
	flags.StringVar(&o.templates, "templates", "templates", "folder of the theme's templates")
	format := flags.String("format", "text", "text, or github for GitHub Actions annotations")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	if *format != "text" && *format != "github" {
		return usageError(flags, stderr, "-format %q: use text or github", *format)
	}
	found := check(o)
	failed := false
	for _, f := range found {
		fmt.Fprintln(stdout, formatProblem(f, *format))
		failed = failed || !f.Warning
	}
	if failed {
		return errSilent
	}
	if len(found) == 0 {
		fmt.Fprintln(stdout, "no problems found")
	}
	return nil
}

// errSilent fails a command whose problems were already printed.
var errSilent = errors.New("problems found")

// formatProblem writes a problem as a line of text, or as a GitHub Actions
// annotation for style "github".
func formatProblem(f *content.Error, style string) string {
	if style != "github" {
		return f.Error()
	}
	level := "error"
	if f.Warning {
		level = "warning"
	}
	loc := "file=" + f.File
	if f.Line > 0 {
		loc += fmt.Sprintf(",line=%d", f.Line)
	}
	return fmt.Sprintf("::%s %s::%s", level, loc, strings.ReplaceAll(f.Msg, "\n", "%0A"))
}

// check runs the pipeline up to the files, writing nothing, and gives
// every problem it finds: what stops a build, or else what lint finds.
func check(o options) content.Errors {
	set, err := load(o, nil, nil)
	if set == nil {
		return problems(err)
	}
	_, files, stop, found := gatherProblems(o, set, err, o.now, true)
	if files != nil {
		// Every page is made, as a build makes it, for the errors
		// templates give only on some pages.
		stop = append(stop, problems(files.Write(context.Background(), discard{}))...)
	}
	return byPlace(slices.Concat(stop, found))
}

// byPlace sorts problems by file and line, keeping the order of those on
// one line, as they stand in it.
func byPlace(es content.Errors) content.Errors {
	slices.SortStableFunc(es, func(a, b *content.Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return es
}

// discard is a render.Sink that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// problems gives the problems an error of the pipeline holds, each with
// its file and line.
func problems(err error) content.Errors {
	if err == nil {
		return nil
	}
	var es content.Errors
	if errors.As(err, &es) {
		return es
	}
	var e *content.Error
	if errors.As(err, &e) {
		return content.Errors{e}
	}
	return content.Errors{{Msg: err.Error()}}
}

// lint finds what a build publishes but a reader would trip over: links
// and images to pages or files the site does not have, and source
// addresses that are not absolute http(s); and, as warnings, topic and
// regulator names that look like misspellings or that only one article
// uses. Each has its file and line; they come sorted by both. Without
// files, links are not checked.
func lint(s *site.Site, files *render.Files) content.Errors {
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
	misspelt := map[*site.Group]bool{}
	for _, m := range s.Misspelt {
		found = append(found, m.Problem)
		misspelt[m.Group] = true
	}
	found = append(found, rarelyUsed(s.Topics, "topics", misspelt)...)
	found = append(found, rarelyUsed(s.Regulators, "regulators", misspelt)...)
	return byPlace(found)
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

// rarelyUsed warns of topics and regulators that only one article names
// and that neither an intro page nor site.yaml describes: likely typos,
// besides those already warned of as looking like another name.
func rarelyUsed(groups []*site.Group, field string, misspelt map[*site.Group]bool) content.Errors {
	var out content.Errors
	for _, g := range groups {
		if len(g.Articles) != 1 || g.FullName != "" || misspelt[g] {
			continue
		}
		a := g.Articles[0]
		out = append(out, &content.Error{File: a.Content.File, Line: a.Content.Lines[field], Warning: true,
			Msg: fmt.Sprintf("%s: %q is used by this article only: check its spelling against the other %s", field, g.Name, field)})
	}
	return out
}
