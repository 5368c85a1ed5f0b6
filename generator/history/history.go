// Package history reads the published versions of a content folder's
// articles from the git repository the folder is in.
//
// It takes the content folder's path, which may be anywhere inside a git
// work tree or outside one, and gives, for every article file now in the
// folder, the versions a reader has seen, oldest first: the commit that
// began each, the change note that announced it and the file's bytes as
// the version ended. It leaves parsing those bytes, comparing versions
// and making pages to other stages; it never fails a build for want of
// git: without git, outside a repository or in a shallow clone it gives
// no versions and a one-line reason for the build summary.
//
// # Which commits make a version
//
// The history of a file is the first-parent history of HEAD (what was
// published: a merged branch counts as one commit, the merge), followed
// across the renames git detects (git mv, and renames with small edits,
// within the content folder), plus the file in the work tree. Each commit
// that touches the file is a step, and so is the work tree when its bytes
// differ from HEAD's. Of each step only the front matter's draft flag,
// date, status and changes list are read, and what makes its address.
//
//   - A step where the file says draft: true, or whose front matter cannot
//     be read, is passed over: it neither begins nor ends a version.
//   - The first step not passed over begins the first version, noted
//     FirstPublished and dated with the article's date field. Change
//     notes already in it are part of it, not versions.
//   - After that, a step whose changes list has more entries than at the
//     last step not passed over begins a new version, noted and dated by
//     the entry it added: of the entries not there before, the one with
//     the latest date (the first in the list on a tie). A note replaced
//     by another in one step is not a new version; a list that shrinks
//     counts from its new length; and a note dated before an entry
//     already there is not one either, as it records an earlier change
//     after the fact, and the file at that step is not the version of
//     its date.
//   - Every other step (a typo fix, an edit without a note, a rename)
//     belongs to the version before it. So a version shows the file as it
//     stood at its last step, just before the next version began, and the
//     last version ends with the file as it is in the work tree. The note
//     and date are read again at that last step, where the list has as
//     many entries as when the version began, so that a corrected note
//     reads as corrected.
//
// The settings file at the top of the content folder is followed through
// the same commits, for one thing only: each first publication keeps the
// authority of feed ids its settings gave as of its commit (see
// content.IDAuthority), so that a later build can tell an id changed by
// a new host in base_url.
//
// Uncommitted edits in the work tree are a step like any other: they
// belong to the last version, or begin a new one (with no commit) when
// they add a change note, so that an editor can preview an update before
// committing it. A file never committed is a first version with no
// commit, and so is a file renamed but not yet committed, under its new
// name.
//
// # Reading it quickly
//
// git log lists the commits while git cat-file reads the files they
// changed, once per HEAD: Read keeps what it read from the commits in a
// cache file, and in memory for the next call in the same process (serve),
// keyed by HEAD's commit, the repository's top folder, the content
// folder's place in it and the build of the generator. The key needs
// neither the article paths nor their bytes: the committed history of
// every Markdown file is kept, and the work tree is compared with it
// afresh on every call, reading only the files whose hashes (given to
// Place.Read) differ from their last commit. A missing, damaged or foreign
// cache file only makes Read slower. Place.Key gives the key alone, for a
// build's up-to-date check.
package history

