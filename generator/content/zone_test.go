package content

import (
	"testing"
	"time"
)

// TestZoneKeyFollowsTheRules wants a zone's key to stay the same when the
// zone is loaded again, and to change when the database gives its name
// other rules, as an update of the zone database can.
func TestZoneKeyFollowsTheRules(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := time.LoadLocation("Europe/London")
	if ZoneKey(london) != ZoneKey(again) {
		t.Error("Europe/London loaded twice gives two keys")
	}
	if ZoneKey(time.FixedZone("Europe/London", 9*3600)) == ZoneKey(london) {
		t.Error("Europe/London with other rules keeps its key")
	}
	if ZoneKey(time.FixedZone("A", 3600)) == ZoneKey(time.FixedZone("B", 3600)) {
		t.Error("two names with the same rules share a key")
	}
}

// TestZonePeriodsReach2200 wants every change of a zone's offset up to
// 2200 hashed: London's summer time of 2199, which its rule makes after
// the last change the database lists.
func TestZonePeriodsReach2200(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	var last period
	for p := range zonePeriods(london) {
		if p.offset == 3600 {
			last = p
		}
	}
	if want := time.Date(2199, 3, 31, 1, 0, 0, 0, time.UTC); !last.start.Equal(want) {
		t.Errorf("London's last summer time hashed starts %s, want %s", last.start.UTC(), want)
	}
}
