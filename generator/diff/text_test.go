package diff

import (
	"fmt"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  \n\t\n", nil},
		{"One  two\tthree.\r\n\r\n\r\nFour\rfive ", []string{"One two three.", "Four\nfive"}},
		{"  indented\n  lines  \n", []string{"indented\nlines"}},
		{"bad \xff byte\x00", []string{"bad \uFFFD byte\uFFFD"}},
	}
	for _, tt := range tests {
		if got := paragraphs(tt.in); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Don't co-operate, it's 10,000.5 at 09:30.", []string{"Don't", " ", "co-operate", ",", " ", "it's", " ", "10,000.5", " ", "at", " ", "09:30", "."}},
		{"end. Next -x y- a--b", []string{"end", ".", " ", "Next", " ", "-", "x", " ", "y", "-", " ", "a", "-", "-", "b"}},
		{"CQC (England)\n£1.5m", []string{"CQC", " ", "(", "England", ")", "\n", "£", "1.5m"}},
		{"新闻发布 2025年", []string{"新", "闻", "发", "布", " ", "2025", "年"}},
		{"café naïve", []string{"café", " ", "naïve"}},
	}
	for _, tt := range tests {
		if got := tokens(tt.in); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
