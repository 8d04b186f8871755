// Package foreign removes elements from slices that another package's
// types hold: that package's uses of the array are out of sight.
package foreign

import "subsliceleak/foreign/scope"

func drop(s *scope.Scope, v *scope.Var) {
	for i, x := range s.Vars {
		if x == v {
			s.Vars = append(s.Vars[:i], s.Vars[i+1:]...) // want `append\(s\.Vars\[:i\], s\.Vars\[i\+1:\]\.\.\.\) deletes from a \[\]\*scope\.Var by shifting, .* \(no automatic fix: the slice belongs to package scope, whose code may hold another slice of the same array\) \[low: no production callers\]$`
			break
		}
	}
}

func pop(s *scope.Scope) {
	s.Vars = s.Vars[:len(s.Vars)-1] // want `s\.Vars\[:len\(s\.Vars\)-1\] drops the last element .* \(no automatic fix: the slice belongs to package scope, whose code may hold another slice of the same array\) \[low: no production callers\]$`
}
