package render

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/theme.md from the code")

// referenceFile is the theme authors' reference to page data, made from
// the code by TestThemeReference.
const referenceFile = "../../docs/theme.md"

// TestThemeReference wants docs/theme.md to list every field and method
// a template may use, of every type page data holds, with the comment
// the code gives it: a field added, renamed or removed fails this test
// until -update writes the reference again.
func TestThemeReference(t *testing.T) {
	got := themeReference(t)
	if *update {
		if err := os.WriteFile(referenceFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s is not as the code is: run go test ./generator/render -run TestThemeReference -update and review the diff", referenceFile)
	}
}

// themeReference writes the reference: each type reachable from a Page
// and a Masthead, in the order first met, with its fields and methods.
func themeReference(t *testing.T) string {
	t.Helper()
	docs := docComments(t, ".", "../site", "../content", "../diff")
	var b strings.Builder
	b.WriteString(`# Theme reference

Every page template gets a [render.Page](#renderpage) as its dot; the masthead, made once for each
kind of page, gets a [render.Masthead](#rendermasthead). Below is every type they hold, with each
field and method a template may use (` + "`{{.Article.Title}}`" + `, ` + "`{{.JSONLD}}`" + `) and what the code says of
it. Types of Go's own (time.Time, html/template.HTML) are as Go documents them. This file is made
from the code: ` + "`go test ./generator/render -run TestThemeReference -update`" + ` writes it again.
`)
	seen := map[reflect.Type]bool{}
	queue := []reflect.Type{reflect.TypeFor[Page](), reflect.TypeFor[Masthead]()}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if seen[st] {
			continue
		}
		seen[st] = true
		name := typeName(st)
		fmt.Fprintf(&b, "\n## %s\n\n", name)
		if d := docs[name]; d != "" {
			b.WriteString(d + "\n\n")
		}
		b.WriteString("| field | type | |\n| --- | --- | --- |\n")
		for i := range st.NumField() {
			f := st.Field(i)
			if !f.IsExported() {
				continue
			}
			doc := docs[name+"."+f.Name]
			if f.Anonymous {
				doc = strings.TrimSpace("Embedded: its fields are this type's too, but for any this type has by the same name. " + doc)
			}
			fmt.Fprintf(&b, "| `.%s` | %s | %s |\n", f.Name, markdownType(f.Type), strings.ReplaceAll(doc, "|", `\|`))
			queue = append(queue, ourStructs(f.Type)...)
		}
		pt := reflect.PointerTo(st)
		var methods []string
		for i := range pt.NumMethod() {
			m := pt.Method(i)
			doc, ok := docs[name+"."+m.Name]
			if !ok || m.Type.NumOut() == 0 {
				continue // not this module's, or nothing a template can show
			}
			methods = append(methods, fmt.Sprintf("- `.%s`: %s", signature(m), doc))
			for j := range m.Type.NumOut() {
				queue = append(queue, ourStructs(m.Type.Out(j))...)
			}
		}
		if len(methods) > 0 {
			b.WriteString("\nMethods:\n\n" + strings.Join(methods, "\n") + "\n")
		}
	}
	return b.String()
}

// signature is how a template calls the method m: its name, then the
// types of the arguments it takes, if any (.Abs string).
func signature(m reflect.Method) string {
	out := m.Name
	for i := 1; i < m.Type.NumIn(); i++ { // after the receiver
		out += " " + m.Type.In(i).String()
	}
	return out
}

// ourStructs are the struct types of this module that t is or holds.
func ourStructs(t reflect.Type) []reflect.Type {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return ourStructs(t.Elem())
	case reflect.Map:
		return append(ourStructs(t.Key()), ourStructs(t.Elem())...)
	case reflect.Struct:
		if strings.HasPrefix(t.PkgPath(), "bulletin/") {
			return []reflect.Type{t}
		}
	}
	return nil
}

// typeName is a struct type's name as its package calls it: site.Article.
func typeName(t reflect.Type) string {
	return filepath.Base(t.PkgPath()) + "." + t.Name()
}

// markdownType writes t, linking this module's struct types to their
// section.
func markdownType(t reflect.Type) string {
	var prefix string
	for done := false; !done; {
		switch t.Kind() {
		case reflect.Pointer:
			prefix, t = prefix+"*", t.Elem()
		case reflect.Slice:
			prefix, t = prefix+"[]", t.Elem()
		case reflect.Map:
			prefix, t = prefix+"map["+t.Key().String()+"]", t.Elem()
		default:
			done = true
		}
	}
	if t.Kind() != reflect.Struct || !strings.HasPrefix(t.PkgPath(), "bulletin/") {
		return "`" + prefix + t.String() + "`"
	}
	name := typeName(t)
	link := fmt.Sprintf("[%s](#%s)", name, strings.ToLower(strings.ReplaceAll(name, ".", "")))
	if prefix == "" {
		return link
	}
	return "`" + prefix + "`" + link
}

// docComments gives the comments of the types, struct fields and methods
// of the packages in dirs, by pkg.Type and pkg.Type.Name, each on one
// line.
func docComments(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			pkg := f.Name.Name
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						ts, ok := spec.(*ast.TypeSpec)
						if !ok {
							continue
						}
						doc := ts.Doc
						if doc == nil && len(d.Specs) == 1 {
							doc = d.Doc
						}
						out[pkg+"."+ts.Name.Name] = oneLine(doc)
						st, ok := ts.Type.(*ast.StructType)
						if !ok {
							continue
						}
						for _, field := range st.Fields.List {
							doc := oneLine(field.Doc)
							if doc == "" {
								doc = oneLine(field.Comment)
							}
							for _, n := range field.Names {
								out[pkg+"."+ts.Name.Name+"."+n.Name] = doc
							}
							if len(field.Names) == 0 {
								out[pkg+"."+ts.Name.Name+"."+embeddedName(field.Type)] = doc
							}
						}
					}
				case *ast.FuncDecl:
					if d.Recv == nil || len(d.Recv.List) != 1 || !d.Name.IsExported() {
						continue
					}
					out[pkg+"."+embeddedName(d.Recv.List[0].Type)+"."+d.Name.Name] = oneLine(d.Doc)
				}
			}
		}
	}
	return out
}

// embeddedName is the name of a type written as *T, T or pkg.T.
func embeddedName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return embeddedName(x.X)
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.Ident:
		return x.Name
	}
	return ""
}

// oneLine is a comment's text on one line.
func oneLine(c *ast.CommentGroup) string {
	return strings.Join(strings.Fields(c.Text()), " ")
}
