// Package addimport has no "strings" import: the fixes add one, once.
package addimport

import (
	"fmt"
	"strconv"
)

// Keys lists keys; the strings import is added by the fix.
func Keys(xs []int) string {
	s := ""
	for _, x := range xs {
		s += strconv.Itoa(x) + "=" // want `s grows by \+=`
	}
	return s
}

// Values is a second fix in the same file, adding the same import.
func Values(xs []fmt.Stringer) string {
	s := ""
	for _, x := range xs {
		s += x.String() + ";" // want `s grows by \+=`
	}
	return s
}
