package websub

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bulletin/generator/websub/websubtest"
)

// fastPinger retries at once, so that tests of retries take no time.
func fastPinger() *Pinger {
	return &Pinger{Client: &http.Client{Timeout: 200 * time.Millisecond}, Tries: 3, Backoff: time.Millisecond}
}

// recordingHub answers every request with the next status of a script
// (the last one again once the script runs out), after an optional
// delay, and keeps each request's form.
type recordingHub struct {
	mu       sync.Mutex
	statuses []int
	delays   []time.Duration
	forms    []string
	types    []string
}

func (h *recordingHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	n := len(h.forms)
	r.ParseForm()
	h.forms = append(h.forms, r.Method+" "+r.PostForm.Encode())
	h.types = append(h.types, r.Header.Get("Content-Type"))
	status := h.statuses[min(n, len(h.statuses)-1)]
	var delay time.Duration
	if n < len(h.delays) {
		delay = h.delays[n]
	}
	h.mu.Unlock()
	time.Sleep(delay)
	w.WriteHeader(status)
	fmt.Fprint(w, "answer <b>", status, "</b>\n")
}

func (h *recordingHub) requests() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.forms)
}

func TestPingSendsAPublishRequestPerHubAndTopic(t *testing.T) {
	a, b := &recordingHub{statuses: []int{204}}, &recordingHub{statuses: []int{202}}
	srvA, srvB := httptest.NewServer(a), httptest.NewServer(b)
	defer srvA.Close()
	defer srvB.Close()
	topics := []string{"https://bulletin.example.org/feed.xml", "https://bulletin.example.org/topics/a&b/atom.xml"}
	done, err := fastPinger().Ping(context.Background(), []string{srvA.URL, srvB.URL}, topics)
	if err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if !slices.Equal(done, topics) {
		t.Errorf("got done %q, want %q", done, topics)
	}
	for name, h := range map[string]*recordingHub{"hub a": a, "hub b": b} {
		got := h.requests()
		slices.Sort(got)
		want := []string{
			"POST hub.mode=publish&hub.topic=https%3A%2F%2Fbulletin.example.org%2Ffeed.xml&hub.url=https%3A%2F%2Fbulletin.example.org%2Ffeed.xml",
			"POST hub.mode=publish&hub.topic=https%3A%2F%2Fbulletin.example.org%2Ftopics%2Fa%26b%2Fatom.xml&hub.url=https%3A%2F%2Fbulletin.example.org%2Ftopics%2Fa%26b%2Fatom.xml",
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: got requests\n%q\nwant\n%q", name, got, want)
		}
		for _, ct := range h.types {
			if ct != "application/x-www-form-urlencoded" {
				t.Errorf("%s: got Content-Type %q, want application/x-www-form-urlencoded", name, ct)
			}
		}
	}
}

