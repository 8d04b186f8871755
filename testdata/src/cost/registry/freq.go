// Package registry keeps the components a program can build.
package registry

import "cost/docs"

type set struct {
	specs map[string]docs.FieldSpec
	ctors map[string]func() any
}

// Docs returns what the components registered are, for the manual.
func (s *set) Docs() []docs.FieldSpec { // want `cold: builds documentation \(Docs\)`
	var out []docs.FieldSpec
	for _, spec := range s.specs {
		out = append(out, spec)
	}
	return out
}

// Spec returns one component's description.
func (s *set) Spec(name string) *docs.FieldSpec { // want `cold: builds documentation \(Spec\)`
	spec := s.specs[name]
	return &spec
}

// Build makes the component of a name: no documentation.
func (s *set) Build(name string) any { // want `unknown: `
	return s.ctors[name]()
}
