package deploy

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"gocloud.dev/blob"
	_ "gocloud.dev/blob/azureblob" // azblob://
	_ "gocloud.dev/blob/fileblob"  // file://
	_ "gocloud.dev/blob/gcsblob"   // gs://
	_ "gocloud.dev/blob/s3blob"    // s3://
	"gocloud.dev/gcerrors"

	"bulletin/generator/output"
)

// hashKey is the metadata that holds the SHA-256 of an object's file, for
// stores whose listing gives no MD5 of the bytes (a multipart upload's).
const hashKey = "bulletin-sha256"

// store is the bucket a deploy writes to.
type store struct {
	target string // the URL, for messages
	scheme string
	name   string // the bucket's name (the folder's path for file://)
	prefix string
	b      *blob.Bucket // below the prefix
}

// remote is what the bucket lists of one object.
type remote struct {
	md5  string // hex, "" when the store gives none
	size int64
}

// apart refuses a file:// target whose folder, below the prefix, is the
// output folder dir or one of o.Sources, holds one or lies in one.
func apart(o Options, dir string) error {
	u, err := url.Parse(o.Target)
	if err != nil || u.Scheme != "file" {
		return nil // openStore tells a bad URL
	}
	folder := filepath.Join(folderOf(u), filepath.FromSlash(o.Prefix))
	for _, f := range append([]string{dir}, o.Sources...) {
		if nested, err := output.Nested(folder, f); err != nil || nested {
			return fmt.Errorf("deploy to %s: %s is, holds or lies in %s, where the deploy would delete every file the site does not have: deploy to a folder of its own", o.Target, folder, f)
		}
	}
	return nil
}

// folderOf is the folder a file:// URL names, as gocloud's fileblob
// opens it: file://./site is the folder site of the working directory,
// not /site.
func folderOf(u *url.URL) string {
	p := u.Path
	if u.Host == "." {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.FromSlash(p)
}

// noLinks refuses a file:// target whose folder, below its own path,
// holds a symbolic link: files are written, and folders made, through a
// link to wherever it leads, outside the target, and what the deploy then
// deletes of the link leaves the site without the pages it wrote there.
func noLinks(target, root, prefix string) error {
	// The target's own folder may be a link, given on purpose: what is
	// below the folder it leads to is looked at.
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	folder := root
	for part := range strings.SplitSeq(strings.Trim(prefix, "/"), "/") {
		if part == "" {
			continue
		}
		folder = filepath.Join(folder, part)
		info, err := os.Lstat(folder)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // made by the deploy
		}
		if err != nil {
			return fmt.Errorf("deploy to %s: %w", target, err)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return linkError(target, folder)
		}
	}
	return filepath.WalkDir(folder, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil && p == folder && errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return fmt.Errorf("deploy to %s: %w", target, err)
		case e.Type()&fs.ModeSymlink != 0:
			return linkError(target, p)
		}
		return nil
	})
}

func linkError(target, link string) error {
	return fmt.Errorf("deploy to %s: %s is a symbolic link, which the deploy would write through, outside the target: replace it with a folder or file of its own, or remove it, then deploy again", target, link)
}

// openStore opens the bucket at target, below prefix.
func openStore(ctx context.Context, target, prefix string) (*store, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, fmt.Errorf("target %q: %w", target, err)
	}
	s := &store{target: target, scheme: u.Scheme, name: u.Host, prefix: prefix}
	open := target
	if u.Scheme == "file" {
		// fileblob writes each file under a temporary name first, by
		// default in the system's temporary folder, whence it cannot be
		// renamed into a target on another file system (a /tmp in
		// memory, /srv on a disk), and where a deploy killed half-way
		// leaves it; beside the file it replaces, it is renamed in place.
		q := u.Query()
		q.Set("no_tmp_dir", "true")
		v := *u
		v.RawQuery = q.Encode()
		open = v.String()
		s.name = folderOf(u)
		if info, err := os.Stat(s.name); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("deploy to %s: folder %s does not exist: make it, or correct the target", target, filepath.ToSlash(s.name))
		}
		if err := noLinks(target, s.name, prefix); err != nil {
			return nil, err
		}
	}
	s.b, err = blob.OpenBucket(ctx, open)
	if err != nil && open != target {
		// Told with the target as given, not the parameter added above.
		return nil, fmt.Errorf("deploy to %s: %s", target, strings.ReplaceAll(err.Error(), open, target))
	}
	if err != nil {
		return nil, fmt.Errorf("deploy to %s: %w", target, err)
	}
	if prefix != "" {
		s.b = blob.PrefixedBucket(s.b, prefix) // which takes over the bucket
	}
	return s, nil
}

