//go:build !linux

package output

// lstat looks at the entry at the slash path name.
func (l *looker) lstat(name string) (look, error) { return l.lstatPath(name) }
