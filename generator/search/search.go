// Package search indexes a built site for search with Pagefind: it takes
// the new output folder, the bundles of article pages the site's search
// page merges at query time, and the command that runs Pagefind, and
// gives each bundle's index in the folder pagefind/<bundle>/ of the
// output. A bundle whose pages have the bytes the last build indexed
// keeps its index; only the others are indexed again, side by side on
// every core but never more pages at once than the largest bundle has,
// so an edit costs one bundle and memory does not grow with the site.
package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"bulletin/generator/output"
	"bulletin/generator/render"
)

// Dir is the folder of the output that holds the index.
const Dir = "pagefind"

// configFiles are the names Pagefind reads its settings from, in the
// folder it runs in, which is the one bulletin runs in.
var configFiles = []string{"pagefind.json", "pagefind.yml", "pagefind.yaml", "pagefind.toml"}

// Config gives the settings Pagefind reads, as the bytes of its files in
// the folder bulletin runs in (with their names), which the index is
// made with as it is with its pages, and the PAGEFIND_ variables of the
// environment; "" when there are none.
func Config() string {
	var b strings.Builder
	for _, name := range configFiles {
		if data, err := os.ReadFile(name); err == nil {
			fmt.Fprintf(&b, "%s %d\n%s", name, len(data), data)
		}
	}
	// Pagefind takes its settings from PAGEFIND_ variables too.
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PAGEFIND_") {
			env = append(env, kv)
		}
	}
	slices.Sort(env)
	for _, kv := range env {
		fmt.Fprintf(&b, "%q\n", kv)
	}
	return b.String()
}

// Version gives what Pagefind, run by command, says its version is on
// its standard output: an index made by another version is made again,
// as its scripts and its files must match. What npx or Pagefind say
// besides, on their standard error, is no part of it.
func Version(ctx context.Context, command string) (string, error) {
	args, err := commandLine(command)
	if err != nil {
		return "", err
	}
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	return run(ctx, args, func() {
		stop(fmt.Errorf("search index: %s printed more than %d KB when asked its version, which no version is: give -pagefind the command that runs Pagefind", strings.Join(args, " "), maxOutput>>10))
	}, "--version")
}

