package basic

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"unsafe"
)

// An iterator reuses its key buffer across blocks.
type iterator struct {
	data []byte
	key  []byte
	vals [][]byte
	pos  int
}

func (it *iterator) next() {
	it.key = append(it.key[:0], it.data[it.pos:it.pos+4]...)
	it.vals = append(it.vals, it.data[it.pos+4:it.pos+8])
	it.pos += 8
}

func (it *iterator) Valid() bool { return len(it.key) > 0 && it.pos < len(it.data) }

func (it *iterator) Reset() {
	it.pos = 0
	it.key = []byte{} // want `Reset sets it.key to an empty slice without its capacity \(grown at x.go:20\), which its next use allocates again; keep it with it.key = it.key\[:0\]`
	it.vals = nil     // HasVals tests its nil-ness: the reset means it
}

func (it *iterator) HasVals() bool { return it.vals != nil }

// A key handed out to callers: truncating would let the next use
// overwrite what they hold.
type cursor struct {
	key []byte
}

func (c *cursor) load(p []byte) { c.key = append(c.key[:0], p...) }

func (c *cursor) Key() []byte { return c.key }

func (c *cursor) reset() {
	c.key = make([]byte, 0, 16) // want `reset sets c.key to an empty slice .* \(no automatic fix: c.key is handed out at x.go:\d+, and reusing its memory would change what the holder sees\) \[low: the field is handed out\]$`
}

// Dropping a very large buffer on purpose: not reported.
type scratch struct {
	buf []byte
}

func (s *scratch) add(p []byte) { s.buf = append(s.buf, p...) }

func (s *scratch) Reset() {
	if cap(s.buf) > 64<<10 {
		s.buf = nil
		return
	}
	s.buf = s.buf[:0]
}

// A field that only holds what it is given has no capacity of its own:
// not reported.
type view struct {
	src []byte
}

func (v *view) Init(p []byte) { v.src = p }

func (v *view) Reset() { v.src = nil }

// A buffer that may alias the caller's bytes.Buffer must be dropped, not
// truncated: reported without a fix.
type decoder struct {
	buf []byte
	rd  io.Reader
}

func (d *decoder) init(b []byte, r io.Reader) {
	d.buf = b
	d.rd = r
	if bb, ok := r.(*bytes.Buffer); ok {
		d.buf = bb.Bytes()
	}
}

func (d *decoder) fill(p []byte) { d.buf = append(d.buf, p...) }

func (d *decoder) Reset(r io.Reader) {
	d.init(nil, r) // want `Reset passes nil as b to init, which stores it in d.buf: .* \(no automatic fix: d.buf may hold memory the object does not own`
}

// A setter whose buffer the object always owns: fixed.
type encoder struct {
	out []byte
	w   io.Writer
}

func (e *encoder) setup(b []byte, w io.Writer) {
	e.out = b
	e.w = w
}

func (e *encoder) write(p []byte) { e.out = append(e.out, p...) }

func (e *encoder) Reset(w io.Writer) {
	e.setup(nil, w) // want `Reset passes nil as b to setup, which stores it in e.out`
}

func NewEncoder(w io.Writer) *encoder {
	e := new(encoder)
	e.setup(make([]byte, 0, 512), w)
	return e
}

// A cache of results emptied when it goes stale, on every lookup.
type entry struct {
	gen uint64
	val string
}

type conn struct {
	cache map[string]*entry
	gen   uint64
}

func (c *conn) lookup(key string, gen uint64) string {
	if e, ok := c.cache[key]; ok {
		if e.gen == gen {
			return e.val
		}
		c.cache = make(map[string]*entry) // want `lookup replaces c.cache with a new map, dropping the memory it grew \(entries stored at x.go:\d+\) that its next use allocates again; keep it with clear\(c.cache\)`
	}
	v := key + "!"
	c.cache[key] = &entry{gen, v}
	return v
}

