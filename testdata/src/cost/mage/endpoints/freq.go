// Package endpoints holds targets of the module's Mage build scripts: its
// developers run them, all of it is cold.
package endpoints

import "strings"

// Rows lists the endpoints a build target writes out.
func Rows(paths []string) string { // want `cold: a package under mage/, where a module keeps its generators, scripts and examples \(cost/mage/endpoints\)`
	return strings.Join(paths, "\n")
}
