// Package headercheck reads headers that mark generated files; it writes
// none, so it is no code generator.
package headercheck

import "strings"

// Generated reports whether line marks a generated file.
func Generated(line string) bool { // want `unknown: $`
	return strings.HasPrefix(line, "// Code generated ") && strings.Contains(line, "DO NOT EDIT")
}
