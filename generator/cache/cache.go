// Package cache keeps the work of one build for the next: a store of
// values by key, kept in a file beside the output folder and read back on
// every core (see codec.go for how a value is written). Each value may
// have a blob of bytes (an article's body), kept in a second file and
// read only when asked for, so that a build holds in memory only the
// blobs it uses.
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
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"reflect"
	"slices"
	"sync"
	"unsafe"

	"bulletin/generator/cores"
	"bulletin/generator/inputs"
)

// magic starts every cache file, followed by the version of the program
// that wrote it and the token of its blobs file; a file that does not
// start with the first two, or whose blobs file does not start with the
// token, is ignored. Then come segments, each records after their
// lengths, a length of 0 and the SHA-256 of the segment (see segment).
const magic = "bulletin cache 6\n"

// stale is the share of a file's entries a build may leave unused and
// still append to it, rather than write it anew: one in stale.
const stale = 4

// record is one entry of the file.
type record[V any] struct {
	Key   string
	Value V
	Blob  blobRef
}

// entry is a value read from the file, with where its blob is.
type entry[V any] struct {
	value V
	blob  blobRef
}

// Store is the cache of one build, of values of type V, each with a
// blob of bytes that stays on disk until it is read.
type Store[V any] struct {
	path   string
	header []byte // magic and version

	loaded chan struct{} // closed once the file is read into old

	mu    sync.Mutex
	blobs *blobFile           // the blobs of the file read, or of the file this build writes
	whole bool                // the file was read whole, so it may be appended to
	old   map[string]entry[V] // entries of the file not yet used by this build
	used  []string            // keys used, in order
	kept  map[string]entry[V] // their values
	added *segment[V]         // entries this build added, once it adds one
	err   error               // the first failure to write them
}

// Open reads the cache file at path if the same version of the program
// wrote it; any problem gives an empty store. version should change with
// every change to the code that makes the cached values. The file is
// read in the background, so the caller can go on with other work until
// its first call.
func Open[V any](path, version string) *Store[V] {
	s := &Store[V]{path: path, header: []byte(magic + version + "\n"), old: map[string]entry[V]{}, kept: map[string]entry[V]{}, loaded: make(chan struct{})}
	go func() {
		if entries, blobs, ok := read[V](path, s.header); ok {
			s.old, s.blobs, s.whole = entries, blobs, true
			s.kept, s.used = make(map[string]entry[V], len(entries)), make([]string, 0, len(entries))
		}
		close(s.loaded)
	}()
	return s
}

// Damaged reports whether a blob read from the store failed its
// checksum. Its blobs file is gone then, so a build that starts afresh
// reads every file again.
func (s *Store[V]) Damaged() bool {
	s.lock()
	defer s.mu.Unlock()
	return s.blobs != nil && s.blobs.damaged.Load()
}

// blobsPath is the blobs file of the cache file at path.
func blobsPath(path string) string { return path + ".blobs" }

// lock waits for the file to be read, then takes the store's lock.
func (s *Store[V]) lock() {
	<-s.loaded
	s.mu.Lock()
}

// read reads the file and trusts its entries only if the checksum of
// every segment matches and their blobs lie within the blobs file the
// header names.
func read[V any](path string, header []byte) (map[string]entry[V], *blobFile, bool) {
	data, err := inputs.ReadRegular(path)
	if err != nil || !bytes.HasPrefix(data, header) {
		return nil, nil, false
	}
	line, rest, ok := bytes.Cut(data[len(header):], []byte("\n"))
	token, err := hex.DecodeString(string(line))
	if !ok || err != nil || len(token) != tokenSize {
		return nil, nil, false
	}
	blobs, ok := openBlobs(blobsPath(path), token)
	if !ok {
		return nil, nil, false
	}
	entries, ok := readSegments[V](rest, blobs)
	if !ok {
		blobs.f.Close()
		return nil, nil, false
	}
	return entries, blobs, true
}

// readSegments reads the records of the segments data holds, on every
// core, reporting whether each was whole and sound and its blobs within
// blobs. The strings of the values read are parts of data, which is
// not written again.
func readSegments[V any](data []byte, blobs *blobFile) (map[string]entry[V], bool) {
	var frames [][2]int // where each record lies in data
	for at := 0; at < len(data); {
		start := at
		for {
			n, k := binary.Uvarint(data[at:])
			if k <= 0 || n > uint64(len(data)-at-k) {
				return nil, false
			}
			at += k
			if n == 0 {
				break
			}
			frames = append(frames, [2]int{at, at + int(n)})
			at += int(n)
		}
		sum := sha256.Sum256(data[start:at])
		if len(data)-at < len(sum) || !bytes.Equal(sum[:], data[at:at+len(sum)]) {
			return nil, false
		}
		at += len(sum)
	}
	// The caller's bytes, read from the file for this, stay as they are
	// for as long as a value read from them is kept.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	records := make([]record[V], len(frames))
	c := codecFor(reflect.TypeFor[record[V]]())
	err := cores.Parts(len(frames), func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			if !decodeRecord(c, text, frames[i][0], frames[i][1], blobs, &records[i]) {
				return errDamaged
			}
		}
		return nil
	})
	if err != nil {
		return nil, false
	}
	entries := make(map[string]entry[V], len(records))
	for _, rec := range records {
		entries[rec.Key] = entry[V]{rec.Value, rec.Blob}
	}
	return entries, true
}

