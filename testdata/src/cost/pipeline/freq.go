// Package pipeline writes Go source (it formats what it generates): a
// code generator, whatever its path says.
package pipeline

import "go/format"

// Generate formats the generated declarations of names.
func Generate(names []string) ([]byte, error) { // want `cold: a code generator \(it imports go/format\)`
	var src []byte
	for _, n := range names {
		src = append(src, "var "+n+" int\n"...)
	}
	return format.Source(src)
}
