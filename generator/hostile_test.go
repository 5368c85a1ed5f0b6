package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// The bounds every hostile case must build or fail within, unless it
// sets its own: the time the build takes, the bytes it allocates in all,
// and the most heap in use at once (which counts garbage not yet
// collected, and so grows with the cores that build at once).
const (
	hostileTime  = 10 * time.Second
	hostileAlloc = 200 << 20
	hostileHeap  = 200 << 20
)

// hostilePage is where each hostile case's article is published: they
// are all dated 2025-01-15 and named article.md.
const hostilePage = "2025/01/article/index.html"

// atomEntryContent names, in a check, the HTML of the Atom feed's only
// entry, as a feed reader decodes it.
const atomEntryContent = "atom entry content"

// TestHostileContent builds each case in testdata/hostile, an article
// written to break the build, one txtar file a case, and checks its
// outcome, the time it takes and the memory it uses. Cases run one after
// another so that the memory each one uses can be told apart.
//
// A case's comment says what must hold. Its sections (see txtar_test.go
// for the quoted ones):
//
//	content/...     a file of the content folder
//	generate        the name of a function in hostileGenerators that
//	                writes the content folder, for content too large or
//	                too odd to keep as text
//	limits          raised memory bounds, one a line: alloc 1536MiB,
//	                heap 600MiB
//	want errors     the build fails with exactly these lines, the
//	                content folder written as content; -update rewrites
//	                this section and no other
//
// A case without want errors must build, every page and feed must pass
// checkOutput, and its other sections, each value on a line of its own,
// say what else holds:
//
//	contains FILE      each value is in the output file FILE
//	lacks FILE         no value is in FILE
//	count FILE         each value is "N text": text is in FILE N times
//	in no file         no value is in any output file
//	written            each value names a file the build writes
//	not written        each value names a file the build does not write
//	feed entry FIELD   every feed's entry reads, as a feed reader
//	                   decodes it, with FIELD (title, summary or id)
//	                   equal to the one value
//	jsonld             each value is a value of the article page's
//	                   JSON-LD
//
// FILE is a path in the output, or "atom entry content". The few
// values too long to write down are checked by hostileGoChecks.
func TestHostileContent(t *testing.T) {
	paths, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in testdata/hostile: %v", err)
	}
	checkGoHooks(t, paths)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			a := readArchive(t, path)
			c := readHostileCase(t, a)
			if c.generate == nil && !c.content {
				t.Fatal("no content: give content/... sections or a generate section")
			}
			dir := writeArchive(t, a, t.TempDir())
			if c.generate != nil {
				c.generate(t, dir)
			}
			if check, ok := hostileGoChecks[name]; ok {
				c.checks = append(c.checks, check)
			}
			if len(a.Comment) == 0 || c.wantErrors == (len(c.checks) > 0) {
				t.Fatal("a case says in its comment what must hold, and has either a want errors section or checks")
			}
			root := t.TempDir()
			o := options{Content: dir, Templates: "../templates", Out: filepath.Join(root, "public"), Now: testNow}

			var err error
			elapsed, allocated, peak := measure(func() { _, err = build(o) })
			if elapsed > hostileTime {
				t.Errorf("took %s, want at most %s", elapsed.Round(time.Millisecond), hostileTime)
			}
			if limit := max(c.alloc, hostileAlloc); allocated > limit {
				t.Errorf("allocated %d MB in all, want at most %d MB", allocated>>20, limit>>20)
			}
			if limit := max(c.heap, hostileHeap); peak > limit {
				t.Errorf("had %d MB in use at once, want at most %d MB", peak>>20, limit>>20)
			}
			t.Logf("%s, %d MB allocated, %d MB in use at most", elapsed.Round(time.Millisecond), allocated>>20, peak>>20)

			if c.wantErrors {
				if err == nil {
					t.Fatalf("build succeeded, want it to fail: %s", a.Comment)
				}
				wantErrorLines(t, path, a, strings.Split(strings.ReplaceAll(err.Error(), filepath.ToSlash(dir)+"/", "content/"), "\n"))
				return
			}
			if err != nil {
				t.Fatalf("build: %v\nwant it to build: %s", err, a.Comment)
			}
			entries, err := os.ReadDir(root)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				switch e.Name() {
				case "public", ".public.cache", ".public.cache.blobs", ".public.index", ".public.build": // the output, its build cache and its blobs, index and record
				default:
					t.Errorf("the output's parent folder holds %s, want only public and its cache, index and record", e.Name())
				}
			}
			files := readTree(t, o.Out)
			if _, ok := files[hostilePage]; !ok {
				t.Fatalf("no article page at %s", hostilePage)
			}
			for name, data := range files {
				checkOutput(t, name, data)
			}
			for _, check := range c.checks {
				check(t, files)
			}
		})
	}
}

