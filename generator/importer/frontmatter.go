package importer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"bulletin/generator/content"
)

// fields is a post's front matter: scalars as their text, lists as
// []any, maps as map[string]any, keys as written.
type fields map[string]any

// text gives a scalar field's text, trimmed, or "".
func (f fields) text(key string) string {
	s, _ := f[key].(string)
	return strings.TrimSpace(s)
}

// first gives the text of the first of keys that has any.
func (f fields) first(keys ...string) string {
	for _, k := range keys {
		if s := f.text(k); s != "" {
			return s
		}
	}
	return ""
}

// list gives a field as a list of texts: a list's scalars, or a scalar as
// one item.
func (f fields) list(key string) []string {
	switch v := f[key].(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, item := range v {
			if s, ok := item.(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	return nil
}

// link is a source a post reports on: its title and address.
type link struct{ title, url string }

// sourceFields are the fields in which a link post names the page it
// is about, as themes for Jekyll and Hugo take them.
var sourceFields = []string{"source_url", "external_url", "link"}

// sourcesOf gives what a post reports on: the http(s) addresses its
// sourceFields give, each titled by source_title where the post sets
// one, else by the address's host.
func sourcesOf(f fields) []link {
	var out []link
	for _, key := range sourceFields {
		addr := f.text(key)
		u, err := url.Parse(addr)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			continue
		}
		out = append(out, link{title: cmp.Or(f.text("source_title"), strings.TrimPrefix(u.Host, "www.")), url: addr})
	}
	return out
}

// authorsOf gives the names of a post's authors: author or authors,
// each a name, or a map with one (name: Jo Bloggs, email: …), as
// jekyll-feed and Hugo's themes take them; else author_name, which
// some themes' bylines show (Contour's, Velero's).
func authorsOf(f fields) []string {
	var names []string
	for _, key := range []string{"author", "authors"} {
		items, ok := f[key].([]any)
		if !ok {
			items = []any{f[key]}
		}
		for _, item := range items {
			if m, ok := item.(map[string]any); ok {
				item = m["name"]
			}
			if s, ok := item.(string); ok && strings.TrimSpace(s) != "" {
				names = append(names, strings.TrimSpace(s))
			}
		}
	}
	if name := strings.TrimSpace(f.text("author_name")); len(names) == 0 && name != "" {
		names = append(names, name)
	}
	return names
}

// boolean gives a field's truth, and whether it is set to one.
func (f fields) boolean(key string) (value, set bool) {
	switch strings.ToLower(f.text(key)) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	return false, false
}

// page is a post file split into front matter and body.
type page struct {
	fields   fields
	body     string
	line     int // the line of the opening delimiter
	bodyLine int
	front    string // the front matter as written
	frontAt  int    // the line front starts on
}

// lineOf gives the first line on which the front matter names key
// (date: in YAML, date = in TOML, "date": in JSON), or else the line
// the front matter opens on.
func (p *page) lineOf(key string) int {
	n := p.frontAt - 1
	for line := range strings.Lines(p.front) {
		n++
		name, _, ok := strings.Cut(line, ":")
		if !ok || strings.ContainsAny(name, "=") {
			name, _, ok = strings.Cut(line, "=")
		}
		if ok && strings.Trim(name, " \t{\"'") == key {
			return n
		}
	}
	return p.line
}

// parseError is a problem with a file, at a line if known.
type parseError struct {
	line int
	msg  string
	bare bool // the file has no front matter at all
}

func (e *parseError) Error() string { return e.msg }

// errTooLarge says that a source file is over Options.MaxSize.
var errTooLarge = errors.New("too large")

// readFile reads a file of the source, refusing one over max bytes. fsys
// is an os.Root's, which refuses a path that leads out of the source by
// a link.
func readFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	// A pipe or a device is not read: a pipe would never end.
	if info, err := fs.Stat(fsys, name); err == nil && !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %s", errTooLarge, size(max))
	}
	return data, nil
}

