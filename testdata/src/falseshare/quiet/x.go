// Package quiet has look-alikes that falseshare must not report.
package quiet

import (
	"sync"
	"sync/atomic"
)

// padded is padded already.
type padded struct {
	a atomic.Int64
	_ [56]byte
	b atomic.Int64
}

// far has its fields more than a cache line apart.
type far struct {
	a   atomic.Int64
	buf [64]byte
	b   atomic.Int64
}

// onlyCallers is written only by the package's callers: no goroutine of
// the package writes it, so nothing shows that the writes run at once on
// different goroutines.
type onlyCallers struct {
	a atomic.Int64
	b atomic.Int64
}

// one goroutine writes both fields: true sharing at most, padding would
// not help.
type one struct {
	a atomic.Int64
	b atomic.Int64
}

// guarded has one mutex for all its data.
type guarded struct {
	mu sync.Mutex
	a  int
	b  int
}

var (
	p  padded
	f  far
	oc onlyCallers
	o  one
	g  guarded
)

func Hit() {
	p.a.Add(1)
	f.a.Add(1)
	oc.a.Add(1)
	oc.b.Add(1)
	g.mu.Lock()
	g.a++
	g.mu.Unlock()
}

func Start() {
	go func() {
		p.b.Add(1)
		f.b.Add(1)
		g.mu.Lock()
		g.b++
		g.mu.Unlock()
	}()
	go loop()
}

func loop() {
	o.a.Add(1)
	o.b.Add(1)
}

// both has two counters that every writer bumps together: the writers
// share the line whatever the padding, so it is low tier.
type both struct {
	reqs  atomic.Int64
	bytes atomic.Int64
}

var b2 = &both{}

func Count(n int) {
	b2.reqs.Add(1)
	b2.bytes.Add(int64(n))
}

func StartCounting() { go Count(1) }
