package lint

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// activeKinds are the files of the content folder a browser runs script
// in when a reader opens one at its own address, on the site's origin.
var activeKinds = map[string]bool{".svg": true, ".html": true, ".htm": true, ".xhtml": true}

// activeScript finds what runs script in such a file: a script element,
// an event handler attribute, or a javascript: address.
var activeScript = regexp.MustCompile(`(?i)<script\b|\son[a-z]+\s*=|javascript:`)

// active tells each file of the content folder, an image or a page
// published as it is, that holds script: raw_html off keeps script out
// of articles, and a file the site publishes should not bring it back.
func active(s *site.Site) content.Errors {
	var out content.Errors
	for _, name := range s.Assets {
		if !activeKinds[strings.ToLower(path.Ext(name))] {
			continue
		}
		file := s.AssetFile(name)
		data, err := os.ReadFile(filepath.Join(filepath.FromSlash(s.ContentDir), filepath.FromSlash(file)))
		if err != nil {
			continue // told when it is published
		}
		if m := activeScript.Find(data); m != nil {
			out = append(out, &content.Error{File: content.JoinPath(s.ContentDir, file),
				Msg: fmt.Sprintf("holds script (%s), which runs on the site's own address when a reader opens the file: take the script out, or publish the file elsewhere", strings.TrimSpace(string(m)))})
		}
	}
	return out
}
