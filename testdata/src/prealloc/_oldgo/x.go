// Package oldgo is a module for go1.20, which has neither slices.Grow nor
// max: the fixes that need them are not offered. A nil slice that must
// stay nil is made before the loop under a test that the loop runs.
package oldgo

import (
	"errors"
	"runtime"
	"sort"
	"strings"
)

func Keep(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\); made before the loop only when len\(xs\) > 0, it stays nil otherwise \[medium`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func NonNil(xs []int) []int {
	out := []int{} // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func MaybeNegative(n int) []int {
	out := []int{} // want `out can be preallocated with capacity n \(append grows it ~log2\(n\) times, copying the elements each time\); no automatic fix: it cannot be made with the capacity where it is declared \(the count may be negative, and max is from go1.21\), and slices.Grow, which would grow it before the loop, is from go1.21`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// A Num method counts parts, as NumFields does: never negative, so the
// slice is made with it though max is not there.
type record struct{ names []string }

func (r *record) NumFields() int { return len(r.names) }

func Names(r *record) []string {
	n := r.NumFields()
	out := []string{} // want `out can be preallocated with capacity n \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for i := 0; i < n; i++ {
		out = append(out, r.names[i])
	}
	return out
}

type node struct{ items []string }

// Between declares a counter between the slice and the loop, which
// cannot change the count read through n: the slice is made with it.
func Between(n *node) []string {
	out := []string{} // want `out can be preallocated with capacity len\(n.items\)`
	optional := 0
	for _, a := range n.items {
		if a == "" {
			optional++
		}
		out = append(out, a)
	}
	_ = optional
	return out
}

// CallBetween calls a function between the slice and the loop, which
// could change n.items.
func CallBetween(n *node, refresh func(*node)) []string {
	out := []string{} // want `out can be preallocated with capacity len\(n.items\) .*no automatic fix: it cannot be made with the capacity where it is declared \(the code between its declaration and the loop may change the count\), and slices.Grow, which would grow it before the loop, is from go1.21`
	refresh(n)
	for _, a := range n.items {
		out = append(out, a)
	}
	return out
}

// SortedBetween sorts another slice between the declaration and the
// loop: sort.Strings reaches only the strings it is given, not the map,
// so the slice is made with the capacity where it is declared.
func SortedBetween(m map[string]int, extra []string) []string {
	keys := []string{} // want `keys can be preallocated with capacity len\(m\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[medium`
	sort.Strings(extra)
	for k := range m {
		keys = append(keys, k)
	}
	return append(keys, extra...)
}

// Guarded returns before the loop when n is nil: reading n.items where out
// is declared would fault.
func Guarded(n *node) []string {
	out := []string{} // want `out can be preallocated with capacity len\(n.items\) .*no automatic fix: it cannot be made with the capacity where it is declared \(the code between its declaration and the loop may leave first, and the count reads through a pointer it may guard\)`
	if n == nil {
		return nil
	}
	for _, a := range n.items {
		out = append(out, a)
	}
	return out
}

// NonEmpty runs its loop only when there is an element: the slice ends
// non-nil either way, so it is made with the capacity before the loop.
func NonEmpty(xs []int) []int {
	if len(xs) > 0 {
		var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
		for _, x := range xs {
			out = append(out, x)
		}
		return out
	}
	return nil
}

// EarlyReturn returns before the loop when there is nothing to walk.
func EarlyReturn(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	if len(xs) == 0 {
		return nil
	}
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// Joined only joins its slice, which cannot tell nil from empty.
func Joined(xs []string) string {
	var vs []string // want `vs can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		vs = append(vs, x)
	}
	return strings.Join(vs, ",") + strings.Repeat("-", len(vs))
}

// Compared tells a nil slice from an empty one: the slice is made only
// when the loop runs, so it stays nil when it does not.
func Compared(xs []int) bool {
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it`
	for _, x := range xs {
		out = append(out, x)
	}
	return out == nil
}

// Listed hands its slice to a variadic function, which lists what it is
// given: nil and empty reach it alike.
func Listed(xs []int) int {
	var ys []int // want `ys can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		ys = append(ys, x*2)
	}
	return sum(ys...)
}

func sum(ns ...int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// collected returns its slice to callers that only spread it or range
// over it: nil and empty reach them alike.
func collected(xs []int) []int {
	var ys []int // want `ys can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		ys = append(ys, x+1)
	}
	return ys
}

// Gather spreads what collected returns, or ranges over it.
func Gather(dst, a, b []int) []int {
	all := collected(a)
	dst = append(dst, all...)
	for _, m := range collected(b) {
		dst = append(dst, m)
	}
	return dst
}

