package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	gobuild "go/build"
	"io"
	"log"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"gocloud.dev/blob"

	"bulletin/generator/deploy"
	"bulletin/generator/output"
	"bulletin/generator/render"
)

// The deploy tests publish the sample site to real stores: SeaweedFS's S3
// gateway (weed, which .ci/run builds from its Go module) on 127.0.0.1,
// behind a proxy that counts the requests, and a file:// folder. They
// read every object back as a reader's browser or a CDN would.

const (
	weedKey    = "bulletin"
	weedSecret = "bulletin-secret"
)

// weed is a SeaweedFS server started for one test, whose subtests each
// use a bucket of their own.
type weed struct {
	s3     string // the S3 gateway's address, http://127.0.0.1:port
	counts *counter
	proxy  string // the counting proxy in front of it
	bucket string // the bucket of the subtest running
}

// startWeed starts SeaweedFS with an S3 gateway on free ports of
// 127.0.0.1, with a key that may do anything, one that may only read,
// and anonymous reading (as a bucket behind a CDN has), and a bucket; it
// stops it when the test ends. Starting it takes some seconds, so one
// test starts it and its subtests share it.
func startWeed(t *testing.T) *weed {
	t.Helper()
	bin, err := exec.LookPath("weed")
	if err != nil {
		// Where the README's install command puts it.
		bin, err = exec.LookPath(filepath.Join(gobuild.Default.GOPATH, "bin", "weed"))
	}
	if err != nil {
		needTool(t, "weed (SeaweedFS) not found: go build it from github.com/seaweedfs/seaweedfs, as .ci/run does")
	}
	dir := t.TempDir()
	config := filepath.Join(dir, "s3.json")
	identities := fmt.Sprintf(`{"identities": [
		{"name": "deployer", "credentials": [{"accessKey": %q, "secretKey": %q}], "actions": ["Admin", "Read", "List", "Tagging", "Write"]},
		{"name": "reader", "credentials": [{"accessKey": "reader", "secretKey": "reader-secret"}], "actions": ["Read", "List"]},
		{"name": "anonymous", "actions": ["Read"]}]}`, weedKey, weedSecret)
	if err := os.WriteFile(config, []byte(identities), 0o600); err != nil {
		t.Fatal(err)
	}
	ports := freePorts(t, 9)
	s3port := ports[6]
	cmd := exec.Command(bin, "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-dir="+dir,
		"-master.port="+ports[0], "-master.port.grpc="+ports[1], "-master.volumeSizeLimitMB=64",
		"-volume.port="+ports[2], "-volume.port.grpc="+ports[3], "-volume.max=0", "-volume.preStopSeconds=0",
		"-filer", "-filer.port="+ports[4], "-filer.port.grpc="+ports[5],
		"-s3", "-s3.port="+s3port, "-s3.port.grpc="+ports[7], "-s3.port.iceberg=0", "-s3.port.lance=0",
		"-s3.config="+config, "-s3.autoCreateBucket=false", "-metricsPort="+ports[8])
	logFile, err := os.Create(filepath.Join(dir, "weed.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting weed: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		logFile.Close()
	})
	w := &weed{s3: "http://127.0.0.1:" + s3port}
	client := s3Client(w.s3)
	deadline := time.Now().Add(90 * time.Second)
	for {
		// Ready once the gateway answers with the identities loaded.
		_, err := client.ListBuckets(context.Background(), &s3.ListBucketsInput{})
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logFile.Name())
			t.Fatalf("weed did not start in 90 s: %v\n%s", err, tail(string(log), 3000))
		}
		time.Sleep(300 * time.Millisecond)
	}
	w.counts = &counter{}
	w.proxy = countingProxy(t, w.s3, w.counts)
	return w
}

// use makes a new bucket for a subtest, and starts counting afresh.
func (w *weed) use(t *testing.T, bucket string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		// The first bucket waits for the volume server to join.
		_, err := s3Client(w.s3).CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(bucket)})
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("creating bucket %s: %v", bucket, err)
		}
		time.Sleep(300 * time.Millisecond)
	}
	w.bucket = bucket
	w.counts.reset()
	w.counts.mu.Lock()
	w.counts.redirects = map[string]string{}
	w.counts.mu.Unlock()
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// freePorts finds n free TCP ports on 127.0.0.1.
func freePorts(t *testing.T, n int) []string {
	t.Helper()
	var ports []string
	var ls []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, fmt.Sprint(l.Addr().(*net.TCPAddr).Port))
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

