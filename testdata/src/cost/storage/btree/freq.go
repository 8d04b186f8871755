// Package btree is an ordered map, designed for large trees; its tests
// cover every operation.
package btree

import "strings"

type tree struct{ keys []string }

// Keys runs per lookup of its users.
func (t *tree) Keys() string { // want `unknown: `
	return strings.Join(t.keys, ",")
}
