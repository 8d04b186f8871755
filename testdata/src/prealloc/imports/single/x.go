package single

import "strconv"

func Ids(xs []int) []string {
	var out []string // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, strconv.Itoa(x))
	}
	return out
}
