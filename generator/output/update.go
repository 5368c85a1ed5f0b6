package output

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"bulletin/generator/inputs"
)

// journalPath is the journal beside the output folder: while Commit
// changes the folder in place, it names every file that is or may be
// bulletin's there, so that a build killed half-way leaves no file the
// next build takes for someone else's.
func journalPath(dir string) string { return Beside(dir, "journal") }

// readJournal counts the files a killed Commit names as the previous
// build's, to be replaced or deleted; none of them is taken as unchanged.
func (d *Dir) readJournal() error {
	f, err := openRegular(journalPath(d.path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if errors.Is(err, inputs.ErrNotRegular) {
		return fmt.Errorf("the journal of a build stopped while it changed the output folder: %w: delete it, and the files that build left are refused as not a build's (see -force)", err)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if name := sc.Text(); validName(name) {
			if _, ok := d.old[name]; !ok {
				d.old[name] = entry{}
			}
		}
	}
	return sc.Err()
}

// update moves the staged files into the output folder, then the
// manifest, and deletes the files the new output lacks; it gives the
// files it moved. names are the new output's files. An error once a file
// has moved is a PartlyUpdated.
func (d *Dir) update(names []string) (staged []string, err error) {
	var gone []string
	for _, name := range names {
		if !d.unchanged[name] {
			staged = append(staged, name)
		}
	}
	for name := range d.old {
		if _, ok := d.written[name]; !ok && !d.kept[name] {
			gone = append(gone, name)
		}
	}
	slices.Sort(gone)
	// A folder someone replaced with a symbolic link leads out of the
	// output folder: nothing the old output had there is deleted, which
	// would delete what it leads to (nothing is written there: see
	// claimPath).
	links := map[string]bool{}
	gone = slices.DeleteFunc(gone, func(name string) bool { return d.linkedFolder(name, links) != "" })
	// The journal first, then the renames, in the order that keeps
	// links good: see renameOrder.
	journal := slices.Concat(names, gone)
	if err := writeAtomic(journalPath(d.path), []byte(strings.Join(journal, "\n")+"\n")); err != nil {
		return nil, err
	}
	slices.SortFunc(staged, func(a, b string) int { return d.renameOrder(a, b) })
	moved := false
	defer func() {
		if err != nil && moved {
			err = &PartlyUpdated{Err: err}
		}
	}()
	made := map[string]bool{}
	for _, name := range append(staged, ManifestFile) {
		dst := filepath.Join(d.path, filepath.FromSlash(name))
		if dir := path.Dir(name); !made[dir] {
			if err := mkdirAll(filepath.Dir(dst)); err != nil {
				return nil, err
			}
			made[dir] = true
		}
		if err := rename(filepath.Join(d.stage, filepath.FromSlash(name)), dst); err != nil {
			return nil, err
		}
		moved = true
	}
	for _, name := range gone {
		if err := os.Remove(filepath.Join(d.path, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("deleting %s: %w", name, err)
		}
		d.removeEmpty(path.Dir(name))
	}
	return staged, nil
}

// reshapes reports whether the new output puts a file where the output
// folder has a folder, or inside what is now a file.
func (d *Dir) reshapes(names []string) bool {
	dirs := map[string]bool{}
	for _, name := range names {
		if d.unchanged[name] {
			continue
		}
		if info, err := os.Lstat(filepath.Join(d.path, filepath.FromSlash(name))); err == nil && info.IsDir() {
			return true
		}
		for dir := path.Dir(name); dir != "." && !dirs[dir]; dir = path.Dir(dir) {
			dirs[dir] = true
			if info, err := os.Lstat(filepath.Join(d.path, filepath.FromSlash(dir))); err == nil && !info.IsDir() {
				return true
			}
		}
	}
	return false
}

// renameOrder sorts the staged files so that a file comes before the
// files that may link to it: new files before changed ones, since only
// files that change can link to a new one; within each, assets (images,
// styles, scripts) first, then pages, deeper ones (articles) before the
// lists above them and the home page last, then feeds, the sitemap and
// other indexes of the site.
func (d *Dir) renameOrder(a, b string) int {
	_, oldA := d.old[a]
	_, oldB := d.old[b]
	if oldA != oldB {
		if oldA {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(strings.Count(b, "/"), strings.Count(a, "/")), strings.Compare(a, b))
}

// rank is a file's place in renameOrder: 0 for an asset, 1 for a page,
// 2 for a feed or an index of the site.
func rank(name string) int {
	switch path.Ext(name) {
	case ".html":
		return 1
	case ".xml", ".json", ".txt", ".ics":
		return 2
	}
	return 0
}

// linkedFolder gives the first folder above name, a slash path inside
// the output folder, that is a symbolic link, or ""; links remembers
// what was looked at.
func (d *Dir) linkedFolder(name string, links map[string]bool) string {
	var dirs []string
	for dir := path.Dir(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
		dirs = append(dirs, dir)
	}
	for _, dir := range slices.Backward(dirs) {
		linked, ok := links[dir]
		if !ok {
			info, err := os.Lstat(filepath.Join(d.path, filepath.FromSlash(dir)))
			linked = err == nil && info.Mode()&fs.ModeSymlink != 0
			links[dir] = linked
		}
		if linked {
			return dir
		}
	}
	return ""
}

// removeEmpty deletes the folder dir, a slash path inside the output
// folder, and its parents, as long as they are empty.
func (d *Dir) removeEmpty(dir string) {
	for dir != "." && dir != "/" {
		if os.Remove(filepath.Join(d.path, filepath.FromSlash(dir))) != nil {
			return
		}
		dir = path.Dir(dir)
	}
}

// writeAtomic replaces the file at name with data in one step, by a
// file made anew beside it (see inputs.CreateNew).
func writeAtomic(name string, data []byte) error {
	tmp := name + ".new"
	f, err := inputs.CreateNew(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err := errors.Join(err, f.Close()); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// rename moves a staged file into the output folder; tests make it fail.
var rename = os.Rename

// PartlyUpdated is an error that stopped a build while it moved its files
// into the output folder: some are the new build's, the rest the last
// one's. The journal beside the folder names them all, so the next build
// makes every one of them again, whatever it finds.
type PartlyUpdated struct{ Err error }

func (e *PartlyUpdated) Error() string { return e.Err.Error() }

func (e *PartlyUpdated) Unwrap() error { return e.Err }

// openRegular opens the file at path for reading, where it is a file:
// a link, a pipe or a device in its place is not opened through, as a
// pipe would never end the read (see inputs.ReadRegular).
func openRegular(path string) (*os.File, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: inputs.ErrNotRegular}
	}
	return os.Open(path)
}
