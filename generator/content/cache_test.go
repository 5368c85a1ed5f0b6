package content

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"bulletin/generator/cache"
)

// unreadable refuses to open the files it names, as if they were gone.
type unreadable struct {
	fs.FS
	names map[string]bool
}

func (u unreadable) Open(name string) (fs.File, error) {
	if u.names[name] {
		return nil, errors.New("read though its article was in the store")
	}
	return u.FS.Open(name)
}

func sumOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestLoadCachedWithSums: an article and an intro page known by their
// sums and in the store are not read again: serve reads only the files a
// save changed.
func TestLoadCachedWithSums(t *testing.T) {
	const name, intro = "articles/2025-03-27-ics.md", "topics/ics-assessments.md"
	text := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2025-03-27\nsummary: A summary.\n---\nBody.\n"
	}
	introText := func(title string) string { return "---\ntitle: " + title + "\n---\nAbout the assessments.\n" }
	files := func(title string) fstest.MapFS {
		return fstest.MapFS{name: {Data: []byte(text(title))}, intro: {Data: []byte(introText(title))}}
	}
	sums := func(title string) map[string]string {
		return map[string]string{name: sumOf(text(title)), intro: sumOf(introText(title))}
	}
	store := cache.NewMemory[Entry](nil)
	first := files("First")
	if _, err := LoadCached(context.Background(), first, "content", store, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		fsys      fs.FS
		sums      map[string]string
		wantTitle string
	}{
		{"known and stored: not read", unreadable{first, map[string]bool{name: true, intro: true}}, sums("First"), "First"},
		{"changed since: read again", files("Second"), sums("Second"), "Second"},
		{"no sums: read", files("Third"), nil, "Third"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := LoadCached(context.Background(), tt.fsys, "content", store, tt.sums)
			if err != nil {
				t.Fatal(err)
			}
			if got := set.Articles[0].Title; got != tt.wantTitle {
				t.Errorf("title %q, want %q", got, tt.wantTitle)
			}
			if len(set.Topics) != 1 || set.Topics[0].Title != tt.wantTitle {
				t.Errorf("intro pages %+v, want one titled %q", set.Topics, tt.wantTitle)
			}
		})
	}
}

// TestStoreKeepsBodies loads articles through a store on disk twice, as
// two builds do, and wants each body out of memory yet as converted.
func TestStoreKeepsBodies(t *testing.T) {
	fsys := fstest.MapFS{
		"articles/2025-03-27-ics.md":   {Data: []byte("---\ntitle: ICS\ndate: 2025-03-27\nsummary: A summary.\n---\nICS assessments are *paused*.\n")},
		"articles/2025-04-01-empty.md": {Data: []byte("---\ntitle: Empty\ndate: 2025-04-01\nsummary: A summary.\n---\n")},
	}
	want := map[string]string{
		"articles/2025-03-27-ics.md":   "<p>ICS assessments are <em>paused</em>.</p>\n",
		"articles/2025-04-01-empty.md": "",
	}
	path := filepath.Join(t.TempDir(), ".public.cache")
	for _, build := range []string{"first build", "second build"} {
		set := loadThroughStore(t, fsys, path)
		for _, a := range set.Articles {
			if a.HTML != "" {
				t.Errorf("%s: %s holds its body in memory", build, a.Path)
			}
			if got, err := a.Body(); err != nil || got != want[a.Path] {
				t.Errorf("%s: %s: Body() = %q, %v; want %q", build, a.Path, got, err, want[a.Path])
			}
		}
	}
}

