package render

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needed stops a test that cannot run here: in CI (CI=true) a missing
// tool is a broken setup and fails the test; elsewhere the test is skipped.
func needed(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format+" (CI=true: .ci/run must install it)", args...)
	}
	t.Skipf(format, args...)
}

// lookJing finds Debian's jing RELAX NG validator.
func lookJing(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("jing")
	if err != nil {
		needed(t, "jing not found: install it (apt-get install jing) to validate Atom feeds")
	}
	return path
}

// atomSchema is RFC 4287's grammar (Appendix B), kept in testdata.
func atomSchema(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("testdata", "atom.rnc"))
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// validate checks files, by name, against the RELAX NG compact schema
// with jing, and returns jing's complaints with the names as given.
func validate(t *testing.T, jing, schema string, files map[string][]byte) []string {
	t.Helper()
	dir := t.TempDir()
	args := []string{"-c", schema}
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	out, err := exec.Command(jing, args...).CombinedOutput()
	var problems []string
	for _, line := range strings.Split(string(out), "\n") {
		// Debian's wrapper warns about optional jars it cannot find.
		if line == "" || strings.HasPrefix(line, "[warning]") {
			continue
		}
		problems = append(problems, strings.ReplaceAll(line, dir+string(filepath.Separator), ""))
	}
	var exit *exec.ExitError
	switch {
	case err != nil && !errors.As(err, &exit):
		t.Fatalf("running jing: %v", err)
	case err != nil && len(problems) == 0:
		problems = append(problems, "jing: "+err.Error())
	}
	return problems
}
