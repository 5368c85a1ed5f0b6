package main

import (
	"bulletin/generator/history/gittest"
	"bulletin/generator/preview"
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The differential test owns the promise that an incremental build
// writes exactly what a clean build writes: a small site takes a random
// sequence of edits, one build into the same output folder follows each,
// and after each the folder must equal, byte for byte, a clean build of
// the same sources into a new folder with no cache.

// TestIncrementalEqualsClean runs sequences of random edits from fixed
// seeds, which in all make every kind of edit (with -short, fewer
// sequences make some of them).
func TestIncrementalEqualsClean(t *testing.T) {
	sequences, steps := 10, 12
	if testing.Short() {
		sequences = 3
	}
	kinds := map[string]int{}
	for seed := range uint64(sequences) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			for _, k := range differential(t, seed, steps) {
				kinds[k]++
			}
		})
	}
	for _, e := range append(edits, commit, clock) {
		if kinds[e.name] == 0 && !testing.Short() {
			t.Errorf("no sequence made the edit %q: make more steps or sequences", e.name)
		}
	}
	t.Logf("%d sequences of %d steps; edits made: %v", sequences, steps, kinds)
}

// FuzzIncrementalEqualsClean runs the same on sequences the fuzzer
// picks, of up to 6 steps: the fuzzer ends a run with "deadlocked!", and
// keeps the input as a failure, when one input takes over 10 s, which 12
// steps (about 4 s alone, more with the fuzzer's coverage counters) took
// on two busy cores.
func FuzzIncrementalEqualsClean(f *testing.F) {
	f.Add(uint64(1), uint8(6))
	f.Fuzz(func(t *testing.T, seed uint64, steps uint8) {
		differential(t, seed, int(steps%6)+1)
	})
}

// differential builds a new small site, then makes steps random edits,
// each followed by an incremental build compared with a clean one. It
// returns the names of the edits made.
func differential(t *testing.T, seed uint64, steps int) []string {
	t.Helper()
	s := newDiffSite(t, seed)
	out := filepath.Join(t.TempDir(), "public")
	s.compare(t, out, "the first build")
	var made []string
	for i := range steps {
		// Days pass between builds, or the clock is set back, with no
		// other change now and then.
		e := clock
		if s.rng.IntN(5) > 0 {
			e = edits[s.rng.IntN(len(edits))]
		}
		what := e.apply(s)
		made = append(made, e.name)
		// An editor commits now and then, and a theme author too.
		if s.rng.IntN(3) == 0 {
			what += "; " + commit.apply(s)
			made = append(made, commit.name)
		}
		s.compare(t, out, fmt.Sprintf("step %d, %s: %s", i+1, e.name, what))
		if t.Failed() {
			break
		}
	}
	return made
}

// diffSite is the small site the edits are made to: its articles as
// fields, written to files whenever they change.
type diffSite struct {
	dir      string
	repo     *gittest.Repo // the repository dir is, whose commits make the articles' versions
	commits  int
	rng      *rand.Rand
	articles map[string]*diffArticle // by path in the content folder
	next     int                     // numbers new articles
	now      time.Time
}

type diffArticle struct {
	title, summary, body, slug, status string
	lang                               string
	date, updated                      time.Time
	topics, regulators, authors        []string
	applies, aliases                   []string
	change, event, eventStatus         string
	eventDate                          time.Time
	withdrawn, draft                   bool
	source                             string
}

var (
	diffTopics     = []string{"Alpha duty", "Beta checks", "Gamma pause"}
	diffRegulators = []string{"CQC", "DHSC", "NHSE"}
	diffStatuses   = []string{"", "proposed", "consultation", "piloting", "paused", "in-force"}
	diffWords      = []string{"rules", "review", "pause", "plan", "duty", "guidance", "report", "change"}
)

