package history

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/generator/history/gittest"
	"bulletin/generator/inputs"
)

// The states of one article through its life, as an editor commits them.
const (
	published = `---
title: CQC pauses ICS assessments
date: 2025-03-27
summary: The work is paused.
status: paused
---
DHSC has withdrawn its request.
`
	updated = `---
title: CQC pauses ICS assessments
date: 2025-03-27
summary: The work is paused.
status: paused
changes:
  - date: 2025-03-28
    note: Added the CQC response.
---
DHSC has withdrawn its request. CQC has responsed.
`
	typoFixed = `---
title: CQC pauses ICS assessments
date: 2025-03-27
summary: The work is paused.
status: paused
changes:
  - date: 2025-03-28
    note: Added the CQC response.
---
DHSC has withdrawn its request. CQC has responded.
`
	updatedAgain = `---
title: CQC pauses ICS assessments for six months
date: 2025-03-27
summary: The work is paused for six months.
status: paused
changes:
  - date: 2025-03-28
    note: Added the CQC response.
  - date: 2025-04-02
    note: The pause lasts six months.
---
DHSC has withdrawn its request. CQC has responded.
`
	withdrawn = `---
title: CQC pauses ICS assessments for six months
date: 2025-03-27
summary: The work is paused for six months.
status: paused
withdrawn:
  date: 2025-04-10
  explanation: DHSC renewed its request.
changes:
  - date: 2025-03-28
    note: Added the CQC response.
  - date: 2025-04-02
    note: The pause lasts six months.
  - date: 2025-04-10
    note: Withdrawn, as DHSC renewed its request.
---
DHSC has withdrawn its request. CQC has responded.
`
	draft = `---
title: Single assessment framework
date: 2025-04-01
summary: A draft.
draft: true
---
Not yet.
`
	draftEdited = `---
title: Single assessment framework
date: 2025-04-01
summary: A draft, edited.
draft: true
---
Not yet, still.
`
	draftPublished = `---
title: Single assessment framework
date: 2025-04-05
summary: Now out.
---
Out.
`
	intro = `---
title: ICS assessments
---
About them.
`
)

const (
	oldPath = "articles/2025/2025-03-27-ics-paused.md"
	newPath = "articles/2025/2025-03-27-ics-assessments-paused.md"
	sfPath  = "articles/2025/2025-04-01-saf.md"
	newFile = "articles/2025/2025-04-20-never-committed.md"
)

// fixture makes a repository whose content folder is content/, with an
// article published, updated with a note, fixed without one, renamed,
// updated and withdrawn; a draft published later; an intro page and an
// image; and a file outside content/. It gives the repository and the
// hashes of its commits, in order.
func fixture(t *testing.T) (*testRepo, []string) {
	t.Helper()
	r := newRepo(t)
	var c []string
	r.write("README.md", "A site.\n")
	r.write("content/"+oldPath, published)
	r.write("content/topics/ics-assessments.md", intro)
	r.write("content/images/chart.png", "\x89PNG")
	c = append(c, r.commit("publish")) // 0
	r.write("content/"+oldPath, updated)
	r.write("content/"+sfPath, draft)
	c = append(c, r.commit("update with a note, and a draft")) // 1
	r.write("content/"+oldPath, typoFixed)
	r.write("README.md", "A site, described.\n")
	c = append(c, r.commit("typo")) // 2
	r.git("mv", "content/"+oldPath, "content/"+newPath)
	r.write("content/"+sfPath, draftEdited)
	c = append(c, r.commit("rename, and edit the draft")) // 3
	r.write("content/"+newPath, updatedAgain)
	c = append(c, r.commit("update again")) // 4
	r.write("content/"+sfPath, draftPublished)
	c = append(c, r.commit("publish the draft")) // 5
	r.write("content/"+newPath, withdrawn)
	c = append(c, r.commit("withdraw")) // 6
	return r, c
}

// day is the time of the commit made on the nth tick of a testRepo.
func day(n int) time.Time {
	return time.Unix(1743033600+int64(n)*86400, 0).UTC()
}

