package history

import (
	"fmt"
	"testing"

	"bulletin/generator/history/gittest"
)

// testRepo is a git repository made by a test, whose commits are made at
// fixed times, one day apart, so that their hashes never change.
type testRepo struct {
	*gittest.Repo
	dir  string
	tick int
}

// newRepo makes an empty repository in a new folder.
func newRepo(t testing.TB) *testRepo {
	t.Helper()
	r := gittest.New(t)
	return &testRepo{Repo: r, dir: r.Dir}
}

// date is the time of the next commit: 2025-03-27 and a day later for
// each commit since.
func (r *testRepo) date() string { return fmt.Sprintf("@%d +0000", 1743033600+r.tick*86400) }

// git runs git in the repository and gives its output, trimmed.
func (r *testRepo) git(args ...string) string { return r.Git(r.date(), args...) }

// write writes a file at a slash path in the repository.
func (r *testRepo) write(p, data string) { r.Write(p, data) }

// commit commits every change in the work tree, a day after the last
// commit, and gives the new commit's hash.
func (r *testRepo) commit(msg string) string {
	r.tick++
	return r.Commit(r.date(), msg)
}
