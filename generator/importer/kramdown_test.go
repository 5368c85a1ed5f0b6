package importer

import (
	"strings"
	"testing"
)

// TestKramdownBlocks keeps an HTML element with blank lines in it one
// block, as kramdown reads it, so that its indented lines are not taken
// for code, and leaves alone what kramdown would not join.
func TestKramdownBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the Markdown htmlInMarkdown makes of it; "" for in left as it is
	}{
		{
			name: "an element with blank and indented lines",
			in:   "Intro.\n\n<p>Not a side to take\n    <br>\n    \n    <p>From below:</p>\n    \n    <ul>\n        <li>one</li>\n    </ul>\n</p>\n\nAfter.\n",
			want: "Intro.\n\nNot a side to take\n\nFrom below:\n\n- one\n\nAfter.\n",
		},
		{
			name: "one that does not close stays as CommonMark reads it",
			in:   "<div>\nOpen\n\n    code\n",
		},
		{
			name: "a <pre> keeps its blank lines",
			in:   "<div><pre>a\n\nb</pre>\n\n</div>\n",
		},
		{
			name: "Markdown inside, as markdown=\"1\" asks, is left to CommonMark",
			in:   "<div markdown=\"1\">\n\n## Heading\n\n    code\n\n</div>\n",
		},
		{
			name: "fenced code is left alone",
			in:   "```html\n<div>\n\n    x\n</div>\n```\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			joined := kramdownBlocks(tt.in)
			if n, m := strings.Count(joined, "\n"), strings.Count(tt.in, "\n"); n != m {
				t.Errorf("%d lines, want %d as given", n, m)
			}
			if tt.want == "" {
				if joined != tt.in {
					t.Errorf("got %q, want it left as it is", joined)
				}
				return
			}
			if got, _ := htmlInMarkdown(joined); got != tt.want {
				t.Errorf("got %q (joined %q), want %q", got, joined, tt.want)
			}
		})
	}
}
