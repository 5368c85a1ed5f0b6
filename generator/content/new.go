package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteNew writes a new article of the title, naming the topics and the
// regulators, as a draft dated today in the time zone of the settings
// of the content folder dir, at NewArticlePath inside it, and gives the
// file's path. It writes nothing outside dir, nor over a file there.
func WriteNew(dir, title string, topics, regulators []string) (string, error) {
	// A mistyped -content would start a content folder of its own.
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", fmt.Errorf("new: the content folder %s does not exist: give the folder that holds site.yaml and articles/ with -content, or make it first", dir)
	}
	settings, err := LoadSettings(os.DirFS(dir), filepath.ToSlash(dir))
	if err != nil {
		return "", err
	}
	today := time.Now().In(settings.Location)
	rel := filepath.FromSlash(NewArticlePath(title, today))
	name := filepath.Join(dir, rel)
	// Written inside the content folder alone: a build refuses a link in
	// it, and one on the way could lead out of it.
	if link := linkOnTheWay(dir, filepath.Dir(rel)); link != "" {
		return "", fmt.Errorf("new: %s is a link, which a build refuses in the content folder: make it a folder, and move what it leads to into it", link)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("new: %w", err)
	}
	defer root.Close()
	if err := root.MkdirAll(filepath.Dir(rel), 0o755); err != nil {
		return "", fmt.Errorf("new: can't make the folder of %s: %w", name, err)
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: choose another title or edit that file", name)
	}
	if err != nil {
		return "", fmt.Errorf("new: can't write %s: %w", name, err)
	}
	if _, err := f.Write(Skeleton(title, today, topics, regulators, &settings)); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return name, nil
}

// linkOnTheWay gives the first folder of rel, a path inside dir, that is
// a symbolic link, as dir joined with it; "" when none is.
func linkOnTheWay(dir, rel string) string {
	p := dir
	for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return "" // not there yet: made as a folder
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return p
		}
	}
	return ""
}
