package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bulletin/generator/output"
	"bulletin/generator/preview"
	"bulletin/generator/render"
	"bulletin/generator/serve"
)

// waitTime bounds every wait for the server: a rebuild, an event, a page.
const waitTime = 5 * time.Second

// reloadTag is the script serve adds to the HTML pages it sends.
const reloadTag = `<script src="/_bulletin/reload.js"></script>`

// The pages of testdata/site/content that the tests look at.
const (
	firstFile = "articles/2024-05-10-first.md"
	firstPage = "/2024/05/first/"
	firstText = "The plan was announced."
)

// client gives up on any request that takes longer than waitTime and
// shows redirects rather than following them.
var client = &http.Client{
	Timeout: waitTime,
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
}

// testServer is serve running on a copy of testdata/site/content.
type testServer struct {
	url     string // http://127.0.0.1:port, without a slash at the end
	content string // the copy of the content folder, free to edit
	out     string // the output folder serve was given
	log     *syncBuffer
	cancel  context.CancelFunc
	done    chan struct{} // closed when serve has returned
	err     error         // what serve returned
}

// startServe starts serve on a random port with a fresh copy of the test
// content and stops it when the test ends, checking that it returned nil
// and left the output folder it was given in place.
func startServe(t testing.TB) *testServer { return startServeAt(t, "", "/") }

// startServeAt is startServe for a site built for the absolute URL
// baseURL ("" for the settings'), whose home page serve answers at home.
func startServeAt(t testing.TB, baseURL, home string) *testServer {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	o := options{Content: content, Templates: "../templates", Out: filepath.Join(t.TempDir(), "public"), BaseURL: baseURL}
	ts := serveInBackground(t, o)
	ts.content = content
	// Wait for the first build before a test edits anything: serve
	// answers only once it has built and started watching.
	ts.waitPage(t, home, http.StatusOK, "Test Bulletin")
	return ts
}

// startServeWithTheme is startServe with a copy of the theme, for a test
// to change; it gives the copy's folder.
func startServeWithTheme(t testing.TB) (*testServer, string) {
	t.Helper()
	dir := t.TempDir()
	content, templates := filepath.Join(dir, "content"), filepath.Join(dir, "templates")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(templates, os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	ts := serveInBackground(t, options{Content: content, Templates: templates, Out: filepath.Join(dir, "public")})
	ts.content = content
	ts.waitPage(t, "/", http.StatusOK, "Test Bulletin")
	return ts, templates
}

// serveInBackground runs serve with o in a goroutine until the test ends.
func serveInBackground(t testing.TB, o options) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{url: "http://" + ln.Addr().String(), out: o.Out, log: &syncBuffer{}, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(ts.done)
		ts.err = serve.Run(ctx, o, ln, ts.log)
	}()
	t.Cleanup(func() {
		defer func() {
			if t.Failed() {
				t.Logf("serve printed:\n%s", ts.log)
			}
		}()
		ts.stop(t)
	})
	return ts
}

// stop cancels serve and waits for it to return.
func (ts *testServer) stop(t testing.TB) {
	t.Helper()
	ts.cancel()
	select {
	case <-ts.done:
		if ts.err != nil {
			t.Errorf("serve returned %v, want nil", ts.err)
		}
	case <-time.After(waitTime):
		t.Fatalf("serve did not return within %v of its context being cancelled", waitTime)
	}
	if ts.out != "" { // else serve built in a folder of its own
		if _, err := os.Stat(ts.out); err != nil {
			t.Errorf("after serve returned, the output folder it was given is gone: %v", err)
		}
	}
}

// response is what the server answered, with the body read.
type response struct {
	status int
	header http.Header
	body   string
}

