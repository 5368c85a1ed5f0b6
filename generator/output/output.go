// Package output puts the rendered files on disk, safely.
//
// It takes files as names and bytes and brings the output folder up to
// date once the build has succeeded: until Commit, and after any failure,
// the previous folder stays as it was. New and changed files wait in a
// staging folder beside it; Commit renames each into place, new files
// first and pages that link to others after the pages they link to, and
// deletes what the site no longer has last, so every file is whole and
// every link good at every instant, and the work grows with the change,
// not with the site. A journal beside the folder lets a build killed
// during Commit leave nothing the next build does not finish. When most
// files change, the new folder is staged whole and swapped into place in
// one step instead.
//
// It keeps a manifest of the files it wrote, refuses to replace a folder
// holding files it did not write, writes nothing outside the folder and
// its siblings named after it (staging folders, the journal, and an
// index of the keys files were made from), and leaves unchanged files
// untouched, so rsync and CDNs upload only what changed. With Reuse, a
// file made from the same key as last time is kept without being made at
// all. It knows nothing of articles or pages.
package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode"

	"bulletin/generator/cores"
	"bulletin/generator/inputs"
)

// ManifestFile lists, in the output folder, every file the build wrote
// with its SHA-256, one "hash path" line each.
const ManifestFile = ".bulletin-manifest"

// Dir is an output folder being rebuilt in a staging folder beside it.
type Dir struct {
	path  string
	stage string
	old   map[string]entry // from the previous manifest and index
	// untouched are the files of old found as the previous build left
	// them when the folder was opened (see entry.intact).
	untouched map[string]bool

	indexVersion string // the version of the program that wrote the index
	version      string // this program's, set by Keyed
	// manifest is the manifest's stamp as the index records it, once the
	// last build put it in place; staleManifest says the manifest is not
	// as that build left it (edited or replaced by hand, or not
	// recorded), so that neither it nor the index is trusted: every
	// folder is read, every file compared, and the manifest written again.
	manifest      stamp
	staleManifest bool

	mu   sync.Mutex
	lock *os.File // held from Open to Commit or Abort

	// The staging folder is made only once the new output differs from
	// the old, so a build that changes nothing touches nothing. It holds
	// the new and changed files, or, once full, the whole new output.
	stageOnce sync.Once
	stageErr  error
	staged    bool // the staging folder exists; guarded by mu
	full      bool // it holds every file of the new output; guarded by mu
	fullOnce  sync.Once
	fullErr   error
	unchanged map[string]bool // files kept as the previous build left them
	linkErr   error           // the first failure to link a reused file
	written   map[string]entry
	kept      map[string]bool   // files the generator did not write, left in place with force
	keptIn    map[string]string // the folders that hold kept files, each with one of them
	// keptFolders are the folders the generator did not make, and those
	// it did that were given another mode or owner since, as they were
	// found: a new output swapped in whole has them too, with their modes
	// and owners, those it did not make empty or not. root is the output
	// folder as it was found, nil for one not there.
	keptFolders map[string]keptFolder
	root        fs.FileInfo
	rootGid     int              // the output folder's group, -1 for none
	known       map[string]int64 // folders as the index records them (see folders.go)
	folders     map[string]int64 // folders found holding only the previous build's files and folders, with their times
	unreadable  []unreadable     // folders of the previous build's lacking some of folderPerm
	dirs        map[string]bool  // made in the staging folder
	parents     map[string]bool  // folders of the new output's files
	stats       Stats
}

// Stats counts what a build wrote.
type Stats struct {
	Files     int   // files in the new output
	Bytes     int64 // their total size
	Unchanged int   // files kept from the previous output
	// Left says what of the previous output, set aside when the new one
	// was swapped in whole, could not be deleted, and why; "" when it
	// all was. The new output is in place all the same.
	Left string
}

// ErrBusy means another build holds the output folder (see Lock).
var ErrBusy = errors.New("another build is writing beside this folder")

// ErrForeign means the output folder holds files the generator did not write.
var ErrForeign = errors.New("holds files bulletin did not write")