// decodeRecord reads into rec the record text holds from from to to,
// and reports whether it reads back as written: whole, keyed, its blob
// in blobs. rec keeps text's bytes.
func decodeRecord[V any](c *codec, text string, from, to int, blobs *blobFile, rec *record[V]) bool {
	r := &reader{s: text[:to], at: from}
	c.get(r, reflect.ValueOf(rec).Elem())
	return !r.bad && r.at == to && rec.Key != "" && blobs.holds(rec.Blob)
}

// errDamaged is a record that does not read back as written.
var errDamaged = errors.New("cache: a record is damaged")

// Get returns the value stored under key, and its blob. The value is
// the store's own, decoded for this build: the caller may keep it.
func (s *Store[V]) Get(key string) (V, Blob, bool) {
	s.lock()
	defer s.mu.Unlock()
	e, ok := s.old[key]
	if !ok {
		return e.value, Blob{}, false
	}
	delete(s.old, key)
	s.used = append(s.used, key)
	s.kept[key] = e
	return e.value, s.blobs.blob(e.blob), true
}

// Put stores value, and blob (nil for none), under key for the next
// build, and gives the blob as the store keeps it. Entries are written
// to a file beside the cache as they come, and blobs to the blobs file,
// so the store holds neither; when they cannot be written, the blob
// given back holds the bytes.
func (s *Store[V]) Put(key string, value V, blob []byte) Blob {
	s.lock()
	defer s.mu.Unlock()
	if s.added == nil && s.err == nil {
		s.err = s.start()
	}
	var ref blobRef
	if s.err == nil && len(blob) > 0 {
		ref, s.err = s.blobs.add(blob)
	}
	if s.err == nil {
		s.err = s.added.put(record[V]{Key: key, Value: value, Blob: ref})
	}
	if s.err != nil {
		return Blob{data: blob}
	}
	return s.blobs.blob(ref)
}

// start opens the segment of entries this build adds: to append to the
// file read whole, or else to start a new file, with a new blobs file.
func (s *Store[V]) start() error {
	var header []byte
	if !s.whole {
		blobs, err := newBlobs(blobsPath(s.path) + ".new")
		if err != nil {
			return err
		}
		s.blobs, header = blobs, slices.Concat(s.header, blobs.tokenLine())
	}
	var err error
	s.added, err = newSegment[V](s.path+".new", header)
	return err
}

// appendable reports whether the build so far leaves few enough of the
// file's entries unused to add to the file rather than write it anew.
func (s *Store[V]) appendable() bool {
	return s.whole && len(s.used) > 0 && len(s.old)*stale <= len(s.used)+len(s.old)
}

// Save adds the entries put to the file, or writes the file anew with
// only the entries used and put when too many went unused. A build that
// added nothing and left few entries unused leaves the file as it is.
// It ends the store's use: the store lets go of the entries it read,
// which the values given out live on without, so that the memory of
// those the build no longer needs goes back while it goes on.
func (s *Store[V]) Save() error {
	s.lock()
	defer s.mu.Unlock()
	defer s.tidy()
	defer func() { s.old, s.kept, s.used = nil, nil, nil }()
	if s.err != nil {
		if s.added != nil {
			s.added.discard()
		}
		if !s.whole && s.blobs != nil {
			s.blobs.discard()
		}
		return s.err
	}
	if s.added == nil && (len(s.old) == 0 || s.appendable()) {
		return nil
	}
	if s.added != nil && !s.whole {
		// The blobs file goes first: a cache file whose blobs file is
		// not yet its own is ignored.
		if err := s.blobs.rename(blobsPath(s.path)); err != nil {
			s.added.discard()
			return err
		}
		return s.added.finish(s.path)
	}
	if s.added != nil && s.appendable() {
		return s.append()
	}
	return s.rewrite()
}

// Abandon drops what this build put, for a build stopped before it
// saves: the file is left as it was, with nothing beside it.
func (s *Store[V]) Abandon() {
	s.lock()
	defer s.mu.Unlock()
	if s.added != nil {
		s.added.discard()
	}
	if !s.whole && s.blobs != nil {
		s.blobs.discard()
	}
	s.tidy()
}

// tidy removes what a build killed while saving may have left.
func (s *Store[V]) tidy() {
	for _, name := range []string{s.path, blobsPath(s.path)} {
		os.Remove(name + ".new")
		os.Remove(name + ".next")
	}
}

// append adds the segment of entries put to the end of the file; their
// blobs are in the blobs file already.
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

// rewrite writes the file anew, with a blobs file of its own: the
// entries put, then those used. An entry whose blob is damaged is left
// out, so the next build reads its file afresh: this build did not need
// the blob, or it would have failed reading it.
func (s *Store[V]) rewrite() error {
	blobs, err := newBlobs(blobsPath(s.path) + ".next")
	if err != nil {
		return err
	}
	w, err := newSegment[V](s.path+".next", slices.Concat(s.header, blobs.tokenLine()))
	if err != nil {
		blobs.discard()
		return err
	}
	put := func(key string, e entry[V]) {
		var ref blobRef
		if err == nil {
			ref, err = s.blobs.copyTo(blobs, e.blob)
			if _, bad := errors.AsType[*damaged](err); bad {
				err = nil
				return
			}
		}
		if err == nil {
			err = w.put(record[V]{Key: key, Value: e.value, Blob: ref})
		}
	}
	if s.added != nil {
		if readErr := s.added.each(s.blobs, put); err == nil {
			err = readErr
		}
	}
	for _, k := range s.used {
		put(k, s.kept[k])
	}
	if err == nil {
		err = blobs.rename(blobsPath(s.path))
	}
	if err != nil {
		w.discard()
		blobs.discard()
		return err
	}
	return w.finish(s.path)
}

// segment is a segment being written to a file of its own, after the
// cache's header when it starts a new cache file: its records, each
// after its length, then a length of 0, then the SHA-256 of all that.
type segment[V any] struct {
	f     *os.File
	buf   *bufio.Writer
	sum   hash.Hash
	codec *codec
	rec   []byte // the record being written
}

func newSegment[V any](name string, header []byte) (*segment[V], error) {
	f, err := inputs.CreateNew(name)
	if err != nil {
		return nil, err
	}
	w := &segment[V]{f: f, buf: bufio.NewWriterSize(f, 1<<16), sum: sha256.New(), codec: codecFor(reflect.TypeFor[record[V]]())}
	if _, err := w.buf.Write(header); err != nil {
		w.discard()
		return nil, err
	}
	return w, nil
}

// put writes a record.
func (w *segment[V]) put(rec record[V]) error {
	w.rec = w.codec.put(w.rec[:0], reflect.ValueOf(&rec).Elem())
	return w.write(w.rec)
}

// write writes a record's bytes after their length.
func (w *segment[V]) write(rec []byte) error {
	n := binary.AppendUvarint(nil, uint64(len(rec)))
	for _, b := range [][]byte{n, rec} {
		w.sum.Write(b)
		if _, err := w.buf.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// close ends the segment's records, adds its checksum and closes its file.
func (w *segment[V]) close() error {
	err := w.write(nil)
	if err == nil {
		_, err = w.buf.Write(w.sum.Sum(nil))
	}
	if err == nil {
		err = w.buf.Flush()
	}
	return errors.Join(err, w.f.Close())
}

// each closes the segment and reads its entries back, one at a time,
// in the order they were put, their blobs in blobs, giving each to put;
// it removes the segment's file. At 100,000 new articles the segment
// is hundreds of megabytes, which a build need not hold at once. A
// segment that does not read back as written gives an error, once put
// may have been given some of it.
func (w *segment[V]) each(blobs *blobFile, put func(key string, e entry[V])) error {
	name := w.f.Name()
	defer os.Remove(name)
	if err := w.close(); err != nil {
		return err
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	in := bufio.NewReaderSize(f, 1<<16)
	sum := sha256.New()
	c := codecFor(reflect.TypeFor[record[V]]())
	damaged := fmt.Errorf("reading back %s: it is not as written", name)
	for {
		n, err := binary.ReadUvarint(in)
		if err != nil {
			return damaged
		}
		sum.Write(binary.AppendUvarint(nil, n))
		if n == 0 {
			break
		}
		// Each record has bytes of its own: the value read from them
		// keeps them (see readSegments).
		data := make([]byte, n)
		if _, err := io.ReadFull(in, data); err != nil {
			return damaged
		}
		sum.Write(data)
		var rec record[V]
		if !decodeRecord(c, unsafe.String(unsafe.SliceData(data), len(data)), 0, len(data), blobs, &rec) {
			return damaged
		}
		put(rec.Key, entry[V]{rec.Value, rec.Blob})
	}
	want := make([]byte, sha256.Size)
	if _, err := io.ReadFull(in, want); err != nil || !bytes.Equal(want, sum.Sum(nil)) {
		return damaged
	}
	return nil
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
