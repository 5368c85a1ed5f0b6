package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Apart refuses an output folder that is, or holds, one of the source
// folders, which a build would write over.
func Apart(out string, sources ...string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	for _, src := range sources {
		s, err := filepath.Abs(src)
		if err != nil {
			return err
		}
		if rel, err := filepath.Rel(abs, s); err == nil && filepath.IsLocal(rel) || abs == s {
			return fmt.Errorf("-out %s would contain %s: choose an output folder outside the sources", out, src)
		}
	}
	return nil
}

// Copy writes into the output each file of fsys at its name, reading it
// from the path file gives for the name.
func (d *Dir) Copy(fsys fs.FS, names []string, file func(name string) string) error {
	for _, name := range names {
		data, err := fs.ReadFile(fsys, file(name))
		if err != nil {
			return err
		}
		if err := d.Write(name, data); err != nil {
			return err
		}
	}
	return nil
}

// ScratchDir makes a new folder beside the output folder for a build's
// own use, named by kind; the caller removes it. One a killed build
// leaves behind goes at the next build of the same folder.
func ScratchDir(out, kind string) (string, error) {
	pattern := Beside(out, kind+"-")
	return os.MkdirTemp(filepath.Dir(pattern), filepath.Base(pattern))
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