// hostileCase is what a hostile case's archive says beside its content.
type hostileCase struct {
	content     bool                           // it has content/... sections
	generate    func(t *testing.T, dir string) // or nil
	alloc, heap uint64                         // raised bounds on memory, or 0
	wantErrors  bool                           // the build must fail
	checks      []func(t *testing.T, files map[string][]byte)
}

// readHostileCase reads a case's sections, refusing any it does not
// know, so that a misspelt check cannot pass by checking nothing.
func readHostileCase(t *testing.T, a *txtar.Archive) hostileCase {
	t.Helper()
	var c hostileCase
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "content/") {
			c.content = true
			continue
		}
		name, values := sectionLines(t, f)
		switch name {
		case "generate":
			if len(values) != 1 || hostileGenerators[values[0]] == nil {
				t.Fatalf("generate: got %q, want the name of one function in hostileGenerators", values)
			}
			c.generate = hostileGenerators[values[0]]
		case "limits":
			for _, v := range values {
				kind, size, _ := strings.Cut(v, " ")
				mib, err := strconv.ParseUint(strings.TrimSuffix(size, "MiB"), 10, 64)
				switch {
				case err != nil || !strings.HasSuffix(size, "MiB"):
					t.Fatalf("limits: %q: want alloc or heap and a size like 600MiB", v)
				case kind == "alloc":
					c.alloc = mib << 20
				case kind == "heap":
					c.heap = mib << 20
				default:
					t.Fatalf("limits: %q: want alloc or heap and a size like 600MiB", v)
				}
			}
		case "want errors":
			c.wantErrors = true
		default:
			c.checks = append(c.checks, hostileCheck(t, name, values))
		}
	}
	return c
}

// hostileCheck is the check one section of a case that builds makes.
func hostileCheck(t *testing.T, name string, values []string) func(t *testing.T, files map[string][]byte) {
	t.Helper()
	if len(values) == 0 || slices.Contains(values, "") {
		t.Fatalf("%s: want one value a line, and no empty lines", name)
	}
	verb, target, _ := strings.Cut(name, " ")
	switch {
	case verb == "contains":
		return func(t *testing.T, files map[string][]byte) { wantIn(t, files, target, values...) }
	case verb == "lacks":
		return func(t *testing.T, files map[string][]byte) { wantNotIn(t, files, target, values...) }
	case verb == "count":
		return func(t *testing.T, files map[string][]byte) {
			t.Helper()
			text := outputText(t, files, target)
			for _, v := range values {
				n, s, _ := strings.Cut(v, " ")
				want, err := strconv.Atoi(n)
				if err != nil || s == "" {
					t.Fatalf("%s: %q: want a count, a space and the text to count", name, v)
				}
				if got := strings.Count(text, s); got != want {
					t.Errorf("%s: got %d of %q, want %d", target, got, truncate(s), want)
				}
			}
		}
	case name == "in no file":
		return func(t *testing.T, files map[string][]byte) { wantNoOutput(t, files, values...) }
	case name == "written", name == "not written":
		return func(t *testing.T, files map[string][]byte) {
			t.Helper()
			for _, p := range values {
				if _, ok := files[p]; ok != (name == "written") {
					t.Errorf("%s: written %v, want %v", p, ok, !ok)
				}
			}
		}
	case name == "jsonld":
		return func(t *testing.T, files map[string][]byte) {
			t.Helper()
			for _, v := range values {
				wantJSONLD(t, files, v)
			}
		}
	}
	if field, ok := strings.CutPrefix(name, "feed entry "); ok {
		if _, known := entryFields[field]; !known || len(values) != 1 {
			t.Fatalf("%s: want one of feed entry title, summary or id, and one value", name)
		}
		return func(t *testing.T, files map[string][]byte) { wantEntry(t, files, field, values[0]) }
	}
	t.Fatalf("unknown section %q: see TestHostileContent for the sections a case may have", name)
	return nil
}

