package fieldheld

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// A writer holds a pooled buffer from its constructor to its Close, and
// nothing resets the buffer in between: the next writer's buffer starts
// with this one's contents.
type writer struct {
	w   io.Writer
	buf *bytes.Buffer
}

func newWriter(w io.Writer) *writer {
	return &writer{w: w, buf: buffers.Get().(*bytes.Buffer)}
}

func (w *writer) Printf(format string, args ...any) {
	fmt.Fprintf(w.buf, format, args...)
}

func (w *writer) Close() error {
	_, err := w.w.Write(w.buf.Bytes())
	buffers.Put(w.buf) // want `w.buf is put back into buffers without a reset, and nothing in the package resets the object that the field buf holds between its Get and this Put: the next Get sees its old contents; call w.buf.Reset\(\) before Put`
	w.buf = nil
	return err
}

// Not reported: a holder that resets the buffer when it gets it, and one
// whose Close resets it.
var clean = sync.Pool{New: func() any { return new(bytes.Buffer) }}

type line struct{ buf *bytes.Buffer }

func (l *line) open() {
	l.buf = clean.Get().(*bytes.Buffer)
	l.buf.Reset()
}

func (l *line) add(s string) { l.buf.WriteString(s) }

func (l *line) close() string {
	s := l.buf.String()
	clean.Put(l.buf)
	return s
}

var others = sync.Pool{New: func() any { return new(bytes.Buffer) }}

type record struct{ buf *bytes.Buffer }

func (r *record) start() { r.buf = others.Get().(*bytes.Buffer) }

func (r *record) add(s string) { r.buf.WriteString(s) }

func (r *record) finish() {
	r.buf.Reset()
	others.Put(r.buf)
}

// LeakWriter returns how many bytes of a first writer a second one finds
// in its buffer.
func LeakWriter() int {
	w := newWriter(io.Discard)
	w.Printf("%d", 42)
	w.Close()
	w = newWriter(io.Discard)
	n := w.buf.Len()
	w.Close()
	return n
}
