package deploy

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"bulletin/generator/inputs"
	"bulletin/generator/output"
	"bulletin/generator/render"
)

// file is one file of the built site, as it goes into the bucket.
type file struct {
	name     string // slash path inside the output folder, the object's key below the prefix
	sha256   string // of the file's bytes, from the manifest
	kind     rank
	ctype    string
	cache    string
	encoding string // the Content-Encoding it is sent with: "", "gzip" or "br"
	redirect string // for an alias's page, the path it sends readers to
}

// hidden are files of the output folder that are not the site's: the
// manifest, and the host files that only Netlify and Cloudflare Pages
// read.
var hidden = []string{output.ManifestFile, render.HeadersFile, render.RedirectsFile}

// readSite lists the files of the output folder dir from its manifest,
// with what each is served as, compressed as compress says (see
// encodingFor).
func readSite(dir, compress string) ([]*file, error) {
	manifest := filepath.Join(dir, output.ManifestFile)
	f, err := os.Open(manifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s not found: build the site first (./build.sh build)", filepath.ToSlash(manifest))
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var files []*file
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		hash, name, ok := strings.Cut(sc.Text(), " ")
		if b, err := hex.DecodeString(hash); !ok || err != nil || len(b) != 32 || !fs.ValidPath(name) || name == "." {
			return nil, fmt.Errorf("%s:%d: not a line the build writes (hash, space, file): build the site again", filepath.ToSlash(manifest), line)
		}
		if slices.Contains(hidden, name) {
			continue
		}
		ct := contentType(name)
		files = append(files, &file{name: name, sha256: hash, kind: rankOf(name), ctype: ct,
			cache: render.CacheControl(name), encoding: encodingFor(compress, name, ct)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.ToSlash(manifest), err)
	}
	redirects, err := readRedirects(dir)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]*file, len(files))
	for _, f := range files {
		byName[f.name] = f
	}
	for _, f := range files {
		to, ok := redirects[f.name]
		if !ok {
			continue
		}
		f.redirect, f.kind = to, aliasPage
		// An old feed's address with a file's name holds the feed itself
		// (see feed_aliases), for a host that does not redirect: it goes
		// as the feed does, since feed readers fetch it.
		if target := sameFile(byName, to, f); target != nil {
			f.ctype, f.cache, f.encoding = target.ctype, target.cache, target.encoding
		}
	}
	return files, nil
}

// sameFile is the file of the site at the address to that holds the
// same bytes as f, or nil. The address may start with the base URL's
// path, which the output folder does not have, so it is looked for
// without its first folders too.
func sameFile(byName map[string]*file, to string, f *file) *file {
	name := render.FileFor(to)
	for {
		if target := byName[name]; target != nil && target.sha256 == f.sha256 {
			return target
		}
		_, rest, ok := strings.Cut(name, "/")
		if !ok {
			return nil
		}
		name = rest
	}
}

// BuiltFor gives the base URL the site in the output folder dir was
// built for, as its robots.txt names its sitemap; "" if it does not.
func BuiltFor(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if err != nil {
		return ""
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if sitemap, ok := strings.CutPrefix(line, "Sitemap: "); ok {
			if base, ok := strings.CutSuffix(strings.TrimSpace(sitemap), "sitemap.xml"); ok {
				return base
			}
		}
	}
	return ""
}

// readRedirects reads the aliases from the _redirects file the build
// writes: each alias's page in the output folder and the path it sends
// readers to.
func readRedirects(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, render.RedirectsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for line := range strings.SplitSeq(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		from, err := url.PathUnescape(f[0])
		if err != nil || !strings.HasPrefix(from, "/") {
			continue
		}
		out[render.FileFor(from)] = f[1]
	}
	return out, nil
}

// types are the media types of the usual files of a site, so that the
// machine's own mime.types cannot change what an object is served as.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/vnd.microsoft.icon",
	".pdf":   "application/pdf",
	".woff":  "font/woff",
	".wasm":  "application/wasm",
	".woff2": "font/woff2",
	// Pagefind's index and fragments: gzip-compressed data its script
	// reads itself.
	".pagefind":    "application/octet-stream",
	".pf_fragment": "application/octet-stream",
	".pf_index":    "application/octet-stream",
	".pf_meta":     "application/octet-stream",
	".pf_filter":   "application/octet-stream",
}

