// Package scaffolds writes the files of a new project from templates: a
// developer runs it once per project, all of it is cold.
package scaffolds

import "strings"

// Manifest renders a manifest's lines: per scaffolded project.
func Manifest(lines []string) string { // want `cold: a package under scaffolds/, where a module keeps its generators, scripts and examples \(cost/plugins/scaffolds\)`
	return strings.Join(lines, "\n")
}
