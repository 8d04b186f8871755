// Package poolreset defines an Analyzer that reports sync.Pool objects put
// back with the state of their last use or still referencing their last
// user's memory, objects used after they were put back, and values that
// allocate every time they are put into a pool.
//
// # Analyzer poolreset
//
// poolreset: report sync.Pool objects put back dirty or pinning memory, used after Put, or boxed on every Put
//
// An object taken from a sync.Pool is shared with whichever goroutine calls
// Get next. The pass reports six mistakes:
//
// Dirty Put. An object with something to reset (a Reset or reset method, as
// *bytes.Buffer, *strings.Builder, *bufio.Writer and hash.Hash have, or a
// pointer to a slice that was appended to) is put back on some path from its
// Get without a reset, and some Get of the same pool uses the object without
// resetting it first. The next user then sees, and usually appends to, the
// old contents. Pools that reset on Get (every Get followed by a reset,
// directly or in a getter helper, as encoding/json does, or by handing the
// object to a function that resets it first, as x/text's transform.Bytes
// does with a Transformer, or by a method documented to discard what it
// held, as maphash's SetSeed) are never reported,
// nor are pools of bufio readers and writers that no Get retargets: each
// stays bound to the source its New gave it (bufio.NewReader(rand.Reader)),
// so what it buffers is that source's for any user, and Reset(nil) would
// leave it reading from nothing. When every Get first decodes into the
// object with one of its own methods declared in another package
// (Block.UnmarshalPortable, a Decode method), which usually starts it over
// where this package cannot see, or hands it first to a function of another
// package of the same module (needle.ParseUpload(r, limit, buf), whose
// authors know the pool's contract and may reset it; the driver must give
// the module's path, as go vet and memlint do), the finding is low tier. A
// function of another module (io.Copy) appends to what the object holds.
// What follows the reset does not dirty the object when it only drops
// links or tests them (b.cmp = nil; if b.index == nil { pool.Put(b) }):
// storing a zero value in a field, or reading a field to compare it.
// The suggested fix inserts x.Reset() (or *p = (*p)[:0]) just before the
// Put; a deferred Put becomes a deferred func that resets, then puts back.
// There is no fix when the object is used after the Put (the reset would
// change what that use sees), when the reset needs arguments, or when a
// variable of a deferred Put is assigned after the defer statement (a
// pool kept in an unexported package variable of type *sync.Pool counts as
// assigned only if the package assigns it anywhere).
//
//	buf := bufPool.Get().(*bytes.Buffer)
//	buf.WriteString(s)
//	if err != nil {
//		bufPool.Put(buf) // reported: buf still holds s
//		return err
//	}
//
// An object held in a struct field between its Get and its Put (w.buf =
// pool.Get() in a constructor, pool.Put(w.buf) in Close) is dirty when the
// package writes to it through the field (a Write method, or handing it to
// a function of the standard library such as fmt.Fprintf) and nothing in
// the package may reset it: no reset-like or Truncate method on the
// field, no assignment to it other than from a Get or of nil, and it is
// not handed to any other function. The fix resets it before the Put;
// such a finding is medium tier, as the Put runs once per object even
// where the cost model sees a teardown method.
//
// Pinning Put. The object goes back still referencing memory of its last
// user: a field that the function that got it (or a setter of the package
// it calls, d.reset(b, r)) set from a parameter or a view of its memory
// (b[i:], &b[0], unsafe.Pointer(unsafe.SliceData(b)): every field that
// holds it is cleared), or to an object (a pointer or interface) that a
// call made from such memory (h = nthash.NewHasher(&seq) with seq =
// s.Seq; a constructor keeps what it is given), a field that a method
// of the object sets to a view of a pinned field's memory (it.window =
// it.s.Data[i:j], held from one call of its methods to the next, and
// counted where the methods that the pass builds, those that get or put,
// set it), or the writer or reader
// given to the Reset method of another package's type (a gzip.Writer reset
// to the caller's buffer). Whatever that points to, a request body or a
// whole output buffer, stays reachable while the object sits in the pool,
// up to two garbage collections or until the next Get. Fields set from the
// receiver (the pool's owner) or from values the function made pin nothing
// new. Not reported: a pin taken by a setter that also hands another of
// its caller's values to a field's own method (c.Reset(r, w) running
// c.response.reset(w)): the object keeps that value where the pass does
// not follow it, and a writer may hold the request, so clearing the
// pinned fields alone may release nothing. The fix sets each field to nil (x.Reset(io.Discard) for a writer,
// x.Reset(nil) for bufio) just before the Put. A field that a Get reuses
// through its Reset when it is set (if d.br == nil { d.br =
// bufio.NewReader(r) } else { d.br.Reset(r) }) is not set to nil, which
// would make every Get allocate it anew: the remedy is its own Reset to a
// harmless value, without a fix, since the field may be nil at the Put. The
// fix is withheld when a Get
// of the pool may read the field before setting it and the pool's New
// sets it (a New that leaves it zero, as new(T) does, makes every use
// cope with a zero field already), when the object is used after the
// Put, or when it is put back through an interface (func Put(d Decoder)),
// whose variable has no such field: the message then names the object's
// field. A field cleared through a type assertion of that interface (xc,
// ok := c.(*XORChunk); xc.b.stream = nil) is cleared in the object put
// back. A reader that memlint knows no harmless value to reset to (a
// Reset(io.Reader) of another package's type, which may read from it at
// once, as gzip.Reader's does) gets no fix, and such a finding is low tier; so is a compressor reset to the writer its
// getter's caller passes (a file, a connection, a response: the package
// does not show it is large, while each reset re-initializes the
// compressor's tables), an object that keeps only a connection (a bufio
// reader or writer reset to a net.Conn or *tls.Conn: its owner keeps the
// connection open anyway, or has closed it; what stays is the
// connection's own memory, not a user's data),
// and one whose Put has a comment, on its line or the line above, saying
// that no reset is needed (the maintainers decided what the object keeps
// does not matter), or whose pool is a local variable (the pool, and what
// it holds, go when the call ends); both pinning and the elements held
// below.
//
//	e := pool.Get().(*encoder)
//	e.w = w
//	...
//	pool.Put(e) // reported: e.w keeps the caller's writer alive
//
// Elements held. A slice (or a pointer to one) whose elements hold
// pointers, strings, or structs with such fields goes back with its
// elements still set: putting back b[:0] empties it but does not clear
// them, and what they point to (a request's labels, a series) stays
// reachable while the slice sits in the pool, and past the length of its
// next use. Put(b[:0]) is a Put of b. The elements count as set when b is
// a parameter, was appended to, or (if it did not come from a Get of the
// same function) is put back truncated or has its elements read; a
// clear, or a write to its elements (a loop that sets them to nil), before
// the Put counts as clearing, and so does *p = nil for a pointer p to the
// slice (an oversized slice dropped). Slices of a type that the package extends
// into their capacity (s[:n+1]) are not reported: their elements are kept
// on purpose, objects to decode into again; nor is a slice put back whole
// that another Get of the pool uses at its length (ranges over, indexes):
// its elements are what the pool recycles, a set of workers its New made.
// A slice whose elements hold only strings (a map's keys gathered to sort
// them) is low tier: each keeps only its own bytes, which the map or a
// literal usually holds anyway.
// The fix inserts clear(b[:cap(b)]) before the
// Put; it is withheld when the slice is used after the Put, and before
// go1.21 (a file's version, or go1.16 for a module whose go.mod has no go
// directive), which has no clear.
//
//	func (h *head) putSeries(b []*series) {
//		h.seriesPool.Put(b[:0]) // reported: b's elements keep the series alive
//	}
//
// Growing field. A map or slice field of a pooled struct type that the
// package adds to during a use (a map insert, a Set or Add method of a
// map type such as http.Header, x.f = append(x.f, ...) or an append
// function such as strconv.AppendInt or the package's appendArg) and that
// nothing in the package ever empties: no assignment to it other than
// those appends (setting up a new object does not count), no clear,
// delete or reset-like method, no *x = T{}, and it is not handed to a
// function or aliased. Every user of a pooled object then sees the entries of all the
// previous users (a request's headers sent with the next request), and
// the field grows with every use. The finding is at the reset method of
// the type that the function putting the object back, or a Get of the
// pool, calls (it clears other fields but forgot this one), with a fix
// that adds clear(x.f) for
// a map, or x.f = x.f[:0] for a slice, at its end; without such a method
// it is at the Put, with the same fix just before it (none that needs
// clear before go1.21). Maps looked up with
// comma-ok whose values are not presence markers (struct{} or bool) are
// caches kept across uses on purpose, and are not reported; nor are
// appends that run only under a test of the field's length (if top >=
// len(x.slots), for len(x.levels) <= depth): a stack or a table of slots
// indexed by a counter grows to the deepest index ever used, not with
// every use.
//
//	func (r *request) Reset() { // reported: r.header is never emptied
//		r.method, r.path = "", ""
//	}
//	func (r *request) SetHeader(k, v string) { r.header[k] = v }
//
// Alias kept after Put. A view of the object's memory (a slice of *buf,
// the result of buf.Bytes(), a string made from one with package unsafe
// or with a function of the package that uses unsafe to convert) is
// stored, before the Put, where it outlives the function: a map (as a key
// or value), a package variable, a channel, or a field or element of an
// object the function did not make. The pool's next user overwrites what
// the view shows: wrong ids, wrong map keys. The fix copies the view with
// bytes.Clone where it is made; a string made with unsafe gets no fix
// (make it with string(b) instead). A field of the caller's object is
// medium tier, as it lives only as long as the caller keeps it; a map, a
// package variable or a channel is high.
//
//	buf := bufPool.Get().(*[]byte)
//	n, _ := r.Read(*buf)
//	sub.id = (*buf)[:n] // reported: the next Get overwrites sub.id
//	bufPool.Put(buf)
//
// Use after Put. The object, or memory that belongs to it such as the
// result of buf.Bytes(), is used after Put: another goroutine may already
// own it. There is no automatic fix; move the Put after the last use, or,
// when the function returns that memory, copy it before the Put: the
// caller keeps it, however late the Put.
//
// Non-pointer Put. A slice, string, struct or array put into a pool is
// copied into a new heap object on every Put (staticcheck's SA6002). There
// is no automatic fix, because every Get's type assertion must change too.
// A pointer helps only if it travels with the value from Get to Put: when
// the value arrives as a parameter, the message says so (&p there would
// allocate as much).
// One small allocation matters only where the Put runs per request, per
// I/O call or per data chunk: elsewhere the finding is low tier, and a
// //nolint:staticcheck (or SA6002; also written "// nolint:staticcheck")
// on the line silences it. A Put of an
// object its function did not get (a buffer drawn in Write and put back
// by the goroutine that drains a queue of them) runs as often as the
// pool's Gets, and takes their rate when they are in hot code. Blocks of
// a configured size (cut to a length that is not a constant right from
// Get, or made so by the pool's New: a compressor's blocks) are low tier:
// the work on each block dwarfs the box.
//
// # Cost
//
// Findings are rated by how often the Put runs (see internal/cost): low on
// cold paths and in functions without production callers, high where the
// package shows the Put runs per request or per I/O call. A use after Put
// is always high: another goroutine may own the object.
//
// With -poolreset.maxcap, the pass also reports growable buffers put back
// without a capacity check: one huge request then pins a huge buffer in the
// pool. The fmt and log packages drop buffers above 64 KiB instead.
//
// Objects are followed through type assertions, local variables, and
// getter and putter helpers of the same package (a function returning the
// result of Get, or putting back its parameter). Pools are package-level
// variables, arrays of them, struct fields and local variables, and the
// instances of a generic pool type of the package (type Pool[T any]
// struct{ p sync.Pool } whose methods only return p.p.Get().(T) or call
// p.p.Put(x)): each instance is a pool of its own, and a call of its Get
// or Put method is checked, and fixed, where it is written.
// A generic type of another package that holds a sync.Pool, whose Get
// takes nothing and returns its type parameter and whose Put takes it (as
// Prometheus's zeropool.Pool[T]), is such a pool too: its Put cannot
// reset or clear a value of a type parameter constrained only by any.
package poolreset
