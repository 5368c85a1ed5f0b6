// Package gittest makes git repositories for tests: real commits at the
// times a test gives, so that the history and every hash are the same on
// every run. It takes a test and gives a repository in a new folder with
// commands to write files, run git and commit.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a git repository made by a test.
type Repo struct {
	t   testing.TB
	Dir string
}

// Need skips a test when git is missing, and fails it in CI (CI=true),
// where a missing git is a broken machine.
func Need(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("git is needed: %v (apt-get install git)", err)
		}
		t.Skipf("git is needed: %v (apt-get install git)", err)
	}
}

// New makes an empty repository on branch main in a new folder, once
// Need has found git.
func New(t testing.TB) *Repo {
	t.Helper()
	Need(t)
	// A repository above the temporary folder must not pass for this one.
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("", "init", "-q", "-b", "main")
	r.Git("", "config", "user.name", "Test Editor")
	r.Git("", "config", "user.email", "editor@example.org")
	r.Git("", "config", "commit.gpgsign", "false")
	return r
}

// Git runs git in the repository, any commit it makes dated date (as
// GIT_AUTHOR_DATE takes it; "" for now), and gives its output, trimmed.
func (r *Repo) Git(date string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = os.Environ()
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes a file at a slash path in the repository.
func (r *Repo) Write(p, data string) {
	r.t.Helper()
	name := filepath.Join(r.Dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// Move moves the file at slash path from to slash path to, without
// telling git.
func (r *Repo) Move(from, to string) {
	r.t.Helper()
	if err := os.Rename(filepath.Join(r.Dir, filepath.FromSlash(from)), filepath.Join(r.Dir, filepath.FromSlash(to))); err != nil {
		r.t.Fatal(err)
	}
}

// Commit commits every change in the work tree, or none, dated date, and
// gives the new commit's hash.
func (r *Repo) Commit(date, msg string) string {
	r.t.Helper()
	r.Git(date, "add", "-A")
	r.Git(date, "commit", "-q", "--allow-empty", "-m", msg)
	return r.Git("", "rev-parse", "HEAD")
}
