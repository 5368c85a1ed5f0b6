package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"bulletin/generator/content"
)

// article gives the file of a post: front matter in bulletin's schema,
// its fields always in one order, then the body.
func article(p *post, body string, o *Options, r *Report) ([]byte, error) {
	// A summary the source gives is kept whole, however long: it may say
	// what the body does not. One made from the body is cut.
	summary := textOf(p.summary, false)
	if p.excerpted && runsOn(p.summary) {
		// A separator put late, or at the end, marks most of the post,
		// headings and code too: its opening is the summary, as of a
		// body.
		r.Warnings = append(r.Warnings, p.note(0, fmt.Sprintf("the text before the body's excerpt separator (such as <!--more-->) runs on past its opening paragraphs, to %d characters: the opening stands in as the summary; check it, or write a summary", utf8.RuneCountInString(summary))))
		summary = plainText(p.summary, true)
	}
	if summary == "" {
		summary = plainText(body, true)
	}
	if summary == "" {
		summary = p.title
		r.Warnings = append(r.Warnings, p.note(0, "no excerpt, and no paragraph of text to make a summary of (one that holds another system's shortcodes or tags is passed over, as are lists, headings and code): the title stands in; write a summary"))
	}
	// A direction mark left open would stop the build: it is closed,
	// and told.
	closed := false
	closeMarks := func(s string) string {
		s, c := content.CloseBidi(s)
		closed = closed || c
		return s
	}
	p.title, summary = closeMarks(p.title), closeMarks(summary)
	for _, names := range [][]string{p.regulators, p.topics, p.authors} {
		for i := range names {
			names[i] = closeMarks(names[i])
		}
	}
	if closed {
		r.Warnings = append(r.Warnings, p.note(0, "its title, summary or names hold a mark that sets the direction of the text after it (such as U+202B) and that nothing closed: closed at the end of the field, as a build refuses it open; check that the text reads as it should"))
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
	// Text is tagged as text, so that one YAML would read as another
	// type unquoted (null, ~, true, 1.5) is quoted.
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	list := func(items []string, style yaml.Style) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: style}
		for _, s := range items {
			n.Content = append(n.Content, str(s))
		}
		return n
	}
	add("title", str(p.title))
	add("date", date(p.date, p.day, o.Zone))
	if !p.updated.IsZero() {
		add("updated", date(p.updated, p.upDay, o.Zone))
	}
	add("summary", str(summary))
	if len(p.regulators) > 0 {
		add("regulators", list(p.regulators, yaml.FlowStyle))
	}
	if len(p.topics) > 0 {
		add("topics", list(p.topics, yaml.FlowStyle))
	}
	if len(p.authors) > 0 {
		add("authors", list(p.authors, yaml.FlowStyle))
	}
	if len(p.sources) > 0 {
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, l := range p.sources {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("title"), str(l.title), str("url"), str(l.url)}})
		}
		add("sources", n)
	}
	if p.draft || p.unlisted != "" {
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	add("slug", str(strings.TrimSuffix(path.Base(p.url), "/")))
	if len(p.aliases) > 0 {
		written := make([]string, len(p.aliases))
		for i, al := range p.aliases {
			written[i] = aliasText(al)
		}
		add("aliases", list(written, 0))
	}
	if p.id != "" {
		add("id", str(p.id))
	}
	if p.lang != "" {
		add("lang", str(p.lang))
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("writing its front matter: %w", err)
	}
	enc.Close()
	b.WriteString("---\n")
	if body = strings.TrimSpace(body); body != "" {
		b.WriteString("\n" + body + "\n")
	}
	if b.Len() > content.MaxFileSize {
		return nil, fmt.Errorf("its article would be %s, over the %s a build reads: not imported; split the post, or publish its long material as a file and link to it", size(int64(b.Len())), size(content.MaxFileSize))
	}
	if n := content.Lines(b.Bytes()); n > content.MaxLines {
		return nil, fmt.Errorf("its article would have %d lines, over the %d a build reads: not imported; split the post, or publish its long material as a file and link to it", n, content.MaxLines)
	}
	return b.Bytes(), nil
}

