package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"bulletin/generator/content"
)

// listFlag collects a flag given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// notAFlag gives the first of the words that the flag package would read
// as a flag, as it reads args up to the first that is not one, and that
// is no flag of flags (or -h): a title that starts with a dash, written
// without -- before it. It gives "" when there is none.
func notAFlag(flags *flag.FlagSet, args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || len(a) < 2 || a[0] != '-' {
			return ""
		}
		name, _, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "h" || name == "help" {
			continue
		}
		f := flags.Lookup(name)
		if f == nil {
			return a
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !hasValue && !(ok && b.IsBoolFlag()) {
			i++ // the flag's value
		}
	}
	return ""
}

// runNew writes the skeleton of a new article, dated today in the site's
// time zone, where the build will look for it.
func runNew(args []string, stdout, stderr io.Writer) error {
	var topics, regulators listFlag
	flags := newFlags("new", `bulletin new "Title" [-topic T] [-regulator R] [-content DIR]`)
	dir := flags.String("content", "content", "folder of articles and site.yaml")
	flags.Var(&topics, "topic", "a topic of the article (repeat for more)")
	flags.Var(&regulators, "regulator", "a regulator of the article, by abbreviation (repeat for more)")
	// Flags may come before or after the title; after --, every word is
	// the title's, so that a title may start with a dash.
	var rest []string
	ended := false
	for len(args) > 0 {
		if word := notAFlag(flags, args); word != "" {
			msg := "flag provided but not defined: " + word + flagAdvice(flags, strings.TrimLeft(word, "-"))
			if len(rest) > 0 {
				// A title was given before it: the word is no title.
				return usageError(flags, stderr, "%s", msg)
			}
			sep := "; if"
			if strings.HasSuffix(msg, "?") {
				sep = " Or, if"
			}
			return usageError(flags, stderr, "%s%s it is the title, write -- before the title: bulletin new -- %q", msg, sep, word)
		}
		if err := parse(flags, args, stdout, stderr); err != nil {
			return err
		}
		if read := len(args) - flags.NArg(); read > 0 && args[read-1] == "--" {
			rest, ended = append(rest, flags.Args()...), true
			break
		}
		if flags.NArg() == 0 {
			break
		}
		rest = append(rest, flags.Arg(0))
		args = flags.Args()[1:]
	}
	if len(rest) != 1 && ended {
		return usageError(flags, stderr, "give one title, in quotes: every word after -- is the title's, so give flags before --")
	}
	if len(rest) != 1 {
		return usageError(flags, stderr, "give one title, in quotes")
	}
	if strings.TrimSpace(rest[0]) == "" {
		return usageError(flags, stderr, "the title is empty: give the article's title, in quotes")
	}
	title := strings.TrimSpace(rest[0])
	if !utf8.ValidString(title) || strings.ContainsFunc(title, unicode.IsControl) {
		return fmt.Errorf("new: title %q holds bytes that are not text, or a control character such as a line break: give the title as one line of text", title)
	}
	if r, open := content.UnclosedBidi(title); open {
		return fmt.Errorf("new: title %q holds a mark that sets the direction of the text after it (%U) and that nothing closes, which a build refuses: close it, or leave it out", title, r)
	}
	if content.Slug(title) == "" {
		return fmt.Errorf("new: title %q has no letters or digits to make a URL from", title)
	}
	for _, names := range []struct {
		flag string
		list listFlag
	}{{"topic", topics}, {"regulator", regulators}} {
		for _, n := range names.list {
			// As check would refuse the article: its page needs an address.
			if n = strings.TrimSpace(n); !utf8.ValidString(n) || strings.ContainsFunc(n, unicode.IsControl) || content.Slug(n) == "" {
				return usageError(flags, stderr, "-%s %q: give a name with a letter or digit, on one line, to make its page's address from", names.flag, n)
			}
			if why := content.GroupNameProblem(n); why != "" {
				return usageError(flags, stderr, "-%s %q %s", names.flag, n, why)
			}
		}
	}
	name, err := content.WriteNew(*dir, title, topics, regulators)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: it is a draft until you delete its draft: true line\n", name)
	return nil
}
