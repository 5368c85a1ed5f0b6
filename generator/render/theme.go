package render

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	tparse "text/template/parse"

	"bulletin/generator/content"
	"bulletin/generator/inputs"
)

// The theme's files: the layout and partials are shared by every page;
// each page file defines "main" (and may define "head").
const (
	layoutFile   = "layout.html"
	partialsFile = "partials.html"
)

var pageFiles = []string{"home.html", "article.html", "version.html", "list.html", "group.html", "groups.html", "search.html", "404.html"}

type theme struct {
	dir   string
	fsys  fs.FS // its files, to say where a template not found is
	pages map[string]*template.Template
	// shared has the shared files alone, never executed, to tell a
	// mistake of theirs from a page file's (see execute).
	shared *template.Template
	// links are the site paths its files link to as written, and
	// problems what they would publish without a word (see look and
	// typeCheck).
	links    []ThemeLink
	ids      []ThemeID
	problems content.Errors
	// params are the theme's own settings its templates ask for by name
	// (see typeCheck).
	params []ThemeParam
	// paramsWhole says that a template reads every one of them (see
	// typeCheck).
	paramsWhole bool
	// fragments are what each page file's cached keeps.
	fragments []*fragments
	// texts are its files as read, by name, to find the text an error
	// quotes (see quoted).
	texts map[string]string
}

// fresh gives the theme with page templates of its own, copied from
// th's, which must not have run, and fragments of its own: what the
// pages of one site keep in their theme (see fragments), kept by values
// of that site, then never keeps that site in memory once its pages are
// made, nor shows on another's.
func (th *theme) fresh() *theme {
	c := *th
	c.pages, c.fragments = make(map[string]*template.Template, len(th.pages)), nil
	for name, t := range th.pages {
		page := template.Must(t.Clone())
		made := newFragments(page)
		c.fragments = append(c.fragments, made)
		page.Funcs(template.FuncMap{"cached": made.render})
		c.pages[name] = page
	}
	return &c
}

// loadTheme reads the theme's files. When the shared files can be read,
// and a page file cannot or two shared files define one template, it
// gives the theme without the page files it cannot read, with the
// error, so that the pages the others make are made all the same and
// their mistakes told in the same run (the theme is not to be published
// with then). When a shared file cannot be read, it gives no theme.
func loadTheme(fsys fs.FS, dir, basePath string) (*theme, error) {
	th := &theme{dir: dir, fsys: fsys, pages: map[string]*template.Template{}}
	base := template.New("theme").Funcs(funcs(basePath))
	var errs content.Errors
	shared, err := sharedFiles(fsys)
	if err != nil {
		return nil, th.locate(err)
	}
	texts := make([]string, len(shared)) // as read, "" for a file that could not be
	broken := make([]bool, len(shared))
	for i, name := range shared {
		var err error
		if texts[i], err = parse(fsys, base, name); err != nil {
			errs = append(errs, th.missingOr(err))
			broken[i] = true
		}
	}
	th.shared = base
	sharedBroken := len(errs) > 0
	if sharedBroken {
		// The page files are read with the shared files that could be,
		// so that their own mistakes, and the fields they name, are
		// told in the same run.
		base = template.New("theme").Funcs(funcs(basePath))
		for i, name := range shared {
			if !broken[i] {
				parse(fsys, base, name)
			}
		}
	}
	// Each file's text, and the templates it defines, by its name.
	byName, defs := map[string]string{}, map[string][]namedDefinition{}
	for i, name := range shared {
		byName[name], defs[name] = texts[i], definitions(name, texts[i])
	}
	defined := th.defines(shared, defs, &errs)
	told := map[string]bool{} // the shared templates a page file defines again
	for _, name := range pageFiles {
		// With a shared file broken, each page file is still read on its
		// own, so that its mistakes are told in the same run.
		t := template.Must(base.Clone())
		made := newFragments(t)
		th.fragments = append(th.fragments, made)
		t.Funcs(template.FuncMap{"cached": made.render})
		text, err := parse(fsys, t, name)
		if err != nil {
			errs = append(errs, th.missingOr(err))
			continue
		}
		byName[name], defs[name] = text, definitions(name, text)
		th.redefined(defs[name], defined, told, &errs)
		th.pages[name] = t
	}
	if sharedBroken || len(th.pages) == 0 {
		return nil, append(errs, th.typeCheck()...).ByPlace().Err()
	}
	if len(errs) > 0 {
		// The links and the templates no template calls are looked for
		// once every page file is read: one left out would leave its
		// templates uncalled.
		th.problems = th.typeCheck()
		return th, errs.Err()
	}
	th.texts = byName
	th.links, th.ids, th.problems = th.look(byName, defs)
	th.problems = append(th.problems, th.typeCheck()...).ByPlace()
	return th, nil
}

