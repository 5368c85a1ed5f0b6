package search

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
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
