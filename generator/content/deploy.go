package content

import (
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// Deploy is the deploy block of site.yaml: where bulletin deploy
// publishes the built site. It names a bucket and never holds
// credentials, which come from the environment or the provider's own
// files.
type Deploy struct {
	// Target is the bucket's URL: s3://bucket?region=eu-west-2 (with
	// endpoint=… for an S3-compatible store), gs://bucket,
	// azblob://container or file:///path/to/folder.
	Target string
	// Prefix is the folder of the bucket the site goes into, "" or a
	// path ending in "/"; deploy deletes nothing outside it.
	Prefix string
	// MaxDeletes is the most objects one deploy may delete without -force.
	MaxDeletes int
	// Compress names the Content-Encoding text files (pages, feeds,
	// styles, scripts) are compressed with: "" for none, "gzip", or "br"
	// (brotli, for what browsers fetch; see package deploy).
	Compress string
}

// CheckCompress says what is wrong with a deploy's compression, or
// returns nil.
func CheckCompress(c string) error {
	if c != "" && c != "gzip" && c != "br" {
		return fmt.Errorf("%q is not a compression: write gzip, br (brotli for pages, styles and scripts; gzip for feeds, calendars, the sitemap and robots.txt) or none", c)
	}
	return nil
}

// DefaultMaxDeletes is the most objects a deploy deletes without -force
// when site.yaml sets no max_deletes.
const DefaultMaxDeletes = 256

// DeploySchemes are the kinds of bucket a deploy target may name.
var DeploySchemes = []string{"s3", "gs", "azblob", "file"}

// deploySettings reads the deploy block.
func deploySettings(d *decoder, v *node) Deploy {
	dep := Deploy{MaxDeletes: DefaultMaxDeletes}
	d.each("deploy", v, []string{"target", "prefix", "max_deletes", "compress"}, func(key string, n *node) {
		switch key {
		case "target":
			if s := d.text("deploy.target", n); s != "" {
				if err := CheckDeployTarget(s); err != nil {
					d.fail(n.line, "deploy.target: %v", err)
				} else {
					dep.Target = s
				}
			}
		case "prefix":
			p, err := CleanDeployPrefix(d.str("deploy.prefix", n))
			if err != nil {
				d.fail(n.line, "deploy.prefix: %v", err)
			}
			dep.Prefix = p
		case "max_deletes":
			dep.MaxDeletes = d.integer("deploy.max_deletes", n, 0)
		case "compress":
			c := d.text("deploy.compress", n)
			if c == "none" {
				c = ""
			}
			if err := CheckCompress(c); err != nil {
				d.fail(n.line, "deploy.compress: %v", err)
			} else {
				dep.Compress = c
			}
		}
	})
	return dep
}

// CheckDeployTarget says what is wrong with a deploy target URL, or
// returns nil.
func CheckDeployTarget(target string) error {
	u, err := url.Parse(target)
	switch {
	case err != nil || !slices.Contains(DeploySchemes, u.Scheme) || u.Opaque != "":
		return fmt.Errorf("%q is not a bucket URL: write it like s3://my-bucket?region=eu-west-2, gs://my-bucket, azblob://my-container or file:///srv/bulletin", target)
	case u.User != nil || userInQuery(u):
		return fmt.Errorf("%q has a user name or password in it: remove it, and give credentials in the environment (AWS_ACCESS_KEY_ID, GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_KEY) or the provider's own files", target)
	case u.Scheme == "file" && u.Path == "", u.Scheme != "file" && u.Host == "":
		return fmt.Errorf("%q names no bucket: write it like %s", target, map[string]string{
			"s3": "s3://my-bucket", "gs": "gs://my-bucket", "azblob": "azblob://my-container", "file": "file:///srv/bulletin"}[u.Scheme])
	}
	return nil
}

// userInQuery reports whether a parameter of u is an address with a
// user name or password in it (endpoint=https://key:secret@host), which
// every deploy would print with the target.
func userInQuery(u *url.URL) bool {
	for _, values := range u.Query() {
		for _, v := range values {
			if p, err := url.Parse(v); err == nil && p.User != nil {
				return true
			}
		}
	}
	return false
}

// CleanDeployPrefix gives a deploy prefix ending in "/" ("" for none), or
// says what is wrong with it: it must be a plain relative path, so that
// a deploy cannot delete outside it.
func CleanDeployPrefix(prefix string) (string, error) {
	p := strings.TrimSuffix(prefix, "/")
	if p == "" {
		return "", nil
	}
	if p == "." || !fs.ValidPath(p) || strings.Contains(p, `\`) || strings.ContainsFunc(p, unicode.IsControl) {
		return "", fmt.Errorf("%q is not a folder of the bucket: write a relative path such as bulletin/, without a leading slash, . or .. parts", prefix)
	}
	for part := range strings.SplitSeq(p, "/") {
		if strings.TrimSpace(part) != part {
			return "", fmt.Errorf("%q has a part that starts or ends with a space, which shows as no name in a bucket's listing: write one without, such as bulletin/", prefix)
		}
	}
	return p + "/", nil
}

// PrefixNote says how readers reach a site whose base URL is base,
// deployed below prefix (as CleanDeployPrefix gives it), when base's
// path does not end in it: its pages link to their styles and to each
// other from the host's root, so a CDN must serve the prefix there, or
// base_url must name it. It is "" when there is no prefix, or base ends
// in it.
func PrefixNote(prefix, base string) string {
	u, err := url.Parse(base)
	if prefix == "" || err != nil || strings.HasSuffix(u.Path, "/"+prefix) {
		return ""
	}
	want := *u
	want.Path = strings.TrimSuffix(u.Path, "/") + "/" + prefix
	return fmt.Sprintf("note: the site goes into %s of the bucket, but was built for %s, so its pages link to /style.css and to each other from the host's root: serve %s at the root (a CDN's origin path /%s), or set base_url to %s and build again", prefix, base, prefix, strings.TrimSuffix(prefix, "/"), want.String())
}