// Not known to be non-nil: reported without a fix. decode, below, makes
// the map anew before it fills it, so what clear would keep is dropped
// there anyway: low, saying so.
func (c *conn) Clear() {
	c.cache = map[string]*entry{} // want `Clear replaces c.cache with a new map, .* \(no automatic fix: the map may be nil here, and clear would leave it nil\) \[low: the field is also set to a new map at x.go:\d+, before the uses that fill it: the memory clear keeps is dropped there\]$`
}

// A lazy first make: not reported.
func (c *conn) store(key string) {
	if c.cache == nil {
		c.cache = make(map[string]*entry)
	}
	c.cache[key] = &entry{c.gen, key}
}

// A constructor: not reported.
func newConn() *conn {
	c := &conn{}
	c.cache = make(map[string]*entry)
	return c
}

// A buffer grown in place by reslicing and by a helper that appends, and
// handed out: reported without a fix.
type block struct {
	data []byte
	key  []byte
	val  []byte
}

func appendCopy(dst, src []byte) []byte { return append(dst[:0], src...) }

func (b *block) parse(n int) {
	if cap(b.key) < n {
		b.key = make([]byte, 2*n)
	}
	b.key = b.key[:n]
	copy(b.key, b.data)
	b.val = appendCopy(b.val, b.data[n:])
}

func (b *block) Value() []byte { return b.val }

func (b *block) Reset() {
	b.key = []byte{} // want `Reset sets b.key to an empty slice without its capacity \(grown at x.go:\d+\), which its next use allocates again; keep it with b.key = b.key\[:0\] \[medium: per reset\]$`
	b.val = []byte{} // want `Reset sets b.val to an empty slice .* \(no automatic fix: b.val is handed out at x.go:\d+.*\[low: the field is handed out\]$`
}

// A map made when nil, among other conditions: not reported.
type names struct {
	list []string
	set  map[string]bool
}

func (n *names) add(s string) {
	if n.set == nil && len(n.list) > 8 {
		n.set = make(map[string]bool)
	}
	if n.set != nil {
		n.set[s] = true
	}
	n.list = append(n.list, s)
}

// The cases run before and after the fixes must give the same results.

func CaseIterator() string {
	it := &iterator{data: []byte("abcdefghijklmnop")}
	it.next()
	it.Reset()
	it.next()
	it.next()
	return fmt.Sprint(string(it.key), it.pos, len(it.vals), it.HasVals())
}

func CaseEncoder() string {
	e := NewEncoder(io.Discard)
	e.write([]byte("first"))
	e.Reset(io.Discard)
	e.write([]byte("x"))
	return string(e.out)
}

func CaseCache() string {
	c := newConn()
	a := c.lookup("a", 1)
	b := c.lookup("b", 1)
	again := c.lookup("a", 2) // stale: the cache is emptied
	return fmt.Sprint(a, b, again, len(c.cache))
}

// A copy made into a new local object: not a reset.
func (c *conn) Clone() *conn {
	out := &conn{gen: c.gen}
	out.cache = make(map[string]*entry)
	for k, v := range c.cache {
		out.cache[k] = v
	}
	return out
}

// A reply decoded into a fresh map, filled after it is made: not reported.
func (c *conn) decode(keys []string) {
	c.cache = make(map[string]*entry)
	for _, k := range keys {
		c.cache[k] = &entry{c.gen, k}
	}
}

// The function already keeps the memory when it can, and drops it only
// when what it handed out may still be in use: not reported.
type hist struct {
	buckets []int64
	handed  bool
}

func (h *hist) add(v int64) { h.buckets = append(h.buckets, v) }

func (h *hist) Buckets() []int64 { h.handed = true; return h.buckets }

func (h *hist) Reset() {
	if h.handed {
		h.handed = false
		h.buckets = nil
	} else {
		h.buckets = h.buckets[:0]
	}
}

// A field whose purpose is to borrow the caller's memory (an exported
// setter stores it uncopied): dropping it is the point, so the finding is
// low tier.
type request struct {
	body []byte
}

func (r *request) SetBodyRaw(b []byte) { r.body = b }

func (r *request) copyFrom(src *request) { r.body = append(r.body[:0], src.body...) }