func newDiffSite(t *testing.T, seed uint64) *diffSite {
	t.Helper()
	repo := gittest.New(t)
	dir := repo.Dir
	s := &diffSite{dir: dir, repo: repo, rng: rand.New(rand.NewPCG(seed, 7)), articles: map[string]*diffArticle{}, now: testNow}
	if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	s.write("content/site.yaml", "title: Diff Bulletin\nbase_url: https://diff.example/\npage_size: 3\nregulators:\n  CQC: {name: Care Quality Commission, url: https://www.cqc.org.uk/}\n")
	s.write("content/topics/alpha-duty.md", "---\ntitle: Alpha duty\nsummary: What the alpha duty asks.\n---\nThe duty, explained.\n")
	s.write("content/regulators/dhsc.md", "---\ntitle: Department of Health and Social Care\n---\nThe department.\n")
	s.write("content/images/chart.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	for range 7 {
		s.add()
	}
	return s
}

func (s *diffSite) write(name, data string) {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		panic(err)
	}
}

func (s *diffSite) remove(name string) {
	if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(name))); err != nil {
		panic(err)
	}
}

func (s *diffSite) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = diffWords[s.rng.IntN(len(diffWords))]
	}
	return strings.Join(w, " ")
}

// pick chooses up to n distinct names from from.
func (s *diffSite) pick(from []string, n int) []string {
	var out []string
	for _, i := range s.rng.Perm(len(from))[:s.rng.IntN(n+1)] {
		out = append(out, from[i])
	}
	return out
}

// day is a random day from 2023 to a little after now.
func (s *diffSite) day() time.Time {
	return time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s.rng.IntN(900))
}

// add writes a new article and returns its path.
func (s *diffSite) add() string {
	s.next++
	a := &diffArticle{
		title:   fmt.Sprintf("Update %d on %s", s.next, s.words(2)),
		summary: "A summary about " + s.words(3) + ".",
		body:    "The body says " + s.words(6) + ".\n\nSee [the timeline](/timeline/).\n",
		date:    s.day(),
		topics:  s.pick(diffTopics, 2), regulators: s.pick(diffRegulators, 2), authors: s.pick([]string{"Ann", "Bo"}, 2),
		status: diffStatuses[s.rng.IntN(len(diffStatuses))],
	}
	if a.date.After(s.now) {
		a.date = s.now.AddDate(0, -1, 0)
	}
	p := fmt.Sprintf("articles/%d/a%d.md", a.date.Year(), s.next)
	s.articles[p] = a
	s.save(p)
	return p
}

// save writes the article at p to its file.
func (s *diffSite) save(p string) {
	a := s.articles[p]
	var b strings.Builder
	list := func(key string, v []string) {
		if len(v) > 0 {
			q := make([]string, len(v))
			for i, x := range v {
				q[i] = strconv.Quote(x)
			}
			fmt.Fprintf(&b, "%s: [%s]\n", key, strings.Join(q, ", "))
		}
	}
	fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nsummary: %q\n", a.title, a.date.Format("2006-01-02"), a.summary)
	list("topics", a.topics)
	list("regulators", a.regulators)
	list("authors", a.authors)
	list("applies_to", a.applies)
	list("aliases", a.aliases)
	if a.status != "" {
		fmt.Fprintf(&b, "status: %s\n", a.status)
	}
	if a.lang != "" {
		fmt.Fprintf(&b, "lang: %s\n", a.lang)
	}
	if a.slug != "" {
		fmt.Fprintf(&b, "slug: %s\n", a.slug)
	}
	if !a.updated.IsZero() {
		fmt.Fprintf(&b, "updated: %s\nchanges:\n  - {date: %s, note: %q}\n", a.updated.Format("2006-01-02"), a.updated.Format("2006-01-02"), a.change)
	}
	if a.event != "" {
		fmt.Fprintf(&b, "events:\n  - {date: %s, label: %q", a.eventDate.Format("2006-01-02"), a.event)
		if a.eventStatus != "" {
			fmt.Fprintf(&b, ", status: %s", a.eventStatus)
		}
		b.WriteString("}\n")
	}
	if a.source != "" {
		fmt.Fprintf(&b, "sources:\n  - {title: %q, url: \"https://example.org/%s\"}\n", a.source, strings.ReplaceAll(a.source, " ", "-"))
	}
	if a.withdrawn {
		fmt.Fprintf(&b, "withdrawn: {date: %s, explanation: \"Superseded.\"}\n", a.date.AddDate(0, 0, 1).Format("2006-01-02"))
	}
	if a.draft {
		b.WriteString("draft: true\n")
	}
	fmt.Fprintf(&b, "---\n%s", a.body)
	s.write("content/"+p, b.String())
}

