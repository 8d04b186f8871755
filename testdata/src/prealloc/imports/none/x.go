package none

func Double(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, 2*x)
	}
	return out
}

func Triple(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, 3*x)
	}
	return out
}
