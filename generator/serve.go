package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"flag"
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
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

//go:embed reload.js
var reloadScript string

// liveReloadPath is where serve answers its own requests; the script and
// the event stream are never written to the output folder.
const liveReloadPath = "/_bulletin/"

func runServe(args []string, stdout, stderr io.Writer) error {
	o := options{}
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	o.addFlags(flags)
	addr := flags.String("addr", "127.0.0.1:8080", "address to serve on")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "serve: unexpected arguments: %s\n", strings.Join(flags.Args(), " "))
		return errUsage
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
func serve(ctx context.Context, o options, ln net.Listener, log io.Writer) error {
	base := "http://" + ln.Addr().String() + "/"
	if o.baseURL == "" {
		o.baseURL = base
	}
	if o.out == "public" || o.out == "" {
		tmp, err := os.MkdirTemp("", "bulletin-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		o.out = tmp + "/public"
	}
	s := &server{opts: o, log: log, clients: map[chan event]bool{}}
	w, err := newWatcher(o.content, o.templates)
	if err != nil {
		return err
	}
	defer w.Close()
	s.rebuild()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	fmt.Fprintf(log, "serving %s on %s (Ctrl-C to stop)\n", o.content, base)
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
			s.rebuild()
		case err := <-w.Errors:
			fmt.Fprintf(log, "watching: %v\n", err)
		}
	}
}

// maxClients bounds the open live-reload connections.
const maxClients = 64

// server serves the last good build and tells open pages about rebuilds.
type server struct {
	opts options
	log  io.Writer

	built atomic.Bool // a build has succeeded: opts.out holds a complete site

	mu       sync.Mutex
	problems string // the errors of the last build, if it failed
	clients  map[chan event]bool
}

// event is a message to open pages: "reload" or "problems".
type event struct {
	name string
	data string
}

// rebuild runs the same build as the build command and tells the pages.
func (s *server) rebuild() {
	o := s.opts
	o.now = time.Now()
	r, err := build(o)
	if err != nil {
		fmt.Fprintf(s.log, "build failed:\n%v\n", err)
		s.mu.Lock()
		s.problems = err.Error()
		s.mu.Unlock()
		s.broadcast(event{"problems", err.Error()})
		return
	}
	fmt.Fprint(s.log, r.summary())
	s.built.Store(true)
	s.opts.keepIndex = true
	s.mu.Lock()
	s.problems = ""
	s.mu.Unlock()
	s.broadcast(event{"reload", r.elapsed.String()})
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
	data, info, err := s.readFile(name)
	switch {
	case errors.Is(err, errNoBuild):
		// A page that shows the errors and reloads once they are fixed.
		s.mu.Lock()
		problems := s.problems
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "<!DOCTYPE html><html lang=en><title>Build failed</title><h1>The site did not build</h1><pre>%s</pre>%s",
			html.EscapeString(problems), scriptTag)
		return
	case err != nil:
		s.notFound(w)
		return
	case info.IsDir():
		// Redirect to the cleaned path: the requested one may start with
		// "//", which a browser would read as the name of another host.
		http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if path.Ext(name) == ".html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data = injectScript(data)
	} else if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	http.ServeContent(w, r, name, info.ModTime(), bytes.NewReader(data))
}

func (s *server) notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if data, _, err := s.readFile("404.html"); err == nil {
		w.Write(injectScript(data))
		return
	}
	io.WriteString(w, "not found")
}

// errNoBuild means that no build has succeeded yet.
var errNoBuild = errors.New("no good build yet")

// readFile reads a file of the last good build, or only its info if it
// is a folder. The name is resolved inside the output folder through
// os.Root, so no request reaches outside it. Builds swap complete
// folders into place, so a read sees the old site or the new, never half.
func (s *server) readFile(name string) ([]byte, fs.FileInfo, error) {
	if !s.built.Load() {
		return nil, nil, errNoBuild
	}
	if strings.Contains(name, `\`) { // a separator on Windows
		return nil, nil, fs.ErrNotExist
	}
	data, info, err := readIn(s.opts.out, name)
	if errors.Is(err, fs.ErrNotExist) {
		// The read may have raced a build swapping in a new folder and
		// deleting the old one: look once more, in the new one.
		data, info, err = readIn(s.opts.out, name)
	}
	return data, info, err
}

// readIn reads name inside dir, opened afresh so that it is the folder
// now at that path.
func readIn(dir, name string) ([]byte, fs.FileInfo, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	info, err := root.Stat(name)
	if err != nil || info.IsDir() {
		return nil, info, err
	}
	data, err := root.ReadFile(name)
	return data, info, err
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
