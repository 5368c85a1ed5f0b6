// Package deploy publishes a built site to a bucket of an object store.
//
// It takes the output folder, whose manifest lists every file the build
// wrote with its SHA-256, and a bucket's URL: s3:// (an S3-compatible
// store with endpoint=… and use_path_style=true), gs://, azblob:// or
// file://, opened by gocloud.dev/blob with credentials from the
// environment or the provider's own files. It gives a bucket that holds
// the site's files below an optional prefix, each with its Content-Type,
// Cache-Control and, with Compress, Content-Encoding, and an alias's page on
// S3 with a website redirect.
//
// It compares by content, never by time: the headers record in the
// bucket names the file each object was made from, the MD5 of the bytes
// sent and the headers they were sent with (see headers.go), and an
// object is kept when its file and headers are the same and the store
// lists that MD5 for it. An object the record does not name is compared
// by the MD5 of the bytes a deploy would send (the sums file beside the
// output folder remembers those by the file's SHA-256), or, where the
// store lists none, by the SHA-256 kept in the object's metadata.
// It uploads only what differs, in an order that never lets a link lead
// to an object not yet there (see order.go), deletes what the site no
// longer has last, and no more than MaxDeletes without Force. It knows
// nothing of articles: it tells what a file is by its name, and which
// pages are aliases from the _redirects file the build writes.
package deploy

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options say where and how to deploy.
type Options struct {
	Target     string // the bucket's URL
	Prefix     string // "" or a folder of the bucket ending in "/"
	MaxDeletes int    // the most objects to delete without Force
	Force      bool   // delete however many objects the site no longer has, and deploy into a file:// folder no deploy wrote to
	DryRun     bool   // plan, and change nothing
	Compress   string // compress text files: "" for none, Gzip or Brotli (see encodingFor)
	// Sources are folders that a file:// target, below its prefix, may
	// neither be, hold nor lie in, as the output folder may not: a deploy
	// deletes there what the site does not have. The content and theme
	// folders, say.
	Sources []string
	// Workers is how many uploads or deletions run at once; 0 means 16.
	Workers int
	// Done, if set, is called after each upload or deletion, from the
	// goroutine that made it.
	Done func(Change)
}

// Op is what a deploy does to one object.
type Op int

const (
	Add    Op = iota // upload a file the bucket lacks
	Update           // upload a file whose bytes differ from the object's
	Delete           // delete an object the site no longer has
)

func (o Op) String() string { return [...]string{"add", "update", "delete"}[o] }

// Change is one object a deploy adds, updates or deletes.
type Change struct {
	Op       Op
	Name     string // the file in the output folder; the key below the prefix
	Size     int64  // bytes sent (0 for a deletion)
	Type     string // Content-Type
	Cache    string // Cache-Control
	Encoding string // Content-Encoding, "" for none
	Redirect string // for an alias's page on S3, where it redirects
}

// Result is what a deploy did, or with DryRun would do.
type Result struct {
	Target    string
	Changes   []Change // in the order they are made
	Unchanged int
	// Uploaded and Deleted count the changes made: all of them, unless
	// an error stopped the deploy.
	Uploaded, Deleted int
	Bytes             int64 // sent
	Elapsed           time.Duration
}

// ErrTooManyDeletes is the error of a deploy that would delete more
// objects than MaxDeletes allows; it changes nothing.
var ErrTooManyDeletes = errors.New("too many deletions")

// ErrNotOurs is the error of a deploy that would delete or replace the
// files of a file:// target no deploy wrote to before; it changes
// nothing.
var ErrNotOurs = errors.New("not a deploy's target")

// change is a planned upload.
type change struct {
	file *file
	new  bool
}

// Run deploys the output folder dir to the bucket o names. On error, the
// Result says what was done before it.
func Run(ctx context.Context, dir string, o Options) (*Result, error) {
	start := time.Now()
	res := &Result{Target: o.Target}
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if err := apart(o, dir); err != nil {
		return res, err
	}
	files, err := readSite(dir, o.Compress)
	if err != nil {
		return res, err
	}
	sums := readSums(dir)
	// Sums that cannot be saved only make the next deploy read more.
	defer sums.save(files)
	st, err := openStore(ctx, o.Target, o.Prefix)
	if err != nil {
		return res, err
	}
	defer st.Close()
	if st.scheme == "file" {
		if err := folderNames(o.Target, files); err != nil {
			return res, err
		}
	}

	objects, err := st.list(ctx)
	var sent map[string]sentAs
	if err == nil {
		sent, err = st.readHeaders(ctx)
	}
	if err != nil {
		return res, err
	}
	uploads, deletes, held, err := plan(ctx, dir, st, files, objects, sent, sums)
	if err != nil {
		return res, err
	}
	res.Unchanged = len(files) - len(uploads)
	for _, c := range uploads {
		res.Changes = append(res.Changes, c.public(st.scheme))
	}
	for _, key := range deletes {
		res.Changes = append(res.Changes, Change{Op: Delete, Name: key})
	}
	defer func() { res.Elapsed = time.Since(start) }()
	if st.scheme == "file" && sent == nil && !o.Force {
		// A folder of this machine no deploy wrote to may be any folder
		// given by mistake (a theme's); a bucket is the site's own, and
		// max_deletes caps what a deploy deletes there.
		if err := notOurs(dir, o.Target, files, objects, uploads, deletes, sums); err != nil {
			return res, err
		}
	}
	if len(deletes) > o.MaxDeletes && !o.Force {
		err := fmt.Errorf("%w: deploy to %s would delete %d %s, more than max_deletes (%d): check the target and prefix, then run again with -force or a higher -max-deletes", ErrTooManyDeletes, o.Target, len(deletes), objectCount(len(deletes)), o.MaxDeletes)
		return res, err
	}
	if o.DryRun {
		return res, nil
	}
	var mu sync.Mutex
	err = apply(ctx, dir, st, uploads, deletes, o, res, func(f *file, md5 string) {
		mu.Lock()
		defer mu.Unlock()
		held[f.name] = md5
		sums.put(f, md5)
	})
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		// The record names what was sent before the stop, so that the
		// next deploy need not send it again; a store that cannot take
		// it now leaves the next deploy to compare those objects by MD5.
		stopped, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		st.writeHeaders(stopped, st.sentSoFar(files, held, sent), sent)
		return res, err
	}
	return res, st.writeHeaders(ctx, st.record(files, held), sent)
}

