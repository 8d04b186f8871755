// Package oldgo is a module for go1.20, which has neither slices.Grow nor
// max: the fixes that need them are not offered.
package oldgo

func Keep(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\); no automatic fix: keeping it nil when the loop does not run needs slices.Grow, from go1.21`
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
	out := []int{} // want `out can be preallocated with capacity n \(append grows it ~log2\(n\) times, copying the elements each time\); no automatic fix: the fix needs slices.Grow or max, from go1.21`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}
