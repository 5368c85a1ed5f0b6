package websubtest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

const atomNS = "http://www.w3.org/2005/Atom"

// A Subscriber is a WebSub subscriber serving its callbacks on
// 127.0.0.1. It subscribes with a secret, so that every delivery it
// takes is signed by the hub it subscribed at.
type Subscriber struct {
	client *http.Client
	srv    *httptest.Server

	mu         sync.Mutex
	callbacks  map[string]*callback // by path
	deliveries map[string][][]byte  // bodies, by topic
	errors     []error
}

// callback is one subscription's callback URL and what it expects.
type callback struct {
	topic, hub, secret string
	verified           chan struct{} // closed once the hub has checked the intent
	once               sync.Once
}

// NewSubscriber starts a subscriber on 127.0.0.1 for the length of the
// test.
func NewSubscriber(t testing.TB) *Subscriber {
	t.Helper()
	s := &Subscriber{client: &http.Client{Timeout: 10 * time.Second}, callbacks: map[string]*callback{}, deliveries: map[string][][]byte{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// Deliveries counts the contents the subscriber took, by topic.
func (s *Subscriber) Deliveries() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for topic, bodies := range s.deliveries {
		n[topic] = len(bodies)
	}
	return n
}

// Last is the content of the last delivery of topic, or nil.
func (s *Subscriber) Last(topic string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.deliveries[topic]; len(b) > 0 {
		return b[len(b)-1]
	}
	return nil
}

// Errors are the requests to the subscriber that broke the protocol.
func (s *Subscriber) Errors() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]error(nil), s.errors...)
}

func (s *Subscriber) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errors = append(s.errors, fmt.Errorf(format, args...))
}