// contentType is the Content-Type of a file of the site: the feeds and
// calendars as render says, HTML and the usual assets from the table
// above, anything else by its extension.
func contentType(name string) string {
	if t := render.MediaType(name); t != "" {
		return t + "; charset=utf-8"
	}
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Compressions a deploy may send text files with.
const (
	Gzip   = "gzip"
	Brotli = "br"
)

// encodingFor is the Content-Encoding a file with the Content-Type ctype
// is sent with when the deploy compresses as compress says ("", Gzip or
// Brotli). Images and Pagefind's files are compressed already and go as
// they are. With Brotli, what browsers fetch (pages, styles, scripts)
// goes as brotli, but what feed readers, crawlers and calendar apps
// fetch (feeds, calendars, the sitemap, robots.txt) as gzip: a bucket
// sends every client the same bytes, and many of those ask for gzip
// but cannot read brotli.
func encodingFor(compress, name, ctype string) string {
	t, _, _ := strings.Cut(ctype, ";")
	text := strings.HasPrefix(t, "text/") || strings.HasSuffix(t, "+xml") || strings.HasSuffix(t, "+json") ||
		t == "application/json" || t == "application/xml"
	switch {
	case compress == "" || !text:
		return ""
	case compress == Brotli && (render.MediaType(name) != "" || path.Base(name) == "sitemap.xml" || name == "robots.txt"):
		return Gzip
	}
	return compress
}

// brotliLevel is the quality pages, styles and scripts are compressed
// with. On the pages of a bulletin, quality 5 gave 25.0% of their size
// at 27 MB/s, and 9 no less; 11 gave 21.5% at 0.6 MB/s, which is 12
// minutes of CPU for the first deploy of 10,000 articles. (gzip's best
// gives 27.4% at 40 MB/s.)
const brotliLevel = 5

// body is what is sent for f: its bytes, compressed as f.encoding says.
// They must be those the manifest gives: the record says an object holds
// the file of the manifest's SHA-256, and a deploy after the build wrote
// that file again would keep other bytes as unchanged.
func body(dir string, f *file) ([]byte, error) {
	p := filepath.Join(dir, filepath.FromSlash(f.name))
	data, err := inputs.ReadRegular(p)
	if err != nil {
		return nil, err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.sha256 {
		return nil, fmt.Errorf("%s: changed since the build wrote it (its bytes are not those %s gives): build again, then deploy", filepath.ToSlash(p), output.ManifestFile)
	}
	var buf bytes.Buffer
	buf.Grow(len(data) / 3)
	var w io.WriteCloser
	switch f.encoding {
	case Gzip:
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression) // no name, no time: the same bytes every run
	case Brotli:
		w = brotli.NewWriterLevel(&buf, brotliLevel)
	default:
		return data, nil
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// The MD5 a store lists is of the bytes sent, which for a compressed file
// cost a compression to know. The sums file beside the output folder
// remembers them by the file's SHA-256 and its encoding, so that a deploy
// after a small change reads only the files that changed. Being keyed by
// bytes it is never wrong, only missing; it may be deleted at any time.

// sums maps "sha256 encoding" to the hex MD5 of the bytes sent.
type sums struct {
	mu   sync.Mutex
	path string
	m    map[string]string
	new  bool // holds sums not yet saved
}

func sumKey(f *file) string {
	return f.sha256 + " " + cmp.Or(f.encoding, "identity")
}

func readSums(dir string) *sums {
	s := &sums{path: output.Beside(dir, "deploy"), m: map[string]string{}}
	data, err := os.ReadFile(s.path)
	if err != nil {
		return s
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 3 && len(f[0]) == 64 && len(f[2]) == 32 {
			s.m[f[0]+" "+f[1]] = f[2]
		}
	}
	return s
}

func (s *sums) get(f *file) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	md5, ok := s.m[sumKey(f)]
	return md5, ok
}

func (s *sums) put(f *file, md5 string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m[sumKey(f)] != md5 {
		s.m[sumKey(f)] = md5
		s.new = true
	}
}

// save drops the sums of files the site no longer has, and saves the
// rest if anything changed.
func (s *sums) save(files []*file) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	live := make(map[string]bool, len(files))
	for _, f := range files {
		live[sumKey(f)] = true
	}
	for k := range s.m {
		if !live[k] {
			delete(s.m, k)
			s.new = true
		}
	}
	if !s.new {
		return nil
	}
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(s.m)) {
		b.WriteString(k + " " + s.m[k] + "\n")
	}
	tmp := s.path + ".new"
	f, err := inputs.CreateNew(tmp)
	if err != nil {
		return err
	}
	_, err = f.WriteString(b.String())
	if err := errors.Join(err, f.Close()); err != nil {
		return err
	}
	s.new = false
	return os.Rename(tmp, s.path)
}

// md5s gives the MD5 of what is sent for each of files, from the sums
// file or by reading it, on every core.
func md5s(dir string, files []*file, s *sums) (map[*file]string, error) {
	out := make(map[*file]string, len(files))
	var todo []*file
	for _, f := range files {
		if sum, ok := s.get(f); ok {
			out[f] = sum
		} else {
			todo = append(todo, f)
		}
	}
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	next := make(chan *file)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				data, err := body(dir, f)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					sum := md5.Sum(data)
					out[f] = hex.EncodeToString(sum[:])
					s.put(f, out[f])
				}
				mu.Unlock()
			}
		})
	}
	for _, f := range todo {
		next <- f
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}
