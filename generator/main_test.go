package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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
		stdout string // a line stdout has
		stderr string // a line stderr has
	}{
		{name: "help", args: []string{"help"}, code: 0, stdout: "commands:"},
		{name: "-h", args: []string{"-h"}, code: 0, stdout: "commands:"},
		{name: "serve -h", args: []string{"serve", "-h"}, code: 0, stdout: "usage: bulletin serve [-addr HOST:PORT] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-drafts]"},
		{name: "unknown command", args: []string{"nosuch"}, code: 2, stderr: `unknown command "nosuch"`},
		{name: "unknown flag", args: []string{"build", "-bogus"}, code: 2, stderr: "build: flag provided but not defined: -bogus"},
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
			if tt.stdout != "" && !strings.Contains(stdout.String(), tt.stdout+"\n") {
				t.Errorf("build.sh %q printed on stdout:\n%s\nwant a line %q", tt.args, stdout.Bytes(), tt.stdout)
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

// TestBuildScriptPathsFromCaller runs build.sh from another folder, as
// a publisher whose content is kept apart from the generator does: the
// paths given are relative to that folder, not to the script's.
func TestBuildScriptPathsFromCaller(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator in a child process")
	}
	script, err := filepath.Abs("../build.sh")
	if err != nil {
		t.Fatal(err)
	}
	templates, err := filepath.Abs("../templates")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "articles"), os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	cmd := buildScript(t, "build", "-content", "articles", "-templates", templates, "-out", "site", "-pagefind", "")
	cmd.Path, cmd.Args[1], cmd.Dir = "/bin/sh", script, dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build.sh from %s: %v\n%s", dir, err, msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "site", "index.html")); err != nil {
		t.Errorf("no home page in the output folder named relative to the caller: %v", err)
	}
}