func s3Client(endpoint string) *s3.Client {
	return s3.New(s3.Options{BaseEndpoint: aws.String(endpoint), Region: "us-east-1", UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(weedKey, weedSecret, "")})
}

// target is the deploy target that reaches the weed through the proxy.
func (w *weed) target() string {
	return "s3://" + w.bucket + "?endpoint=" + url.QueryEscape(w.proxy) + "&use_path_style=true&region=us-east-1"
}

// counter counts the requests that reach the store, by kind.
type counter struct {
	mu        sync.Mutex
	n         map[string]int
	redirects map[string]string // object key → x-amz-website-redirect-location sent
	fail      int               // the next PUTs to answer 503
}

func (c *counter) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	c.n = map[string]int{}
	return n
}

// countingProxy forwards to the store, counting each request as PUT,
// LIST, HEAD, GET or DELETE.
func countingProxy(t *testing.T, to string, c *counter) string {
	t.Helper()
	target, _ := url.Parse(to)
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ErrorLog = log.New(io.Discard, "", 0) // a stopped deploy cancels requests on purpose
	c.n, c.redirects = map[string]int{}, map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind := r.Method
		if r.Method == http.MethodGet && r.URL.Query().Has("list-type") {
			kind = "LIST"
		}
		c.mu.Lock()
		c.n[kind]++
		if r.Method == http.MethodPut {
			_, key, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/") // after the bucket
			if loc := r.Header.Get("X-Amz-Website-Redirect-Location"); loc != "" {
				c.redirects[key] = loc
			}
			if c.fail > 0 {
				c.fail--
				c.mu.Unlock()
				io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "application/xml")
				w.WriteHeader(http.StatusServiceUnavailable)
				io.WriteString(w, `<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`)
				return
			}
		}
		c.mu.Unlock()
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// object is one object as the store serves it.
type object struct {
	data                   []byte // as stored (compressed, with an encoding)
	ctype, cache, encoding string
}

// bucketView reads a bucket directly, not through the counting proxy.
type bucketView interface {
	keys(t *testing.T) []string
	get(t *testing.T, key string) object
}

// weedView reads the weed's objects over plain HTTP, as anyone may.
type weedView struct{ w *weed }

func (v weedView) keys(t *testing.T) []string {
	t.Helper()
	return listKeys(t, "s3://"+v.w.bucket+"?endpoint="+url.QueryEscape(v.w.s3)+"&use_path_style=true&region=us-east-1")
}

func (v weedView) get(t *testing.T, key string) object {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, v.w.s3+"/"+v.w.bucket+"/"+(&url.URL{Path: key}).EscapedPath(), nil)
	req.Header.Set("Accept-Encoding", "identity") // read the bytes as stored
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %v", key, resp.Status, err)
	}
	return object{data: data, ctype: resp.Header.Get("Content-Type"), cache: resp.Header.Get("Cache-Control"), encoding: resp.Header.Get("Content-Encoding")}
}

// fileView reads a file:// bucket: the files, and the attributes gocloud
// keeps beside them.
type fileView struct{ dir string }

func (v fileView) target() string { return "file://" + filepath.ToSlash(v.dir) }

func (v fileView) keys(t *testing.T) []string { t.Helper(); return listKeys(t, v.target()) }

