package history

import (
	"crypto/sha256"
	"slices"
	"time"

	"bulletin/generator/content"
)

// step is the file as one commit left it, or as it is in the work tree
// (with no commit), with its front matter read.
type step struct {
	commit string
	time   time.Time
	path   string // the file's slash path in the content folder; "" outside it
	// authority is the id authority the settings file gave as of the
	// commit (see content.IDAuthority).
	authority string
	data      []byte
	fm        front
	ok        bool // whether the front matter could be read
	// last is set for a step of the last commit to change the content
	// folder, whose build is the first to give feeds what it changed.
	last bool
}

func newStep(data []byte) step {
	fm, ok := parseFront(data)
	return step{data: data, fm: fm, ok: ok}
}

// tracker applies the version rule of the package comment to the steps of
// one file, oldest first. Its fields are exported for the cache.
type tracker struct {
	Versions []Version
	Head     [32]byte // SHA-256 of the file at the last step added
	Changes  []change // the changes list at the last step read, to see it grow
	Added    int      // index in the list of the last version's note; -1 for the first version
	Len      int      // length of the list when the last version began
	// Deleted is the commit that deleted the file, when the last commit
	// to change the content folder did; empty for a file HEAD has.
	Deleted string
	// Fresh is set when the last commit to change the content folder,
	// not the first, made the file's first step that is no draft: the
	// build of that commit is the one that first publishes it.
	Fresh bool
	// Named are the topics and regulators the file named at the last
	// step read that was no draft, as "topics/Name" or "regulators/Name";
	// Dropped those it named at the step before that and no longer does,
	// when the last commit to change the content folder, or the work
	// tree, dropped them (see follow). Their pages and feeds may be left
	// with no article.
	Named, Dropped []string
	// Told, Last and Moved are the last version's (see Version).
	Told, Last string
	Moved      bool
}

// add reads one more step.
func (t *tracker) add(s step) {
	t.Head = sha256.Sum256(s.data)
	fm := s.fm
	told := ""
	if s.ok && !fm.draft {
		told = fm.told()
	}
	if s.commit != "" {
		t.settle(s.time)
		t.Moved = s.last && told != t.Last
		t.Last = told
	} else {
		// The work tree's step: what the last commit moved still counts.
		t.Moved = t.Moved || told != t.Last
	}
	if !s.ok || fm.draft {
		return
	}
	names := groupNames(fm)
	dropped := slices.DeleteFunc(slices.Clone(t.Named), func(n string) bool { return slices.Contains(names, n) })
	if s.commit == "" {
		// The work tree's step: what the last commit dropped still counts.
		dropped = append(slices.Clip(t.Dropped), dropped...)
	}
	t.Named, t.Dropped = names, dropped
	switch {
	case len(t.Versions) == 0:
		t.Versions = append(t.Versions, Version{Commit: s.commit, Time: s.time, Note: FirstPublished, Status: fm.status})
		t.Added = -1
	case len(fm.changes) > len(t.Changes):
		i := added(t.Changes, fm.changes)
		c := fm.changes[i]
		if l := latest(t.Changes); l != "" && later(l, c.Date) {
			// A note dated before those already there records an
			// earlier change after the fact: the file as it is now is
			// not the version of that date.
			break
		}
		t.Versions = append(t.Versions, Version{Commit: s.commit, Time: s.time, Date: c.Date, Note: c.Note, Status: fm.status})
		t.Added, t.Len = i, len(fm.changes)
	}
	v := &t.Versions[len(t.Versions)-1]
	v.Data = s.data
	v.Told, v.Last, v.Moved = t.Told, t.Last, t.Moved
	if s.commit != "" {
		names := fm.names
		names.Commit, names.Committed, names.Date, names.Path, names.IDAuthority = s.commit, s.time, fm.date, s.path, s.authority
		t.Versions[0].Published = append(t.Versions[0].Published, names)
	}
	switch {
	case t.Added < 0:
		v.Date = fm.date
	case len(fm.changes) == t.Len:
		// The note may have been corrected since it was added; an entry
		// removed since then leaves no sure way to find it again.
		v.Date, v.Note = fm.changes[t.Added].Date, fm.changes[t.Added].Note
	}
	t.Changes = fm.changes
}

// settle counts the moment the last committed step told (Last) among
// those subscribers saw (Told) when it had come by at, when a commit
// replaced that step.
func (t *tracker) settle(at time.Time) {
	if t.Last == "" {
		return
	}
	if d, err := content.ParseDate(t.Last, time.UTC); err == nil && !d.After(at) && (t.Told == "" || later(t.Last, t.Told)) {
		t.Told = t.Last
	}
}

// told is the moment fm gives feeds as the article's last change: the
// latest of its date, updated and withdrawal's date, as written.
func (fm front) told() string {
	out := fm.date
	for _, d := range []string{fm.updated, fm.withdrawn} {
		if d != "" && (out == "" || later(d, out)) {
			out = d
		}
	}
	return out
}

// groupNames are the topics and regulators fm names, as tracker.Named
// has them.
func groupNames(fm front) []string {
	var out []string
	for _, n := range fm.topics {
		out = append(out, "topics/"+n)
	}
	for _, n := range fm.regulators {
		out = append(out, "regulators/"+n)
	}
	return out
}

// latest gives the latest date of the entries, or "" for none (see
// later).
func latest(changes []change) string {
	l := ""
	for _, c := range changes {
		if l == "" || later(c.Date, l) {
			l = c.Date
		}
	}
	return l
}

// later says whether the date a, as a change note writes it, is after
// b: as the times they name, read as content reads them (a day, an RFC
// 3339 time, with seconds or without, with an offset or without, which
// the two read alike), else, where one cannot be read, as written.
func later(a, b string) bool {
	ta, errA := content.ParseDate(a, time.UTC)
	tb, errB := content.ParseDate(b, time.UTC)
	if errA != nil || errB != nil {
		return a > b
	}
	return ta.After(tb)
}

// added gives the index in after of the entry a step added to the list
// before: of the entries not in before (counting repeats), the one with
// the latest date, the first of them on a tie. after must be longer.
func added(before, after []change) int {
	left := map[change]int{}
	for _, c := range before {
		left[c]++
	}
	best := -1
	for i, c := range after {
		if left[c] > 0 {
			left[c]--
			continue
		}
		if best < 0 || later(c.Date, after[best].Date) {
			best = i
		}
	}
	return best
}

// clone gives a copy of t that add can change without changing t; a nil
// t gives a new tracker.
func (t *tracker) clone() *tracker {
	if t == nil {
		return &tracker{}
	}
	c := *t
	c.Versions = slices.Clone(t.Versions)
	return &c
}