// hostileGenerators write the content folder of the cases too large, or
// too odd, to keep as text; a case names its generator in a generate
// section.
var hostileGenerators = map[string]func(t *testing.T, dir string){
	"writeBillionLaughs":     writeBillionLaughs,
	"writeNestedFrontMatter": writeNestedFrontMatter,
	"writeNestedTOML":        writeNestedTOML,
	"writeDottedTOMLKey":     writeDottedTOMLKey,
	"writeQuotedTOMLKeys":    writeQuotedTOMLKeys,
	"writeLongTOMLKeyList":   writeLongTOMLKeyList,
	"writeLongTOMLKeyTables": writeLongTOMLKeyTables,
	"writeFootnoteRefs":      writeFootnoteRefs,
	"writeManyTopics":        writeManyTopics,
	"writeHugeBody":          writeHugeBody,
	"writeLongLine":          writeLongLine,
	"writeLongTitle":         writeLongTitle,
	"writeNestedLists":       writeNestedLists,
	"writeNestedQuotes":      writeNestedQuotes,
	"writeManyDeepQuotes":    writeManyDeepQuotes,
	"writeManyLinks":         writeManyLinks,
	"writeManyAliases":       writeManyAliases,
	"writeManySources":       writeManySources,
	"writeOpenLinks":         writeOpenLinks,
	"writeNestedBrackets":    writeNestedBrackets,
	"writeCitations":         writeCitations,
	"writeUnpairedMarks":     writeUnpairedMarks,
	"writeQuoteRun":          writeQuoteRun,
	"writeManyClasses":       writeManyClasses,
	"writeTableOfMarks":      writeTableOfMarks,
	"writeWideTable":         writeWideTable,
	"writeLongList":          writeLongList,
	"writeSymlinks":          writeSymlinks,
}

// hostileGoChecks check, by case name, what a case that builds must hold
// when the value is too long to write in its archive.
var hostileGoChecks = map[string]func(t *testing.T, files map[string][]byte){
	"long-line": func(t *testing.T, files map[string][]byte) {
		wantIn(t, files, hostilePage, "<p>"+strings.Repeat("long ", 19999)+"long</p>")
	},
	"long-title": func(t *testing.T, files map[string][]byte) {
		wantEntry(t, files, "title", strings.Repeat("Title ", 16666)+"Tail")
	},
}

// checkGoHooks makes sure every generator is named by a case and every
// Go check by a case's name.
func checkGoHooks(t *testing.T, paths []string) {
	t.Helper()
	cases, generators := map[string]bool{}, map[string]bool{}
	for _, path := range paths {
		cases[strings.TrimSuffix(filepath.Base(path), ".txtar")] = true
		for _, f := range readArchive(t, path).Files {
			if f.Name == "generate" {
				generators[strings.TrimSpace(string(f.Data))] = true
			}
		}
	}
	for name := range hostileGenerators {
		if !generators[name] {
			t.Errorf("hostileGenerators: no case in testdata/hostile names %s", name)
		}
	}
	for name := range hostileGoChecks {
		if !cases[name] {
			t.Errorf("hostileGoChecks: no testdata/hostile/%s.txtar", name)
		}
	}
}

