// Package aliasimport imports strings under another name: the fixes use
// that name rather than import strings again.
package aliasimport

import (
	"strconv"
	str "strings"
)

// Upper builds a string with the alias in use.
func Upper(xs []string) string {
	s := ""
	for _, x := range xs {
		s += str.ToUpper(x) + "," // want `s grows by \+=`
	}
	return s
}

// Join is strings.Join under the alias.
func Join(xs []string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ";" // want `s grows by \+=.*; use strings.Join`
		}
		s += x
	}
	return s
}

// Digits writes numbers.
func Digits(n []int) string {
	s := ""
	for _, x := range n {
		s += strconv.Itoa(x) // want `s grows by \+=`
	}
	return s
}
