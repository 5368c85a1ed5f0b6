package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"bulletin/generator/content"
)

// write creates dir/content: site.yaml, the intro pages of every topic
// and regulator, and n articles, written one at a time.
func write(dir string, n int, seed uint64) (*plan, error) {
	root := filepath.Join(dir, "content")
	if _, err := os.Stat(root); err == nil {
		return nil, fmt.Errorf("%s already exists: remove it or choose another -out", root)
	}
	p := newPlan(n, seed)
	var b bytes.Buffer
	save := func(name string) error {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		err := os.WriteFile(path, b.Bytes(), 0o644)
		b.Reset()
		return err
	}
	siteYAML(&b)
	if err := save(content.SettingsFile); err != nil {
		return nil, err
	}
	for t := range topics {
		p.topicPage(&b, t)
		if err := save("topics/" + content.Slug(topics[t]) + ".md"); err != nil {
			return nil, err
		}
	}
	for g := range regulators {
		p.regulatorPage(&b, g)
		if err := save("regulators/" + content.Slug(regulators[g].abbr) + ".md"); err != nil {
			return nil, err
		}
	}
	for i := range p.articles {
		p.writeArticle(&b, i)
		if err := save(p.articles[i].file()); err != nil {
			return nil, err
		}
	}
	return p, nil
}