// plan sorts the site's files, in the output folder dir, into uploads,
// in order, and the keys to delete, and gives the MD5 of each object it
// keeps; sent is what each object was last sent as (see HeadersRecord).
// It reads only the files whose objects the record does not name, for
// the MD5 of what would be sent, which sums may remember.
func plan(ctx context.Context, dir string, st *store, files []*file, objects map[string]remote, sent map[string]sentAs, sums *sums) ([]*change, []string, map[string]string, error) {
	var unnamed []*file
	for _, f := range files {
		obj, ok := objects[f.name]
		if a := sent[f.name]; ok && obj.md5 != "" && a.headers == st.headers(f) && (a.sha256 == "" || a.md5 != obj.md5) {
			unnamed = append(unnamed, f)
		}
	}
	local, err := md5s(dir, unnamed, sums)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading the output folder: %w", err)
	}
	var uploads []*change
	held := make(map[string]string, len(files))
	for _, f := range files {
		obj, ok := objects[f.name]
		a := sent[f.name]
		switch {
		case !ok:
			uploads = append(uploads, &change{file: f, new: true})
			continue
		case a.headers != st.headers(f):
			// The same bytes, to be served otherwise.
		case obj.md5 == "":
			// The store lists no MD5 of this object: its metadata
			// says what file it holds.
			sha, encoding, err := st.storedHash(ctx, f.name)
			if err != nil {
				return nil, nil, nil, err
			}
			if sha == f.sha256 && encoding == f.encoding {
				continue
			}
		case a.sha256 != "" && a.md5 == obj.md5:
			// The record names the file the object was made from.
			if a.sha256 == f.sha256 {
				held[f.name] = obj.md5
				continue
			}
		case obj.md5 == local[f]:
			// The record names no file, or the object has changed since
			// it was written, as a deploy stopped half-way leaves it: it
			// is kept if it holds the bytes this deploy would send.
			held[f.name] = obj.md5
			continue
		}
		uploads = append(uploads, &change{file: f})
	}
	slices.SortFunc(uploads, before)
	site := make(map[string]bool, len(files))
	for _, f := range files {
		site[f.name] = true
	}
	var deletes []string
	for key := range objects {
		if !site[key] && key != HeadersRecord {
			deletes = append(deletes, key)
		}
	}
	slices.Sort(deletes)
	return uploads, deletes, held, nil
}

// public describes c for the Result; redirects are made only on S3.
func (c *change) public(scheme string) Change {
	op := Update
	if c.new {
		op = Add
	}
	ch := Change{Op: op, Name: c.file.name, Type: c.file.ctype, Cache: c.file.cache, Encoding: c.file.encoding}
	if scheme == "s3" {
		ch.Redirect = c.file.redirect
	}
	return ch
}

// apply makes the changes: each step of uploads in turn, all of its
// uploads at once, then the deletions. sent is told of each file sent,
// with the MD5 of the bytes sent.
func apply(ctx context.Context, dir string, st *store, uploads []*change, deletes []string, o Options, res *Result, sent func(*file, string)) error {
	var mu sync.Mutex
	done := func(c Change) {
		mu.Lock()
		switch c.Op {
		case Delete:
			res.Deleted++
		default:
			res.Uploaded++
			res.Bytes += c.Size
		}
		mu.Unlock()
		if o.Done != nil {
			o.Done(c)
		}
	}
	remove := func(ctx context.Context, key string) error {
		if err := st.remove(ctx, key); err != nil {
			return err
		}
		done(Change{Op: Delete, Name: key})
		return nil
	}
	if st.scheme == "file" {
		var first []string
		first, deletes = inTheWay(uploads, deletes)
		if err := each(ctx, o.Workers, first, remove); err != nil {
			return err
		}
	}
	for start := 0; start < len(uploads); {
		end := start + 1
		for end < len(uploads) && sameStep(uploads[start], uploads[end]) {
			end++
		}
		err := each(ctx, o.Workers, uploads[start:end], func(ctx context.Context, c *change) error {
			data, err := body(dir, c.file)
			if err != nil {
				return fmt.Errorf("reading %s: %w", c.file.name, err)
			}
			sum := md5.Sum(data)
			if err := st.put(ctx, c.file, data, sum[:]); err != nil {
				return err
			}
			sent(c.file, hex.EncodeToString(sum[:]))
			ch := c.public(st.scheme)
			ch.Size = int64(len(data))
			done(ch)
			return nil
		})
		if err != nil {
			return err
		}
		start = end
	}
	return each(ctx, o.Workers, deletes, remove)
}

