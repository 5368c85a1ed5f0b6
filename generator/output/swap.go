package output

import "os"

// swapByRename replaces out with stage in two renames, for systems
// without an atomic exchange: the previous output is moved to the
// staging path, so a kill between the renames loses nothing.
func swapByRename(stage, out string) error {
	tmp := stage + ".old"
	if err := os.Rename(out, tmp); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(stage, out); err != nil {
		os.Rename(tmp, out)
		return err
	}
	return os.Rename(tmp, stage)
}
