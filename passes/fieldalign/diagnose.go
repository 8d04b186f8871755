package fieldalign

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/cost"
	"github.com/memlint/memlint/internal/passflag"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

// diagnose rates the candidate and builds its report; false if its layout
// must not change.
func diagnose(pass *analysis.Pass, u *uses, tests *unseenTests, c *candidate) (analysis.Diagnostic, cost.Estimate, bool) {
	if _, ok := u.pinned[c.obj]; ok || usedByAssembly(pass, c.obj.Name()) {
		return analysis.Diagnostic{}, cost.Estimate{}, false
	}
	scanShrinks := (passflag.Bool(pass, "scan") || c.bigScan) && c.optPtr < c.ptr
	e := estimate(u, c, scanShrinks)
	if e.Evidence == noEvidence && c.opt < c.size {
		if held, ok := heldInAllocated(pass, u, c); ok {
			e = demoted(u, c, held)
		}
	}
	if why := cost.DevTool(pass); why != "" && e.Tier > cost.Low {
		// Its values live for one run on its developer's machine.
		e = cost.Estimate{Tier: cost.Low, Evidence: why}
	}
	var msg string
	if c.opt < c.size {
		// Values held inline in a slice, array or map save their bytes;
		// the size class is what values allocated alone would save.
		class := "size class %d -> %d"
		if strings.HasPrefix(e.Evidence, manyValues) {
			class = "size class %d -> %d when allocated alone"
		}
		msg = fmt.Sprintf("struct %s of %d bytes could be %d (saves %d bytes per value; "+class+")",
			c.obj.Name(), c.size, c.opt, c.size-c.opt, typesize.AllocSize(c.size), typesize.AllocSize(c.opt))
		if scanShrinks {
			msg += fmt.Sprintf(" and its pointer bytes %d -> %d", c.ptr, c.optPtr)
		}
	} else {
		msg = fmt.Sprintf("struct %s of %d bytes has %d pointer bytes, could have %d (its pointer data, which the GC walks for each live value on every cycle, shrinks by %d bytes)",
			c.obj.Name(), c.size, c.ptr, c.optPtr, c.ptr-c.optPtr)
	}
	d := analysis.Diagnostic{Pos: c.spec.Name.Pos(), End: c.spec.Name.End()}
	if why := noFixReason(pass, u, tests, c); why != "" {
		d.Message = msg + "; no fix: " + why
		return d, e, true
	}
	d.Message = msg + "; reorder the fields"
	if fix, ok := reorderFix(pass, c); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return d, e, true
}

// manyValues starts the evidence of values held inline in a slice, array
// or map.
const manyValues = "many values: "

// estimate rates a reorder by the bytes it saves per value times the
// evidence that many values exist. For values allocated one by one it is
// worth a change (medium or high) only when the size class shrinks: a heap
// object of 40 bytes takes 48 anyway. Without such evidence, or when the
// field order is seen outside the package, the finding is low tier.
func estimate(u *uses, c *candidate, scanShrinks bool) cost.Estimate {
	classBefore, classAfter := typesize.AllocSize(c.size), typesize.AllocSize(c.opt)
	classSaved := classBefore - classAfter
	many, isMany := u.many[c.obj]
	allocated, isAllocated := u.allocated[c.obj]
	perCall, isPerCall := u.perCall[c.obj]
	high := classSaved*highShare >= classBefore

	var e cost.Estimate
	switch {
	case isSingletonName(c.obj.Name(), isMany) && (isMany || isAllocated || isPerCall):
		e = cost.Estimate{Tier: cost.Low, Evidence: "few values: its name says it is a configuration or a long-lived service"}
	case c.bigScan && !isMany && !isPerCall && synchronizes(c.obj):
		e = cost.Estimate{Tier: cost.Low, Evidence: fmt.Sprintf("few values, as far as the package shows: it synchronizes, as a long-lived device, client or worker does; the GC scans %d bytes of each per cycle", c.ptr)}
	case c.bigScan:
		e = cost.Estimate{Tier: cost.Medium, Evidence: "large pointer-free fields before the pointers, scanned on every GC cycle"}
	case isAllocated && !isMany && !isPerCall && !u.pooled[c.obj] && synchronizes(c.obj):
		e = cost.Estimate{Tier: cost.Low, Evidence: "few values, as far as the package shows: it synchronizes, as a long-lived client, worker or endpoint does, and is made one by one (" + allocated + ") by no method seen to make one per call"}
	case classSaved > 0 && isMany:
		// Values held inline (the elements of a slice, a map or an array)
		// take their size, not a size class of their own: each saves
		// what the reorder saves, and that share makes it high. The size
		// class must still shrink, as a threshold: those whose class stays
		// were read as not worth a change (a trace's events, a DNS
		// answer's addresses, a cookie jar's entries at 4%).
		e = cost.Estimate{Tier: cost.Medium, Evidence: manyValues + many}
		if (c.size-c.opt)*highShare >= c.size {
			e.Tier = cost.High
		}
	case classSaved > 0 && isAllocated:
		e = cost.Estimate{Tier: cost.Medium, Evidence: "allocated one by one: " + allocated}
		if high {
			e.Tier = cost.High
		}
	case classSaved > 0 && isPerCall && codecOf(c.obj) != "":
		e = cost.Estimate{Tier: cost.Low, Evidence: fmt.Sprintf("a protocol message (it has %s), made per exchange (%s): encoding it and the exchange cost far more than %d bytes", codecOf(c.obj), perCall, classSaved)}
	case classSaved > 0 && isPerCall:
		e = cost.Estimate{Tier: cost.Medium, Evidence: perCall}
	case scanShrinks && isMany:
		e = cost.Estimate{Tier: cost.Medium, Evidence: manyValues + many}
	case scanShrinks && isAllocated:
		e = cost.Estimate{Tier: cost.Medium, Evidence: "allocated one by one: " + allocated}
	case c.opt < c.size && (isMany || isAllocated || isPerCall):
		e = cost.Estimate{Tier: cost.Low, Evidence: fmt.Sprintf("the size class stays %d", classBefore)}
	default:
		e = cost.Estimate{Tier: cost.Low, Evidence: noEvidence}
	}
	return demoted(u, c, e)
}

