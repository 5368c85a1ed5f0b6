package main

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/site"
)

// finding is one problem check reports; warnings do not fail the check.
type finding struct {
	file    string
	line    int
	msg     string
	warning bool
}

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
		fmt.Fprintln(stdout, f.format(*format))
		failed = failed || !f.warning
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

func (f finding) format(style string) string {
	level := "error"
	if f.warning {
		level = "warning"
	}
	if style == "github" {
		loc := "file=" + f.file
		if f.line > 0 {
			loc += fmt.Sprintf(",line=%d", f.line)
		}
		return fmt.Sprintf("::%s %s::%s", level, loc, strings.ReplaceAll(f.msg, "\n", "%0A"))
	}
	prefix := f.file
	if f.line > 0 {
		prefix += fmt.Sprintf(":%d", f.line)
	}
	if f.warning {
		return prefix + ": warning: " + f.msg
	}
	return prefix + ": " + f.msg
}

// check runs the build up to rendering, writing nothing, then looks for
// what a build accepts but a reader would trip over.
func check(o options) []finding {
	set, err := content.Load(os.DirFS(o.content), filepath.ToSlash(o.content))
	if err != nil {
		return findings(err)
	}
	s, err := site.New(set, o.now)
	if err != nil {
		return findings(err)
	}
	files := &fileList{names: map[string]bool{}}
	if err := render.Site(os.DirFS(o.templates), filepath.ToSlash(o.templates), s, files); err != nil {
		return findings(err)
	}
	for _, a := range set.Assets {
		files.names[a] = true
	}
	var found []finding
	for _, a := range s.Articles {
		found = append(found, checkLinks(a, files.names)...)
		found = append(found, checkSources(a)...)
	}
	misspelt := map[*site.Group]bool{}
	for _, m := range s.Misspelt {
		found = append(found, finding{file: m.Problem.File, line: m.Problem.Line, msg: m.Problem.Msg, warning: true})
		misspelt[m.Group] = true
	}
	found = append(found, rarelyUsed(s.Topics, "topics", misspelt)...)
	found = append(found, rarelyUsed(s.Regulators, "regulators", misspelt)...)
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].file != found[j].file {
			return found[i].file < found[j].file
		}
		return found[i].line < found[j].line
	})
	return found
}

// fileList is a render.Sink that only notes which files a build makes.
type fileList struct {
	mu    sync.Mutex
	names map[string]bool
}

func (l *fileList) Write(name string, _ []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.names[name] = true
	return nil
}

// positioned matches "file:line: message" at the start of an error line.
var positioned = regexp.MustCompile(`^([^:\s]+):(\d+): (.*)$`)

// findings splits a build error into one finding per line.
func findings(err error) []finding {
	var out []finding
	for _, line := range strings.Split(err.Error(), "\n") {
		if m := positioned.FindStringSubmatch(line); m != nil {
			var n int
			fmt.Sscan(m[2], &n)
			out = append(out, finding{file: m[1], line: n, msg: m[3]})
			continue
		}
		file, msg, ok := strings.Cut(line, ": ")
		if !ok {
			file, msg = "", line
		}
		out = append(out, finding{file: file, msg: msg})
	}
	return out
}

// checkLinks reports links and images in a body that point at pages or
// files of the site that the build does not make.
func checkLinks(a *site.Article, files map[string]bool) []finding {
	var out []finding
	base := &url.URL{Path: a.URL}
	for _, l := range a.Content.Links {
		u, err := url.Parse(l.URL)
		if err != nil {
			out = append(out, finding{file: a.Content.File, line: l.Line, msg: fmt.Sprintf("link %q is not a valid URL", l.URL)})
			continue
		}
		if u.Scheme != "" || u.Host != "" || u.Path == "" {
			continue
		}
		target := base.ResolveReference(u).Path
		if exists(target, files) {
			continue
		}
		what := "link"
		if l.Image {
			what = "image"
		}
		out = append(out, finding{file: a.Content.File, line: l.Line, msg: fmt.Sprintf("%s %q: the site has no page or file at %s", what, l.URL, target)})
	}
	return out
}

func exists(p string, files map[string]bool) bool {
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(p, "/") || name == "" {
		return files[name+"index.html"]
	}
	return files[name] || files[path.Join(name, "index.html")]
}

// checkSources reports source addresses readers could not open.
func checkSources(a *site.Article) []finding {
	var out []finding
	for _, src := range a.Sources {
		if src.URL == "" {
			continue
		}
		u, err := url.Parse(src.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			out = append(out, finding{file: a.Content.File, line: src.Line,
				msg: fmt.Sprintf("sources.url: %q is not an absolute http(s) address: write it like https://www.example.org/page", src.URL)})
		}
	}
	return out
}

// rarelyUsed warns of topics and regulators that only one article names
// and that neither an intro page nor site.yaml describes: likely typos,
// besides those already warned of as looking like another name.
func rarelyUsed(groups []*site.Group, field string, misspelt map[*site.Group]bool) []finding {
	var out []finding
	for _, g := range groups {
		if len(g.Articles) != 1 || g.FullName != "" || misspelt[g] {
			continue
		}
		a := g.Articles[0]
		out = append(out, finding{file: a.Content.File, line: a.Content.Lines[field], warning: true,
			msg: fmt.Sprintf("%s: %q is used by this article only: check its spelling against the other %s", field, g.Name, field)})
	}
	return out
}
