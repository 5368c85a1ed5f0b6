package history

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"maps"
	"slices"

	"bulletin/generator/inputs"
	"bulletin/generator/output"
)

// cached is the cache file: the key of the committed history it holds,
// and each file's tracker, sorted by path so that the same history gives
// the same bytes. The SHA-256 of its bytes follows it, so that damage
// that still decodes is never taken for the history.
type cached struct {
	Magic            string
	Key              string
	Files            []cachedFile
	Zone, ZoneBefore string
}

type cachedFile struct {
	Path    string
	Tracker *tracker
}

// magic starts every cache file; change it with the meaning of tracker.
const magic = "bulletin history 14"

// load gives the committed history kept in the cache file at path under
// key, or false when there is none (no file, another key, a damaged
// file).
func load(path, key string) (committedHistory, bool) {
	if path == "" {
		return committedHistory{}, false
	}
	data, err := inputs.ReadRegular(path)
	if err != nil {
		return committedHistory{}, false
	}
	if len(data) < sha256.Size {
		return committedHistory{}, false
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if want := sha256.Sum256(body); !bytes.Equal(sum, want[:]) {
		return committedHistory{}, false
	}
	var c cached
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&c); err != nil || c.Magic != magic || c.Key != key {
		return committedHistory{}, false
	}
	files := make(map[string]*tracker, len(c.Files))
	for _, f := range c.Files {
		if f.Tracker == nil {
			return committedHistory{}, false
		}
		files[f.Path] = f.Tracker
	}
	return committedHistory{files: files, zone: c.Zone, zoneBefore: c.ZoneBefore}, true
}

// save writes the committed history h to the cache file at path under
// key, through a temporary file renamed into place, so that a reader
// never sees half of it. A cache that cannot be written is left out: the
// next Read will only be slower.
func save(path, key string, h committedHistory) {
	if path == "" {
		return
	}
	c := cached{Magic: magic, Key: key, Zone: h.zone, ZoneBefore: h.zoneBefore}
	for _, p := range slices.Sorted(maps.Keys(h.files)) {
		c.Files = append(c.Files, cachedFile{Path: p, Tracker: h.files[p]})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&c); err != nil {
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	output.Save(path, buf.Bytes()) // a cache not saved only makes the next Read slower
}
