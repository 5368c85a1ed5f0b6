package cache

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// blobOf reads the blob of key from s, failing the test when s lacks
// key or the blob cannot be read.
func blobOf(t *testing.T, s *Store[string], key string) string {
	t.Helper()
	_, b, ok := s.Get(key)
	if !ok {
		t.Fatalf("Get(%s) found nothing", key)
	}
	data, err := b.Bytes()
	if err != nil {
		t.Fatalf("blob of %s: %v", key, err)
	}
	return string(data)
}

func save(t *testing.T, s interface{ Save() error }) {
	t.Helper()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestStoreKeepsBlobs follows blobs through a first build, an append, a
// rewrite that leaves the unused ones behind, and a build holding blobs
// of a file that a later build replaced.
func TestStoreKeepsBlobs(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	body := func(k string) string { return strings.Repeat(k, 1000) }
	first := Open[string](path, "v1")
	for _, k := range keys {
		if got, err := first.Put(k, "value "+k, []byte(body(k))).Bytes(); err != nil || string(got) != body(k) {
			t.Fatalf("Put(%s) gave back %d bytes, %v", k, len(got), err)
		}
	}
	first.Put("no blob", "value", nil)
	save(t, first)

	second := Open[string](path, "v1")
	for _, k := range keys[1:] {
		if got := blobOf(t, second, k); got != body(k) {
			t.Errorf("second build: blob of %s is %d bytes, want %d", k, len(got), len(body(k)))
		}
	}
	if _, b, ok := second.Get("no blob"); !ok || b.Len() != 0 {
		t.Errorf(`second build: Get("no blob") = %d bytes, %v; want none, true`, b.Len(), ok)
	}
	held := second.Put("a2", "value a2", []byte("new body"))
	save(t, second)

	// Half the entries unused: the files are written anew, while the
	// blobs the second build holds can still be read.
	third := Open[string](path, "v1")
	for _, k := range []string{"a2", "b", "c", "d"} {
		blobOf(t, third, k)
	}
	before, err := os.Stat(blobsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	save(t, third)
	after, err := os.Stat(blobsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() >= before.Size() {
		t.Errorf("blobs file: %d bytes after the rewrite, %d before; want it smaller", after.Size(), before.Size())
	}
	if got, err := held.Bytes(); err != nil || string(got) != "new body" {
		t.Errorf("a blob given out before the rewrite reads %q, %v", got, err)
	}
	fourth := Open[string](path, "v1")
	if got := blobOf(t, fourth, "a2"); got != "new body" {
		t.Errorf("after the rewrite, blob of a2 is %q", got)
	}
	if got := blobOf(t, fourth, "d"); got != body("d") {
		t.Errorf("after the rewrite, blob of d is %d bytes, want %d", len(got), len(body("d")))
	}
	if _, _, ok := fourth.Get("e"); ok {
		t.Error("an entry the third build did not use was kept")
	}
}

// TestStoreIgnoresBadBlobs wants a cache whose blobs file is missing,
// another's or cut short ignored whole, and a damaged blob to fail
// loudly when read rather than give wrong bytes, and the next build to
// start afresh.
func TestStoreIgnoresBadBlobs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) (cache, blobs []byte) {
		t.Helper()
		s := Open[string](filepath.Join(dir, name), "v1")
		s.Put("a", "value", []byte("the body of a"))
		save(t, s)
		cache, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		blobs, err = os.ReadFile(blobsPath(filepath.Join(dir, name)))
		if err != nil {
			t.Fatal(err)
		}
		return cache, blobs
	}
	cache, blobs := write("one")
	_, others := write("two")
	damaged := bytes.Clone(blobs)
	damaged[len(damaged)-1] ^= 1
	tests := []struct {
		name    string
		blobs   []byte // nil for none
		found   bool
		readErr string
	}{
		{name: "missing"},
		{name: "another cache's", blobs: others},
		{name: "cut short", blobs: blobs[:len(blobs)-1]},
		{name: "damaged", blobs: damaged, found: true, readErr: "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, cache, 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.blobs != nil {
				if err := os.WriteFile(blobsPath(path), tt.blobs, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, b, ok := Open[string](path, "v1").Get("a")
			if ok != tt.found {
				t.Fatalf("Get(a) found it: %v, want %v", ok, tt.found)
			}
			if !ok {
				return
			}
			if got, err := b.Bytes(); err == nil || !strings.Contains(err.Error(), tt.readErr) {
				t.Errorf("reading the blob gave %q, %v; want an error saying %q", got, err, tt.readErr)
			}
			if _, _, ok := Open[string](path, "v1").Get("a"); ok {
				t.Error("after a damaged blob was read, the next build still used the cache")
			}
		})
	}
}

// TestMemoryKeepsBlobs wants a memory store to hold the blobs put and
// give those of the disk store.
func TestMemoryKeepsBlobs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache")
	disk := Open[string](path, "v1")
	disk.Put("on disk", "d", []byte("disk body"))
	save(t, disk)
	m := NewMemory(Open[string](path, "v1"))
	if got, err := m.Put("a", "1", []byte("memory body")).Bytes(); err != nil || string(got) != "memory body" {
		t.Errorf("Put gave back %q, %v", got, err)
	}
	for key, want := range map[string]string{"a": "memory body", "on disk": "disk body"} {
		_, b, ok := m.Get(key)
		if got, err := b.Bytes(); !ok || err != nil || string(got) != want {
			t.Errorf("Get(%q): blob %q, %v, found %v; want %q", key, got, err, ok, want)
		}
	}
}

