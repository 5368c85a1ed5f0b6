package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"bulletin/generator/content"
	"bulletin/generator/render"
	"bulletin/generator/websub"
)

// runPing tells the WebSub hubs that site.yaml names about each feed of
// the built site whose bytes changed since the last ping, and only
// those, for sites published by other means than deploy. Run it once
// the new files are live: a hub fetches each feed as soon as it is told.
func runPing(args []string, stdout, stderr io.Writer) error {
	flags := newFlags("ping", "bulletin ping [-out DIR] [-content DIR] [-base-url URL] [-dry-run]")
	out := flags.String("out", "public", "output folder the site was built into")
	dir := flags.String("content", "content", "folder of site.yaml, whose websub_hub names the hubs")
	var o options // the flags parseFlags checks
	flags.StringVar(&o.BaseURL, "base-url", "", "absolute URL the site is served from, as given to build (overrides site.yaml)")
	dryRun := flags.Bool("dry-run", false, "list the feeds that changed without telling the hubs")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	if err := sourceFolders(flags, stderr, options{Content: *dir}); err != nil {
		return err
	}
	settings, err := content.LoadSettings(os.DirFS(*dir), *dir)
	if err != nil {
		return err
	}
	if len(settings.WebSubHubs) == 0 {
		return fmt.Errorf("%s sets no websub_hub: name the hub to tell, e.g. websub_hub: https://pubsubhubbub.appspot.com/", filepath.Join(*dir, content.SettingsFile))
	}
	base := settings.BaseURL
	if o.BaseURL != "" {
		base = content.NormalizeBaseURL(o.BaseURL)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var p websub.Pinger
	r, err := p.Publish(ctx, settings.WebSubHubs, websub.Site{Out: *out, Base: base, IsFeed: render.IsFeed}, *dryRun)
	if r != nil {
		fmt.Fprint(stdout, pingSummary(r, settings.WebSubHubs, *dryRun))
	}
	return err
}

// pingSummary says what a ping did: with -dry-run, each feed it would
// have pinged, one a line.
func pingSummary(r *websub.Result, hubs []string, dryRun bool) string {
	var b strings.Builder
	unchanged := len(r.Feeds) - len(r.Changed)
	switch {
	case dryRun:
		for _, f := range r.Changed {
			fmt.Fprintf(&b, "would ping %s\n", f.URL)
		}
		fmt.Fprintf(&b, "dry run: %d of %d feeds changed since the last ping; told no hub\n", len(r.Changed), len(r.Feeds))
	case len(r.Changed) == 0:
		fmt.Fprintf(&b, "no feed changed since the last ping (%d feeds): told no hub\n", len(r.Feeds))
	default:
		at := fmt.Sprintf("%d hubs", len(hubs))
		if len(hubs) == 1 {
			at = hubs[0]
		}
		fmt.Fprintf(&b, "pinged %d of %d changed feeds at %s, %d unchanged\n", len(r.Pinged), len(r.Changed), at, unchanged)
	}
	return b.String()
}
