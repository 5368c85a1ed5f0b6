package importer

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// dated gives an export item with the dates given: as the blog showed
// it (local) and in UTC (gmt), either "0000-00-00 00:00:00" for none.
func dated(item, local, gmt string) string {
	item = regexp.MustCompile(`<wp:post_date><!\[CDATA\[[^]]*\]\]>`).ReplaceAllLiteralString(item, "<wp:post_date><![CDATA["+local+"]]>")
	return regexp.MustCompile(`<wp:post_date_gmt><!\[CDATA\[[^]]*\]\]>`).ReplaceAllLiteralString(item, "<wp:post_date_gmt><![CDATA["+gmt+"]]>")
}

// TestWordPressPublishedWithoutUTC imports a published post that the
// export dates only as the blog showed it, its time in UTC 0000-00-00,
// in summer, where the blog's other posts, in winter, show no offset
// from UTC, as London's: it is read in the site's zone, which gives
// those offsets, and so in summer time, on the day WordPress showed.
func TestWordPressPublishedWithoutUTC(t *testing.T) {
	_, dest, r := importItems(t, wxrItemXML(1, "January", "january", "publish", "post")+
		wxrItemXML(2, "Also January", "also-january", "publish", "post")+
		dated(wxrItemXML(3, "Late", "late", "publish", "post"), "2015-06-30 23:30:00", "0000-00-00 00:00:00"))
	if got := files(t, dest); !slices.Contains(got, "articles/2015/2015-06-30-late.md") {
		t.Fatalf("got files %v, want the post on 30 June", got)
	}
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-06-30-late.md"), "\ndate: 2015-06-30T23:30:00+01:00\n")
	if warned(r, "another day") {
		t.Errorf("got warnings %v, want none of another day", r.Warnings)
	}
}

// TestWithBlocks puts reusable blocks in place where a post uses them:
// blocks that use blocks, a block that holds itself put in once, and a
// block the export lacks told of; it stops where the HTML would be too
// large for an article.
func TestWithBlocks(t *testing.T) {
	blocks := map[string]string{
		"7": `<p>Not legal advice.</p>`,
		"8": `<p>Eight.</p><!-- wp:block {"ref":7} /-->`,
		"9": `<p>Nine.</p><!-- wp:block {"ref":9} /-->`,
	}
	for _, tt := range []struct {
		name, raw, want string
		notes           []string
		ok              bool
	}{
		{"none", `<p>Text.</p>`, `<p>Text.</p>`, nil, true},
		{"one", `<p>A.</p><!-- wp:block {"ref":7} /-->`, `<p>A.</p><p>Not legal advice.</p>`, nil, true},
		{"its id as text", `<!-- wp:block {"ref":"7"} /-->`, `<p>Not legal advice.</p>`, nil, true},
		{"nested", `<!-- wp:block {"ref":8} /--><!-- wp:block {"ref":7} /-->`, `<p>Eight.</p><p>Not legal advice.</p><p>Not legal advice.</p>`, nil, true},
		{"itself", `<!-- wp:block {"ref":9} /-->`, `<p>Nine.</p>`, []string{"reusable block 9 holds itself (9 → 9): put in once, not where it repeats"}, true},
		{"missing", `<p>A.</p><!-- wp:block {"ref":77} /-->`, `<p>A.</p>`, []string{"it uses reusable block 77, which the export does not hold: its text is missing from the article; export All content (Tools → Export), which holds reusable blocks, and import again, or write the text in"}, true},
		{"its text changed", `<!-- wp:block {"ref":7,"content":{"Notice":{"content":"Other words."}}} /-->`, `<p>Not legal advice.</p>`, []string{"it changes text of reusable block 7 in its own use of it, which is not carried over: the block's own text is put in; check it against the old page"}, true},
		{"no text changed", `<!-- wp:block {"ref":7,"content":{}} /-->`, `<p>Not legal advice.</p>`, nil, true},
		{"too large", `<!-- wp:block {"ref":8} /-->`, `<p>Eight.</p><!-- wp:block {"ref":7} /-->`, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			max := 1000
			if !tt.ok {
				max = 80
			}
			got, notes, ok := withBlocks(tt.raw, blocks, max)
			if got != tt.want || !slices.Equal(notes, tt.notes) || ok != tt.ok {
				t.Errorf("withBlocks(%q) = %q, %q, %v; want %q, %q, %v", tt.raw, got, notes, ok, tt.want, tt.notes, tt.ok)
			}
		})
	}
}

