package deploy

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"bulletin/generator/output"
)

// writeSite writes files into a new output folder with the manifest a
// build writes, and returns the folder.
func writeSite(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	var manifest strings.Builder
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(files[name]))
		manifest.WriteString(hex.EncodeToString(sum[:]) + " " + name + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, output.ManifestFile), []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// bucketFolder makes an empty folder for a file:// bucket.
func bucketFolder(t *testing.T) (dir, target string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "bucket")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, "file://" + filepath.ToSlash(dir)
}

var small = map[string]string{
	"index.html":                         `<a href="/2025/03/a/">A</a>`,
	"2025/03/a/index.html":               `<img src="/images/chart.png">`,
	"2025/03/index.html":                 `<a href="/2025/03/a/">A</a>`,
	"images/chart.png":                   "\x89PNG",
	"style.css":                          "body{}",
	"feed.xml":                           "<rss/>",
	"topics/x/key-dates.ics":             "BEGIN:VCALENDAR",
	"sitemap.xml":                        "<urlset/>",
	"2024/01/old/index.html":             `<meta http-equiv="refresh" content="0; url=https://example.org/2025/03/a/">`,
	"_redirects":                         "/2024/01/old/ /2025/03/a/ 301!\n/2024/01/old/ /2025/03/a/ 301\n",
	"_headers":                           "/feed.xml\n  Content-Type: application/rss+xml\n",
	"pagefind/fragment/en_1.pf_fragment": "\x1f\x8b",
}

func TestRunUploadsInOrderThenNothing(t *testing.T) {
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), small)
	_, target := bucketFolder(t)
	var order []string
	res, err := Run(context.Background(), site, Options{Target: target, MaxDeletes: 10, Done: func(c Change) { order = append(order, c.Name) }, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"pagefind/fragment/en_1.pf_fragment", "images/chart.png", // media, deeper first
		"style.css",                                  // styles
		"2025/03/a/index.html", "2025/03/index.html", // pages, deeper first
		"topics/x/key-dates.ics", "feed.xml", "sitemap.xml", // indexes
		"index.html",             // home
		"2024/01/old/index.html", // aliases
	}
	if !slices.Equal(order, want) {
		t.Errorf("uploaded in the order\n%s\nwant\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	if res.Uploaded != len(want) || res.Unchanged != 0 || res.Deleted != 0 {
		t.Errorf("got %d uploaded, %d unchanged, %d deleted; want %d, 0, 0", res.Uploaded, res.Unchanged, res.Deleted, len(want))
	}
	res, err = Run(context.Background(), site, Options{Target: target, MaxDeletes: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Uploaded != 0 || res.Unchanged != len(want) {
		t.Errorf("second deploy: got %d uploaded, %d unchanged; want 0, %d", res.Uploaded, res.Unchanged, len(want))
	}
}

// A new file goes up before any changed one, since only a changed file
// can link to it: here the changed home page links to the new article.
func TestRunNewBeforeChanged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	_, target := bucketFolder(t)
	site := writeSite(t, dir, map[string]string{"index.html": "home", "style.css": "a{}"})
	if _, err := Run(context.Background(), site, Options{Target: target}); err != nil {
		t.Fatal(err)
	}
	site = writeSite(t, dir, map[string]string{"index.html": `<a href="/2025/03/b/">`, "style.css": "a{color:red}", "2025/03/b/index.html": "B", "b.png": "png"})
	var order []string
	if _, err := Run(context.Background(), site, Options{Target: target, Workers: 1, Done: func(c Change) { order = append(order, c.Op.String()+" "+c.Name) }}); err != nil {
		t.Fatal(err)
	}
	want := []string{"add b.png", "add 2025/03/b/index.html", "update style.css", "update index.html"}
	if !slices.Equal(order, want) {
		t.Errorf("got %q, want %q", order, want)
	}
}

// TestRunOneDeleteOverTheCap counts the one object a deploy would delete
// past a cap of none in words that fit one.
func TestRunOneDeleteOverTheCap(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	_, target := bucketFolder(t)
	site := writeSite(t, dir, map[string]string{"index.html": "home", "a.html": "a"})
	if _, err := Run(context.Background(), site, Options{Target: target}); err != nil {
		t.Fatal(err)
	}
	site = writeSite(t, dir, map[string]string{"index.html": "home"})
	_, err := Run(context.Background(), site, Options{Target: target})
	if want := "would delete 1 object, more than max_deletes (0)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error with %q", err, want)
	}
}

