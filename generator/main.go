// Command bulletin builds a regulatory update bulletin: Markdown articles
// in content/ become a static site with feeds in public/.
//
// Usage:
//
//	bulletin [build] [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-force] [-pagefind COMMAND] [-strict]
//	bulletin serve [-addr HOST:PORT] [build flags]
//	bulletin new "Title" [-topic T] [-regulator R] [-content DIR]
//	bulletin check [-content DIR] [-templates DIR] [-format text|github|gitlab]
//	bulletin import -from PATH [-format jekyll|hugo|wordpress] [-regulator NAME] [-content DIR]
//	bulletin deploy [-content DIR] [-out DIR] [-target URL] [-prefix P] [-dry-run] [-force] [-max-deletes N] [-compress gzip|br|none]
//	bulletin ping [-out DIR] [-content DIR] [-base-url URL] [-dry-run]
//	bulletin help [COMMAND]
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/memory"
)

const usage = `usage: bulletin [command] [flags]

commands:
  build   build the site into the output folder (the default)
  serve   build, serve on 127.0.0.1:8080 and rebuild on every change
  new     write a new article's skeleton: new "Title" [-topic T] [-regulator R]
  check   check content and templates without writing anything
  import  turn a Jekyll or Hugo site's posts, or a WordPress export, into articles
  deploy  upload the built site to a bucket (s3://, gs://, azblob://, file://), only what changed
  ping    tell the WebSub hubs in site.yaml which feeds changed since the last ping
  help    show this list, or with a command's name its flags

give -h after a command for its flags (build -h), or run help with its name
`

// memoryBudget is the memory the program keeps to where the data it
// holds allows: a site of 100,000 articles is built within it (see
// memory.Budget; GOMEMLIMIT sets another). serve keeps to none: it holds
// the whole site between saves, as it must to show a save at once, and
// a collector held just above that ran so often that at 100,000
// articles a save took 5.9 to 13.6 seconds to show, against 1.4 to 4.3
// without (taking 3.8 GB at most, against 2.0).
const memoryBudget = 900 << 20

func main() {
	budget := int64(memoryBudget)
	if cmd, _ := command(os.Args[1:]); cmd == "serve" {
		budget = 0
	}
	stop := memory.Budget(budget, 100*time.Millisecond)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command picks the command out of the arguments, build where they
// name none, and gives the arguments after it.
func command(args []string) (string, []string) {
	if len(args) > 0 && (isHelp(args[0]) || args[0] != "" && args[0][0] != '-') {
		return args[0], args[1:]
	}
	return "build", args
}

// errUsage marks a mistake on the command line (exit code 2), already
// explained on stderr.
var errUsage = errors.New("usage")

// commands runs each command with its arguments.
var commands = map[string]func(args []string, stdout, stderr io.Writer) error{
	"build":  runBuild,
	"serve":  runServe,
	"new":    runNew,
	"check":  runCheck,
	"import": runImport,
	"deploy": runDeploy,
	"ping":   runPing,
}

func run(args []string, stdout, stderr io.Writer) int {
	cmd, args := command(args)
	if isHelp(cmd) {
		switch {
		case len(args) == 0 || len(args) == 1 && isHelp(args[0]):
			fmt.Fprint(stdout, usage)
			return 0
		case len(args) > 1:
			fmt.Fprintf(stderr, "help: unexpected arguments after %q\n%s", args[0], usage)
			return 2
		}
		cmd, args = args[0], []string{"-h"}
	}
	command, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "unknown command %q%s\n%s", cmd, commandAdvice(cmd), usage)
		return 2
	}
	err := command(args, stdout, stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errSilent):
		return 1
	}
	fmt.Fprintln(stderr, err)
	return 1
}

// isHelp reports whether arg asks for the list of commands.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--h", "--help":
		return true
	}
	return false
}

// newFlags returns the flag set of a command whose help starts with the
// usage line given.
func newFlags(name, usage string) *flag.FlagSet {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.Usage = func() {
		fmt.Fprintf(flags.Output(), "usage: %s\n\nflags:\n", usage)
		flags.PrintDefaults()
	}
	return flags
}

// parse parses a command's flags from args. For -h or -help it prints
// the command's help on stdout and returns flag.ErrHelp; for a mistake
// it prints the mistake and the help on stderr, once, and returns
// errUsage.
func parse(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	flags.SetOutput(io.Discard) // the flag package's own messages, printed below instead
	err := flags.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		flags.SetOutput(stdout)
		flags.Usage()
		return err
	}
	if err != nil {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
			msg += flagAdvice(flags, name)
		}
		return usageError(flags, stderr, "%s", msg)
	}
	return nil
}

// commandAdvice names the command a mistyped one likely meant, if any.
func commandAdvice(cmd string) string {
	if near := content.Closest(cmd, append([]string{"help"}, commandNames...)); near != "" {
		return fmt.Sprintf(": did you mean %s?", near)
	}
	return ""
}

// commandNames are the commands, and commandFlags gives the names of a
// command's flags, as its help lists them; both set in init, as the
// commands use parse, which uses them.
var (
	commandNames []string
	commandFlags func(cmd string) []string
)

func init() {
	for name := range commands {
		commandNames = append(commandNames, name)
	}
	slices.Sort(commandNames)
	commandFlags = func(cmd string) []string {
		var help bytes.Buffer
		commands[cmd]([]string{"-h"}, &help, io.Discard)
		var names []string
		for _, line := range strings.Split(help.String(), "\n") {
			if rest, ok := strings.CutPrefix(line, "  -"); ok {
				name, _, _ := strings.Cut(rest, " ")
				names = append(names, name)
			}
		}
		return names
	}
}

// flagAdvice says what a flag flags does not define likely meant: the
// command that has it (-drafts is serve's, not build's), or a flag of
// flags near it in spelling (-contnet for -content).
func flagAdvice(flags *flag.FlagSet, name string) string {
	name, _, _ = strings.Cut(name, "=")
	var others []string
	for _, cmd := range commandNames {
		if cmd != flags.Name() && slices.Contains(commandFlags(cmd), name) {
			others = append(others, cmd)
		}
	}
	switch len(others) {
	case 0:
	case 1:
		return fmt.Sprintf(": -%s is a flag of %s (bulletin %s -%s …)", name, others[0], others[0], name)
	default:
		return fmt.Sprintf(": -%s is a flag of %s and %s", name, strings.Join(others[:len(others)-1], ", "), others[len(others)-1])
	}
	var own []string
	flags.VisitAll(func(f *flag.Flag) { own = append(own, f.Name) })
	if near := content.Closest(name, own); near != "" {
		return fmt.Sprintf(": did you mean -%s?", near)
	}
	return ""
}

// usageError prints a mistake on the command line, then the command's
// help, on stderr and returns errUsage.
func usageError(flags *flag.FlagSet, stderr io.Writer, format string, a ...any) error {
	fmt.Fprintf(stderr, "%s: %s\n", flags.Name(), fmt.Sprintf(format, a...))
	flags.SetOutput(stderr)
	flags.Usage()
	return errUsage
}
