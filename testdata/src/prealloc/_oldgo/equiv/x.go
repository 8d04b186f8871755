// Package equiv holds go1.20 code whose nil slices the fix makes only when
// the loop runs; a test runs each function before and after its fix on the
// same inputs and compares results, nil-ness included.
package equiv

func Range(xs []int, m map[int]string, n int) any {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func Keys(xs []int, m map[int]string, n int) any {
	var keys []int // want `keys can be preallocated with capacity len\(m\)`
	for k := range m {
		keys = append(keys, k)
	}
	return len(keys) == 0 && keys == nil
}

func Count(xs []int, m map[int]string, n int) any {
	var out []string // want `out can be preallocated with capacity n \(`
	for i := 0; i < n; i++ {
		out = append(out, "x")
	}
	return out
}

func Pairs(xs []int, m map[int]string, n int) any {
	var sums []int // want `sums can be preallocated with capacity len\(xs\) / 2`
	for i := 0; i+1 < len(xs); i += 2 {
		sums = append(sums, xs[i]+xs[i+1])
	}
	return sums
}

func Measured(xs []int, m map[int]string, n int) any {
	var items []string // want `items can be preallocated with capacity n \(`
	for i := 1; i <= n; i++ {
		items = append(items, "label")
	}
	return len(items)
}

// Every path after the loop appends, so the slice is never nil when it is
// returned: it can be made before the loop, whether the loop runs or not.
func AppendedAfter(xs []int, m map[int]string, n int) any {
	var parts []int // want `parts can be preallocated with capacity len\(xs\) \+ 1 \(`
	for _, x := range xs {
		parts = append(parts, x)
	}
	if n > 0 {
		parts = append(parts, n)
	} else {
		parts = append(parts, -n)
	}
	return parts
}

// An append after the loop under an if without else may not run: the
// slice stays nil when nothing is appended, and is made only when the
// loop runs.
func MaybeAppendedAfter(xs []int, m map[int]string, n int) any {
	var parts []int // want `parts can be preallocated with capacity len\(xs\) \+ 1 \(`
	for _, x := range xs {
		parts = append(parts, x)
	}
	if n > 0 {
		parts = append(parts, n)
	}
	return parts
}

// A test of nil-ness between the loop and the append after it would see
// a slice made before the loop: it is made only when the loop runs.
func CheckedBeforeAppend(xs []int, m map[int]string, n int) any {
	var parts []int // want `parts can be preallocated with capacity len\(xs\) \+ 1 \(`
	for _, x := range xs {
		parts = append(parts, x)
	}
	empty := parts == nil
	parts = append(parts, n)
	return empty
}
