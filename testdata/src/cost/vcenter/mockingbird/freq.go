// Package mockingbird is named like a test double but is not one: its
// element is not mock.
package mockingbird

// Songs lists the songs it imitates.
func Songs(songs map[string]int) []string { // want `unknown: `
	var out []string
	for s := range songs {
		out = append(out, s)
	}
	return out
}