// TestWordPressFootnotes imports a post with footnotes as WordPress 6.3
// and later keep them, their marks in the text and their notes in the
// post's footnotes field: each mark becomes a Markdown footnote's, [^1],
// the notes follow the text in WordPress's order, and the summary has no
// number in it. A mark whose note the field lacks, and a note no mark
// names, are told of.
func TestWordPressFootnotes(t *testing.T) {
	mark := func(id, n string) string {
		return `<sup data-fn="` + id + `" class="fn"><a href="#` + id + `" id="` + id + `-link">` + n + `</a></sup>`
	}
	item := wxrItemXML(6, "Fees", "fees", "publish", "post")
	item = regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllLiteralString(item, `<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>Fees will rise`+mark("8f1a", "1")+` next April, and again`+mark("77aa", "2")+` later`+mark("lost", "3")+`.</p>
<!-- /wp:paragraph -->

<!-- wp:footnotes /-->]]></content:encoded>
		<wp:postmeta><wp:meta_key><![CDATA[footnotes]]></wp:meta_key><wp:meta_value><![CDATA[[{"content":"According to the <em>fees scheme</em>.","id":"8f1a"},{"content":"Line one<br>line two","id":"77aa"},{"content":"Never marked.","id":"none"}]]]></wp:meta_value></wp:postmeta>`)
	src, dest, r := importItems(t, item)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-05-fees.md"),
		"\nsummary: Fees will rise next April, and again later3.\n",
		"\nFees will rise[^1] next April, and again[^2] later3.\n\n[^1]: According to the *fees scheme*.\n\n[^2]: Line one  \n    line two\n\n[^3]: Never marked.\n")
	for _, want := range []string{
		`post 6 "Fees": 1 footnote mark whose text the export does not hold (no note with the id lost in its footnotes field): kept as a number in the text; write the note in`,
		`post 6 "Fees": footnote 3, which WordPress listed, has no mark in the text: its note is written as [^3]: at the end, and shows once a mark [^3] is put where it belongs`,
	} {
		if !hasNote(r.Warnings, src, -1, want) {
			t.Errorf("got warnings %v, want %q", r.Warnings, want)
		}
	}
}

// TestWordPressLinksWithQueries links a post's links to another post to
// its new address, keeping the fragment, where the link names the blog
// with www. or without it, and has a query WordPress read nothing of
// (utm_source, replytocom), or its id (?p=); a query WordPress read to
// show something else (?s=, a search; ?lang=, a translation), and
// another site's ?p=, stay as written.
func TestWordPressLinksWithQueries(t *testing.T) {
	links := []string{
		"https://www.old.example.org/2015/01/06/fees/?utm_source=x#part",
		"http://old.example.org/2015/01/06/fees/?replytocom=5",
		"https://WWW.old.example.org/?p=7&utm_medium=mail",
		"https://old.example.org/2015/01/06/fees/?s=charges",
		"https://other.example.com/?p=7",
		"https://old.example.org/2015/01/06/fees/?lang=fr",
	}
	var body strings.Builder
	for i, l := range links {
		fmt.Fprintf(&body, `<a href="%s">link %d</a> `, l, i)
	}
	linking := regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllLiteralString(wxrItemXML(9, "Linking", "linking", "publish", "post"),
		"<content:encoded><![CDATA[<p>"+body.String()+"</p>]]></content:encoded>")
	_, dest, _ := importItems(t, wxrItemXML(7, "Fees", "fees", "publish", "post")+linking)
	wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-07-linking.md"),
		"[link 0](/2015/01/fees/#part) [link 1](/2015/01/fees/) [link 2](/2015/01/fees/) [link 3](https://old.example.org/2015/01/06/fees/?s=charges) [link 4](https://other.example.com/?p=7) [link 5](https://old.example.org/2015/01/06/fees/?lang=fr)")
}

// withContent gives an export item, as wxrItemXML makes it, whose
// content is body.
func withContent(id int, title, slug, body string) string {
	return regexp.MustCompile(`(?s)<content:encoded>.*</content:encoded>`).ReplaceAllLiteralString(wxrItemXML(id, title, slug, "publish", "post"), "<content:encoded><![CDATA["+body+"]]></content:encoded>")
}

