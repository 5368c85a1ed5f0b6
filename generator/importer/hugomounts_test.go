package importer

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestHugoContentMounts reads the content folder a site's own module
// mounts give, as Hugo does: where the site mounts its content, Hugo no
// longer reads contentDir, the site's or a language's, so a language
// that names a folder the site does not have (as Doks' starter does)
// takes nothing away.
func TestHugoContentMounts(t *testing.T) {
	post := "---\ntitle: Hello\ndate: 2023-01-02\n---\nHi.\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string // the error, if the import stops
	}{
		{"in the config folder", map[string]string{
			"config/_default/hugo.toml":      "baseURL = 'https://example.org/'\n",
			"config/_default/languages.toml": "[en]\n  contentDir = 'content/en'\n  weight = 10\n",
			"config/_default/module.toml":    "[[mounts]]\n  source = 'assets'\n  target = 'assets'\n[[mounts]]\n  source = 'content'\n  target = 'content'\n",
			"content/blog/hello.md":          post,
		}, ""},
		{"in the config file, from another folder", map[string]string{
			"hugo.yaml":           "baseURL: https://example.org/\ncontentDir: content\nmodule:\n  mounts:\n    - source: posts\n      target: content\n",
			"posts/blog/hello.md": post,
		}, ""},
		{"a folder outside the site", map[string]string{
			"hugo.yaml":             "module:\n  mounts:\n    - source: ../posts\n      target: content\n",
			"content/blog/hello.md": post,
		}, `module mounts "../posts" as the site's content, which is not a folder inside the site`},
		{"two folders", map[string]string{
			"hugo.yaml":           "baseURL: https://example.org/\nmodule:\n  mounts:\n    - source: posts\n      target: content\n    - source: more\n      target: content\n",
			"posts/blog/hello.md": post,
		}, "module mounts 2 folders as the site's content (posts, more)"},
		{"the content folder, and a file as the home page", map[string]string{
			"hugo.yaml":             "baseURL: https://example.org/\nmodule:\n  mounts:\n    - source: content\n      target: content\n    - source: README.md\n      target: content/_index.md\n",
			"README.md":             "# The site\n",
			"content/blog/hello.md": post,
		}, ""},
		{"the content folder, and another as a part of it", map[string]string{
			"hugo.yaml":             "baseURL: https://example.org/\nmodule:\n  mounts:\n    - source: content\n      target: content\n    - source: extra\n      target: content/extra\n",
			"content/blog/hello.md": post,
			"extra/other.md":        post,
		}, "module mounts 2 folders as the site's content (content, extra at content/extra)"},
		{"a folder as a part of the content alone", map[string]string{
			"hugo.yaml":          "baseURL: https://example.org/\nmodule:\n  mounts:\n    - source: docs\n      target: content/docs\n",
			"docs/blog/hello.md": post,
		}, "module mounts 1 folder as the site's content (docs at content/docs)"},
		{"a file alone", map[string]string{
			"hugo.yaml":             "baseURL: https://example.org/\nmodule:\n  mounts:\n    - source: README.md\n      target: content/_index.md\n",
			"README.md":             "# The site\n",
			"content/blog/hello.md": post,
		}, "module mounts no folder as the site's content"},
		{"two folders, in the config folder", map[string]string{
			"config/_default/hugo.toml":   "baseURL = 'https://example.org/'\n",
			"config/_default/module.toml": "[[mounts]]\n  source = 'posts'\n  target = 'content'\n[[mounts]]\n  source = 'more'\n  target = 'content'\n",
			"posts/blog/hello.md":         post,
		}, filepath.Join("config", "_default", "module.toml") + ": module mounts 2 folders"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tree(t, tt.files)
			dest := t.TempDir()
			r, err := Run(Options{Source: src, Dest: dest})
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("got %v, want an error saying %q", err, tt.want)
				}
				return
			}
			if err != nil || r.Written != 1 || r.Problems() > 0 {
				t.Fatalf("wrote %d, %d problems (%v); skipped %v", r.Written, r.Problems(), err, r.Skipped)
			}
			wantArticle(t, filepath.Join(dest, "articles", "2023", "2023-01-02-hello.md"), "- /blog/hello/\n")
		})
	}
}
