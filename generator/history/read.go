package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"bulletin/generator/content"
)

// read reads the committed history of every Markdown file in the content
// folder, by its path in the folder at the commit find found HEAD at,
// not HEAD as it may be by now, which the key names. git log lists the commits
// while git cat-file reads the files they changed, and the front matter
// of each is read as it comes.
func (r *repo) read() (committedHistory, error) {
	// Settings of the user's that would change what log writes are set
	// back to git's defaults (with -c, which an older git ignores). -l
	// lets git find renames among up to 5,000 files moved at once, where
	// its default stops at 1,000.
	log := command(r.dir, "-c", "diff.relative=false", "-c", "log.diffMerges=first-parent", "log", "-z", "--first-parent", "-m", "--root", "--raw", "--no-abbrev",
		"-M", "-l5000", "--no-show-signature", "--no-color", "--format=%H %ct", r.head, "--", ".")
	var logErr, catErr bytes.Buffer
	log.Stderr = &logErr
	logOut, err := log.StdoutPipe()
	if err != nil {
		return committedHistory{}, fmt.Errorf("history: git log: %w", err)
	}
	cat := command(r.top, "cat-file", "--batch")
	cat.Stderr = &catErr
	catIn, err := cat.StdinPipe()
	if err != nil {
		return committedHistory{}, fmt.Errorf("history: git cat-file: %w", err)
	}
	catOut, err := cat.StdoutPipe()
	if err != nil {
		return committedHistory{}, fmt.Errorf("history: git cat-file: %w", err)
	}
	if err := log.Start(); err != nil {
		return committedHistory{}, fmt.Errorf("history: git log: %w", err)
	}
	if err := cat.Start(); err != nil {
		log.Process.Kill()
		log.Wait()
		return committedHistory{}, fmt.Errorf("history: git cat-file: %w", err)
	}

	var commits []commit
	var parseErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		asked := map[string]bool{}
		in := bufio.NewWriter(catIn)
		commits, parseErr = parseLog(bufio.NewReaderSize(logOut, 1<<16), r.prefix+content.SettingsFile, func(blob string) {
			if !asked[blob] {
				asked[blob] = true
				in.WriteString(blob + "\n")
			}
		})
		in.Flush()
		catIn.Close()
		io.Copy(io.Discard, logOut)
	})
	steps, readErr := readBlobs(bufio.NewReaderSize(catOut, 1<<16))
	if readErr != nil {
		cat.Process.Kill()
		io.Copy(io.Discard, catOut)
	}
	wg.Wait()
	switch err := log.Wait(); {
	case err != nil:
		return committedHistory{}, fmt.Errorf("history: git log: %s", oneLine(withStderr(err, logErr.Bytes())))
	case parseErr != nil:
		cat.Wait()
		return committedHistory{}, fmt.Errorf("history: git log: %w", parseErr)
	}
	if err := cat.Wait(); err != nil {
		return committedHistory{}, fmt.Errorf("history: git cat-file: %s", oneLine(withStderr(err, catErr.Bytes())))
	}
	if readErr != nil {
		return committedHistory{}, fmt.Errorf("history: git cat-file: %w", readErr)
	}
	return r.follow(commits, steps)
}

// follow follows each file through the commits, newest first, and gives
// the tracker of each file in the content folder at HEAD, and of each
// file the last commit to change the folder deleted (see
// tracker.Deleted), with the time zones the settings file gave (see
// History.Zone). steps holds the files' bytes by blob.
func (r *repo) follow(commits []commit, steps map[string]step) (committedHistory, error) {
	live := map[string]*tracker{} // by path in the repository
	gone := map[string]*tracker{} // files deleted, by their last path, in case they come back
	settings := r.prefix + content.SettingsFile
	authority := "" // the id authority the settings file gives, as of the commit
	zone, before := content.ZoneOf(nil), ""
	kept := false // whether the commit holds the settings file
	for i := len(commits) - 1; i >= 0; i-- {
		c := commits[i]
		if i == 0 {
			before = zone
		}
		// The settings a commit leaves hold for the articles it changes.
		for _, ch := range c.changes {
			if ch.path == settings {
				authority = content.IDAuthority(steps[ch.blob].data)
				zone = content.ZoneOf(steps[ch.blob].data)
				kept = ch.blob != ""
			}
		}
		for _, ch := range c.changes {
			if ch.path == settings {
				continue
			}
			t := live[ch.from]
			delete(live, ch.from)
			if ch.blob == "" {
				if t != nil {
					gone[ch.from] = t
					if i == 0 {
						t.Deleted = c.hash
					}
				}
				continue
			}
			if t == nil {
				t = gone[ch.path]
				delete(gone, ch.path)
			}
			if t == nil {
				t = &tracker{}
			}
			s, ok := steps[ch.blob]
			if !ok {
				return committedHistory{}, fmt.Errorf("history: git cat-file did not give blob %s of %s", ch.blob, ch.path)
			}
			s.commit, s.time, s.authority, s.last = c.hash, c.time, authority, i == 0
			s.path = ""
			if rel, ok := strings.CutPrefix(ch.path, r.prefix); ok {
				s.path = rel
			}
			t.add(s)
			if i > 0 {
				// What an earlier commit dropped was told by its build.
				t.Dropped = nil
			}
			// The first commit to change the folder has no subscribers
			// before it to tell.
			t.Fresh = i == 0 && len(commits) > 1 && len(t.Versions) > 0 && len(t.Versions[0].Published) > 0 && t.Versions[0].Published[0].Commit == c.hash
			live[ch.path] = t
		}
	}
	files := map[string]*tracker{}
	for p, t := range gone {
		if rel, ok := strings.CutPrefix(p, r.prefix); ok && t.Deleted != "" {
			files[rel] = t
		}
	}
	for p, t := range live {
		if rel, ok := strings.CutPrefix(p, r.prefix); ok {
			files[rel] = t
		}
	}
	if len(commits) < 2 {
		// The first commit to change the folder has no subscribers
		// before it to tell.
		before = zone
	}
	if !kept {
		// The work tree's settings, if any, are none a commit gave
		// (kept out of git, as settings made where the site is built
		// are): no zone of a commit to tell a change from.
		zone = ""
	}
	return committedHistory{files: files, zone: zone, zoneBefore: before}, nil
}

