package prealloc

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
)

// report reports d, with fix if it is not nil.
func (c *checker) report(d finding, message string, fix *analysis.SuggestedFix) {
	diag := analysis.Diagnostic{Pos: d.init.name.Pos(), End: d.init.name.End(), Message: message}
	if fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.rep.Report(diag, d.est)
}

// message says what the capacity saves, and how sure the count is.
func (c *checker) message(d finding) string {
	n := d.count.plus(d.init.elems)
	saves := "append grows it ~log2(n) times, copying the elements each time"
	if d.acc.isMap {
		saves = "past 8 entries, the map grows ~log2(n/8) times, rehashing its entries each time"
	}
	switch {
	case d.acc.cond != nil && d.filledElsewhere:
		return fmt.Sprintf("%s gets at most %s entries from this loop and more outside it, so that capacity covers only part (%s)", d.acc.name(), n, saves)
	case d.acc.cond != nil:
		return fmt.Sprintf("%s gets at most %s elements and can be preallocated with that capacity (%s)", d.acc.name(), n, saves)
	case d.filledElsewhere:
		return fmt.Sprintf("%s can be sized for at least %s entries (%s); it also gets entries outside the loop, so that hint is a lower bound", d.acc.name(), n, saves)
	}
	capacity := n.String()
	if n.mayBeNegative() && c.canUseMax(d.init.name.Pos()) {
		capacity = n.capacity() // as the fix writes it: a negative count would make it panic
	}
	return fmt.Sprintf("%s can be preallocated with capacity %s (%s)", d.acc.name(), capacity, saves)
}

// grownBeforeLoop says where the fix gives the capacity: before the
// loop, by slices.Grow, as it cannot where the slice is made (notAtInit);
// a reader of the declaration would otherwise take the count there, before
// a lock or a call that changes it. A slice declared nil stays nil when
// nothing is appended: callers may tell nil from empty (an exec.Cmd's
// Env, a struct compared with reflect.DeepEqual), and make would not keep
// it.
func grownBeforeLoop(d finding, notAtInit string) string {
	if d.init.isNil {
		return "; slices.Grow before the loop keeps it nil when nothing is appended"
	}
	return "; slices.Grow before the loop, not where it is made: " + notAtInit
}
