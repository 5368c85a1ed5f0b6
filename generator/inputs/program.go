package inputs

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"sync"
)

// Program names this build of the generator, for keys and caches: a
// hash of its own executable, so that any change to the code, rebuilt,
// leaves the previous cache unread. Go builds are reproducible, so
// `go run` of unchanged code gives the same hash.
var Program = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		var data []byte
		if data, err = os.ReadFile(exe); err == nil {
			sum := sha256.Sum256(data)
			return hex.EncodeToString(sum[:])
		}
	}
	return "unknown " + err.Error()
})
