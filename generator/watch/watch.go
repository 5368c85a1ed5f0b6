// Package watch tells when files under a set of folders change: it takes
// the folders and gives a signal at once on each change, and the paths
// named since they were last taken.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"bulletin/generator/inputs"
)

// settle is how long the folders must be quiet before pages hear of a
// rebuild, so a burst of saves (an editor's temp file and rename, a git
// checkout) gives one reload, never a site read in the middle of it.
// gather is how long they must be quiet before a rebuild starts: long
// enough for one save's events to arrive together. A rebuild starts
// after gather and runs while the rest of settle passes (see Settled),
// so settle adds to the time from a save to the reload only where the
// rebuild is quicker.
const (
	settle = 30 * time.Millisecond
	gather = 3 * time.Millisecond
)

// Watcher reports at once that the sources changed, and keeps which
// paths did until Take is called. It watches every folder under the
// roots, adding new ones as they appear, since fsnotify does not watch
// recursively; and the folder each root is in, for the root alone, so
// that a root deleted and made again (a checkout, a copy put back) is
// watched again.
type Watcher struct {
	fs      *fsnotify.Watcher
	Changes chan struct{}
	Errors  chan error
	done    chan struct{}
	roots   map[string]bool // by clean path
	parents map[string]bool // the folders the roots are in
	// folders are every folder watched, by the path events name it by,
	// and inside, the folders watched in each: loop and Take add to
	// them, under foldersMu.
	foldersMu sync.Mutex
	folders   map[string]bool
	inside    map[string][]string
	// links are the paths Follow was given, follow the files they lead
	// to, which a build reads through them, each with its link, and
	// followIn the folders watched for those files alone.
	links    map[string]bool
	follow   map[string]string
	followIn map[string]bool
	// via are the paths a root that is a link to a link leads through
	// (see rootHops), by absolute path, each with its root.
	via map[string]string

	mu      sync.Mutex
	changed map[string]bool // paths named by events since the last Take
	created map[string]bool // of those, the paths made or moved in
	lost    bool            // events were lost, so any path may have changed
	seen    uint64          // events so far
	last    time.Time       // when the last came
}

// New watches every folder under the roots.
func New(roots ...string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchError(".", err)
	}
	w := &Watcher{fs: fw, Changes: make(chan struct{}, 1), Errors: make(chan error, 1), done: make(chan struct{}), changed: map[string]bool{}, created: map[string]bool{},
		roots: map[string]bool{}, parents: map[string]bool{}, folders: map[string]bool{}, inside: map[string][]string{},
		links: map[string]bool{}, follow: map[string]string{}, followIn: map[string]bool{}, via: map[string]string{}}
	for _, root := range roots {
		if err := w.addTree(root); err != nil {
			fw.Close()
			return nil, err
		}
		root = filepath.Clean(root)
		w.roots[root] = true
		if parent := filepath.Dir(root); parent != root && !w.parents[parent] {
			// Without it a root made again goes unseen; a build of it
			// still runs, so a parent that cannot be watched is no error.
			if w.fs.Add(parent) == nil {
				w.parents[parent] = true
			}
		}
		w.rootHops(root)
	}
	go w.loop()
	return w, nil
}

// Follow watches the file that link, a path in a root which a build
// reads through a symbolic link (site.yaml, shared by several content
// folders), leads to, wherever it is, and each link on the way there (a
// link to a link): a change to any of them is reported as one to link.
// Made, or pointed elsewhere, link, or a link on the way, is followed
// again; while it leads nowhere, or is no link, there is nothing more
// to watch.
func (w *Watcher) Follow(link string) {
	link = filepath.Clean(link)
	w.foldersMu.Lock()
	w.links[absolute(link)] = true
	w.foldersMu.Unlock()
	target, err := filepath.EvalSymlinks(link)
	if err != nil || target == link {
		return
	}
	w.followPath(target, link)
	// The links on the way: one pointed elsewhere changes the file the
	// build reads through link.
	for _, p := range hops(link) {
		w.followPath(p, link)
	}
}

// hops gives the paths the symbolic link link leads through, as the
// system reads them, one link after another, to the path at the end
// (which may not exist); none where link is no link.
func hops(link string) []string {
	var out []string
	for p := link; len(out) < 255; {
		to, err := os.Readlink(p)
		if err != nil {
			break // the file at the end, or gone
		}
		if !filepath.IsAbs(to) {
			dir := filepath.Dir(p)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			to = filepath.Join(dir, to)
		}
		p = filepath.Clean(to)
		out = append(out, p)
	}
	return out
}

