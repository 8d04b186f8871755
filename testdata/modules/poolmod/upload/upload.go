// Package upload parses uploads into a buffer its callers lend it.
package upload

import (
	"bytes"
	"io"
)

// Parse reads r into buf, which it starts over first.
func Parse(r io.Reader, buf *bytes.Buffer) (int, error) {
	buf.Reset()
	n, err := buf.ReadFrom(r)
	return int(n), err
}
