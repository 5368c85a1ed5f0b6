package search

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCommandLine parts the command that runs Pagefind into its words
// as a shell does, and takes the path of a file as it is: a path with a
// space was run as two words, and failed.
func TestCommandLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "my dir", "pagefind")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		command string
		want    []string // nil for an error
	}{
		{"npx --yes pagefind@1", []string{"npx", "--yes", "pagefind@1"}},
		{"  pagefind\t--verbose ", []string{"pagefind", "--verbose"}},
		{file, []string{file}},
		{`"/opt/my dir/pagefind" --verbose`, []string{"/opt/my dir/pagefind", "--verbose"}},
		{`'/opt/my dir/pagefind'`, []string{"/opt/my dir/pagefind"}},
		{`/opt/a" "b`, []string{"/opt/a b"}},
		{`/opt/my\ dir/pagefind --verbose`, []string{"/opt/my dir/pagefind", "--verbose"}},
		{`C:\tools\pagefind.exe --verbose`, []string{`C:\tools\pagefind.exe`, "--verbose"}},
		{`\\server\share\pagefind.exe`, []string{`\\server\share\pagefind.exe`}},
		{`""`, []string{""}},
		{`"/opt/my dir/pagefind`, nil},
		{"", nil},
		{"   ", nil},
	} {
		got, err := commandLine(tt.command)
		switch {
		case tt.want == nil && err == nil:
			t.Errorf("%q: got %q, want an error", tt.command, got)
		case tt.want != nil && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("%q: got %q, %v; want %q", tt.command, got, err, tt.want)
		}
	}
}

// TestRunKeepsItsOutputBounded runs commands that print without end: one
// asked its version, which stops at once, named, and one that fails
// after printing much more than any message needs, whose end alone is
// kept. Each printed into memory until the machine had none left.
func TestRunKeepsItsOutputBounded(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the commands are shell scripts")
	}
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// The second prints through a process of its own, which outlives
	// the one ended and holds the output open.
	for _, endless := range []string{script("endless", "exec yes pagefind"), script("endless-child", "yes pagefind")} {
		_, err := Version(ctx, endless)
		want := "printed more than 64 KB when asked its version, which no version is: give -pagefind the command that runs Pagefind"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s asked its version: got %v, want %q", filepath.Base(endless), err, want)
		}
	}
	// 40 MB of lines, then the line that says why it failed, all on
	// standard error: what comes through two pipes comes in no order.
	talkative := script("talkative", "yes 'indexing a page' | head -c 40000000 >&2; echo 'Error: the last words' >&2; exit 1")
	_, err := run(ctx, []string{talkative}, nil, "--quiet")
	switch {
	case err == nil:
		t.Fatal("a command that failed did not")
	case len(err.Error()) > 2*maxOutput:
		t.Errorf("the error holds %d bytes of what the command printed, want at most %d", len(err.Error()), 2*maxOutput)
	case !strings.HasSuffix(err.Error(), "Error: the last words"):
		t.Errorf("the error does not end with the command's last words: …%s", err.Error()[max(0, len(err.Error())-200):])
	}
}
