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
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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

// hostileCase is one article written to break the build, and what must
// happen to it: the build fails with exactly the error lines in want, or
// it builds, every page and feed passes checkOutput, and check holds.
type hostileCase struct {
	name string
	// write makes the content folder in dir for a case too large, or too
	// odd, to keep in testdata/hostile; nil means testdata/hostile/name.
	write func(t *testing.T, dir string)
	// want is the build's error lines, the content folder written as
	// "content".
	want []string
	// builds says what must hold of a case that builds, and check tests it.
	builds string
	check  func(t *testing.T, files map[string][]byte)
	// maxAlloc and maxHeap raise the bounds on memory for the cases whose
	// very size is the point.
	maxAlloc, maxHeap uint64
}

var hostileCases = []hostileCase{
	// Markup where text belongs.
	{
		name:   "script-in-body",
		builds: "<script>, <img onerror>, <iframe>, <svg onload> and a raw javascript: link in the body are shown escaped, as text, on the page and in every feed; none is markup",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, "<p>Before the script.</p>", "&lt;script&gt;", "<p>After the script.</p>")
			wantNotIn(t, files, hostilePage, "<img", "<iframe", "<svg")
		},
	},
	{
		name:   "raw-html-allowed",
		builds: "with raw_html: true in site.yaml, the body's HTML reaches the page and the feeds as written",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, `<aside class="callout">Kept <em>as written</em></aside>`, "<kbd>Ctrl</kbd>")
			if got := atomContent(t, files); !strings.Contains(got, `<aside class="callout">`) {
				t.Errorf("atom.xml entry content: got %q, want the raw <aside>", got)
			}
		},
	},
	{
		name:   "script-in-title",
		builds: "a title that closes <title> and opens <script> is escaped on the page and reads as the same text in its JSON-LD and every feed",
		check: func(t *testing.T, files map[string][]byte) {
			title := "</title><script>alert(1)</script>"
			wantIn(t, files, hostilePage, "<h1>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
			wantEntry(t, files, "title", title)
			wantJSONLD(t, files, title)
		},
	},
	{
		name:   "attribute-breakout-in-summary",
		builds: "a summary that closes its attribute, a comment and a CDATA section stays inside the meta description and reads as the same text in the JSON-LD and every feed",
		check: func(t *testing.T, files map[string][]byte) {
			summary := `"><script>alert(1)</script><meta x=" ' onmouseover='alert(1)' --> ]]>`
			wantIn(t, files, hostilePage, `<meta name="description" content="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;meta x=&#34; &#39; onmouseover=&#39;alert(1)&#39; --&gt; ]]&gt;">`)
			wantEntry(t, files, "summary", summary)
			wantJSONLD(t, files, summary)
		},
	},
	{
		name:   "script-in-every-field",
		builds: "<script> in topics, regulators, authors, applies_to, sources, events, changes, withdrawn and id is escaped everywhere; the topic gets a slug of letters",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, "topics/script-alert-1-script/index.html", "&lt;script&gt;alert(1)&lt;/script&gt;")
			wantIn(t, files, hostilePage, "Explanation &lt;script&gt;alert(10)&lt;/script&gt;", "Note &lt;script&gt;alert(5)&lt;/script&gt;")
			wantEntry(t, files, "id", "urn:x:<script>alert(11)</script>")
		},
	},
	{
		name:   "entities-in-title",
		builds: "character references typed in a title are text, not markup: the page escapes their ampersands and every feed carries them as typed",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, "<h1>AT&amp;T &lt;b&gt;bold&lt;/b&gt; &amp;amp; &amp;#60;script&amp;#62; &amp;lt;</h1>")
			wantEntry(t, files, "title", "AT&T <b>bold</b> &amp; &#60;script&#62; &lt;")
			wantJSONLD(t, files, "AT&T <b>bold</b> &amp; &#60;script&#62; &lt;")
			wantEntry(t, files, "summary", "Fish &amp; chips &#x26; &nbsp; &lt;i&gt;")
		},
	},
	{
		name:   "cdata-end-and-comments",
		builds: "]]>, <![CDATA[ and <!-- in the title and body leave every feed well-formed",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", "Ends ]]> here <!-- and -- here")
			if got := atomContent(t, files); !strings.Contains(got, "<code>code ]]&gt; &lt;!--</code>") {
				t.Errorf("atom.xml entry content: got %q, want the code span as text", got)
			}
		},
	},
	{
		name:   "xml-forbidden-in-body",
		builds: "control characters, NUL and U+FFFE/U+FFFF in the body are dropped from every feed; the text around them stays",
		check: func(t *testing.T, files map[string][]byte) {
			got := atomContent(t, files)
			for _, want := range []string{"Control", "non-characters", "\U0001F600", "<code>code"} {
				if !strings.Contains(got, want) {
					t.Errorf("atom.xml entry content: got %q, want it to contain %q", got, want)
				}
			}
		},
	},
	{
		name:   "xml-forbidden-in-toml",
		builds: "forbidden characters written as TOML escapes in the title, summary, topic and author are dropped from every feed",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", "Paused again")
			wantEntry(t, files, "summary", "Summary with a form feed and escape.")
			wantIn(t, files, "topics/hostile-input/atom.xml", "<name>Ann Editor</name>")
		},
	},
	{
		name: "yaml-control-character",
		want: []string{"content/article.md:2: front matter is not valid YAML: control characters are not allowed"},
	},

	// Links that would run script.
	{
		name: "javascript-link",
		want: []string{`content/article.md:9: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
	},
	{
		name: "javascript-link-disguised",
		want: []string{
			`content/article.md:9: body: link "JaVaScRiPt:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
			`content/article.md:11: body: link "&#106;avascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
			`content/article.md:13: body: link "&#x6A;avascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
			`content/article.md:15: body: link "javascript&colon;alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
			`content/article.md:17: body: link " javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
			`content/article.md:19: body: link "\u00a0javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`,
		},
	},
	{
		name: "javascript-autolink",
		want: []string{`content/article.md:9: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
	},
	{
		name: "javascript-reference-link",
		want: []string{`content/article.md:9: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
	},
	{
		name: "javascript-image",
		want: []string{`content/article.md:9: body: link "javascript:alert(1)" uses javascript: which is not allowed: link to an http(s) address or a page of the site`},
	},
	{
		name: "data-image",
		want: []string{`content/article.md:9: body: link "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" uses data: which is not allowed: link to an http(s) address or a page of the site`},
	},
	{
		name: "vbscript-link",
		want: []string{`content/article.md:9: body: link "vbscript:msgbox(1)" uses vbscript: which is not allowed: link to an http(s) address or a page of the site`},
	},
	{
		name: "source-url-schemes",
		want: []string{
			"content/article.md:9: sources.url: javascript: URLs are not allowed: give the source's http(s) address",
			"content/article.md:11: sources.url: vbscript: URLs are not allowed: give the source's http(s) address",
			"content/article.md:13: sources.url: data: URLs are not allowed: give the source's http(s) address",
		},
	},
	{
		name:   "obfuscated-schemes-inert",
		builds: "tabs, newlines, control characters and backslashes inside a javascript: link are percent-encoded, so no browser reads the link as script",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, `href="java%09script:alert(1)"`, `href="%01javascript:alert(1)"`, `href="java%0Ascript:alert(1)"`)
		},
	},

	// Paths.
	{
		name: "alias-traversal",
		want: []string{`content/article.md:7: aliases: "/../../../etc/passwd/": the part ".." cannot be part of an address: it names a folder, not a page`},
	},
	{
		name: "alias-with-line-break",
		want: []string{`content/article.md:7: aliases: "/2024/12/old\nslug/": the part "old\nslug" cannot be part of an address: it holds an invisible character (U+000A)`},
	},
	{
		name: "slug-traversal",
		want: []string{`content/article.md:7: slug: "../../outside" cannot be part of an address: '/' separates folders; write "outside"`},
	},
	{
		name:   "topic-traversal",
		builds: "topics named like ../../../tmp/escape, ..\\..\\windows and /etc/passwd get slugs of their letters, and every file stays inside the output folder",
		check: func(t *testing.T, files map[string][]byte) {
			for _, p := range []string{"topics/tmp-escape/index.html", "topics/windows/index.html", "topics/etc-passwd/index.html"} {
				if _, ok := files[p]; !ok {
					t.Errorf("missing %s", p)
				}
			}
		},
	},
	{
		name: "topic-without-slug",
		want: []string{
			`content/article.md:5: topics: "!!!" gives an empty slug: include letters or digits`,
		},
	},
	{
		name:   "symlink-escape",
		write:  writeSymlinks,
		builds: "an article and an asset that are symbolic links to files outside the content folder are not published",
		check: func(t *testing.T, files map[string][]byte) {
			for name, data := range files {
				if bytes.Contains(data, []byte("TOP SECRET")) {
					t.Errorf("%s carries a file from outside the content folder", name)
				}
			}
			if _, ok := files["secret.txt"]; ok {
				t.Errorf("secret.txt, a link to a file outside the content folder, was published")
			}
		},
	},

	// Encodings and line ends.
	{
		name: "invalid-utf8",
		want: []string{"content/article.md:11: file is not valid UTF-8: save it as UTF-8"},
	},
	{
		name:   "byte-order-mark",
		builds: "a UTF-8 byte-order mark before the front matter is dropped, not read as part of the title",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", "Hostile input test")
			wantNoOutput(t, files, "\ufeff")
		},
	},
	{
		name:   "crlf-line-endings",
		builds: "CRLF line ends read as LF: no carriage return reaches any file",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, "<p>Second paragraph\nwith a hard line.</p>")
			wantNoOutput(t, files, "\r")
		},
	},
	{
		name: "crlf-error-line",
		want: []string{`content/article.md:3: date: "27/03/2025" is not a date: use YYYY-MM-DD or RFC 3339 (2025-03-27T09:30:00Z)`},
	},
	{
		name:   "bom-crlf-and-lone-cr",
		builds: "a byte-order mark with CRLF line ends and a lone CR in the body builds, the lone CR ending a line as CommonMark says",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", "Hostile input test")
			wantIn(t, files, hostilePage, "<p>One.</p>", "<p>Two.</p>")
		},
	},
	{
		name:   "bidi-and-zero-width",
		builds: "bidirectional overrides, zero-width characters and combining accents in the title and summary are kept as written",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", "Paused \u202eevil\u202c \u200b\u200d\ufeff again")
			wantJSONLD(t, files, "Paused \u202eevil\u202c \u200b\u200d\ufeff again")
			wantEntry(t, files, "summary", "Right-to-left \u05e9\u05dc\u05d5\u05dd and combining e\u0301")
		},
	},

	// Front matter.
	{
		name: "tabs-in-yaml",
		want: []string{"content/article.md:6: the line is indented with a tab, which YAML does not allow: indent with spaces"},
	},
	{
		name: "yaml-line-separator",
		want: []string{"content/article.md:2: front matter has an invisible line separator (U+2028), which YAML reads as a line break: delete it"},
	},
	{
		name: "duplicate-keys",
		want: []string{"content/article.md:7: title: set twice (first at line 2): keep one"},
	},
	{
		name: "yaml-anchor-alias",
		want: []string{"content/article.md:6: YAML aliases (*name) are not supported: write the value out in full"},
	},
	{
		name:  "billion-laughs",
		write: writeBillionLaughs,
		want:  []string{"content/article.md:8: YAML aliases (*name) are not supported: write the value out in full"},
	},
	{
		name: "yaml-merge-key",
		want: []string{"content/article.md:8: keys must be plain names (no merge keys or complex keys)"},
	},
	{
		name:   "yaml-foreign-tags",
		builds: "!!python/object and !!binary tags are ignored: the values are read as the text written, and nothing is decoded or run",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", "echo pwned")
			wantEntry(t, files, "summary", "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")
		},
	},
	{
		name: "front-matter-not-a-map",
		want: []string{"content/article.md:2: front matter: got a list, want a map of title, date, summary, regulators, topics, authors, status, updated, changes, sources, events, withdrawn, applies_to, draft, slug, aliases, id"},
	},
	{
		name: "front-matter-unclosed",
		want: []string{"content/article.md:1: front matter is never closed: end it with a line of ---"},
	},
	{
		name:  "nested-front-matter",
		write: writeNestedFrontMatter,
		want:  []string{"content/article.md:7: front matter nests deeper than 8 levels"},
	},
	{
		name: "empty-file",
		want: []string{"content/article.md:1: no front matter: start with a line of --- and close it with another"},
	},
	{
		name: "impossible-dates",
		want: []string{
			`content/article.md:3: date: "2025-02-30" has no day 30: February 2025 has 28 days`,
			`content/article.md:7: updated: "0000-01-01T00:00:00+01:00" is before the year 1000: check the year`,
			`content/article.md:10: sources.date: "2025-01-15T09:30:00+24:00" has an offset of a day or more: write one from -23:59 to +23:59`,
		},
	},
	{
		name:   "hostile-feed-id",
		builds: "an id that closes its XML element and opens <script> is escaped and read back as written in every feed",
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "id", "]]></id><script>alert(1)</script><id>")
		},
	},
	{
		name:  "many-topics",
		write: writeManyTopics,
		want:  []string{"content/article.md:6: topics: 10000 listed, more than 50: keep those the article is mainly about"},
	},

	// Size.
	{
		name:   "huge-body",
		write:  writeHugeBody,
		builds: "a 5 MB body with a link on every paragraph builds, in bounded time and memory",
		// The body is converted once, then carried by a page and nine feed
		// files, each made in memory, several at once.
		maxAlloc: 1536 << 20,
		maxHeap:  600 << 20,
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, `<a href="/topics/hostile-input/">paragraph 69999</a>`)
		},
	},
	{
		name:   "long-line",
		write:  writeLongLine,
		builds: "a body line of 100,000 characters builds and reaches the page whole",
		check: func(t *testing.T, files map[string][]byte) {
			wantIn(t, files, hostilePage, "<p>"+strings.Repeat("long ", 19999)+"long</p>")
		},
	},
	{
		name:     "long-title",
		write:    writeLongTitle,
		builds:   "a title of 100,000 characters builds and reaches every feed whole",
		maxAlloc: 400 << 20,
		check: func(t *testing.T, files map[string][]byte) {
			wantEntry(t, files, "title", strings.Repeat("Title ", 16666)+"Tail")
		},
	},
	{
		name:   "nested-lists",
		write:  writeNestedLists,
		builds: "lists nested 1,000 deep build as 1,000 nested lists",
		check: func(t *testing.T, files map[string][]byte) {
			if got := strings.Count(atomContent(t, files), "<ul>"); got != 1000 {
				t.Errorf("%s entry content: got %d <ul>, want 1000", atomFile, got)
			}
		},
	},
	{
		name:   "nested-quotes",
		write:  writeNestedQuotes,
		builds: "block quotes nested 1,000 deep build as 1,000 nested quotes",
		check: func(t *testing.T, files map[string][]byte) {
			if got := strings.Count(atomContent(t, files), "<blockquote>"); got != 1000 {
				t.Errorf("%s entry content: got %d <blockquote>, want 1000", atomFile, got)
			}
		},
	},
	{
		name:     "many-links",
		write:    writeManyLinks,
		builds:   "a body of 100,000 links builds in time that grows with its size, not its square",
		maxAlloc: 1 << 30,
		check: func(t *testing.T, files map[string][]byte) {
			if got := bytes.Count(files[hostilePage], []byte(`<a href="/x/">a link</a>`)); got != 100000 {
				t.Errorf("%s: got %d links, want 100000", hostilePage, got)
			}
		},
	},
}