// TestWordPressQuoteCitations sets the citation that ends a quote block
// or a pull quote apart from the quoted words, as themes showed it: a
// line of its own after a dash, in the quote. One written with its dash
// keeps it alone, and an empty one adds nothing.
func TestWordPressQuoteCitations(t *testing.T) {
	for _, tt := range []struct {
		name, body, want string
	}{
		{"quote", `<!-- wp:quote --><blockquote class="wp-block-quote"><p>Quote</p><cite>Cite</cite></blockquote><!-- /wp:quote -->`, "\n> Quote\n> \n> — Cite\n"},
		{"pull quote", `<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>The pull quote.</p><cite>Theme <em>Reviewer</em></cite></blockquote></figure><!-- /wp:pullquote -->`, "\n> The pull quote.\n> \n> — Theme *Reviewer*\n"},
		{"its own dash", `<!-- wp:quote --><blockquote class="wp-block-quote"><p>Quote</p><cite>— Cite</cite></blockquote><!-- /wp:quote -->`, "\n> Quote\n> \n> — Cite\n"},
		{"empty", `<!-- wp:quote --><blockquote class="wp-block-quote"><p>Quote</p><cite></cite></blockquote><!-- /wp:quote -->`, "\n> Quote\n"},
		// A title in the quote's sentence names no source.
		{"a title in the quote", `<blockquote>As <cite>Hamlet</cite> says, the rest is silence.</blockquote>`, "\n> As Hamlet says, the rest is silence.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, dest, _ := importItems(t, withContent(5, "Quoted", "quoted", tt.body))
			wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-04-quoted.md"), tt.want)
		})
	}
}

// TestWordPressFileBlock keeps the File block's link to its file apart
// from its download button: the button, which WordPress showed beside
// the file's name, is left out where it leads to the same file, and
// follows after a space where the name leads elsewhere (the file's
// attachment page).
func TestWordPressFileBlock(t *testing.T) {
	const pdf = "https://files.example.org/2018/11/file_block.pdf"
	for _, tt := range []struct {
		name, href, want string
	}{
		{"one file", pdf, "\n[File Block PDF](" + pdf + ")\n"},
		{"its page", "https://files.example.org/file_block/", "\n[File Block PDF](https://files.example.org/file_block/) [Download](" + pdf + ")\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := `<!-- wp:file --><div class="wp-block-file"><a href="` + tt.href + `">File Block PDF</a><a href="` + pdf + `" class="wp-block-file__button" download>Download</a></div><!-- /wp:file -->`
			_, dest, _ := importItems(t, withContent(5, "Filed", "filed", body))
			wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-04-filed.md"), tt.want)
		})
	}
}

// TestWordPressSticky names the posts the blog kept at the top of its
// home page, sticky, in one line of the report, as bulletin lists its
// articles by date alone; a post that is not sticky is not named.
func TestWordPressSticky(t *testing.T) {
	sticky := strings.Replace(wxrItemXML(6, "Pinned", "pinned", "publish", "post"), "<wp:post_password>", "<wp:is_sticky>1</wp:is_sticky><wp:post_password>", 1)
	plain := strings.Replace(wxrItemXML(7, "Plain", "plain", "publish", "post"), "<wp:post_password>", "<wp:is_sticky>0</wp:is_sticky><wp:post_password>", 1)
	src, _, r := importItems(t, sticky+plain)
	want := `1 post was sticky, kept at the top of the blog's home page, where bulletin lists articles by date alone: not carried over (post 6 "Pinned")`
	if !hasNote(r.Warnings, src, 0, want) {
		t.Errorf("got warnings %v, want %q", r.Warnings, want)
	}
	if warned(r, `post 7 "Plain"`) {
		t.Errorf("got warnings %v, want none naming post 7", r.Warnings)
	}
}

// TestWordPressPageBreaks keeps, as aliases, the addresses WordPress gave
// the pages of a post that <!--nextpage--> splits after the first, which
// the article holds whole: its permalink with the page's number after
// it. A page break at the start makes no page, as WordPress ignored it.
// Pages below a permalink that is a file's (/paged.html/2), and more
// pages than an article keeps aliases for, are told of instead.
func TestWordPressPageBreaks(t *testing.T) {
	for _, tt := range []struct {
		name, link, body string
		want             []string
		told             string
	}{
		{"three pages", "https://old.example.org/2015/01/04/paged/", "<p>One</p>\n<!--nextpage-->\n<p>Two</p>\n<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->\n<p>Three</p>",
			[]string{"/2015/01/04/paged/", "/2015/01/04/paged/2/", "/2015/01/04/paged/3/"}, ""},
		{"a break at the start", "https://old.example.org/2015/01/04/paged/", "<!--nextpage-->\n<p>One</p><!--nextpage--><p>Two</p>",
			[]string{"/2015/01/04/paged/", "/2015/01/04/paged/2/"}, ""},
		{"no slash at the end", "https://old.example.org/paged.html", "<p>One</p><!--nextpage--><p>Two</p>",
			[]string{"/paged.html"}, "had addresses below its own (/paged.html/2): not kept as aliases"},
		{"too many", "https://old.example.org/2015/01/04/paged/", "<p>One</p>" + strings.Repeat("<!--nextpage--><p>More</p>", maxPageAliases+1),
			[]string{"/2015/01/04/paged/"}, fmt.Sprintf("its %d pages after the first", maxPageAliases+1)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			item := strings.Replace(withContent(5, "Paged", "paged", tt.body), "https://old.example.org/2015/01/04/paged/", tt.link, 1)
			_, dest, r := importItems(t, item)
			wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-04-paged.md"), "\naliases:\n  - "+strings.Join(tt.want, "\n  - ")+"\nid: ")
			if tt.told != "" && !warned(r, tt.told) {
				t.Errorf("got warnings %v, want one saying %q", r.Warnings, tt.told)
			}
		})
	}
}