import (
	"bulletin/generator/content"
	"bulletin/generator/inputs"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// FirstPublished is the note of an article's first version.
const FirstPublished = "First published"

// History is the versions of the articles of one content folder.
type History struct {
	// Articles holds the versions of each article file in the content
	// folder, oldest first, by its slash path in the folder
	// ("articles/2025/2025-03-27-x.md"). An article whose every step is a
	// draft has none.
	Articles map[string][]Version
	// Reason says in one line, for the build summary, why there is no
	// history at all; it is empty when there is one.
	Reason string
	// Hidden is set when the content is in a git repository whose
	// history could not be read: a shallow clone, or git failing.
	Hidden bool
	// Removed are the article files with a version that are gone, and
	// not moved to another name: deleted by the last commit to change
	// the content folder (so that the build of that commit, or of a
	// later one that changes only the theme, tells of it), or from the
	// work tree while HEAD has them; by path.
	Removed []Removed
	// Fresh are, by path, the article files whose first step that is no
	// draft the last commit to change the content folder made, unless it
	// was the first, and that the work tree has still: the build of that
	// commit first publishes them.
	Fresh map[string]bool
	// Dropped are, by path, the topics and regulators an article file
	// named until the last commit to change the content folder, or the
	// work tree, dropped them, as "topics/Name" or "regulators/Name":
	// renamed, say, their pages and feeds may be left with no article.
	Dropped map[string][]string
	// Zone is the time zone, by name, that the settings file gave at the
	// commit read, and ZoneBefore the one it gave before the last commit
	// to change the content folder, or Zone where that commit was the
	// first: a build in another zone than Zone, or the build of a commit
	// that changed it, moves every date written without an offset. ""
	// where the file had a problem, and Zone "" where the commit read
	// holds no settings file of its own (one kept out of git, or a link
	// to settings kept elsewhere); both "" with no history.
	Zone, ZoneBefore string
}

// Removed is an article file that is gone, with its versions as
// Articles gives them.
type Removed struct {
	Path     string
	Commit   string // the commit that deleted it; empty when only the work tree lacks it
	Versions []Version
}

// Gone gives the articles removed, as Removed has them. It may be called
// on a nil History.
func (h *History) Gone() []Removed {
	if h == nil {
		return nil
	}
	return h.Removed
}

// Version is one version of an article, as its readers saw it.
type Version struct {
	// Commit is the hash of the commit that began the version, or empty
	// when it begins with edits in the work tree that are not committed.
	Commit string
	// Time is that commit's committer time, in UTC; zero when there is
	// no commit.
	Time time.Time
	// Date is the date of the change note, as written in the front
	// matter ("2025-03-28"); for the first version, the article's date.
	Date string
	// Note is the change note that announced the version, or
	// FirstPublished for the first.
	Note string
	// Data is the whole file as it stood at the version's end.
	Data []byte
	// Told is the latest moment, as written, that feeds gave subscribers
	// as the article's last change (its date, updated or withdrawal's
	// date) at a committed step they saw, up to the last committed step:
	// a step whose moment had not come when the next commit replaced it
	// was never seen. "" for none. Set on the last version only.
	Told string
	// Last is that moment at the last committed step, which subscribers
	// see once it has come; "" where that step is a draft.
	Last string
	// Moved is set when the work tree, or the last commit to change the
	// content folder, changed that moment: a change to it that an earlier
	// commit made was told by that commit's build. Set on the last
	// version only.
	Moved bool
	// Status is the article's status, as written, at the step that began
	// the version: a status changed since, with no change note, changed
	// without telling subscribers.
	Status string
	// Published is, for the first version, what made the article's
	// address and feed id at each of its committed steps, of every
	// version, oldest first: an article dated after its commit went live
	// at its date, by which time a later step may have changed them, and
	// each address readers saw is one to keep. Empty for later versions.
	Published []Names
}

// Names are what made an article's address and feed id at one commit:
// the fields of
// its front matter, as written (its date, slug, aliases and id), and the
// file's slash path in the content folder, which gives the slug when the
// front matter does not; Path is empty when the file was then outside
// the folder.
type Names struct {
	Commit         string    // the step's commit
	Committed      time.Time // and its time, in UTC
	Date, Slug, ID string
	Aliases        []string
	Path           string
	// IDAuthority is the authority of feed ids that the settings file
	// gave as of the commit; "" when it gave none (see
	// content.IDAuthority).
	IDAuthority string
}

// Versions gives the versions of the article at path in the content
// folder, oldest first, or nil. It may be called on a nil History.
func (h *History) Versions(path string) []Version {
	if h == nil {
		return nil
	}
	return h.Articles[path]
}

// Read gives the versions of the articles in the content folder dir.
// cache is the path of a file where Read keeps what it read from git for
// the next call (beside the output folder, say); an empty cache keeps
// nothing. It gives an error only when git is there but fails, or dir
// cannot be read. The Data of the versions it gives may be shared with
// later calls: do not change it.
func Read(dir, cache string) (*History, error) {
	return Find(dir).Read(cache, nil)
}

// Place is where a content folder's history is: its repository and
// HEAD's commit as Find found them, or why there is none. A build finds
// it once, so that the key it records and the history it reads are of
// one commit, whatever git does meanwhile.
type Place struct {
	dir    string
	repo   *repo
	reason string
}

// Find finds the repository that holds the content folder dir, and its
// HEAD's commit.
func Find(dir string) Place {
	repo, reason := find(dir)
	return Place{dir: dir, repo: repo, reason: reason}
}

// Key names what Read would read from git: the repository, the folder's
// place in it and HEAD's commit, or why there is no history. It changes
// whenever the committed history may have, and takes a few milliseconds,
// for a build's up-to-date check; the work tree is not in it.
func (p Place) Key() string {
	if p.reason != "" {
		return p.reason
	}
	return p.repo.key()
}

// Read gives the versions of the articles, as the commit Find found and
// the work tree have them, for a caller that has hashed the content
// folder's files already: sums gives the SHA-256 of each file, in hex,
// by its slash path in the folder, as the inputs package gives them. The
// articles are the files among them, and only those whose bytes differ
// from their last commit are read. A nil sums lists and reads every file.
func (p Place) Read(cache string, sums map[string]string) (*History, error) {
	if p.reason != "" {
		return &History{Reason: p.reason, Hidden: p.repo != nil}, nil
	}
	var paths []string
	if sums == nil {
		var err error
		if paths, err = articles(p.dir); err != nil {
			return nil, err
		}
	}
	for path := range sums {
		if content.IsArticle(path) {
			paths = append(paths, path)
		}
	}
	c, err := p.repo.committed(cache)
	if err != nil {
		return nil, err
	}
	h, err := withWorkTree(p.dir, paths, sums, c.files)
	if err != nil {
		return nil, err
	}
	h.Zone, h.ZoneBefore = c.zone, c.zoneBefore
	return h, nil
}

// committedHistory is the committed history of the content folder: the
// tracker of each file (see repo.follow), and the time zones of
// History.Zone and ZoneBefore.
type committedHistory struct {
	files            map[string]*tracker
	zone, zoneBefore string
}

// last keeps the committed history read last in memory, so that serve
// does not read the cache file again on each rebuild.
var last struct {
	sync.Mutex
	key string
	committedHistory
}

// committed gives the committed history of the content folder: from
// memory, from the cache file or from git, and keeps it in both.
func (r *repo) committed(cache string) (committedHistory, error) {
	key := r.key()
	last.Lock()
	defer last.Unlock()
	if last.key == key {
		return last.committedHistory, nil
	}
	c, ok := load(cache, key)
	if !ok {
		var err error
		if c, err = r.read(); err != nil {
			return committedHistory{}, err
		}
		save(cache, key, c)
	}
	last.key, last.committedHistory = key, c
	return c, nil
}

// withWorkTree gives the versions of the articles at paths: their
// committed history in files, with their bytes in the work tree as one
// more step where they differ. sums, if not nil, has the SHA-256 of each.
func withWorkTree(dir string, paths []string, sums map[string]string, files map[string]*tracker) (*History, error) {
	h := &History{Articles: map[string][]Version{}}
	here := make(map[string]bool, len(paths))
	for _, p := range paths {
		here[p] = true
	}
	var moved map[[32]byte]*tracker
	var left []*tracker          // the article files HEAD has and the work tree has not
	taken := map[*tracker]bool{} // by a file moved and not yet committed
	var unknown []string         // files with no history, that may be renamed and edited
	for _, p := range paths {
		t := files[p]
		if t != nil && sums != nil && sums[p] == hex.EncodeToString(t.Head[:]) {
			if len(t.Versions) > 0 {
				h.Articles[p] = t.Versions
			}
			h.dropped(p, t)
			h.fresh(p, t)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		if t == nil {
			// A file with no history may be one moved or renamed and not
			// yet committed: it keeps the history of the committed file
			// no longer there with the same bytes, as git would see it
			// once the move is committed, or, once every such file has
			// taken its own, of one it is like, as git sees a rename
			// with edits.
			if moved == nil {
				moved, left = goneByBytes(here, files), uncommittedGone(paths, here, files)
			}
			if t = moved[sha256.Sum256(data)]; t == nil && len(left) > 0 {
				unknown = append(unknown, p)
				continue
			}
			taken[t] = t != nil
		}
		h.step(p, t, data)
	}
	chosen, err := movedEdited(dir, unknown, left, taken)
	if err != nil {
		return nil, err
	}
	for i, p := range unknown {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		taken[chosen[i]] = chosen[i] != nil
		h.step(p, chosen[i], data)
	}
	h.Removed = removed(here, files, taken)
	return h, nil
}

// step gives the article at path p the history of t, nil for none, with
// data, its bytes in the work tree, as one more step where they differ
// from the last committed.
func (h *History) step(p string, t *tracker, data []byte) {
	t = t.clone()
	if sum := sha256.Sum256(data); t.Head != sum {
		s := newStep(data)
		s.path = p
		t.add(s)
	}
	if len(t.Versions) > 0 {
		h.Articles[p] = t.Versions
	}
	h.dropped(p, t)
	h.fresh(p, t)
}

// fresh notes the article at path p as Fresh when t, its history, is.
func (h *History) fresh(p string, t *tracker) {
	if t.Fresh {
		if h.Fresh == nil {
			h.Fresh = map[string]bool{}
		}
		h.Fresh[p] = true
	}
}

// dropped notes the topics and regulators t, the file at path p,
// dropped (see tracker.Dropped).
func (h *History) dropped(p string, t *tracker) {
	if len(t.Dropped) == 0 {
		return
	}
	if h.Dropped == nil {
		h.Dropped = map[string][]string{}
	}
	h.Dropped[p] = t.Dropped
}

// DroppedBy gives the topics and regulators the article at path
// dropped, as Dropped has them. It may be called on a nil History.
func (h *History) DroppedBy(path string) []string {
	if h == nil {
		return nil
	}
	return h.Dropped[path]
}

// removed gives the articles of files, with a version, that are not
// among the work tree's paths (here) and were not taken by a file moved
// there, by path.
func removed(here map[string]bool, files map[string]*tracker, taken map[*tracker]bool) []Removed {
	var out []Removed
	for p, t := range files {
		if !here[p] && !taken[t] && content.IsArticle(p) && len(t.Versions) > 0 {
			out = append(out, Removed{Path: p, Commit: t.Deleted, Versions: t.Versions})
		}
	}
	slices.SortFunc(out, func(a, b Removed) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// goneByBytes gives the committed articles of files that are not among
// the work tree's paths (here), by the SHA-256 of their committed bytes, but for
// bytes two of them share.
func goneByBytes(here map[string]bool, files map[string]*tracker) map[[32]byte]*tracker {
	gone := map[[32]byte]*tracker{}
	twice := map[[32]byte]bool{}
	for p, t := range files {
		if here[p] || !content.IsArticle(p) {
			continue
		}
		if _, ok := gone[t.Head]; ok {
			twice[t.Head] = true
		}
		gone[t.Head] = t
	}
	for sum := range twice {
		delete(gone, sum)
	}
	return gone
}

// uncommittedGone gives the trackers of the article files that HEAD
// has and the work tree, whose files are at paths, has not, with a
// version, in the order of their paths; none where comparing each with
// each file of the work tree with no history would take long, as git
// finds no renames either where they are too many (see renamePairs).
func uncommittedGone(paths []string, here map[string]bool, files map[string]*tracker) []*tracker {
	added := 0
	for _, p := range paths {
		if files[p] == nil {
			added++
		}
	}
	var gone []string
	for p, t := range files {
		if !here[p] && t.Deleted == "" && len(t.Versions) > 0 && content.IsArticle(p) {
			gone = append(gone, p)
		}
	}
	if len(gone)*added > renamePairs {
		return nil
	}
	slices.Sort(gone)
	out := make([]*tracker, len(gone))
	for i, p := range gone {
		out[i] = files[p]
	}
	return out
}

// renamePairs is how many pairs of a file gone and a file added the work
// tree's renames are looked for among at most: 200 of each, say.
const renamePairs = 200 * 200

// movedEdited gives, for each of the files at paths in the content
// folder dir, with no history, the tracker of left (see uncommittedGone)
// that no file moved as it was took (see taken) it is taken to be
// renamed from, nil for none: pairs of a file and a gone one alike as
// git finds a rename with edits (see similar), the most alike first,
// each file and each gone one in one pair at most, a tie going to the
// first in path order. A file renamed and edited, not yet committed,
// keeps the history git gives it once the rename is committed.
func movedEdited(dir string, paths []string, left []*tracker, taken map[*tracker]bool) ([]*tracker, error) {
	type pair struct {
		score      float64
		file, gone int
	}
	var pairs []pair
	for i, p := range paths {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		for j, t := range left {
			if taken[t] {
				continue // by a file moved as it was
			}
			if score := similar(t.Versions[len(t.Versions)-1].Data, data); score >= renameScore {
				pairs = append(pairs, pair{score, i, j})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.score, a.score) })
	chosen := make([]*tracker, len(paths))
	paired := make([]bool, len(left))
	for _, m := range pairs {
		if chosen[m.file] == nil && !paired[m.gone] {
			chosen[m.file], paired[m.gone] = left[m.gone], true
		}
	}
	return chosen, nil
}

// renameScore is how alike two files must be for git to take the one
// for the other renamed: half their bytes, its default.
const renameScore = 0.5

// similar gives how alike files a and b are, as git's rename detection
// measures it: the bytes of b's lines that a has too, each line of a
// counted once, over the larger file's size.
func similar(a, b []byte) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	lines := map[string]int{}
	for line := range bytes.Lines(a) {
		lines[string(line)]++
	}
	common := 0
	for line := range bytes.Lines(b) {
		if lines[string(line)] > 0 {
			lines[string(line)]--
			common += len(line)
		}
	}
	return float64(common) / float64(max(len(a), len(b)))
}

// articles lists the slash paths of the article files in the content
// folder dir, as the content package finds them: Markdown files, except
// the intro pages in topics/ and regulators/, hidden files and folders,
// editors' backups ending in "~" and anything not a regular file.
func articles(dir string) ([]string, error) {
	var paths []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		switch {
		case p != "." && inputs.Hidden(name):
			if e.IsDir() {
				return fs.SkipDir
			}
		case e.Type().IsRegular() && content.IsArticle(p):
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("history: reading %s: %w", dir, err)
	}
	slices.Sort(paths)
	return paths, nil
}
