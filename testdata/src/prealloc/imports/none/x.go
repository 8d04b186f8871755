package none

func double(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, 2*x)
	}
	return out
}

func triple(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, 3*x)
	}
	return out
}