func (r *request) ResetBody() {
	r.body = nil // want `ResetBody sets r.body to nil, .* \(no automatic fix: r.body may hold memory the object does not own \(the parameter b of SetBodyRaw, .*\) \[low: the field holds the caller's memory by design\]$`
}

// Stopping for good: what is dropped is not used again.
func (c *conn) stop(key string) {
	if _, ok := c.cache[key]; ok {
		c.cache = make(map[string]*entry)
	}
}

// Memory handed out through package unsafe must never be reused: not
// reported.
type builder struct {
	buf []byte
}

func (b *builder) WriteString(s string) { b.buf = append(b.buf, s...) }

func (b *builder) String() string { return unsafe.String(unsafe.SliceData(b.buf), len(b.buf)) }

func (b *builder) Reset() { b.buf = nil }

// Edits consumed, then emptied after every use: not a stale cache, not
// reported.
type escaper struct {
	edits map[string]string
}

func (e *escaper) note(k, v string) { e.edits[k] = v }

func (e *escaper) commit(apply func(k, v string)) {
	for k, v := range e.edits {
		apply(k, v)
	}
	if len(e.edits) > 0 && e.edits["x"] == "" {
		apply("", "")
	}
	e.edits = make(map[string]string)
}

// A lazy first make in the else of a nil test: not reported.
type relocs struct {
	index map[string]int
}

func (r *relocs) add(k string) int {
	if r.index != nil {
		if i, ok := r.index[k]; ok {
			return i
		}
	} else {
		r.index = make(map[string]int)
	}
	r.index[k] = len(r.index)
	return r.index[k]
}

// Compacting exists to give memory back: not reported.
func (c *conn) compact(key string) {
	if _, ok := c.cache[key]; ok {
		c.cache = make(map[string]*entry)
	}
}

// A response keeps the hooks its handlers register: a few per request,
// held by one allocation. Truncating keeps the capacity, and clearing
// first lets go of the old hooks (and what they capture).
type response struct {
	before []func()
	status int
}

func (r *response) Before(fn func()) { r.before = append(r.before, fn) }

func (r *response) reset() {
	r.before = nil // want `reset sets r.before to nil, dropping its capacity \(grown at x.go:\d+\), which its next use allocates again; keep it with clear\(r.before\) and r.before = r.before\[:0\] \[low: a list of callbacks: a few per use, which one allocation holds\]$`
	r.status = 0
}

// A queue of pending requests: pointers, cleared before truncating so the
// next use does not keep the old requests alive.
type pending struct {
	reqs []*bytes.Buffer
}

func (p *pending) add(b *bytes.Buffer) { p.reqs = append(p.reqs, b) }

func (p *pending) Reset() {
	p.reqs = nil // want `Reset sets p.reqs to nil, dropping its capacity \(grown at x.go:\d+\), which its next use allocates again; keep it with clear\(p.reqs\) and p.reqs = p.reqs\[:0\] \[`
}

// A set made once a list of names grows past a limit, in the case after
// the one that takes a non-nil set: lazy, not reported.
type nameSet struct {
	list []string
	set  map[string]struct{}
}

func (n *nameSet) insert(name string) bool {
	if n.set != nil {
		if _, ok := n.set[name]; ok {
			return false
		}
	}
	n.list = append(n.list, name)
	switch {
	case n.set != nil:
		n.set[name] = struct{}{}
	case len(n.list) > 8:
		n.set = make(map[string]struct{}, 2*len(n.list))
		for _, s := range n.list {
			n.set[s] = struct{}{}
		}
	}
	return true
}

// A set rebuilt in the case after one that does not test it: reported.
func (n *nameSet) rebuild(name string) {
	if _, ok := n.set[name]; !ok {
		return
	}
	switch {
	case len(n.list) == 0:
		return
	case len(n.list) > 8:
		n.set = make(map[string]struct{}, len(n.list)) // want `rebuild replaces n.set with a new map`
	}
	for _, s := range n.list {
		n.set[s] = struct{}{}
	}
}

// An index of names, made once the names pass a limit, after a test that
// returns when it is already made: lazy, not reported.
type nameIndex struct {
	names []string
	set   map[string]int
}