// demoted lowers e when the field order is seen outside the package or
// mirrors a wire format.
func demoted(u *uses, c *candidate, e cost.Estimate) cost.Estimate {
	if why := c.outsideOrder + u.encoded[c.obj]; why != "" {
		e.Tier = cost.Low
	}
	if m, ok := u.wireOrder[c.obj]; ok && e.Tier > cost.Low {
		e = cost.Estimate{Tier: cost.Low, Evidence: "its method " + m + " uses every field in declaration order: the order mirrors a wire format"}
	}
	return e
}

const noEvidence = "no evidence in the package that many values exist"

// heldInAllocated rates a struct by the struct of the package that holds
// it by value and is made one by one or per call (a flow record holding
// its two address tuples): its values are as many, and what a reorder
// saves is what it takes off each outer value, which the outer's size
// class tells. It returns false when no such outer struct exists.
func heldInAllocated(pass *analysis.Pass, u *uses, c *candidate) (cost.Estimate, bool) {
	sizes := pass.TypesSizes
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		outer, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || outer == c.obj || outer.IsAlias() {
			continue
		}
		st, ok := outer.Type().Underlying().(*types.Struct)
		if !ok || !typesize.Known(outer.Type()) {
			continue
		}
		how, isAllocated := u.allocated[outer]
		if !isAllocated {
			how, isAllocated = u.perCall[outer]
		}
		if !isAllocated {
			continue
		}
		// The outer struct with each field of c's type replaced by a
		// stand-in of the reordered size and the same alignment.
		var fields []*types.Var
		held := 0
		for f := range st.Fields() {
			t := f.Type()
			if types.Identical(t, c.obj.Type()) {
				held++
				t = standIn(sizes.Alignof(t), c.opt)
			}
			fields = append(fields, types.NewField(f.Pos(), f.Pkg(), f.Name(), t, false))
		}
		if held == 0 {
			continue
		}
		before, after := sizes.Sizeof(outer.Type()), sizes.Sizeof(types.NewStruct(fields, nil))
		classBefore, classAfter := typesize.AllocSize(before), typesize.AllocSize(after)
		times := "a field"
		if held > 1 {
			times = fmt.Sprintf("%d fields", held)
		}
		if classAfter == classBefore {
			return cost.Estimate{Tier: cost.Low, Evidence: fmt.Sprintf("held in %s of %s (%s), whose size class stays %d", times, outer.Name(), how, classBefore)}, true
		}
		return cost.Estimate{Tier: cost.Medium, Evidence: fmt.Sprintf("held in %s of %s (%s), which shrinks from %d to %d bytes, size class %d -> %d", times, outer.Name(), how, before, after, classBefore, classAfter)}, true
	}
	return cost.Estimate{}, false
}

// standIn is a type of n bytes with the given alignment.
func standIn(align, n int64) types.Type {
	word := map[int64]types.BasicKind{1: types.Uint8, 2: types.Uint16, 4: types.Uint32, 8: types.Uint64}[align]
	if word == 0 {
		word, align = types.Uint8, 1
	}
	return types.NewArray(types.Typ[word], n/align)
}

// codecPairs are the method pairs of a message that a protocol encodes
// and decodes whole: a request, a response, a handshake message.
var codecPairs = [][2]string{{"encode", "decode"}, {"marshal", "unmarshal"}}

// codecOf names the pair of codec methods that tn has (encode and decode,
// in any case), or returns "".
func codecOf(tn *types.TypeName) string {
	has := make(map[string]string)
	for m := range types.NewMethodSet(types.NewPointer(tn.Type())).Methods() {
		has[strings.ToLower(m.Obj().Name())] = m.Obj().Name()
	}
	for _, pair := range codecPairs {
		if has[pair[0]] != "" && has[pair[1]] != "" {
			return has[pair[0]] + " and " + has[pair[1]]
		}
	}
	return ""
}

// synchronizes reports whether the struct holds a mutex, a WaitGroup or a
// channel: an active, long-lived object (a client, a worker, an endpoint's
// state). Collections of pointers to such objects hold one per peer,
// worker or endpoint, usually few; connections made per dial have the
// evidence of a value made per call as well.
func synchronizes(tn *types.TypeName) bool {
	for f := range tn.Type().Underlying().(*types.Struct).Fields() {
		t := f.Type()
		if _, ok := t.Underlying().(*types.Chan); ok {
			return true
		}
		for _, name := range []string{"Mutex", "RWMutex", "WaitGroup"} {
			if typesx.IsNamed(t, "sync", name) {
				return true
			}
		}
	}
	return false
}

// highShare: a reorder that saves at least 1/highShare of each value's
// size class, with many values, is high tier.
const highShare = 5