// measure runs fn and reports how long it took, how many bytes it
// allocated, and the most heap it had in use at once, sampled every 5 ms.
func measure(fn func()) (elapsed time.Duration, allocated, peak uint64) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	stop, most := make(chan struct{}), make(chan uint64)
	go func() {
		var m runtime.MemStats
		var heap uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			heap = max(heap, m.HeapAlloc)
			select {
			case <-stop:
				most <- heap
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	fn()
	elapsed = time.Since(start)
	close(stop)
	heap := <-most
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	heap = max(heap, after.HeapAlloc, before.HeapAlloc)
	return elapsed, after.TotalAlloc - before.TotalAlloc, heap - before.HeapAlloc
}

// checkOutput holds every file of a build that succeeded to what no
// hostile article may break: XML and JSON files parse, and no page or
// feed carries a script element, an event handler or a link that runs
// script.
func checkOutput(t *testing.T, name string, data []byte) {
	t.Helper()
	if !utf8.Valid(data) {
		t.Errorf("%s: not valid UTF-8", name)
	}
	switch filepath.Ext(name) {
	case ".html":
		checkHTML(t, name, string(data))
	case ".xml":
		texts, err := xmlTexts(data)
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
		}
		for _, s := range texts {
			checkHTML(t, name, s)
		}
	case ".json":
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Errorf("%s: not valid JSON: %v", name, err)
		}
		for _, s := range jsonHTML(v) {
			checkHTML(t, name, s)
		}
	}
}

// jsonHTML returns every content_html string in a decoded JSON value: the
// HTML of JSON Feed items.
func jsonHTML(v any) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			out = append(out, jsonHTML(x)...)
		}
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "content_html" {
				out = append(out, s)
			} else {
				out = append(out, jsonHTML(x)...)
			}
		}
	}
	return out
}

// xmlTexts reads an XML file to its end and returns the text of every
// element that carries HTML: Atom's content, RSS's description and
// content:encoded.
func xmlTexts(data []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	var html bool
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return texts, nil
		}
		if err != nil {
			return texts, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "content", "description", "encoded":
				html = true
			}
		case xml.EndElement:
			html = false
		case xml.CharData:
			if html {
				texts = append(texts, string(tok))
			}
		}
	}
}

var (
	htmlAttr      = regexp.MustCompile(`([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?`)
	scriptOpen    = regexp.MustCompile(`(?i)<script\b`)
	scriptElement = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script\s*>`)
	jsonLDType    = regexp.MustCompile(`(?i)\btype\s*=\s*"application/ld\+json"`)
	siteSrc       = regexp.MustCompile(`(?i)\bsrc\s*=\s*"/[^/"][^"]*"`)
	// urlNoise is what a browser drops from a URL before reading its scheme.
	urlNoise = strings.NewReplacer("\t", "", "\n", "", "\r", "")
)

// checkHTML finds script in HTML: a script element the theme did not
// write, an on... event handler, or a URL attribute that a browser would
// run. The theme's scripts load from a site path, or are JSON-LD that
// must parse and hold no "<", so that no text can close the element. It
// reads attributes as a browser does: character references resolved,
// tabs and newlines dropped, leading spaces and control characters
// trimmed.
func checkHTML(t *testing.T, name, s string) {
	t.Helper()
	elements := scriptElement.FindAllStringSubmatch(s, -1)
	if opened := len(scriptOpen.FindAllStringIndex(s, -1)); opened != len(elements) {
		t.Errorf("%s: %d <script opened, %d script elements closed", name, opened, len(elements))
	}
	for _, el := range elements {
		attrs, body := el[1], el[2]
		switch {
		case jsonLDType.MatchString(attrs):
			if !json.Valid([]byte(body)) || strings.Contains(body, "<") {
				t.Errorf("%s: JSON-LD is not JSON, or holds a \"<\": %s", name, truncate(body))
			}
		case siteSrc.MatchString(attrs) && strings.TrimSpace(body) == "":
		default:
			t.Errorf("%s: raw %s", name, truncate(el[0]))
		}
	}
	for rest := s; ; {
		start := strings.IndexByte(rest, '<')
		if start < 0 {
			break
		}
		end := strings.IndexByte(rest[start:], '>')
		if end < 0 {
			break
		}
		tag := rest[start : start+end+1]
		rest = rest[start+end+1:]
		if !strings.Contains(tag, "=") {
			continue // no attributes with values
		}
		_, attrs, _ := strings.Cut(tag[1:len(tag)-1], " ")
		for _, attr := range htmlAttr.FindAllStringSubmatch(attrs, -1) {
			key, value := strings.ToLower(attr[1]), html.UnescapeString(strings.Trim(attr[2], `"'`))
			if strings.HasPrefix(key, "on") {
				t.Errorf("%s: event handler in %s", name, tag)
			}
			value = strings.ToLower(strings.TrimLeftFunc(urlNoise.Replace(value), func(r rune) bool { return r <= ' ' }))
			for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
				if strings.HasPrefix(value, scheme) {
					t.Errorf("%s: %s URL in %s", name, scheme, tag)
				}
			}
		}
	}
}

