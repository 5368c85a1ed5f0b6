package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestStoreKeepsWhatABuildUsed(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	first := Open[[]byte](path, "v1")
	first.Put("a", []byte("alpha"), nil)
	first.Put("b", []byte("beta"), nil)
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}

	second := Open[[]byte](path, "v1")
	if got, _, ok := second.Get("a"); !ok || string(got) != "alpha" {
		t.Fatalf("Get(a) = %q, %v; want alpha, true", got, ok)
	}
	if err := second.Save(); err != nil {
		t.Fatal(err)
	}

	third := Open[[]byte](path, "v1")
	if _, _, ok := third.Get("b"); ok {
		t.Error("b was not used by the second build, yet it was kept")
	}
	if got, _, ok := third.Get("a"); !ok || string(got) != "alpha" {
		t.Errorf("Get(a) = %q, %v; want alpha, true", got, ok)
	}
}

func TestStoreIgnoresBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	s := Open[[]byte](good, "v1")
	s.Put("a", []byte("alpha"), nil)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	tampered := append([]byte(nil), data...)
	tampered[len(tampered)-40] ^= 1
	tests := []struct {
		name    string
		data    []byte
		version string
	}{
		{"missing", nil, "v1"},
		{"empty", []byte{}, "v1"},
		{"foreign", []byte("hello"), "v1"},
		{"truncated", data[:len(data)-1], "v1"},
		{"tampered", tampered, "v1"},
		{"another version", data, "v2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if tt.data != nil {
				if err := os.WriteFile(path, tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got, _, ok := Open[[]byte](path, tt.version).Get("a"); ok {
				t.Errorf("Get(a) = %q from a bad file, want nothing", got)
			}
		})
	}
}

// TestStoreAppends adds a build's few new entries to a file whose
// entries it nearly all used, and writes the file anew once too many
// went unused.
func TestStoreAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	first := Open[[]byte](path, "v1")
	for _, k := range keys {
		first.Put(k, []byte(k+k), nil)
	}
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	size := func() int64 {
		t.Helper()
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return info.Size()
	}
	before := size()

	// One entry changed: seven used, one new.
	second := Open[[]byte](path, "v1")
	for _, k := range keys[1:] {
		if _, _, ok := second.Get(k); !ok {
			t.Fatalf("Get(%s) found nothing", k)
		}
	}
	second.Put("a2", []byte("new"), nil)
	if err := second.Save(); err != nil {
		t.Fatal(err)
	}
	appended := size()
	if appended <= before {
		t.Fatalf("the file did not grow: %d bytes, %d before", appended, before)
	}
	third := Open[[]byte](path, "v1")
	for _, k := range append(keys, "a2") {
		if _, _, ok := third.Get(k); !ok {
			t.Errorf("after the append, Get(%s) found nothing", k)
		}
	}

	// Half the entries unused: the file is written anew without them.
	fourth := Open[[]byte](path, "v1")
	for _, k := range keys[:4] {
		fourth.Get(k)
	}
	if err := fourth.Save(); err != nil {
		t.Fatal(err)
	}
	fifth := Open[[]byte](path, "v1")
	if _, _, ok := fifth.Get("h"); ok {
		t.Error("an entry the last build did not use was kept")
	}
	if got, _, ok := fifth.Get("a"); !ok || string(got) != "aa" {
		t.Errorf("Get(a) = %q, %v; want aa, true", got, ok)
	}

	// A torn append leaves a file that is ignored whole.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	torn := Open[[]byte](path, "v1")
	torn.Get("a")
	torn.Get("b")
	torn.Get("c")
	torn.Put("z", []byte("zz"), nil)
	if err := torn.Save(); err != nil {
		t.Fatal(err)
	}
	grown, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(grown) <= len(data) {
		t.Fatalf("the file did not grow: %d bytes, %d before", len(grown), len(data))
	}
	if err := os.WriteFile(path, grown[:len(grown)-5], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := Open[[]byte](path, "v1").Get("a"); ok {
		t.Error("a file with a torn segment was trusted")
	}
}

// TestMemoryKeepsWhatABuildUses wants a memory store to give back what
// was put, and the disk store's values, from one build to the next, and
// to forget, at Prune, what the last build did not use.
func TestMemoryKeepsWhatABuildUses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache")
	disk := Open[string](path, "v1")
	disk.Put("on disk", "d", nil)
	if err := disk.Save(); err != nil {
		t.Fatal(err)
	}
	m := NewMemory(Open[string](path, "v1"))
	m.Put("a", "1", nil)
	m.Put("b", "2", nil)
	for _, key := range []string{"a", "on disk"} {
		if _, _, ok := m.Get(key); !ok {
			t.Errorf("first build: %q is not found", key)
		}
	}
	m.Prune()
	// The second build uses only a.
	if v, _, ok := m.Get("a"); !ok || v != "1" {
		t.Errorf("second build: a = %q, %v; want 1", v, ok)
	}
	if v, _, ok := m.Get("a"); !ok || v != "1" {
		t.Errorf("second build, asked again: a = %q, %v; want 1", v, ok)
	}
	m.Prune()
	if _, _, ok := m.Get("b"); ok {
		t.Error("b, unused by the second build, is still held after its Prune")
	}
	if _, _, ok := m.Get("on disk"); ok {
		t.Error("an entry of the disk store, taken by the first build and unused by the second, is still held")
	}
}

// TestStoreRewritesWithNewEntries writes the file anew after a build
// that put many new entries, with their blobs, and left most old ones
// unused, as a change to the settings does: every entry put and used
// reads back with its value and its blob, and none unused is kept.
func TestStoreRewritesWithNewEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	first := Open[[]byte](path, "v1")
	putNumbered(first, "old", 50)
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	second := Open[[]byte](path, "v1")
	if _, _, ok := second.Get("old7"); !ok {
		t.Fatal("Get(old7) found nothing")
	}
	putNumbered(second, "new", 200)
	if err := second.Save(); err != nil {
		t.Fatal(err)
	}
	third := Open[[]byte](path, "v1")
	for _, k := range []string{"old7", "new0", "new123", "new199"} {
		v, blob, ok := third.Get(k)
		body, err := blob.Bytes()
		if !ok || string(v) != k || err != nil || string(body) != "body of "+k {
			t.Errorf("Get(%s) = %q, %q (%v), %v; want its value and blob", k, v, body, err, ok)
		}
	}
	if _, _, ok := third.Get("old8"); ok {
		t.Error("an entry the last build did not use was kept")
	}
}

// putNumbered puts n entries named prefix0, prefix1 and on, each its
// name as its value and "body of" it as its blob.
func putNumbered(s *Store[[]byte], prefix string, n int) {
	for i := range n {
		k := fmt.Sprintf("%s%d", prefix, i)
		s.Put(k, []byte(k), []byte("body of "+k))
	}
}