// Usable says what keeps path from being an output folder: a file, or a
// symbolic link, as a build replaces its output folder whole; nil when
// it is a folder or does not exist yet. The path is cleaned first: a
// link named with a slash after it (public/) is followed by the system,
// and would not be seen as a link.
func Usable(path string) error {
	clean := filepath.Clean(path)
	info, err := os.Lstat(clean)
	switch {
	case path == "":
		return errors.New("-out is empty: give the folder to build into")
	case err != nil:
		if file := fileAbove(clean); file != "" {
			return fmt.Errorf("-out %s is inside %s, a file, not a folder: give a folder to build into", path, file)
		}
		return nil
	case info.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(clean)
		return fmt.Errorf("-out %s is a symbolic link to %s: give that folder itself, as a build replaces its output folder whole", path, target)
	case !info.IsDir():
		return fmt.Errorf("-out %s is a file, not a folder: give a folder to build into", path)
	case holdsWorkingFolder(path):
		return fmt.Errorf("-out %s is the folder bulletin runs in, or holds it, and a build may replace its output folder whole, which would leave bulletin, and the shell it runs in, in a folder gone: run it from another folder, or give another -out", path)
	}
	return nil
}

// State says what a build that stopped left of the output folder out:
// nothing changed.
func State(out string) string {
	name := strings.TrimSuffix(out, "/")
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return fmt.Sprintf("nothing was written to %s/", name)
	}
	if _, err := os.Stat(filepath.Join(out, ManifestFile)); err != nil {
		// A folder no build wrote, such as one given by mistake.
		return fmt.Sprintf("%s/ is as it was", name)
	}
	return fmt.Sprintf("%s/ is as the last build left it", name)
}

// fileAbove gives the nearest of the folders path is in that is there,
// where it is a file, not a folder, so that nothing can be made inside
// it; "" where there is none such.
func fileAbove(path string) string {
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		info, err := os.Stat(dir)
		switch {
		case err == nil && !info.IsDir():
			return dir
		case err == nil || filepath.Dir(dir) == dir:
			return ""
		}
	}
}

// holdsWorkingFolder reports whether the folder at path is the working
// folder or holds it, however either is named: through a symbolic link,
// or in another case where the file system ignores it. The folders
// compared are the working folder's as it is on disk and those above it.
func holdsWorkingFolder(path string) bool {
	out, err := os.Stat(path)
	if err != nil {
		return false
	}
	wd, err := os.Getwd()
	if err != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if info, err := os.Stat(dir); err == nil && os.SameFile(info, out) {
			return true
		}
		if filepath.Dir(dir) == dir {
			return false
		}
	}
}

// Ours reports whether the folder at path is one a build may write
// beside at once: missing, empty, or holding the manifest of an earlier
// build. Another may be refused (see ErrForeign).
func Ours(path string) bool {
	if _, err := os.Lstat(filepath.Join(path, ManifestFile)); err == nil {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) == 0
}

