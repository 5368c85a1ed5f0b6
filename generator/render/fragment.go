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
// value on a list made soon after. It suits a template whose output
// depends on its value alone, as the teaser, made for an article, does.
// A key given after the value stands for it, for a value that cannot be
// a key itself or that holds more than the template shows:
// {{cached "feed-links" .SiteFeeds "site"}}.
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
