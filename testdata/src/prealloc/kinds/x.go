// Package kinds holds the kinds of accumulation that maintainers fixed
// beyond one unconditional append per iteration.
package kinds

import (
	"errors"
	"iter"
	"strings"
	"sync"
)

// CleanPath keeps every element but "." and "..": the count is a tight
// upper bound, plus the one element appended after the loop. dst is nil
// until something is appended, so growing it would change that: no fix.
func CleanPath(p string) string {
	var dst []string // want `dst gets at most len\(src\) \+ 1 elements and can be preallocated with that capacity .*; no automatic fix: the appends are conditional, and growing a nil slice that gets none would make it non-nil \[medium: no bound on the count found here\]$`
	src := strings.Split(p, "/")
	for _, elem := range src {
		switch elem {
		case ".":
		case "..":
			if len(dst) > 0 {
				dst = dst[:len(dst)-1]
			}
		default:
			dst = append(dst, elem)
		}
	}
	if strings.HasSuffix(p, "/") {
		dst = append(dst, "")
	}
	return strings.Join(dst, "/")
}

// NonEmpty skips only empty strings, and starts non-nil: fixed.
func NonEmpty(fields []string) []string {
	out := make([]string, 0) // want `out gets at most len\(fields\) elements .*\[medium: no bound on the count found here\]$`
	for _, f := range fields {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

type series struct {
	name   []byte
	values []float64
}

// Unique fails on a duplicate, so every stored key is distinct and the
// map ends with one entry per element, although the key is computed.
func Unique(ss []series) (map[string]bool, error) {
	seen := make(map[string]bool) // want `seen can be preallocated with capacity len\(ss\) \(past 8 entries, the map grows ~log2\(n/8\) times, rehashing its entries each time\) \[medium: no bound on the count found here\]$`
	for _, s := range ss {
		key := strings.ToLower(string(s.name))
		if seen[key] {
			return nil, errors.New("duplicate series")
		}
		seen[key] = true
	}
	return seen, nil
}

// Families collects a set of names computed from each element: usually a
// few distinct ones for thousands of elements, so len(ss) is no count.
func Families(ss []series) map[string]bool {
	families := make(map[string]bool)
	for _, s := range ss {
		families[strings.SplitN(string(s.name), "_", 2)[0]] = true
	}
	return families
}

// Small never exceeds 8 entries, and a map that small never grows.
func Small(xs []int) map[int]int {
	m := make(map[int]int)
	for i := range 8 {
		m[i] = xs[i]
	}
	return m
}

type pair struct{ k, v string }

type pairs struct {
	list []pair
	sep  string
}

// Pairs appends len(kv)/2 pairs to a field of a local struct.
func Pairs(kv ...string) pairs {
	p := pairs{sep: "="} // want `p.list can be preallocated with capacity len\(kv\) / 2 .*\[medium: no bound on the count found here\]$`
	for i := 0; i+1 < len(kv); i += 2 {
		p.list = append(p.list, pair{kv[i], kv[i+1]})
	}
	return p
}

type registry struct {
	mu    sync.Mutex
	names map[string]int
}

// Names reads the map's length only under the lock: the capacity goes
// after Lock, not where keys is made, where the map may still change.
func (r *registry) Names() []string {
	keys := []string{} // want `keys can be preallocated with capacity len\(r.names\)`
	r.mu.Lock()
	defer r.mu.Unlock()
	for k := range r.names {
		keys = append(keys, k)
	}
	return keys
}

// Generic helpers range over, append to and make a type parameter whose
// type set has one underlying type (S ~[]E, M ~map[K]V) as they would
// that type.
func MapAll[S ~[]E, E, R any](in S, f func(E) R) []R {
	out := []R{} // want `out can be preallocated with capacity len\(in\) .*\[medium: no bound on the count found here\]$`
	for _, e := range in {
		out = append(out, f(e))
	}
	return out
}

// A filter: the count is only an upper bound, low tier (-strict).
func Without[S ~[]E, E comparable](in S, drop E) S {
	out := S{}
	for _, e := range in {
		if e != drop {
			out = append(out, e)
		}
	}
	return out
}

func CopyMap[M ~map[K]V, K comparable, V any](in M) M {
	out := M{} // want `out can be preallocated with capacity len\(in\) \(past 8 entries, the map grows .*\[medium: no bound on the count found here\]$`
	for k, v := range in {
		out[k] = v
	}
	return out
}

// Attrs is a collection with a Len method, as generated data models have:
// a loop to its Len has a known count.
type Attrs struct{ kv *[]string }

func (a Attrs) Len() int        { return len(*a.kv) }
func (a Attrs) At(i int) string { return (*a.kv)[i] }
func (a Attrs) Append(s string) { *a.kv = append(*a.kv, s) }

func Upper(a Attrs) []string {
	out := []string{} // want `out can be preallocated with capacity a.Len\(\) .*\[medium: no bound on the count found here\]$`
	for i := 0; i < a.Len(); i++ {
		out = append(out, strings.ToUpper(a.At(i)))
	}
	return out
}

func Index(a Attrs) map[int]string {
	m := make(map[int]string) // want `m can be preallocated with capacity a.Len\(\) .*\[medium: no bound on the count found here\]$`
	for i := range a.Len() {
		m[i] = a.At(i)
	}
	return m
}

// Not reported: the loop appends to the collection it counts, so its
// Len grows as it runs.
func Doubled(a Attrs) []string {
	out := []string{}
	for i := 0; i < a.Len(); i++ {
		if i < 4 {
			a.Append(a.At(i))
		}
		out = append(out, a.At(i))
	}
	return out
}

// AttrSet is a collection with a Len method: its All, Keys and Values
// iterators yield Len elements.
type AttrSet struct{ keys, vals []string }

func (a *AttrSet) Len() int { return len(a.keys) }

func (a *AttrSet) All() iter.Seq2[string, string] {
	return func(yield func(k, v string) bool) {
		for i := range a.keys {
			if !yield(a.keys[i], a.vals[i]) {
				return
			}
		}
	}
}

func (a *AttrSet) Matching(prefix string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, k := range a.keys {
			if strings.HasPrefix(k, prefix) && !yield(k) {
				return
			}
		}
	}
}

func AsMap(a *AttrSet) map[string]string {
	out := make(map[string]string) // want `out can be preallocated with capacity a.Len\(\) \(past 8 entries, the map grows ~log2\(n/8\) times, rehashing its entries each time\) \[medium: no bound on the count found here\]$`
	for k, v := range a.All() {
		out[k] = v
	}
	return out
}

// An iterator that filters: nothing says how many it yields.
func Matching(a *AttrSet, prefix string) []string {
	var out []string
	for k := range a.Matching(prefix) {
		out = append(out, k)
	}
	return out
}

// A collection without a Len method: nothing says how many All yields.
type Lines struct{ text string }

func (l Lines) All() iter.Seq[string] { return strings.Lines(l.text) }

func Collect(l Lines) []string {
	var out []string
	for line := range l.All() {
		out = append(out, line)
	}
	return out
}

// Filled in the default clause of a switch on constants: every other key
// goes in, so the count is the elements'.
func Others(names []string) map[string]int {
	others := make(map[string]int) // want `others gets at most len\(names\) elements and can be preallocated with that capacity`
	for i, n := range names {
		switch n {
		case "self", "root":
		default:
			others[n] = i
		}
	}
	return others
}

// Converted returns nothing when an element fails: the list goes with the
// loop, and a list that is used has one element per item.
type convItem struct {
	v  any
	ok bool
}

func Converted(items []convItem) ([]any, bool) {
	var out []any // want `out can be preallocated with capacity len\(items\) \(append grows it`
	for _, it := range items {
		if !it.ok {
			return nil, false
		}
		out = append(out, it.v)
	}
	return out, true
}

// UntilBad hands out what it gathered when an element fails: the count is
// an upper bound, the low tier (not reported by default).
func UntilBad(items []convItem) ([]any, bool) {
	var out []any
	for _, it := range items {
		if !it.ok {
			return out, false
		}
		out = append(out, it.v)
	}
	return out, true
}