// commandLine gives the words of the command that runs Pagefind: the
// path of a file as it is, spaces and all; else its words, parted at
// spaces outside quotes, as a shell parts them ("/my dir/pagefind"
// --verbose).
func commandLine(command string) ([]string, error) {
	if info, err := os.Stat(command); err == nil && info.Mode().IsRegular() {
		return []string{command}, nil
	}
	var args []string
	var word strings.Builder
	inWord, escaped := false, false
	quote := rune(0)
	for i, r := range command {
		switch {
		case escaped:
			word.WriteRune(r)
			escaped = false
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '\\' && quote == 0 && i+1 < len(command) && strings.ContainsRune(" \t\"'", rune(command[i+1])):
			// A backslash outside quotes keeps a space or a quote after
			// it as it is, as a shell's tab completion writes them;
			// before another character it is one, as in a Windows path
			// (C:\tools\pagefind.exe, \\server\share\pagefind.exe).
			escaped, inWord = true, true
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				args, inWord = append(args, word.String()), false
				word.Reset()
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("-pagefind %s: its quote %c is not closed: close it after the words it holds", command, quote)
	}
	if inWord {
		args = append(args, word.String())
	}
	if len(args) == 0 {
		return nil, fmt.Errorf("-pagefind: give the command that runs Pagefind")
	}
	return args, nil
}

// Index brings the output's search index up to date with bundles.
// Pagefind, given as a command line such as "npx --yes pagefind@1" or a
// path to its binary, runs on a copy of each changed bundle's pages in a
// folder beside the output folder out; salt names the generator, so that
// another version indexes afresh, version is what Version gave, and
// config is Pagefind's settings as Config read them, once a build. It
// gives how many bundles it indexed.
func Index(ctx context.Context, command, version, config string, bundles []render.Bundle, out *output.Dir, dir, salt string) (int, error) {
	args, err := commandLine(command)
	if err != nil {
		return 0, err
	}
	type todo struct {
		bundle render.Bundle
		key    string
	}
	var changed []todo
	for _, b := range bundles {
		key, err := bundleKey(b, out, salt+"\x00"+command+"\x00"+version+"\x00"+config)
		if err != nil {
			return 0, err
		}
		kept, err := out.Carry(b.Dir, key)
		if err != nil {
			return 0, fmt.Errorf("search index of %s: %w", b.Dir, err)
		}
		if !kept {
			changed = append(changed, todo{b, key})
		}
	}
	if len(changed) == 0 {
		return 0, ctx.Err()
	}
	// Pagefind's memory comes on top of the build's: what the build no
	// longer uses goes back to the system first.
	debug.FreeOSMemory()
	// Pagefind's memory grows with the pages it indexes, and one of them
	// uses little more than one core: bundles are indexed on every core,
	// as many at once as fit in the pages of the largest, so that small
	// bundles share the cores and the pages in memory at once stay the
	// largest bundle's (each Pagefind's own few tens of MB come on top).
	budget := 0
	for _, c := range changed {
		budget = max(budget, len(c.bundle.Pages), 1)
	}
	pages := semaphore.NewWeighted(int64(budget))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, c := range changed {
		weight := int64(max(len(c.bundle.Pages), 1))
		if err := pages.Acquire(gctx, weight); err != nil {
			break // a bundle failed, or the build was stopped
		}
		g.Go(func() error {
			defer pages.Release(weight)
			if err := indexBundle(gctx, args, c.bundle, c.key, out, dir); err != nil {
				return fmt.Errorf("search index of %s: %w", c.bundle.Dir, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	return len(changed), ctx.Err()
}

// bundleKey hashes the bytes of a bundle's pages, with the version of
// the tools that index them.
func bundleKey(b render.Bundle, out *output.Dir, salt string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%q %q\n", salt, b.Dir)
	for _, page := range b.Pages {
		sum, ok := out.Hash(page)
		if !ok {
			return "", fmt.Errorf("search index of %s: the output has no page %s", b.Dir, page)
		}
		fmt.Fprintf(h, "%s %s\n", sum, page)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// indexBundle links a bundle's pages into a scratch folder beside the
// output folder dir, runs Pagefind on them, and writes the index it
// makes into the output under the bundle's folder, with key.
func indexBundle(ctx context.Context, args []string, b render.Bundle, key string, out *output.Dir, dir string) error {
	scratch, err := output.ScratchDir(dir, "search")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	pages, index := filepath.Join(scratch, "site"), filepath.Join(scratch, "index")
	for _, page := range b.Pages {
		name := filepath.Join(pages, filepath.FromSlash(page))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := out.LinkTo(page, name); err != nil {
			return err
		}
	}
	if _, err := run(ctx, args, nil, "--site", pages, "--output-path", index, "--quiet"); err != nil {
		return err
	}
	return filepath.WalkDir(index, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(index, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !needed(rel) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return out.WriteKeyed(b.Dir+"/"+rel, key, data)
	})
}

// needed reports whether the search page uses a file Pagefind writes:
// its script, worker and WebAssembly, and the index itself; not its
// ready-made interfaces.
func needed(name string) bool {
	base := path.Base(name)
	switch {
	case strings.Contains(name, "/"):
		return true // index/, fragment/, filter/
	case base == "pagefind.js", base == "pagefind-worker.js", base == "pagefind-entry.json":
		return true
	}
	return strings.HasSuffix(base, ".pf_meta") || strings.HasPrefix(base, "wasm.") && strings.HasSuffix(base, ".pagefind")
}

// maxOutput is the most of what Pagefind prints that run keeps: the
// start of its standard output, and the end of all it prints, for the
// message when it fails. A command that prints without end would
// otherwise fill the memory.
const maxOutput = 64 << 10

// run runs Pagefind with args after the command's own, and gives what it
// printed on its standard output, its first maxOutput bytes; when it
// fails, the error holds the last maxOutput bytes it printed. overflow,
// if not nil, is called once the standard output holds more, as a
// version never does: it may end the command, through its context,
// whose cause the error then is.
func run(ctx context.Context, command []string, overflow func(), args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, command[0], append(command[1:len(command):len(command)], args...)...)
	// A command ended, or one that ended, may leave a process of its own
	// (Pagefind, which npx runs) holding its output open.
	cmd.WaitDelay = 5 * time.Second
	stdout := &head{max: maxOutput, overflow: overflow}
	all := &tail{max: maxOutput}
	cmd.Stdout, cmd.Stderr = io.MultiWriter(stdout, all), all
	if err := cmd.Run(); err != nil {
		if stdout.over && ctx.Err() != nil {
			return "", context.Cause(ctx)
		}
		msg := strings.TrimSpace(all.String())
		if msg != "" {
			msg = ":\n" + msg
		}
		return "", fmt.Errorf("search index: %s failed (%v)%s", strings.Join(command, " "), err, msg)
	}
	return strings.TrimSpace(string(stdout.buf)), nil
}

// head keeps the first max bytes written to it, and calls overflow, if
// not nil, once when more come.
type head struct {
	buf      []byte
	max      int
	overflow func()
	over     bool // more came
}

func (h *head) Write(p []byte) (int, error) {
	room := h.max - len(h.buf)
	if len(p) <= room {
		h.buf = append(h.buf, p...)
		return len(p), nil
	}
	h.buf = append(h.buf, p[:room]...)
	if !h.over && h.overflow != nil {
		h.overflow()
	}
	h.over = true
	return len(p), nil
}

// tail keeps the last max bytes written to it.
type tail struct {
	buf []byte
	max int
	cut bool // bytes before buf were dropped
}

func (t *tail) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > t.max {
		p, t.buf, t.cut = p[len(p)-t.max:], t.buf[:0], true
	}
	if over := len(t.buf) + len(p) - t.max; over > 0 {
		t.buf, t.cut = t.buf[:copy(t.buf, t.buf[over:])], true
	}
	t.buf = append(t.buf, p...)
	return n, nil
}

// String is what was kept, after "…" when the start was dropped, from
// the first whole character on.
func (t *tail) String() string {
	if !t.cut {
		return string(t.buf)
	}
	return "…" + strings.ToValidUTF8(string(t.buf), "")
}
