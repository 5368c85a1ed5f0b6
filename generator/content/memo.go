package content

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"sync"
	"sync/atomic"
)

// Memo keeps the articles one load read, each by its path, with the
// SHA-256 of the bytes it was read from, for a later load, with the same
// settings and folder, to take again without keying it and looking it
// up in the store: the same bytes, at the same path, read with the same
// settings, give the same article. serve keeps one between saves; a nil
// Memo keeps nothing. Its zero value is ready.
type Memo struct {
	salt []byte // the key of the settings and folder the articles were read with (see newCacher)
	kept map[string]*memoed
	load uint64 // the loads begun, counting from 1

	// What the load under way took again, and read: the articles the
	// load's readers take again mark their own entries, each its own.
	taken  atomic.Int64
	mu     sync.Mutex
	missed []*Article
}

// memoed is an article kept, the SHA-256 of the bytes it was read from,
// and the last load that took it again or kept it.
type memoed struct {
	sum     string
	article *Article
	load    uint64
}

// Load is LoadCached, taking articles again from m where it can (see
// Memo), and keeping in m those it read.
func (m *Memo) Load(ctx context.Context, fsys fs.FS, dir string, store Store, sums map[string]string) (*Set, error) {
	return load(ctx, fsys, dir, store, sums, true, m)
}

// begin starts a load.
func (m *Memo) begin() {
	if m != nil {
		m.load++
		m.taken.Store(0)
		m.missed = nil
	}
}

// article gives the article m keeps for the file at p, if it was read
// from the bytes whose SHA-256 sums gives, with the settings and folder
// salt keys. One whose body is in a blobs file found damaged is not
// given, so that its file is read afresh, as the store reads it.
func (m *Memo) article(salt []byte, p string, sums map[string]string) *Article {
	if m == nil || !bytes.Equal(m.salt, salt) {
		return nil
	}
	sum, ok := sums[p]
	k := m.kept[p]
	if !ok || k == nil || k.sum != sum || k.article.body.Damaged() {
		return nil
	}
	k.load = m.load
	m.taken.Add(1)
	return k.article
}

// read notes an article the load read, with its problems.
func (m *Memo) read(a *Article, errs Errors) {
	if m != nil && len(errs) == 0 {
		m.mu.Lock()
		m.missed = append(m.missed, a)
		m.mu.Unlock()
	}
}

// keep keeps the articles the load read with c, for the next load: each
// under the sum sums gives for its path, where that is the sum of the
// bytes it was read from. Those taken again stay as they are; the others
// of the last load go.
func (m *Memo) keep(c *cacher) {
	if m == nil {
		return
	}
	if m.kept == nil || !bytes.Equal(m.salt, c.salt) {
		m.salt, m.kept = c.salt, make(map[string]*memoed, len(m.missed))
	}
	added := 0
	for _, a := range m.missed {
		// An article read from bytes saved since the sums were taken is
		// not kept under them.
		sum, ok := c.sums[a.Path]
		if !ok || c.keyOf("article", a.Path, sum) != a.Source {
			continue
		}
		m.kept[a.Path] = &memoed{sum, a, m.load}
		added++
	}
	if int(m.taken.Load())+added < len(m.kept) {
		maps.DeleteFunc(m.kept, func(_ string, k *memoed) bool { return k.load != m.load })
	}
	m.missed = nil
}
