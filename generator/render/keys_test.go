package render

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// keySink records each keyed file's key and bytes, and never reuses, so
// every file is made and its key can be checked against its bytes.
type keySink struct {
	memSink
	mu   sync.Mutex
	keys map[string]string
}

func (k *keySink) Reuse(string, string) bool { return false }

func (k *keySink) WriteKeyed(name, key string, data []byte) error {
	k.mu.Lock()
	k.keys[name] = key
	k.mu.Unlock()
	return k.Write(name, data)
}

func buildKeyed(t *testing.T, set *content.Set) *keySink {
	t.Helper()
	s, err := site.New(set, buildDay)
	if err != nil {
		t.Fatalf("site.New: %v", err)
	}
	sink := &keySink{memSink: memSink{files: map[string][]byte{}}, keys: map[string]string{}}
	if err := Site(os.DirFS(filepath.Join(moduleRoot(t), "templates")), "templates", s, sink); err != nil {
		t.Fatalf("render.Site: %v", err)
	}
	return sink
}

// TestKeysChangeWhenFilesDo is the promise that makes reuse safe: after
// any change to the content, every keyed file whose bytes changed has a
// new key, so no stale file can stand in for it. Each change to an
// article's own fields also changes its Source, as package content does.
func TestKeysChangeWhenFilesDo(t *testing.T) {
	edit := func(slug string, change func(a *content.Article)) func(*content.Set) {
		return func(set *content.Set) {
			for _, a := range set.Articles {
				if a.Slug == slug {
					change(a)
					a.Source += "'"
				}
			}
		}
	}
	tests := []struct {
		name   string
		change func(*content.Set)
	}{
		{"title", edit(updatedSlug, func(a *content.Article) { a.Title = "A new title" })},
		{"summary", edit(updatedSlug, func(a *content.Article) { a.Summary = "A new summary." })},
		{"body", edit(updatedSlug, func(a *content.Article) { a.HTML = "<p>New body.</p>" })},
		{"status", edit(movedSlug, func(a *content.Article) { a.Status = "closed" })},
		{"topics", edit(movedSlug, func(a *content.Article) { a.Topics = append(a.Topics, "New topic") })},
		{"date", edit(explicitSlug, func(a *content.Article) { a.Date = a.Date.AddDate(0, 0, -3) })},
		{"updated", edit(explicitSlug, func(a *content.Article) { a.Updated = a.Date.AddDate(1, 0, 0) })},
		{"withdrawn", edit(movedSlug, func(a *content.Article) {
			a.Withdrawn = &content.Withdrawal{Date: a.Date.AddDate(0, 1, 0), Explanation: "Replaced."}
		})},
		{"slug", edit(movedSlug, func(a *content.Article) { a.Slug = "renamed" })},
		{"new article", func(set *content.Set) {
			a := *set.Articles[0]
			a.Slug, a.Title, a.Source = "brand-new", "Brand new", "new"
			a.Date = a.Date.AddDate(0, 0, 1)
			set.Articles = append(set.Articles, &a)
		}},
		{"article removed", func(set *content.Set) { set.Articles = set.Articles[1:] }},
		{"topic intro title", func(set *content.Set) {
			set.Topics = append(set.Topics, &content.Page{Slug: "ics-assessments", Title: "Integrated care assessments", Source: "intro"})
		}},
		{"site title", func(set *content.Set) { set.Settings.Title = "Another bulletin" }},
		{"base URL", func(set *content.Set) { set.Settings.BaseURL = "https://elsewhere.example/" }},
		{"notice", func(set *content.Set) { set.Settings.Notice = "For professionals only" }},
		{"page size", func(set *content.Set) { set.Settings.PageSize = 1 }},
	}
	before := buildKeyed(t, fixture())
	if len(before.keys) == 0 {
		t.Fatal("no file was keyed")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := fixture()
			tt.change(set)
			after := buildKeyed(t, set)
			changed := 0
			for name, key := range after.keys {
				old, ok := before.keys[name]
				if !ok {
					continue
				}
				if string(after.files[name]) != string(before.files[name]) {
					changed++
					if key == old {
						t.Errorf("%s changed but kept its key", name)
					}
				}
			}
			if changed == 0 && tt.name != "article removed" {
				t.Logf("no keyed file changed")
			}
		})
	}
}
