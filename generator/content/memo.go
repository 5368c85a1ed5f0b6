package content

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
)

// Memo keeps the articles one load read, each by its path, with the
// SHA-256 of the bytes it was read from, for a later load, with the same
// settings and folder, to take again without keying it and looking it
// up in the store: the same bytes, at the same path, read with the same
// settings, give the same article. serve keeps one between saves; a nil
// Memo keeps nothing. Its zero value is ready.
type Memo struct {
	salt []byte // the key of the settings and folder the articles were read with (see newCacher)
	read map[string]memoed
	load uint64 // the loads that kept articles, counting from 1
}

// memoed is an article kept, the SHA-256 of the bytes it was read from,
// and the last load that kept it.
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

// article gives the article m keeps for the file at p, if it was read
// from the bytes whose SHA-256 sums gives, with the settings and folder
// salt keys. One whose body is in a blobs file found damaged is not
// given, so that its file is read afresh, as the store reads it.
func (m *Memo) article(salt []byte, p string, sums map[string]string) *Article {
	if m == nil || !bytes.Equal(m.salt, salt) {
		return nil
	}
	sum, ok := sums[p]
	if k, kept := m.read[p]; ok && kept && k.sum == sum && !k.article.body.Damaged() {
		return k.article
	}
	return nil
}

// keep keeps the articles of set, read with c, for the next load: each
// under the sum sums gives for its path, where that is the sum of the
// bytes it was read from. Those kept already stay as they are; the
// others of the last load go.
func (m *Memo) keep(c *cacher, set *Set) {
	if m == nil {
		return
	}
	if m.read == nil || !bytes.Equal(m.salt, c.salt) {
		m.salt, m.read = c.salt, make(map[string]memoed, len(set.Articles))
	}
	m.load++
	for _, a := range set.Articles {
		sum, ok := c.sums[a.Path]
		if !ok {
			continue
		}
		// An article taken again was read from that sum; another may
		// have been read from bytes saved since the sums were taken.
		if k := m.read[a.Path]; (k.article != a || k.sum != sum) && c.keyOf("article", a.Path, sum) != a.Source {
			continue
		}
		m.read[a.Path] = memoed{sum, a, m.load}
	}
	maps.DeleteFunc(m.read, func(_ string, k memoed) bool { return k.load != m.load })
}
