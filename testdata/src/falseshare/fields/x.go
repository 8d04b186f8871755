// Package fields has structs whose fields different goroutines write.
package fields

import (
	"sync"
	"sync/atomic"
)

// stats is shared by the callers, who count hits, and the cleaner
// goroutine, which counts purges.
type stats struct {
	hits   atomic.Int64
	purges atomic.Int64 // want `fields hits and purges of stats are 0 bytes apart, so they can share a 64-byte cache line, and different goroutines write them at once.*insert _ \[64\]byte before purges \[medium: written by the callers' goroutines and the goroutine started at x.go:\d+\]`
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
