package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/deploy"
	"bulletin/generator/render"
	"bulletin/generator/websub"
)

func runDeploy(args []string, stdout, stderr io.Writer) error {
	flags := newFlags("deploy", "bulletin deploy [-content DIR] [-out DIR] [-target URL] [-prefix P] [-dry-run] [-force] [-max-deletes N] [-compress gzip|br|none]")
	contentDir := flags.String("content", "content", "folder whose site.yaml has the deploy settings")
	out := flags.String("out", "public", "the built output folder to deploy")
	target := flags.String("target", "", "the bucket's URL, e.g. s3://bucket?region=eu-west-2, gs://bucket, azblob://container, file:///srv/bulletin (overrides deploy.target)")
	prefix := flags.String("prefix", "", "folder of the bucket to deploy into, e.g. bulletin/ (overrides deploy.prefix)")
	dryRun := flags.Bool("dry-run", false, "print what would be uploaded and deleted, and change nothing")
	force := flags.Bool("force", false, "delete however many objects the site no longer has, and deploy into a file:// folder no deploy wrote to, replacing and deleting its files")
	maxDeletes := flags.Int("max-deletes", content.DefaultMaxDeletes, "the most objects to delete without -force (overrides deploy.max_deletes)")
	compress := flags.String("compress", "", "send pages, feeds, styles and scripts compressed: gzip, br (brotli for pages, styles and scripts; gzip for feeds, calendars, the sitemap and robots.txt) or none (overrides deploy.compress)")
	if err := parseFlags(flags, args, stdout, stderr, &options{}); err != nil {
		return err
	}
	set := map[string]bool{}
	flags.Visit(func(f *flag.Flag) { set[f.Name] = true })

	settings, err := content.LoadSettings(os.DirFS(*contentDir), filepath.ToSlash(*contentDir))
	if err != nil {
		return err
	}
	o := deploy.Options{Target: settings.Deploy.Target, Prefix: settings.Deploy.Prefix, MaxDeletes: settings.Deploy.MaxDeletes,
		Compress: settings.Deploy.Compress, DryRun: *dryRun, Force: *force, Sources: []string{*contentDir, "templates"}}
	if set["target"] {
		if err := content.CheckDeployTarget(*target); err != nil {
			return usageError(flags, stderr, "-target: %v", err)
		}
		o.Target = *target
	}
	if set["prefix"] {
		if o.Prefix, err = content.CleanDeployPrefix(*prefix); err != nil {
			return usageError(flags, stderr, "-prefix: %v", err)
		}
	}
	if set["max-deletes"] {
		if *maxDeletes < 0 {
			return usageError(flags, stderr, "-max-deletes %d: give 0 or more", *maxDeletes)
		}
		o.MaxDeletes = *maxDeletes
	}
	if set["compress"] {
		o.Compress = *compress
		if o.Compress == "none" {
			o.Compress = ""
		}
		if err := content.CheckCompress(o.Compress); err != nil {
			return usageError(flags, stderr, "-compress: %v", err)
		}
	}
	if o.Target == "" {
		// A deploy given its target needs no content folder: CI may
		// deploy a built site alone.
		if err := sourceFolders(flags, stderr, options{Content: *contentDir}); err != nil {
			return err
		}
		return usageError(flags, stderr, "no target: set deploy.target in %s or give -target URL", filepath.ToSlash(filepath.Join(*contentDir, content.SettingsFile)))
	}
	if o.Compress != "" && strings.HasPrefix(o.Target, "file:") {
		const why = "a file:// target is served by a web server, which does not send Content-Encoding for a file: compress there instead (nginx's gzip_static)"
		if set["compress"] {
			return usageError(flags, stderr, "-compress %s: %s", o.Compress, why)
		}
		return fmt.Errorf("deploy.compress %s in %s: %s; give -compress none to deploy there", o.Compress, filepath.ToSlash(filepath.Join(*contentDir, content.SettingsFile)), why)
	}

	// Ctrl-C stops the deploy between two objects' uploads, which
	// leaves the bucket consistent (see package deploy).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := deploy.Run(ctx, *out, o)
	if *dryRun && res != nil && (err == nil || errors.Is(err, deploy.ErrTooManyDeletes) || errors.Is(err, deploy.ErrNotOurs)) {
		printPlan(stdout, res)
	}
	if note := content.PrefixNote(o.Prefix, cmp.Or(deploy.BuiltFor(*out), settings.BaseURL)); note != "" && (*dryRun || err == nil) {
		fmt.Fprintln(stdout, note)
	}
	if err != nil {
		if res != nil && (res.Uploaded > 0 || res.Deleted > 0) {
			fmt.Fprintf(stderr, "stopped after %s\n", counts(res))
		}
		if errors.Is(err, context.Canceled) {
			return errors.New("deploy stopped: the bucket is consistent; run deploy again to finish")
		}
		return err
	}
	if *dryRun {
		return nil
	}
	fmt.Fprintf(stdout, "deployed to %s: %s, %d unchanged, %s sent in %s\n", o.Target, counts(res), res.Unchanged, size(res.Bytes), res.Elapsed.Round(time.Millisecond))
	if len(settings.WebSubHubs) == 0 {
		return nil
	}
	// The new feeds are live: the hubs hear of those that changed.
	var p websub.Pinger
	r, err := p.Publish(ctx, settings.WebSubHubs, websub.Site{Out: *out, Base: settings.BaseURL, IsFeed: render.IsFeed}, false)
	if r != nil {
		fmt.Fprint(stdout, pingSummary(r, settings.WebSubHubs, false))
	}
	if err != nil {
		return fmt.Errorf("deployed, but the WebSub hubs were not all told: %w (run bulletin ping to try again)", err)
	}
	return nil
}

// printPlan lists a dry run's changes in the order a deploy makes them.
func printPlan(w io.Writer, res *deploy.Result) {
	adds, updates, deletes := 0, 0, 0
	for _, c := range res.Changes {
		switch c.Op {
		case deploy.Add:
			adds++
		case deploy.Update:
			updates++
		case deploy.Delete:
			deletes++
		}
		line := fmt.Sprintf("would %-6s %s", c.Op, c.Name)
		if c.Op != deploy.Delete {
			line += fmt.Sprintf(" (%s; %s", c.Type, c.Cache)
			if c.Encoding != "" {
				line += "; " + c.Encoding
			}
			if c.Redirect != "" {
				line += "; redirect to " + c.Redirect
			}
			line += ")"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "dry run for %s: would add %d, update %d and delete %d objects; %d unchanged\n", res.Target, adds, updates, deletes, res.Unchanged)
}

func counts(res *deploy.Result) string {
	return fmt.Sprintf("%d uploaded, %d deleted", res.Uploaded, res.Deleted)
}

func size(n int64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
