package render

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"bulletin/generator/content"
)

// Memo keeps the theme one Plan loaded, for a later Plan to take again
// when the theme folder holds the very bytes it was loaded from (see
// themeKey) and the pages are served from the same path: parsing and
// checking the templates is then done once for a run of saves to the
// content. Each Plan gets a copy of its page templates, with what cached
// keeps, of its own (see fresh), so that the pages one site is still
// making while the next is planned keep nothing in the next's. It keeps
// too what checkClaims found, for a later Plan whose files claim the very
// names, at the very addresses, for the very sources. serve keeps one
// between saves; a nil Memo keeps nothing. Its zero value is ready.
type Memo struct {
	mu     sync.Mutex
	last   *loaded
	claims *checked
}

// loaded is a theme as loadTheme gave it, and what it was loaded from.
type loaded struct {
	key, dir, basePath string
	theme              *theme
	err                error
}

// theme gives the theme in fsys, dir being its folder's name as editors
// know it, linking at basePath, with its key: taken again from m when it
// was loaded from the same bytes, and kept in m. The theme is nil when
// it could not be read at all.
func (m *Memo) theme(fsys fs.FS, dir, basePath string) (*theme, string, error) {
	key, keyErr := themeKey(fsys)
	if m != nil && keyErr == nil {
		m.mu.Lock()
		l := m.last
		m.mu.Unlock()
		if l != nil && l.key == key && l.dir == dir && l.basePath == basePath {
			return l.theme.fresh(), key, l.err
		}
	}
	th, err := loadTheme(fsys, dir, basePath)
	if th == nil {
		return nil, "", err
	}
	if keyErr != nil {
		return nil, "", unreadable(dir, keyErr)
	}
	if m == nil {
		return th, key, err
	}
	// The theme kept never runs: each plan runs a copy of its own.
	m.mu.Lock()
	m.last = &loaded{key: key, dir: dir, basePath: basePath, theme: th, err: err}
	m.mu.Unlock()
	return th.fresh(), key, err
}

// checked is what checkClaims found in claims: those of the jobs, then
// the extra ones.
type checked struct {
	jobs, extra []claim
	errs        content.Errors
}

// checkClaims is the package's checkClaims, taken again from m when the
// jobs and extra claims are the ones it last checked, and kept in m.
func (m *Memo) checkClaims(jobs []job, extra []claim) error {
	if m == nil {
		return checkClaims(jobs, extra)
	}
	m.mu.Lock()
	c := m.claims
	m.mu.Unlock()
	if c == nil || !c.of(jobs, extra) {
		c = &checked{jobs: make([]claim, len(jobs)), extra: slices.Clone(extra), errs: content.AsErrors(checkClaims(jobs, extra))}
		for i := range jobs {
			c.jobs[i] = jobs[i].claim()
		}
		m.mu.Lock()
		m.claims = c
		m.mu.Unlock()
	}
	return slices.Clone(c.errs).Err()
}

// of reports whether c was found in the very claims of jobs and extra.
func (c *checked) of(jobs []job, extra []claim) bool {
	if len(c.jobs) != len(jobs) || !slices.Equal(c.extra, extra) {
		return false
	}
	for i := range jobs {
		if c.jobs[i] != jobs[i].claim() {
			return false
		}
	}
	return true
}

// unreadable is the error of a theme folder dir that could not be read
// whole: at the file or folder that could not be, as editors name it,
// where err names one.
func unreadable(dir string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return fmt.Errorf("reading %s: %w", dir, err)
	}
	return content.Unreadable(dir, pe)
}
