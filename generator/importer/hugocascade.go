package importer

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// cascadedKeys are the front matter fields a Hugo cascade gives the
// pages below it that decide whether, and from when to when, Hugo
// published them, in groups of the names Hugo takes as one: a page that
// sets one of a group, or a nearer cascade that does, takes none of the
// group from a cascade further up.
var cascadedKeys = [][]string{
	{"draft"},
	{"build", "_build"},
	{"expirydate", "unpublishdate"},
	{"publishdate", "pubdate", "published"},
	{"hidden"}, // a theme's, which Hugo cascades as it does any field
}

// hugoEnvironment is the environment hugo builds a site in unless told
// otherwise, whose settings (config/production/) and cascades the
// published site had.
const hugoEnvironment = "production"

// hugoCascade is one set of front matter values that a section's _index
// page, or the site's settings, cascade to the pages below it.
type hugoCascade struct {
	from string // where it is written, file:line, for messages
	// dir is the slash path of the folder whose pages it reaches, and
	// lang the language of the _index page that sets it, whose pages
	// alone it reaches; all for the site's settings, which reach every
	// page.
	dir    string
	lang   string
	all    bool
	values fields // their keys in lower case
	// target narrows the pages it reaches: glob patterns their path
	// (/posts/wip/x), kind, language and the environment must match,
	// each nil where it sets none.
	path, kind, language, env *regexp.Regexp
}