// definition is where a shared file of the theme defines a template.
type definition struct {
	file  string
	line  int
	block bool // by {{block}}, a default that a page file may replace
}

// definedIn finds the {{define}}s and {{block}}s of a theme file, with
// the template each names.
var definedIn = regexp.MustCompile("\\{\\{-?\\s*(define|block)\\s+[\"`]([^\"`]*)[\"`]")

// defines gives the templates the shared files define, from what each
// defines (defs, by file), telling as an error a template two of them
// define: html/template would keep the one read last, on every page,
// without a word.
func (th *theme) defines(shared []string, defs map[string][]namedDefinition, errs *content.Errors) map[string]definition {
	out := map[string]definition{}
	for _, name := range shared {
		for _, d := range defs[name] {
			if first, ok := out[d.name]; ok {
				*errs = append(*errs, th.twice(d, first))
				continue
			}
			out[d.name] = d.definition
		}
	}
	return out
}

// redefined tells as an error each template that a page file defines
// (its defs) and a shared file defines too, but by {{block}}, whose
// default a page may replace. It is told once, at the shared file, as
// several page files may define it ("main"); told holds those told.
func (th *theme) redefined(defs []namedDefinition, shared map[string]definition, told map[string]bool, errs *content.Errors) {
	for _, d := range defs {
		if first, ok := shared[d.name]; ok && !first.block && !told[d.name] {
			told[d.name] = true
			*errs = append(*errs, th.twice(namedDefinition{d.name, first}, d.definition))
		}
	}
}

// namedDefinition is a definition with the name of its template.
type namedDefinition struct {
	name string
	definition
}

// definitions lists the templates the theme file name, holding text,
// defines, each at the line of its {{define}} or {{block}}: the last
// before its body, as the parser found it, so that one written in a
// comment is not taken for it. None when the file cannot be parsed,
// which is its own error.
func definitions(name, text string) []namedDefinition {
	trees := map[string]*tparse.Tree{}
	t := tparse.New(name)
	t.Mode = tparse.SkipFuncCheck
	if _, err := t.Parse(text, "", "", trees); err != nil {
		return nil
	}
	actions := definedIn.FindAllStringSubmatchIndex(text, -1)
	var out []namedDefinition
	for n, tree := range trees {
		var at []int // the action that begins it
		for _, m := range actions {
			if m[0] < int(tree.Root.Position()) && text[m[4]:m[5]] == n {
				at = m
			}
		}
		if n == name || at == nil {
			continue // the file's own text, outside its definitions
		}
		out = append(out, namedDefinition{name: n, definition: definition{
			file: name, line: strings.Count(text[:at[0]], "\n") + 1, block: text[at[2]:at[3]] == "block"}})
	}
	slices.SortFunc(out, func(a, b namedDefinition) int {
		return cmp.Or(cmp.Compare(a.line, b.line), strings.Compare(a.name, b.name))
	})
	return out
}

// twice is the error of a template d defines that first defined before.
func (th *theme) twice(d namedDefinition, first definition) *content.Error {
	return &content.Error{File: th.dir + "/" + d.file, Line: d.line,
		Msg: fmt.Sprintf("%q is defined at %s:%d too, and only one of them would be used, without a word: rename one, or delete it", d.name, first.file, first.line)}
}

// sharedFiles lists the theme's files every page shares: the layout,
// the partials, then any other .html file at the top of the folder, in
// name order, for the pieces a theme author keeps in a file of their
// own ({{define "byline"}} in byline.html).
func sharedFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	shared := []string{layoutFile, partialsFile}
	for _, e := range entries {
		// A hidden file (an editor's lock file, .#article.html) is no
		// template.
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".html") && !inputs.Hidden(name) && !slices.Contains(shared[:2], name) && !slices.Contains(pageFiles, name) {
			shared = append(shared, name)
		}
	}
	return shared, nil
}

