package vacated

import (
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
)

type conn struct{ buf []byte }

// A stmt keeps the connections it was prepared on; goroutines share it.
type stmt struct {
	mu    sync.Mutex
	conns []*conn
}

// DropClosed removes by swapping: the vacated last slot keeps a duplicate
// of the moved element after that element is removed in turn.
func (s *stmt) DropClosed(closed func(*conn) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < len(s.conns); i++ {
		if closed(s.conns[i]) {
			s.conns[i] = s.conns[len(s.conns)-1]
			s.conns = s.conns[:len(s.conns)-1] // want `s.conns\[:len\(s.conns\)-1\] drops the last slot of a \[\]\*conn, which keeps its element: a duplicate of one moved into another slot, or the removed element if it was the last; the backing array holds what it points to reachable, after that element is removed in turn, until an append overwrites the slot or the array is freed; clear first with clear\(s.conns\[len\(s.conns\)-1:\]\) \[medium: removed in a loop from a long-lived shared slice \(a package variable, or a field of a struct with a mutex\), whose vacated slots keep moved elements\]$`
			i--
		}
	}
}

// Consume drops the written buffers from the caller's list, as writev
// does: the written data stays reachable through the caller's array.
func Consume(v *[][]byte, n int) {
	for len(*v) > 0 && n >= len((*v)[0]) {
		n -= len((*v)[0])
		*v = (*v)[1:] // want `\(\*v\)\[1:\] drops the first element of a \[\]\[\]byte from the slice, .* clear first with clear\(\(\*v\)\[:1\]\) \(no automatic fix: the caller may hold another slice of the same array, which may see the cleared elements\) \[medium: consumed buffers: the data stays in memory\]$`
	}
}

// Buffers is written in turn; a method consumes its receiver.
type Buffers [][]byte

func (v *Buffers) Consume(n int) {
	for len(*v) > 0 && n >= len((*v)[0]) {
		n -= len((*v)[0])
		*v = (*v)[1:] // want `\(\*v\)\[1:\] drops the first element of a \[\]\[\]byte .* clear first with clear\(\(\*v\)\[:1\]\) \(no automatic fix: values of the exported type Buffers may be copied outside the package, and a copy shares the array\) \[medium: consumed buffers: the data stays in memory\]$`
	}
}

// An iterator over values; newIter converts its caller's slice, which
// clearing what Next hands out would change.
type sliceIter[T any] []T

func newIter[T any](values ...T) *sliceIter[T] {
	it := sliceIter[T](values)
	return &it
}

func (it *sliceIter[T]) Next() T {
	v := (*it)[0]
	*it = (*it)[1:] // want `\(\*it\)\[1:\] drops the first element of a \[\]T .* \(no automatic fix: the conversion at x\.go:58 makes a sliceIter of a slice that others may hold, which may see the cleared elements\) \[low: dropped from the front: the array is replaced when the slice grows again\]$`
	return v
}

// A path of frames made only by make: popping may clear.
type path []*conn

func newPath() *path {
	p := path(make([]*conn, 0, 8))
	return &p
}

func (p *path) Pop() {
	*p = (*p)[:len(*p)-1] // want `\(\*p\)\[:len\(\*p\)-1\] drops the last element of a \[\]\*conn .* clear first with clear\(\(\*p\)\[len\(\*p\)-1:\]\) \[low: dropped from the end: the next append overwrites the slot\]$`
}

// A generic stack that zeroes the slot it pops with a zero variable:
// it already clears.
type stack[E any] struct{ data []E }

func (s *stack[E]) pop() E {
	v := s.data[len(s.data)-1]
	var empty E
	s.data[len(s.data)-1] = empty
	s.data = s.data[:len(s.data)-1]
	return v
}

// Its look-alike stores a variable that holds an element: no clearing.
func (s *stack[E]) rotate() E {
	var first E
	first = s.data[0]
	s.data[len(s.data)-1] = first
	s.data = s.data[:len(s.data)-1] // want `s\.data\[:len\(s\.data\)-1\] drops the last element of a \[\]E .* \[low: no production callers\]$`
	return first
}

