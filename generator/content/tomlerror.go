package content

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// The advice here is for front matter in TOML, whose shapes are written
// otherwise than in YAML: a table is made by a header ([withdrawn]) or a
// dotted key (withdrawn.date = …), and every key below a header belongs
// to its table, so that a field written there is not the article's.

// tomlText says what to write for the field at path, which wants text
// and got a table or a list.
func tomlText(path string, n *node) string {
	key := lastName(path)
	write := fmt.Sprintf("write %s = %s", key, tomlOne(n))
	switch {
	case n.kind == mapNode:
		return fmt.Sprintf("[%s] and %s.%s = … make a table in TOML: %s", path, key, firstKey(n), write)
	case n.kind == listNode && len(n.items) > 0 && n.items[0].kind == mapNode:
		return fmt.Sprintf("[[%s]] makes a list of tables in TOML: %s", path, write)
	case n.kind == listNode:
		return "the brackets make a list in TOML: " + write
	}
	return write
}

// tomlList says what to write for the list field at path, which got a
// table, or a list holding tables or lists.
func tomlList(path string, n *node) string {
	list := tomlListOf(path, quotedTexts(n))
	if n.kind == listNode {
		return fmt.Sprintf("write %s = %s, one pair of brackets", path, list)
	}
	return fmt.Sprintf("[%s] and %s.%s = … make a table in TOML, and the keys below [%s] belong to it: write %s = %s above the first [table]", path, path, firstKey(n), path, path, list)
}

// maxListed bounds the values a message writes out of a list; each is
// shortened as well, so that a message stays short however long the
// list written.
const maxListed = 10

// tomlListOf writes texts as the list field at path holds them in TOML:
// the first few, with … for the rest, and the most the field may list
// where there are more of them than that.
func tomlListOf(path string, texts []string) string {
	if len(texts) == 0 {
		return `["one", "two"]`
	}
	shown := texts[:min(len(texts), maxListed)]
	list := "[" + strings.Join(shown, ", ")
	if len(shown) < len(texts) {
		list += ", …"
	}
	list += "]"
	limit := map[string]int{"topics": maxGroups, "regulators": maxGroups, "authors": maxAuthors}[path]
	if limit > 0 && len(texts) > limit {
		list += fmt.Sprintf(" (at most %d)", limit)
	}
	return list
}

// firstKey gives the first key of the table n, shortened, or "key" when
// it has none.
func firstKey(n *node) string {
	if len(n.keys) == 0 {
		return "key"
	}
	return Truncate(n.keys[0].text, 40)
}

// tomlEntries says what to write for the list of tables at path, which
// got one table or a value of another kind.
func tomlEntries(path string, n *node) string {
	if n.kind == mapNode {
		return fmt.Sprintf("write [[%s]], in double brackets, above each entry's keys", path)
	}
	return fmt.Sprintf("write each entry as a table: a line of [[%s]] with its keys below it, one a line", path)
}

// tomlEntry says what to write for an entry of the list of tables at
// path, with the keys known, which got a value that is no table.
func tomlEntry(path string, known []string) string {
	var keys []string
	for _, k := range known[:min(2, len(known))] {
		keys = append(keys, k+" = …")
	}
	return fmt.Sprintf("write each entry as a table, a line of [[%s]] with its keys below it, one a line (%s)", path, strings.Join(keys, ", "))
}

// tomlWithdrawn says what to write for withdrawn, which got a value that
// is no table.
func tomlWithdrawn(n *node) string {
	if n.kind == listNode {
		return "write [withdrawn], in single brackets, as an article is withdrawn once"
	}
	return `write [withdrawn] below the other keys, with date = 2025-04-01 and explanation = "The rule was revoked." on lines of their own below it`
}

// tomlBelowTable tells of a key of the table at path that is a field of
// its own, written below the table's header.
func tomlBelowTable(path, name string) string {
	header := "[" + path + "]"
	if slices.Contains([]string{"sources", "events", "changes"}, path) {
		header = "[[" + path + "]]"
	}
	return fmt.Sprintf("%s is a field of the article, but in TOML every key below %s belongs to it: move %s = … above the first [table]", name, header, name)
}

// tomlRedefined matches TOML's message for a key set twice.
var tomlRedefined = regexp.MustCompile(`(?i)^key '([^']+)' has already been defined\.?$`)

// tomlTwice explains TOML's message for a key set twice when the second
// time is a dotted key or a table's header, which make the field, given
// as a value already, a table too; line is the line the decoder stopped
// on. It gives "" for any other message.
func tomlTwice(msg, line string) string {
	m := tomlRedefined.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	key, l := m[1], strings.TrimSpace(line)
	written := ""
	switch {
	case strings.HasPrefix(l, key+"."):
		name, _, _ := strings.Cut(l, "=")
		written = Truncate(strings.TrimSpace(name), 60) + " = …"
	case strings.HasPrefix(l, "["+key+"]"), strings.HasPrefix(l, "["+key+"."):
		written, _, _ = strings.Cut(l, "]")
		written = Truncate(written, 60) + "]"
	default:
		return ""
	}
	key = Truncate(key, 40)
	return fmt.Sprintf(`%s would make %s a table too: give %s once, as %s = "…"`, written, key, key, key)
}

