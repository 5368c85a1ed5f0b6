package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// RunIn lets a tool that writes files itself, such as a search indexer,
// work on the new output before it is swapped into place: run gets the
// staging folder's path, and every file it adds is recorded in the
// manifest like the build's own. Files it changes must not be ones the
// build wrote.
func (d *Dir) RunIn(run func(dir string) error) error {
	if err := d.materialize(); err != nil {
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
