package oldgo

import "sync"

type conn struct{ buf []byte }

// registry deletes by shifting in a module older than slices.Delete's
// clearing: the message says to zero the vacated slots, and gives no fix.
type registry struct {
	mu    sync.Mutex
	conns []*conn
}

func (r *registry) Sweep(dead func(*conn) bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := 0; i < len(r.conns); i++ {
		if dead(r.conns[i]) {
			r.conns = append(r.conns[:i], r.conns[i+1:]...) // want `deletes from a \[\]\*conn by shifting, .*; zero them after the shift \(slices.Delete does, from go1.22; the file is go1.19\) \(no automatic fix: slices.Delete clears the tail since go1.22\) \[medium: `
			i--
		}
	}
}

func (r *registry) Add(c *conn) {
	r.mu.Lock()
	r.conns = append(r.conns, c)
	r.mu.Unlock()
}

func watch(r *registry) {
	go r.Sweep(func(c *conn) bool { return c.buf == nil })
}
