// Package bigscan has structs whose pointer-free tables sit before their
// pointers: the GC scans the tables of every value on every cycle.
package bigscan

import "io"

// matcher keeps 16 KiB of hash chains before its writer and window: each
// value costs the collector 16 KiB of scanning per cycle, whatever its size.
type matcher struct { // want `struct matcher of 16424 bytes has 16408 pointer bytes, could have 24 \(its pointer data, which the GC walks for each live value on every cycle, shrinks by 16384 bytes\); reorder the fields \[medium: large pointer-free fields before the pointers, scanned on every GC cycle\]`
	head   [4096]uint32
	w      io.Writer
	window []byte
}

// counters has a small table before its pointer: 256 bytes of scanning is
// not worth a change.
type counters struct {
	hits [64]uint32
	name string
}

var _, _ = matcher{}, counters{}
