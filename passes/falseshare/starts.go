package falseshare

import (
	"go/types"

	"github.com/memlint/memlint/internal/typesize"
	"github.com/memlint/memlint/internal/typesx"
)

// lineStarts returns where in a cache line a value of tn can start, when
// the package makes its values only as heap objects of their own (new(T),
// &T{}, a variable a goroutine shares): the runtime puts those at the
// multiples of their size class from a page, so a 120-byte struct always
// starts a line and two of its fields 16 bytes apart across a boundary
// never share one. It returns nil when a value may lie inside another (a
// field of a struct, an element of an array or slice, a package variable),
// at an offset the pass does not follow.
func (c *checker) lineStarts(tn *types.TypeName) []int64 {
	if c.inside == nil {
		c.inside = heldInside(c.pass.TypesInfo)
	}
	if c.inside[tn] {
		return nil
	}
	t := tn.Type()
	sizes := c.pass.TypesSizes
	return typesize.HeapStarts(sizes.Sizeof(t), sizes.Alignof(t), typesx.HasPointers(t), cacheLine)
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

// heldInside returns the named types of the package whose values the
// package places inside other memory: as a field, an array or slice
// element, or a package variable.
func heldInside(info *types.Info) map[*types.TypeName]bool {
	inside := make(map[*types.TypeName]bool)
	seen := make(map[types.Type]bool)
	var holds func(t types.Type)
	holds = func(t types.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch u := t.Underlying().(type) {
		case *types.Array:
			held(inside, u.Elem())
			holds(u.Elem())
		case *types.Slice:
			held(inside, u.Elem())
		case *types.Struct:
			for f := range u.Fields() {
				held(inside, f.Type())
				holds(f.Type())
			}
		}
	}
	for _, tv := range info.Types {
		if tv.Type != nil {
			holds(tv.Type)
		}
	}
	for _, obj := range info.Defs {
		v, ok := obj.(*types.Var)
		if !ok {
			continue
		}
		if v.Parent() != nil && v.Parent() == v.Pkg().Scope() {
			held(inside, v.Type())
		}
		holds(v.Type())
	}
	return inside
}

// held marks t as placed inside other memory when it is a named type.
func held(inside map[*types.TypeName]bool, t types.Type) {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		inside[n.Origin().Obj()] = true
	}
}