// kept returns its slice to a caller that compares it with nil: made only
// when the loop runs.
func kept(xs []int) []int {
	var ys []int // want `ys can be preallocated with capacity len\(xs\) \(append grows it`
	for _, x := range xs {
		ys = append(ys, x+1)
	}
	return ys
}

// Missing tells nil from empty.
func Missing(xs []int) bool { return kept(xs) == nil }

// PerCore splits work among the CPUs: a count set only to 1 or to
// runtime.NumCPU() is never negative, so the slice is made with it.
func PerCore(serial bool) []int {
	var cores int
	if serial {
		cores = 1
	} else {
		cores = runtime.NumCPU()
	}
	ranges := []int{} // want `ranges can be preallocated with capacity cores \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for i := 0; i < cores; i++ {
		ranges = append(ranges, i)
	}
	return ranges
}

// Shrunk lowers its count, which may then be negative: no fix.
func Shrunk(k int) []int {
	n := runtime.NumCPU()
	n -= k
	out := []int{} // want `out can be preallocated with capacity n .*the count may be negative`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// InsertAt inserts copies of xs at i: the slice it builds is appended to
// and the result spread into another append, which sees only elements.
func InsertAt(s []*int, i int, xs []int) []*int {
	var ps []*int // want `ps can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		x := x
		ps = append(ps, &x)
	}
	return append(s[:i], append(ps, s[i:]...)...)
}

// column returns a column to callers that hand it to a helper of the
// package, which only ranges over it: nil and empty reach it alike.
func column(rows [][]float64, j int) []float64 {
	var col []float64 // want `col can be preallocated with capacity len\(rows\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, r := range rows {
		col = append(col, r[j])
	}
	return col
}

func total(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// Total sums the first column, sorted.
func Total(rows [][]float64) float64 {
	col := column(rows, 0)
	sort.Float64s(col)
	return total(col)
}

// Marks hands its slice to a helper that tells nil from empty: made only
// when the loop runs.
func Marks(xs []int) bool {
	var ms []int // want `ms can be preallocated with capacity len\(xs\) \(append grows it`
	for _, x := range xs {
		ms = append(ms, x)
	}
	return unset(ms)
}

func unset(ms []int) bool { return ms == nil }

// Late reads a count declared after the slice: it cannot be made with it.
func Late(rows [][]int) []int {
	out := []int{} // want `out can be preallocated with capacity n .*no automatic fix: it cannot be made with the capacity where it is declared \(n, which the count reads, is declared after it\)`
	n := len(rows)
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// EitherEmpty returns before the loop when either list is empty: the
// loop then runs, and the slice is never left nil.
func EitherEmpty(dirs, names []string) []string {
	if len(dirs) == 0 || len(names) == 0 {
		return nil
	}
	var paths []string // want `paths can be preallocated with capacity len\(names\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, n := range names {
		paths = append(paths, dirs[0]+n)
	}
	return paths
}

// merged hands its slice to a local that callers only range over: nil
// and empty reach them alike.
func merged(a, b []int, dedupe bool) []int {
	all := append(a, b...)
	if dedupe {
		var out []int // want `out can be preallocated with capacity len\(all\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
		for _, x := range all {
			out = append(out, x)
		}
		all = out
	}
	return all
}

// Merged sums what merged returns.
func Merged(a, b []int) int {
	t := 0
	for _, x := range merged(a, b, true) {
		t += x
	}
	return t
}

// aliased hands its slice to a local that is then compared with nil: made
// only when the loop runs.
func aliased(xs []int) bool {
	var out, got []int // want `out can be preallocated with capacity len\(xs\) \(append grows it`
	for _, x := range xs {
		out = append(out, x)
	}
	got = out
	return got == nil
}

// Aliased calls aliased.
func Aliased(xs []int) bool { return aliased(xs) }

type rpm struct {
	name        string
	dirs, bases []string
}

// Files returns nothing for an empty package and an error for a broken
// one, both before the loop: the loop then runs, and what the error path
// calls cannot change the count on the way to it.
func (p *rpm) Files() ([]string, error) {
	if len(p.dirs) == 0 || len(p.bases) == 0 {
		return nil, nil
	}
	if len(p.dirs) > len(p.bases) {
		return nil, errors.New("broken package " + strings.ToUpper(p.name))
	}
	var paths []string // want `paths can be preallocated with capacity len\(p.bases\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, b := range p.bases {
		paths = append(paths, p.dirs[0]+b)
	}
	return paths, nil
}

// Chained ranges over its slice with more appended: nil and empty give
// the same elements.
func Chained(xs, extra []int) int {
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		out = append(out, x)
	}
	t := 0
	for _, x := range append(out, extra...) {
		t += x
	}
	return t
}