// Lock takes the folder at path for one build: no other build of it
// can take it, nor write beside it, until the Dir it gives is committed
// or aborted. It makes the folder's parent if need be.
func Lock(path string) (*Dir, error) {
	if err := Usable(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	// The maps of what a build writes are made once the last build's
	// manifest is read (see open), at its size.
	d := &Dir{path: abs, kept: map[string]bool{}, keptIn: map[string]string{}, keptFolders: map[string]keptFolder{}, rootGid: -1, dirs: map[string]bool{}}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if d.lock, err = lock(parent); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// Open starts a rebuild of the folder at path: Lock, then OpenLocked.
func Open(path string, force bool) (*Dir, error) {
	d, err := Lock(path)
	if err != nil {
		return nil, err
	}
	return d.OpenLocked(path, force)
}

// OpenLocked starts a rebuild of the folder d holds, given as path.
// Unless force is set, it refuses a folder that holds files not listed
// in its manifest; with force, such files are carried into the new
// output untouched. On failure the lock is let go.
func (d *Dir) OpenLocked(path string, force bool) (*Dir, error) {
	if _, err := d.open(path, force); err != nil {
		unlock(d.lock)
		return nil, err
	}
	return d, nil
}

// open checks the output folder and makes the staging folder, while the
// lock keeps other builds of the same folder out.
func (d *Dir) open(path string, force bool) (*Dir, error) {
	abs := d.path
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	var err error
	restoreSetAside(parent, base, abs)
	d.old, err = readManifest(abs)
	if err != nil {
		return nil, err
	}
	// The maps a rebuild fills hold about as many names as the last
	// build wrote: made that size at once, they need not grow.
	n := len(d.old)
	d.written, d.unchanged, d.parents = make(map[string]entry, n), make(map[string]bool, n), make(map[string]bool, n)
	d.known, d.folders = make(map[string]int64, n), make(map[string]int64, n)
	d.indexVersion, d.manifest = readIndex(indexPath(abs), d.old, d.known)
	if err := d.readJournal(); err != nil {
		return nil, err
	}
	l := newLooker(abs)
	defer l.close()
	st, err := l.lstat(ManifestFile)
	edited := err == nil && d.manifest != (stamp{}) && st.stamp != d.manifest
	if err != nil || !st.regular || d.manifest == (stamp{}) || st.stamp != d.manifest {
		// The names, hashes, keys and folders the index vouches for are
		// those of the manifest it recorded, not of this one.
		d.staleManifest = true
		d.indexVersion = ""
		clear(d.known)
		for name, e := range d.old {
			d.old[name] = entry{hash: e.hash}
		}
	}
	foreign, err := d.foreign(l)
	if err != nil {
		return nil, err
	}
	if len(foreign) > 0 && !force {
		if edited {
			return nil, fmt.Errorf("%s %w, such as %s, as its list of the files bulletin wrote, %s, was changed since the last build wrote it: if that is why, delete the folder and build again; else choose an empty or new folder with -out, or pass -force to build there and keep those files",
				path, ErrForeign, strings.Join(foreign[:min(3, len(foreign))], ", "), ManifestFile)
		}
		return nil, fmt.Errorf("%s %w, such as %s: choose an empty or new folder with -out, or pass -force to build there and keep those files",
			path, ErrForeign, strings.Join(foreign[:min(3, len(foreign))], ", "))
	}
	removeStale(parent, base)
	for _, f := range foreign {
		d.keep(f)
	}
	d.untouched = d.checkUntouched(l)
	return d, nil
}

// keep leaves f, a file or an empty folder that bulletin did not write,
// in place, and notes the folders that hold it.
func (d *Dir) keep(f string) {
	dir := path.Dir(f)
	if k, folder := d.keptFolders[f]; folder && k.foreign {
		dir = f
	} else {
		d.kept[f] = true
	}
	for ; dir != "." && d.keptIn[dir] == ""; dir = path.Dir(dir) {
		d.keptIn[dir] = f
	}
}

// checkUntouched stats, on every core, each file of the previous build
// the index covers, and gives those still as that build left them: one
// look at each, while the build has other work to do, rather than one
// when each file is reused.
func (d *Dir) checkUntouched(l *looker) map[string]bool {
	var names []string
	for name, e := range d.old {
		if e.size != 0 || e.mtime != 0 {
			names = append(names, name)
		}
	}
	var mu sync.Mutex
	untouched := make(map[string]bool, len(names))
	onEveryCore(names, func(name string) error {
		if d.old[name].intact(l, name) {
			mu.Lock()
			untouched[name] = true
			mu.Unlock()
		}
		return nil
	})
	return untouched
}

func stagePrefix(base string) string { return "." + base + ".bulletin-" }

// restoreSetAside moves back the previous output that swapByRename set
// aside, if a kill came between its two renames.
func restoreSetAside(parent, base, out string) {
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	for _, name := range staged(parent, base) {
		if strings.HasSuffix(name, ".old") {
			os.Rename(filepath.Join(parent, name), out)
			return
		}
	}
}

// removeStale deletes staging folders left by builds that were killed.
func removeStale(parent, base string) {
	for _, name := range staged(parent, base) {
		removeAll(filepath.Join(parent, name))
	}
}

// staged names the staging folders in parent of the output folder base,
// the scratch folders of ScratchDir, and the previous output set aside
// (see swapByRename): the prefix, a scratch folder's kind and a hyphen,
// and the number os.MkdirTemp gives, then .old for the one set aside
// (never a scratch folder, which restoreSetAside must not take). A
// name is matched as it is, never as a pattern, so that an output folder
// named pub[1] does not take the folders of pub1.
func staged(parent, base string) []string {
	entries, _ := os.ReadDir(parent)
	var out []string
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), stagePrefix(base))
		if kind, number, scratch := strings.Cut(rest, "-"); scratch && kind != "" && strings.Trim(kind, "abcdefghijklmnopqrstuvwxyz") == "" {
			rest = number
		} else {
			rest = strings.TrimSuffix(rest, ".old")
		}
		if ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			out = append(out, e.Name())
		}
	}
	return out
}

// readManifest reads the list of the files the last build wrote into
// the output folder dir: none where there is no list. A list that is
// not a file (a link, a pipe) is not read through: a pipe would never
// end the read.
func readManifest(dir string) (map[string]entry, error) {
	data, err := inputs.ReadRegular(filepath.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]entry{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the list of the files the last build wrote: %w: delete it, and the folder is refused as not a build's (see -force)", err)
	}
	m := make(map[string]entry, bytes.Count(data, []byte("\n"))+1)
	for line := range strings.Lines(string(data)) {
		// A line that is not a hash and a clean path is ignored, so its
		// file counts as foreign rather than as bulletin's to replace.
		if name, hash, ok := parseManifestLine(strings.TrimSuffix(line, "\n")); ok {
			m[name] = entry{hash: sumOf(hash)}
		}
	}
	return m, nil
}