// some picks one of the articles, in a repeatable way.
func (s *diffSite) some() string {
	paths := make([]string, 0, len(s.articles))
	for p := range s.articles {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths[s.rng.IntN(len(paths))]
}

// change edits one article with fn and saves it.
func (s *diffSite) change(fn func(a *diffArticle) string) string {
	p := s.some()
	what := fn(s.articles[p])
	s.save(p)
	return p + ": " + what
}

// editTemplate replaces old with new in a theme file, where it is found.
func (s *diffSite) editTemplate(file, old, new string) string {
	p := filepath.Join(s.dir, "templates", file)
	data, err := os.ReadFile(p)
	if err != nil {
		panic(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		if !bytes.Contains(data, []byte(new)) {
			panic(fmt.Sprintf("%s holds neither %q nor %q: the theme changed under the test", file, old, new))
		}
		return file + ": made already"
	}
	s.write("templates/"+file, strings.Replace(string(data), old, new, 1))
	return file + ": now shows another field"
}

type edit struct {
	name  string
	apply func(s *diffSite) string
}

// commit commits every change since the last commit, or none: the
// versions an article page lists, and what they show, come from the
// commits. It follows other edits now and then, in builds only: serve
// does not watch the repository.
var commit = edit{"commit", func(s *diffSite) string {
	s.commits++
	date := s.now.Add(time.Duration(s.commits-100) * time.Hour).Format(time.RFC3339)
	s.repo.Git(date, "add", "-A")
	s.repo.Git(date, "commit", "-q", "--allow-empty", "-m", fmt.Sprint("Edit ", s.commits))
	return "commit " + date
}}

// clock moves the moment of the build up to two months forward or back,
// within a year of testNow: articles dated after it are held back, and
// events and updates still to come, or come, change the site. It is a
// step of builds only: serve builds at the moment it runs.
var clock = edit{"the clock moves", func(s *diffSite) string {
	// Half the time to the hour before an article's date, which holds
	// it back, or brings it out.
	if a := s.articles[s.some()]; s.rng.IntN(2) == 0 && a.date.Sub(testNow).Abs() < 365*24*time.Hour {
		s.now = a.date.Add(-time.Hour)
		return "now " + s.now.Format(time.DateTime)
	}
	days := s.rng.IntN(121) - 60
	if off := s.now.AddDate(0, 0, days).Sub(testNow); off > 365*24*time.Hour || off < -365*24*time.Hour {
		days = -days
	}
	s.now = s.now.AddDate(0, 0, days)
	return "now " + s.now.Format(time.DateOnly)
}}

// edits are every kind of change an editor or a theme author makes.
var edits = []edit{
	{"add an article", func(s *diffSite) string { return s.add() }},
	{"delete an article", func(s *diffSite) string {
		if len(s.articles) < 3 {
			return s.add()
		}
		p := s.some()
		delete(s.articles, p)
		s.remove("content/" + p)
		return p
	}},
	{"rename an article's file", func(s *diffSite) string {
		p := s.some()
		s.next++
		q := fmt.Sprintf("articles/moved/b%d.md", s.next)
		s.articles[q] = s.articles[p]
		delete(s.articles, p)
		s.remove("content/" + p)
		s.save(q)
		return p + " → " + q
	}},
	{"change a title", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.title = "Retitled: " + s.words(3); return a.title })
	}},
	{"change a summary", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.summary = "Now about " + s.words(4) + "."; return a.summary })
	}},
	{"change a body", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.body = "Rewritten: " + s.words(8) + ".\n"; return "body" })
	}},
	{"change a date", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string {
			a.date = s.day()
			if !a.updated.IsZero() && a.updated.Before(a.date) {
				a.updated = a.date
			}
			return a.date.Format("2006-01-02")
		})
	}},
	{"change topics", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.topics = s.pick(diffTopics, 3); return fmt.Sprint(a.topics) })
	}},
	{"change regulators", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.regulators = s.pick(diffRegulators, 3); return fmt.Sprint(a.regulators) })
	}},
	{"change authors", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string {
			a.authors = s.pick([]string{"Ann", "Bo", "Cy"}, 3)
			return fmt.Sprint(a.authors)
		})
	}},
	{"change a status", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.status = diffStatuses[s.rng.IntN(len(diffStatuses))]; return a.status })
	}},
	{"update with a change note", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string {
			a.updated = a.date.AddDate(0, 0, 1+s.rng.IntN(60))
			if a.updated.After(s.now) {
				a.updated = a.date
			}
			a.change = "Corrected the " + s.words(1) + "."
			return a.change
		})
	}},
	{"add or change an event", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string {
			a.event, a.eventDate = "Event: "+s.words(2), s.day().AddDate(0, 0, 120)
			a.eventStatus = diffStatuses[s.rng.IntN(len(diffStatuses))]
			return a.event
		})
	}},
	{"change sources", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.source = "Source " + s.words(2); return a.source })
	}},
	{"withdraw or restore", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.withdrawn = !a.withdrawn; return fmt.Sprint(a.withdrawn) })
	}},
	{"draft or publish", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string { a.draft = !a.draft; return fmt.Sprint(a.draft) })
	}},
	{"set a slug and an alias", func(s *diffSite) string {
		s.next++
		n := s.next
		return s.change(func(a *diffArticle) string {
			a.slug = fmt.Sprintf("slug-%d", n)
			a.aliases = []string{fmt.Sprintf("/old/%d/", n)}
			return a.slug
		})
	}},
	{"change lang", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string {
			a.lang = []string{"", "cy", "ar"}[s.rng.IntN(3)]
			return a.lang
		})
	}},
	{"change applies_to", func(s *diffSite) string {
		return s.change(func(a *diffArticle) string {
			a.applies = s.pick([]string{"England", "Wales"}, 2)
			return fmt.Sprint(a.applies)
		})
	}},
	{"change site.yaml", func(s *diffSite) string {
		y := fmt.Sprintf("title: Diff Bulletin %s\nbase_url: https://diff.example/\npage_size: %d\nnotice: %q\nparams: {footer: %q}\n", s.words(1), 2+s.rng.IntN(3), "Notice: "+s.words(2), s.words(2))
		// Now and then another time zone, which moves every date given
		// without an offset, and old feed addresses.
		if zone := []string{"", "America/New_York", "Asia/Tokyo"}[s.rng.IntN(3)]; zone != "" {
			y += "time_zone: " + zone + "\n"
		}
		if s.rng.IntN(2) == 0 {
			y += "feed_aliases: [/index.xml, /feed/]\n"
		}
		s.write("content/site.yaml", y)
		return y
	}},
	{"change an intro page", func(s *diffSite) string {
		// Half the time the topic was renamed from another, whose page
		// and feeds stay at its old address.
		aliases := ""
		if s.rng.IntN(2) == 0 {
			aliases = "aliases: [/topics/old-" + strings.ReplaceAll(s.words(1), " ", "-") + "/]\n"
		}
		s.write("content/topics/alpha-duty.md", "---\ntitle: Alpha duty\nsummary: Now "+s.words(3)+".\nstatus: paused\n"+aliases+"---\nThe duty, "+s.words(4)+".\n")
		return "alpha-duty.md " + aliases
	}},
	{"theme: lists show authors", func(s *diffSite) string {
		return s.editTemplate("partials.html", `<p{{template "lang" .Lang}}>{{.Summary}}</p>`, `<p{{template "lang" .Lang}}>{{.Summary}} <span class="by">{{join .Authors ", "}}</span></p>`)
	}},
	{"theme: article pages show applies_to and the first regulator", func(s *diffSite) string {
		return s.editTemplate("article.html", `<h1{{template "lang" .Lang}}>{{.Title}}</h1>`, `<h1{{template "lang" .Lang}}>{{.Title}}</h1><p>{{join .AppliesTo "/"}}{{range .Regulators}} {{.Name}}{{end}}</p>`)
	}},
	{"theme: article pages show the date's zone and the time as Go prints it", func(s *diffSite) string {
		return s.editTemplate("article.html", `{{date .Date}}</time></dd></div>`, `{{date .Date}} {{.Date.Format "MST"}} {{.Date}}</time></dd></div>`)
	}},
	{"theme: the footer shows a setting of its own", func(s *diffSite) string {
		return s.editTemplate("layout.html", `<footer class="site-footer">`, `<footer class="site-footer">{{.Site.Settings.Params.footer}}`)
	}},
	{"theme: add and remove files", func(s *diffSite) string {
		switch s.rng.IntN(3) {
		case 0:
			s.editTemplate("static/style.css", "", "/* "+s.words(2)+" */\n")
			return "edited static/style.css"
		case 1:
			img := filepath.Join(s.dir, "templates", "static", "img")
			if _, err := os.Stat(img); err == nil {
				if err := os.RemoveAll(img); err != nil {
					panic(err)
				}
				return "removed static/img/"
			}
			s.write("templates/static/img/icons/a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><title>`+s.words(1)+`</title></svg>`)
			s.write("templates/static/img/b.txt", s.words(2))
			return "added static/img/, a folder in a folder"
		}
		p := filepath.Join(s.dir, "templates", "static", "extra.txt")
		if _, err := os.Stat(p); err == nil {
			s.remove("templates/static/extra.txt")
			return "removed static/extra.txt"
		}
		s.write("templates/static/extra.txt", "extra "+s.words(1))
		return "added static/extra.txt"
	}},
	{"theme: add and remove a template file that article pages call", func(s *diffSite) string {
		const call = `{{define "main" -}}{{with .Article}}{{template "byline" .}}{{end}}`
		if _, err := os.Stat(filepath.Join(s.dir, "templates", "byline.html")); err == nil {
			s.editTemplate("article.html", call, `{{define "main" -}}`)
			s.remove("templates/byline.html")
			return "removed byline.html and its call"
		}
		s.write("templates/byline.html", `{{define "byline"}}<p class="byline">`+s.words(1)+` {{len .Sources}}{{with .Status}} {{.Label}}{{end}}</p>{{end}}`)
		s.editTemplate("article.html", `{{define "main" -}}`, call)
		return "added byline.html, called by article pages"
	}},
	{"theme: move a define to a file of its own and back", func(s *diffSite) string {
		// The file that defines "status" changes, and what it shows.
		const def = "{{define \"status\" -}}\n{{with .}}<span class=\"status status-{{.Key}}\" title=\"{{.Explanation}}\">{{.Label}}</span>{{end}}\n{{- end}}\n"
		if _, err := os.Stat(filepath.Join(s.dir, "templates", "status.html")); err == nil {
			s.remove("templates/status.html")
			s.editTemplate("partials.html", "{{define \"lang\" -}}", def+"\n{{define \"lang\" -}}")
			return "status moved back to partials.html"
		}
		s.editTemplate("partials.html", def, "")
		s.write("templates/status.html", strings.Replace(def, "{{.Label}}", "{{.Label}} ("+s.words(1)+")", 1))
		return "status moved to status.html"
	}},
	{"add or remove an image", func(s *diffSite) string {
		p := filepath.Join(s.dir, "content", "images", "photo.svg")
		if _, err := os.Stat(p); err == nil {
			s.remove("content/images/photo.svg")
			return "removed"
		}
		s.write("content/images/photo.svg", `<svg xmlns="http://www.w3.org/2000/svg"><title>`+s.words(1)+`</title></svg>`)
		return "added"
	}},
}

