package cache

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sync/atomic"

	"bulletin/generator/inputs"
)

// Blob is bytes kept with an entry but out of memory, in the blobs file
// beside the cache file, until they are read: an article's body, which
// most builds never read again. A Blob of a memory store, or of a store
// that could not write its file, holds its bytes.
type Blob struct {
	file  *blobFile // nil when data holds the bytes
	data  []byte
	at, n int64
	sum   uint32
}

// blobRef is where a record's blob is in the blobs file; N is 0 for none.
type blobRef struct {
	At, N int64
	Sum   uint32 // CRC-32C of the bytes, checked as they are read back
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Bytes reads the blob's bytes. Bytes that are not as written are an
// error, never read as if they were; the blobs file is then removed, and
// the store says it was damaged (see Store.Damaged).
func (b Blob) Bytes() ([]byte, error) {
	if b.file == nil {
		return b.data, nil
	}
	data, err := b.file.read(blobRef{At: b.at, N: b.n, Sum: b.sum})
	if _, bad := errors.AsType[*damaged](err); bad {
		// Without its blobs file the cache is ignored, so the next build
		// reads every article afresh.
		os.Remove(b.file.name)
		b.file.damaged.Store(true)
	}
	return data, err
}

// read reads the blob at ref, and checks it. A blob that cannot be read
// whole, as when the file was cut short since it was opened, is damaged
// too.
func (b *blobFile) read(ref blobRef) ([]byte, error) {
	buf := make([]byte, ref.N)
	if _, err := b.f.ReadAt(buf, ref.At); err != nil || crc32.Checksum(buf, castagnoli) != ref.Sum {
		return nil, &damaged{name: b.name, at: ref.At}
	}
	return buf, nil
}

// damaged is the error of a blob that fails its checksum.
type damaged struct {
	name string
	at   int64
}

func (d *damaged) Error() string {
	return fmt.Sprintf("the build cache %s was damaged at byte %d, so it was removed: build again", d.name, d.at)
}

// Damaged reports whether the blob is in a blobs file found damaged,
// from which its bytes can no longer be read back.
func (b Blob) Damaged() bool { return b.file != nil && b.file.damaged.Load() }

// Len is the number of bytes in the blob.
func (b Blob) Len() int64 {
	if b.file == nil {
		return int64(len(b.data))
	}
	return b.n
}

// tokenSize is the length of the token that starts a blobs file; the
// cache file's header names it, so a cache file is never read with the
// blobs of another.
const tokenSize = 16

// blobFile is a blobs file open for reading and adding to. Once opened
// it is read through its handle, so a build that replaces it leaves the
// blobs of this one readable.
type blobFile struct {
	name    string
	f       *os.File
	token   []byte
	end     int64       // where the next blob goes
	damaged atomic.Bool // a blob read from it failed its checksum
}

// openBlobs opens the blobs file at name if it starts with token. A
// link, a pipe or a device in its place is not opened through: a pipe
// would never end the read, and a link would lead the cache's writes
// out of its own file.
func openBlobs(name string, token []byte) (*blobFile, bool) {
	if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return nil, false
	}
	got := make([]byte, tokenSize)
	_, err = io.ReadFull(f, got)
	info, statErr := f.Stat()
	if err != nil || statErr != nil || !bytes.Equal(token, got) {
		f.Close()
		return nil, false
	}
	return &blobFile{name: name, f: f, token: token, end: info.Size()}, true
}

// newBlobs makes a blobs file at name with a new token, in place of
// whatever is there (see inputs.CreateNew).
func newBlobs(name string) (*blobFile, error) {
	token := make([]byte, tokenSize)
	rand.Read(token)
	f, err := inputs.CreateNew(name)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(token); err != nil {
		f.Close()
		os.Remove(name)
		return nil, err
	}
	return &blobFile{name: name, f: f, token: token, end: tokenSize}, nil
}

// add writes data at the end of the file. The store that owns the file
// calls it under its lock.
func (b *blobFile) add(data []byte) (blobRef, error) {
	if _, err := b.f.WriteAt(data, b.end); err != nil {
		return blobRef{}, fmt.Errorf("writing the build cache %s: %w", b.name, err)
	}
	ref := blobRef{At: b.end, N: int64(len(data)), Sum: crc32.Checksum(data, castagnoli)}
	b.end += ref.N
	return ref, nil
}

// blob is the Blob ref points at, or none when ref has no bytes.
func (b *blobFile) blob(ref blobRef) Blob {
	if ref.N == 0 {
		return Blob{}
	}
	return Blob{file: b, at: ref.At, n: ref.N, sum: ref.Sum}
}

// holds reports whether ref lies within the file; written so that no
// place or length, however large, can overflow.
func (b *blobFile) holds(ref blobRef) bool {
	return ref.N == 0 || ref.At >= tokenSize && ref.At <= b.end && ref.N > 0 && ref.N <= b.end-ref.At
}

// copyTo adds the blob at ref to dst, giving its place there.
func (b *blobFile) copyTo(dst *blobFile, ref blobRef) (blobRef, error) {
	if ref.N == 0 {
		return ref, nil
	}
	data, err := b.read(ref)
	if err != nil {
		return blobRef{}, err
	}
	return dst.add(data)
}

// tokenLine is the line of the cache file's header that names the blobs
// file it goes with.
func (b *blobFile) tokenLine() []byte {
	return []byte(hex.EncodeToString(b.token) + "\n")
}

// rename moves the file to name; its handle, and the blobs read
// through it, stay good.
func (b *blobFile) rename(name string) error {
	if err := os.Rename(b.name, name); err != nil {
		return err
	}
	b.name = name
	return nil
}

// discard removes the file. Its handle stays open, so blobs already
// given out can still be read.
func (b *blobFile) discard() {
	os.Remove(b.name)
}
