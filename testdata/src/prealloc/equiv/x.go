// Package equiv holds one function per kind of fix, all with the same
// signature, so that a test can run each before and after its fix on the
// same inputs and compare results, nil-ness included.
package equiv

import (
	"cmp"
	"errors"
	"maps"
	"slices"
)

func NilVar(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func NilConversion(xs []int, m map[int]string, n int) any {
	out := []int(nil) // want `out can be preallocated`
	for i := range xs {
		out = append(out, i)
	}
	return out
}

func ResetToNil(xs []int, m map[int]string, n int) any {
	out := []int{7}
	_ = out
	out = nil // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func EmptyLiteral(xs []int, m map[int]string, n int) any {
	out := []int{} // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func EmptyMake(xs []int, m map[int]string, n int) any {
	out := make([]int, 0) // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, -x)
	}
	return out
}

func MapKeysNil(xs []int, m map[int]string, n int) any {
	var keys []int // want `keys can be preallocated`
	for k := range m {
		keys = append(keys, k)
	}
	return len(keys) // map order is random
}

func MapKeysNilness(xs []int, m map[int]string, n int) any {
	var keys []int // want `keys can be preallocated`
	for k := range m {
		keys = append(keys, k)
	}
	return keys == nil
}

func RangeIntNil(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated`
	for i := range n {
		out = append(out, i)
	}
	return out
}

func RangeIntEmpty(xs []int, m map[int]string, n int) any {
	out := []int{} // want `out can be preallocated`
	for i := range n {
		out = append(out, i)
	}
	return out
}

func CountUpNil(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

func CountUpFromOne(xs []int, m map[int]string, n int) any {
	out := make([]int, 0) // want `out can be preallocated`
	for i := 1; i < n; i++ {
		out = append(out, i)
	}
	return out
}

func CountUpInclusive(xs []int, m map[int]string, n int) any {
	out := []int{} // want `out can be preallocated`
	for i := 0; i <= n; i++ {
		out = append(out, i)
	}
	return out
}

func CountDown(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated`
	for i := len(xs) - 1; i >= 0; i-- {
		out = append(out, xs[i])
	}
	return out
}

func CountDownExclusive(xs []int, m map[int]string, n int) any {
	out := []int{} // want `out can be preallocated`
	for i := n; i > 0; i-- {
		out = append(out, i)
	}
	return out
}

func GrowAfterBound(xs []int, m map[int]string, n int) any {
	out := []int{} // want `out can be preallocated`
	ys := xs[:len(xs)/2]
	for _, y := range ys {
		out = append(out, y)
	}
	return out
}

func MapFromSlice(xs []int, m map[int]string, n int) any {
	set := make(map[int]bool) // want `set can be preallocated`
	for _, x := range xs {
		set[x] = true
	}
	return set
}

func MapLiteral(xs []int, m map[int]string, n int) any {
	inv := map[string]int{} // want `inv can be preallocated`
	for k, v := range m {
		inv[v] = k
	}
	return inv
}

func WithElements(xs []int, m map[int]string, n int) any {
	out := []int{9, 8} // want `out can be preallocated`
	get := func(i int) int { return out[i-1] }
	for i := 1; i < n; i++ {
		out = append(out, get(i))
	}
	return out
}

func WithElementsFromSlice(xs []int, m map[int]string, n int) any {
	out := []int{9} // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func EveryBranch(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated with capacity len\(xs\) .*\[medium: `
	for _, x := range xs {
		if x%2 == 0 {
			out = append(out, x)
		} else if x%3 == 0 {
			out = append(out, -x)
		} else {
			out = append(out, 0)
		}
	}
	return out
}

// EveryBranchOrReturn appends on every iteration that goes on: the other
// branch returns an error, so the count is exact whenever out is used.
func EveryBranchOrReturn(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated with capacity len\(xs\) .*\[medium: `
	for _, x := range xs {
		if x >= -2 {
			out = append(out, x)
		} else {
			return errors.New("negative")
		}
	}
	return out
}

func SortedKeys(xs []int, m map[int]string, n int) any {
	keys := slices.Sorted(maps.Keys(m)) // want `slices.Sorted\(maps.Keys\(m\)\) appends one element`
	return keys
}

func SortedValuesByLength(xs []int, m map[int]string, n int) any {
	byLen := func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b)) }
	vals := slices.SortedFunc(maps.Values(m), byLen) // want `slices.SortedFunc\(maps.Values\(m\), byLen\) appends one element`
	return vals
}

// The order of a map's values is random: compare the count and nil-ness.
func CollectValues(xs []int, m map[int]string, n int) any {
	vals := slices.Collect(maps.Values(m)) // want `slices.Collect\(maps.Values\(m\)\) appends one element`
	return []any{len(vals), vals == nil}
}

// Loops over iterators of collections: the collection's length is the
// count.
func KeysOfMap(xs []int, m map[int]string, n int) any {
	var keys []int // want `keys can be preallocated with capacity len\(m\)`
	for k := range maps.Keys(m) {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func ValuesOfSlice(xs []int, m map[int]string, n int) any {
	out := []int{} // want `out can be preallocated with capacity len\(xs\)`
	for x := range slices.Values(xs) {
		out = append(out, x*2)
	}
	return out
}

func CopyMapAll(xs []int, m map[int]string, n int) any {
	out := map[int]string{} // want `out can be preallocated with capacity len\(m\)`
	for k, v := range maps.All(m) {
		out[k] = v
	}
	return out
}

type pair struct {
	n    int
	name string
}

// The elements leave out their type, which append's arguments must name:
// T{...} for a slice of T, &T{...} for a slice of *T.
func WithElidedElements(xs []int, m map[int]string, n int) any {
	out := []pair{{1, "first"} /* the second */, {2, "second"}} // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, pair{x, "x"})
	}
	return [2]int{len(out), out[len(out)-1].n}
}

func WithElidedPointers(xs []int, m map[int]string, n int) any {
	out := []*pair{{n: 1}} // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, &pair{n: x})
	}
	return [2]int{len(out), out[len(out)-1].n}
}

type pairs []pair

// A named slice type does not spell out the type its elements leave out:
// the slice is grown before the loop instead.
func WithElidedNamed(xs []int, m map[int]string, n int) any {
	out := pairs{{1, "first"}} // want `out can be preallocated`
	for _, x := range xs {
		out = append(out, pair{x, "x"})
	}
	return [2]int{len(out), out[len(out)-1].n}
}