// TestWordPressEmbeds keeps the text of what an embed showed, a tweet
// say, where the export holds the HTML WordPress kept of it (a post's
// _oembed_ field): a quote of it with its link, its script left out,
// for an address on a line of its own, alone in a paragraph, in an
// embed block or an [embed] shortcode. WordPress found that HTML by a
// hash of the address and the theme's width, which the export lacks, so
// the HTML that links to the address is taken. An embed whose HTML the
// export does not hold, or holds as a failure ({{unknown}}), or holds
// with no link to it (a video's player), becomes a link, with a warning.
func TestWordPressEmbeds(t *testing.T) {
	const tweet = "https://twitter.com/nacin/status/319508408669708289"
	meta := func(key, value string) string {
		return "<wp:postmeta><wp:meta_key>" + key + "</wp:meta_key><wp:meta_value><![CDATA[" + value + "]]></wp:meta_value></wp:postmeta>"
	}
	cached := func(href string) string {
		return meta("_oembed_ac49b172e1844531a885a53eff2efd91", `<div class="embed-twitter"><blockquote class="twitter-tweet" width="550"><p>Really cool to read through.</p>&mdash; Andrew Nacin (@nacin) <a href="`+href+`">April 3, 2013</a></blockquote><script async src="//platform.twitter.com/widgets.js" charset="utf-8"></script></div>`) +
			meta("_oembed_time_ac49b172e1844531a885a53eff2efd91", "1428450215")
	}
	const quoted = "\n> Really cool to read through.\n> \n> — Andrew Nacin (@nacin) [April 3, 2013](" + tweet
	block := `<!-- wp:embed {"url":"` + tweet + `","type":"rich","providerNameSlug":"twitter"} --><figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">` + "\n" + tweet + "\n" + `</div></figure><!-- /wp:embed -->`
	for _, tt := range []struct {
		name, body, meta, want string
		linked                 bool
	}{
		{"a line of its own", tweet + "\n\nThis post tests embeds.", cached(tweet), quoted + ")\n", false},
		{"alone in a paragraph", `<p>Before.</p><p> ` + tweet + ` </p>`, cached(tweet), quoted + ")\n", false},
		{"an embed block", block, cached(tweet + "?ref_src=twsrc%5Etfw"), quoted + "?ref_src=twsrc%5Etfw)\n", false},
		{"a shortcode", "[embed]" + tweet + "[/embed]", cached(tweet), quoted + ")\n", false},
		{"none held", tweet + "\n\nThis post tests embeds.", "", "\n[" + tweet + "](" + tweet + ")\n", true},
		{"a failure held", block, meta("_oembed_0f", "{{unknown}}"), "\n[" + tweet + "](" + tweet + ")\n", true},
		{"another's held", tweet, cached("https://twitter.com/nacin/status/1") + meta("_oembed_1a", `<iframe src="https://www.youtube.com/embed/abc"></iframe>`), "\n[" + tweet + "](" + tweet + ")\n", true},
		// A tweet that names the address before its own link is
		// another's embed.
		{"another's that links to it", tweet, meta("_oembed_2b", `<blockquote class="twitter-tweet"><p>See <a href="`+tweet+`">this</a>.</p>&mdash; Someone <a href="https://twitter.com/someone/status/2">May 1, 2013</a></blockquote>`), "\n[" + tweet + "](" + tweet + ")\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			item := strings.Replace(withContent(5, "Embeds", "embeds", tt.body), "</item>", tt.meta+"</item>", 1)
			src, dest, r := importItems(t, item)
			wantArticle(t, filepath.Join(dest, "articles", "2015", "2015-01-04-embeds.md"), tt.want)
			want := `post 5 "Embeds": an address on a line of its own, ` + tweet + `, which WordPress embeds (a tweet, a video) where its site allows, became a link, as the export holds no text of the embed`
			if got := hasNote(r.Warnings, src, -1, want); got != tt.linked {
				t.Errorf("got warnings %v, want %q: %v", r.Warnings, want, tt.linked)
			}
			if warned(r, "<script>") {
				t.Errorf("got warnings %v, want none of the embed's script", r.Warnings)
			}
		})
	}
}
