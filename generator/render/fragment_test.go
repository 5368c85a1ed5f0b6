package render

import (
	"html/template"
	"strings"
	"testing"
)

func TestCached(t *testing.T) {
	type item struct{ Name string }
	tests := []struct {
		name    string
		body    string
		data    any
		want    string
		wantErr string
	}{
		{"same as template", `{{cached "item" .}}|{{template "item" .}}`, &item{"a<b"}, `<b>a&lt;b</b>|<b>a&lt;b</b>`, ""},
		{"made once per value", `{{range .}}{{cached "count" .}}{{end}}`, []*item{{"a"}, {"b"}}, `12`, ""},
		{"reused for the same value", `{{range .}}{{cached "count" .}}{{end}}`, func() []*item { a := &item{"a"}; return []*item{a, a} }(), `11`, ""},
		{"a small struct is its own key", `{{range .}}{{cached "item" .}}{{end}}`, []item{{"a"}, {"b"}, {"a"}}, `<b>a</b><b>b</b><b>a</b>`, ""},
		{"a value that cannot be a key", `{{cached "item" .}}`, []item{{"a"}}, "", "cannot be a key"},
		{"a key beside the value", `{{range .}}{{cached "item" . "one key"}}{{end}}`, []*item{{"a"}, {"b"}}, "", "give the value alone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			tpl := template.New("page").Funcs(template.FuncMap{"cached": func(string, any, ...any) (template.HTML, error) { return "", nil }, "count": func() int { n++; return n }})
			template.Must(tpl.Parse(`{{define "item"}}<b>{{.Name}}</b>{{end}}{{define "count"}}{{count}}{{end}}`))
			tpl.Funcs(template.FuncMap{"cached": newFragments(tpl).render})
			template.Must(tpl.New("body").Parse(tt.body))
			var b strings.Builder
			err := tpl.ExecuteTemplate(&b, "body", tt.data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCachedForgetsOldFragments checks that fragments keep only what
// they made lately, and make again what they let go the same as before.
func TestCachedForgetsOldFragments(t *testing.T) {
	type item struct{ Name string }
	made := map[*item]int{}
	tpl := template.New("page").Funcs(template.FuncMap{"made": func(i *item) string { made[i]++; return i.Name }})
	template.Must(tpl.Parse(`{{define "item"}}<b>{{made .}}</b>{{end}}`))
	f := newFragments(tpl)
	f.keep = 100 // bytes: ten fragments of ten
	items := make([]*item, 40)
	for i := range items {
		items[i] = &item{Name: strings.Repeat("x", 3)}
	}
	render := func(i *item) {
		t.Helper()
		html, err := f.render("item", i)
		if err != nil {
			t.Fatal(err)
		}
		if html != "<b>xxx</b>" {
			t.Fatalf("got %q", html)
		}
	}
	render(items[0])
	for _, i := range items[1:5] {
		render(i)
	}
	render(items[0])
	if made[items[0]] != 1 {
		t.Errorf("a fragment used again soon was made %d times, want 1", made[items[0]])
	}
	for _, i := range items[5:] {
		render(i)
	}
	if n := len(f.young) + len(f.old); n > 20 {
		t.Errorf("%d fragments kept, want at most 20", n)
	}
	render(items[0])
	if made[items[0]] != 2 {
		t.Errorf("a fragment let go was made %d times in all, want 2", made[items[0]])
	}
}
