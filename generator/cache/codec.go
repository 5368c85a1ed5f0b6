package cache

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"time"
)

// A value is written as its exported fields in order, followed through
// pointers, slices and arrays; a time as its binary form (its instant and
// offset) and its zone's name, so that it reads back in the very zone it
// was in. It is read back from one string holding
// the whole file, so that every string read is a part of it rather than
// a copy: a build reads tens of thousands of articles, and copying and
// collecting their strings took most of the time reading them did.
// Unexported fields are neither written nor read.

// codec writes and reads the values of one type.
type codec struct {
	put func(b []byte, v reflect.Value) []byte
	get func(r *reader, v reflect.Value) // v is settable
}

// codecs holds the codec of each type met, made under codecsMu.
var (
	codecs   = map[reflect.Type]*codec{}
	codecsMu sync.Mutex
)

var timeType = reflect.TypeFor[time.Time]()

// codecFor gives the codec of t. It panics on a type it cannot write,
// such as a map, an interface or a func, which a cached value does not
// hold: that is a mistake in the program, found by its first test.
func codecFor(t reflect.Type) *codec {
	codecsMu.Lock()
	defer codecsMu.Unlock()
	return codecOf(t)
}

// codecOf gives the codec of t, making it, with codecsMu held.
func codecOf(t reflect.Type) *codec {
	if c, ok := codecs[t]; ok {
		return c
	}
	// Kept before it is made, so that a type that holds itself through
	// a pointer finds it; forgotten if it cannot be made.
	c := &codec{}
	codecs[t] = c
	defer func() {
		if c.put == nil {
			delete(codecs, t)
		}
	}()
	c.put, c.get = makeCodec(t)
	return c
}

func makeCodec(t reflect.Type) (func([]byte, reflect.Value) []byte, func(*reader, reflect.Value)) {
	switch t.Kind() {
	case reflect.Bool:
		return func(b []byte, v reflect.Value) []byte {
				if v.Bool() {
					return append(b, 1)
				}
				return append(b, 0)
			}, func(r *reader, v reflect.Value) {
				v.SetBool(r.uvarint() != 0)
			}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b []byte, v reflect.Value) []byte {
				return binary.AppendVarint(b, v.Int())
			}, func(r *reader, v reflect.Value) {
				v.SetInt(r.varint())
			}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(b []byte, v reflect.Value) []byte {
				return binary.AppendUvarint(b, v.Uint())
			}, func(r *reader, v reflect.Value) {
				v.SetUint(r.uvarint())
			}
	case reflect.Float32, reflect.Float64:
		return func(b []byte, v reflect.Value) []byte {
				return binary.AppendUvarint(b, math.Float64bits(v.Float()))
			}, func(r *reader, v reflect.Value) {
				v.SetFloat(math.Float64frombits(r.uvarint()))
			}
	case reflect.String:
		return func(b []byte, v reflect.Value) []byte {
				return appendString(b, v.String())
			}, func(r *reader, v reflect.Value) {
				v.SetString(r.string())
			}
	case reflect.Pointer:
		elem := codecOf(t.Elem())
		return func(b []byte, v reflect.Value) []byte {
				if v.IsNil() {
					return append(b, 0)
				}
				return elem.put(append(b, 1), v.Elem())
			}, func(r *reader, v reflect.Value) {
				if r.uvarint() == 0 {
					v.SetZero()
					return
				}
				p := reflect.New(t.Elem())
				elem.get(r, p.Elem())
				v.Set(p)
			}
	case reflect.Slice:
		return sliceCodec(t)
	case reflect.Array:
		return elemsCodec(t)
	case reflect.Struct:
		if t == timeType {
			return timeCodec()
		}
		return structCodec(t)
	}
	panic(fmt.Sprintf("cache: a %s cannot be cached", t))
}

// sliceCodec writes a slice as its length, one more than it so that a nil
// slice, written as 0, reads back nil, then its elements.
func sliceCodec(t reflect.Type) (func([]byte, reflect.Value) []byte, func(*reader, reflect.Value)) {
	putElems, getElems := elemsCodec(t)
	return func(b []byte, v reflect.Value) []byte {
			if v.IsNil() {
				return append(b, 0)
			}
			return putElems(binary.AppendUvarint(b, uint64(v.Len())+1), v)
		}, func(r *reader, v reflect.Value) {
			n, ok := r.length()
			if !ok {
				v.SetZero()
				return
			}
			s := reflect.MakeSlice(t, n, n)
			getElems(r, s)
			v.Set(s)
		}
}

// elemsCodec writes and reads the elements of a slice or an array of
// type t, and a slice of bytes as one run.
func elemsCodec(t reflect.Type) (func([]byte, reflect.Value) []byte, func(*reader, reflect.Value)) {
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return func(b []byte, v reflect.Value) []byte {
				return append(b, v.Bytes()...)
			}, func(r *reader, s reflect.Value) {
				copy(s.Bytes(), r.take(s.Len()))
			}
	}
	elem := codecOf(t.Elem())
	return func(b []byte, v reflect.Value) []byte {
			for i := range v.Len() {
				b = elem.put(b, v.Index(i))
			}
			return b
		}, func(r *reader, s reflect.Value) {
			for i := range s.Len() {
				elem.get(r, s.Index(i))
			}
		}
}

