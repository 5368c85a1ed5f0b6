package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// fragments renders a named template of one page file once per build for
// each value it is given, as the template function cached:
// {{cached "teaser" .}} shows the same HTML as {{template "teaser" .}},
// made the first time an article is listed and reused on every other
// list. It suits a template whose output depends on its value alone, as
// the teaser, made for an article, does. A key given after the value
// stands for it, for a value that cannot be a key itself or that holds
// more than the template shows: {{cached "feed-links" .SiteFeeds "site"}}.
type fragments struct {
	t    *template.Template
	done sync.Map // fragmentKey → template.HTML
}

type fragmentKey struct {
	name string
	key  any
}

func newFragments(t *template.Template) *fragments { return &fragments{t: t} }

func (f *fragments) render(name string, v any, keys ...any) (template.HTML, error) {
	var key any = v
	switch len(keys) {
	case 0:
	case 1:
		key = keys[0]
	default:
		return "", fmt.Errorf("cached %q: give at most one key after the value", name)
	}
	if key != nil && !reflect.TypeOf(key).Comparable() {
		return "", fmt.Errorf("cached %q: a %T cannot be a key: give a pointer, a string or a number, or keys after the value", name, key)
	}
	k := fragmentKey{name, key}
	if html, ok := f.done.Load(k); ok {
		return html.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := f.t.ExecuteTemplate(&buf, name, v); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	f.done.Store(k, html)
	return html, nil
}
