package render

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	tparse "text/template/parse"

	"bulletin/generator/content"
)

// A field a template names that its value has not fails only on a page
// that takes that branch: {{.Explanatoin}} inside {{with .Withdrawn}}
// passes every build until an editor withdraws an article. typeCheck
// follows each page file's templates from the layout, knowing the type
// of dot and of each variable, through {{with}}, {{range}}, {{template}}
// and cached, and tells each field or method that its type lacks, as
// the build would tell it on the page that shows it. Where a type is not
// known (a function's value of any type, a variable given another
// value), it checks nothing below it rather than guess.

// typeWalker follows the templates of one theme.
type typeWalker struct {
	th     *theme
	funcs  template.FuncMap
	seen   map[string]bool // page file's set, template name and the type of dot, walked
	told   map[content.Error]bool
	found  content.Errors
	params map[ThemeParam]bool
	// whole is set where a template reads every one of the theme's own
	// settings: it ranges over them, or names one by a variable.
	whole bool
}

// ThemeParam is one of the theme's own settings (site.yaml's params) a
// template asks for by name, where it asks: {{.Site.Settings.Params.name}},
// through a variable or {{with}} too, or {{index $params "name"}}.
type ThemeParam struct {
	Name string
	File string // the theme file, as the editor knows it: templates/layout.html
	Line int
}

var paramsType = reflect.TypeFor[content.Params]()

// typeCheck gives the fields and methods the theme's templates name on
// values whose type lacks them, and keeps the names they ask the
// theme's own settings for in th.params, and whether they read every one
// in th.paramsWhole.
func (th *theme) typeCheck() content.Errors {
	w := &typeWalker{th: th, funcs: funcs("/"), seen: map[string]bool{}, told: map[content.Error]bool{}, params: map[ThemeParam]bool{}}
	for _, name := range pageFiles {
		if th.pages[name] != nil { // nil: a page file that could not be read
			w.template(th.pages[name], layoutFile, reflect.TypeFor[*Page]())
		}
	}
	th.params = slices.SortedFunc(maps.Keys(w.params), func(a, b ThemeParam) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Name, b.Name))
	})
	th.paramsWhole = w.whole
	return w.found
}

// scope is where a template's variables are declared: the template, or
// a {{with}}, {{range}} or {{if}} inside it.
type scope struct {
	dot    reflect.Type // nil when not known
	vars   map[string]reflect.Type
	parent *scope
}

func (s *scope) inner(dot reflect.Type) *scope {
	return &scope{dot: dot, vars: map[string]reflect.Type{}, parent: s}
}

func (s *scope) lookup(name string) reflect.Type {
	for ; s != nil; s = s.parent {
		if t, ok := s.vars[name]; ok {
			return t
		}
	}
	return nil
}

// assign gives a variable another value, whose type may differ by the
// branch taken: from here on it is not known.
func (s *scope) assign(name string) {
	for ; s != nil; s = s.parent {
		if _, ok := s.vars[name]; ok {
			s.vars[name] = nil
			return
		}
	}
}

// template walks the template name of set with dot of type dot.
func (w *typeWalker) template(set *template.Template, name string, dot reflect.Type) {
	key := fmt.Sprintf("%p\x00%s\x00%s", set, name, dot)
	if dot == nil || w.seen[key] {
		return
	}
	w.seen[key] = true
	t := set.Lookup(name)
	if t == nil || t.Tree == nil {
		return
	}
	root := &scope{dot: dot, vars: map[string]reflect.Type{"$": dot}}
	w.list(set, t.Tree, t.Tree.Root, root)
}

