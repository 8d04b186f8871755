// Package internal_gen is the code of a protoc plugin, below its command:
// a code generator run at build time, cold.
package internal_gen

// GenerateFile writes the code of one .proto file.
func GenerateFile(fields []string) string { // want `cold: a development tool or example \(cost/cmd/protoc-gen-x/internal_gen\)`
	s := ""
	for _, f := range fields {
		s += f + "\n"
	}
	return s
}
