package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// LinkTo makes path, a new file outside the output, hold a file of the
// new output as Read gives it: a hard link to it where the file system
// allows, which costs no copy, else a copy. The tool given it must only
// read it.
func (d *Dir) LinkTo(name, path string) error {
	p, err := d.where(name)
	if err != nil {
		return err
	}
	if os.Link(p, path) == nil {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// where is the path of a file of the new output as it stands.
func (d *Dir) where(name string) (string, error) {
	d.mu.Lock()
	_, ok := d.written[name]
	inPlace := d.unchanged[name] && !d.full
	d.mu.Unlock()
	if !ok || !validName(name) {
		return "", fmt.Errorf("%s: %w in the new output", name, fs.ErrNotExist)
	}
	dir := d.stage
	if inPlace {
		dir = d.path
	}
	return filepath.Join(dir, filepath.FromSlash(name)), nil
}

// Carry keeps the previous build's files in the folder dir (a slash path
// such as "pagefind/2024") in the new output as they are, as if this
// build had written them, when that build wrote each of them with key;
// it reports whether it did. It keeps none unless there are some and
// each is as that build left it.
func (d *Dir) Carry(dir, key string) (bool, error) {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	type carried struct {
		name string
		e    entry
	}
	var files []carried
	for name, e := range d.old {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		if sumOf(key) == (sum{}) || e.key != sumOf(key) || d.version == "" || d.version != d.indexVersion {
			return false, nil
		}
		if !d.untouched[name] {
			return false, nil
		}
		files = append(files, carried{name, e})
	}
	if len(files) == 0 {
		return false, nil
	}
	for _, f := range files {
		if !d.claim(f.name, f.e) {
			return false, fmt.Errorf("%s would be written twice: once by this build and once kept from the last", f.name)
		}
		if err := d.keepUnchanged(f.name, f.e.key, f.e.stamp); err != nil {
			return false, err
		}
	}
	return true, nil
}

// Hash gives the SHA-256 of a file of the new output, as the manifest
// lists it, and whether the new output has it.
func (d *Dir) Hash(name string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e, ok := d.written[name]
	return string(e.hash.appendHex(nil)), ok
}