// TestPingRefusesARedirectToAGet tells, as a failure, a hub whose
// address redirects with a 301, 302 or 303, which clients follow with a
// GET that carries no form, where whatever answered the GET with 200 was
// taken for a hub told of every feed; a 307 or 308 keeps the POST.
func TestPingRefusesARedirectToAGet(t *testing.T) {
	hub := &recordingHub{statuses: []int{204}}
	mux := http.NewServeMux()
	mux.Handle("/hub", hub)
	mux.HandleFunc("/home", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "the hub's home page") })
	for _, code := range []int{301, 302, 303, 307, 308} {
		mux.HandleFunc(fmt.Sprintf("/moved-%d", code), func(w http.ResponseWriter, r *http.Request) {
			to := "/home"
			if code >= 307 {
				to = "/hub"
			}
			http.Redirect(w, r, to, code)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	topics := []string{"https://bulletin.example.org/feed.xml"}
	for _, code := range []int{301, 302, 303, 307, 308} {
		done, err := fastPinger().Ping(context.Background(), []string{fmt.Sprintf("%s/moved-%d", srv.URL, code)}, topics)
		if code >= 307 {
			if err != nil || len(done) != 1 {
				t.Errorf("%d: got done %q, error %v; want the feed told through the redirect", code, done, err)
			}
			continue
		}
		if len(done) != 0 || err == nil || !strings.Contains(err.Error(), srv.URL+"/home") || !strings.Contains(err.Error(), "set websub_hub") {
			t.Errorf("%d: got done %q, error %v; want the redirect to %s/home told as a failure", code, done, err, srv.URL)
		}
	}
	if got := len(hub.requests()); got != 2 {
		t.Errorf("the hub got %d requests, want 2 (307 and 308)", got)
	}
}

// TestPingStopsAskingASilentHub asks a hub that answers no request
// about one feed at a time, so to speak: once every try for a feed got no
// answer, the feeds not yet asked about fail at once, named, where each
// took every try again, which for a site's 24 feeds was 13 minutes at
// 30 s a try.
func TestPingStopsAskingASilentHub(t *testing.T) {
	hub := &recordingHub{statuses: []int{204}, delays: slices.Repeat([]time.Duration{time.Second}, 100)}
	srv := httptest.NewServer(hub)
	defer srv.Close()
	var topics []string
	for i := range 20 {
		topics = append(topics, fmt.Sprintf("https://bulletin.example.org/topics/t%d/feed.xml", i))
	}
	p := fastPinger()
	p.Parallel = 2
	done, err := p.Ping(context.Background(), []string{srv.URL}, topics)
	if len(done) != 0 || err == nil || !strings.Contains(err.Error(), "no answer in time") || !strings.Contains(err.Error(), "not asked, as the hub gave no answer for") {
		t.Errorf("got done %q, error %v; want every feed failed, those after the first not asked", done, err)
	}
	if got := len(hub.requests()); got > p.Parallel*p.Tries {
		t.Errorf("the hub got %d requests, want at most %d: the feeds in flight when it first failed to answer, each tried %d times", got, p.Parallel*p.Tries, p.Tries)
	}
}

func TestPingRetriesServerErrorsAndTimeouts(t *testing.T) {
	tests := []struct {
		name         string
		statuses     []int
		delays       []time.Duration
		wantRequests int
		wantErr      []string // parts of the error; none for success
	}{
		{name: "accepted at once", statuses: []int{202}, wantRequests: 1},
		{name: "two server errors, then accepted", statuses: []int{503, 500, 204}, wantRequests: 3},
		{name: "too many requests, then accepted", statuses: []int{429, 202}, wantRequests: 2},
		{name: "a timeout, then accepted", statuses: []int{202}, delays: []time.Duration{time.Second}, wantRequests: 2},
		{
			name: "server errors every time", statuses: []int{502}, wantRequests: 3,
			wantErr: []string{"hub http://127.0.0.1:", "publishing https://bulletin.example.org/feed.xml", "502 Bad Gateway", "gave up after 3 tries"},
		},
		{
			name: "refused: not tried again", statuses: []int{400}, wantRequests: 1,
			wantErr: []string{"hub http://127.0.0.1:", "400 Bad Request", `"answer <b>400</b>"`, "the hub refused the request; check websub_hub in site.yaml"},
		},
		{
			name: "not a hub: not tried again", statuses: []int{404}, wantRequests: 1,
			wantErr: []string{"hub http://127.0.0.1:", "404 Not Found", "check websub_hub"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &recordingHub{statuses: tt.statuses, delays: tt.delays}
			srv := httptest.NewServer(h)
			defer srv.Close()
			topic := "https://bulletin.example.org/feed.xml"
			done, err := fastPinger().Ping(context.Background(), []string{srv.URL + "/"}, []string{topic})
			if got := len(h.requests()); got != tt.wantRequests {
				t.Errorf("made %d requests, want %d", got, tt.wantRequests)
			}
			if len(tt.wantErr) == 0 {
				if err != nil || !slices.Equal(done, []string{topic}) {
					t.Errorf("got done %q, error %v; want the topic done", done, err)
				}
				return
			}
			if err == nil || len(done) > 0 {
				t.Fatalf("got done %q, error %v; want an error", done, err)
			}
			for _, part := range tt.wantErr {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("got error %q, want it to say %q", err, part)
				}
			}
		})
	}
}

func TestPingNamesAFewFailuresPerHub(t *testing.T) {
	good, bad := &recordingHub{statuses: []int{202}}, &recordingHub{statuses: []int{410}}
	srvGood, srvBad := httptest.NewServer(good), httptest.NewServer(bad)
	defer srvGood.Close()
	defer srvBad.Close()
	var topics []string
	for i := range 5 {
		topics = append(topics, fmt.Sprintf("https://bulletin.example.org/%d/feed.xml", i))
	}
	done, err := fastPinger().Ping(context.Background(), []string{srvGood.URL, srvBad.URL}, topics)
	if len(done) != 0 {
		t.Errorf("got done %q, want none: no topic reached every hub", done)
	}
	if err == nil {
		t.Fatal("got no error, want one naming the hub that refused")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 4 || !strings.Contains(lines[3], "hub "+srvBad.URL+": publishing 2 more feeds failed too") {
		t.Errorf("got error\n%s\nwant three lines naming feeds and one counting the other two", err)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "hub "+srvBad.URL+": ") {
			t.Errorf("error line %q does not start with the hub that failed", l)
		}
	}
}

func TestRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".public.pinged")
	empty, err := ReadRecord(path)
	if err != nil || len(empty) != 0 {
		t.Fatalf("ReadRecord of no file: got %v, %v; want an empty record", empty, err)
	}
	h := func(c byte) string { return strings.Repeat(string(c), 64) }
	feeds := []Feed{{Name: "a.xml", URL: "https://x/a.xml", Hash: h('a')}, {Name: "b.xml", URL: "https://x/b.xml", Hash: h('b')}, {Name: "c.xml", URL: "https://x/c.xml", Hash: h('c')}}
	rec := Record{"https://x/a.xml": h('a'), "https://x/b.xml": h('0'), "https://x/gone.xml": h('9')}

	tests := []struct {
		name   string
		pinged []string
		want   Record
	}{
		{
			name:   "all pinged",
			pinged: []string{"https://x/b.xml", "https://x/c.xml"},
			want:   Record{"https://x/a.xml": h('a'), "https://x/b.xml": h('b'), "https://x/c.xml": h('c')},
		},
		{
			name:   "one hub failed for b and c",
			pinged: nil,
			want:   Record{"https://x/a.xml": h('a'), "https://x/b.xml": h('0')},
		},
	}
	if got, want := rec.Changed(feeds), feeds[1:]; !slices.Equal(got, want) {
		t.Errorf("Changed: got %v, want %v", got, want)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := rec.Update(feeds, tt.pinged)
			if !maps.Equal(next, tt.want) {
				t.Errorf("Update: got %v, want %v", next, tt.want)
			}
			if err := next.Write(path); err != nil {
				t.Fatal(err)
			}
			back, err := ReadRecord(path)
			if err != nil || !maps.Equal(back, tt.want) {
				t.Errorf("read back %v, %v; want %v", back, err, tt.want)
			}
		})
	}

	// A damaged line only means that feed is pinged again.
	os.WriteFile(path, []byte(h('a')+" https://x/a.xml\nnot a line\nabc https://x/b.xml\n"), 0o644)
	back, err := ReadRecord(path)
	if want := (Record{"https://x/a.xml": h('a')}); err != nil || !maps.Equal(back, want) {
		t.Errorf("damaged record: got %v, %v; want %v", back, err, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the record alone (no temporary file left)", len(entries))
	}
}