// TestHostileContent builds each hostile case and checks its outcome,
// the time it takes and the memory it uses. Cases run one after another
// so that the memory each one uses can be told apart.
func TestHostileContent(t *testing.T) {
	checkCaseFolders(t)
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			if (c.want == nil) == (c.check == nil) || (c.check != nil) != (c.builds != "") {
				t.Fatal("a case wants either error lines, or a description of what holds and a check")
			}
			dir := filepath.Join("testdata", "hostile", c.name)
			if c.write != nil {
				dir = filepath.Join(t.TempDir(), "content")
				c.write(t, dir)
			}
			root := t.TempDir()
			o := options{content: dir, templates: "../templates", out: filepath.Join(root, "public"), now: testNow}

			var err error
			elapsed, allocated, peak := measure(func() { _, err = build(o) })
			if elapsed > hostileTime {
				t.Errorf("took %s, want at most %s", elapsed.Round(time.Millisecond), hostileTime)
			}
			if limit := max(c.maxAlloc, hostileAlloc); allocated > limit {
				t.Errorf("allocated %d MB in all, want at most %d MB", allocated>>20, limit>>20)
			}
			if limit := max(c.maxHeap, hostileHeap); peak > limit {
				t.Errorf("had %d MB in use at once, want at most %d MB", peak>>20, limit>>20)
			}
			t.Logf("%s, %d MB allocated, %d MB in use at most", elapsed.Round(time.Millisecond), allocated>>20, peak>>20)

			if c.want != nil {
				if err == nil {
					t.Fatalf("build succeeded, want errors:\n%s", strings.Join(c.want, "\n"))
				}
				got := strings.Split(strings.ReplaceAll(err.Error(), filepath.ToSlash(dir)+"/", "content/"), "\n")
				if !slices.Equal(got, c.want) {
					t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
				}
				return
			}
			if err != nil {
				t.Fatalf("build: %v\nwant it to build: %s", err, c.builds)
			}
			entries, err := os.ReadDir(root)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				switch e.Name() {
				case "public", ".public.cache", ".public.index", ".public.build": // the output, its build cache, index and record
				default:
					t.Errorf("the output's parent folder holds %s, want only public and its cache, index and record", e.Name())
				}
			}
			files := readTree(t, o.out)
			if _, ok := files[hostilePage]; !ok {
				t.Fatalf("no article page at %s", hostilePage)
			}
			for name, data := range files {
				checkOutput(t, name, data)
			}
			c.check(t, files)
		})
	}
}