// outputText is what a check reads: an output file, or the HTML of the
// Atom feed's only entry.
func outputText(t *testing.T, files map[string][]byte, target string) string {
	t.Helper()
	if target == atomEntryContent {
		return atomContent(t, files)
	}
	data, ok := files[target]
	if !ok {
		t.Errorf("%s: not in the output", target)
	}
	return string(data)
}

// wantIn checks that an output file, or the Atom entry's content,
// contains each of wants.
func wantIn(t *testing.T, files map[string][]byte, target string, wants ...string) {
	t.Helper()
	text := outputText(t, files, target)
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s: want it to contain %q", target, truncate(want))
		}
	}
}

// wantNotIn checks that an output file, or the Atom entry's content,
// contains none of unwanted.
func wantNotIn(t *testing.T, files map[string][]byte, target string, unwanted ...string) {
	t.Helper()
	text := outputText(t, files, target)
	for _, s := range unwanted {
		if strings.Contains(text, s) {
			t.Errorf("%s: contains %q, want it left out", target, s)
		}
	}
}

// wantNoOutput checks that no file contains any of unwanted.
func wantNoOutput(t *testing.T, files map[string][]byte, unwanted ...string) {
	t.Helper()
	for name, data := range files {
		for _, s := range unwanted {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s: contains %q", name, s)
			}
		}
	}
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// entryFields are where each feed format keeps an entry's title, summary
// and id.
var entryFields = map[string]struct{ atom, rss, json string }{
	"title":   {"title", "title", "title"},
	"summary": {"summary", "description", "summary"},
	"id":      {"id", "guid", "id"},
}

// wantEntry checks that the article's title, summary or id reads back
// as want from every feed that carries it, as a feed reader decodes it.
// RSS descriptions are HTML, so there the summary must be want escaped.
func wantEntry(t *testing.T, files map[string][]byte, field, want string) {
	t.Helper()
	f := entryFields[field]
	for name, data := range files {
		var got string
		switch filepath.Base(name) {
		case atomFile:
			got = entryField(t, name, data, "entry", f.atom)
		case rssFile:
			got = entryField(t, name, data, "item", f.rss)
			if field == "summary" {
				got = html.UnescapeString(got)
			}
		case jsonFile:
			var feed struct{ Items []map[string]any }
			if err := json.Unmarshal(data, &feed); err != nil || len(feed.Items) != 1 {
				t.Errorf("%s: got %d items (%v), want 1", name, len(feed.Items), err)
				continue
			}
			got, _ = feed.Items[0][f.json].(string)
		default:
			continue
		}
		if got != want {
			t.Errorf("%s: entry %s: got %q, want %q", name, field, truncate(got), truncate(want))
		}
	}
}

// wantJSONLD checks that want is a value of the article page's JSON-LD,
// if it has any.
func wantJSONLD(t *testing.T, files map[string][]byte, want string) {
	t.Helper()
	for _, el := range scriptElement.FindAllStringSubmatch(string(files[hostilePage]), -1) {
		var ld any
		if jsonLDType.MatchString(el[1]) && json.Unmarshal([]byte(el[2]), &ld) == nil && !holdsString(ld, want) {
			t.Errorf("%s: JSON-LD %s, want a value %q", hostilePage, truncate(el[2]), truncate(want))
		}
	}
}

// holdsString reports whether s is a string value anywhere in v, a
// decoded JSON value.
func holdsString(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return v == s
	case []any:
		return slices.ContainsFunc(v, func(x any) bool { return holdsString(x, s) })
	case map[string]any:
		for _, x := range v {
			if holdsString(x, s) {
				return true
			}
		}
	}
	return false
}

