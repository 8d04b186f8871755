// Package flagged holds accumulations that prealloc reports.
package flagged

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type user struct{ name string }

func NilVar(users []user) []string {
	var names []string // want `names can be preallocated with capacity len\(users\) \(append grows it ~log2\(n\) times, copying the elements each time\); slices.Grow before the loop keeps it nil when nothing is appended \[`
	for _, u := range users {
		names = append(names, u.name)
	}
	return names
}

func EmptyLiteral(users []user) []string {
	names := []string{} // want `names can be preallocated with capacity len\(users\)`
	for _, u := range users {
		names = append(names, u.name)
	}
	return names
}

func EmptyMake(xs []int) []int {
	out := make([]int, 0) // want `out can be preallocated with capacity len\(xs\)`
	for i := range xs {
		out = append(out, xs[i]*2)
	}
	return out
}

func NilConversion(xs []int) []int {
	out := []int(nil) // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, x+1)
	}
	return out
}

// The bound is declared after the slice: the capacity cannot be given
// where the slice is made, so it is grown before the loop.
func BoundAfterMake(s string) []string {
	out := []string{} // want `out can be preallocated with capacity len\(words\)`
	words := strings.Fields(s)
	for _, w := range words {
		out = append(out, strings.TrimSpace(w))
	}
	return out
}

func MapKeys(m map[string]int) []string {
	var keys []string // want `keys can be preallocated with capacity len\(m\)`
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func RangeInt(n int) []int {
	var out []int // want `out can be preallocated with capacity max\(n, 0\) `
	for i := range n {
		out = append(out, i*i)
	}
	return out
}

func CountingLoop(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for i := 0; i < len(xs); i++ {
		out = append(out, xs[i])
	}
	return out
}

func CountingLoopSwapped(n int) []int {
	out := make([]int, 0) // want `out can be preallocated with capacity max\(n - 1, 0\) `
	for i := 1; n > i; i++ {
		out = append(out, i)
	}
	return out
}

func InclusiveLoop(xs []int) []int {
	out := []int{} // want `out can be preallocated with capacity len\(xs\)`
	for i := 0; i <= len(xs)-1; i++ {
		out = append(out, xs[i])
	}
	return out
}

func DownwardLoop(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for i := len(xs) - 1; i >= 0; i-- {
		out = append(out, xs[i])
	}
	return out
}

type table struct{ rows [][]string }

func FieldOfParam(t *table) []int {
	widths := []int{} // want `widths can be preallocated with capacity len\(t.rows\)`
	for _, r := range t.rows {
		widths = append(widths, len(r))
	}
	return widths
}

func ResetToNil(xs []int) []int {
	out := []int{1}
	_ = out
	out = nil // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func MapFromSlice(users []user) map[string]bool {
	seen := make(map[string]bool) // want `seen can be preallocated with capacity len\(users\) \(past 8 entries, the map grows ~log2\(n/8\) times, rehashing its entries each time\)`
	for _, u := range users {
		seen[u.name] = true
	}
	return seen
}

func MapLiteral(xs []int) map[int]int {
	index := map[int]int{} // want `index can be preallocated with capacity len\(xs\)`
	for i, x := range xs {
		index[x] = i
	}
	return index
}

func InSwitch(kind int, xs []int) []int {
	switch kind {
	case 1:
		var out []int // want `out can be preallocated with capacity len\(xs\)`
		for _, x := range xs {
			out = append(out, x)
		}
		return out
	}
	return nil
}

func InnerBreakIsFine(xs [][]int) []int {
	firsts := []int{} // want `firsts can be preallocated with capacity len\(xs\)`
	for _, row := range xs {
		first := -1
		for _, v := range row {
			first = v
			break
		}
		switch {
		case first > 10:
			break
		}
		firsts = append(firsts, first)
	}
	return firsts
}

func TwoSlices(xs []int) ([]int, []int) {
	var a []int  // want `a can be preallocated with capacity len\(xs\)`
	b := []int{} // want `b can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		a = append(a, x)
		b = append(b, -x)
	}
	return a, b
}

