package content

import (
	"cmp"
	"context"
	"io/fs"
	"path"
	"strings"
)

// StampedFS is a folder that stamps each list of a folder it gives: a
// list with the stamp of one given before is that very list, of a folder
// none of whose files was made, removed or changed since; a stamp of 0
// tells nothing. serve's folder, kept between saves, is one
// (inputs.Kept): with it, a load after a save walks again only the
// folders the save touched, and takes the others' files again as the
// last load found them (see Memo).
type StampedFS interface {
	fs.FS
	ReadDirStamped(name string) ([]fs.DirEntry, uint64, error)
}

// walker walks the content folder for load, in lexical order, a folder
// before what it holds: it sorts each file it finds into the set, hands
// each article to the readers, and notes the problems of names. It joins
// a folder's path and a name without cleaning the two, since each name a
// list gives is one clean element: at tens of thousands of files, as
// serve walks its folder after every save, cleaning was a third of the
// walk.
type walker struct {
	ctx    context.Context
	fsys   fs.FS
	dir    string
	set    *Set
	sums   map[string]string
	read   *reader
	intros []string
	named  map[string]bool // folders whose names were found unsafe
	errs   Errors
	// With a memo, what the last load found in each folder is taken
	// again, and what this one finds is noted, for the next.
	memo    bool
	last    map[string]*folder // the folders the last load walked, to take again; nil for none
	walked  []*folder          // this load's, in the order walked
	pending []pending          // the articles read this load, to keep once read
}

// pending is an article of a folder walked, being read: the batch and
// place where the readers put it.
type pending struct {
	in    *folder
	item  int
	batch *batch
	at    int
}

// walk walks the content folder from its top.
func (w *walker) walk() error {
	if _, err := fs.Stat(w.fsys, "."); err != nil {
		w.unreadable(".", err)
		return nil
	}
	return w.folder(".")
}

// folder walks the folder at slash path p: again as the last load found
// it, where it can (see again), or afresh. A folder that cannot be
// listed whole is walked as far as it was listed.
func (w *walker) folder(p string) error {
	entries, stamp, err := w.list(p)
	if err != nil {
		w.unreadable(p, err)
	}
	last := w.last[p]
	if err == nil && last.again(stamp) {
		w.walked = append(w.walked, last)
		return w.retrace(last)
	}
	f := &folder{path: p, stamp: stamp, whole: err == nil}
	if w.memo {
		w.walked = append(w.walked, f)
	}
	var was []item
	if last != nil {
		was = last.items
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		q := e.Name()
		if p != "." {
			q = p + "/" + q
		}
		for len(was) > 0 && was[0].path < q {
			was = was[1:]
		}
		var before *item
		if len(was) > 0 && was[0].path == q {
			before = &was[0]
		}
		if err := w.entry(f, q, e, before); err != nil {
			return err
		}
	}
	return nil
}

// list lists the folder at p, with its stamp where fsys gives one.
func (w *walker) list(p string) ([]fs.DirEntry, uint64, error) {
	if s, ok := w.fsys.(StampedFS); ok {
		return s.ReadDirStamped(p)
	}
	entries, err := fs.ReadDir(w.fsys, p)
	return entries, 0, err
}

// unreadable notes the folder at p that could not be listed: one whose
// name is not valid UTF-8, which the system's folder refuses to list
// ("invalid argument"), by its name, with what mends it.
func (w *walker) unreadable(p string, err error) {
	if why := unnamable(path.Base(p)); why != "" {
		w.errs = append(w.errs, &Error{File: JoinPath(w.dir, escapedName(p)), Msg: "the folder name " + why + ", so the files in it cannot be read or published: rename the folder"})
		return
	}
	w.errs = append(w.errs, &Error{File: JoinPath(w.dir, p), Msg: "can't read the folder: " + unread(err, "folder")})
}