func (v fileView) get(t *testing.T, key string) object {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(key)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := blob.OpenBucket(context.Background(), v.target())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	a, err := b.Attributes(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return object{data: data, ctype: a.ContentType, cache: a.CacheControl, encoding: a.ContentEncoding}
}

func listKeys(t *testing.T, target string) []string {
	t.Helper()
	b, err := blob.OpenBucket(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var keys []string
	it := b.List(nil)
	for {
		o, err := it.Next(context.Background())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, o.Key)
	}
	return keys
}

// deploySite is a copy of the sample content, built into an output folder.
type deploySite struct {
	o options
}

func newDeploySite(t *testing.T) *deploySite {
	t.Helper()
	dir := t.TempDir()
	s := &deploySite{o: options{Content: filepath.Join(dir, "content"), Templates: "../templates", Out: filepath.Join(dir, "public"), Now: testNow}}
	if err := os.CopyFS(s.o.Content, os.DirFS("testdata/sample/content")); err != nil {
		t.Fatal(err)
	}
	s.build(t)
	return s
}

func (s *deploySite) build(t *testing.T) {
	t.Helper()
	if _, err := build(s.o); err != nil {
		t.Fatalf("building the sample: %v", err)
	}
}

// manifest is the built site's files with their hashes, less those that
// are not deployed.
func (s *deploySite) manifest(t *testing.T) map[string]string {
	t.Helper()
	return readManifest(t, s.o.Out)
}

func readManifest(t *testing.T, dir string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, output.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		hash, name, _ := strings.Cut(sc.Text(), " ")
		if name != "_headers" && name != "_redirects" {
			m[name] = hash
		}
	}
	return m
}

