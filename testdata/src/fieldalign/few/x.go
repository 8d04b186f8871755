// Package few has structs whose padding the package seems to multiply,
// but of which few values exist, or which are made once per failure or
// once per owner: none is worth a default-level report.
package few

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
)

// siteConfig is held inline in a slice, but a slice of configurations
// holds a handful.
type siteConfig struct {
	tls  bool
	port int64
	h2   bool
}

type settings struct{ sites []siteConfig }

// pollEngine is a long-lived service: a few of them per pool.
type pollEngine struct {
	busy bool
	runs int64
	idle bool
}

type pool struct{ engines []*pollEngine }

func newPool(n int) *pool {
	p := &pool{}
	for range n {
		p.engines = append(p.engines, &pollEngine{})
	}
	return p
}

// state is recycled through its encoder's free list: a new one is made
// only when the list is empty.
type state struct {
	zero  bool
	field int64
	next  *state
	sent  bool
}

type encoder struct{ free *state }

func (e *encoder) newState() *state {
	s := e.free
	if s == nil {
		s = new(state)
	} else {
		e.free = s.next
	}
	return s
}

func (e *encoder) freeState(s *state) {
	s.next = e.free
	e.free = s
}

// index is made lazily, once per block that has one.
type index struct {
	loaded bool
	first  int64
	dirty  bool
}

type block struct{ idx *index }

func (b *block) load() error {
	if b.idx == nil {
		b.idx = &index{}
	}
	b.idx.loaded = true
	return nil
}

// farewell is queued in a loop, but only when a frame is bad, and the loop
// goes on; once per failure, not per frame.
type farewell struct {
	fatal bool
	code  int64
	sent  bool
}

func serve(frames <-chan []byte, send func(any)) {
	for f := range frames {
		if err := check(f); err != nil {
			send(&farewell{fatal: true, code: 1})
			continue
		}
	}
}

// txConn is named in a loop only by the error message that prints its
// type, when a queue holds something else: once per failure.
type txConn struct {
	open bool
	id   int64
	done bool
}

func drain(queue <-chan any, report func(error), keep func(*txConn)) {
	for v := range queue {
		c, ok := v.(*txConn)
		if !ok {
			report(fmt.Errorf("unexpected %T in the queue (want %T)", v, &txConn{}))
			continue
		}
		keep(c)
	}
}

func check(f []byte) error {
	if len(f) == 0 {
		return errors.New("empty frame")
	}
	return nil
}

// dataWriter has a Write method, but not an io.Writer's: it writes one
// file, not a stream of bytes.
type dataWriter struct {
	done  bool
	count int64
	open  bool
	w     io.Writer
}

func NewDataWriter(w io.Writer) *dataWriter { return &dataWriter{w: w} }

func (d *dataWriter) Write(hash [16]byte, args map[string]string) error { return nil }

// peer is a long-lived object that synchronizes; a map holds one per
// remote peer, a few.
type peer struct {
	up   bool
	mu   sync.Mutex
	seen int64
	down bool
}

type mesh struct{ peers map[string]*peer }

func NewPeer() *peer { return &peer{} }

// streamWriter is made by a method, but only when the lookup of its
// stream missed: one per stream, kept in the router's map.
type streamWriter struct {
	open bool
	reqs chan []byte
	sent int64
	shut bool
}

type router struct{ writers map[uint32]*streamWriter }

func (r *router) newWriter(id uint32) (*streamWriter, error) {
	return &streamWriter{reqs: make(chan []byte, 1)}, nil
}

func (r *router) write(id uint32, p []byte) error {
	w, ok := r.writers[id]
	if !ok {
		var err error
		w, err = r.newWriter(id)
		if err != nil {
			return err
		}
		r.writers[id] = w
	}
	w.reqs <- p
	return nil
}

// pullConsumer is made by a method, once per consumer an application
// asks for: a long-lived endpoint, a few per connection.
type pullConsumer struct {
	ordered bool
	seq     int64
	paused  bool
}

type session struct{ n int }

func (s *session) Consumer() *pullConsumer { return &pullConsumer{} }

// partitionRequest is one part of a request on the wire: its writeTo
// writes each field in declaration order, which the declaration
// documents; requests hold many, inline.
type partitionRequest struct {
	id     int32
	offset int64
	max    int32
}

type fetchRequest struct{ parts []partitionRequest }

func (p partitionRequest) writeTo(b []byte) []byte {
	b = append(b, byte(p.id))
	b = append(b, byte(p.offset))
	return append(b, byte(p.max))
}