// TestRun checks each command's exit code and what it prints for help
// and for mistakes on the command line: a mistake is said once, on
// stderr, with the command's usage, and help goes to stdout.
func TestRun(t *testing.T) {
	const (
		commands    = "commands:"
		buildUsage  = "usage: bulletin [build] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-strict]"
		serveUsage  = "usage: bulletin serve [-addr HOST:PORT] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-drafts]"
		newUsage    = `usage: bulletin new "Title" [-topic T] [-regulator R] [-content DIR]`
		checkUsage  = "usage: bulletin check [-content DIR] [-templates DIR] [-format text|github|gitlab]"
		deployUsage = "usage: bulletin deploy [-content DIR] [-out DIR] [-target URL] [-prefix P] [-dry-run] [-force] [-max-deletes N] [-compress gzip|br|none]"
		pingUsage   = "usage: bulletin ping [-out DIR] [-content DIR] [-base-url URL] [-dry-run]"
	)
	tests := []struct {
		args   []string
		code   int
		stdout []string // lines stdout has, each once; nothing else if none
		stderr []string // likewise for stderr
	}{
		{args: []string{"help"}, code: 0, stdout: []string{commands}},
		{args: []string{"-h"}, code: 0, stdout: []string{commands}},
		{args: []string{"-help"}, code: 0, stdout: []string{commands}},
		{args: []string{"--help"}, code: 0, stdout: []string{commands}},
		{args: []string{"help", "-h"}, code: 0, stdout: []string{commands}},
		{args: []string{"nosuch"}, code: 2, stderr: []string{`unknown command "nosuch"`, commands}},
		{args: []string{"help", "nosuch"}, code: 2, stderr: []string{`unknown command "nosuch"`, commands}},
		{args: []string{"help", "build", "serve"}, code: 2, stderr: []string{`help: unexpected arguments after "build"`, commands}},
		{args: []string{"bulid"}, code: 2, stderr: []string{`unknown command "bulid": did you mean build?`, commands}},
		{args: []string{"help", "chek"}, code: 2, stderr: []string{`unknown command "chek": did you mean check?`, commands}},

		{args: []string{"help", "build"}, code: 0, stdout: []string{buildUsage, `    	output folder (default "public")`, "    	fail, leaving the output as it was, on every problem check fails on, such as a link to a page the site does not have, and not on warnings alone"}},
		{args: []string{"build", "-h"}, code: 0, stdout: []string{buildUsage}},
		{args: []string{"-out", "x", "-help"}, code: 0, stdout: []string{buildUsage}},
		{args: []string{"build", "-bogus"}, code: 2, stderr: []string{"build: flag provided but not defined: -bogus", buildUsage}},
		{args: []string{"-bogus"}, code: 2, stderr: []string{"build: flag provided but not defined: -bogus", buildUsage}},
		{args: []string{"build", "-contnet", "x"}, code: 2, stderr: []string{"build: flag provided but not defined: -contnet: did you mean -content?", buildUsage}},
		{args: []string{"-strcit"}, code: 2, stderr: []string{"build: flag provided but not defined: -strcit: did you mean -strict?", buildUsage}},
		{args: []string{"build", "-drafts=true"}, code: 2, stderr: []string{"build: flag provided but not defined: -drafts: -drafts is a flag of serve (bulletin serve -drafts …)", buildUsage}},
		{args: []string{"build", "-out"}, code: 2, stderr: []string{"build: flag needs an argument: -out", buildUsage}},
		{args: []string{"build", "-force=maybe"}, code: 2, stderr: []string{`build: invalid boolean value "maybe" for -force: parse error`, buildUsage}},
		{args: []string{"build", "extra"}, code: 2, stderr: []string{"build: unexpected arguments: extra", buildUsage}},
		{args: []string{"build", "-base-url", "example.org"}, code: 2, stderr: []string{`build: -base-url "example.org" is not an absolute http(s) URL: write it like https://bulletin.example.org/`, buildUsage}},
		{args: []string{"build", "-base-url", "https://user:s3cret@example.org/"}, code: 2, stderr: []string{`build: -base-url "https://user:s3cret@example.org/" has a user name, password, query or fragment, which every page, feed and sitemap would publish: write https://example.org/`, buildUsage}},
		{args: []string{"build", "-base-url", "https://example.org/?q=1"}, code: 2, stderr: []string{`build: -base-url "https://example.org/?q=1" has a user name, password, query or fragment, which every page, feed and sitemap would publish: write https://example.org/`, buildUsage}},
		{args: []string{"build", "-base-url", "https://example.org:99999/"}, code: 2, stderr: []string{`build: -base-url "https://example.org:99999/" is not an absolute http(s) URL: write it like https://bulletin.example.org/`, buildUsage}},
		{args: []string{"build", "-out", ""}, code: 2, stderr: []string{`build: -out is empty: give the folder to build into`, buildUsage}},
		{args: []string{"build", "-out", "main_test.go"}, code: 2, stderr: []string{`build: -out main_test.go is a file, not a folder: give a folder to build into`, buildUsage}},
		{args: []string{"build", "-out", "main_test.go/"}, code: 2, stderr: []string{`build: -out main_test.go is a file, not a folder: give a folder to build into`, buildUsage}},
		{args: []string{"build", "-out", "main_test.go/public"}, code: 2, stderr: []string{`build: -out main_test.go/public is inside main_test.go, a file, not a folder: give a folder to build into`, buildUsage}},
		{args: []string{"build", "-content", "testdata/no-such-content"}, code: 2, stderr: []string{"build: -content testdata/no-such-content: no such folder: run bulletin from the project's folder, or give -content the folder of articles and site.yaml", buildUsage}},
		{args: []string{"build", "-templates", "main_test.go"}, code: 2, stderr: []string{"build: -templates main_test.go: not a folder: run bulletin from the project's folder, or give -templates the folder of the theme's templates", buildUsage}},
		{args: []string{"build", "-content", "testdata/check/content", "-templates", "testdata/check/content/images"}, code: 2, stderr: []string{"build: -templates testdata/check/content/images is within -content testdata/check/content, so a build would publish the theme's files as the content's, its templates for anyone to read: keep the theme in a folder outside the content folder", buildUsage}},
		{args: []string{"build", "-content", "testdata/check/content", "-templates", "testdata/check/content/"}, code: 2, stderr: []string{"build: -templates testdata/check/content/ is within -content testdata/check/content, so a build would publish the theme's files as the content's, its templates for anyone to read: keep the theme in a folder outside the content folder", buildUsage}},
		{args: []string{"build", "-base-url", "http:///x/"}, code: 2, stderr: []string{`build: -base-url "http:///x/" is not an absolute http(s) URL: write it like https://bulletin.example.org/`, buildUsage}},

		{args: []string{"help", "serve"}, code: 0, stdout: []string{serveUsage, "    	output folder (default: a temporary folder, removed on exit)"}},
		{args: []string{"serve", "-h"}, code: 0, stdout: []string{serveUsage}},
		{args: []string{"serve", "-bogus"}, code: 2, stderr: []string{"serve: flag provided but not defined: -bogus", serveUsage}},
		{args: []string{"serve", "--adr", ":9"}, code: 2, stderr: []string{"serve: flag provided but not defined: -adr: did you mean -addr?", serveUsage}},
		{args: []string{"serve", "-addr", ""}, code: 2, stderr: []string{"serve: -addr is empty: write HOST:PORT, as 127.0.0.1:8080 (or :8080 to be reached from other machines too)", serveUsage}},
		{args: []string{"serve", "-addr", "localhost"}, code: 2, stderr: []string{`serve: -addr "localhost" is not HOST:PORT: write HOST:PORT, as 127.0.0.1:8080 (or :8080 to be reached from other machines too)`, serveUsage}},
		{args: []string{"serve", "-addr", "127.0.0.1:"}, code: 2, stderr: []string{`serve: -addr "127.0.0.1:" has no port: write HOST:PORT, as 127.0.0.1:8080 (or :8080 to be reached from other machines too)`, serveUsage}},
		{args: []string{"serve", "-addr", "127.0.0.1:99999"}, code: 2, stderr: []string{`serve: -addr "127.0.0.1:99999": "99999" is not a port: give a number from 0 to 65535, as 127.0.0.1:8080`, serveUsage}},
		{args: []string{"serve", "extra"}, code: 2, stderr: []string{"serve: unexpected arguments: extra", serveUsage}},
		{args: []string{"serve", "-content", "testdata/no-such-content"}, code: 2, stderr: []string{"serve: -content testdata/no-such-content: no such folder: run bulletin from the project's folder, or give -content the folder of articles and site.yaml", serveUsage}},
		{args: []string{"serve", "-content", "testdata/check/content", "-templates", "testdata/check/content/images"}, code: 2, stderr: []string{"serve: -templates testdata/check/content/images is within -content testdata/check/content, so a build would publish the theme's files as the content's, its templates for anyone to read: keep the theme in a folder outside the content folder", serveUsage}},
		{args: []string{"serve", "-base-url", "example.org"}, code: 2, stderr: []string{`serve: -base-url "example.org" is not an absolute http(s) URL: write it like https://bulletin.example.org/`, serveUsage}},

		{args: []string{"help", "new"}, code: 0, stdout: []string{newUsage}},
		{args: []string{"new", "-h"}, code: 0, stdout: []string{newUsage}},
		{args: []string{"new", "Title", "-h"}, code: 0, stdout: []string{newUsage}},
		{args: []string{"new", "-bogus", "Title"}, code: 2, stderr: []string{`new: flag provided but not defined: -bogus; if it is the title, write -- before the title: bulletin new -- "-bogus"`, newUsage}},
		{args: []string{"new"}, code: 2, stderr: []string{"new: give one title, in quotes", newUsage}},
		{args: []string{"new", "One", "Two"}, code: 2, stderr: []string{"new: give one title, in quotes", newUsage}},
		{args: []string{"new", "   "}, code: 2, stderr: []string{"new: the title is empty: give the article's title, in quotes", newUsage}},

		{args: []string{"help", "check"}, code: 0, stdout: []string{checkUsage}},
		{args: []string{"check", "-help"}, code: 0, stdout: []string{checkUsage}},
		{args: []string{"check", "-bogus"}, code: 2, stderr: []string{"check: flag provided but not defined: -bogus", checkUsage}},
		{args: []string{"check", "-strict"}, code: 2, stderr: []string{"check: flag provided but not defined: -strict: -strict is a flag of build (bulletin build -strict …)", checkUsage}},
		{args: []string{"check", "extra"}, code: 2, stderr: []string{"check: unexpected arguments: extra", checkUsage}},
		{args: []string{"check", "-content", "../content", "-templates", "testdata/no-such-theme"}, code: 2, stderr: []string{"check: -templates testdata/no-such-theme: no such folder: run bulletin from the project's folder, or give -templates the folder of the theme's templates", checkUsage}},
		{args: []string{"check", "-content", "testdata/check/content", "-templates", "testdata/check/content/images"}, code: 2, stderr: []string{"check: -templates testdata/check/content/images is within -content testdata/check/content, so a build would publish the theme's files as the content's, its templates for anyone to read: keep the theme in a folder outside the content folder", checkUsage}},
		{args: []string{"check", "-format", "json"}, code: 2, stderr: []string{`check: -format "json": use text, github or gitlab`, checkUsage}},

		{args: []string{"help", "deploy"}, code: 0, stdout: []string{deployUsage, "    	delete however many objects the site no longer has, and deploy into a file:// folder no deploy wrote to, replacing and deleting its files"}},
		{args: []string{"deploy", "-content", "testdata/no-such-content"}, code: 2, stderr: []string{"deploy: -content testdata/no-such-content: no such folder: run bulletin from the project's folder, or give -content the folder of articles and site.yaml", deployUsage}},
		{args: []string{"ping", "-content", "testdata/no-such-content"}, code: 2, stderr: []string{"ping: -content testdata/no-such-content: no such folder: run bulletin from the project's folder, or give -content the folder of articles and site.yaml", pingUsage}},

		{args: []string{"import", "-from", "testdata/no-such-site", "-content", "testdata/no-such-content"}, code: 1, stderr: []string{"import: can't read testdata/no-such-site: no such file or directory"}},
		{args: []string{"import", "-from", "importer/testdata/hugo", "-content", "main_test.go"}, code: 1, stderr: []string{"import: main_test.go is a file, or in one, not a folder: give the content folder to write the articles into"}},
		{args: []string{"import", "-from", "importer/testdata/hugo", "-content", "main_test.go/"}, code: 1, stderr: []string{"import: main_test.go/ is a file, or in one, not a folder: give the content folder to write the articles into"}},
		{args: []string{"import", "-from", "importer/testdata/hugo", "-content", "main_test.go/content"}, code: 1, stderr: []string{"import: main_test.go/content is a file, or in one, not a folder: give the content folder to write the articles into"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("run(%q) exited %d, want %d\nstderr:\n%s", tt.args, code, tt.code, stderr.Bytes())
			}
			for _, out := range []struct {
				name  string
				got   string
				lines []string
			}{{"stdout", stdout.String(), tt.stdout}, {"stderr", stderr.String(), tt.stderr}} {
				if len(out.lines) == 0 && out.got != "" {
					t.Errorf("run(%q) printed on %s:\n%s\nwant nothing", tt.args, out.name, out.got)
				}
				for _, line := range out.lines {
					if n := strings.Count("\n"+out.got, "\n"+line+"\n"); n != 1 {
						t.Errorf("run(%q) printed on %s:\n%s\nwant the line %q once, got it %d times", tt.args, out.name, out.got, line, n)
					}
				}
			}
		})
	}
}