func (n *nameIndex) add(name string) int {
	if n.set != nil {
		if i, ok := n.set[name]; ok {
			return i
		}
		n.set[name] = len(n.names)
		n.names = append(n.names, name)
		return -1
	}
	n.names = append(n.names, name)
	if len(n.names) == 8 {
		n.set = make(map[string]int, 16)
		for i, s := range n.names {
			n.set[s] = i
		}
	}
	return -1
}

// A queue popped from its front: by the time Reset runs it is drained,
// and each pop gave up the capacity before the new start, so the reset
// drops nothing worth keeping. Not reported.
type fileQueue struct {
	queued []string
}

func (q *fileQueue) Push(name string) { q.queued = append(q.queued, name) }

func (q *fileQueue) Pop() (string, bool) {
	if len(q.queued) == 0 {
		return "", false
	}
	name := q.queued[0]
	q.queued = q.queued[1:]
	return name, true
}

func (q *fileQueue) Reset() { q.queued = nil }

type hook interface{ Before() }

// hookDB is copied by value by clone, and a clone shares its hooks' array:
// keeping the capacity in ResetHooks would let the next AddHook write into
// a clone's hooks. Low tier, without a fix.
type hookDB struct {
	hooks []hook
}

func (db *hookDB) clone() *hookDB {
	c := *db
	c.hooks = c.hooks[:len(c.hooks):len(c.hooks)]
	return &c
}

func (db *hookDB) WithHook(h hook) *hookDB {
	c := db.clone()
	c.hooks = append(c.hooks, h)
	return c
}

func (db *hookDB) AddHook(h hook) { db.hooks = append(db.hooks, h) }

func (db *hookDB) ResetHooks() {
	db.hooks = nil // want `ResetHooks sets db.hooks to nil, dropping its capacity .*\(no automatic fix: db.hooks is handed out at x.go:\d+, and reusing its memory would change what the holder sees\) \[low: the field is handed out\]`
}

type frame struct{ base int }

// frameWalker is a view of a caller's stack, walked down by re-slicing:
// it never grows the slices, so dropping them in Clear keeps nothing the
// next use would allocate again.
type frameWalker struct {
	stack  []uint64
	frames []*frame
}

func (w *frameWalker) Start(stack []uint64, frames []*frame) {
	w.stack, w.frames = stack, frames
}

func (w *frameWalker) Next() bool {
	if len(w.frames) == 0 {
		return false
	}
	f := w.frames[len(w.frames)-1]
	w.stack = w.stack[:f.base]
	w.frames = w.frames[:len(w.frames)-1]
	return true
}

func (w *frameWalker) Reset() {
	w.stack = nil
	w.frames = nil
}

// window owns its buffer and extends it within its capacity: a re-slice
// is how it grows, so Reset drops memory it will need again.
type window struct {
	buf []byte
}

func (w *window) Fill(n int, c byte) int {
	if cap(w.buf) < n {
		w.buf = make([]byte, n)
	}
	w.buf = w.buf[:n]
	for i := range w.buf {
		w.buf[i] = c
	}
	return len(w.buf)
}

func (w *window) Reset() {
	w.buf = nil // want `Reset sets w.buf to nil, dropping its capacity \(grown at x.go:\d+\)`
}

// scanner reads into the capacity of its buffer, which may be the caller's
// bytes.Buffer: extending it to len+n grows it, so a reset that drops it is
// reported, without a fix.
type scanner struct {
	buf []byte
	rd  io.Reader
}

func (s *scanner) init(b []byte, r io.Reader) {
	s.buf = b
	s.rd = r
	if bb, ok := r.(*bytes.Buffer); ok {
		s.buf = bb.Bytes()
	}
}

func (s *scanner) read() error {
	n, err := s.rd.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	return err
}

func (s *scanner) Reset(r io.Reader) {
	s.init(nil, r) // want `Reset passes nil as b to init, which stores it in s.buf: .* \(no automatic fix: s.buf may hold memory the object does not own`
}

