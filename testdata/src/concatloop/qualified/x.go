// Package qualified builds strings of another package's named string types.
package qualified

import (
	rpt "concatloop/qualified/report"
	"example.com/sig/v2"
)

// Describe joins lines into a report.Description, imported under another
// name: the fix converts back with the file's name for the package.
func Describe(lines []string) rpt.Description {
	var d rpt.Description
	for _, l := range lines {
		d += rpt.Description(l + "\n") // want `d grows by \+= in a loop of len\(lines\) iterations: each iteration copies the whole string built so far, so the copying is quadratic in the loop's length; use a strings.Builder \[medium: no bound on the count found here\]$`
	}
	return d
}

// Notes joins into a type this package cannot name: no fix.
func Notes(lines []string) string {
	n := rpt.NewNote()
	for _, l := range lines {
		n += rpt.NewNote() + " " // want `n grows by \+=.*\(no automatic fix: n's type cannot be named here\)`
		_ = l
	}
	return string(n)
}

// Suite joins into a type of a package whose name, sig, is not the last
// element of its path, example.com/sig/v2: the fix names it as the file does.
func Suite(names []string) sig.Algorithm {
	var a sig.Algorithm
	for _, n := range names {
		a += sig.Algorithm(n + ",") // want `a grows by \+= in a loop of len\(names\) iterations: .*use a strings.Builder \[medium: no bound on the count found here\]$`
	}
	return a
}