// entry sorts the entry e at slash path q of the folder f, noting it in
// f: before is what the last load found at q, if anything.
func (w *walker) entry(f *folder, q string, e fs.DirEntry, before *item) error {
	k := classify(q, e)
	if k == asset || k == intro || k == article || k == special {
		if _, ok := w.sums[q]; w.sums != nil && !ok {
			f.unhashed, w.set.Unhashed = true, true
		}
	}
	switch k {
	case ignored:
		if e.IsDir() {
			f.note(w, item{path: q, kind: ignored})
			return w.folder(q)
		}
	case asset:
		if why := cmp.Or(misnamedSettings(q), unreadMarkdown(q)); why != "" {
			f.refuse(w, &Error{File: JoinPath(w.dir, q), Msg: why})
			return nil
		}
		if problem := articleInText(w.fsys, w.dir, q); problem != nil {
			f.refuse(w, problem)
			return nil
		}
		problem, ok := assetName(w.dir, q, w.named)
		if !ok {
			// Refused for a name on its path, which the next load is told
			// of again: its folder is walked again.
			f.refuse(w, problem)
			return nil
		}
		w.set.Assets = append(w.set.Assets, q)
		f.note(w, item{path: q, kind: asset})
	case intro, article:
		// Its address and its errors are made of its name, which a line
		// break would split, in a terminal or a CI log.
		if why := unnamable(q); why != "" {
			f.refuse(w, w.unnamed(q, why))
			return nil
		}
		if k == intro {
			w.intros = append(w.intros, q)
			f.note(w, item{path: q, kind: intro})
			return nil
		}
		if !w.memo {
			w.read.add(q, nil)
			return nil
		}
		sum := w.sums[q]
		if before.same(sum) {
			f.note(w, item{path: q, kind: article, sum: sum, article: before.article})
			w.read.add(q, before.article)
			return nil
		}
		f.note(w, item{path: q, kind: article, sum: sum})
		b, at := w.read.add(q, nil)
		w.pending = append(w.pending, pending{f, len(f.items) - 1, b, at})
	case special:
		f.refuse(w, &Error{File: JoinPath(w.dir, q), Msg: special.why(e, "the content folder")})
	}
	return nil
}

// unnamed is the problem of the article or intro page at slash path q,
// whose path cannot name one for the reason why: its folder's name, told
// once for every file in it, or else its own; nil where the folder was
// told already.
func (w *walker) unnamed(q, why string) *Error {
	parts := strings.Split(q, "/")
	for i, part := range parts[:len(parts)-1] {
		if why := unnamable(part); why != "" {
			at := strings.Join(parts[:i+1], "/")
			if w.named[at] {
				return nil
			}
			w.named[at] = true
			return &Error{File: JoinPath(w.dir, escapedName(at)), Msg: "the folder name " + why + ", so the files in it cannot be read or published: rename the folder"}
		}
	}
	return &Error{File: JoinPath(w.dir, escapedName(q)), Msg: "the file name " + why + ", so it cannot be read or published: rename the file"}
}

// note notes what the walk found in f, for the next load, if there is
// a memo to keep it in.
func (f *folder) note(w *walker, it item) {
	if w.memo {
		f.items = append(f.items, it)
	}
}

// retrace gives the set again what the folder f held when the last load
// walked it, and walks its folders.
func (w *walker) retrace(f *folder) error {
	if f.unhashed {
		w.set.Unhashed = true
	}
	for _, it := range f.items {
		switch it.kind {
		case ignored:
			if err := w.folder(it.path); err != nil {
				return err
			}
		case asset:
			w.set.Assets = append(w.set.Assets, it.path)
		case intro:
			w.intros = append(w.intros, it.path)
		case article:
			w.read.add(it.path, it.article)
		}
	}
	return nil
}

// settle fills in each folder walked with its articles as read, once
// the readers are done: an article read with a problem, or from bytes
// other than those its sum names (saved once more meanwhile), is not
// kept, and its folder is walked again by the next load.
func (w *walker) settle(c *cacher) {
	for _, p := range w.pending {
		a, errs := p.batch.read[p.at], p.batch.errs[p.at]
		it := &p.in.items[p.item]
		if len(errs) > 0 || a == nil || it.sum == "" || c.keyOf("article", it.path, it.sum) != a.Source {
			p.in.whole = false
			continue
		}
		it.article = a
	}
}