// A tree keeps an empty T that nothing sets and stores it over the slot
// it pops: it already clears.
type tree[T any] struct {
	items []T
	empty T
}

func (t *tree[T]) pop() T {
	v := t.items[len(t.items)-1]
	t.items[len(t.items)-1] = t.empty
	t.items = t.items[:len(t.items)-1]
	return v
}

// A deque stores a spare T that it sets: no clearing.
type deque[T any] struct {
	items []T
	spare T
}

func (l *deque[T]) keep(v T) { l.spare = v }

func (l *deque[T]) pop() T {
	v := l.items[len(l.items)-1]
	l.items[len(l.items)-1] = l.spare
	l.items = l.items[:len(l.items)-1] // want `l\.items\[:len\(l\.items\)-1\] drops the last element of a \[\]T .* \[low: no production callers\]$`
	return v
}

// A heap of items; Pop hands out the last one.
type heap []*conn

func (h *heap) Push(c *conn) { *h = append(*h, c) }

func (h *heap) Pop() *conn {
	old := *h
	n := len(old)
	c := old[n-1]
	*h = old[0 : n-1] // want `old\[0 : n-1\] drops the last element of a \[\]\*conn .* clear first with clear\(old\[n-1:\]\) \[low: dropped from the end: the next append overwrites the slot\]$`
	return c
}

// A queue of jobs popped from the front.
type queue struct {
	mu   sync.Mutex
	jobs []func()
	tail []string
}

func (q *queue) Next() func() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.jobs) == 0 {
		return nil
	}
	j := q.jobs[0]
	q.jobs = q.jobs[1:] // want `q.jobs\[1:\] drops the first element of a \[\]func\(\) .* \[low: dropped from the front: the array is replaced when the slice grows again\]$`
	return j
}

func (q *queue) Pop() {
	q.tail = q.tail[:len(q.tail)-1] // want `\[low: the elements hold only strings\]$`
}

// NewQueue and Add let a program check what Next keeps alive.
func NewQueue() *queue { return &queue{} }

func (q *queue) Add(j func()) { q.jobs = append(q.jobs, j) }

// Skip consumes n elements at once.
func (q *queue) Skip(n int) {
	q.jobs = q.jobs[n:] // want `q.jobs\[n:\] drops the first elements of a \[\]func\(\) from the slice, but the backing array still holds them: what they point to stays reachable .* clear first with clear\(q.jobs\[:n\]\)`
}

var registry []*conn

func UnregisterLast() {
	registry = registry[:len(registry)-1] // want `clear first with clear\(registry\[len\(registry\)-1:\]\) \[low: dropped from the end`
}

// Not reported below.

// Cleared first, as the fix does.
func (s *stmt) dropLast() {
	s.conns[len(s.conns)-1] = nil
	s.conns = s.conns[:len(s.conns)-1]
}

func (q *queue) nextCleared() func() {
	j := q.jobs[0]
	clear(q.jobs[:1])
	q.jobs = q.jobs[1:]
	return j
}

// A free list lends its elements out: they are in use, not garbage.
type machine struct{ freeConns []*conn }

func (m *machine) get() *conn {
	c := m.freeConns[len(m.freeConns)-1]
	m.freeConns = m.freeConns[:len(m.freeConns)-1]
	return c
}

// A slab hands out the address of its first element: clearing it would
// zero what the caller now uses.
type slab struct{ entries []conn }

func (s *slab) alloc() *conn {
	e := &s.entries[0]
	s.entries = s.entries[1:]
	return e
}

// An arena hands out the front of one array as a slice: the caller uses
// the dropped elements, and clearing them would zero its data.
type arena struct{ descs []conn }

func (a *arena) take(n int) []conn {
	got := a.descs[:n]
	a.descs = a.descs[n:]
	return got
}

// A queue that reads its front before dropping it still keeps the
// popped elements in its array.
type batchQueue struct{ items []*conn }

