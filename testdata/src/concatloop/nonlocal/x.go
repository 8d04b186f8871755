// Package nonlocal holds strings that are struct fields or package
// variables. concatloop reports them only with -concatloop.nonlocal: no fix
// is safe (other code may read them during the loop), and in the sample
// read on std and x/tools maintainers would have declined all of them.
package nonlocal

import "strings"

type record struct{ text string }

// Field accumulates into a struct field that callees could read.
func (r *record) Field(xs []string) {
	for _, x := range xs {
		r.text += strings.TrimSpace(x) + "\n" // want `r.text grows by \+= .*\(no automatic fix: r.text is a struct field, which other code can read while the loop runs\) \[medium: no bound on the count found here\]$`
	}
}

var global string

// Global accumulates into a package variable.
func Global(xs []string) {
	for _, x := range xs {
		global += strings.TrimSpace(x) // want `global grows by \+= .*\(no automatic fix: global is not local to this function`
	}
}

// Indexed counts from 0 to a length, n iterations.
func (r *record) Indexed(xs []string) {
	for i := 0; i < len(xs); i++ {
		r.text += strings.ToUpper(xs[i]) // want `r.text grows by \+= in a loop of len\(xs\) iterations: `
	}
}
