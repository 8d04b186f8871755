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

// sender counts what the callers send and what its flusher goroutine
// fails to flush or drops: failures and drops are rare next to the sends,
// so the line they share is seldom taken from the senders.
type sender struct {
	sent    atomic.Int64
	failed  atomic.Int64
	queued  atomic.Int64
	dropped atomic.Int64
}

var snd = &sender{}

func Send(v int) { snd.sent.Add(1) }

func Enqueue(ch chan int, v int) {
	select {
	case ch <- v:
		snd.queued.Add(1)
	default:
	}
}

func StartFlusher(ch chan int) {
	go func() {
		for range ch {
			if err := flush(); err != nil {
				snd.failed.Add(1)
			}
			select {
			case ch <- 0:
			default:
				snd.dropped.Add(1)
			}
		}
	}()
}

func flush() error { return nil }

// dialer counts the callers' requests and, on its redial goroutine, its
// reconnects: one per lost connection, rare next to the requests.
type dialer struct {
	requests   atomic.Int64
	reconnects atomic.Int64
}

var dl dialer

func Request() { dl.requests.Add(1) }

func StartRedial(lost <-chan struct{}) {
	go func() {
		for range lost {
			dl.reconnects.Add(1)
		}
	}()
}

// account is counted by every connection's goroutine, in and out both
// (a publisher delivers what it publishes); a second goroutine also
// counts out. The connection goroutines take both lines whatever the
// padding.
type account struct {
	in  atomic.Int64
	out atomic.Int64
}

var acct account

func (c *client) readLoop() {
	for {
		c.received()
		c.deliver()
	}
}

type client struct{}

func (c *client) received() { acct.in.Add(1) }
func (c *client) deliver()  { acct.out.Add(1) }

func Accept(c *client) { go c.readLoop() }

func StartReplayer() {
	go func() {
		for {
			acct.out.Add(1)
		}
	}()
}

// stream is made per call with its own two goroutines, one counting what
// it sends and one what it receives: a cache line of padding in every
// stream would be paid for two writers.
type stream struct {
	sentBytes atomic.Int64
	recvBytes atomic.Int64
}

func Open() *stream {
	s := &stream{}
	go s.sendLoop()
	go s.recvLoop()
	return s
}

func (s *stream) sendLoop() {
	for {
		s.sentBytes.Add(1)
	}
}

func (s *stream) recvLoop() {
	for {
		s.recvBytes.Add(1)
	}
}

// LineApart is 120 bytes and made only as a heap object of its own: its
// size class (128 bytes) starts every value on a cache line, so hits
// (bytes 56 to 63) and misses (72 to 79) never share one.
type LineApart struct {
	name   [56]byte
	hits   atomic.Int64
	gen    [8]byte
	misses atomic.Int64
	tail   [40]byte
}

func newLineApart() *LineApart { return &LineApart{} }

func (l *LineApart) Get() { l.hits.Add(1) }

func (l *LineApart) sweep() {
	for {
		l.misses.Add(1)
	}
}

func (l *LineApart) Start() { go l.sweep() }

func NewApart() *LineApart { return newLineApart() }

// Gauges sits 56 bytes into Meter, which the package makes only by
// &Meter{}: Meter's size class (128 bytes) starts it on a line, so reads
// (bytes 56 to 63 of Meter) and drops (72 to 79) never share one, though
// they are 16 bytes apart in Gauges.
type Gauges struct {
	reads atomic.Int64
	gen   [8]byte
	drops atomic.Int64
}

type Meter struct {
	name [56]byte
	g    Gauges
	tail [48]byte
}

func NewMeter() *Meter { return &Meter{} }

func (m *Meter) Read() { m.g.reads.Add(1) }

func (m *Meter) Start() { go m.drain() }

func (m *Meter) drain() {
	for {
		m.g.drops.Add(1)
	}
}
