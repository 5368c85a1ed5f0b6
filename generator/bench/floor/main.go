// Command floor measures the least work any build of the content folder
// on this stack must do: for every article, split the front matter into a
// map and convert the body with goldmark, in parallel, writing one HTML
// file per article with no templates, feeds or checks:
//
//	go run ./generator/bench/floor -content DIR -out DIR
//
// writes OUT/<path without .md>.html for each article. The benchmark
// command (generator/bench/run) compares the generator's cold build with
// this floor.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

func main() {
	contentDir := flag.String("content", "content", "content folder to read")
	out := flag.String("out", "floor", "folder to write the HTML files into")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: floor [-content DIR] [-out DIR]")
		os.Exit(2)
	}
	start := time.Now()
	n, size, err := run(*contentDir, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("converted %d articles: %.1f MB in %s\n", n, float64(size)/1e6, time.Since(start).Round(time.Millisecond))
}

// run converts every article of contentDir into out and returns how many
// files and bytes it wrote.
func run(contentDir, out string) (int, int64, error) {
	var articles []string
	err := filepath.WalkDir(contentDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(contentDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel != "." && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(out, rel), 0o755)
		}
		// Intro pages of topics and regulators are not articles.
		if dir := path.Dir(rel); strings.EqualFold(path.Ext(rel), ".md") && dir != "topics" && dir != "regulators" {
			articles = append(articles, rel)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}

	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		size  int64
	)
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for rel := range next {
				buf.Reset()
				err := convert(md, filepath.Join(contentDir, rel), &buf)
				if err == nil {
					err = os.WriteFile(filepath.Join(out, strings.TrimSuffix(rel, path.Ext(rel))+".html"), buf.Bytes(), 0o644)
				}
				mu.Lock()
				size += int64(buf.Len())
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	for _, rel := range articles {
		next <- rel
	}
	close(next)
	wg.Wait()
	return len(articles), size, first
}

// convert reads one article, splits off its front matter into a map and
// renders its body to buf.
func convert(md goldmark.Markdown, name string, buf *bytes.Buffer) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	var matter map[string]any
	body, err := frontmatter.Parse(f, &matter)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return md.Convert(body, buf)
}
