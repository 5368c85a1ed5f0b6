package render

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"bulletin/generator/content"
)

// A template that names a field or a function no page has fails with Go's
// words; hint adds what it may have meant, from the types page data holds
// and the functions a theme has.

var (
	unknownField = regexp.MustCompile(`can't evaluate field (\w+) in type (\S+)$`)
	unknownFunc  = regexp.MustCompile(`function "([^"]+)" not defined$`)
	nilField     = regexp.MustCompile(`at <(\$?)\.([\w.]+)>: nil pointer evaluating \S+?\.(\w+)$`)
)

// builtins are the functions every Go template has.
var builtins = []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice", "urlquery"}

// hugoFuncs say what to write for the functions of Hugo's templates
// that a theme's author is most likely to reach for.
var hugoFuncs = map[string]string{
	"partial":       `a piece shared by pages is a template: {{template "name" .}}, defined in partials.html or a file of its own at the top of templates/`,
	"partialCached": `{{cached "name" .}} shows the template "name" for a value, made once for it`,
	"safeHTML":      "only an article's HTML is marked as safe, with body ({{body .Body}}): other text is escaped",
	"delimit":       `join joins a list of strings: {{join .Authors ", "}}`,
	"dateFormat":    "date writes a date as 2 January 2006, datetime as RFC 3339",
	"relURL":        `rel gives a site path as a link: {{rel "/about/"}}`,
	"absURL":        `rel gives a site path as a link: {{rel "/about/"}}; .Canonical is a page's full address`,
	"relLangURL":    `rel gives a site path as a link: {{rel "/about/"}}`,
	"default":       "write {{with .X}}{{.}}{{else}}the default{{end}}",
	"now":           "pages carry no clock, so that two builds of the same content give the same bytes: show the dates of the content",
	"markdownify":   "an article's body is Markdown made HTML, shown with {{body .Body}}; other fields are text",
	"i18n":          "the theme's words are written in its templates: there are no translation tables",
	"T":             "the theme's words are written in its templates: there are no translation tables",
}

// hint is what to add to a template error's text: the field or function
// it may have meant, else those there are, or how to show a field of a
// value some pages lack; "" for another error.
func hint(text string) string {
	if m := unknownField.FindStringSubmatch(text); m != nil {
		names, ok := pageTypes()[m[2]]
		if !ok {
			return ""
		}
		if near := content.Closest(m[1], names); near != "" {
			return fmt.Sprintf(": did you mean .%s?", near)
		}
		return fmt.Sprintf(": a %s has %s", m[2], strings.Join(names, ", "))
	}
	if m := nilField.FindStringSubmatch(text); m != nil {
		// Go names the field it could not read of the empty value: what
		// stands before it in the chain is what is empty.
		parts := strings.Split(m[2], ".")
		if i := slices.Index(parts, m[3]); i > 0 {
			empty, rest := m[1]+"."+strings.Join(parts[:i], "."), "."+strings.Join(parts[i:], ".")
			return fmt.Sprintf(": %s is empty on these pages: write {{with %s}}{{%s}}{{end}}", empty, empty, rest)
		}
	}
	if m := unknownFunc.FindStringSubmatch(text); m != nil {
		if instead, ok := hugoFuncs[m[1]]; ok {
			return ": " + instead
		}
		names := slices.Concat(slices.Sorted(maps.Keys(funcs("/"))), builtins)
		if near := content.Closest(m[1], names); near != "" {
			return fmt.Sprintf(": did you mean %s?", near)
		}
		return ": the functions are " + strings.Join(names, ", ")
	}
	return ""
}

// pageTypes gives the fields and methods a template may use of each type
// that page data holds, by its name as Go's template errors write it
// (*site.Article, site.Ref).
var pageTypes = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
			return
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if _, done := out[t.String()]; done {
			return
		}
		var names []string
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				names = append(names, f.Name)
			}
		}
		out[t.String()] = names // before the fields are followed, which may lead back
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				walk(f.Type)
			}
		}
		pt := reflect.PointerTo(t)
		for i := range pt.NumMethod() {
			names = append(names, pt.Method(i).Name)
		}
		slices.Sort(names)
		names = slices.Compact(names)
		out[t.String()], out[pt.String()] = names, names
	}
	walk(reflect.TypeFor[Page]())
	walk(reflect.TypeFor[Masthead]())
	return out
})
