package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Apart refuses an output folder that is, holds or lies inside one of
// the source folders: a build would write over the sources, or the next
// build would read the last one's output as sources and publish it
// again. Folders are compared as written and with their links resolved.
func Apart(out string, sources ...string) error {
	o, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	for _, src := range sources {
		s, err := filepath.Abs(src)
		if err != nil {
			return err
		}
		for _, pair := range [][2]string{{o, s}, {resolve(o), resolve(s)}} {
			switch o, s := pair[0], pair[1]; {
			case o == s || within(o, s):
				return fmt.Errorf("-out %s would contain %s: choose an output folder outside the sources", out, src)
			case within(s, o):
				return fmt.Errorf("-out %s is inside %s, so the next build would read this one's output as sources and publish it again: choose an output folder outside the sources", out, src)
			}
		}
	}
	return nil
}

// Nested reports whether the folders a and b are one, or one lies
// inside the other, as their paths are written or once their links are
// resolved.
func Nested(a, b string) (bool, error) {
	if in, err := Within(a, b); err != nil || in {
		return in, err
	}
	return Within(b, a)
}

// Within reports whether the folder inner is the folder outer or lies
// inside it, as their paths are written or once their links are
// resolved.
func Within(inner, outer string) (bool, error) {
	x, err := filepath.Abs(inner)
	if err != nil {
		return false, err
	}
	y, err := filepath.Abs(outer)
	if err != nil {
		return false, err
	}
	for _, pair := range [][2]string{{x, y}, {resolve(x), resolve(y)}} {
		if x, y := pair[0], pair[1]; x == y || within(y, x) {
			return true, nil
		}
	}
	return false, nil
}

// within says whether the absolute path inner lies below outer.
func within(outer, inner string) bool {
	rel, err := filepath.Rel(outer, inner)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// resolve resolves the links of the absolute path p, as far as it
// exists.
func resolve(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(resolve(parent), filepath.Base(p))
}

// Copy writes into the output each file of fsys at its name, reading it
// from the path file gives for the name.
func (d *Dir) Copy(fsys fs.FS, names []string, file func(name string) string) error {
	var unread []error // every file that could not be read, told together
	for _, name := range names {
		data, err := fs.ReadFile(fsys, file(name))
		if err != nil {
			unread = append(unread, err)
			continue
		}
		if err := d.Write(name, data); err != nil {
			return err
		}
	}
	return errors.Join(unread...)
}

// ScratchDir makes a new folder beside the output folder for a build's
// own use, named by kind, a word in lower case; the caller removes it.
// One a killed build leaves behind goes at the next build of the same
// folder, as its staging folders do (see staged).
func ScratchDir(out, kind string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out // as Beside takes it
	}
	return os.MkdirTemp(filepath.Dir(abs), stagePrefix(filepath.Base(abs))+kind+"-")
}

// Save writes data to the file at path whole: into a new file beside it,
// then renamed into place, so that a reader, or a build killed midway,
// finds the old file or the new one, never part of one. The side files
// of a build (records, caches) are saved so.
func Save(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
