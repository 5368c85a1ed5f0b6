package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"bulletin/generator/importer"
	"bulletin/generator/pipeline"
)

// runImport converts another site's posts into articles of the content
// folder and prints what it did. Posts whose source is broken fail the
// command once the others are written, and so does a source whose pages
// were read and none written, lest it pass for one imported whole.
func runImport(args []string, stdout, stderr io.Writer) error {
	var regulators listFlag
	flags := newFlags("import", "bulletin import -from PATH [-format jekyll|hugo|wordpress] [-regulator NAME] [-content DIR]")
	from := flags.String("from", "", "a Jekyll or Hugo site's folder, or a WordPress export file (.xml)")
	format := flags.String("format", "", "jekyll, hugo or wordpress (default: told from the source)")
	dest := flags.String("content", "content", "folder to write the articles into")
	flags.Var(&regulators, "regulator", "a tag or category to import as a regulator, not a topic (repeat for more)")
	if err := parseFlags(flags, args, stdout, stderr, &options{}); err != nil {
		return err
	}
	if *from == "" {
		return usageError(flags, stderr, "give the site or export to import with -from")
	}
	r, err := importer.Run(importer.Options{Source: *from, Format: *format, Dest: *dest, Regulators: regulators})
	if r.Format != "" && (err == nil || r.Read > 0) {
		// The source was read: say what became of it.
		r.Print(stdout)
	}
	if err != nil {
		// The command names itself once: "import: can't read …".
		return errors.New("import: " + strings.TrimPrefix(err.Error(), "importer: "))
	}
	if why := r.Nothing(); why != "" {
		return errors.New("import: " + why)
	}
	if n := r.Problems(); n > 0 {
		return fmt.Errorf("import: %s left out for a problem (above), a broken source or a folder it cannot write in: mend them and run import again; the articles written are kept, and are not written twice", pipeline.Counted(n, "post"))
	}
	return nil
}
