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
// file whose headers differ from it is sent again. A deploy writes it
// once every change is made, so one stopped half-way leaves the record
// as it was and the next sends those files again; a bucket without a
// record, or with one that cannot be read, has every file sent again
// once.
const HeadersRecord = ".bulletin-headers"

// headers is what f is sent with, as the record keeps it.
func (s *store) headers(f *file) string {
	h := f.ctype + "\t" + f.cache + "\t" + f.encoding
	if s.scheme == "s3" && f.redirect != "" {
		h += "\t" + f.redirect
	}
	return h
}

// readHeaders reads the headers record: each object's headers by its
// key, or nil when there is none.
func (s *store) readHeaders(ctx context.Context) (map[string]string, error) {
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
		return nil, nil
	}
	out := map[string]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if key, h, ok := strings.Cut(sc.Text(), "\t"); ok {
			out[key] = h
		}
	}
	if sc.Err() != nil {
		return nil, nil
	}
	return out, nil
}

// writeHeaders writes the headers record of files, unless the bucket
// holds it as it would be written.
func (s *store) writeHeaders(ctx context.Context, files []*file, old map[string]string) error {
	now := make(map[string]string, len(files))
	for _, f := range files {
		now[f.name] = s.headers(f)
	}
	if old != nil && maps.Equal(now, old) {
		return nil
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	for _, key := range slices.Sorted(maps.Keys(now)) {
		io.WriteString(zw, key+"\t"+now[key]+"\n")
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