func TestRead(t *testing.T) {
	r, c := fixture(t)
	r.write("content/"+newFile, draftPublished)
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	if h.Reason != "" {
		t.Fatalf("got reason %q, want none", h.Reason)
	}
	want := map[string][]Version{
		newPath: {
			{Commit: c[0], Time: day(1), Date: "2025-03-27", Note: FirstPublished, Data: []byte(published)},
			// The typo fix and the rename belong to the version before them.
			{Commit: c[1], Time: day(2), Date: "2025-03-28", Note: "Added the CQC response.", Data: []byte(typoFixed)},
			{Commit: c[4], Time: day(5), Date: "2025-04-02", Note: "The pause lasts six months.", Data: []byte(updatedAgain)},
			{Commit: c[6], Time: day(7), Date: "2025-04-10", Note: "Withdrawn, as DHSC renewed its request.", Data: []byte(withdrawn)},
		},
		// Drafts are passed over: the article begins when it is published.
		sfPath: {
			{Commit: c[5], Time: day(6), Date: "2025-04-05", Note: FirstPublished, Data: []byte(draftPublished)},
		},
		// A file never committed is a first version with no commit.
		newFile: {
			{Date: "2025-04-05", Note: FirstPublished, Data: []byte(draftPublished)},
		},
	}
	checkHistory(t, h, want)
}

func TestReadWorkTree(t *testing.T) {
	r, c := fixture(t)
	dir := filepath.Join(r.dir, "content")
	last := Version{Commit: c[6], Time: day(7), Date: "2025-04-10", Note: "Withdrawn, as DHSC renewed its request.", Data: []byte(withdrawn)}
	tests := []struct {
		name string
		data string
		want []Version // the versions after the first three
	}{
		{"unchanged", withdrawn, []Version{last}},
		{
			"edit without a note belongs to the last version",
			strings.Replace(withdrawn, "renewed its request.\n", "renewed its request on 9 April.\n", 1),
			[]Version{{Commit: last.Commit, Time: last.Time, Date: last.Date, Note: last.Note,
				Data: []byte(strings.Replace(withdrawn, "renewed its request.\n", "renewed its request on 9 April.\n", 1))}},
		},
		{
			"a corrected note reads as corrected",
			strings.Replace(withdrawn, "Withdrawn, as DHSC", "Withdrawn as DHSC", 1),
			[]Version{{Commit: last.Commit, Time: last.Time, Date: last.Date, Note: "Withdrawn as DHSC renewed its request.",
				Data: []byte(strings.Replace(withdrawn, "Withdrawn, as DHSC", "Withdrawn as DHSC", 1))}},
		},
		{
			"a new note begins a version with no commit",
			strings.Replace(withdrawn, "---\nDHSC", "  - date: 2025-04-11\n    note: Linked the letter.\n---\nDHSC", 1),
			[]Version{last, {Date: "2025-04-11", Note: "Linked the letter.",
				Data: []byte(strings.Replace(withdrawn, "---\nDHSC", "  - date: 2025-04-11\n    note: Linked the letter.\n---\nDHSC", 1))}},
		},
		{"back to a draft is passed over", strings.Replace(withdrawn, "status: paused\n", "status: paused\ndraft: true\n", 1), []Version{last}},
		{"front matter that cannot be read is passed over", "---\ntitle: [\n---\n", []Version{last}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.write("content/"+newPath, tt.data)
			h, err := Read(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			got := h.Versions(newPath)
			if len(got) < 3 {
				t.Fatalf("got %d versions, want at least 3", len(got))
			}
			checkVersions(t, newPath, got[3:], tt.want)
		})
	}
}

func TestReadContentAtTop(t *testing.T) {
	r := newRepo(t)
	r.write("a.md", published)
	c := r.commit("publish")
	r.write("b.md", published)
	r.write(".hidden/c.md", published)
	r.write("d.md~", published)
	r.write("regulators/cqc.md", intro)
	h, err := Read(r.dir, "")
	if err != nil {
		t.Fatal(err)
	}
	checkHistory(t, h, map[string][]Version{
		"a.md": {{Commit: c, Time: day(1), Date: "2025-03-27", Note: FirstPublished, Data: []byte(published)}},
		"b.md": {{Date: "2025-03-27", Note: FirstPublished, Data: []byte(published)}},
	})
}

func TestReadMergedBranch(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", published)
	first := r.commit("publish")
	r.git("switch", "-q", "-c", "topic")
	r.write("content/a.md", updated)
	r.commit("update")
	r.write("content/a.md", typoFixed)
	r.commit("fix")
	r.git("switch", "-q", "main")
	r.write("README.md", "Meanwhile.\n")
	r.commit("meanwhile")
	r.tick++
	r.git("merge", "-q", "--no-ff", "-m", "merge", "topic")
	merge := r.git("rev-parse", "HEAD")
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	// Readers saw the branch's work when it was merged, as one step.
	checkHistory(t, h, map[string][]Version{"a.md": {
		{Commit: first, Time: day(1), Date: "2025-03-27", Note: FirstPublished, Data: []byte(published)},
		{Commit: merge, Time: day(5), Date: "2025-03-28", Note: "Added the CQC response.", Data: []byte(typoFixed)},
	}})
}