// fetch sends one request to the server and reads the whole answer.
func (ts *testServer) fetch(method, path string) (response, error) {
	req, err := http.NewRequest(method, ts.url+path, nil)
	if err != nil {
		return response{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: string(body)}, err
}

// get fetches path once and fails the test if the server does not answer.
func (ts *testServer) get(t testing.TB, method, path string) response {
	t.Helper()
	r, err := ts.fetch(method, path)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

// waitPage waits until GET path answers with status and a body that
// contains text.
func (ts *testServer) waitPage(t testing.TB, path string, status int, text string) response {
	t.Helper()
	var r response
	eventually(t, waitTime, func() error {
		var err error
		r, err = ts.fetch(http.MethodGet, path)
		switch {
		case err != nil:
			return err
		case r.status != status:
			return fmt.Errorf("GET %s: got status %d, want %d", path, r.status, status)
		case !strings.Contains(r.body, text):
			return fmt.Errorf("GET %s: got a page without %q:\n%s", path, text, r.body)
		}
		return nil
	})
	return r
}

// eventually calls check until it returns nil, and fails the test with
// its last error if that has not happened within timeout.
func eventually(t testing.TB, timeout time.Duration, check func() error) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still failing after %v: %v", timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sseEvent is one Server-Sent Event: its name and its data lines joined
// with newlines.
type sseEvent struct {
	name string
	data string
}

// openEvents connects to the live-reload stream and returns the events
// it reads; the channel is closed when the stream ends. The connection
// is registered with the server by the time openEvents returns.
func (ts *testServer) openEvents(t testing.TB) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ts.url+"/_bulletin/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	// No overall timeout, as the stream stays open; but the headers,
	// sent once the server has registered the page, must come soon.
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.ResponseHeaderTimeout = waitTime
	t.Cleanup(transport.CloseIdleConnections)
	resp, err := (&http.Client{Transport: transport}).Do(req)
	if err != nil {
		t.Fatalf("opening the event stream: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		t.Fatalf("opening the event stream: got status %d, want 200", resp.StatusCode)
	}
	if got, want := resp.Header.Get("Content-Type"), "text/event-stream"; got != want {
		t.Errorf("event stream Content-Type: got %q, want %q", got, want)
	}
	events := make(chan sseEvent, 16)
	go func() {
		defer resp.Body.Close()
		defer close(events)
		readEvents(resp.Body, func(e sseEvent) bool {
			select {
			case events <- e:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	return events
}

// readEvents parses a Server-Sent Events stream, calling send for each
// event until the stream ends or send returns false.
func readEvents(r io.Reader, send func(sseEvent) bool) {
	sc := bufio.NewScanner(r)
	var e sseEvent
	var data []string
	for sc.Scan() {
		line := sc.Text()
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch {
		case line == "":
			if e.name != "" || data != nil {
				e.data = strings.Join(data, "\n")
				if !send(e) {
					return
				}
			}
			e, data = sseEvent{}, nil
		case field == "": // a comment
		case field == "event":
			e.name = value
		case field == "data":
			data = append(data, value)
		}
	}
}

// nextEvent waits for the next event on the stream.
func nextEvent(t testing.TB, events <-chan sseEvent) sseEvent {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("event stream ended, want another event")
		}
		return e
	case <-time.After(waitTime):
		t.Fatalf("no event within %v", waitTime)
	}
	return sseEvent{}
}

// wantEvent waits for the next event and checks its name.
func wantEvent(t testing.TB, events <-chan sseEvent, name string) sseEvent {
	t.Helper()
	e := nextEvent(t, events)
	if e.name != name {
		t.Fatalf("got event %q with data %q, want %q", e.name, e.data, name)
	}
	return e
}

// edit replaces the first old with new, for each pair of old and new, in
// a file of the content folder, and saves it in place in one write.
func (ts *testServer) edit(t testing.TB, name string, oldNew ...string) {
	t.Helper()
	file := filepath.Join(ts.content, name)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(oldNew); i += 2 {
		old, new := []byte(oldNew[i]), []byte(oldNew[i+1])
		if !bytes.Contains(data, old) {
			t.Fatalf("%s does not contain %q", name, old)
		}
		data = bytes.Replace(data, old, new, 1)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a buffer that serve can print to while a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeEditReloads checks that an edit saved in place is rebuilt,
// served, and announced to a page that was already open.
func TestServeEditReloads(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	ts.waitPage(t, firstPage, http.StatusOK, firstText)

	ts.edit(t, firstFile, firstText, "The plan was revised.")

	wantEvent(t, events, "reload")
	ts.waitPage(t, firstPage, http.StatusOK, "The plan was revised.")
}

// TestServeNeverStale asks for a page just after its article is saved,
// as a script does: the answer is the page as saved, never the one
// before, since serve holds a request while it makes the site again.
// It asks 20 ms after the save, once the system has told serve of it
// (before then serve cannot know), and before serve ends the 30 ms it
// waits for the sources to settle.
func TestServeNeverStale(t *testing.T) {
	ts := startServe(t)
	ts.waitPage(t, firstPage, http.StatusOK, firstText)
	text := firstText
	for i := range 10 {
		next := fmt.Sprintf("The plan was revised (%d).", i)
		ts.edit(t, firstFile, text, next)
		text = next
		time.Sleep(20 * time.Millisecond)
		if r := ts.get(t, http.MethodGet, firstPage); !strings.Contains(r.body, next) {
			t.Fatalf("asked for at once after save %d, %s does not show %q", i, firstPage, next)
		}
	}
}

// TestServeWritesOutputAfterChanges checks that the pages serve makes in
// memory are the files a build writes, and that the output folder
// catches up with an edit once the changes pause.
func TestServeWritesOutputAfterChanges(t *testing.T) {
	ts := startServe(t)
	file := filepath.Join(ts.out, "2024", "05", "first", "index.html")
	same := func() error {
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		r, err := ts.fetch(http.MethodGet, firstPage)
		if err != nil {
			return err
		}
		if served := string(preview.Strip([]byte(r.body))); served != string(data) {
			return fmt.Errorf("GET %s differs from %s:\nserved:\n%s\nwritten:\n%s", firstPage, file, served, data)
		}
		return nil
	}
	if err := same(); err != nil {
		t.Fatal(err)
	}
	events := ts.openEvents(t)
	ts.edit(t, firstFile, firstText, "The plan was written out.")
	wantEvent(t, events, "reload")
	ts.waitPage(t, firstPage, http.StatusOK, "The plan was written out.")
	eventually(t, waitTime, func() error {
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "The plan was written out.") {
			return fmt.Errorf("%s does not show the edit yet", file)
		}
		return same()
	})
}

// TestServeWritesOnceAnotherBuildIsDone saves while another build holds
// the output folder: serve shows the edit at once, says it will write
// the folder once that build is done, and does, without calling its own
// good site a failed build.
func TestServeWritesOnceAnotherBuildIsDone(t *testing.T) {
	ts := startServe(t)
	file := filepath.Join(ts.out, "2024", "05", "first", "index.html")
	other, err := output.Lock(ts.out)
	if err != nil {
		t.Fatal(err)
	}
	ts.edit(t, firstFile, firstText, "The plan was written out.")
	ts.waitPage(t, firstPage, http.StatusOK, "The plan was written out.")
	eventually(t, waitTime, func() error {
		if !strings.Contains(ts.log.String(), "writing once it is done") {
			return errors.New("serve has not said it waits for the other build")
		}
		return nil
	})
	if data, err := os.ReadFile(file); err != nil || strings.Contains(string(data), "The plan was written out.") {
		t.Fatalf("%s was written while another build held the folder (%v)", file, err)
	}
	other.Abort()
	eventually(t, waitTime, func() error {
		data, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(data), "The plan was written out.") {
			return fmt.Errorf("%s does not show the edit yet (%v)", file, err)
		}
		return nil
	})
	if strings.Contains(ts.log.String(), "build failed") {
		t.Errorf("serve called a good site a failed build:\n%s", ts.log)
	}
}

// TestServeStartsWhileAnotherBuildHoldsTheFolder starts serve while
// another build holds its output folder: it serves the site from memory
// at once, and writes the folder once that build is done.
func TestServeStartsWhileAnotherBuildHoldsTheFolder(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "site", "public")
	other, err := output.Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	ts := serveInBackground(t, options{Content: content, Templates: "../templates", Out: out})
	ts.waitPage(t, firstPage, http.StatusOK, firstText)
	if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
		t.Fatal("serve wrote the folder while another build held it")
	}
	other.Abort()
	eventually(t, waitTime, func() error {
		_, err := os.Stat(filepath.Join(out, "2024", "05", "first", "index.html"))
		return err
	})
}

// TestServeTemplateMistakeKeepsLastGoodSite checks a theme error that
// shows only when a page is made, on every page of its template: serve
// tries the changed theme before showing it, so open pages hear of the
// mistake at once, with its file and line, and never reload into it; the
// last good site stays served until the mistake is fixed.
func TestServeTemplateMistakeKeepsLastGoodSite(t *testing.T) {
	ts, templates := startServeWithTheme(t)
	events := ts.openEvents(t)
	fix := breakTheme(t, templates, `<h1{{template "lang" .Lang}}>{{.Title}}{{.NoSuchField}}</h1>`)
	e := wantEvent(t, events, "problems")
	if !strings.Contains(e.data, "NoSuchField") || !regexp.MustCompile(`article\.html:\d+: `).MatchString(e.data) {
		t.Errorf("problems event: got data %q, want the template's error at its file and line", e.data)
	}
	if r := ts.get(t, http.MethodGet, firstPage); r.status != http.StatusOK || !strings.Contains(r.body, firstText) {
		t.Errorf("GET %s with a broken article.html: got status %d, want 200 and the last good page", firstPage, r.status)
	}
	fix()
	wantEvent(t, events, "reload")
	ts.waitPage(t, firstPage, http.StatusOK, firstText)
}

// TestServeTemplateFailsOnOnePage checks a theme error that only shows
// on some pages of a template, which trying the theme does not make:
// the page says what went wrong, the terminal and open pages hear of it
// once serve writes the output folder, and the output folder stays as
// the last good build left it.
func TestServeTemplateFailsOnOnePage(t *testing.T) {
	ts, templates := startServeWithTheme(t)
	written := filepath.Join(ts.out, "2024", "05", "first", "index.html")
	before, err := os.ReadFile(written)
	if err != nil {
		t.Fatal(err)
	}
	events := ts.openEvents(t)

	// A field no article has, read on one article's page alone.
	fix := breakTheme(t, templates, `<h1{{template "lang" .Lang}}>{{.Title}}{{if eq .Slug "first"}}{{.NoSuchField}}{{end}}</h1>`)
	wantEvent(t, events, "reload")
	r := ts.waitPage(t, firstPage, http.StatusInternalServerError, "NoSuchField")
	if !strings.Contains(r.body, "article.html") || !strings.Contains(r.body, reloadTag) {
		t.Errorf("GET %s with a broken article.html: got body\n%s\nwant the error, naming article.html, and %s", firstPage, r.body, reloadTag)
	}
	if r := ts.get(t, http.MethodGet, "/"); r.status != http.StatusOK {
		t.Errorf("GET / with a broken article.html: got status %d, want 200: the home page does not use it", r.status)
	}
	if e := wantEvent(t, events, "unwritten"); !strings.Contains(e.data, "NoSuchField") {
		t.Errorf("unwritten event: got data %q, want the template's error", e.data)
	}
	if log := ts.log.String(); !strings.Contains(log, "build stopped by 1 problem") {
		t.Errorf("serve's log after a failed write:\n%s\nwant how many problems stopped it, as build tells", log)
	}
	if after, err := os.ReadFile(written); err != nil || !bytes.Equal(after, before) {
		t.Errorf("%s after a failed write: got error %v, or other bytes; want it as the last good build left it", written, err)
	}

	fix()
	wantEvent(t, events, "reload")
	ts.waitPage(t, firstPage, http.StatusOK, firstText)
}

// breakTheme replaces the article page's title in the theme's
// article.html with broken, and gives a function that puts it back.
func breakTheme(t *testing.T, templates, broken string) (fix func()) {
	t.Helper()
	page := filepath.Join(templates, "article.html")
	good, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	title := []byte(`<h1{{template "lang" .Lang}}>{{.Title}}</h1>`)
	if !bytes.Contains(good, title) {
		t.Fatalf("%s has no %s", page, title)
	}
	if err := os.WriteFile(page, bytes.Replace(good, title, []byte(broken), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(page, good, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestServeDuringRebuild checks that pages are served at every moment of
// a rebuild, never a 404 from the output folder the build replaces.
func TestServeDuringRebuild(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)

	var mu sync.Mutex
	var failures []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			r, err := ts.fetch(http.MethodGet, firstPage)
			if err != nil || r.status != http.StatusOK || !strings.Contains(r.body, firstText) {
				mu.Lock()
				failures = append(failures, fmt.Sprintf("got status %d, error %v", r.status, err))
				mu.Unlock()
			}
		}
	})
	stopFetching := sync.OnceFunc(func() {
		close(stop)
		wg.Wait()
	})
	defer stopFetching() // if the test fails early

	text := "This guidance no longer applies."
	for i := range 5 {
		next := fmt.Sprintf("This guidance no longer applies (%d).", i)
		ts.edit(t, "articles/2024-07-01-withdrawn.md", text, next)
		text = next
		wantEvent(t, events, "reload")
	}

	stopFetching()
	if len(failures) > 0 {
		t.Errorf("GET %s during 5 rebuilds failed %d times, first: %s; want the last good build every time", firstPage, len(failures), failures[0])
	}
}

// TestServeSaveByRename checks that an editor's save by rename over the
// article is noticed, as the watcher watches folders, not files.
func TestServeSaveByRename(t *testing.T) {
	ts := startServe(t)
	file := filepath.Join(ts.content, firstFile)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(firstText), []byte("Saved by rename."), 1)
	// Editors write a hidden file beside the article, then rename it over.
	tmp := filepath.Join(filepath.Dir(file), ".2024-05-10-first.md.tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}

	ts.waitPage(t, firstPage, http.StatusOK, "Saved by rename.")
}

// TestServeNewFolder checks that an article in a folder made while
// serving is built, and that later edits in that folder are noticed.
func TestServeNewFolder(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	// Nested folders, made and filled at once, before serve can watch them.
	dir := filepath.Join(ts.content, "articles", "2024", "autumn")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: New folder\ndate: 2024-09-01\nsummary: An article in a new folder.\ntopics: [Assessments]\n---\nWritten in a new folder.\n"
	if err := os.WriteFile(filepath.Join(dir, "2024-09-01-new.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	wantEvent(t, events, "reload")
	ts.waitPage(t, "/2024/09/new/", http.StatusOK, "Written in a new folder.")

	// The new folder is watched too.
	ts.edit(t, "articles/2024/autumn/2024-09-01-new.md", "Written in a new folder.", "Edited in the new folder.")
	wantEvent(t, events, "reload")
	ts.waitPage(t, "/2024/09/new/", http.StatusOK, "Edited in the new folder.")
}

// TestServeRenamedFolder checks that a folder renamed while serving,
// again and again, stays watched: an edit in it after each rename is
// built.
func TestServeRenamedFolder(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	dir := filepath.Join(ts.content, "articles", "autumn")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: Renamed\ndate: 2024-09-01\nsummary: An article in a folder renamed.\n---\nEdit 0.\n"
	if err := os.WriteFile(filepath.Join(dir, "2024-09-01-renamed.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	wantEvent(t, events, "reload")
	for i := 1; i <= 6; i++ {
		renamed := filepath.Join(ts.content, "articles", fmt.Sprintf("autumn-%d", i))
		if err := os.Rename(dir, renamed); err != nil {
			t.Fatal(err)
		}
		dir = renamed
		wantEvent(t, events, "reload")
		ts.edit(t, filepath.Join("articles", filepath.Base(dir), "2024-09-01-renamed.md"), fmt.Sprintf("Edit %d.", i-1), fmt.Sprintf("Edit %d.", i))
		wantEvent(t, events, "reload")
		ts.waitPage(t, "/2024/09/renamed/", http.StatusOK, fmt.Sprintf("Edit %d.", i))
	}
}

// TestServeBrokenThenFixed checks that a failed build reports its errors
// to open and newly opened pages while the last good build stays served,
// and that fixing the error reloads the pages.
func TestServeBrokenThenFixed(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)

	ts.edit(t, firstFile, "date: 2024-05-10\n", "date: 10/05/2024\n", firstText, "The plan was fixed.")

	e := wantEvent(t, events, "problems")
	wantLine := filepath.ToSlash(ts.content) + "/" + firstFile + `:3: date: "10/05/2024" is not a date`
	if !strings.Contains(e.data, wantLine) {
		t.Errorf("problems event: got data %q, want a line starting %q", e.data, wantLine)
	}
	// The last good build is still served, unchanged.
	r := ts.get(t, http.MethodGet, firstPage)
	if r.status != http.StatusOK || !strings.Contains(r.body, firstText) || strings.Contains(r.body, "The plan was fixed.") {
		t.Errorf("GET %s after a failed build: got status %d and body:\n%s\nwant status 200 and the page of the last good build, with %q", firstPage, r.status, r.body, firstText)
	}
	// A page opened now is shown the problems at once.
	late := ts.openEvents(t)
	if got := wantEvent(t, late, "problems"); got.data != e.data {
		t.Errorf("problems on connecting: got %q, want %q", got.data, e.data)
	}

	ts.edit(t, firstFile, "date: 10/05/2024\n", "date: 2024-05-10\n")

	wantEvent(t, events, "reload")
	wantEvent(t, late, "reload")
	ts.waitPage(t, firstPage, http.StatusOK, "The plan was fixed.")
	// Once fixed, a new page is not shown old problems.
	fresh := ts.openEvents(t)
	ts.edit(t, firstFile, "The plan was fixed.", "The plan was fixed again.")
	wantEvent(t, fresh, "reload")
}

// TestServeFailedBuildWritesNothing saves a good change and, before
// serve writes it out, a broken one: the good site stays served, but the
// output folder is not written after the failure, and the terminal's
// last word is the failure, not a write that reads like a success.
func TestServeFailedBuildWritesNothing(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	ts.edit(t, firstFile, firstText, "The plan was saved once.")
	wantEvent(t, events, "reload")
	ts.edit(t, firstFile, "date: 2024-05-10\n", "date: 10/05/2024\n")
	wantEvent(t, events, "problems")
	time.Sleep(3 * serve.WritePause)
	printed := ts.log.String()
	if after := printed[strings.LastIndex(printed, "build failed:"):]; strings.Contains(after, "wrote ") {
		t.Errorf("serve wrote its output folder after a failed build:\n%s", after)
	}
}

// TestServeDeletedArticle checks that a deleted article's page goes, and
// that the 404 page in its place still reloads.
func TestServeDeletedArticle(t *testing.T) {
	ts := startServe(t)
	const page = "/2024/07/withdrawn/"
	ts.waitPage(t, page, http.StatusOK, "This guidance no longer applies.")
	events := ts.openEvents(t)

	if err := os.Remove(filepath.Join(ts.content, "articles/2024-07-01-withdrawn.md")); err != nil {
		t.Fatal(err)
	}

	wantEvent(t, events, "reload")
	r := ts.waitPage(t, page, http.StatusNotFound, "Page not found")
	if !strings.Contains(r.body, reloadTag) {
		t.Errorf("GET %s: the 404 page has no %s:\n%s", page, reloadTag, r.body)
	}
	if got, want := r.header.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
		t.Errorf("GET %s: got Content-Type %q, want %q", page, got, want)
	}
}

// TestServeInjectsReloadScript checks that served pages get the live-reload
// script and that no file on disk ever does.
func TestServeInjectsReloadScript(t *testing.T) {
	ts := startServe(t)
	for _, path := range []string{"/", firstPage, "/topics/", "/2024/", "/no-such-page/"} {
		r := ts.get(t, http.MethodGet, path)
		i := strings.Index(r.body, reloadTag)
		if i < 0 || i > strings.LastIndex(r.body, "</body>") {
			t.Errorf("GET %s: got a page without %s before </body>:\n%s", path, reloadTag, r.body)
		}
	}
	for _, path := range []string{"/feed.xml", "/style.css", "/images/chart.svg"} {
		if r := ts.get(t, http.MethodGet, path); r.status != http.StatusOK || strings.Contains(r.body, "/_bulletin/") {
			t.Errorf("GET %s: got status %d and body:\n%s\nwant 200 and no live-reload script", path, r.status, r.body)
		}
	}
	r := ts.get(t, http.MethodGet, "/_bulletin/reload.js")
	if r.status != http.StatusOK || !strings.Contains(r.body, "EventSource") {
		t.Errorf("GET /_bulletin/reload.js: got status %d and body:\n%s\nwant 200 and the script", r.status, r.body)
	}

	// What serve wrote to disk, and what build writes, have no trace of it.
	o := testOptions(t, "testdata/site")
	if _, err := build(o); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, dir := range []string{ts.out, o.Out} {
		for name, data := range readTree(t, dir) {
			if bytes.Contains(data, []byte("/_bulletin/")) {
				t.Errorf("%s contains /_bulletin/; only served pages may", filepath.Join(dir, name))
			}
		}
	}
}

// TestServeContentTypes checks that each kind of file is served with
// the media type the README asks a host for.
func TestServeContentTypes(t *testing.T) {
	ts := startServe(t)
	tests := []struct{ path, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/feed.xml", "application/rss+xml; charset=utf-8"},
		{"/atom.xml", "application/atom+xml; charset=utf-8"},
		{"/feed.json", "application/feed+json; charset=utf-8"},
		{"/topics/assessments/feed.xml", "application/rss+xml; charset=utf-8"},
		{"/topics/assessments/key-dates.ics", "text/calendar; charset=utf-8"},
		{"/style.css", "text/css; charset=utf-8"},
		{"/images/chart.svg", "image/svg+xml"},
	}
	for _, tt := range tests {
		r := ts.get(t, http.MethodGet, tt.path)
		if got := r.header.Get("Content-Type"); r.status != http.StatusOK || got != tt.want {
			t.Errorf("GET %s: got status %d and Content-Type %q, want 200 and %q", tt.path, r.status, got, tt.want)
		}
	}
}

// TestServeMethods checks that only GET and HEAD are answered.
func TestServeMethods(t *testing.T) {
	ts := startServe(t)
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		for _, path := range []string{"/", firstPage, "/_bulletin/events", "/_bulletin/reload.js"} {
			r := ts.get(t, method, path)
			if r.status != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: got status %d, want %d", method, path, r.status, http.StatusMethodNotAllowed)
			}
			if got, want := r.header.Get("Allow"), "GET, HEAD"; got != want {
				t.Errorf("%s %s: got Allow %q, want %q", method, path, got, want)
			}
		}
	}
	r := ts.get(t, http.MethodHead, firstPage)
	if r.status != http.StatusOK || r.body != "" {
		t.Errorf("HEAD %s: got status %d and body %q, want 200 and no body", firstPage, r.status, r.body)
	}
}

// TestServeStaysInOutputFolder checks that no request path, however
// encoded, reads or redirects outside the output folder and the site.
func TestServeStaysInOutputFolder(t *testing.T) {
	ts := startServe(t)
	const secret = "outside the output folder"
	if err := os.WriteFile(filepath.Join(filepath.Dir(ts.out), "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/../secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/2024/..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		"/%5c..%5csecret.txt",
		"/%5c..%5c",
		"/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
		"/..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd",
		"/images%5c..%5c..%5csecret.txt",
		"/%5ctopics",
	} {
		r := ts.get(t, http.MethodGet, path)
		if r.status != http.StatusNotFound {
			t.Errorf("GET %s: got status %d, want %d", path, r.status, http.StatusNotFound)
		}
		if strings.Contains(r.body, secret) || strings.Contains(r.body, "root:") {
			t.Errorf("GET %s: got a file from outside the output folder:\n%s", path, r.body)
		}
	}
	// A folder is redirected to its slash, on this site whatever the path.
	for path, want := range map[string]string{
		"/topics":         "/topics/",
		"/2024/05/first":  "/2024/05/first/",
		"//topics":        "/topics/",
		"/%2ftopics":      "/topics/",
		"/2024/../topics": "/topics/",
	} {
		r := ts.get(t, http.MethodGet, path)
		if got := r.header.Get("Location"); r.status != http.StatusMovedPermanently || got != want {
			t.Errorf("GET %s: got status %d to %q, want %d to %q", path, r.status, got, http.StatusMovedPermanently, want)
		}
	}
}

// TestServeRedirectsAFolderOfTheContent asks for a folder whose
// index.html is a file of the content folder (an about page written as
// HTML): serve sends it on to its slash, as it does a page it made, and
// serves the file there, as a host would.
func TestServeRedirectsAFolderOfTheContent(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(content, "about"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "about", "index.html"), []byte("<!DOCTYPE html>\n<html lang=\"en\"><title>About</title><h1>About us</h1></html>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := serveInBackground(t, options{Content: content, Templates: "../templates", Out: filepath.Join(dir, "public")})
	ts.waitPage(t, "/about/", http.StatusOK, "About us")
	for path, want := range map[string]string{"/about": "/about/", "//about": "/about/"} {
		r := ts.get(t, http.MethodGet, path)
		if got := r.header.Get("Location"); r.status != http.StatusMovedPermanently || got != want {
			t.Errorf("GET %s: got status %d to %q, want %d to %q", path, r.status, got, http.StatusMovedPermanently, want)
		}
	}
}

// TestServeFollowsNoLinkInContent replaces an image of the last good
// build with a symbolic link to a hidden file of the content folder: the
// build refuses it, and serve, which reads images from the content
// folder, does not show what the link leads to.
func TestServeFollowsNoLinkInContent(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	const secret = "TOKEN=do-not-publish"
	if err := os.WriteFile(filepath.Join(ts.content, ".env"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	image := filepath.Join(ts.content, "images", "chart.svg")
	if err := os.Remove(image); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../.env", image); err != nil {
		t.Fatal(err)
	}
	wantEvent(t, events, "problems")
	if r := ts.get(t, http.MethodGet, "/images/chart.svg"); strings.Contains(r.body, secret) {
		t.Errorf("GET /images/chart.svg: got status %d and the hidden file a link leads to", r.status)
	}
}

// TestServeServesNoScriptAfterFailedBuild saves script into an image
// the site publishes as it is: the build stops, and serve, which reads
// such files afresh for a browser, no longer serves the image, which the
// build would not publish, while the last good pages stay served.
func TestServeServesNoScriptAfterFailedBuild(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	const script = `<script>alert(document.cookie)</script>`
	image := filepath.Join(ts.content, "images", "chart.svg")
	if err := os.WriteFile(image, []byte(`<svg xmlns="http://www.w3.org/2000/svg">`+script+`</svg>`), 0o644); err != nil {
		t.Fatal(err)
	}
	wantEvent(t, events, "problems")
	if r := ts.get(t, http.MethodGet, "/images/chart.svg"); r.status == http.StatusOK || strings.Contains(r.body, script) || !strings.Contains(r.body, filepath.ToSlash(image)+": holds script") {
		t.Errorf("GET /images/chart.svg: got status %d and body:\n%s\nwant no image holding script, and the file named as the build names it", r.status, r.body)
	}
	if r := ts.get(t, http.MethodGet, firstPage); r.status != http.StatusOK || !strings.Contains(r.body, firstText) {
		t.Errorf("GET %s after a failed build: got status %d, want the last good page", firstPage, r.status)
	}
}

// TestServeStops checks that serve closes open event streams and returns
// promptly when its context is cancelled.
func TestServeStops(t *testing.T) {
	ts := startServe(t)
	events := ts.openEvents(t)
	ts.stop(t)
	select {
	case e, ok := <-events:
		if ok {
			t.Errorf("got event %q after serve stopped, want the stream closed", e.name)
		}
	case <-time.After(waitTime):
		t.Errorf("event stream still open %v after serve stopped", waitTime)
	}
	if _, err := ts.fetch(http.MethodGet, "/"); err == nil {
		t.Errorf("GET / after serve stopped: got an answer, want no server")
	}
}

// TestServeDefaultOut checks that serve without -out builds into a
// temporary folder of its own and removes it on exit, leaving no public/.
func TestServeDefaultOut(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	templates, err := filepath.Abs("../templates")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("TMPDIR", tmp)

	ts := serveInBackground(t, options{Content: "content", Templates: templates})
	ts.waitPage(t, firstPage, http.StatusOK, firstText)
	built, err := filepath.Glob(filepath.Join(tmp, "bulletin-serve-*", "public", "index.html"))
	if err != nil || len(built) != 1 {
		t.Fatalf("got %d builds in %s (%v), want serve's one", len(built), tmp, err)
	}
	ts.stop(t)

	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("serve left %s in the temporary folder, want it removed on exit", e.Name())
	}
	if _, err := os.Stat("public"); !os.IsNotExist(err) {
		t.Errorf("serve created ./public (stat: %v), want only its temporary folder", err)
	}
}

// TestServeHeldBackArticleComesOut writes an article dated four
// seconds ahead: with no save, serve shows it once its time comes, as a
// build then would, and pages reload.
func TestServeHeldBackArticleComesOut(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	comes := time.Now().Add(4 * time.Second).UTC().Truncate(time.Second)
	article := fmt.Sprintf("---\ntitle: Comes out soon\ndate: %s\nsummary: Held back until its time.\ntopics: [Funding]\n---\nOut now.\n", comes.Format(time.RFC3339))
	if err := os.WriteFile(filepath.Join(content, "articles", "soon.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := serveInBackground(t, options{Content: content, Templates: "../templates", Out: filepath.Join(dir, "public")})
	ts.content = content
	page := comes.Format("/2006/01/") + "soon/"
	ts.waitPage(t, "/", http.StatusOK, "Test Bulletin")
	events := ts.openEvents(t)
	if time.Now().Before(comes) {
		ts.waitPage(t, page, http.StatusNotFound, "Page not found")
	}

	time.Sleep(time.Until(comes))
	wantEvent(t, events, "reload")
	ts.waitPage(t, page, http.StatusOK, "Out now.")
	ts.waitPage(t, "/", http.StatusOK, "Comes out soon")
	eventually(t, waitTime, func() error {
		data, err := os.ReadFile(filepath.Join(dir, "public", render.FileFor(page)))
		if err != nil || !strings.Contains(string(data), "Out now.") {
			return fmt.Errorf("%s in the output folder: %v", page, err)
		}
		return nil
	})
}

// TestServeUnderBasePath serves a site built for a path of its own
// (-base-url https://example.org/bulletin/) at that path, where its pages
// link to each other: the host's root leads there, and a folder's address
// without its slash is sent to it within the path, escaped as a link
// writes it.
func TestServeUnderBasePath(t *testing.T) {
	ts := startServeAt(t, "https://example.org/bulletin/", "/bulletin/")
	home := ts.waitPage(t, "/bulletin/", http.StatusOK, "Test Bulletin")
	if !strings.Contains(home.body, `href="/bulletin/style.css"`) {
		t.Fatalf("the home page does not link to /bulletin/style.css:\n%s", home.body)
	}
	for path, want := range map[string]int{
		"/bulletin/style.css": http.StatusOK,
		"/bulletin/topics/":   http.StatusOK,
		"/style.css":          http.StatusNotFound,
	} {
		if r := ts.get(t, http.MethodGet, path); r.status != want {
			t.Errorf("GET %s: %d, want %d", path, r.status, want)
		}
	}
	for path, to := range map[string]string{"/": "/bulletin/", "/bulletin": "/bulletin/", "/bulletin/topics": "/bulletin/topics/"} {
		if r := ts.get(t, http.MethodGet, path); r.status/100 != 3 || r.header.Get("Location") != to {
			t.Errorf("GET %s: %d to %q, want a redirect to %s", path, r.status, r.header.Get("Location"), to)
		}
	}
}

// TestServeUnderEscapedBasePath redirects within a base path that holds
// characters a link escapes, so that a ? or a % in it is no query or
// escape.
func TestServeUnderEscapedBasePath(t *testing.T) {
	ts := startServeAt(t, "https://example.org/a%3Fb%25/", "/a%3Fb%25/")
	for path, to := range map[string]string{"/": "/a%3Fb%25/", "/a%3Fb%25/topics": "/a%3Fb%25/topics/"} {
		if r := ts.get(t, http.MethodGet, path); r.status/100 != 3 || r.header.Get("Location") != to {
			t.Errorf("GET %s: %d to %q, want a redirect to %s", path, r.status, r.header.Get("Location"), to)
		}
	}
}

// TestServeShowsDraftsWhenAsked previews a draft: serve -drafts shows it,
// marked as a draft, on its page and in lists, and writes no output
// folder, where a plain serve, as a build, leaves it out.
func TestServeShowsDraftsWhenAsked(t *testing.T) {
	const draftPage = "/2024/08/draft/"
	plain := startServe(t)
	plain.waitPage(t, draftPage, http.StatusNotFound, "")

	// In git, whose history serve reads and keeps beside the output
	// folder, but not with -drafts.
	r := newGitRepo(t)
	dir := r.dir
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := os.CopyFS(content, os.DirFS("testdata/site/content")); err != nil {
		t.Fatal(err)
	}
	r.commit("2024-09-01", "The content")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	ts := serveInBackground(t, options{Content: content, Templates: "../templates", Out: out, Drafts: true})
	ts.content = content
	ts.waitPage(t, draftPage, http.StatusOK, "Draft: not published.")
	ts.waitPage(t, "/", http.StatusOK, `<span class="status status-draft">Draft</span>`)
	ts.waitPage(t, "/topics/assessments/", http.StatusOK, `>A draft</a> <span class="status status-draft">Draft</span>`)
	// A draft dated a moment ahead comes out when its time comes, as it
	// would published, with no save.
	events := ts.openEvents(t)
	soon := time.Now().Add(3 * time.Second).UTC().Truncate(time.Second)
	ahead := fmt.Sprintf("---\ntitle: Soon\ndate: %s\nsummary: Soon.\ntopics: [Assessments]\ndraft: true\n---\nSoon.\n", soon.Format(time.RFC3339))
	if err := os.WriteFile(filepath.Join(content, "articles", "2024-08-02-soon.md"), []byte(ahead), 0o644); err != nil {
		t.Fatal(err)
	}
	soonPage := soon.Format("/2006/01/") + "soon/"
	wantEvent(t, events, "reload")
	if r := ts.get(t, http.MethodGet, soonPage); time.Now().Before(soon) && r.status != http.StatusNotFound {
		t.Errorf("GET %s before its time: got status %d, want 404", soonPage, r.status)
	}
	eventually(t, 10*time.Second, func() error {
		if r := ts.get(t, http.MethodGet, soonPage); r.status != http.StatusOK {
			return fmt.Errorf("GET %s after its time: got status %d, want 200", soonPage, r.status)
		}
		return nil
	})
	// A save shows at once, and is written nowhere.
	ts.edit(t, "articles/2024-08-01-draft.md", "Draft text.", "Draft text, revised.")
	wantEvent(t, events, "reload")
	ts.waitPage(t, draftPage, http.StatusOK, "Draft text, revised.")
	time.Sleep(2 * serve.WritePause)
	for folder, want := range map[string][]string{out: nil, dir: {".git", "content", "public"}} {
		entries, err := os.ReadDir(folder)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		if !slices.Equal(got, want) {
			t.Errorf("serve -drafts left %s holding %q, want %q: it writes nothing", folder, got, want)
		}
	}
}

// TestServeAnswersItsOwnNames checks that serve answers requests for
// localhost, IP addresses and its base URL's host, and refuses those for
// any other name, which a page of another site could have pointed at it
// (DNS rebinding) to read the preview as its own.
func TestServeAnswersItsOwnNames(t *testing.T) {
	ts := startServeAt(t, "http://preview.example.test:8080/", "/")
	port := strings.TrimPrefix(ts.url[strings.LastIndex(ts.url, ":"):], ":")
	for host, want := range map[string]int{
		"127.0.0.1:" + port:                 http.StatusOK,
		"[::1]:" + port:                     http.StatusOK,
		"localhost:" + port:                 http.StatusOK,
		"LOCALHOST.:" + port:                http.StatusOK,
		"bulletin.localhost:" + port:        http.StatusOK,
		"preview.example.test:8080":         http.StatusOK,
		"Preview.Example.Test":              http.StatusOK,
		"attacker.example:" + port:          http.StatusForbidden,
		"preview.example.test.evil:" + port: http.StatusForbidden,
		"localhost.evil.example:" + port:    http.StatusForbidden,
	} {
		for _, path := range []string{"/", "/_bulletin/reload.js"} {
			req, err := http.NewRequest(http.MethodGet, ts.url+path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("GET %s as %s: %v", path, host, err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("GET %s as %s: got status %d, want %d", path, host, resp.StatusCode, want)
			}
			if want == http.StatusForbidden && !strings.Contains(string(body), "-base-url http://"+host+"/") {
				t.Errorf("GET %s as %s: the refusal does not say how to open it so:\n%s", path, host, body)
			}
		}
	}
}

// TestServeAnswersABaseHostWithItsDot serves a site whose base URL
// writes its host fully qualified, with a trailing dot: serve answers
// to it, with the dot or without, as it does to localhost.
func TestServeAnswersABaseHostWithItsDot(t *testing.T) {
	ts := startServeAt(t, "http://preview.example.test./", "/")
	for _, host := range []string{"preview.example.test.", "preview.example.test", "Preview.Example.Test.:8080"} {
		req, err := http.NewRequest(http.MethodGet, ts.url+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET / as %s: %v", host, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET / as %s: got status %d, want %d", host, resp.StatusCode, http.StatusOK)
		}
	}
}

// TestServeRefusalKeepsTheBasePath asks a site served at a path for
// another name: the -base-url the refusal offers keeps that path, where
// the site's pages link, rather than moving the site to the host's root.
func TestServeRefusalKeepsTheBasePath(t *testing.T) {
	ts := startServeAt(t, "https://example.org/bulletin/", "/bulletin/")
	req, err := http.NewRequest(http.MethodGet, ts.url+"/bulletin/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "devbox.example:8080"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := "-base-url http://devbox.example:8080/bulletin/"; resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), want) {
		t.Errorf("got status %d and\n%s\nwant %d, with %q", resp.StatusCode, body, http.StatusForbidden, want)
	}
}

// TestAddrName gives the name serve was told to listen on, which it
// answers to: -addr devbox:8080 is opened as http://devbox:8080/.
func TestAddrName(t *testing.T) {
	for addr, want := range map[string][]string{
		"devbox:8080":    {"devbox"},
		"127.0.0.1:8080": nil,
		"[::1]:8080":     nil,
		":8080":          nil,
		"devbox":         nil, // no port: net.Listen refuses it first
	} {
		if got := addrName(addr); !slices.Equal(got, want) {
			t.Errorf("addrName(%q) = %q, want %q", addr, got, want)
		}
	}
}