var (
	_ = fetchRequest{}
	_ = partitionRequest.writeTo
	_ = (*router).write
	_ = mesh{}
	_ = settings{}
	_ = newPool
	_ = (*encoder).newState
	_ = (*encoder).freeState
	_ = (*block).load
	_ = serve
)

// packetConn wraps a packet socket: its ReadFrom and WriteTo take a
// datagram and a peer's address, not a stream. One socket serves every
// peer, so a process has a listener's or a dialer's few.
type packetConn struct {
	gso bool
	net.PacketConn
	sent int64
	ecn  bool
}

func NewPacketConn(c net.PacketConn) *packetConn { return &packetConn{PacketConn: c} }

// frameWriter wraps a connection's writer when the connection upgrades to
// frames: the method keeps it in a field of its receiver, one per
// connection, not a value per call.
type frameWriter struct {
	masked bool
	w      io.Writer
	sent   int64
	closed bool
}

func (f *frameWriter) Write(p []byte) (int, error) { return len(p), nil }

type frameConn struct{ w io.Writer }

func (c *frameConn) Upgrade(compress bool) error {
	c.w = &frameWriter{w: c.w, masked: compress}
	return nil
}

// FileStore is a store, one per shard or database, though it reads like a
// stream and its constructor makes one per call.
type FileStore struct {
	open  bool
	size  int64
	dirty bool
	files []string
	n     int64
}

func NewFileStore(dir string) *FileStore { return &FileStore{files: []string{dir}} }

func (s *FileStore) Read(p []byte) (int, error) { return 0, io.EOF }

// scope is recycled through the lexer's spares: the slice holds as many
// as were ever open at once, a nesting depth.
type scope struct {
	open   bool
	depth  int64
	list   bool
	names  []string
	parent *scope
	first  int64
	last   int64
}

type lexer struct {
	cur    *scope
	scopes []*scope // to reuse scope allocations
}

func (l *lexer) push() {
	var s *scope
	if n := len(l.scopes); n > 0 {
		s, l.scopes = l.scopes[n-1], l.scopes[:n-1]
	} else {
		s = new(scope)
	}
	l.cur = s
}

func (l *lexer) pop() {
	*l.cur = scope{names: l.cur.names[:0]}
	l.scopes = append(l.scopes, l.cur)
	l.cur = nil
}

// frame is handed out by its stack's alloc, which makes one only when
// the spare list is empty: as many exist as were ever open at once.
type frame struct {
	open   bool
	depth  int64
	list   bool
	names  []string
	parent *frame
	first  int64
	last   int64
}

type frameStack struct {
	cur    *frame
	spares []*frame // closed frames, to reuse
}

func (s *frameStack) alloc() *frame {
	if n := len(s.spares); n > 0 {
		f := s.spares[n-1]
		s.spares = s.spares[:n-1]
		return f
	}
	return &frame{}
}

func (s *frameStack) enter() *frame {
	f := s.alloc()
	f.parent = s.cur
	s.cur = f
	return f
}

func (s *frameStack) leave() {
	f := s.cur
	s.cur = f.parent
	*f = frame{names: f.names[:0]}
	s.spares = append(s.spares, f)
}

// Open starts a frame per nesting level of the input.
func (s *frameStack) Open() *frame { return s.enter() }

// brokerLink is made by a method of the client only when the lookup of
// its broker missed, however the call is written (in a literal under the
// test, or after a hit that returns): one per broker, a few, though a
// slice of pointers lists them.
type brokerLink struct {
	up   bool
	mu   sync.Mutex
	sent int64
	down bool
}

type linkPair struct{ in, out *brokerLink }

type brokerClient struct {
	mu    sync.Mutex
	links map[int32]linkPair
	ready []*brokerLink
}

func (c *brokerClient) newLink(id int32) *brokerLink { return &brokerLink{} }

func (c *brokerClient) LinkFor(id int32) linkPair {
	c.mu.Lock()
	defer c.mu.Unlock()
	pair, exists := c.links[id]
	if !exists {
		pair = linkPair{in: c.newLink(id), out: c.newLink(id)}
		c.links[id] = pair
	}
	return pair
}

func (c *brokerClient) AddReplicas(ids []int32) {
	ensure := func(id int32) {
		if _, exists := c.links[id]; exists {
			return
		}
		c.links[id] = linkPair{in: c.newLink(id)}
	}
	for _, id := range ids {
		ensure(id)
	}
}

func (c *brokerClient) AddLeader(id int32) {
	var exists bool
	if _, exists = c.links[id]; !exists {
		c.links[id] = linkPair{out: c.newLink(id)}
	}
}