// compare builds the site into out, as it stands after the last build
// into it, and into a new folder, and fails unless both builds fail
// alike or both folders hold the same files with the same bytes, and
// both builds report the same warnings and notes.
func (s *diffSite) compare(t *testing.T, out, step string) {
	t.Helper()
	o := options{Content: filepath.Join(s.dir, "content"), Templates: filepath.Join(s.dir, "templates"), Out: out, Now: s.now}
	incR, incErr := build(o)
	o.Out = filepath.Join(t.TempDir(), "public")
	cleanR, cleanErr := build(o)
	if incErr == nil && cleanErr == nil && fmt.Sprint(incR.Report) != fmt.Sprint(cleanR.Report) {
		t.Errorf("after %s: the incremental build reports\n%s\na clean build\n%s", step, fmt.Sprint(incR.Report), fmt.Sprint(cleanR.Report))
	}
	if fmt.Sprint(incErr) != fmt.Sprint(cleanErr) {
		t.Fatalf("after %s: the incremental build says %v, a clean build %v", step, incErr, cleanErr)
	}
	if cleanErr != nil {
		return
	}
	want, got := readTree(t, o.Out), readTree(t, out)
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("after %s: the incremental build lacks %s", step, name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("after %s: %s differs from a clean build's:\n%s", step, name, firstDiff(g, data))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("after %s: the incremental build has %s, which a clean build does not", step, name)
		}
	}
}

