package cache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStoreKeepsWhatABuildUsed(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.cache")
	first := Open[[]byte](path, "v1")
	first.Put("a", []byte("alpha"))
	first.Put("b", []byte("beta"))
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}

	second := Open[[]byte](path, "v1")
	if got, ok := second.Get("a"); !ok || string(got) != "alpha" {
		t.Fatalf("Get(a) = %q, %v; want alpha, true", got, ok)
	}
	if err := second.Save(); err != nil {
		t.Fatal(err)
	}

	third := Open[[]byte](path, "v1")
	if _, ok := third.Get("b"); ok {
		t.Error("b was not used by the second build, yet it was kept")
	}
	if got, ok := third.Get("a"); !ok || string(got) != "alpha" {
		t.Errorf("Get(a) = %q, %v; want alpha, true", got, ok)
	}
}

func TestStoreIgnoresBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	s := Open[[]byte](good, "v1")
	s.Put("a", []byte("alpha"))
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
			if got, ok := Open[[]byte](path, tt.version).Get("a"); ok {
				t.Errorf("Get(a) = %q from a bad file, want nothing", got)
			}
		})
	}
}
