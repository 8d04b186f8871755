// Package collect has slices collected from a map's keys or values, which
// grow one element at a time though the map's length is known.
package collect

import (
	"cmp"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"example.com/sig/v2"
)

type handler struct {
	routes  map[string]int
	entries map[string]*entry
	algs    map[string][]sig.Algorithm
}

// ServeHTTP sorts a request's query parameters, per request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	keys := slices.Sorted(maps.Keys(q)) // want `slices.Sorted\(maps.Keys\(q\)\) appends one element at a time, growing its result ~log2\(n\) times, though len\(q\) is known: collect into a slice with that capacity, slices.AppendSeq\(make\(\[\]string, 0, len\(q\)\), maps.Keys\(q\)\), and sort that \[medium: per request \(ServeHTTP\)\]$`
	w.Write([]byte(strings.Join(keys, "&")))
	byLen := func(a, b string) int { return cmp.Compare(len(a), len(b)) }
	names := slices.SortedFunc(maps.Keys(h.routes), byLen) // want `slices.SortedFunc\(maps.Keys\(h.routes\), byLen\) appends one element`
	w.Write([]byte(strings.Join(names, ",")))
	for _, e := range slices.Collect(maps.Values(h.entries)) { // want `slices.Collect\(maps.Values\(h.entries\)\) appends one element .*\[\]\*entry, 0, len\(h.entries\)\), maps.Values\(h.entries\)\) \[medium: per request \(ServeHTTP\)\]$`
		w.Write([]byte(strconv.Itoa(e.n)))
	}
	for _, a := range slices.Collect(maps.Values(h.algs)) { // want `slices.Collect\(maps.Values\(h.algs\)\) appends one element .*make\(\[\]\[\]sig.Algorithm, 0, len\(h.algs\)\), maps.Values\(h.algs\)\) \[medium: per request \(ServeHTTP\)\]$`
		w.Write([]byte(strconv.Itoa(len(a))))
	}
	for _, k := range slices.Sorted(maps.Keys(q)) { // want `slices.Sorted\(maps.Keys\(q\)\) appends .*\(no automatic fix: the sorted slice is not assigned to a variable, which a sort could then take\) \[medium`
		w.Write([]byte(k))
	}
}

type entry struct{ n int }

type signer struct{ algs map[string][]sig.Algorithm }

// ServeHTTP names a local sig, which hides the package the fix would name.
func (s *signer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sig := r.Header.Get("Signature")
	for _, a := range slices.Collect(maps.Values(s.algs)) { // want `slices.Collect\(maps.Values\(s.algs\)\) appends .*\(no automatic fix: the element type's package example.com/sig/v2: sig is shadowed here\) \[medium: per request \(ServeHTTP\)\]$`
		w.Write([]byte(sig + strconv.Itoa(len(a))))
	}
}

// Not reported by default: a snapshot of a map outside a request path
// (low tier, -strict).
func Entries(m map[string]*entry) []*entry {
	return slices.Collect(maps.Values(m))
}

// Not reported by default: keys sorted for a deterministic order, outside
// a request, are usually few (low tier, -strict).
func Describe(params map[string]string) string {
	keys := slices.Sorted(maps.Keys(params))
	return strings.Join(keys, ";")
}

func tree() map[string]int { return nil }

// Not reported: the map is computed by a call, which len would run again.
func Computed() []string {
	return slices.Collect(maps.Keys(tree()))
}

// Not reported: the keys of a slice's indexes are not a map's.
func Indexes(s []string) []int {
	return slices.Collect(func(yield func(int) bool) {
		for i := range s {
			if !yield(i) {
				return
			}
		}
	})
}
