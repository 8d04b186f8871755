// Package bigscan has structs whose pointer-free tables sit before their
// pointers: the GC scans the tables of every value on every cycle.
package bigscan

import (
	"io"
	"sync"
)

// matcher keeps 128 KiB of hash chains before its writer and window: each
// value costs the collector 128 KiB of scanning per cycle, whatever its
// size.
type matcher struct { // want `struct matcher of 131112 bytes has 131096 pointer bytes, could have 24 \(its pointer data, which the GC walks for each live value on every cycle, shrinks by 131072 bytes\); reorder the fields \[medium: large pointer-free fields before the pointers, scanned on every GC cycle\]`
	head   [32768]uint32
	w      io.Writer
	window []byte
}

// window keeps a 32 KiB page before its reader, one per stream: 32 KiB of
// scanning per value is not worth a change without -scan.
type window struct {
	page [32 << 10]byte
	r    io.Reader
}

// counters has a small table before its pointer: 256 bytes of scanning is
// not worth a change.
type counters struct {
	hits [64]uint32
	name string
}

// device keeps a 64 KiB buffer before its pointers, and a lock: a
// long-lived value, one per device, whose scanning is not worth a change
// without -scan.
type device struct {
	buf  [64 << 10]byte
	mu   sync.Mutex
	name string
	file io.ReadWriteCloser
}

func OpenDevice(f io.ReadWriteCloser) *device { return &device{file: f} }

var _, _, _ = matcher{}, window{}, counters{}
