package history

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"bulletin/generator/inputs"
)

// repo is the git repository a content folder is in.
type repo struct {
	dir    string // the content folder, as given
	top    string // the work tree's top folder
	prefix string // the content folder's slash path from top, ending in "/" unless empty
	head   string // HEAD's commit
	grafts string // the SHA-256 of the repository's grafts file, which git still follows; "" for none
}

// find finds the repository that holds dir, or says in one line why
// there is no history to read; with a reason, the repository is not nil
// when dir is in one whose history cannot be read.
func find(dir string) (*repo, string) {
	shown := strings.TrimSuffix(filepath.ToSlash(dir), "/") + "/"
	out, err := git(dir, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--git-path", "info/grafts", "--verify", "-q", "HEAD")
	lines := strings.Split(string(out), "\n")
	var exit *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, "no version history: git is not installed"
	case errors.As(err, &exit) && bytes.Contains(exit.Stderr, []byte("not a git repository")):
		return nil, "no version history: " + shown + " is not in a git repository"
	case len(lines) >= 3 && lines[2] == "true":
		return &repo{dir: dir}, "no version history: " + shown + " is in a shallow clone: fetch the full history (fetch-depth: 0)"
	case len(lines) >= 3 && errors.As(err, &exit) && len(exit.Stderr) == 0:
		return nil, "no version history: the repository of " + shown + " has no commits yet"
	case err != nil:
		return &repo{dir: dir}, "no version history: " + oneLine(err)
	case len(lines) < 5:
		return &repo{dir: dir}, fmt.Sprintf("no version history: git rev-parse gave %q", out)
	}
	r := &repo{dir: dir, top: lines[0], prefix: lines[1], head: lines[4]}
	grafts := lines[3]
	if !filepath.IsAbs(grafts) {
		grafts = filepath.Join(dir, grafts)
	}
	if data, err := os.ReadFile(grafts); err == nil {
		r.grafts = fmt.Sprintf("%x", sha256.Sum256(data))
	}
	return r, ""
}

// key names the committed history of the content folder as this build
// of the generator reads it: a cache written by another build is not read.
func (r *repo) key() string {
	sum := sha256.Sum256([]byte(strings.Join([]string{magic, inputs.Program(), r.top, r.prefix, r.head, r.grafts}, "\x00")))
	return fmt.Sprintf("%x", sum)
}

// git runs a git command in dir and gives its output.
func git(dir string, args ...string) ([]byte, error) {
	return command(dir, args...).Output()
}

// command makes a git command that runs in dir, whatever the environment
// says about another repository (as it does inside a git hook), with
// messages in English to match. It reads the commits as they were made,
// not as replace refs (git replace) stand others for them, which would
// change the history read without changing HEAD, and so the key.
func command(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "LC_ALL", "LANGUAGE":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, "LC_ALL=C", "GIT_NO_REPLACE_OBJECTS=1")
	return cmd
}

// withStderr puts what git said into the error of a command it failed.
func withStderr(err error, stderr []byte) error {
	var exit *exec.ExitError
	if errors.As(err, &exit) && len(exit.Stderr) == 0 {
		exit.Stderr = stderr
	}
	return err
}

// oneLine gives the first line git wrote to stderr for a failed command,
// or the error itself.
func oneLine(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		msg := strings.TrimSpace(string(exit.Stderr))
		msg, _, _ = strings.Cut(msg, "\n")
		if msg != "" {
			return strings.TrimPrefix(msg, "fatal: ")
		}
	}
	return err.Error()
}
