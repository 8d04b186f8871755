// Package gen is the library half of a code generator: its command
// imports it. A library below gen/ is cold like the command.
package gen

// TypeName names the type generated for a struct of fields.
func TypeName(fields []string) string { // want `cold: a package under gen/, where a module keeps its generators, scripts and examples \(cost/msgpx/gen\)`
	s := "struct{"
	for _, f := range fields {
		s += f + ";"
	}
	return s + "}"
}
