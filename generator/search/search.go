// Package search indexes a built site for search: it takes the folder of
// the site and the command that runs Pagefind, and gives Pagefind's index
// and scripts in the folder's pagefind/.
package search

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

// Dir is the folder of the output that Pagefind writes.
const Dir = "pagefind"

// Index runs Pagefind, given as a command line such as
// "npx --yes pagefind@1" or a path to its binary, on the built site in
// dir. Pagefind writes its index and scripts into dir/pagefind/.
func Index(command, dir string) error {
	args := strings.Fields(command)
	if len(args) == 0 {
		return fmt.Errorf("-pagefind: give the command that runs Pagefind")
	}
	args = append(args, "--site", dir, "--output-subdir", Dir, "--quiet")
	cmd := exec.Command(args[0], args[1:]...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		if msg != "" {
			msg = ":\n" + msg
		}
		return fmt.Errorf("search index: %s failed (%v)%s", command, err, msg)
	}
	return nil
}
