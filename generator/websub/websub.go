// Package websub tells WebSub hubs (W3C WebSub, 2018) that a site's
// feeds have changed, so that subscribers get them at once instead of
// at their next poll.
//
// It takes a built output folder, the URL the site is served from and
// the hubs' URLs. Scan hashes the feed files; a Record, kept in a file
// beside the output folder, holds the hash of each feed as last pinged,
// so that only the feeds whose bytes changed are pinged; Ping makes the
// publish requests, with retries. It never writes into the output
// folder, and leaves building the feeds, and naming the hubs in them,
// to package render, and publishing the site to the deploy command.
package websub

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"bulletin/generator/output"
)

// A Feed is one feed file of a built site.
type Feed struct {
	Name string // path in the output folder, slash-separated: topics/x/atom.xml
	URL  string // the address the site serves it at: its WebSub topic
	Hash string // hex SHA-256 of its bytes
}

// Scan hashes every file of the output folder out that isFeed accepts
// (given its slash-separated path), and gives each the URL it has under
// base, the site's base URL. It refuses a feed that does not name that
// URL, as every feed names itself: it was built for another base URL,
// and a hub told of the wrong URL tells nobody. Feeds come sorted by
// name.
func Scan(out, base string, isFeed func(name string) bool) ([]Feed, error) {
	baseURL, err := url.Parse(base)
	if err != nil || !baseURL.IsAbs() {
		return nil, fmt.Errorf("base URL %q: give an absolute http(s) URL", base)
	}
	baseURL.Path = strings.TrimSuffix(baseURL.Path, "/") + "/"
	var feeds []Feed
	err = filepath.WalkDir(out, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if !e.Type().IsRegular() || !isFeed(name) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		f := Feed{Name: name, URL: baseURL.JoinPath(name).String(), Hash: hex.EncodeToString(sum[:])}
		if !namesItself(data, f.URL) {
			return fmt.Errorf("%s does not give %s as its address: it was built for another base URL; ping with the base URL the site was built with", path, f.URL)
		}
		feeds = append(feeds, f)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such folder: build the site first", out)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the feeds in %s: %w", out, err)
	}
	slices.SortFunc(feeds, func(a, b Feed) int { return strings.Compare(a.Name, b.Name) })
	return feeds, nil
}

// namesItself reports whether a feed's bytes hold its own URL, as text
// or escaped as XML or JSON write it.
func namesItself(data []byte, self string) bool {
	quoted, _ := json.Marshal(self)
	for _, s := range []string{self, html.EscapeString(self), string(quoted[1 : len(quoted)-1])} {
		if bytes.Contains(data, []byte(s)) {
			return true
		}
	}
	return false
}

// RecordPath is the file beside the output folder out that keeps the
// record of the last ping: .public.pinged for public.
func RecordPath(out string) string { return output.Beside(out, "pinged") }

// A Record holds the hash of each feed, by URL, as the hubs were last
// told of it.
type Record map[string]string

