// Package onamd64 has the same structs as its twin for the other
// architecture: the findings differ because sizes come from GOARCH.
package onamd64

import "sync/atomic"

// Words pads around a pointer on 64-bit platforms only.
type Words struct { // want `struct Words of 24 bytes could be 16 \(saves 8 bytes per value; size class 24 -> 16 when allocated alone\)`
	a int32
	p *int
	c int32
}

// Halves pads on both, by different amounts.
type Halves struct { // want `struct Halves of 24 bytes could be 16 \(saves 8 bytes per value; size class 24 -> 16 when allocated alone\)`
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
