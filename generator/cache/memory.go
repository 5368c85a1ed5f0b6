package cache

import "sync"

// Memory is a store that keeps its values in memory from one build to the
// next, as a long-running process such as serve does. It reads through
// to a Store on disk for the values it does not hold yet, and after each
// build Prune forgets the values that build did not use, so it holds one
// build's worth however long it runs.
type Memory[V any] struct {
	disk *Store[V] // nil for none

	mu   sync.Mutex
	all  map[string]V // the values held
	used map[string]V // those used or added since the last Prune
}

// NewMemory makes an empty memory store over disk, which may be nil.
func NewMemory[V any](disk *Store[V]) *Memory[V] {
	return &Memory[V]{disk: disk, all: map[string]V{}, used: map[string]V{}}
}

// Get returns the value stored under key.
func (m *Memory[V]) Get(key string) (V, bool) {
	m.mu.Lock()
	v, ok := m.all[key]
	m.mu.Unlock()
	if !ok && m.disk != nil {
		v, ok = m.disk.Get(key)
	}
	if ok {
		m.mu.Lock()
		m.all[key], m.used[key] = v, v
		m.mu.Unlock()
	}
	return v, ok
}

// Put stores value under key.
func (m *Memory[V]) Put(key string, value V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.all[key], m.used[key] = value, value
}

// Prune forgets every value not used or added since the last Prune.
func (m *Memory[V]) Prune() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.all, m.used = m.used, map[string]V{}
}