func TestRunDeletes(t *testing.T) {
	tests := []struct {
		name       string
		maxDeletes int
		force      bool
		dryRun     bool
		wantErr    bool
		wantLeft   []string
	}{
		{name: "within the cap", maxDeletes: 2, wantLeft: []string{HeadersRecord, "index.html"}},
		{name: "over the cap", maxDeletes: 1, wantErr: true, wantLeft: []string{HeadersRecord, "a.html", "b.html", "index.html"}},
		{name: "over the cap, forced", maxDeletes: 1, force: true, wantLeft: []string{HeadersRecord, "index.html"}},
		{name: "dry run", maxDeletes: 2, dryRun: true, wantLeft: []string{HeadersRecord, "a.html", "b.html", "index.html"}},
		{name: "no deletions allowed", maxDeletes: 0, wantErr: true, wantLeft: []string{HeadersRecord, "a.html", "b.html", "index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			bucket, target := bucketFolder(t)
			site := writeSite(t, dir, map[string]string{"index.html": "home", "a.html": "a", "b.html": "b"})
			if _, err := Run(context.Background(), site, Options{Target: target}); err != nil {
				t.Fatal(err)
			}
			site = writeSite(t, dir, map[string]string{"index.html": "home"})
			res, err := Run(context.Background(), site, Options{Target: target, MaxDeletes: tt.maxDeletes, Force: tt.force, DryRun: tt.dryRun})
			if got := err != nil; got != tt.wantErr {
				t.Fatalf("got error %v, want one: %v", err, tt.wantErr)
			}
			if tt.wantErr && !errors.Is(err, ErrTooManyDeletes) {
				t.Errorf("got %v, want ErrTooManyDeletes", err)
			}
			if err != nil && !strings.Contains(err.Error(), target) {
				t.Errorf("error %q does not name the target %s", err, target)
			}
			if len(res.Changes) != 2 {
				t.Errorf("planned %v, want the two deletions", res.Changes)
			}
			if got := objects(t, bucket); !slices.Equal(got, tt.wantLeft) {
				t.Errorf("bucket holds %q, want %q", got, tt.wantLeft)
			}
		})
	}
}

