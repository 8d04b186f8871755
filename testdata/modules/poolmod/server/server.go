// Package server lends pooled buffers to the upload package of its own
// module, which resets them: whether the next Get sees old contents is
// not visible here, so the Puts without a reset are low. A buffer given
// to a function of another module (io.Copy appends) is dirty.
package server

import (
	"bytes"
	"io"
	"sync"

	"example.com/poolmod/upload"
)

var uploads = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Submit parses one upload into a pooled buffer.
func Submit(r io.Reader) (int, error) {
	buf := uploads.Get().(*bytes.Buffer)
	defer uploads.Put(buf) // want `buf is put back into uploads without a reset on some path .*\[low: a Get first hands it to upload.Parse, of another package of the module, which may reset it\]$`
	return upload.Parse(r, buf)
}

var copies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Copy copies r into a pooled buffer: io.Copy appends to what it holds.
func Copy(r io.Reader) (int, error) {
	buf := copies.Get().(*bytes.Buffer)
	defer copies.Put(buf) // want `buf is put back into copies without a reset on some path .*\[medium: `
	n, err := io.Copy(buf, r)
	return int(n), err
}