// inTheWay parts the deletions into those an upload to a folder of this
// machine needs made first, as a file and a folder cannot share a name
// there (a bucket's keys can): a file where the site now has a folder,
// and the files of a folder the site made a file of, which prune then
// takes away; and the rest, which come last.
func inTheWay(uploads []*change, deletes []string) (first, last []string) {
	names, folders := map[string]bool{}, map[string]bool{}
	for _, c := range uploads {
		names[c.file.name] = true
		for d := path.Dir(c.file.name); d != "." && !folders[d]; d = path.Dir(d) {
			folders[d] = true
		}
	}
	for _, key := range deletes {
		way := folders[key]
		for d := path.Dir(key); !way && d != "."; d = path.Dir(d) {
			way = names[d]
		}
		if way {
			first = append(first, key)
		} else {
			last = append(last, key)
		}
	}
	return first, last
}

// each runs fn on every item, workers at a time, and returns the first
// error, after which it starts no more.
func each[T any](ctx context.Context, workers int, items []T, fn func(context.Context, T) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	next := make(chan T)
	for range min(workers, len(items)) {
		wg.Go(func() {
			for item := range next {
				if err := fn(ctx, item); err != nil {
					cancel(err)
				}
			}
		})
	}
	for _, item := range items {
		if ctx.Err() != nil {
			break
		}
		next <- item
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}

// notOurs refuses a deploy to target, a folder no deploy wrote to before,
// that would delete objects or replace them with other bytes: they are
// someone else's. Objects that hold the bytes this deploy sends, as a
// first deploy stopped half-way leaves them, are its own, and so is a
// file of the site under a temporary name, which a deploy killed while
// writing it leaves.
func notOurs(dir, target string, files []*file, objects map[string]remote, uploads []*change, deletes []string, sums *sums) error {
	var replaced []*file
	for _, c := range uploads {
		if !c.new {
			replaced = append(replaced, c.file)
		}
	}
	local, err := md5s(dir, replaced, sums)
	if err != nil {
		return fmt.Errorf("reading the output folder: %w", err)
	}
	site := make(map[string]bool, len(files))
	for _, f := range files {
		site[f.name] = true
	}
	var others []string
	for _, key := range deletes {
		if !site[temporaryOf(key)] {
			others = append(others, key)
		}
	}
	for _, f := range replaced {
		if obj := objects[f.name]; obj.md5 == "" || obj.md5 != local[f] {
			others = append(others, f.name)
		}
	}
	if len(others) == 0 {
		return nil
	}
	slices.Sort(others)
	return fmt.Errorf("%w: %s holds %d %s that the site does not have or would replace with other bytes, such as %s, and no record of an earlier deploy (%s): deploy to an empty folder, or one a deploy wrote to, or run again with -force to replace and delete them (a folder an older bulletin deployed to, before it kept that record, needs it once)", ErrNotOurs, target, len(others), objectCount(len(others)), others[0], HeadersRecord)
}

// temporaryOf is the file whose temporary name key is, as fileblob
// names one while it writes it (index.html.18ef14c55fef598d.tmp), or "".
func temporaryOf(key string) string {
	rest, ok := strings.CutSuffix(key, ".tmp")
	i := strings.LastIndexByte(rest, '.')
	if !ok || i < 0 || i == len(rest)-1 || strings.Trim(rest[i+1:], "0123456789abcdef") != "" {
		return ""
	}
	return rest[:i]
}

// folderNames refuses, before anything is sent, a deploy to target, a
// file:// folder, of a site with a file that folder cannot hold as
// named: gocloud keeps each file's headers in a .attrs file beside it,
// and writes a name holding __0x otherwise than the site links it.
func folderNames(target string, files []*file) error {
	for _, f := range files {
		if strings.HasSuffix(f.name, ".attrs") || strings.Contains(f.name, "__0x") {
			return fmt.Errorf("deploy to %s: the site's file %s cannot be kept in a folder as it is named: a file:// target keeps each file's headers in a .attrs file beside it, and writes a name holding __0x otherwise than pages link it; rename the file, or deploy to a bucket", target, f.name)
		}
	}
	return nil
}

// objectCount is "object" or "objects", as n asks.
func objectCount(n int) string {
	if n == 1 {
		return "object"
	}
	return "objects"
}
