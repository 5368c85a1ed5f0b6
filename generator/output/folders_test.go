package output

import (
	"testing"
	"time"
)

func TestRacy(t *testing.T) {
	now := time.Now()
	second := now.Truncate(time.Second)
	// A time a fine clock gives: not on a whole millisecond.
	fine := func(d time.Duration) time.Time { return now.Add(-d).Truncate(time.Microsecond).Add(7) }
	for _, tt := range []struct {
		name string
		t    time.Time
		want bool
	}{
		{"fine times, just now", fine(0), true},
		{"fine times, 50 ms ago", fine(50 * time.Millisecond), true},
		{"fine times, 300 ms ago", fine(300 * time.Millisecond), false},
		{"whole seconds, 1 s ago", second.Add(-time.Second), true},
		{"whole seconds, 3 s ago", second.Add(-3 * time.Second), false},
		{"10 ms steps, 500 ms ago", now.Add(-500 * time.Millisecond).Truncate(10 * time.Millisecond), true},
		{"in the future", fine(-time.Hour), true},
	} {
		if got := racy(tt.t); got != tt.want {
			t.Errorf("%s (%s): racy %v, want %v", tt.name, tt.t.Format(time.RFC3339Nano), got, tt.want)
		}
	}
}
