// Package preview serves a site while it is being edited: it takes the
// files of the last good build, made as they are asked for, the folders
// its assets and search index are read from, and news of each rebuild;
// it gives HTTP responses, every page with a script that reloads it after
// a rebuild or shows what stopped the build.
package preview

import (
	_ "embed"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/generator/render"
)

//go:embed reload.js
var reloadScript string

// Path is where the server answers its own requests; the script and the
// event stream are never written to the output folder.
const Path = render.PreviewPath

// MaxClients is the most live-reload connections open at once.
const MaxClients = 64

// Site is one good build as the server shows it.
type Site struct {
	Files  *render.Files
	Assets map[string]string // the content folder's files published as they are: each one's path there, by its name in the site
	Made   time.Time         // when the build began, the time every file is served as modified
	// Refuse says why an asset's bytes, read afresh when a browser asks
	// for them, are not to be served, as a build would not publish them
	// (a page holding script, say); "" when they may be. nil refuses
	// nothing.
	Refuse func(name string, data []byte) string
}

// Server serves the last good build and tells open pages about rebuilds.
type Server struct {
	content string   // the folder assets are read from
	out     string   // the folder the search index is read from
	base    string   // the site's path on the host, as its pages link: "/", or "/bulletin/"
	hosts   []string // the base URL's host name, and the one -addr gave, which the server answers to, as hostName gives them
	log     io.Writer
	site    atomic.Pointer[Site] // nil before the first good build

	mu       sync.Mutex
	problems event // the errors of the last build, if it failed; zero if not
	clients  map[chan event]bool
	// held, while the sources have changed and the site is being made
	// again, is closed once it is shown or has failed (see Hold).
	held chan struct{}
}

// holdAtMost is the longest a request waits for a rebuild (see Hold)
// before it is answered from the last good build.
const holdAtMost = 30 * time.Second

// Hold makes requests wait until the next Show, Fail or Release: the
// sources changed, so the site served is about to be replaced, and a
// page asked for now would be the old one.
func (s *Server) Hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held == nil {
		s.held = make(chan struct{})
	}
}

// Release answers the requests Hold made wait, from the site served:
// the change made no other site.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.release()
}

// release answers the requests Hold made wait; s.mu is held.
func (s *Server) release() {
	if s.held != nil {
		close(s.held)
		s.held = nil
	}
}

// ready waits until no rebuild holds requests, for at most holdAtMost,
// or until the request is given up.
func (s *Server) ready(done <-chan struct{}) {
	s.mu.Lock()
	held := s.held
	s.mu.Unlock()
	if held == nil {
		return
	}
	t := time.NewTimer(holdAtMost)
	defer t.Stop()
	select {
	case <-held:
	case <-t.C:
	case <-done:
	}
}

// New returns a server of the content folder's assets and the output
// folder's search index, which logs to log the pages it cannot make. It
// serves the site at base, the path of its base URL, where its pages
// link to each other: "/", or "/bulletin/" for a site built for
// https://example.org/bulletin/. It answers to the names in hosts (the
// base URL's host name, and the one serve was told to listen on), and
// to localhost and IP addresses (see allowed).
func New(content, out, base string, hosts []string, log io.Writer) *Server {
	names := make([]string, 0, len(hosts))
	for _, h := range hosts {
		if h != "" {
			names = append(names, hostName(h))
		}
	}
	return &Server{content: content, out: out, base: base, hosts: names, log: log, clients: map[chan event]bool{}}
}

// event is a message to open pages: "reload", "problems" (the last
// build failed, and the site before it is served) or "unwritten" (the
// site served could not be written out: some of its pages fail).
type event struct {
	name string
	data string
}

// Show serves site from now on, and tells the pages to reload: it was
// built in took.
func (s *Server) Show(site *Site, took time.Duration) {
	s.site.Store(site)
	s.mu.Lock()
	s.problems = event{}
	s.release()
	s.mu.Unlock()
	s.broadcast(event{"reload", took.String()})
}

// Fail shows every page what stopped a build; the last good site stays
// served.
func (s *Server) Fail(err error) { s.tell(event{"problems", err.Error()}) }

// Unwritten shows every page what stopped the site served from being
// written to the output folder, which it still serves: a page of it
// that fails to make says why.
func (s *Server) Unwritten(err error) { s.tell(event{"unwritten", err.Error()}) }

// tell keeps e as what the last build left wrong, for pages opened
// later, and tells the open ones.
func (s *Server) tell(e event) {
	s.mu.Lock()
	s.problems = e
	s.release()
	s.mu.Unlock()
	s.broadcast(e)
}

func (s *Server) broadcast(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a slow page misses one event; it gets the next
		}
	}
}

// Close ends every open page's event stream, so that the HTTP server
// can shut down.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}