// edit rewrites a content file with a change of its own.
func (s *deploySite) edit(t *testing.T, name string, change func(string) string) {
	t.Helper()
	p := filepath.Join(s.o.Content, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// deployCLI runs bulletin deploy as a user would, and returns its output.
func (s *deploySite) deployCLI(t *testing.T, target string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"deploy", "-content", s.o.Content, "-out", s.o.Out, "-target", target}, args...)
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("bulletin %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// wantType is the Content-Type each kind of file must be served with.
func wantType(name string) string {
	switch base := path.Base(name); {
	case base == "feed.xml":
		return "application/rss+xml; charset=utf-8"
	case base == "atom.xml":
		return "application/atom+xml; charset=utf-8"
	case base == "feed.json":
		return "application/feed+json; charset=utf-8"
	case strings.HasSuffix(base, ".ics"):
		return "text/calendar; charset=utf-8"
	case strings.HasSuffix(base, ".html"):
		return "text/html; charset=utf-8"
	case strings.HasSuffix(base, ".css"):
		return "text/css; charset=utf-8"
	case strings.HasSuffix(base, ".js"):
		return "text/javascript; charset=utf-8"
	case strings.HasSuffix(base, ".txt"):
		return "text/plain; charset=utf-8"
	case strings.HasSuffix(base, ".xml"):
		return "application/xml"
	case strings.HasSuffix(base, ".svg"):
		return "image/svg+xml"
	case strings.HasSuffix(base, ".png"):
		return "image/png"
	}
	return "?"
}

// wantCache is the Cache-Control of each kind: nothing the theme serves
// is fingerprinted, so pages, feeds, styles and scripts are checked
// again after five minutes, images after an hour.
func wantCache(name string) string {
	switch path.Ext(name) {
	case ".svg", ".png", ".jpg", ".pdf":
		return "public, max-age=3600"
	}
	return "public, max-age=300"
}

// checkStore checks that the bucket holds exactly the built site: every
// file's bytes, with its type and cache rules.
func checkStore(t *testing.T, v bucketView, site string, compress string) {
	t.Helper()
	want := readManifest(t, site)
	delete(want, output.ManifestFile)
	keys := slices.DeleteFunc(v.keys(t), func(k string) bool { return path.Base(k) == deploy.HeadersRecord })
	if got := slices.Sorted(maps.Keys(want)); !slices.Equal(keys, got) {
		t.Fatalf("the bucket holds\n%s\nwant\n%s", strings.Join(keys, "\n"), strings.Join(got, "\n"))
	}
	for _, key := range keys {
		o := v.get(t, key)
		data := o.data
		var zr io.Reader
		switch o.encoding {
		case "gzip":
			var err error
			if zr, err = gzip.NewReader(bytes.NewReader(o.data)); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
		case "br":
			zr = brotli.NewReader(bytes.NewReader(o.data))
		}
		if zr != nil {
			var err error
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want[key] {
			t.Errorf("%s: the object's bytes are not the built file's", key)
		}
		if o.ctype != wantType(key) || o.cache != wantCache(key) {
			t.Errorf("%s: served as %q, %q; want %q, %q", key, o.ctype, o.cache, wantType(key), wantCache(key))
		}
		want := compress
		switch {
		case strings.HasSuffix(key, ".png"):
			want = ""
		case compress == "br" && forCrawlers(key):
			want = "gzip"
		}
		if o.encoding != want {
			t.Errorf("%s: Content-Encoding %q, want %q", key, o.encoding, want)
		}
	}
}

// changedFiles are the files that differ between two manifests: new or
// changed, and gone.
func changedFiles(before, after map[string]string) (changed, gone []string) {
	for name, hash := range after {
		if before[name] != hash {
			changed = append(changed, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			gone = append(gone, name)
		}
	}
	slices.Sort(changed)
	slices.Sort(gone)
	return changed, gone
}

var link = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// brokenLinks lists the links to objects the bucket does not hold, as
// "page -> link", on the pages a reader can reach from entries: the
// addresses readers may come in by (the home page, and the pages of the
// site before the deploy, which they may have bookmarked). A page only
// new pages link to is not reachable yet, and may link to other new
// objects still to come.
func brokenLinks(t *testing.T, v bucketView, entries []string) []string {
	t.Helper()
	has := map[string]bool{}
	for _, k := range v.keys(t) {
		has[k] = true
	}
	var broken []string
	seen := map[string]bool{}
	queue := slices.Clone(entries)
	for len(queue) > 0 {
		key := queue[0]
		queue = queue[1:]
		if seen[key] || !has[key] || !strings.HasSuffix(key, ".html") {
			continue
		}
		seen[key] = true
		page, _ := url.Parse("https://bulletin.example.org/" + key)
		for _, m := range link.FindAllStringSubmatch(string(v.get(t, key).data), -1) {
			u, err := page.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || u.Host != "bulletin.example.org" {
				continue
			}
			target := render.FileFor(u.Path)
			if !has[target] {
				broken = append(broken, key+" -> "+m[1])
			}
			queue = append(queue, target)
		}
	}
	return broken
}

// TestDeploy deploys the sample site to SeaweedFS and to a folder, edits
// an article and deploys again, deletes one and deploys again, checking
// each time that the bucket holds exactly the built site, served right,
// and that only what changed moved.
//
// It runs against SeaweedFS, then against a folder.
func TestDeploy(t *testing.T) {
	t.Run("s3", func(t *testing.T) {
		w := startWeed(t)
		setAWSEnv(t)
		t.Run("deploy", func(t *testing.T) {
			w.use(t, "deploy")
			testDeploy(t, w.target(), weedView{w}, w.counts)
		})
		t.Run("stopped", func(t *testing.T) {
			w.use(t, "stopped")
			testDeployStopped(t, w.target(), weedView{w}, 6, 4)
		})
		t.Run("errors", func(t *testing.T) {
			w.use(t, "errors")
			testDeployErrors(t, w)
		})
		t.Run("retries", func(t *testing.T) {
			w.use(t, "retries")
			testDeployRetries(t, w)
		})
		t.Run("prefix", func(t *testing.T) {
			w.use(t, "prefix")
			testDeployPrefix(t, w)
		})
	})
	t.Run("file", func(t *testing.T) {
		tests := []struct {
			name string
			run  func(t *testing.T, target string, v bucketView)
		}{
			{"deploy", func(t *testing.T, target string, v bucketView) { testDeploy(t, target, v, nil) }},
			{"stopped", func(t *testing.T, target string, v bucketView) { testDeployStopped(t, target, v, 0, 1) }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				v := fileView{filepath.Join(t.TempDir(), "bucket")}
				if err := os.Mkdir(v.dir, 0o755); err != nil {
					t.Fatal(err)
				}
				tt.run(t, v.target(), v)
			})
		}
	})
}

// setAWSEnv gives the SDK the weed's key and nothing of the machine's.
func setAWSEnv(t *testing.T) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", weedKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", weedSecret)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func testDeploy(t *testing.T, target string, v bucketView, counts *counter) {
	s := newDeploySite(t)
	requests := func(step string) map[string]int {
		if counts == nil {
			return nil
		}
		n := counts.reset()
		t.Logf("%s: requests %v", step, n)
		return n
	}
	first := s.manifest(t)

	out := s.deployCLI(t, target, "-dry-run")
	if !strings.Contains(out, fmt.Sprintf("would add %d, update 0 and delete 0 objects", len(first))) {
		t.Errorf("dry run printed\n%s\nwant it to plan %d additions", out, len(first))
	}
	if n := requests("dry run"); counts != nil && n["PUT"] != 0 {
		t.Errorf("the dry run sent %d PUTs, want none", n["PUT"])
	}
	if keys := v.keys(t); len(keys) != 0 {
		t.Fatalf("the dry run wrote %q", keys)
	}

	out = s.deployCLI(t, target)
	if want := fmt.Sprintf("%d uploaded, 0 deleted, 0 unchanged", len(first)); !strings.Contains(out, want) {
		t.Errorf("first deploy printed %q, want %q", out, want)
	}
	// A deploy that adds, deletes or sends a file with other headers
	// also writes the record of the headers each object was sent with:
	// one PUT more.
	if n := requests("first deploy"); counts != nil && n["PUT"] != len(first)+1 {
		t.Errorf("first deploy: %d PUTs for %d files and the headers record", n["PUT"], len(first))
	}
	if keys := v.keys(t); !slices.Contains(keys, deploy.HeadersRecord) {
		t.Errorf("the bucket holds no %s", deploy.HeadersRecord)
	}
	checkStore(t, v, s.o.Out, "")
	if counts != nil {
		if got, want := counts.redirects["2025/03/ics-paused/index.html"], "/2025/03/ics-assessments-paused-again/"; got != want {
			t.Errorf("the alias was sent with the website redirect %q, want %q (all: %v)", got, want, counts.redirects)
		}
	}

	out = s.deployCLI(t, target)
	if want := fmt.Sprintf("0 uploaded, 0 deleted, %d unchanged", len(first)); !strings.Contains(out, want) {
		t.Errorf("deploy with nothing changed printed %q, want %q", out, want)
	}
	if n := requests("nothing changed"); counts != nil && (n["PUT"] != 0 || n["DELETE"] != 0 || n["HEAD"] != 0) {
		t.Errorf("deploy with nothing changed sent %v, want only listing", n)
	}

	// One article's body changes: its page, and the lists and feeds that
	// carry its text, move; nothing else does.
	s.edit(t, "articles/2025/2025-04-01-cqc-it-review-saf.md", func(s string) string { return s + "\nOne more sentence.\n" })
	s.build(t)
	second := s.manifest(t)
	changed, gone := changedFiles(first, second)
	if !slices.Contains(changed, "2025/04/cqc-it-review-saf/index.html") || len(gone) != 0 {
		t.Fatalf("the edit changed %q and removed %q", changed, gone)
	}
	out = s.deployCLI(t, target)
	if want := fmt.Sprintf("%d uploaded, 0 deleted, %d unchanged", len(changed), len(second)-len(changed)); !strings.Contains(out, want) {
		t.Errorf("deploy after one edit printed %q, want %q", out, want)
	}
	if n := requests(fmt.Sprintf("one edit (%d files changed)", len(changed))); counts != nil && (n["PUT"] != len(changed)+1 || n["DELETE"] != 0) {
		t.Errorf("deploy after one edit sent %v, want %d PUTs (%q, and the headers record, which names each object's file) and no DELETE", n, len(changed)+1, changed)
	}
	checkStore(t, v, s.o.Out, "")

	// An article is deleted: its page goes from the bucket.
	if err := os.Remove(filepath.Join(s.o.Content, "articles/2025/2025-04-01-cqc-it-review-saf.md")); err != nil {
		t.Fatal(err)
	}
	s.build(t)
	third := s.manifest(t)
	changed, gone = changedFiles(second, third)
	if !slices.Contains(gone, "2025/04/cqc-it-review-saf/index.html") {
		t.Fatalf("deleting the article removed %q", gone)
	}
	out = s.deployCLI(t, target)
	if want := fmt.Sprintf("%d uploaded, %d deleted", len(changed), len(gone)); !strings.Contains(out, want) {
		t.Errorf("deploy after a deletion printed %q, want %q", out, want)
	}
	if n := requests(fmt.Sprintf("one deletion (%d files changed, %d gone)", len(changed), len(gone))); counts != nil && (n["PUT"] != len(changed)+1 || n["DELETE"] != len(gone)) {
		t.Errorf("deploy after a deletion sent %v, want %d PUTs (with the headers record) and %d DELETEs", n, len(changed)+1, len(gone))
	}
	checkStore(t, v, s.o.Out, "")

	// Compressed: every text object is sent again, compressed. A folder
	// is served by a web server, which compresses by itself.
	if strings.HasPrefix(target, "file:") {
		return
	}
	texts := 0
	for name := range third {
		if !strings.HasSuffix(name, ".png") {
			texts++
		}
	}
	s.deployCLI(t, target, "-compress", "gzip")
	checkStore(t, v, s.o.Out, "gzip")
	if n := requests("gzip"); counts != nil && n["PUT"] != texts+1 {
		t.Errorf("deploy compressed with gzip sent %v, want %d PUTs, one a text file, and the headers record", n, texts+1)
	}
	// Brotli: pages, styles and scripts are sent again; feeds, the
	// sitemap and robots.txt stay gzip, for clients that cannot read
	// brotli.
	browsed := 0
	for name := range third {
		if !strings.HasSuffix(name, ".png") && !forCrawlers(name) {
			browsed++
		}
	}
	s.deployCLI(t, target, "-compress", "br")
	checkStore(t, v, s.o.Out, "br")
	if n := requests("br"); counts != nil && n["PUT"] != browsed+1 {
		t.Errorf("deploy compressed with brotli sent %v, want %d PUTs, one a page, style or script, and the headers record", n, browsed+1)
	}
}

// forCrawlers reports whether a file is fetched by feed readers,
// crawlers or calendar apps rather than browsers.
func forCrawlers(name string) bool {
	return render.MediaType(name) != "" || name == "sitemap.xml" || name == "robots.txt"
}

// testDeployStopped stops deploys half-way and checks that every page a
// reader can reach links only to objects the bucket holds, then that the
// next deploy finishes the job. It stops the deploy from one version of
// the site to the next after 1, 2, … uploads, or at tries points spread over them when
// tries > 0, with workers uploads at once.
func testDeployStopped(t *testing.T, target string, v bucketView, tries, workers int) {
	s := newDeploySite(t)
	old := filepath.Join(t.TempDir(), "old")
	if err := os.CopyFS(old, os.DirFS(s.o.Out)); err != nil {
		t.Fatal(err)
	}
	// The next version adds an article with a new topic, linked from
	// the home page and lists, edits another and deletes a third.
	s.edit(t, "articles/2025/2025-04-03-ics-self-assessment-framework.md", func(s string) string { return s + "\nAn added paragraph.\n" })
	if err := os.Remove(filepath.Join(s.o.Content, "articles/2025/2025-04-08-ics-assessments-and-nhs-reforms.md")); err != nil {
		t.Fatal(err)
	}
	added := "---\ntitle: A new inspection regime\ndate: 2025-05-20\nsummary: A new topic begins.\ntopics: [Inspection regimes]\nregulators: [CQC]\n---\nThe news.\n"
	if err := os.WriteFile(filepath.Join(s.o.Content, "articles/2025/2025-05-20-new-regime.md"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	s.build(t)
	entries := slices.Sorted(maps.Keys(readManifest(t, old)))
	if broken := brokenLinks(t, localView{s.o.Out}, slices.Sorted(maps.Keys(s.manifest(t)))); len(broken) > 0 {
		t.Fatalf("the new version itself has broken links: %q", broken)
	}
	deployTo := func(dir string, stopAfter int) (*deploy.Result, error) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var mu sync.Mutex
		n := 0
		return deploy.Run(ctx, dir, deploy.Options{Target: target, MaxDeletes: 100, Workers: workers, Done: func(deploy.Change) {
			mu.Lock()
			defer mu.Unlock()
			if n++; n == stopAfter {
				cancel()
			}
		}})
	}
	if _, err := deployTo(old, 0); err != nil {
		t.Fatal(err)
	}
	res, err := deployTo(s.o.Out, 0)
	if err != nil {
		t.Fatal(err)
	}
	total := len(res.Changes)
	t.Logf("%d changes from one version to the next", total)
	uploads := res.Uploaded
	points := []int{}
	for stop := 1; stop < total; stop++ {
		if tries == 0 || stop%max(1, total/tries) == 0 {
			points = append(points, stop)
		}
	}
	for _, stop := range points {
		if _, err := deployTo(old, 0); err != nil {
			t.Fatal(err)
		}
		res, err := deployTo(s.o.Out, stop)
		if err == nil {
			t.Fatalf("stopped after %d: the deploy went on to the end", stop)
		}
		if broken := brokenLinks(t, v, entries); len(broken) > 0 {
			t.Errorf("stopped after %d of %d changes (%d made): pages link to objects not there: %q", stop, total, res.Uploaded+res.Deleted, broken)
		}
		rest, err := deployTo(s.o.Out, 0)
		if err != nil {
			t.Fatalf("finishing after a stop at %d: %v", stop, err)
		}
		// What the stopped deploy sent is not sent again, but for the
		// uploads under way when it stopped, which may have ended.
		if rest.Uploaded > uploads-res.Uploaded+workers {
			t.Errorf("stopped after %d uploads of %d: the next deploy uploaded %d, want at most %d more than the %d left", res.Uploaded, uploads, rest.Uploaded, workers, uploads-res.Uploaded)
		}
		checkStore(t, v, s.o.Out, "")
	}
}

// localView reads an output folder as a bucket.
type localView struct{ dir string }

func (v localView) keys(t *testing.T) []string {
	t.Helper()
	m := readManifest(t, v.dir)
	delete(m, output.ManifestFile)
	return slices.Sorted(maps.Keys(m))
}

func (v localView) get(t *testing.T, key string) object {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(key)))
	if err != nil {
		t.Fatal(err)
	}
	return object{data: data}
}

// testDeployErrors checks that a deploy that cannot work says why,
// naming the target, and exits 1 (2 for a mistake on the command line).
func testDeployErrors(t *testing.T, w *weed) {
	s := newDeploySite(t)
	missing := strings.Replace(w.target(), "s3://"+w.bucket, "s3://no-such-bucket", 1)
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		code     int
		contains []string
	}{
		{name: "wrong secret", env: map[string]string{"AWS_SECRET_ACCESS_KEY": "wrong"}, args: []string{"-target", w.target()}, code: 1,
			contains: []string{"deploy to " + w.target(), "refused the credentials (SignatureDoesNotMatch)", "AWS_SECRET_ACCESS_KEY"}},
		{name: "unknown key", env: map[string]string{"AWS_ACCESS_KEY_ID": "nobody"}, args: []string{"-target", w.target()}, code: 1,
			contains: []string{"deploy to " + w.target(), "refused the credentials (InvalidAccessKeyId)"}},
		{name: "key that may only read", env: map[string]string{"AWS_ACCESS_KEY_ID": "reader", "AWS_SECRET_ACCESS_KEY": "reader-secret"}, args: []string{"-target", w.target()}, code: 1,
			contains: []string{"deploy to " + w.target(), "permission denied while uploading"}},
		{name: "no credentials", env: map[string]string{"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}, args: []string{"-target", w.target()}, code: 1,
			contains: []string{"deploy to " + w.target(), "no credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"}},
		{name: "missing bucket", args: []string{"-target", missing}, code: 1,
			contains: []string{"deploy to " + missing, `bucket "no-such-bucket" does not exist`}},
		{name: "missing folder", args: []string{"-target", "file:///no/such/folder"}, code: 1,
			contains: []string{"deploy to file:///no/such/folder: folder /no/such/folder does not exist"}},
		{name: "credentials in the URL", args: []string{"-target", "s3://key:secret@bucket"}, code: 2,
			contains: []string{"-target", "has a user name or password in it"}},
		{name: "not a bucket URL", args: []string{"-target", "https://example.org/"}, code: 2,
			contains: []string{"is not a bucket URL"}},
		{name: "no target", code: 2, contains: []string{"no target: set deploy.target in"}},
		{name: "gzip to a folder", args: []string{"-target", "file:///tmp", "-compress", "gzip"}, code: 2, contains: []string{"-compress gzip: a file:// target"}},
		{name: "unknown compression", args: []string{"-target", "s3://bulletin", "-compress", "zip"}, code: 2, contains: []string{`-compress: "zip" is not a compression`}},
		{name: "prefix outside the bucket", args: []string{"-target", w.target(), "-prefix", "../x"}, code: 2, contains: []string{"-prefix", "is not a folder of the bucket"}},
		{name: "prefix that is the bucket", args: []string{"-target", w.target(), "-prefix", "./"}, code: 2, contains: []string{"-prefix", "is not a folder of the bucket"}},
		{name: "prefix of a space", args: []string{"-target", w.target(), "-prefix", " "}, code: 2, contains: []string{"-prefix", "starts or ends with a space"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"deploy", "-content", s.o.Content, "-out", s.o.Out}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, stderr.String())
			}
			for _, want := range tt.contains {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr\n%s\nwant it to say %q", stderr.String(), want)
				}
			}
		})
	}
}

