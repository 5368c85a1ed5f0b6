package content

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unique"
)

// decoder turns nodes into Go values, collecting every problem it meets
// instead of stopping at the first.
type decoder struct {
	file string
	errs Errors
	// toml is set for front matter in TOML, whose advice is written
	// in TOML; top is then the fields of the whole front matter, which
	// a key below a table's header is not.
	toml bool
	top  []string
	// dropped are the control characters that fields' values held,
	// written as escapes, which the values leave out (see printable).
	dropped []Unconverted
}

func (d *decoder) fail(line int, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// each calls fn for every key of a map node, rejecting keys not in known
// with a did-you-mean hint. It returns the keys it saw, or nil when n is
// not a map at all; a misspelt key counts as the one it hints at, so that
// require does not report that one missing too: one slip, one error.
func (d *decoder) each(field string, n *node, known []string, fn func(key string, v *node)) map[string]bool {
	if n.kind != mapNode {
		label := field
		if label == "" {
			label = "front matter"
		}
		if d.toml && field != "" {
			d.fail(n.line, "%s: got %s, want a map of %s: %s", label, n.describe(), strings.Join(known, ", "), tomlEntry(field, known))
			return nil
		}
		if advice := yamlEntry(n, known); field != "" && advice != "" {
			d.fail(n.line, "%s: got %s, want a map of %s: %s", label, n.describe(), strings.Join(known, ", "), advice)
			return nil
		}
		d.fail(n.line, "%s: got %s, want a map of %s", label, n.describe(), strings.Join(known, ", "))
		return nil
	}
	if field == "" {
		d.top = known
	}
	seen := map[string]bool{}
	for i, k := range n.keys {
		if k.dup != "" {
			if field != "" {
				d.fail(k.line, "%s.%s", field, k.dup)
			} else {
				d.fail(k.line, "%s", k.dup)
			}
			continue
		}
		name := k.text
		if !slices.Contains(known, name) {
			label := keyLabel(name)
			if field != "" {
				label = field + "." + label
			}
			if d.toml && field != "" && !strings.Contains(field, ".") && slices.Contains(d.top, name) {
				d.fail(k.line, "%s: unknown field: %s", label, tomlBelowTable(field, name))
			} else if f, ok := otherTools[name]; ok && field == "" && slices.Contains(known, "topics") {
				d.fail(k.line, "%s: unknown field: %s", label, f.hint)
				if f.field != "" {
					seen[f.field] = true
				}
			} else if hint := strings.TrimFunc(name, unseen); slices.Contains(known, hint) {
				d.fail(k.line, "%s: unknown field: its name has a space or a character nobody sees before or after %s: write %s alone", label, hint, hint)
				seen[hint] = true
			} else if hint := Closest(name, known); hint != "" {
				d.fail(k.line, "%s: unknown field: did you mean %q?", label, hint)
				seen[hint] = true
			} else {
				d.fail(k.line, "%s: unknown field: known fields are %s", label, strings.Join(known, ", "))
			}
			continue
		}
		seen[name] = true
		fn(name, n.items[i])
	}
	return seen
}

// keyLabel gives a key of the front matter as a message names it: as
// written, or quoted, its invisible characters escaped, where it is
// empty or has a space or a character nobody sees at either end.
func keyLabel(name string) string {
	if name == "" || strings.TrimFunc(name, unseen) != name {
		return strconv.Quote(Truncate(name, 60))
	}
	return Truncate(name, 60)
}

// yamlEntry says what to write for a map given as text in YAML, in
// YAML's form of a map on one line: the text as the value of the field
// that takes an address (url, target) where it is one, else of the
// first field, or of the one after a date, which it names too
// ({date: YYYY-MM-DD, label: …}). It gives "" for any other value.
func yamlEntry(n *node, known []string) string {
	if n.kind != scalarNode || n.typ != "string" || strings.TrimSpace(n.text) == "" || len(known) == 0 {
		return ""
	}
	at := 0
	if known[0] == "date" && len(known) > 1 {
		at = 1
	}
	if strings.Contains(n.text, "://") || strings.HasPrefix(n.text, "/") || strings.HasPrefix(n.text, "www.") {
		for i, k := range known {
			if k == "url" || k == "target" {
				at = i
			}
		}
	}
	entries := []string{}
	if at != 0 {
		first := known[0] + ": …"
		if known[0] == "date" {
			first = "date: YYYY-MM-DD"
		}
		entries = append(entries, first)
	}
	entries = append(entries, known[at]+": "+flowText(n.text))
	return "write it as {" + strings.Join(entries, ", ") + "}"
}

// flowText writes text as a value of a map on one line: as it is where
// YAML reads it so, else in double quotes.
func flowText(text string) string {
	if text != strings.TrimSpace(text) || strings.ContainsAny(text, ",[]{}#\"'\n") || strings.Contains(text, ": ") ||
		strings.HasSuffix(text, ":") || strings.ContainsAny(text[:1], "-?:&*!|>%@`") {
		return strconv.Quote(text)
	}
	return text
}

// otherTools are the fields of an article's front matter in Jekyll,
// Hugo and WordPress exports that bulletin names otherwise, each with
// the field that says it, if any, and what to write.
var otherTools = map[string]struct{ field, hint string }{
	"tags":             {"topics", `bulletin calls tags and categories topics (or regulators, for the bodies that regulate): write topics: [...]`},
	"tag":              {"topics", `bulletin calls tags and categories topics (or regulators, for the bodies that regulate): write topics: [...]`},
	"categories":       {"topics", `bulletin calls tags and categories topics (or regulators, for the bodies that regulate): write topics: [...]`},
	"category":         {"topics", `bulletin calls tags and categories topics (or regulators, for the bodies that regulate): write topics: [...]`},
	"permalink":        {"slug", `bulletin makes the address /YYYY/MM/slug/: set slug for its last part, and list the old address under aliases so that it redirects`},
	"url":              {"slug", `bulletin makes the address /YYYY/MM/slug/: set slug for its last part, and list the old address under aliases so that it redirects`},
	"redirect_from":    {"aliases", `write aliases: the old addresses that redirect here`},
	"excerpt":          {"summary", `write summary: one or two sentences of the news`},
	"description":      {"summary", `write summary: one or two sentences of the news`},
	"author":           {"authors", `write authors: [Name], a list`},
	"lastmod":          {"updated", `write updated: the date of the last change that matters to readers, with a changes entry saying what changed`},
	"last_modified_at": {"updated", `write updated: the date of the last change that matters to readers, with a changes entry saying what changed`},
	"published":        {"draft", `write draft: true for an article not to publish, or remove the line`},
	"layout":           {"", `the theme has one layout for articles: remove the line`},
	// Docusaurus's blog gives an author's details beside the name.
	"authorURL":        {"authors", `bulletin keeps an author's name alone: write it in authors: [Name], and delete the line`},
	"author_url":       {"authors", `bulletin keeps an author's name alone: write it in authors: [Name], and delete the line`},
	"authorImageURL":   {"authors", `bulletin keeps an author's name alone: write it in authors: [Name], and delete the line`},
	"author_image_url": {"authors", `bulletin keeps an author's name alone: write it in authors: [Name], and delete the line`},
	"authorTitle":      {"authors", `bulletin keeps an author's name alone: write it in authors: [Name], and delete the line`},
	"author_title":     {"authors", `bulletin keeps an author's name alone: write it in authors: [Name], and delete the line`},
}

// require reports each of names missing from seen. A nil seen means each
// has already reported that the value is not a map, and one error says it.
func (d *decoder) require(field string, line int, seen map[string]bool, names ...string) {
	if seen == nil {
		return
	}
	for _, name := range names {
		if !seen[name] {
			label := Truncate(name, 60)
			if field != "" {
				label = field + "." + label
			}
			if what, ok := requiredHints[name]; ok && field == "" {
				d.fail(line, "%s: missing: this field is required: add %s, %s", label, d.entry(name, what.example), what.means)
				continue
			}
			d.fail(line, "%s: missing: this field is required", label)
		}
	}
}

// requiredHints say, for each field a page or an article must have,
// what to write in it.
var requiredHints = map[string]struct{ example, means string }{
	"title":   {"…", "the headline readers see"},
	"date":    {"2025-03-27", "the day it was published, as YYYY-MM-DD"},
	"summary": {"…", "a sentence or two that say what changed, shown under the title and in feeds"},
}

// entry gives a top-level field as the front matter writes it: name:
// value, or name = "value" in TOML.
func (d *decoder) entry(name, value string) string {
	if !d.toml {
		return name + ": " + value
	}
	if value[0] >= '0' && value[0] <= '9' {
		return name + " = " + value
	}
	return name + ` = "` + value + `"`
}

// str is the text of the scalar n, the field's value, its spaces
// trimmed: "" for no scalar, told.
func (d *decoder) str(field string, n *node) string {
	s := d.scalar(field, n)
	d.bidi(field, n, s)
	return s
}

// scalar is str, but for a direction mark nothing closes, which it
// leaves to its caller to tell (see bidi).
func (d *decoder) scalar(field string, n *node) string {
	if n.cut != "" {
		d.fail(n.line, "%s: YAML reads %q as a comment, so the value ends at %q: if it is part of the text, write %s: %s; if it is a comment, put a space after the #", field, n.cut, n.text, field, quoted(n.text+" "+n.cut))
	}
	if n.comment != "" {
		d.fail(n.line, "%s: is empty, as YAML reads # and what follows it as a comment: if that is the value, write %s: %s; else write the value before the #", field, field, quoted(n.comment))
		return ""
	}
	if d.toml && n.kind != scalarNode {
		d.fail(n.line, "%s: got %s, want text: %s", field, n.describe(), tomlText(field, n))
		return ""
	}
	if n.kind != scalarNode || n.typ == "null" {
		d.fail(n.line, "%s: got %s, want text", field, n.describe())
		return ""
	}
	s := printable(n.text)
	if s != n.text {
		d.drop(field, n)
	}
	if n.tag != "" {
		d.dropped = append(d.dropped, Unconverted{Kind: ForeignTag, Text: n.tag, Line: n.line, Field: field})
	}
	return strings.TrimSpace(s)
}

// drop notes the control characters the value of the field at n holds,
// which it leaves out.
func (d *decoder) drop(field string, n *node) {
	_, r, count := unprintables(n.text)
	d.dropped = append(d.dropped, Unconverted{Kind: ControlCharacter, Text: fmt.Sprintf("%U", r), Line: n.line, Count: count, Field: field})
}

// bidi tells a direction mark in s, the field's value, that nothing
// closes. A path or an id refuses every invisible character on its own.
func (d *decoder) bidi(field string, n *node, s string) {
	if r, open := UnclosedBidi(s); open && !slices.Contains([]string{"slug", "aliases", "id", "feed_aliases"}, field) {
		d.fail(n.line, "%s: holds %s (%U) that nothing closes, which would turn around the text after it wherever the field is shown, a page's title or a feed: close it with %U, or delete it", field, bidiNames[r], r, bidiCloser(r))
	}
}

// text is str for fields that must not be empty, nor, where readers
// read them as words (see proseFields), hold only characters nobody
// sees, which pages and feeds would show as nothing. The others, paths,
// addresses, names and keys, refuse such a value on their own.
func (d *decoder) text(field string, n *node) string {
	s := d.scalar(field, n)
	r, invisible := onlyInvisible(s)
	switch {
	case s == "" && n.kind == scalarNode && n.typ != "null":
		d.fail(n.line, "%s: is empty: write some text or remove the field", field)
	case invisible && proseFields[field[strings.LastIndexByte(field, '.')+1:]]:
		// A direction mark nothing closes is one more character nobody
		// sees: closing it would leave the field as empty to readers.
		d.fail(n.line, "%s: holds only characters nobody sees (%U first), so it would show as nothing: write some text or remove the field", field, r)
	default:
		d.bidi(field, n, s)
	}
	return s
}

// proseFields are the fields, by the last part of their name, whose
// text readers read as words: titles, summaries, labels, notes, names.
var proseFields = map[string]bool{"title": true, "summary": true, "description": true, "authors": true, "applies_to": true, "publisher": true, "label": true, "note": true, "explanation": true, "next": true, "name": true}

// shared is text, for a field whose values many articles repeat, such
// as a status or a publisher: each value is held once, however many
// articles write it.
func (d *decoder) shared(field string, n *node) string {
	return unique.Make(d.text(field, n)).Value()
}

// list accepts a list of text, or a single text value as a list of one.
// Its values, names of topics, regulators and authors that many articles
// repeat, are each held once.
func (d *decoder) list(field string, n *node) []string {
	out, _ := d.listLines(field, n)
	for i, s := range out {
		out[i] = unique.Make(s).Value()
	}
	return out
}

// listLines is list, with the line of each item it gives.
func (d *decoder) listLines(field string, n *node) ([]string, []int32) {
	if n.kind == scalarNode && n.typ != "null" {
		return []string{d.text(field, n)}, []int32{int32(n.line)}
	}
	if d.toml && n.kind == mapNode {
		d.fail(n.line, "%s: got %s, want a list: %s", field, n.describe(), tomlList(field, n))
		return nil, nil
	}
	if n.kind != listNode {
		d.fail(n.line, "%s: got %s, want a list such as [one, two]", field, n.describe())
		return nil, nil
	}
	var out []string
	var lines []int32
	var empty []int // the empty items of the line being read, told together
	for i, item := range n.items {
		if d.toml && item.kind != scalarNode {
			d.fail(item.line, "%s: got %s inside the list, want text: %s", field, item.describe(), tomlList(field, n))
			return nil, nil
		}
		if len(empty) > 0 && n.items[empty[0]].line != item.line {
			d.emptyItems(field, n, empty)
			empty = nil
		}
		if len(n.items) > 1 && blank(item) {
			empty = append(empty, i)
			continue
		}
		if s := d.text(field, item); s != "" {
			out, lines = append(out, s), append(lines, int32(item.line))
		}
	}
	if len(empty) > 0 {
		d.emptyItems(field, n, empty)
	}
	return out, lines
}

// blank reports whether n is text of nothing but spaces, which text
// tells as empty.
func blank(n *node) bool {
	return n.kind == scalarNode && n.comment == "" && (n.typ == "null" || strings.TrimSpace(printable(n.text)) == "")
}

// emptyItems tells the items at the indexes empty of the list n, all on
// one line, as empty, naming which they are.
func (d *decoder) emptyItems(field string, n *node, empty []int) {
	line := n.items[empty[0]].line
	if len(empty) == 1 {
		d.fail(line, "%s: the %s item is empty: write some text or remove it", field, place(empty[0]))
		return
	}
	var named []string
	for _, i := range empty[:min(len(empty), 3)] {
		named = append(named, place(i))
	}
	if len(empty) > 3 {
		named = append(named, fmt.Sprintf("%d more", len(empty)-3))
	}
	last := len(named) - 1
	d.fail(line, "%s: the %s and %s items are empty: write some text in each, or remove them", field, strings.Join(named[:last], ", "), named[last])
}

// places are the places of a list's first items, in words.
var places = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// place gives the place of the item at index i of a list: first,
// second, … 11th.
func place(i int) string {
	if i < len(places) {
		return places[i]
	}
	n, suffix := i+1, "th"
	switch {
	case n%100/10 == 1:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

func (d *decoder) maps(field string, n *node) []*node {
	if d.toml && n.kind != listNode {
		d.fail(n.line, "%s: got %s, want a list of entries: %s", field, n.describe(), tomlEntries(field, n))
		return nil
	}
	if n.kind != listNode {
		d.fail(n.line, "%s: got %s, want a list of entries, each starting with \"- \"", field, n.describe())
		return nil
	}
	return n.items
}

func (d *decoder) boolean(field string, n *node) bool {
	if n.tag != "" {
		d.dropped = append(d.dropped, Unconverted{Kind: ForeignTag, Text: n.tag, Line: n.line, Field: field})
	}
	if n.kind == scalarNode {
		if b, err := strconv.ParseBool(n.text); err == nil && (n.typ == "bool" || n.typ == "string") {
			return b
		}
	}
	d.fail(n.line, "%s: got %s, want true or false", field, n.describe())
	return false
}

// integer reads a whole number as YAML writes one, 16 or 0x10, or in
// quotes, as boolean reads "true".
func (d *decoder) integer(field string, n *node, min int) int {
	return d.between(field, n, min, math.MaxInt)
}

// yamlInt reads a whole number as YAML writes one: 16, -16, 1_000, or
// 0x10, 0o20 or 0b10000 as the prefix says (not 010, which YAML reads as
// ten).
func yamlInt(text string) (int64, error) {
	digits := strings.ToLower(strings.TrimLeft(text, "+-"))
	if strings.HasPrefix(digits, "0x") || strings.HasPrefix(digits, "0o") || strings.HasPrefix(digits, "0b") {
		return strconv.ParseInt(text, 0, 64)
	}
	return strconv.ParseInt(strings.ReplaceAll(text, "_", ""), 10, 64)
}

// yamlFloat reads a number as YAML writes one: 1.5, 1e3, .inf, -.inf or
// .nan.
func yamlFloat(text string) (float64, error) {
	switch strings.ToLower(strings.TrimLeft(text, "+-")) {
	case ".inf", ".nan":
		return strconv.ParseFloat(strings.Replace(text, ".", "", 1), 64)
	}
	return strconv.ParseFloat(text, 64)
}

// between reads a whole number from min to max, as integer does.
func (d *decoder) between(field string, n *node, min, max int) int {
	if n.kind == scalarNode && (n.typ == "int" || n.typ == "string" || n.typ == "float") {
		i, err := yamlInt(n.text)
		if err == nil && i >= int64(min) && i <= int64(max) && n.typ != "float" {
			return int(i)
		}
		if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(n.text, "-") && max == math.MaxInt {
			// Digits past what int64 holds: YAML reads them as a float.
			d.fail(n.line, "%s: %s is larger than a build can count (%d): write a smaller whole number, of at least %d, such as 1000", field, n.text, max, min)
			return min
		}
	}
	if max == math.MaxInt {
		d.fail(n.line, "%s: got %s, want a whole number of at least %d", field, n.describe(), min)
	} else {
		d.fail(n.line, "%s: got %s, want a whole number from %d to %d", field, n.describe(), min, max)
	}
	return min // a value later stages can work with while every problem is found
}

func (d *decoder) date(field string, n *node, loc *time.Location, monthOK bool) Date {
	if n.kind != scalarNode {
		d.fail(n.line, "%s: got %s, want a date such as 2025-03-27", field, n.describe())
		return Date{}
	}
	s := d.str(field, n)
	if s == "" {
		return Date{}
	}
	dt, err := parseDate(s, loc, monthOK)
	if err != nil {
		d.fail(n.line, "%s: %v", field, err)
	}
	return dt
}

// Closest returns the known name nearest to s, whatever their case, if
// it is near enough to be a likely typo: about one edit in three letters,
// so that "titel" suggests title but "date" on a page without one does
// not.
func Closest(s string, known []string) string {
	best, bestDist := "", len(s)/3+2
	for _, k := range known {
		if dist := DistanceAtMost(strings.ToLower(s), strings.ToLower(k), bestDist-1); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}
