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
//   - an empty non-nil slice ([]T{} or make([]T, 0)) becomes
//     make([]T, 0, len(users)), and a map make(map[K]V, len(users));
//   - the capacity expression reads only local variables, parameters,
//     their fields, len and constants, is evaluated once, and has the same
//     value where it is placed as when the loop starts. A count that may
//     be negative is written max(n, 0).
//
// To stay precise the pass does not report appends under a condition,
// loops that can leave early (break, continue, return, goto, panic),
// appends of xs..., ranges over strings, channels and functions, loops
// with a constant trip count or over a fixed literal list, slices touched
// between their declaration and the loop, loop bodies that already
// allocate on every iteration (the growth saved would be a small share;
// storing a struct or string into an interface element counts), slices
// appended to again after the loop (the count is only part of the final
// length), slices and maps of functions (listeners, hooks), and cold paths
// (Error, String, GoString and Format methods, format* functions returning
// a string, text printers that fmt.Fprint into a writer parameter, debug
// and dump helpers, code under "if verbose", init and a command's main).
//
// Nor does it report lists that are short in practice although their
// length comes from data: fields that hold the parts of one declaration,
// call or block (slices whose name ends in args, params, results, preds, succs,
// bindings, terms, related or types, as in f.Params or b.Preds), and locals
// that a method so named returned (dir.ParseArgs()); lists that a call
// returned when given a small positive constant, their limit
// (c.Examples(w, 10)); and slices of a type that the package keeps in a
// package-level literal table, which are copies or parts of that table.
package prealloc