func VarWithValue(xs []string) []string {
	var out = []string{} // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

type box struct {
	mu    sync.Mutex
	items []int
}

// The capacity is read after the lock is taken, where the loop reads it.
func LockedNil(b *box) []int {
	var out []int // want `out can be preallocated with capacity len\(b.items\)`
	b.mu.Lock()
	for _, x := range b.items {
		out = append(out, x)
	}
	b.mu.Unlock()
	return out
}

// The message says where the capacity goes: a reader would otherwise take
// the count before the lock.
func LockedEmpty(b *box) []int {
	out := []int{} // want `out can be preallocated with capacity len\(b.items\) \(.*\); slices.Grow before the loop, not where it is made: the code between its declaration and the loop may change the count`
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, x := range b.items {
		out = append(out, x)
	}
	return out
}

// The slice starts with one element and a closure reads it: it can still be
// grown before the loop.
func Wrap(words []string) []int {
	f := []int{0} // want `f can be preallocated with capacity len\(words\) `
	g := func(i int) int { return f[i] + len(words[i]) }
	for m := 1; m < len(words); m++ {
		f = append(f, g(m-1))
	}
	return f
}

func HasElements(xs []int) []int {
	out := []int{0} // want `out can be preallocated with capacity len\(xs\) \+ 1`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// A call in the literal may change the count, which the fix would measure
// first: the slice is grown after it instead.
func WithHead(xs []int) []int {
	out := []int{pop(&xs)} // want `out can be preallocated with capacity len\(xs\) \+ 1`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

// pop takes the first of *xs.
func pop(xs *[]int) int {
	x := (*xs)[0]
	*xs = (*xs)[1:]
	return x
}

// Labelled hands the list on with one more element: the capacity covers it.
func Labelled(names []string, last string) string {
	var labels []string // want `labels can be preallocated with capacity len\(names\) \+ 1 `
	for _, n := range names {
		labels = append(labels, "<"+n+">")
	}
	return strings.Join(append(labels, last), ",")
}

// Call's cases append their own arguments after the loop, but only one
// case runs: two more at most, not the four of both.
func Call(name string, exprs []string) []string {
	var args []string // want `args can be preallocated with capacity len\(exprs\) \+ 2 `
	for _, e := range exprs {
		args = append(args, "("+e+")")
	}
	switch name {
	case "bin":
		args = append(args, "10")
		args = append(args, "2")
	case "oct":
		args = append(args, "10")
		args = append(args, "8")
	}
	return args
}

// nonEmpty appends under a condition, but its only caller measures the
// result: nil and empty are alike there, so it is made before the loop.
func nonEmpty(xs []string) []string {
	var out []string // want `out gets at most len\(xs\) elements and can be preallocated with that capacity \(append grows it ~log2\(n\) times, copying the elements each time\)`
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// CountNonEmpty counts the non-empty strings.
func CountNonEmpty(xs []string) int {
	ys := nonEmpty(xs)
	return len(ys)
}

type image struct {
	ID       string
	ParentID string
}

// ImagesByID indexes images by their own ID, beside which ParentID names
// another image: one entry per image.
func ImagesByID(images []image) map[string]image {
	byID := make(map[string]image) // want `byID can be preallocated with capacity len\(images\)`
	for _, im := range images {
		byID[im.ID] = im
	}
	return byID
}

type document struct {
	Name string
	Path string
}

// DocumentsByPath indexes documents by path: a map keyed by a field beside
// Name, unlike a set of such values, is an index whose keys are distinct.
func DocumentsByPath(docs []document) map[string]document {
	byPath := make(map[string]document) // want `byPath can be preallocated with capacity len\(docs\)`
	for _, d := range docs {
		byPath[d.Path] = d
	}
	return byPath
}

// Invert maps each code back to its name: the keys of codes are distinct,
// and an inverse has as many entries.
func Invert(codes map[string]int) map[int]string {
	names := make(map[int]string) // want `names can be preallocated with capacity len\(codes\)`
	for name, code := range codes {
		names[code] = name
	}
	return names
}

// Published stores the address of the list once it is built: nothing the
// loop calls can reach it.
func Published(names []string, to *atomic.Pointer[[]user]) {
	users := []user{} // want `users can be preallocated with capacity len\(names\)`
	for _, n := range names {
		users = append(users, user{n})
	}
	to.Store(&users)
}

// PublishedEach builds one list per group, each stored when built: every
// round of the outer loop starts a fresh list.
func PublishedEach(groups [][]string, to []atomic.Pointer[[]user]) {
	for i, names := range groups {
		var users []user // want `users can be preallocated with capacity len\(names\)`
		for _, n := range names {
			users = append(users, user{n})
		}
		to[i].Store(&users)
	}
}

// A bare return of the named error abandons the slice with the loop: every
// iteration that goes on appends, so the count is exact, not a bound.
func Lengths(words []string, limit int) (lengths []int, err error) {
	var out []int // want `out can be preallocated with capacity len\(words\) \(`
	for _, w := range words {
		err = checkLength(w, limit)
		if err != nil {
			return
		}
		out = append(out, len(w))
	}
	return out, nil
}

func checkLength(w string, limit int) error {
	if len(w) > limit {
		return errTooLong
	}
	return nil
}

var errTooLong = errorString("too long")

type errorString string

func (e errorString) Error() string { return string(e) }
