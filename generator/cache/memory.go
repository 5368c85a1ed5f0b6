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
	all  map[string]held[V] // the values held
	used map[string]held[V] // those used or added since the last Prune
}

// held is a value with its blob.
type held[V any] struct {
	value V
	blob  Blob
}

// NewMemory makes an empty memory store over disk, which may be nil.
func NewMemory[V any](disk *Store[V]) *Memory[V] {
	return &Memory[V]{disk: disk, all: map[string]held[V]{}, used: map[string]held[V]{}}
}

// Get returns the value stored under key, and its blob. A value whose
// blob is in a blobs file found damaged is not given: its file is read
// afresh.
func (m *Memory[V]) Get(key string) (V, Blob, bool) {
	m.mu.Lock()
	h, found := m.all[key]
	damaged := found && h.blob.file != nil && h.blob.file.damaged.Load()
	if found && !damaged {
		m.used[key] = h
	}
	m.mu.Unlock()
	switch {
	case damaged:
		var none V
		return none, Blob{}, false
	case found || m.disk == nil || m.disk.Damaged():
		return h.value, h.blob, found
	}
	var ok bool
	if h.value, h.blob, ok = m.disk.Get(key); ok {
		m.mu.Lock()
		m.all[key], m.used[key] = h, h
		m.mu.Unlock()
	}
	return h.value, h.blob, ok
}

// Put stores value and blob under key, holding both in memory.
func (m *Memory[V]) Put(key string, value V, blob []byte) Blob {
	h := held[V]{value, Blob{data: blob}}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.all[key], m.used[key] = h, h
	return h.blob
}

// Prune forgets every value not used or added since the last Prune.
func (m *Memory[V]) Prune() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.all, m.used = m.used, make(map[string]held[V], len(m.used))
}
