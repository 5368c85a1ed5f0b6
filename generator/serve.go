package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"bulletin/generator/inputs"
	"bulletin/generator/render"
)

//go:embed reload.js
var reloadScript string

// liveReloadPath is where serve answers its own requests; the script and
// the event stream are never written to the output folder.
const liveReloadPath = "/_bulletin/"

func runServe(args []string, stdout, stderr io.Writer) error {
	o := options{}
	flags := newFlags("serve", "bulletin serve [-addr HOST:PORT] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND]")
	o.addFlags(flags)
	// serve builds into a temporary folder unless given -out (see serve),
	// so its -out has no default.
	out := flags.Lookup("out")
	out.Usage = "output folder (default: a temporary folder, removed on exit)"
	out.DefValue, o.out = "", ""
	addr := flags.String("addr", "127.0.0.1:8080", "address to serve on")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, o, ln, stdout)
}

// serve builds the site, serves it on ln and rebuilds it after each burst
// of changes to the content or the theme, until ctx is done. Unless -out
// was given, it builds into a temporary folder that it removes on exit.
//
// Pages are made in memory as they are asked for, from the site model of
// the last good build, so a change is shown as soon as that model is
// made again; the output folder follows once the changes pause.
func serve(ctx context.Context, o options, ln net.Listener, log io.Writer) error {
	base := "http://" + ln.Addr().String() + "/"
	if o.baseURL == "" {
		o.baseURL = base
	}
	if o.out == "" {
		tmp, err := os.MkdirTemp("", "bulletin-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		o.out = tmp + "/public"
	}
	if err := checkFolders(o); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(cachePath(o.out)), 0o755); err != nil {
		return err
	}
	s := &server{opts: o, log: log, live: newLive(o), clients: map[chan event]bool{}}
	w, err := newWatcher(o.content, o.templates)
	if err != nil {
		return err
	}
	defer w.Close()
	if s.refresh(nil, true) {
		s.write(context.Background(), false)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	fmt.Fprintf(log, "serving %s on %s (Ctrl-C to stop)\n", o.content, base)
	var (
		writeLater  <-chan time.Time
		stopWriting = func() {}
		writes      sync.WaitGroup
	)
	defer writes.Wait()
	defer func() { stopWriting() }()
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil {
				srv.Close()
			}
			fmt.Fprintln(log, "stopped")
			return nil
		case <-w.Changes:
			// A write in progress is of a site about to be replaced: it
			// stops, leaving the folder as it was, while the change is read.
			stopWriting()
			if s.refreshSettled(w) {
				writeLater = time.After(writePause)
			}
		case <-writeLater:
			writeLater = nil
			wctx, cancel := context.WithCancel(context.Background())
			stopWriting = cancel
			writes.Go(func() { s.write(wctx, true) })
		case err := <-w.Errors:
			fmt.Fprintf(log, "watching: %v\n", err)
		}
	}
}

// writePause is how long the sources must be quiet before serve writes
// the output folder, so that a run of saves, each shown at once from
// memory, costs one write of the folder.
const writePause = 300 * time.Millisecond

// maxClients bounds the open live-reload connections.
const maxClients = 64

// server serves the last good build and tells open pages about rebuilds.
type server struct {
	opts    options
	log     io.Writer
	live    *live
	writeMu sync.Mutex // held while the output folder is written

	mu       sync.Mutex
	problems string // the errors of the last build, if it failed
	clients  map[chan event]bool
}

// event is a message to open pages: "reload" or "problems".
type event struct {
	name string
	data string
}

// refreshSettled makes the site again from the watcher's changes as soon
// as they come, and again with any that come meanwhile, until the
// sources have settled: only then do pages hear of it. It reports
// whether the site changed.
func (s *server) refreshSettled(w *watcher) bool {
	for {
		start := time.Now()
		n := w.Seen()
		paths, all := w.Take()
		if len(paths) == 0 && !all {
			return false // read already
		}
		ls, err := s.live.update(paths, all)
		if w.Settled(n) {
			return s.announce(start, ls, err)
		}
	}
}

// refresh makes the site again from the changed paths (all: from every
// file) and tells the pages.
func (s *server) refresh(paths []string, all bool) bool {
	start := time.Now()
	ls, err := s.live.update(paths, all)
	return s.announce(start, ls, err)
}

// announce tells the pages of a rebuild begun at start: they reload, or
// show what went wrong while the last good site stays served. It reports
// whether the site changed.
func (s *server) announce(start time.Time, ls *liveSite, err error) bool {
	if err != nil {
		s.fail(err)
		return false
	}
	fmt.Fprintf(s.log, "built %d articles in %s, served from memory\n", len(ls.site.Articles), time.Since(start).Round(time.Millisecond))
	s.mu.Lock()
	s.problems = ""
	s.mu.Unlock()
	s.broadcast(event{"reload", time.Since(start).String()})
	return true
}