// testDeployRetries has the store refuse the first uploads with 503
// SlowDown, more often than the SDK tries one request: the deploy tries
// again after a pause and finishes.
func testDeployRetries(t *testing.T, w *weed) {
	s := newDeploySite(t)
	w.counts.mu.Lock()
	w.counts.fail = 4
	w.counts.mu.Unlock()
	res, err := deploy.Run(context.Background(), s.o.Out, deploy.Options{Target: w.target(), Workers: 1})
	if err != nil {
		t.Fatalf("got %v, want the deploy to go through", err)
	}
	n := w.counts.reset()
	if n["PUT"] != res.Uploaded+1+4 {
		t.Errorf("got %d PUTs for %d uploads and the headers record, want 4 more", n["PUT"], res.Uploaded)
	}
	checkStore(t, weedView{w}, s.o.Out, "")
}

// testDeployPrefix deploys into a folder of a bucket that holds other
// objects: the site's objects, the alias's redirect among them, go below
// the prefix, and nothing outside it is deleted.
func testDeployPrefix(t *testing.T, w *weed) {
	s := newDeploySite(t)
	if _, err := s3Client(w.s3).PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String(w.bucket), Key: aws.String("other/keep.txt"), Body: strings.NewReader("not the site's")}); err != nil {
		t.Fatal(err)
	}
	// The sample's base_url is the host's root: the deploy says how
	// readers can reach the site all the same.
	if out := s.deployCLI(t, w.target(), "-prefix", "news"); !strings.Contains(out, "note: the site goes into news/ of the bucket, but was built for https://bulletin.example.org/") {
		t.Errorf("deploy printed\n%s\nwant a note that base_url does not end in the prefix", out)
	}
	keys := weedView{w}.keys(t)
	want := []string{"news/" + deploy.HeadersRecord, "other/keep.txt"}
	for name := range s.manifest(t) {
		want = append(want, "news/"+name)
	}
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("the bucket holds\n%s\nwant\n%s", strings.Join(keys, "\n"), strings.Join(want, "\n"))
	}
	if got := w.counts.redirects["news/2025/03/ics-paused/index.html"]; got != "/2025/03/ics-assessments-paused-again/" {
		t.Errorf("the alias was sent with the website redirect %q (all: %v)", got, w.counts.redirects)
	}
}

// TestDeployCompressionToAFolderFromSettings wants compression that
// site.yaml asks for refused for a file:// target with a plain error
// (exit 1) that names the setting, not the flag.
func TestDeployCompressionToAFolderFromSettings(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "site.yaml"), []byte("title: B\ndeploy:\n  target: file:///tmp\n  compress: br\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"deploy", "-content", content, "-out", filepath.Join(dir, "public")}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "deploy.compress br in "+filepath.ToSlash(content)+"/site.yaml: a file:// target") || strings.Contains(stderr.String(), "usage:") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and an error naming deploy.compress, without the usage", code, stderr.String())
	}
}
