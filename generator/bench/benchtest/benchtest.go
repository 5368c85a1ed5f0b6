// Package benchtest gives the benchmarks of several packages the content
// they measure: a made-up corpus that the corpus generator
// (generator/bench/corpus, a command) writes, or the content folder that
// BULLETIN_BENCH_CONTENT names, so that one corpus on disk can be
// measured at any size.
package benchtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Corpus writes a corpus of n articles, of seed 1, into a new temporary
// folder and gives that folder, which holds content/; the caller removes
// it.
func Corpus(n int) (string, error) {
	dir, err := os.MkdirTemp("", "bulletin-bench-")
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "run", "bulletin/generator/bench/corpus", "-n", fmt.Sprint(n), "-seed", "1", "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("writing the corpus: %v\n%s", err, out)
	}
	return dir, nil
}

// Content gives the content folder BULLETIN_BENCH_CONTENT names, or else
// that of a corpus of n articles written for the purpose, with a function
// that removes what was written.
func Content(n int) (string, func(), error) {
	if dir := os.Getenv("BULLETIN_BENCH_CONTENT"); dir != "" {
		return dir, func() {}, nil
	}
	dir, err := Corpus(n)
	if err != nil {
		return "", nil, err
	}
	return filepath.Join(dir, "content"), func() { os.RemoveAll(dir) }, nil
}
