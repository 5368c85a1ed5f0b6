package lint

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"mime"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf16"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// Files of the content folder that a browser may run script in when a
// reader opens one at its own address, on the site's origin, by the
// types common servers give their names: pages read as HTML, and SVG
// images, XHTML pages and XML with the stylesheets that make pages of
// it, read as XML.
var (
	htmlKinds = map[string]bool{".html": true, ".htm": true, ".shtml": true}
	xmlKinds  = map[string]bool{".svg": true, ".svgz": true, ".xhtml": true, ".xht": true, ".xhtm": true, ".xml": true, ".xsl": true, ".xslt": true,
		// Served with XML's types too (application/xml, +xml), which a
		// browser shows, and runs the script of.
		".xsd": true, ".rng": true, ".rdf": true, ".owl": true, ".mml": true, ".kml": true, ".smil": true, ".smi": true, ".xspf": true,
		".xul": true, ".gpx": true, ".atom": true, ".rss": true, ".xbl": true, ".wsdl": true, ".xlf": true, ".xliff": true, ".dae": true}
)

// Active tells each file of the content folder, an image or a page
// published as it is, that holds script: raw_html off keeps script out
// of articles, and a file the site publishes should not bring it back.
// Unlike what Site finds, such a file stops a build: published, it would
// run its script on the site's own address.
func Active(s *site.Site) content.Errors {
	var out content.Errors
	for i, name := range s.Assets {
		if !checked(name) {
			continue
		}
		file := s.AssetFileAt(i)
		data, err := os.ReadFile(filepath.Join(filepath.FromSlash(s.ContentDir), filepath.FromSlash(file)))
		if err != nil {
			continue // told when it is published
		}
		if f := scriptIn(strings.ToLower(path.Ext(name)), data); f.why != "" {
			out = append(out, &content.Error{File: content.JoinPath(s.ContentDir, file), Line: f.line, Msg: f.why})
		}
	}
	return out
}

// checked reports whether a file of the content folder published as
// name is one a browser may run script in: by its extension above, or by
// the type this machine's table gives it, which deploy sends, of HTML or
// XML.
func checked(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return htmlKinds[ext] || xmlKinds[ext] || servedAsXML(ext)
}

// servedAsXML reports whether this machine's table of types gives the
// extension ext a type of XML or HTML.
func servedAsXML(ext string) bool {
	t, _, _ := strings.Cut(mime.TypeByExtension(ext), ";")
	t = strings.ToLower(strings.TrimSpace(t))
	return strings.HasSuffix(t, "xml") || strings.Contains(t, "html")
}

// Script says why data, the bytes of a file of the content folder
// published as name, hold script that would run on the site's own
// address, as Active finds it; "" when they do not. serve asks it of a
// file it reads afresh for a browser.
func Script(name string, data []byte) string {
	if !checked(name) {
		return ""
	}
	return scriptIn(strings.ToLower(path.Ext(name)), data).why
}

// read holds what scriptIn found in each file it read, by the hash of
// its kind and bytes: serve checks the folder again after every save,
// and reads again only the files that changed.
var read sync.Map // [32]byte → finding

// scriptIn says why the bytes data of a file of the extension ext hold
// script, and where the first is; the zero finding when they do not.
func scriptIn(ext string, data []byte) finding {
	kind := byte('x') // read as XML
	asHTML := htmlKinds[ext] || !xmlKinds[ext] && strings.Contains(mime.TypeByExtension(ext), "html")
	switch {
	case asHTML:
		kind = 'h'
	case ext == ".svgz":
		kind = 'z' // gunzipped first
	}
	h := sha256.New()
	h.Write([]byte{kind})
	h.Write(data)
	var key [32]byte
	h.Sum(key[:0])
	if f, ok := read.Load(key); ok {
		return f.(finding)
	}
	if ext == ".svgz" {
		data = gunzipped(data)
	}
	var f finding
	if !asHTML {
		f = xmlScript(data)
	} else if found := htmlScript(data, 0); len(found) > 0 {
		f = found[0]
	}
	if f.script {
		f.why += onOpen
	}
	read.Store(key, f)
	return f
}

// urlAttributes hold an address a browser follows, or runs when it is a
// javascript: one; animations set one (values, to), and so hold it
// anywhere in their value.
var (
	urlAttributes       = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true, "background": true, "codebase": true, "cite": true, "longdesc": true, "usemap": true, "lowsrc": true, "dynsrc": true}
	animationAttributes = map[string]bool{"values": true, "to": true, "from": true, "by": true}
)