func (q *batchQueue) popBatch(n int) []*conn {
	batch := append([]*conn(nil), q.items[:n]...)
	q.items = q.items[n:] // want `q.items\[n:\] drops the first elements`
	return batch
}

// Elements without pointers keep nothing alive.
type ring struct{ ns []int }

func (r *ring) pop() { r.ns = r.ns[1:] }

// A local slice dies with the function.
func local(cs []*conn) int {
	n := 0
	for len(cs) > 0 {
		cs = cs[1:]
		n++
	}
	return n
}

// Truncating to a length that is not measured from the end is a reset.
func (s *stmt) keep(n int) { s.conns = s.conns[:n] }

// Another variable's slice is not the one shrunk, but it shares the
// array: clearing a slot would change what o sees.
type list struct {
	mu    sync.Mutex
	conns []*conn
}

func (l *list) From(o *list) { l.conns = o.conns[1:] }

func (l *list) Remove(i int) {
	l.mu.Lock()
	l.conns[i] = l.conns[len(l.conns)-1]
	l.conns = l.conns[:len(l.conns)-1] // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\) \[low: one removal: the vacated slot keeps a duplicate`
	l.mu.Unlock()
}

// Hooks are registered once and removed rarely: a few, low.
type Hook interface{ Run() }

type hooks struct {
	mu   sync.Mutex
	list []Hook
}

func (h *hooks) Remove(x Hook) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, y := range h.list {
		if y == x {
			h.list[i] = h.list[len(h.list)-1]
			h.list = h.list[:len(h.list)-1] // want `\[low: a list of hooks: a few, changed rarely\]$`
			break
		}
	}
}

// A range over the slice reads the elements of the array it started
// with: clearing the last slot would change what it reads later.
func (h *hooks) RemoveAll(dead func(Hook) bool) {
	for i, y := range h.list {
		if dead(y) && i < len(h.list) {
			h.list[i] = h.list[len(h.list)-1]
			h.list = h.list[:len(h.list)-1] // want `\(no automatic fix: the range over the slice at line \d+ goes on to read the cleared elements\)`
		}
	}
}

// A ring buffer counts its elements in the length and reaches the rest
// of its storage through the capacity: the last slot is not vacated.
type ring2 struct {
	items []*conn
	head  int
}

func (r *ring2) Push(c *conn) {
	r.items = r.items[:len(r.items)+1]
	r.items[:cap(r.items)][(r.head+len(r.items)-1)%cap(r.items)] = c
}

func (r *ring2) Pop() *conn {
	r.items = r.items[:len(r.items)-1]
	c := r.items[:cap(r.items)][r.head]
	r.head = (r.head + 1) % cap(r.items)
	return c
}

// Removing one element by shifting leaves one duplicate of the last
// element in the vacated slot, as swapping does: low.
func (l *list) Delete(i int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	copy(l.conns[i:], l.conns[i+1:])
	l.conns = l.conns[:len(l.conns)-1] // want `\[low: one removal: the vacated slot keeps a duplicate of an element still in the slice, or the removed element if it was the last\]$`
}

// A length measured before the slice changed says nothing of what the
// reslice drops: not reported.
func (l *list) Trim(c *conn) {
	n := len(l.conns)
	l.conns = append(l.conns[:0], c)
	l.conns = l.conns[:n-1]
}

// Deleting by shifting with append, in a loop that drops every dead
// element: medium, fixed with slices.Delete.
type registry2 struct {
	mu    sync.Mutex
	conns []*conn
}

func (r *registry2) Sweep(dead func(*conn) bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := 0; i < len(r.conns); i++ {
		if dead(r.conns[i]) {
			r.conns = append(r.conns[:i], r.conns[i+1:]...) // want `append\(r.conns\[:i\], r.conns\[i\+1:\]\.\.\.\) deletes from a \[\]\*conn by shifting, .* slices.Delete\(r.conns, i, i\+1\) clears them \[medium: removed in a loop from a long-lived shared slice \(a package variable, or a field of a struct with a mutex\), whose vacated slots keep moved elements\]$`
			i--
		}
	}
}

