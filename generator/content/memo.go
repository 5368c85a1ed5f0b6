package content

import (
	"bytes"
	"context"
	"io/fs"
)

// Memo keeps what one load found in each folder of the content folder,
// for a later load, with the same settings and folder, to take again:
// the same bytes, at the same path, read with the same settings, give
// the same article. An article is taken again, without keying it and
// looking it up in the store, where the SHA-256 of its file, by the sums
// given, is that of the bytes it was read from; a folder's files are
// taken again whole, without looking at each, where its list bears the
// stamp of the one the last load walked (see StampedFS) and none of them
// had a problem. serve keeps one between saves; a nil Memo keeps nothing.
// Its zero value is ready.
type Memo struct {
	salt    []byte             // the key of the settings and folder the articles were read with (see newCacher)
	folders map[string]*folder // by slash path, "." for the top
}

// folder is what a load found in one folder: its files and folders, in
// name order, but those left out, and the stamp of the list they were
// found in.
type folder struct {
	path     string
	stamp    uint64
	items    []item
	whole    bool // every file in it was taken, none with a problem, so that all can be taken again
	unhashed bool // a file in it had no sum (see Set.Unhashed)
}

// item is a file or folder of a folder, as a load found it: for an
// article, the sum of the bytes it was read from and the article read,
// nil for one read with a problem.
type item struct {
	path    string
	kind    kind // article, intro, asset, or ignored for a folder to look in
	sum     string
	article *Article
}

// Load is LoadCached, taking articles again from m where it can (see
// Memo), and keeping in m those it read.
func (m *Memo) Load(ctx context.Context, fsys fs.FS, dir string, store Store, sums map[string]string) (*Set, error) {
	return load(ctx, fsys, dir, store, sums, true, m)
}

// last gives the folders of the last load, if it read its articles with
// the settings and folder salt keys.
func (m *Memo) last(salt []byte) map[string]*folder {
	if m == nil || !bytes.Equal(m.salt, salt) {
		return nil
	}
	return m.folders
}

// keep keeps the folders a load walked, read with the settings and
// folder salt keys, for the next load: the others go.
func (m *Memo) keep(salt []byte, walked []*folder) {
	if m == nil {
		return
	}
	m.salt, m.folders = salt, make(map[string]*folder, len(walked))
	for _, f := range walked {
		m.folders[f.path] = f
	}
}

// again reports whether f, the folder as the last load found it, can be
// taken again whole from a list stamped stamp: the very list it was found
// in, holding no file with a problem, nor an article whose body is in a
// blobs file found damaged, which is read afresh, as the store reads it.
func (f *folder) again(stamp uint64) bool {
	if f == nil || stamp == 0 || f.stamp != stamp || !f.whole {
		return false
	}
	for _, it := range f.items {
		if it.kind == article && (it.article == nil || it.article.body.Damaged()) {
			return false
		}
	}
	return true
}

// refuse notes a file of f refused, with its problem, if it has one:
// the next load walks f again, to find it again.
func (f *folder) refuse(w *walker, problem *Error) {
	f.whole = false
	if problem != nil {
		w.errs = append(w.errs, problem)
	}
}

// same reports whether it, what the last load found at a path, is an
// article read from the bytes whose SHA-256 is sum, with a body that
// can still be read.
func (it *item) same(sum string) bool {
	return it != nil && it.kind == article && sum != "" && it.sum == sum && it.article != nil && !it.article.body.Damaged()
}
