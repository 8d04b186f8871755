// Package iface resets values of an unexported type that its users reach
// through an interface.
package iface

import "io"

// Resetter lets users reset what NewFrameDecoder returns, whose type they
// cannot name: a Reset that the package calls only on new values is still
// a reset for them.
type Resetter interface{ Reset(r io.Reader) }

type frameDecoder struct {
	in    io.Reader
	stack []int
}

func NewFrameDecoder(in io.Reader) io.Reader {
	d := &frameDecoder{}
	d.Reset(in)
	return d
}

func (d *frameDecoder) Read(p []byte) (int, error) {
	d.stack = append(d.stack, len(p))
	return d.in.Read(p)
}

func (d *frameDecoder) Reset(in io.Reader) {
	d.in = in
	d.stack = nil // want `Reset sets d.stack to nil, dropping its capacity .*\[medium: per reset\]$`
}