func (r *registry2) Add(c *conn) {
	r.mu.Lock()
	r.conns = append(r.conns, c)
	r.mu.Unlock()
}

// One removal, then the block leaves the loop: low.
func (r *registry2) Drop(c *conn) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, x := range r.conns {
		if x != c {
			continue
		}
		r.conns = append(r.conns[:i], r.conns[i+1:]...) // want `\[low: one removal: the vacated slot keeps a duplicate of an element still in the slice, or the removed element if it was the last\]$`
		if len(r.conns) == 0 {
			r.conns = nil
		}
		return true
	}
	return false
}

// One removal in a block inside the match, then a break after that
// block: the loop ends, low.
func (r *registry2) Release(c *conn, idle func(*conn) bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	removed := false
	for i := range r.conns {
		if r.conns[i] == c {
			if idle(c) {
				removed = true
				r.conns = append(r.conns[:i], r.conns[i+1:]...) // want `\[low: one removal: the vacated slot keeps a duplicate of an element still in the slice, or the removed element if it was the last\]$`
			}
			break
		}
	}
	return removed
}

// A break in a switch ends the switch, not the loop: the sweep goes on.
func (r *registry2) SweepKinds(kind func(*conn) int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := 0; i < len(r.conns); i++ {
		switch kind(r.conns[i]) {
		case 0:
			r.conns = append(r.conns[:i], r.conns[i+1:]...) // want `\[medium: removed in a loop from a long-lived shared slice \(a package variable, or a field of a struct with a mutex\), whose vacated slots keep moved elements\]$`
			i--
			break
		}
	}
}

// A reslice in a for statement's post is no statement of a list.
func (q *queue) Drain() {
	for ; len(q.jobs) > 0; q.jobs = q.jobs[1:] { // want `\(no automatic fix: the reslice is not a statement of its own\)`
		q.jobs[0]()
	}
}

// A compiler's scope stack, emptied while a nested body compiles and put
// back when it is done: the dropped elements are still in use, and
// clearing them would corrupt what the deferred call restores.
type compiler struct{ scopes []*conn }

func (c *compiler) nested(body func()) {
	defer func(saved []*conn) { c.scopes = saved }(c.scopes)
	c.scopes = c.scopes[len(c.scopes):]
	body()
}

// The same with a saved copy stored back.
func (c *compiler) inner(body func()) {
	saved := c.scopes
	c.scopes = c.scopes[:len(c.scopes)-1]
	body()
	c.scopes = saved
}

// Relationships of a document, strings only: a vacated slot keeps a
// duplicate of a few short strings, low even when removed in a loop from
// a slice goroutines share.
type rel struct{ id, target string }

type rels struct {
	mu   sync.Mutex
	list []rel
}

func (r *rels) Remove(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := 0; i < len(r.list); i++ {
		if r.list[i].id == id {
			r.list = append(r.list[:i], r.list[i+1:]...) // want `\[low: the elements hold only strings\]$`
			i--
		}
	}
}

// A queue swept from its back: the backward range never comes back to
// the slot a removal clears, and another method's backward range over the
// queue only reads it in place: fixed.
type connQueue struct {
	mu    sync.Mutex
	conns []*conn
}

func (q *connQueue) Sweep(dead func(*conn) bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, c := range slices.Backward(q.conns) {
		if dead(c) {
			q.conns = append(q.conns[:i], q.conns[i+1:]...) // want `append\(q.conns\[:i\], q.conns\[i\+1:\]\.\.\.\) deletes from a \[\]\*conn by shifting, .* slices.Delete\(q.conns, i, i\+1\) clears them \[medium`
		}
	}
}

func (q *connQueue) Last(ok func(*conn) bool) *conn {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, c := range slices.Backward(q.conns) {
		if ok(c) {
			return c
		}
	}
	return nil
}

func (q *connQueue) Add(c *conn) {
	q.mu.Lock()
	q.conns = append(q.conns, c)
	q.mu.Unlock()
}

