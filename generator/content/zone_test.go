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
