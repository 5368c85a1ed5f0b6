package content

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"time"
)

// ZoneKey names a time zone by its rules as this machine's zone database
// gives them, for keys and records: a database updated since (a country
// that moved its clocks) gives the zone another key, so that dates kept
// from a build before the update are not taken for this one's. It hashes
// every offset the zone has had, and the moment it began, from 1800 to
// 2200, and the zone's name.
func ZoneKey(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(loc.String()))
	end := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf []byte
	for t := time.Date(1800, 1, 1, 0, 0, 0, 0, loc); t.Before(end); {
		name, offset := t.Zone()
		start, next := t.ZoneBounds()
		buf = binary.AppendVarint(buf[:0], start.Unix())
		buf = binary.AppendVarint(buf, int64(offset))
		buf = append(buf, name...)
		buf = append(buf, 0)
		h.Write(buf)
		if !next.After(t) {
			break // the zone keeps this offset for ever
		}
		t = next
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SettingsZone gives the ZoneKey of the time zone site.yaml in fsys sets,
// or else of the default one.
func SettingsZone(fsys fs.FS) string {
	data, err := readSettingsFile(fsys)
	s, _ := settingsOf(data, err, "")
	return ZoneKey(s.Location)
}
