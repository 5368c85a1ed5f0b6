package deploy

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"maps"
	"slices"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// A bucket's listing gives each object's MD5, but not the headers it is
// served with, so a change to those alone (a file's Content-Type,
// Cache-Control, Content-Encoding or redirect, as a new version of
// bulletin may give) would go unseen. The headers record, an object
// beside the site's, lists what each object was last sent with, and a
// file whose headers differ from it is sent again. It also names the
// file each object was made from (its SHA-256) and the MD5 of the bytes
// sent, so that a deploy finds a file unchanged when it is the one sent
// and the object still has those bytes, without compressing it again to
// learn their MD5, even where no sums file beside the output folder
// remembers it, as on a CI machine. A deploy writes the record once
// every change is made; one stopped half-way writes what it sent before
// the stop, and an object whose MD5 is no longer the record's (sent by
// a deploy that stopped before it could say so) is kept if it holds the
// bytes a deploy would send, so the next deploy sends only the rest. A
// bucket without a record, or with one that cannot be read, has every
// file sent again once.
const HeadersRecord = ".bulletin-headers"

// recordVersion opens a headers record that names each object's file
// and MD5; a record without it gives headers alone.
const recordVersion = "bulletin headers 2"

// sentAs is what the record keeps of one object.
type sentAs struct {
	headers     string
	sha256, md5 string // of the file it was made from and of the bytes sent; "" when not known
}

// headers is what f is sent with, as the record keeps it.
func (s *store) headers(f *file) string {
	h := f.ctype + "\t" + f.cache + "\t" + f.encoding
	if s.scheme == "s3" && f.redirect != "" {
		h += "\t" + f.redirect
	}
	return h
}

// readHeaders reads the headers record: what each object was sent as, by
// its key, or nil when there is none; none known, when it cannot be read.
func (s *store) readHeaders(ctx context.Context) (map[string]sentAs, error) {
	var data []byte
	err := retry(ctx, s, func() (err error) {
		data, err = s.b.ReadAll(ctx, HeadersRecord)
		return err
	})
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, s.describe(err, "reading "+HeadersRecord)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		// A record that cannot be read still says a deploy wrote here;
		// what it sent is not known.
		return map[string]sentAs{}, nil
	}
	out := map[string]sentAs{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	named := false
	for first := true; sc.Scan(); first = false {
		line := sc.Text()
		if first && line == recordVersion {
			named = true
			continue
		}
		key, rest, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		var a sentAs
		if named {
			f := strings.SplitN(rest, "\t", 3)
			if len(f) != 3 {
				continue
			}
			a.sha256, a.md5, rest = f[0], f[1], f[2]
		}
		a.headers = rest
		out[key] = a
	}
	if sc.Err() != nil {
		// Cut short: still a deploy's, as above.
		return map[string]sentAs{}, nil
	}
	return out, nil
}

// record is the headers record of files once each is in the bucket, its
// object holding the bytes of the MD5 held gives ("" where not known).
func (s *store) record(files []*file, held map[string]string) map[string]sentAs {
	now := make(map[string]sentAs, len(files))
	for _, f := range files {
		now[f.name] = sentAs{headers: s.headers(f), sha256: f.sha256, md5: held[f.name]}
	}
	return now
}

// sentSoFar is the headers record of a deploy that stopped before it
// sent every file: the files held names as this deploy has them, and
// the others as the last record had them (old), since their objects are
// as they were.
func (s *store) sentSoFar(files []*file, held map[string]string, old map[string]sentAs) map[string]sentAs {
	now := make(map[string]sentAs, len(files))
	for _, f := range files {
		if md5, ok := held[f.name]; ok {
			now[f.name] = sentAs{headers: s.headers(f), sha256: f.sha256, md5: md5}
		} else if a, ok := old[f.name]; ok {
			now[f.name] = a
		}
	}
	return now
}

// writeHeaders writes the headers record now, unless the bucket holds it
// as old, the record read before, has it.
func (s *store) writeHeaders(ctx context.Context, now, old map[string]sentAs) error {
	if old != nil && maps.Equal(now, old) {
		return nil
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	io.WriteString(zw, recordVersion+"\n")
	for _, key := range slices.Sorted(maps.Keys(now)) {
		a := now[key]
		io.WriteString(zw, key+"\t"+a.sha256+"\t"+a.md5+"\t"+a.headers+"\n")
	}
	if err := zw.Close(); err != nil {
		return err
	}
	err := retry(ctx, s, func() error {
		return s.b.WriteAll(ctx, HeadersRecord, buf.Bytes(), &blob.WriterOptions{
			ContentType: "application/gzip", CacheControl: "no-store", DisableContentTypeDetection: true})
	})
	if err != nil {
		return s.describe(err, "writing "+HeadersRecord)
	}
	return nil
}
