package generated

// Used is handwritten, and stored in a slice by the generated file.
type Used struct { // want `struct Used of 24 bytes could be 16 .*\[high: many values: \[\]Used at x.go`
	a bool
	b int64
	c bool
}
