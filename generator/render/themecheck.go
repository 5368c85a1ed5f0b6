package render

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	tparse "text/template/parse"

	"bulletin/generator/content"
)

// A theme is read before any page is made, and looked through once for
// what would publish without a word: a template that no template calls
// (a page's "main" the layout no longer calls, text written outside
// {{define}}), and the site paths it links to, which lint checks against
// the files planned.

// ThemeLink is a site path a theme file links to as written, by rel
// ({{rel "/about/"}}) or in an attribute (href="/about/").
type ThemeLink struct {
	File string // the theme file, as the editor knows it: templates/layout.html
	Line int
	Path string
}

// ThemeID is an id a theme file gives a part of its pages as written
// (id="page-history"), which a heading of a body must not have too.
type ThemeID struct {
	File string // the theme file, as the editor knows it: templates/article.html
	Line int
	ID   string
	Page string // the page file it is in (article.html), on that kind of page alone; "" in a file every page may use
}

// On reports whether the id may be on the pages the page file page
// makes (article.html).
func (id ThemeID) On(page string) bool { return id.Page == "" || id.Page == page }

// attrID finds an id written whole in a theme's text.
var attrID = regexp.MustCompile(`(?:^|[\s"'])id\s*=\s*(?:"([^"]+)"|'([^']+)')`)

// attrPath finds a site path written whole in an href or src attribute
// of a theme's text: one slash, then not a second, which would name
// another host (//cdn.example/x.js).
var attrPath = regexp.MustCompile(`\b(?:href|src)\s*=\s*(?:"(/(?:[^/"][^"]*)?)"|'(/(?:[^/'][^']*)?)')`)

// look goes through the templates of every page of th, texts holding
// each file's text by name and defs the templates each defines, and
// gives the links its files write, the ids they give parts of pages, and
// a warning for each template no template calls. A template called by a
// name known only when the page is made (cached given a name that is not
// written as a string) may be any: then none is warned of.
func (th *theme) look(texts map[string]string, defs map[string][]namedDefinition) ([]ThemeLink, []ThemeID, content.Errors) {
	w := &walker{th: th, texts: texts, called: map[string]bool{layoutFile: true}, seen: map[*tparse.Tree]bool{}}
	for _, t := range append(slices.Collect(maps.Values(th.pages)), th.shared) {
		for _, each := range t.Templates() {
			if each.Tree != nil && !w.seen[each.Tree] {
				w.seen[each.Tree] = true
				w.node(each.Tree, each.Tree.Root)
			}
		}
	}
	var warnings content.Errors
	if !w.dynamic {
		warnings = append(th.uncalled(w.called, defs), th.stray(w.called, texts)...)
	}
	slices.SortFunc(w.links, func(a, b ThemeLink) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Path, b.Path))
	})
	slices.SortFunc(w.ids, func(a, b ThemeID) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.ID, b.ID))
	})
	return slices.Compact(w.links), slices.Compact(w.ids), warnings.ByPlace()
}

// uncalled warns of each template that files define and no template
// calls: once for a name that several page files define ("main", which
// the layout no longer calls).
func (th *theme) uncalled(called map[string]bool, defs map[string][]namedDefinition) content.Errors {
	where := map[string][]definition{}
	var names []string
	for _, file := range slices.Sorted(maps.Keys(defs)) {
		for _, d := range defs[file] {
			if !called[d.name] {
				if where[d.name] == nil {
					names = append(names, d.name)
				}
				where[d.name] = append(where[d.name], d.definition)
			}
		}
	}
	var out content.Errors
	for _, name := range names {
		d := where[name]
		msg := fmt.Sprintf("%q is defined but no template calls it, so it is never shown: call it ({{template %q .}}) where it belongs, or delete it", name, name)
		switch {
		case len(d) == len(pageFiles):
			msg = fmt.Sprintf("%q is defined by every page file but no template calls it, so every page shows %s alone: call it ({{template %q .}}) in %s where a page's content goes", name, layoutFile, name, layoutFile)
		case len(d) > 1:
			files := make([]string, len(d))
			for i, x := range d {
				files[i] = x.file
			}
			msg = fmt.Sprintf("%q is defined by %s but no template calls it, so what they define under it is never shown: call it ({{template %q .}}) from %s, or delete it", name, strings.Join(files, ", "), name, layoutFile)
		}
		out = append(out, &content.Error{File: th.dir + "/" + d[0].file, Line: d[0].line, Warning: true, Msg: msg})
	}
	return out
}

