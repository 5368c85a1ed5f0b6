package importer

import (
	"path/filepath"
	"regexp"
	"slices"
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
