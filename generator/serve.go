package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"bulletin/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	o := options{}
	flags := newFlags("serve", "bulletin serve [-addr HOST:PORT] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-drafts]")
	addFlags(flags, &o)
	// serve builds into a temporary folder unless given -out (see serve),
	// so its -out has no default.
	out := flags.Lookup("out")
	out.Usage = "output folder (default: a temporary folder, removed on exit)"
	out.DefValue, o.Out = "", ""
	addr := flags.String("addr", "127.0.0.1:8080", "address to serve on")
	flags.BoolVar(&o.Drafts, "drafts", false, "show drafts too, each marked as a draft, and write no output folder")
	if err := parseFlags(flags, args, stdout, stderr, &o); err != nil {
		return err
	}
	// Without -out, serve builds into a folder of its own.
	if o.Out != "" {
		if err := usableOut(flags, stderr, o.Out); err != nil {
			return err
		}
	}
	if why := addrProblem(*addr); why != "" {
		return usageError(flags, stderr, "%s", why)
	}
	if err := sourceFolders(flags, stderr, o); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve.Run(ctx, o, ln, stdout, addrName(*addr)...)
}

// addrProblem says what is wrong with addr, -addr's HOST:PORT, as
// written, and what to write instead; "" when it can be listened on. An
// empty one, or one with no port, would be served on a port the system
// picks, and with no host on every address the machine has, drafts
// and all, where the flag meant none of that.
func addrProblem(addr string) string {
	const instead = "write HOST:PORT, as 127.0.0.1:8080 (or :8080 to be reached from other machines too)"
	if addr == "" {
		return "-addr is empty: " + instead
	}
	_, port, err := net.SplitHostPort(addr)
	switch {
	case err != nil:
		return fmt.Sprintf("-addr %q is not HOST:PORT: %s", addr, instead)
	case port == "":
		return fmt.Sprintf("-addr %q has no port: %s", addr, instead)
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return fmt.Sprintf("-addr %q: %q is not a port: give a number from 0 to 65535, as 127.0.0.1:8080", addr, port)
	}
	return ""
}

// addrName gives the host name of addr, -addr's HOST:PORT, which serve
// answers to as the name it was told to listen on: none for an IP
// address or no host, which it answers to anyway.
func addrName(addr string) []string {
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" && net.ParseIP(host) == nil {
		return []string{host}
	}
	return nil
}
