// Package memory keeps trees in memory.
//
// This implementation is intended solely for use in integration tests,
// which exercise the layers above storage without a database.
package memory

import "strings"

type store struct{ names []string }

// Names lists the trees: only tests call it.
func (s *store) Names() string { // want `cold: a package documented as for tests \(cost/storage/memory\)`
	return strings.Join(s.names, ",")
}
