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
	// Files are the stamps of the files hashed, by path, so that the next
	// build hashes again only the files whose stamp changed.
	Files map[string]stamp
	// Taken is when the stamps were taken: a file changed as late as
	// that, within the clock's step, may keep its stamp, so it is
	// hashed again.
	Taken time.Time
}

// stamp is what the file system says of a file, with its hash: a file
// whose size, modification and change times and inode are unchanged
// holds the same bytes. The change time cannot be set back by tools
// that copy or check out files, so a changed file is never missed.
type stamp struct {
	Size, Mtime, Ctime int64
	Ino                uint64
	Sum                string
}

// readRecord reads the record of the last complete build, or gives an
// empty one.
func readRecord(out string) record {
	var rec record
	if data, err := os.ReadFile(recordPath(out)); err == nil {
		if json.Unmarshal(data, &rec) != nil {
			rec = record{}
		}
	}
	return rec
}

// recordPath is the record's file, beside the output folder.
func recordPath(out string) string { return output.Beside(out, "build") }

// inputs hashes everything a build reads: this program, the options that
// shape the output, and the path and bytes of every file in the content
// and theme folders. It is "" when a folder cannot be read, and the
// build then goes the long way, which reports the problem. It also gives
// the SHA-256 of each content file's bytes by its slash-separated path
// in the folder, for content.LoadCached.
func inputs(o options, prev record) (string, map[string]string, map[string]stamp) {
	var paths []string
	for _, dir := range []string{o.content, o.templates} {
		files, err := listFiles(dir, dir == o.content)
		if err != nil {
			return "", nil, nil
		}
		paths = append(paths, files...)
	}
	stamps, err := stampFiles(paths, prev)
	if err != nil {
		return "", nil, nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %q %q %q %v %v\n", programVersion(), o.content, o.templates, o.baseURL, o.pagefind, o.force, o.strict)
	bySlash := map[string]string{}
	for _, p := range paths {
		sum := stamps[p].Sum
		fmt.Fprintf(h, "%q %s\n", p, sum)
		if rel, err := filepath.Rel(o.content, p); err == nil && filepath.IsLocal(rel) {
			bySlash[filepath.ToSlash(rel)] = sum
		}
	}
	return hex.EncodeToString(h.Sum(nil)), bySlash, stamps
}

// stampFiles stamps the files at paths, hashing those whose stamp in
// prev is missing, different or taken too soon after a change.
func stampFiles(paths []string, prev record) (map[string]stamp, error) {
	stamps := make(map[string]stamp, len(paths))
	var fresh []string
	for _, p := range paths {
		info, err := os.Lstat(p)
		if err != nil {
			return nil, err
		}
		st, ok := stampOf(info)
		old, known := prev.Files[p]
		if ok && known && old.Size == st.Size && old.Mtime == st.Mtime && old.Ctime == st.Ctime && old.Ino == st.Ino &&
			time.Unix(0, max(st.Mtime, st.Ctime)).Before(prev.Taken.Add(-time.Second)) {
			st.Sum = old.Sum
		} else {
			fresh = append(fresh, p)
		}
		stamps[p] = st
	}
	sums, err := sumFiles(fresh)
	if err != nil {
		return nil, err
	}
	for i, p := range fresh {
		st := stamps[p]
		st.Sum = sums[i]
		stamps[p] = st
	}
	return stamps, nil
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
func upToDate(o options, in string, rec record) (result, bool) {
	if in == "" || rec.Inputs != in || !rec.Until.IsZero() && !o.now.Before(rec.Until) {
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