// TestRewriteDropsDamagedBlobs wants a rewrite to leave out an entry
// whose blob is damaged but that the build did not read, rather than
// fail the build, and to keep the others.
func TestRewriteDropsDamagedBlobs(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	body := func(k string) string { return strings.Repeat(k, 1000) }
	first := Open[string](path, "v1")
	for _, k := range []string{"a", "b", "c", "d"} {
		first.Put(k, "value "+k, []byte(body(k)))
	}
	save(t, first)
	blobs, err := os.ReadFile(blobsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(blobs, []byte(body("c")))
	if at < 0 {
		t.Fatal("the blobs file does not hold c's body")
	}
	blobs[at+10] ^= 1
	if err := os.WriteFile(blobsPath(path), blobs, 0o644); err != nil {
		t.Fatal(err)
	}

	// The second build uses a and c, and reads only a's blob: c's entry
	// is kept for its value, but its blob is damaged.
	second := Open[string](path, "v1")
	blobOf(t, second, "a")
	if _, _, ok := second.Get("c"); !ok {
		t.Fatal("Get(c) found nothing")
	}
	if err := second.Save(); err != nil {
		t.Fatalf("Save with an unread damaged blob: %v", err)
	}

	third := Open[string](path, "v1")
	if got := blobOf(t, third, "a"); got != body("a") {
		t.Errorf("after the rewrite, blob of a is %d bytes, want %d", len(got), len(body("a")))
	}
	if _, _, ok := third.Get("c"); ok {
		t.Error("the entry with a damaged blob was kept")
	}
}

// TestMemoryForgetsDamagedBlobs wants a memory store, once a blob of its
// disk store is found damaged, to give none of the disk's values again,
// so that serve's next update reads their files afresh, and to keep the
// values put in memory.
func TestMemoryForgetsDamagedBlobs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache")
	disk := Open[string](path, "v1")
	disk.Put("x", "value x", []byte(strings.Repeat("x", 1000)))
	disk.Put("y", "value y", []byte(strings.Repeat("y", 1000)))
	save(t, disk)
	blobs, err := os.ReadFile(blobsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(blobs, []byte(strings.Repeat("x", 1000)))
	if at < 0 {
		t.Fatal("the blobs file does not hold x's body")
	}
	blobs[at+10] ^= 1
	if err := os.WriteFile(blobsPath(path), blobs, 0o644); err != nil {
		t.Fatal(err)
	}
	m := NewMemory(Open[string](path, "v1"))
	m.Put("in memory", "value", []byte("memory body"))
	_, x, ok := m.Get("x")
	if !ok {
		t.Fatal("Get(x) found nothing before the damage was found")
	}
	if _, err := x.Bytes(); err == nil {
		t.Fatal("a damaged blob was read without an error")
	}
	for _, key := range []string{"x", "y"} {
		if _, _, ok := m.Get(key); ok {
			t.Errorf("Get(%s) found a value of the damaged disk store", key)
		}
	}
	if _, b, ok := m.Get("in memory"); !ok || b.Len() == 0 {
		t.Error("the value put in memory was forgotten")
	}
}

// TestBlobPlacesCannotOverflow wants a place and a length that would run
// past the end of the blobs file refused, however large, so that a cache
// file that says so is not trusted.
func TestBlobPlacesCannotOverflow(t *testing.T) {
	b := &blobFile{end: 1000}
	const huge = math.MaxInt64
	for _, tt := range []struct {
		ref  blobRef
		want bool
	}{
		{blobRef{}, true},
		{blobRef{At: tokenSize, N: 1000 - tokenSize}, true},
		{blobRef{At: tokenSize, N: 1000 - tokenSize + 1}, false},
		{blobRef{At: 0, N: 1}, false},
		{blobRef{At: tokenSize, N: -1}, false},
		{blobRef{At: 1 << 62, N: 1 << 62}, false},
		{blobRef{At: huge - 100, N: 200}, false},
		{blobRef{At: 999, N: huge}, false},
		{blobRef{At: huge, N: 1}, false},
	} {
		if got := b.holds(tt.ref); got != tt.want {
			t.Errorf("holds(%+v) = %v, want %v", tt.ref, got, tt.want)
		}
	}
}

// TestBlobsCutShortAfterOpening reads a blob from a blobs file cut short
// once the store was open, and wants it damaged, so that the build
// starts again without the cache rather than failing on every build.
func TestBlobsCutShortAfterOpening(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	s := Open[string](path, "v1")
	s.Put("a", "value", []byte("the body of a"))
	save(t, s)
	store := Open[string](path, "v1")
	_, b, ok := store.Get("a")
	if !ok {
		t.Fatal("Get(a) found nothing")
	}
	if err := os.Truncate(blobsPath(path), tokenSize); err != nil {
		t.Fatal(err)
	}
	if got, err := b.Bytes(); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("reading the blob gave %q, %v; want it damaged", got, err)
	}
	if !store.Damaged() {
		t.Error("the store does not say it was damaged, so the build would not start again without it")
	}
}
