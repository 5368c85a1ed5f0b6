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
	// A time comes back in its own zone, which DeepEqual compares.
	if got.When.String() != want.When.String() {
		t.Errorf("When = %v, want %v", got.When, want.When)
	}
	if got.Empty == nil || got.None != nil {
		t.Errorf("Empty = %#v, None = %#v: want an empty slice and nil, as put", got.Empty, got.None)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestTimeKeepsItsZone writes times and reads them back in the zone
// they were in, as a date read anew is: a zone of the database by name,
// whose abbreviation (BST) a theme may show and whose next day may be 23
// hours away, an offset of seconds (a zone's local mean time before
// 1900), a zone of an offset alone, named or not, even as a zone of the
// database is (CET), UTC and the zero time.
func TestTimeKeepsItsZone(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	tehran, err := time.LoadLocation("Asia/Tehran")
	if err != nil {
		t.Fatal(err)
	}
	for _, when := range []time.Time{
		time.Date(2025, 3, 30, 0, 0, 0, 0, london),
		time.Date(2025, 5, 4, 9, 30, 0, 0, london),
		time.Date(1393, 4, 4, 0, 0, 0, 0, tehran),
		time.Date(2025, 3, 27, 9, 30, 0, 0, time.FixedZone("", 2*3600)),
		time.Date(2025, 3, 27, 9, 30, 0, 0, time.FixedZone("EST", -5*3600)),
		time.Date(2025, 3, 30, 0, 0, 0, 0, time.FixedZone("CET", 3600)), // named as the database's CET, which changes its clocks
		time.Date(2025, 3, 27, 9, 30, 0, 0, time.FixedZone("UTC", 3600)),
		time.Date(2025, 3, 27, 9, 30, 0, 0, time.FixedZone("Nowhere/Zone", 3600)),
		time.Date(2025, 3, 27, 9, 30, 0, 0, time.UTC),
		{},
	} {
		path := filepath.Join(t.TempDir(), ".public.cache")
		s := Open[every](path, "v1")
		s.Put("k", every{When: when}, nil)
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
		got, _, ok := Open[every](path, "v1").Get("k")
		if !ok {
			t.Fatal("Get(k) found nothing")
		}
		const shown = "2006-01-02 15:04:05 MST -07:00:00"
		if g, w := got.When, when; !g.Equal(w) || g.Format(shown) != w.Format(shown) || g.Location().String() != w.Location().String() ||
			!g.AddDate(0, 0, 1).Equal(w.AddDate(0, 0, 1)) || !g.AddDate(0, 0, 180).Equal(w.AddDate(0, 0, 180)) || g.IsZero() != w.IsZero() {
			t.Errorf("%v (in %q) came back as %v (in %q)", w, w.Location(), g, g.Location())
		}
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
