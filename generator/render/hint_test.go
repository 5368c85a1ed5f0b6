package render

import (
	"strings"
	"testing"
)

// TestHint adds to Go's template errors what the theme may have meant.
func TestHint(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string // how the hint starts; "" for none
	}{
		{"can't evaluate field Autors in type *site.Article", ": did you mean .Authors?"},
		{"can't evaluate field Sumary in type *site.Teaser", ": did you mean .Summary?"},
		{"can't evaluate field Steps in type *site.Group", ": a *site.Group has Articles, "},
		{"can't evaluate field Nme in type site.Ref", ": did you mean .Name?"},
		{"can't evaluate field X in type *other.Thing", ""},
		{`function "plurl" not defined`, ": did you mean plural?"},
		{`function "upper" not defined`, ": the functions are body, cached, date, "},
		{`template: byline.html:1:3: executing "byline" at <.Withdrawn.Explanation>: nil pointer evaluating *content.Withdrawal.Explanation`, ": .Withdrawn is empty on these pages: write {{with .Withdrawn}}{{.Explanation}}{{end}}"},
		{`executing "x" at <.Article.Newer.Title>: nil pointer evaluating *site.Teaser.Title`, ": .Article.Newer is empty on these pages: write {{with .Article.Newer}}{{.Title}}{{end}}"},
		{`executing "x" at <.Article.Withdrawn.Explanation>: nil pointer evaluating *site.Article.Withdrawn`, ": .Article is empty on these pages: write {{with .Article}}{{.Withdrawn.Explanation}}{{end}}"},
		{`executing "x" at <$.Article.Newer.Title>: nil pointer evaluating *site.Teaser.Title`, ": $.Article.Newer is empty on these pages: write {{with $.Article.Newer}}{{.Title}}{{end}}"},
		{"unexpected EOF", ""},
	} {
		got := hint(tt.text)
		if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
			t.Errorf("hint(%q) = %q, want it to start %q", tt.text, got, tt.want)
		}
	}
}
