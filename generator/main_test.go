package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// buildScript returns the command that runs ../build.sh with args. The
// script builds the generator into a temporary folder rather than the
// user's cache, with Go's own build cache as it is, so it stays fast.
func buildScript(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Skipf("go env GOCACHE: %v", err)
	}
	cmd := exec.Command("/bin/sh", append([]string{"../build.sh"}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir(), "GOCACHE="+strings.TrimSpace(string(gocache)))
	return cmd
}

// TestBuildScriptExitCode checks that build.sh passes on the generator's
// own exit code and output, which go run would turn into 1 and an extra
// "exit status" line.
func TestBuildScriptExitCode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator in a child process")
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a line stderr has
	}{
		{name: "help", args: []string{"help"}, code: 0},
		{name: "unknown command", args: []string{"nosuch"}, code: 2, stderr: `unknown command "nosuch"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			cmd := buildScript(t, tt.args...)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code {
				t.Errorf("build.sh %q exited %d, want %d\n%s", tt.args, code, tt.code, stderr.Bytes())
			}
			if tt.stderr != "" && !strings.Contains(stderr.String(), tt.stderr+"\n") {
				t.Errorf("build.sh %q printed on stderr:\n%s\nwant a line %q", tt.args, stderr.Bytes(), tt.stderr)
			}
			if strings.Contains(stderr.String(), "exit status") {
				t.Errorf("build.sh %q printed on stderr:\n%s\nwant no \"exit status\" line", tt.args, stderr.Bytes())
			}
		})
	}
}