// A header copied into and out of, and spread into another slice: copies
// of its bytes keep nothing of it, so it is not handed out.
type record struct {
	hdr  []byte
	body []byte
	out  []byte
}

func (f *record) parse(p []byte) int {
	if cap(f.hdr) < len(p) {
		f.hdr = make([]byte, 2*len(p))
	}
	f.hdr = f.hdr[:len(p)]
	copy(f.hdr[1:], p[1:])
	f.out = append(f.out[:0], f.hdr...)
	return copy(f.body, f.hdr)
}

func (f *record) Reset() {
	f.hdr = []byte{} // want `Reset sets f.hdr to an empty slice without its capacity \(grown at x.go:\d+\), which its next use allocates again; keep it with f.hdr = f.hdr\[:0\] \[medium: per reset\]$`
}

// An arena hands out strings that are views of its buffer: truncating it
// on Reset would let the next strings overwrite them. Not reported.
type arena struct{ buf []byte }

func (a *arena) String(b []byte) string {
	if len(b) > cap(a.buf)-len(a.buf) {
		return string(b)
	}
	off := len(a.buf)
	a.buf = append(a.buf, b...)
	return unsafe.String(&a.buf[off], len(b))
}

func (a *arena) Reset() { a.buf = nil }

// A query whose every run makes its covering afresh, of a fixed capacity:
// the capacity a Reset kept would be dropped there anyway. Low.
type query struct{ covering []int }

func (q *query) init(cells []int) {
	q.covering = make([]int, 0, 6)
	for _, c := range cells {
		q.covering = append(q.covering, c)
	}
}

func (q *query) Reset() {
	q.covering = nil // want `Reset sets q.covering to nil, .*\[low: the field is also set whole at x.go:\d+, to a slice built there, which does not reuse the capacity kept\]$`
}

// A recorder that makes its list afresh, sized to what it is given, each
// time it records: the appends grow that new slice, so the capacity a
// Reset kept would be dropped there anyway. Low.
type recorder struct{ ids []string }

func (r *recorder) record(items []string) {
	r.ids = make([]string, 0, len(items))
	for _, it := range items {
		r.ids = append(r.ids, it)
	}
}

func (r *recorder) Reset() {
	r.ids = nil // want `Reset sets r.ids to nil, .*\[low: the field is also set whole at x.go:\d+, to a slice built there, which does not reuse the capacity kept\]$`
}

// A block iterator's Key is valid until its next call, by the iterator
// protocol: its Reset may keep the key's memory though Key hands it out.
type blockIter struct {
	data []byte
	key  []byte
	pos  int
}

func (b *blockIter) Next() bool {
	if b.pos+4 > len(b.data) {
		return false
	}
	b.key = append(b.key[:0], b.data[b.pos:b.pos+4]...)
	b.pos += 4
	return true
}

func (b *blockIter) Key() []byte { return b.key }

func (b *blockIter) Reset() {
	b.pos = 0
	b.key = []byte{} // want `Reset sets b.key to an empty slice .* \(no automatic fix: b.key is handed out at x.go:\d+, and reusing its memory would change what the holder sees\) \[medium: per reset\]$`
}

// A parser drops its pairs at the end of every line: by the time its
// reset runs they are nil already, and keeping them there saves nothing.
type lineParser struct{ pairs []string }

func (p *lineParser) line(words []string) int {
	for _, w := range words {
		p.pairs = append(p.pairs, w)
	}
	n := len(p.pairs)
	p.pairs = nil
	return n
}

func (p *lineParser) reset() {
	p.pairs = nil // want `reset sets p.pairs to nil, .*\[low: the field is also set to nil at x.go:\d+, after a use: the capacity goes there, and the reset finds little to keep\]$`
}

// The package readies its blocks, records and iterators again: their
// Resets run per reuse.
func reuse(blocks []*block, records []*record, iters []*blockIter) {
	for _, b := range blocks {
		b.Reset()
	}
	for _, r := range records {
		r.Reset()
	}
	for _, it := range iters {
		it.Reset()
	}
}

