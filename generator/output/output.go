// Package output puts the rendered files on disk, safely.
//
// It takes files as names and bytes and gives back a complete output
// folder, swapped into place in one step only when the build succeeded:
// until then, and after any failure or kill, the previous folder stays as
// it was. It keeps a manifest of the files it wrote, refuses to replace a
// folder holding files it did not write, writes nothing outside the
// folder and its staging siblings, and leaves unchanged files untouched
// (hard-linked from the previous build), so rsync and CDNs upload only
// what changed. It knows nothing of articles or pages.
package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// ManifestFile lists, in the output folder, every file the build wrote
// with its SHA-256, one "hash path" line each.
const ManifestFile = ".bulletin-manifest"

// Dir is an output folder being rebuilt in a staging folder beside it.
type Dir struct {
	path  string
	stage string
	old   map[string]string // path → hash, from the previous manifest

	mu      sync.Mutex
	written map[string]string
	dirs    map[string]bool
	stats   Stats
}

// Stats counts what a build wrote.
type Stats struct {
	Files     int   // files in the new output
	Bytes     int64 // their total size
	Unchanged int   // files kept from the previous output
}

// ErrForeign means the output folder holds files the generator did not write.
var ErrForeign = errors.New("holds files bulletin did not write")

// Open starts a rebuild of the folder at path. Unless force is set, it
// refuses a folder that holds files not listed in its manifest; with
// force, such files are carried into the new output untouched.
func Open(path string, force bool) (*Dir, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	d := &Dir{path: abs, written: map[string]string{}, dirs: map[string]bool{}}
	d.old, err = readManifest(abs)
	if err != nil {
		return nil, err
	}
	foreign, err := d.foreign()
	if err != nil {
		return nil, err
	}
	if len(foreign) > 0 && !force {
		return nil, fmt.Errorf("%s %w, such as %s: choose an empty or new folder with -out, or pass -force to build there and keep those files",
			path, ErrForeign, strings.Join(foreign[:min(3, len(foreign))], ", "))
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base)
	d.stage, err = os.MkdirTemp(parent, stagePrefix(base))
	if err != nil {
		return nil, fmt.Errorf("creating staging folder: %w", err)
	}
	for _, f := range foreign {
		if err := d.keep(f); err != nil {
			d.Abort()
			return nil, err
		}
	}
	return d, nil
}

func stagePrefix(base string) string { return "." + base + ".bulletin-" }

// removeStale deletes staging folders left by builds that were killed.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, stagePrefix(base)+"*"))
	for _, m := range matches {
		os.RemoveAll(m)
	}
}

// foreign lists the files in the folder that the manifest does not.
func (d *Dir) foreign() ([]string, error) {
	var out []string
	err := filepath.WalkDir(d.path, func(p string, e fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == d.path {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(d.path, p)
		rel = filepath.ToSlash(rel)
		if _, ok := d.old[rel]; !ok && rel != ManifestFile {
			out = append(out, rel)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

func readManifest(dir string) (map[string]string, error) {
	m := map[string]string{}
	f, err := os.Open(filepath.Join(dir, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, name, ok := strings.Cut(sc.Text(), " ")
		if ok && filepath.IsLocal(name) {
			m[name] = hash
		}
	}
	return m, sc.Err()
}

// Write puts one file into the new output. An unchanged file is linked
// from the previous output instead of written again.
func (d *Dir) Write(name string, data []byte) error {
	if !filepath.IsLocal(name) || strings.Contains(name, `\`) {
		return fmt.Errorf("output path %q is outside the output folder", name)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	d.mu.Lock()
	if _, dup := d.written[name]; dup {
		d.mu.Unlock()
		return fmt.Errorf("two files would be written at %s: check slugs and aliases", name)
	}
	d.written[name] = hash
	d.stats.Files++
	d.stats.Bytes += int64(len(data))
	d.mu.Unlock()

	dst := filepath.Join(d.stage, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	if d.old[name] == hash {
		if err := os.Link(filepath.Join(d.path, filepath.FromSlash(name)), dst); err == nil {
			d.mu.Lock()
			d.stats.Unchanged++
			d.mu.Unlock()
			return nil
		}
	}
	return os.WriteFile(dst, data, 0o644)
}

// keep carries a file the generator did not write into the new output.
func (d *Dir) keep(name string) error {
	dst := filepath.Join(d.stage, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	if err := os.Link(filepath.Join(d.path, filepath.FromSlash(name)), dst); err != nil {
		return fmt.Errorf("keeping %s: %w", name, err)
	}
	return nil
}

func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit writes the manifest and swaps the new output into place.
func (d *Dir) Commit() (Stats, error) {
	names := make([]string, 0, len(d.written))
	for name := range d.written {
		names = append(names, name)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		b.WriteString(d.written[name] + " " + name + "\n")
	}
	if err := os.WriteFile(filepath.Join(d.stage, ManifestFile), []byte(b.String()), 0o644); err != nil {
		d.Abort()
		return d.stats, err
	}
	if err := swap(d.stage, d.path); err != nil {
		d.Abort()
		return d.stats, fmt.Errorf("replacing %s: %w", d.path, err)
	}
	// The staging path now holds the previous output.
	return d.stats, os.RemoveAll(d.stage)
}

// Abort drops the staging folder, leaving the output as it was.
func (d *Dir) Abort() {
	os.RemoveAll(d.stage)
}
