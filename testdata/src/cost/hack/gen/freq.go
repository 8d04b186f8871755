// Package main under hack/ is a code generator that the module's
// developers run: all of it is cold, whatever a function's name.
package main

import "os"

func main() { // want `cold: a development tool or example \(cost/hack/gen\)`
	os.Stdout.WriteString(render(os.Args[1:]))
}

// render writes the generated text: per run of the generator.
func render(names []string) string { // want `cold: a development tool or example \(cost/hack/gen\)`
	s := ""
	for _, n := range names {
		s += n + "\n"
	}
	return s
}
