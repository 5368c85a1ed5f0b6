package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long the folders must be quiet before a rebuild, so a
// burst of saves (an editor's temp file and rename, a git checkout)
// gives one build. It is short because it is part of the time from a
// save to the page reloading.
const settle = 20 * time.Millisecond

// watcher reports, once changes have settled, that the sources changed,
// and keeps which paths did until Take is called. It watches every
// folder under the roots, adding new ones as they appear, since fsnotify
// does not watch recursively.
type watcher struct {
	fs      *fsnotify.Watcher
	Changes chan struct{}
	Errors  chan error
	done    chan struct{}

	mu      sync.Mutex
	changed map[string]bool // paths named by events since the last Take
	lost    bool            // events were lost, so any path may have changed
}

func newWatcher(roots ...string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchError(".", err)
	}
	w := &watcher{fs: fw, Changes: make(chan struct{}, 1), Errors: make(chan error, 1), done: make(chan struct{}), changed: map[string]bool{}}
	for _, root := range roots {
		if err := w.addTree(root); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// addTree watches dir and every folder below it, skipping hidden ones.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked
			}
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			return watchError(p, err)
		}
		return nil
	})
}

// watchError explains the usual reason a folder cannot be watched.
func watchError(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("cannot watch %s: the system's limit on watched folders is reached; raise it with: sudo sysctl fs.inotify.max_user_watches=524288 (and max_user_instances=512): %w", dir, err)
	}
	return fmt.Errorf("cannot watch %s: %w", dir, err)
}

func (w *watcher) loop() {
	var timer <-chan time.Time
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if base := filepath.Base(ev.Name); strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
				continue // editors' backup and swap files, hidden folders
			}
			w.mu.Lock()
			w.changed[ev.Name] = true
			w.mu.Unlock()
			if ev.Has(fsnotify.Create) {
				// A new folder may already hold files: watch it and all below.
				if err := w.addTree(ev.Name); err != nil {
					w.report(err)
				}
			}
			timer = time.After(settle)
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.mu.Lock()
				w.lost = true
				w.mu.Unlock()
				timer = time.After(settle)
			}
			w.report(err)
		case <-timer:
			timer = nil
			select {
			case w.Changes <- struct{}{}:
			default: // a rebuild is already due
			}
		case <-w.done:
			return
		}
	}
}

// Take gives the paths changed since the last Take, sorted, and forgets
// them; all is true when events were lost, so that any path may have.
func (w *watcher) Take() (paths []string, all bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	paths = slices.Sorted(maps.Keys(w.changed))
	all = w.lost
	w.changed, w.lost = map[string]bool{}, false
	return paths, all
}

func (w *watcher) report(err error) {
	select {
	case w.Errors <- err:
	default:
	}
}

// Close stops watching.
func (w *watcher) Close() error {
	close(w.done)
	return w.fs.Close()
}
