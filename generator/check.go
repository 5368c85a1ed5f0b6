package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/pipeline"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	o := options{Now: time.Now()}
	flags := newFlags("check", "bulletin check [-content DIR] [-templates DIR] [-format text|github|gitlab]")
	flags.StringVar(&o.Content, "content", "content", "folder of articles and site.yaml")
	flags.StringVar(&o.Templates, "templates", "templates", "folder of the theme's templates")
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
	found := pipeline.Check(o)
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
	return fmt.Sprintf("%s and %s in %s: %s", pipeline.Counted(errs, "error"), pipeline.Counted(warnings, "warning"), pipeline.Counted(len(files), "file"), verdict)
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
