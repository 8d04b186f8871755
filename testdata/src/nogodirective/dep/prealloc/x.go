// Package prealloc is in a module whose go.mod has no go directive: the go
// command compiles it as go1.16, without slices.Grow or max.
package prealloc

// MaybeNegative counts to n, which may be negative.
func MaybeNegative(n int) []int {
	out := []int{} // want `out can be preallocated with capacity n .*no automatic fix: it cannot be made with the capacity where it is declared \(the count may be negative, and max is from go1.21\), and slices.Grow, which would grow it before the loop, is from go1.21`
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}
