package cache

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// every holds a field of each kind a cached value may hold.
type every struct {
	Name     string
	Count    int
	Small    int32
	Size     uint64
	Share    float64
	On       bool
	When     time.Time
	Lines    [3]int32
	Tags     []string
	Empty    []string
	None     []string
	Bytes    []byte
	Next     *every
	Nil      *every
	Children []every
	hidden   string
}

func TestStoreKeepsEveryKindOfField(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	want := every{
		Name: "Ärzte — 医療", Count: -42, Small: 7, Size: 1 << 40, Share: 0.25, On: true,
		When:     time.Date(2025, 3, 27, 9, 30, 0, 5, london),
		Lines:    [3]int32{1, 0, 9},
		Tags:     []string{"a", "", "c"},
		Empty:    []string{},
		Bytes:    []byte{0, 1, 2},
		Next:     &every{Name: "next", When: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		Children: []every{{Name: "child", Count: 1}},
	}
	path := filepath.Join(t.TempDir(), ".public.cache")
	s := Open[every](path, "v1")
	s.Put("k", want, nil)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	want.hidden = "not kept"
	got, _, ok := Open[every](path, "v1").Get("k")
	if !ok {
		t.Fatal("Get(k) found nothing")
	}
	want.hidden = ""
	// A time comes back with its instant and offset, not its zone's name.
	if !got.When.Equal(want.When) || got.When.Format(time.RFC3339Nano) != want.When.Format(time.RFC3339Nano) {
		t.Errorf("When = %v, want %v", got.When, want.When)
	}
	got.When = want.When
	if got.Empty == nil || got.None != nil {
		t.Errorf("Empty = %#v, None = %#v: want an empty slice and nil, as put", got.Empty, got.None)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestCodecRefusesWhatItCannotKeep(t *testing.T) {
	for _, v := range []any{map[string]int{}, struct{ F func() }{}, struct{ x int }{}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("a %T was taken, want a panic naming it", v)
				}
			}()
			codecFor(reflect.TypeOf(v))
		}()
	}
}
