package memory

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		budget int64
		live   uint64
		want   int64
	}{
		{900 * mib, 0, 900 * mib},
		{900 * mib, 300 * mib, 900 * mib},
		{900 * mib, 720 * mib, 900 * mib},
		{900 * mib, 750 * mib, 900 * mib},
		{900 * mib, 800 * mib, 960 * mib},
		{900 * mib, 2000 * mib, 2400 * mib},
	} {
		if got := limit(c.budget, c.live); got != c.want {
			t.Errorf("limit(%d MiB, %d MiB live) = %d MiB, want %d MiB", c.budget/mib, c.live/mib, got/mib, c.want/mib)
		}
	}
}

// withoutGOMEMLIMIT runs the test with GOMEMLIMIT unset and no memory
// limit, as the program starts without it, and puts both back after.
func withoutGOMEMLIMIT(t *testing.T) {
	t.Helper()
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	before := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
}

// waitFor waits up to ten seconds for the memory limit to meet ok,
// collecting as it waits, and fails with what it was.
func waitFor(t *testing.T, what string, ok func(limit int64) bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(debug.SetMemoryLimit(-1)); {
		if time.Now().After(deadline) {
			t.Fatalf("memory limit %d bytes: %s", debug.SetMemoryLimit(-1), what)
		}
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
}

// TestBudgetGivesWay holds more than the budget and waits for the limit
// to rise above what is held, so that the collector does not run
// without end; once the context is done the limit is as it was.
func TestBudgetGivesWay(t *testing.T) {
	withoutGOMEMLIMIT(t)
	held := make([]byte, 64<<20)
	for i := range held {
		held[i] = byte(i)
	}
	stop := Budget(16<<20, time.Millisecond)
	waitFor(t, "the budget did not give way to the 64 MiB held", func(l int64) bool { return l >= int64(len(held)) })
	runtime.KeepAlive(held)
	stop()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit %d bytes once the budget stopped, want %d as before", got, int64(math.MaxInt64))
	}
}

func TestBudgetKeeps(t *testing.T) {
	withoutGOMEMLIMIT(t)
	stop := Budget(1<<40, time.Millisecond)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit %d bytes under a budget of %d", got, int64(1<<40))
	}
}

func TestBudgetLeavesGOMEMLIMIT(t *testing.T) {
	withoutGOMEMLIMIT(t)
	t.Setenv("GOMEMLIMIT", "2GiB")
	stop := Budget(16<<20, time.Millisecond)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit %d bytes with GOMEMLIMIT set; the user's limit should stand", got)
	}
}

// TestBudgetEmptyGOMEMLIMIT keeps the budget when GOMEMLIMIT is set but
// empty, which the runtime takes as no limit.
func TestBudgetEmptyGOMEMLIMIT(t *testing.T) {
	withoutGOMEMLIMIT(t)
	t.Setenv("GOMEMLIMIT", "")
	stop := Budget(1<<40, time.Millisecond)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("memory limit %d bytes with GOMEMLIMIT empty, want the budget %d", got, int64(1<<40))
	}
}