func (s *store) Close() error { return s.b.Close() }

// list gives every object below the prefix.
func (s *store) list(ctx context.Context) (map[string]remote, error) {
	out := map[string]remote{}
	var token = blob.FirstPageToken
	for {
		var page []*blob.ListObject
		var next []byte
		err := retry(ctx, s, func() (err error) {
			page, next, err = s.b.ListPage(ctx, token, 1000, nil)
			return err
		})
		if err != nil {
			return nil, s.describe(err, "listing the bucket")
		}
		for _, o := range page {
			if !o.IsDir {
				out[o.Key] = remote{md5: hex.EncodeToString(o.MD5), size: o.Size}
			}
		}
		if len(next) == 0 {
			return out, nil
		}
		token = next
	}
}

// storedHash is the SHA-256 an object's metadata gives for its file, and
// its Content-Encoding, for an object the listing gave no MD5 of.
func (s *store) storedHash(ctx context.Context, key string) (sha, encoding string, err error) {
	var a *blob.Attributes
	err = retry(ctx, s, func() (err error) {
		a, err = s.b.Attributes(ctx, key)
		return err
	})
	if err != nil {
		return "", "", s.describe(err, "reading the attributes of "+key)
	}
	return a.Metadata[hashKey], a.ContentEncoding, nil
}

// put uploads one file's bytes with its headers.
func (s *store) put(ctx context.Context, f *file, data []byte, md5 []byte) error {
	encoding := f.encoding
	err := retry(ctx, s, func() error {
		if f.redirect != "" && s.scheme == "s3" {
			return s.putRedirect(ctx, f, data, encoding)
		}
		return s.b.WriteAll(ctx, f.name, data, &blob.WriterOptions{
			ContentType:                 f.ctype,
			CacheControl:                f.cache,
			ContentEncoding:             encoding,
			ContentMD5:                  md5,
			Metadata:                    map[string]string{hashKey: f.sha256},
			DisableContentTypeDetection: true,
		})
	})
	if err != nil {
		return s.describe(err, "uploading "+f.name)
	}
	return nil
}

// putRedirect uploads an alias's page to S3 with the website redirect
// that S3's website endpoint answers with a 301 (the page stays for
// other ways in, such as a CDN reading the bucket itself). gocloud's
// writer has no field for it, so the S3 client itself sends the object.
func (s *store) putRedirect(ctx context.Context, f *file, data []byte, encoding string) error {
	var client *s3.Client
	if !s.b.As(&client) {
		return errors.New("the s3 driver gave no S3 client")
	}
	in := &s3.PutObjectInput{
		Bucket:                  aws.String(s.name),
		Key:                     aws.String(s.prefix + f.name),
		Body:                    bytes.NewReader(data),
		ContentType:             aws.String(f.ctype),
		CacheControl:            aws.String(f.cache),
		Metadata:                map[string]string{hashKey: f.sha256},
		WebsiteRedirectLocation: aws.String(f.redirect),
	}
	if encoding != "" {
		in.ContentEncoding = aws.String(encoding)
	}
	_, err := client.PutObject(ctx, in)
	return err
}

// remove deletes one object; one already gone is no error.
func (s *store) remove(ctx context.Context, key string) error {
	err := retry(ctx, s, func() error {
		err := s.b.Delete(ctx, key)
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil
		}
		return err
	})
	if err != nil {
		return s.describe(err, "deleting "+key)
	}
	s.prune(key)
	return nil
}