// rootHops watches the links on the way from root, where it is a link
// to a link, to the folder it leads to, by the folders that hold them:
// one pointed elsewhere changes every path of the root, as a link put in
// the root's own place, in its parent, watched, does.
func (w *Watcher) rootHops(root string) {
	ps := hops(root)
	if len(ps) < 2 {
		return // no link, or one straight to the folder
	}
	w.foldersMu.Lock()
	defer w.foldersMu.Unlock()
	for _, p := range ps[:len(ps)-1] {
		w.via[absolute(p)] = root
		dir := filepath.Dir(p)
		if w.folders[dir] || w.parents[dir] || w.followIn[dir] {
			continue
		}
		if w.fs.Add(dir) == nil {
			w.followIn[dir] = true
		}
	}
}

// followPath watches the file or link p, outside the roots or in them,
// as one that link leads through (see Follow).
func (w *Watcher) followPath(p, link string) {
	dir := filepath.Dir(p)
	w.foldersMu.Lock()
	defer w.foldersMu.Unlock()
	// By its absolute path: a folder watched already, as a root's
	// parent is, names its events as it was first given (./site.yaml).
	w.follow[absolute(p)] = link
	if w.folders[dir] || w.parents[dir] || w.followIn[dir] {
		return
	}
	// The folder, not the file, as an editor may save it as a new one.
	if w.fs.Add(dir) == nil {
		w.followIn[dir] = true
	}
}

// followed gives the link that leads to the file name, if it is one
// Follow watches, whether name is a link Follow was given, and whether
// the folder name is in is watched for such files alone.
func (w *Watcher) followed(name string) (link string, isLink, apart bool) {
	w.foldersMu.Lock()
	defer w.foldersMu.Unlock()
	dir, abs := filepath.Dir(name), absolute(name)
	return w.follow[abs], w.links[abs], w.followIn[dir] && !w.folders[dir] && !w.parents[dir]
}

// viaRoot gives the root whose way name is on (see rootHops), if any.
func (w *Watcher) viaRoot(name string) string {
	w.foldersMu.Lock()
	defer w.foldersMu.Unlock()
	return w.via[absolute(name)]
}

// absolute gives the absolute path of p, or p where there is none.
func absolute(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// addTree watches dir and every folder below it, skipping hidden ones.
func (w *Watcher) addTree(dir string) error {
	return inputs.Walk(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked
			}
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if p != dir && inputs.Hidden(e.Name()) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			return watchError(p, err)
		}
		w.foldersMu.Lock()
		if !w.folders[p] {
			w.inside[filepath.Dir(p)] = append(w.inside[filepath.Dir(p)], p)
		}
		w.folders[p] = true
		w.foldersMu.Unlock()
		return nil
	})
}

// addNew watches a folder made or moved in below a root, and every
// folder below it. A symbolic link is not followed, as a build does not
// follow one: its target may be a folder outside, or above, the roots,
// whose every change would then rebuild the site, and whose watch would
// outlast the link.
func (w *Watcher) addNew(p string) error {
	if info, err := os.Lstat(p); err != nil || !info.IsDir() {
		return nil // removed since, a file, or a link
	}
	return w.addTree(p)
}

// forget stops watching a folder moved away or removed, and every
// folder below it. inotify keeps a folder's watch when it is renamed,
// and fsnotify, asked to watch it under its new name, gives back the
// watch it has, which names events by the old: so the new name must be
// watched afresh (see Take).
func (w *Watcher) forget(p string) {
	w.foldersMu.Lock()
	defer w.foldersMu.Unlock()
	w.forgetLocked(p)
}

func (w *Watcher) forgetLocked(p string) {
	if !w.folders[p] {
		return
	}
	inside := w.inside[p]
	delete(w.inside, p)
	for _, f := range inside {
		w.forgetLocked(f)
	}
	w.fs.Remove(p) // gone already, with a folder removed
	delete(w.folders, p)
	parent := filepath.Dir(p)
	if siblings, ok := w.inside[parent]; ok {
		w.inside[parent] = slices.DeleteFunc(siblings, func(f string) bool { return f == p })
	}
}

// watchError explains the usual reason a folder cannot be watched.
func watchError(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("cannot watch %s: the system's limit on watched folders is reached; raise it with: sudo sysctl fs.inotify.max_user_watches=524288 (and max_user_instances=512): %w", dir, err)
	}
	return fmt.Errorf("cannot watch %s: %w", dir, err)
}