// finding is what a check below found in a file or a body: script, or
// why it could not be read for script; the zero finding is neither.
type finding struct {
	why    string
	script bool // why names script found
	line   int  // the line of the text read it is on; 0 where the reading cannot tell
}

// runs says that a file or a body holds what, which runs script; what
// becomes of it is for the caller to say (see onOpen).
func runs(what string) finding {
	return finding{why: "holds script (" + what + ")", script: true}
}

// at gives f told at line.
func (f finding) at(line int) finding {
	f.line = line
	return f
}

// unreadable says why a file could not be read for script.
func unreadable(why string) finding { return finding{why: why} }

// onOpen says what becomes of the script a file holds, after runs.
const onOpen = ", which would run on the site's own address when a reader opens the file: take it out, or publish the file elsewhere"

// bodyScript warns of each script an article's body holds, and each
// element that sends readers elsewhere (see elsewhere), at the line of
// the file it is written on, which raw_html: true publishes as it is:
// on the article's page, on the site's own address, and in feeds.
func bodyScript(s *site.Site) content.Errors {
	if !s.Settings.RawHTML {
		return nil
	}
	var out content.Errors
	for _, a := range s.Articles {
		body, err := a.Body()
		if err != nil {
			continue // told when the page is made
		}
		for _, f := range htmlScript([]byte(body), 0) {
			if f.script {
				out = append(out, &content.Error{File: a.Content.File, Line: a.Content.LineOf(f.line), Warning: true,
					Msg: "body: " + f.why + ", which raw_html: true publishes, to run on the site's own address in every reader's browser: take it out, unless the site means to run it"})
			}
		}
		for _, f := range elsewhere([]byte(body)) {
			out = append(out, &content.Error{File: a.Content.File, Line: a.Content.LineOf(f.line), Warning: true, Msg: "body: " + f.why})
		}
	}
	return out
}

// elsewhereTag matches the start of a base or a meta element, to pass
// over the bodies that have none.
var elsewhereTag = regexp.MustCompile(`(?i)<(base|meta)[\s/>]`)

// elsewhere says of each element of the page data that takes readers
// elsewhere without a click, and what to write instead: a base with an
// address, which every relative link of the page then leads from, and a
// meta refresh that says when, which sends them on.
func elsewhere(data []byte) []finding {
	if !elsewhereTag.Match(data) {
		return nil
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var found []finding
	written := &tags{data: data}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Namespace != "" {
			continue
		}
		for _, a := range n.Attr {
			var why string
			switch {
			case n.Data == "base" && a.Key == "href":
				why = fmt.Sprintf("<base href=%q>, which raw_html: true publishes, makes every relative link of the page lead from that address: take it out, and write each link's whole address where it should lead elsewhere", a.Val)
			case n.Data == "meta" && a.Key == "http-equiv" && strings.EqualFold(strings.TrimSpace(a.Val), "refresh") && strings.TrimSpace(attribute(n, "content")) != "":
				why = fmt.Sprintf("<meta http-equiv=%q content=%q>, which raw_html: true publishes, sends every reader on from the page, or reloads it, without a click: take it out, and link to the page readers should go to", a.Val, attribute(n, "content"))
			default:
				continue
			}
			found = append(found, finding{why: why, line: written.lineOf(a.Key, a.Val)})
		}
	}
	return found
}

