// Package cache keeps the work of one build for the next: a store of
// values by key, kept in one gob stream in a file beside the output
// folder, so that the type of the values is written and compiled once
// rather than once a value.
//
// It takes keys that name their inputs exactly (a hash of a file's bytes
// and everything it was made with), so an entry can never stand for
// anything but what its key says. A missing, corrupt or foreign cache
// file gives an empty store, never an error; Save keeps only the
// entries this build used, so the file does not grow without end. Once
// a build adds an entry, entries stream to the new file as they are
// used. It knows nothing of what the values mean.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"hash"
	"io"
	"os"
	"sync"
)

// magic starts every cache file, followed by the version of the program
// that wrote it; a file that does not start with both is ignored. Then
// come gob-encoded records, a last record with no key, and the SHA-256
// of the records.
const magic = "bulletin cache 3\n"

// record is one entry of the file.
type record[V any] struct {
	Key   string
	Value V
}

// Store is the cache of one build, of values of type V.
type Store[V any] struct {
	path   string
	header []byte // magic and version

	loaded chan struct{} // closed once the file is read into old

	mu   sync.Mutex
	old  map[string]V // entries of the file not yet used by this build
	used []string     // keys used before anything was added, in order
	kept map[string]V // their values
	next *writer[V]   // the new file, once an entry is added
	err  error        // the first failure to write it
}

// Open reads the cache file at path if the same version of the program
// wrote it; any problem gives an empty store. version should change with
// every change to the code that makes the cached values. The file is
// read in the background, so the caller can go on with other work until
// its first call.
func Open[V any](path, version string) *Store[V] {
	s := &Store[V]{path: path, header: []byte(magic + version + "\n"), old: map[string]V{}, kept: map[string]V{}, loaded: make(chan struct{})}
	go func() {
		if entries, ok := read[V](path, s.header); ok {
			s.old = entries
		}
		close(s.loaded)
	}()
	return s
}

// lock waits for the file to be read, then takes the store's lock.
func (s *Store[V]) lock() {
	<-s.loaded
	s.mu.Lock()
}

// read decodes the file as it streams in and trusts its entries only if
// the checksum at the end matches.
func read[V any](path string, header []byte) (map[string]V, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	r := bufio.NewReader(f)
	got := make([]byte, len(header))
	if _, err := io.ReadFull(r, got); err != nil || !bytes.Equal(got, header) {
		return nil, false
	}
	h := &hashing{r: r, h: sha256.New()}
	dec := gob.NewDecoder(h)
	entries := map[string]V{}
	for {
		var rec record[V]
		if dec.Decode(&rec) != nil {
			return nil, false
		}
		if rec.Key == "" {
			break
		}
		entries[rec.Key] = rec.Value
	}
	sum := h.h.Sum(nil)
	want := make([]byte, sha256.Size)
	if _, err := io.ReadFull(r, want); err != nil || !bytes.Equal(sum, want) {
		return nil, false
	}
	return entries, true
}

// hashing hashes what is read through it. It is an io.ByteReader, so gob
// reads no further than each record, and the checksum stays unread.
type hashing struct {
	r *bufio.Reader
	h hash.Hash
}

func (x *hashing) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	x.h.Write(p[:n])
	return n, err
}

func (x *hashing) ReadByte() (byte, error) {
	b, err := x.r.ReadByte()
	if err == nil {
		x.h.Write([]byte{b})
	}
	return b, err
}

// Get returns the value stored under key. It is the store's own, decoded
// for this build: the caller may keep it.
func (s *Store[V]) Get(key string) (V, bool) {
	s.lock()
	defer s.mu.Unlock()
	v, ok := s.old[key]
	if !ok {
		return v, false
	}
	delete(s.old, key)
	if s.next != nil {
		s.write(key, v)
	} else {
		s.used = append(s.used, key)
		s.kept[key] = v
	}
	return v, true
}

// Put stores value under key for the next build.
func (s *Store[V]) Put(key string, value V) {
	s.lock()
	defer s.mu.Unlock()
	if s.next == nil {
		w, err := create[V](s.path, s.header)
		if err != nil {
			s.err = err
			return
		}
		s.next = w
		for _, k := range s.used {
			s.write(k, s.kept[k])
		}
		s.used, s.kept = nil, nil
	}
	s.write(key, value)
}

func (s *Store[V]) write(key string, value V) {
	if s.err == nil {
		s.err = s.next.enc.Encode(record[V]{Key: key, Value: value})
	}
}

// Save finishes the new file and puts it in place of the old. A build
// that added nothing and used every entry leaves the old file as it is.
func (s *Store[V]) Save() error {
	s.lock()
	defer s.mu.Unlock()
	if s.next == nil {
		if len(s.old) == 0 {
			return nil
		}
		// Entries went unused: write the file anew with only those used.
		w, err := create[V](s.path, s.header)
		if err != nil {
			return err
		}
		s.next = w
		for _, k := range s.used {
			s.write(k, s.kept[k])
		}
	}
	return s.next.finish(s.path, s.err)
}

// writer writes a new cache file beside the old one.
type writer[V any] struct {
	f   *os.File
	buf *bufio.Writer
	sum hash.Hash
	enc *gob.Encoder
}

func create[V any](path string, header []byte) (*writer[V], error) {
	f, err := os.Create(path + ".new")
	if err != nil {
		return nil, err
	}
	w := &writer[V]{f: f, buf: bufio.NewWriter(f), sum: sha256.New()}
	if _, err := w.buf.Write(header); err != nil {
		f.Close()
		return nil, err
	}
	w.enc = gob.NewEncoder(io.MultiWriter(w.buf, w.sum))
	return w, nil
}

// finish ends the records, adds the checksum and renames the file into
// place, unless writing already failed.
func (w *writer[V]) finish(path string, failed error) error {
	err := failed
	if err == nil {
		err = w.enc.Encode(record[V]{})
	}
	if err == nil {
		_, err = w.buf.Write(w.sum.Sum(nil))
	}
	if err == nil {
		err = w.buf.Flush()
	}
	err = errors.Join(err, w.f.Close())
	if err == nil {
		err = os.Rename(w.f.Name(), path)
	}
	if err != nil {
		os.Remove(w.f.Name())
	}
	return err
}
