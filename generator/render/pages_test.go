package render

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"bulletin/generator/content"
)

var alternateLink = regexp.MustCompile(`<link rel="alternate" [^>]*>`)

// TestAutodiscoveryTypesAreLiteral wants each page's feed autodiscovery
// links to carry their types as written, type="application/rss+xml":
// html/template would write the + as &#43;, which autodiscovery code
// that compares the attribute's bytes does not recognise.
func TestAutodiscoveryTypesAreLiteral(t *testing.T) {
	files := build(t, fixture(), buildDay)
	for _, name := range []string{"index.html", "topics/ics-assessments/index.html", "2025/03/" + updatedSlug + "/index.html", "404.html"} {
		page := files[name]
		if page == nil {
			t.Fatalf("the fixture has no %s", name)
		}
		links := alternateLink.FindAll(page, -1)
		for _, want := range []string{`type="application/rss+xml"`, `type="application/atom+xml"`, `type="application/feed+json"`} {
			found := false
			for _, l := range links {
				found = found || bytes.Contains(l, []byte(want))
			}
			if !found {
				t.Errorf("%s: no <link rel=\"alternate\" %s>; its links are %s", name, want, links)
			}
		}
		if bytes.Contains(page, []byte("&#43;")) && bytes.Contains(page, []byte("rss&#43;xml")) {
			t.Errorf("%s: a feed type is written rss&#43;xml", name)
		}
	}
}

// TestPageFeedsOwnFirst wants an article's page to offer its first topic
// as written, whose story its status tells, as its own feed, before its
// other topics' and the whole site's.
func TestPageFeedsOwnFirst(t *testing.T) {
	files := build(t, fixture(), buildDay)
	// Written with ICS assessments first, which sorts after CQC IT.
	page := files["2025/02/"+explicitSlug+"/index.html"]
	links := alternateLink.FindAll(page, -1)
	var hrefs []string
	for _, l := range links {
		hrefs = append(hrefs, string(regexp.MustCompile(`href="([^"]+)"`).FindSubmatch(l)[1]))
	}
	want := []string{
		"/topics/ics-assessments/feed.xml", "/topics/ics-assessments/atom.xml", "/topics/ics-assessments/feed.json",
		"/topics/cqc-it-transformation/feed.xml", "/topics/cqc-it-transformation/atom.xml", "/topics/cqc-it-transformation/feed.json",
		"/feed.xml", "/atom.xml", "/feed.json",
	}
	if len(hrefs) != len(want) {
		t.Fatalf("got feeds %q, want %q", hrefs, want)
	}
	for i := range want {
		if hrefs[i] != want[i] {
			t.Fatalf("got feeds %q, want %q", hrefs, want)
		}
	}
	if !bytes.Contains(page, []byte(`id="subscribe-url" type="text" value="https://bulletin.example.org/topics/ics-assessments/feed.xml"`)) {
		t.Errorf("the Subscribe control does not offer the first topic's feed")
	}
}

// TestArticleWithoutWords wants an article whose body has no words to
// show no reading time and no empty body, and one with words its
// minutes.
func TestArticleWithoutWords(t *testing.T) {
	set := fixture()
	empty := article(t, set, explicitSlug)
	empty.HTML, empty.Words = "", 0
	article(t, set, movedSlug).Words = 450
	files := build(t, set, buildDay)
	page := files["2025/02/"+explicitSlug+"/index.html"]
	for _, unwanted := range []string{"min read", `class="article-body"`} {
		if bytes.Contains(page, []byte(unwanted)) {
			t.Errorf("the page of an article without words has %q", unwanted)
		}
	}
	if moved := files["2025/03/"+movedSlug+"/index.html"]; !bytes.Contains(moved, []byte("3 min read")) {
		t.Errorf("the page of an article of 450 words does not say 3 min read")
	}
}

// TestSourceLinksOnThePage: an article page links a source at its
// address, a path of the site under the base URL's path, and shows a
// source without an address as text.
func TestSourceLinksOnThePage(t *testing.T) {
	files := build(t, belowPath(withFacts(fixture())), buildDay)
	page := string(files["2025/03/"+updatedSlug+"/index.html"])
	for _, want := range []string{
		`<li><a href="https://www.gov.uk/dhsc?a=1&amp;b=2">DHSC&#39;s letter</a>`,
		`<li><a href="/bulletin/2025/02/earlier-pause/">Our earlier report</a>`,
		`<li>A board paper, CQC, <time`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page has no %s", want)
		}
	}
}