func TestReadTOML(t *testing.T) {
	r := newRepo(t)
	v1 := "+++\ntitle = \"A\"\ndate = 2025-03-27\nsummary = \"S\"\n+++\nBody.\n"
	v2 := "+++\ntitle = \"A\"\ndate = 2025-03-27\nsummary = \"S\"\n[[changes]]\ndate = 2025-03-28\nnote = \"Noted.\"\n+++\nBody, more.\n"
	r.write("a.md", v1)
	c1 := r.commit("publish")
	r.write("a.md", v2)
	c2 := r.commit("update")
	h, err := Read(r.dir, "")
	if err != nil {
		t.Fatal(err)
	}
	checkHistory(t, h, map[string][]Version{"a.md": {
		{Commit: c1, Time: day(1), Date: "2025-03-27", Note: FirstPublished, Data: []byte(v1)},
		{Commit: c2, Time: day(2), Date: "2025-03-28", Note: "Noted.", Data: []byte(v2)},
	}})
}

func TestReadNoHistory(t *testing.T) {
	gittest.Need(t)
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	r, _ := fixture(t)
	shallow := filepath.Join(t.TempDir(), "shallow")
	r.git("clone", "-q", "--depth", "1", "file://"+r.dir, shallow)
	empty := newRepo(t)
	empty.write("content/a.md", published)
	outside := t.TempDir()
	tests := []struct {
		name, dir, path string
		want            string
		hidden          bool // the history is there but cannot be read
	}{
		{"not in a repository", outside, "", "no version history: " + filepath.ToSlash(outside) + "/ is not in a git repository", false},
		{"shallow clone", filepath.Join(shallow, "content"), "", "no version history: " + filepath.ToSlash(filepath.Join(shallow, "content")) + "/ is in a shallow clone: fetch the full history (fetch-depth: 0)", true},
		{"no commits", filepath.Join(empty.dir, "content"), "", "no version history: the repository of " + filepath.ToSlash(filepath.Join(empty.dir, "content")) + "/ has no commits yet", false},
		{"no git", filepath.Join(r.dir, "content"), t.TempDir(), "no version history: git is not installed", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.path != "" {
				t.Setenv("PATH", tt.path)
			}
			h, err := Read(tt.dir, filepath.Join(t.TempDir(), "cache"))
			if err != nil {
				t.Fatal(err)
			}
			if h.Reason != tt.want || len(h.Articles) != 0 || h.Hidden != tt.hidden {
				t.Errorf("got reason %q, %d articles, hidden %v; want %q, none, %v", h.Reason, len(h.Articles), h.Hidden, tt.want, tt.hidden)
			}
		})
	}
}

func TestVersionsNil(t *testing.T) {
	var h *History
	if got := h.Versions("a.md"); got != nil {
		t.Errorf("got %v, want nil", got)
	}
}

func checkHistory(t *testing.T, h *History, want map[string][]Version) {
	t.Helper()
	for p, vs := range want {
		checkVersions(t, p, h.Versions(p), vs)
	}
	for p := range h.Articles {
		if _, ok := want[p]; !ok {
			t.Errorf("got versions of %s, want none", p)
		}
	}
}

func checkVersions(t *testing.T, p string, got, want []Version) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d versions, want %d:\n%s", p, len(got), len(want), describe(got))
		return
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Commit != w.Commit || !g.Time.Equal(w.Time) || g.Date != w.Date || g.Note != w.Note || string(g.Data) != string(w.Data) {
			t.Errorf("%s: version %d:\ngot  %s\nwant %s", p, i+1, describe([]Version{g}), describe([]Version{w}))
		}
	}
}

func describe(vs []Version) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(v.Commit + " " + v.Time.Format(time.RFC3339) + " " + v.Date + " " + v.Note + "\n" + string(v.Data) + "\n")
	}
	return b.String()
}

