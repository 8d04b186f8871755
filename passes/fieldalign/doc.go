// Package fieldalign defines an Analyzer that reports structs whose fields
// can be reordered into a smaller size.
//
// # Analyzer fieldalign
//
// fieldalign: report structs that waste memory on padding
//
// The compiler lays out struct fields in declaration order, aligning each.
// A struct like
//
//	type Span struct {
//		open  bool
//		start int64
//		done  bool
//		end   int64
//	}
//
// takes 32 bytes on amd64, but 24 with the two bools last. fieldalign
// reports such structs with the size they have, the size they could have,
// the bytes saved per value, and the runtime size class before and after
// (the size a heap allocation of one value really takes; above 32 KiB,
// whole 8 KiB pages), "when allocated alone" if the evidence is values
// held inline in a slice, array or map, which save just their bytes:
//
//	struct Span of 32 bytes could be 24 (saves 8 bytes per value; size class 32 -> 24 when allocated alone); reorder the fields [high: many values: []Span at span.go:40]
//
// Sizes come from the target platform (GOARCH), so a struct can be
// reported on 386 and not on amd64, or the other way round.
//
// # When it reports
//
// A finding is rated by the bytes a reorder saves per value times the
// evidence in the package that many values exist (the tier and the
// evidence end the message):
//
//   - values stored inline in a slice, a map (as key or value), an array
//     of at least 64 elements (shorter ones are bounded tables), or in a
//     struct that is itself stored that way (not a chan T: values sent on
//     a channel are copied into its buffer, made once, and out of it; nor
//     a list literal written as a call's argument, build([]item{{...}}),
//     which holds the values listed there; a slice type declared, type
//     byName []field, or a literal's, is cited only when nothing else is);
//   - values allocated one by one: elements of []*T, map[K]*T or chan *T
//     (unless the package takes them from pages, &s[i] or a generic
//     Pool[T], and allocates a T by itself only into a field of an owner,
//     outside loops: exit: &block{}, a sentinel per graph; nor a field
//     whose comment says it keeps spare values for reuse, "to reuse
//     allocations", "free list"),
//     &T{} or new(T) in a loop (not one returned from the loop, which
//     happens once per call), in a sync.Pool's New function, or after a
//     sync.Pool's Get in the same function, made when the pool has none
//     (not once per call of that function); the evidence says when the
//     allocation is in one case of a switch, made only for the kind of
//     element that case takes (a raw tag among a template's tokens);
//   - values made per call: &T{}, new(T) or a T{} whose address is returned,
//     in a function that hands the value to its caller, when T is a stream
//     (it has Read or Write methods: one per stream or connection, as
//     gzip.Writer; WriteString or WriteByte alone make a text builder, not
//     a stream), the function is a method (an iterator or a frame made
//     per use of another object; not Build or Clone, which make long-lived
//     objects), or it runs per request. An exported NewT alone is no such
//     evidence: servers, pools, watchers and balancers have one too. An
//     allocation in one case of a switch is said to be (a parse tree's
//     root, made for one kind of node).
//     Nor is a function that also returns or assigns package variables of T (known
//     versions, interned names): it makes a fresh one only for what they
//     do not cover. Nor is a value that cannot outlive the call (a context for one
//     conversion): one at a time, often on the stack, where a size class
//     saves nothing. It can if it is returned, sent, stored anywhere but
//     a local, captured by a closure that may run later (not one called
//     in place, deferred, or given to sort, slices, maps, strings or
//     bytes), or given to code outside the package, or to a function of
//     the package whose parameter can (a queue's put that appends it).
//     A value used only as the receiver of a method that does not hand
//     the receiver back ((&T{}).Check(b)) cannot; nor can one made by an
//     unexported function whose every caller keeps it no longer than its
//     own call. A protocol message made per call (a type with encode and
//     decode, or marshal and unmarshal, methods: a request, a response, a
//     handshake message) is low tier: encoding it and the exchange it
//     takes part in cost far more than the bytes a reorder saves.
//     A local variable of T whose address is stored in memory (a field, an
//     element, a package variable) or given to a function of the package
//     that keeps its parameter (r.readFrame(c, &head) setting f.header =
//     head) counts as made where it is declared: the compiler moves it to
//     the heap, one per run of its declaration.
//   - values held by value in another struct of the package that is made
//     one by one or per call (an address tuple, twice in each flow record
//     of a connection table): they are as many, and the reorder takes
//     its saving off each outer value, so the outer struct's size class
//     decides (medium when it shrinks, low when it stays).
//
// None of these counts for a value made on an error path (in the body of
// if err != nil: once per failure) or as an argument of an error or log
// message (fmt.Errorf("want %T", &T{})), or made only when a variable or field
// is nil (v = &T{} under if v == nil: a field made lazily, once per
// owner, or a free list that was empty, whose values are recycled), or
// made after an if statement that takes a value off such a free list (a
// field whose comment says it keeps values for reuse) and returns it, or
// stored by a method in a field of its receiver (c.w = &T{}: one per
// receiver, made when it is set up or upgraded); nor a
// function whose every call in the package runs only then, or when a
// lookup missed (w, ok := m[k]; if !ok { w = newW() }: get-or-create,
// one value per key). A
// Read or Write method makes a stream only if it takes a []byte, as
// io.Reader's and io.Writer's do, and a ReadFrom or WriteTo only if it
// takes a reader or writer: a packet socket's (net.PacketConn) takes a
// datagram and serves every peer, a few per process. And a type named like a configuration
// or a long-lived service or endpoint (Config, Options, Server, Engine,
// Manager, Client, Consumer, Subscription, Pool, ...) stays low tier
// whatever holds or makes it: a slice of configurations, a few engines
// per pool, a consumer per subscription. A struct that synchronizes (it holds a mutex, a
// WaitGroup or a channel) is a long-lived, active object: a collection of
// pointers to it, or a loop that makes it, holds one per peer, worker or
// endpoint, usually few, and is low tier unless the struct is also made
// per call (a connection per dial) or by a sync.Pool. A value made per
// call through a helper function (s := newStream(id) in a method) is not
// seen as such, and the message says only what was seen.
//
// High and medium tiers, the default, need the runtime size class of a
// value to shrink: a heap object of 40 bytes takes 48 anyway. Values held
// inline (the elements of a slice, a map or a long array, and the structs
// they hold) are laid out their size apart, and save what the reorder
// saves; the size class must still shrink, as a threshold (those whose
// class stays were small collections, not worth a change). High is a
// saving of at least a fifth of the size class of values allocated one by
// one, or of the size of values held inline. Everything else whose size
// shrinks is
// low tier, reported with -fieldalign.strict: no evidence of many values,
// a size class that stays, singletons (servers, engines, stores and databases, configurations
// and options, or types made only at start-up; by their name, but for a
// ...Metrics or ...Monitor held inline in a slice or a map, a record of
// statistics, not a service's collectors), the structs of a
// module's development tools (a code generator, one that writes a
// "// Code generated ... DO NOT EDIT." header too, an example, a command
// below internal/: its values live for one run on a developer's
// machine), and the structs whose
// field order is seen outside the package, reported without a fix:
// exported structs whose fields are all exported (other packages may
// build them with positional literals; not a command's, which nothing
// imports), structs with tags (an
// encoder's, json or yaml, whose output follows the field order; or
// others, mapstructure or validate, whose readers' output may: a wire
// format, help text, the order of errors), and structs
// whose values go through encoding/json or encoding/xml (the field order
// is the order of the output), another package's Marshal, Unmarshal, Encode
// or Decode that takes any value (ssh.Marshal follows the field order), a
// function of the package named as a codec (encodePacket, writeValue,
// ...) that takes any value (unless it converts that value back to its
// type, ctx.(*renderContext): a context it reads, not data it walks), or
// reflect.ValueOf (code can walk the fields in order). So is a struct with a method that writes,
// reads or sizes it (writeTo, readFrom, encode, size, ...) using every
// field in declaration order: its declaration mirrors a wire format. An exported struct with an unexported
// field cannot be built positionally elsewhere, so it is reordered like
// any other (std reordered gzip.Writer, which embeds the exported Header).
//
// It never reports a struct whose layout is fixed on purpose or from
// outside: one with a blank (_) field, such as cache-line padding; one with
// a structs.HostLayout field; one whose values go through encoding/binary
// or encoding/asn1 (directly or inside another type), or are reinterpreted
// through unsafe.Pointer; one used with unsafe.Offsetof, unsafe.Sizeof or
// unsafe.Alignof (size assertions would break); one with a field accessed
// by sync/atomic functions (their 64-bit alignment on 32-bit platforms
// depends on the field order); one whose offsets the package's assembly
// uses (go_asm.h names like T_field); one reached, directly or
// through fields, pointers or elements, from the signature of a function
// declared without a body (assembly, or a //go:linkname to another
// package's function, whose private struct it copies field by field) or
// the type of a variable linked by //go:linkname; one whose fields'
// comments give their bytes in an encoded header (// 4-5, // bytes 8..11);
// one whose comments talk about
// alignment, layout, offsets, cache lines, false sharing, atomic access or
// field order (a comment that padding is wasted, or that a field could be
// atomic, is no such evidence); one declared in a file that imports "C";
// one whose size depends on a type parameter; and the runtime's own
// packages. Test and generated files are not reported (see
// internal/suppress); a //memlint:ignore fieldalign <reason> directive
// silences a report.
//
// # The fix
//
// The suggested fix reorders the field list: zero-sized fields first (a
// trailing one is padded), then by alignment, largest first; fields of the
// same alignment keep their order. Every field moves with its doc and line
// comments, and a group like "a, b int" stays together. Nothing outside the
// braces changes.
//
// The finding comes without a fix, and says why, when the package (tests
// included) builds the type with a positional literal such as T{1, true},
// which a reorder would break or, with fields of the same type, silently
// change; when it converts the type to or from a struct type whose fields
// are written out separately (T(struct{ ... }{}), a generated check that a
// copy of T is up to date), which must list them in the same order; when
// a test of the package prints its values with fmt (fmt.Sprint(v), an
// Example's output: %v shows the fields in order), unless the type has a
// String or Error method; when the field list has comments that belong
// to no field; when
// a lock's comment (a field with a Lock method) says it protects or guards
// the fields that follow it (mu sync.Mutex // protects the following
// fields: the order groups what the lock covers), or shares a group of
// fields (a run without blank lines) with data that its comment, or the
// group's, says it protects or guards, unless an order as small keeps the
// group whole and in its order (the other fields before it, or after it
// filling its tail padding; the lock and the fields after it stay last):
// that order is the fix; when a comment over a group of fields speaks of
// fields ("Write fields", "The fields below are set at build time") and
// the smallest order does not keep that section whole, last or before
// another section: the struct is laid out in sections; or
// when goroutines of the package write two of its fields at once (atomics
// or locks, as falseshare finds them; not a field written only in cold
// code, as a closed flag set in Close): where those fields lie decides which
// goroutines share a cache line, a reorder could bring them into one, and
// falseshare's padding of the same struct would not survive a reorder in
// the same run.
// When the pass runs on a package without its tests, it also reads the
// package directory's _test.go files for positional literals of the type.
//
// Reordering does change the output of %v formatting and of reflection
// that walks fields by index. A struct whose values the package gives to
// reflect.ValueOf is low tier and reported without a fix (above); %v formatting
// is not tracked. The fix keeps a blank line before each field that
// began a group of fields; other blank lines go (a reorder mixes the
// groups).
//
// # Flags
//
// With -fieldalign.scan, fieldalign also reports structs of many values
// whose pointer fields could come first, so that the garbage collector
// scans a shorter prefix of each value, and the fix orders fields that way.
// This costs only GC time, so it is off by default, except where the
// prefix shrinks by at least 64 KiB: large pointer-free arrays or tables
// (hash chains, a page buffer) before a pointer field make the collector
// scan all of them in every value on every cycle. Those are reported at
// the medium tier whatever the number of values (std moved
// compress/flate's hash chains behind the pointers for this), unless the
// struct synchronizes (a mutex, a channel) and nothing shows many values
// or one per call: a long-lived device or worker, one of a few, is low.
package fieldalign