// attribute gives the value of the attribute key of n, or "".
func attribute(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// activeAttribute says why the attribute space:key="val" of the element
// named element runs script: an event handler, an address that runs
// script, a page of its own in a data: address that a frame shows (see
// dataPage), or a page in an iframe's srcdoc that holds script (depth
// counts the pages around it).
func activeAttribute(element, space, key, val string, depth int) finding {
	key = strings.ToLower(key)
	address := asAddress(val)
	script := strings.HasPrefix(address, "javascript:") || strings.HasPrefix(address, "vbscript:") ||
		framing[strings.ToLower(localName(element))] && dataPage(address)
	switch {
	case space == "" && strings.HasPrefix(key, "on"):
		return runs(key + "=")
	case urlAttributes[key] && script, animationAttributes[key] && (strings.Contains(address, "javascript:") || strings.Contains(address, "vbscript:")):
		return runs(fmt.Sprintf("%s=%q", key, content.Truncate(strings.TrimSpace(val), 60))) // as written, for the editor to find
	case key == "srcdoc":
		if found := htmlScript([]byte(val), depth+1); len(found) > 0 {
			return found[0]
		}
	}
	return finding{}
}

// framing are the elements that show the page their address gives
// inside the page that holds them: a data: one runs its script there,
// where a browser would not open it on its own.
var framing = map[string]bool{"iframe": true, "frame": true, "object": true, "embed": true}

// dataPage reports whether address, as asAddress gives it, is a data:
// address of a page a browser shows and runs the script of, by its
// media type: HTML, XML of any kind (XHTML and SVG among them), or
// JavaScript. A browser reads the type as far as the first ";" or ",",
// before any "#"; one with no type, or a type it cannot read
// (text%2fhtml, "text /html"), is plain text, which runs nothing.
func dataPage(address string) bool {
	rest, ok := strings.CutPrefix(address, "data:")
	if !ok {
		return false
	}
	rest, _, _ = strings.Cut(rest, "#")
	media, _, ok := strings.Cut(rest, ",")
	if !ok {
		return false // no page at all
	}
	media, _, _ = strings.Cut(media, ";")
	media = strings.Trim(media, " \f")
	kind, sub, ok := strings.Cut(media, "/")
	if !ok || !mediaToken(kind) || !mediaToken(sub) {
		return false
	}
	return sub == "html" && kind == "text" || sub == "xml" || strings.HasSuffix(sub, "+xml") || media == "text/xsl" || javascriptType(media)
}

// mediaToken reports whether s can be the type or the subtype of a
// media type: one or more of the characters a token of HTTP holds.
func mediaToken(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r))
	})
}

// asAddress gives val, an attribute's value, as a browser reads an
// address, in lower case: tabs and line breaks anywhere are left out
// (jav&#9;ascript:), and so are control characters and spaces at either
// end (&#14;javascript:).
func asAddress(val string) string {
	return strings.ToLower(strings.Trim(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, val), "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
}

// localName gives the name of an attribute or element written name,
// without its prefix (xlink:href is href).
func localName(name string) string { return name[strings.LastIndexByte(name, ':')+1:] }

// maxDepth is how many pages inside pages (an iframe's srcdoc) are read
// before a file is refused as too deep to read.
const maxDepth = 16

// htmlScript says why a page read as HTML runs script, each script
// found: a script element, or an attribute that does (see
// activeAttribute), anywhere in the page as a browser builds it, SVG and
// MathML inside it too.
func htmlScript(data []byte, depth int) []finding {
	if depth > maxDepth {
		return []finding{unreadable(fmt.Sprintf("holds pages inside pages (an iframe's srcdoc) more than %d deep, too deep to read for script: publish it elsewhere", maxDepth))}
	}
	// Served with charset=utf-8, as serve, deploy and common servers
	// serve a page, a browser reads it as UTF-8, whatever the page
	// declares, unless it starts with a byte order mark; served without,
	// by what it declares. Both are read.
	served := data
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		served = utf8Text(data)
	}
	if found := documentScript(bytes.NewReader(served), depth); len(found) > 0 {
		return found
	}
	if sevenBit(data) {
		return nil // read alike in every encoding a page may declare
	}
	text := utf8Text(data)
	if _, name, _ := charset.DetermineEncoding(text, "text/html"); name == "utf-8" {
		return nil
	}
	r, err := charset.NewReader(bytes.NewReader(text), "text/html")
	if err != nil {
		return []finding{unreadable("is in an encoding that cannot be read for script (" + err.Error() + "): save it as UTF-8")}
	}
	return documentScript(r, depth)
}

// sevenBit says whether data is text in ASCII alone, without the
// escape that switches ISO-2022-JP to other characters or the zero bytes
// of UTF-16: every encoding a browser reads a page in reads it alike.
func sevenBit(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 || c == 0x1b || c == 0 {
			return false
		}
	}
	return true
}