// TestRunNotOurs deploys into a folder that holds files of its own and no
// record of an earlier deploy, such as a theme's folder given by mistake:
// nothing is deleted or replaced without -force. Files that hold the
// bytes the deploy sends, as a first deploy stopped half-way leaves
// them, are its own.
func TestRunNotOurs(t *testing.T) {
	for _, tt := range []struct {
		name     string
		held     map[string]string // what the folder holds first
		force    bool
		wantErr  string // a name the error gives; "" for none
		wantLeft []string
	}{
		{"a file the site lacks", map[string]string{"layout.html": "someone's"}, false, "layout.html", []string{"layout.html"}},
		{"a file the site lacks, forced", map[string]string{"layout.html": "someone's"}, true, "", []string{HeadersRecord, "index.html"}},
		{"a file the site would replace", map[string]string{"index.html": "someone's"}, false, "index.html", []string{"index.html"}},
		{"the site's own bytes, sent before the record", nil, false, "", []string{HeadersRecord, "index.html"}},
		{"a file of the site under the temporary name a killed deploy left", map[string]string{"index.html.18ef14c55fef598d.tmp": "ho"}, false, "", []string{HeadersRecord, "index.html"}},
		{"a file of another under a temporary name", map[string]string{"layout.html.18ef14c55fef598d.tmp": "someone's"}, false, "layout.html.18ef14c55fef598d.tmp", []string{"layout.html.18ef14c55fef598d.tmp"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bucket, target := bucketFolder(t)
			for name, text := range tt.held {
				if err := os.WriteFile(filepath.Join(bucket, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home"})
			if tt.held == nil {
				// A first deploy stopped before it wrote its record.
				if _, err := Run(context.Background(), site, Options{Target: target}); err != nil {
					t.Fatal(err)
				}
				if err := os.Remove(filepath.Join(bucket, HeadersRecord)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Run(context.Background(), site, Options{Target: target, MaxDeletes: 100, Force: tt.force})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("got error %v, want none", err)
			case tt.wantErr != "" && (!errors.Is(err, ErrNotOurs) || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("got error %v, want ErrNotOurs naming %s", err, tt.wantErr)
			}
			if got := objects(t, bucket); !slices.Equal(got, tt.wantLeft) {
				t.Errorf("the folder holds %q, want %q", got, tt.wantLeft)
			}
			if data, _ := os.ReadFile(filepath.Join(bucket, "index.html")); tt.wantErr != "" && tt.held["index.html"] != "" && string(data) != tt.held["index.html"] {
				t.Errorf("index.html holds %q, want it left as %q", data, tt.held["index.html"])
			}
		})
	}
}

// TestRunWritesNothingInTheTemporaryFolder deploys to a folder without
// the system's temporary folder, which may be on another file system than
// the target (a /tmp in memory), whence no file can be renamed into it,
// and where a deploy killed half-way would leave its files: here it is
// one that cannot be written to.
func TestRunWritesNothingInTheTemporaryFolder(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), small)
	bucket, target := bucketFolder(t)
	if _, err := Run(context.Background(), site, Options{Target: target}); err != nil {
		t.Fatal(err)
	}
	if got := objects(t, bucket); len(got) != len(small)-2+1 {
		t.Errorf("the folder holds %q, want the site's %d files and the record", got, len(small)-2)
	}
}

// Only objects below the prefix are the site's: the rest of the bucket
// is neither listed nor deleted.
func TestRunPrefix(t *testing.T) {
	bucket, target := bucketFolder(t)
	if err := os.WriteFile(filepath.Join(bucket, "other.txt"), []byte("not ours"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home"})
	if _, err := Run(context.Background(), site, Options{Target: target, Prefix: "bulletin/"}); err != nil {
		t.Fatal(err)
	}
	if got, want := objects(t, bucket), []string{"bulletin/" + HeadersRecord, "bulletin/index.html", "other.txt"}; !slices.Equal(got, want) {
		t.Errorf("bucket holds %q, want %q", got, want)
	}
}

// TestRunRemovesEmptiedFolders deletes every file of a folder of a
// file:// target: the folder goes too, as a deploy of the site to an
// empty folder would not have made it, and a web server answers an
// empty folder's address (a deleted article's) with 403 rather than the
// site's 404 page. A folder the deploy left nothing in before, not the
// site's, stays, and so does the prefix's.
func TestRunRemovesEmptiedFolders(t *testing.T) {
	for _, prefix := range []string{"", "bulletin/"} {
		t.Run("prefix "+prefix, func(t *testing.T) {
			bucket, target := bucketFolder(t)
			if err := os.MkdirAll(filepath.Join(bucket, filepath.FromSlash(prefix), "theirs", "empty"), 0o755); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "public")
			site := writeSite(t, dir, map[string]string{"index.html": "home", "2025/03/gone/index.html": "A", "2025/03/kept/index.html": "B", "img/icons/a.svg": "<svg/>"})
			if _, err := Run(context.Background(), site, Options{Target: target, Prefix: prefix}); err != nil {
				t.Fatal(err)
			}
			site = writeSite(t, dir, map[string]string{"index.html": "home", "2025/03/kept/index.html": "B"})
			if _, err := Run(context.Background(), site, Options{Target: target, Prefix: prefix, MaxDeletes: 10}); err != nil {
				t.Fatal(err)
			}
			var folders []string
			root := filepath.Join(bucket, filepath.FromSlash(prefix))
			filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.IsDir() && p != root {
					rel, _ := filepath.Rel(root, p)
					folders = append(folders, filepath.ToSlash(rel))
				}
				return err
			})
			if want := []string{"2025", "2025/03", "2025/03/kept", "theirs", "theirs/empty"}; !slices.Equal(folders, want) {
				t.Errorf("target holds the folders %q, want %q", folders, want)
			}
		})
	}
}

// TestRunFileBecomesFolder deploys a site where a file became a folder
// of the same name, and one where a folder became a file, to a file://
// target, where the two cannot stand side by side: the object in the
// way is deleted before the upload that needs its name, where the
// upload failed (mkdir …: not a directory) on every deploy after.
func TestRunFileBecomesFolder(t *testing.T) {
	bucket, target := bucketFolder(t)
	dir := filepath.Join(t.TempDir(), "public")
	sites := []map[string]string{
		{"index.html": "home", "print.css": "a{}", "img/icons/a.svg": "<svg/>", "img/b.svg": "<svg/>"},
		{"index.html": "home", "print.css/x.css": "b{}", "img": "a file"},
		{"index.html": "home", "print.css": "c{}", "img/icons/a.svg": "<svg/>"},
	}
	for i, files := range sites {
		site := writeSite(t, dir, files)
		if _, err := Run(context.Background(), site, Options{Target: target, MaxDeletes: 10}); err != nil {
			t.Fatalf("deploy %d: %v", i+1, err)
		}
		want := append(slices.Sorted(maps.Keys(files)), HeadersRecord)
		slices.Sort(want)
		if got := objects(t, bucket); !slices.Equal(got, want) {
			t.Errorf("deploy %d: bucket holds %q, want %q", i+1, got, want)
		}
	}
}

// objects lists a file:// bucket's objects, without fileblob's side files.
func objects(t *testing.T, dir string) []string {
	t.Helper()
	b, err := blob.OpenBucket(context.Background(), "file://"+filepath.ToSlash(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var out []string
	it := b.List(nil)
	for {
		o, err := it.Next(context.Background())
		if err != nil {
			break
		}
		out = append(out, o.Key)
	}
	return out
}

func TestObjectHeaders(t *testing.T) {
	tests := []struct {
		name, ctype, cache string
		gzip, br           string // the Content-Encoding with Gzip, and with Brotli
	}{
		{"index.html", "text/html; charset=utf-8", "public, max-age=300", "gzip", "br"},
		{"2025/03/a/index.html", "text/html; charset=utf-8", "public, max-age=300", "gzip", "br"},
		{"feed.xml", "application/rss+xml; charset=utf-8", "public, max-age=300", "gzip", "gzip"},
		{"topics/x/atom.xml", "application/atom+xml; charset=utf-8", "public, max-age=300", "gzip", "gzip"},
		{"topics/x/feed.json", "application/feed+json; charset=utf-8", "public, max-age=300", "gzip", "gzip"},
		{"topics/x/key-dates.ics", "text/calendar; charset=utf-8", "public, max-age=300", "gzip", "gzip"},
		{"sitemap.xml", "application/xml", "public, max-age=300", "gzip", "gzip"},
		{"robots.txt", "text/plain; charset=utf-8", "public, max-age=300", "gzip", "gzip"},
		{"style.css", "text/css; charset=utf-8", "public, max-age=300", "gzip", "br"},
		{"visits.js", "text/javascript; charset=utf-8", "public, max-age=300", "gzip", "br"},
		{"images/chart.png", "image/png", "public, max-age=3600", "", ""},
		{"images/chart.svg", "image/svg+xml", "public, max-age=3600", "gzip", "br"},
		{"files/report.pdf", "application/pdf", "public, max-age=3600", "", ""},
		{"pagefind/2024/fragment/en_3ab.pf_fragment", "application/octet-stream", "public, max-age=31536000, immutable", "", ""},
		{"pagefind/2024/pagefind.en_9c1.pf_meta", "application/octet-stream", "public, max-age=31536000, immutable", "", ""},
		{"pagefind/2024/pagefind-entry.json", "application/json", "public, max-age=300", "gzip", "br"},
		{"pagefind/2024/index/en_77f.pf_index", "application/octet-stream", "public, max-age=31536000, immutable", "", ""},
		{"pagefind/2024/filter/en_1c0.pf_filter", "application/octet-stream", "public, max-age=31536000, immutable", "", ""},
		{"pagefind/2024/pagefind.js", "text/javascript; charset=utf-8", "public, max-age=300", "gzip", "br"},
		{"pagefind/2024/wasm.en.pagefind", "application/octet-stream", "public, max-age=3600", "", ""},
	}
	site := map[string]string{}
	for _, tt := range tests {
		site[tt.name] = "x"
	}
	dir := writeSite(t, filepath.Join(t.TempDir(), "public"), site)
	for _, compress := range []string{"", Gzip, Brotli} {
		files, err := readSite(dir, compress)
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]*file{}
		for _, f := range files {
			byName[f.name] = f
		}
		for _, tt := range tests {
			want := map[string]string{Gzip: tt.gzip, Brotli: tt.br}[compress]
			if f := byName[tt.name]; f.ctype != tt.ctype || f.cache != tt.cache || f.encoding != want {
				t.Errorf("%s, compressed %q: got %q, %q, %q; want %q, %q, %q", tt.name, compress, f.ctype, f.cache, f.encoding, tt.ctype, tt.cache, want)
			}
		}
	}
}

// TestFeedAliasGoesAsTheFeed deploys a site whose old feed addresses
// feed_aliases keeps: one with a file's name holds the feed's bytes, and
// goes as the feed does (its media type, and gzip, which feed readers
// read, rather than brotli), with the redirect beside it; a folder's
// holds a page that sends browsers on, which goes as a page. A site
// under a base path (/news/) redirects to the feed below it.
func TestFeedAliasGoesAsTheFeed(t *testing.T) {
	dir := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{
		"feed.xml":          "<rss/>",
		"index.xml":         "<rss/>",
		"feed/index.html":   `<meta http-equiv="refresh" content="0; url=https://example.org/feed.xml">`,
		"rss.xml":           "<rss/>",
		"_redirects":        "/index.xml /feed.xml 301\n/feed/ /feed.xml 301\n/rss.xml /news/feed.xml 301\n",
		"2025/a/index.html": "A",
	})
	files, err := readSite(dir, Brotli)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*file{}
	for _, f := range files {
		byName[f.name] = f
	}
	for _, tt := range []struct{ name, ctype, encoding string }{
		{"index.xml", "application/rss+xml; charset=utf-8", Gzip},
		{"rss.xml", "application/rss+xml; charset=utf-8", Gzip},
		{"feed/index.html", "text/html; charset=utf-8", Brotli},
	} {
		f := byName[tt.name]
		if f.ctype != tt.ctype || f.encoding != tt.encoding || f.cache != "public, max-age=300" || !strings.HasSuffix(f.redirect, "/feed.xml") {
			t.Errorf("%s: got %q, %q, %q, redirect %q; want %q, %q, public, max-age=300, redirect /feed.xml", tt.name, f.ctype, f.encoding, f.cache, f.redirect, tt.ctype, tt.encoding)
		}
	}
}

func TestReadSiteErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := readSite(dir, ""); err == nil || !strings.Contains(err.Error(), "build the site first") {
		t.Errorf("no manifest: got %v, want a hint to build first", err)
	}
	if err := os.WriteFile(filepath.Join(dir, output.ManifestFile), []byte("nothash index.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readSite(dir, ""); err == nil || !strings.Contains(err.Error(), output.ManifestFile+":1:") {
		t.Errorf("bad manifest: got %v, want the file and line", err)
	}
}

func TestRunMissingFolder(t *testing.T) {
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home"})
	target := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "missing"))
	_, err := Run(context.Background(), site, Options{Target: target})
	if err == nil || !strings.Contains(err.Error(), target) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("got %v, want an error naming %s that says it does not exist", err, target)
	}
}

