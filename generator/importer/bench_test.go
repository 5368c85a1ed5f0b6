package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wxrXML wraps items in an export as WordPress 6 writes it.
func wxrXML(items string) string {
	return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench</title>
	<link>https://old.example.org</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://old.example.org</wp:base_site_url>
	<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
	<wp:author><wp:author_login><![CDATA[alice]]></wp:author_login><wp:author_display_name><![CDATA[Alice Adams]]></wp:author_display_name></wp:author>
` + items + `</channel>
</rss>
`
}

// wxrItemXML is one item of an export, dated by its id, with a body of
// the usual kinds of HTML.
func wxrItemXML(id int, title, slug, status, typ string) string {
	t := time.Date(2015, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(id) * 17 * time.Hour)
	return fmt.Sprintf(`	<item>
		<title><![CDATA[%[2]s]]></title>
		<link>https://old.example.org/%[5]s/%[3]s/</link>
		<dc:creator><![CDATA[alice]]></dc:creator>
		<guid isPermaLink="false">https://old.example.org/?p=%[1]d</guid>
		<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>Post %[1]d reports on <strong>regulation</strong>, with <a href="https://old.example.org/?p=%[7]d">a link to an earlier post</a> and <a href="https://www.example.com/">one elsewhere</a>.</p>
<!-- /wp:paragraph -->
<!-- wp:heading --><h2>What it means</h2><!-- /wp:heading -->
<!-- wp:list --><ul><li>One point</li><li>Another <em>point</em></li></ul><!-- /wp:list -->
<!-- wp:quote --><blockquote><p>A quotation from the regulator.</p></blockquote><!-- /wp:quote -->
<!-- wp:code --><pre class="wp-block-code"><code>status: paused</code></pre><!-- /wp:code -->]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>%[1]d</wp:post_id>
		<wp:post_date><![CDATA[%[4]s]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[%[4]s]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[%[3]s]]></wp:post_name>
		<wp:status><![CDATA[%[6]s]]></wp:status>
		<wp:post_type><![CDATA[%[8]s]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<category domain="category" nicename="cqc"><![CDATA[CQC]]></category>
		<category domain="post_tag" nicename="topic-%[9]d"><![CDATA[Topic %[9]d]]></category>
	</item>
`, id, title, slug, t.Format(time.DateTime), t.Format("2006/01/02"), status, max(1, id-1), typ, id%40)
}

// BenchmarkWordPress imports an export of 5,000 posts into an empty
// folder.
func BenchmarkWordPress(b *testing.B) {
	const n = 5000
	var items strings.Builder
	for i := 1; i <= n; i++ {
		items.WriteString(wxrItemXML(i, fmt.Sprintf("Post number %d about regulation", i), fmt.Sprintf("post-%d", i), "publish", "post"))
	}
	src := filepath.Join(b.TempDir(), "export.xml")
	if err := os.WriteFile(src, []byte(wxrXML(items.String())), 0o644); err != nil {
		b.Fatal(err)
	}
	parent := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		r, err := Run(Options{Source: src, Dest: filepath.Join(parent, fmt.Sprint(i)), Regulators: []string{"CQC"}})
		if err != nil {
			b.Fatal(err)
		}
		if r.Written != n {
			b.Fatalf("wrote %d, want %d; skipped %v", r.Written, n, r.Skipped[:min(3, len(r.Skipped))])
		}
	}
}
