package importer

import (
	"fmt"
	"path"
	"strings"
)

// contentMount gives the folder a Hugo site's own module mounts give as
// its content, from the site's settings f, their keys in lower case:
// where the site mounts anything as content, Hugo reads its pages from
// those mounts alone, and no longer reads contentDir, the site's or a
// language's. mounted is false where it mounts none. The import reads
// one content folder, so a site that mounts several is refused, named.
func contentMount(f fields, file, source string) (dir string, mounted bool, err error) {
	module, _ := f["module"].(map[string]any)
	list, _ := lowerKeys(fields(module))["mounts"].([]any)
	var sources []string
	for _, m := range list {
		mount, _ := m.(map[string]any)
		mf := lowerKeys(fields(mount))
		target := path.Clean(strings.TrimPrefix(mf.text("target"), "/"))
		if target != "content" && !strings.HasPrefix(target, "content/") {
			continue
		}
		mounted = true
		if target == "content" && mf.text("source") != "" {
			sources = append(sources, mf.text("source"))
		}
	}
	switch {
	case !mounted:
		return "", false, nil
	case len(sources) != 1:
		return "", true, fmt.Errorf("importer: %s: module mounts %d folders as the site's content (%s), and the import reads one: import each as a site of its own, its folder given as the content folder with contentDir and no content mounts", file, len(sources), strings.Join(sources, ", "))
	}
	if dir, err = contentDirIn(sources[0], source); err != nil {
		return "", true, fmt.Errorf("importer: %s: module mounts %q as the site's content, which is not a folder inside the site, and the import reads nothing outside the folder it is given: import a copy of the site with its content inside it", file, sources[0])
	}
	return dir, true, nil
}
