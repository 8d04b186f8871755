package alias

import (
	"fmt"
	sl "slices"

	"errors"
)

var _ = fmt.Sprint
var _ = errors.New

func Sorted(xs []int) []int {
	var out []int // want `out can be preallocated with capacity len\(xs\)`
	for _, x := range xs {
		out = append(out, x)
	}
	sl.Sort(out)
	return out
}