// TestIntroLanguage: a topic whose intro page is in another language
// than the site's has its name, summary and intro marked with it on its
// page.
func TestIntroLanguage(t *testing.T) {
	set := fixture()
	set.Topics = []*content.Page{{Slug: "ics-assessments", Title: "Asesiadau ICS", Summary: "Dyletswydd CQC i asesu.", Lang: "cy", HTML: "<p>Cefndir.</p>\n"}}
	files := build(t, set, buildDay)
	page := string(files["topics/ics-assessments/index.html"])
	for _, want := range []string{
		`<h1 lang="cy" dir="ltr">Asesiadau ICS</h1>`,
		`<p class="summary" lang="cy" dir="ltr">Dyletswydd CQC i asesu.</p>`,
		`<div class="intro" lang="cy" dir="ltr">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the topic page has no %s", want)
		}
	}
}

// TestArticleLanguage: an article in another language than the site's
// has its title, summary and body marked with its language, and with
// its direction when written right to left, on its page and where lists
// show it; the page itself, its menus and dates, stays in the site's.
func TestArticleLanguage(t *testing.T) {
	set := fixture()
	arabicArticle := article(t, set, updatedSlug)
	arabicArticle.Lang = "ar"
	arabicArticle.Events = []content.Event{{Date: content.Date{Time: day("2026-02-02")}, Label: "تقرير المراجعة"}}
	article(t, set, movedSlug).Lang = "cy"
	files := build(t, set, buildDay)
	arabic := string(files["2025/03/"+updatedSlug+"/index.html"])
	for _, want := range []string{
		`<html lang="en-GB" dir="ltr">`,
		`<h1 lang="ar" dir="rtl">`,
		`<p class="summary" data-pagefind-meta="summary" lang="ar" dir="rtl">`,
		`<div class="article-body" lang="ar" dir="rtl">`,
		`"inLanguage":"ar"`,
		`: <span lang="ar" dir="rtl">` + html.EscapeString(newestNote) + `</span></li>`,
	} {
		if !strings.Contains(arabic, want) {
			t.Errorf("the Arabic article's page has no %s", want)
		}
	}
	if welsh := string(files["2025/03/"+movedSlug+"/index.html"]); !strings.Contains(welsh, `<h1 lang="cy" dir="ltr">`) {
		t.Errorf("the Welsh article's page has no <h1 lang=\"cy\" dir=\"ltr\">")
	}
	if timeline := string(files["timeline/index.html"]); !strings.Contains(timeline, `<h3 lang="ar" dir="rtl">`) || !strings.Contains(timeline, `<h3 lang="cy" dir="ltr">`) {
		t.Errorf("the timeline does not mark the Arabic and Welsh articles' titles with their languages")
	}
	// Where other pages quote its words: its title as a step of its
	// topic's story, its summary there, its event's label among the key
	// dates, and its title in the banner of an older article.
	topic := string(files["topics/ics-assessments/index.html"])
	for _, want := range []string{
		`<a href="/2025/03/` + updatedSlug + `/" lang="ar" dir="rtl">`,
		`<p class="step-summary" lang="ar" dir="rtl">`,
		`<span lang="ar" dir="rtl">تقرير المراجعة</span>`,
	} {
		if !strings.Contains(topic, want) {
			t.Errorf("the topic page has no %s", want)
		}
	}
	if ics := string(files["topics/ics-assessments/key-dates.ics"]); !strings.Contains(ics, "SUMMARY;LANGUAGE=ar:تقرير المراجعة\r\n") {
		t.Errorf("key-dates.ics: want the Arabic event's SUMMARY with LANGUAGE=ar and its label alone, got\n%s", ics)
	}
	if home := string(files["index.html"]); !strings.Contains(home, `<span lang="ar" dir="rtl">تقرير المراجعة</span> (`) {
		t.Errorf("the home page's key dates do not mark the Arabic event's label")
	}
	if older := string(files["2025/02/"+explicitSlug+"/index.html"]); !strings.Contains(older, `newer update on this topic: <a href="/2025/03/`+updatedSlug+`/" lang="ar" dir="rtl">`) {
		t.Errorf("the older article's banner does not mark the Arabic title")
	}
	// Feeds say so too: Atom on the entry, RSS with Dublin Core.
	// Atom marks the title and summary, and the content the body within
	// it: the entry's facts and sources around the body are the site's.
	atom := string(files["atom.xml"])
	for _, want := range []string{`<title xml:lang="ar">`, `<summary type="text" xml:lang="ar">`, `&lt;div lang=&#34;ar&#34; dir=&#34;rtl&#34;&gt;`, `<title xml:lang="cy">`} {
		if !strings.Contains(atom, want) {
			t.Errorf("atom.xml has no %s", want)
		}
	}
	if n := strings.Count(atom, "xml:lang="); n != 5 {
		t.Errorf("atom.xml: xml:lang %d times, want 5: the feed's, and the title and summary of the Welsh and the Arabic entry", n)
	}
	if rss := string(files["feed.xml"]); !strings.Contains(rss, "<dc:language>cy</dc:language>") || strings.Count(rss, "<dc:language>") != 2 {
		t.Errorf("feed.xml: want dc:language on the Welsh and the Arabic items alone")
	}
	var jf struct {
		Language string
		Items    []struct{ Title, Language string }
	}
	if err := json.Unmarshal(files["feed.json"], &jf); err != nil {
		t.Fatalf("feed.json: %v", err)
	}
	langs := map[string]int{}
	for _, it := range jf.Items {
		langs[it.Language]++
	}
	if jf.Language != "en-GB" || langs["ar"] != 1 || langs["cy"] != 1 || langs[""] != len(jf.Items)-2 {
		t.Errorf("feed.json: want the feed in en-GB and language on the Welsh and the Arabic items alone, got %q and items %v", jf.Language, langs)
	}
}

// TestRightToLeftSite: a site written right to left says so on every
// page, and an article in a language written left to right says its own
// direction within it, on its page and in its feed entry.
func TestRightToLeftSite(t *testing.T) {
	set := fixture()
	set.Settings.Language = "ar"
	article(t, set, updatedSlug).Lang = "en"
	files := build(t, set, buildDay)
	page := string(files["2025/03/"+updatedSlug+"/index.html"])
	for _, want := range []string{`<html lang="ar" dir="rtl">`, `<h1 lang="en" dir="ltr">`, `<div class="article-body" lang="en" dir="ltr">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the English article's page on an Arabic site has no %s", want)
		}
	}
	if home := string(files["index.html"]); !strings.Contains(home, `<html lang="ar" dir="rtl">`) {
		t.Errorf("the home page of an Arabic site is not marked right to left")
	}
	if atom := string(files["atom.xml"]); !strings.Contains(atom, `&lt;div lang=&#34;en&#34; dir=&#34;ltr&#34;&gt;`) {
		t.Errorf("atom.xml does not mark the English entry's body left to right")
	}
}
