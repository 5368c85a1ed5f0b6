package history

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/generator/inputs"
)

// BenchmarkRead reads the history of a repository of 2,000 articles and
// 5,000 commits, HEAD unchanged: cold (from git), from the cache file (a
// new build), from memory (a rebuild in serve), and from memory with the
// sums of the files given (as a build has them).
func BenchmarkRead(b *testing.B) {
	dir := bigRepo(b, 2000, 5000)
	content := filepath.Join(dir, "content")
	cache := filepath.Join(b.TempDir(), ".public.history")
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			forget()
			h, err := Read(content, "")
			if err != nil {
				b.Fatal(err)
			}
			if len(h.Articles) < 1900 {
				b.Fatalf("got %d articles with versions, want about 2000: %s", len(h.Articles), h.Reason)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		if _, err := Read(content, cache); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			forget()
			if _, err := Read(content, cache); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("memory", func(b *testing.B) {
		for b.Loop() {
			if _, err := Read(content, cache); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("memory and sums", func(b *testing.B) {
		sums := inputs.ContentSums(content)
		for b.Loop() {
			if _, err := Find(content).Read(cache, sums); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// bigRepo makes a repository with the number of articles and commits
// given, through git fast-import, and checks it out. The first commits
// publish the articles (one in twenty as a draft), one each; the rest
// fix typos, add change notes, rename articles (with a small edit, half
// of the time), publish drafts, touch several articles at once or touch
// nothing in content/.
func bigRepo(tb testing.TB, articles, commits int) string {
	tb.Helper()
	r := newRepo(tb)
	rng := rand.New(rand.NewPCG(1, 2))
	var in bytes.Buffer
	type art struct {
		path  string
		notes []string
		body  []string
		draft bool
	}
	render := func(a *art) string {
		var b strings.Builder
		b.WriteString("---\ntitle: An article about the care regulator\ndate: 2024-01-01\nsummary: Something happened.\nstatus: paused\n")
		if a.draft {
			b.WriteString("draft: true\n")
		}
		if len(a.notes) > 0 {
			b.WriteString("changes:\n")
		}
		for _, n := range a.notes {
			b.WriteString(n)
		}
		b.WriteString("---\n" + strings.Join(a.body, "\n\n") + "\n")
		return b.String()
	}
	words := strings.Fields("the care quality commission said on monday that its assessments of integrated care systems would pause while the department reviews")
	paragraph := func() string {
		w := make([]string, 60)
		for i := range w {
			w[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(w, " ") + "."
	}
	var arts []*art
	clock := 1700000000
	commit := func(msg string, files ...string) {
		clock += 600
		fmt.Fprintf(&in, "commit refs/heads/main\ncommitter Ed <ed@example.org> %d +0000\ndata %d\n%s\n", clock, len(msg), msg)
		for _, f := range files {
			in.WriteString(f)
		}
	}
	modify := func(a *art) string {
		data := render(a)
		return fmt.Sprintf("M 100644 inline %s\ndata %d\n%s\n", a.path, len(data), data)
	}
	typo := func(a *art) {
		i := rng.IntN(len(a.body))
		a.body[i] = strings.Replace(a.body[i], words[rng.IntN(len(words))], words[rng.IntN(len(words))], 1)
	}
	for i := range articles {
		a := &art{path: fmt.Sprintf("content/articles/%d/%d-01-01-article-%d.md", 2020+i%6, 2020+i%6, i), draft: i%20 == 7}
		for range 5 {
			a.body = append(a.body, paragraph())
		}
		arts = append(arts, a)
		commit("add", modify(a))
	}
	for n := articles; n < commits; n++ {
		a := arts[rng.IntN(len(arts))]
		switch op := rng.IntN(100); {
		case op < 45:
			typo(a)
			commit("typo", modify(a))
		case op < 75:
			a.notes = append(a.notes, fmt.Sprintf("  - date: 2025-%02d-%02d\n    note: Update %d.\n", 1+n%12, 1+n%28, n))
			a.body = append(a.body, paragraph())
			commit("update", modify(a))
		case op < 85:
			old := a.path
			a.path = strings.TrimSuffix(old, ".md") + "-renamed.md"
			files := []string{fmt.Sprintf("R %s %s\n", old, a.path)}
			if op%2 == 0 {
				typo(a)
				files = append(files, modify(a))
			}
			commit("rename", files...)
		case op < 90:
			a.draft = false
			commit("publish", modify(a))
		case op < 95:
			var files []string
			for range 5 {
				a := arts[rng.IntN(len(arts))]
				typo(a)
				files = append(files, modify(a))
			}
			commit("several", files...)
		default:
			data := fmt.Sprint(n)
			commit("readme", fmt.Sprintf("M 100644 inline README.md\ndata %d\n%s\n", len(data), data))
		}
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = r.dir
	cmd.Stdin = &in
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("git fast-import: %v\n%s", err, out)
	}
	r.git("reset", "-q", "--hard", "main")
	return r.dir
}