func (w *Watcher) loop() {
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			// Named from the folder watched: ./content when the root
			// content is in the working folder.
			name := filepath.Clean(ev.Name)
			link, isLink, apart := w.followed(name)
			if root := w.viaRoot(name); root != "" {
				// A link on the way to a root pointed elsewhere: watch
				// where it leads now, as for a root made again.
				if ev.Has(fsnotify.Create) {
					if err := w.addTree(root); err != nil {
						w.report(err)
					}
					w.rootHops(root)
				}
				w.note(func() {
					w.changed[root] = true
					w.lost = true
				})
			}
			if link != "" {
				w.note(func() { w.changed[link] = true })
				// A link on the way may lead elsewhere now.
				w.Follow(link)
			}
			if isLink {
				w.Follow(name)
			}
			if apart {
				continue // beside a file followed: not the sources
			}
			root := w.roots[name] // which may be hidden: -templates .theme
			if !root && (inputs.Hidden(filepath.Base(ev.Name)) || w.backup(ev.Name)) {
				continue // editors' backup and swap files, hidden folders
			}
			if !root && w.parents[filepath.Dir(name)] && !w.roots[filepath.Dir(name)] {
				continue // beside a root: the output folder, say
			}
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				w.forget(ev.Name)
			}
			if ev.Has(fsnotify.Create) {
				// A new folder may already hold files: watch it and all
				// below. A root is watched through a link, as New watched
				// it: a link to another folder put in its place (ln -sfn).
				add := w.addNew
				if root {
					add = w.addTree
				}
				if err := add(ev.Name); err != nil {
					w.report(err)
				}
			}
			w.note(func() {
				w.changed[ev.Name] = true
				if ev.Has(fsnotify.Create) {
					w.created[ev.Name] = true
				}
				// A root made, moved or removed: any of its paths may
				// have changed.
				w.lost = w.lost || root
			})
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.note(func() { w.lost = true })
			}
			w.report(err)
		case <-w.done:
			return
		}
	}
}

// backup reports whether the path an event names is an editor's backup
// file (a.md~), which a build does not read; a folder so named is read,
// and watched, and one that is gone was a folder if it was watched.
func (w *Watcher) backup(name string) bool {
	w.foldersMu.Lock()
	watched := w.folders[name]
	w.foldersMu.Unlock()
	if !strings.HasSuffix(filepath.Base(name), "~") || watched {
		return false
	}
	info, err := os.Lstat(name)
	return err != nil || !info.IsDir()
}

// note records an event and says that the sources changed.
func (w *Watcher) note(record func()) {
	w.mu.Lock()
	record()
	w.seen++
	w.last = time.Now()
	w.mu.Unlock()
	select {
	case w.Changes <- struct{}{}:
	default: // already said
	}
}

// Seen counts the events so far, once the folders have been quiet for
// gather.
func (w *Watcher) Seen() uint64 {
	w.quiet(gather)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen
}

// Settled waits until the folders have been quiet for settle, and reports
// whether no event came after the first n.
func (w *Watcher) Settled(n uint64) bool {
	w.quiet(settle)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen == n
}

// quiet waits until no event has come for d.
func (w *Watcher) quiet(d time.Duration) {
	for {
		w.mu.Lock()
		wait := time.Until(w.last.Add(d))
		w.mu.Unlock()
		if wait <= 0 {
			return
		}
		time.Sleep(wait)
	}
}

// Take gives the paths changed since the last Take, sorted, and forgets
// them; all is true when events were lost, so that any path may have.
//
// A folder moved in is watched again first: inotify watches a folder,
// not its name, and the notice that the folder left its old name, which
// may come after the one that it reached the new, ends fsnotify's watch
// of it under either name.
func (w *Watcher) Take() (paths []string, all bool) {
	w.mu.Lock()
	created := w.created
	paths = slices.Sorted(maps.Keys(w.changed))
	all = w.lost
	w.changed, w.created, w.lost = map[string]bool{}, map[string]bool{}, false
	w.mu.Unlock()
	for _, p := range slices.Sorted(maps.Keys(created)) {
		if err := w.addNew(p); err != nil {
			w.report(err)
		}
	}
	return paths, all
}

func (w *Watcher) report(err error) {
	select {
	case w.Errors <- err:
	default:
	}
}

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	return w.fs.Close()
}