// Described adds the list to a document only when the loop ran: there the
// slice holds an element, and nil is never seen.
func Described(xs []int) map[string]interface{} {
	doc := map[string]interface{}{"n": len(xs)}
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		out = append(out, x)
	}
	if len(xs) != 0 {
		doc["items"] = out
	}
	return doc
}

// DescribedAlways adds the list whether or not the loop ran: a reader of
// the document may see nil, so it is made only when the loop runs.
func DescribedAlways(xs []int) map[string]interface{} {
	doc := map[string]interface{}{"n": len(xs)}
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it`
	for _, x := range xs {
		out = append(out, x)
	}
	doc["items"] = out
	return doc
}

type enumValue struct{ name string }

type enumDecl struct{ values []enumValue }

type folder struct{ folding bool }

// Names turns a flag on and off around its loop: a flag holds no
// reference, so storing it cannot change the count, and the slice is
// made with the capacity where it is declared.
func (f *folder) Names(e *enumDecl) []string {
	names := []string{} // want `names can be preallocated with capacity len\(e.values\) \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	old := f.folding
	f.folding = true
	for _, v := range e.values {
		names = append(names, v.name)
	}
	f.folding = old
	return names
}

type program struct{ ops []int }

func (p *program) pc() int    { return len(p.ops) }
func (p *program) add(op int) { p.ops = append(p.ops, op) }

// Offsets starts its list with a call that cannot change the count (it
// reads another value than xs): the count can be read before it, and the
// list is made with room for both.
func Offsets(p *program, xs []int) []int {
	v := []int{p.pc()} // want `v can be preallocated with capacity len\(xs\) \+ 1 \(append grows it ~log2\(n\) times, copying the elements each time\) \[`
	for _, x := range xs {
		p.add(x)
		v = append(v, p.pc())
	}
	return v
}

// Drained starts its list with a call that takes from what the loop
// counts: read before it, the count would be one too many.
func Drained(p *program) []int {
	v := []int{p.take()} // want `v can be preallocated with capacity len\(p.ops\) \+ 1 \(append grows it ~log2\(n\) times, copying the elements each time\); no automatic fix: it cannot be made with the capacity where it is declared \(its elements call functions, which could change the count\)`
	for _, op := range p.ops {
		v = append(v, op)
	}
	return v
}

func (p *program) take() int {
	op := p.ops[0]
	p.ops = p.ops[1:]
	return op
}

// CallAside calls a function given none of n between the slice and the
// loop: only through a pointer it holds elsewhere could it change n.items.
func CallAside(n *node, label func() string) []string {
	out := []string{} // want `out can be preallocated with capacity len\(n.items\) .*no automatic fix: it cannot be made with the capacity where it is declared \(the count reads through a pointer, which the call of label between its declaration and the loop could write through\), and slices.Grow`
	prefix := ""
	if len(n.items) > 1 {
		prefix = label()
	}
	for _, a := range n.items {
		out = append(out, prefix+a)
	}
	return out
}

// Labels counts to a parameter that may be negative, and only measures
// the slice: it may be made before the loop, but make would panic on a
// negative count and max is from go1.21, so it is made when the loop runs.
func Labels(count int) int {
	var items []string // want `items can be preallocated with capacity count \(append grows it ~log2\(n\) times, copying the elements each time\); made before the loop only when count > 0, it stays nil otherwise \[`
	for i := 1; i <= count; i++ {
		items = append(items, "label")
	}
	return len(items)
}

// Every path after the loop appends, so nil-ness is not the obstacle: the
// count may be negative, and make would panic without max.
func Shard(s string, width, depth int, restOnly bool) []string {
	var parts []string // want `parts can be preallocated with capacity depth \+ 1 .*; no automatic fix: the count may be negative, and max is from go1.21 \[`
	for i := 0; i < depth; i++ {
		parts = append(parts, s[width*i:width*(i+1)])
	}
	if restOnly {
		parts = append(parts, s[width*depth:])
	} else {
		parts = append(parts, s)
	}
	return parts
}

// Attributed has attributes, which it returns as a map.
type Attributed interface{ Attrs() map[string]string }

// SortedAttrs reads the map after the slice is declared: the call defines
// what the count reads, so it is not there where the slice is made.
func SortedAttrs(a Attributed) []string {
	keys := []string{} // want `keys can be preallocated with capacity len\(attrs\) .*no automatic fix: it cannot be made with the capacity where it is declared \(attrs, which the count reads, is declared after it\)`
	attrs := a.Attrs()
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
