package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/render"
)

// Counted says how many of a thing: "1 error", "2 errors".
func Counted(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// Check runs the pipeline up to the files, writing nothing, and gives
// every problem it finds: what stops a build, or else what lint finds.
func Check(o Options) content.Errors {
	// It reads as build does, keeping no cache of git's history.
	set, hist, err := load(context.Background(), o, os.DirFS(o.Content), nil, nil, history.Find(o.Content), "", nil)
	if set == nil {
		return content.AsErrors(err)
	}
	s, files, stop, found := gatherProblems(o, set, hist, err, o.Now, nil, true)
	met, found := madePages(context.Background(), o, files, nil, found)
	stop = slices.Concat(stop, met, unopened(os.DirFS(o.Content), o.Content, s))
	if hist != nil && hist.Hidden {
		// A clean check must not hide that a part of it could not run.
		found = append(found, &content.Error{File: set.Dir, Warning: true,
			Msg: strings.TrimPrefix(hist.Reason, "no version history: ") + ": feed ids and first addresses were not compared with how articles were first published"})
	}
	return slices.Concat(stop, found).ByPlace()
}

// madePages makes every page of files (nil: none), writing nothing, for
// the errors templates give only on some pages, as check does and as a
// build that stops does, so that they are told in the same run as the
// problems that stopped it. A page that made, if not nil, says the last
// build made from the same key is passed over: made then, it meets no
// error now. A theme's mistake that pages met is told as they met it,
// with the pages: found, what lint found, loses it.
func madePages(ctx context.Context, o Options, files *render.Files, made func(name, key string) bool, found content.Errors) (met, rest content.Errors) {
	if files == nil || !files.Themed() {
		return nil, found
	}
	met = content.AsErrors(files.Write(ctx, checking{made}))
	return met, untold(o, met, found)
}

// untold gives what lint found, less the theme's mistakes that pages met
// (met), which are told as the pages met them.
func untold(o Options, met, found content.Errors) content.Errors {
	theme := filepath.ToSlash(o.Templates) + "/"
	return slices.DeleteFunc(found, func(f *content.Error) bool {
		return strings.HasPrefix(f.File, theme) && slices.ContainsFunc(met, func(m *content.Error) bool { return m.File == f.File && m.Line == f.Line })
	})
}

// checking is a render.Sink that keeps nothing, and a render.Reuser that
// passes over the files made says the last build made from their keys.
type checking struct{ made func(name, key string) bool }

func (checking) Write(string, []byte) error { return nil }

func (c checking) Reuse(name, key string) bool { return c.made != nil && c.made(name, key) }

func (checking) WriteKeyed(string, string, []byte) error { return nil }
