package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"

	"bulletin/generator/content"
	"bulletin/generator/inputs"
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
	done memo
	// sources gives the MetaSource of each article's front matter, which
	// stands for it: made when a key is first wanted, as serve lists a
	// site's files after every save and makes few of them.
	sources func() map[*content.Meta]string
}

// newHasher makes a hasher for the data of s.
func newHasher(s *site.Site) *hasher {
	h := &hasher{sources: sync.OnceValue(func() map[*content.Meta]string {
		sources := make(map[*content.Meta]string, len(s.Articles))
		for _, a := range s.Articles {
			if a.Content != nil && a.Content.MetaSource != "" {
				sources[&a.Content.Meta] = a.Content.MetaSource
			}
		}
		return sources
	})}
	// About eight pointers an article are hashed: its own, its teaser's
	// and its story steps', say. Made that size when first used, the
	// shards need not grow.
	h.done.size = 8 * len(s.Articles) / len(h.done.shards)
	return h
}

// key hashes parts into a file's key.
func (h *hasher) key(parts ...any) string {
	w := newKeyWriter()
	defer writers.Put(w)
	// The pointers being hashed, a stack: room for the depth page data
	// reaches, so that following a pointer allocates nothing.
	path := make([]any, 0, 16)
	for _, p := range parts {
		v := reflect.ValueOf(p)
		if v.Kind() == reflect.Pointer && !v.IsNil() && h.keyOf(v) == "" {
			// A page made for its key alone: hashed, not remembered, so
			// that it can be collected.
			w.byte('p')
			h.append(w, v.Elem(), append(path, p))
			continue
		}
		h.append(w, reflect.ValueOf(&p).Elem(), path)
	}
	sum := w.sum()
	return hex.EncodeToString(sum[:])
}

// append writes v to w, unambiguously; path lists the pointers being
// hashed, to tell a cycle, which is a bug in the model.
func (h *hasher) append(w *keyWriter, v reflect.Value, path []any) {
	if key := h.keyOf(v); key != "" {
		w.byte('k')
		w.string(key)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.byte(1)
		} else {
			w.byte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf = binary.AppendVarint(w.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.buf = binary.AppendUvarint(w.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.Float()))
	case reflect.String:
		w.string(v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			w.bytes(v.Bytes())
			return
		}
		w.buf = binary.AppendUvarint(w.buf, uint64(v.Len()))
		for i := range v.Len() {
			h.append(w, v.Index(i), path)
			w.spill()
		}
	case reflect.Map:
		h.appendMap(w, v, path)
	case reflect.Interface:
		if v.IsNil() {
			w.byte('n')
			return
		}
		w.string(v.Elem().Type().String())
		h.append(w, v.Elem(), path)
	case reflect.Pointer:
		if v.IsNil() {
			w.byte('n')
			return
		}
		sum := h.pointer(v, path)
		w.byte('p')
		w.buf = append(w.buf, sum[:]...)
	case reflect.Struct:
		h.appendStruct(w, v, path)
	default:
		// A func, a channel or an unsafe pointer: nothing a template can
		// show and a hash can cover.
		panic(fmt.Sprintf("render: page data holds a %s, which cannot be keyed", v.Type()))
	}
}

