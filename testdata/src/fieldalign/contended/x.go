// Package contended has structs whose fields different goroutines write:
// where those fields lie decides which goroutines contend for memory, so a
// reorder is reported without a fix (falseshare may pad the struct in the
// same run, and the two edits would not compose).
package contended

import "sync/atomic"

// Conn is made per connection; its reader and writer goroutines each
// count their own bytes.
type Conn struct { // want `struct Conn of 64 bytes could be 48 \(saves 16 bytes per value; size class 64 -> 48\); no fix: read and written may be written by different goroutines and can share a .* now; .* between them \(see falseshare\) would not survive a reorder in the same run \[high: allocated one by one: held by pointer in \[\]\*Conn at x.go:\d+\]`
	closed  bool
	read    atomic.Int64
	open    bool
	written atomic.Int64
	id      int64
	ok      bool
	name    string
}

// server keeps every connection and its statistics.
type server struct {
	conns []*Conn
	links []*Link
	stats []*Stats
}

func NewConn() *Conn {
	c := &Conn{}
	go c.readLoop()
	go c.writeLoop()
	return c
}

func (c *Conn) readLoop() {
	for {
		c.read.Add(1)
	}
}

func (c *Conn) writeLoop() {
	for {
		c.written.Add(1)
	}
}

// Link's two counters lie too far apart to share memory now; a reorder
// could bring them together.
type Link struct { // want `struct Link of 104 bytes could be 96 .*no fix: sent and recv may be written by different goroutines, and a reorder could put them in one .* \(see falseshare\)`
	up   bool
	sent atomic.Int64
	buf  [64]byte
	down bool
	recv atomic.Int64
	id   int64
}

func NewLink() *Link {
	l := &Link{}
	go func() {
		for {
			l.sent.Add(1)
		}
	}()
	go func() {
		for {
			l.recv.Add(1)
		}
	}()
	return l
}

// shard is an element of a table whose workers each count in their own
// element: padding it must follow the fields' final order.
type shard struct { // want `struct shard of 24 bytes could be 16 .*no fix: different goroutines write the n of neighbouring elements`
	busy bool
	n    atomic.Int64
	full bool
}

func work(workers int) {
	shards := make([]shard, workers)
	for i := range shards {
		go func() {
			for {
				shards[i].n.Add(1)
			}
		}()
	}
}

// Stats is written by its one goroutine, without atomics or locks: only
// its size is at stake, and the fix reorders it.
type Stats struct { // want `struct Stats of 56 bytes could be 40 .*; reorder the fields \[high: allocated one by one: held by pointer in \[\]\*Stats at x.go:\d+\]`
	ready bool
	total int64
	done  bool
	count int64
	last  bool
	name  string
}

func NewStats(in chan int64) *Stats {
	s := &Stats{}
	go s.run(in)
	return s
}

func (s *Stats) run(in chan int64) {
	for n := range in {
		s.total += n
	}
}

// Probe's closed flag is set once, in Close, while its loop goroutine
// counts: no two goroutines write them again and again, and the fix
// reorders it.
type Probe struct { // want `struct Probe of 32 bytes could be 24 .*; reorder the fields \[high: allocated one by one: held by pointer in \[\]\*Probe at x.go:\d+\]`
	up     bool
	closed atomic.Bool
	sent   atomic.Int64
	down   bool
	id     int64
}

type prober struct{ probes []*Probe }

func NewProbe() *Probe {
	p := &Probe{}
	go p.loop()
	return p
}

func (p *Probe) loop() {
	for !p.closed.Load() {
		p.sent.Add(1)
	}
}

func (p *Probe) Close() error {
	p.closed.Store(true)
	return nil
}