const (
	atomFile = "atom.xml"
	rssFile  = "feed.xml"
	jsonFile = "feed.json"
)

// entryField is the text of the element named field in a feed's only
// entry or item.
func entryField(t *testing.T, name string, data []byte, entry, field string) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var path []string
	var text strings.Builder
	found := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return ""
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			path = append(path, tok.Name.Local)
			if len(path) >= 2 && path[len(path)-2] == entry && tok.Name.Local == field {
				found++
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if len(path) >= 2 && path[len(path)-2] == entry && path[len(path)-1] == field {
				text.Write(tok)
			}
		}
	}
	if found != 1 {
		t.Errorf("%s: got %d %s in %s, want 1", name, found, field, entry)
	}
	return text.String()
}

// atomContent is the HTML of the site's Atom feed's only entry.
func atomContent(t *testing.T, files map[string][]byte) string {
	t.Helper()
	return entryField(t, atomFile, files[atomFile], "entry", "content")
}

// article is a hostile case's article.md, in the same shape as the
// articles in testdata/hostile: the front matter ends on line 7, or later with
// extra lines, and the body starts two lines after it.
func article(title, extra, body string) string {
	return fmt.Sprintf("---\ntitle: %s\ndate: 2025-01-15\nsummary: An article built from hostile input.\ntopics: [Hostile input]\nregulators: [CQC]\n%s---\n\n%s", title, extra, body)
}

func writeArticle(t *testing.T, dir, text string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeBillionLaughs writes the YAML bomb: nine levels of anchors, each
// a list of ten aliases of the one before, a billion strings if expanded.
func writeBillionLaughs(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString(`lol0: &lol0 "lol"` + "\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "lol%d: &lol%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*lol%d, ", i-1), 10), ", "))
	}
	writeArticle(t, dir, article("Laughs", b.String(), "The body.\n"))
}

// writeNestedFrontMatter nests a field 1,000 lists deep.
func writeNestedFrontMatter(t *testing.T, dir string) {
	writeArticle(t, dir, article("Nested", "applies_to: "+strings.Repeat("[", 1000)+strings.Repeat("]", 1000)+"\n", "The body.\n"))
}

// writeNestedTOML writes an article whose TOML front matter nests
// 20,000 inline tables, which TOML's decoder reads at a cost growing with
// the square of the depth.
func writeNestedTOML(t *testing.T, dir string) {
	writeArticle(t, dir, "+++\ntitle = \"Nested\"\ndate = 2025-01-15\nsummary = \"Nested tables.\"\nx = "+strings.Repeat("{a=", 20000)+"1"+strings.Repeat("}", 20000)+"\n+++\n\nThe body.\n")
}

// writeDottedTOMLKey writes a key of 16,000 dots on a line of its own
// inside an inline table, which TOML reads over lines.
func writeDottedTOMLKey(t *testing.T, dir string) {
	writeArticle(t, dir, "+++\ntitle = \"Dotted\"\ndate = 2025-01-15\nsummary = \"A dotted key.\"\nx = {\n  "+strings.Repeat("a.", 16000)+"a = 1\n}\n+++\n\nThe body.\n")
}

// writeQuotedTOMLKeys writes a key in quotes of 800 KB, holding 400,000
// dots, and a table's header in quotes of 80 KB with 100 keys below it.
func writeQuotedTOMLKeys(t *testing.T, dir string) {
	var keys strings.Builder
	for i := range 100 {
		fmt.Fprintf(&keys, "k%d = 1\n", i)
	}
	writeArticle(t, dir, "+++\ntitle = \"Quoted\"\ndate = 2025-01-15\nsummary = \"Quoted keys.\"\n\""+strings.Repeat("a.", 400000)+"a\" = 1\n[\""+strings.Repeat("b.", 40000)+"b\"]\n"+keys.String()+"+++\n\nThe body.\n")
}

// writeLongTOMLKeyList writes a key of 100 KB holding a list of 50,000
// numbers.
func writeLongTOMLKeyList(t *testing.T, dir string) {
	writeArticle(t, dir, "+++\ntitle = \"Listed\"\ndate = 2025-01-15\nsummary = \"A long key.\"\n"+strings.Repeat("k", 100000)+" = ["+strings.Repeat("1, ", 50000)+"1]\n+++\n\nThe body.\n")
}

// writeLongTOMLKeyTables writes a key of 100 KB holding a list of 10,000
// inline tables.
func writeLongTOMLKeyTables(t *testing.T, dir string) {
	writeArticle(t, dir, "+++\ntitle = \"Tables\"\ndate = 2025-01-15\nsummary = \"A long key.\"\n"+strings.Repeat("k", 100000)+" = ["+strings.Repeat("{a=1}, ", 10000)+"{a=1}]\n+++\n\nThe body.\n")
}

// writeFootnoteRefs writes a body of 200,000 references to one footnote,
// each of which would add a link back to it.
func writeFootnoteRefs(t *testing.T, dir string) {
	writeArticle(t, dir, article("Footnotes", "", strings.Repeat("[^a] ", 200000)+"\n\n[^a]: The note.\n"))
}

// writeManyTopics gives the article 10,000 topics.
func writeManyTopics(t *testing.T, dir string) {
	var b strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&b, "  - Topic %d\n", i)
	}
	writeArticle(t, dir, strings.Replace(article("Topics", "", "The body.\n"), "topics: [Hostile input]\n", "topics:\n"+b.String(), 1))
}