// TestRunBadFolderParameter names a file:// target with a parameter
// fileblob does not know as it was given.
func TestRunBadFolderParameter(t *testing.T) {
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home"})
	_, target := bucketFolder(t)
	target += "?bogus=1"
	_, err := Run(context.Background(), site, Options{Target: target})
	if err == nil || !strings.Contains(err.Error(), `invalid query parameter "bogus"`) || strings.Contains(err.Error(), "no_tmp_dir") {
		t.Errorf("got %v, want the parameter bogus told, the target as given", err)
	}
}

// TestRunRefusesTheSources refuses a file:// target, with or without a
// prefix, that is, holds or lies in the output folder or a source
// folder, where its deletions would take the sources, and changes
// nothing there.
func TestRunRefusesTheSources(t *testing.T) {
	project := t.TempDir()
	t.Chdir(project)
	site := writeSite(t, filepath.Join(project, "public"), small)
	content := filepath.Join(project, "content")
	if err := os.MkdirAll(filepath.Join(content, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(content, "articles", "a.md")
	if err := os.WriteFile(article, []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	url := func(p string) string { return "file://" + filepath.ToSlash(p) }
	for _, tt := range []struct{ name, target, prefix string }{
		{"the content folder", url(content), ""},
		{"a folder inside it", url(filepath.Join(content, "articles")), ""},
		{"the project, holding it", url(project), ""},
		{"the project, with the content folder as prefix", url(project), "content/"},
		{"the output folder", url(site), ""},
		{"a folder inside the output folder", url(filepath.Join(site, "2025")), ""},
		// file://./ names a folder of the working directory, as gocloud
		// opens it, not one at the root.
		{"the content folder, relative", "file://./content", ""},
		{"the project, relative, with the content folder as prefix", "file://./", "content/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), site, Options{Target: tt.target, Prefix: tt.prefix, Sources: []string{content}})
			if err == nil || !strings.Contains(err.Error(), "deploy to a folder of its own") {
				t.Errorf("got %v, want the target refused", err)
			}
			if _, err := os.Stat(article); err != nil {
				t.Fatalf("the article: %v", err)
			}
		})
	}
	// A folder beside them is fine.
	_, target := bucketFolder(t)
	if _, err := Run(context.Background(), site, Options{Target: target, Sources: []string{content}}); err != nil {
		t.Errorf("a folder of its own: %v", err)
	}
	if err := os.Mkdir(filepath.Join(project, "bucket"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), site, Options{Target: "file://./bucket", Sources: []string{content}}); err != nil {
		t.Errorf("a folder of its own, relative: %v", err)
	}
	if _, err := os.Stat(filepath.Join(project, "bucket", "index.html")); err != nil {
		t.Errorf("a folder of its own, relative: %v", err)
	}
}

// A deploy that changed nothing reads no file it has read before: the
// sums file beside the output folder remembers what it sent.
func TestSumsSpareReading(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	_, target := bucketFolder(t)
	site := writeSite(t, dir, map[string]string{"index.html": "home", "a.html": "a"})
	if _, err := Run(context.Background(), site, Options{Target: target, Compress: Brotli}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "a.html"), 0); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() == 0 {
		// root reads anything: remove the file instead, which the
		// manifest still lists.
		os.Remove(filepath.Join(dir, "a.html"))
	}
	res, err := Run(context.Background(), site, Options{Target: target, Compress: Brotli})
	if err != nil {
		t.Fatalf("second deploy read a file it knew: %v", err)
	}
	if res.Unchanged != 2 {
		t.Errorf("got %d unchanged, want 2", res.Unchanged)
	}
}

// TestRunSendsNewHeaders wants a file sent again when the headers it
// would be served with change though its bytes do not, as after a new
// version of bulletin changes a cache rule; and every file sent once to
// a bucket whose headers record is gone.
func TestRunSendsNewHeaders(t *testing.T) {
	bucket, target := bucketFolder(t)
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home", "style.css": "a{}", "feed.xml": "<rss/>"})
	if _, err := Run(context.Background(), site, Options{Target: target}); err != nil {
		t.Fatal(err)
	}
	b, err := blob.OpenBucket(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	// The record as an older rule for style.css would have left it.
	zr, err := b.NewReader(ctx, HeadersRecord, nil)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gzip.NewReader(zr)
	if err != nil {
		t.Fatal(err)
	}
	record, err := io.ReadAll(gz)
	zr.Close()
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(record), "text/css; charset=utf-8\tpublic, max-age=300", "text/css; charset=utf-8\tpublic, max-age=86400", 1)
	if old == string(record) {
		t.Fatalf("the record has no line for style.css as expected:\n%s", record)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, old)
	zw.Close()
	if err := b.WriteAll(ctx, HeadersRecord, buf.Bytes(), nil); err != nil {
		t.Fatal(err)
	}
	sent := func() []string { return deployed(t, site, Options{Target: target}) }
	if got, want := sent(), []string{"update style.css"}; !slices.Equal(got, want) {
		t.Errorf("after a rule change: sent %q, want %q", got, want)
	}
	if got := sent(); len(got) != 0 {
		t.Errorf("with nothing changed: sent %q, want nothing", got)
	}
	if err := b.Delete(ctx, HeadersRecord); err != nil {
		t.Fatal(err)
	}
	if got, want := sent(), []string{"update style.css", "update feed.xml", "update index.html"}; !slices.Equal(got, want) {
		t.Errorf("without a record: sent %q, want %q", got, want)
	}
	if got, want := objects(t, bucket), []string{HeadersRecord, "feed.xml", "index.html", "style.css"}; !slices.Equal(got, want) {
		t.Errorf("bucket holds %q, want %q", got, want)
	}
}

// rewriteRecord replaces the bucket's headers record, gzipped, by what
// edit makes of it.
func rewriteRecord(t *testing.T, b *blob.Bucket, edit func(string) string) {
	t.Helper()
	ctx := context.Background()
	data, err := b.ReadAll(ctx, HeadersRecord)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	record, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, edit(string(record)))
	zw.Close()
	if err := b.WriteAll(ctx, HeadersRecord, buf.Bytes(), nil); err != nil {
		t.Fatal(err)
	}
}