// parse parses the theme file name into t, and gives its text.
func parse(fsys fs.FS, t *template.Template, name string) (string, error) {
	if err := plainFile(fsys, name); err != nil {
		return "", err
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", err
	}
	_, err = t.New(name).Parse(string(data))
	return string(data), err
}

// notPlain is a file of the theme that is not a regular file, which a
// build does not read: a link would bring in what lies outside the
// theme, which the build would not know changed, and reading a pipe or
// a device might never end.
type notPlain struct {
	name string
	mode fs.FileMode
}

func (e *notPlain) Error() string {
	if e.mode&fs.ModeSymlink != 0 {
		return e.name + ": a symbolic link: links are not followed, so that nothing outside the theme's folder is read or published; move or copy the file here instead"
	}
	return e.name + ": not a regular file: delete it, or put a template in its place"
}

// plainFile refuses the theme file name when it is not a regular file.
func plainFile(fsys fs.FS, name string) error {
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return &notPlain{name, info.Mode()}
	}
	return nil
}

// missingOr says of a theme file that is not there that every theme
// has it, and locates any other error.
func (th *theme) missingOr(err error) *content.Error {
	if np, ok := errors.AsType[*notPlain](err); ok {
		return &content.Error{File: th.dir + "/" + np.name, Msg: strings.TrimPrefix(np.Error(), np.name+": ")}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
		what := "a file for each kind of page"
		switch path.Base(pe.Path) {
		case layoutFile:
			what = "the frame of every page, " + layoutFile
		case partialsFile:
			what = "the shared pieces of pages, " + partialsFile
		}
		return &content.Error{File: th.dir + "/" + pe.Path, Msg: fmt.Sprintf("missing: every theme has %s: copy this one from bulletin's templates/", what)}
	}
	return th.locate(err)
}

func (th *theme) execute(w io.Writer, name string, p *Page) error {
	if th.pages[name] == nil {
		return nil // a page file that could not be read, which is told already
	}
	err := th.pages[name].ExecuteTemplate(w, layoutFile, p)
	var escaping *template.Error
	if errors.As(err, &escaping) && escaping.Node == nil && escaping.Line == 0 {
		// html/template names only the layout, where escaping began,
		// with no line: the layout made with an empty "main" tells
		// whether the mistake is the shared files' or the page file's.
		where := fmt.Sprintf("in a page made with %s, %s and the templates they call", name, layoutFile)
		if th.sharedFault(p, escaping.Description) {
			name, where = layoutFile, fmt.Sprintf("in %s or a template it calls", layoutFile)
		}
		what := escaperState.ReplaceAllString(escaping.Description, "")
		if file, line := th.quoted(escaping.Description); file != "" {
			return &content.Error{File: th.dir + "/" + file, Line: line, Msg: what + ": html/template read this text as part of a tag: look on this line, or above it, for a quote or a tag left open"}
		}
		return &content.Error{File: th.dir + "/" + name, Msg: fmt.Sprintf("%s: found %s, with no line given: look there for a quote or a tag left open", what, where)}
	}
	if err == nil {
		return nil
	}
	e := th.explain(name, err)
	if e.File == th.dir+"/"+name {
		return e
	}
	// The mistake is in a shared file, and stopped the page before or
	// around its own "main": made alone, "main" tells its own mistake,
	// if it has one, in the same run.
	if th.pages[name].Lookup("main") == nil {
		return e // a "main" misnamed, which the error's hint names
	}
	if own := th.pages[name].ExecuteTemplate(io.Discard, "main", p); own != nil {
		if o := th.explain(name, own); *o != *e {
			return content.Errors{e, o}
		}
	}
	return e
}

// explain locates err, met making a page with the file name, and says
// where a template it does not find may be.
func (th *theme) explain(name string, err error) *content.Error {
	e := th.locate(err)
	if m := noSuchTemplate.FindStringSubmatch(e.Msg); m != nil {
		e.Msg += th.whereIs(name, m[1])
	}
	return e
}

