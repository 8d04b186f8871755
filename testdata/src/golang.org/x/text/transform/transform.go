// Package transform stands for golang.org/x/text/transform: its Bytes
// resets the Transformer it is given before it uses it.
package transform

type Transformer interface {
	Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error)
	Reset()
}

func Bytes(t Transformer, b []byte) ([]byte, int, error) {
	t.Reset()
	dst := make([]byte, len(b))
	n, _, err := t.Transform(dst, b, true)
	return dst[:n], len(b), err
}