// writeHugeBody writes a body of 5 MB: 70,000 paragraphs, each with a link.
func writeHugeBody(t *testing.T, dir string) {
	var b strings.Builder
	for i := range 70000 {
		fmt.Fprintf(&b, "A *paragraph* of `text`, long enough to be typical: [paragraph %d](/topics/hostile-input/).\n\n", i)
	}
	if b.Len() < 5<<20 {
		t.Fatalf("body is %d bytes, want at least 5 MB", b.Len())
	}
	writeArticle(t, dir, article("Huge", "", b.String()))
}

// writeLongLine writes a body of one line of 100,000 characters.
func writeLongLine(t *testing.T, dir string) {
	writeArticle(t, dir, article("Long line", "", strings.TrimSpace(strings.Repeat("long ", 20000))+"\n"))
}

// writeLongTitle writes a title of 100,000 characters.
func writeLongTitle(t *testing.T, dir string) {
	title := strings.Repeat("Title ", 16666) + "Tail"
	if len(title) != 100000 {
		t.Fatalf("title is %d characters, want 100,000", len(title))
	}
	writeArticle(t, dir, article(title, "", "The body.\n"))
}

// writeNestedLists nests bullet lists 100 deep, as deep as allowed,
// each item indented under the one before.
func writeNestedLists(t *testing.T, dir string) {
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, "%s- level %d\n", strings.Repeat("  ", i), i)
	}
	writeArticle(t, dir, article("Nested lists", "", b.String()))
}

// writeNestedQuotes nests block quotes 1,000 deep on one line.
func writeNestedQuotes(t *testing.T, dir string) {
	writeArticle(t, dir, article("Nested quotes", "", strings.Repeat("> ", 1000)+"deep\n"))
}

// writeManyDeepQuotes writes 40,000 paragraphs, each in block quotes
// nested 99 deep, within the allowed depth: 4 MB that make a page of
// 100 MB.
func writeManyDeepQuotes(t *testing.T, dir string) {
	writeArticle(t, dir, article("Many deep quotes", "", strings.Repeat(strings.Repeat(">", 99)+" deep\n\n", 40000)))
}

// writeManyAliases writes an article with 20,000 aliases, one a line:
// 400 KB of front matter, each alias a page of its own.
func writeManyAliases(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString("aliases:\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "  - /old/page-%d/\n", i)
	}
	writeArticle(t, dir, article("Many aliases", b.String(), "The body.\n"))
}

