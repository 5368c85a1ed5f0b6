// Package inputs hashes what a build reads, the content and theme
// folders, and keeps the record of the last complete build beside the
// output folder, so that a build whose inputs are unchanged can do
// nothing, and one whose inputs changed reads only the files that did.
//
// It takes folder paths and gives hashes: the whole input's, and each
// content file's, for content.LoadCached. A file is hashed again only
// when its stamp (size, modification and change times, inode) differs
// from the record's, or was taken too soon after a change to trust. For
// serve, Kept holds the content folder's hashes and lists between saves.
// ReadRegular and CreateNew read and make the files every stage keeps
// beside the output folder without going through a link, a pipe or a
// device left in their place. It knows nothing of what the files mean.
package inputs

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"bulletin/generator/cores"
)

// Record is what the last complete build was made from. It is removed
// before a build may change the output, and written once the new output
// is in place.
type Record struct {
	Inputs string    // see Hash
	Since  time.Time // the moment of the build: before it, as after a clock set back, the same inputs may make another site
	Until  time.Time // the first moment at which the same inputs make another site, or another report of it
	Report json.RawMessage
	// Files are the stamps of the files hashed, by path, so that the next
	// build hashes again only the files whose stamp changed. They follow
	// the rest of the record, a line each, which at 100,000 files reads
	// and writes several times faster than JSON.
	Files map[string]Stamp `json:"-"`
	// Taken is when the stamps were taken: a file changed as late as
	// that, within the clock's step, may keep its stamp, so it is
	// hashed again.
	Taken time.Time
}

// Stamp is what the file system says of a file, with its hash: a file
// whose size, modification and change times and inode are unchanged
// holds the same bytes. The change time cannot be set back by tools
// that copy or check out files, so a changed file is never missed.
type Stamp struct {
	Size, Mtime, Ctime int64
	Ino                uint64
	Sum                string
}

// clockStep is the coarsest step of a file system's clock, FAT's, which
// keeps times to two seconds: a file stamped this long before a moment
// may have been written after it.
const clockStep = 2 * time.Second

// Touched reports whether a file of stamps, taken now, was written since
// r's stamps were taken and yet holds the bytes r recorded: saved during
// that build and saved back since, it may have been read by that build
// in between, so its output may not be the one these bytes make.
func (r Record) Touched(stamps map[string]Stamp) bool {
	// Within a step of the clock too, and one a little early costs only
	// a build.
	since := r.Taken.Add(-clockStep).UnixNano()
	for p, st := range stamps {
		old, ok := r.Files[p]
		if ok && old.Sum == st.Sum && (old.Mtime != st.Mtime || old.Ctime != st.Ctime) && max(st.Mtime, st.Ctime) >= since {
			return true
		}
	}
	return false
}

// ErrNotRegular is what ReadRegular gives for a link, a pipe or a
// device.
var ErrNotRegular = errors.New("not a regular file (a link or a device), which no build writes")

// ReadRegular reads the file at path, which bulletin wrote, as a file
// beside or in the output folder: a link, a pipe or a device there is
// refused, not read through, as /dev/zero would fill the memory and a
// pipe never end.
func ReadRegular(path string) ([]byte, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	return os.ReadFile(path)
}

// CreateNew makes a new, empty file at name, to write and read, in
// place of whatever is there: a file an earlier build left, or a link,
// a pipe or a device put there, which is removed, never written
// through. The files a build writes beside the output folder, before it
// renames them into place, are made so.
func CreateNew(name string) (*os.File, error) {
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
}

// Read reads the record at path, or gives an empty one.
func Read(path string) Record {
	var rec Record
	data, err := ReadRegular(path)
	if err != nil {
		return rec
	}
	head, files, _ := bytes.Cut(data, []byte("\n"))
	if json.Unmarshal(head, &rec) != nil {
		return Record{}
	}
	rec.Files = make(map[string]Stamp, bytes.Count(files, []byte("\n")))
	// One string holds every line, and the paths and sums are parts of it.
	for line := range strings.Lines(string(files)) {
		p, st, ok := parseStamp(strings.TrimSuffix(line, "\n"))
		if !ok {
			return Record{}
		}
		rec.Files[p] = st
	}
	return rec
}