// structCodec writes a struct's exported fields in order.
func structCodec(t reflect.Type) (func([]byte, reflect.Value) []byte, func(*reader, reflect.Value)) {
	var fields []int
	var parts []*codec
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			fields = append(fields, i)
			parts = append(parts, codecOf(t.Field(i).Type))
		}
	}
	if len(fields) == 0 {
		// It would take no bytes, which reader.length counts on.
		panic(fmt.Sprintf("cache: a %s has no exported field to cache", t))
	}
	return func(b []byte, v reflect.Value) []byte {
			for i, f := range fields {
				b = parts[i].put(b, v.Field(f))
			}
			return b
		}, func(r *reader, v reflect.Value) {
			for i, f := range fields {
				parts[i].get(r, v.Field(f))
			}
		}
}

// timeCodec writes a time as its binary form, which keeps its instant and
// its offset from UTC, and its zone, which the binary form does not keep:
// read back, a time is in the zone it was in, a zone of the time zone
// database by its name (Europe/London, UTC), or a zone of one offset,
// named or not ("+0100 CET" as a date gives it), so that what a theme
// shows of it (BST, not +0100) and what is worked out from it (the end of
// a day that changes its clocks) are as from a time read anew.
func timeCodec() (func([]byte, reflect.Value) []byte, func(*reader, reflect.Value)) {
	return func(b []byte, v reflect.Value) []byte {
			t := v.Interface().(time.Time)
			data, err := t.MarshalBinary()
			if err != nil {
				// An offset that is not a whole second: the instant in
				// UTC is kept.
				t = t.UTC()
				data, _ = t.MarshalBinary()
			}
			zone := t.Location().String()
			if database(t) == nil {
				zone = fixedMark + zone
			}
			return appendString(appendString(b, string(data)), zone)
		}, func(r *reader, v reflect.Value) {
			t := v.Addr().Interface().(*time.Time)
			if t.UnmarshalBinary([]byte(r.string())) != nil {
				r.bad = true
			}
			*t = inZone(*t, r.string())
		}
}

// fixedMark starts the name of a zone of one offset as the codec writes
// it, which no zone of the database starts with.
const fixedMark = "="

// zones holds each zone of the database looked up, by name; nil for a
// name it does not have.
var zones sync.Map // string → *time.Location

// zoneNamed gives the database's zone of that name, or nil.
func zoneNamed(name string) *time.Location {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	zones.Store(name, loc)
	return loc
}

// database gives the zone of the database that t's zone is, by its name,
// or nil for a zone of one offset (time.FixedZone), even one named as a
// zone of the database is ("CET"): the two differ where the database's
// zone changes its clocks, seen six months either side of t.
func database(t time.Time) *time.Location {
	loc := t.Location()
	db := zoneNamed(loc.String())
	if db == nil || db == loc {
		return db
	}
	for _, at := range []time.Time{t, t.AddDate(0, -6, 0), t.AddDate(0, 6, 0)} {
		name, offset := at.In(loc).Zone()
		dbName, dbOffset := at.In(db).Zone()
		if name != dbName || offset != dbOffset {
			return nil
		}
	}
	return db
}

// inZone gives t, read with its offset, in the zone the codec wrote as
// name (see timeCodec).
func inZone(t time.Time, name string) time.Time {
	_, offset := t.Zone()
	if fixed, ok := strings.CutPrefix(name, fixedMark); ok {
		return t.In(time.FixedZone(fixed, offset))
	}
	if loc := zoneNamed(name); loc != nil {
		in := t.In(loc)
		if _, o := in.Zone(); o == offset {
			return in
		}
	}
	return t.In(time.FixedZone(name, offset))
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// reader reads values from a string. A read past its end, or of a length
// longer than what is left, marks it bad and gives zero values, so that
// a damaged file is found rather than read.
type reader struct {
	s   string
	at  int
	bad bool
}

func (r *reader) uvarint() uint64 {
	x, n := uvarint(r.s[r.at:])
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.at += n
	return x
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// length reads a slice's length as sliceCodec writes it: false for nil.
// Every element takes at least a byte, so a length beyond what is left is
// damage.
func (r *reader) length() (int, bool) {
	n := r.uvarint()
	if n == 0 || n-1 > uint64(len(r.s)-r.at) {
		r.bad = r.bad || n != 0
		return 0, false
	}
	return int(n - 1), true
}

// take reads n bytes as a part of the string.
func (r *reader) take(n int) string {
	if n > len(r.s)-r.at {
		r.bad = true
		r.at = len(r.s)
		return ""
	}
	s := r.s[r.at : r.at+n]
	r.at += n
	return s
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.at) {
		r.bad = true
		return ""
	}
	return r.take(int(n))
}

// uvarint is binary.Uvarint for a string.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := range min(len(s), binary.MaxVarintLen64) {
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -1
			}
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
