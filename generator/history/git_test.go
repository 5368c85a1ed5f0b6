package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needGit skips a test when git is missing, except on CI, where every
// machine has it and its absence is a broken machine.
func needGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("git is needed: %v", err)
		}
		t.Skipf("git is needed: %v", err)
	}
}

// testRepo is a git repository made by a test, whose commits are made at
// fixed times, one day apart, so that their hashes never change.
type testRepo struct {
	t    testing.TB
	dir  string
	tick int
}

// newRepo makes an empty repository in a new folder.
func newRepo(t testing.TB) *testRepo {
	t.Helper()
	needGit(t)
	// A folder above the test's must not pass for its repository.
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	r.git("config", "user.name", "Test Editor")
	r.git("config", "user.email", "editor@example.org")
	r.git("config", "commit.gpgsign", "false")
	return r
}

// git runs git in the repository and gives its output, trimmed.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	date := fmt.Sprintf("@%d +0000", 1743033600+r.tick*86400) // 2025-03-27 and on
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// write writes a file at a slash path in the repository.
func (r *testRepo) write(p, data string) {
	r.t.Helper()
	name := filepath.Join(r.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits every change in the work tree, a day after the last
// commit, and gives the new commit's hash.
func (r *testRepo) commit(msg string) string {
	r.t.Helper()
	r.tick++
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
	return r.git("rev-parse", "HEAD")
}
