// Package cgo declares a struct in a file that imports "C": not reported.
package cgo

// #include <stdint.h>
import "C"

type Mirror struct {
	a bool
	b int64
	c bool
}

var mirrors []Mirror
