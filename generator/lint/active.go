package lint

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"

	"golang.org/x/net/html"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// activeKinds are the files of the content folder a browser may run
// script in when a reader opens one at its own address, on the site's
// origin: by the types common servers give their names, pages, SVG
// images (compressed too), and XML with the stylesheets that make pages
// of it.
var activeKinds = map[string]bool{".svg": true, ".svgz": true, ".html": true, ".htm": true, ".shtml": true, ".xhtml": true, ".xht": true, ".xml": true, ".xsl": true, ".xslt": true}

// Active tells each file of the content folder, an image or a page
// published as it is, that holds script: raw_html off keeps script out
// of articles, and a file the site publishes should not bring it back.
// Unlike what Site finds, such a file stops a build: published, it would
// run its script on the site's own address.
func Active(s *site.Site) content.Errors {
	var out content.Errors
	for _, name := range s.Assets {
		ext := strings.ToLower(path.Ext(name))
		if !activeKinds[ext] {
			continue
		}
		file := s.AssetFile(name)
		data, err := os.ReadFile(filepath.Join(filepath.FromSlash(s.ContentDir), filepath.FromSlash(file)))
		if err != nil {
			continue // told when it is published
		}
		if ext == ".svgz" {
			data = gunzipped(data)
		}
		if m := script(utf8Text(data), 0); m != "" {
			out = append(out, &content.Error{File: content.JoinPath(s.ContentDir, file),
				Msg: fmt.Sprintf("holds script (%s), which runs on the site's own address when a reader opens the file: take the script out, or publish the file elsewhere", m)})
		}
	}
	return out
}

// script gives the first thing in a page, an SVG image or an XML file
// that runs script, or "" for none: a script element, under any
// namespace prefix (<svg:script>); an event handler attribute; an
// attribute whose value, its character references read as a browser
// reads them, is a javascript: or vbscript: address; a page in an
// iframe's srcdoc that holds any of these (depth counts the pages
// around it); an element or attribute that a stylesheet makes so named
// (<xsl:element name="script">); or an entity declaration that could
// spell any of them. Text is not looked at: a page may say "<script>".
func script(data []byte, depth int) string {
	if m := entityScript(data); m != "" {
		return m
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := localName(string(name))
			if tag == "script" {
				return "<" + string(name)
			}
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				if m := activeAttribute(tag, string(key), string(val), depth); m != "" {
					return m
				}
			}
		}
	}
}

// activeAttribute says what runs script in an attribute key="val" of an
// element named tag, or "".
func activeAttribute(tag, key, val string, depth int) string {
	attr := localName(key)
	cleaned := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1 // left out of an address by browsers: jav&#9;ascript:
		}
		return r
	}, val))
	address := strings.ToLower(cleaned)
	switch {
	case strings.HasPrefix(attr, "on"):
		return key + "="
	case strings.Contains(address, "javascript:"), strings.Contains(address, "vbscript:"):
		if len(cleaned) > 60 {
			cleaned = cleaned[:60] + "…"
		}
		return key + `="` + cleaned + `"`
	case attr == "srcdoc" && depth < 4:
		return script([]byte(val), depth+1)
	case (tag == "element" || tag == "attribute") && attr == "name":
		made := strings.ToLower(strings.Trim(val, "{}'\" "))
		if strings.Contains(made, "script") || strings.HasPrefix(made, "on") {
			return key + `="` + val + `"`
		}
	}
	return ""
}

// localName is a tag's or an attribute's name without its namespace
// prefix, in lower case.
func localName(name string) string {
	return strings.ToLower(name[strings.LastIndexByte(name, ':')+1:])
}

// entityDeclaration matches an XML entity declaration, with its value
// when it has one in the file.
var entityDeclaration = regexp.MustCompile(`(?i)<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:"([^"]*)"|'([^']*)'|([^>]*))`)

// entityScript finds an entity declaration that could spell script: one
// whose value holds markup or a reference, or says javascript: or
// vbscript:, or one read from another file; "Acme Co" is safe.
func entityScript(data []byte) string {
	for _, m := range entityDeclaration.FindAllSubmatch(data, -1) {
		value := string(m[1]) + string(m[2])
		lower := strings.ToLower(value)
		if m[3] != nil || strings.ContainsAny(value, "<&") || strings.Contains(lower, "script:") {
			return strings.TrimSpace(string(m[0]))
		}
	}
	return ""
}

// utf8Text gives data, a file a browser reads, in UTF-8: the tokenizer
// reads UTF-8 and the encodings that share its ASCII, but a file in
// UTF-16, which its byte order mark names, would hide its tags from it.
func utf8Text(data []byte) []byte {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return []byte(string(utf16.Decode(units)))
}

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
