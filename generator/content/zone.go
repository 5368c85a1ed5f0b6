package content

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"iter"
	"time"
)

// ZoneKey names a time zone by its rules as this machine's zone database
// gives them, for keys and records: a database updated since (a country
// that moved its clocks) gives the zone another key, so that dates kept
// from a build before the update are not taken for this one's. It hashes
// the zone's name and every offset it has from 1800 to 2200, with the
// moment each began.
func ZoneKey(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(loc.String()))
	var buf []byte
	for p := range zonePeriods(loc) {
		buf = binary.AppendVarint(buf[:0], p.start.Unix())
		buf = binary.AppendVarint(buf, int64(p.offset))
		buf = append(append(buf, p.name...), 0)
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// period is a time a zone keeps one offset, by one name.
type period struct {
	start  time.Time
	name   string
	offset int
}

// zonePeriods gives each period of the zone from 1800 to 2200, the first
// as it is when 1800 starts.
func zonePeriods(loc *time.Location) iter.Seq[period] {
	return func(yield func(period) bool) {
		end := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
		var last time.Time
		for t := time.Date(1800, 1, 1, 0, 0, 0, 0, loc); t.Before(end); {
			name, offset := t.Zone()
			start, next := t.ZoneBounds()
			if !start.Equal(last) || last.IsZero() {
				if !yield(period{start, name, offset}) {
					return
				}
				last = start
			}
			switch {
			case next.IsZero():
				return // the zone keeps this offset for ever
			case !next.After(t):
				// Go gives, for a period its zone's rule makes, an end no
				// later than the moment asked of on the last day of some
				// years: the next day is asked of.
				t = t.AddDate(0, 0, 1)
			default:
				t = next
			}
		}
	}
}

// SettingsZone gives the ZoneKey of the time zone site.yaml in fsys sets,
// or else of the default one.
func SettingsZone(fsys fs.FS) string {
	data, err := readSettingsFile(fsys)
	s, _ := settingsOf(data, err, "")
	return ZoneKey(s.Location)
}