// commit is one commit of the log, with the Markdown files it changed.
type commit struct {
	hash    string
	time    time.Time
	changes []fileChange
}

// fileChange is one file a commit changed: added (from is path), changed
// (the same), renamed (from is the old path) or deleted (blob is empty).
type fileChange struct {
	from, path string
	blob       string
}

// parseLog reads the output of git log -z --raw --format="%H %ct",
// newest commit first: fields ending in NUL, each a header "hash time",
// or a raw line ":mode mode blob blob status" followed by one path, or
// two for a rename or copy. It keeps the changes of Markdown files and of
// the settings file at the path settings, and calls ask with the blob of
// each such file a commit left.
func parseLog(out *bufio.Reader, settings string, ask func(blob string)) ([]commit, error) {
	var commits []commit
	field := func() (string, error) {
		f, err := out.ReadString(0)
		if err == io.EOF && f != "" {
			return "", fmt.Errorf("unexpected end after %q", f)
		}
		return strings.TrimSuffix(f, "\x00"), err
	}
	for {
		f, err := field()
		if err == io.EOF {
			return commits, nil
		}
		if err != nil {
			return nil, err
		}
		f = strings.TrimPrefix(f, "\n")
		if !strings.HasPrefix(f, ":") {
			hash, secs, ok := strings.Cut(f, " ")
			unix, err := strconv.ParseInt(secs, 10, 64)
			if !ok || err != nil {
				return nil, fmt.Errorf("unexpected line %q", f)
			}
			commits = append(commits, commit{hash: hash, time: time.Unix(unix, 0).UTC()})
			continue
		}
		raw := strings.Fields(f[1:])
		if len(raw) != 5 || len(commits) == 0 {
			return nil, fmt.Errorf("unexpected line %q", f)
		}
		var ch fileChange
		if ch.from, err = field(); err != nil {
			return nil, fmt.Errorf("no path after %q", f)
		}
		ch.path, ch.blob = ch.from, raw[3]
		if raw[4][0] == 'R' || raw[4][0] == 'C' {
			if ch.path, err = field(); err != nil {
				return nil, fmt.Errorf("no second path after %q", f)
			}
		}
		if raw[4][0] == 'C' {
			ch.from = ch.path // a copy leaves the old file as it was
		}
		switch {
		case ch.path == settings:
			ch.from = ch.path
			if !regular(raw[1]) {
				ch.blob = ""
			}
		case !content.IsMarkdown(ch.from) && !content.IsMarkdown(ch.path):
			continue
		default:
			if !regular(raw[1]) || !content.IsMarkdown(ch.path) {
				ch.blob = "" // gone, as far as articles go
				ch.path = ch.from
			}
			if !regular(raw[0]) || !content.IsMarkdown(ch.from) {
				ch.from = ch.path // new, as far as articles go
			}
		}
		if ch.blob != "" {
			ask(ch.blob)
		}
		commits[len(commits)-1].changes = append(commits[len(commits)-1].changes, ch)
	}
}

// readBlobs reads the answers of git cat-file --batch until it ends: for
// each blob, "blob type size", the bytes and a newline. It gives each as
// a step, its front matter read.
func readBlobs(out *bufio.Reader) (map[string]step, error) {
	steps := map[string]step{}
	for {
		header, err := out.ReadString('\n')
		if err == io.EOF && header == "" {
			return steps, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading a header: %w", err)
		}
		fields := strings.Fields(header)
		if len(fields) != 3 || fields[1] != "blob" {
			return nil, fmt.Errorf("unexpected answer %q", strings.TrimSpace(header))
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil || size < 0 {
			return nil, fmt.Errorf("unexpected answer %q", strings.TrimSpace(header))
		}
		blob := make([]byte, size+1)
		if _, err := io.ReadFull(out, blob); err != nil {
			return nil, fmt.Errorf("reading blob %s: %w", fields[0], err)
		}
		steps[fields[0]] = newStep(blob[:size])
	}
}

// regular says whether a raw mode is that of a file, not a link, a
// submodule or nothing.
func regular(mode string) bool {
	return mode == "100644" || mode == "100755"
}
