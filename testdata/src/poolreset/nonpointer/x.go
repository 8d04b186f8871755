package nonpointer

import "sync"

var slicePool = sync.Pool{New: func() any { return make([]byte, 0, 512) }}

func putSlice(b []byte) {
	slicePool.Put(b[:0]) // want `putting a \[\]byte \(not a pointer\) into a sync.Pool allocates a 24-byte interface on every Put; store a \*\[\]byte \(no automatic fix`
}

type pair struct{ a, b int }

var pairPool sync.Pool

func putPair(p pair) {
	pairPool.Put(p) // want `putting a pair \(not a pointer\) into a sync.Pool allocates a 16-byte interface on every Put; store a \*pair that goes with the value from Get to Put: p arrives by value, so &p here would allocate as much \(no automatic fix`
}

// Pointers, pointer-shaped structs, constants and empty structs are stored
// in the interface directly.
type wrapper struct{ p *pair }

var okPool sync.Pool

func putPointers(b []byte, p *pair) {
	okPool.Put(&b)
	okPool.Put(p)
	okPool.Put(wrapper{p})
	okPool.Put("constant")
	okPool.Put(struct{}{})
}