// writeManySources writes an article citing 50,000 sources, one a
// line: 2.5 MB of front matter, which the page and every feed that
// carries the article list in full.
func writeManySources(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString("sources:\n")
	for i := range 50000 {
		fmt.Fprintf(&b, "  - {title: Source %d, url: \"https://example.org/%d\"}\n", i, i)
	}
	writeArticle(t, dir, article("Many sources", b.String(), "The body.\n"))
}

// writeManyLinks writes 100,000 links, one a line.
func writeManyLinks(t *testing.T, dir string) {
	writeArticle(t, dir, article("Links", "", strings.Repeat("[a link](/x/)\n", 100000)))
}

// writeOpenLinks writes an article whose body is 400 KB of links left
// open, "[a](" again and again, which goldmark parses in time that grows
// with the square of their number.
func writeOpenLinks(t *testing.T, dir string) {
	writeArticle(t, dir, article("Open links", "", strings.Repeat("[a](", 100000)+"\n"))
}

// writeNestedBrackets writes a paragraph of 200,000 [ and as many ]
// (400 KB), each closing one opened before.
func writeNestedBrackets(t *testing.T, dir string) {
	writeArticle(t, dir, article("Nested brackets", "", strings.Repeat("[", 200000)+"x"+strings.Repeat("]", 200000)+"\n"))
}

// writeCitations writes a paragraph of 40,000 citations, [0] to [39999].
func writeCitations(t *testing.T, dir string) {
	var b strings.Builder
	for i := range 40000 {
		fmt.Fprintf(&b, "[%d] ", i)
	}
	writeArticle(t, dir, article("Citations", "", b.String()+"\n"))
}

// writeUnpairedMarks writes a body of runs of * and _ that do not pair,
// under 8 MB, in one paragraph.
func writeUnpairedMarks(t *testing.T, dir string) {
	writeArticle(t, dir, article("Unpaired marks", "", "A first paragraph.\n\n"+strings.Repeat("*a_", 2_500_000)+"\n"))
}

// writeQuoteRun writes a body holding one run of 1,000,000 ' and one of
// 1,000,000 ".
func writeQuoteRun(t *testing.T, dir string) {
	writeArticle(t, dir, article("Quote run", "", "A first paragraph.\n\n"+strings.Repeat("'", 1_000_000)+"\n\n"+strings.Repeat(`"`, 1_000_000)+"\n"))
}

// writeManyClasses writes a heading whose attribute block gives 160,000
// classes.
func writeManyClasses(t *testing.T, dir string) {
	writeArticle(t, dir, article("Many classes", "", "A first paragraph.\n\n## A heading {"+strings.Repeat(".b ", 160_000)+"}\n"))
}

// writeTableOfMarks writes a table of 5,000 rows, each with bold text
// and a code span full of * and _, which a paragraph could not hold.
func writeTableOfMarks(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString("| Field | Meaning |\n| --- | --- |\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "| **field_%d** | `a_b*c_d*e` and _the %d_ |\n", i, i)
	}
	writeArticle(t, dir, article("Table of marks", "", b.String()))
}

// writeWideTable writes a table in a block quote whose header has 1,000
// columns, over 20,000 rows of one cell.
func writeWideTable(t *testing.T, dir string) {
	header := "> |" + strings.Repeat(" a |", 1000) + "\n> |" + strings.Repeat("-|", 1000) + "\n"
	writeArticle(t, dir, article("Wide table", "", header+strings.Repeat("> x\n", 20000)))
}

// writeLongList writes a list of 1.8 million items, a line each.
func writeLongList(t *testing.T, dir string) {
	writeArticle(t, dir, article("Long list", "", strings.Repeat("- a\n", 7<<20/4)))
}

// writeSymlinks puts in the content folder an article and an asset that
// are symbolic links to files outside it.
func writeSymlinks(t *testing.T, dir string) {
	outside := t.TempDir()
	writeArticle(t, dir, article("Symbolic links", "", "The body.\n"))
	secret := filepath.Join(outside, "secret.md")
	text := article("TOP SECRET", "", "TOP SECRET\n")
	if err := os.WriteFile(secret, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"leak.md": secret, "secret.txt": secret} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("can't make symbolic links here: %v", err)
		}
	}
}
