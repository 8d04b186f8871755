// Package growhint defines an Analyzer that reports strings.Builders,
// bytes.Buffers and byte slices filled by writes whose total size is known
// before the first write, but that start empty.
//
// # Analyzer growhint
//
// growhint: report builders and buffers whose final size is known before
// they are filled, made without Grow or capacity
//
// A strings.Builder, bytes.Buffer or []byte that starts empty reallocates
// and copies its content each time a write outgrows it: about log2(n)
// times for n bytes. When the pieces it receives are known before the
// first write, one Grow (or make with a capacity) does a single
// allocation instead:
//
//	func (u *URL) String() string {
//		var buf strings.Builder
//		buf.Grow(len(u.Scheme) + len(u.Host) + len(u.RawQuery) + 12)
//		if u.Scheme != "" {
//			buf.WriteString(u.Scheme)
//			buf.WriteByte(':')
//		}
//		...
//
// The size is the sum of the pieces' lengths, written where the Grow goes:
// constants are folded, a string or byte slice that is a variable or field
// path (or a local defined once from one) counts as len(x), a loop of known
// length adds its per-iteration size times its count (len(xs) for a range,
// n for for i := 0; i < n; i++), the runes of a ranged string add len(s)
// (at least: an invalid byte is written as U+FFFD, three bytes),
// and the strings of a ranged slice are summed by a loop the fix inserts
// before the Grow. A loop that walks a string and writes pieces of it (a
// path cleaner, a query rewriter) is sized as a copy: len(s), a close guess,
// or the least it takes when it writes escapes (constants of two bytes or
// more, escaped pieces, a piece written with a constant: '!' and a
// lowered letter) in place of some bytes.
// The message says which kind of number it is:
//
//   - exact, when every piece is counted;
//   - "at most", when it counts short constants that a condition may skip
//     (a variable piece under a condition is counted only when the
//     condition tests it, as in if s != "" { b.WriteString(s) }); the
//     constants of the cases of one switch, or the branches of one if-else
//     chain, count once, by the longest case, as do their writes;
//   - "at least", when it leaves pieces out (their size is unknown before
//     the writes, or a loop cannot be sized) or counts them at their least:
//     an escaped string (url.PathEscape(s), the package's own escape
//     helpers) is at least len(s), a rune at least one byte. When what it
//     leaves out is the data (a text formatted by a call) and what it counts
//     is only padding (newlines written n times), nothing is reported: the
//     bulk is unknown. A lower bound
//     never makes the Grow waste memory, but a counted loop that writes a
//     constant on some iterations (a separator, a closing tag) left out
//     gets no fix: a Grow of that size falls short by a piece per
//     iteration, and the builder doubles anyway;
//   - "about", for a rewritten copy, a cleaned one (a string given to a
//     function named sanitize..., normalize... or Clean counts as its
//     input: the cleaner drops or replaces a few bytes), variable pieces
//     in different arms of one switch or if-else chain (counted together,
//     though one arm runs, and the writes counted by the longest arm; the
//     message says so), or a mix of the above. A copy whose loop moves its index by more than one byte
//     somewhere (i += 2 past an escape's backslash), or with a path that
//     writes nothing for its element (a backslash that only sets escape =
//     true), may write less than it reads, so escapes written elsewhere do
//     not make it "at least". A loop is a rewritten copy of the string it
//     walks only if it
//     copies all of it: not if its index starts elsewhere than at zero (a
//     parser's cursor, for *pos < len(data) or p.off < len(src), or an
//     offset it is given, i := start), nor if every write is picked by an if without
//     else or a switch without default (the flags it knows of a list,
//     the digits of a text), nor if it can stop before the end under a test
//     of the content rather than a length (a closing quote, the end of a
//     parser's block, after which the caller parses the rest; a break under
//     such a test, or a loop condition that reads an element, as in
//     for i < len(s) && s[i] != '"'; a return of what it built, or after
//     reading it: lit := &Literal{buf.String()}; return lit) or of the
//     length of what it built (if b.Len() >= 32 { break }: the output is
//     capped, however long the input), nor if it
//     writes a string looked up per byte (a type's name, an escape, an
//     entry of a table not made from the string: names[b], also read into
//     a local, if p, ok := patterns[c]; ok) or a
//     byte or rune rendered as text (fmt.Sprintf("%X", r), four digits or
//     more) or what a function makes of a piece (a colouring function, a
//     formatter: only escapers, cleaners and case mappings such as
//     strings.ToLower keep about a piece's length), nor if it writes a constant under no test of the content (a
//     colon between hex pairs, under if i > 0) that it does not cut the
//     string at (a '&' written back where strings.IndexByte found one is a
//     copy's), nor if the function returns the walked string itself when
//     nothing needed rewriting (if !replaced { return s }): the builder is
//     written only from the first byte that does, and a Grow before the
//     loop would allocate on the calls that now allocate nothing.
//
// Only sizes that depend on data are reported: a few constant pieces make
// a short text that needs no hint. Writes outside loops must number at
// least four (fewer reallocate once or twice, and a concatenation is the
// better remedy). Not reported: builders that are grown, reset, truncated
// or read from (a builder reset in a loop keeps its capacity), captured by
// a closure or passed to other code than the fmt and io writers, slices
// given a capacity or reused, a slice that gets one element per
// iteration of one loop (prealloc's finding), and builders written on
// paths that exclude each other (some writes in an if that ends in a
// return or a break, others after it: no one size fits both). The cost
// model rates the
// finding: Error methods, debug output (also under a leveled log's if
// log.V(4)), initialization and code without
// production callers are the low tier (reported under -strict), and so
// are helpers whose every call feeds a diagnostic or a trace (also through
// a local that only diagnostics read, set to the result or to a text made
// from it), and local functions (f := func...)
// whose every call does, an error type's methods that return
// a string (the failing field's path), text that
// ends in a panic, an error or a log call, builders filled without loops
// by fewer than three pieces of data (a short text that reallocates once
// or twice; a bytes.Buffer's first write reserves 64 bytes anyway),
// builders whose every loop is short by the cost model's reading (a count
// fixed by the code, configured items, the arguments of one call), and
// String, GoString and Format methods that format with fmt or loop over
// a list of parts; those that only write their fields are rated as any
// function, since a URL's String runs per request in servers.
//
// The fix inserts b.Grow(n) before the statement of the first write, or
// makes the slice with make([]byte, 0, n) in its declaration. A Grow only
// sets capacity, so the program computes the same; the size expression
// reads only variables and field paths (no calls), that have the value
// there they have at the writes, and follows no pointer that the function
// compares with nil, except in a guard before the builder that returns
// when it is nil (if c == nil { return "" }). The fix is withheld when
// the first write cannot be sized (fmt.Fprintf) and no loop follows: Grow
// reserves exactly what it is given, which that write alone may overflow,
// costing an allocation more than no Grow. The slice fix is withheld when the slice is returned
// and may be nil (nothing appended): a capacity would make it non-nil. It
// cannot be nil after an unconditional append of a byte or a constant,
// also in a range loop over a variable that an if before it returns on
// when empty (if len(data) == 0 { return nil, nil }): that loop runs.
package growhint