// A Reset that nothing in the package calls: whether the object is
// reused is its users' business, low.
type terms struct{ terms []int }

func (q *terms) Add(t int) { q.terms = append(q.terms, t) }

func (q *terms) Sum() (n int) {
	for _, t := range q.terms {
		n += t
	}
	return n
}

func (q *terms) Reset() {
	q.terms = nil // want `Reset sets q.terms to nil, dropping its capacity .*\[low: the package never calls Reset: nothing shows the object is reused\]$`
}

// A scope's metrics are cleared only as its registry drops it: the scope
// has no next use, and the memory it lets go is meant to go.
type scope struct {
	counters []int
	closed   bool
}

func (s *scope) count(v int) { s.counters = append(s.counters, v) }

func (s *scope) clearMetrics() {
	s.counters = nil
}

type registry struct {
	scopes map[string]*scope
}

func (r *registry) report() {
	for name, s := range r.scopes {
		if s.closed {
			delete(r.scopes, name)
			s.clearMetrics()
		}
	}
}

// A look-alike whose reset is also called on a scope that stays.
type gauge struct {
	values []int
}

func (g *gauge) set(v int) { g.values = append(g.values, v) }

func (g *gauge) clearValues() {
	g.values = nil // want `clearValues sets g.values to nil, dropping its capacity`
}

func (g *gauge) flush(live map[string]*gauge, name string, drop bool) {
	if drop {
		delete(live, name)
		g.clearValues()
		return
	}
	g.clearValues()
}

// A client whose pending map the package always makes: never nil, so
// clearing it keeps it the same map.
type client struct {
	pending map[int]chan error
}

func newClient() *client {
	return &client{pending: make(map[int]chan error)}
}

func (c *client) send(tag int, done chan error) { c.pending[tag] = done }

func (c *client) handleOne(recv func() (int, error)) {
	tag, err := recv()
	done := c.pending[tag]
	if err != nil {
		for _, d := range c.pending {
			d <- err
		}
		c.pending = make(map[int]chan error) // want `handleOne replaces c.pending with a new map, dropping the memory it grew \(entries stored at x.go:\d+\) that its next use allocates again; keep it with clear\(c.pending\) \[`
		return
	}
	done <- nil
	delete(c.pending, tag)
}

// A tokenizer's current token points into its read buffer: the reset's
// nil drops no memory the next token would allocate, and a truncated
// field would still point into the buffer. The growth seen is another
// token's, copied by the caller.
type tagName struct{ local []byte }

type token struct{ name tagName }

func (t *token) CopyFrom(src token) { t.name.local = append(t.name.local[:0], src.name.local...) }

type tokenizer struct {
	buf []byte
	cur token
}

func (z *tokenizer) Next() token {
	z.clearToken()
	z.readName(z.buf)
	return z.cur
}

func (z *tokenizer) clearToken() {
	z.cur.name.local = nil // want `clearToken sets z.cur.name.local to nil, dropping its capacity \(grown at x.go:\d+\), which a next use that grows it allocates again; .*\(no automatic fix: z.cur.name.local is also set to the result of trimSpace, given a slice of b at x.go:\d+, memory the object does not own: truncated, it would still point there\) \[low: the field is also set to a view of other memory at x.go:\d+, a use that allocates nothing for the reset to save\]$`
}

