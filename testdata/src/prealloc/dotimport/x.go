// Package dotimport collects with a dot-imported slices.
package dotimport

import (
	"maps"
	. "slices"
)

// Labels collects with a dot-imported slices: no automatic fix, which
// would have to name the package.
func Labels(m map[string]int) []string {
	return Collect(maps.Keys(m)) // want `Collect\(maps.Keys\(m\)\) appends one element .* \(no automatic fix: slices is dot-imported\) \[low: a snapshot of a map`
}
