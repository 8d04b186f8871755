// Package on386 has the same structs as its twin for the other
// architecture: the findings differ because sizes come from GOARCH.
package on386

import "sync/atomic"

// Words pads around a pointer on 64-bit platforms only.
type Words struct {
	a int32
	p *int
	c int32
}

// Halves pads on both, by different amounts.
type Halves struct { // want `struct Halves of 12 bytes could be 8 \(saves 4 bytes per value; size class 16 -> 8 when allocated alone\)`
	a uint16
	p *int
	b uint16
}

// Counted holds an Int64 counter that sits on an 8-byte boundary even on 386.
type Counted struct { // want `struct Counted of 24 bytes could be 16 \(saves 8 bytes per value; size class 24 -> 16 when allocated alone\)`
	a bool
	n atomic.Int64
	b bool
}

var (
	words   []Words
	halves  []Halves
	counted []Counted
)