// Beside is the path of a side file of the output folder out: for out
// "public" and kind "cache", ".public.cache" in the same parent folder.
// Every file bulletin keeps outside the output folder is named so: the
// build cache, the record of the last build, the index of keys, the
// journal, and staging folders.
func Beside(out, kind string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+"."+kind)
}

// indexPath is the index file beside the output folder.
func indexPath(dir string) string { return Beside(dir, "index") }

// Keyed turns on Reuse for files keyed by this version of the program:
// keys made by another version are not comparable, since the code that
// makes a file from its inputs may have changed.
func (d *Dir) Keyed(version string) {
	d.version = version
}

// readIndex adds what the index says to the manifest's entries and
// returns the version that wrote it, and the stamp it records of the
// manifest. A missing or damaged index only means less is reused.
func readIndex(path string, m map[string]entry, folders map[string]int64) (version string, manifest stamp) {
	data, err := inputs.ReadRegular(path)
	if err != nil {
		return "", stamp{}
	}
	header, body, _ := strings.Cut(string(data), "\n")
	version, ok := strings.CutPrefix(header, "version ")
	if !ok {
		return "", stamp{}
	}
	for line := range strings.Lines(body) {
		line = strings.TrimSuffix(line, "\n")
		if name, t, ok := parseFolderLine(line); ok {
			folders[name] = t
			continue
		}
		name, e, ok := parseIndexLine(line)
		if ok && name == ManifestFile {
			manifest = e.stamp
		} else if old, listed := m[name]; ok && listed {
			e.hash = old.hash
			m[name] = e
		}
	}
	return version, manifest
}

