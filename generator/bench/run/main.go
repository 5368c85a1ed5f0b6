// Command run benchmarks the generator on made-up corpora of several
// sizes:
//
//	go run ./generator/bench/run [-sizes 1000,10000,100000] [-seed 1] [-work DIR] [-runs 3] [-pagefind COMMAND]
//
// It builds the generator, the floor (generator/bench/floor) and the
// corpus generator once into WORK/bin, writes each corpus into
// WORK/corpus-N-seedS (kept, so later runs skip it), and then, for each
// size, runs as child processes: the floor, a cold build (no output
// folder and no cache beside it), a rebuild with nothing changed, and a
// rebuild after appending a sentence to one article, which is restored
// afterwards; the outputs are removed after each size. Each time is the
// median of -runs runs; peak memory is the cold build's maximum resident
// set size, read from the child's rusage (Linux reports it in KiB): that
// of the largest process, the build or a Pagefind it ran. With -pagefind
// it also runs a cold build and a one-edit rebuild with search, gives
// its peak with the Pagefind processes' memory added to the build's
// (their resident sets summed, sampled every 20 ms from /proc), and
// Pagefind's share of the cold build with search. It prints one table, MB being 10⁶
// bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() {
	sizeList := flag.String("sizes", "1000,10000,100000", "comma-separated numbers of articles")
	seed := flag.Uint64("seed", 1, "seed of the corpus generator")
	work := flag.String("work", filepath.Join(os.TempDir(), "bulletin-bench"), "folder for binaries, corpora and output")
	runs := flag.Int("runs", 3, "runs of each measure; the median is shown")
	pagefind := flag.String("pagefind", "", "command that runs Pagefind, to measure builds with search too")
	flag.Parse()
	var sizes []int
	for s := range strings.SplitSeq(*sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "run: -sizes %q: give positive numbers separated by commas\n", *sizeList)
			os.Exit(2)
		}
		sizes = append(sizes, n)
	}
	if flag.NArg() > 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: run [-sizes 1000,10000,100000] [-seed 1] [-work DIR] [-runs 3] [-pagefind COMMAND]")
		os.Exit(2)
	}
	if err := bench(sizes, *seed, *work, *runs, *pagefind); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// result is the measures of one size, each the median of the runs.
type result struct {
	n                              int
	floor, cold, noChange, oneEdit time.Duration
	peak                           int64 // bytes, of the cold build
	files                          int
	written                        int64
	// With search: the cold build, the one-edit rebuild and the cold
	// build's peak; zero when not measured.
	searchCold, searchEdit time.Duration
	searchPeak             int64 // of the largest process
	searchTree             int64 // of the build and Pagefind together
}

func bench(sizes []int, seed uint64, work string, runs int, pagefind string) error {
	fmt.Printf("nproc %d, load average before: %s\n", runtime.NumCPU(), loadAverage())
	work, err := filepath.Abs(work)
	if err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	bin := filepath.Join(work, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return err
	}
	tools := map[string]string{"bulletin": "./generator", "floor": "./generator/bench/floor", "corpus": "./generator/bench/corpus"}
	for name, pkg := range tools {
		cmd := exec.Command("go", "build", "-o", filepath.Join(bin, name), pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	var results []result
	for _, n := range sizes {
		corpus, err := makeCorpus(work, bin, n, seed)
		if err != nil {
			return err
		}
		r, err := measure(work, bin, filepath.Join(root, "templates"), corpus, n, runs)
		if err != nil {
			return err
		}
		if pagefind != "" {
			if err := measureSearch(&r, work, bin, filepath.Join(root, "templates"), corpus, runs, pagefind); err != nil {
				return err
			}
		}
		results = append(results, r)
	}
	printTable(results)
	fmt.Printf("load average after: %s\n", loadAverage())
	return nil
}

// moduleRoot is the folder of go.mod, where the templates are.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	gomod := strings.TrimSpace(string(out))
	if err != nil || gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("run inside the bulletin module: go env GOMOD: %v", err)
	}
	return filepath.Dir(gomod), nil
}

