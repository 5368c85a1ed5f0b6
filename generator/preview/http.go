package preview

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"iter"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"bulletin/generator/render"
	"bulletin/generator/search"
)

// ServeHTTP answers the live-reload script and events, and the files of
// the last good build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowed(r.Host) {
		http.Error(w, fmt.Sprintf("bulletin serve answers to localhost, IP addresses and the host of its base URL or -addr, not to %s, so that no other site's page can read the preview through a name of its own: to open it as %s, give serve -base-url http://%s%s", r.Host, r.Host, r.Host, escaped(s.base)), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Path + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	case Path + "events":
		s.events(w, r)
		return
	}
	within, ok := strings.CutPrefix(r.URL.Path, s.base)
	switch {
	case !ok && r.URL.Path+"/" == s.base:
		http.Redirect(w, r, escaped(s.base), http.StatusMovedPermanently)
		return
	case !ok && r.URL.Path == "/":
		// The host's root, above a site built for a path of its own.
		http.Redirect(w, r, escaped(s.base), http.StatusFound)
		return
	case !ok:
		http.NotFound(w, r)
		return
	}
	s.ready(r.Context().Done())
	s.file(w, r, within)
}

// allowed reports whether a request for host (HOST or HOST:PORT, as the
// Host header gives it) is answered: one for localhost, a name under it
// or an IP address, which no other site can point at the server, or for
// the base URL's host, or the name serve listens on. A page of another site that turns its own name
// to 127.0.0.1 (DNS rebinding) would otherwise read the preview, drafts
// and all, as a page of its own.
func (s *Server) allowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = hostName(strings.Trim(host, "[]"))
	switch {
	case host == "", host == "localhost", strings.HasSuffix(host, ".localhost"), net.ParseIP(host) != nil:
		return true
	}
	return slices.Contains(s.hosts, host)
}

// hostName is a host name as allowed compares it: in lower case, without
// the trailing dot of one written fully qualified, which a browser sends
// as written.
func hostName(h string) string { return strings.TrimSuffix(strings.ToLower(h), ".") }

// escaped gives the site path p as a link writes it: "/a?b/" is
// "/a%3Fb/", whose ? starts no query.
func escaped(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// file serves the file of the last good build at the path within the
// site's.
func (s *Server) file(w http.ResponseWriter, r *http.Request, within string) {
	name := strings.TrimPrefix(path.Clean("/"+within), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	ls := s.site.Load()
	if ls == nil {
		// A page that shows the errors and reloads once they are fixed.
		s.mu.Lock()
		problems := s.problems
		s.mu.Unlock()
		s.problemPage(w, http.StatusServiceUnavailable, "The site did not build", problems.data)
		return
	}
	data, err := s.readFile(ls, name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && (ls.Files.Has(path.Join(name, "index.html")) || ls.Assets[path.Join(name, "index.html")] != ""):
		// A folder, of a page made or of the content folder's own
		// index.html. Redirect to the cleaned path: the requested one may
		// start with "//", which a browser would read as the name of
		// another host.
		http.Redirect(w, r, escaped(s.base+name+"/"), http.StatusMovedPermanently)
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
	http.ServeContent(w, r, name, ls.Made, bytes.NewReader(data))
}

// problemPage shows errors, with the script that reloads once they are fixed.
func (s *Server) problemPage(w http.ResponseWriter, status int, title, problems string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!DOCTYPE html><html lang=en><title>%s</title><h1>%s</h1><pre>%s</pre>%s",
		title, title, html.EscapeString(problems), scriptTag)
}

func (s *Server) notFound(w http.ResponseWriter, ls *Site) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if data, err := ls.Files.Make("404.html"); err == nil {
		w.Write(injectScript(data))
		return
	}
	io.WriteString(w, "not found")
}

// readFile gives a file of the site: a page or feed made now from the
// site model, an asset from the content folder, or a file of the search
// index from the output folder. Names are resolved inside those folders
// through os.Root, so no request reaches outside them.
func (s *Server) readFile(ls *Site, name string) ([]byte, error) {
	if strings.Contains(name, `\`) { // a separator on Windows
		return nil, fs.ErrNotExist
	}
	switch {
	case ls.Files.Has(name):
		return ls.Files.Make(name)
	case ls.Assets[name] != "":
		data, err := readIn(s.content, ls.Assets[name])
		if err == nil && ls.Refuse != nil {
			if why := ls.Refuse(name, data); why != "" {
				return nil, fmt.Errorf("%s: %s", filepath.ToSlash(filepath.Join(s.content, ls.Assets[name])), why)
			}
		}
		return data, err
	case strings.HasPrefix(name, search.Dir+"/"):
		data, err := readIn(s.out, name)
		if errors.Is(err, fs.ErrNotExist) {
			// The read may have raced a write swapping in a new folder
			// and deleting the old one: look once more, in the new one.
			data, err = readIn(s.out, name)
		}
		return data, err
	}
	return nil, fs.ErrNotExist
}

// readIn reads the file name inside dir, opened afresh so that it is the
// folder now at that path. A symbolic link on the way is not followed,
// as a build refuses one: one made in the content folder since the last
// good build would otherwise show what it leads to (a hidden file, a
// draft's source).
func readIn(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	for p := range pathPrefixes(name) {
		info, err := root.Lstat(p)
		if err != nil {
			return nil, err
		}
		if info.Mode()&fs.ModeSymlink != 0 || p == name && info.IsDir() {
			return nil, fs.ErrNotExist
		}
	}
	return root.ReadFile(name)
}

// pathPrefixes yields the slash path name's folders, outermost first,
// then name itself.
func pathPrefixes(name string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range len(name) {
			if name[i] == '/' && !yield(name[:i]) {
				return
			}
		}
		yield(name)
	}
}

// events streams rebuild news to one open page as Server-Sent Events.
// A page that connects while the last build, or the write of its site,
// failed is shown its errors.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 4)
	s.mu.Lock()
	if len(s.clients) >= MaxClients {
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
	if problems.name != "" {
		writeEvent(w, problems)
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

var scriptTag = []byte(`<script src="` + Path + `reload.js"></script>`)

// injectScript adds the live-reload script to a page as serve sends it.
func injectScript(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, scriptTag...)
	}
	return slices.Concat(page[:i], scriptTag, page[i:])
}

// Strip takes the live-reload script out of a page as the server sent
// it, giving the page as a build writes it.
func Strip(page []byte) []byte {
	return bytes.Replace(page, scriptTag, nil, 1)
}