// stray warns of text written in a file outside its {{define}}s, which
// is shown only where the file is called by its name, when none calls
// it: the layout, which every page is made from, is not such a file.
func (th *theme) stray(called map[string]bool, texts map[string]string) content.Errors {
	var out content.Errors
	for _, file := range slices.Sorted(maps.Keys(texts)) {
		t := th.shared
		if th.pages[file] != nil {
			t = th.pages[file]
		}
		own := t.Lookup(file)
		if called[file] || own == nil || own.Tree == nil {
			continue
		}
		for _, n := range own.Tree.Root.Nodes {
			if text, ok := n.(*tparse.TextNode); ok && strings.TrimSpace(string(text.Text)) == "" {
				continue
			}
			if _, ok := n.(*tparse.CommentNode); ok {
				continue
			}
			text := texts[file]
			line := 1 + strings.Count(text[:min(int(n.Position()), len(text))], "\n") + leadingLines(n)
			advice := fmt.Sprintf("call the file by its name where it belongs ({{template %q .}}), or put the text inside a {{define}} that a page calls", file)
			if th.pages[file] != nil {
				advice = "put it inside a {{define}} that the page calls"
			}
			out = append(out, &content.Error{File: th.dir + "/" + file, Line: line, Warning: true,
				Msg: fmt.Sprintf("this text is outside every {{define}}, and no template calls %s by its name, so it is never shown: %s", file, advice)})
			break
		}
	}
	return out
}

// walker goes through a theme's templates for the templates they call
// and the site paths they link to.
type walker struct {
	th      *theme
	texts   map[string]string
	called  map[string]bool
	seen    map[*tparse.Tree]bool
	dynamic bool // a template is called by a name known only when the page is made
	links   []ThemeLink
	ids     []ThemeID
}

// node notes the templates n, a node of tree, calls and the links it
// writes.
func (w *walker) node(tree *tparse.Tree, n tparse.Node) {
	switch n := n.(type) {
	case *tparse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.node(tree, c)
		}
	case *tparse.TextNode:
		for _, m := range attrID.FindAllSubmatchIndex(n.Text, -1) {
			at, end := quoted(m)
			w.id(tree, int(n.Pos)+at, string(n.Text[at:end]))
		}
		for _, m := range attrPath.FindAllSubmatchIndex(n.Text, -1) {
			at, end := quoted(m)
			w.link(tree, int(n.Pos)+at, string(n.Text[at:end]))
		}
	case *tparse.ActionNode:
		w.pipe(tree, n.Pipe)
	case *tparse.IfNode:
		w.branch(tree, &n.BranchNode)
	case *tparse.RangeNode:
		w.branch(tree, &n.BranchNode)
	case *tparse.WithNode:
		w.branch(tree, &n.BranchNode)
	case *tparse.TemplateNode:
		w.pipe(tree, n.Pipe)
		w.called[n.Name] = true
	}
}

func (w *walker) branch(tree *tparse.Tree, b *tparse.BranchNode) {
	w.pipe(tree, b.Pipe)
	w.node(tree, b.List)
	if b.ElseList != nil {
		w.node(tree, b.ElseList)
	}
}

// pipe notes the templates cached calls in p, and the paths rel is
// given as written.
func (w *walker) pipe(tree *tparse.Tree, p *tparse.PipeNode) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, arg := range c.Args {
			if sub, ok := arg.(*tparse.PipeNode); ok {
				w.pipe(tree, sub)
			}
		}
		if len(c.Args) < 2 {
			continue
		}
		fn, ok := c.Args[0].(*tparse.IdentifierNode)
		if !ok {
			continue
		}
		s, literal := c.Args[1].(*tparse.StringNode)
		switch {
		case fn.Ident == "cached" && literal:
			w.called[s.Text] = true
		case fn.Ident == "cached":
			w.dynamic = true
		case fn.Ident == "rel" && literal && strings.HasPrefix(s.Text, "/") && !strings.HasPrefix(s.Text, "//"):
			w.link(tree, int(s.Pos), s.Text)
		}
	}
}

// quoted gives where the value an attribute's match m holds starts and
// ends: in its first group, double quoted, or else its second, single.
func quoted(m []int) (at, end int) {
	if m[2] < 0 {
		return m[4], m[5]
	}
	return m[2], m[3]
}

// line gives the line of the byte pos of tree's file, and the file.
func (w *walker) line(tree *tparse.Tree, pos int) (file string, line int, ok bool) {
	file = tree.ParseName
	text := w.texts[file]
	if pos > len(text) {
		return file, 0, false
	}
	return file, 1 + strings.Count(text[:pos], "\n"), true
}

// link notes a link to path written at the byte pos of tree's file.
func (w *walker) link(tree *tparse.Tree, pos int, path string) {
	if file, line, ok := w.line(tree, pos); ok {
		w.links = append(w.links, ThemeLink{File: w.th.dir + "/" + file, Line: line, Path: path})
	}
}

// id notes an id written at the byte pos of tree's file, on the pages of
// that file where it is a page file.
func (w *walker) id(tree *tparse.Tree, pos int, id string) {
	file, line, ok := w.line(tree, pos)
	if !ok {
		return
	}
	page := ""
	if slices.Contains(pageFiles, file) {
		page = file
	}
	w.ids = append(w.ids, ThemeID{File: w.th.dir + "/" + file, Line: line, ID: id, Page: page})
}

// leadingLines counts the blank lines a text node begins with, so that
// its line is that of its first word.
func leadingLines(n tparse.Node) int {
	text, ok := n.(*tparse.TextNode)
	if !ok {
		return 0
	}
	s := string(text.Text)
	return strings.Count(s[:len(s)-len(strings.TrimLeft(s, " \t\r\n"))], "\n")
}
