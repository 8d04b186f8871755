// Package strutil lies below tools/, where a module may keep a library
// its users import: unlike a command there, it is not a development tool.
package strutil

// Join joins parts.
func Join(parts []string) string { // want `unknown: `
	s := ""
	for _, p := range parts {
		s += p
	}
	return s
}
