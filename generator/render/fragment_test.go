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
		{"keys stand for the value", `{{range .}}{{cached "item" . "one key"}}{{end}}`, []*item{{"a"}, {"b"}}, `<b>a</b><b>a</b>`, ""},
		{"a value that cannot be a key", `{{cached "item" .}}`, []item{{"a"}}, "", "cannot be a key"},
		{"two keys", `{{cached "item" . 1 2}}`, &item{"a"}, "", "at most one key"},
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