// TestRunTrustsTheRecord wants a deploy from a machine without the sums
// file, as in CI, to find unchanged files from the headers record alone,
// reading and compressing none of them; an object whose bytes were
// changed in the bucket sent again; and a record that names no files (as
// an older bulletin wrote) to be compared file by file, sending nothing
// that did not change.
func TestRunTrustsTheRecord(t *testing.T) {
	_, target := bucketFolder(t)
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home", "style.css": "a{}", "feed.xml": "<rss/>"})
	ctx := context.Background()
	o := Options{Target: target, Compress: Brotli}
	if _, err := Run(ctx, site, o); err != nil {
		t.Fatal(err)
	}
	sumsFile := output.Beside(site, "deploy")
	sent := func() []string { return deployed(t, site, o) }

	if err := os.Remove(sumsFile); err != nil {
		t.Fatal(err)
	}
	if got := sent(); len(got) != 0 {
		t.Errorf("without the sums file: sent %q, want nothing", got)
	}
	if _, err := os.Stat(sumsFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("without the sums file, a deploy that sent nothing compressed files to learn their MD5s (the sums file was written: %v)", err)
	}

	b, err := blob.OpenBucket(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.WriteAll(ctx, "style.css", []byte("changed in the bucket"), &blob.WriterOptions{ContentType: "text/css; charset=utf-8", CacheControl: "public, max-age=300", ContentEncoding: Brotli}); err != nil {
		t.Fatal(err)
	}
	if got, want := sent(), []string{"update style.css"}; !slices.Equal(got, want) {
		t.Errorf("after style.css changed in the bucket: sent %q, want %q", got, want)
	}

	// The record as an older bulletin wrote it: each key and its headers.
	rewriteRecord(t, b, func(r string) string {
		var old strings.Builder
		for line := range strings.Lines(strings.TrimPrefix(r, recordVersion+"\n")) {
			f := strings.SplitN(line, "\t", 4)
			old.WriteString(f[0] + "\t" + f[3])
		}
		return old.String()
	})
	if got := sent(); len(got) != 0 {
		t.Errorf("with a record that names no files: sent %q, want nothing", got)
	}
}

// TestRunDamagedRecord damages the headers record, cut short or not
// compressed at all: it still says a deploy wrote to the folder, so the
// next deploy goes ahead, deleting what the site no longer has, and
// sends every file again once, not knowing how each was sent.
func TestRunDamagedRecord(t *testing.T) {
	tests := []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] }},
		{"not compressed", func([]byte) []byte { return []byte("index.html\ttext/html\n") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bucket, target := bucketFolder(t)
			dir := filepath.Join(t.TempDir(), "public")
			site := writeSite(t, dir, map[string]string{"index.html": "home", "a.html": "a"})
			o := Options{Target: target, MaxDeletes: 10}
			if _, err := Run(context.Background(), site, o); err != nil {
				t.Fatal(err)
			}
			record := filepath.Join(bucket, HeadersRecord)
			data, err := os.ReadFile(record)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(record, tt.damage(data), 0o644); err != nil {
				t.Fatal(err)
			}
			site = writeSite(t, dir, map[string]string{"index.html": "home"})
			if got, want := deployed(t, site, o), []string{"update index.html", "delete a.html"}; !slices.Equal(got, want) {
				t.Errorf("sent %q, want %q", got, want)
			}
		})
	}
}