// checkCaseFolders makes sure every folder in testdata/hostile has a case
// and every case without a write function has a folder.
func checkCaseFolders(t *testing.T) {
	t.Helper()
	entries, err := os.ReadDir("testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	folders := map[string]bool{}
	for _, e := range entries {
		folders[e.Name()] = true
	}
	for _, c := range hostileCases {
		if c.write == nil && !folders[c.name] {
			t.Errorf("case %s: no folder testdata/hostile/%s", c.name, c.name)
		}
		delete(folders, c.name)
	}
	for name := range folders {
		t.Errorf("testdata/hostile/%s has no case in hostileCases", name)
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

// wantIn checks that a file contains each of wants.
func wantIn(t *testing.T, files map[string][]byte, name string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !bytes.Contains(files[name], []byte(want)) {
			t.Errorf("%s: want it to contain %q", name, truncate(want))
		}
	}
}

// wantNotIn checks that a file contains none of unwanted.
func wantNotIn(t *testing.T, files map[string][]byte, name string, unwanted ...string) {
	t.Helper()
	for _, s := range unwanted {
		if bytes.Contains(files[name], []byte(s)) {
			t.Errorf("%s: contains %q, want it left out", name, s)
		}
	}
}

// wantNoOutput checks that no file contains s.
func wantNoOutput(t *testing.T, files map[string][]byte, s string) {
	t.Helper()
	for name, data := range files {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("%s: contains %q", name, s)
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

// article is a hostile case's article.md, in the same shape as the files
// in testdata/hostile: the front matter ends on line 7, or later with
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

// writeNestedLists nests bullet lists 1,000 deep, each item indented
// under the one before.
func writeNestedLists(t *testing.T, dir string) {
	var b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&b, "%s- level %d\n", strings.Repeat("  ", i), i)
	}
	writeArticle(t, dir, article("Nested lists", "", b.String()))
}

// writeNestedQuotes nests block quotes 1,000 deep on one line.
func writeNestedQuotes(t *testing.T, dir string) {
	writeArticle(t, dir, article("Nested quotes", "", strings.Repeat("> ", 1000)+"deep\n"))
}

// writeManyLinks writes 100,000 links, one a line.
func writeManyLinks(t *testing.T, dir string) {
	writeArticle(t, dir, article("Links", "", strings.Repeat("[a link](/x/)\n", 100000)))
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
