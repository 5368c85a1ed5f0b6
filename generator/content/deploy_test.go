package content

import (
	"strings"
	"testing"
)

func TestLoadDeploySettings(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want Deploy
	}{
		{
			name: "none",
			yaml: lines("title: Bulletin"),
			want: Deploy{MaxDeletes: DefaultMaxDeletes},
		},
		{
			name: "S3-compatible store, with a prefix",
			yaml: lines("deploy:", "  target: s3://bulletin?endpoint=https://storage.example.org&use_path_style=true&region=auto", "  prefix: news", "  max_deletes: 1000", "  compress: br"),
			want: Deploy{Target: "s3://bulletin?endpoint=https://storage.example.org&use_path_style=true&region=auto", Prefix: "news/", MaxDeletes: 1000, Compress: "br"},
		},
		{
			name: "gzip",
			yaml: lines("deploy:", "  target: gs://bulletin", "  compress: gzip"),
			want: Deploy{Target: "gs://bulletin", MaxDeletes: DefaultMaxDeletes, Compress: "gzip"},
		},
		{
			name: "no compression, said",
			yaml: lines("deploy:", "  target: gs://bulletin", "  compress: none"),
			want: Deploy{Target: "gs://bulletin", MaxDeletes: DefaultMaxDeletes},
		},
		{
			name: "a folder, and no deletions without -force",
			yaml: lines("deploy: {target: 'file:///srv/bulletin', max_deletes: 0}"),
			want: Deploy{Target: "file:///srv/bulletin", MaxDeletes: 0},
		},
		{
			name: "prefix with its slash",
			yaml: lines("deploy:", "  target: gs://bulletin", "  prefix: a/b/"),
			want: Deploy{Target: "gs://bulletin", Prefix: "a/b/", MaxDeletes: DefaultMaxDeletes},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustLoad(t, files(map[string]string{"site.yaml": tt.yaml})).Settings.Deploy
			if got != tt.want {
				t.Errorf("input:\n%s\ngot %+v, want %+v", tt.yaml, got, tt.want)
			}
		})
	}
}

func TestLoadDeploySettingsErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "target that is a web address",
			yaml: lines("title: Bulletin", "deploy:", "  target: https://bulletin.example.org/"),
			want: []string{`content/site.yaml:3: deploy.target: "https://bulletin.example.org/" is not a bucket URL: write it like s3://my-bucket?region=eu-west-2, gs://my-bucket, azblob://my-container or file:///srv/bulletin`},
		},
		{
			name: "credentials in the target",
			yaml: lines("deploy:", "  target: s3://AKIAEXAMPLE:secret@bulletin"),
			want: []string{`content/site.yaml:2: deploy.target: "s3://AKIAEXAMPLE:secret@bulletin" has a user name or password in it: remove it, and give credentials in the environment (AWS_ACCESS_KEY_ID, GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_KEY) or the provider's own files`},
		},
		{
			name: "credentials in the target's endpoint",
			yaml: lines("deploy:", "  target: s3://bulletin?endpoint=https://AKIAEXAMPLE:secret@s3.example.org&region=auto"),
			want: []string{`content/site.yaml:2: deploy.target: "s3://bulletin?endpoint=https://AKIAEXAMPLE:secret@s3.example.org&region=auto" has a user name or password in it: remove it, and give credentials in the environment (AWS_ACCESS_KEY_ID, GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_KEY) or the provider's own files`},
		},
		{
			name: "target without a bucket",
			yaml: lines("deploy:", "  target: s3:///news"),
			want: []string{`content/site.yaml:2: deploy.target: "s3:///news" names no bucket: write it like s3://my-bucket`},
		},
		{
			name: "empty target",
			yaml: lines("deploy:", "  target: ''"),
			want: []string{"content/site.yaml:2: deploy.target: is empty: write some text or remove the field"},
		},
		{
			name: "prefix that climbs out",
			yaml: lines("deploy:", "  target: s3://bulletin", "  prefix: ../other"),
			want: []string{`content/site.yaml:3: deploy.prefix: "../other" is not a folder of the bucket: write a relative path such as bulletin/, without a leading slash, . or .. parts`},
		},
		{
			name: "prefix from the root",
			yaml: lines("deploy:", "  target: s3://bulletin", "  prefix: /news/"),
			want: []string{`content/site.yaml:3: deploy.prefix: "/news/" is not a folder of the bucket: write a relative path such as bulletin/, without a leading slash, . or .. parts`},
		},
		{
			name: "prefix that is the bucket itself",
			yaml: lines("deploy:", "  target: s3://bulletin", "  prefix: ./"),
			want: []string{`content/site.yaml:3: deploy.prefix: "./" is not a folder of the bucket: write a relative path such as bulletin/, without a leading slash, . or .. parts`},
		},
		{
			name: "negative max_deletes",
			yaml: lines("deploy:", "  target: s3://bulletin", "  max_deletes: -1"),
			want: []string{`content/site.yaml:3: deploy.max_deletes: got the number -1, want a whole number of at least 0`},
		},
		{
			name: "max_deletes too large to read",
			yaml: lines("deploy:", "  target: s3://bulletin", "  max_deletes: 99999999999999999999"),
			want: []string{`content/site.yaml:3: deploy.max_deletes: 99999999999999999999 is larger than a build can count (9223372036854775807): write a smaller whole number, of at least 0, such as 1000`},
		},
		{
			name: "compression unknown",
			yaml: lines("deploy:", "  target: s3://bulletin", "  compress: zstd"),
			want: []string{`content/site.yaml:3: deploy.compress: "zstd" is not a compression: write gzip, br (brotli for pages, styles and scripts; gzip for feeds, calendars, the sitemap and robots.txt) or none`},
		},
		{
			name: "credentials as fields",
			yaml: lines("deploy:", "  target: s3://bulletin", "  secret_key: abc"),
			want: []string{`content/site.yaml:3: deploy.secret_key: unknown field: known fields are target, prefix, max_deletes, compress`},
		},
		{
			name: "misspelt field",
			yaml: lines("deploy:", "  taget: s3://bulletin"),
			want: []string{`content/site.yaml:2: deploy.taget: unknown field: did you mean "target"?`},
		},
		{
			name: "deploy as text",
			yaml: lines("deploy: s3://bulletin"),
			want: []string{`content/site.yaml:1: deploy: got the text "s3://bulletin", want a map of target, prefix, max_deletes, compress: write it as {target: s3://bulletin}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, tt.yaml, loadErrors(t, files(map[string]string{"site.yaml": tt.yaml})), tt.want)
		})
	}
}

// TestPrefixNote notes a deploy prefix that base_url does not end in,
// and only such a prefix.
func TestPrefixNote(t *testing.T) {
	for _, tt := range []struct {
		prefix, base string
		want         string // how the note ends; "" for none
	}{
		{"", "https://example.org/", ""},
		{"bulletin/", "https://example.org/bulletin/", ""},
		{"bulletin/", "https://example.org/news/bulletin/", ""},
		{"bulletin/", "https://example.org/", "serve bulletin/ at the root (a CDN's origin path /bulletin), or set base_url to https://example.org/bulletin/ and build again"},
		{"a/b/", "https://example.org/news/", "or set base_url to https://example.org/news/a/b/ and build again"},
		{"bulletin/", "https://example.org/other-bulletin/", "or set base_url to https://example.org/other-bulletin/bulletin/ and build again"},
	} {
		got := PrefixNote(tt.prefix, tt.base)
		if tt.want == "" && got != "" || !strings.HasSuffix(got, tt.want) || tt.want != "" && !strings.HasPrefix(got, "note: ") {
			t.Errorf("PrefixNote(%q, %q) = %q, want a note ending %q", tt.prefix, tt.base, got, tt.want)
		}
	}
}
