//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lock takes a lock on the folder that holds the output folder, where
// builds stage their work, so that two builds (a build while serve runs,
// say) never write there at once. It leaves no file behind.
func lock(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w: wait for it to finish", ErrBusy)
		}
		return nil, err
	}
	return f, nil
}

// unlock releases the lock; closing the file drops it.
func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}