// errNotRegular is readFile's error for a pipe, a device or a folder.
var errNotRegular = errors.New("not a regular file (a pipe or a device), which the import does not read")

// size writes a byte count for a reader.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// parsePage splits a post file into its front matter, in YAML between
// --- lines, TOML between +++ lines or a JSON object, and its body.
func parsePage(data []byte) (*page, error) {
	if !utf8.Valid(data) {
		return nil, &parseError{msg: "not valid UTF-8: save it as UTF-8"}
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\r\n", "\n")
	// Leading blank lines are allowed, as bulletin allows them.
	open := 1
	for strings.HasPrefix(text, "\n") {
		text, open = text[1:], open+1
	}
	if strings.HasPrefix(text, "{") {
		return parseJSON(text, open)
	}
	delim, _, _ := strings.Cut(text, "\n")
	delim = strings.TrimRight(delim, " \t")
	if delim != "---" && delim != "+++" {
		return nil, &parseError{line: open, msg: "no front matter: the file does not start with --- or +++", bare: true}
	}
	_, rest, _ := strings.Cut(text, "\n")
	end, n := -1, 0 // where the closing delimiter starts, and the lines before it
	offset := 0
	for line := range strings.Lines(rest) {
		// YAML may end with "...", the end of a YAML document, which
		// Jekyll takes too.
		if l := strings.TrimRight(line, " \t\n"); l == delim || delim == "---" && l == "..." {
			end = offset
			break
		}
		offset += len(line)
		n++
	}
	if end < 0 {
		return nil, &parseError{line: open, msg: "front matter is never closed: end it with a line of " + delim}
	}
	fm := rest[:end]
	_, body, _ := strings.Cut(rest[end:], "\n")
	p := &page{line: open, bodyLine: open + n + 2, body: body, front: fm, frontAt: open + 1}
	var err error
	if delim == "---" {
		p.fields, err = parseYAML(fm, open)
	} else {
		p.fields, err = parseTOML(fm, open)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// parseYAML reads YAML front matter whose opening delimiter is on line
// open.
func parseYAML(fm string, open int) (fields, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		// Told as a build tells it, in an editor's words where it can.
		line, msg := content.ExplainYAML(err, []byte(fm), open+1)
		return nil, &parseError{line: line, msg: msg}
	}
	if len(doc.Content) == 0 {
		return fields{}, nil
	}
	budget := maxNodes
	v, err := fromYAML(doc.Content[0], &budget)
	if err != nil {
		return nil, &parseError{line: open, msg: "front matter: " + err.Error()}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &parseError{line: open + 1, msg: "front matter is not a map of name: value"}
	}
	return m, nil
}

// maxNodes bounds the values one front matter may stand for, so YAML
// aliases of aliases cannot make a small file expand without end.
const maxNodes = 100_000

func fromYAML(n *yaml.Node, budget *int) (any, error) {
	if *budget--; *budget < 0 {
		return nil, errors.New("too many values (YAML aliases that expand without end?)")
	}
	switch n.Kind {
	case yaml.AliasNode:
		return fromYAML(n.Alias, budget)
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, nil
		}
		return n.Value, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := fromYAML(c, budget)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := fromYAML(n.Content[i+1], budget)
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	}
	return nil, nil
}

// maxNesting bounds how deep the arrays and tables of a post's front
// matter may nest: Hugo's deepest settings (cascade, build, resources)
// need four levels, and reading a deeper nesting costs the square of its
// depth.
const maxNesting = 32

// parseTOML reads TOML front matter whose opening delimiter is on line
// open.
func parseTOML(fm string, open int) (fields, error) {
	if line := content.TOMLTooDeep([]byte(fm), maxNesting); line >= 0 {
		return nil, &parseError{line: open + 1 + line, msg: fmt.Sprintf("front matter nests deeper than %d levels, which no post needs", maxNesting)}
	}
	if line := content.TOMLKeyTooLong([]byte(fm), content.MaxTOMLKeyLength); line >= 0 {
		return nil, &parseError{line: open + 1 + line, msg: fmt.Sprintf("front matter has a key longer than %d bytes, which no post needs", content.MaxTOMLKeyLength)}
	}
	var m map[string]any
	if _, err := toml.Decode(fm, &m); err != nil {
		line := open
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line += pe.Position.Line
			return nil, &parseError{line: line, msg: "front matter is not valid TOML: " + pe.Message}
		}
		return nil, &parseError{line: line, msg: "front matter is not valid TOML: " + err.Error()}
	}
	return plain(m).(map[string]any), nil
}