// TestReadmeFlags checks that the README's table of commands names every
// flag of each command, and no other.
func TestReadmeFlags(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{} // command: its row of the table
	for _, line := range strings.Split(string(readme), "\n") {
		if cmd, ok := strings.CutPrefix(line, "| `"); ok {
			cmd, _, _ = strings.Cut(cmd, "`")
			cmd, _, _ = strings.Cut(cmd, " ")
			rows[cmd] = line
		}
	}
	for _, cmd := range []string{"build", "serve", "new", "check"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{cmd, "-h"}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s -h exited %d\n%s", cmd, code, stderr.Bytes())
		}
		var want []string
		for _, m := range regexp.MustCompile(`(?m)^  (-[a-z-]+)`).FindAllStringSubmatch(stdout.String(), -1) {
			want = append(want, m[1])
		}
		row, ok := rows[cmd]
		if !ok {
			t.Errorf("README.md: no row for %s in the table of commands", cmd)
			continue
		}
		var got []string
		for _, m := range regexp.MustCompile("`(-[a-z-]+)").FindAllStringSubmatch(row, -1) {
			got = append(got, m[1])
		}
		slices.Sort(got)
		if got = slices.Compact(got); !slices.Equal(got, want) {
			t.Errorf("README.md: the row for %s names the flags %q, want %q", cmd, got, want)
		}
	}
}

