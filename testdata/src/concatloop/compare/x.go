// Package compare tells values apart. It is intended to only be used in
// tests, as performance is not a goal: concatloop does not report in it.
package compare

// Path describes where two values differ.
func Path(steps []string) string {
	s := ""
	for _, st := range steps {
		s += "." + st
	}
	return s
}
