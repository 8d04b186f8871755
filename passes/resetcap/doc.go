// Package resetcap defines an Analyzer that reports resets that throw away
// memory the object is about to need again.
//
// # Analyzer resetcap
//
// resetcap: report resets that drop a slice's or map's capacity instead of keeping it
//
// An object that is reset and reused (a Reset method, a cache emptied when
// it goes stale) usually fills its slices and maps again to about the size
// they had. Setting a slice field to nil or to a new empty slice, or a map
// field to a new map, throws the old memory away: the next use grows it
// again from nothing, allocating and copying about log2(n) times. Keeping
// the memory costs nothing:
//
//	func (it *iterator) Reset() {
//		it.key = []byte{} // reported: it.key = it.key[:0] keeps its capacity
//	}
//
// # What is reported
//
//   - In a function or method whose name says it resets (reset, clear,
//     reuse, recycle, reinit), an assignment to a slice field of nil,
//     []T{} or make([]T, 0, ...), or of a map field of a new map, and a call
//     of a setter of the package that stores nil into such a field (as in
//     d.reset(nil, r)).
//   - In any other function, a map field replaced by a new map when the
//     same function reads the old one: a cache emptied when it goes stale,
//     on the path of every message.
//   - A whole-struct reset, *x = T{...} (empty or keyed), in a reset (x
//     its receiver or a parameter) or before x is put back into a
//     sync.Pool in the same function. Each slice field the literal leaves
//     out or sets empty is dropped; it is reported when the package grows
//     it, or, for a pooled value, when the function gives x to a call that
//     fills it again (the exporter that zeroes its pooled metrics before
//     Put, though the next scrape fills the same slices). A pointer or
//     interface field left out is reported in a reset that then re-creates
//     it when nil and resets it otherwise (if z.digest != nil {
//     z.digest.Reset() } else { z.digest = adler32.New() }): each reset
//     allocates the object again.
//
// Only fields that the package grows (appends to, or stores map entries
// in) are reported: a field that only ever holds what it is given has no
// capacity of its own to keep. An append to a field of a value the same
// function makes (cur := &T{}; cur.parts = append(cur.parts, p): batches
// split off a pooled value) grows that new value, not a reused one, and
// does not count; nor does a pooled value given to a function of the
// package, whose appends would have shown above. Re-slicing into the capacity (x.f =
// x.f[:len(x.f)+n], a read into the spare capacity) grows a field; any
// other re-slice (x.f = x.f[:n]) only if the object owns its memory: a
// view of a caller's slice, or of another field of the object (end, p.value
// = scan(p.fields, i)), walked down by re-slicing, is not reported.
// A slice of functions (hooks registered per use) is the low tier: a few
// per use, which one allocation holds. So is a slice of pointers to which
// every append adds an object made for it (append(f.lines, &line{...}),
// or a local only ever assigned one): each element is an allocation of
// its own, next to which a kept slot saves a pointer.
//
// Not reported: an assignment under a condition that checks the field's
// capacity or length (dropping a very large buffer on purpose returns
// memory, as fmt and encoding/json do), a map made when it is nil (lazy
// initialisation, also in a switch case after one that takes a non-nil
// map, or after an if that returns when it is not nil), constructors
// (new..., New..., init), and an unexported reset that the package calls
// only beside code discarding the object (delete(m, k), r.remove(...),
// Close(): a closed scope's metrics cleared as its registry drops it,
// whose memory is meant to go). A whole-struct
// reset is not reported for a struct without such fields, for a slice whose
// capacity or length the function checks, and for a slice grown only under
// a condition on another field the reset drops (a checkpoint window grown
// only while a callback is set): after the reset nothing grows it. An object
// re-created when nil but never reset is not reported: keeping it would keep
// its state. Nor is a slice the package consumes from its front (a queue's
// pop, q.items = q.items[1:]): each pop gives up the capacity before the new
// start, so a drained queue has little left for its reset to keep. Nor is
// a slice set to nil (by itself or by a whole-struct reset) that the
// package compares with nil: nil is a state it tests (if f.binds != nil {
// return f.binds }, a cache not parsed yet), which the reset means to set.
//
// # Suggested fix
//
// The fix is s = s[:0] for a slice, after clear(s) when its elements hold
// pointers (truncating alone would keep what they point to alive until the
// next use overwrites them), and clear(m) for a map. A fix that needs
// clear is offered only from go1.21 (go1.16 is a module whose go.mod has
// no go directive); before, the message says what to write instead: a
// loop that zeroes the elements, or for k := range m { delete(m, k) },
// which the compiler turns into a clear. It is offered only when it cannot
// change what the program sees:
//
//   - The field must not be handed out (returned, stored elsewhere, passed
//     to a function, unless one of the standard library that answers only
//     numbers, bools or strings, as strings.Join does; or sliced other than
//     to [:0], or shared with a copy of
//     its struct, as clone := *db shares db's slices): truncating would let the
//     next use overwrite what the holder sees, and clear would empty the
//     holder's map.
//   - The field must not be read by a function literal that is kept to
//     run later or run by a go statement (a certificate checker's
//     IsUserAuthority callback ranging over the trusted keys): it may run
//     during the reset, and would see the memory reused. Such a finding is
//     low tier, as a handed-out field's. Goroutines that the function
//     starting them joins before it returns (a WaitGroup's or errgroup's
//     Wait after the go statement) run while their caller waits.
//   - The field must not be an exported field of an exported type: code in
//     other packages may read and keep the slice or map, which the
//     package's own uses do not show.
//   - The field must not be compared with nil anywhere in the package: a
//     truncated nil slice stays nil, and s[:0] of a non-nil slice is not nil.
//     Unless the function returned before when it was nil (if x.f == nil {
//     return }) and the reset sets a non-nil empty slice: the truncated
//     slice is then as non-nil as the one the reset sets.
//   - The field must not be set, anywhere in the package, from memory the
//     object does not own (a parameter, or the result of a call such as
//     bytes.Buffer.Bytes): a buffer that may alias the caller's memory must
//     be dropped, not truncated, or the next use writes into the caller's
//     memory. The finding then says so, and the remedy is to keep the
//     capacity only when the object owns the buffer. When every such
//     assignment views another field of the object (b.rawData =
//     traits.CastFromBytes(b.data.Buf()), an arrow builder's typed view of
//     its buffer) and the reset sets that field to nil too, the view goes
//     with the buffer it points into: not reported. A field also set to a
//     view of such memory (z.tok.name = trim(b[i:j]), a tokenizer's token
//     pointing into its read buffer) is low tier too: that use allocates
//     nothing, whatever the reset keeps.
//   - A map must be known not to be nil where it is cleared (an entry was
//     just found in it, or the package always makes it: every value of
//     its struct is made with it, and every assignment makes one): clear
//     leaves a nil map nil, and the next store into it would panic.
//
// For a whole-struct reset the fix adds the kept fields to the literal:
// *x = T{a: x.a, buf: x.buf[:0]}, and digest: x.digest for an object the
// function resets. A slice whose elements hold pointers is cleared first
// (clear(x.buf)), or the pool would keep what they point to alive: that is
// also what a comment beside the reset asks for ("erase fields to allow
// the GC to collect them"), so such a comment does not silence it;
// maintainers keep the capacity all the same. A field that the package
// also sets whole to a slice built elsewhere (r.headers = hs, hs made per
// record), or to a new one that its appends then grow (r.ids =
// make([]string, 0, len(items)) with no test of its capacity first), may
// never reuse the capacity kept: that is low tier; so is a map that a
// reset replaces when another function makes it anew on every call,
// before the stores that fill it (s.track = make(map[int]int) at the top
// of a render): what clear would keep is dropped there. There is
// no fix when a kept slice fails the conditions above, or when a pooled
// value is given to a call (which may keep the slices past Put).
//
// An exported reset that nothing in the package calls (and no pool
// holds its object) is low tier: the package does not show the object is
// readied again, nor how often; that is its users' business. So is the
// reset of an unexported type that the package calls only on a value it
// has just made (w := &writer{}; w.Reset(out), in a constructor), unless
// an interface of the package has the method (zlib's Resetter, through
// which users reset what NewReader returned): it initializes the value,
// and nothing has grown what it drops; that is its evidence, whatever else
// the field's uses show. An unexported reset method so called, of any
// type, is not reported: no other package can call it, so it only ever
// readies a new value.
package resetcap
