// Package scan has structs whose pointers could come first; the scan
// report is behind -fieldalign.scan and tested with the flag set.
package scan

// Mixed has its pointer last: the GC scans all 24 bytes, not 8.
type Mixed struct { // want `struct Mixed of 24 bytes has 24 pointer bytes, could have 8 \(its pointer data, which the GC walks for each live value on every cycle, shrinks by 16 bytes\); reorder the fields \[medium: many values: \[\]Mixed at x.go:\d+\]`
	a, b int64
	p    *int
}

var mixed []Mixed

// Both shrinks and scans less.
type Both struct { // want `struct Both of 32 bytes could be 24 \(saves 8 bytes per value; size class 32 -> 24 when allocated alone\) and its pointer bytes 24 -> 8`
	a bool
	n int64
	p *int
	c bool
}

var both []Both