// stampLine writes a file's stamp as a line of the record:
// "sum size mtime ctime inode path".
func stampLine(b []byte, p string, st Stamp) []byte {
	b = append(b, st.Sum...)
	for _, n := range []int64{st.Size, st.Mtime, st.Ctime} {
		b = strconv.AppendInt(append(b, ' '), n, 10)
	}
	b = strconv.AppendUint(append(b, ' '), st.Ino, 10)
	return append(append(append(b, ' '), p...), '\n')
}

// parseStamp reads a line stampLine wrote.
func parseStamp(line string) (string, Stamp, bool) {
	sum, rest, ok := strings.Cut(line, " ")
	if !ok || sum == "" {
		return "", Stamp{}, false
	}
	var n [3]int64
	for i := range n {
		var field string
		if field, rest, ok = strings.Cut(rest, " "); !ok {
			return "", Stamp{}, false
		}
		v, err := strconv.ParseInt(field, 10, 64)
		if err != nil {
			return "", Stamp{}, false
		}
		n[i] = v
	}
	inoText, p, ok := strings.Cut(rest, " ")
	if !ok {
		return "", Stamp{}, false
	}
	ino, err := strconv.ParseUint(inoText, 10, 64)
	if err != nil {
		return "", Stamp{}, false
	}
	return p, Stamp{Sum: sum, Size: n[0], Mtime: n[1], Ctime: n[2], Ino: ino}, true
}