// TestBuildStoppedSaysSo wants a build stopped by bad content to print
// its problems, then how many there were and that the output folder was
// left as it was (or, never made, was not written), and to exit 1.
func TestBuildStoppedSaysSo(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	bad := "---\ntitle: Bad\ndate: 2025-13-01\nsummary: S\nstatus: on hold\n---\nBody.\n"
	if err := os.MkdirAll(filepath.Join(content, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "articles", "2025-01-01-bad.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-content", content, "-templates", "../templates", "-out", out}, &stdout, &stderr); code != 1 {
		t.Errorf("exited %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if want := "build stopped by 2 problems: nothing was written to " + out + "/"; len(lines) != 3 || lines[2] != want {
		t.Errorf("printed:\n%s\nwant two problems, then %q", stderr.String(), want)
	}
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	run([]string{"build", "-content", content, "-templates", "../templates", "-out", out}, &stdout, &stderr)
	lines = strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if want := "build stopped by 2 problems: " + out + "/ is as it was"; len(lines) != 3 || lines[2] != want {
		t.Errorf("printed:\n%s\nwant two problems, then %q", stderr.String(), want)
	}
	// Once a build has written the folder, it is the last build's.
	good := filepath.Join(dir, "good")
	if err := os.MkdirAll(filepath.Join(good, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"build", "-content", good, "-templates", "../templates", "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("a build of no articles exited %d: %s", code, stderr.String())
	}
	stderr.Reset()
	run([]string{"build", "-content", content, "-templates", "../templates", "-out", out}, &stdout, &stderr)
	lines = strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if want := "build stopped by 2 problems: " + out + "/ is as the last build left it"; len(lines) != 3 || lines[2] != want {
		t.Errorf("printed:\n%s\nwant two problems, then %q", stderr.String(), want)
	}
}

// TestBuildStoppedCountsWhatStopped wants the closing line of a build
// stopped by one broken article to count that one, not a link to a
// missing page beside it, which it prints too but which stops only
// build -strict.
func TestBuildStoppedCountsWhatStopped(t *testing.T) {
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	files := map[string]string{
		"2025-01-01-bad.md":  "---\ntitle: Bad\ndate: 2025-13-01\nsummary: S\n---\nBody.\n",
		"2025-01-02-link.md": "---\ntitle: Link\ndate: 2025-01-02\nsummary: S\n---\nSee [the plan](/2025/01/no-such-page/).\n",
	}
	if err := os.MkdirAll(filepath.Join(content, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(content, "articles", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		flags []string
		want  string
	}{
		{nil, "build stopped by 1 problem (and 1 more that only build -strict and check fail on): nothing was written to " + out + "/"},
		{[]string{"-strict"}, "build stopped by 2 problems: nothing was written to " + out + "/"},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"build", "-content", content, "-templates", "../templates", "-out", out}, tt.flags...)
		if code := run(args, &stdout, &stderr); code != 1 {
			t.Errorf("%v: exited %d, want 1", tt.flags, code)
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if len(lines) != 3 || lines[2] != tt.want || !strings.Contains(lines[1], "no-such-page") {
			t.Errorf("%v printed:\n%s\nwant the two problems, then %q", tt.flags, stderr.String(), tt.want)
		}
	}
}

// TestCommand picks the command as run and main do: the first argument
// unless it is a flag, build when there is none.
func TestCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		cmd  string
		rest []string
	}{
		{nil, "build", nil},
		{[]string{"-out", "x"}, "build", []string{"-out", "x"}},
		{[]string{"serve", "-addr", ":1"}, "serve", []string{"-addr", ":1"}},
		{[]string{"help", "build"}, "help", []string{"build"}},
		{[]string{"-h"}, "-h", []string{}},
	} {
		cmd, rest := command(tt.args)
		if cmd != tt.cmd || !slices.Equal(rest, tt.rest) {
			t.Errorf("command(%q) = %q, %q; want %q, %q", tt.args, cmd, rest, tt.cmd, tt.rest)
		}
	}
}

// TestHiddenWithin tells a theme kept in a hidden folder of the content,
// which a build reads nothing of, from one a build would publish.
func TestHiddenWithin(t *testing.T) {
	for _, tt := range []struct {
		templates string
		hidden    bool
	}{
		{"content/.theme", true},
		{"content/.tools/theme", true},
		{"content/theme", false},
		{"content/files/.x/../theme", false},
		{"content", false},
	} {
		if got := hiddenWithin("content", tt.templates); got != tt.hidden {
			t.Errorf("%s: hidden %v, want %v", tt.templates, got, tt.hidden)
		}
	}
}
