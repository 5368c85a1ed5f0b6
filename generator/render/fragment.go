package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// fragments renders a named template of one page file for a value, as
// the template function cached: {{cached "teaser" .}} shows the same
// HTML as {{template "teaser" .}}, and reuses what it made for the same
// value on a list made soon after. The value is the key, and all the
// template sees, so that what one page made can never show on another
// page what only the first page had: a pointer, such as an article's
// teaser, a string, a number, or a small struct of them, such as the
// masthead's (see Page.Masthead).
//
// It keeps what it made lately, not all of it, so that its memory does
// not grow with the site: fragments made or used since the last
// keepBytes of new HTML, and those of the keepBytes before. Lists are
// made newest first (see jobs), so the lists that show an article come
// close together, and its teaser is mostly made once.
type fragments struct {
	t *template.Template

	mu         sync.Mutex
	young, old map[fragmentKey]template.HTML
	size       int // bytes of HTML in young
	keep       int // bytes of HTML young hold before they become old
}

type fragmentKey struct {
	name string
	key  any
}

// keepBytes is how much new HTML fragments keep before they let the
// oldest go: about 10,000 teasers, a few years of a busy bulletin.
const keepBytes = 16 << 20

func newFragments(t *template.Template) *fragments {
	return &fragments{t: t, young: map[fragmentKey]template.HTML{}, keep: keepBytes}
}

func (f *fragments) render(name string, v any, keys ...any) (template.HTML, error) {
	if len(keys) > 0 {
		return "", fmt.Errorf("cached %q: give the value alone, which is the key and all the template sees, such as {{cached \"masthead\" .Masthead}}: a key given beside it would let one page's fragment show on another", name)
	}
	if v != nil && !reflect.TypeOf(v).Comparable() {
		return "", fmt.Errorf("cached %q: a %T cannot be a key: give a pointer, a string, a number or a small struct of them", name, v)
	}
	k := fragmentKey{name, v}
	if html, ok := f.load(k); ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := f.t.ExecuteTemplate(&buf, name, v); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	f.store(k, html)
	return html, nil
}

// load gives the fragment kept for k, keeping it young.
func (f *fragments) load(k fragmentKey) (template.HTML, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if html, ok := f.young[k]; ok {
		return html, true
	}
	html, ok := f.old[k]
	if ok {
		f.add(k, html)
	}
	return html, ok
}

func (f *fragments) store(k fragmentKey, html template.HTML) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.add(k, html)
}

// add keeps html as young; once the young hold f.keep bytes they become
// the old, and the old before them go.
func (f *fragments) add(k fragmentKey, html template.HTML) {
	if _, ok := f.young[k]; ok {
		return
	}
	f.young[k] = html
	f.size += len(html)
	if f.size >= f.keep {
		f.old, f.young, f.size = f.young, map[fragmentKey]template.HTML{}, 0
	}
}
