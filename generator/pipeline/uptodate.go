package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"bulletin/generator/content"
	"bulletin/generator/history"
	"bulletin/generator/inputs"
	"bulletin/generator/output"
	"bulletin/generator/search"
)

// A build whose inputs are the last build's, at a moment that build's
// site still holds for (from that build's moment, not before it, to its
// Until), finds the output as that build left it and
// changes nothing. The record of that build sits beside the output
// folder; it is removed before any build may change the output, and
// written once the new output is in place.

// upToDate gives the last build's result when its record holds for these
// inputs, stamped as stamps, and this moment, and the output folder, as
// open gives it, is still exactly as it left it; it then lets the folder
// go. A file saved during that build and saved back since (see
// inputs.Record.Touched) makes it build again.
func upToDate(o Options, in string, stamps map[string]inputs.Stamp, rec inputs.Record, open func() (*output.Dir, error)) (Result, bool) {
	if in == "" || rec.Inputs != in || o.Now.Before(rec.Since) || !rec.Until.IsZero() && !o.Now.Before(rec.Until) || rec.Touched(stamps) {
		return Result{}, false
	}
	var rep Report
	if json.Unmarshal(rec.Report, &rep) != nil {
		return Result{}, false
	}
	out, err := open()
	if err != nil {
		return Result{}, false
	}
	out.Keyed(inputs.Program())
	stats, ok := out.Unchanged()
	if !ok {
		return Result{}, false
	}
	return Result{Report: rep, Stats: stats}, true
}

// RecordPath is the record of the last complete build, beside the
// output folder.
func RecordPath(out string) string { return output.Beside(out, "build") }

// hashInputs hashes the inputs of a build with o (see inputs.Hash), and
// the settings Pagefind reads where it indexes the site (searchConfig,
// as search.Config read them). The content's committed history is one
// of them, by the key of where the build found it (history.Place.Key):
// a commit that changes no file still changes the versions' commits,
// and a commit or a checkout that does change the history may leave the
// work tree as it was. So are the rules of the time zone the settings
// set, which an update of the zone database may change. It calls
// changing as soon as it finds a file changed (see inputs.Hash).
func hashInputs(o Options, place history.Place, searchConfig string, prev inputs.Record, changing func()) (string, map[string]string, map[string]inputs.Stamp) {
	salt := fmt.Sprintf("%q %q %q %q %q %v %v %q %q", inputs.Program(), o.Content, o.Templates, o.BaseURL, o.Pagefind, o.Force, o.Strict, place.Key(), content.SettingsZone(os.DirFS(o.Content)))
	if o.Pagefind != "" {
		salt += searchConfig
	}
	return inputs.Hash(o.Content, o.Templates, salt, prev, changing)
}

// withVersion gives the hash of a build's inputs (see hashInputs) with
// the version of Pagefind that indexes the site ("" for none): an index
// another version made would stay until the next change otherwise.
func withVersion(in, pagefind string) string {
	if in == "" || pagefind == "" {
		return in
	}
	sum := sha256.Sum256([]byte(in + "\x00" + pagefind))
	return hex.EncodeToString(sum[:])
}

// pagefindVersion asks, in the background, for the version of the
// Pagefind o indexes with, and gives what waits for it: "" without
// search.
func pagefindVersion(ctx context.Context, o Options) func() (string, error) {
	if o.Pagefind == "" {
		return func() (string, error) { return "", nil }
	}
	var (
		version string
		err     error
		asking  sync.WaitGroup
	)
	asking.Go(func() { version, err = search.Version(ctx, o.Pagefind) })
	return func() (string, error) {
		asking.Wait()
		return version, err
	}
}
