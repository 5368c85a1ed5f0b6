//go:build !unix

package output

import "os"

// lock is a no-op where flock is missing: builds of one folder must not overlap.
func lock(string) (*os.File, error) { return nil, nil }

func unlock(*os.File) {}