// parseJSON reads a file whose front matter is a JSON object, as Hugo
// takes it, starting on line open.
func parseJSON(text string, open int) (*page, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		line := open
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line += strings.Count(text[:min(int(se.Offset), len(text))], "\n")
		}
		return nil, &parseError{line: line, msg: "front matter is not a valid JSON object: " + err.Error()}
	}
	end := int(dec.InputOffset())
	before, body, _ := strings.Cut(text[end:], "\n")
	if strings.TrimSpace(before) != "" {
		body = text[end:]
	}
	p := &page{fields: plain(m).(map[string]any), line: open, body: body, front: text[:end], frontAt: open}
	p.bodyLine = open + strings.Count(text[:len(text)-len(body)], "\n")
	return p, nil
}

// plain turns decoded TOML or JSON into fields' form: scalars as text.
func plain(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = plain(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plain(x)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plain(x)
		}
		return out
	case time.Time:
		// TOML's local dates and times carry these zones' names: they
		// are in the site's zone, as are YAML's without an offset.
		switch v.Location().String() {
		case "date-local":
			return v.Format("2006-01-02")
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05.999999999")
		}
		return v.Format(time.RFC3339Nano)
	case nil:
		return nil
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// parseDate reads the dates Jekyll, Hugo and WordPress write. A value
// without an offset is in zone; day says it gave a day without a time.
func parseDate(s string, zone *time.Location) (t time.Time, day bool, err error) {
	s = strings.TrimSpace(s)
	for _, utc := range []string{" UTC", " GMT", " Z"} {
		if rest, ok := strings.CutSuffix(s, utc); ok {
			s, zone = rest, time.UTC
		}
	}
	// Ruby's Time.parse, which Jekyll uses, and Hugo's also take a day
	// written in words or with slashes, and a month or day of one digit.
	for _, layout := range []string{"2006-01-02", "2006-1-2", "2006/1/2", "January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan 2 2006",
		"2 January 2006", "2 Jan 2006", "Monday, January 2, 2006", "Mon, 2 Jan 2006", "Mon, Jan 2, 2006"} {
		if t, err := time.ParseInLocation(layout, s, zone); err == nil {
			return t, true, nil
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999", "2006-01-02 15:04",
		"2006-1-2 15:04:05", "2006-1-2 15:04", "2006/1/2 15:04:05", "2006/1/2 15:04", "January 2, 2006 15:04", "Jan 2, 2006 15:04", "2 January 2006 15:04", "2 Jan 2006 15:04", time.ANSIC} {
		if t, err := time.ParseInLocation(layout, s, zone); err == nil {
			return t, false, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999 -0700", "2006-01-02 15:04:05.999999999 -07:00", "2006-01-02 15:04:05 -0700 MST", "2006-01-02T15:04:05-0700", time.RFC1123Z, time.RFC1123,
		time.RFC822Z, time.RFC822, time.RFC850, time.UnixDate, time.RubyDate} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, nil
		}
	}
	if why := content.ImpossibleDate(s); why != nil {
		return time.Time{}, false, fmt.Errorf("date %w", why)
	}
	return time.Time{}, false, fmt.Errorf("date %q is not a date this importer reads: write YYYY-MM-DD or YYYY-MM-DD HH:MM:SS", s)
}
