package history

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// front is the little of an article's front matter that decides its
// versions.
type front struct {
	draft  bool
	date   string
	status string // as written
	// updated and withdrawn are the dates of the last change and of the
	// withdrawal, as written; "" for none.
	updated, withdrawn string
	changes            []change
	names              Names // its slug, id and aliases
	// topics and regulators are those it names, as written: readers
	// saw their pages and feeds.
	topics, regulators []string
}

// change is one entry of the changes list, its values as written.
type change struct {
	Date string
	Note string
}

// parseFront reads the front matter of a Markdown file, YAML between
// lines of --- or TOML between lines of +++, as the content package does.
// It reads only the fields it needs, so a mistake elsewhere in the front
// matter does not matter here; it gives false when those cannot be read.
func parseFront(data []byte) (front, bool) {
	block, format, ok := frontBlock(data)
	if !ok {
		return front{}, false
	}
	if format == "+++" {
		return parseTOML(block)
	}
	return parseYAML(block)
}

// frontBlock finds the front matter: blank lines, a delimiter line, the
// block, and the same delimiter again.
func frontBlock(data []byte) (block []byte, delim string, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	start := -1
	for i := 0; i < len(data); {
		end := bytes.IndexByte(data[i:], '\n')
		next := len(data)
		if end >= 0 {
			next = i + end + 1
		}
		line := string(bytes.TrimSpace(data[i:next]))
		switch {
		case start < 0 && line == "":
		case start < 0 && (line == "---" || line == "+++"):
			start, delim = next, line
		case start < 0:
			return nil, "", false
		case line == delim && data[i] != ' ' && data[i] != '\t':
			// An indented one is text of a YAML block (summary: |).
			return data[start:i], delim, true
		}
		i = next
	}
	return nil, "", false
}

func parseYAML(block []byte) (front, bool) {
	var m struct {
		Date    yaml.Node
		Draft   yaml.Node
		Status  yaml.Node
		Changes []struct {
			Date yaml.Node
			Note yaml.Node
		}
		Slug, ID, Aliases  yaml.Node
		Topics, Regulators yaml.Node
		Updated, Withdrawn yaml.Node
	}
	if err := yaml.Unmarshal(block, &m); err != nil {
		return front{}, false
	}
	fm := front{date: scalar(&m.Date), status: scalar(&m.Status), topics: scalars(&m.Topics), regulators: scalars(&m.Regulators)}
	fm.updated = scalar(&m.Updated)
	if m.Withdrawn.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Withdrawn.Content); i += 2 {
			if m.Withdrawn.Content[i].Value == "date" {
				fm.withdrawn = scalar(m.Withdrawn.Content[i+1])
			}
		}
	}
	fm.names = Names{Slug: scalar(&m.Slug), ID: scalar(&m.ID), Aliases: scalars(&m.Aliases)}
	fm.draft, _ = strconv.ParseBool(scalar(&m.Draft))
	for _, c := range m.Changes {
		fm.changes = append(fm.changes, change{Date: scalar(&c.Date), Note: scalar(&c.Note)})
	}
	return fm, true
}

// scalars gives a YAML list's values as written, or a scalar's as a
// list of one, as the content package reads a list.
func scalars(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		if s := scalar(n); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if s := scalar(item); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// scalar gives a YAML value as written, or "" when it is not a scalar.
func scalar(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func parseTOML(block []byte) (front, bool) {
	var m map[string]any
	if _, err := toml.Decode(string(block), &m); err != nil {
		return front{}, false
	}
	fm := front{date: tomlValue(m["date"]), status: tomlValue(m["status"]), updated: tomlValue(m["updated"])}
	if w, ok := m["withdrawn"].(map[string]any); ok {
		fm.withdrawn = tomlValue(w["date"])
	}
	fm.draft, _ = strconv.ParseBool(tomlValue(m["draft"]))
	fm.names = Names{Slug: tomlValue(m["slug"]), ID: tomlValue(m["id"]), Aliases: tomlList(m["aliases"])}
	fm.topics, fm.regulators = tomlList(m["topics"]), tomlList(m["regulators"])
	switch list := m["changes"].(type) {
	case []map[string]any:
		for _, c := range list {
			fm.changes = append(fm.changes, change{Date: tomlValue(c["date"]), Note: tomlValue(c["note"])})
		}
	case []any:
		for _, item := range list {
			c, _ := item.(map[string]any)
			fm.changes = append(fm.changes, change{Date: tomlValue(c["date"]), Note: tomlValue(c["note"])})
		}
	case nil:
	default:
		return front{}, false
	}
	return fm, true
}

// tomlList gives a TOML list's values, or a string's as a list of one,
// as the content package reads a list.
func tomlList(v any) []string {
	switch list := v.(type) {
	case []any:
		var out []string
		for _, a := range list {
			if s := tomlValue(a); s != "" {
				out = append(out, s)
			}
		}
		return out
	case string:
		if s := strings.TrimSpace(list); s != "" {
			return []string{s}
		}
	}
	return nil
}

// tomlValue gives a TOML value as the content package reads it.
func tomlValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(v)
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return v.Format(time.DateOnly)
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05")
		}
		return v.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}
