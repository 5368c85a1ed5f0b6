package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The browser, HTML and search tests use tools from outside Go: Debian's
// chromium and a Java runtime, and npm's axe-core, vnu-jar and pagefind,
// installed globally (npm install -g), as .ci/run does.

// needTool stops a test that cannot run here: in CI (CI=true) a missing
// tool is a broken setup and fails the test; elsewhere the test is skipped.
func needTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format+" (CI=true: .ci/run must install it)", args...)
	}
	t.Skipf(format, args...)
}

var npmRoot = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("npm", "root", "-g").Output()
	return strings.TrimSpace(string(out)), err
})

// npmFile finds a file of a globally installed npm package.
func npmFile(t *testing.T, pkg, file string) string {
	t.Helper()
	root, err := npmRoot()
	if err != nil {
		needTool(t, "npm not found (%v): install Node.js and npm, then npm install -g %s", err, pkg)
	}
	path := filepath.Join(root, pkg, file)
	if _, err := os.Stat(path); err != nil {
		needTool(t, "%s not found: npm install -g %s", path, pkg)
	}
	return path
}

// lookPagefind gives the command that runs Pagefind, for -pagefind.
func lookPagefind(t *testing.T) string {
	t.Helper()
	if path, err := exec.LookPath("pagefind"); err == nil {
		return path
	}
	bin := npmFile(t, "pagefind", "lib/runner/bin.cjs")
	node, err := exec.LookPath("node")
	if err != nil {
		needTool(t, "node not found: install Node.js to run Pagefind")
	}
	return node + " " + bin
}

// lookVnu gives the java command and the Nu HTML Checker's jar.
func lookVnu(t *testing.T) (java, jar string) {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		needTool(t, "java not found: apt-get install default-jre-headless to run the Nu HTML Checker")
	}
	return java, npmFile(t, "vnu-jar", "build/dist/vnu.jar")
}

// lookChromium finds Debian's Chromium, preferring the browser itself to
// the shell wrapper in /usr/bin.
func lookChromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("/usr/lib/chromium/chromium"); err == nil {
		return "/usr/lib/chromium/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	needTool(t, "chromium not found: apt-get install chromium")
	return ""
}
