package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Update gives the set as the folder now stands, after the files or
// folders at paths (slash-separated, inside the folder) have been
// written, made, renamed or removed, reading only those again: a change
// to a file where nothing else changed costs one file's read, however
// many articles the folder holds. A change to the settings file, or to
// the folder itself ("."), reads the whole folder, as LoadCached does.
// The set it gives equals the one LoadCached gives for the same folder.
// s is not changed.
func (s *Set) Update(fsys fs.FS, dir string, store Store, paths []string) (*Set, error) {
	for _, p := range paths {
		if p == "." || p == SettingsFile {
			return LoadCached(fsys, dir, store, nil)
		}
	}
	// A path below another changed path is read with it.
	all := slices.Compact(slices.Sorted(slices.Values(paths)))
	paths = slices.DeleteFunc(slices.Clone(all), func(p string) bool {
		return slices.ContainsFunc(all, func(c string) bool { return strings.HasPrefix(p, c+"/") })
	})
	next := &Set{Settings: s.Settings}
	var articles, intros, assets []string
	var errs Errors
	for _, p := range paths {
		if err := fresh(fsys, p, &articles, &intros, &assets); err != nil {
			errs = append(errs, &Error{File: joinPath(dir, p), Msg: fmt.Sprintf("can't read it: %v", withoutPath(err))})
		}
	}
	changed := func(p string) bool {
		return slices.ContainsFunc(paths, func(c string) bool { return p == c || strings.HasPrefix(p, c+"/") })
	}
	next.Articles = slices.DeleteFunc(slices.Clone(s.Articles), func(a *Article) bool { return changed(a.Path) })
	next.Topics = slices.DeleteFunc(slices.Clone(s.Topics), func(p *Page) bool { return changed(p.Path) })
	next.Regulators = slices.DeleteFunc(slices.Clone(s.Regulators), func(p *Page) bool { return changed(p.Path) })
	next.Assets = append(slices.DeleteFunc(slices.Clone(s.Assets), changed), assets...)

	errs = append(errs, next.read(fsys, dir, newCacher(store, fsys, dir, nil), articles, intros)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(next.Articles, func(a, b *Article) int { return walkOrder(a.Path, b.Path) })
	for _, pages := range [][]*Page{next.Topics, next.Regulators} {
		slices.SortFunc(pages, func(a, b *Page) int { return walkOrder(a.Path, b.Path) })
	}
	slices.SortFunc(next.Assets, walkOrder)
	// Empty lists are nil, as LoadCached leaves them.
	next.Articles, next.Topics, next.Regulators, next.Assets = orNil(next.Articles), orNil(next.Topics), orNil(next.Regulators), orNil(next.Assets)
	return next, nil
}

func orNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// fresh adds the files now at p, a file or a folder, to the lists of
// their kinds; nothing, if p is gone or left out.
func fresh(fsys fs.FS, p string, articles, intros, assets *[]string) error {
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if strings.HasPrefix(path.Base(dir), ".") {
			return nil // inside a hidden folder
		}
	}
	info, err := fs.Lstat(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return fs.WalkDir(fsys, p, func(q string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if q == p {
			e = fs.FileInfoToDirEntry(info) // as its folder lists it, links not followed
		}
		switch classify(q, e) {
		case skipFolder:
			return fs.SkipDir
		case article:
			*articles = append(*articles, q)
		case intro:
			*intros = append(*intros, q)
		case asset:
			*assets = append(*assets, q)
		}
		return nil
	})
}

// walkOrder orders paths as fs.WalkDir visits them: by name within each
// folder, a folder's files where its name sorts.
func walkOrder(a, b string) int {
	for {
		x, restA, moreA := strings.Cut(a, "/")
		y, restB, moreB := strings.Cut(b, "/")
		if c := strings.Compare(x, y); c != 0 || !moreA || !moreB {
			if c == 0 {
				return strings.Compare(a, b)
			}
			return c
		}
		a, b = restA, restB
	}
}