// readCascades gives the cascades that the value v of a cascade key
// (a table, or a list of them) sets, written at from; their dir, lang
// and all are the caller's to set. A target that Hugo could not read is
// an error, naming it.
func readCascades(v any, from string) ([]hugoCascade, error) {
	var entries []map[string]any
	switch v := v.(type) {
	case map[string]any:
		entries = append(entries, v)
	case []any:
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				entries = append(entries, m)
			}
		}
	}
	var out []hugoCascade
	for _, e := range entries {
		c := hugoCascade{from: from, values: fields{}}
		for k, v := range e {
			switch k = strings.ToLower(k); k {
			case "_target", "target":
				m, _ := v.(map[string]any)
				t := lowerKeys(fields(m))
				for key, re := range map[string]**regexp.Regexp{"path": &c.path, "kind": &c.kind, "lang": &c.language, "environment": &c.env} {
					pattern := t.text(key)
					if pattern == "" {
						continue
					}
					var err error
					if *re, err = globRegexp(pattern); err != nil {
						return nil, fmt.Errorf("cascade %s.%s %q is not a glob pattern Hugo reads (%v): mend it, as Hugo would not build the site", k, key, pattern, err)
					}
				}
			default:
				c.values[k] = v
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// readPageCascades reads the cascades of the sections' _index pages
// among files, the slash paths of the site's content files, that Hugo
// read (ignored is nil for those it did not), into cfg.cascades, after
// those of the site's settings; a page whose front matter cannot be read
// is told, as its cascade is not known.
func readPageCascades(fsys fs.FS, files []string, cfg *hugoConfig, o *Options, src *source) {
	for _, p := range files {
		name := path.Base(p)
		if !strings.HasPrefix(name, "_index.") || !isContent(strings.ToLower(path.Ext(name))) || cfg.ignored(p) != nil {
			continue
		}
		file := filepath.Join(o.Source, p)
		data, err := readFile(fsys, p, o.MaxSize)
		if err != nil {
			continue // told where the page itself is
		}
		pg, err := parsePage(data)
		if err != nil {
			if pe, ok := err.(*parseError); ok && !pe.bare {
				src.warn(file, pe.line, "%s, so what it cascades to the pages below it (draft, build options) is not known and is not applied: mend it and import again", pe.msg)
			}
			continue
		}
		f := lowerKeys(pg.fields)
		v, ok := f["cascade"]
		if !ok {
			continue
		}
		line := tableLine(pg, "cascade")
		list, err := readCascades(v, fmt.Sprintf("%s:%d", file, line))
		if err != nil {
			src.warn(file, line, "%v; until then its cascade is not applied", err)
			continue
		}
		rel := strings.TrimPrefix(p, cfg.root(p)+"/")
		var lang string
		if l, _ := cfg.language(p, rel); l != nil {
			lang = l.key
		}
		for i := range list {
			list[i].dir, list[i].lang = path.Dir(p), lang
		}
		cfg.cascades = append(cfg.cascades, list...)
	}
	// The nearest cascade is taken first, the site's settings' last.
	slices.SortStableFunc(cfg.cascades, func(a, b hugoCascade) int {
		switch {
		case a.all != b.all:
			if a.all {
				return 1
			}
			return -1
		}
		return len(b.dir) - len(a.dir)
	})
}

// cascade gives f, the front matter of the page at slash path p, rel
// inside its content folder, its keys in lower case, the values of
// cascadedKeys that the cascades above it give it where it sets none,
// the nearest cascade's first, as Hugo takes them; and where each came
// from, by key.
func (cfg *hugoConfig) cascade(f fields, p, rel string) map[string]string {
	if len(cfg.cascades) == 0 {
		return nil
	}
	l, named := cfg.language(p, rel)
	lang := cfg.defaultLang
	if l != nil {
		lang = l.key
	}
	page := strings.TrimSuffix(named, path.Ext(named))
	if isIndex(path.Base(rel)) {
		page = path.Dir(rel)
	}
	// Hugo matches a target's path against the page's logical path.
	logical := "/" + strings.ToLower(strings.ReplaceAll(page, " ", "-"))
	from := map[string]string{}
	taken := map[int]bool{} // the groups of cascadedKeys given already
	for _, c := range cfg.cascades {
		switch {
		case !c.all && !strings.HasPrefix(p, c.dir+"/"):
			continue
		case !c.all && c.lang != "" && c.lang != lang:
			continue
		case c.path != nil && !c.path.MatchString(logical), c.kind != nil && !c.kind.MatchString("page"),
			c.language != nil && !c.language.MatchString(lang), c.env != nil && !c.env.MatchString(hugoEnvironment):
			continue
		}
		for i, group := range cascadedKeys {
			if taken[i] || slices.ContainsFunc(group, func(k string) bool { _, set := f[k]; return set }) {
				continue
			}
			for _, k := range group {
				if v, ok := c.values[k]; ok {
					f[k], from[k] = v, c.from
					taken[i] = true
				}
			}
		}
	}
	return from
}

// tableLine gives the first line on which the front matter of pg names
// key, as a field (cascade:) or as a TOML table's ([cascade],
// [[cascade]], [cascade._build]), else the line it opens on.
func tableLine(pg *page, key string) int {
	n := pg.frontAt - 1
	for line := range strings.Lines(pg.front) {
		n++
		name := strings.TrimLeft(strings.TrimSpace(line), "[")
		if rest, ok := strings.CutPrefix(strings.ToLower(name), key); ok && (strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, ".")) && strings.HasPrefix(strings.TrimSpace(line), "[") {
			return n
		}
	}
	return pg.lineOf(key)
}

// cascadedFrom gives the words that tell where the first of keys that a
// cascade gave a page came from, from as cascade gives it: ", from the
// cascade at FILE:LINE"; "" for a page's own.
func cascadedFrom(from map[string]string, keys ...string) string {
	for _, k := range keys {
		if at := from[strings.ToLower(k)]; at != "" {
			return ", from the cascade at " + at
		}
	}
	return ""
}

// globRegexp gives a regular expression that matches what the glob
// pattern Hugo reads matches, in any case: * any characters but a slash,
// ** any at all, ? one character but a slash, [abc], [!abc] and [a-c]
// one of a set or not, {a,b} either, and \ the next character itself.
func globRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("(?i)^")
	depth := 0 // the {…} the pattern is in
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '*':
			if i+1 < len(rs) && rs[i+1] == '*' {
				b.WriteString(".*")
				i++
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			end := slices.Index(rs[i+1:], ']')
			if end < 0 {
				return nil, fmt.Errorf("a [ without its ]")
			}
			set := rs[i+1 : i+1+end]
			b.WriteByte('[')
			if len(set) > 0 && set[0] == '!' {
				b.WriteByte('^')
				set = set[1:]
			}
			for _, r := range set {
				if r == '-' {
					b.WriteRune(r)
				} else {
					b.WriteString(regexp.QuoteMeta(string(r)))
				}
			}
			b.WriteByte(']')
			i += end + 1
		case '{':
			depth++
			b.WriteString("(?:")
		case '}':
			if depth == 0 {
				return nil, fmt.Errorf("a } without its {")
			}
			depth--
			b.WriteByte(')')
		case ',':
			if depth > 0 {
				b.WriteByte('|')
			} else {
				b.WriteByte(',')
			}
		case '\\':
			if i+1 < len(rs) {
				i++
				b.WriteString(regexp.QuoteMeta(string(rs[i])))
			}
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	if depth > 0 {
		return nil, fmt.Errorf("a { without its }")
	}
	b.WriteByte('$')
	return regexp.Compile(b.String())
}