// Forget removes the record at path.
func Forget(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Write writes the record at path, in one step. A file whose path has a
// line break in it, or that has no hash, is left out, and so hashed
// again next time.
func (rec Record) Write(path string) error {
	// In UTC, as JSON writes an offset to the minute: a zone's offset of
	// seconds would put Until seconds late.
	rec.Since, rec.Until, rec.Taken = rec.Since.UTC(), rec.Until.UTC(), rec.Taken.UTC()
	// JSON writes no year past 9999: a site that changes later (an
	// article held back to 9999-12-31 in New York) is as up to date
	// until then as until its moment.
	if end := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC); rec.Until.After(end) {
		rec.Until = end
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	// A line at a time: at 100,000 files the record runs to 20 MB, which
	// the build need not hold at its end, when it holds the most.
	f, err := CreateNew(path + ".new")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	w.Write(append(data, '\n'))
	var line []byte
	for _, p := range slices.Sorted(maps.Keys(rec.Files)) {
		if st := rec.Files[p]; !strings.ContainsAny(p, "\n\r") && st.Sum != "" && !strings.Contains(st.Sum, " ") {
			line = stampLine(line[:0], p, st)
			w.Write(line)
		}
	}
	if err := errors.Join(w.Flush(), f.Close()); err != nil {
		return err
	}
	return os.Rename(path+".new", path)
}

// Hash hashes everything a build reads: salt (the program's version and
// the options that shape the output) and the path and bytes of every
// file in the content and theme folders, taking the hashes of files
// whose stamps in prev still hold. It is "" when a folder cannot be
// read, and the build then goes the long way, which reports the
// problem. It also gives the SHA-256 of each content file's bytes by its
// slash-separated path in the folder, and the stamps to record. It
// calls changing, unless nil, as soon as it finds a file whose stamp in
// prev does not hold, so that the caller can start on what a changed
// input needs while the rest is hashed.
func Hash(content, templates, salt string, prev Record, changing func()) (string, map[string]string, map[string]Stamp) {
	var paths []string
	for _, dir := range []string{content, templates} {
		files, err := listFiles(dir, dir == content)
		if err != nil {
			return "", nil, nil
		}
		paths = append(paths, files...)
	}
	stamps, err := stampFiles(paths, prev, changing)
	if err != nil {
		return "", nil, nil
	}
	h := sha256.New()
	b := binary.AppendUvarint(nil, uint64(len(salt)))
	b = append(b, salt...)
	for _, p := range paths {
		// Each path and its hash after its length: a list no other list
		// of paths and hashes writes.
		sum := stamps[p].Sum
		b = append(binary.AppendUvarint(b, uint64(len(p))), p...)
		b = append(binary.AppendUvarint(b, uint64(len(sum))), sum...)
		if len(b) >= 32<<10 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), bySlash(content, stamps), stamps
}

// bySlash gives the hashes of the files stamped inside dir by their
// slash-separated paths in it.
func bySlash(dir string, stamps map[string]Stamp) map[string]string {
	sums := make(map[string]string, len(stamps))
	for p, st := range stamps {
		if rel, err := filepath.Rel(dir, p); err == nil && filepath.IsLocal(rel) {
			sums[filepath.ToSlash(rel)] = st.Sum
		}
	}
	return sums
}

// stampFiles stamps the files at paths, on every core, hashing those
// whose stamp in prev is missing, different or taken too soon after a
// change; it calls changing, unless nil, once, before it hashes the
// first of them.
func stampFiles(paths []string, prev Record, changing func()) (map[string]Stamp, error) {
	list := make([]Stamp, len(paths))
	stale := make([]bool, len(paths))
	var once sync.Once
	err := cores.Parts(len(paths), func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			info, err := os.Lstat(paths[i])
			if err != nil {
				return err
			}
			if info.Mode()&fs.ModeSymlink != 0 {
				// A build reads site.yaml through a link: stamped by
				// the file it leads to, an edit there is seen.
				if target, err := os.Stat(paths[i]); err == nil {
					info = target
				}
			}
			st, ok := stampOf(info)
			old, known := prev.Files[paths[i]]
			if ok && known && old.Size == st.Size && old.Mtime == st.Mtime && old.Ctime == st.Ctime && old.Ino == st.Ino &&
				time.Unix(0, max(st.Mtime, st.Ctime)).Before(prev.Taken.Add(-clockStep)) {
				st.Sum = old.Sum
			} else {
				if changing != nil {
					once.Do(changing)
				}
				stale[i] = true
			}
			list[i] = st
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var fresh []string
	for i, p := range paths {
		if stale[i] {
			fresh = append(fresh, p)
		}
	}
	sums, err := sumFiles(fresh)
	if err != nil {
		return nil, err
	}
	stamps := make(map[string]Stamp, len(paths))
	for i, p := range paths {
		stamps[p] = list[i]
	}
	for i, p := range fresh {
		st := stamps[p]
		st.Sum = sums[i]
		stamps[p] = st
	}
	return stamps, nil
}

// Gained reports whether the theme folder dir holds a file that stamps,
// taken by Hash, do not: one added since, which the build may have read
// and a record of stamps would leave out. It reports true too when dir
// cannot be listed.
func Gained(dir string, stamps map[string]Stamp) bool {
	files, err := listFiles(dir, false)
	if err != nil {
		return true
	}
	return slices.ContainsFunc(files, func(p string) bool {
		_, ok := stamps[p]
		return !ok
	})
}

// ContentSums gives the SHA-256 of every file in the content folder by
// its slash-separated path, as Hash does, or nil if the folder cannot be
// read whole.
func ContentSums(dir string) map[string]string {
	paths, err := listFiles(dir, true)
	if err != nil {
		return nil
	}
	stamps, err := stampFiles(paths, Record{}, nil)
	if err != nil {
		return nil
	}
	return bySlash(dir, stamps)
}

// listFiles lists every file below dir. In the content folder (content
// set) it leaves out hidden files and folders (.git, an editor's swap
// files), which a build does not read; in the theme it lists them.
func listFiles(dir string, content bool) ([]string, error) {
	var files []string
	err := Walk(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if content && p != dir && Hidden(e.Name()) {
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

// Walk walks the folder dir as filepath.WalkDir does, but into it when dir
// is a symbolic link to a folder, as a build reads it: a content folder
// kept elsewhere and linked in is read whole, and so must be watched and
// hashed whole. Links below dir are not followed.
func Walk(dir string, fn fs.WalkDirFunc) error {
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if p == root {
			p = dir
		}
		return fn(p, e, err)
	})
}

// sumFiles hashes the files at paths on every core (see FileSum).
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
				sum, err := FileSum(paths[i], buf)
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

// FileSum hashes a regular file's bytes, read through buf, or names what
// else is there: a link by where it leads, and the bytes of the file
// there, which a build may read through it.
func FileSum(path string, buf []byte) (string, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !info.Mode().IsRegular() {
		target, _ := os.Readlink(path)
		what := fmt.Sprintf("%v %q", info.Mode().Type(), target)
		if to, err := os.Stat(path); err == nil && to.Mode().IsRegular() {
			sum, err := bytesSum(path, buf)
			return what + " " + sum, err
		}
		return what, nil
	}
	return bytesSum(path, buf)
}

// bytesSum hashes the bytes of the file at path, read through buf.
func bytesSum(path string, buf []byte) (string, error) {
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
