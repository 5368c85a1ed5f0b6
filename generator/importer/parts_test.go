package importer

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	return loc
}

func TestJekyllURL(t *testing.T) {
	zone := london(t)
	for _, tc := range []struct {
		name, pattern, slug string
		categories          []string
		date                time.Time
		want                string
	}{
		{"default", permalinkStyles["date"], "My-Post", []string{"News", "Health Policy"}, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/news/health%20policy/2025/03/27/My-Post.html"},
		{"default without categories", permalinkStyles["date"], "my-post", nil, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/2025/03/27/my-post.html"},
		{"pretty", permalinkStyles["pretty"], "my-post", []string{"news"}, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/news/2025/03/27/my-post/"},
		{"ordinal", permalinkStyles["ordinal"], "my-post", nil, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/2025/086/my-post.html"},
		{"none", permalinkStyles["none"], "my-post", []string{"News", "news"}, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/news/my-post.html"},
		{"title and slug", "/:title/:slug/", "Hello, World!", nil, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/Hello%2C-World%21/Hello-World/"},
		{"short forms", "/:short_year/:i_month/:i_day/:short_month/:title", "x", nil, time.Date(2025, 3, 7, 0, 0, 0, 0, zone), "/25/3/7/Mar/x"},
		{"in the site's zone", "/:year/:month/:day/:hour:minute/:title/", "x", nil, time.Date(2025, 5, 20, 23, 30, 0, 0, time.UTC), "/2025/05/21/0030/x/"},
		{"unknown placeholder", "/:year/:nope/:title/", "x", nil, time.Date(2025, 3, 27, 0, 0, 0, 0, zone), "/2025/:nope/x/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &post{slug: tc.slug, date: tc.date}
			if got := jekyllURL(tc.pattern, p, tc.categories, "2025-03-27-x.md", zone); got != tc.want {
				t.Errorf("jekyllURL(%q, slug %q, categories %q) = %q, want %q", tc.pattern, tc.slug, tc.categories, got, tc.want)
			}
		})
	}
}

func TestHugoURL(t *testing.T) {
	zone := london(t)
	date := time.Date(2025, 3, 27, 9, 30, 0, 0, zone)
	for _, tc := range []struct {
		name   string
		page   string
		fields fields
		cfg    hugoConfig
		lang   *hugoLanguage // the page's language; nil in a site of one
		want   string
	}{
		{"default", "posts/my-post", fields{}, hugoConfig{}, nil, "/posts/my-post/"},
		{"slug", "posts/my-post", fields{"slug": "other"}, hugoConfig{}, nil, "/posts/other/"},
		{"lower case", "Posts/My Post", fields{}, hugoConfig{}, nil, "/posts/my-post/"},
		{"kept case", "Posts/My Post", fields{}, hugoConfig{keepCase: true}, nil, "/Posts/My-Post/"},
		{"ugly", "posts/my-post", fields{}, hugoConfig{ugly: true}, nil, "/posts/my-post.html"},
		// [uglyURLs] post = true, as Let's Encrypt's site gives it: its
		// posts at /2015/11/09/why-90-days.html, its other pages not.
		{"ugly by section", "post/my-post", fields{}, hugoConfig{uglySections: map[string]bool{"post": true}, permalinks: map[string]string{"post": "/:year/:month/:day/:slug/"}}, nil, "/2025/03/27/the-title.html"},
		{"not ugly in another section", "docs/my-page", fields{}, hugoConfig{uglySections: map[string]bool{"post": true}}, nil, "/docs/my-page/"},
		{"url", "posts/my-post", fields{"url": "special/place"}, hugoConfig{}, nil, "/special/place"},
		{"permalink", "posts/my-post", fields{}, hugoConfig{permalinks: map[string]string{"posts": "/:year/:month/:title/"}}, nil, "/2025/03/the-title/"},
		{"permalink of a title with character references", "posts/my-post", fields{"title": "Espa&ntilde;ol &amp; co"}, hugoConfig{permalinks: map[string]string{"posts": "/:year/:month/:title/"}}, nil, "/2025/03/espantildeol-amp-co/"},
		{"permalink by file", "posts/my-post", fields{}, hugoConfig{permalinks: map[string]string{"posts": "/:section/:slugorfilename/"}}, nil, "/posts/my-post/"},
		{"root page", "about", fields{}, hugoConfig{}, nil, "/about/"},
		{"in a language", "posts/my-post", fields{}, hugoConfig{}, &hugoLanguage{key: "fr"}, "/fr/posts/my-post/"},
		{"permalink in a language", "posts/my-post", fields{}, hugoConfig{permalinks: map[string]string{"posts": "/:year/:month/:title/"}}, &hugoLanguage{key: "zh-cn"}, "/zh-cn/2025/03/the-title/"},
		{"url in a language", "posts/my-post", fields{"url": "special/place"}, hugoConfig{}, &hugoLanguage{key: "fr"}, "/fr/special/place"},
		{"url from the root in a language", "posts/my-post", fields{"url": "/special/place"}, hugoConfig{}, &hugoLanguage{key: "fr"}, "/special/place"},
		{"language's own permalink", "blog/posts/my-post", fields{}, hugoConfig{permalinks: map[string]string{"blog": "/:section/:filename/"}}, &hugoLanguage{key: "fr", permalinks: map[string]string{"blog": "/:year/:month/:day/:filename"}}, "/fr/2025/03/27/my-post/"},
		{"language at its own address", "blog/posts/my-post", fields{}, hugoConfig{}, &hugoLanguage{key: "fr", ownHost: true, baseURL: "https://numerique.canada.ca/", permalinks: map[string]string{"blog": "/:year/:month/:day/:filename"}}, "/2025/03/27/my-post/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &post{title: "The Title", date: date}
			if got := hugoURL(tc.fields, tc.page, tc.lang, &tc.cfg, p); got != tc.want {
				t.Errorf("hugoURL(%q, %v) = %q, want %q", tc.page, tc.fields, got, tc.want)
			}
		})
	}
}

// posts makes an index of posts by key, each at the URL /KEY/.
func postIndex(keys ...string) *index {
	ix := &index{keys: map[string]*post{}}
	for _, k := range keys {
		ix.keys[k] = &post{url: "/new/" + k[strings.Index(k, ":")+1:] + "/"}
	}
	return ix
}

func TestLiquid(t *testing.T) {
	ix := postIndex("post:2025-01-02-other", "link:_posts/2025-01-02-other.md")
	for _, tc := range []struct {
		name, in  string
		html      bool
		want      string
		warnLines []int
	}{
		{"text", "a {b} {{c", false, "a {b} {{c", []int{10}},
		{"raw", "x {% raw %}{{ a }} {% b %}{% endraw %} y", false, "x {{ a }} {% b %} y", nil},
		{"raw with dashes", "{%- raw -%}{{ a }}{%- endraw -%}", false, "{{ a }}", nil},
		{"unclosed raw", "{% raw %}{{ a }}", false, "{% raw %}{{ a }}", []int{10, 10}},
		{"highlight", "Code:\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\nAfter", false, "Code:\n```ruby\nputs 1\n```\nAfter", nil},
		{"highlight with backticks", "{% highlight md %}\n```go\n```\n{% endhighlight %}", false, "````md\n```go\n```\n````", nil},
		{"highlight in HTML", "<p>x</p>{% highlight go %}\na < b\n{% endhighlight %}", true, "<p>x</p>\n<pre><code class=\"language-go\">a &lt; b</code></pre>", nil},
		{"post_url", "[x]({{ site.baseurl }}{% post_url 2025-01-02-other %})", false, "[x](/new/2025-01-02-other/)", nil},
		{"post_url in a folder", "{% post_url news/2025-01-02-other %}", false, "/new/2025-01-02-other/", nil},
		{"post_url broken over lines", "{% post_url\n  2025-01-02-other %}", false, "/new/2025-01-02-other/", nil},
		{"highlight in a sentence", "Run {% highlight ruby %}puts 1{% endhighlight %} once.", false, "Run `puts 1` once.", nil},
		{"empty highlight in a sentence", "Run {% highlight ruby %}{% endhighlight %} once.", false, "Run  once.", nil},
		{"highlight in a sentence, holding a backtick", "Type {% highlight sh %}echo `date`{% endhighlight %}.", false, "Type `` echo `date` ``.", nil},
		{"highlight after a tab", "{% highlight\truby %}\nputs 1\n{% endhighlight %}", false, "```ruby\nputs 1\n```", nil},
		{"highlight's options on a line of their own", "{% highlight ruby\n  linenos %}\nputs 1\n{% endhighlight %}", false, "```ruby\nputs 1\n```", nil},
		{"link", "{% link _posts/2025-01-02-other.md %}", false, "/new/_posts/2025-01-02-other.md/", nil},
		{"missing post", "line\n{% post_url 2020-01-01-gone %}", false, "line\n{% post_url 2020-01-01-gone %}", []int{11}},
		{"comment", "a {% comment %}\nInternal -- note\n{% endcomment %} b", false, "a <!-- Internal - - note --> b", nil},
		{"unclosed comment", "{% comment %}note", false, "{% comment %}note", []int{10}},
		{"relative_url", `[x]({{ "/docs/x/" | relative_url }}) [y]({{ 'docs/y' | absolute_url }})`, false, "[x](/docs/x/) [y](/docs/y)", nil},
		{"unknown tag", "{% include x.html %}", false, "{% include x.html %}", []int{10}},
		{"output", "{{ page.title }} and {{site.url}}", false, "{{ page.title }} and ", []int{10}},
		{"a JSX attribute is no output", "<div style={{textAlign: 'center'}}>x</div> <a href=\"{{ page.missing }}\">y</a> a={{ b }}", false, "<div style={{textAlign: 'center'}}>x</div> <a href=\"{{ page.missing }}\">y</a> a={{ b }}", []int{10, 10}},
		{"a field of the post", `![Map]({{site.url}}{{ page.image }} "Map") {{ page.missing }}`, false, `![Map](/assets/rent_map.png "Map") {{ page.missing }}`, []int{10}},
		{"a setting", "[issues]({{ site.repository }}/issues) by {{ site.author }}, not {{ site.missing }}{{ site.posts }}{{ site.missing | upcase }}", false, "[issues](https://github.com/jekyll/jekyll/issues) by {{ site.author }}, not {{ site.posts }}{{ site.missing | upcase }}", []int{10, 10, 10, 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Report{}
			l := &liquid{p: &post{file: "f.md", front: fields{"image": "/assets/rent_map.png"}}, ix: ix, r: r, html: tc.html, site: map[string]string{"repository": "https://github.com/jekyll/jekyll", "author": ""}}
			if got := l.convert(tc.in, 10); got != tc.want {
				t.Errorf("convert(%q) = %q, want %q", tc.in, got, tc.want)
			}
			var lines []int
			for _, n := range r.Warnings {
				lines = append(lines, n.Line)
			}
			if !equalInts(lines, tc.warnLines) {
				t.Errorf("convert(%q): warnings %v, want on lines %v", tc.in, r.Warnings, tc.warnLines)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestShortcodes(t *testing.T) {
	ix := postIndex("hugo:posts/other.md", "hugo:posts/other", "base:other.md", "base:other")
	for _, tc := range []struct {
		name, in, want string
		warnings       int
	}{
		{"ref", `[a]({{< ref "other.md" >}})`, "[a](/new/posts/other.md/)", 0},
		{"relref with anchor", `{{< relref "/posts/other#part" >}}`, "/new/posts/other/#part", 0},
		{"percent form", `{{% ref "posts/other.md" %}}`, "/new/posts/other.md/", 0},
		{"anchor only", `{{< ref "#part" >}}`, "#part", 0},
		{"missing", `{{< ref "gone.md" >}}`, `{{< ref "gone.md" >}}`, 1},
		{"missing, in a link", `[a]({{< ref "gone.md#part" >}})`, "[a](gone.md#part)", 1},
		{"missing, its name with spaces", `[a]({{< ref "gone one.md#part two" >}})`, "[a](gone%20one.md#part%20two)", 1},
		{"missing, in an attribute without quotes", `<a href={{< ref "gone.md" >}}>a</a>`, `<a href=gone.md>a</a>`, 1},
		{"missing, in a reference definition", "[a][id]\n\n[id]: {{< ref \"gone.md\" >}}", "[a][id]\n\n[id]: gone.md", 1},
		{"missing, in an attribute", `<a title="x" href="{{< relref "gone-one.md" >}}">a</a>`, `<a title="x" href="gone-one.md">a</a>`, 1},
		{"unknown", "{{< chart data=\"x\" >}}", "{{< chart data=\"x\" >}}", 1},
		{"a note", "Before.\n\n{{< note >}}\nA [ref]({{< ref \"other.md\" >}}).\n\nTwo.\n{{< /note >}}\n\nAfter.", "Before.\n\n> **Note**\n>\n> A [ref](/new/posts/other.md/).\n>\n> Two.\n\nAfter.", 1},
		{"an alert with a title", "{{% alert title=\"Deprecated\" %}}Use v2.{{% /alert %}}", "> **Deprecated**\n>\n> Use v2.\n", 1},
		{"an alert with a title in Japanese", "{{% alert title=\"注意\" %}}古い。{{% /alert %}}", "> **注意**\n>\n> 古い。\n", 1},
		{"a callout named by its kind", "{{% callout warning %}}\nMind the gap.\n{{% /callout %}}", "> **Warning**\n>\n> Mind the gap.\n", 1},
		{"a callout of no kind", "{{< callout icon=\"no-icon\" color=\"green\" >}}\nMind the gap.\n{{< /callout >}}", "> Mind the gap.\n", 1},
		{"a note never closed", "{{< note >}}\nx", "{{< note >}}\nx", 1},
		{"a note closed with a space after its slash", "{{% note %}}\nA.\n{{%/ note %}}\n\nAfter.", "> **Note**\n>\n> A.\n\nAfter.", 1},
		{"a note closed with a space after its slash, another below", "{{% note %}}\nA.\n{{% / note %}}\n\nB.\n\n{{% note %}}\nC.\n{{% /note %}}", "> **Note**\n>\n> A.\n\nB.\n\n> **Note**\n>\n> C.\n", 2},
		{"code closed with a space after its slash", "{{< code file=\"a.html\" >}}\n<p>x</p>\n{{</ code >}}", "```\n{{< code file=\"a.html\" >}}\n<p>x</p>\n{{</ code >}}\n```", 1},
		{"relref broken over lines", "[Variables]({{< relref\n\"#variables\" >}})", "[Variables](#variables)", 0},
		{"ref after a tab", "{{< ref\t\"other.md\" >}}", "/new/posts/other.md/", 0},
		{"written as text", `{{</* ref "x" */>}} {{%/* y */%}}`, `{{< ref "x" >}} {{% y %}}`, 0},
		{"template text", "{{ .Title }}", "{{ .Title }}", 0},
		{"unclosed", "{{< note", "{{< note", 1},
		{"highlight", "Run:\n\n{{< highlight go \"linenos=table\" >}}\nfmt.Println(\"{{x}}\")\n{{< /highlight >}}\n\nDone.", "Run:\n\n```go\nfmt.Println(\"{{x}}\")\n```\n\nDone.", 1},
		{"highlight holding a fence", "{{< highlight md >}}\n```\nx\n```\n{{< /highlight >}}", "````md\n```\nx\n```\n````", 1},
		{"highlight never closed", "{{< highlight go >}}\nx", "{{< highlight go >}}\nx", 1},
		{"highlight in a list item", "- Run:\n  {{< highlight sh >}}\n  make\n  {{< /highlight >}}\n- Then done.\n", "- Run:\n  ```sh\n  make\n  ```\n- Then done.\n", 1},
		{"highlight in a quote", "> Run:\n> {{< highlight sh >}}\n> make\n> {{< / highlight >}}\n\nAfter.", "> Run:\n> ```sh\n> make\n> ```\n\nAfter.", 1},
		{"highlight in a sentence kept", "Run {{< highlight sh >}}make{{< /highlight >}} now.", "Run {{< highlight sh >}}make{{< /highlight >}} now.", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Report{}
			p := &post{file: "f.md", raw: tc.in, keys: []string{"hugo:posts/this.md"}}
			if got := shortcodes(p, ix, r); got != tc.want {
				t.Errorf("shortcodes(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if len(r.Warnings) != tc.warnings {
				t.Errorf("shortcodes(%q): warnings %v, want %d", tc.in, r.Warnings, tc.warnings)
			}
		})
	}
}

// TestToMarkdownEmbeds wants what Markdown cannot hold told, and never
// dropped in silence: an embedded video or page becomes a link to it,
// and a script, a style or a form is left out, each said.
func TestToMarkdownEmbeds(t *testing.T) {
	src := `<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc" width="560"></iframe>` +
		`<video><source src="/media/clip.mp4"></video><script>track()</script><form action="/x"><input></form><iframe></iframe><p>End.</p>`
	md, lost := toMarkdown(src, nil)
	want := "Watch:\n\n[https://www.youtube.com/embed/abc](https://www.youtube.com/embed/abc)\n\n[/media/clip.mp4](/media/clip.mp4)\n\nEnd."
	if md != want {
		t.Errorf("got\n%s\nwant\n%s", md, want)
	}
	wantLost := []string{
		"an embedded <iframe> is kept as a link to https://www.youtube.com/embed/abc",
		"an embedded <video> is kept as a link to /media/clip.mp4",
		"a <script> is left out",
		"a <form> is left out",
		"an <iframe> with no address is left out",
	}
	if got := messages(lost); !slices.Equal(got, wantLost) {
		t.Errorf("got told\n%q\nwant\n%q", got, wantLost)
	}
}

// messages gives what each of lost says.
func messages(lost []loss) []string {
	var out []string
	for _, l := range lost {
		out = append(out, l.msg)
	}
	return out
}

// TestToMarkdownScriptLinks keeps the text of a link or image whose
// address would run script, and says so: a build refuses such a link.
func TestToMarkdownScriptLinks(t *testing.T) {
	md, lost := toMarkdown(`<p><a href="javascript:alert(1)">Click</a> and <a href=" JavaScript:x">more</a> <img src="data:text/html,x" alt="pic"></p><iframe src="javascript:alert(11)"></iframe>`, nil)
	if want := "Click and more"; md != want {
		t.Errorf("got %q, want %q", md, want)
	}
	if strings.Contains(md, "javascript") || strings.Contains(strings.ToLower(md), "data:") {
		t.Errorf("got %q, which keeps a script address", md)
	}
	if want := []string{"a javascript: address is left out, its text kept", "a javascript: address is left out, its text kept", "a data: address is left out, its text kept", "an <iframe> of a javascript: address is left out"}; !slices.Equal(messages(lost), want) {
		t.Errorf("got told %q, want %q", messages(lost), want)
	}
}

// TestToMarkdownEmptyLinks leaves out a link that showed readers no
// text, as the named anchors of documentation pasted into a post are,
// where it became [](…), a link with no name; one that shows an image
// or text stays, and an icon's that names itself (aria-label, title)
// takes that name as its text.
func TestToMarkdownEmptyLinks(t *testing.T) {
	md, lost := toMarkdown(`<h2 class="title"><a name="csrf-attacks" href="https://docs.example.org/ref/#csrf-attacks"></a>19.1 CSRF Attacks</h2>
<p>Text <a href="https://example.org/a"> </a>here, <a href="https://example.org/b"><img src="/b.png" alt="B"></a> and <a href="https://example.org/c"><span>C</span></a>; <a href="/report.pdf" aria-label="Download the report"><i class="icon-download"></i></a> and <a href="/data.csv" title="The data"><span class="icon"></span></a>.</p>
<h3 class="title"><a name="csrf-multipart" href="https://docs.example.org/ref/#csrf-multipart"></a></h3>
<p>After.</p>`, nil)
	if want := "## 19.1 CSRF Attacks\n\nText here, [![B](/b.png)](https://example.org/b) and [C](https://example.org/c); [Download the report](/report.pdf) and [The data](/data.csv \"The data\").\n\nAfter."; md != want {
		t.Errorf("got %q, want %q", md, want)
	}
	want := []string{
		`an anchor (<a id="csrf-attacks">) is left out, with its link to https://docs.example.org/ref/#csrf-attacks, which showed no text: a link to #csrf-attacks now goes to the top of the page`,
		"a link to https://example.org/a that showed no text is left out",
		`an anchor (<a id="csrf-multipart">) is left out, with its link to https://docs.example.org/ref/#csrf-multipart, which showed no text: a link to #csrf-multipart now goes to the top of the page`,
	}
	if !slices.Equal(messages(lost), want) {
		t.Errorf("got told %q, want %q", messages(lost), want)
	}
}

// TestToMarkdownAddressesAsWritten keeps the address of a link or an
// image as written, its query too (a signed address must keep its
// bytes), but for what a Markdown destination cannot hold, encoded; the
// Markdown, rendered, links to the same address.
func TestToMarkdownAddressesAsWritten(t *testing.T) {
	for _, tt := range []struct{ in, want, href string }{
		{`<a href="http://maps.example/maps?q=92+mott+st,+brisbane&amp;z=18">map</a>`, "[map](http://maps.example/maps?q=92+mott+st,+brisbane&z=18)", `href="http://maps.example/maps?q=92+mott+st,+brisbane&amp;z=18"`},
		{`<a href="https://cdn.example/f.pdf?sig=a%2Fb%3D&amp;exp=1">f</a>`, "[f](https://cdn.example/f.pdf?sig=a%2Fb%3D&exp=1)", `href="https://cdn.example/f.pdf?sig=a%2Fb%3D&amp;exp=1"`},
		{`<img src="/up/a b(1).png" alt="x">`, "![x](/up/a%20b%281%29.png)", `src="/up/a%20b%281%29.png"`},
		{`<a href="https://example.org/">https://example.org/</a>`, "[https://example.org/](https://example.org/)", `href="https://example.org/"`},
		// An address written as text, as an embed block holds it, links
		// whole: as text its underscores would be escaped.
		{"<div>\nhttps://www.instagram.com/p/Bp_x/?utm_source=ig_share_sheet\n</div>", "[https://www.instagram.com/p/Bp\\_x/?utm\\_source=ig\\_share\\_sheet](https://www.instagram.com/p/Bp_x/?utm_source=ig_share_sheet)", `href="https://www.instagram.com/p/Bp_x/?utm_source=ig_share_sheet"`},
		{"<p>See https://example.org/a_b_(c). Or (https://example.org/d_e).</p><pre>https://example.org/f_g</pre>", "See [https://example.org/a\\_b\\_(c)](https://example.org/a_b_%28c%29). Or ([https://example.org/d\\_e](https://example.org/d_e)).\n\n```\nhttps://example.org/f_g\n```", `href="https://example.org/d_e"`},
	} {
		md, _ := toMarkdown(tt.in, nil)
		if md != tt.want {
			t.Errorf("%s became %q, want %q", tt.in, md, tt.want)
		}
		if got := shown(t, md); !strings.Contains(got, tt.href) {
			t.Errorf("%s shown as %s, want %s", tt.in, got, tt.href)
		}
	}
}

// TestToMarkdownFloatedImages puts an image floated beside a paragraph's
// text in a paragraph of its own before it, as Markdown cannot float
// it; an image inline in the text stays there.
func TestToMarkdownFloatedImages(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<p><img src="/beer.jpg" align="right" height="201" />Just in case any of you</p>`, "![](/beer.jpg)\n\nJust in case any of you"},
		{`<p>The farm <a href="/big.jpg"><img class="size-medium alignleft" src="/farm.jpg" alt="Farm"></a> grows food.</p>`, "[![Farm](/farm.jpg)](/big.jpg)\n\nThe farm grows food."},
		{`<p><img src="/alone.jpg" align="left" /></p>`, "![](/alone.jpg)"},
		{`<p>A <img src="/icon.png" alt="tick"> inline.</p>`, "A ![tick](/icon.png) inline."},
	} {
		md, _ := toMarkdown(tt.in, nil)
		if md != tt.want {
			t.Errorf("%s became %q, want %q", tt.in, md, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, tc := range []struct {
		name, in string
		first    bool
		want     string
	}{
		{"marks go", "Some *text* with [a link](/x), `code` and **more**.", true, "Some text with a link, code and more."},
		{"first paragraph", "![img](x.png)\n\n## Head\n\nFirst paragraph, which is long enough to stand as a summary on its own, being more than a hundred characters long.\n\nSecond.", true, "First paragraph, which is long enough to stand as a summary on its own, being more than a hundred characters long."},
		{"short paragraphs join", "Intro:\n\n- one\n- two\n\nLast.", true, "Intro: one; two. Last."},
		{"a list ends a summary it does not complete", "The CQC has changed things.\n\n- One\n- Two\n\nSee the second.", true, "The CQC has changed things."},
		{"a heading ends a summary", "Short.\n\n## Next\n\nMore.", true, "Short."},
		{"a greeting's comma gives way to the stop", "Hi Jekyllers,\n\nWe have patched a bug.", true, "Hi Jekyllers. We have patched a bug."},
		{"emoji after a stop end the sentence", "Hello Thanos Community! 👋🏼\n\nThrough this blog we share news.", true, "Hello Thanos Community! 👋🏼 Through this blog we share news."},
		{"a summary ends at the sentence before a colon", "Hey!\n\nExciting news! First beta for Jekyll 3 is out. Check out the sizable changelog to get a feel for what changes are afoot. Key features:\n\n- One", true, "Hey! Exciting news! First beta for Jekyll 3 is out. Check out the sizable changelog to get a feel for what changes are afoot."},
		{"a summary does not end on a colon", "Jekyll 1.1 is out, with fixes for everyone who builds a site on Windows, and much more besides.\n\nIt brings these new additions:\n\n## Additions\n\n- One", true, "Jekyll 1.1 is out, with fixes for everyone who builds a site on Windows, and much more besides."},
		{"a list led into reads as one", "The order is the following:\n\n1. `.zshenv`\n2. `.zshrc` if interactive\n3. Last, done.", true, "The order is the following: .zshenv; .zshrc if interactive; Last, done."},
		{"one sentence leading into code ends with a stop", "You can create the union of two types:\n\n```ts\ntype A = B | C\n```\n", true, "You can create the union of two types."},
		{"a summary led into code ends there", "Scaffold a project with one command:\n\n```sh\nent new\n```\n\nHi Everyone! A few months ago we spoke.", true, "Scaffold a project with one command."},
		{"a summary led into an image ends there", "We asked, and you answered:\n\n![a chart](c.png)\n\nThe answers came in fast.", true, "We asked, and you answered."},
		{"a template tag split over paragraphs is left out", "{{ fig_img | remove: \"\n\n\" | remove: \"\n\n\" }} Photo from Unsplash.\n\nThe photo shows a hill.", true, "The photo shows a hill."},
		{"an abbreviation ends no sentence", "Link: St. Louis Blues", true, "Link: St. Louis Blues"},
		{"nor does an initial", "A letter from J. Smith. It says, e.g. in para. 3, that CQC will act", true, "A letter from J. Smith."},
		{"an initial after a quotation mark", "He wrote to “J. Smith” about it. It says that", true, "He wrote to “J. Smith” about it."},
		{"a word that numbers ends a sentence before a word", "The regulator said no. It will", true, "The regulator said no."},
		{"a number and an address end sentences", "Version 2.1. Then example.com. Then it", true, "Version 2.1. Then example.com."},
		{"a tag in code is not a tag", "Go templates open an action with `{{`. It ends with `}}`.", true, "Go templates open an action with {{. It ends with }}."},
		{"a summary ends at the sentence before one left unfinished", "Git quick is a simple shell command for quicker one line messages. It allows committing like\n\n```bash\ngq message\n```\n", true, "Git quick is a simple shell command for quicker one line messages."},
		{"a paragraph left unfinished is left out", "Short intro.\n\nRun it like\n\n```\nx\n```", true, "Short intro."},
		{"a reference link with no definition keeps its text", "Fixes for code blocks ([#1037][]) and [the docs][docs].\n\nMore.", true, "Fixes for code blocks (#1037) and the docs. More."},
		{"one unfinished sentence is all there is", "It allows committing like\n\n```\nx\n```", true, "It allows committing like"},
		{"a list led into by a full-width colon", "之前没有做到，想来主要是以下几个原因：\n\n- 带娃\n- 没什么内容可写\n", true, "之前没有做到，想来主要是以下几个原因：带娃；没什么内容可写。"},
		{"one Chinese sentence leading into code ends with a full stop", "安装如下：\n\n```\nx\n```\n", true, "安装如下。"},
		{"Korean keeps its own stops", "변경 사항은 다음과 같습니다:\n\n- 첫째 항목\n- 둘째 항목\n", true, "변경 사항은 다음과 같습니다: 첫째 항목; 둘째 항목."},
		{"a line without a stop ends with one", "TL;DR - monitor your requests\n\nAdd the gem to your Gemfile and add an initializer.", true, "TL;DR - monitor your requests. Add the gem to your Gemfile and add an initializer."},
		{"a quotation ends as its sentence did", "He said “it is paused.”\n\nThen more.", true, "He said “it is paused.” Then more."},
		{"all", "One.\n\nTwo.", false, "One. Two."},
		{"HTML and code left out", "<div>x</div>\n\n```\ncode\n```\n\nText.", true, "Text."},
		{"cut at a sentence", strings.Repeat("A sentence of some length here. ", 12), true, strings.TrimSpace(strings.Repeat("A sentence of some length here. ", 9))},
		{"cut at a word", long, true, strings.TrimSpace(strings.Repeat("word ", 59)) + " word…"},
		{"empty", "", true, ""},
		{"escapes and entities read as text", "Use snake\\_case, 5\\*3 \\[brackets] &amp; AT&T &eacute;t&#233;.\n\n1\\. not a list", false, "Use snake_case, 5*3 [brackets] & AT&T été. 1. not a list"},
		{"an escaped & keeps its entity as text", "Write \\&amp; for &amp; and \\\\ for \\.", false, "Write &amp; for & and \\ for."},
		{"code kept as written", "Run `a\\_b &amp;`.", false, "Run a\\_b &amp;."},
		{"tables, footnotes and attribute lists left out", "Changes on 2019-06-04.[^1]\n{: .lead}\n\n| Area | Change |\n|---|---|\n| Care | Deferred |\n\nTerm\n: Definition\n\n[^1]: Measured on a laptop.", false, "Changes on 2019-06-04."},
		{"an address alone left out, and an image's gap closed", "https://www.youtube.com/embed/xyz\n\nDraft text with ![a chart](c.png).", false, "Draft text with."},
		{"a word that starts with a stop keeps its space", "Run gradle or ./gradlew, then cd ../up and open .env here.", false, "Run gradle or ./gradlew, then cd ../up and open .env here."},
		{"French spaces before ; : ! and ? kept", "Est-ce vrai ? Oui : en mars ; enfin !", false, "Est-ce vrai ? Oui : en mars ; enfin !"},
		{"tags kept as text left out", "Short intro.\n\n{% include callout.html text=\"Note\" %}\n\n{{< figure src=\"x.png\" >}}\n\nThe rest.", true, "Short intro. The rest."},
		{"a WordPress shortcode left out", "Short intro.\n\n\\[gallery ids=\"1,2\"]\n\nThe rest.", true, "Short intro. The rest."},
		{"a figure and its caption left out", "Short intro.\n\n![Chart](c.png) The chart's caption\n\nThe rest.", true, "Short intro. The rest."},
		{"a figure first, its caption below it, left out", "![Chart](c.png)\\\nThe chart's caption\n\nThe text.", true, "The text."},
		{"a post that is one paragraph under its image keeps its text", "![Cast](platre.png)\\\nBonne nouvelle !\\\nJe ne vais pas me faire opérer.", true, "Bonne nouvelle ! Je ne vais pas me faire opérer."},
		{"a linked figure's caption left out", "[![](c.png)](big.png)  \nA caption with [a link](/x)\n\nThe text.", true, "The text."},
		{"wide characters count twice", "最初の段落は、規制当局が新しい枠組みを発表したことを伝えています。委員会は来月から評価を再開します。\n\n二つ目の段落。", true, "最初の段落は、規制当局が新しい枠組みを発表したことを伝えています。委員会は来月から評価を再開します。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := plainText(tc.in, tc.first); got != tc.want {
				t.Errorf("plainText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestAliasFor(t *testing.T) {
	for _, tc := range []struct{ in, want, why string }{
		{"/2025/03/27/post/", "/2025/03/27/post/", ""},
		{"/2025/03/27/post.html", "/2025/03/27/post.html", ""},
		{"//a//b", "/a/b", ""},
		{"/2025/%e6%96%b0/", "/2025/新/", ""},
		{"/health%20policy/x/", "/health policy/x/", ""},
		{"/what%27s-new(2)/", "/what's-new(2)/", ""},
		{"/a%3Ab/", "", `the part "a:b": ':' cannot be part of a file name on Windows`},
		{"/caf%E9/", "", `the part "caf\xe9": it is not UTF-8 text`},
		{"/x/.hidden", "", "starts with a dot"},
		{"/a/../b", "", "names a folder"},
		{"/", "", "it is the home page"},
	} {
		got, why := aliasFor(tc.in)
		if got != tc.want || !strings.Contains(why, tc.why) || (tc.why == "") != (why == "") {
			t.Errorf("aliasFor(%q) = %q, %q; want %q, %q", tc.in, got, why, tc.want, tc.why)
		}
	}
}

func TestNewSlug(t *testing.T) {
	date := time.Date(2014, 12, 24, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ old, title, want, msg string }{
		{"My-Post_v2.1~x", "T", "My-Post_v2.1~x", ""},
		{"新しい規則", "T", "新しい規則", ""},
		{"", "Café society", "cafe-society", ""},
		{"", "CQC’s plans", "cqcs-plans", ""},
		{"sentry's-bundle,-size", "T", "sentrys-bundle-size", `slug "sentry's-bundle,-size" cannot be part of an address`},
		{"My Post", "T", "my-post", `slug "My Post" cannot be part of an address (it has a space): using "my-post"`},
		{"CON", "T", "con-1", "Windows keeps the name"},
		{"../x", "T", "", "would lead out of its folder"},
		{"a/b", "T", "a-b", `slug "a/b" cannot be part of an address`},
		{"", "!!!", "", `title "!!!" gives no slug`},
		{"2014-12-24-review", "T", "review", ""},
		{"2014-12-24_review", "T", "review", ""},
		{"2014-12-24", "Year in review", "year-in-review", ""},
		{"2014-12-24review", "T", "2014-12-24review", ""},
		{"2013-05-01-review", "T", "2013-05-01-review", ""},
		{"2014-12-24-x-(review-#1)", "T", "x-review-1", `slug "2014-12-24-x-(review-#1)" cannot be part of an address ('(' is not a letter, a digit or one of - _ . ~): using "x-review-1"`},
	} {
		got, msg := newSlug(tc.old, tc.title, date)
		if got != tc.want || !strings.Contains(msg, tc.msg) || (tc.msg == "") != (msg == "") {
			t.Errorf("newSlug(%q, %q, %s) = %q, %q; want %q, %q", tc.old, tc.title, date.Format(time.DateOnly), got, msg, tc.want, tc.msg)
		}
	}
}

func TestAutop(t *testing.T) {
	in := "First para\nline two\n\n<ul><li>x</li></ul>\n\nThird <a href=\"/x\">link</a>\n\n\n<pre>code\n\nmore</pre>\n\n<!-- wp:x -->"
	want := "<p>First para<br>\nline two</p>\n\n<ul><li>x</li></ul>\n\n<p>Third <a href=\"/x\">link</a></p>\n\n<pre>code\n\nmore</pre>\n\n<!-- wp:x -->"
	if got := autop(in); got != want {
		t.Errorf("autop(%q) =\n%q\nwant\n%q", in, got, want)
	}
}

func TestParseDate(t *testing.T) {
	zone := london(t)
	for _, tc := range []struct {
		in   string
		want time.Time
		day  bool
	}{
		{"2025-03-27", time.Date(2025, 3, 27, 0, 0, 0, 0, zone), true},
		{"2025-05-20 09:30:00", time.Date(2025, 5, 20, 9, 30, 0, 0, zone), false},
		{"2025-05-20T09:30", time.Date(2025, 5, 20, 9, 30, 0, 0, zone), false},
		{"2025-05-20 23:30:00 +0000", time.Date(2025, 5, 20, 23, 30, 0, 0, time.UTC), false},
		{"2025-05-20 23:30:00 -05:00", time.Date(2025, 5, 21, 4, 30, 0, 0, time.UTC), false},
		{"2025-03-27T09:30:00Z", time.Date(2025, 3, 27, 9, 30, 0, 0, time.UTC), false},
		{"Thu, 27 Mar 2025 08:30:00 +0000", time.Date(2025, 3, 27, 8, 30, 0, 0, time.UTC), false},
		// As Ruby's Time.parse (Jekyll) and Hugo read them too.
		{"2019-3-5", time.Date(2019, 3, 5, 0, 0, 0, 0, zone), true},
		{"2019/03/06", time.Date(2019, 3, 6, 0, 0, 0, 0, zone), true},
		{"March 5, 2019", time.Date(2019, 3, 5, 0, 0, 0, 0, zone), true},
		{"02 Jan 2021", time.Date(2021, 1, 2, 0, 0, 0, 0, zone), true},
		{"5 march 2019", time.Date(2019, 3, 5, 0, 0, 0, 0, zone), true},
		{"2019/03/06 10:15", time.Date(2019, 3, 6, 10, 15, 0, 0, zone), false},
		{"2024-2-2 9:05", time.Date(2024, 2, 2, 9, 5, 0, 0, zone), false},
		{"2020-03-05 10:00:00 UTC", time.Date(2020, 3, 5, 10, 0, 0, 0, time.UTC), false},
		{"Mon, 02 Jan 2006 15:04:05 -0700", time.Date(2006, 1, 2, 22, 4, 5, 0, time.UTC), false},
	} {
		got, day, err := parseDate(tc.in, zone)
		if err != nil || !got.Equal(tc.want) || day != tc.day {
			t.Errorf("parseDate(%q) = %v, %v, %v; want %v, %v", tc.in, got, day, err, tc.want, tc.day)
		}
	}
	// A day first with slashes is ambiguous: 03/04 is March to Ruby and
	// April to a British editor.
	if _, _, err := parseDate("27/03/2025", zone); err == nil || !strings.Contains(err.Error(), `date "27/03/2025" is not a date`) {
		t.Errorf("parseDate(27/03/2025): got %v, want an error", err)
	}
	// A date in the right form, but of no such day or time, says so.
	for in, want := range map[string]string{
		"2020-02-03 25:61:00 +0000": `date "2020-02-03 25:61:00 +0000" has no such time: hours go from 00 to 23, minutes and seconds from 00 to 59`,
		"2015-02-30":                `date "2015-02-30" has no day 30: February 2015 has 28 days`,
		"2020-13-01T10:00:00Z":      `date "2020-13-01T10:00:00Z" has no month 13: months go from 01 to 12`,
	} {
		if _, _, err := parseDate(in, zone); fmt.Sprint(err) != want {
			t.Errorf("parseDate(%q): got %v, want %s", in, err, want)
		}
	}
}

func TestPrint(t *testing.T) {
	r := Report{
		Format: Jekyll, Read: 4, Written: 2, Drafts: 1, Aliases: 1,
		Skipped: []Note{{Source: "_posts/a.md", Line: 3, Msg: "no title"},
			{Source: "_posts/d.md", Line: 1, Msg: "imported before: content/articles/2025/2025-01-02-d.md has its feed id x; not imported again", Before: true},
			{Source: "_posts/e.md", Line: 1, Msg: "imported before: content/articles/2025/2025-01-03-e.md has its feed id y; not imported again", Before: true}},
		Warnings: []Note{{Source: "_posts/b.md", Msg: "kept as text"},
			{Source: "_posts/c.md", Line: 2, Msg: "Hugo shortcode {{< figure src=\"a.png\" >}} became an image", Routine: "Hugo shortcodes became images"},
			{Source: "_posts/c.md", Line: 5, Msg: "Hugo shortcode {{< figure src=\"b.png\" >}} became an image", Routine: "Hugo shortcodes became images"},
			{Source: "_posts/d.md", Line: 3, Msg: "Hugo shortcode {{< figure src=\"c.png\" >}} became an image", Routine: "Hugo shortcodes became images"}},
		Moved: []Move{{From: "/b/", To: "/2025/01/b/"}, {From: "/2025/01/c/", To: "/2025/01/c/"}, {From: "/?p=1", To: "/2025/01/c/"}},
	}
	var b bytes.Buffer
	r.Print(&b)
	want := `jekyll: read 4, wrote 2 (1 draft), skipped 3; kept 1 old address as aliases
skipped:
  _posts/a.md:3: no title
  2 posts imported before, found in the content folder: not imported again
warnings:
  _posts/b.md: kept as text
  _posts/c.md:2: Hugo shortcode {{< figure src="a.png" >}} became an image
  and 2 more Hugo shortcodes became images, as the old site showed them (the first above)
old addresses for a server redirect, old and new (a static site answers them with its home page):
  /?p=1 /2025/01/c/
`
	if b.String() != want {
		t.Errorf("Print gave\n%s\nwant\n%s", b.String(), want)
	}
}

// TestParsePageEndOfDocument takes front matter closed with "...", the
// end of a YAML document, as Jekyll does.
func TestParsePageEndOfDocument(t *testing.T) {
	p, err := parsePage([]byte("---\ntitle: Closed with dots\n...\nThe body.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.fields.text("title"); got != "Closed with dots" || p.body != "The body.\n" || p.bodyLine != 4 {
		t.Errorf("got title %q, body %q at line %d; want the title, and the body at line 4", got, p.body, p.bodyLine)
	}
}

// TestNormalizePath escapes an id's path as jekyll-feed's absolute_url
// published it: the marks a path may hold as they are, the rest escaped.
func TestNormalizePath(t *testing.T) {
	for in, want := range map[string]string{
		"/2019/03/04/what's-new(2)": "/2019/03/04/what's-new(2)",
		"/news/Big News/a,b;c=d:@e": "/news/Big%20News/a,b;c=d:@e",
		"/2025/新しい":                 "/2025/%E6%96%B0%E3%81%97%E3%81%84",
		"/a%2fb/100%":               "/a%2Fb/100%25",
		`/a"b<c>`:                   "/a%22b%3Cc%3E",
	} {
		if got := normalizePath(in); got != want {
			t.Errorf("normalizePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestToMarkdownEmbedLinkRewritten gives the link that stands for an
// embed to the import's link rewriting, as every other link is.
func TestToMarkdownEmbedLinkRewritten(t *testing.T) {
	md, _ := toMarkdown(`<iframe src="https://old.example.org/?p=12"></iframe>`, func(s string) string {
		return strings.Replace(s, "https://old.example.org/?p=12", "/2025/03/post/", 1)
	})
	if want := "[/2025/03/post/](/2025/03/post/)"; md != want {
		t.Errorf("got %q, want %q", md, want)
	}
}

// TestEmbed turns Hugo's own shortcodes for images and embeds into
// Markdown, and leaves others to be kept as text.
func TestEmbed(t *testing.T) {
	for _, tc := range []struct{ name, args, want string }{
		{"figure", `src="/img/chart.png" alt="A chart" caption="Cases by month"`, "![A chart](/img/chart.png)\\\nCases by month"},
		{"figure", `src="chart one.png" title="Chart" link="https://example.org/big.png"`, "[![Chart](<chart one.png>)](https://example.org/big.png)\\\n**Chart**"},
		{"figure", `alt="no source"`, ""},
		{"figure", `src="poster.png" caption="The 0.55 poster" attr="Photo by Jane Doe" attrlink="https://unsplash.com/@jane"`, "![The 0.55 poster](poster.png)\\\nThe 0.55 poster [Photo by Jane Doe](https://unsplash.com/@jane)"},
		{"figure", `src="poster.png" title="Hugo 0.55" attr="Photo by *Jane Doe*"`, "![](poster.png)\\\n**Hugo 0.55**\\\nPhoto by *Jane Doe*"},
		{"figure", `src="sea.jpg" attr="Photo by [Aditya](https://unsplash.com/@a) on [Unsplash](https://unsplash.com/p)" attrlink="https://example.org/credits"`, "![](sea.jpg)\\\nPhoto by [Aditya](https://unsplash.com/@a) on [Unsplash](https://unsplash.com/p)"},
		{"youtube", `w7Ft2ymGmfc`, "[Video on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)"},
		{"youtube", `id="w7Ft2ymGmfc" title="The [launch]"`, "[The \\[launch\\]](https://www.youtube.com/watch?v=w7Ft2ymGmfc)"},
		{"youtube", `id="be-mNrnw3gk" start="2905" class="blog-video"`, "[Video on YouTube](https://www.youtube.com/watch?v=be-mNrnw3gk&t=2905s)"},
		{"vimeo", `55073825`, "[Video on Vimeo](https://vimeo.com/55073825)"},
		{"gist", `jmooring 23932424365401ffa5e9d9810102a477`, "[Gist jmooring/23932424365401ffa5e9d9810102a477](https://gist.github.com/jmooring/23932424365401ffa5e9d9810102a477)"},
		{"gist", `pseudomuto aff211b9d08d7f2d00a5 "statsd_initializer_01.rb"`, "[Gist pseudomuto/aff211b9d08d7f2d00a5: statsd\\_initializer\\_01.rb](https://gist.github.com/pseudomuto/aff211b9d08d7f2d00a5#file-statsd_initializer_01-rb)"},
		{"x", `user="SanDiegoZoo" id="1453110110599868418"`, "[Post by @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418)"},
		{"tweet", `user="SanDiegoZoo" id="1453110110599868418"`, "[Post by @SanDiegoZoo](https://twitter.com/SanDiegoZoo/status/1453110110599868418)"},
		{"tweet", `877500564405444608`, "[Post on Twitter](https://twitter.com/x/status/877500564405444608)"},
		{"twitter", `877500564405444608`, "[Post on Twitter](https://twitter.com/x/status/877500564405444608)"},
		{"x", `877500564405444608`, ""},
		{"tweet", `SanDiegoZoo`, ""},
		{"tweet", `user="SanDiegoZoo"`, ""},
		{"instagram", `CxOWiQNP2MO`, "[Post on Instagram](https://www.instagram.com/p/CxOWiQNP2MO/)"},
		{"note", ``, ""},
	} {
		if got, _ := embed(tc.name, tc.args); got != tc.want {
			t.Errorf("embed(%q, %q) = %q, want %q", tc.name, tc.args, got, tc.want)
		}
	}
}

// TestAuthorNames keeps the text of an author written as a Markdown
// link, leaves out an address in brackets after a name, and asks about a name that may be several people's, splitting
// none: a byline with a title cannot be told from it.
func TestAuthorNames(t *testing.T) {
	got, several := authorNames([]string{"[Jordan Liggitt](https://github.com/liggitt) (Google)", "Jo Bloggs", "[](x)",
		"Amanda French, Ginny Hendricks, Maria Gould", "Smith, John", "Jo Bloggs, Chief Inspector of Hospitals, Care Quality Commission",
		"Brendan Burns (Google), David Oppenheimer (Google)", "Jo Bloggs and Sam Smith", "Marks & Spencer",
		"Department of Health and Social Care", "Department for Environment, Food and Rural Affairs",
		"Thibault Mangé (https://github.com/thibaultmg)", "Jo Bloggs <jo@example.org>", "Sam Smith (www.example.org)", "<jo@example.org>"})
	want := []string{"Jordan Liggitt (Google)", "Jo Bloggs", "Amanda French, Ginny Hendricks, Maria Gould", "Smith, John", "Jo Bloggs, Chief Inspector of Hospitals, Care Quality Commission",
		"Brendan Burns (Google), David Oppenheimer (Google)", "Jo Bloggs and Sam Smith", "Marks & Spencer",
		"Department of Health and Social Care", "Department for Environment, Food and Rural Affairs",
		"Thibault Mangé", "Jo Bloggs", "Sam Smith", "<jo@example.org>"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if want := []string{"Amanda French, Ginny Hendricks, Maria Gould", "Jo Bloggs, Chief Inspector of Hospitals, Care Quality Commission",
		"Brendan Burns (Google), David Oppenheimer (Google)", "Jo Bloggs and Sam Smith"}; !slices.Equal(several, want) {
		t.Errorf("got asked about %q, want %q", several, want)
	}
	if got, want := people("Brendan Burns (Google), David Oppenheimer (Google)"), []string{"Brendan Burns (Google)", "David Oppenheimer (Google)"}; !slices.Equal(got, want) {
		t.Errorf("the people of a name: %q, want %q", got, want)
	}
}

// TestHTMLInMarkdown turns the HTML in a Markdown body into Markdown, as
// the old site showed it, and leaves comments and code alone.
func TestHTMLInMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		lost           []string
	}{
		{"an image in a paragraph", "See <img alt=\"kubectl warning\" src=\"kubectl-warnings.png\"> here.\n", "See ![kubectl warning](kubectl-warnings.png) here.\n", nil},
		{"an image whose tag runs over lines", "<img src=\"/documents/births.png\"\nalt=\"Born abroad\" style=\"max-width:100%;\">\n\nText.\n", "![Born abroad](/documents/births.png)\n\nText.\n", nil},
		{"tags in a table's cells", "| a | b |\n|---|---|\n| <span lang=\"ar\" dir=\"rtl\">تروح</span> | <b>Deadline: </b>1 May<br><img src=\"logo.png\" alt=\"Logo\"> |\n", "| a | b |\n|---|---|\n| تروح | Deadline: 1 May ![Logo](logo.png) |\n",
			[]string{"a <span> in a table's cell is left out, its text kept", "a <b> in a table's cell is left out, its text kept", "a <br> in a table's cell became a space, as a Markdown table's cell is one line"}},
		{"an embed alone", "Intro.\n\n<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>\n\nAfter.\n", "Intro.\n\n[https://www.youtube.com/embed/abc](https://www.youtube.com/embed/abc)\n\nAfter.\n", []string{"an embedded <iframe> is kept as a link to https://www.youtube.com/embed/abc"}},
		{"a script left out", "<script>track()</script>\n\nText.\n", "\n\nText.\n", []string{"a <script> is left out"}},
		{"a script's fallback kept", "<script src=\"https://gist.github.com/x.js\"></script><noscript><pre>=pod</pre></noscript>\n\nText.\n", "```\n=pod\n```\n\nText.\n", []string{"a <script> is left out"}},
		{"a block of HTML", "<div class=\"note\">\n<p>A <b>note</b>.</p>\n</div>\n", "A **note**.\n", nil},
		{"a list whose items blank lines part", "<ol>\n<li>One.</li>\n\n\n<li>Two.</li>\n\n<li>Three.</li>\n</ol>\n\nAfter.\n", "1. One.\n2. Two.\n3. Three.\n\nAfter.\n", nil},
		{"Markdown between the tags of a block", "<div>\n\nA *note*.\n\n</div>\n", "\n\nA *note*.\n\n\n", nil},
		{"a comment stays", "<!-- English original -->\n\nText.\n", "<!-- English original -->\n\nText.\n", nil},
		{"code stays", "```\n<img src=\"x.png\">\n```\n\n`<img src=\"y.png\">`\n", "```\n<img src=\"x.png\">\n```\n\n`<img src=\"y.png\">`\n", nil},
		{"tags in a paragraph", "Text with <span style=\"color:red\">red</span>, <abbr title=\"Care Quality Commission\">CQC</abbr>,\na line<br>break and *em*.\n", "Text with red, CQC, a line  \nbreak and *em*.\n", []string{"an <abbr>'s expansion (its title) is left out: write it in the text where readers need it"}},
		{"a superscript", "E = mc<sup>2</sup>.\n", "E = mc2.\n", []string{"a <sup> became plain text, as Markdown has no superscript: check figures such as m2, H2O or a footnote's number"}},
		{"tags in a quote and a list", "> A <span>quote</span>\n> on two lines.\n\n- a <b>bold</b> item\n- a plain one\n", "> A quote on two lines.\n\n- a **bold** item\n- a plain one\n", nil},
		{"a closing tag under a list item", "<div class=\"snippet\">\n\n- one\n- two\n\n  </div>\n\nAfter.\n", "\n\n- one\n- two\n\n  \n\nAfter.\n", nil},
		{"a block in a quote", "> Quoted:\n>\n> <div>\n> <p>First.</p>\n> <p>Second <b>bold</b>.</p>\n> </div>\n", "> Quoted:\n>\n> First.\n> \n> Second **bold**.\n", nil},
		{"an anchor keeps its text", "<a id=\"dress\">Hackers dress</a> as they like.\n", "Hackers dress as they like.\n", []string{`an anchor (<a id="dress">) is left out, its text kept: a link to #dress now goes to the top of the page`}},
		{"a link in an anchor stays a link", "1.<a name=\"ref1\">[End-to-end](https://example.org/e2e)</a>\n", "1.[End-to-end](https://example.org/e2e)\n", []string{`an anchor (<a id="ref1">) is left out, its text kept: a link to #ref1 now goes to the top of the page`}},
		{"an empty anchor goes", "<p id = \"build\"></p>Intro <a id=\"top\"></a>here.\n", "Intro here.\n", []string{`an anchor (<a id="top">) is left out, its text kept: a link to #top now goes to the top of the page`}},
		{"a footnote stays", "A <span>note</span>[^1].\n\n[^1]: The note.\n", "A <span>note</span>[^1].\n\n[^1]: The note.\n", nil},
		{"Markdown images between rules", "![one](/one.jpg)\n<hr>\n![install_two](/two_b.jpg)\n<hr>\n[more](/more_c/)\n", "![one](/one.jpg)\n* * *\n\n![install_two](/two_b.jpg)\n\n* * *\n\n[more](/more_c/)\n", []string{"an image or link written in Markdown inside HTML, which Markdown shows as written, became one"}},
		{"an inline quotation keeps its marks", "He said <q>Developers, developers</q> twice.\n", "He said “Developers, developers” twice.\n", nil},
		{"a footnote's text stays", "A note[^1].\n\n[^1]: The note with <b>bold</b>.\n", "A note[^1].\n\n[^1]: The note with <b>bold</b>.\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, lost := htmlInMarkdown(tc.in)
			if got != tc.want || !slices.Equal(messages(lost), tc.lost) {
				t.Errorf("htmlInMarkdown(%q) = %q, %q; want %q, %q", tc.in, got, messages(lost), tc.want, tc.lost)
			}
		})
	}
}

// TestUnderPath warns of an old site published under a path, unless
// the content folder's site.yaml publishes the new one there too.
func TestUnderPath(t *testing.T) {
	for _, tc := range []struct {
		name, site, settings string
		warns                bool
	}{
		{"at the root", "https://old.example.org", "", false},
		{"unknown", "", "", false},
		{"under a path", "https://old.example.org/blog", "", true},
		{"under a path the new site keeps", "https://old.example.org/blog/", "base_url: https://new.example.org/blog/\n", false},
		{"under another path", "https://old.example.org/blog", "base_url: https://new.example.org/news/\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			if tc.settings != "" {
				files["site.yaml"] = tc.settings
			}
			got := underPath(tc.site, destSettings(tree(t, files)))
			if tc.warns != (got != "") {
				t.Errorf("underPath(%q) = %q, want a warning: %v", tc.site, got, tc.warns)
			}
			if tc.warns && !strings.Contains(got, "/blog/") {
				t.Errorf("underPath(%q) = %q, which does not name /blog/", tc.site, got)
			}
		})
	}
}

// TestToMarkdownFigures keeps a figure's caption a line below its image,
// in one paragraph, whether a <figcaption> or the text after the image
// (WordPress's [caption]) gives it.
func TestToMarkdownFigures(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<figure class="wp-block-image"><img src="a.png" alt="A"/><figcaption>Inspections per month</figcaption></figure>`, "![A](a.png)  \nInspections per month"},
		{`<figure><a href="big.png"><img src="a.png" alt=""/></a> A caption</figure>`, "[![](a.png)](big.png)  \nA caption"},
		{`<figure><img src="a.png" alt="A"/><br>Already below</figure>`, "![A](a.png)  \nAlready below"},
		{`<figure><img src="a.png" alt="A"/></figure>`, "![A](a.png)"},
	} {
		if got, _ := toMarkdown(tc.in, nil); got != tc.want {
			t.Errorf("toMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestMentions links @names as jekyll-mentions did, outside code and
// e-mail addresses.
func TestMentions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Thanks to @parkr and @benbalter.", "Thanks to [@parkr](https://github.com/parkr) and [@benbalter](https://github.com/benbalter)."},
		{"Write to jo@example.org.", "Write to jo@example.org."},
		{"Run `npm i @scope/pkg` first.", "Run `npm i @scope/pkg` first."},
		{"```\n@decorator\n```\n(@jo)", "```\n@decorator\n```\n([@jo](https://github.com/jo))"},
		{"[@jo](https://x.example/jo)", "[@jo](https://x.example/jo)"},
	} {
		if got := mentions(tc.in, "https://github.com"); got != tc.want {
			t.Errorf("mentions(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLanguageNamed reads a language as a site's settings name it: by
// its tag, as a locale, or by its name in English or in itself.
func TestLanguageNamed(t *testing.T) {
	for in, want := range map[string]string{"Chinese": "zh", "中文": "zh", "zh_CN": "zh-CN", "Deutsch": "de", "english": "en", "ja": "ja", "Klingon": "", "": ""} {
		if got := languageNamed(in); got != want {
			t.Errorf("languageNamed(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSitePath gives the path on the blog of an address, and nothing for
// one of another host, outside the blog's path, or of no page at all.
func TestSitePath(t *testing.T) {
	for _, tt := range []struct{ blog, addr, want string }{
		{"https://old.example.org/blog/", "https://old.example.org/blog/2019/03/fees/", "/2019/03/fees/"},
		{"https://old.example.org/blog/", "/blog/2019/03/fees/", "/2019/03/fees/"},
		{"https://old.example.org/blog/", "https://old.example.org/blog/?p=12", "/?p=12"},
		{"https://old.example.org/blog/", "https://other.example.org/blog/2019/03/fees/", ""},
		{"https://old.example.org/blog/", "https://old.example.org/2019/03/fees/", ""},
		{"https://old.example.org/", "/2019/03/fees/", "/2019/03/fees/"},
		{"https://old.example.org/", "javascript:alert(1)", ""},
		{"https://old.example.org/", "mailto:editor@example.org", ""},
		{"https://old.example.org/", "https://old.example.org", "/"},
		{"https://old.example.org/", "", ""},
		{"https://old.example.org/", "#", ""},
		{"https://old.example.org/", "#top", ""},
	} {
		blog, err := url.Parse(tt.blog)
		if err != nil {
			t.Fatal(err)
		}
		if got := sitePath(tt.addr, blog); got != tt.want {
			t.Errorf("sitePath(%q) on %s = %q, want %q", tt.addr, tt.blog, got, tt.want)
		}
	}
}
