package basic

import "unsafe"

// buffer is memory an allocator hands out and takes back on Release.
type buffer struct{ b []byte }

func (b *buffer) Bytes() []byte { return b.b }
func (b *buffer) Reserve(n int) { b.b = make([]byte, 0, n) }
func (b *buffer) Release()      { b.b = nil }

// int64Builder appends into a view of its buffer: the view's memory is
// the buffer's, which reset gives back, so the view goes with it.
type int64Builder struct {
	data   *buffer
	raw    []int64
	length int
}

// int64s casts bytes to the int64s they hold, as arrow's type traits do.
type int64s struct{}

func (int64s) CastFromBytes(b []byte) []int64 {
	return unsafe.Slice((*int64)(unsafe.Pointer(unsafe.SliceData(b))), cap(b)/8)
}

var int64Traits int64s

func (b *int64Builder) reserve(n int) {
	if len(b.raw)+n > cap(b.raw) {
		if b.data == nil {
			b.data = new(buffer)
		}
		b.data.Reserve(8 * (len(b.raw) + n))
		b.raw = int64Traits.CastFromBytes(b.data.Bytes())[:b.length]
	}
}

func (b *int64Builder) Append(v int64) {
	b.reserve(1)
	b.raw = append(b.raw, v)
	b.length = len(b.raw)
}

// Finish hands the buffer over and starts again.
func (b *int64Builder) Finish() *buffer {
	data := b.data
	b.reset()
	return data
}

// reset gives the buffer back, and the view of it goes too: not
// reported.
func (b *int64Builder) reset() {
	b.data.Release()
	b.data = nil
	b.raw = nil
	b.length = 0
}