// TestServeEqualsClean makes random edits to a small site that serve
// watches, and after each wants every file serve serves to equal, byte
// for byte but for the live-reload script, the file a clean build of the
// same sources writes, and the files a clean build no longer has to be
// gone.
func TestServeEqualsClean(t *testing.T) {
	steps := 12
	if testing.Short() {
		steps = 4
	}
	s := newDiffSite(t, 99)
	o := options{Content: filepath.Join(s.dir, "content"), Templates: filepath.Join(s.dir, "templates"),
		Out: filepath.Join(t.TempDir(), "public"), BaseURL: "https://diff.example/"}
	ts := serveInBackground(t, o)
	var before map[string][]byte
	for i := range steps + 1 {
		what := "the first build"
		if i > 0 {
			e := edits[s.rng.IntN(len(edits))]
			what = fmt.Sprintf("step %d, %s: %s", i, e.name, e.apply(s))
		}
		clean := o
		clean.Out, clean.Now = filepath.Join(t.TempDir(), "public"), time.Now()
		if _, err := build(clean); err != nil {
			continue // serve keeps the last good site; the next step may fix it
		}
		want := readTree(t, clean.Out)
		delete(want, ".bulletin-manifest")
		eventually(t, waitTime, func() error {
			for name, data := range want {
				r, err := ts.fetch(http.MethodGet, "/"+name)
				if err != nil {
					return err
				}
				if got := preview.Strip([]byte(r.body)); !bytes.Equal(got, data) {
					return fmt.Errorf("after %s: /%s differs from a clean build's:\n%s", what, name, firstDiff(got, data))
				}
			}
			for name := range before {
				if _, ok := want[name]; ok {
					continue
				}
				if r, err := ts.fetch(http.MethodGet, "/"+name); err != nil || r.status != http.StatusNotFound {
					return fmt.Errorf("after %s: /%s, which a clean build no longer has, is served (%d, %v)", what, name, r.status, err)
				}
			}
			return nil
		})
		before = want
	}
}
