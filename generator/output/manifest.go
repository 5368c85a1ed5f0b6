package output

import (
	"encoding/hex"
	"strconv"
	"strings"
)

// entry is what the manifest says of one file: the SHA-256 of its bytes,
// the key of the inputs it was made from ("" for none), and its stamp
// once in place, by which a later build knows it is untouched without
// reading it.
type entry struct {
	hash sum
	key  sum // zero for none
	stamp
}

// sum is a SHA-256, held as its bytes: an output of 100,000 pages keeps
// two a file, and as hexadecimal text each would be an object of its own.
type sum [32]byte

// sumOf gives the sum written in hexadecimal as s, or the zero sum when
// s is not one (as "" is not).
func sumOf(s string) sum {
	var out sum
	if !isHash(s) {
		return out
	}
	hex.Decode(out[:], []byte(s))
	return out
}

// appendHex appends s in hexadecimal, as the manifest and index write it.
func (s sum) appendHex(b []byte) []byte { return hex.AppendEncode(b, s[:]) }

// stamp is what the system says of a file that any change to it
// changes: its size, its modification time, which a hand edit may set
// back (touch -r), and its change time, which nothing sets back, where
// the system gives one. Times are in nanoseconds since 1970; ctime is 0
// where there is none.
type stamp struct {
	size, mtime, ctime int64
}

// The manifest in the output folder lists each file's hash and name,
// "hash name", and nothing that varies between two builds of the same
// content. The index beside the folder adds what lets the next build
// skip work: "key size mtime ctime name".

func parseManifestLine(line string) (string, string, bool) {
	hash, name, ok := strings.Cut(line, " ")
	return name, hash, ok && isHash(hash) && validName(name)
}

// noKey stands in the index for the key of a file made fresh every build.
const noKey = "-"

// appendIndexLine appends the index line of the file name to b:
// "key size mtime ctime name".
func (e entry) appendIndexLine(b []byte, name string) []byte {
	if e.key == (sum{}) {
		b = append(b, noKey...)
	} else {
		b = e.key.appendHex(b)
	}
	b = strconv.AppendInt(append(b, ' '), e.size, 10)
	b = strconv.AppendInt(append(b, ' '), e.mtime, 10)
	b = strconv.AppendInt(append(b, ' '), e.ctime, 10)
	return append(append(append(b, ' '), name...), '\n')
}

// parseIndexLine reads an index line into e, reporting whether it is sound.
func parseIndexLine(line string) (string, entry, bool) {
	key, rest, ok1 := strings.Cut(line, " ")
	sizeText, rest, ok2 := strings.Cut(rest, " ")
	mtimeText, rest, ok3 := strings.Cut(rest, " ")
	ctimeText, name, ok4 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || !ok3 || !ok4 || !isHash(key) && key != noKey || !validName(name) {
		return "", entry{}, false
	}

	size, errSize := strconv.ParseInt(sizeText, 10, 64)
	mtime, errTime := strconv.ParseInt(mtimeText, 10, 64)
	ctime, errChange := strconv.ParseInt(ctimeText, 10, 64)
	if errSize != nil || errTime != nil || errChange != nil {
		return "", entry{}, false
	}
	return name, entry{key: sumOf(key), stamp: stamp{size: size, mtime: mtime, ctime: ctime}}, true
}

// intact reports whether the file at the slash path name, as l finds
// it, is a regular file with the stamp the index gives it. An entry the
// index does not cover never counts as intact.
func (e entry) intact(l *looker, name string) bool {
	if e.size == 0 && e.mtime == 0 {
		return false
	}
	st, err := l.lstat(name)
	return err == nil && st.regular && st.stamp == e.stamp && readable(st.perm, filePerm)
}
