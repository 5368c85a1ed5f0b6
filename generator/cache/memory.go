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
	all  map[string]*held[V] // the values held
	this uint64              // the build under way, counting from 1
}

// held is a value with its blob, and the last build that used it.
type held[V any] struct {
	value V
	blob  Blob
	used  uint64
}

// NewMemory makes an empty memory store over disk, which may be nil.
func NewMemory[V any](disk *Store[V]) *Memory[V] {
	return &Memory[V]{disk: disk, all: map[string]*held[V]{}, this: 1}
}

// Get returns the value stored under key, and its blob. A value whose
// blob is in a blobs file found damaged is not given: its file is read
// afresh.
func (m *Memory[V]) Get(key string) (V, Blob, bool) {
	var none V
	m.mu.Lock()
	h := m.all[key]
	damaged := h != nil && h.blob.Damaged()
	switch {
	case damaged:
		delete(m.all, key)
	case h != nil:
		h.used = m.this
	}
	m.mu.Unlock()
	switch {
	case damaged:
		return none, Blob{}, false
	case h != nil:
		return h.value, h.blob, true
	case m.disk == nil || m.disk.Damaged():
		return none, Blob{}, false
	}
	value, blob, ok := m.disk.Get(key)
	if ok {
		m.mu.Lock()
		m.all[key] = &held[V]{value, blob, m.this}
		m.mu.Unlock()
	}
	return value, blob, ok
}

// Put stores value and blob under key, holding both in memory.
func (m *Memory[V]) Put(key string, value V, blob []byte) Blob {
	h := &held[V]{value, Blob{data: blob}, 0}
	m.mu.Lock()
	defer m.mu.Unlock()
	h.used = m.this
	m.all[key] = h
	return h.blob
}

// Prune forgets every value not used or added since the last Prune.
func (m *Memory[V]) Prune() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for key, h := range m.all {
		if h.used != m.this {
			delete(m.all, key)
		}
	}
	m.this++
}