// makeCorpus returns the content folder of n articles, writing it first
// unless an earlier run did. It writes into a temporary folder renamed
// into place, so an interrupted run leaves no half corpus behind.
func makeCorpus(work, bin string, n int, seed uint64) (string, error) {
	dir := filepath.Join(work, fmt.Sprintf("corpus-%d-seed%d", n, seed))
	content := filepath.Join(dir, "content")
	if _, err := os.Stat(content); err == nil {
		return content, nil
	}
	tmp, err := os.MkdirTemp(work, ".corpus-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintf(os.Stderr, "writing a corpus of %d articles\n", n)
	if _, err := child(filepath.Join(bin, "corpus"), "-n", strconv.Itoa(n), "-seed", strconv.FormatUint(seed, 10), "-out", tmp); err != nil {
		return "", err
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return content, os.Rename(tmp, dir)
}

// measure runs the floor and the three builds runs times on one corpus.
func measure(work, bin, templates, content string, n, runs int) (result, error) {
	r := result{n: n}
	floorOut := filepath.Join(work, fmt.Sprintf("floor-%d", n))
	out := filepath.Join(work, fmt.Sprintf("public-%d", n))
	bulletin := filepath.Join(bin, "bulletin")
	build := []string{"build", "-content", content, "-templates", templates, "-out", out}
	edit, err := publishedArticle(content)
	if err != nil {
		return r, err
	}
	var floor, cold, noChange, oneEdit []time.Duration
	var peaks []int64
	for i := range runs {
		if err := os.RemoveAll(floorOut); err != nil {
			return r, err
		}
		u, err := child(filepath.Join(bin, "floor"), "-content", content, "-out", floorOut)
		if err != nil {
			return r, err
		}
		floor = append(floor, u.took)

		if err := removeOutput(out); err != nil {
			return r, err
		}
		u, err = child(bulletin, build...)
		if err != nil {
			return r, err
		}
		cold, peaks = append(cold, u.took), append(peaks, u.peak)
		if i == 0 {
			if r.files, r.written, err = count(out); err != nil {
				return r, err
			}
		}

		u, err = child(bulletin, build...)
		if err != nil {
			return r, err
		}
		noChange = append(noChange, u.took)

		u, err = editedBuild(edit, bulletin, build)
		if err != nil {
			return r, err
		}
		oneEdit = append(oneEdit, u.took)
		fmt.Fprintf(os.Stderr, "%d articles, run %d: floor %s, cold %s (%.0f MB), no change %s, one edit %s\n",
			n, i+1, floor[i].Round(time.Millisecond), cold[i].Round(time.Millisecond), float64(peaks[i])/1e6,
			noChange[i].Round(time.Millisecond), oneEdit[i].Round(time.Millisecond))
	}
	r.floor, r.cold, r.noChange, r.oneEdit = median(floor), median(cold), median(noChange), median(oneEdit)
	r.peak = median(peaks)
	// The outputs of 100,000 articles take gigabytes; the corpus stays.
	if err := os.RemoveAll(floorOut); err != nil {
		return r, err
	}
	return r, removeOutput(out)
}

// measureSearch runs a cold build and a one-edit rebuild with search runs
// times on one corpus.
func measureSearch(r *result, work, bin, templates, content string, runs int, pagefind string) error {
	out := filepath.Join(work, fmt.Sprintf("public-search-%d", r.n))
	bulletin := filepath.Join(bin, "bulletin")
	build := []string{"build", "-content", content, "-templates", templates, "-out", out, "-pagefind", pagefind}
	edit, err := publishedArticle(content)
	if err != nil {
		return err
	}
	var cold, oneEdit []time.Duration
	var peaks, trees []int64
	for i := range runs {
		if err := removeOutput(out); err != nil {
			return err
		}
		u, err := child(bulletin, build...)
		if err != nil {
			return err
		}
		cold, peaks, trees = append(cold, u.took), append(peaks, u.peak), append(trees, u.tree)
		if u, err = editedBuild(edit, bulletin, build); err != nil {
			return err
		}
		oneEdit = append(oneEdit, u.took)
		fmt.Fprintf(os.Stderr, "%d articles with search, run %d: cold %s (%.0f MB, %.0f MB with Pagefind), one edit %s\n",
			r.n, i+1, cold[i].Round(time.Millisecond), float64(peaks[i])/1e6, float64(trees[i])/1e6, oneEdit[i].Round(time.Millisecond))
	}
	r.searchCold, r.searchEdit, r.searchPeak, r.searchTree = median(cold), median(oneEdit), median(peaks), median(trees)
	return removeOutput(out)
}

// removeOutput deletes the output folder and every sibling whose name
// starts with "."+its name: staging folders, caches.
func removeOutput(out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	siblings, err := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"*"))
	if err != nil {
		return err
	}
	for _, s := range siblings {
		if err := os.RemoveAll(s); err != nil {
			return err
		}
	}
	return nil
}

