package taken

func Squares(xs []int) []int {
	slices := 0
	var out []int // want `out can be preallocated with capacity len\(xs\) \(append grows it ~log2\(n\) times, copying the elements each time\); no automatic fix: the name "slices" is taken in this file`
	for _, x := range xs {
		out = append(out, x*x)
		slices++
	}
	return out
}
