package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/inputs"
	"bulletin/generator/output"
	"bulletin/generator/pipeline"
)

// options are where a build reads and writes, as the flags set them.
type options = pipeline.Options

// addFlags defines the flags every command that builds shares.
func addFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.Content, "content", "content", "folder of articles and site.yaml")
	fs.StringVar(&o.Templates, "templates", "templates", "folder of the theme's templates")
	fs.StringVar(&o.Out, "out", "public", "output folder")
	fs.StringVar(&o.BaseURL, "base-url", "", "absolute URL the site is served from (overrides site.yaml)")
	fs.BoolVar(&o.Force, "force", false, "build into an output folder that holds other files, keeping them")
	fs.StringVar(&o.Pagefind, "pagefind", "", `command that runs Pagefind to index the site for search, e.g. "npx --yes pagefind@1" (empty: no search)`)
}

// parseFlags parses the flags of a command that takes no arguments after
// them (build, serve, check) and checks the values they set in o.
func parseFlags(flags *flag.FlagSet, args []string, stdout, stderr io.Writer, o *options) error {
	if err := parse(flags, args, stdout, stderr); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return usageError(flags, stderr, "unexpected arguments: %s", strings.Join(flags.Args(), " "))
	}
	if o.Out != "" {
		o.Out = filepath.Clean(o.Out)
	}
	if o.BaseURL != "" {
		if why := content.CheckBaseURL(o.BaseURL); why != "" {
			return usageError(flags, stderr, "-base-url %s", why)
		}
	}
	return nil
}

// sourceFolders refuses, as a mistake on the command line, a -content or
// -templates that is not a folder: most often bulletin run from another
// folder than the project's; and a -templates within -content, whose
// files a build would publish as content. A command that reads no
// templates leaves o.Templates empty.
func sourceFolders(flags *flag.FlagSet, stderr io.Writer, o options) error {
	for _, f := range []struct{ flag, dir, what string }{{"content", o.Content, "articles and site.yaml"}, {"templates", o.Templates, "the theme's templates"}} {
		if f.dir == "" && f.flag == "templates" {
			continue
		}
		var problem string
		switch info, err := os.Stat(f.dir); {
		case errors.Is(err, fs.ErrNotExist):
			problem = "no such folder"
		case err == nil && !info.IsDir():
			problem = "not a folder"
		default:
			continue // a folder, or one the build will say it cannot read
		}
		return usageError(flags, stderr, "-%s %s: %s: run bulletin from the project's folder, or give -%s the folder of %s", f.flag, f.dir, problem, f.flag, f.what)
	}
	if o.Templates == "" {
		return nil
	}
	if in, err := output.Within(o.Templates, o.Content); err == nil && in && !hiddenWithin(o.Content, o.Templates) {
		return usageError(flags, stderr, "-templates %s is within -content %s, so a build would publish the theme's files as the content's, its templates for anyone to read: keep the theme in a folder outside the content folder", o.Templates, o.Content)
	}
	return nil
}

// usableOut refuses, as a mistake on the command line, an -out that a
// build cannot write into (see output.Usable).
func usableOut(flags *flag.FlagSet, stderr io.Writer, out string) error {
	if err := output.Usable(out); err != nil {
		return usageError(flags, stderr, "%v", err)
	}
	return nil
}

func runBuild(args []string, stdout, stderr io.Writer) error {
	o := options{Now: time.Now()}
	flags := newFlags("build", "bulletin [build] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-strict]")
	addFlags(flags, &o)
	flags.BoolVar(&o.Strict, "strict", false, "fail, leaving the output as it was, on every problem check fails on, such as a link to a page the site does not have, and not on warnings alone")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	if err := usableOut(flags, stderr, o.Out); err != nil {
		return err
	}
	if err := sourceFolders(flags, stderr, o); err != nil {
		return err
	}
	r, err := build(o)
	if _, ok := errors.AsType[*output.PartlyUpdated](err); ok {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "build stopped while moving files into %s/: some are this build's, the others the last build's; once the problem above is fixed, build again to finish it\n", strings.TrimSuffix(o.Out, "/"))
		return errSilent
	}
	if errors.Is(err, pipeline.ErrInterrupted) {
		fmt.Fprintf(stderr, "%v: %s\n", err, output.State(o.Out))
		return errSilent
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, pipeline.StoppedLine(err, o.Out))
		return errSilent
	}
	fmt.Fprint(stdout, r.Summary())
	return nil
}

// build runs the pipeline. Ctrl-C stops it before it changes the output
// folder (see pipeline.Build); a second one ends the program at once.
func build(o options) (pipeline.Result, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	return pipeline.Build(ctx, o)
}

// hiddenWithin says whether the folder inner lies in a hidden folder of
// outer, which a build reads nothing of, as it is written.
func hiddenWithin(outer, inner string) bool {
	rel, err := filepath.Rel(outer, inner)
	return err == nil && rel != "." && filepath.IsLocal(rel) && slices.ContainsFunc(strings.Split(filepath.ToSlash(rel), "/"), inputs.Hidden)
}