// tomlSetTwice gives the key that TOML's error pe tells is set twice,
// and the line of data, from 0, it is first set on, as YAML's is told,
// where the second time is a value of its own; not where it is a dotted
// key or a table's header (see tomlTwice).
func tomlSetTwice(pe toml.ParseError, data []byte) (key string, first int, ok bool) {
	m := tomlRedefined.FindStringSubmatch(pe.Message)
	lines := strings.Split(string(data), "\n")
	if m == nil || pe.Position.Line < 1 || pe.Position.Line > len(lines) || tomlTwice(pe.Message, lines[pe.Position.Line-1]) != "" {
		return "", 0, false
	}
	first, ok = tomlLines(string(data))[m[1]]
	return m[1], first, ok
}

// tomlQuotes explains TOML's message for text written without its
// quotes, or without the closing one, which TOML reads on to the line's
// end; line is the line the decoder stopped on. A value that is true or
// false in other case, or a word YAML takes for one, is told to be
// written as TOML's; a list, a table or a value with a comment after it
// gets no advice, which could not be right for all of them. It gives ""
// for any other message.
func tomlQuotes(msg, line string) string {
	if strings.Contains(msg, "strings cannot contain newlines") {
		return `close the quotes before the line ends, as in title = "…"; a summary of several lines goes between three quotes: summary = """…"""`
	}
	key, value, ok := strings.Cut(strings.TrimSpace(line), "=")
	key, value = Truncate(strings.TrimSpace(key), 40), strings.TrimSpace(value)
	if p := padded(value); ok && p != value && strings.HasPrefix(msg, "invalid datetime") {
		if _, err := parseAnyDate(p, time.UTC, true); err == nil {
			return fmt.Sprintf("write %s = %s, with two digits for the month and the day", key, p)
		}
	}
	if !ok || !tomlUnquoted.MatchString(msg) {
		return ""
	}
	// Of an article's fields, draft alone is true or false, its name
	// written bare or quoted.
	switch v := strings.ToLower(value); {
	case strings.Trim(key, `"'`) != "draft":
	case v == "true" || v == "false":
		return fmt.Sprintf("TOML writes true and false in lower case: %s = %s", key, v)
	case v == "yes" || v == "on":
		return fmt.Sprintf("TOML writes yes as true: %s = true", key)
	case v == "no" || v == "off":
		return fmt.Sprintf("TOML writes no as false: %s = false", key)
	}
	if list, ok := quotedList(value); ok {
		return fmt.Sprintf("text goes in quotes, each item of a list: %s = %s", key, Truncate(list, 80))
	}
	if value == "" || strings.ContainsAny(value, "[]{}\"'#=") {
		return ""
	}
	return fmt.Sprintf("text goes in quotes: %s = %s", key, strconv.Quote(Truncate(value, 60)))
}

// quotedList gives a list of words written without quotes, [CQC, DHSC],
// with each quoted, ["CQC", "DHSC"], and whether value is one.
func quotedList(value string) (string, bool) {
	inner, ok := strings.CutPrefix(value, "[")
	if inner, ok = strings.CutSuffix(inner, "]"); !ok {
		return "", false
	}
	var items []string
	// TOML lets a list end with a comma.
	inner = strings.TrimSuffix(strings.TrimSpace(inner), ",")
	for item := range strings.SplitSeq(inner, ",") {
		item = strings.TrimSpace(item)
		if item == "" || strings.ContainsAny(item, "[]{}\"'#=") {
			return "", false
		}
		items = append(items, strconv.Quote(item))
	}
	return "[" + strings.Join(items, ", ") + "]", true
}

// tomlUnquoted matches TOML's message for a value that is not one: text
// without quotes, say.
var tomlUnquoted = regexp.MustCompile(`^expected value but found ".+" instead$`)

// tomlMessage shortens TOML's message for a key set twice, which quotes
// the key whole, however long.
func tomlMessage(msg string) string {
	if m := tomlRedefined.FindStringSubmatchIndex(msg); m != nil {
		return msg[:m[2]] + Truncate(msg[m[2]:m[3]], 40) + msg[m[3]:]
	}
	return msg
}

// tomlOne writes the one value held in n as TOML, or "…" when it holds
// none or several.
func tomlOne(n *node) string {
	if texts := quotedTexts(n); len(texts) == 1 {
		return texts[0]
	}
	return `"…"`
}

// quotedTexts gives the values held in n, at any depth, as TOML writes
// them, each shortened: text in quotes.
func quotedTexts(n *node) []string {
	if n.kind == scalarNode {
		if n.typ == "string" {
			return []string{strconv.Quote(Truncate(n.text, 40))}
		}
		return []string{Truncate(n.text, 40)}
	}
	var out []string
	for _, item := range n.items {
		out = append(out, quotedTexts(item)...)
	}
	return out
}

// lastName gives the last name of a dotted path: label of events.label.
func lastName(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}
