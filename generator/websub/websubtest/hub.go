// Package websubtest runs a WebSub hub and a WebSub subscriber on
// 127.0.0.1 for tests, each following the W3C WebSub Recommendation
// (2018), so that a publisher's pings can be counted end to end: the
// subscriber discovers the hub and the topic's own URL from the feed
// (section 4), subscribes (5.1), and answers the hub's check of its
// intent (5.3); the hub takes publish requests (section 6, as public
// hubs do: hub.mode=publish with hub.url or hub.topic), fetches the
// topic and delivers it to every verified subscriber with its Link
// headers and signature (7, 8).
//
// It takes the address of a site that serves the feeds, and gives what
// each side saw: the pings per topic, the deliveries per topic, and the
// requests that broke the protocol. It is for tests and serves only on
// the loopback address.
package websubtest

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"
)

// leaseSeconds is the lease a hub grants when the subscriber asks for
// none: ten days, as public hubs do.
const leaseSeconds = 864000

// A Hub is a WebSub hub serving on 127.0.0.1.
type Hub struct {
	URL string // where subscribers and publishers post

	// Refuse, when set, may answer a publish request in the hub's place
	// with the status it returns (a hub that is down, or refuses the
	// request); 0 lets the hub take it.
	Refuse func(topic string) int

	client *http.Client
	srv    *httptest.Server
	work   sync.WaitGroup // verifications and distributions under way

	mu     sync.Mutex
	subs   map[string]map[string]*subscription // by topic, then callback
	pings  map[string]int                      // publish requests taken, by topic
	errors []error
}

type subscription struct {
	callback string
	secret   string
	expires  time.Time
}

// NewHub starts a hub on 127.0.0.1 for the length of the test.
func NewHub(t testing.TB) *Hub {
	t.Helper()
	h := &Hub{client: &http.Client{Timeout: 10 * time.Second}, subs: map[string]map[string]*subscription{}, pings: map[string]int{}}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	h.URL = h.srv.URL + "/hub"
	t.Cleanup(func() {
		h.Wait()
		h.srv.Close()
	})
	return h
}

// Wait waits for the hub's work under way: checking subscribers'
// intent, fetching topics and delivering them.
func (h *Hub) Wait() { h.work.Wait() }

// Pings are the publish requests the hub took, by topic.
func (h *Hub) Pings() map[string]int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return maps.Clone(h.pings)
}

// Errors are the requests, to the hub or from it, that failed or broke
// the protocol, in the order they happened.
func (h *Hub) Errors() []error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]error(nil), h.errors...)
}

func (h *Hub) fail(format string, args ...any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.errors = append(h.errors, fmt.Errorf(format, args...))
}

// refuse answers a bad request and notes it.
func (h *Hub) refuse(w http.ResponseWriter, status int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	h.fail("hub: %d: %s", status, msg)
	http.Error(w, msg, status)
}

func (h *Hub) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/hub" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, http.StatusMethodNotAllowed, "%s: a hub takes POST requests", r.Method)
		return
	}
	// Requests are form-encoded (section 5.1; section 6's public hubs).
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
		h.refuse(w, http.StatusUnsupportedMediaType, "Content-Type %q: want application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
		return
	}
	if err := r.ParseForm(); err != nil {
		h.refuse(w, http.StatusBadRequest, "the form: %v", err)
		return
	}
	switch mode := r.PostForm.Get("hub.mode"); mode {
	case "subscribe", "unsubscribe":
		h.subscribe(w, r.PostForm, mode)
	case "publish":
		h.publish(w, r.PostForm)
	default:
		h.refuse(w, http.StatusBadRequest, "hub.mode %q: want subscribe, unsubscribe or publish", mode)
	}
}