// escaperState is the escaper's own state, which some of its errors
// give, in braces: no help to a theme's author.
var escaperState = regexp.MustCompile(`: \{state[^}]*\}`)

// noSuchTemplate is html/template's error for a call of a template no
// file of the theme defines, by {{template}} or by cached.
var noSuchTemplate = regexp.MustCompile(`^(?:no such template|error calling cached: html/template:) "([^"]*)"(?: is undefined)?$`)

// whereIs says where the template called wanted may be, for a page
// made with the file name that calls it: in a file the theme does not
// read (in a folder, or named other than .html), or under a name near
// one the page has; "" if neither.
func (th *theme) whereIs(name, wanted string) string {
	var in string
	fs.WalkDir(th.fsys, ".", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil || in != "":
			return fs.SkipAll
		case e.IsDir() && p != "." && (p == "static" || inputs.Hidden(e.Name())):
			return fs.SkipDir
		case e.IsDir() || !strings.Contains(p, "/") && strings.HasSuffix(p, ".html"):
			return nil // a folder, or a file the theme reads
		case !e.Type().IsRegular():
			return nil // a link, a pipe or a device, which might never end
		}
		if data, err := fs.ReadFile(th.fsys, p); err == nil && slices.ContainsFunc(definitions(p, string(data)), func(d namedDefinition) bool { return d.name == wanted }) {
			in = p
		}
		return nil
	})
	if in != "" {
		return fmt.Sprintf(": %s defines it, but a theme reads only the .html files at the top of its folder: move it there", in)
	}
	var names []string
	for _, t := range th.pages[name].Templates() {
		names = append(names, t.Name())
	}
	if near := content.Closest(wanted, names); near != "" {
		return fmt.Sprintf(": did you mean %q?", near)
	}
	return ""
}

// quoted finds the text an escaping error's description quotes last
// (html/template ends some with the text it stopped at, quoted: "in
// attribute name" with what follows the quote that should have closed
// an attribute's value), in the one place of the theme's files that
// holds it: the file and the line it starts on; "" where no file or two
// places hold it, or it is too short to tell one place.
func (th *theme) quoted(description string) (string, int) {
	var text string
	for i := strings.IndexByte(description, '"'); i >= 0; i = strings.IndexByte(description, '"') {
		q, err := strconv.QuotedPrefix(description[i:])
		if err != nil {
			break
		}
		text, _ = strconv.Unquote(q)
		description = description[i+len(q):]
	}
	if len(strings.TrimSpace(text)) < 4 {
		return "", 0
	}
	var file string
	var line int
	for _, name := range slices.Sorted(maps.Keys(th.texts)) {
		data := th.texts[name]
		i := strings.Index(data, text)
		if i < 0 {
			continue
		}
		if file != "" || strings.Contains(data[i+1:], text) {
			return "", 0
		}
		file, line = name, 1+strings.Count(data[:i], "\n")
	}
	return file, line
}

// sharedFault reports whether the shared files alone, with a page whose
// "main" is empty, fail to escape as description says.
func (th *theme) sharedFault(p *Page, description string) bool {
	t, err := th.shared.Clone()
	if err == nil {
		_, err = t.New("main").Parse("")
	}
	if err != nil {
		return false
	}
	var escaping *template.Error
	return errors.As(t.ExecuteTemplate(io.Discard, layoutFile, p), &escaping) && escaping.Description == description
}

// templateError matches html/template's "template: NAME:LINE:COL: ..." and
// "template: NAME:LINE: ..." prefixes; escaperError, the escaper's own
// "html/template:NAME:...", which it writes without the space.
var (
	escaperError  = regexp.MustCompile(`html/template:(\S)`)
	templateError = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::\d+)?: (.*)$`)
)

// twiceDefined is the parser's error for a template a file defines twice,
// or defines once while its text outside every {{define}}, a template
// named as the file, is not blank.
var twiceDefined = regexp.MustCompile(`multiple definition of template "([^"]+)"$`)

// keywordOperand is the parser's error for a keyword that begins an
// action written after something else in one ({{.Title define "main"}}).
var keywordOperand = regexp.MustCompile(`unexpected <(define|end|else|if|range|with|block|template|break|continue)> in operand`)

