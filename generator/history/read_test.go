package history

import (
	"bufio"
	"fmt"
	"strings"
	"testing"
)

func TestParseLog(t *testing.T) {
	z := "0000000000000000000000000000000000000000"
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 40)
	out := "c2 1700000100\x00\n" +
		":100644 100644 " + a + " " + b + " R090\x00old.md\x00new.md\x00" +
		":100644 000000 " + a + " " + z + " D\x00gone.md\x00" +
		":000000 100644 " + z + " " + a + " A\x00image.png\x00" +
		":100644 100644 " + a + " " + b + " R100\x00page.md\x00page.txt\x00" +
		":000000 120000 " + z + " " + a + " A\x00link.md\x00" +
		"c1 1700000000\x00\n" +
		":000000 100644 " + z + " " + a + " A\x00old.md\x00"
	var asked []string
	got, err := parseLog(bufio.NewReader(strings.NewReader(out)), "site.yaml", func(b string) { asked = append(asked, b) })
	if err != nil {
		t.Fatal(err)
	}
	want := "[{c2 [{old.md new.md " + b + "} {gone.md gone.md } {page.md page.md } {link.md link.md }]} {c1 [{old.md old.md " + a + "}]}]"
	var brief []any
	for _, c := range got {
		brief = append(brief, struct {
			h string
			c []fileChange
		}{c.hash, c.changes})
	}
	if fmt.Sprint(brief) != want {
		t.Errorf("got  %v\nwant %v", brief, want)
	}
	if fmt.Sprint(asked) != fmt.Sprint([]string{b, a}) {
		t.Errorf("asked for blobs %v, want %v", asked, []string{b, a})
	}
	for _, bad := range []string{"nonsense", ":100644 100644 x y M\x00a.md\x00", "c 1\x00:100644 100644 " + a + " " + b + " R100\x00a.md\x00"} {
		if _, err := parseLog(bufio.NewReader(strings.NewReader(bad)), "site.yaml", func(string) {}); err == nil {
			t.Errorf("parseLog(%q): got no error, want one", bad)
		}
	}
}
