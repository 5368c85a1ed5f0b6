package importer

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// contentMount gives the folder a Hugo site's own module mounts give as
// its content, from the site's settings f, their keys in lower case:
// where the site mounts anything as content, Hugo reads its pages from
// those mounts alone, and no longer reads contentDir, the site's or a
// language's. mounted is false where it mounts none. The import reads
// one content folder, so a site that mounts several, or a folder as a
// part of its content (extra at content/extra), whose pages that folder
// would not hold, is refused, named; a file mounted there
// (README.md at content/_index.md) is no folder of pages.
func contentMount(fsys fs.FS, f fields, file, source string) (dir string, mounted bool, err error) {
	module, _ := f["module"].(map[string]any)
	list, _ := lowerKeys(fields(module))["mounts"].([]any)
	var whole, parts []string
	for _, m := range list {
		mount, _ := m.(map[string]any)
		mf := lowerKeys(fields(mount))
		target := path.Clean(strings.TrimPrefix(mf.text("target"), "/"))
		if target != "content" && !strings.HasPrefix(target, "content/") {
			continue
		}
		mounted = true
		src := mf.text("source")
		switch {
		case src == "":
		case target == "content":
			whole = append(whole, src)
		case !isFile(fsys, src):
			parts = append(parts, src+" at "+target)
		}
	}
	switch {
	case !mounted:
		return "", false, nil
	case len(whole) == 0 && len(parts) == 0:
		return "", true, fmt.Errorf("importer: %s: module mounts no folder as the site's content, so Hugo reads its pages from none, and the import has none to read: mount the folder of the site's pages at content", file)
	case len(whole) != 1 || len(parts) > 0:
		all := slices.Concat(whole, parts)
		return "", true, fmt.Errorf("importer: %s: module mounts %d %s as the site's content (%s), and the import reads one, as the whole of it: import each as a site of its own, its folder given as the content folder with contentDir and no content mounts", file, len(all), plural(len(all), "folder", "folders"), strings.Join(all, ", "))
	}
	if dir, err = contentDirIn(whole[0], source); err != nil {
		return "", true, fmt.Errorf("importer: %s: module mounts %q as the site's content, which is not a folder inside the site, and the import reads nothing outside the folder it is given: import a copy of the site with its content inside it", file, whole[0])
	}
	return dir, true, nil
}

// isFile says whether the site's file system holds a file at the slash
// path p.
func isFile(fsys fs.FS, p string) bool {
	info, err := fs.Stat(fsys, path.Clean(p))
	return err == nil && info.Mode().IsRegular()
}