// The same sweep going forward would read the slot it cleared: no fix.
func (q *connQueue) SweepForward(dead func(*conn) bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, c := range slices.All(q.conns) {
		if dead(c) {
			q.conns = append(q.conns[:i], q.conns[i+1:]...) // want `no automatic fix: the range over the slice at line \d+ goes on to read the cleared elements`
		}
	}
}

// A reader of packets queued by its own loop: the literal that makes it
// gives the field a new array, which nothing else holds, so the pop is
// fixed.
type packetReader struct {
	pending [][]byte
}

func newPacketReader() *packetReader {
	return &packetReader{pending: make([][]byte, 0, 16)}
}

func (r *packetReader) push(p []byte) { r.pending = append(r.pending, p) }

func (r *packetReader) Read(p []byte) int {
	if len(r.pending) == 0 {
		return 0
	}
	n := copy(p, r.pending[0])
	if n == len(r.pending[0]) {
		r.pending = r.pending[1:] // want `r.pending\[1:\] drops the first element of a \[\]\[\]byte from the slice, .* clear first with clear\(r.pending\[:1\]\) \[low: dropped from the front: the array is replaced when the slice grows again\]$`
	} else {
		r.pending[0] = r.pending[0][n:]
	}
	return n
}

// The literal of a package variable gives its field a new array too.
var defaultReader = &packetReader{pending: [][]byte{}}

// A copy made with its own array: append to nil copies the elements.
func (r *packetReader) clone() *packetReader {
	return &packetReader{pending: append([][]byte(nil), r.pending...)}
}

// A list edited in place by package slices, whose result goes back to
// the field: the array stays the list's own.
type pathList struct {
	paths []*packetReader
}

func (l *pathList) add(p *packetReader) { l.paths = append(l.paths, p) }

func (l *pathList) moveLast(i int) {
	p := l.paths[i]
	l.paths = slices.Delete(l.paths, i, i+1)
	l.paths = append(l.paths, p)
}

func (l *pathList) dropFirst() {
	l.paths = l.paths[1:] // want `l.paths\[1:\] drops the first element of a \[\]\*packetReader from the slice, .* clear first with clear\(l.paths\[:1\]\) \[low: no production callers\]$`
}

// A path pushed and popped around a walk and read by strings.Join, which
// keeps nothing of it: the pop may clear its slot.
type walker struct {
	path []string
}

func (w *walker) Enter(name string) { w.path = append(w.path, name) }

func (w *walker) Leave() {
	w.path = w.path[:len(w.path)-1] // want `w.path\[:len\(w.path\)-1\] drops the last element .* clear first with clear\(w.path\[len\(w.path\)-1:\]\) \[low: the elements hold only strings\]$`
}

func (w *walker) Name() string { return strings.Join(w.path, ".") }

// A list given to sort.Strings, a function without results, which the
// pass cannot tell from one that registers what it is given: no fix.
type sortedNames struct{ names []string }

func (s *sortedNames) Add(n string) { s.names = append(s.names, n) }

func (s *sortedNames) Sort() { sort.Strings(s.names) }

func (s *sortedNames) Drop() {
	s.names = s.names[:len(s.names)-1] // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\) \[low: the elements hold only strings\]$`
}

// A free list of buffers: pop hands out the last one, take one from the
// middle, put appends and moves the new one down, and trim filters in
// place; each works on a local copy of the list that goes back into it,
// so none shares the array, and the drops are fixed. The buffer dropped
// goes to the caller, who holds it anyway, or stays listed: low.
type freeList [][]byte

func (x *freeList) pop() (out []byte) {
	y := *x
	if len(y) == 0 {
		return make([]byte, 0, 64)
	}
	out = y[len(y)-1]
	*x = y[:len(y)-1] // want `y\[:len\(y\)-1\] drops the last element of a \[\]\[\]byte .*clear first with clear\(y\[len\(y\)-1:\]\) \[low: dropped from the end: the next append overwrites the slot\]$`
	return out
}

