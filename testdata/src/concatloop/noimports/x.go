// Package noimports has no imports at all.
package noimports

// Concat builds a string from its parts.
func Concat(parts []string, n int) string {
	s := ""
	for i := 0; i < n; i++ {
		for _, p := range parts {
			s += p + "," // want `s grows by \+= in a loop nested in a loop of n iterations: each time it copies`
		}
	}
	return s
}