// prune removes the folders of a file:// target that deleting key left
// empty, up to the target's own folder below the prefix: a deploy of
// the site to an empty folder would not have made them, and a web
// server answers an empty folder's address, such as a deleted article's,
// with 403 rather than the site's 404 page. A folder is removed only
// when empty, so one that still holds anything stops it; of deletions
// made at once, the one that empties a folder last removes it.
func (s *store) prune(key string) {
	if s.scheme != "file" {
		return
	}
	root := filepath.Join(filepath.FromSlash(s.name), filepath.FromSlash(s.prefix))
	for dir := path.Dir(key); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(root, filepath.FromSlash(dir))) != nil {
			return
		}
	}
}

// Retries: a store may fail a request now and then (a dropped
// connection, a 503 asking to slow down). Those are tried again after a
// pause that doubles each time, with jitter, up to attempts in all; an
// error that will not pass by itself (credentials, permissions, a
// missing bucket) is returned at once.
var (
	attempts  = 5
	firstWait = 200 * time.Millisecond
)

func retry(ctx context.Context, s *store, op func() error) error {
	wait := firstWait
	for i := 1; ; i++ {
		err := op()
		if err == nil || i == attempts || ctx.Err() != nil || !s.transient(err) {
			return err
		}
		t := time.NewTimer(wait/2 + rand.N(wait))
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait *= 2
	}
}

// authCodes are the S3 error codes for credentials the store refuses.
var authCodes = []string{"InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken",
	"TokenRefreshRequired", "AuthorizationHeaderMalformed", "InvalidClientTokenId", "AccessDenied", "AllAccessDisabled"}

// apiCode is the store's own code for an error, such as NoSuchBucket.
func apiCode(err error) string {
	var coded interface{ ErrorCode() string }
	if errors.As(err, &coded) {
		return coded.ErrorCode()
	}
	return ""
}

func (s *store) transient(err error) bool {
	switch gcerrors.Code(err) {
	case gcerrors.NotFound, gcerrors.PermissionDenied, gcerrors.InvalidArgument, gcerrors.FailedPrecondition,
		gcerrors.Unimplemented, gcerrors.AlreadyExists, gcerrors.Canceled:
		return false
	}
	code := apiCode(err)
	return !slices.Contains(authCodes, code) && code != "NoSuchBucket" && !errors.Is(err, fs.ErrPermission) && !noCredentials(err)
}

// noCredentials reports whether the SDK found no credentials at all.
func noCredentials(err error) bool {
	msg := err.Error()
	for _, sign := range []string{
		"get credentials:", "failed to retrieve credentials", "no valid providers in chain", // AWS
		"could not find default credentials", // Google
		"DefaultAzureCredential",             // Azure
	} {
		if strings.Contains(msg, sign) {
			return true
		}
	}
	return false
}

// credentialsHelp says where each kind of store looks for credentials.
var credentialsHelp = map[string]string{
	"s3":     "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE for a profile in ~/.aws/credentials",
	"gs":     "set GOOGLE_APPLICATION_CREDENTIALS to a service account's key file, or run gcloud auth application-default login",
	"azblob": "set AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN, or sign in with az login",
	"file":   "check the folder's owner and permissions",
}

// describe turns a store's error into one that names the target and says
// what to do.
func (s *store) describe(err error, doing string) error {
	code := apiCode(err)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("deploy to %s stopped while %s: %w", s.target, doing, err)
	case code == "NoSuchBucket", s.scheme != "file" && gcerrors.Code(err) == gcerrors.NotFound && doing == "listing the bucket":
		return fmt.Errorf("deploy to %s: bucket %q does not exist: create it, or correct the target: %w", s.target, s.name, err)
	case noCredentials(err):
		return fmt.Errorf("deploy to %s: no credentials found: %s: %w", s.target, credentialsHelp[s.scheme], err)
	case code != "" && code != "AccessDenied" && code != "AllAccessDisabled" && slices.Contains(authCodes, code):
		return fmt.Errorf("deploy to %s: the store refused the credentials (%s) while %s: %s: %w", s.target, code, doing, credentialsHelp[s.scheme], err)
	case gcerrors.Code(err) == gcerrors.PermissionDenied, errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("deploy to %s: permission denied while %s: the credentials in use may not do this (they need to list, read, write and delete objects): %w", s.target, doing, err)
	}
	return fmt.Errorf("deploy to %s: %s: %w", s.target, doing, err)
}
