// Package cache keeps the work of one build for the next: a store of
// values by key, kept in a file beside the output folder as gob streams,
// so that the type of the values is written and compiled once a stream
// rather than once a value.
//
// It takes keys that name their inputs exactly (a hash of a file's bytes
// and everything it was made with), so an entry can never stand for
// anything but what its key says. A missing, corrupt or foreign cache
// file gives an empty store, never an error. A build that adds a few
// entries to a file whose entries it nearly all used appends them as a
// new segment; otherwise Save writes the file anew with only the entries
// this build used and added, so the file does not grow without end. It
// knows nothing of what the values mean.
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
// come segments, each a gob stream of records ending in a record with no
// key, followed by the SHA-256 of the segment.
const magic = "bulletin cache 4\n"

// stale is the share of a file's entries a build may leave unused and
// still append to it, rather than write it anew: one in stale.
const stale = 4

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

	mu    sync.Mutex
	whole bool         // the file was read whole, so it may be appended to
	old   map[string]V // entries of the file not yet used by this build
	used  []string     // keys used, in order
	kept  map[string]V // their values
	added *segment[V]  // entries this build added, once it adds one
	err   error        // the first failure to write them
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
			s.old, s.whole = entries, true
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
// the checksum of every segment matches.
func read[V any](path string, header []byte) (map[string]V, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	got := make([]byte, len(header))
	if _, err := io.ReadFull(r, got); err != nil || !bytes.Equal(got, header) {
		return nil, false
	}
	entries := map[string]V{}
	for {
		if _, err := r.Peek(1); err == io.EOF {
			return entries, true
		}
		if !readSegment(r, entries) {
			return nil, false
		}
	}
}

// readSegment adds the records of one segment to entries, reporting
// whether it was whole and sound.
func readSegment[V any](r *bufio.Reader, entries map[string]V) bool {
	h := &hashing{r: r, h: sha256.New()}
	dec := gob.NewDecoder(h)
	for {
		var rec record[V]
		if dec.Decode(&rec) != nil {
			return false
		}
		if rec.Key == "" {
			break
		}
		entries[rec.Key] = rec.Value
	}
	sum := h.h.Sum(nil)
	want := make([]byte, sha256.Size)
	_, err := io.ReadFull(r, want)
	return err == nil && bytes.Equal(sum, want)
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
	s.used = append(s.used, key)
	s.kept[key] = v
	return v, true
}

// Put stores value under key for the next build. Entries are written to
// a file beside the cache as they come, so the store does not hold them.
func (s *Store[V]) Put(key string, value V) {
	s.lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return
	}
	if s.added == nil {
		// Without a sound file to add to, the new file starts here.
		var header []byte
		if !s.whole {
			header = s.header
		}
		if s.added, s.err = newSegment[V](s.path+".new", header); s.err != nil {
			return
		}
	}
	s.err = s.added.enc.Encode(record[V]{Key: key, Value: value})
}

// appendable reports whether the build so far leaves few enough of the
// file's entries unused to add to the file rather than write it anew.
func (s *Store[V]) appendable() bool {
	return s.whole && len(s.used) > 0 && len(s.old)*stale <= len(s.used)+len(s.old)
}

// Save adds the entries put to the file, or writes the file anew with
// only the entries used and put when too many went unused. A build that
// added nothing and left few entries unused leaves the file as it is.
func (s *Store[V]) Save() error {
	s.lock()
	defer s.mu.Unlock()
	if s.err != nil {
		if s.added != nil {
			s.added.discard()
		}
		return s.err
	}
	if s.added == nil && (len(s.old) == 0 || s.appendable()) {
		return nil
	}
	if s.added != nil && !s.whole {
		return s.added.finish(s.path)
	}
	if s.added != nil && s.appendable() {
		return s.append()
	}
	return s.rewrite()
}

// append adds the segment of entries put to the end of the file.
func (s *Store[V]) append() error {
	name := s.added.f.Name()
	if err := s.added.close(); err != nil {
		return err
	}
	defer os.Remove(name)
	seg, err := os.Open(name)
	if err != nil {
		return err
	}
	defer seg.Close()
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, seg)
	return errors.Join(err, f.Close())
}

// rewrite writes the file anew: the entries put, then those used.
func (s *Store[V]) rewrite() error {
	w, err := newSegment[V](s.path+".next", s.header)
	if err != nil {
		return err
	}
	if s.added != nil {
		err = s.added.close()
		if err == nil {
			err = s.added.copyTo(w.buf)
		}
		os.Remove(s.added.f.Name())
	}
	for _, k := range s.used {
		if err == nil {
			err = w.enc.Encode(record[V]{Key: k, Value: s.kept[k]})
		}
	}
	if err != nil {
		w.discard()
		return err
	}
	return w.finish(s.path)
}

// segment is a segment being written to a file of its own, after the
// cache's header when it starts a new cache file.
type segment[V any] struct {
	f   *os.File
	buf *bufio.Writer
	sum hash.Hash
	enc *gob.Encoder
}

func newSegment[V any](name string, header []byte) (*segment[V], error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	w := &segment[V]{f: f, buf: bufio.NewWriterSize(f, 1<<16), sum: sha256.New()}
	if _, err := w.buf.Write(header); err != nil {
		w.discard()
		return nil, err
	}
	w.enc = gob.NewEncoder(io.MultiWriter(w.buf, w.sum))
	return w, nil
}

// close ends the segment's records, adds its checksum and closes its file.
func (w *segment[V]) close() error {
	err := w.enc.Encode(record[V]{})
	if err == nil {
		_, err = w.buf.Write(w.sum.Sum(nil))
	}
	if err == nil {
		err = w.buf.Flush()
	}
	return errors.Join(err, w.f.Close())
}

// copyTo copies the closed segment's file to dst.
func (w *segment[V]) copyTo(dst io.Writer) error {
	f, err := os.Open(w.f.Name())
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(dst, f)
	return err
}

// finish closes the segment and renames its file to path.
func (w *segment[V]) finish(path string) error {
	err := w.close()
	if err == nil {
		err = os.Rename(w.f.Name(), path)
	}
	if err != nil {
		os.Remove(w.f.Name())
	}
	return err
}

func (w *segment[V]) discard() {
	w.f.Close()
	os.Remove(w.f.Name())
}
