package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io/fs"
)

// Store keeps bytes by key from one build to the next; package cache
// has one on disk. A value it gives back that does not decode is treated
// as missing, never trusted.
type Store interface {
	Get(key string) ([]byte, bool)
	Put(key string, value []byte)
}

// cacheVersion changes whenever what an Article holds, or how a file
// becomes one, changes, so that older entries are never read.
const cacheVersion = "content 1"

// cacher keys articles and intro pages by everything they are made from:
// the file's bytes and path, the settings file and the folder's name.
type cacher struct {
	store Store
	salt  []byte
}

func newCacher(store Store, fsys fs.FS, dir string) *cacher {
	settings, _ := fs.ReadFile(fsys, SettingsFile)
	h := sha256.New()
	for _, part := range [][]byte{[]byte(cacheVersion), []byte(dir), settings} {
		h.Write(part)
		h.Write([]byte{0})
	}
	return &cacher{store: store, salt: h.Sum(nil)}
}

func (c *cacher) key(kind, p string, data []byte) string {
	h := sha256.New()
	h.Write(c.salt)
	h.Write([]byte(kind + "\x00" + p + "\x00"))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// cached decodes the entry for key, reporting whether there was a good
// one. It decodes into a fresh value, so a broken entry leaves nothing
// behind.
func cached[T any](c *cacher, key string) (*T, bool) {
	if c.store == nil {
		return nil, false
	}
	data, ok := c.store.Get(key)
	if !ok {
		return nil, false
	}
	v := new(T)
	if gob.NewDecoder(bytes.NewReader(data)).Decode(v) != nil {
		return nil, false
	}
	return v, true
}

func (c *cacher) put(key string, v any) {
	if c.store == nil {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(v) == nil {
		c.store.Put(key, buf.Bytes())
	}
}
