// Package harnesstest supports tests (its name ends in "test", like
// httptest): concatloop does not report in it.
package harnesstest

// Path joins directories for a test environment.
func Path(dirs []string) string {
	s := ""
	for _, d := range dirs {
		s += d + ":"
	}
	return s
}