func TestReadSums(t *testing.T) {
	r, c := fixture(t)
	dir := filepath.Join(r.dir, "content")
	r.write("content/"+newPath, typoFixed) // an uncommitted edit
	sums := inputs.ContentSums(dir)
	if _, ok := sums[newPath]; !ok {
		t.Fatalf("no sum for %s in %v", newPath, sums)
	}
	h, err := Find(dir).Read("", sums)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Read(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	checkHistory(t, h, want.Articles)
	if got := h.Versions(newPath); len(got) != 4 || got[3].Commit != c[6] || string(got[3].Data) != typoFixed {
		t.Errorf("got %s, want the edit in the last version", describe(got))
	}
}

// TestPlaceReadsTheCommitItFound finds the history, then moves HEAD back
// two commits (git reset --soft, the work tree as it was): the place
// reads the history as at the commit it found, which its key names, not
// HEAD as it is by then, so that a build's record and its pages are of
// one commit whatever git does while it runs.
func TestPlaceReadsTheCommitItFound(t *testing.T) {
	r, c := fixture(t)
	dir := filepath.Join(r.dir, "content")
	place := Find(dir)
	key := place.Key()
	r.git("reset", "--soft", c[4])
	last.Lock()
	last.key = "" // read from git, not from what an earlier read kept
	last.Unlock()
	h, err := place.Read("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Versions(newPath); len(got) == 0 || got[len(got)-1].Commit != c[6] {
		t.Errorf("got %s, want the versions as at %s, where the history was found", describe(got), c[6])
	}
	if place.Key() != key || Find(dir).Key() == key {
		t.Errorf("the place's key changed, or HEAD's did not")
	}
}

func TestKey(t *testing.T) {
	r, _ := fixture(t)
	dir := filepath.Join(r.dir, "content")
	before := Find(dir).Key()
	r.write("content/"+newPath, published)
	if got := Find(dir).Key(); got != before {
		t.Errorf("an edit in the work tree changed the key")
	}
	r.commit("edit")
	if got := Find(dir).Key(); got == before {
		t.Errorf("a commit left the key as it was")
	}
	// A grafts file changes the history git gives without a commit.
	before = Find(dir).Key()
	grafts := filepath.Join(r.dir, ".git", "info", "grafts")
	if err := os.MkdirAll(filepath.Dir(grafts), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(grafts, []byte(r.git("rev-parse", "HEAD")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(dir).Key(); got == before {
		t.Errorf("a grafts file left the key as it was")
	}
	outside := t.TempDir()
	if got, want := Find(outside).Key(), "no version history: "+filepath.ToSlash(outside)+"/ is not in a git repository"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestReadIgnoresReplaceRefs replaces HEAD by a commit with no parent
// (git replace --graft), which changes what git log gives but not HEAD,
// and so not the key: the history read is the commits as made.
func TestReadIgnoresReplaceRefs(t *testing.T) {
	// Two repositories of the same commits, one with the replace ref:
	// each is read once, so that what one read keeps is not the other's.
	plain, _ := fixture(t)
	want, err := Read(filepath.Join(plain.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	replaced, _ := fixture(t)
	replaced.git("replace", "--graft", "HEAD")
	got, err := Read(filepath.Join(replaced.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	checkHistory(t, got, want.Articles)
}

func TestReadUserSettings(t *testing.T) {
	r, c := fixture(t)
	for _, kv := range [][2]string{
		{"diff.relative", "true"}, {"log.showSignature", "true"}, {"color.ui", "always"},
		{"log.showRoot", "false"}, {"diff.renames", "false"}, {"core.quotePath", "true"},
		{"log.diffMerges", "separate"}, {"core.abbrev", "7"},
	} {
		r.git("config", kv[0], kv[1])
	}
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Versions(newPath); len(got) != 4 || got[0].Commit != c[0] || got[1].Commit != c[1] {
		t.Errorf("got\n%s\nwant four versions, the first two from %s and %s", describe(got), c[0], c[1])
	}
}

func TestReadRenameWithEdit(t *testing.T) {
	r := newRepo(t)
	r.write("content/old.md", updated)
	first := r.commit("publish")
	r.Move("content/old.md", "content/new.md")
	r.write("content/new.md", typoFixed)
	r.commit("rename and fix a typo")
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	checkHistory(t, h, map[string][]Version{"new.md": {
		{Commit: first, Time: day(1), Date: "2025-03-27", Note: FirstPublished, Data: []byte(typoFixed)},
	}})
}

// TestReadRenameNotCommitted gives a file moved but not yet committed
// the history of the committed file it was, as once it is committed:
// check can then tell a rename before subscribers see it.
func TestReadRenameNotCommitted(t *testing.T) {
	r := newRepo(t)
	r.write("content/old.md", updated)
	first := r.commit("publish")
	r.Move("content/old.md", "content/new.md")
	r.write("content/copy.md", typoFixed) // new, with bytes no committed file had
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	got := h.Versions("new.md")
	if len(got) != 1 || got[0].Commit != first || len(got[0].Published) != 1 || got[0].Published[0].Path != "old.md" {
		t.Fatalf("the moved file's versions are %+v, want the one published as old.md in %s", got, first)
	}
	if got := h.Versions("copy.md"); len(got) != 1 || got[0].Commit != "" {
		t.Errorf("a new file's versions are %+v, want one with no commit", got)
	}
}

// TestReadRenameWithEditNotCommitted gives a file moved and edited, not
// yet committed, the history of the committed file it is like, as git
// gives it once the two are committed, where it had none, and a check
// could not tell that its feed id changed; a file like none stays new.
func TestReadRenameWithEditNotCommitted(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", updated)
	r.write("content/b.md", strings.Replace(published, "CQC pauses ICS assessments", "NHS England publishes its plan", 1))
	first := r.commit("publish")
	r.Move("content/a.md", "content/a-renamed.md")
	r.write("content/a-renamed.md", typoFixed)
	r.Move("content/b.md", "content/b-moved.md")
	r.write("content/c.md", "---\ntitle: Another\ndate: 2025-04-01\nsummary: S.\n---\nAnother text.\n")
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	// Each file, by the committed file whose history it takes; "" for
	// none.
	for path, from := range map[string]string{"a-renamed.md": "a.md", "b-moved.md": "b.md", "c.md": ""} {
		got := h.Versions(path)
		switch {
		case from == "" && (len(got) != 1 || got[0].Commit != ""):
			t.Errorf("%s: versions\n%s\nwant one, new", path, describe(got))
		case from != "" && (len(got) == 0 || got[0].Commit != first || got[0].Published[0].Path != from):
			t.Errorf("%s: versions\n%s\nwant those of %s from %s", path, describe(got), from, first)
		}
	}
	if gone := h.Gone(); len(gone) != 0 {
		t.Errorf("gone: %+v, want none: each file moved took its history", gone)
	}
}

// TestReadRenameMostAlike gives a committed file moved and edited to
// the file most like it, as git pairs them, where the first of two like
// it in path order took it.
func TestReadRenameMostAlike(t *testing.T) {
	r := newRepo(t)
	var body strings.Builder
	for i := range 20 {
		fmt.Fprintf(&body, "Paragraph %d of the article, long enough to count.\n\n", i)
	}
	orig := "---\ntitle: Original\ndate: 2025-01-02\nsummary: S.\n---\n" + body.String()
	r.write("content/orig.md", orig)
	first := r.commit("publish")
	if err := os.Remove(filepath.Join(r.dir, "content", "orig.md")); err != nil {
		t.Fatal(err)
	}
	r.write("content/b-renamed.md", strings.Replace(orig, "Paragraph 3 ", "Paragraph three ", 1))
	r.write("content/a-copy.md", "---\ntitle: Another\ndate: 2025-01-03\nsummary: S.\n---\n"+body.String()[:len(body.String())*11/20])
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Versions("b-renamed.md"); len(got) == 0 || got[0].Commit != first {
		t.Errorf("b-renamed.md: versions\n%s\nwant those of orig.md, which it is most like", describe(got))
	}
	if got := h.Versions("a-copy.md"); len(got) != 1 || got[0].Commit != "" {
		t.Errorf("a-copy.md: versions\n%s\nwant one, new", describe(got))
	}
}

// TestReadRemoved gives the articles gone from the content folder: one
// deleted by HEAD's commit, one deleted from the work tree alone; not one
// deleted by an earlier commit, nor one moved and not yet committed, nor
// one never published.
func TestReadRemoved(t *testing.T) {
	r := newRepo(t)
	for _, name := range []string{"kept", "earlier", "committed", "worktree", "moved"} {
		r.write("content/"+name+".md", published)
	}
	r.write("content/moved.md", typoFixed) // bytes no other file has, so that its move is found
	r.write("content/drafted.md", draft)
	first := r.commit("publish")
	r.git("rm", "-q", "content/earlier.md")
	r.commit("delete one")
	r.git("rm", "-q", "content/committed.md", "content/drafted.md")
	deleting := r.commit("delete two more")
	if err := os.Remove(filepath.Join(r.dir, "content", "worktree.md")); err != nil {
		t.Fatal(err)
	}
	r.Move("content/moved.md", "content/renamed.md")
	// Read from git, then into the cache file, then from it.
	cache := filepath.Join(t.TempDir(), "history")
	for _, file := range []string{"", cache, cache} {
		last.Lock()
		last.key = "" // not from memory
		last.Unlock()
		h, err := Read(filepath.Join(r.dir, "content"), file)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range h.Gone() {
			if len(g.Versions) != 1 || g.Versions[0].Commit != first {
				t.Errorf("%s: got versions %+v, want the one of %s", g.Path, g.Versions, first)
			}
			got = append(got, g.Path+" "+g.Commit)
		}
		if want := []string{"committed.md " + deleting, "worktree.md "}; !slices.Equal(got, want) {
			t.Errorf("cache %q: got removed %q, want %q", file, got, want)
		}
	}
	if (*History)(nil).Gone() != nil {
		t.Error("a nil History gives removed articles")
	}
}

// TestReadIDAuthority gives each article's first publication the
// authority of feed ids that site.yaml gave as of its commit: the one
// committed with it or before it, not the one in the work tree.
func TestReadIDAuthority(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", published)
	r.commit("publish a, with no settings")
	r.write("content/site.yaml", "title: Bulletin\nbase_url: https://old.example.org/news/\n")
	r.write("content/b.md", published)
	r.commit("publish b, and set base_url")
	r.write("content/site.yaml", "title: Bulletin\nbase_url: https://new.example.org/\nid_authority: ids.example.org\n")
	r.write("content/c.md", published)
	r.commit("publish c, and set id_authority")
	r.write("content/site.yaml", "title: Bulletin\nbase_url: https://new.example.org/\n")
	r.write("content/d.md", published)
	h, err := Read(filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.md": "", "b.md": "old.example.org", "c.md": "ids.example.org"}
	for p, authority := range want {
		vs := h.Versions(p)
		if len(vs) == 0 || len(vs[0].Published) == 0 {
			t.Fatalf("%s: no first publication in %+v", p, vs)
		}
		if got := vs[0].Published[0].IDAuthority; got != authority {
			t.Errorf("%s: first published with the id authority %q, want %q", p, got, authority)
		}
	}
	if vs := h.Versions("d.md"); len(vs) != 1 || len(vs[0].Published) != 0 {
		t.Errorf("d.md, not committed: got %+v, want one version not yet published", vs)
	}
}

// TestReadFresh marks the articles the last commit to change the content
// folder first published, and no others: not those of the first commit,
// which no subscriber saw before, nor one published earlier and edited
// since, nor one the last commit kept a draft.
func TestReadFresh(t *testing.T) {
	r := newRepo(t)
	article := func(title, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2025-03-01\nsummary: S.\n" + extra + "---\nBody.\n"
	}
	r.write("content/articles/first.md", article("First", ""))
	r.write("content/articles/was-draft.md", article("Was a draft", "draft: true\n"))
	r.commit("first")
	dir := filepath.Join(r.dir, "content")
	fresh := func() []string {
		t.Helper()
		h, err := Read(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		return slices.Sorted(maps.Keys(h.Fresh))
	}
	if got := fresh(); len(got) != 0 {
		t.Errorf("after the first commit: got fresh %v, want none", got)
	}
	r.write("content/articles/first.md", article("First, edited", ""))
	r.write("content/articles/was-draft.md", article("Was a draft", ""))
	r.write("content/articles/new.md", article("New", ""))
	r.write("content/articles/draft.md", article("A draft", "draft: true\n"))
	r.commit("publish")
	if got, want := fresh(), []string{"articles/new.md", "articles/was-draft.md"}; !slices.Equal(got, want) {
		t.Errorf("after the second commit: got fresh %v, want %v", got, want)
	}
	r.write("README.md", "Outside the content folder.\n")
	r.commit("readme")
	if got, want := fresh(), []string{"articles/new.md", "articles/was-draft.md"}; !slices.Equal(got, want) {
		t.Errorf("after a commit outside the content folder: got fresh %v, want %v", got, want)
	}
	r.write("content/articles/later.md", article("Later", ""))
	r.commit("later")
	if got, want := fresh(), []string{"articles/later.md"}; !slices.Equal(got, want) {
		t.Errorf("after a later commit: got fresh %v, want %v", got, want)
	}
}
