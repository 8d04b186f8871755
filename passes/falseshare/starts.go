package falseshare

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/astx"
	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

// A placement is where the package puts values of a struct inside other
// memory: in a field of outer, off bytes in, or (outer nil) somewhere the
// pass does not follow: an array or slice element, a package variable, a
// field of an unnamed struct.
type placement struct {
	outer *types.TypeName
	off   int64
}

// lineStarts returns where in a cache line a value of tn can start, or
// nil when that can be anywhere its alignment allows. The runtime places
// a heap object of its own (new(T), &T{}, a variable a goroutine shares)
// at a multiple of its size class from a page, so a 120-byte struct
// (class 128) always starts a line; a value held in a field of another
// struct starts where that struct's values do, plus the field's offset.
// Two fields that share a line at none of these starts never share one.
func (c *checker) lineStarts(tn *types.TypeName) []int64 {
	if c.placed == nil {
		c.placed, c.alone = placements(c.pass)
	}
	return c.startsOf(tn, nil)
}

func (c *checker) startsOf(tn *types.TypeName, visiting []*types.TypeName) []int64 {
	if slices.Contains(visiting, tn) {
		return nil
	}
	visiting = append(visiting, tn)
	var starts []int64
	if c.alone[tn] || len(c.placed[tn]) == 0 {
		t := tn.Type()
		sizes := c.pass.TypesSizes
		starts = typesize.HeapStarts(sizes.Sizeof(t), sizes.Alignof(t), typesx.HasPointers(t), cacheLine)
	}
	for _, p := range c.placed[tn] {
		if p.outer == nil {
			return nil
		}
		outer := c.startsOf(p.outer, visiting)
		if outer == nil {
			return nil
		}
		for _, s := range outer {
			starts = append(starts, (s+p.off)%cacheLine)
		}
	}
	slices.Sort(starts)
	return slices.Compact(starts)
}

// sharesLine reports whether a and b, a before b, lie in one cache line
// for one of the starts of their value; any start when starts is nil.
func sharesLine(a, b span, starts []int64) bool {
	if starts == nil {
		return mayShareLine(a, b)
	}
	for _, s := range starts {
		if (s+a.off+a.size-1)/cacheLine == (s+b.off)/cacheLine {
			return true
		}
	}
	return false
}

// placements returns, for the named types of the package, where the
// package holds their values inside other memory, and which it also makes
// as values of their own: by new(T), &T{} or a local variable.
func placements(pass *analysis.Pass) (map[*types.TypeName][]placement, map[*types.TypeName]bool) {
	info, sizes := pass.TypesInfo, pass.TypesSizes
	placed := make(map[*types.TypeName][]placement)
	place := func(t types.Type, p placement) {
		if n, ok := types.Unalias(t).(*types.Named); ok && !slices.Contains(placed[n.Origin().Obj()], p) {
			placed[n.Origin().Obj()] = append(placed[n.Origin().Obj()], p)
		}
	}
	seen := make(map[types.Type]bool)
	var holds func(t types.Type)
	holds = func(t types.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch u := t.Underlying().(type) {
		case *types.Array:
			place(u.Elem(), placement{})
			holds(u.Elem())
		case *types.Slice:
			place(u.Elem(), placement{})
		case *types.Struct:
			var outer *types.TypeName
			var offsets []int64
			if n, ok := types.Unalias(t).(*types.Named); ok && typesize.Known(t) {
				outer = n.Origin().Obj()
				offsets = sizes.Offsetsof(slices.Collect(u.Fields()))
			}
			for i, f := range slices.Collect(u.Fields()) {
				p := placement{}
				if outer != nil {
					p = placement{outer, offsets[i]}
				}
				place(f.Type(), p)
				holds(f.Type())
			}
		}
	}
	alone := make(map[*types.TypeName]bool)
	for e, tv := range info.Types {
		if _, decl := e.(*ast.StructType); tv.Type == nil || decl {
			continue // a struct type written out holds nothing until a value has it
		}
		holds(tv.Type)
		if ptr, ok := tv.Type.Underlying().(*types.Pointer); ok && astx.IsNew(info, e) { // new(T), &T{}
			if n, ok := types.Unalias(ptr.Elem()).(*types.Named); ok {
				alone[n.Origin().Obj()] = true
			}
		}
	}
	for _, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok {
			holds(tn.Type())
		}
		v, ok := obj.(*types.Var)
		if !ok {
			continue
		}
		holds(v.Type())
		switch {
		case v.Parent() != nil && v.Parent() == v.Pkg().Scope():
			place(v.Type(), placement{})
		case !v.IsField():
			if n, ok := types.Unalias(v.Type()).(*types.Named); ok {
				alone[n.Origin().Obj()] = true
			}
		}
	}
	return placed, alone
}
