package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRebuildReplacesPipe puts a named pipe in place of a file the last
// build wrote, or of a file it keeps beside the output folder: the build
// writes the file again, or refuses a list of the files it may replace
// that it cannot read, without waiting to read the pipe, which nothing writes
// to.
func TestRebuildReplacesPipe(t *testing.T) {
	for _, c := range []struct {
		name    string
		at      func(dir string) string
		refused bool
	}{
		{"a page", func(dir string) string { return filepath.Join(dir, "index.html") }, false},
		{"the index of keys", indexPath, false},
		{"the journal", journalPath, true},
		{"the manifest", func(dir string) string { return filepath.Join(dir, ManifestFile) }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			site := files{"index.html": "home", "about/index.html": "about"}
			mustBuild(t, dir, site)
			pipe := c.at(dir)
			if err := os.Remove(pipe); err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(pipe, 0o644); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := writeAll(dir, false, site)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				// Opening the pipe to write ends the read it waits in.
				if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
					f.Close()
				}
				<-done
				t.Fatalf("the build waited to read the pipe in place of %s", c.name)
			}
			switch {
			case c.refused && (err == nil || !strings.Contains(err.Error(), "not a regular file")):
				t.Fatalf("got %v, want %s refused as not a file", err, c.name)
			case c.refused:
				return
			case err != nil:
				t.Fatal(err)
			}
			checkOutput(t, dir, site, nil)
		})
	}
}