func (w *typeWalker) list(set *template.Template, tree *tparse.Tree, l *tparse.ListNode, s *scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *tparse.ActionNode:
			w.pipe(set, tree, n.Pipe, s)
		case *tparse.IfNode:
			in := s.inner(s.dot)
			w.pipe(set, tree, n.Pipe, in)
			w.list(set, tree, n.List, in)
			w.list(set, tree, n.ElseList, s.inner(s.dot))
		case *tparse.WithNode:
			in := s.inner(s.dot)
			in.dot = w.pipe(set, tree, n.Pipe, in)
			w.list(set, tree, n.List, in)
			w.list(set, tree, n.ElseList, s.inner(s.dot))
		case *tparse.RangeNode:
			in := s.inner(s.dot)
			over := w.pipe(set, tree, n.Pipe, in)
			if deref(over) == paramsType {
				w.whole = true
			}
			key, elem := ranged(over)
			in.dot = elem
			switch decl := n.Pipe.Decl; len(decl) {
			case 1:
				in.vars[decl[0].Ident[0]] = elem
			case 2:
				in.vars[decl[0].Ident[0]], in.vars[decl[1].Ident[0]] = key, elem
			}
			w.list(set, tree, n.List, in)
			w.list(set, tree, n.ElseList, s.inner(s.dot))
		case *tparse.TemplateNode:
			var arg reflect.Type
			if n.Pipe != nil {
				arg = w.pipe(set, tree, n.Pipe, s)
			}
			w.template(set, n.Name, arg)
		}
	}
}

// pipe checks a pipeline and gives the type of its value, declaring or
// assigning its variables; nil when not known.
func (w *typeWalker) pipe(set *template.Template, tree *tparse.Tree, p *tparse.PipeNode, s *scope) reflect.Type {
	if p == nil {
		return nil
	}
	var t reflect.Type
	for i, c := range p.Cmds {
		t = w.command(set, tree, c, s, t, i > 0)
	}
	for _, v := range p.Decl {
		if p.IsAssign {
			s.assign(v.Ident[0])
		} else if len(p.Decl) == 1 {
			s.vars[v.Ident[0]] = t
		}
	}
	return t
}

// command checks a command and gives the type of its value; prev is the
// value a pipeline passes it, when piped.
func (w *typeWalker) command(set *template.Template, tree *tparse.Tree, c *tparse.CommandNode, s *scope, prev reflect.Type, piped bool) reflect.Type {
	fn, ok := c.Args[0].(*tparse.IdentifierNode)
	if !ok {
		for _, a := range c.Args[1:] {
			w.arg(set, tree, a, s)
		}
		return w.arg(set, tree, c.Args[0], s)
	}
	var args []reflect.Type
	for _, a := range c.Args[1:] {
		args = append(args, w.arg(set, tree, a, s))
	}
	if piped {
		args = append(args, prev)
	}
	if fn.Ident == "index" && len(c.Args) == 3 && deref(args[0]) == paramsType {
		if name, ok := c.Args[2].(*tparse.StringNode); ok {
			w.param(tree, c.Args[2], name.Text)
		} else {
			w.whole = true
		}
	}
	if fn.Ident == "cached" && len(c.Args) == 3 {
		if name, ok := c.Args[1].(*tparse.StringNode); ok {
			w.template(set, name.Text, args[1])
		}
	}
	return w.result(fn.Ident, args)
}

// arg checks one argument and gives its type.
func (w *typeWalker) arg(set *template.Template, tree *tparse.Tree, n tparse.Node, s *scope) reflect.Type {
	switch n := n.(type) {
	case *tparse.DotNode:
		return s.dot
	case *tparse.FieldNode:
		return w.fields(tree, n, s.dot, n.Ident)
	case *tparse.VariableNode:
		return w.fields(tree, n, s.lookup(n.Ident[0]), n.Ident[1:])
	case *tparse.ChainNode:
		return w.fields(tree, n, w.arg(set, tree, n.Node, s), n.Field)
	case *tparse.PipeNode:
		return w.pipe(set, tree, n, s.inner(s.dot))
	case *tparse.IdentifierNode:
		return w.result(n.Ident, nil)
	case *tparse.StringNode:
		return reflect.TypeFor[string]()
	case *tparse.BoolNode:
		return reflect.TypeFor[bool]()
	}
	return nil
}

