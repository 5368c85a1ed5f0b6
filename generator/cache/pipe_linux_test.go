package cache

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestStoreNeverReadsOrWritesThrough puts in the place of the blobs file
// a named pipe, which nothing writes to, and in the place of the one a
// build writes before it replaces it, a link to a file of someone else's:
// the store starts afresh without waiting on the pipe, keeps what it is
// given, and leaves the file the link leads to as it was.
func TestStoreNeverReadsOrWritesThrough(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".public.cache")
	first := Open[string](path, "v1")
	first.Put("a", "value a", []byte("body a"))
	save(t, first)
	if err := os.Remove(blobsPath(path)); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(blobsPath(path), 0o644); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(victim, []byte("someone's notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, blobsPath(path)+".new"); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Store[string], 1)
	go func() {
		s := Open[string](path, "v1")
		s.Get("a")
		done <- s
	}()
	var second *Store[string]
	select {
	case second = <-done:
	case <-time.After(30 * time.Second):
		if f, err := os.OpenFile(blobsPath(path), os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		<-done
		t.Fatal("the store waited to read the pipe in place of its blobs file")
	}
	if _, _, ok := second.Get("a"); ok {
		t.Error("an entry whose blobs file is a pipe was kept")
	}
	second.Put("b", "value b", []byte("body b"))
	save(t, second)
	if got, err := os.ReadFile(victim); err != nil || string(got) != "someone's notes" {
		t.Errorf("the file a link beside the cache leads to holds %q, %v; want it as it was", got, err)
	}
	third := Open[string](path, "v1")
	if got := blobOf(t, third, "b"); got != "body b" {
		t.Errorf("blob of b is %q, want body b", got)
	}
}
