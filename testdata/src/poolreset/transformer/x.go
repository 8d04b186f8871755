// Package transformer pools text Transformers and hands them to
// transform.Bytes, which resets one before it uses it.
package transformer

import (
	"bytes"
	"sync"

	"golang.org/x/text/transform"
)

// upper is a Transformer that keeps state between calls.
type upper struct{ seen int }

func (u *upper) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	u.seen += len(src)
	return copy(dst, bytes.ToUpper(src)), len(src), nil
}

func (u *upper) Reset() { u.seen = 0 }

var upperPool = sync.Pool{New: func() any { return new(upper) }}

// Upper's Put needs no reset: the next Get's user resets through
// transform.Bytes first.
func Upper(s []byte) []byte {
	t := upperPool.Get().(transform.Transformer)
	defer upperPool.Put(t)
	out, _, _ := transform.Bytes(t, s)
	return out
}
