package generic

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// Pool is a typed sync.Pool: each instance is a pool of its own, and its
// Get and Put are the pool's.
type Pool[T any] struct{ p sync.Pool }

func NewPool[T any](f func() T) *Pool[T] {
	return &Pool[T]{p: sync.Pool{New: func() any { return f() }}}
}

func (p *Pool[T]) Get() T  { return p.p.Get().(T) }
func (p *Pool[T]) Put(x T) { p.p.Put(x) }

// Methods of generic types that do something else are not pools.
type Box[T any] struct{ v T }

func (b *Box[T]) Get() T  { return b.v }
func (b *Box[T]) Set(v T) { b.v = v }

var buffers = NewPool(func() *bytes.Buffer { return new(bytes.Buffer) })

func Quote(s string) string {
	b := buffers.Get()
	b.WriteByte('"')
	b.WriteString(s)
	b.WriteByte('"')
	q := b.String()
	buffers.Put(b) // want `b is put back into buffers without a reset on some path \(the next Get sees its old contents\); call b.Reset\(\) before Put`
	return q
}

type encoder struct {
	w   io.Writer
	buf []byte
}

var encoders = NewPool(func() *encoder { return new(encoder) })

func Encode(w io.Writer, s string) error {
	e := encoders.Get()
	e.w = w
	e.buf = append(e.buf[:0], s...)
	_, err := e.w.Write(e.buf)
	encoders.Put(e) // want `e is put back into encoders still referencing its last user's memory through e.w \(set from w\)`
	return err
}

// Not reported: another instance of the same type whose every Get resets
// is a pool of its own, and a Put after a reset.
var builders = NewPool(func() *strings.Builder { return new(strings.Builder) })

func Upper(s string) string {
	b := builders.Get()
	b.Reset()
	b.WriteString(strings.ToUpper(s))
	u := b.String()
	builders.Put(b)
	return u
}

var clean = NewPool(func() *bytes.Buffer { return new(bytes.Buffer) })

func Lower(s string) string {
	b := clean.Get()
	b.WriteString(strings.ToLower(s))
	l := b.String()
	b.Reset()
	clean.Put(b)
	return l
}
