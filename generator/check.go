package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"bulletin/generator/content"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	o := options{now: time.Now()}
	flags := newFlags("check", "bulletin check [-content DIR] [-templates DIR] [-format text|github]")
	flags.StringVar(&o.content, "content", "content", "folder of articles and site.yaml")
	flags.StringVar(&o.templates, "templates", "templates", "folder of the theme's templates")
	format := flags.String("format", "text", "text, or github for GitHub Actions annotations")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	if *format != "text" && *format != "github" {
		return usageError(flags, stderr, "-format %q: use text or github", *format)
	}
	found := check(o)
	failed := false
	for _, f := range found {
		fmt.Fprintln(stdout, formatProblem(f, *format))
		failed = failed || !f.Warning
	}
	if failed {
		return errSilent
	}
	if len(found) == 0 {
		fmt.Fprintln(stdout, "no problems found")
	}
	return nil
}

// errSilent fails a command whose problems were already printed.
var errSilent = errors.New("problems found")

// formatProblem writes a problem as a line of text, or as a GitHub Actions
// annotation for style "github".
func formatProblem(f *content.Error, style string) string {
	if style != "github" {
		return f.Error()
	}
	level := "error"
	if f.Warning {
		level = "warning"
	}
	loc := "file=" + f.File
	if f.Line > 0 {
		loc += fmt.Sprintf(",line=%d", f.Line)
	}
	return fmt.Sprintf("::%s %s::%s", level, loc, strings.ReplaceAll(f.Msg, "\n", "%0A"))
}

// check runs the pipeline up to the files, writing nothing, and gives
// every problem it finds: what stops a build, or else what lint finds.
func check(o options) content.Errors {
	set, err := load(o, nil, nil)
	if set == nil {
		return content.AsErrors(err)
	}
	_, files, stop, found := gatherProblems(o, set, nil, err, o.now, true)
	if files != nil {
		// Every page is made, as a build makes it, for the errors
		// templates give only on some pages.
		stop = append(stop, content.AsErrors(files.Write(context.Background(), discard{}))...)
	}
	return slices.Concat(stop, found).ByPlace()
}

// discard is a render.Sink that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }
