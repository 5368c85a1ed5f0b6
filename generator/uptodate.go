package main

import (
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
func recordPath(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".build")
}

// inputs hashes everything a build reads: this program, the options that
// shape the output, and the path and bytes of every file in the content
// and theme folders. It is "" when a folder cannot be read, and the
// build then goes the long way, which reports the problem. It also gives
// the SHA-256 of each content file's bytes by its slash-separated path
// in the folder, for content.LoadCached.
func inputs(o options) (string, map[string]string) {
	type file struct{ path, sum string }
	var files []*file
	for _, dir := range []string{o.content, o.templates} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			// The content folder's hidden files and folders (.git, an
			// editor's swap files) are not read by a build; the theme's are.
			if dir == o.content && p != dir && strings.HasPrefix(e.Name(), ".") {
				if e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !e.IsDir() {
				files = append(files, &file{path: p})
			}
			return nil
		})
		if err != nil {
			return "", nil
		}
	}
	var wg sync.WaitGroup
	failed := false
	var mu sync.Mutex
	next := make(chan *file)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			buf := make([]byte, 64<<10)
			for f := range next {
				sum, err := fileSum(f.path, buf)
				if err != nil {
					mu.Lock()
					failed = true
					mu.Unlock()
				}
				f.sum = sum
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	if failed {
		return "", nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %q %q %v\n", programVersion(), o.content, o.templates, o.baseURL, o.pagefind, o.force)
	sums := map[string]string{}
	for _, f := range files {
		fmt.Fprintf(h, "%q %s\n", f.path, f.sum)
		if rel, err := filepath.Rel(o.content, f.path); err == nil && filepath.IsLocal(rel) {
			sums[filepath.ToSlash(rel)] = f.sum
		}
	}
	return hex.EncodeToString(h.Sum(nil)), sums
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
