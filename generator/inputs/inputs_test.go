package inputs

import (
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHashTrustsOnlyStampsThatHold wants a file whose stamp in the last
// record still holds to keep its recorded hash unread, and a file whose
// stamp changed, or was taken too soon after the file changed, to be
// hashed again.
func TestHashTrustsOnlyStampsThatHold(t *testing.T) {
	dir := t.TempDir()
	content, templates := filepath.Join(dir, "content"), filepath.Join(dir, "templates")
	for _, p := range []string{content, templates} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	a, b := filepath.Join(content, "a.md"), filepath.Join(content, "b.md")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("text"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, sums, stamps := Hash(content, templates, "v1", Record{}, nil)
	if sums["a.md"] == "" || sums["a.md"] != sums["b.md"] {
		t.Fatalf("got sums %v, want one for each file, equal for equal bytes", sums)
	}
	// A record whose hash of a.md is not its bytes' shows whether a.md
	// was read again.
	marked := func(taken time.Time) Record {
		files := map[string]Stamp{}
		for p, st := range stamps {
			st.Sum = "recorded " + filepath.Base(p)
			files[p] = st
		}
		return Record{Files: files, Taken: taken}
	}
	later := time.Now().Add(time.Hour)
	changed := 0
	changing := func() { changed++ }
	if _, got, _ := Hash(content, templates, "v1", marked(later), changing); got["a.md"] != "recorded a.md" || changed != 0 {
		t.Errorf("an unchanged file was hashed again: %q, and changes told %d times", got["a.md"], changed)
	}
	if _, got, _ := Hash(content, templates, "v1", marked(time.Now().Add(-time.Hour)), nil); got["a.md"] == "recorded a.md" {
		t.Error("a file changed within the clock's step of the record kept the recorded hash")
	}
	// FAT keeps times to two seconds: a file stamped up to two seconds
	// before the record was taken may have been saved after it.
	st, ok := stamps[a]
	if !ok {
		t.Fatalf("no stamp of %s in %v", a, stamps)
	}
	if _, got, _ := Hash(content, templates, "v1", marked(time.Unix(0, max(st.Mtime, st.Ctime)).Add(1500*time.Millisecond)), nil); got["a.md"] == "recorded a.md" {
		t.Error("a file stamped 1.5 s before the record was taken kept the recorded hash")
	}
	if err := os.WriteFile(b, []byte("more"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, got, _ := Hash(content, templates, "v1", marked(later), changing); got["b.md"] == "recorded b.md" || changed != 1 {
		t.Errorf("a changed file kept the recorded hash, or its change was told %d times, not once", changed)
	}
}

// TestHashFollowsLinks wants a file the content folder links to, as
// site.yaml may be, hashed by its bytes: an edit to it changes the
// inputs, though the link is as it was.
func TestHashFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	content, templates := filepath.Join(dir, "content"), filepath.Join(dir, "templates")
	for _, p := range []string{content, templates} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	settings := filepath.Join(dir, "settings.yaml")
	if err := os.WriteFile(settings, []byte("title: One\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../settings.yaml", filepath.Join(content, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(settings, past, past); err != nil {
		t.Fatal(err)
	}
	before, _, stamps := Hash(content, templates, "v1", Record{}, nil)
	if err := os.WriteFile(settings, []byte("title: Two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(settings, past.Add(time.Minute), past.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if after, _, _ := Hash(content, templates, "v1", Record{Files: stamps, Taken: time.Now().Add(time.Hour)}, nil); after == before {
		t.Error("an edit to the file site.yaml links to left the inputs' hash as it was")
	}
}

// TestTouchedDuringABuild finds a file saved during a build and saved
// back to the bytes recorded after it: its stamp changed since the
// record's were taken, its bytes did not. A file left alone, one saved
// back before the build began, or one whose bytes changed (which the
// hash tells) is not such.
func TestTouchedDuringABuild(t *testing.T) {
	dir := t.TempDir()
	content, templates := filepath.Join(dir, "content"), filepath.Join(dir, "templates")
	a := filepath.Join(content, "a.md")
	for _, p := range []string{content, templates} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(a, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, before := Hash(content, templates, "v1", Record{}, nil)
	if len(before) != 1 {
		t.Fatalf("stamped %v, want a.md", before)
	}
	rec := Record{Files: before, Taken: time.Now()}
	if _, _, now := Hash(content, templates, "v1", rec, nil); rec.Touched(now) {
		t.Error("a file left alone was taken for one saved during the build")
	}
	for _, text := range []string{"second", "first"} {
		if err := os.WriteFile(a, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, now := Hash(content, templates, "v1", rec, nil)
	if !rec.Touched(now) {
		t.Error("a file saved during the build and saved back since was not found")
	}
	if earlier := (Record{Files: before, Taken: time.Now().Add(time.Hour)}); earlier.Touched(now) {
		t.Error("a file saved back before the build began was taken for one saved during it")
	}
	if err := os.WriteFile(a, []byte("third"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, now := Hash(content, templates, "v1", rec, nil); rec.Touched(now) {
		t.Error("a file whose bytes changed, which the hash tells, was taken for one saved back")
	}
}

// TestProgramNamesTheBuild wants the test binary named by its Go build
// ID, as go tool buildid reads it.
func TestProgramNamesTheBuild(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if got, want := Program(), "go build ID "+strings.TrimSpace(string(out)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRecordRoundTrip wants a record read back as it was written, paths
// with spaces and in any script included, and a path with a line break
// left out rather than spoiling the rest.
func TestRecordRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "record")
	st := Stamp{Size: 12, Mtime: 1733000000123456789, Ctime: -1, Ino: 1 << 40, Sum: strings.Repeat("ab", 32)}
	// Since and Until in a zone whose offset has seconds, which JSON's
	// offsets lack.
	zone := time.FixedZone("", 9*3600+4*60+50)
	rec := Record{Inputs: "in", Since: time.Date(2026, 1, 1, 3, 4, 5, 0, zone), Until: time.Date(2026, 1, 2, 3, 4, 5, 0, zone), Report: []byte(`{"Articles":3}`), Taken: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Files: map[string]Stamp{"content/a b.md": st, "content/新闻.md": st, "templates/x.html": st, "content/bad\nname.md": st}}
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}
	got := Read(path)
	delete(rec.Files, "content/bad\nname.md")
	if got.Inputs != rec.Inputs || !got.Since.Equal(rec.Since) || !got.Until.Equal(rec.Until) || string(got.Report) != string(rec.Report) || !got.Taken.Equal(rec.Taken) || !maps.Equal(got.Files, rec.Files) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, rec)
	}
	if err := os.WriteFile(path, []byte(`{"Inputs":"in"}`+"\nnot a stamp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Read(path); got.Inputs != "" || len(got.Files) != 0 {
		t.Errorf("a damaged record read as %+v, want an empty one", got)
	}
}

// TestRecordUntilPastJSON writes a record whose Until is past the year
// 9999, which JSON cannot write: it is written, with Until at the end of
// 9999, rather than left unwritten, which made every later build a full
// one.
func TestRecordUntilPastJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "record")
	until := time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC).Add(5 * time.Hour) // 9999-12-31T23:00 in New York
	if err := (Record{Inputs: "in", Until: until}).Write(path); err != nil {
		t.Fatalf("writing the record: %v", err)
	}
	if got := Read(path); got.Inputs != "in" || got.Until.Year() != 9999 {
		t.Errorf("read back %+v, want the inputs and Until in 9999", got)
	}
}

// TestReadRegularRefusesLinks reads a record bulletin wrote, but not a
// link put in its place, which could lead to /dev/zero.
func TestReadRegularRefusesLinks(t *testing.T) {
	dir := t.TempDir()
	record := filepath.Join(dir, ".public.build")
	if err := os.Symlink("/dev/zero", record); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if _, err := ReadRegular(record); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadRegular of a link gave %v, want ErrNotRegular", err)
	}
	if rec := Read(record); rec.Inputs != "" || rec.Files != nil {
		t.Errorf("Read of a link gave %+v, want an empty record", rec)
	}
}

// TestGained wants a theme file added after the stamps were taken told,
// and none told while the folder holds only the files stamped.
func TestGained(t *testing.T) {
	dir := t.TempDir()
	content, templates := filepath.Join(dir, "content"), filepath.Join(dir, "templates")
	for _, p := range []string{content, filepath.Join(templates, "static")} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(templates, "base.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stamps := Hash(content, templates, "v1", Record{}, nil)
	if Gained(templates, stamps) {
		t.Error("Gained with no file added")
	}
	if err := os.WriteFile(filepath.Join(templates, "static", "new.css"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !Gained(templates, stamps) {
		t.Error("a file added after the stamps were taken was not told")
	}
	if !Gained(filepath.Join(dir, "missing"), stamps) {
		t.Error("a folder that cannot be listed was not told")
	}
}