// deployed deploys site as o says and gives the changes made, each as
// its op and name.
func deployed(t *testing.T, site string, o Options) []string {
	t.Helper()
	res, err := Run(context.Background(), site, o)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range res.Changes {
		names = append(names, c.Op.String()+" "+c.Name)
	}
	return names
}

// TestBuiltFor reads the base URL a site was built for from its
// robots.txt, which names its sitemap.
func TestBuiltFor(t *testing.T) {
	dir := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{
		"robots.txt": "User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\n",
	})
	if got := BuiltFor(dir); got != "https://example.org/news/" {
		t.Errorf("BuiltFor = %q, want https://example.org/news/", got)
	}
	if got := BuiltFor(t.TempDir()); got != "" {
		t.Errorf("BuiltFor of a folder without robots.txt = %q, want nothing", got)
	}
}

// TestRunFolderNames refuses, before it sends anything, a deploy to a
// file:// folder of a site with a file the folder cannot hold as named.
func TestRunFolderNames(t *testing.T) {
	for _, name := range []string{"files/data.attrs", "files/a__0x41__b.txt"} {
		bucket, target := bucketFolder(t)
		site := writeSite(t, filepath.Join(t.TempDir(), "public"), map[string]string{"index.html": "home", name: "x"})
		_, err := Run(context.Background(), site, Options{Target: target})
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got error %v, want one naming it", name, err)
		}
		if got := objects(t, bucket); len(got) > 0 {
			t.Errorf("%s: the folder holds %q, want nothing sent", name, got)
		}
	}
}

