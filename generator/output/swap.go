package output

import (
	"errors"
	"io/fs"
	"os"
)

// swapByRename replaces out with stage in two renames, for systems
// without an atomic exchange: the previous output is moved to the
// staging path, and if a kill comes between the renames, the next Open
// moves it back.
func swapByRename(stage, out string) error {
	tmp := stage + ".old"
	err := os.Rename(out, tmp)
	if errors.Is(err, fs.ErrNotExist) {
		return os.Rename(stage, out)
	}
	if err != nil {
		return err
	}
	if err := os.Rename(stage, out); err != nil {
		os.Rename(tmp, out)
		return err
	}
	return os.Rename(tmp, stage)
}