// documentScript finds each script in the HTML document r gives as
// UTF-8, as htmlScript does, at the line its tag starts on.
func documentScript(r io.Reader, depth int) []finding {
	data, err := io.ReadAll(r)
	var doc *html.Node
	if err == nil {
		doc, err = html.Parse(bytes.NewReader(data))
	}
	if err != nil {
		return []finding{unreadable("cannot be read for script (" + err.Error() + "): publish it elsewhere")}
	}
	var found []finding
	written := &tags{data: data}
	at := func(f finding, key, val string) {
		f.line = written.lineOf(key, val)
		found = append(found, f)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if strings.EqualFold(n.Data, "script") && scriptType(n) {
			at(runs("<"+n.Data+">"), "", "")
		}
		for _, a := range n.Attr {
			if f := activeAttribute(n.Data, a.Namespace, a.Key, a.Val, depth); f.why != "" {
				at(f, a.Key, a.Val)
			}
		}
	}
	return found
}

// tags are the start tags of the page data as the tokenizer reads them,
// once a line is asked for, to tell where an element the parser built
// is written: the parser, which may move an element or make one no tag
// names, tells no line.
type tags struct {
	data []byte
	// lines are the lines of the tags not told of yet, in order, by
	// what lineOf looks for (see tagKey); nil until read.
	lines map[string][]int
}

// tagKey is what lineOf finds a tag by: a script element, with key "",
// or one with the attribute key="val", its name read without a prefix.
func tagKey(key, val string) string {
	if key == "" {
		return "<script>"
	}
	return strings.ToLower(localName(key)) + "=" + val
}

// readTags reads the start tags of the page.
func (t *tags) readTags() {
	z := html.NewTokenizer(bytes.NewReader(t.data))
	t.lines = map[string][]int{}
	line := 1
	for {
		kind := z.Next()
		if kind == html.ErrorToken {
			return
		}
		newlines := bytes.Count(z.Raw(), []byte("\n"))
		if kind == html.StartTagToken || kind == html.SelfClosingTagToken {
			tok := z.Token()
			if tok.Data == "script" {
				t.lines[tagKey("", "")] = append(t.lines[tagKey("", "")], line)
			}
			for _, a := range tok.Attr {
				k := tagKey(a.Key, a.Val)
				t.lines[k] = append(t.lines[k], line)
			}
		}
		line += newlines
	}
}

// lineOf gives the line of the first start tag not told of before that
// has the attribute key="val" (its name read without a prefix), or, with
// key "", that is a script element; 0 where none is.
func (t *tags) lineOf(key, val string) int {
	if t.lines == nil {
		t.readTags()
	}
	k := tagKey(key, val)
	lines := t.lines[k]
	if len(lines) == 0 {
		return 0
	}
	t.lines[k] = lines[1:]
	return lines[0]
}

// scriptType reports whether a browser runs the script element n, by
// its type: one it does not run, such as JSON-LD's
// (application/ld+json) or a template's, is data.
func scriptType(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" || !strings.EqualFold(a.Key, "type") {
			continue
		}
		t := strings.ToLower(strings.TrimSpace(a.Val))
		return t == "" || t == "module" || javascriptType(t)
	}
	return true
}

// javascriptType reports whether t, a media type in lower case, names
// JavaScript, in any of the names browsers know it by
// (text/javascript, application/x-ecmascript, text/jscript).
func javascriptType(t string) bool {
	return strings.Contains(t, "javascript") || strings.Contains(t, "ecmascript") || strings.Contains(t, "jscript") || strings.Contains(t, "livescript")
}

// utf8Text gives data, a file a browser reads, in UTF-8 when it is in
// UTF-16, as its byte order mark names it, or its first character, "<",
// shows it; else as it is, for the decoders to read by what it declares.
func utf8Text(data []byte) []byte {
	var order binary.ByteOrder
	from := 0
	switch {
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order, from = binary.BigEndian, 2
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order, from = binary.LittleEndian, 2
	case bytes.HasPrefix(data, []byte{0, '<'}):
		order = binary.BigEndian
	case bytes.HasPrefix(data, []byte{'<', 0}):
		order = binary.LittleEndian
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := from; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	text := string(utf16.Decode(units))
	// Read as UTF-8 now: what it said of its encoding no longer holds.
	text = utf16Declared.ReplaceAllString(text, "${1}UTF-8$3")
	return []byte(text)
}

// utf16Declared matches an XML declaration that names UTF-16.
var utf16Declared = regexp.MustCompile(`(?i)(<\?xml[^>]*encoding\s*=\s*["'])utf-16(be|le)?(["'])`)

// gunzipped gives the content of gzip data, as much as reads before any
// damage, which a browser shows all the same; or data as it is when it
// is not gzip.
func gunzipped(data []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return data
	}
	out, _ := io.ReadAll(io.LimitReader(r, 64<<20))
	return out
}