func (x *freeList) take(n int) []byte {
	y := *x
	for i, b := range y {
		if cap(b) >= n {
			copy(y[i:], y[i+1:])
			*x = y[:len(y)-1] // want `y\[:len\(y\)-1\] drops the last slot of a \[\]\[\]byte, which keeps its element: a duplicate of one moved into another slot, or the removed element if it was the last; .*clear first with clear\(y\[len\(y\)-1:\]\) \[low: one removal`
			return b
		}
	}
	return make([]byte, 0, n)
}

func (x *freeList) put(b []byte) {
	y := append(*x, b[:0])
	*x = y
	for i := 0; i < len(y)-1; i++ {
		if cap(y[i]) > cap(b) {
			copy(y[i+1:], y[i:])
			y[i] = b[:0]
			return
		}
	}
}

func (x *freeList) trim(max int) {
	kept := (*x)[:0]
	for _, b := range *x {
		if cap(b) <= max {
			kept = append(kept, b)
		}
	}
	*x = kept
}

var buffers freeList

func Buffer() []byte    { return buffers.pop() }
func Take(n int) []byte { return buffers.take(n) }
func Release(b []byte)  { buffers.put(b) }
func Trim()             { buffers.trim(1 << 16) }

// A node's attributes come from a local slice made for it and filled in
// place: the node's array is its own, and the delete is fixed.
type attr struct{ name, value string }

type xmlNode struct {
	attrs []attr
	kids  []*xmlNode
}

func declaration() *xmlNode {
	attrs := make([]attr, 1)
	attrs[0].name = "version"
	attrs[0].value = "1.0"
	return &xmlNode{attrs: attrs}
}

func (n *xmlNode) RemoveAttr(name string) bool {
	for i, a := range n.attrs {
		if a.name == name {
			n.attrs = append(n.attrs[:i], n.attrs[i+1:]...) // want `deletes from a \[\]attr by shifting.*slices.Delete\(n.attrs, i, i\+1\) clears them \[low`
			return true
		}
	}
	return false
}

// The same slice given to two nodes: they share its array.
type twin struct{ kids []*twin }

func twins() (*twin, *twin) {
	kids := make([]*twin, 2)
	return &twin{kids: kids}, &twin{kids: kids}
}

func (t *twin) Drop(i int) {
	t.kids = append(t.kids[:i], t.kids[i+1:]...) // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\)`
}

var _ = declaration
var _ = twins

// An extension list decoded into a local: the sort of the same field in
// another function is of another list, so the local's removals can
// clear their slots; removed in a loop, a duplicate per removal.
type ext struct{ uri, body string }

type extList struct{ Ext []*ext }

func sortExts(l *extList) {
	sort.Slice(l.Ext, func(i, j int) bool { return l.Ext[i].uri < l.Ext[j].uri })
}

func DropEmpty(r io.Reader) (int, error) {
	list := new(extList)
	if err := json.NewDecoder(r).Decode(list); err != nil {
		return 0, err
	}
	for i := 0; i < len(list.Ext); i++ {
		if list.Ext[i].body == "" {
			list.Ext = append(list.Ext[:i], list.Ext[i+1:]...) // want `deletes from a \[\]\*ext by shifting.*slices.Delete\(list.Ext, i, i\+1\) clears them \[low: removed in a loop from a slice nothing shows long-lived: each duplicate stays until an append overwrites its slot or the slice is dropped\]$`
			i--
		}
	}
	return len(list.Ext), nil
}

// Handed to a function of the package, the local may be kept there.
func DropKept(r io.Reader) int {
	list := new(extList)
	json.NewDecoder(r).Decode(list)
	sortExts(list)
	for i := 0; i < len(list.Ext); i++ {
		if list.Ext[i].body == "" {
			list.Ext = append(list.Ext[:i], list.Ext[i+1:]...) // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\)`
			i--
		}
	}
	return len(list.Ext)
}

// A syncer resumes the tasks that a saved status lists: the list comes
// from a local the function decoded into, which lets go of it on return,
// so the field holds the array alone and its removals may clear slots.
type resumeTask struct {
	next, last uint64
	done       bool
}

type resumeStatus struct{ Tasks []*resumeTask }

