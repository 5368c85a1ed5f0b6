//go:build !linux

package output

func swap(stage, out string) error { return swapByRename(stage, out) }