// ReadRecord reads the record at path. A missing file is an empty
// record: every feed is then new to the hubs. A line it cannot read is
// left out, which only means that feed is pinged again.
func ReadRecord(path string) (Record, error) {
	r := Record{}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the record of the last ping: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, u, ok := strings.Cut(sc.Text(), " ")
		if ok && len(hash) == sha256.Size*2 && u != "" {
			r[u] = hash
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return r, nil
}

// Changed lists the feeds whose hash differs from the record's, or that
// the record does not hold: the ones to ping.
func (r Record) Changed(feeds []Feed) []Feed {
	var out []Feed
	for _, f := range feeds {
		if r[f.URL] != f.Hash {
			out = append(out, f)
		}
	}
	return out
}

// Update makes the record that of the site now: feeds holds every feed
// of the site, and pinged the URLs of those every hub was told of. A
// feed no longer in the site is dropped; one not pinged keeps the hash
// it had, so that the next ping tries it again.
func (r Record) Update(feeds []Feed, pinged []string) Record {
	done := make(map[string]bool, len(pinged))
	for _, u := range pinged {
		done[u] = true
	}
	next := Record{}
	for _, f := range feeds {
		switch {
		case done[f.URL]:
			next[f.URL] = f.Hash
		case r[f.URL] != "":
			next[f.URL] = r[f.URL]
		}
	}
	return next
}

// Write saves the record at path, one "hash URL" line a feed, sorted by
// URL; a reader never sees half a file.
func (r Record) Write(path string) error {
	var b bytes.Buffer
	for _, u := range slices.Sorted(maps.Keys(r)) {
		fmt.Fprintf(&b, "%s %s\n", r[u], u)
	}
	if err := output.Save(path, b.Bytes()); err != nil {
		return fmt.Errorf("writing the record of the ping: %w", err)
	}
	return nil
}

// Site is a built site whose feeds Publish pings.
type Site struct {
	Out    string                 // the output folder
	Base   string                 // the URL the site is served from
	IsFeed func(name string) bool // which files of Out are feeds, by slash-separated path
}

// Result is what Publish did.
type Result struct {
	Feeds   []Feed   // every feed of the site
	Changed []Feed   // the feeds whose bytes changed since the last ping
	Pinged  []string // the URLs every hub accepted
}

// Publish tells every hub about each feed of the site whose bytes
// changed since the last ping, and only those, then records beside the
// output folder what the hubs now know, so that a feed is pinged again
// only once it changes again, or if a hub failed to take it this time.
// Call it once the new files are live, as ping does and deploy may,
// since each hub fetches a feed as soon as it is told. With dryRun it
// only works out which feeds it would ping.
func (p *Pinger) Publish(ctx context.Context, hubs []string, s Site, dryRun bool) (*Result, error) {
	if len(hubs) == 0 {
		return nil, errors.New("no WebSub hub to tell: name one in site.yaml, e.g. websub_hub: https://pubsubhubbub.appspot.com/")
	}
	feeds, err := Scan(s.Out, s.Base, s.IsFeed)
	if err != nil {
		return nil, err
	}
	path := RecordPath(s.Out)
	rec, err := ReadRecord(path)
	if err != nil {
		return nil, err
	}
	r := &Result{Feeds: feeds, Changed: rec.Changed(feeds)}
	if dryRun || len(r.Changed) == 0 && len(rec) == len(feeds) {
		return r, nil
	}
	var topics []string
	for _, f := range r.Changed {
		topics = append(topics, f.URL)
	}
	r.Pinged, err = p.Ping(ctx, hubs, topics)
	if werr := rec.Update(feeds, r.Pinged).Write(path); werr != nil {
		return r, errors.Join(err, werr)
	}
	return r, err
}

// A Pinger tells hubs about changed topics. The zero value is ready to
// use, with the defaults below.
type Pinger struct {
	// Client makes the requests; nil means one that gives up on a hub
	// after 30 seconds.
	Client *http.Client
	// Tries is how often a request that meets a server error (5xx), a
	// 429 or a timeout is made before giving up; 0 means 4.
	Tries int
	// Backoff is the wait before the second try, doubled before each
	// next one unless the hub's Retry-After asks for longer; 0 means 1 s.
	Backoff time.Duration
	// Parallel is how many requests are in flight at once; 0 means 4.
	Parallel int
}

// Ping tells each hub that each topic changed. See Pinger.Ping.
func Ping(ctx context.Context, hubs, topics []string) ([]string, error) {
	var p Pinger
	return p.Ping(ctx, hubs, topics)
}

// Ping tells each hub that each topic, a feed's URL, changed, and gives
// the topics that every hub accepted, in the order given. A request is
// a POST of the form hub.mode=publish&hub.url=TOPIC&hub.topic=TOPIC: the
// WebSub Recommendation leaves publishing to the hub (section 6), and
// names hub.mode=publish with hub.url as what public hubs take; others
// read hub.topic, as subscriptions do. Any 2xx answer is acceptance.
// The error names every hub and topic that failed, and why.
func (p *Pinger) Ping(ctx context.Context, hubs, topics []string) ([]string, error) {
	failed := make([]error, len(hubs)*len(topics)) // by hub, then topic
	// A hub that gave no answer to every try for one feed is not asked
	// about the others, each of which would take as long (minutes) to
	// fail: they are pinged again next time.
	silent := make([]atomic.Pointer[string], len(hubs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range cmp.Or(p.Parallel, 4) {
		wg.Go(func() {
			for i := range next {
				h, topic := i/len(topics), topics[i%len(topics)]
				if other := silent[h].Load(); other != nil {
					failed[i] = fmt.Errorf("hub %s: publishing %s: not asked, as the hub gave no answer for %s", hubs[h], topic, *other)
					continue
				}
				failed[i] = p.publish(ctx, hubs[h], topic)
				if _, ok := errors.AsType[*noAnswer](failed[i]); ok {
					silent[h].CompareAndSwap(nil, &topic)
				}
			}
		})
	}
	for i := range failed {
		if ctx.Err() != nil {
			failed[i] = ctx.Err()
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	var done []string
	for t, topic := range topics {
		ok := true
		for h := range hubs {
			ok = ok && failed[h*len(topics)+t] == nil
		}
		if ok {
			done = append(done, topic)
		}
	}
	// A hub that refuses one feed usually refuses them all: name the
	// first few, and count the rest.
	var errs []error
	for h, hub := range hubs {
		var n int
		for _, err := range failed[h*len(topics) : (h+1)*len(topics)] {
			if err == nil {
				continue
			}
			if n++; n <= 3 {
				errs = append(errs, err)
			}
		}
		if n > 3 {
			errs = append(errs, fmt.Errorf("hub %s: publishing %d more feeds failed too", hub, n-3))
		}
	}
	return done, errors.Join(errs...)
}

// publish makes one publish request, trying again after a server error
// or a timeout.
func (p *Pinger) publish(ctx context.Context, hub, topic string) error {
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	wait := p.Backoff
	if wait <= 0 {
		wait = time.Second
	}
	tries := cmp.Or(p.Tries, 4)
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {topic}, "hub.topic": {topic}}.Encode()
	var err error
	answered := false // some try got an answer, if only an error
	for try := 1; ; try++ {
		var retryAfter time.Duration
		var again bool
		again, retryAfter, err = send(ctx, client, hub, form)
		if err == nil {
			return nil
		}
		if _, ok := errors.AsType[net.Error](err); !ok {
			answered = true
		}
		err = fmt.Errorf("hub %s: publishing %s: %w", hub, topic, err)
		if !again || try >= tries {
			if again {
				err = fmt.Errorf("%w (gave up after %d tries)", err, tries)
			}
			if again && !answered {
				err = &noAnswer{err}
			}
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("hub %s: publishing %s: %w", hub, topic, ctx.Err())
		case <-time.After(max(wait, retryAfter)):
		}
		wait *= 2
	}
}

// noAnswer is the error of a publish request that no try got an
// answer to: the hub is down, or out of reach.
type noAnswer struct{ error }

func (e *noAnswer) Unwrap() error { return e.error }

// send posts form to hub once, and says whether a failure is worth
// another try and how long the hub asked to wait.
func send(ctx context.Context, client *http.Client, hub, form string) (again bool, retryAfter time.Duration, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form))
	if err != nil {
		return false, 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "bulletin (WebSub publisher)")
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return false, 0, ctx.Err()
		}
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			return true, 0, fmt.Errorf("no answer in time: %w", err)
		}
		// A refused or dropped connection may be a hub restarting.
		return true, 0, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.Request.Method != http.MethodPost {
		// A 301, 302 or 303 sends the request on as a GET, without the
		// form: whatever answers it was told nothing.
		return false, 0, fmt.Errorf("the hub redirected the request to %s, which a client follows without the form (a GET), so the hub was not told: set websub_hub in site.yaml to the address it redirects to", resp.Request.URL.Redacted())
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return false, 0, nil
	}
	err = fmt.Errorf("got %s%s", resp.Status, said(body))
	switch {
	case resp.StatusCode >= 500, resp.StatusCode == http.StatusTooManyRequests, resp.StatusCode == http.StatusRequestTimeout:
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return true, min(time.Duration(secs)*time.Second, time.Minute), err
	case resp.StatusCode >= 400:
		return false, 0, fmt.Errorf("%w: the hub refused the request; check websub_hub in site.yaml", err)
	}
	return false, 0, err
}

// said is the start of a hub's answer, on one line, for an error.
func said(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if s == "" {
		return ""
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return ": " + strconv.Quote(s)
}