// writeIndex replaces the index in one step, writing it a line at a
// time: at 100,000 pages it runs to 30 MB, which the build need not
// hold at its end, when it holds the most. manifest is the stamp of the
// manifest in place, which the index vouches for.
func writeIndex(path, version string, names []string, written map[string]entry, folders map[string]int64, manifest stamp) error {
	indexed := func(name string) bool { e := written[name]; return e.size != 0 || e.mtime != 0 }
	if version == "" || len(folders) == 0 && !slices.ContainsFunc(names, indexed) {
		return removeIfThere(path)
	}
	// Made anew: a link put in its place is not written through.
	tmp := path + ".new"
	if err := removeIfThere(tmp); err != nil {
		return err
	}
	err := writeFileWith(tmp, os.O_EXCL, func(w *bufio.Writer) error {
		line := append(append([]byte("version "), version...), '\n')
		w.Write(line)
		if manifest != (stamp{}) {
			w.Write(entry{stamp: manifest}.appendIndexLine(line[:0], ManifestFile))
		}
		for _, name := range names {
			if indexed(name) {
				line = written[name].appendIndexLine(line[:0], name)
				w.Write(line)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(folders)) {
			line = appendFolderLine(line[:0], name, folders[name])
			w.Write(line)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func isHash(s string) bool {
	return len(s) == 2*sha256.Size && !strings.ContainsFunc(s, func(r rune) bool {
		return (r < '0' || r > '9') && (r < 'a' || r > 'f')
	})
}

// validName reports whether name is a clean slash-separated path inside
// the output folder.
func validName(name string) bool {
	return fs.ValidPath(name) && name != "." && !strings.Contains(name, `\`) && filepath.IsLocal(filepath.FromSlash(name)) &&
		!strings.ContainsFunc(name, unicode.IsControl) // the manifest is one name a line
}

// Write puts one file into the new output. An unchanged file is left
// as it is instead of written again.
func (d *Dir) Write(name string, data []byte) error {
	return d.WriteKeyed(name, "", data)
}

// WriteKeyed is Write for a file made from inputs that key names
// exactly; Reuse can keep it in the next build without making it again.
func (d *Dir) WriteKeyed(name, key string, data []byte) error {
	if !validName(name) {
		return fmt.Errorf("output path %q is not a clean relative path inside the output folder", name)
	}
	if name == ManifestFile {
		return fmt.Errorf("output path %q is kept for bulletin's list of the files it wrote", name)
	}
	hash := hashOf(data)
	d.mu.Lock()
	if _, dup := d.written[name]; dup {
		d.mu.Unlock()
		return fmt.Errorf("two files would be written at %s: check slugs and aliases", name)
	}
	if d.kept[name] {
		d.mu.Unlock()
		return fmt.Errorf("%s would replace a file bulletin did not write: move it out of %s", name, d.path)
	}
	if f, ok := d.keptIn[name]; ok {
		d.mu.Unlock()
		return fmt.Errorf("%s would replace a folder of files bulletin did not write, such as %s: move it out of %s", name, f, d.path)
	}
	if err := d.claimPath(name); err != nil {
		d.mu.Unlock()
		return err
	}
	d.written[name] = entry{hash: hash, key: sumOf(key)}
	d.stats.Files++
	d.stats.Bytes += int64(len(data))
	d.mu.Unlock()

	// The manifest says bulletin wrote these bytes; the file itself must
	// still hold them, or a hand edit would outlive the build.
	prev := filepath.Join(d.path, filepath.FromSlash(name))
	if old, ok := d.old[name]; ok && old.hash == hash {
		if d.untouched[name] {
			return d.keepUnchanged(name, sumOf(key), old.stamp)
		}
		if st, ok := holds(prev, data); ok {
			return d.keepUnchanged(name, sumOf(key), st)
		}
	}
	if err := d.stageFile(name, data); err != nil {
		// Not in the new output after all.
		d.mu.Lock()
		delete(d.written, name)
		d.stats.Files--
		d.stats.Bytes -= int64(len(data))
		d.mu.Unlock()
		return d.writeError(name, err)
	}
	return nil
}

// WriteError is a file the disk would not take: every file after it is
// likely to meet the same, so a build stops at the first.
type WriteError struct {
	Name, Dir string
	Err       *fs.PathError
}

func (e *WriteError) Error() string {
	advice := ""
	if errors.Is(e.Err, syscall.ENOSPC) || errors.Is(e.Err, syscall.EDQUOT) {
		advice = ": free space on its disk, then build again"
	}
	return fmt.Sprintf("writing %s into %s: %s %v%s", e.Name, e.Dir, e.Err.Op, e.Err.Err, advice)
}

func (e *WriteError) Unwrap() error { return e.Err }

// writeError names the file the disk would not take by its name in the
// output folder, not in the folder it is made in before it takes the
// output's place, which no longer is once the build stops.
func (d *Dir) writeError(name string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	return &WriteError{Name: name, Dir: d.path, Err: pe}
}

// claimPath refuses a name that would be a file inside another file of
// the new output, or a file where it has a folder, and else notes the
// folders it is in; d.mu is held.
func (d *Dir) claimPath(name string) error {
	if d.parents[name] {
		return fmt.Errorf("%s would be both a file and a folder of other files: check slugs and aliases", name)
	}
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if _, ok := d.written[dir]; ok {
			return fmt.Errorf("%s would be inside the file %s: check slugs and aliases", name, dir)
		}
		if d.kept[dir] {
			// A symbolic link, say, put where bulletin's folder was: a
			// file written through it would land outside the output.
			return fmt.Errorf("%s would be inside %s, which bulletin did not write (a symbolic link or a file): move it out of %s", name, dir, d.path)
		}
	}
	for dir := path.Dir(name); dir != "." && !d.parents[dir]; dir = path.Dir(dir) {
		d.parents[dir] = true
	}
	return nil
}

// stageFile writes a new or changed file into the staging folder. Its
// stamp is noted once it is in place (see restamp): moving it there
// changes its change time.
func (d *Dir) stageFile(name string, data []byte) error {
	if err := d.makeStage(); err != nil {
		return err
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	return writeFile(filepath.Join(d.stage, filepath.FromSlash(name)), data)
}

// writeFile writes a new file.
func writeFile(name string, data []byte) error {
	f, err := createFile(name, os.O_EXCL)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}

// createFile opens the file name for writing, made with filePerm, with
// flag besides those that create it.
func createFile(name string, flag int) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|flag, filePerm)
	if err != nil {
		return nil, err
	}
	// The umask may have taken some away; a file system that keeps no
	// permissions refuses the chmod, which the file does not need there.
	f.Chmod(filePerm)
	return f, nil
}

// writeFileWith makes the file name, opened with flag besides those
// that create it for writing, of what fill writes into it through a
// buffer, as writeFile makes one of bytes held whole.
func writeFileWith(name string, flag int, fill func(w *bufio.Writer) error) error {
	f, err := createFile(name, flag)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	if err := fill(w); err != nil {
		f.Close()
		return err
	}
	return errors.Join(w.Flush(), f.Close())
}

// keepUnchanged keeps the previous build's file at name, with the stamp
// st, where it is; a full staging folder gets a link to it.
func (d *Dir) keepUnchanged(name string, key sum, st stamp) error {
	d.mu.Lock()
	e := d.written[name]
	e.key, e.stamp = key, st
	d.written[name] = e
	d.stats.Unchanged++
	d.unchanged[name] = true
	full := d.full
	d.mu.Unlock()
	if full {
		return d.link(name)
	}
	return nil
}

// link hard-links the previous build's file at name into the staging folder.
func (d *Dir) link(name string) error {
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	err := os.Link(filepath.Join(d.path, filepath.FromSlash(name)), filepath.Join(d.stage, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrPermission) {
		// A whole swap keeps each file by a hard link to it, which the
		// system refuses for a file another user owns (Linux's
		// protected_hardlinks), or one marked immutable.
		what := "the last build wrote"
		if d.kept[name] {
			what = "bulletin did not write"
		}
		return fmt.Errorf("%s, which %s, is kept in the new output by a hard link to it, which the system refuses, as it does for a file that belongs to another user or cannot change: run the build as the file's owner, or move or delete it in %s: %w", name, what, d.path, err)
	}
	return err
}

// makeStage makes the staging folder, the first time the new output
// turns out to differ from the old.
func (d *Dir) makeStage() error {
	d.stageOnce.Do(func() {
		parent, base := filepath.Dir(d.path), filepath.Base(d.path)
		stage, err := os.MkdirTemp(parent, stagePrefix(base))
		if err == nil {
			// MkdirTemp makes a private folder, but a full one becomes the
			// output, which web servers and rsync must be able to read,
			// with any other permission the folder it replaces had, and
			// its owner where the system lets the build keep it.
			mode := folderPerm
			if d.root != nil {
				mode |= keptMode(d.root)
				sameOwner(stage, d.root)
			}
			err = os.Chmod(stage, mode)
		}
		if err != nil {
			d.stageErr = fmt.Errorf("creating staging folder: %w", err)
			removeAll(stage)
			return
		}
		d.mu.Lock()
		d.stage, d.staged = stage, true
		d.mu.Unlock()
	})
	return d.stageErr
}

// makeFull fills the staging folder with links to every unchanged file
// and every file kept with force, so that it holds the whole new output;
// from then on, unchanged files are linked in as they come.
func (d *Dir) makeFull() error {
	d.fullOnce.Do(func() {
		if d.fullErr = d.makeStage(); d.fullErr != nil {
			return
		}
		d.mu.Lock()
		d.full = true
		names := slices.Concat(slices.Collect(maps.Keys(d.unchanged)), slices.Collect(maps.Keys(d.kept)))
		d.mu.Unlock()
		d.fullErr = onEveryCore(names, d.link)
		for _, dir := range slices.Sorted(maps.Keys(d.keptFolders)) {
			if d.fullErr == nil && d.keptFolders[dir].foreign {
				d.fullErr = d.mkdir(dir)
			}
		}
	})
	return d.fullErr
}

// keepFolders gives the folders kept in a full staging folder the owner
// and the mode they had, once nothing more is written into them: a
// private folder (.ssh, say) stays private and its owner's. One that
// holds bulletin's files gets what readers need of them besides; one of
// bulletin's the new output no longer has, or has as a file, is left
// out. The owners come first, so that a build that cannot keep one stops
// before a folder is made one its staging folder cannot be deleted from.
// A mode the file system will not keep is no error, as in mkdir.
func (d *Dir) keepFolders() error {
	mode := map[string]fs.FileMode{}
	for dir, k := range d.keptFolders {
		p := filepath.Join(d.stage, filepath.FromSlash(dir))
		if info, err := os.Lstat(p); err != nil || !info.IsDir() {
			continue
		}
		mode[p] = keptMode(k.info)
		if !k.foreign || d.parents[dir] {
			mode[p] |= folderPerm
		}
		// A folder of bulletin's keeps its owner where the system lets
		// it, as the output folder does.
		if err := sameOwner(p, k.info); err != nil && k.foreign {
			return fmt.Errorf("%s, a folder bulletin did not make, belongs to another user, whom a build that replaces the output folder whole cannot give it back to: run the build as that user, or move the folder out of %s: %w", dir, d.path, err)
		}
	}
	for p, m := range mode {
		os.Chmod(p, m)
	}
	return nil
}

// keptFolder is a folder of the output as a build found it, and whether
// bulletin did not make it.
type keptFolder struct {
	info    fs.FileInfo
	foreign bool
}

// keptMode is the mode of a folder as found that a folder made anew in
// its place is given: its permissions, and its setgid and sticky bits.
func keptMode(info fs.FileInfo) fs.FileMode {
	return info.Mode() & (fs.ModePerm | fs.ModeSetgid | fs.ModeSticky)
}

// onEveryCore calls fn for every name, on every core, and gives the
// first error.
func onEveryCore(names []string, fn func(string) error) error {
	return cores.Parts(len(names), func(lo, hi int) error {
		for _, name := range names[lo:hi] {
			if err := fn(name); err != nil {
				return err
			}
		}
		return nil
	})
}

// removeAside deletes the previous output that a whole swap set aside;
// tests make it fail.
var removeAside = removeTree

// removeTree deletes a folder and everything in it, its top-level
// entries on every core.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = filepath.Join(dir, e.Name())
	}
	return errors.Join(onEveryCore(names, removeAll), removeAll(dir))
}

// Made reports, changing nothing, whether the last build wrote the file
// name from key with this program (see Keyed): a file made then without
// an error, which the same key would make alike now.
func (d *Dir) Made(name, key string) bool {
	old, ok := d.old[name]
	return ok && sumOf(key) != (sum{}) && old.key == sumOf(key) && d.version != "" && d.version == d.indexVersion
}

// Reuse keeps the previous build's file at name when it was made from
// the same key, by this version of the program, and is still as that
// build left it; it reports whether it did, and then the caller need
// not make the file at all.
func (d *Dir) Reuse(name, key string) bool {
	old, ok := d.old[name]
	if !ok || sumOf(key) == (sum{}) || old.key != sumOf(key) || d.version == "" || d.version != d.indexVersion || !validName(name) || name == ManifestFile {
		return false
	}
	if !d.untouched[name] || !d.claim(name, old) {
		return false
	}
	// A link that fails once the staging folder is full fails the build
	// at Commit rather than leaving a file out.
	if err := d.keepUnchanged(name, old.key, old.stamp); err != nil {
		d.setErr(err)
	}
	return true
}

// claim counts the previous build's file at name, described by old, in
// the new output, unless a file is already there.
func (d *Dir) claim(name string, old entry) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, dup := d.written[name]; dup || d.kept[name] || d.keptIn[name] != "" || d.claimPath(name) != nil {
		return false
	}
	d.written[name] = old
	d.stats.Files++
	d.stats.Bytes += old.size
	return true
}

func (d *Dir) setErr(err error) {
	d.mu.Lock()
	if d.linkErr == nil {
		d.linkErr = err
	}
	d.mu.Unlock()
}

// restamp notes the stamps of the files names, now in place in the
// output folder, on every core, for the index, so that the next build
// can tell them untouched without reading them. Renaming or linking a
// file changes its change time, so it is looked at only once in place.
// A file it cannot look at is noted with none, so that the next build
// does not take it as untouched.
func (d *Dir) restamp(names []string) {
	l := newLooker(d.path)
	defer l.close()
	onEveryCore(names, func(name string) error {
		st, err := l.lstat(name)
		if err != nil {
			st = look{}
		}
		d.mu.Lock()
		e := d.written[name]
		e.stamp = st.stamp
		d.written[name] = e
		d.mu.Unlock()
		return nil
	})
}

// placedManifest is the stamp of the manifest this build put in place;
// zero when it cannot be read, which the next build takes as a manifest
// edited since.
func (d *Dir) placedManifest() stamp {
	info, err := os.Lstat(filepath.Join(d.path, ManifestFile))
	if err != nil || !info.Mode().IsRegular() {
		return stamp{}
	}
	return stampOf(info)
}

// holds reports whether the entry at name is a file readable by all
// that holds data, and gives its stamp. What stands in a file's place
// is never read through: a link there would be kept in the output
// where a clean build writes a file, a pipe would never end the read,
// and a device such as /dev/zero would fill the memory.
func holds(name string, data []byte) (stamp, bool) {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) || !readable(info.Mode().Perm(), filePerm) {
		return stamp{}, false
	}
	b, err := os.ReadFile(name)
	if err != nil || !bytes.Equal(b, data) {
		return stamp{}, false
	}
	return stampOf(info), true
}

func hashOf(data []byte) sum { return sha256.Sum256(data) }

// mkdir makes the folder dir, a slash-separated path inside the staging
// folder, and its parents, each once: one system call a new folder.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	if err := mkdir(filepath.Join(d.stage, filepath.FromSlash(dir))); err != nil {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Unchanged reports whether the folder holds just what the last build of
// this version of the program wrote, every file as that build left it,
// and then releases the folder untouched and gives its stats. Otherwise
// it leaves the Dir as it is, to be built or aborted.
func (d *Dir) Unchanged() (Stats, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.staged || len(d.kept) > 0 || len(d.written) > 0 || len(d.old) == 0 || d.version == "" || d.version != d.indexVersion || len(d.unreadable) > 0 || d.staleManifest {
		return Stats{}, false
	}
	var st Stats
	for name, e := range d.old {
		if !d.untouched[name] {
			return Stats{}, false
		}
		st.Files++
		st.Bytes += e.size
	}
	st.Unchanged = st.Files
	if !maps.Equal(d.known, d.folders) {
		// The folders found settled since the last build are recorded;
		// failing to is no reason to build again.
		writeIndex(indexPath(d.path), d.indexVersion, slices.Sorted(maps.Keys(d.old)), d.old, d.folders, d.manifest)
	}
	unlock(d.lock)
	return st, true
}

// Commit writes the manifest and brings the output folder up to date:
// in place, or, when the staging folder is full, by swapping it in.
func (d *Dir) Commit() (Stats, error) {
	names := slices.Sorted(maps.Keys(d.written))
	if d.linkErr != nil {
		d.Abort()
		return d.stats, d.linkErr
	}
	if !d.staged && d.sameFiles() && !d.staleManifest {
		// Every file is the previous build's: the output stays as it is,
		// and only the index learns this build's keys.
		d.makeReadable()
		err := writeIndex(indexPath(d.path), d.version, names, d.written, d.folders, d.manifest)
		unlock(d.lock)
		return d.stats, err
	}
	if err := d.makeStage(); err != nil {
		d.Abort()
		return d.stats, err
	}
	manifest := filepath.Join(d.stage, ManifestFile)
	err := writeFileWith(manifest, os.O_EXCL, func(w *bufio.Writer) error {
		var line []byte
		for _, name := range names {
			line = append(append(append(d.written[name].hash.appendHex(line[:0]), ' '), name...), '\n')
			w.Write(line)
		}
		return nil
	})
	if err != nil {
		d.Abort()
		return d.stats, err
	}
	if !d.full && (len(d.unchanged) < len(names)-len(d.unchanged) || d.reshapes(names)) {
		// Most files changed, as in a first build or after a theme edit,
		// so linking the unchanged ones costs less than renaming the
		// others one by one; or a file stands where a folder was, or the
		// other way round, which no order of renames keeps whole. The
		// output is swapped in at once.
		if err := d.makeFull(); err != nil {
			d.Abort()
			return d.stats, err
		}
	}
	if d.full {
		if err := d.keepFolders(); err != nil {
			d.Abort()
			return d.stats, err
		}
		if err := swap(d.stage, d.path); err != nil {
			d.Abort()
			return d.stats, fmt.Errorf("replacing %s: %w", d.path, err)
		}
		// The staging path now holds the previous output, with links to
		// the files kept: once they are gone, every file is as the next
		// build will find it.
		if err := removeAside(d.stage); err != nil {
			d.stats.Left = fmt.Sprintf("the previous output, set aside in %s, could not all be deleted (%v): %s is this build's all the same; the next build tries again, and if it cannot either, delete what is left by hand", d.stage, err, d.path)
		}
		d.restamp(names)
		// A journal of an update in place that failed names files of an
		// output now gone.
		err := errors.Join(writeIndex(indexPath(d.path), d.version, names, d.written, d.settled(), d.placedManifest()), removeIfThere(journalPath(d.path)))
		unlock(d.lock)
		return d.stats, err
	}
	// A folder bulletin did not make that is to hold its files first
	// gets what writing them, and readers of them, need.
	d.openForeignFolders()
	staged, err := d.update(names)
	if err != nil {
		d.Abort()
		return d.stats, fmt.Errorf("updating %s: %w", d.path, err)
	}
	d.restamp(staged)
	d.makeReadable()
	err = errors.Join(removeAll(d.stage), os.Remove(journalPath(d.path)), writeIndex(indexPath(d.path), d.version, names, d.written, d.folders, d.placedManifest()))
	unlock(d.lock)
	return d.stats, err
}

// Abort drops the staging folder, leaving the output as it was.
func (d *Dir) Abort() {
	if d.stage != "" {
		removeAll(d.stage)
	}
	unlock(d.lock)
}

// sameFiles reports whether this build wrote exactly the files the
// previous one did.
func (d *Dir) sameFiles() bool {
	if len(d.written) != len(d.old) {
		return false
	}
	for name := range d.old {
		if _, ok := d.written[name]; !ok {
			return false
		}
	}
	return true
}
