// Package cache keeps the work of one build for the next: a store of
// bytes by key, kept in one file beside the output folder.
//
// It takes keys that name their inputs exactly (a hash of a file's bytes
// and everything it was made with), so an entry can never stand for
// anything but what its key says. A missing, corrupt or foreign cache
// file gives an empty store, never an error; Save keeps only the
// entries this build used, so the file does not grow without end. It
// knows nothing of what the bytes mean.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// magic starts every cache file, followed by the version of the program
// that wrote it; a file that does not start with both is ignored.
const magic = "bulletin cache 1\n"

// Store is the cache of one build.
type Store struct {
	path   string
	header []byte // magic and version

	mu      sync.Mutex
	old     map[string][]byte // what the file held
	used    map[string][]byte // what this build read or wrote
	changed bool
}

// Open reads the cache file at path if the same version of the program
// wrote it; any problem gives an empty store. version should change with
// every change to the code that makes the cached values.
func Open(path, version string) *Store {
	s := &Store{path: path, header: []byte(magic + version + "\n"), old: map[string][]byte{}, used: map[string][]byte{}}
	if entries, ok := read(path, s.header); ok {
		s.old = entries
	}
	return s
}

// read decodes the file as it streams in, so the file is never held whole
// beside its entries, and trusts the entries only if the checksum at the
// end matches.
func read(path string, header []byte) (map[string][]byte, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() < int64(len(header)+sha256.Size) {
		return nil, false
	}
	r := bufio.NewReader(f)
	got := make([]byte, len(header))
	if _, err := io.ReadFull(r, got); err != nil || !bytes.Equal(got, header) {
		return nil, false
	}
	h := sha256.New()
	body := io.TeeReader(io.LimitReader(r, info.Size()-int64(len(header)+sha256.Size)), h)
	var entries map[string][]byte
	if gob.NewDecoder(body).Decode(&entries) != nil {
		return nil, false
	}
	if _, err := io.Copy(io.Discard, body); err != nil {
		return nil, false
	}
	sum := make([]byte, sha256.Size)
	if _, err := io.ReadFull(r, sum); err != nil || !bytes.Equal(sum, h.Sum(nil)) {
		return nil, false
	}
	return entries, true
}

// Get returns the bytes stored under key.
func (s *Store) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.old[key]
	if ok {
		s.used[key] = v
	}
	return v, ok
}

// Put stores value under key for the next build.
func (s *Store) Put(key string, value []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.used[key] = value
	s.changed = true
}

// Save writes the entries this build used, if they differ from what the
// file held, replacing the file in one step.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.changed && len(s.used) == len(s.old) {
		return nil
	}
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(s.used); err != nil {
		return err
	}
	sum := sha256.Sum256(body.Bytes())
	tmp, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(s.path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(s.header)
	if err == nil {
		_, err = tmp.Write(body.Bytes())
	}
	if err == nil {
		_, err = tmp.Write(sum[:])
	}
	err = errors.Join(err, tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