// TestRunRefusesLinks refuses a file:// target holding a symbolic link,
// below it or as a part of the prefix, through which the deploy would
// write outside it, and writes nothing there.
func TestRunRefusesLinks(t *testing.T) {
	site := writeSite(t, filepath.Join(t.TempDir(), "public"), small)
	for _, tt := range []struct{ name, link, prefix string }{
		{"a folder of the site", "2025", ""},
		{"a folder of the prefix", "www", "www/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, target := bucketFolder(t)
			victim := t.TempDir()
			link := filepath.Join(dir, tt.link)
			if err := os.Symlink(victim, link); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), site, Options{Target: target, Prefix: tt.prefix})
			if err == nil || !strings.Contains(err.Error(), link+" is a symbolic link") {
				t.Errorf("got %v, want the link %s refused", err, link)
			}
			if entries, _ := os.ReadDir(victim); len(entries) > 0 {
				t.Errorf("the deploy wrote %s through the link", entries[0].Name())
			}
		})
	}
	// The target itself may be a link to its folder.
	dir, _ := bucketFolder(t)
	link := filepath.Join(t.TempDir(), "target")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), site, Options{Target: "file://" + filepath.ToSlash(link)}); err != nil {
		t.Errorf("a target that is a link to its folder: %v", err)
	}
}

// TestRunRefusesAFileChangedSinceTheBuild refuses to send a file whose
// bytes are not those the manifest gives: the record would say the
// object holds the file the build wrote, and once a build wrote that
// file again, every deploy after would keep the changed bytes in the
// bucket as unchanged.
func TestRunRefusesAFileChangedSinceTheBuild(t *testing.T) {
	for _, compress := range []string{"", Brotli} {
		t.Run("compress "+cmp.Or(compress, "none"), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			bucket, target := bucketFolder(t)
			site := writeSite(t, dir, map[string]string{"index.html": "home", "style.css": "a{}"})
			if err := os.WriteFile(filepath.Join(dir, "style.css"), []byte("a{color:red}"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), site, Options{Target: target, Compress: compress})
			want := filepath.ToSlash(filepath.Join(dir, "style.css")) + ": changed since the build wrote it (its bytes are not those " + output.ManifestFile + " gives): build again, then deploy"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("got %v, want %q", err, want)
			}
			if _, err := os.Stat(filepath.Join(bucket, "style.css")); err == nil {
				t.Error("the changed file was sent")
			}
		})
	}
}
