package preview

import (
	"io"
	"testing"
)

// TestAllowed answers requests for localhost, IP addresses and the
// names the server was given, the base URL's host and the one serve
// listens on, written in any case, with a trailing dot or a port, and
// refuses any other name.
func TestAllowed(t *testing.T) {
	s := New("", "", "/", []string{"devbox", "preview.example."}, io.Discard)
	for host, want := range map[string]bool{
		"":                      true,
		"localhost:8080":        true,
		"127.0.0.1:8080":        true,
		"[::1]:8080":            true,
		"devbox:8080":           true,
		"DevBox.":               true,
		"preview.example":       true,
		"preview.example.:8080": true,
		"devbox.evil.example":   false,
		"evil.example:8080":     false,
	} {
		if got := s.allowed(host); got != want {
			t.Errorf("allowed(%q) = %v, want %v", host, got, want)
		}
	}
}
