package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// RunIn lets a tool that writes files itself, such as a search indexer,
// work on the new output before it is swapped into place: run gets the
// staging folder's path, and every file it adds is recorded in the
// manifest like the build's own. Files it changes must not be ones the
// build wrote.
func (d *Dir) RunIn(run func(dir string) error) error {
	if err := d.makeFull(); err != nil {
		return err
	}
	if err := run(d.stage); err != nil {
		return err
	}
	return filepath.WalkDir(d.stage, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if !e.Type().IsRegular() {
			return fmt.Errorf("%s: a tool left something that is not a regular file", p)
		}
		rel, err := filepath.Rel(d.stage, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		d.mu.Lock()
		_, known := d.written[name]
		known = known || d.kept[name]
		d.mu.Unlock()
		if known {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		info, err := e.Info()
		if err != nil {
			return err
		}
		d.written[name] = entry{hash: hashOf(data), size: info.Size(), mtime: info.ModTime().UnixNano()}
		d.stats.Files++
		d.stats.Bytes += int64(len(data))
		return nil
	})
}

// Carry keeps the previous build's files in the folder dir (a slash path
// such as "pagefind") in the new output as they are, as if this build had
// written them, and reports whether it did. It keeps none unless there
// are some and each is as that build left it.
func (d *Dir) Carry(dir string) (bool, error) {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	type carried struct {
		name string
		e    entry
		info fs.FileInfo
	}
	var files []carried
	for name, e := range d.old {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		info, ok := e.intact(filepath.Join(d.path, filepath.FromSlash(name)))
		if !ok {
			return false, nil
		}
		files = append(files, carried{name, e, info})
	}
	if len(files) == 0 {
		return false, nil
	}
	for _, f := range files {
		if !d.claim(f.name, f.e) {
			return false, fmt.Errorf("%s would be written twice: once by this build and once kept from the last", f.name)
		}
		if err := d.keepUnchanged(f.name, f.e.key, f.info); err != nil {
			return false, err
		}
	}
	return true, nil
}
