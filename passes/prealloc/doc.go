// Package prealloc defines an Analyzer that reports slices and maps that
// are filled in a loop whose trip count is known before the loop starts,
// but are created without capacity.
//
// # Analyzer prealloc
//
// prealloc: report slices and maps grown one element per loop iteration
// when the loop's length is known up front
//
// A slice that starts empty and receives exactly one append on every
// iteration of a loop over a slice, map or integer (or a counting loop
// "for i := 0; i < n; i++" whose bound does not change) ends with exactly
// as many elements as the loop has iterations. Without a capacity, append
// reallocates it about log2(n) times, copying every element each time;
// a map rehashes its entries as it grows in the same way.
//
//	var out []string
//	for _, u := range users {
//		out = append(out, u.Name)
//	}
//
// is reported as "out can be preallocated with capacity len(users)". The
// suggested fix keeps the program's behaviour exactly:
//
//   - a nil slice stays nil when the loop runs zero times, so the fix
//     grows it just before the loop: out = slices.Grow(out, len(users));
//     a file older than go1.21, without slices.Grow, makes it there
//     (out = make([]T, 0, len(users))) when the loop is known to run (it
//     is inside if len(users) > 0, or after if len(users) == 0 { return })
//     or nothing tells nil from empty (it is only measured, ranged over,
//     indexed, copied from, joined or spread into a variadic call, or
//     returned by an unexported function whose callers use it only so and
//     that no _test.go file of the package names (a test may compare its
//     result with nil; the memlint command does not analyze test variants), or
//     passed to a function of the package whose parameter is used only so,
//     or an append after the loop makes it non-nil on every path),
//     and otherwise makes it there only when the loop runs (if len(users) >
//     0 { out = make([]T, 0, len(users)) }), which keeps it nil when the
//     count is zero, as slices.Grow does; a slice also appended to after
//     the loop on some paths, or under a condition, gets no fix then, nor
//     one whose count may be negative (make would panic, and max is from
//     go1.21). The message then
//     names the remedy and says that it keeps the slice nil (a nil
//     exec.Cmd.Env inherits the environment, an empty one clears it);
//   - an empty non-nil slice ([]T{} or make([]T, 0)) becomes
//     make([]T, 0, len(users)), and a map make(map[K]V, len(users)); a
//     literal with elements, []T{p.pc()}, becomes append(make([]T, 0,
//     len(users)+1), p.pc()) when its elements cannot change the count,
//     which the fix then reads before them (elements that leave out their
//     type, []T{{1, "a"}}, get it written: T{1, "a"}, or &T{...} for a
//     slice of pointers);
//   - the capacity expression reads only local variables, parameters,
//     their fields, len and constants, is evaluated once, and has the same
//     value where it is placed as when the loop starts. A count that may
//     be negative is written max(n, 0) (before go1.21, where there is no
//     max, the slice is made under if n > 0 instead); lengths (len, cap,
//     Len methods) and the counts of Num methods (NumFields, NumMethod)
//     are not.
//
// A Len method without arguments that returns an int counts as a length
// (for i := 0; i < attrs.Len(); i++, range list.Len()), as generated data
// models and containers define one, unless the loop calls a method of the
// collection other than its readers (At, Get, Index, ...) or passes it to
// a call, which may change its length.
//
// A range over an iterator of a collection counts the collection: len(m)
// for maps.Keys(m), maps.Values(m) and maps.All(m), len(s) for
// slices.All(s), slices.Values(s) and slices.Backward(s), and c.Len() for
// the All, Keys and Values methods of a type with a Len method. Other
// iterators (a filter, a scanner) yield a number the code does not show.
//
// Generic code is read the same way: a value of a type parameter whose
// type set has one underlying type (S ~[]E, M ~map[K]V) is ranged over,
// appended to and made like that type (make(S, 0, len(in))).
//
// An if / else if / else chain whose every branch appends one element to
// the slice, and none breaks or continues, appends one per iteration, as
// an unconditional append does; so does one whose other branches return
// an error (if err == nil { append } else { return nil, err }): the
// result is abandoned with the loop.
//
// It also reports, with the count as an upper bound, appends under an if
// or switch and loops that may leave early (a return of an error does not
// count, nor a bare return under if err != nil of the named error result,
// nor a return that does not hand out a local list, which no deferred call
// or function literal reads (return nil, false): the result is
// abandoned): "gets at most len(src) elements". The
// fix is withheld for a nil slice then, which must stay nil when nothing
// is appended, for errors collected under a condition, and lists that
// only build an error (usually none: the capacity would be allocated on
// every call that has none), for elements that a lookup in another map
// selects (if _, ok := known[d]; ok { continue }: the orphans of a
// listing, a difference of sets, anywhere from none to all of them; a
// set the loop fills itself, a dedup, keeps most), and for
// elements (or a map's key and value) of more than 64 bytes, where the
// bound may reserve far more than the loop keeps (the few findings a
// filter drops of many), and for a loop over the bytes or runes of a
// string, []byte or []rune, whose length bounds matches of one character (the
// newlines of a document) many times over; not for a copy of its bytes or
// runes, which keeps most of them. It reports appends to a field of a local struct
// (p.list = append(p.list, x), grown with slices.Grow), counting loops
// with a step (for i := 0; i+1 < len(kv); i += 2 runs len(kv) / 2 times),
// appends after the loop (added to the count; of the branches of an if
// or a switch, only the largest, as only one runs), and a package-level map
// that init fills.
//
// A count that the input declares (a length prefix read by strconv.Atoi,
// encoding/binary, or a function named Read… or Decode… that returns an
// integer) is what the input claims, not what follows: a capacity taken
// from it lets a short input make a large allocation. Such a loop is the
// low tier, with no fix, and the message says to cap the count first. A
// parser's own parse methods (p.parseInt() reading a package's export
// data) are not taken for such reads: std preallocates from them.
//
// It reports slices.Collect, slices.Sorted and slices.SortedFunc of
// maps.Keys(m) or maps.Values(m): the result grows by appending, one
// element at a time, though len(m) is known. The fix collects into
// slices.Grow([]K(nil), len(m)) with slices.AppendSeq (a nil map still
// gives a nil slice), and sorts the variable a Sorted is assigned to on
// the next line; it is withheld when no variable holds the sorted slice.
// These are the low tier unless the code runs per request or per I/O
// call: a map's keys are collected to sort them for a deterministic order
// (also when the next statement sorts them), or to hand a snapshot of a
// registry to a caller, and such maps are usually a few entries (a
// header's fields, a query's parameters, a client's subscriptions).
//
// Each finding carries a cost tier and its evidence, from internal/cost;
// the default reports high and medium, -strict the low tier too:
//
//   - high: the count grows with data in code that runs per request or
//     per I/O call (a method with the name and parameters of one of io's:
//     Write(p []byte)) or per value written (Request.Write(w io.Writer)),
//     not in an ini file's Write(w io.Writer, options);
//   - medium: nothing in the code bounds the count and the callers are unknown,
//     including conditional appends that skip only a few constant values
//     (the default of a switch on constants, if x != "");
//   - low: counts fixed by the code (constants, literal lists, tables, a
//     list the loop stops filling once it holds a constant number, if
//     len(out) >= maxValues { break } (one more for >; a return of an
//     error abandons the list, and caps nothing), reported without a
//     fix: min(n, maxValues) is the capacity that fits, a
//     local map filled only at constant keys, a map keyed by an
//     enumeration of the package: an unexported type or one numbered in a
//     run, at most one entry per constant, one chunk of slices.Chunk(s, n)
//     with a constant n, the digits of an integer formatted in decimal
//     (strconv.Itoa, fmt.Sprintf("%d", n)): at most 20, or taken by a
//     while loop that divides or shifts its counter on every iteration
//     (for i > 0 { ...; i /= base }): at most 64, the bytes of a
//     network address or mask (net.IP, net.IPMask: at most 16,
//     net.HardwareAddr: at most 20), the groups of one match of a regular
//     expression or their names (re.FindStringSubmatch(s),
//     re.FindAllStringSubmatch(s, -1)[0], re.SubexpNames(): one per group
//     of the pattern), the results of a
//     lookup by keys given a literal list of them (EventsFromIDs(ctx,
//     []string{id})): one per key, another package's variable
//     such as unicode.Scripts, a list that returns (or panics) above when longer than
//     a constant (or a count that returns above when larger, also as one
//     of the conditions of if n <= 0 || n > 1024 { return }), a count of bits from math/bits: at most 64, a local
//     slice made with a constant length or filled only by appends outside
//     loops (also in helper closures called outside loops), or a local
//     collection filled only by method calls of constant arguments outside
//     loops and read by methods without arguments (reasons.Insert("ports
//     differ") ... range reasons.UnsortedList()), also one that
//     every caller of an unexported function passes, directly or through
//     another, the fields, methods or parameters of one type by reflect's
//     NumField, NumMethod, NumIn, NumOut or an array type's Len, directly
//     or through a local list filled only in such loops) or
//     by configuration (a field of a *Config, *Options or *cfg, or of a Config
//     value kept in a field, or a field of one of its fields, however deep:
//     cfg.Default.Domains, or of a field named so, whatever its type:
//     ctx.Config.Signs; or a local set or list filled only in loops
//     over such items), the children of one node of a recursive walk (a
//     loop over a parameter's field whose body calls the function again on
//     each element), the ancestors of one node (a loop that goes up a
//     tree, p = p.Parent() until nil: as many as the node is deep), lists short
//     in practice (below), cold paths (init, a command's main, a
//     command under hack/, tools/, scripts/, gen/ or examples/, a package
//     under gen/, scaffolds/, mage/ or examples/, a copy of another
//     project's code under third_party/ or vendor/, a command line's
//     front end (a package under cli/ or a tool's, as zmscli/), a test
//     double (under fake/, mock/ or simulator/, or a package whose comment
//     says it is intended for tests), configuration (a package
//     under config/), a command-line parser (a package
//     that hands os.Args[1:] to a Parse function or keeps it to parse:
//     flag, pflag, kong), documentation (a docs package,
//     and functions that return its types: Docs() []docs.Spec), a
//     command's own package (one, not main, that declares a
//     *cobra.Command, urfave/cli or kingpin command: its functions whose
//     callers say nothing else), a
//     protoc plugin or another *-gen generator, a package that writes
//     Go source (it imports go/format, or a string of it starts a
//     "// Code generated ... DO NOT EDIT." header), a command below
//     internal/, and such a command's packages below cmd/, the
//     actions a command-line framework runs (a function given a
//     *cobra.Command, *kingpin.ParseContext, *cli.Context, ..., or a
//     struct that holds the command's FlagSet, as cmd/go's base.Command) and
//     functions given a *FlagSet to define flags in, dependency-injection
//     constructors (given a struct that embeds fx.In or dig.In), test
//     support (a file that imports gomega, ginkgo, testify or gotest.tools,
//     or takes a testing.T, B or TB, or is named for tests: test_common.go,
//     testutil.go, or a name starting with test in a file that imports
//     testing), schema
//     migrations (a migrate or migrator package, AutoMigrate), Error,
//     String, GoString and Format methods (with fmt's signatures: not a
//     Format() []any that builds a protocol response), description and
//     Explain methods (an EXPLAIN's plan nodes, in any case), format* functions returning a
//     string, text printers that fmt.Fprint into a writer parameter,
//     debug and dump helpers (by name, or by a doc comment that says
//     "for debugging" or "for testing", theirs or their type's: an
//     in-memory store "for testing"), code under "if verbose" or "if log.V(4)" or a debug build's
//     self-check switch (invariants, assertions, race), code under an if
//     on a constant false (or past one on a constant true that returns: if
//     !tracing { return }) and helpers only called there, teardown, methods
//     that keep their result in a field of the receiver (once per value),
//     periodic refresh, reload, resync and renew functions, a
//     controller's reconcile functions (per change of a watched resource,
//     around API calls), loops that run only when something failed
//     (under if err != nil, else if connErr != nil or errors.Is(err,
//     errOld), or after a return taken unless it failed: a fallback),
//     once per failure, error
//     aggregation (a slice of errors, or of values that are errors), a
//     slice or map that after the loop only goes into an error value (a
//     composite literal of an error type, a diagnostic's arguments), helpers
//     whose every call feeds a diagnostic (also through a local that only
//     diagnostics read, set to the result or to a text joined from it:
//     known := strings.Join(r.kindNames(), ", ")), and local functions (f := func...) whose every
//     call does, an error type's methods that return a string, a lifecycle
//     Start() or Start(ctx) and startup* functions, configuration loading (also a parse* or load* function
//     that returns a Config), a library's functions that replace a package
//     variable without a lock (they set the package up: OverrideTables),
//     functions without production callers), loop
//     bodies that
//     already allocate much more, on every iteration or on some (the
//     message says which; what follows an if that continues, breaks or
//     returns, in the body or in a function it calls, runs on some) (a slice, map,
//     buffer or closure, a formatting, joining or splitting call, a file
//     opened, read or stat'ed, a dial, a regexp compiled, an Open<Thing>
//     that can fail, a Parse, Unmarshal or Decode<Thing> that can fail and
//     builds a pointer, slice, map or interface, as a certificate or a query is
//     parsed, a package's own parse or open helper of the same shape, or
//     a call that can fail and returns an untyped value, as a query
//     builder's JSON source (not one of the package that returns its
//     untyped parameter as it came, as a converter of decoded values does), a call that takes a context first and can
//     fail, as a query, a remote call or a wait does (store.Get(ctx, id);
//     package context's own functions only derive a context, and a
//     metric's Add(ctx, n) cannot fail), or a call of a function of the package that
//     formats, joins, splits, opens or parses on every call, itself or
//     through the functions it calls (the message names where); not a
//     slice or map that such a function makes, nor
//     a string conversion or concatenation, &T{} or new, which are small
//     next to the growth), loop bodies that write a log line as one of
//     their own statements (log, slog, or a logger's Info, Warnf, Errorw:
//     not Debug or Trace, which production turns off), loops over a directory listing (the result
//     of os.ReadDir, fs.Glob or a File's Readdir, which allocates an entry
//     per file to read), loops, in a package that imports net, net/http,
//     database/sql or grpc, in a function that also makes a remote call,
//     or that only such functions of the package call: a call that takes
//     a context and can fail, an HTTP request, a dial, a database query or
//     a gRPC invocation, or a call of a function of the package that makes
//     one, itself or through others (an API client's request body built from
//     a few options, the rows of a query converted: once per call, the
//     round trip costs more than the growth), and other conditional
//     appends.
//
// It does not report appends of xs..., ranges over strings, channels and
// other functions, slices touched between their declaration and the loop,
// slices whose address is taken, or that a function literal assigns,
// before the loop ends or in an outer loop they outlive (calls could
// change them behind the loop; an address taken once the slice is built,
// list.Store(&s) after the loop, is no reason),
// slices appended to before the loop or in another loop, locals that
// nothing reads (the function only appends to them or stores into them:
// the remedy is to delete them, as staticcheck's SA4010 says, and a
// capacity would allocate for nothing), slices and maps
// of functions (listeners, hooks), storing a struct or string into an
// interface element (it allocates anyway), maps of at most 8 entries
// (they never grow: a loop of a constant count, or keys that a switch
// limits to a few constants, as a set of the allowed flags seen, or that
// an if limits to a few values the loop does not change, returning an
// error for any other: if n.Key != raftKey && n.Key != attrKey), and
// maps whose keys are computed from each element or classify it (a set
// of names, a map by item.Kind or f.Group, a set of the Cluster of
// brokers that have a BrokerName, containers by their ImageID: a field
// beside one that identifies the struct, or one that names another thing
// beside the struct's own ID, is an attribute elements share; its size is
// not known before the loop)
// unless the
// loop fails on a duplicate key, sets (of bool or struct{}) that are only
// measured after the loop (return len(seen): built to count distinct
// keys, which repeat; not when compared with the list's length, a check
// for duplicates that are not expected), sets keyed by another map's
// values (have[r] = r or seen[v] = true over range m: a map's values
// repeat where its keys do not; an inverse, byCode[v] = k, is reported),
// and maps that get an entry only after a
// lookup of the same map (v, ok := m[k]; if !ok { m[k] = ... }: a group
// per distinct key, however the key is computed). A map that also gets entries outside the
// loop is reported with the count as a lower bound; stores into maps that
// other branches of an if or switch make, or into one made before, are
// not its entries. A count that reads a
// map or memory through a pointer is placed where the loop starts, after
// any lock taken before it, never where the slice is made (the message
// says so, and why); when that needs
// slices.Grow and the file's Go is older, the message names the call in
// between that could write through the pointer.
//
// Lists short in practice although their length comes from data are: fields that hold the parts of one declaration,
// call or block (slices whose name ends in args, params, results, preds, succs,
// bindings, terms, related or types, as in f.Params or b.Preds, also
// through a local copied from one, args := fe.Args, and when a loop counts
// to its length rather than ranging over it), fields,
// locals and parameters that hold the machines of a cluster (slices and
// maps whose name ends in members, peers, servers, brokers or replicas,
// or whose elements are of a type named Server, Member, Peer, Broker or
// Replica, as a driver's []description.Server: a handful, listed when
// membership changes), the keys that sign one
// message (names ending in signers, privateKeys or signingKeys: one or
// two), and locals
// that a method so named returned (dir.ParseArgs()); lists that a call
// returned when given a small positive constant, their limit
// (c.Examples(w, 10)); and slices of a type that the package keeps in a
// package-level literal table, which are copies or parts of that table.
package prealloc