// refusedAs tells each problem the build would refuse the article data,
// written for p into the content folder dest, for, as bulletin reads it
// with the site's settings (a quote nested deeper than a page may show,
// say): the article is written all the same, for an editor to mend.
func refusedAs(p *post, data []byte, settings *content.Settings, dest string) []Note {
	_, err := content.Parse(dest, p.out, data, settings)
	var out []Note
	for _, e := range content.AsErrors(err) {
		if !e.Warning {
			out = append(out, p.note(0, fmt.Sprintf("its article, as written, is refused by the build (%s): mend it before you publish", e)))
		}
	}
	return out
}

// date writes a moment as bulletin reads it: the day alone when the
// source gave no time, else the time in the zone with its offset, so that
// the month of the URL is the same whatever zone the site is set to.
func date(t time.Time, day bool, zone *time.Location) *yaml.Node {
	t = t.In(zone)
	v := t.Format(time.RFC3339)
	if day {
		v = t.Format(time.DateOnly)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: v}
}

// writer writes files inside the content folder and nowhere else: it
// opens the folder as an os.Root, which refuses a path that leads out of
// it, by a link or otherwise.
type writer struct {
	dest   string
	root   *os.Root
	dirs   map[string]bool   // folders made already
	copies map[string]string // the file of the source each file copied holds, by where it went
}

func newWriter(dest string) (*writer, error) {
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return nil, fmt.Errorf("importer: %w", err)
	}
	root, err := os.OpenRoot(dest)
	if err != nil {
		return nil, fmt.Errorf("importer: %w", err)
	}
	return &writer{dest: dest, root: root, dirs: map[string]bool{}, copies: map[string]string{}}, nil
}

func (w *writer) close() { w.root.Close() }

// holds reports whether the file at name, a slash-separated path inside
// the folder, holds data.
func (w *writer) holds(name string, data []byte) bool {
	have, err := w.root.ReadFile(name)
	return err == nil && bytes.Equal(have, data)
}

// write writes data to name, a slash-separated path inside the folder,
// unless a file is there already. It writes a hidden file beside it
// first and links it into place, so the file appears whole or not at
// all, and a file that appeared meanwhile is not replaced. It gives a
// note when it writes nothing: failed, when that is not because a file
// is there already.
func (w *writer) write(name string, data []byte) (note string, failed bool) {
	shown := filepath.Join(w.dest, filepath.FromSlash(name))
	if _, err := w.root.Lstat(name); err == nil {
		return fmt.Sprintf("%s is there already: left as it is", shown), false
	}
	// What the import cannot write, it says how to mend: a file or a
	// link where a folder goes, a folder it may not write in.
	const mend = ": make it a folder of the content folder that can be written in, and import again"
	dir := path.Dir(name)
	if !w.dirs[dir] {
		if err := w.root.MkdirAll(dir, 0o755); err != nil {
			return fmt.Sprintf("can't make %s (%v)%s", filepath.Join(w.dest, dir), withoutPath(err), mend), true
		}
		w.dirs[dir] = true
	}
	tmp := path.Join(dir, "."+path.Base(name)+".import")
	w.root.Remove(tmp) // left by an import that was stopped
	f, err := w.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Sprintf("can't write %s (%v)%s", shown, withoutPath(err), mend), true
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = w.root.Link(tmp, name)
	}
	w.root.Remove(tmp)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Sprintf("%s is there already: left as it is", shown), false
	case err != nil:
		return fmt.Sprintf("can't write %s (%v)%s", shown, withoutPath(err), mend), true
	}
	return "", false
}

// runsOn says whether the text before an excerpt separator, Markdown,
// runs on past what a summary holds: through a heading, code, a list or
// another block but paragraphs, or past two summaries' length.
func runsOn(md string) bool {
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if _, para := n.(*ast.Paragraph); !para {
			return true
		}
	}
	return utf8.RuneCountInString(textOf(md, false)) > 2*summaryRunes
}
