package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/render"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	o := options{now: time.Now()}
	flags := newFlags("check", "bulletin check [-content DIR] [-templates DIR] [-format text|github|gitlab]")
	flags.StringVar(&o.content, "content", "content", "folder of articles and site.yaml")
	flags.StringVar(&o.templates, "templates", "templates", "folder of the theme's templates")
	format := flags.String("format", "text", "text, github for GitHub Actions annotations, or gitlab for a GitLab Code Quality report")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	if *format != "text" && *format != "github" && *format != "gitlab" {
		return usageError(flags, stderr, "-format %q: use text, github or gitlab", *format)
	}
	if err := sourceFolders(flags, stderr, o); err != nil {
		return err
	}
	found := check(o)
	switch {
	case *format == "gitlab":
		data, err := codeQuality(found)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\n", data)
	case len(found) == 0:
		fmt.Fprintln(stdout, "no problems found")
	}
	failed := false
	for _, f := range found {
		if *format != "gitlab" {
			fmt.Fprintln(stdout, formatProblem(f, *format))
		}
		failed = failed || !f.Warning
	}
	if *format == "text" && len(found) > 0 {
		fmt.Fprintln(stdout, tally(found))
	}
	if failed {
		return errSilent
	}
	return nil
}

// tally closes a list of problems: how many of each kind, in how many
// files, and whether check fails on them.
func tally(found content.Errors) string {
	files := map[string]bool{}
	warnings := 0
	for _, f := range found {
		files[f.File] = true
		if f.Warning {
			warnings++
		}
	}
	errs := len(found) - warnings
	verdict := "check fails on the errors"
	if errs == 0 {
		verdict = "warnings alone do not fail check"
	}
	return fmt.Sprintf("%s and %s in %s: %s", counted(errs, "error"), counted(warnings, "warning"), counted(len(files), "file"), verdict)
}

// counted says how many of a thing: "1 error", "2 errors".
func counted(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// codeQuality writes problems as a GitLab Code Quality report, which a
// merge request shows beside the lines they are on: a JSON array of
// issues, each with a fingerprint that names it alone.
func codeQuality(found content.Errors) ([]byte, error) {
	type lines struct {
		Begin int `json:"begin"`
	}
	type location struct {
		Path  string `json:"path"`
		Lines lines  `json:"lines"`
	}
	type issue struct {
		Description string   `json:"description"`
		CheckName   string   `json:"check_name"`
		Fingerprint string   `json:"fingerprint"`
		Severity    string   `json:"severity"`
		Location    location `json:"location"`
	}
	issues := []issue{}
	for _, f := range found {
		severity := "major"
		if f.Warning {
			severity = "minor"
		}
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%s", f.File, f.Line, f.Msg))
		issues = append(issues, issue{Description: f.Msg, CheckName: "bulletin", Fingerprint: hex.EncodeToString(sum[:16]),
			Severity: severity, Location: location{Path: f.File, Lines: lines{Begin: max(f.Line, 1)}}})
	}
	return json.MarshalIndent(issues, "", "  ")
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
	loc := "file=" + annotationProperty.Replace(f.File)
	if f.Line > 0 {
		loc += fmt.Sprintf(",line=%d", f.Line)
	}
	return fmt.Sprintf("::%s %s::%s", level, loc, annotationData.Replace(f.Msg))
}

// An annotation's message and its properties are escaped as GitHub's
// toolkit escapes them, so that a file named "a,b: c%.md" or a message
// holding a line break stays one annotation, at the right file.
var (
	annotationData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	annotationProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// check runs the pipeline up to the files, writing nothing, and gives
// every problem it finds: what stops a build, or else what lint finds.
func check(o options) content.Errors {
	// It reads as build does, keeping no cache of git's history.
	set, hist, err := load(context.Background(), o, os.DirFS(o.content), nil, nil, history.Find(o.content), "")
	if set == nil {
		return content.AsErrors(err)
	}
	_, files, stop, found := gatherProblems(o, set, hist, err, o.now, nil, true)
	met, found := madePages(context.Background(), o, files, nil, found)
	stop = append(stop, met...)
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
func madePages(ctx context.Context, o options, files *render.Files, made func(name, key string) bool, found content.Errors) (met, rest content.Errors) {
	if files == nil || !files.Themed() {
		return nil, found
	}
	met = content.AsErrors(files.Write(ctx, checking{made}))
	theme := filepath.ToSlash(o.templates) + "/"
	return met, slices.DeleteFunc(found, func(f *content.Error) bool {
		return strings.HasPrefix(f.File, theme) && slices.ContainsFunc(met, func(m *content.Error) bool { return m.File == f.File && m.Line == f.Line })
	})
}

// checking is a render.Sink that keeps nothing, and a render.Reuser that
// passes over the files made says the last build made from their keys.
type checking struct{ made func(name, key string) bool }

func (checking) Write(string, []byte) error { return nil }

func (c checking) Reuse(name, key string) bool { return c.made != nil && c.made(name, key) }

func (checking) WriteKeyed(string, string, []byte) error { return nil }