// fields follows names from a value of type t, telling the first its
// type lacks, at node n.
func (w *typeWalker) fields(tree *tparse.Tree, n tparse.Node, t reflect.Type, names []string) reflect.Type {
	for _, name := range names {
		if t == nil {
			return nil
		}
		if deref(t) == paramsType {
			w.param(tree, n, name)
		}
		next, ok := member(t, name)
		if !ok {
			w.tell(tree, n, name, t)
			return nil
		}
		t = next
	}
	return t
}

// member gives the type of the field or method name of a value of type
// t, nil when not known; false when t has no such member.
func member(t reflect.Type, name string) (reflect.Type, bool) {
	if t.Kind() == reflect.Interface {
		return nil, true
	}
	for _, m := range []reflect.Type{t, reflect.PointerTo(t)} {
		if method, ok := m.MethodByName(name); ok {
			if method.Type.NumOut() == 0 {
				return nil, true
			}
			return known(method.Type.Out(0)), true
		}
	}
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch base.Kind() {
	case reflect.Struct:
		if f, ok := base.FieldByName(name); ok && f.IsExported() {
			return known(f.Type), true
		}
	case reflect.Map:
		if base.Key().Kind() == reflect.String {
			return known(base.Elem()), true
		}
	case reflect.Interface:
		return nil, true
	}
	return nil, false
}

// result gives the type of what the function fn returns, given
// arguments of types args; nil when not known.
func (w *typeWalker) result(fn string, args []reflect.Type) reflect.Type {
	switch fn {
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeFor[bool]()
	case "len":
		return reflect.TypeFor[int]()
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeFor[string]()
	case "index":
		if len(args) == 2 && args[0] != nil {
			if _, elem := ranged(args[0]); elem != nil && deref(args[0]).Kind() != reflect.Int {
				return elem
			}
		}
		return nil
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
		return nil
	}
	if f, ok := w.funcs[fn]; ok {
		if t := reflect.TypeOf(f); t.Kind() == reflect.Func && t.NumOut() > 0 {
			return known(t.Out(0))
		}
	}
	return nil
}

// known is t, or nil for an interface, whose values may be of any type.
func known(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Interface {
		return nil
	}
	return t
}

// deref is t less its pointers, nil for nil.
func deref(t reflect.Type) reflect.Type {
	if t == nil {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// ranged gives the types of the keys and elements {{range}} gives over
// a value of type t; nil when not known.
func ranged(t reflect.Type) (key, elem reflect.Type) {
	t = deref(t)
	if t == nil {
		return nil, nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return reflect.TypeFor[int](), known(t.Elem())
	case reflect.Map:
		return known(t.Key()), known(t.Elem())
	case reflect.Int:
		return nil, t
	}
	return nil, nil
}

// param keeps that the template asks the theme's own settings for name,
// at node n of tree.
func (w *typeWalker) param(tree *tparse.Tree, n tparse.Node, name string) {
	file, line := w.place(tree, n)
	w.params[ThemeParam{Name: name, File: file, Line: line}] = true
}

// place gives the theme file, as the editor knows it, and the line of
// node n of tree.
func (w *typeWalker) place(tree *tparse.Tree, n tparse.Node) (string, int) {
	location, _ := tree.ErrorContext(n)
	file, rest, _ := strings.Cut(location, ":")
	lineText, _, _ := strings.Cut(rest, ":")
	line, _ := strconv.Atoi(lineText)
	return w.th.dir + "/" + file, line
}

// tell reports that a value of type t has no field or method name, at
// node n of tree, once.
func (w *typeWalker) tell(tree *tparse.Tree, n tparse.Node, name string, t reflect.Type) {
	file, line := w.place(tree, n)
	text := fmt.Sprintf("can't evaluate field %s in type %s", name, t)
	more := hint(text)
	if t == reflect.TypeFor[Masthead]() {
		more = ": the masthead is made once for each kind of page, and sees only .Site and .Kind"
	}
	e := content.Error{File: file, Line: line, Msg: text + ", on the pages that reach it" + more}
	if !w.told[e] {
		w.told[e] = true
		w.found = append(w.found, &e)
	}
}