type Resumer struct {
	mu    sync.Mutex
	tasks []*resumeTask
}

func (r *Resumer) Load(saved []byte) {
	var status resumeStatus
	if err := json.Unmarshal(saved, &status); err != nil {
		return
	}
	r.tasks = status.Tasks
}

// Save marshals a status that holds the list only while it is encoded.
func (r *Resumer) Save() []byte {
	status := &resumeStatus{Tasks: r.tasks}
	b, _ := json.Marshal(status)
	return b
}

func (r *Resumer) Clean() {
	for i := 0; i < len(r.tasks); i++ {
		if r.tasks[i].done {
			r.tasks = append(r.tasks[:i], r.tasks[i+1:]...) // want `deletes from a \[\]\*resumeTask by shifting.*slices.Delete\(r.tasks, i, i\+1\) clears them \[medium: removed in a loop from a long-lived shared slice`
			i--
		}
	}
}

// Kept in a field too, the decoded status shares the array.
type KeptResumer struct {
	mu    sync.Mutex
	tasks []*resumeTask
	last  *resumeStatus
}

func (r *KeptResumer) Load(saved []byte) {
	var status resumeStatus
	if err := json.Unmarshal(saved, &status); err != nil {
		return
	}
	r.tasks = status.Tasks
	r.last = &status
}

func (r *KeptResumer) Clean() {
	for i := 0; i < len(r.tasks); i++ {
		if r.tasks[i].done {
			r.tasks = append(r.tasks[:i], r.tasks[i+1:]...) // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\)`
			i--
		}
	}
}

// A status kept in a field holds the list after Save returns.
type SnapResumer struct {
	mu    sync.Mutex
	tasks []*resumeTask
	last  *resumeStatus
}

func (r *SnapResumer) Save() []byte {
	status := &resumeStatus{Tasks: r.tasks}
	r.last = status
	b, _ := json.Marshal(status)
	return b
}

func (r *SnapResumer) Clean() {
	for i := 0; i < len(r.tasks); i++ {
		if r.tasks[i].done {
			r.tasks = append(r.tasks[:i], r.tasks[i+1:]...) // want `\(no automatic fix: the slice is shared at x.go:\d+, which may see the cleared elements\)`
			i--
		}
	}
}

// lowerRule shifts a rule out of its result when the rule comes out
// empty, then returns the shortened list: the returned slice ends before
// the vacated slot, so the fix may clear it.
type lowering struct{ rules []*ruleNode }

type ruleNode struct{ children []*ruleNode }

func lowerRule(r *ruleNode, results []*ruleNode) []*ruleNode {
	start := len(results)
	results = append(results, r)
	ctx := lowering{rules: results}
	for _, c := range r.children {
		ctx.rules = append(ctx.rules, c)
	}
	if len(r.children) == 0 {
		copy(ctx.rules[start:], ctx.rules[start+1:])
		ctx.rules = ctx.rules[:len(ctx.rules)-1] // want `ctx.rules\[:len\(ctx.rules\)-1\] drops the last slot .*clear first with clear\(ctx.rules\[len\(ctx.rules\)-1:\]\) \[low: one removal`
	}
	return ctx.rules
}

var _ = lowerRule

// responders is a queue of callbacks, one pushed per request and popped
// per response: not a list of handlers registered once.
type respHandler struct{ fn func() }

type responders struct{ queue []*respHandler }

func (r *responders) Push(h func()) { r.queue = append(r.queue, &respHandler{fn: h}) }

func (r *responders) Pop() *respHandler {
	head := r.queue[0]
	r.queue = r.queue[1:] // want `\[low: dropped from the front: the array is replaced when the slice grows again\]$`
	return head
}

// A deletion written over two lines is quoted on one line of output; a
// comment inside the call withholds the fix, which would drop it.
type sweepList struct {
	mu    sync.Mutex
	tasks []*sweepTask
}

type sweepTask struct{ done bool }

