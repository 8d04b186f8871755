// Package fields has structs whose fields different goroutines write.
package fields

import (
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"
)

// stats is shared by the callers, who count hits, and the cleaner
// goroutine, which counts purges.
type stats struct {
	hits   atomic.Int64
	purges atomic.Int64 // want `fields hits and purges of stats are 0 bytes apart, so they can share a 64-byte cache line, and different goroutines may write them at the same time.*insert _ \[64\]byte before purges \[medium: written by the callers' goroutines and the goroutine started at x.go:\d+\]`
}

type Cache struct {
	st stats
}

func (c *Cache) Get() { c.st.hits.Add(1) }

func (c *Cache) Start() {
	go c.clean()
}

func (c *Cache) clean() {
	for {
		c.st.purges.Add(1)
	}
}

// Queue has two mutexes, each locked by its own side: producers and one
// consumer goroutine. Their contention costs more than the line they
// share: low tier.
type Queue struct {
	// inMu guards in.
	inMu sync.Mutex
	in   []int
	// outMu guards out.
	outMu sync.Mutex
	out   []int
}

func (q *Queue) Push(v int) {
	q.inMu.Lock()
	q.in = append(q.in, v)
	q.inMu.Unlock()
}

func (q *Queue) run() {
	q.outMu.Lock()
	q.out = q.out[:0]
	q.outMu.Unlock()
}

func Serve(q *Queue) { go q.run() }

// counters uses sync/atomic functions: workers started in a loop count
// reads, the callers count writes.
type counters struct {
	reads, writes int64 // want `fields reads and writes of counters are 0 bytes apart.*no fix: both are declared by one field line`
}

var shared counters

func work(n int) {
	for i := 0; i < n; i++ {
		go func() {
			atomic.AddInt64(&shared.reads, 1)
		}()
	}
}

func Work(n int) {
	work(n)
	atomic.AddInt64(&shared.writes, 1)
}

// closing is written on one side only at teardown: low tier.
type closing struct {
	n    atomic.Int64
	done atomic.Bool
}

type Conn struct{ c closing }

func (c *Conn) Start() { go c.loop() }

func (c *Conn) loop() {
	for {
		c.c.n.Add(1)
	}
}

func (c *Conn) Close() error { c.c.done.Store(true); return nil }

// engineStats counts what the callers and each of the engine's loops do,
// and toMap walks it with reflect: its several pairs are reported once,
// and padding, which toMap would meet, is not inserted.
type engineStats struct {
	merging  atomic.Bool
	updates  atomic.Uint64
	persists atomic.Uint64 // want `fields updates and persists of engineStats .*no fix: its values go through reflect at x.go:\d+, and code that walks its fields would meet the padding\) \(one of 4 such pairs of engineStats: grouping its fields by the goroutines that write them may part them all\) \[medium`
	merges   atomic.Uint64
	lookups  atomic.Uint64
}

type Engine struct{ stats engineStats }

func (e *Engine) Update() { e.stats.updates.Add(1) }

func (e *Engine) Lookup() { e.stats.lookups.Add(1) }

func (e *Engine) Start() {
	go e.persistLoop()
	go e.mergeLoop()
}

func (e *Engine) persistLoop() {
	for {
		e.stats.persists.Add(1)
	}
}

func (e *Engine) mergeLoop() {
	for {
		e.stats.merging.Store(true)
		e.stats.merges.Add(1)
	}
}

func (s *engineStats) toMap() map[string]uint64 {
	m := make(map[string]uint64)
	v := reflect.ValueOf(s).Elem()
	for i := 0; i < v.NumField(); i++ {
		if c, ok := v.Field(i).Addr().Interface().(*atomic.Uint64); ok {
			m[v.Type().Field(i).Name] = c.Load()
		}
	}
	return m
}

// ring's size is asserted with unsafe.Sizeof: padding would break the
// assertion, so it gets no fix.
type ring struct {
	head atomic.Uint64
	tail atomic.Uint64 // want `fields head and tail of ring .*no fix: unsafe.Sizeof at x.go:\d+ measures it, and the padding would change what it measures\) \[medium`
}

var _ = [1]int{}[unsafe.Sizeof(ring{})-16]

type Ring struct{ r ring }

func (r *Ring) Push() { r.r.head.Add(1) }

func (r *Ring) Start() { go r.drain() }

func (r *Ring) drain() {
	for {
		r.r.tail.Add(1)
	}
}

// misses counts the misses of two lookups that Parse runs side by side,
// each in a goroutine of its own. Both lookups are exported too: the
// callers' goroutines may write either, but one caller's lookup of agents
// and another's of systems are different writers, which padding parts.
type misses struct {
	agent atomic.Uint64
	os    atomic.Uint64 // want `fields agent and os of misses .*insert _ \[64\]byte before os \[medium: written by the goroutine started at x.go:\d+ and the goroutine started at x.go:\d+\]$`
}

type Parser struct{ m misses }

func (p *Parser) ParseAgent(s string) { p.m.agent.Add(1) }

func (p *Parser) ParseOS(s string) { p.m.os.Add(1) }

func (p *Parser) Parse(s string) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.ParseAgent(s) }()
	go func() { defer wg.Done(); p.ParseOS(s) }()
	wg.Wait()
}

// LineHeld has quiet's LineApart layout, but the package also keeps its
// values in a slice: an element starts wherever the slice puts it, so
// hits and misses can share a line.
type LineHeld struct {
	name   [56]byte
	hits   atomic.Int64
	gen    [8]byte
	misses atomic.Int64 // want `fields hits and misses of LineHeld are 8 bytes apart, so they can share a 64-byte cache line.*insert _ \[56\]byte before misses \[medium`
	tail   [40]byte
}

var helds []LineHeld

func (l *LineHeld) Get() { l.hits.Add(1) }

func (l *LineHeld) sweep() {
	for {
		l.misses.Add(1)
	}
}

func (l *LineHeld) Start() { go l.sweep() }

func NewHeld() *LineHeld {
	helds = append(helds, LineHeld{})
	return &helds[len(helds)-1]
}
