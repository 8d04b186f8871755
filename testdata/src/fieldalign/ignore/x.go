// Package ignore has //memlint:ignore directives.
package ignore

//memlint:ignore fieldalign mirrors the order of the wire protocol spec
type Quiet struct {
	a bool
	b int64
	c bool
}

/* want `this //memlint:ignore directive silences nothing: it gives no reason` */ //memlint:ignore fieldalign
type Loud struct {                                                                // want `struct Loud of 24 bytes could be 16`
	a bool
	b int64
	c bool
}

var (
	quiet []Quiet
	loud  []Loud
)