// write brings the output folder up to date with the current site, as
// the build command writes it; keepIndex keeps the first write's search
// index. A write stopped by ctx leaves the folder as it was and says
// nothing.
func (s *server) write(ctx context.Context, keepIndex bool) {
	// One write at a time: a stopped one may still be tidying up.
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	ls := s.live.current()
	o := s.opts
	o.keepIndex = keepIndex
	start := time.Now()
	if err := inputs.Forget(recordPath(o.out)); err != nil {
		s.fail(err)
		return
	}
	r, err := publish(ctx, o, ls.site, ls.files, lint(ls.site, ls.files))
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		s.fail(err)
		return
	}
	r.elapsed = time.Since(start)
	fmt.Fprint(s.log, "wrote "+o.out+", "+strings.TrimPrefix(r.summary(), "built "))
}

// fail reports a failed build to the terminal and to every page.
func (s *server) fail(err error) {
	fmt.Fprintf(s.log, "build failed:\n%v\n", err)
	s.mu.Lock()
	s.problems = err.Error()
	s.mu.Unlock()
	s.broadcast(event{"problems", err.Error()})
}

func (s *server) broadcast(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a slow page misses one event; it gets the next
		}
	}
}

func (s *server) closeClients() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case liveReloadPath + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	case liveReloadPath + "events":
		s.events(w, r)
		return
	}
	s.file(w, r)
}

// file serves a file of the last good build.
func (s *server) file(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	ls := s.live.current()
	if ls == nil {
		// A page that shows the errors and reloads once they are fixed.
		s.mu.Lock()
		problems := s.problems
		s.mu.Unlock()
		s.problemPage(w, http.StatusServiceUnavailable, "The site did not build", problems)
		return
	}
	data, err := s.readFile(ls, name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && ls.files.Has(path.Join(name, "index.html")):
		// Redirect to the cleaned path: the requested one may start with
		// "//", which a browser would read as the name of another host.
		http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
		return
	case errors.Is(err, fs.ErrNotExist):
		s.notFound(w, ls)
		return
	case err != nil:
		fmt.Fprintf(s.log, "serving /%s:\n%v\n", name, err)
		s.problemPage(w, http.StatusInternalServerError, "This page did not build", err.Error())
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if path.Ext(name) == ".html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data = injectScript(data)
	} else if ct := render.MediaType(name); ct != "" {
		w.Header().Set("Content-Type", ct+"; charset=utf-8")
	} else if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	http.ServeContent(w, r, name, ls.made, bytes.NewReader(data))
}

// problemPage shows errors, with the script that reloads once they are fixed.
func (s *server) problemPage(w http.ResponseWriter, status int, title, problems string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!DOCTYPE html><html lang=en><title>%s</title><h1>%s</h1><pre>%s</pre>%s",
		title, title, html.EscapeString(problems), scriptTag)
}

func (s *server) notFound(w http.ResponseWriter, ls *liveSite) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if data, err := ls.files.Make("404.html"); err == nil {
		w.Write(injectScript(data))
		return
	}
	io.WriteString(w, "not found")
}

// readFile gives a file of the site: a page or feed made now from the
// site model, an asset from the content folder, or a file of the search
// index from the output folder. Names are resolved inside those folders
// through os.Root, so no request reaches outside them.
func (s *server) readFile(ls *liveSite, name string) ([]byte, error) {
	if strings.Contains(name, `\`) { // a separator on Windows
		return nil, fs.ErrNotExist
	}
	switch {
	case ls.files.Has(name):
		return ls.files.Make(name)
	case ls.isAsset(name):
		return readIn(s.opts.content, name)
	case inSearch(name):
		data, err := readIn(s.opts.out, name)
		if errors.Is(err, fs.ErrNotExist) {
			// The read may have raced a write swapping in a new folder
			// and deleting the old one: look once more, in the new one.
			data, err = readIn(s.opts.out, name)
		}
		return data, err
	}
	return nil, fs.ErrNotExist
}

// readIn reads the file name inside dir, opened afresh so that it is the
// folder now at that path.
func readIn(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	info, err := root.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fs.ErrNotExist
	}
	return root.ReadFile(name)
}

// events streams rebuild news to one open page as Server-Sent Events.
// A page that connects while the last build failed is shown its errors.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 4)
	s.mu.Lock()
	if len(s.clients) >= maxClients {
		s.mu.Unlock()
		http.Error(w, "too many live-reload connections", http.StatusServiceUnavailable)
		return
	}
	s.clients[c] = true
	problems := s.problems
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if problems != "" {
		writeEvent(w, event{"problems", problems})
	} else {
		io.WriteString(w, ": connected\n\n")
	}
	flusher.Flush()
	for {
		select {
		case e, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, e)
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

func writeEvent(w io.Writer, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	io.WriteString(w, "\n")
}

var scriptTag = []byte(`<script src="` + liveReloadPath + `reload.js"></script>`)

// injectScript adds the live-reload script to a page as serve sends it.
func injectScript(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, scriptTag...)
	}
	return slices.Concat(page[:i], scriptTag, page[i:])
}
