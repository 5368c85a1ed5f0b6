package output

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"bulletin/generator/bench/benchtest"
)

// benchFile is one file of a built site.
type benchFile struct {
	name string
	data []byte
}

// benchSite builds, once per test binary, a corpus of 500 articles made by
// the corpus generator, and returns the built site's files, in the order WalkDir finds them:
// what the generator hands to a Dir.
var benchSite = sync.OnceValues(func() ([]benchFile, error) {
	dir, err := benchtest.Corpus(500)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	public := filepath.Join(dir, "public")
	cmd := exec.Command("go", "run", "bulletin/generator", "build", "-content", filepath.Join(dir, "content"), "-templates", "../../templates", "-out", public)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the corpus: %v\n%s", err, out)
	}
	var files []benchFile
	err = filepath.WalkDir(public, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == ManifestFile {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(public, p)
		files = append(files, benchFile{filepath.ToSlash(rel), data})
		return err
	})
	return files, err
})

// benchWrite opens dir, writes every file and commits.
func benchWrite(b *testing.B, dir string, files []benchFile) Stats {
	b.Helper()
	d, err := Open(dir, false)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		if err := d.Write(f.name, f.data); err != nil {
			d.Abort()
			b.Fatal(err)
		}
	}
	stats, err := d.Commit()
	if err != nil {
		b.Fatal(err)
	}
	return stats
}

func benchFiles(b *testing.B) []benchFile {
	b.Helper()
	files, err := benchSite()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, f := range files {
		size += int64(len(f.data))
	}
	b.SetBytes(size)
	return files
}

// BenchmarkWrite writes a built site of 500 articles into a new folder.
func BenchmarkWrite(b *testing.B) {
	files := benchFiles(b)
	dir := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		benchWrite(b, dir, files)
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkWriteUnchanged writes the same site again over itself: every
// file is unchanged and linked from the previous output.
func BenchmarkWriteUnchanged(b *testing.B) {
	files := benchFiles(b)
	dir := filepath.Join(b.TempDir(), "public")
	benchWrite(b, dir, files)
	for b.Loop() {
		if stats := benchWrite(b, dir, files); stats.Unchanged != len(files) {
			b.Fatalf("%d of %d files unchanged, want all", stats.Unchanged, len(files))
		}
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "files/s")
}