func (h *hasher) appendStruct(w *keyWriter, v reflect.Value, path []any) {
	switch v.Type() {
	case timeType:
		// The instant and its offset. Not the zone's name: a time read
		// back from the build cache has lost it, and the dates pages
		// show are formatted from the offset.
		w.buf = v.Interface().(time.Time).AppendFormat(w.buf, time.RFC3339Nano)
		return
	case locationType:
		// The zone's rules, which the zone database may change under
		// one name.
		l := v.Addr().Interface().(*time.Location)
		w.string(content.ZoneKey(l))
		return
	}
	w.byte('{')
	for _, i := range exportedFields(v.Type()) {
		h.append(w, v.Field(i), path)
	}
	w.byte('}')
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
func (h *hasher) appendMap(w *keyWriter, v reflect.Value, path []any) {
	entries := make([][]byte, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		e := &keyWriter{}
		h.append(e, it.Key(), path)
		h.append(e, it.Value(), path)
		entries = append(entries, e.buf)
	}
	slices.SortFunc(entries, bytes.Compare)
	w.buf = binary.AppendUvarint(w.buf, uint64(len(entries)))
	for _, e := range entries {
		w.bytes(e)
	}
}

// pointer hashes what v points to, once.
func (h *hasher) pointer(v reflect.Value, path []any) digest {
	p := v.Interface()
	shard := h.done.shard(v.Pointer())
	if sum, ok := shard.load(p); ok {
		return sum
	}
	if slices.Contains(path, p) {
		panic(fmt.Sprintf("render: page data reaches a %s from itself: a key could not end", v.Type()))
	}
	w := newKeyWriter()
	h.append(w, v.Elem(), append(path, p))
	full := w.sum()
	writers.Put(w)
	sum := digest(full[:len(digest{})])
	shard.store(p, sum, h.done.size)
	return sum
}

// digest is what a key holds of the value a pointer points to: the first
// half of its SHA-256. A million of them are kept a build, and two
// values would share one by chance once in 10^26 such builds.
type digest [16]byte

// forget lets go of the hashes of the pointers hashed, once every key
// that needs them is made: a later key hashes them afresh.
func (h *hasher) forget() {
	for i := range h.done.shards {
		s := &h.done.shards[i]
		s.mu.Lock()
		s.m = nil
		s.mu.Unlock()
	}
}

// memo holds the hash of each pointer hashed, by the pointer as an
// interface value: its type as well as its address, since a struct and
// its first field share one. The cores share it, in shards, each a
// plain map under its own lock: at a million pointers, as a large site
// has, cheaper to look in than one sync.Map.
type memo struct {
	shards [64]memoShard
	size   int // the room each shard is made with
}

type memoShard struct {
	mu sync.Mutex
	m  map[any]digest
	_  [48]byte // a cache line each, so that cores locking two shards do not slow each other
}

// shard gives the shard of the pointer at address addr.
func (m *memo) shard(addr uintptr) *memoShard {
	return &m.shards[(addr*0x9e3779b97f4a7c15)>>58]
}

func (s *memoShard) load(p any) (digest, bool) {
	s.mu.Lock()
	sum, ok := s.m[p]
	s.mu.Unlock()
	return sum, ok
}

func (s *memoShard) store(p any, sum digest, size int) {
	s.mu.Lock()
	if s.m == nil {
		s.m = make(map[any]digest, size)
	}
	s.m[p] = sum
	s.mu.Unlock()
}

// keyWriter takes what a key is hashed from, a piece at a time: into a
// SHA-256 through a buffer of at most about flushAt bytes, so that the
// data of a page that lists the whole site is never held at once, or,
// with no hash, into its buffer, as a map's entries are before they are
// sorted.
type keyWriter struct {
	buf []byte
	h   hash.Hash // nil to keep the bytes in buf
}

// flushAt is how much a keyWriter buffers before it hashes.
const flushAt = 16 << 10

// writers hold keyWriters, reused from one key or pointer to the next.
var writers = sync.Pool{New: func() any { return &keyWriter{buf: make([]byte, 0, flushAt), h: sha256.New()} }}

// newKeyWriter gives a hashing keyWriter, empty; writers.Put takes it
// back.
func newKeyWriter() *keyWriter {
	w := writers.Get().(*keyWriter)
	w.buf = w.buf[:0]
	w.h.Reset()
	return w
}

func (w *keyWriter) byte(b byte) { w.buf = append(w.buf, b) }

// spill hashes what the buffer holds once it holds flushAt bytes.
func (w *keyWriter) spill() {
	if w.h != nil && len(w.buf) >= flushAt {
		w.hashBuffer()
	}
}

// hashBuffer hashes what the buffer holds and empties it.
func (w *keyWriter) hashBuffer() {
	w.h.Write(w.buf)
	w.buf = w.buf[:0]
}

// string writes s after its length.
func (w *keyWriter) string(s string) { writeRun(w, s) }

// bytes writes b after its length.
func (w *keyWriter) bytes(b []byte) { writeRun(w, b) }

// writeRun writes b after its length; a run longer than the buffer goes
// to the hash without being copied into it.
func writeRun[T string | []byte](w *keyWriter, b T) {
	w.buf = binary.AppendUvarint(w.buf, uint64(len(b)))
	if w.h != nil && len(w.buf)+len(b) > flushAt {
		w.hashBuffer()
		if len(b) > flushAt {
			w.h.Write([]byte(b))
			return
		}
	}
	w.buf = append(w.buf, b...)
}

// sum is the SHA-256 of all that was written.
func (w *keyWriter) sum() [32]byte {
	w.h.Write(w.buf)
	var sum [32]byte
	w.h.Sum(sum[:0])
	return sum
}

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
		return h.sources()[x]
	}
	return ""
}

// themeKey hashes every file of the theme, by path and bytes: a theme
// edit makes every file again, which is cheap and never stale.
func themeKey(templates fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(templates, ".", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p != "." && inputs.Hidden(e.Name()) && e.IsDir():
			return fs.SkipDir // .git and the like: nothing of them is published
		case !fs.ValidPath(p):
			return nil // a name no template is read by, which static/ refuses
		case e.IsDir():
			// A folder where a template was is told otherwise than none.
			fmt.Fprintf(h, "%q folder\n", p)
			return nil
		}
		if !e.Type().IsRegular() {
			// A link, a pipe or a device: no template is read through it,
			// and static/ refuses it; reading a pipe might never end.
			target, _ := fs.ReadLink(templates, p)
			fmt.Fprintf(h, "%q %v %q\n", p, e.Type(), target)
			return nil
		}
		data, err := fs.ReadFile(templates, p)
		fmt.Fprintf(h, "%q %d %v\n", p, len(data), e.Type())
		h.Write(data)
		return err
	})
	return hex.EncodeToString(h.Sum(nil)), err
}
