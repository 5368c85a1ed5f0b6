package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// The end-to-end cases in testdata are txtar archives: a comment that
// says what the case shows, then sections. A section named content/...
// is a file of the content folder; the other sections say what must
// happen, and each runner says which it reads.
//
// txtar holds lines of text, so a section whose bytes a text editor could
// change or a reader could not see (invalid UTF-8, a carriage return, a
// byte-order mark, control or invisible characters, a line ending in a
// space, no final newline) is written quoted: its name ends in
// " (quoted)" and each of its lines is a Go string literal in ASCII. A
// quoted file is its lines' strings joined; a quoted list of values has
// one value a line. The runners refuse such bytes in a section that is
// not quoted, and -update quotes what needs it.

// quotedSuffix ends the name of a section written as Go string literals.
const quotedSuffix = " (quoted)"

// readArchive parses the txtar file at path.
func readArchive(t *testing.T, path string) *txtar.Archive {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// writeArchive writes the archive's content/... sections into dir, as
// dir/content/..., and returns the content folder.
func writeArchive(t *testing.T, a *txtar.Archive, dir string) string {
	t.Helper()
	for _, f := range a.Files {
		name, data := fileData(t, f)
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "content")
}

// fileData is a section's name without " (quoted)" and the bytes it
// holds.
func fileData(t *testing.T, f txtar.File) (string, []byte) {
	t.Helper()
	name, quoted := strings.CutSuffix(f.Name, quotedSuffix)
	if !quoted {
		if !plain(f.Data) {
			t.Fatalf("section %s holds bytes a text editor may change or a reader cannot see: write it as %q, one Go string literal a line", f.Name, f.Name+quotedSuffix)
		}
		return name, f.Data
	}
	return name, []byte(strings.Join(unquoteLines(t, f), ""))
}

// sectionLines is a section's name without " (quoted)" and its values,
// one a line.
func sectionLines(t *testing.T, f txtar.File) (string, []string) {
	t.Helper()
	name, quoted := strings.CutSuffix(f.Name, quotedSuffix)
	if quoted {
		return name, unquoteLines(t, f)
	}
	lines := splitLines(string(f.Data))
	for _, line := range lines {
		if !plain([]byte(line + "\n")) {
			t.Fatalf("section %s: line %q has characters a reader cannot see, or ends in a space: write the section as %q, one Go string literal a line", f.Name, line, f.Name+quotedSuffix)
		}
	}
	return name, lines
}

func unquoteLines(t *testing.T, f txtar.File) []string {
	t.Helper()
	var out []string
	for i, line := range splitLines(string(f.Data)) {
		s, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("section %s, line %d: %s is not a Go string literal: %v", f.Name, i+1, line, err)
		}
		out = append(out, s)
	}
	return out
}

// splitLines splits text into lines, with no empty last line for its
// final newline.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// plain reports whether txtar keeps data exactly and a reader sees all
// of it: valid UTF-8 that is empty or ends in a newline, no line that
// reads as a section marker or ends in a space or tab, and no character
// but graphic ones, tabs and newlines, and no space but the ASCII one.
func plain(data []byte) bool {
	if !utf8.Valid(data) || len(data) > 0 && data[len(data)-1] != '\n' {
		return false
	}
	for _, r := range string(data) {
		if r != '\n' && r != '\t' && !unicode.IsGraphic(r) || r > unicode.MaxASCII && unicode.IsSpace(r) {
			return false
		}
	}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.TrimRight(line, " \t") != line || strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			return false
		}
	}
	return true
}

// encodeFile is the section for a file named name holding data: as it
// is when plain, else quoted, a Go string literal for each line.
func encodeFile(name string, data []byte) txtar.File {
	if plain(data) {
		return txtar.File{Name: name, Data: data}
	}
	var b strings.Builder
	for line := range strings.Lines(string(data)) {
		b.WriteString(strconv.QuoteToASCII(line) + "\n")
	}
	return txtar.File{Name: name + quotedSuffix, Data: []byte(b.String())}
}

// encodeLines is the section named name for a list of values, one a
// line: as they are when plain, else quoted.
func encodeLines(name string, values []string) txtar.File {
	var b strings.Builder
	for _, v := range values {
		b.WriteString(v + "\n")
	}
	if plain([]byte(b.String())) && !slices.ContainsFunc(values, func(v string) bool { return strings.Contains(v, "\n") }) {
		return txtar.File{Name: name, Data: []byte(b.String())}
	}
	b.Reset()
	for _, v := range values {
		b.WriteString(strconv.QuoteToASCII(v) + "\n")
	}
	return txtar.File{Name: name + quotedSuffix, Data: []byte(b.String())}
}

// setSection puts f in the archive in place of the section of the same
// name, quoted or not, or at the end if there is none.
func setSection(a *txtar.Archive, f txtar.File) {
	base := strings.TrimSuffix(f.Name, quotedSuffix)
	for i, g := range a.Files {
		if strings.TrimSuffix(g.Name, quotedSuffix) == base {
			a.Files[i] = f
			return
		}
	}
	a.Files = append(a.Files, f)
}

// writeArchiveFile writes the archive to path, if that changes it.
func writeArchiveFile(t *testing.T, path string, a *txtar.Archive) {
	t.Helper()
	data := txtar.Format(a)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("updated %s", path)
}

// wantErrorLines compares the lines of a failed build's error with the
// archive's want errors section; -update rewrites that section.
func wantErrorLines(t *testing.T, path string, a *txtar.Archive, got []string) {
	t.Helper()
	var want []string
	found := false
	for _, f := range a.Files {
		if name, lines := sectionLines(t, f); name == "want errors" {
			want, found = lines, true
		}
	}
	if !found {
		t.Fatalf("%s: no want errors section", path)
	}
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	if *update {
		setSection(a, encodeLines("want errors", got))
		writeArchiveFile(t, path, a)
		return
	}
	t.Errorf("%s: errors:\n%s\nwant:\n%s\n(run go test ./generator -update and review the diff)", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
}