// publishedArticle picks the article in the middle of the corpus, in path
// order, that is not a draft, so the edit shows on pages and feeds.
func publishedArticle(content string) (string, error) {
	var files []string
	err := filepath.WalkDir(filepath.Join(content, "articles"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	slices.Sort(files)
	for i := len(files) / 2; i < len(files); i++ {
		data, err := os.ReadFile(files[i])
		if err != nil {
			return "", err
		}
		if !bytes.Contains(data, []byte("\ndraft: true\n")) {
			return files[i], nil
		}
	}
	return "", fmt.Errorf("%s: no published article to edit", content)
}

// editedBuild appends a sentence to the article, rebuilds, and puts the
// article back as it was.
func editedBuild(article, bulletin string, build []string) (usage, error) {
	data, err := os.ReadFile(article)
	if err != nil {
		return usage{}, err
	}
	edited := append(slices.Clip(data), "\nThe benchmark added this sentence to time a rebuild after one edit.\n"...)
	if err := os.WriteFile(article, edited, 0o644); err != nil {
		return usage{}, err
	}
	u, err := child(bulletin, build...)
	if rerr := os.WriteFile(article, data, 0o644); err == nil {
		err = rerr
	}
	return u, err
}

// usage is what one child process took.
type usage struct {
	took time.Duration
	peak int64 // maximum resident set size, bytes
	tree int64 // the largest sum of the resident sets of it and the processes it ran, bytes, sampled
}

func child(name string, args ...string) (usage, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Start()
	done, tree := make(chan struct{}), make(chan int64)
	if err == nil {
		go treePeak(cmd.Process.Pid, done, tree)
		err = cmd.Wait()
		close(done)
	}
	took := time.Since(start)
	if err != nil {
		return usage{}, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes())
	}
	return usage{took: took, peak: cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024, tree: <-tree}, nil
}

// count returns the number and total size of the files in dir.
func count(dir string) (files int, size int64, err error) {
	err = filepath.WalkDir(dir, func(_ string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		files++
		size += info.Size()
		return nil
	})
	return files, size, err
}

func median[T time.Duration | int64](xs []T) T {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs[len(xs)/2]
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	return strings.Join(f[:min(3, len(f))], " ")
}

func printTable(results []result) {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "articles\tfloor s\tcold s\tcold/floor\tarticles/s\tpeak MB\tfiles\tMB written\tno-change s\tno-change/cold\tone-edit s\tone-edit/cold\t")
	byN := map[int]result{}
	for _, r := range results {
		byN[r.n] = r
		cold := r.cold.Seconds()
		fmt.Fprintf(w, "%d\t%.2f\t%.2f\t%.2f\t%.0f\t%.0f\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t\n",
			r.n, r.floor.Seconds(), cold, cold/r.floor.Seconds(), float64(r.n)/cold, float64(r.peak)/1e6,
			r.files, float64(r.written)/1e6, r.noChange.Seconds(), r.noChange.Seconds()/cold, r.oneEdit.Seconds(), r.oneEdit.Seconds()/cold)
	}
	w.Flush()
	if results[0].searchCold > 0 {
		fmt.Println("\nwith search:")
		w = tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(w, "articles\tcold s\tcold/cold without\tpeak MB\tpeak with Pagefind MB\tone-edit s\tone-edit/cold\tPagefind's share\t")
		for _, r := range results {
			cold := r.searchCold.Seconds()
			fmt.Fprintf(w, "%d\t%.2f\t%.2f\t%.0f\t%.0f\t%.2f\t%.2f\t%.0f%%\t\n", r.n, cold, cold/r.cold.Seconds(), float64(r.searchPeak)/1e6, float64(r.searchTree)/1e6,
				r.searchEdit.Seconds(), r.searchEdit.Seconds()/cold, 100*(cold-r.cold.Seconds())/cold)
		}
		w.Flush()
	}
	small, okSmall := byN[10000]
	large, okLarge := byN[100000]
	if okSmall && okLarge {
		perArticle := (large.cold.Seconds() / float64(large.n)) / (small.cold.Seconds() / float64(small.n))
		fmt.Printf("100k/10k: time per article %.2f× (target ≤ 1.3), peak memory %.2f× (linear is 10×)\n",
			perArticle, float64(large.peak)/float64(small.peak))
	}
}
