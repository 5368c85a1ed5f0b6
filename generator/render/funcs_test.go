package render

import (
	"html/template"
	"net/url"
	"testing"
)

// TestBodyBelowBasePath roots an article's site links below the base
// URL's path as a link writes it: a quote in the path is escaped, never
// closing the attribute, and a $ in it is written as it is.
func TestBodyBelowBasePath(t *testing.T) {
	for _, tt := range []struct{ base, want string }{
		{"https://ex.org/bulletin/", `<a href="/bulletin/x/">x</a><img src="/bulletin/c.png">`},
		{`https://ex.org/"onerror="alert(1)/`, `<a href="/%22onerror=%22alert%281%29/x/">x</a><img src="/%22onerror=%22alert%281%29/c.png">`},
		{"https://ex.org/$1x/", `<a href="/$1x/x/">x</a><img src="/$1x/c.png">`},
		{"https://ex.org/a%3Fb/", `<a href="/a%3Fb/x/">x</a><img src="/a%3Fb/c.png">`},
	} {
		base, err := url.Parse(tt.base)
		if err != nil {
			t.Fatal(err)
		}
		body := funcs(base.EscapedPath())["body"].(func(string) template.HTML)
		if got := string(body(`<a href="/x/">x</a><img src="/c.png">`)); got != tt.want {
			t.Errorf("base %s: got %s, want %s", tt.base, got, tt.want)
		}
	}
}
