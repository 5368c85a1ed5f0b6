package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/site"
)

// A file's key hashes everything it is made from, so that the file of an
// earlier build with the same key can stand in for it (see Reuser): the
// theme's files, the settings, and the whole of the data it is made
// from, as a template sees it. Nobody lists fields: the hasher follows
// every exported field, pointer, slice and map of the page's data, so a
// theme that shows one more field is covered as surely as the shipped
// one. What the generator's code does with that data is covered by the
// program's version, which output keeps with every key.
//
// Two rules keep this true and cheap. The data a template gets is
// acyclic, and what a method of it returns is made from its exported
// fields (site links articles to each other, and lists to articles, only
// through Teasers, and to topics and regulators through Refs, so that one
// page's data is a small part of the site, and a list does not follow
// the bodies of the articles it shows). And a value that knows what it is made from gives
// that instead of its fields: an article read from a file is a function
// of the file's bytes, its path and the settings, which its Key hashes.

var (
	timeType     = reflect.TypeFor[time.Time]()
	locationType = reflect.TypeFor[time.Location]()
)

// hasher hashes values as templates see them, each pointer's value once
// a build: the model does not change while files are made. It keeps
// every pointer it hashed, so that no address is reused for another
// value while it remembers the hash.
type hasher struct {
	done sync.Map // the pointer, as an interface value → [32]byte
	// sources gives the MetaSource of each article's front matter, which
	// stands for it.
	sources map[*content.Meta]string
}

// newHasher makes a hasher for the data of s.
func newHasher(s *site.Site) *hasher {
	h := &hasher{sources: make(map[*content.Meta]string, len(s.Articles))}
	for _, a := range s.Articles {
		if a.Content != nil && a.Content.MetaSource != "" {
			h.sources[&a.Content.Meta] = a.Content.MetaSource
		}
	}
	return h
}

// key hashes parts into a file's key.
func (h *hasher) key(parts ...any) string {
	var buf []byte
	for _, p := range parts {
		v := reflect.ValueOf(p)
		if v.Kind() == reflect.Pointer && !v.IsNil() && h.keyOf(v) == "" {
			// A page made for its key alone: hashed, not remembered, so
			// that it can be collected.
			buf = h.append(append(buf, 'p'), v.Elem(), []any{p})
			continue
		}
		buf = h.append(buf, reflect.ValueOf(&p).Elem(), nil)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// append writes v to buf, unambiguously; path lists the pointers being
// hashed, to tell a cycle, which is a bug in the model.
func (h *hasher) append(buf []byte, v reflect.Value, path []any) []byte {
	if key := h.keyOf(v); key != "" {
		return appendString(append(buf, 'k'), key)
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(buf, 1)
		}
		return append(buf, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.LittleEndian.AppendUint64(buf, math.Float64bits(v.Float()))
	case reflect.String:
		return appendString(buf, v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return appendString(buf, string(v.Bytes()))
		}
		buf = binary.AppendUvarint(buf, uint64(v.Len()))
		for i := range v.Len() {
			buf = h.append(buf, v.Index(i), path)
		}
		return buf
	case reflect.Map:
		return h.appendMap(buf, v, path)
	case reflect.Interface:
		if v.IsNil() {
			return append(buf, 'n')
		}
		return h.append(appendString(buf, v.Elem().Type().String()), v.Elem(), path)
	case reflect.Pointer:
		if v.IsNil() {
			return append(buf, 'n')
		}
		sum := h.pointer(v, path)
		return append(append(buf, 'p'), sum[:]...)
	case reflect.Struct:
		return h.appendStruct(buf, v, path)
	}
	// A func, a channel or an unsafe pointer: nothing a template can show
	// and a hash can cover.
	panic(fmt.Sprintf("render: page data holds a %s, which cannot be keyed", v.Type()))
}

func (h *hasher) appendStruct(buf []byte, v reflect.Value, path []any) []byte {
	switch v.Type() {
	case timeType:
		// The instant and its offset. Not the zone's name: a time read
		// back from the build cache has lost it, and the dates pages
		// show are formatted from the offset.
		return v.Interface().(time.Time).AppendFormat(buf, time.RFC3339Nano)
	case locationType:
		l := v.Addr().Interface().(*time.Location)
		return appendString(buf, l.String())
	}
	buf = append(buf, '{')
	for _, i := range exportedFields(v.Type()) {
		buf = h.append(buf, v.Field(i), path)
	}
	return append(buf, '}')
}

// fieldsOf caches exportedFields.
var fieldsOf sync.Map // reflect.Type → []int

// exportedFields lists the indexes of a struct type's exported fields.
func exportedFields(t reflect.Type) []int {
	if f, ok := fieldsOf.Load(t); ok {
		return f.([]int)
	}
	var f []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			f = append(f, i)
		}
	}
	fieldsOf.Store(t, f)
	return f
}

// appendMap writes a map's entries in the order of their keys' hashes.
func (h *hasher) appendMap(buf []byte, v reflect.Value, path []any) []byte {
	entries := make([][]byte, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		e := h.append(nil, it.Key(), path)
		entries = append(entries, h.append(e, it.Value(), path))
	}
	slices.SortFunc(entries, bytes.Compare)
	buf = binary.AppendUvarint(buf, uint64(len(entries)))
	for _, e := range entries {
		buf = appendString(buf, string(e))
	}
	return buf
}

// pointer hashes what v points to, once.
func (h *hasher) pointer(v reflect.Value, path []any) [32]byte {
	p := v.Interface()
	if sum, ok := h.done.Load(p); ok {
		return sum.([32]byte)
	}
	if slices.Contains(path, p) {
		panic(fmt.Sprintf("render: page data reaches a %s from itself: a key could not end", v.Type()))
	}
	buf := buffers.Get().(*[]byte)
	*buf = h.append((*buf)[:0], v.Elem(), append(path, p))
	sum := sha256.Sum256(*buf)
	buffers.Put(buf)
	h.done.Store(p, sum)
	return sum
}

// buffers hold what pointer hashes, reused from one pointer to the next.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// keyOf names what a value read from a file is made from: the Source of
// an article or an intro page, which hashes the file's bytes and path,
// the settings and the folder's name, or the MetaSource of an article's
// front matter, which hashes the same but the body. It is "" for any other value, or one that does not know
// its source, which is hashed by its fields.
func (h *hasher) keyOf(v reflect.Value) string {
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return ""
	}
	switch x := v.Interface().(type) {
	case *content.Article:
		return x.Source
	case *content.Page:
		return x.Source
	case *content.Meta:
		return h.sources[x]
	}
	return ""
}

func appendString(buf []byte, s string) []byte {
	return append(binary.AppendUvarint(buf, uint64(len(s))), s...)
}

// themeKey hashes every file of the theme, by path and bytes: a theme
// edit makes every file again, which is cheap and never stale.
func themeKey(templates fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(templates, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates, p)
		fmt.Fprintf(h, "%q %d %v\n", p, len(data), e.Type())
		h.Write(data)
		return err
	})
	return hex.EncodeToString(h.Sum(nil)), err
}