// locate turns a template error into a problem at its file and line in
// the theme, "templates/NAME:LINE: message".
func (th *theme) locate(err error) *content.Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &content.Error{File: th.dir + "/" + pe.Path, Msg: pe.Err.Error()}
	}
	// html/template writes its own errors "html/template:NAME:LINE:COL:".
	msg := escaperError.ReplaceAllString(err.Error(), "template: $1")
	// A template that calls another (cached does) wraps the other's
	// error: the innermost position is where the mistake is.
	for i := strings.LastIndex(msg, "template: "); i > 0; i = strings.LastIndex(msg[:i], "template: ") {
		if templateError.MatchString(msg[i:]) {
			msg = msg[i:]
			break
		}
	}
	if m := templateError.FindStringSubmatch(msg); m != nil {
		text := m[3]
		if i := strings.Index(text, ">: "); strings.HasPrefix(text, "executing ") && i >= 0 {
			text = text[i+3:]
		}
		line, _ := strconv.Atoi(m[2])
		if k := keywordOperand.FindStringSubmatch(text); k != nil {
			text += fmt.Sprintf(": %s can only come first in an action, right after {{: delete what stands before it, or close the action before it with }}", k[1])
		} else if eof := strings.Contains(text, "unexpected EOF"); eof || strings.Contains(text, "unexpected <define>") {
			if data, err := fs.ReadFile(th.fsys, m[1]); err == nil {
				if at, msg := unclosedMessage(m[1], string(data), line, eof); msg != "" {
					return &content.Error{File: th.dir + "/" + m[1], Line: at, Msg: msg}
				}
			}
			text += ": an {{if}}, {{range}}, {{with}} or {{block}} above is not closed with {{end}}"
		}
		switch twice := twiceDefined.FindStringSubmatch(text); {
		case strings.HasSuffix(text, "in type render.Masthead"):
			text += ": the masthead is made once for each kind of page, and sees only .Site and .Kind"
		case twice != nil && twice[1] == m[1]:
			text += fmt.Sprintf(": the text of %s outside every {{define}} is a template named %q too, as its {{define %q}} is: delete or move inside the {{define}} what stands after its {{end}} (or before it)", m[1], m[1], m[1])
		case twice != nil:
			text += fmt.Sprintf(": %s defines %q twice: rename one, or delete one", m[1], twice[1])
		default:
			text += hint(m[3]) // with where it was executing, which the hint may name
		}
		return &content.Error{File: th.dir + "/" + m[1], Line: line, Msg: text}
	}
	return &content.Error{File: th.dir, Msg: msg}
}

// describe names the page a rendering error happened on, keeping each
// error's file and line.
func describe(err error, url string) error {
	var out content.Errors
	for _, e := range content.AsErrors(err) {
		out = append(out, named(e, []string{url}))
	}
	return out.Err()
}

// named is the error e with the pages it stopped, the first few by name.
func named(e *content.Error, urls []string) *content.Error {
	const shown = 3
	list := strings.Join(urls[:min(len(urls), shown)], ", ")
	if n := len(urls) - shown; n > 0 {
		list += fmt.Sprintf(" and %d other pages", n)
	}
	return &content.Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf("%s (rendering %s)", e.Msg, list)}
}

// pageErrors gathers the errors of making pages: one mistake in a theme
// stops every page that shows it, and is told once, with those pages.
type pageErrors struct {
	errs []*content.Error
	urls map[content.Error][]string
}

func (p *pageErrors) add(err error, url string) {
	if p.urls == nil {
		p.urls = map[content.Error][]string{}
	}
	for _, e := range content.AsErrors(err) {
		if _, ok := p.urls[*e]; !ok {
			p.errs = append(p.errs, e)
		}
		p.urls[*e] = append(p.urls[*e], url)
	}
}

// Err gives the errors, each with its pages in order, sorted; nil for none.
func (p *pageErrors) Err() error {
	var out content.Errors
	for _, e := range p.errs {
		urls := p.urls[*e]
		slices.Sort(urls)
		out = append(out, named(e, urls))
	}
	return out.Err()
}
