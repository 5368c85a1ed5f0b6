package importer

import (
	"bytes"
	"strings"
	"testing"
)

// TestFlankEmphasis converts bold and italic text whose ends are
// punctuation beside a letter, as Chinese and Japanese text has it, and
// wants the Markdown to show it bold or italic, not with asterisks.
func TestFlankEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p><b>因为这群人是Geek呀！</b>这群</p>", "<p><strong>因为这群人是Geek呀</strong>！这群</p>"},
		{"<p>前<b>「重点」</b>后</p>", "<p>前「<strong>重点</strong>」后</p>"},
		{"<p><b><i>强调！</i></b>这</p>", "<p><em><strong>强调</strong></em>！这</p>"},
		{"<p><b>Note:</b> text and <em>(see)</em> more</p>", "<p><strong>Note:</strong> text and <em>(see)</em> more</p>"},
	}
	wantShown(t, tests)
}

// TestStyledEmphasis converts a <span> whose style makes it italic or
// bold, as WordPress's older editor wrote emphasis, to emphasis, and
// leaves a span styled otherwise as plain text.
func TestStyledEmphasis(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p>the <span style="font-style:italic;">hard nuts</span> are</p>`, "<p>the <em>hard nuts</em> are</p>"},
		{`<p>a <span style="FONT-WEIGHT: bold">firm</span> no</p>`, "<p>a <strong>firm</strong> no</p>"},
		{`<p>a <span style="font-weight:700; font-style: oblique !important">loud</span> one</p>`, "<p>a <em><strong>loud</strong></em> one</p>"},
		{`<p>a <font style="font-style:italic">twig</font></p>`, "<p>a <em>twig</em></p>"},
		{`<p>a <span style="color:red;font-weight:400">plain</span> word</p>`, "<p>a plain word</p>"},
		{`<p><span style="font-style:italic;">Solomon Time!</span>And</p>`, "<p><em>Solomon Time</em>!And</p>"},
	}
	wantShown(t, tests)
}

// wantShown converts each case's HTML to Markdown and wants goldmark to
// show that as the case's HTML.
func wantShown(t *testing.T, tests []struct{ in, want string }) {
	t.Helper()
	for _, tt := range tests {
		md, _ := toMarkdown(tt.in, nil)
		if got := shown(t, md); got != tt.want {
			t.Errorf("%s became %q, shown as %s; want %s", tt.in, md, got, tt.want)
		}
	}
}

// shown is the HTML goldmark makes of Markdown, trimmed.
func shown(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := markdown.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(b.String())
}
