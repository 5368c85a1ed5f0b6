package content

import (
	"bulletin/generator/cache"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Store keeps entries by key from one build to the next, each with a
// blob: an article's body, kept out of memory until it is read. Package
// cache has one on disk and one in memory.
type Store interface {
	Get(key string) (Entry, cache.Blob, bool)
	Put(key string, e Entry, blob []byte) cache.Blob
}

// Entry is what a Store keeps of one file: an article or an intro page.
type Entry struct {
	Article *Article
	Page    *Page
}

// cacheVersion changes whenever what an Article holds, or how a file
// becomes one, changes, so that older entries are never read.
const cacheVersion = "content 14"

// cacher keys articles and intro pages by everything they are made from:
// the file's bytes (by their SHA-256) and path, the settings file, the
// rules of the time zone it sets, and the folder's name.
type cacher struct {
	store Store
	salt  []byte
	sums  map[string]string // the SHA-256 of files' bytes, by path, where the caller knows them
}

// newCacher keys by settings, the bytes of site.yaml the set is loaded
// with, read once for both, and by the rules of the zone they set.
func newCacher(store Store, settings []byte, zone *time.Location, dir string, sums map[string]string) *cacher {
	h := sha256.New()
	for _, part := range [][]byte{[]byte(cacheVersion), []byte(dir), settings, []byte(ZoneKey(zone))} {
		h.Write(part)
		h.Write([]byte{0})
	}
	return &cacher{store: store, salt: h.Sum(nil), sums: sums}
}

// key is the key of the file at p holding data.
func (c *cacher) key(kind, p string, data []byte) string {
	sum := sha256.Sum256(data)
	return c.keyOf(kind, p, hex.EncodeToString(sum[:]))
}

// knownKey is the key of the file at p by the sum the caller gave for
// it, if any, so that a file found in the store need not be read.
func (c *cacher) knownKey(kind, p string) (string, bool) {
	sum, ok := c.sums[p]
	if !ok || c.store == nil {
		return "", false
	}
	return c.keyOf(kind, p, sum), true
}

func (c *cacher) keyOf(kind, p, sum string) string {
	// Built in one buffer on the stack: serve keys every file of the
	// content folder after each save.
	var buf [512]byte
	b := append(append(append(append(append(append(buf[:0], c.salt...), kind...), 0), p...), 0), sum...)
	key := sha256.Sum256(b)
	return hex.EncodeToString(key[:])
}

// get gives the entry for key, and its blob, if the store has one.
func (c *cacher) get(key string) (Entry, cache.Blob, bool) {
	if c.store == nil {
		return Entry{}, cache.Blob{}, false
	}
	return c.store.Get(key)
}

func (c *cacher) put(key string, e Entry, blob []byte) cache.Blob {
	if c.store == nil {
		return cache.Blob{}
	}
	return c.store.Put(key, e, blob)
}

// getArticle gives the article stored under key, its body where the
// store keeps it.
func (c *cacher) getArticle(key string) (*Article, bool) {
	e, body, ok := c.get(key)
	if !ok || e.Article == nil {
		return nil, false
	}
	// A store in memory gives the same article every time, its body
	// attached already, while pages made from it may be reading it: the
	// body is attached only to an article new from the store.
	if e.Article.body.Len() == 0 {
		e.Article.body = body
	}
	return e.Article, true
}

// putArticle stores a under key, its body apart, which from then on the
// article reads from where the store keeps it. Without a store, the body
// stays in memory.
func (c *cacher) putArticle(key string, a *Article) {
	if c.store == nil {
		return
	}
	html := a.HTML
	a.HTML = ""
	a.body = c.store.Put(key, Entry{Article: a}, []byte(html))
}