func (z *tokenizer) readName(b []byte) {
	for i := range b {
		if b[i] == '>' {
			z.cur.name.local = trimSpace(b[1:i])
			return
		}
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	return b
}

// A queue made again with room for every type it may hold: not reported,
// the reset sizes it for the walk that follows.
type walker struct {
	types   map[string][]string
	pending []string
}

func (w *walker) resetQueue() {
	w.pending = make([]string, 0, len(w.types))
}

func (w *walker) Walk(root string) int {
	w.resetQueue()
	n := 0
	for w.pending = append(w.pending, root); len(w.pending) > 0; n++ {
		next := w.pending[len(w.pending)-1]
		w.pending = append(w.pending[:len(w.pending)-1], w.types[next]...)
	}
	return n
}

// A cache that nil marks as not parsed yet: setting it to nil is how it is
// invalidated, and a truncated one would be returned as parsed.
type image struct {
	data  []byte
	binds []string
}

func (m *image) Binds() []string {
	if m.binds != nil {
		return m.binds
	}
	for i := range m.data {
		m.binds = append(m.binds, string(m.data[i:i+1]))
	}
	return m.binds
}

func (m *image) ResetCache() {
	m.binds = nil
}

// A list that a kept callback reads, maybe while the list is cleared:
// replacing it leaves the callback the old array; truncating would write
// into what it reads.
type checker struct {
	cas    []string
	verify func(string) bool
}

func newChecker() *checker {
	c := &checker{}
	c.verify = func(s string) bool {
		for _, ca := range c.cas {
			if ca == s {
				return true
			}
		}
		return false
	}
	return c
}

func (c *checker) AddCA(ca string) { c.cas = append(c.cas, ca) }

func (c *checker) ClearCAs() {
	c.cas = []string{} // want `ClearCAs sets c.cas to an empty slice .* \(no automatic fix: c.cas is read at x.go:\d+ by a function kept to run later, maybe on another goroutine, which would see its memory reused\) \[low: the field is handed out\]$`
}

// A writer whose Reset the package calls only on a value it has just
// made: the reset initializes, and nothing has grown what it drops.
type lineWriter struct {
	out      io.Writer
	prefixes [][]byte
}

func newLineWriter(out io.Writer) *lineWriter {
	w := &lineWriter{}
	w.Reset(out)
	return w
}

func (w *lineWriter) push(p []byte) { w.prefixes = append(w.prefixes, p) }

func (w *lineWriter) Reset(out io.Writer) {
	w.out = out
	w.prefixes = make([][]byte, 0) // want `Reset sets w.prefixes to an empty slice without its capacity .*\[low: the package calls Reset only on a value just made \(in newLineWriter\): it readies a new value, with no memory to keep\]$`
}

// A row whose Reset only its constructor calls, on a value just made:
// that it hands its field out does not matter, there is nothing to keep.
type row struct {
	fields [][]byte
}

func newRow() *row {
	r := &row{}
	r.Reset()
	return r
}

func (r *row) add(f []byte)      { r.fields = append(r.fields, f) }
func (r *row) Fields() [][]byte { return r.fields }

func (r *row) Reset() {
	r.fields = make([][]byte, 0) // want `Reset sets r.fields to an empty slice .*\[low: the package calls Reset only on a value just made \(in newRow\): it readies a new value, with no memory to keep\]$`
}

// The same writer, also reset when a renderer reuses it: that reset drops
// what the last document grew.
type pageWriter struct {
	out      io.Writer
	prefixes [][]byte
}

func newPageWriter(out io.Writer) *pageWriter {
	w := &pageWriter{}
	w.Reset(out)
	return w
}

func (w *pageWriter) push(p []byte) { w.prefixes = append(w.prefixes, p) }

func (w *pageWriter) Reset(out io.Writer) {
	w.out = out
	w.prefixes = make([][]byte, 0) // want `Reset sets w.prefixes to an empty slice without its capacity .*\[medium: per reset\]$`
}

type pageRenderer struct{ w *pageWriter }

func (r *pageRenderer) render(out io.Writer, pages [][]byte) {
	r.w.Reset(out)
	for _, p := range pages {
		r.w.push(p)
	}
}

// A field iterator whose value is always a piece of the point's own
// fields, cut shorter by re-slicing: it owns no memory, and its reset
// drops nothing. Not reported.
type linePoint struct {
	fields []byte
	end    int
	value  []byte
}

func scanValue(buf []byte, i int) (int, []byte) {
	j := i
	for j < len(buf) && buf[j] != ',' {
		j++
	}
	return j, buf[i:j]
}

func (p *linePoint) Next() bool {
	p.end, p.value = scanValue(p.fields, p.end+1)
	if len(p.value) > 0 && p.value[len(p.value)-1] == 'i' {
		p.value = p.value[:len(p.value)-1]
	}
	return p.end < len(p.fields)
}

func (p *linePoint) Reset() {
	p.value = nil
	p.end = 0
}

// A panel's lines are objects made one per line: a reset that kept the
// slots would save a pointer per line next to each line's allocation.
type panel struct{ lines []*line }

type line struct {
	text  string
	width int
}

func (f *panel) AddLine(s string) {
	l := &line{text: s}
	l.width = len(s)
	f.lines = append(f.lines, l)
}

func (f *panel) Title(s string) { f.lines = append(f.lines, &line{text: s}) }

func (f *panel) Clear() {
	f.lines = nil // want `Clear sets f.lines to nil, dropping its capacity \(grown at x.go:\d+\), which its next use allocates again; keep it with clear\(f.lines\) and f.lines = f.lines\[:0\] \[low: each element is an object made for it \(at x.go:\d+\): next to that allocation, a slot kept saves a pointer\]$`
}

// A feed also takes lines its callers made: not every element is an
// allocation of its own here, and the reset's finding keeps its tier.
type feed struct{ items []*line }

func (f *feed) Push(l *line) { f.items = append(f.items, l) }

func (f *feed) Note(s string) { f.items = append(f.items, &line{text: s}) }

func (f *feed) Reset() {
	f.items = nil // want `Reset sets f.items to nil, .* \[medium: per reset\]$`
}

func refeed(f *feed, l *line) {
	f.Reset()
	f.Push(l)
}

// A row-group writer fills its dictionaries from goroutines that it joins
// before it returns: they never run during the reset, which may keep the
// map. A name watcher's goroutine is not joined, and may read during a reset.
type groupWriter struct {
	mu    sync.Mutex
	dicts map[string][]byte
}

func (w *groupWriter) encode(cols []string) {
	var wg sync.WaitGroup
	for _, c := range cols {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.mu.Lock()
			w.dicts[c] = append(w.dicts[c], c...)
			w.mu.Unlock()
		}()
	}
	wg.Wait()
}

