package inputs

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"os"
	"sync"
)

// Program names this build of the generator, for keys and caches, so
// that any change to the code, rebuilt, leaves the previous cache unread:
// the Go build ID the linker writes into an ELF executable, which hashes
// every input of the build and its output, or else a hash of the whole
// executable. Go builds are reproducible, so a rebuild of unchanged code
// gives the same name. The build ID is read in microseconds, where
// hashing an executable of 80 MB takes about a tenth of a second on
// every run.
var Program = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown " + err.Error()
	}
	if id := buildID(exe); id != "" {
		return "go build ID " + id
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return "unknown " + err.Error()
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
})

// buildID gives the Go build ID in the note the linker adds to an ELF
// executable, or "" where there is none.
func buildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	note, err := s.Data()
	// A note: the name's and the description's sizes and the type, four
	// bytes each, then the name "Go" padded to four bytes, then the ID.
	if err != nil || len(note) < 16 || !bytes.Equal(note[12:16], []byte("Go\x00\x00")) {
		return ""
	}
	size := f.ByteOrder.Uint32(note[4:8])
	if uint64(size) > uint64(len(note)-16) {
		return ""
	}
	return string(note[16 : 16+size])
}
