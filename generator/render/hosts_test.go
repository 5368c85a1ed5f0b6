package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// TestHeadersWithinCloudflareLimit wants _headers to keep within the 100
// rules Cloudflare Pages reads, however many topics the site has: the
// types and cache rules cover each kind of feed with one rule, and the
// WebSub Link header, which needs a rule for each feed, covers the
// topics' feeds only while they fit.
func TestHeadersWithinCloudflareLimit(t *testing.T) {
	for _, topics := range []int{0, 40} {
		t.Run(fmt.Sprint(topics, " more topics"), func(t *testing.T) {
			set := fixture()
			set.Settings.WebSubHubs = []string{"https://hub.example.org/"}
			addTopics(set, topics)
			headers := string(build(t, set, buildDay)["_headers"])
			rules, paths := 0, map[string]bool{}
			for line := range strings.SplitSeq(headers, "\n") {
				if strings.HasPrefix(line, "/") {
					rules++
					if paths[line] {
						t.Errorf("two rules for %s: Cloudflare Pages keeps only the last", line)
					}
					paths[line] = true
				}
			}
			if rules > 100 {
				t.Errorf("%d rules, more than Cloudflare Pages reads", rules)
			}
			for _, f := range []string{rssFile, atomFile, jsonFile} {
				if !strings.Contains(headers, "\n/"+f+"\n  Content-Type: "+MediaType(f)+"; charset=utf-8\n  Cache-Control: public, max-age=300\n  Link: <https://hub.example.org/>; rel=\"hub\", <"+baseURL+f+">; rel=\"self\"\n") {
					t.Errorf("no Link header for /%s:\n%s", f, headers)
				}
			}
			topic := "/topics/ics-assessments/feed.xml\n  Link: "
			if got, want := strings.Contains(headers, topic), topics == 0; got != want {
				t.Errorf("a Link rule for a topic's feed: %v, want %v", got, want)
			}
		})
	}
}

// addTopics adds n articles to set, each of a topic of its own.
func addTopics(set *content.Set, n int) {
	for i := range n {
		set.Articles = append(set.Articles, &content.Article{Meta: content.Meta{
			Title: fmt.Sprint("Topic ", i), Summary: "S.", Date: day("2025-01-02"),
			Topics: []string{fmt.Sprint("Topic ", i)}, Slug: fmt.Sprint("topic-", i)},
			Path: fmt.Sprintf("articles/topic-%d.md", i), File: fmt.Sprintf("content/articles/topic-%d.md", i), Line: 1})
	}
}

// TestHeadersNameRenamedTopicsFeeds wants the feeds a renamed topic keeps
// at its old address given the WebSub Link header too, naming that
// address as self, as its new address's feeds are: its subscribers are
// those who subscribed there.
// Where the old address's rules would pass the 100 Cloudflare reads,
// the topics' and regulators' own keep theirs.
func TestHeadersNameRenamedTopicsFeeds(t *testing.T) {
	// The fixture, renamed, has three topics and regulators: 27 more
	// fill the 100 rules.
	for _, topics := range []int{0, 27} {
		t.Run(fmt.Sprint(topics, " more topics"), func(t *testing.T) {
			set := fixture()
			set.Settings.WebSubHubs = []string{"https://hub.example.org/"}
			renameICS(set, "/topics/ics-assessments/")
			addTopics(set, topics)
			headers := string(build(t, set, buildDay)["_headers"])
			for dir, want := range map[string]bool{"topics/ics-reviews/": true, "topics/ics-assessments/": topics == 0} {
				for _, f := range []string{rssFile, atomFile, jsonFile} {
					rule := "\n/" + dir + f + "\n  Link: <https://hub.example.org/>; rel=\"hub\", <" + baseURL + dir + f + ">; rel=\"self\"\n"
					if got := strings.Contains(headers, rule); got != want {
						t.Errorf("a Link header for /%s%s: %v, want %v:\n%s", dir, f, got, want, headers)
					}
				}
			}
			if rules := strings.Count(headers, "\n/"); rules > 100 {
				t.Errorf("%d rules, more than Cloudflare Pages reads", rules)
			}
		})
	}
}

// TestRedirectsEncodeOnce wants each alias in _redirects sent to its
// article's address percent-encoded once, as browsers send it, for an
// address in any script: Netlify, Cloudflare Pages and deploy's S3
// redirects take the target as written.
func TestRedirectsEncodeOnce(t *testing.T) {
	set := fixture()
	set.Articles = append(set.Articles, &content.Article{Meta: content.Meta{
		Title: "Café", Summary: "S.", Date: day("2024-01-02"), Slug: "café-新闻",
		Aliases: []string{"/Old_Page/", "/ancien/été/", "/big news/what's-new(2).html"}},
		Path: "articles/cafe.md", File: "content/articles/cafe.md", Line: 1})
	redirects := string(build(t, set, buildDay)["_redirects"])
	for _, want := range []string{
		"/Old_Page/ /2024/01/caf%C3%A9-%E6%96%B0%E9%97%BB/ 301!\n",
		"/ancien/%C3%A9t%C3%A9/ /2024/01/caf%C3%A9-%E6%96%B0%E9%97%BB/ 301\n",
		"/big%20news/what's-new(2).html /2024/01/caf%C3%A9-%E6%96%B0%E9%97%BB/ 301!\n",
	} {
		if !strings.Contains(redirects, want) {
			t.Errorf("_redirects lacks %q:\n%s", want, redirects)
		}
	}
}

// TestFeedAliases sends each old address of the bulletin's feed on to its
// RSS feed: a 301 in _redirects (which deploy also gives the bucket), and
// for other hosts the feed itself at a file's name, a page that sends
// readers on at a folder's; one that is already a file of the site is an
// error at its line in site.yaml.
func TestFeedAliases(t *testing.T) {
	set := fixture()
	set.Dir = "content"
	set.Settings.FeedAliases, set.Settings.FeedAliasLines = []string{"/index.xml", "/feed/"}, []int32{12, 13}
	files := build(t, set, buildDay)
	redirects := string(files[RedirectsFile])
	for _, want := range []string{"/index.xml /feed.xml 301!\n", "/index.xml /feed.xml 301\n", "/feed/ /feed.xml 301!\n", "/feed/ /feed.xml 301\n"} {
		if !strings.Contains(redirects, want) {
			t.Errorf("_redirects lacks %q:\n%s", want, redirects)
		}
	}
	if page := string(files["feed/index.html"]); !strings.Contains(page, `content="0; url=`+baseURL+rssFile+`"`) {
		t.Errorf("feed/index.html does not send readers to %s%s:\n%s", baseURL, rssFile, page)
	}
	if !bytes.Equal(files["index.xml"], files[rssFile]) {
		t.Errorf("index.xml is not the RSS feed:\n%s", files["index.xml"])
	}

	// The second of a list, at its own line.
	set.Settings.FeedAliases, set.Settings.FeedAliasLines = []string{"/index.xml", "/feed.xml"}, []int32{12, 13}
	s, err := site.New(set, nil, buildDay)
	if err != nil {
		t.Fatal(err)
	}
	err = Site(os.DirFS(filepath.Join(moduleRoot(t), "templates")), "templates", s, &memSink{files: map[string][]byte{}})
	if want := "content/site.yaml:13: feed_aliases: /feed.xml is also the site's own /feed.xml"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error holding %q", err, want)
	}
}
