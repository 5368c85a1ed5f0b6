package output

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Before it changes anything, a build looks through the output folder
// for files bulletin did not write. Reading every folder costs three
// system calls each; at 100,000 articles, seconds. A folder's time
// changes whenever a file or folder is added to it, removed or renamed,
// so the index beside the output keeps the time of each folder that
// held only bulletin's files and folders when last read, and a
// folder that still has that time is taken to hold them still, at the
// cost of one stat. A folder changed too recently for its time to tell
// a later change apart (see racy) is not recorded, and is read the next
// time; so is any folder the index does not list.

// racy reports whether a folder whose time is t changed too recently to
// be recorded: a change within the same tick of the file system's clock
// would leave its time as it was. A file system that keeps times to the
// second, or to 10 ms or coarser (FAT, exFAT, ext3, HFS+), gives times
// whose fraction is a multiple of 10 ms, and a folder of one is racy for
// 2 s; one that keeps finer times takes them from a clock whose tick is
// at most about 16 ms, and a folder of one is racy for 100 ms, so that a
// build just after another need not read every folder again.
func racy(t time.Time) bool {
	tick := 2 * time.Second
	if t.Nanosecond()%int(10*time.Millisecond) != 0 {
		tick = 100 * time.Millisecond
	}
	return time.Since(t) <= tick
}

// appendFolderLine appends the index line of a folder and its time in
// nanoseconds to b, "folder TIME NAME", with "." for the output folder
// itself.
func appendFolderLine(b []byte, name string, t int64) []byte {
	b = strconv.AppendInt(append(b, "folder "...), t, 10)
	return append(append(append(b, ' '), name...), '\n')
}

// parseFolderLine reads a folder's index line.
func parseFolderLine(line string) (string, int64, bool) {
	rest, ok1 := strings.CutPrefix(line, "folder ")
	timeText, name, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || name != "." && !validName(name) {
		return "", 0, false
	}
	t, err := strconv.ParseInt(timeText, 10, 64)
	return name, t, err == nil
}

// foreign lists the files in the folder that the manifest does not, and
// notes in d.folders each folder that holds only the previous build's
// files and folders, with its time.
func (d *Dir) foreign(l *looker) ([]string, error) {
	// The folders of the previous build's files, and the folders in each.
	ours, sub := make(map[string]bool, len(d.old)), make(map[string][]string, len(d.old))
	for name := range d.old {
		for dir := path.Dir(name); dir != "." && !ours[dir]; dir = path.Dir(dir) {
			ours[dir] = true
			sub[path.Dir(dir)] = append(sub[path.Dir(dir)], dir)
		}
	}
	var out []string
	var walk func(rel string) error
	walk = func(rel string) error {
		p := filepath.Join(d.path, filepath.FromSlash(rel))
		st, err := l.lstat(rel)
		switch {
		case rel == "." && errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case !st.dir:
			out = append(out, rel)
			return nil
		case rel == "." || !ours[rel] || !d.asMade(st):
			// The output folder's own mode and owner, and those of a
			// folder bulletin did not make, or of one of its own given
			// another since, are kept (see keepFolders).
			info, err := os.Lstat(p)
			if err != nil {
				return err
			}
			if rel == "." {
				d.root, d.rootGid = info, st.gid
			} else {
				d.keptFolders[rel] = keptFolder{info, !ours[rel]}
			}
		}
		if !readable(st.perm, folderPerm) && (rel == "." || ours[rel]) {
			d.unreadable = append(d.unreadable, unreadable{rel, st.perm})
		}
		mtime := st.mtime
		if t, ok := d.known[rel]; ok && t == mtime {
			d.folders[rel] = mtime
			for _, s := range sub[rel] {
				if err := walk(s); err != nil {
					return err
				}
			}
			return nil
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return err
		}
		if len(entries) == 0 && rel != "." && !ours[rel] {
			out = append(out, rel) // an empty folder bulletin did not make
		}
		// A folder bulletin did not make is read every time, so that an
		// empty one is found, and kept, however long it stays so.
		clean := rel == "." || ours[rel]
		for _, e := range entries {
			name := path.Join(rel, e.Name())
			if e.IsDir() {
				if !ours[name] {
					clean = false
				}
				if err := walk(name); err != nil {
					return err
				}
				continue
			}
			if _, ok := d.old[name]; !ok && name != ManifestFile {
				out = append(out, name)
				clean = false
			}
		}
		if clean && !racy(time.Unix(0, mtime)) {
			d.folders[rel] = mtime
		}
		return nil
	}
	err := walk(".")
	slices.Sort(out)
	return out, err
}

// settled gives the folders of a new output swapped in whole, each with
// its time, that changed long enough ago to be recorded (see racy): all
// hold only the files this build wrote, unless it kept others (-force),
// when none is recorded.
func (d *Dir) settled() map[string]int64 {
	out := map[string]int64{}
	if len(d.kept) > 0 || slices.ContainsFunc(slices.Collect(maps.Values(d.keptFolders)), func(k keptFolder) bool { return k.foreign }) {
		return out
	}
	for _, rel := range append(slices.Collect(maps.Keys(d.parents)), ".") {
		info, err := os.Lstat(filepath.Join(d.path, filepath.FromSlash(rel)))
		if err == nil && info.IsDir() && !racy(info.ModTime()) {
			out[rel] = info.ModTime().UnixNano()
		}
	}
	return out
}

// asMade reports whether a folder of bulletin's, as st finds it, is as a
// build makes one: with no permission but folderPerm's, no setuid,
// setgid or sticky bit, and, where the system keeps owners, the build's
// own user and group, or the output folder's group, which a folder in
// it takes where the output folder has the setgid bit.
func (d *Dir) asMade(st look) bool {
	owned := st.uid < 0 || st.uid == euid && (st.gid == egid || st.gid == d.rootGid)
	return owned && !st.special && readable(folderPerm, st.perm)
}
