package content

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSpill(t *testing.T) {
	articles := []*Article{{HTML: "<p>One</p>"}, {HTML: ""}, {HTML: "<p>Three, with ünïcode</p>"}}
	f, err := os.Create(filepath.Join(t.TempDir(), "bodies"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Spill(articles, f); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"<p>One</p>", "", "<p>Three, with ünïcode</p>"} {
		if articles[i].HTML != "" {
			t.Errorf("article %d still holds its body in memory", i)
		}
		got, err := articles[i].Body()
		if err != nil || got != want {
			t.Errorf("article %d: Body() = %q, %v; want %q", i, got, err, want)
		}
	}
}

// failing is a Spillway that cannot be written.
type failing struct{ *os.File }

func (failing) WriteAt([]byte, int64) (int, error) { return 0, errors.New("disk full") }

func TestSpillFailureKeepsBodies(t *testing.T) {
	articles := []*Article{{HTML: "<p>One</p>"}, {HTML: "<p>Two</p>"}}
	if err := Spill(articles, failing{}); err == nil {
		t.Fatal("Spill to a full disk gave no error")
	}
	for i, want := range []string{"<p>One</p>", "<p>Two</p>"} {
		if got, err := articles[i].Body(); err != nil || got != want {
			t.Errorf("article %d: Body() = %q, %v; want %q", i, got, err, want)
		}
	}
}