func (l *sweepList) Sweep() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := 0; i < len(l.tasks); i++ {
		if l.tasks[i].done {
			l.tasks = append(l.tasks[:i], // want `deletes from a \[\]\*sweepTask by shifting.*\(no automatic fix: a comment inside the call would be lost\)`
				l.tasks[i+1:]...)
			i--
		}
	}
}

func (l *sweepList) Prune() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := 0; i < len(l.tasks); i++ {
		if l.tasks[i] == nil {
			l.tasks = // want `append\(l.tasks\[:i\], l.tasks\[i\+1:\]...\) deletes from a \[\]\*sweepTask by shifting.*slices.Delete\(l.tasks, i, i\+1\) clears them \[`
				append(l.tasks[:i],
					l.tasks[i+1:]...)
			i--
		}
	}
}

// A dispatcher takes its pending coroutines ahead of the others, then
// lets go of the pending list: the merged slice holds its array alone.
type dispatcher struct {
	mu      sync.Mutex
	pending []*sweepTask
	running []*sweepTask
}

func (d *dispatcher) Run() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.running = append(d.pending, d.running...)
	d.pending = nil
	for i := 0; i < len(d.running); i++ {
		if d.running[i].done {
			d.running = append(d.running[:i], d.running[i+1:]...) // want `deletes from a \[\]\*sweepTask by shifting.*slices.Delete\(d.running, i, i\+1\) clears them \[`
			i--
		}
	}
}

// A set of the tasks seen beside the list of those still to run: every
// task appended is also a key of seen, which nothing deletes from, so a
// vacated slot keeps nothing the set does not. Not reported.
type task struct{ name *string }

type taskSet struct {
	mu   sync.Mutex
	seen map[*task]bool
	todo []*task
}

func (s *taskSet) Add(t *task) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = make(map[*task]bool)
	}
	if !s.seen[t] {
		s.seen[t] = true
		s.todo = append(s.todo, t)
	}
}

func (s *taskSet) Run(do func(*task)) {
	for {
		s.mu.Lock()
		if len(s.todo) == 0 {
			s.mu.Unlock()
			return
		}
		i := len(s.todo) / 2
		t := s.todo[i]
		s.todo[i] = s.todo[len(s.todo)-1]
		s.todo = s.todo[:len(s.todo)-1]
		s.mu.Unlock()
		do(t)
	}
}

// The same list, but the set forgets a task once it has run: the
// vacated slot is then all that keeps it.
type forgetfulSet struct {
	mu   sync.Mutex
	seen map[*task]bool
	todo []*task
}

func (s *forgetfulSet) Add(t *task) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.seen[t] {
		s.seen[t] = true
		s.todo = append(s.todo, t)
	}
}

func (s *forgetfulSet) Run(do func(*task)) {
	for {
		s.mu.Lock()
		if len(s.todo) == 0 {
			s.mu.Unlock()
			return
		}
		i := len(s.todo) / 2
		t := s.todo[i]
		s.todo[i] = s.todo[len(s.todo)-1]
		s.todo = s.todo[:len(s.todo)-1] // want `s.todo\[:len\(s.todo\)-1\] drops the last slot of a \[\]\*task, .*\[medium: removed in a loop from a long-lived shared slice`
		delete(s.seen, t)
		s.mu.Unlock()
		do(t)
	}
}

// The same set, generic: each method sees its own instance of the fields.
type workSet[T comparable] struct {
	mu    sync.Mutex
	added map[T]bool
	todo  []T
}

func (w *workSet[T]) Add(item T) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.added == nil {
		w.added = make(map[T]bool)
	}
	if !w.added[item] {
		w.added[item] = true
		w.todo = append(w.todo, item)
	}
}

func (w *workSet[T]) Next() (T, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var zero T
	if len(w.todo) == 0 {
		return zero, false
	}
	item := w.todo[0]
	w.todo[0] = w.todo[len(w.todo)-1]
	w.todo = w.todo[:len(w.todo)-1]
	return item, true
}

func drain(w *workSet[*task], do func(*task)) {
	for t, ok := w.Next(); ok; t, ok = w.Next() {
		do(t)
	}
}
