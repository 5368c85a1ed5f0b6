package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"short line unchanged", "SUMMARY:Pause extended"},
		{"exactly 75 octets", "SUMMARY:" + strings.Repeat("a", 67)},
		{"long ASCII", "DESCRIPTION:" + strings.Repeat("abcdefghij", 30)},
		{"long with multi-byte characters", "SUMMARY:" + strings.Repeat("é£€😀", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fold(tt.in)
			for _, line := range strings.Split(got, "\r\n") {
				if len(line) > 75 {
					t.Errorf("line of %d octets, want at most 75: %q", len(line), line)
				}
				if !utf8.ValidString(line) {
					t.Errorf("line splits a UTF-8 character: %q", line)
				}
			}
			if unfolded := strings.ReplaceAll(got, "\r\n ", ""); unfolded != tt.in {
				t.Errorf("unfolding gives %q, want %q", unfolded, tt.in)
			}
		})
	}
}

func TestICalText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain", "Plain"},
		{"a, b; c\\d", `a\, b\; c\\d`},
		{"two\nlines\r\nhere", `two\nlines\nhere`},
		{"control\x00\x0bchars", "controlchars"},
	}
	for _, tt := range tests {
		if got := icalText(tt.in); got != tt.want {
			t.Errorf("icalText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
