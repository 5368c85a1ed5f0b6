package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"bulletin/generator/output"
)

// A build whose inputs are the last build's, at a moment that build's
// site still holds for, finds the output as that build left it and
// changes nothing. The record of that build sits beside the output
// folder; it is removed before any build may change the output, and
// written once the new output is in place.

// record is what the last complete build was made from.
type record struct {
	Inputs string    // see inputs
	Until  time.Time // see site.Site.Until
	Report report
}

// recordPath is the record's file, beside the output folder.
func recordPath(out string) string { return output.Beside(out, "build") }

// inputs hashes everything a build reads: this program, the options that
// shape the output, and the path and bytes of every file in the content
// and theme folders. It is "" when a folder cannot be read, and the
// build then goes the long way, which reports the problem. It also gives
// the SHA-256 of each content file's bytes by its slash-separated path
// in the folder, for content.LoadCached.
func inputs(o options) (string, map[string]string) {
	var paths []string
	for _, dir := range []string{o.content, o.templates} {
		files, err := listFiles(dir, dir == o.content)
		if err != nil {
			return "", nil
		}
		paths = append(paths, files...)
	}
	sums, err := sumFiles(paths)
	if err != nil {
		return "", nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %q %q %v\n", programVersion(), o.content, o.templates, o.baseURL, o.pagefind, o.force)
	bySlash := map[string]string{}
	for i, p := range paths {
		fmt.Fprintf(h, "%q %s\n", p, sums[i])
		if rel, err := filepath.Rel(o.content, p); err == nil && filepath.IsLocal(rel) {
			bySlash[filepath.ToSlash(rel)] = sums[i]
		}
	}
	return hex.EncodeToString(h.Sum(nil)), bySlash
}

// contentSums gives the SHA-256 of every file in the content folder by
// its slash-separated path, as inputs does, or nil if the folder cannot
// be read whole.
func contentSums(dir string) map[string]string {
	paths, err := listFiles(dir, true)
	if err != nil {
		return nil
	}
	sums, err := sumFiles(paths)
	if err != nil {
		return nil
	}
	bySlash := make(map[string]string, len(paths))
	for i, p := range paths {
		if rel, err := filepath.Rel(dir, p); err == nil {
			bySlash[filepath.ToSlash(rel)] = sums[i]
		}
	}
	return bySlash
}

// listFiles lists every file below dir. In the content folder (content
// set) it leaves out hidden files and folders (.git, an editor's swap
// files), which a build does not read; in the theme it lists them.
func listFiles(dir string, content bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if content && p != dir && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// sumFiles hashes the files at paths on every core (see fileSum).
func sumFiles(paths []string) ([]string, error) {
	sums := make([]string, len(paths))
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed error
		next   = make(chan int)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			buf := make([]byte, 64<<10)
			for i := range next {
				sum, err := fileSum(paths[i], buf)
				if err != nil {
					mu.Lock()
					failed = cmp.Or(failed, err)
					mu.Unlock()
				}
				sums[i] = sum
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return sums, failed
}

// fileSum hashes a regular file's bytes, read through buf, or names what
// else is there.
func fileSum(path string, buf []byte) (string, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() {
		target, _ := os.Readlink(path)
		return fmt.Sprintf("%v %q", info.Mode().Type(), target), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// upToDate gives the last build's result when its record holds for these
// inputs and this moment, and the output folder is still exactly as it
// left it.
func upToDate(o options, in string) (result, bool) {
	if in == "" {
		return result{}, false
	}
	data, err := os.ReadFile(recordPath(o.out))
	if err != nil {
		return result{}, false
	}
	var rec record
	if json.Unmarshal(data, &rec) != nil || rec.Inputs != in || !rec.Until.IsZero() && !o.now.Before(rec.Until) {
		return result{}, false
	}
	out, err := output.Open(o.out, o.force)
	if err != nil {
		return result{}, false
	}
	out.Keyed(programVersion())
	stats, ok := out.Unchanged()
	if !ok {
		out.Abort()
		return result{}, false
	}
	return result{report: rec.Report, stats: stats}, true
}

// forget removes the record.
func forget(out string) error {
	if err := os.Remove(recordPath(out)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// remember writes the record of a complete build, in one step.
func remember(out string, rec record) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	path := recordPath(out)
	if err := os.WriteFile(path+".new", data, 0o644); err != nil {
		return err
	}
	return os.Rename(path+".new", path)
}
