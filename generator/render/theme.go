package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strings"
)

// The theme's files: the layout and partials are shared by every page;
// each page file defines "main" (and may define "head").
const (
	layoutFile   = "layout.html"
	partialsFile = "partials.html"
)

var pageFiles = []string{"home.html", "article.html", "list.html", "group.html", "groups.html", "search.html", "404.html"}

type theme struct {
	dir   string
	pages map[string]*template.Template
}

func loadTheme(fsys fs.FS, dir, basePath string) (*theme, error) {
	th := &theme{dir: dir, pages: map[string]*template.Template{}}
	base := template.New("theme").Funcs(funcs(basePath))
	var errs []error
	for _, name := range []string{layoutFile, partialsFile} {
		if err := parse(fsys, base, name); err != nil {
			errs = append(errs, th.locate(err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, name := range pageFiles {
		t, err := base.Clone()
		if err == nil {
			t.Funcs(template.FuncMap{"cached": newFragments(t).render})
			err = parse(fsys, t, name)
		}
		if err != nil {
			errs = append(errs, th.locate(err))
			continue
		}
		th.pages[name] = t
	}
	return th, errors.Join(errs...)
}

func parse(fsys fs.FS, t *template.Template, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	_, err = t.New(name).Parse(string(data))
	return err
}

func (th *theme) execute(w io.Writer, name string, p *Page) error {
	if err := th.pages[name].ExecuteTemplate(w, layoutFile, p); err != nil {
		return th.locate(err)
	}
	return nil
}

// templateError matches html/template's "template: NAME:LINE:COL: ..." and
// "template: NAME:LINE: ..." prefixes.
var templateError = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::\d+)?: (.*)$`)

// locate rewrites a template error to "templates/NAME:LINE: message".
func (th *theme) locate(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s/%s: %v", th.dir, pe.Path, pe.Err)
	}
	msg := err.Error()
	if m := templateError.FindStringSubmatch(msg); m != nil {
		text := m[3]
		if i := strings.Index(text, ">: "); strings.HasPrefix(text, "executing ") && i >= 0 {
			text = text[i+3:]
		}
		return fmt.Errorf("%s/%s:%s: %s", th.dir, m[1], m[2], text)
	}
	return fmt.Errorf("%s: %s", th.dir, msg)
}

// describe names the page a rendering error happened on.
func describe(err error, url string) string {
	return fmt.Sprintf("%v (rendering %s)", err, url)
}