// writeSite writes files into a new output folder, and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	for name, text := range files {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func isFeed(name string) bool {
	switch filepath.Base(name) {
	case "feed.xml", "atom.xml", "feed.json":
		return true
	}
	return false
}

func TestScan(t *testing.T) {
	tests := []struct {
		name    string
		base    string
		files   map[string]string
		want    []string // name URL
		wantErr string
	}{
		{
			name: "feeds at any depth, other files left out",
			base: "https://example.org/bulletin",
			files: map[string]string{
				"feed.xml":           `<link>https://example.org/bulletin/feed.xml</link>`,
				"topics/a/atom.xml":  `<link href="https://example.org/bulletin/topics/a/atom.xml"/>`,
				"topics/a/feed.json": `{"feed_url": "https://example.org/bulletin/topics/a/feed.json"}`,
				"index.html":         "<p>a page</p>",
			},
			want: []string{
				"feed.xml https://example.org/bulletin/feed.xml",
				"topics/a/atom.xml https://example.org/bulletin/topics/a/atom.xml",
				"topics/a/feed.json https://example.org/bulletin/topics/a/feed.json",
			},
		},
		{
			name:    "built for another base URL",
			base:    "https://example.org/",
			files:   map[string]string{"feed.xml": `<link>http://localhost:8080/feed.xml</link>`},
			wantErr: "does not give https://example.org/feed.xml as its address: it was built for another base URL",
		},
		{
			name:    "not a URL",
			base:    "example.org",
			files:   map[string]string{},
			wantErr: `base URL "example.org": give an absolute http(s) URL`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeSite(t, tt.files)
			feeds, err := Scan(out, tt.base, isFeed)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range feeds {
				got = append(got, f.Name+" "+f.URL)
				if len(f.Hash) != 64 {
					t.Errorf("%s: got hash %q, want SHA-256 in hex", f.Name, f.Hash)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := Scan(filepath.Join(t.TempDir(), "none"), "https://example.org/", isFeed); err == nil || !strings.Contains(err.Error(), "no such folder: build the site first") {
		t.Errorf("a missing folder: got %v, want it to say to build the site first", err)
	}
}

// TestPublishToASpecHub publishes a small site's feeds to a hub that
// follows the WebSub Recommendation, which fetches each feed from the
// site and delivers it to a subscriber that discovered the hub in the
// feed: every change reaches the subscriber once, and nothing else does.
func TestPublishToASpecHub(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	hub := websubtest.NewHub(t)
	sub := websubtest.NewSubscriber(t)
	var base string
	feedText := func(name, version string) string {
		return `<?xml version="1.0"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom"><title>` + version + `</title>` +
			`<link rel="self" href="` + base + name + `"/><link rel="hub" href="` + hub.URL + `"/></feed>`
	}
	var out string
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		http.ServeFile(w, r, filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, "/"))))
	}))
	defer site.Close()
	base = site.URL + "/"
	names := []string{"atom.xml", "topics/a/atom.xml", "topics/b/atom.xml"}
	files := map[string]string{}
	for _, name := range names {
		files[name] = feedText(name, "1")
	}
	out = writeSite(t, files)
	for _, name := range names {
		if _, err := sub.Subscribe(ctx, base+name); err != nil {
			t.Fatal(err)
		}
	}
	hub.Wait()
	s := Site{Out: out, Base: base, IsFeed: isFeed}
	p := fastPinger()
	p.Client.Timeout = 5 * time.Second

	steps := []struct {
		name   string
		edit   map[string]string // files to write before publishing
		dryRun bool
		refuse string // a topic the hub answers 503 for
		want   map[string]int
	}{
		{name: "first ping: every feed", want: map[string]int{"atom.xml": 1, "topics/a/atom.xml": 1, "topics/b/atom.xml": 1}},
		{name: "nothing changed", want: map[string]int{"atom.xml": 1, "topics/a/atom.xml": 1, "topics/b/atom.xml": 1}},
		{name: "one feed changed", edit: map[string]string{"topics/a/atom.xml": feedText("topics/a/atom.xml", "2")}, want: map[string]int{"atom.xml": 1, "topics/a/atom.xml": 2, "topics/b/atom.xml": 1}},
		{name: "a dry run pings nothing", edit: map[string]string{"atom.xml": feedText("atom.xml", "2")}, dryRun: true, want: map[string]int{"atom.xml": 1, "topics/a/atom.xml": 2, "topics/b/atom.xml": 1}},
		{name: "the hub fails on one", refuse: "atom.xml", edit: map[string]string{"topics/b/atom.xml": feedText("topics/b/atom.xml", "2")}, want: map[string]int{"atom.xml": 1, "topics/a/atom.xml": 2, "topics/b/atom.xml": 2}},
		{name: "the failed one again", want: map[string]int{"atom.xml": 2, "topics/a/atom.xml": 2, "topics/b/atom.xml": 2}},
	}
	for _, step := range steps {
		for name, text := range step.edit {
			if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		hub.Refuse = func(topic string) int {
			if step.refuse != "" && topic == base+step.refuse {
				return http.StatusServiceUnavailable
			}
			return 0
		}
		_, err := p.Publish(ctx, []string{hub.URL}, s, step.dryRun)
		if (err != nil) != (step.refuse != "") {
			t.Errorf("%s: got error %v", step.name, err)
		}
		hub.Wait()
		want := map[string]int{}
		for name, n := range step.want {
			want[base+name] = n
		}
		if got := hub.Pings(); !maps.Equal(got, want) {
			t.Errorf("%s: the hub got pings %v, want %v", step.name, got, want)
		}
		if got := sub.Deliveries(); !maps.Equal(got, want) {
			t.Errorf("%s: the subscriber got deliveries %v, want %v", step.name, got, want)
		}
	}
	for _, name := range names {
		data, _ := os.ReadFile(filepath.Join(out, name))
		if got := sub.Last(base + name); string(got) != string(data) {
			t.Errorf("%s: the last delivery is %q, want the file as it is, %q", name, got, data)
		}
	}
	for _, err := range append(hub.Errors(), sub.Errors()...) {
		t.Error(err)
	}
}

func TestPublishWithoutAHub(t *testing.T) {
	_, err := fastPinger().Publish(context.Background(), nil, Site{Out: t.TempDir(), Base: "https://example.org/", IsFeed: isFeed}, false)
	if err == nil || !strings.Contains(err.Error(), "websub_hub: https://pubsubhubbub.appspot.com/") {
		t.Errorf("got %v, want an error saying to name a hub in site.yaml", err)
	}
}
