package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRebuildReplacesPipe puts a named pipe in place of a file the last
// build wrote: the build writes the file again, without waiting to read
// the pipe, which nothing writes to.
func TestRebuildReplacesPipe(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	site := files{"index.html": "home", "about/index.html": "about"}
	mustBuild(t, dir, site)
	index := filepath.Join(dir, "index.html")
	if err := os.Remove(index); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(index, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := writeAll(dir, false, site)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		// Opening the pipe to write ends the read it waits in.
		if f, err := os.OpenFile(index, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		<-done
		t.Fatal("the build waited to read the pipe in place of index.html")
	}
	checkOutput(t, dir, site, nil)
}