// subscribe takes a subscription request (5.1), accepts it for
// checking, and checks the subscriber's intent (5.3).
func (h *Hub) subscribe(w http.ResponseWriter, form url.Values, mode string) {
	callback, topic := form.Get("hub.callback"), form.Get("hub.topic")
	if !webURL(callback) || !webURL(topic) {
		h.refuse(w, http.StatusBadRequest, "hub.callback %q and hub.topic %q must be absolute http(s) URLs", callback, topic)
		return
	}
	lease := leaseSeconds
	if s := form.Get("hub.lease_seconds"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			h.refuse(w, http.StatusBadRequest, "hub.lease_seconds %q: want a positive whole number", s)
			return
		}
		lease = n
	}
	secret := form.Get("hub.secret")
	if len(secret) >= 200 {
		h.refuse(w, http.StatusBadRequest, "hub.secret: must be less than 200 bytes")
		return
	}
	w.WriteHeader(http.StatusAccepted)
	h.work.Go(func() {
		challenge := rand.Text()
		q := url.Values{"hub.mode": {mode}, "hub.topic": {topic}, "hub.challenge": {challenge}}
		if mode == "subscribe" {
			q.Set("hub.lease_seconds", strconv.Itoa(lease))
		}
		u, _ := url.Parse(callback)
		u.RawQuery = joinQuery(u.RawQuery, q.Encode())
		resp, err := h.client.Get(u.String())
		if err != nil {
			h.fail("hub: checking the intent of %s: %v", callback, err)
			return
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
		resp.Body.Close()
		// The subscriber confirms with a 2xx and the challenge as the body.
		if resp.StatusCode/100 != 2 || string(body) != challenge {
			h.fail("hub: %s did not confirm its %s to %s: %s, body %q", callback, mode, topic, resp.Status, body)
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		if mode == "unsubscribe" {
			delete(h.subs[topic], callback)
			return
		}
		if h.subs[topic] == nil {
			h.subs[topic] = map[string]*subscription{}
		}
		h.subs[topic][callback] = &subscription{callback: callback, secret: secret, expires: time.Now().Add(time.Duration(lease) * time.Second)}
	})
}

// publish takes a publisher's word that topics changed, fetches each
// and delivers it to its subscribers.
func (h *Hub) publish(w http.ResponseWriter, form url.Values) {
	topics := append(form["hub.url"], form["hub.topic"]...)
	if len(topics) == 0 {
		h.refuse(w, http.StatusBadRequest, "hub.url: missing: name the topic that changed")
		return
	}
	seen := map[string]bool{}
	var changed []string
	for _, topic := range topics {
		if !webURL(topic) {
			h.refuse(w, http.StatusBadRequest, "hub.url %q: want an absolute http(s) URL", topic)
			return
		}
		if !seen[topic] {
			seen[topic] = true
			changed = append(changed, topic)
		}
	}
	if h.Refuse != nil {
		for _, topic := range changed {
			if status := h.Refuse(topic); status != 0 {
				http.Error(w, http.StatusText(status), status)
				return
			}
		}
	}
	h.mu.Lock()
	for _, topic := range changed {
		h.pings[topic]++
	}
	h.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
	for _, topic := range changed {
		h.work.Go(func() { h.distribute(topic) })
	}
}

// distribute fetches a topic and posts it to each of its subscribers
// whose lease runs (section 7), signed with the subscriber's secret (8).
func (h *Hub) distribute(topic string) {
	resp, err := h.client.Get(topic)
	if err != nil {
		h.fail("hub: fetching %s: %v", topic, err)
		return
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		h.fail("hub: fetching %s: %s %v", topic, resp.Status, err)
		return
	}
	h.mu.Lock()
	var subs []*subscription
	for _, s := range h.subs[topic] {
		if time.Now().Before(s.expires) {
			subs = append(subs, s)
		}
	}
	h.mu.Unlock()
	for _, s := range subs {
		if err := h.deliver(s, topic, resp.Header.Get("Content-Type"), body); err != nil {
			h.fail("hub: delivering %s to %s: %v", topic, s.callback, err)
		}
	}
}

func (h *Hub) deliver(s *subscription, topic, contentType string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, s.callback, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Add("Link", "<"+h.URL+`>; rel="hub"`)
	req.Header.Add("Link", "<"+topic+`>; rel="self"`)
	if s.secret != "" {
		req.Header.Set("X-Hub-Signature", "sha256="+sign(s.secret, body))
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return errors.New(resp.Status)
	}
	return nil
}

// sign is the HMAC-SHA256 of body keyed by secret, in hex (section 8).
func sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// joinQuery adds the query q to an existing one, which a callback URL
// may have (5.3: the hub keeps it).
func joinQuery(existing, q string) string {
	if existing == "" {
		return q
	}
	return existing + "&" + q
}
