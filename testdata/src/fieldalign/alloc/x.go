// Package alloc has structs allocated one by one: reported only when the
// allocation's size class shrinks.
package alloc

import (
	"sync"
	_ "unsafe"
)

// Item is allocated in a loop; 40 -> 32 bytes changes the class 48 -> 32.
type Item struct { // want `struct Item of 40 bytes could be 32 \(saves 8 bytes per value; size class 48 -> 32\); reorder the fields \[high: allocated one by one: &Item\{\} in a loop at x.go:\d+\]`
	a    bool
	b, c int64
	d    bool
	e    int64
}

func items(n int) (last *Item) {
	for i := 0; i < n; i++ {
		last = &Item{b: int64(i)}
	}
	return last
}

// Same is allocated in a loop, but 48 -> 40 bytes stays in class 48.
type Same struct {
	a       bool
	b, c, d int64
	e       bool
	f       int64
}

func sames(xs []int) (last *Same) {
	for range xs {
		last = new(Same)
	}
	return last
}

// Pooled is allocated by a sync.Pool.
type Pooled struct { // want `struct Pooled of 40 bytes could be 32 .*\[high: allocated one by one: new\(Pooled\) in sync.Pool.New at`
	a    bool
	b, c int64
	d    bool
	e    int64
}

var pool = sync.Pool{New: func() any { return new(Pooled) }}

// A Timer comes from a pool: its Get makes one only when the pool has
// none, not once per call.
type Timer struct { // want `struct Timer of 40 bytes could be 32 .*\[high: allocated one by one: &Timer\{\} when a sync.Pool.Get finds none at x.go:\d+\]$`
	done bool
	a    int64
	b    int64
	held bool
	c    int64
}

type timers struct{ pool sync.Pool }

func (t *timers) Get() *Timer {
	if tm, ok := t.pool.Get().(*Timer); ok {
		return tm
	}
	return &Timer{}
}

// Ptr is held by pointer in a map.
type Ptr struct { // want `struct Ptr of 40 bytes could be 32 .*\[high: allocated one by one: held by pointer in map\[string\]\*Ptr at`
	a    bool
	b, c int64
	d    bool
	e    int64
}

var ptrs map[string]*Ptr

// Once is allocated once: not reported.
type Once struct {
	a    bool
	b, c int64
	d    bool
	e    int64
}

var once = &Once{}

// Closure is allocated in a function literal inside a loop, which runs
// once per call of the literal, not per iteration: not reported.
type Closure struct {
	a    bool
	b, c int64
	d    bool
	e    int64
}

func closure(xs []int) func() *Closure {
	var f func() *Closure
	for range xs {
		f = func() *Closure { return &Closure{} }
	}
	return f
}

// Found is returned from within a loop: made once per call, not reported.
type Found struct {
	a    bool
	b, c int64
	d    bool
	e    int64
}

func find(xs []int64) *Found {
	for _, x := range xs {
		if x > 0 {
			return &Found{b: x}
		}
	}
	return nil
}

// Args shrinks by less than a fifth, 72 -> 64, but its size class by a
// fifth, 80 -> 64, and every value is a heap object of its own.
type Args struct { // want `struct Args of 72 bytes could be 64 \(saves 8 bytes per value; size class 80 -> 64\); reorder the fields \[high: allocated one by one: held by pointer in \[\]\*Args at x.go:\d+\]`
	p                *int
	a                bool
	q, r, s, t, u, v *int
	b                bool
}

var args []*Args

// tuple is never made alone, but flow holds two and is allocated one by
// one: its 24 -> 16 bytes take 16 off each flow, 64 -> 48 bytes, class 64
// -> 48.
type tuple struct { // want `struct tuple of 24 bytes could be 16 \(saves 8 bytes per value; size class 24 -> 16\); reorder the fields \[medium: held in 2 fields of flow \(&flow\{\} in a loop at x.go:\d+\), which shrinks from 64 to 48 bytes, size class 64 -> 48\]`
	v6    bool
	port  int64
	proto bool
}

type flow struct {
	src, dst tuple
	bytes    int64
	packets  int64
}

func flows(n int) (last *flow) {
	for i := 0; i < n; i++ {
		last = &flow{bytes: int64(i)}
	}
	return last
}

// pair is held in wide, allocated one by one too, but wide's size class
// stays 112 either way: low.
type pair struct {
	ok   bool
	n    int64
	seen bool
}

type wide struct {
	p    pair
	rest [88]byte
}

func wides(n int) (last *wide) {
	for i := 0; i < n; i++ {
		last = &wide{}
	}
	return last
}

// rawNode is made in a loop over tokens, but only for the one kind of token
// that its case of the switch takes.
type rawNode struct { // want `struct rawNode of 40 bytes could be 32 .*\[high: allocated one by one: &rawNode\{\} in a loop at x.go:\d+, in one case of a switch\]`
	a    bool
	b, c int64
	d    bool
	e    int64
}

type token struct{ kind int }

func parseTokens(toks []token) (nodes []any) {
	for _, t := range toks {
		switch t.kind {
		case 1:
			nodes = append(nodes, &rawNode{b: 1})
		default:
			nodes = append(nodes, t)
		}
	}
	return nodes
}

// Session is reached from a linkname to the package's own method: another
// name for it, which no other code reads.
type Session struct { // want `struct Session of 24 bytes could be 16 .*\[high: allocated one by one: &Session\{\} in a loop at x.go:\d+\]`
	open bool
	id   int64
	done bool
}

func (s *Session) Close() error { return nil }

//go:linkname closeSession fieldalign/alloc.(*Session).Close
func closeSession(*Session) error

func sessions(n int) (last *Session) {
	for i := 0; i < n; i++ {
		last = &Session{id: int64(i)}
	}
	return last
}

// Root is the type of a variable that other packages may pull by
// linkname: they name the same type.
type Root struct { // want `struct Root of 24 bytes could be 16 .*\[high: allocated one by one: &Root\{\} in a loop at x.go:\d+\]`
	on   bool
	id   int64
	done bool
}

//go:linkname systemRoot
var systemRoot *Root

func roots(n int) {
	for i := 0; i < n; i++ {
		systemRoot = &Root{id: int64(i)}
	}
}

// Conn is held idle in its pool's freeConn: a free list by name, but one
// of connections, as many as the pool keeps open.
type Conn struct { // want `struct Conn of 40 bytes could be 32 .*\[high: allocated one by one: held by pointer in \[\]\*Conn at x.go:\d+\]`
	inUse  bool
	id     int64
	closed bool
	addr   string
}

type connPool struct {
	freeConn []*Conn // idle connections, oldest first
}

// Backend is a pooled connection that synchronizes: made per call of get
// when no idle one is left, so as many exist as the pool opens.
type Backend struct { // want `struct Backend of 56 bytes could be 48 .*\[high: allocated one by one: held by pointer in \[\]\*Backend at x.go:\d+\]`
	inUse bool
	id    int64
	mu    sync.Mutex
	busy  bool
	n     int64
	addr  string
}

type backendPool struct {
	idle []*Backend // idle backends, newest last
}

func (p *backendPool) get(addr string) *Backend {
	if n := len(p.idle); n > 0 {
		b := p.idle[n-1]
		p.idle = p.idle[:n-1]
		return b
	}
	return &Backend{addr: addr}
}

// Get hands out a backend per request.
func (p *backendPool) Get(addr string) *Backend { return p.get(addr) }
