// Command corpus writes a made-up content folder for benchmarking the
// generator:
//
//	go run ./generator/bench/corpus -n 10000 -seed 1 -out DIR
//
// writes DIR/content/site.yaml, n articles under DIR/content/articles/,
// and intro pages under DIR/content/topics/ and DIR/content/regulators/.
// Articles use every front matter field, are dated in the ten years before
// 2025-06-01 and build without errors. The same -n and -seed always give
// byte-identical files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "seed of the random choices")
	out := flag.String("out", "corpus", "folder to write content/ into; content/ must not exist yet")
	flag.Parse()
	if flag.NArg() > 0 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: corpus [-n articles] [-seed N] [-out DIR]")
		os.Exit(2)
	}
	start := time.Now()
	p, err := write(*out, *n, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	drafts := 0
	for _, a := range p.articles {
		if a.draft {
			drafts++
		}
	}
	fmt.Printf("wrote %d articles (%d drafts), %d topics and %d regulators into %s in %s\n",
		len(p.articles), drafts, len(topics), len(regulators), filepath.Join(*out, "content"), time.Since(start).Round(time.Millisecond))
}