func (w *groupWriter) Reset() {
	w.dicts = map[string][]byte{} // want `Reset replaces w.dicts with a new map, .* keep it with clear\(w.dicts\) \(no automatic fix: the map may be nil here, and clear would leave it nil\) \[`
}

type nameWatcher struct{ seen map[string]bool }

func (s *nameWatcher) watch(names <-chan string) {
	go func() {
		for n := range names {
			s.seen[n] = true
		}
	}()
}

func (s *nameWatcher) Reset() {
	s.seen = map[string]bool{} // want `\(no automatic fix: s.seen is read at x.go:\d+ by a function kept to run later, maybe on another goroutine, which would see its memory reused\)`
}

// A menu removes items by shifting them down and storing the result back:
// the slice stays its own, and a Clear can keep its capacity.
type menu struct{ items []*line }

func (m *menu) Add(l *line) { m.items = append(m.items, l) }

func (m *menu) Remove(i int) { m.items = append(m.items[:i], m.items[i+1:]...) }

func (m *menu) Clear() {
	m.items = nil // want `Clear sets m.items to nil, dropping its capacity \(grown at x.go:\d+\), which its next use allocates again; keep it with clear\(m.items\) and m.items = m.items\[:0\] \[`
}

func remenu(m *menu, l *line) {
	m.Clear()
	m.Add(l)
}

// A list inserts items made for it into a slot it appends, and removes
// them by shifting: every element is still an allocation of its own.
type itemList struct{ items []*line }

func (l *itemList) Insert(i int, text string) {
	item := &line{text: text}
	l.items = append(l.items, nil)
	copy(l.items[i+1:], l.items[i:])
	l.items[i] = item
}

func (l *itemList) Remove(i int) { l.items = append(l.items[:i], l.items[i+1:]...) }

func (l *itemList) Clear() {
	l.items = nil // want `Clear sets l.items to nil, .* \[low: each element is an object made for it \(at x.go:\d+\): next to that allocation, a slot kept saves a pointer\]$`
}

func relist(l *itemList) {
	l.Clear()
	l.Insert(0, "x")
}
