// Package falseshare defines an Analyzer that reports memory that
// different goroutines may write at the same time and that can share a
// cache line.
//
// # Analyzer falseshare
//
// falseshare: report fields and variables that different goroutines may write at the same time and that can share a cache line
//
// A core that writes memory takes the whole 64-byte cache line that holds
// it. When two goroutines on two cores keep writing two different fields
// of one line, each write takes the line from the other core, and both
// slow down as if they shared one variable ("false sharing"). The Go
// runtime pads its heap and GC work queues for this reason.
//
// falseshare reports three shapes, only with evidence in the package that
// the writes may run on different goroutines at the same time: goroutines
// it starts with go statements (and the package functions they call), and
// the goroutines of its callers, which call its exported functions. Writes are
// sync/atomic calls (atomic.AddInt64(&s.n, 1)), the write methods of
// atomic types (s.n.Add(1), Store, Swap, CompareAndSwap, And, Or) and the
// Lock and Unlock of mutexes. A pair of writes counts when a goroutine
// started by the package is on one side and a different goroutine on the
// other, or when a go statement in a loop starts many goroutines that
// write both.
//
// Two fields of one struct fewer than 63 bytes apart (so that some line
// holds both, whatever the value's alignment), such as hits, added to by
// the request goroutines, and purges, added to by a cleaner goroutine:
//
//	type stats struct {
//		hits   atomic.Int64
//		purges atomic.Int64
//	}
//
// Where a value can start in a line follows from how the package makes
// it. The runtime places a heap object of its own (new(T), &T{}, a
// variable) at a multiple of its size class from a page, after a header
// word for objects over 512 bytes with pointers: a 120-byte struct (class
// 128) always starts a line, a 416-byte one 0 or 32 bytes into one. A
// value held in a field of another struct of the package starts where
// that struct's values do, plus the field's offset. Two fields that share
// a line at none of those starts are not reported; a value that is also
// an array or slice element or a package variable can start anywhere its
// alignment allows.
//
// The fix inserts a blank field "_ [N]byte" before the second field, N
// computed from the target's sizes so that the two lie at least 64 bytes
// apart. fieldalign never reorders a struct with a blank field.
//
// Elements of an array or slice of a struct that goroutines write element
// by element (a shard or a slot per worker), when the struct is smaller
// than a cache line: neighbours share a line. The fix pads the struct to a
// multiple of 64 bytes.
//
// Package variables written so, declared next to each other in a file
// (the linker usually keeps them together). They are reported without a
// fix: padding a package variable changes its type and its uses. A
// variable of pointer type is not written by x.Add(1) or x.Lock(): the
// memory written is what it points to, wherever that lies.
//
// Many goroutines started by one go statement count as writers of one
// memory only for package variables (and what they hold) and elements of
// arrays: a struct field they write is usually each goroutine's own (a
// connection's goroutine writes its connection).
//
// Fields separated by a blank padding field, and structs that have one
// or are a multiple of 64 bytes, are never reported; nor is a field
// written only by one compare-and-swap of constants (an inited guard
// taken from 0 to 1): it changes once per value, not beside its
// neighbour's writes. The fix is withheld,
// with the reason in the message, when a positional literal builds the
// struct (it would need a value for the padding), when the package gives
// the struct's values to reflect (code that walks its fields by index
// would meet the padding, and a stats block's ToMap would fail on it) or
// to encoding/binary (the encoding would include it), or measures it with
// unsafe.Sizeof, Alignof or Offsetof, when the two fields are
// declared on one line (a, b atomic.Int64) or inside one embedded struct,
// and when goroutines write both fields (one function writes both, or
// goroutines of one go statement do): they take both lines whatever the
// padding, which would only add a line to every value. The package's
// callers are no such goroutines: one caller may call what writes one
// field while another calls what writes the other.
//
// The default tier (medium) needs counters on both sides: atomic Adds in
// code that does not only run at start-up or teardown, written once per
// event, where the event is a frequent one. A counter of rare events is
// low tier: one added to only on an error path (if err != nil), in a
// select's default case (a queue was full) or named for failures, drops,
// timeouts or connections torn down (failed, dropped, apiErrors,
// reconnects: one per connection, not per request). So is a pair written
// by one function, or by goroutines of one go statement: those goroutines
// take both lines whatever the padding. And so
// is a pair written only by goroutines that run methods of the struct's
// own value (go s.sendLoop(), go s.recvLoop()): such a value is made per
// stream or connection with its goroutines, and padding would cost every
// value a cache line for two writers. A flag or state stored now and then,
// or a mutex (whose contention costs more than the line it shares), is
// low tier too, reported only with -falseshare.strict. A struct with three
// or more such pairs (a stats block whose counters several loops add to)
// is reported once, at its first pair, with the count: grouping its fields
// by writer is the remedy to weigh, not padding every pair; the other
// pairs are low tier.
//
// The pass's result names the structs whose fields different goroutines
// write at once, wherever those fields lie now, and those it pads: fieldalign
// reports them without a reorder fix.
package falseshare
