// Package concatloop defines an Analyzer that reports strings built by
// repeated concatenation in a loop.
//
// # Analyzer concatloop
//
// concatloop: report strings accumulated with += in loops, and fix them with a strings.Builder
//
// A string is immutable, so s += x allocates a new string and copies all of
// s into it. Done once per iteration, the copying grows with the square of the
// loop's length: 1,000 pieces of 10 bytes copy about 5 MB to build 10 kB.
// A strings.Builder appends into a growing buffer and copies each byte about
// once.
//
// The pass reports a loop when a string variable that lives across its
// iterations (a local declared before the loop, a parameter or a result)
// grows by s += x or s = s + x + ... in it. Each loop is reported once, at its
// first accumulating statement that can grow the string: one that runs
// only while s is empty (if s == "" && ..., case len(s) == 0 && ...) sets
// its first part and copies nothing, and a loop with no other is not
// reported; nor is one whose every accumulation runs at most once per
// call, after a test that leaves when a flag is set and before it sets
// the flag (if multiline { panic(...) }; multiline = true; s += "m": a
// piece per flag); nested loops count as the outermost loop the
// string grows across. When every accumulation runs under one test in the
// loop (case "system", if m.Valid), or past a guard that skips the other
// iterations (if i < start { continue }), the message says so, and that
// the copying is quadratic in how often it runs, not in the loop's length;
// so does it when the string grows in a loop nested in that one ("in a
// loop nested in a loop of len(states) iterations": once per edge of each
// state, not per state). Struct fields and package variables are reported only
// with -concatloop.nonlocal: other code may read them during the loop, so no
// fix is safe, and maintainers declined every such finding we read.
//
// Each finding carries a cost tier and its evidence, from internal/cost;
// the default reports the high and medium tiers, -strict the low one too:
//
//   - high: the loop's count comes from parsed input (a field of a value
//     of crypto/x509, net/mail, net/textproto, net/http, net/url, ...,
//     unless it is an unexported field that the package only fills with
//     values it builds, such as a request builder's own header map;
//     a request, its header, URL or query count only in a package that
//     serves HTTP, by an http.ResponseWriter parameter or a framework
//     context that carries the request: elsewhere they are the program's
//     own outgoing request, while a response's header stays the peer's;
//     or a while loop that consumes a parser's, lexer's or decoder's
//     text), wherever it runs, even in an Error or String method: the
//     peer chooses the length, so the quadratic copying is a
//     denial-of-service risk (not in a command's cold code, such as its
//     main: there the input is its user's own file, and the tier follows
//     how often the code runs; nor in deprecated code, kept for old
//     callers and not changed for speed; nor in a function, not a method,
//     that nothing outside tests calls, which never runs in production);
//     or the count grows with data in code that
//     runs per request, per I/O call (a method with the name and
//     parameters of one of io's) or per value written (Write(w io.Writer));
//   - medium: the count grows with data (a range over a slice, map or
//     string, a loop bounded by len, a while loop, a range that breaks
//     when its index reaches a variable, which the message names) and the
//     callers are unknown. String and Format methods count here: maintainers fixed
//     such loops over many elements;
//   - low: loops whose trip count is fixed by the code (arrays,
//     constants, literals, package-level tables, the digits of an integer
//     formatted in decimal, at most 20, a while loop that divides or
//     shifts its counter on every iteration (for i > 0 { ...; i /= base }:
//     one iteration per digit, at most 64), the bytes of a network address
//     (net.IP, net.IPMask, net.HardwareAddr), the groups of one match of a
//     regular expression (re.FindStringSubmatch(s)), the results of a lookup by keys
//     given a literal list of them, a local set filled only with constants
//     outside loops (reasons.Insert("ports differ") ... range
//     reasons.UnsortedList()), also when passed as the
//     argument of every call of an unexported helper, directly or
//     through another, the result of a function of the package that
//     returns only literal lists, nil, or a local list it writes out
//     (four directories and one more when the host names its triplet),
//     counters bounded by
//     a constant, a length grown up to a constant, a range that breaks
//     when its index reaches a constant, a loop over the last k parts
//     (for i := n - k; i < n; i++, whose message names k) when k is a
//     constant, a list that returns (or panics) above when
//     longer than a constant: if len(xs) > 6 { return }) or by configuration (a field of a *Config or *Options, or of one of its fields, or of a field named Config or Options,
//     or of a Config value kept in a field,
//     a list of *ServerConfig, a range that breaks when its index reaches
//     a field of a configuration: if i == cfg.MaxShown { break }), String and Format methods that list the
//     parts of their receiver (a field they range over) each by its own
//     text (its String, a name found for it) rather than its data: a
//     route's matchers, a record's options, a handful (a tree printer,
//     whose parts are values of the receiver's own kind, and a receiver
//     that is itself a list stay rated by their count), loops whose +=
//     carries, on its line or the one above, a comment that calls the
//     copying quadratic and accepts it ("quadratic, but probably ok"; not
//     a TODO or FIXME), += only for the elements whose identifying field
//     (Path, Name, ID, Key, URL) equals a constant (if dep.Path ==
//     "example.com/mod": a lookup, which usually matches one; a field
//     that sorts elements into kinds, as a message's role, is no such
//     field), loops that append one character per iteration and leave at
//     the first that fails a test (if unicode.IsLetter(r) { s +=
//     string(r) } else { break }: one token, a word or a number, out of
//     longer text), for loops that go on only while a function of the
//     package named for prefixes accepts the string built so far
//     (p.isOperatorPrefix(op+string(c)): a lexer's longest operator or
//     keyword, even over parsed input), for loops that
//     append only constants, or locals that only hold one (padding, an indent, a suffix until a name is free; also a for loop inside the loop reported), loops that stop once the string is
//     longer than a constant (if len(s) > 25 { break }, for len(s) < 64), cold code (init, a command's
//     main, a command under hack/, tools/, scripts/, gen/ or examples/, a
//     package under gen/, scaffolds/, mage/ or examples/, a copy of
//     another project's code under third_party/ or vendor/, a command
//     line's front end (a package under cli/ or a tool's, as zmscli/), a test
//     double (under fake/, mock/ or simulator/, or a package whose comment
//     says it is intended for tests), configuration (a package
//     under config/), a command-line parser (a
//     package that hands os.Args[1:] to a Parse function or keeps it to
//     parse: flag, pflag, kong), documentation (a docs
//     package, and functions that return its types), a command's own
//     package (one, not main, that declares a *cobra.Command, urfave/cli
//     or kingpin command),
//     or a protoc plugin or another *-gen generator, a package that
//     writes Go source (it imports go/format, or a string of it starts a
//     "// Code generated ... DO NOT EDIT." header), a command below
//     internal/, and such a command's packages below cmd/,
//     schema migrations (a migrate or migrator package, AutoMigrate),
//     a lifecycle Start() or Start(ctx) and startup* functions, Error and
//     GoString methods, description and Explain methods,
//     teardown, methods that keep their result in a field
//     of the receiver and return it when set (once per value),
//     periodic refresh and reload functions, a controller's reconcile
//     functions (per change of a watched resource, around API calls),
//     debug and dump helpers (by
//     name, or by a doc comment that says "for debugging" or "for
//     testing", theirs or their type's: an in-memory store "for testing"),
//     loops under a debug/verbose/trace switch, a leveled log's if log.V(4), or a debug build's
//     self-check switch (invariants, assertions, race), configuration
//     loading, a library's functions that replace a package variable
//     without a lock (they set the package up), unexported helpers whose every call feeds a diagnostic
//     (also through a local that only diagnostics read, set to the result
//     or to a text made from it), and local
//     functions (f := func...) whose every call does, an error type's
//     methods that return a string (the failing field's path),
//     functions without production callers), fields of error values,
//     strings used after the loop in panic, errors.New, fmt.Errorf, a log
//     call or a helper named like errorf or trace, and pieces made by
//     fmt.Sprintf and friends, which cost more per iteration than the
//     copying saves on the short strings such loops build.
//
// It never reports variables declared in the loop or reassigned in it
// (the string does not grow with the whole loop), a += followed in its
// block, or one around it, by a return, a panic or a break out of the
// loop (it runs once, as the padding of a truncated text), test-harness
// packages,
// prepending (s = x + s) and doubling (s += s), which a builder does not
// fix. A string grown in the last element of a slice the loop appends to
// (words[len(words)-1] += w, merging runs) is reported without a fix,
// unless the loop appends a new element on every iteration (lines[len(
// lines)-1] += ","; lines = append(lines, l)): each element then grows
// once, and nothing is copied twice.
//
// When the loop joins the elements of a []string with a separator
// placed exactly as strings.Join places it (if i > 0 { s += sep }; s +=
// x, or s += x; if i < len(xs)-1 { s += sep }), the message names
// strings.Join and the fix uses it; a separator placed otherwise (before
// every element, or after all but the last of another list) gets the
// builder's remedy and fix, which keep it where it is. When every piece is loop-invariant, the message names
// strings.Repeat instead, and the fix uses it for a loop that does nothing
// else over a slice or map (len(xs) times) or an int (for range n:
// max(n, 0) times, as strings.Repeat panics on a negative count).
//
// The suggested fix declares a strings.Builder before the loop, seeded with
// the string's current value unless it is known to be empty, turns each
// accumulating statement into WriteString (WriteByte for a one-byte literal,
// WriteRune for a rune), rewrites len(s) and s == "" inside the loop to
// b.Len() and b.Len() == 0, and assigns b.String() back on every way out of
// the loop: its end, a break or continue to an outer label, and a return
// that reads the string. It calls Grow when the final length is known
// before the loop. A named string type is converted to and from, by the
// name the file gives it (rpt.Description for another package's type the
// file imports as rpt); a type the file cannot name gets no fix. The fix
// is withheld, and the message says why, when it
// could change behaviour: the string is a field or package variable (other
// code may read it during the loop), it is captured by a closure or its
// address is taken, it is read inside the loop in another way, it also
// grows once as the loop ends (a last piece added before a break or
// return, which the fix does not rewrite), or the loop contains a goto.
package concatloop
