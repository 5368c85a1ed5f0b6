package lint

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// activeKinds are the files of the content folder a browser may run
// script in when a reader opens one at its own address, on the site's
// origin: by the types common servers give their names, pages, SVG
// images (compressed too), and XML with the stylesheets that make pages
// of it.
var activeKinds = map[string]bool{".svg": true, ".svgz": true, ".html": true, ".htm": true, ".shtml": true, ".xhtml": true, ".xht": true, ".xml": true, ".xsl": true, ".xslt": true}

var (
	// activeMarkup finds markup that runs script: a script element,
	// with a namespace prefix as XML may write it (<svg:script>), an
	// event handler attribute, an element or attribute that a stylesheet
	// makes so named (<xsl:element name="script">), or an entity
	// declaration, which can spell any of them.
	activeMarkup = regexp.MustCompile(`(?i)<([\w.-]+:)?script\b|\s([\w.-]+:)?on[a-z]+\s*=|\bname\s*=\s*["']\s*(script|on[a-z]+)\s*["']|<!entity\b`)
	// activeAddress finds an address that runs script.
	activeAddress = regexp.MustCompile(`(?i)(java|vb)script:`)
	// skipped are the characters a browser takes out of an address
	// before it reads it (jav&#9;ascript: is javascript:).
	skipped = regexp.MustCompile(`[\x00-\x20]+`)
)

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
		if m := script(string(data)); m != "" {
			out = append(out, &content.Error{File: content.JoinPath(s.ContentDir, file),
				Msg: fmt.Sprintf("holds script (%s), which runs on the site's own address when a reader opens the file: take the script out, or publish the file elsewhere", m)})
		}
	}
	return out
}

// script gives the first thing in text that runs script, or "": as
// written, or spelt with character references, which a browser reads
// in an attribute, and in the page an attribute holds (an iframe's
// srcdoc) once more.
func script(text string) string {
	for range 4 {
		if m := activeMarkup.FindString(text); m != "" {
			return strings.TrimSpace(m)
		}
		if m := activeAddress.FindString(skipped.ReplaceAllString(text, "")); m != "" {
			return m
		}
		decoded := html.UnescapeString(text)
		if decoded == text {
			break
		}
		text = decoded
	}
	return ""
}

// gunzipped gives the content of gzip data, or data as it is when it is
// not gzip.
func gunzipped(data []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return data
	}
	out, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return data
	}
	return out
}