// Subscribe discovers the hubs and the own URL of the feed at feedURL
// (section 4: Link headers first, else the feed's links: Atom's link
// and RSS's atom:link elements, or JSON Feed's hubs and feed_url) and
// subscribes to it at every hub, returning once each hub has checked
// the subscriber's intent. It gives the topic: the feed's own URL. A
// hub takes the subscription once it has read the answer to its check:
// call Hub.Wait before publishing.
func (s *Subscriber) Subscribe(ctx context.Context, feedURL string) (string, error) {
	topic, hubs, err := s.discover(ctx, feedURL)
	if err != nil {
		return "", err
	}
	for _, hub := range hubs {
		cb := &callback{topic: topic, hub: hub, secret: rand.Text(), verified: make(chan struct{})}
		path := "/callback/" + rand.Text()
		s.mu.Lock()
		s.callbacks[path] = cb
		s.mu.Unlock()
		form := url.Values{"hub.mode": {"subscribe"}, "hub.topic": {topic}, "hub.callback": {s.srv.URL + path}, "hub.secret": {cb.secret}}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
		if err != nil {
			return "", err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := s.client.Do(req)
		if err != nil {
			return "", fmt.Errorf("subscribing to %s at %s: %w", topic, hub, err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			return "", fmt.Errorf("subscribing to %s at %s: got %s, want 202 Accepted", topic, hub, resp.Status)
		}
		select {
		case <-cb.verified:
		case <-ctx.Done():
			return "", fmt.Errorf("subscribing to %s at %s: the hub never checked the intent: %w", topic, hub, ctx.Err())
		}
	}
	return topic, nil
}

// discover fetches a feed and finds its own URL and its hubs.
func (s *Subscriber) discover(ctx context.Context, feedURL string) (self string, hubs []string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, feedURL, nil)
	if err != nil {
		return "", nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return "", nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return "", nil, fmt.Errorf("fetching %s: %s %v", feedURL, resp.Status, err)
	}
	self, hubs = linkHeaders(resp.Header)
	if self == "" || len(hubs) == 0 {
		mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		if strings.HasSuffix(mt, "json") {
			self, hubs, err = jsonLinks(body)
		} else {
			self, hubs, err = xmlLinks(body)
		}
		if err != nil {
			return "", nil, fmt.Errorf("reading %s: %w", feedURL, err)
		}
	}
	if self == "" || len(hubs) == 0 {
		return "", nil, fmt.Errorf("%s names no hub and self: found self %q, hubs %q", feedURL, self, hubs)
	}
	return self, hubs, nil
}

// linkHeaders reads rel=self and rel=hub from Link headers.
func linkHeaders(h http.Header) (self string, hubs []string) {
	for _, v := range h.Values("Link") {
		for link := range strings.SplitSeq(v, ",") {
			target, params, ok := strings.Cut(link, ";")
			target = strings.Trim(strings.TrimSpace(target), "<>")
			if !ok {
				continue
			}
			for _, rel := range strings.Fields(strings.Trim(strings.TrimPrefix(strings.TrimSpace(params), "rel="), `"`)) {
				switch rel {
				case "self":
					self = target
				case "hub":
					hubs = append(hubs, target)
				}
			}
		}
	}
	return self, hubs
}

// xmlLinks reads the Atom links of an Atom feed or an RSS channel: the
// link elements, in Atom's namespace, of the feed or channel itself.
func xmlLinks(body []byte) (self string, hubs []string, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	var path []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return self, hubs, nil
		}
		if err != nil {
			return "", nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(path) > 0 {
				parent = path[len(path)-1]
			}
			path = append(path, tok.Name.Local)
			if tok.Name.Space != atomNS || tok.Name.Local != "link" || parent != "feed" && parent != "channel" {
				continue
			}
			var rel, href string
			for _, a := range tok.Attr {
				switch a.Name.Local {
				case "rel":
					rel = a.Value
				case "href":
					href = a.Value
				}
			}
			switch rel {
			case "self":
				self = href
			case "hub":
				hubs = append(hubs, href)
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
}

// jsonLinks reads a JSON Feed's feed_url and its hubs of type WebSub.
func jsonLinks(body []byte) (self string, hubs []string, err error) {
	var f struct {
		FeedURL string `json:"feed_url"`
		Hubs    []struct {
			Type string `json:"type"`
			URL  string `json:"url"`
		} `json:"hubs"`
	}
	if err := json.Unmarshal(body, &f); err != nil {
		return "", nil, err
	}
	for _, h := range f.Hubs {
		if strings.EqualFold(h.Type, "WebSub") {
			hubs = append(hubs, h.URL)
		}
	}
	return f.FeedURL, hubs, nil
}

func (s *Subscriber) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	cb := s.callbacks[r.URL.Path]
	s.mu.Unlock()
	if cb == nil {
		http.NotFound(w, r)
		return
	}
	switch r.Method {
	case http.MethodGet:
		s.confirm(w, r, cb)
	case http.MethodPost:
		s.take(w, r, cb)
	default:
		http.Error(w, "not a hub's request", http.StatusMethodNotAllowed)
	}
}

// confirm answers the hub's check of the subscriber's intent (5.3): the
// challenge back for the subscription it asked for, a 404 for any other.
func (s *Subscriber) confirm(w http.ResponseWriter, r *http.Request, cb *callback) {
	q := r.URL.Query()
	if q.Get("hub.mode") != "subscribe" || q.Get("hub.topic") != cb.topic || q.Get("hub.challenge") == "" || q.Get("hub.lease_seconds") == "" {
		s.fail("subscriber: a check of intent not asked for: %s", r.URL.RawQuery)
		http.NotFound(w, r)
		return
	}
	io.WriteString(w, q.Get("hub.challenge"))
	cb.once.Do(func() { close(cb.verified) })
}

// take takes a delivery (7): it must come with the hub's and the topic's
// Link headers and the signature of the subscription's secret (8).
// Otherwise it is ignored, though answered with a 2xx as the
// Recommendation asks, and noted.
func (s *Subscriber) take(w http.ResponseWriter, r *http.Request, cb *callback) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	self, hubs := linkHeaders(r.Header)
	if self != cb.topic || len(hubs) != 1 || hubs[0] != cb.hub {
		s.fail("subscriber: a delivery for %s came with Link self %q, hubs %q", cb.topic, self, hubs)
		return
	}
	method, sig, _ := strings.Cut(r.Header.Get("X-Hub-Signature"), "=")
	if method != "sha256" || !hmac.Equal([]byte(sig), []byte(sign(cb.secret, body))) {
		s.fail("subscriber: a delivery for %s is not signed with the secret: X-Hub-Signature %q", cb.topic, r.Header.Get("X-Hub-Signature"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deliveries[cb.topic] = append(s.deliveries[cb.topic], body)
}
