// Package fieldset is a plugin of the generator: it builds on its types,
// and runs when the generator does.
package fieldset

import "example.com/genmod/codegen"

// Names renders the names of fields in generated code.
func Names(fields []codegen.Field) string { // want `cold: part of the module's code generator \(it imports example.com/genmod/codegen\)`
	s := ""
	for _, f := range fields {
		s += f.Name
	}
	return s
}
