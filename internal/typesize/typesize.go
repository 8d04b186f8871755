// Package typesize tells whether go/types can size a type: types.Sizes panics
// on type parameters and gives meaningless answers for invalid types.
package typesize

import "go/types"

// Known reports whether t's size is known: it holds no invalid type and no
// type parameter by value. Only what is held by value is visited (an
// instance's fields, not its type arguments: atomic.Pointer[T] holds a
// pointer), and each named type once, so that no type loops.
func Known(t types.Type) bool {
	seen := make(map[types.Type]bool)
	var known func(t types.Type) bool
	known = func(t types.Type) bool {
		switch t := types.Unalias(t).(type) {
		case *types.TypeParam:
			return false
		case *types.Basic:
			return t.Kind() != types.Invalid
		case *types.Array:
			return known(t.Elem())
		case *types.Named:
			if seen[t] {
				return true
			}
			seen[t] = true
			return known(t.Underlying())
		case *types.Struct:
			for f := range t.Fields() {
				if !known(f.Type()) {
					return false
				}
			}
		}
		return true
	}
	return known(t)
}