// loadThroughStore loads fsys through the store on disk at path, and
// saves the store, as a build does.
func loadThroughStore(t *testing.T, fsys fs.FS, path string) *Set {
	t.Helper()
	store := cache.Open[Entry](path, "test")
	set, err := LoadCached(context.Background(), fsys, "content", store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Save(); err != nil {
		t.Fatal(err)
	}
	return set
}

// TestStoreKeepsEveryField reads an article that sets every field, and an
// intro page, through a store on disk twice, as two builds do, and wants
// the second build's values equal to the first's. A field added to
// Article, Meta or Page fails it until the article or page here sets it.
func TestStoreKeepsEveryField(t *testing.T) {
	fsys := fstest.MapFS{
		"articles/2025-03-27-ics.md": {Data: []byte(`---
title: ICS assessments paused
date: 2025-03-27T09:30:00+01:00
updated: 2025-03-28
summary: A summary.
regulators: [CQC]
topics: [ICS assessments]
authors: [A. Writer]
status: paused
applies_to: [Integrated care systems]
changes:
  - date: 2025-03-28
    note: Added the date.
sources:
  - title: CQC
    url: https://www.cqc.org.uk/
    publisher: Care Quality Commission
    date: 2025-03
events:
  - date: 2025-06-01
    label: Assessments start
    status: in-force
withdrawn:
  date: 2025-04-01
  explanation: Replaced.
draft: true
slug: ics-paused
aliases: [/old/ICS_Paused/]
id: urn:example:ics
lang: cy
---
See [the plan](https://example.org/plan) and ![a chart](chart.png). {% include note.html %}

## What next
`)},
		"topics/ics-assessments.md": {Data: []byte("---\ntitle: ICS assessments\nsummary: Where they stand.\nstatus: paused\naliases: [/topics/ics/]\nlang: cy\n---\nThe story.\n\n## So far\n")},
		// Blocks are noted where raw HTML goes through.
		"site.yaml": {Data: []byte("raw_html: true\n")},
	}
	path := filepath.Join(t.TempDir(), ".public.cache")
	var builds []*Set
	for range 2 {
		set := loadThroughStore(t, fsys, path)
		if len(set.Articles) != 1 || len(set.Topics) != 1 {
			t.Fatalf("%d articles and %d topic pages, want 1 and 1", len(set.Articles), len(set.Topics))
		}
		set.Articles[0].body = cache.Blob{}
		builds = append(builds, set)
	}
	first, second := builds[0], builds[1]
	// The body is kept by the store, not in the value.
	wantSet(t, reflect.ValueOf(first.Articles[0]).Elem(), "Article", "HTML")
	wantSet(t, reflect.ValueOf(first.Topics[0]).Elem(), "Page")
	for _, pair := range [][2]any{{first.Articles[0], second.Articles[0]}, {first.Topics[0], second.Topics[0]}} {
		// A time comes back with its instant and offset, not its zone's
		// name: pages show dates in the site's zone.
		for _, v := range pair {
			withoutZoneNames(reflect.ValueOf(v))
		}
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("read back from the store:\n%+v\nwant what was read from the file:\n%+v", pair[1], pair[0])
		}
	}
}

// wantSet fails for each exported field of the struct v, and of the
// structs it embeds, that is zero, but those named in unset.
func wantSet(t *testing.T, v reflect.Value, name string, unset ...string) {
	t.Helper()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch {
		case !f.IsExported() || slices.Contains(unset, f.Name):
		case f.Anonymous:
			wantSet(t, v.Field(i), name+"."+f.Name, unset...)
		case v.Field(i).IsZero():
			t.Errorf("%s.%s is not set by the test's file: set it, so that the store is seen to keep it", name, f.Name)
		}
	}
}

// withoutZoneNames sets every time that v holds, or points to, to its
// instant at its offset, in a zone with no name.
func withoutZoneNames(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			withoutZoneNames(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			withoutZoneNames(v.Index(i))
		}
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			_, offset := t.Zone()
			v.Set(reflect.ValueOf(t.In(time.FixedZone("", offset))))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				withoutZoneNames(v.Field(i))
			}
		}
	}
}

// savedMeanwhile gives, for site.yaml, the bytes before a save the first
// time it is read and those after it later, as if an editor saved it
// while a load ran.
type savedMeanwhile struct {
	files         fstest.MapFS
	reads         int
	before, after string
}

func (s *savedMeanwhile) Open(name string) (fs.File, error) {
	if name == SettingsFile {
		s.reads++
		data := s.after
		if s.reads == 1 {
			data = s.before
		}
		return fstest.MapFS{name: {Data: []byte(data)}}.Open(name)
	}
	return s.files.Open(name)
}

// TestSettingsSavedDuringLoad saves site.yaml while a load runs, turning
// raw_html off: what the load keeps is keyed by the settings it was made
// with, so the next load, of the settings saved, makes the article anew
// rather than take the one that let its HTML through.
func TestSettingsSavedDuringLoad(t *testing.T) {
	const name = "articles/2025-03-27-ics.md"
	article := fstest.MapFS{name: {Data: []byte("---\ntitle: T\ndate: 2025-03-27\nsummary: S.\n---\nA <span class=\"raw\">tag</span>.\n")}}
	store := cache.NewMemory[Entry](nil)
	saving := &savedMeanwhile{files: article, before: "raw_html: true\n", after: "raw_html: false\n"}
	if _, err := LoadCached(context.Background(), saving, "content", store, nil); err != nil {
		t.Fatal(err)
	}
	now := fstest.MapFS{name: article[name], SettingsFile: {Data: []byte(saving.after)}}
	set, err := LoadCached(context.Background(), now, "content", store, nil)
	if err != nil {
		t.Fatal(err)
	}
	body, err := set.Articles[0].Body()
	if err != nil || strings.Contains(body, `<span class="raw">`) {
		t.Errorf("with raw_html off, the body is %q (%v), want its tag escaped", body, err)
	}
}
